"""The addresses a generator serves from code and templates klm-lint does not lint: Next.js's
and Astro's file-system routes, and what can add pages klm-lint cannot list.

`route_space(root, generator)` reads the project's route files (their names, not their code)
and the generator's config for the settings that move or add pages. A route is static (its
address is known), fed (a dynamic route whose pages are a content folder's, as the config's
`routes` declare: its addresses are the content's) or open (made by code: what lies under it
cannot be known). Sources are cited in docs/presets/nextjs.md and astro.md.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from typing import TYPE_CHECKING

from klm_lint.files import Refused, read_regular
from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record
from klm_lint.site.following import NEXT_FOLDERS

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.config.model import GeneratorConfig
    from klm_lint.files import ProjectRoot

ONE = "*"
"""A dynamic segment: one segment of the address (`[slug]`)."""
SOME = "**"
"""A catch-all: one segment or more (Next.js's `[...slug]`)."""
ANY = "**?"
"""An optional catch-all: none or more (`[[...slug]]`, Astro's `[...slug]`)."""

_READ_LIMIT = 1 << 20
_NEXT_PAGE_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx", ".mdx", ".md")
_NEXT_SPECIAL_PAGES = frozenset({"_app", "_document", "_error", "404", "500"})
_NEXT_APP_FILES = frozenset({"page", "route"})
_NEXT_METADATA = {
    "favicon": "",
    "icon": "",
    "apple-icon": "",
    "opengraph-image": "",
    "twitter-image": "",
    "sitemap": ".xml",
    "robots": ".txt",
    "manifest": ".webmanifest",
}
"""Next.js's metadata files in app/: the file's own name (`favicon.ico`), or for code the
file it makes (`sitemap.ts` is /sitemap.xml)."""
_NEXT_CONFIGS = ("next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts")
_MIDDLEWARE = ("middleware", "src/middleware", "proxy", "src/proxy")
_ASTRO_PAGE_EXTENSIONS = (".astro", ".md", ".mdx", ".markdown", ".mdoc", ".html")
_ASTRO_ENDPOINT_EXTENSIONS = (".js", ".ts", ".mjs", ".mts")
_ASTRO_CONFIGS = ("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts")
_SOURCE = lazy_pattern(r"""\bsource\s*:\s*(?:(["'`])([^"'`]*)\1)?""")
_BASE_PATH = lazy_pattern(r"""\bbasePath\s*:""")
_NEXT_I18N = lazy_pattern(r"""\bi18n\s*:""")
_ASTRO_BASE = lazy_pattern(r"""\bbase\s*:\s*(["'`])([^"'`]*)\1""")
_ASTRO_REDIRECTS = lazy_pattern(r"""\bredirects\s*:\s*\{(.*?)\}""", re.DOTALL)
_ASTRO_REDIRECT_KEY = lazy_pattern(r"""(["'])(/[^"']*)\1\s*:""")
_ASTRO_I18N = lazy_pattern(r"""\bi18n\s*:""")
_STARLIGHT_LOCALES = lazy_pattern(r"""\blocales[ \t]*[:=][ \t]*\{""")
_LOCALE_KEY = lazy_pattern(r"""^[ \t]*(?:(["'])([\w-]+)\1|(\w+))[ \t]*:""", re.MULTILINE)
_REDIRECTS_CALL = lazy_pattern(r"\b(?:redirects|rewrites)\s*\(")

ASTRO_QUIET_PACKAGES = frozenset(
    {
        "astro",
        "@astrojs/mdx",
        "@astrojs/markdoc",
        "@astrojs/sitemap",
        "@astrojs/rss",
        "@astrojs/react",
        "@astrojs/preact",
        "@astrojs/vue",
        "@astrojs/svelte",
        "@astrojs/solid-js",
        "@astrojs/lit",
        "@astrojs/alpinejs",
        "@astrojs/tailwind",
        "@astrojs/partytown",
        "@astrojs/prefetch",
        "@astrojs/check",
        "@astrojs/ts-plugin",
        "@astrojs/language-server",
        "@astrojs/vercel",
        "@astrojs/netlify",
        "@astrojs/node",
        "@astrojs/cloudflare",
        "@astrojs/markdown-remark",
        "@astrojs/compiler",
        "@astrojs/starlight",
        "@astrojs/starlight-tailwind",
        "@astrojs/starlight-docsearch",
        "astro-expressive-code",
        "starlight-links-validator",
        "starlight-image-zoom",
        "astro-icon",
        "astro-auto-import",
        "astro-compress",
        "astro-seo",
        "astro-robots-txt",
        "prettier-plugin-astro",
        "eslint-plugin-astro",
        "astro-eslint-parser",
    }
)
"""Astro packages that add no page (renderers, adapters, Markdown, images, styles), and
Starlight, whose pages are modelled. Any other Astro integration may inject routes."""


@value_record
class Route:
    """A route a file makes: its address as segments, literal or ONE, SOME, ANY."""

    segments: tuple[str, ...]
    source: str
    """The file (or setting) that makes it, as messages name it."""
    fed: bool = False
    """Its pages are a content folder's (declared in `routes`): klm-lint knows them."""

    @property
    def dynamic(self) -> bool:
        return any(segment in (ONE, SOME, ANY) for segment in self.segments)

    def matches(self, parts: tuple[str, ...]) -> bool:
        return _matches(self.segments, parts)

    @property
    def rank(self) -> tuple[int, ...]:
        """Which of two routes matching one address wins: literal segments before dynamic
        ones, a dynamic segment before a catch-all (Next.js's and Astro's priority)."""
        order = {ONE: 1, SOME: 2, ANY: 3}
        return (*(order.get(segment, 0) for segment in self.segments), 4)


def _matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head in (SOME, ANY):
        least = 1 if head == SOME else 0
        return any(_matches(rest, parts[taken:]) for taken in range(least, len(parts) + 1))
    if not parts:
        return False
    return (head == ONE or head == parts[0]) and _matches(rest, parts[1:])


@value_record
class RouteSpace:
    """What klm-lint knows of the addresses the site's code serves."""

    active: bool = True
    """False: the generator's routes are not there to read (no pages/ or app/ folder): the
    rule follows no link."""
    routes: tuple[Route, ...] = ()
    open: str = ""
    """Why no address outside the known pages can be called missing (a setting that moves or
    adds pages, read from the named file); "" when the routes are all there is."""
    redirects: tuple[Route, ...] = ()
    """Addresses the generator's config redirects or rewrites."""
    fallbacks: tuple[str, ...] = ()
    """Language folders under which every page of the default language is served too
    (Starlight's fallback pages)."""
    fed_folders: tuple[str, ...] = ()
    """Content folders whose entries get the address their `routes` entry gives."""
    read: bool = False
    """The routes were read from the project's route files: a content file outside the fed
    folders has an address klm-lint only guesses."""

    def trusts(self, site_path: str) -> bool:
        """The page's address is known, so that its relative links can be followed."""
        if not self.read:
            return True
        return any(site_path.startswith(folder + "/") for folder in self.fed_folders)

    def route_of(self, key: str) -> Route | None:
        """The route that serves the address (a url_key), if any."""
        parts = tuple(part for part in key.strip("/").split("/") if part)
        found = [route for route in self.routes if route.matches(parts)]
        return min(found, key=lambda route: route.rank) if found else None

    def redirected(self, key: str) -> bool:
        parts = tuple(part for part in key.strip("/").split("/") if part)
        return any(route.matches(parts) for route in self.redirects)


KNOWN = RouteSpace()
"""The generators whose every address comes from the content (Hugo, Zola), or whose other
pages are not modelled (the rule then follows links only where the config turns it on)."""


def route_space(root: Path, project: ProjectRoot, generator: GeneratorConfig) -> RouteSpace:
    if generator.urls == "nextjs":
        return _nextjs(root, project, generator)
    if generator.urls == "astro":
        return _astro(root, project, generator)
    return KNOWN


def _read(path: Path, project: ProjectRoot) -> str | None:
    if not path.is_file():
        return None
    try:
        raw, _info = read_regular(path, _READ_LIMIT, project)
    except Refused:
        return None
    return raw.decode("utf-8", errors="replace")


def _segment(name: str, *, optional_rest: bool) -> str | None:
    """A file or folder name as a route segment; None for a segment the address does not
    have (Next.js's route groups `(group)` and slots `@slot`)."""
    if name.startswith("[[...") and name.endswith("]]"):
        return ANY
    if "[..." in name:
        return ANY if optional_rest else SOME
    if "[" in name and "]" in name:
        return ONE
    if (name.startswith("(") and name.endswith(")")) or name.startswith("@"):
        return None
    return name


def _fed(segments: tuple[str, ...], prefixes: frozenset[str]) -> bool:
    """A dynamic route whose literal start is a content folder's declared address, and whose
    dynamic part is what follows it: the content's pages are its pages."""
    literal: list[str] = []
    for segment in segments:
        if segment in (ONE, SOME, ANY):
            break
        literal.append(segment)
    rest = segments[len(literal) :]
    if rest not in ((ONE,), (SOME,), (ANY,)):
        return False
    return ("/" + "/".join(literal) + "/").replace("//", "/") in prefixes


def _prefixes(generator: GeneratorConfig, route_folders: tuple[str, ...]) -> frozenset[str]:
    prefixes = set()
    for folder, prefix in generator.routes.items():
        if folder.strip("/") in route_folders:
            continue
        stripped = prefix.strip("/")
        prefixes.add(f"/{stripped}/" if stripped else "/")
    return frozenset(prefixes)


def _fed_folders(generator: GeneratorConfig, route_folders: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        folder.strip("/")
        for folder in generator.routes
        if folder.strip("/") and folder.strip("/") not in route_folders
    )


# --- Next.js -----------------------------------------------------------------------------------


def _nextjs(root: Path, project: ProjectRoot, generator: GeneratorConfig) -> RouteSpace:
    folders = [folder for folder in NEXT_FOLDERS if (root / folder).is_dir()]
    if not folders:
        # No routes to read: the rule follows links only where the config declares the
        # routes itself (the KLM theme's content, served as `routes` says).
        declared = bool(generator.routes)
        return RouteSpace(active=declared, fed_folders=_fed_folders(generator, ()))
    prefixes = _prefixes(generator, NEXT_FOLDERS)
    routes: list[Route] = []
    for folder in folders:
        app = folder.endswith("app")
        for relative in _files_under(root / folder):
            segments = _next_app(relative) if app else _next_page(relative)
            if segments is None:
                continue
            source = f"{folder}/{relative}"
            routes.append(Route(segments, source, _fed(segments, prefixes)))
    open_reason = ""
    redirects: list[Route] = []
    for name in _NEXT_CONFIGS:
        text = _read(root / name, project)
        if text is None:
            continue
        if _BASE_PATH.search(text) and not generator.base_url.strip("/"):
            open_reason = f"{name} sets a basePath (set base-url to it)"
        elif _NEXT_I18N.search(text):
            open_reason = f"{name} serves pages under each locale (i18n)"
        else:
            found, unread = _sources(text)
            redirects += [Route(_pattern(source), name) for source in found]
            if unread:
                open_reason = f"{name} redirects or rewrites addresses computed in code"
    for name in _MIDDLEWARE:
        for extension in (".js", ".ts", ".mjs"):
            if (root / f"{name}{extension}").is_file():
                open_reason = f"{name}{extension} may answer any address"
    redirects += _vercel(root, project)
    return RouteSpace(
        True,
        tuple(routes),
        open_reason,
        tuple(redirects),
        fed_folders=_fed_folders(generator, NEXT_FOLDERS),
        read=True,
    )


def _files_under(folder: Path) -> list[str]:
    found = []
    for directory, names, files in os.walk(folder):
        names[:] = sorted(name for name in names if name not in ("node_modules", ".git"))
        relative = os.path.relpath(directory, folder).replace(os.sep, "/")
        for name in sorted(files):
            found.append(name if relative == "." else f"{relative}/{name}")
    return found


def _next_page(relative: str) -> tuple[str, ...] | None:
    """A pages/ file's route: `posts/[slug].js` is /posts/*; `_app`, `_document`, 404 and 500
    are not addresses of their own."""
    stem, extension = posixpath.splitext(relative)
    if extension not in _NEXT_PAGE_EXTENSIONS:
        return None
    names = stem.split("/")
    if names[-1] in _NEXT_SPECIAL_PAGES and len(names) == 1:
        return None
    if names[-1] == "index":
        names.pop()
    segments = [_segment(name, optional_rest=False) for name in names]
    return tuple(segment for segment in segments if segment is not None)


def _next_app(relative: str) -> tuple[str, ...] | None:
    """An app/ route: the folders of a `page.*` or `route.*` file; private folders (`_x`)
    hold none, groups `(x)` and slots `@x` are not in the address."""
    stem, extension = posixpath.splitext(relative)
    names = stem.split("/")
    metadata = _NEXT_METADATA.get(names[-1])
    if metadata is not None:
        last = names[-1] + (extension if extension not in _NEXT_PAGE_EXTENSIONS else metadata)
        names = [*names[:-1], last, "page"]
    elif extension not in _NEXT_PAGE_EXTENSIONS or names[-1] not in _NEXT_APP_FILES:
        return None
    folders = names[:-1]
    if any(name.startswith("_") or name.startswith("(.") for name in folders):
        return None
    segments = [_segment(name, optional_rest=False) for name in folders]
    return tuple(segment for segment in segments if segment is not None)


def _sources(text: str) -> tuple[list[str], bool]:
    """The `source` of each redirect or rewrite in a Next.js config; True when one is not a
    plain string, or the config redirects without naming them."""
    found = []
    unread = False
    for match in _SOURCE.finditer(text):
        if match.group(2) is None:
            unread = True
        else:
            found.append(match.group(2))
    if not found and _REDIRECTS_CALL.search(text):
        unread = True
    return found, unread


def _pattern(source: str) -> tuple[str, ...]:
    """A redirect's source as a route: `:slug` one segment, `:slug*` or `*` any below."""
    segments: list[str] = []
    for part in source.split("?", 1)[0].split("/"):
        if not part:
            continue
        if part.endswith(("*", "+")) or part == "*" or "(" in part:
            segments.append(ANY)
            break
        segments.append(ONE if part.startswith(":") else part)
    return tuple(segments)


def _vercel(root: Path, project: ProjectRoot) -> list[Route]:
    text = _read(root / "vercel.json", project)
    if text is None:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    routes = []
    if isinstance(data, dict):
        for key in ("redirects", "rewrites"):
            items = data.get(key)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("source"), str):
                    routes.append(Route(_pattern(item["source"]), "vercel.json"))
    return routes


# --- Astro -------------------------------------------------------------------------------------


def _astro(root: Path, project: ProjectRoot, generator: GeneratorConfig) -> RouteSpace:
    routes: list[Route] = []
    prefixes = _prefixes(generator, ("src/pages",))
    pages = root / "src" / "pages"
    if pages.is_dir():
        for relative in _files_under(pages):
            segments = _astro_page(relative)
            if segments is not None:
                routes.append(Route(segments, f"src/pages/{relative}", _fed(segments, prefixes)))
    open_reason = ""
    redirects: list[Route] = []
    fallbacks: tuple[str, ...] = ()
    fed = list(_fed_folders(generator, ("src/pages",)))
    starlight = False
    config_name = ""
    for name in _ASTRO_CONFIGS:
        text = _read(root / name, project)
        if text is None:
            continue
        config_name = name
        starlight = "starlight(" in text
        base = _ASTRO_BASE.search(text)
        if base is not None and base.group(2).strip("/") != generator.base_url.strip("/"):
            open_reason = f"{name} sets base: '{base.group(2)}' (set base-url to it)"
        elif _ASTRO_I18N.search(text):
            open_reason = f"{name} serves pages under each locale (i18n)"
        block = _ASTRO_REDIRECTS.search(text)
        if block is not None:
            redirects += [
                Route(_pattern(match.group(2)), name)
                for match in _ASTRO_REDIRECT_KEY.finditer(block.group(1))
            ]
        if starlight:
            locales = _STARLIGHT_LOCALES.search(text)
            if locales is not None:
                keys = _braced(text, locales.end())
                fallbacks = tuple(
                    key
                    for match in _LOCALE_KEY.finditer(keys)
                    if (key := match.group(2) or match.group(3)) and key != "root"
                )
        break
    if starlight:
        # Starlight's own route: every entry of the docs collection, by its id, from the root.
        routes.append(Route((ANY,), f"{config_name} (Starlight's docs)", fed=True))
        fed.append("src/content/docs")
    if not open_reason:
        added = _astro_integrations(root, project)
        if added:
            open_reason = f"the integration {added} (package.json) may add pages"
    return RouteSpace(True, tuple(routes), open_reason, tuple(redirects), fallbacks, tuple(fed))


def _braced(text: str, start: int) -> str:
    """The keys of an object literal opened just before `start`, at its own depth (a line of
    a nested object is blanked)."""
    depth = 1
    kept: list[str] = []
    for char in text[start:]:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                break
        kept.append(char if depth == 1 or char == "\n" else " ")
    return "".join(kept)


def _astro_page(relative: str) -> tuple[str, ...] | None:
    """A src/pages/ file's route: pages (`.astro`, Markdown, `.html`) by their path, endpoints
    (`rss.xml.js`) by their name without the script's extension; `_` files are not routes."""
    stem, extension = posixpath.splitext(relative)
    if any(name.startswith("_") for name in relative.split("/")):
        return None
    if extension in _ASTRO_ENDPOINT_EXTENSIONS:
        return _astro_segments(stem)
    if extension not in _ASTRO_PAGE_EXTENSIONS:
        return None
    return _astro_segments(stem)


def _astro_segments(stem: str) -> tuple[str, ...]:
    names = stem.split("/")
    if names[-1] == "index":
        names.pop()
    segments = [_segment(name, optional_rest=True) for name in names]
    return tuple(segment for segment in segments if segment is not None)


def _astro_integrations(root: Path, project: ProjectRoot) -> str:
    """An Astro package of package.json that may add pages (an integration klm-lint does not
    model); "" when there is none."""
    text = _read(root / "package.json", project)
    if text is None:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    names: list[str] = []
    if isinstance(data, dict):
        for key in ("dependencies", "devDependencies"):
            table = data.get(key)
            if isinstance(table, dict):
                names += [name for name in table if isinstance(name, str)]
    for name in sorted(names):
        if name in ASTRO_QUIET_PACKAGES or name.startswith("@types/") or "astro-embed" in name:
            continue
        if "astro" in name or "starlight" in name:
            return name
    return ""
