"""Where a link of a page leads on the built site, the way a browser follows it.

A link is screened first: remote URLs (`https:`, `//host`), other schemes (`mailto:`, `tel:`),
a fragment alone (`#top`) and template code are not followed. What is left is a path of the
site: a relative one is resolved from the page's own address, as a browser does; the query and
fragment are dropped and %-escapes decoded; the base URL the site is served under is taken off.
`url_key` then writes it the way pages are looked up, so that `/posts/a`, `/posts/a/` and
`/posts/a/index.html` are the same page.
"""

from __future__ import annotations

import posixpath
import sys
from typing import Literal
from urllib.parse import unquote

from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record

_SCHEME = lazy_pattern(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PAGINATION = lazy_pattern(r"(?:^|/)page/\d+/?$")
GENERATED_EXTENSIONS = frozenset({".xml", ".css", ".js", ".json", ".map", ".txt", ".webmanifest"})
"""Files generators and their pipelines write (feeds, sitemaps, styles, scripts, search
indexes, robots.txt) that no content or static file stands for."""
TAXONOMIES = frozenset({"tags", "categories"})
"""The list pages Hugo makes for every site (its default taxonomies) and most Zola sites
declare: their addresses come from the terms the pages use."""


@value_record
class Target:
    kind: Literal["path", "content-file", "outside"]
    """path: a path of the site; content-file: Zola's `@/` link to a content file; outside: a
    path from the server's root that misses the base URL."""
    path: str
    """For path: decoded, from the site's root, without the base URL, query or fragment; for
    content-file: the path under the content folder; for outside: as resolved."""
    relative: bool = False
    """The link was relative and `path` is where it resolves."""


def target_of(value: str, page_url: str, base: str) -> Target | None:
    """Where the link leads; None when it is not followed (remote, another scheme, a fragment
    alone, empty, template code, a path on someone's computer)."""
    value = value.strip()
    if not value or value.startswith(("#", "?")) or "{{" in value or "{%" in value:
        return None
    if value.startswith("//") or "\\" in value or value.startswith("~"):
        return None
    if value.startswith("@/"):
        path = unquote(value[2:].split("#", 1)[0].split("?", 1)[0])
        return Target("content-file", path) if path else None
    if _SCHEME.match(value):
        return None
    written = value.split("#", 1)[0].split("?", 1)[0]
    if not written:
        return None
    path = unquote(written)
    if path.startswith("/"):
        if base and path != base and not path.startswith(base + "/"):
            return Target("outside", path)
        return Target("path", _normalized(path[len(base) :] or "/"))
    directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return Target("path", _normalized(directory + path), relative=True)


def _normalized(path: str) -> str:
    """`.` and `..` resolved (a browser stops at the root), a final / kept."""
    slash = path.endswith("/") or path.endswith("/.") or path.endswith("/..") or path in (".", "..")
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    joined = "/" + "/".join(parts)
    return joined + "/" if slash and parts else joined


def url_key(path: str) -> str:
    """How a page's address is looked up: the generator serves `/a/`, `/a` (redirected to the
    other) and `/a/index.html` as one page."""
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    stripped = path.strip("/")
    return "/" + stripped if stripped else "/"


def folders_of(key: str) -> list[str]:
    """The keys of the folders above a page's address: `/a/b/c` gives `/a/b`, `/a` and `/`."""
    folders = []
    while key != "/":
        key = posixpath.dirname(key)
        folders.append(key)
    return folders


LANGUAGE = lazy_pattern(r"[a-z]{2}(?:-[A-Za-z]{2,4})?")
"""A language code as multilingual sites name their folders and files (`fr`, `zh-tw`)."""


def generated(path: str, taxonomies: frozenset[str], *, pagination: bool = True) -> bool:
    """A page or file the generator makes that no content file stands for: taxonomy lists,
    pagination (unless `pagination` is False: the routes say), feeds and other generated files
    (in a language's folder too: /fr/tags/)."""
    segments = path.strip("/").split("/")
    if LANGUAGE.fullmatch(segments[0]) and len(segments) > 1:
        segments = segments[1:]
    if segments[0] in taxonomies:
        return True
    if pagination and _PAGINATION.search(path.rstrip("/") + "/"):
        return True
    extension = posixpath.splitext(path.rstrip("/"))[1].lower()
    return extension in GENERATED_EXTENSIONS or posixpath.basename(path) == "404.html"


def language_variants(url: str, site_path: str) -> list[str]:
    """The other addresses a multilingual site may serve a page at, so that no link to it is
    reported wrongly: a translation by file name (`about.fr.md`, `index.fr.md`) under its
    language's folder (/fr/about/), and a page in a language's content folder (content/en/)
    without that folder, as the default language is served."""
    variants = []
    name = posixpath.basename(site_path)
    parts = name.split(".")
    if len(parts) >= 3 and LANGUAGE.fullmatch(parts[-2]):
        language = parts[-2]
        key = url_key(url)
        directory, last = posixpath.split(key)
        if last.endswith(("." + language, "-" + language)):
            last = last[: -len(language) - 1]
            key = posixpath.join(directory, last) if last not in ("index", "_index") else directory
        variants.append(f"/{language}{key}" if key != "/" else f"/{language}")
        variants.append(key)
    first = url.strip("/").split("/", 1)[0]
    if first and LANGUAGE.fullmatch(first):
        variants.append(url_key(url)[len(first) + 1 :] or "/")
    return variants


def redirect_sources(text: str, toml: bool) -> tuple[list[str], list[str]]:
    """The paths a host redirects (Netlify and Cloudflare Pages `_redirects` lines, the `from`
    of netlify.toml's [[redirects]]): exact paths, and the sources holding a splat or a
    placeholder (`/blog/*`, `/news/:year/:slug`), for redirect_covers."""
    sources: list[str] = []
    if toml:
        redirects = _toml(text).get("redirects")
        if isinstance(redirects, list):
            sources = [
                str(item["from"])
                for item in redirects
                if isinstance(item, dict) and isinstance(item.get("from"), str)
            ]
    else:
        for line in text.splitlines():
            fields = line.split()
            if fields and not fields[0].startswith("#") and not _not_found(fields[2:]):
                sources.append(fields[0])
    exact: list[str] = []
    patterns: list[str] = []
    for source in sources:
        if not source.startswith("/"):
            continue
        parts = source.split("?", 1)[0].split("/")
        if any("*" in part or part[:1] == ":" for part in parts):
            patterns.append(unquote("/".join(parts)))
        else:
            exact.append(url_key(unquote(source)))
    return exact, patterns


def _not_found(options: list[str]) -> bool:
    """A `_redirects` line whose status is an error (`/* /404.html 404`): the host's own
    "page not found" page, not a redirect."""
    status = options[0].rstrip("!") if options else ""
    return status.isdigit() and int(status) >= 400


def redirect_covers(pattern: str, key: str) -> bool:
    """The address (a url_key) is one a redirect's source with placeholders or a splat
    matches: `:name` stands for one segment, `*` for everything below (none too)."""
    wanted = [part for part in pattern.split("/") if part]
    parts = [part for part in key.split("/") if part]
    for index, part in enumerate(wanted):
        if "*" in part:
            return True
        if index >= len(parts) or (part[:1] != ":" and part != parts[index]):
            return False
    return len(parts) == len(wanted)


def slugify_paths(text: str) -> str:
    """Zola's `[slugify] paths` setting in its config's text; "" when not set or unreadable."""
    slugify = _toml(text).get("slugify")
    paths = slugify.get("paths") if isinstance(slugify, dict) else None
    return paths if isinstance(paths, str) else ""


def toml_table_values(text: str, table: str) -> list[str]:
    """The text values of a TOML table in a config's text (Hugo's `[taxonomies]`)."""
    found = _toml(text).get(table)
    if not isinstance(found, dict):
        return []
    return [value for value in found.values() if isinstance(value, str)]


def _toml(text: str) -> dict[str, object]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    return data


def has_extension(path: str) -> bool:
    """The path names a file (`/files/report.pdf`), not a page."""
    return not path.endswith("/") and "." in posixpath.basename(path)
