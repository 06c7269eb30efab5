"""The address each generator gives a content file: the path of its page on the built site.

`address_of(doc, site)` gives the address, the scope addresses are unique in (the whole site,
or one collection where the generator only names entries, as Astro's content collections and
the KLM theme's sections do), and the front-matter key that set it (url, permalink, slug, path,
id) when one did. Sources for each rule are cited in docs/presets/.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Scalar, Sequence
from klm_lint.records import value_record
from klm_lint.site.date_forms import rolled, ruby_parts
from klm_lint.site.dates import calendar_problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.config.model import Config, GeneratorConfig
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Mapping


_SLASHES = lazy_pattern(r"/{2,}")
_NOT_URLIZED = lazy_pattern(r"[^\w\-./]+")
_NOT_SLUGIFIED = lazy_pattern(r"[^a-z0-9]+")
_NOT_GITHUB_SLUG = lazy_pattern(r"[^\w\- ]")
_LANGUAGE_CODE = lazy_pattern(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_HUGO_TOKEN = lazy_pattern(r":([a-z]+)")


@value_record
class Address:
    url: str
    """The page's path on the site (`/posts/my-post/`); for the nextjs rule, the slug."""
    scope: str = ""
    """Where addresses must be unique: "" for the whole site, else a collection's name."""
    key: str = ""
    """The front-matter key that set the address; "" when the file's path did."""
    node: Scalar | None = None
    """That key's value."""


@value_record
class _File:
    """What the rules read: the path under its content folder, and the front matter."""

    folder: str
    """The content folder (relative to the project root, "" for the root itself)."""
    relative: str
    """The file's path under it."""
    prefix: str
    """The address the folder is served at, ending with /."""
    root: Mapping | None
    collection: str
    generator: GeneratorConfig
    site_path: str
    path: str = ""
    """The file's path on disk."""

    @property
    def stem(self) -> str:
        return os.path.splitext(posixpath.basename(self.relative))[0]

    @property
    def directories(self) -> list[str]:
        folder = posixpath.dirname(self.relative)
        return folder.split("/") if folder else []

    def text(self, key: str) -> Scalar | None:
        """The key's value when it is text."""
        if self.root is None:
            return None
        node = self.root.value(key)
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return node
        return None

    def node(self, key: str) -> object:
        if self.root is None:
            return None
        return self.root.value(key)


def address_of(doc: Document, collection: str, config: Config) -> Address | None:
    """The file's address on the built site (`collection`: the name of the collection it is
    in); None when it gets none (not written out, or an address only the generator's
    templates decide)."""
    generator = config.generator
    folder, relative, prefix = _content_folder(doc.site_path, config)
    root = doc.front_matter.root if doc.front_matter is not None else None
    file = _File(
        folder,
        relative,
        prefix,
        root,
        collection,
        generator,
        doc.site_path or os.fspath(doc.path),
        os.fspath(doc.path),
    )
    return _RULES[generator.urls](file)


def page_url(doc: Document, address: Address | None, config: Config) -> str | None:
    """The path a browser opens the file's page at (`/posts/my-post/`), for following links to
    it (`address`: the file's, from address_of); None when it gets none, or when its
    generator's rule gives only a name (Astro's content collections, whose routes are the
    site's code)."""
    if address is None:
        return None
    if config.generator.urls != "nextjs":
        return address.url if address.url.startswith("/") else None
    # The KLM theme: the route of the file's folder, then its slug; an index file (index,
    # _index, -index) is its folder's page.
    _folder, relative, prefix = _content_folder(doc.site_path, config)
    directory, _, name = os.path.splitext(relative)[0].rpartition("/")
    if not address.key and name in ("index", "_index", "-index"):
        return _join(prefix, directory, slash=False)
    return _join(prefix, address.url, slash=False)


def _content_folder(site_path: str, config: Config) -> tuple[str, str, str]:
    """The content folder the path is in (the longest that holds it), the path under it, and
    the address the folder is served at."""
    best = ("", site_path, "/")
    for folder, prefix in _served(config):
        if folder in ("", "."):
            if not best[0]:
                best = ("", site_path, prefix)
            continue
        if site_path.startswith(folder + "/") and len(folder) > len(best[0]):
            best = (folder, site_path[len(folder) + 1 :], prefix)
    return best


_LAST_SERVED: list[tuple[Config | None, tuple[tuple[str, str], ...]]] = [(None, ())]
"""The config last asked about and its folders, as one pair (asked about for every file; read
once, so that a thread with another config cannot pair this config with its folders)."""


def _served(config: Config) -> tuple[tuple[str, str], ...]:
    """The content folders and the address each is served at."""
    last = _LAST_SERVED[0]
    if last[0] is not config:
        routes = config.generator.routes
        folders = {folder.strip("/"): "/" for folder in config.content}
        folders.update({folder.strip("/"): _slashed(prefix) for folder, prefix in routes.items()})
        last = _LAST_SERVED[0] = (config, tuple(folders.items()))
    return last[1]


def _slashed(prefix: str) -> str:
    stripped = prefix.strip("/")
    return f"/{stripped}/" if stripped else "/"


def _page_path(file: _File) -> str:
    """The path under the folder without its extension, and without a final /index."""
    path = os.path.splitext(file.relative)[0]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")].rstrip("/")
    return path


def _join(prefix: str, path: str, *, slash: bool = True) -> str:
    joined = _SLASHES.sub("/", f"{prefix}/{path}")
    if not joined.startswith("/"):
        joined = "/" + joined
    if slash and not joined.endswith("/") and not _has_extension(joined):
        joined += "/"
    return joined


def _has_extension(url: str) -> bool:
    return "." in posixpath.basename(url.rstrip("/")) and not url.endswith("/")


# --- The KLM theme (Next.js): url, else the file name; unique within a collection -------------


def _nextjs(file: _File) -> Address:
    url = file.text("url")
    if url is not None:
        return Address(str(url.value).strip().strip("/"), file.collection, "url", url)
    return Address(os.path.splitext(posixpath.basename(file.site_path))[0], file.collection)


# --- Hugo --------------------------------------------------------------------------------------


def _urlize(text: str) -> str:
    """Hugo's urlize: lower case, spaces as hyphens, no punctuation but - _ . /."""
    text = text.strip().lower().replace(" ", "-")
    return _NOT_URLIZED.sub("", text).strip("-")


def _hugo(file: _File) -> Address | None:
    url = file.text("url")
    if url is not None and url.value:
        return Address(_join("/", str(url.value).strip()), "", "url", url)
    directories = file.directories
    stem, language = _language_split(file.stem)
    slug = file.text("slug")
    has_slug = slug is not None and bool(slug.value) and stem != "_index"
    key, node = ("slug", slug) if has_slug else ("", None)
    prefix = _join(file.prefix, language) if language else file.prefix
    template = _hugo_permalink(file, directories) if stem != "_index" else None
    if template is not None:
        path = _hugo_fill(file, template, directories, stem)
        return None if path is None else Address(_join(prefix, path), "", key, node)
    if has_slug and slug is not None:
        if stem == "index" and directories:
            directories = directories[:-1]
        last = _urlize(str(slug.value))
    elif stem in ("index", "_index"):
        last = ""
    else:
        last = stem
    path = "/".join(part.lower().replace(" ", "-") for part in [*directories, last] if part)
    return Address(_join(prefix, path), "", key, node)


def _language_split(stem: str) -> tuple[str, str]:
    """`index.fr` -> (`index`, `fr`): Hugo's and Zola's translation of a page by its file name;
    the language's pages are served under /fr/."""
    name, dot, language = stem.rpartition(".")
    if dot and name and _LANGUAGE_CODE.match(language):
        return name, language
    return stem, ""


def _hugo_permalink(file: _File, directories: list[str]) -> str | None:
    """The `[permalinks]` pattern of the page's section, or of the longest folder path under
    the content folder that holds the page."""
    best: tuple[int, str] | None = None
    for section, template in file.generator.permalinks.items():
        parts = [part for part in section.strip("/").split("/") if part]
        if parts and directories[: len(parts)] == parts and (best is None or len(parts) > best[0]):
            best = (len(parts), template)
    return best[1] if best is not None else None


_HUGO_DATE_KEYS = ("date", "publishDate", "pubdate", "published", "lastmod", "modified")
_LEADING_DATE = lazy_pattern(r"^(\d{4})-(\d{2})-(\d{2})")


def _hugo_fill(file: _File, template: str, directories: list[str], stem: str) -> str | None:
    """A `[permalinks]` pattern filled in as Hugo does; None when the page's date cannot be
    read (Hugo would stop the build on it, and KLM103 says so)."""
    date = dt.date(1, 1, 1)
    for key in _HUGO_DATE_KEYS:
        node = file.node(key)
        if isinstance(node, Scalar) and node.value is not None and node.text.strip():
            found = _LEADING_DATE.match(node.text.strip().strip("'\""))
            if found is None:
                return None
            try:
                date = dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                return None
            break
    slug = file.text("slug")
    title = file.text("title")
    title_text = _urlize(str(title.value)) if title is not None else ""
    base = directories[-1] if stem == "index" and directories else stem
    slug_text = _urlize(str(slug.value)) if slug is not None and slug.value else ""
    values = {
        "year": str(date.year),
        "month": f"{date.month:02d}",
        "monthname": f"{date:%B}",
        "day": f"{date.day:02d}",
        "weekday": str(date.isoweekday() % 7),
        "weekdayname": f"{date:%A}",
        "yearday": str(date.timetuple().tm_yday),
        "section": directories[0] if directories else "",
        "sections": "/".join(directories[:-1] if stem == "index" else directories),
        "title": title_text,
        "slug": slug_text or title_text,
        "filename": base,
        "contentbasename": base,
        "slugorfilename": slug_text or base,
        "slugorcontentbasename": slug_text or base,
    }
    path = _HUGO_TOKEN.sub(lambda match: values.get(match.group(1), match.group(0)), template)
    return path.lower().replace(" ", "-").strip("/")


# --- Zola --------------------------------------------------------------------------------------

_ZOLA_DATED = lazy_pattern(r"^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d\d:\d\d)?)?\s?[_-](.+)$")


def _zola_slug(text: str) -> str:
    """Zola's slugify.paths = "on": lower-case ASCII words joined by hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUGIFIED.sub("-", ascii_text.lower()).strip("-")


def _zola(file: _File) -> Address:
    path = file.text("path")
    if path is not None and path.value:
        written = _join("/", str(path.value).strip(), slash=False).rstrip("/") + "/"
        return Address(written, "", "path", path)
    directories = file.directories
    stem, language = _language_split(file.stem)
    prefix = _join(file.prefix, language) if language else file.prefix
    if stem == "_index":
        return Address(_join(prefix, "/".join(directories)))
    name = stem
    if stem == "index":
        if not directories:
            return Address(prefix)
        name = directories.pop()
    slug = file.text("slug")
    if slug is not None and slug.value:
        last = _zola_slug(str(slug.value))
        return Address(_join(prefix, "/".join([*directories, last])), "", "slug", slug)
    dated = _ZOLA_DATED.match(name)
    last = _zola_slug(dated.group(1) if dated else name)
    return Address(_join(prefix, "/".join([*directories, last])))


# --- Astro -------------------------------------------------------------------------------------


def _github_slug(text: str) -> str:
    """github-slugger: lower case, punctuation removed, spaces as hyphens."""
    return _NOT_GITHUB_SLUG.sub("", text.lower()).replace(" ", "-")


def _astro(file: _File) -> Address:
    if file.site_path.startswith("src/pages/"):
        page = file.site_path[len("src/pages/") :]
        path = os.path.splitext(page)[0]
        path = "" if path == "index" else path.removesuffix("/index")
        return Address(_join("/", path))
    relative = file.relative
    scope = file.collection
    if file.site_path.startswith("src/content/"):
        named, _, relative = file.site_path[len("src/content/") :].partition("/")
        scope = f"src/content/{named}"
    slug = file.text("slug")
    if slug is not None and slug.value:
        return Address(str(slug.value), scope, "slug", slug)
    segments = os.path.splitext(relative)[0].split("/")
    if len(segments) > 1 and segments[-1] == "index":
        segments.pop()
    return Address("/".join(_github_slug(segment) for segment in segments), scope)


# --- Docusaurus --------------------------------------------------------------------------------

_NUMBER_PREFIX = lazy_pattern(r"^(\d+)\s*[-_.]+\s*([^-_.\s].*)$")
_VERSION_LIKE = lazy_pattern(r"^\d+[-_.]\d+")
_BLOG_DATE = lazy_pattern(r"^(.*?)(\d{4})[-/](\d{1,2})[-/](\d{1,2})[-/]?(.*?)(?:/index)?$")


def _unnumbered(name: str) -> str:
    if _VERSION_LIKE.match(name):
        return name
    match = _NUMBER_PREFIX.match(name)
    return match.group(2) if match else name


def _docusaurus(file: _File) -> Address:
    slug = file.text("slug")
    path = os.path.splitext(file.relative)[0]
    if file.folder.endswith("pages"):
        page = "" if path == "index" else path.removesuffix("/index")
        return Address(_join(file.prefix, page, slash=False))
    if "blog" in file.folder.split("/")[-1]:
        if slug is not None and slug.value:
            return Address(_join(file.prefix, str(slug.value), slash=False), "", "slug", slug)
        dated = _BLOG_DATE.match(path)
        if dated:
            folder, year, month, day, text = dated.groups()
            url = f"{year}/{int(month):02d}/{int(day):02d}/{folder}{text}"
            return Address(_join(file.prefix, url.rstrip("/"), slash=False))
        return Address(_join(file.prefix, path.removesuffix("/index"), slash=False))
    directories = [_unnumbered(part) for part in file.directories]
    name = _unnumbered(file.stem)
    if slug is not None and slug.value:
        written = str(slug.value).strip()
        base = "/" if written.startswith("/") else "/".join(directories)
        return Address(_join(file.prefix, f"{base}/{written}", slash=False), "", "slug", slug)
    index = name.lower() in ("index", "readme") or (directories and name == directories[-1])
    identifier = file.text("id")
    last = "" if index else (str(identifier.value) if identifier is not None else name)
    url = _join(file.prefix, "/".join(part for part in [*directories, last] if part), slash=False)
    if identifier is not None and not index:
        return Address(url, "", "id", identifier)
    return Address(url)


# --- Eleventy ----------------------------------------------------------------------------------


def _eleventy(file: _File) -> Address | None:
    from klm_lint.site import eleventy

    permalink = file.node("permalink")
    if isinstance(permalink, Scalar):
        value = permalink.value
        if value is False:
            return None
        if isinstance(value, str) and value.strip():
            filled = eleventy.fill(value.strip(), file.relative)
            if filled is None:
                return None
            return Address(_eleventy_url(filled), "", "permalink", permalink)
    if file.path and file.site_path.endswith(file.relative):
        path = Path(file.path)
        top = path.parents[file.relative.count("/")]
        written = eleventy.data_permalink(path, top)
        if written is False or isinstance(written, eleventy.Unknown):
            return None
        if isinstance(written, str):
            filled = eleventy.fill(written.strip(), file.relative)
            return None if filled is None else Address(_eleventy_url(filled))
    return Address(_join(file.prefix, _page_path(file)))


def _eleventy_url(permalink: str) -> str:
    """A permalink as the address it is served at: `blog/x/index.html` is /blog/x/."""
    url = _join("/", permalink, slash=False)
    return url[: -len("index.html")] if url.endswith("/index.html") else url


# --- Jekyll ------------------------------------------------------------------------------------

_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PRETTY = lazy_pattern(r"(?:[^\w.~!$&'()+,;=@]|_)+")
_DEFAULT_SLUG = lazy_pattern(r"[^\w]+|_+")
_PLACEHOLDER = lazy_pattern(r":([a-z_]+)")
_POST_NAME = lazy_pattern(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.+)$")


def _jekyll(file: _File) -> Address | None:
    parts = file.site_path.split("/")
    if any(part in file.generator.draft_folders for part in parts[:-1]):
        return None
    permalink = file.node("permalink")
    written = (
        permalink if isinstance(permalink, Scalar) and isinstance(permalink.value, str) else None
    )
    extension = ".html"
    if "_posts" in parts[:-1]:
        return _jekyll_post(file, parts, written, extension)
    if written is not None:
        return Address(_join("/", written.text.strip(), slash=False), "", "permalink", written)
    collection = next((part[1:] for part in parts[:-1] if part.startswith("_")), None)
    directories = file.directories
    stem = file.stem
    if collection is not None:
        inside = parts[parts.index("_" + collection) + 1 :]
        path = os.path.splitext("/".join(inside))[0]
        return Address(_join("/", f"{collection}/{path}{extension}", slash=False))
    style = file.generator.permalink or "date"
    pretty = style == "pretty" or _STYLES.get(style, style).endswith("/")
    if stem == "index":
        return Address(_join(file.prefix, "/".join(directories)))
    if pretty:
        return Address(_join(file.prefix, "/".join([*directories, stem])))
    return Address(_join(file.prefix, "/".join([*directories, stem + extension]), slash=False))


def _jekyll_post(
    file: _File, parts: list[str], written: Scalar | None, extension: str
) -> Address | None:
    name = os.path.splitext(parts[-1])[0]
    named = _POST_NAME.match(name)
    if named is None:
        return None
    date = _post_date(file, named.group(1))
    if date is None:
        return None
    slug = file.text("slug")
    title_source = str(slug.value) if slug is not None and slug.value else named.group(2)
    categories = [part for part in parts[: parts.index("_posts")] if part]
    if file.folder:
        categories = categories[len(file.folder.split("/")) :]
    categories += _words(file.node("category")) + _words(file.node("categories"))
    seen: list[str] = []
    for category in categories:
        if category.lower() not in seen:
            seen.append(category.lower())
    values = {
        "categories": "/".join(seen),
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "i_month": str(date.month),
        "i_day": str(date.day),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "week": f"{date.isocalendar()[1]:02d}",
        "short_day": f"{date:%a}",
        "title": _PRETTY.sub("-", title_source).strip("-"),
        "slug": _DEFAULT_SLUG.sub("-", title_source).strip("-").lower(),
        "name": name,
        "output_ext": extension,
    }
    template = written.text.strip() if written is not None else None
    key = "permalink" if written is not None else ""
    if template is None:
        style = file.generator.permalink or "date"
        template = _STYLES.get(style, style)
    url = _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)
    url = _SLASHES.sub("/", "/" + url)
    return Address(url, "", key, written)


def _post_date(file: _File, from_name: str) -> dt.date | None:
    node = file.node("date")
    text = node.text if isinstance(node, Scalar) and node.value is not None else from_name
    parts = ruby_parts(text.strip())
    if parts is None:
        return None
    year, month, day = parts[:3]
    if year < 100:
        year += 2000
    if calendar_problem(year, month, day) is not None:
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return dt.date.fromisoformat(rolled((year, month, day)))
    return dt.date(year, month, day)


def _words(node: object) -> list[str]:
    if isinstance(node, Scalar) and node.value is not None:
        return str(node.text).split()
    if isinstance(node, Sequence):
        return [item.text for item in node.items if isinstance(item, Scalar) and item.text]
    return []


_RULES: dict[str, Callable[[_File], Address | None]] = {
    "nextjs": _nextjs,
    "hugo": _hugo,
    "zola": _zola,
    "astro": _astro,
    "docusaurus": _docusaurus,
    "eleventy": _eleventy,
    "jekyll": _jekyll,
}


@value_record
class AddressRule:
    """How messages speak of a generator's addresses."""

    generator: str
    keys: str
    """The front-matter keys that give a file an address of its own."""
    collision: str
    """What the generator does when two files claim one address."""


ADDRESS_RULES = {
    "nextjs": AddressRule(
        "the site",
        "url",
        "the site publishes one post per address, so only one of them can be reached",
    ),
    "hugo": AddressRule(
        "Hugo", "url or slug", "Hugo writes one page over the other, so only one can be reached"
    ),
    "zola": AddressRule("Zola", "path or slug", "Zola stops the build (path collision)"),
    "astro": AddressRule(
        "Astro",
        "slug",
        "Astro keeps only the last of them (duplicate id), so the others cannot be reached",
    ),
    "docusaurus": AddressRule(
        "Docusaurus",
        "slug",
        "Docusaurus serves only one of them (duplicate routes), so the others cannot be reached",
    ),
    "eleventy": AddressRule(
        "Eleventy", "permalink", "Eleventy stops the build (an output conflict)"
    ),
    "jekyll": AddressRule(
        "Jekyll",
        "permalink",
        "Jekyll writes one page over the other (a conflict), so only one can be reached",
    ),
}
