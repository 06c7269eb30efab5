"""KLM406 broken-internal-link: a link inside the site that leads to no page or file."""

from __future__ import annotations

import os
import posixpath
import re
import weakref
from typing import TYPE_CHECKING
from urllib.parse import unquote

from klm_lint.checks.body import MEDIA_ATTRIBUTES, unescape
from klm_lint.checks.describe import dotted
from klm_lint.checks.fields import checked
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.files import Refused, read_regular
from klm_lint.findings import Severity
from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Mapping, Scalar, lookup
from klm_lint.records import value_record
from klm_lint.site.facts import text_fact, texts_at, words_fact
from klm_lint.site.links import (
    TAXONOMIES,
    Target,
    folders_of,
    generated,
    has_extension,
    language_variants,
    redirect_covers,
    redirect_sources,
    slugify_paths,
    target_of,
    toml_table_values,
    url_key,
)
from klm_lint.site.urls import ADDRESS_RULES
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from klm_lint.load.document import Document
    from klm_lint.load.mdx import Tag
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.routes import RouteSpace
    from klm_lint.site.site import Site
    from klm_lint.site.static import StaticRoots

_MARKDOWN_ESCAPE = lazy_pattern(r"\\([!-/:-@\[-`{-~])")
_LINK_ATTRIBUTES = ("href", "src")
_SCHEME = lazy_pattern(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _on(site: Site) -> bool:
    # site.follows_links is false where the routes would be inactive (none to read): then
    # they are not read.
    return site.follows_links and _space(site).active


_SPACES: weakref.WeakKeyDictionary[Site, RouteSpace] = weakref.WeakKeyDictionary()


def _space(site: Site) -> RouteSpace:
    """The routes of the site's code (Next.js, Astro), read once per site."""
    space = _SPACES.get(site)
    if space is None:
        # here: a run whose KLM406 is off reads no routes
        from klm_lint.site.eleventy import eleventy_space
        from klm_lint.site.routes import route_space

        generator = site.config.generator
        if generator.urls == "eleventy":
            space = eleventy_space(site.root, site.project, site.config.content)
        else:
            space = route_space(site.root, site.project, generator)
        _SPACES[site] = space
    return space


def _page_url(doc: Document, site: Site) -> str:
    """The page's address, when klm-lint knows it: "" when it does not (an Astro entry or a
    Next.js content file that no declared route serves)."""
    if not _on(site):
        return ""
    space = _space(site)
    urls = site.config.generator.urls
    if urls == "astro" and doc.site_path.startswith("src/content/"):
        return _astro_entry_url(doc, site, space)
    return site.page_url(doc) or ""


def _astro_entry_url(doc: Document, site: Site, space: RouteSpace) -> str:
    """An entry's address where a route serves its collection by its id or slug: Starlight's
    docs from the site's root, a collection the config's `routes` name from their address."""
    folder = next((name for name in space.fed_folders if doc.site_path.startswith(name + "/")), "")
    address = site.address(doc) if folder else None
    if address is None:
        return ""
    prefix = site.config.generator.routes.get(folder, "/")
    for name, declared in site.config.generator.routes.items():
        if name.strip("/") == folder:
            prefix = declared
    ident = address.url.strip("/")
    ident = "" if ident == "index" else ident
    path = "/".join(part for part in (prefix.strip("/"), ident) if part)
    return f"/{path}/" if path else "/"


def _aliases(doc: Document, site: Site) -> tuple[str, ...]:
    """The other addresses the page is served at (Hugo's and Zola's redirects)."""
    if not _on(site):
        return ()
    return texts_at(doc, "aliases")


def _taxonomies(doc: Document, site: Site) -> tuple[str, ...]:
    """The taxonomies a Zola page files itself under (`taxonomies: {series: [...]}`): each has
    list pages at /NAME/."""
    if not _on(site) or doc.front_matter is None:
        return ()
    _entry, node = lookup(doc.front_matter.root, ("taxonomies",))
    return tuple(node.keys()) if isinstance(node, Mapping) else ()


@value_record
class Link:
    start: int
    end: int
    what: str
    """How messages name it: "the link", "<a href>", "related (a url field)"."""
    value: str

    def encoded(self) -> str:
        return f"{self.start}\t{self.end}\t{self.what}\t{self.value}"

    @classmethod
    def decoded(cls, word: str) -> Link:
        start, end, what, value = word.split("\t", 3)
        return cls(int(start), int(end), what, value)


def _links(doc: Document, site: Site) -> tuple[str, ...]:
    """The post's links, as `start, end, what, value` words (the index keeps words)."""
    if not _on(site):
        return ()
    return tuple(link.encoded() for link in _links_in(doc, site))


def _links_in(doc: Document, site: Site) -> Iterator[Link]:
    for valued in checked(doc, site).urls:
        node = valued.node
        if isinstance(node, Scalar) and isinstance(node.value, str):
            yield Link(node.start, node.end, f"{dotted(valued.path)}", node.value.strip())
    scan = doc.body_scan
    images = {(image.src_start, image.src_end) for image in scan.images}
    for link in scan.links:
        if link.kind == "definition" and (link.start, link.end) in images:
            continue  # an image's definition: KLM204 checks the file
        value = unescape(_MARKDOWN_ESCAPE.sub(r"\1", link.src)).strip()
        yield Link(link.start, link.end, "the link", value)
    for tag in scan.tags:
        if tag.kind == "close":
            continue
        for name in _link_attributes(tag, site):
            for attribute in tag.attributes:
                if attribute.name == name and attribute.value is not None:
                    value = unescape(attribute.value).strip()
                    what = f"<{tag.name} {name}>"
                    yield Link(attribute.value_start + 1, attribute.value_end - 1, what, value)


def _link_attributes(tag: Tag, site: Site) -> list[str]:
    """href, and src where KLM204 does not check it as an image or media file."""
    assets = MEDIA_ATTRIBUTES.get(tag.name, ())
    component = site.components.get(tag.name)
    if component is not None:
        assets = (*assets, *component.assets)
    return [name for name in _LINK_ATTRIBUTES if name not in assets]


PAGE_URL = text_fact("page-url", _page_url)
ALIASES = words_fact("aliases", _aliases)
TAXONOMY_NAMES = words_fact("taxonomies", _taxonomies)
LINKS = words_fact("links", _links)


@value_record
class _Addresses:
    """Every address of the site a link can lead to, from the index."""

    pages: dict[str, str]
    """Page keys (url_key) to the address as the site writes it."""
    folders: frozenset[str]
    """Keys of folders above pages: list pages, or a folder a server can redirect."""
    content_files: frozenset[str]
    taxonomies: frozenset[str]
    redirected: frozenset[str]
    """Keys the host redirects (_redirects, netlify.toml)."""
    redirected_folders: tuple[str, ...]
    """Sources the host redirects with placeholders or a splat (`/blog/*`, `/:lang/x/`)."""
    unmodelled: str
    """A setting of the generator's config that changes addresses and is not modelled: no
    link is reported."""
    space: RouteSpace
    """The routes of the site's code."""


def _addresses(index: SiteIndex, site: Site) -> _Addresses:
    pages: dict[str, str] = {}
    folders: set[str] = {"/"}
    content_files: set[str] = set()
    taxonomies: set[str] = set(TAXONOMIES)

    def add(key: str, url: str) -> None:
        pages.setdefault(key, url)
        folders.update(folders_of(key))

    zola = site.config.generator.urls == "zola"
    space = _space(site)
    for post in index.posts():
        content_files.add(post.site_path)
        url = post[PAGE_URL]
        names: tuple[str, ...] = post[TAXONOMY_NAMES]
        taxonomies.update(names)
        if not url or not space.trusts(post.site_path):
            continue  # a page only its route's code serves: that route decides
        add(url_key(url), url)
        for variant in language_variants(url, post.site_path):
            add(variant, _like(variant, url))
        for alias in post[ALIASES]:
            if zola:
                alias = "/" + alias.lstrip("/")
            target = target_of(alias, url, "")
            if target is not None and target.kind == "path":
                pages.setdefault(url_key(target.path), target.path)
    if site.config.generator.urls == "zola" and _zola_paths_kept(site):
        for post in index.posts():
            if post[PAGE_URL]:
                raw = _raw_path(post.site_path, site)
                add(url_key(raw), raw)
    if site.config.generator.urls == "hugo":
        for url, site_path in _hugo_other_formats(site):
            add(url_key(url), url)
            for variant in language_variants(url, site_path):
                add(variant, _like(variant, url))
    if site.config.generator.urls == "hugo":
        taxonomies.update(_hugo_taxonomies(site))
    for language in space.fallbacks:
        for key, url in list(pages.items()):
            if not key.startswith(tuple(f"/{other}/" for other in space.fallbacks)):
                add(url_key(f"/{language}{key}"), f"/{language}{url}")
    redirected, redirected_folders = _redirects(site)
    return _Addresses(
        pages,
        frozenset(folders),
        frozenset(content_files),
        frozenset(taxonomies),
        frozenset(redirected),
        tuple(redirected_folders),
        _unmodelled(site),
        space,
    )


def _like(key: str, url: str) -> str:
    """A page key written as the site writes its addresses (with a final / or without)."""
    return key + "/" if url.endswith("/") and not key.endswith("/") else key


_HUGO_FORMATS = (".html", ".htm", ".adoc", ".asciidoc", ".ad", ".org", ".rst", ".pandoc", ".pdc")
"""Content formats Hugo renders besides Markdown: their files are pages, though not linted."""
_READ_LIMIT = 1024 * 1024


def _hugo_other_formats(site: Site) -> Iterator[tuple[str, str]]:
    """The address and path of each content file in a format Hugo renders but klm-lint does
    not lint: its path under the content folder, lower-cased as Hugo writes addresses."""
    for folder in site.config.content:
        top = site.root / folder.strip("/")
        for directory, subfolders, files in os.walk(top):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            for name in files:
                stem, extension = os.path.splitext(name)
                if extension.lower() not in _HUGO_FORMATS:
                    continue
                relative = os.path.relpath(os.path.join(directory, stem), top)
                path = relative.replace(os.sep, "/").lower()
                if path == "index" or path.endswith("/index") or path.endswith("/_index"):
                    path = path.rsplit("/", 1)[0] if "/" in path else ""
                site_path = os.path.relpath(os.path.join(directory, name), site.root)
                yield "/" + path + ("/" if path else ""), site_path.replace(os.sep, "/")


def _zola_paths_kept(site: Site) -> bool:
    """Zola's config keeps file and folder names in addresses as written (`[slugify] paths =
    "off"` or "safe") instead of slugifying them."""
    for name in ("zola.toml", "config.toml"):
        path = site.root / name
        text = _read(path, site) if path.is_file() else None
        if text is not None:
            return slugify_paths(text) not in ("", "on")
    return False


def _raw_path(site_path: str, site: Site) -> str:
    """A content file's address from its path as written: the folder's address, then its path
    without the extension and without a final index or _index."""
    for folder in site.config.content:
        prefix = folder.strip("/") + "/"
        if site_path.startswith(prefix):
            site_path = site_path[len(prefix) :]
            break
    path = os.path.splitext(site_path)[0]
    directory, _, name = path.rpartition("/")
    if name == "index" or name.startswith(("index.", "_index")):
        path = directory
    return "/" + path + "/" if path else "/"


def _hugo_taxonomies(site: Site) -> list[str]:
    """The taxonomies a TOML Hugo config declares (`[taxonomies] series = "series"`)."""
    names: list[str] = []
    paths = [site.root / "hugo.toml", site.root / "config.toml"]
    paths += [site.root / "config" / "_default" / name for name in ("hugo.toml", "config.toml")]
    for path in paths:
        text = _read(path, site) if path.is_file() else None
        if text is not None:
            names += toml_table_values(text, "taxonomies")
    taxonomies = site.root / "config" / "_default" / "taxonomies.toml"
    text = _read(taxonomies, site) if taxonomies.is_file() else None
    if text is not None:
        names += toml_table_values(f"[taxonomies]\n{text}", "taxonomies")
    return names


def _read(path: Path, site: Site) -> str | None:
    """A small text file of the project the generator or the host reads, through the guarded
    reader (a regular file in the project); None when there is none or it cannot be read."""
    try:
        raw, _info = read_regular(path, _READ_LIMIT, site.project)
    except Refused:
        return None
    return raw.decode("utf-8", errors="replace")


def _redirects(site: Site) -> tuple[list[str], list[str]]:
    exact: list[str] = []
    prefixes: list[str] = []
    files = [(site.root / "netlify.toml", True), (site.root / "_redirects", False)]
    files.append((site.root / "layouts" / "index.redirects", False))
    files += [(site.root / folder / "_redirects", False) for folder in site.config.static]
    for path, toml in files:
        text = _read(path, site) if path.is_file() else None
        if text is not None:
            more, wider = redirect_sources(text, toml)
            exact += more
            prefixes += wider
    return exact, prefixes


_HUGO_CONFIGS = ("hugo", "config")
_HUGO_UNMODELLED = lazy_pattern(
    r"^[ \t{,]*(?:\[[ \t]*(permalinks|uglyurls)\b|\"?(permalinks)\"?[ \t]*[:=]"
    r"|\"?(uglyurls|disablepathtolower)\"?[ \t]*[:=][ \t]*true)",
    re.IGNORECASE | re.MULTILINE,
)


_RESOLVING_HOOK = lazy_pattern(r"GetPage|urls\.Parse|\bpartial|\.Ref\b|\brelref\b|\bref\b")
"""What a Hugo link render hook resolves destinations with, rewriting the link's address."""


def _unmodelled(site: Site) -> str:
    """What moves Hugo's pages or rewrites its links where klm-lint does not follow: the
    config's permalinks or uglyURLs, a link render hook that resolves destinations; "" when
    there is none."""
    if site.config.generator.urls != "hugo":
        return ""
    hooks = [*site.root.glob("layouts/**/render-link.*")]
    hooks += site.root.glob("themes/*/layouts/**/render-link.*")
    for hook in sorted(hooks):
        text = _read(hook, site) if hook.is_file() else None
        if text is not None and _RESOLVING_HOOK.search(text):
            return "a link render hook"
    candidates = [
        site.root / f"{name}.{extension}"
        for name in _HUGO_CONFIGS
        for extension in ("toml", "yaml", "yml", "json")
    ]
    folder = site.root / "config" / "_default"
    if folder.is_dir():
        candidates += sorted(folder.iterdir())
    for path in candidates:
        text = _read(path, site) if path.is_file() else None
        found = _HUGO_UNMODELLED.search(text) if text is not None else None
        if found is not None:
            return next(group for group in found.groups() if group)
    return ""


@site_rule(
    "KLM406",
    "broken-internal-link",
    Severity.ERROR,
    "A link inside the site leads to no page, list page or file.",
    facts=(PAGE_URL, ALIASES, TAXONOMY_NAMES, LINKS),
)
def broken_internal_link(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    if not _on(site) or not post[LINKS]:
        return
    base = _base(site)
    known = index.derived(_addresses, site)
    if known.unmodelled:
        return
    for word in post[LINKS]:
        link = Link.decoded(word)
        verdict = _verdict(link, post, known, site, base)
        if isinstance(verdict, str):
            yield Problem(link.start, link.end, verdict)


@value_record
class Unchecked:
    """A link KLM406 cannot judge: why, as the run's note says it."""

    reason: str


def _verdict(
    link: Link, post: Post, known: _Addresses, site: Site, base: str
) -> str | Unchecked | None:
    """The finding's message for a link that leads nowhere; None when it leads somewhere or
    is not followed at all (a web address, a fragment alone); Unchecked when it leads where
    only code klm-lint does not read knows what is served."""
    url = post[PAGE_URL]
    target = target_of(link.value, url or "/", base)
    if target is None:
        return None
    if target.relative and (not url or not known.space.trusts(post.site_path)):
        return Unchecked("relative links from pages whose address code decides")
    if _names_a_content_file(link.value, post.site_path, known, site):
        return None
    return _problem(link, target, known, site, url)


def unchecked_links(index: SiteIndex, site: Site, paths: Iterable[str]) -> dict[str, int]:
    """How many links of the posts (absolute paths) KLM406 could not judge, by reason."""
    counts: dict[str, int] = {}
    if not _on(site):
        return counts
    known = index.derived(_addresses, site)
    base = _base(site)
    unmodelled = (
        "a link render hook resolves them"
        if known.unmodelled == "a link render hook"
        else f"the Hugo config's {known.unmodelled} moves pages"
    )
    for path in paths:
        post = index.get(path)
        if post is None or not post[LINKS]:
            continue
        for word in post[LINKS]:
            link = Link.decoded(word)
            if known.unmodelled:
                followed = target_of(link.value, post[PAGE_URL] or "/", base) is not None
                verdict: str | Unchecked | None = Unchecked(unmodelled) if followed else None
            else:
                verdict = _verdict(link, post, known, site, base)
            if isinstance(verdict, Unchecked):
                counts[verdict.reason] = counts.get(verdict.reason, 0) + 1
    return counts


_CONTENT_EXTENSIONS = (".md", ".markdown", ".mdx")
_PAGES_AS_HTML = ("nextjs", "astro")
"""Generators whose routes are files klm-lint reads (their tag and pagination pages are
routes too), and whose pages a static export writes as `about.html` where the host serves
them (Next.js's `output: "export"`, Astro's `build.format: "file"`)."""


def _names_a_content_file(value: str, site_path: str, known: _Addresses, site: Site) -> bool:
    """A link to a Markdown file that exists, from the linking file's folder or a content
    folder's top (`../other.md`, `/docs/setup.md`): Hugo's link render hooks (its own, on by
    default on multilingual sites, and many themes') and Docusaurus resolve these to the
    file's page. Zola does not: its links to files are written `@/`."""
    if site.config.generator.urls == "zola":
        return False
    written = unquote(value.split("#", 1)[0].split("?", 1)[0])
    if not written.lower().endswith(_CONTENT_EXTENSIONS) or _SCHEME.match(written):
        return False
    if written.startswith("/"):
        candidates = [
            posixpath.normpath(posixpath.join(folder.strip("/"), written.lstrip("/")))
            for folder in site.config.content
        ]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(site_path), written))]
    return any(candidate in known.content_files for candidate in candidates)


def _base(site: Site) -> str:
    base = site.config.generator.base_url.strip("/")
    return "/" + base if base else ""


def _problem(
    link: Link, target: Target, known: _Addresses, site: Site, url: str
) -> str | Unchecked | None:
    generator = ADDRESS_RULES[site.config.generator.urls].generator
    if target.kind == "content-file":
        return _content_file(link, target, known, site)
    if target.kind == "outside":
        base = _base(site)
        return (
            f"{link.what} {link.value} starts from the server's root, outside {base}/ where the "
            f"site is served, so readers who follow it get a 404. Write {base}{target.path}."
        )
    path = target.path
    routed = site.config.generator.urls in _PAGES_AS_HTML
    if generated(path, frozenset() if routed else known.taxonomies, pagination=not routed):
        return None
    key = url_key(path)
    if key in known.pages or key in known.folders or key in known.redirected:
        return None
    if any(redirect_covers(pattern, key) for pattern in known.redirected_folders):
        return None
    roots = _files(site)
    found = roots.lookup_path(path) if not path.endswith("/") else None
    if found is not None and found.status == "found":
        return None
    bundled = found is not None and "bundle" in site.config.generator.relative_assets
    if bundled and site.assets.in_bundle(path) is not None:
        return None
    if not has_extension(path):
        index_file = roots.lookup_path(path.rstrip("/") + "/index.html")
        if index_file.status == "found":
            return None
    space = known.space
    if key.endswith(".html") and site.config.generator.urls in _PAGES_AS_HTML:
        key = key[: -len(".html")] or "/"
        if key in known.pages:
            return None
    route = space.route_of(key)
    if route is not None and not route.dynamic:
        return None
    if space.redirected(key):
        return None
    if space.open:
        return Unchecked(space.open)
    if route is not None and not route.fed:
        return Unchecked(f"pages made by {route.source}")
    leads = (
        f"{link.what} {link.value} leads to {path} from this page's address, {url},"
        if target.relative
        else f"{link.what} points to {link.value},"
    )
    if found is not None and found.status == "case-mismatch":
        return (
            f"{leads} but the file is {found.real}; that works on a Mac or Windows laptop and "
            f"404s on the site's Linux host. Use {_written(found.real, site)}."
        )
    if has_extension(path):
        where = "" if target.relative else f" to {site.static.describe()}"
        return (
            f"{leads} but {generator} publishes no file there, so readers who follow it get a "
            f"404. Add the file{where}, or correct the link."
        )
    message = (
        f"{leads} but {generator} publishes no page, list page or file there, so readers who "
        "follow it get a 404."
    )
    suggestion = _closest(key, known)
    if suggestion is not None:
        return f"{message} Did you mean {_written(suggestion, site)}?"
    return f"{message} Correct the link, or create the page it names."


def _content_file(link: Link, target: Target, known: _Addresses, site: Site) -> str | None:
    folders = [folder.strip("/") for folder in site.config.content]
    candidates = [
        posixpath.join(folder, target.path) if folder else target.path for folder in folders
    ]
    if any(candidate in known.content_files for candidate in candidates):
        return None
    if any((site.root / candidate).is_file() for candidate in candidates):
        return None
    generator = ADDRESS_RULES[site.config.generator.urls].generator
    message = (
        f"{link.what} points to {link.value}, but there is no {candidates[0]}, so {generator} "
        "stops the build."
    )
    prefix = folders[0] + "/" if folders and folders[0] else ""
    names = sorted(path[len(prefix) :] for path in known.content_files if path.startswith(prefix))
    close = close_matches(target.path, names, n=1, cutoff=0.6)
    if close:
        return f"{message} Did you mean @/{close[0]}?"
    return f"{message} Correct the path after @/."


def _files(site: Site) -> StaticRoots:
    """Where files are served from: the static folders, and the content folders where the
    generator publishes a page's files beside it."""
    if {"bundle", "page-url"} & set(site.config.generator.relative_assets):
        return site.assets.by_address
    return site.static


def _closest(key: str, known: _Addresses) -> str | None:
    by_case = {page.casefold(): page for page in known.pages}
    if key.casefold() in by_case:
        return known.pages[by_case[key.casefold()]]
    last = posixpath.basename(key)
    moved = [page for page in known.pages if last and posixpath.basename(page) == last]
    close = close_matches(key, moved, n=1, cutoff=0) if moved else []
    close = close or close_matches(key, list(known.pages), n=1, cutoff=0.6)
    return known.pages[close[0]] if close else None


def _written(path: str, site: Site) -> str:
    """The path as a link from the site's root writes it (with the base URL)."""
    return _base(site) + path
