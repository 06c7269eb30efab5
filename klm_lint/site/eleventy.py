"""Eleventy's addresses beyond a template's own front matter: the `permalink` of its data
files (`blog/blog.json`: `"/blog/{{ page.fileSlug }}/"`), and the pages of templates klm-lint
does not lint (`.njk`, `.liquid`, `.html`, `.11ty.js`).

Only what can be proven without running code is read: a permalink written out, or one whose
only template code is `page.fileSlug` or `page.filePathStem`. A permalink computed in a
JavaScript data file, in other template code, or by pagination makes addresses klm-lint cannot
list: they are routes under the permalink's fixed start (or anywhere, when it has none), and
links into them are counted, not followed. Sources: docs/presets/eleventy.md.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.files import Refused, read_regular
from klm_lint.site.routes import ANY, Route, RouteSpace

if TYPE_CHECKING:
    from klm_lint.files import ProjectRoot

_READ_LIMIT = 1 << 20
_JS_DATA = (".11tydata.js", ".11tydata.cjs", ".11tydata.mjs", ".11tydata.ts", ".11tydata.mts")
_JSON_DATA = (".11tydata.json", ".json")
_CODE_TEMPLATES = (".11ty.js", ".11ty.cjs", ".11ty.mjs", ".11ty.ts", ".11ty.jsx", ".11ty.tsx")
_TEXT_TEMPLATES = (
    ".njk",
    ".liquid",
    ".html",
    ".hbs",
    ".mustache",
    ".ejs",
    ".haml",
    ".pug",
    ".webc",
)
_SKIPPED_FOLDERS = frozenset({"node_modules", "_includes", "_layouts", "_data", "_site", ".git"})
_PLACEHOLDER = re.compile(r"\{\{-?\s*page\.(fileSlug|filePathStem)\s*-?\}\}")
_CODE = re.compile(r"\{\{|\{%")
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_FRONT = re.compile(r"\A---[^\n]*\n(.*?)\n---", re.DOTALL)
_PERMALINK = re.compile(r"^permalink:([^\n]*)", re.MULTILINE)
_PAGINATION = re.compile(r"^pagination[ \t]*:", re.MULTILINE)
_COMPUTED_PERMALINK = re.compile(r"^eleventyComputed[ \t]*:.*?^[ \t]+permalink[ \t]*:", re.M | re.S)
_COMPUTES = re.compile(r"\bpermalink\b|\beleventyComputed\b")
_CONFIGS = (
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
    "eleventy.config.ts",
    ".eleventy.js",
)
_ADDS_PAGES = re.compile(r"\baddTemplate\s*\(|\baddGlobalData\s*\(\s*[\"'](?:permalink|eleventy)")
_ADDS_PAGES_PLUGINS = re.compile(r"\bEleventyI18nPlugin\b|\beleventy-plugin-i18n\b")


class Unknown:
    """An address code decides: `source` names the file whose code does."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source


def _read(path: Path, project: ProjectRoot | None = None) -> str | None:
    try:
        raw, _info = read_regular(path, _READ_LIMIT, project)
    except Refused:
        return None
    return raw.decode("utf-8", errors="replace")


def file_slug(relative: str) -> str:
    """Eleventy's `page.fileSlug`: the file name without its extension and a leading date;
    for `index` (`2020-03-22-index.md` too), its folder's name."""
    folder, _, name = relative.rpartition("/")
    stem = name.split(".", 1)[0] if name.endswith(".11ty.js") else posixpath.splitext(name)[0]
    stem = _DATED.sub("", stem)
    return folder.rpartition("/")[2] if stem == "index" else stem


def fill(permalink: str, relative: str) -> str | None:
    """The permalink with `page.fileSlug` and `page.filePathStem` written in; None when it
    holds other template code."""
    stem = "/" + posixpath.splitext(relative)[0]
    values = {"fileSlug": file_slug(relative), "filePathStem": stem}
    filled = _PLACEHOLDER.sub(lambda match: values[match.group(1)], permalink)
    return None if _CODE.search(filled) else filled


def data_file_stamps(folders: list[str]) -> list[tuple[str, int, int, int]]:
    """Each data file under the content folders, with its size, modification and change time:
    the addresses of posts a run does not read again come from these, so the index cache is
    kept only while they stay the same."""
    stamps: list[tuple[str, int, int, int]] = []
    for folder in folders:
        for directory, folders_below, names in os.walk(folder):
            folders_below[:] = sorted(
                name
                for name in folders_below
                if not name.startswith(".") and name != "node_modules"
            )
            for name in sorted(names):
                if name.endswith(_JSON_DATA + _JS_DATA):
                    path = os.path.join(directory, name)
                    try:
                        found = os.stat(path)
                    except OSError:
                        continue
                    stamps.append((path, found.st_size, found.st_mtime_ns, found.st_ctime_ns))
    return stamps


def data_permalink(path: Path, top: Path) -> str | bool | Unknown | None:
    """The permalink the template's data files give it (`path`: the template, `top`: the input
    folder): a template data file first, then the folders' data files from the nearest up;
    False for `permalink: false`; None when none sets one."""
    stem = path.name.split(".", 1)[0]
    levels = [(path.parent, stem)]
    folder = path.parent
    while folder != top and top in folder.parents:
        levels.append((folder, folder.name))
        folder = folder.parent
    for directory, name in levels:
        for extension in _JS_DATA:
            candidate = directory / f"{name}{extension}"
            text = _read(candidate) if candidate.is_file() else None
            if text is not None and _COMPUTES.search(text):
                return Unknown(candidate.relative_to(top.parent).as_posix())
        for extension in _JSON_DATA:
            candidate = directory / f"{name}{extension}"
            text = _read(candidate) if candidate.is_file() else None
            if text is None:
                continue
            try:
                data = json.loads(text)
            except ValueError:
                continue
            if isinstance(data, dict) and "permalink" in data:
                value = data["permalink"]
                if value is False or isinstance(value, str):
                    return value
                return Unknown(candidate.relative_to(top.parent).as_posix())
    return None


def eleventy_space(root: Path, project: ProjectRoot, content: list[str]) -> RouteSpace:
    """The pages of the templates klm-lint does not lint, and what makes addresses it cannot
    list (pagination, computed permalinks, JavaScript data files, the config's virtual
    templates)."""
    routes: list[Route] = []
    open_reason = ""
    for name in _CONFIGS:
        text = _read(root / name, project) if (root / name).is_file() else None
        if text is not None and (_ADDS_PAGES.search(text) or _ADDS_PAGES_PLUGINS.search(text)):
            open_reason = f"{name} adds pages or moves them"
    for folder in content:
        top = root / folder.strip("/") if folder.strip("/.") else root
        if not top.is_dir():
            continue
        for directory, names, files in os.walk(top):
            names[:] = sorted(
                name for name in names if name not in _SKIPPED_FOLDERS and not name.startswith(".")
            )
            for name in sorted(files):
                path = Path(directory) / name
                relative = path.relative_to(top).as_posix()
                source = path.relative_to(root).as_posix()
                if name.endswith(_JS_DATA):
                    text = _read(path, project)
                    if text is not None and _COMPUTES.search(text):
                        routes.append(Route((ANY,), source))
                    continue
                if name.endswith(_CODE_TEMPLATES):
                    routes.extend(_code_template(path, top, relative, source, project))
                elif name.endswith(_TEXT_TEMPLATES) or name.endswith((".md", ".markdown")):
                    routes.extend(_text_template(path, top, relative, source, project))
    return RouteSpace(True, tuple(routes), open_reason)


def _default(relative: str) -> tuple[str, ...]:
    """A template's address from its path: `about.njk` is /about/, `docs/index.njk` /docs/."""
    name = relative.rpartition("/")[2]
    stem = name.split(".", 1)[0]
    folder = relative.rpartition("/")[0]
    parts = [part for part in folder.split("/") if part]
    if stem != "index":
        parts.append(stem)
    return tuple(parts)


def _segments(url: str) -> tuple[str, ...]:
    url = url.strip()
    if url.endswith("/index.html"):
        url = url[: -len("index.html")]
    return tuple(part for part in url.strip("/").split("/") if part)


def _code_template(
    path: Path, top: Path, relative: str, source: str, project: ProjectRoot
) -> list[Route]:
    text = _read(path, project)
    if text is not None and _COMPUTES.search(text):
        return [Route((ANY,), source)]
    paginated = text is not None and "pagination" in text
    return _defaulted(path, top, relative, source, paginated=paginated)


def _text_template(
    path: Path, top: Path, relative: str, source: str, project: ProjectRoot
) -> list[Route]:
    text = _read(path, project)
    front = _FRONT.match(text) if text is not None else None
    block = front.group(1) if front is not None else ""
    if _COMPUTED_PERMALINK.search(block):
        return [Route((ANY,), source)]
    paginated = bool(_PAGINATION.search(block))
    written = _PERMALINK.search(block)
    is_markdown = relative.endswith((".md", ".markdown"))
    if written is None:
        if is_markdown and not paginated:
            return _markdown_data(path, top, relative, source)
        return _defaulted(path, top, relative, source, paginated=paginated)
    value = written.group(1).strip().strip("\"'")
    if value in ("false", ""):
        return []
    filled = fill(value, relative)
    if filled is not None and not paginated:
        return [] if is_markdown else [Route(_segments(filled), source)]
    return [Route((*_segments(_fixed_start(value)), ANY), source)]


def _markdown_data(path: Path, top: Path, relative: str, source: str) -> list[Route]:
    """A linted page's address is its own, unless its data files' permalink holds template
    code klm-lint does not evaluate."""
    permalink = data_permalink(path, top)
    if isinstance(permalink, str) and fill(permalink, relative) is None:
        return [Route((*_segments(_fixed_start(permalink)), ANY), source)]
    return []


def _defaulted(
    path: Path, top: Path, relative: str, source: str, *, paginated: bool
) -> list[Route]:
    permalink = data_permalink(path, top)
    if isinstance(permalink, Unknown):
        return [Route((ANY,), permalink.source)]
    if permalink is False:
        return []
    segments = _default(relative)
    if isinstance(permalink, str):
        filled = fill(permalink, relative)
        if filled is None or paginated:
            return [Route((*_segments(_fixed_start(permalink)), ANY), source)]
        segments = _segments(filled)
    if paginated:
        return [Route((*segments, ANY), source)]
    return [Route(segments, source)]


def _fixed_start(permalink: str) -> str:
    """The folders of a permalink before its first template code."""
    code = _CODE.search(permalink)
    start = permalink[: code.start()] if code is not None else permalink
    return start.rpartition("/")[0]
