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
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PAGINATION = re.compile(r"(?:^|/)page/\d+/?$")
GENERATED_EXTENSIONS = frozenset({".xml", ".css", ".js", ".json", ".map", ".txt", ".webmanifest"})
"""Files generators and their pipelines write (feeds, sitemaps, styles, scripts, search
indexes, robots.txt) that no content or static file stands for."""
TAXONOMIES = frozenset({"tags", "categories"})
"""The list pages Hugo makes for every site (its default taxonomies) and most Zola sites
declare: their addresses come from the terms the pages use."""


@dataclass(frozen=True, slots=True)
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


def generated(path: str, taxonomies: frozenset[str]) -> bool:
    """A page or file the generator makes that no content file stands for: taxonomy lists,
    pagination, feeds and other generated files."""
    first = path.strip("/").split("/", 1)[0]
    if first in taxonomies or _PAGINATION.search(path.rstrip("/") + "/"):
        return True
    extension = posixpath.splitext(path.rstrip("/"))[1].lower()
    return extension in GENERATED_EXTENSIONS or posixpath.basename(path) == "404.html"


def has_extension(path: str) -> bool:
    """The path names a file (`/files/report.pdf`), not a page."""
    return not path.endswith("/") and "." in posixpath.basename(path)
