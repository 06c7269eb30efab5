"""The collection's posts as the whole-site rules need them: slug, title, author, date, draft.

Built once per run, and only when a whole-site rule asks for the collection. The posts a run
lints give their entries from their documents (a lint run's first pass puts them here); the
other posts of the content folders, walked as a full run would walk them, are read for their
front matter only (in chunks until the closing delimiter, never the body), or taken from the
index cache while they are unchanged (--cache).
"""

from __future__ import annotations

import codecs
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from klm_lint import parallel
from klm_lint.authors import name_key
from klm_lint.dates import publication_time
from klm_lint.formats import FrontMatterError
from klm_lint.formats.quick_yaml import read_keys
from klm_lint.formats.split import Block, locate
from klm_lint.nodes import Mapping, Scalar, lookup
from klm_lint.records import record
from klm_lint.text import LineIndex

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from klm_lint.document import Document
    from klm_lint.index_cache import IndexCache, Stamp
    from klm_lint.nodes import Node
    from klm_lint.site import Collection, Site

K = TypeVar("K")
_FIRST_CHUNK = 8192
_CLOSING = {
    opening: re.compile(rf"^{re.escape(closer)}[ \t]*(?:\r?\n|$)", re.M)
    for opening, closer in (("---", "---"), ("+++", "+++"), ("{", "}"))
}
"""The line that closes a block, by the block's first characters: where reading can stop."""
_UNDECODABLE = re.compile("[\udc80-\udcff]")
"""Bytes that are not UTF-8, escaped by the decoder: in the body they do not matter."""


@record
class Value:
    """A text value of the front matter and where it is."""

    text: str
    line: int
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Value], tuple[str, int, int, int]]:
        # Entries cross from worker processes by the thousand: as tuples they pickle fastest.
        return Value, (self.text, self.line, self.start, self.end)


@record
class PostEntry:
    key: str
    """The absolute path, for looking entries up."""
    site_path: str
    collection: str
    slug: str
    """The address the theme gives the post: its url without the leading /, or its file name
    without the extension."""
    url: Value | None
    title: Value | None
    author: Value | None
    avatar: Value | None
    date: Value | None
    published_at: dt.datetime | None
    """When the theme starts showing the post (UTC); None when the date cannot be read."""
    hidden: bool
    """The site treats draft as true (JavaScript truthiness: any non-empty text, too)."""
    draft_false: bool
    """draft is the boolean false."""
    first_line_end: int
    """Where the file's first line ends, for findings about the whole post."""

    def __reduce__(self) -> tuple[type[PostEntry], tuple[object, ...]]:
        return PostEntry, tuple(getattr(self, name) for name in _ENTRY_FIELDS)

    @property
    def display_path(self) -> str:
        """The path as reports show it (relative to the working directory)."""
        from klm_lint.engine import display_path

        return display_path(Path(self.key))

    def where(self, value: Value | None) -> str:
        """`content/posts/a.md (line 3)`, or just the path when there is no value."""
        return f"{self.display_path} (line {value.line})" if value else self.display_path

    def scheduled(self, now: dt.datetime) -> bool:
        return self.draft_false and self.published_at is not None and self.published_at > now


_ENTRY_FIELDS = tuple(PostEntry.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class AvatarUse:
    avatar: str
    count: int
    example: PostEntry
    """The first post, in path order, that uses it."""


def hides(node: Node | None) -> bool:
    """Whether the site, which tests draft for JavaScript truthiness, treats it as a draft."""
    if node is None:
        return False
    if not isinstance(node, Scalar):
        return True
    value = node.value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    if isinstance(value, (bool, int, str)):
        return bool(value)
    return value is not None


class SiteIndex:
    def __init__(self, site: Site) -> None:
        self._site = site
        self._entries: dict[str, PostEntry | None] = {}
        self._walked = False
        self._slugs: _Groups[tuple[str, str]] = _Groups()
        self._titles: _Groups[tuple[str, str]] = _Groups()
        self._authors: _Groups[str] = _Groups()
        self._avatar_uses: dict[str, list[AvatarUse]] = {}
        self._run_folders: set[str] = set()
        self._run_unread: list[Path] = []

    # Entries

    def add(self, doc: Document) -> PostEntry | None:
        """The entry of a loaded document, taken from it rather than read again."""
        key = os.path.abspath(doc.path)
        if key in self._entries:
            return self._entries[key]
        entry = entry_for(doc, key)
        self._store(key, entry)
        return entry

    def put(self, key: str, entry: PostEntry | None) -> None:
        """An entry made elsewhere (in a worker process) from the file's document."""
        if key not in self._entries:
            self._store(key, entry)

    def entry(self, path: Path) -> PostEntry | None:
        """The entry of any file, reading its front matter if it was not read yet."""
        key = os.path.abspath(path)
        if key not in self._entries:
            self._store(key, self._read(path, key))
        return self._entries[key]

    def _store(self, key: str, entry: PostEntry | None) -> None:
        self._entries[key] = entry
        if entry is not None:
            self._group(entry)

    def _read_pair(self, pair: tuple[Path, str]) -> PostEntry | None:
        return self._read(*pair)

    def _read(self, path: Path, key: str) -> PostEntry | None:
        relative = self._site_path(path, key)
        collection = self._site.collection_for(relative)
        if not _is_post_collection(collection):
            return None
        assert collection is not None
        config = self._site.config
        read = read_front_matter(key, config.max_file_size, config.max_front_matter_size)
        if read is None:
            return None
        lines, root = read
        return _entry(key, relative, collection, root, lines)

    def _site_path(self, path: Path, key: str) -> str:
        root = str(self._site.root)
        if key.startswith(root + os.sep):
            return key[len(root) + 1 :].replace(os.sep, "/")
        from klm_lint.discover import site_path

        return site_path(path, self._site)

    def found_by_run(self, folders: Sequence[Path], unread: list[Path]) -> None:
        """Folders the run walked, and the files it found there whose entries it did not put
        (they did not load): when the folders include every content folder, the index reads
        those files instead of walking the folders again."""
        self._run_folders = {os.path.abspath(folder) for folder in folders}
        self._run_unread = unread

    # The whole collection

    def entries(self) -> list[PostEntry]:
        self._walk()
        return [entry for entry in self._entries.values() if entry is not None]

    def same_slug(self, entry: PostEntry) -> list[PostEntry]:
        self._walk()
        return _others(self._slugs.get((entry.collection, entry.slug)), entry)

    def same_title(self, entry: PostEntry) -> list[PostEntry]:
        self._walk()
        if entry.title is None:
            return []
        return _others(self._titles.get((entry.collection, _title_key(entry.title))), entry)

    def avatars(self, name: str) -> list[AvatarUse]:
        """The avatars the posts of an author use, most used first (then in path order)."""
        self._walk()
        key = name_key(name)
        uses = self._avatar_uses.get(key)
        if uses is None:
            counts: dict[str, list[PostEntry]] = {}
            for post in self._authors.get(key):
                if post.avatar is not None:
                    counts.setdefault(post.avatar.text.strip(), []).append(post)
            uses = sorted(
                (AvatarUse(avatar, len(posts), posts[0]) for avatar, posts in counts.items()),
                key=lambda use: -use.count,
            )
            self._avatar_uses[key] = uses
        return uses

    def _walk(self) -> None:
        if self._walked:
            return
        from klm_lint.discover import discover

        root = self._site.root
        folders = [root / folder for folder in self._site.config.content]
        folders = [folder for folder in folders if folder.is_dir()]
        cache = None
        if all(self._walked_by_run(folder) for folder in folders):
            files = self._run_unread
        else:
            files = discover(folders, self._site).files
            cache = self._site.index_cache()
        keys = [(path, os.path.abspath(path)) for path in files]
        unread = [(path, key) for path, key in keys if key not in self._entries]
        if cache is None:
            self._read_all(unread)
        else:
            self._read_with(cache, unread, [key for _, key in keys])
        self._walked = True
        self._slugs.sort()
        self._titles.sort()
        self._authors.sort()

    def _read_all(self, unread: list[tuple[Path, str]]) -> dict[str, PostEntry | None]:
        workers = parallel.workers_for(len(unread), None)
        if workers > 1:
            read = parallel.map_ordered(self._read_pair, unread, workers)
        else:
            read = (self._read_pair(pair) for pair in unread)
        entries = {}
        for (_, key), entry in zip(unread, read, strict=True):
            self._store(key, entry)
            entries[key] = entry
        return entries

    def _read_with(
        self, cache: IndexCache, unread: list[tuple[Path, str]], found: list[str]
    ) -> None:
        """Take each entry from the cache while its file is unchanged; read the others, and
        write the cache again when anything changed."""
        from klm_lint.index_cache import stamp

        records = cache.load()
        stamps: dict[str, Stamp] = {}
        missed = []
        for path, key in unread:
            now = stamp(key)
            known = records.get(key)
            same = known is not None and (known[1] is None or known[1].key == key)
            if now is not None and known is not None and same and known[0] == now:
                self._store(key, known[1])
                continue
            if now is not None:
                stamps[key] = now
            missed.append((path, key))
        fresh = {
            key: (stamps[key], entry)
            for key, entry in self._read_all(missed).items()
            if key in stamps
        }
        kept = {key: records[key] for key in found if key in records and key not in fresh}
        if fresh or len(kept) != len(records):
            cache.save({**kept, **fresh})

    def _walked_by_run(self, folder: Path) -> bool:
        absolute = os.path.abspath(folder)
        while True:
            if absolute in self._run_folders:
                return True
            parent = os.path.dirname(absolute)
            if parent == absolute:
                return False
            absolute = parent

    def _group(self, entry: PostEntry) -> None:
        """File the entry under its slug, title and author; each group in path order once the
        index is complete."""
        ordered = self._walked
        self._slugs.add((entry.collection, entry.slug), entry, ordered=ordered)
        if entry.title is not None and entry.title.text.strip():
            key = (entry.collection, _title_key(entry.title))
            self._titles.add(key, entry, ordered=ordered)
        if entry.author is not None and entry.author.text.strip():
            self._authors.add(name_key(entry.author.text), entry, ordered=ordered)
            self._avatar_uses.pop(name_key(entry.author.text), None)


class _Groups(Generic[K]):
    """Entries by a key: a key with one entry, as most slugs and titles have, costs no list."""

    __slots__ = ("_many", "_one")

    def __init__(self) -> None:
        self._one: dict[K, PostEntry] = {}
        self._many: dict[K, list[PostEntry]] = {}

    def add(self, key: K, entry: PostEntry, *, ordered: bool) -> None:
        many = self._many.get(key)
        if many is None:
            first = self._one.pop(key, None)
            if first is None:
                self._one[key] = entry
                return
            many = self._many[key] = [first]
        many.append(entry)
        if ordered:
            many.sort(key=_path_order)

    def get(self, key: K) -> list[PostEntry]:
        many = self._many.get(key)
        if many is not None:
            return many
        one = self._one.get(key)
        return [] if one is None else [one]

    def sort(self) -> None:
        for many in self._many.values():
            many.sort(key=_path_order)


def _path_order(entry: PostEntry) -> str:
    return entry.site_path or entry.key


def _others(group: list[PostEntry], entry: PostEntry) -> list[PostEntry]:
    return [other for other in group if other.key != entry.key]


def _title_key(title: Value) -> str:
    return " ".join(title.text.split()).casefold()


def _is_post_collection(collection: Collection | None) -> bool:
    return collection is not None and collection.schema.name == "post"


def entry_for(doc: Document, key: str | None = None) -> PostEntry | None:
    """The index entry of a loaded document; None when it is no post with front matter."""
    if doc.front_matter is None or not _is_post_collection(doc.collection):
        return None
    assert doc.collection is not None
    key = key or os.path.abspath(doc.path)
    return _entry(key, doc.site_path, doc.collection, doc.front_matter.root, doc.lines)


def _entry(
    key: str,
    relative: str,
    collection: Collection,
    root: Mapping,
    lines: LineIndex,
) -> PostEntry:
    def text(*path: str) -> Value | None:
        _entry, node = lookup(root, path)
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            return None
        line, _column = lines.position(node.start)
        return Value(node.value, line, node.start, node.end)

    url = text("url")
    name = os.path.basename(relative or key)
    slug = url.text.strip().strip("/") if url else os.path.splitext(name)[0]
    _date_entry, date_node = lookup(root, ("date",))
    date = None
    if isinstance(date_node, Scalar):
        line, _column = lines.position(date_node.start)
        date = Value(date_node.text, line, date_node.start, date_node.end)
    _draft_entry, draft = lookup(root, ("draft",))
    return PostEntry(
        key,
        relative,
        collection.name,
        slug,
        url,
        text("title"),
        text("author", "name"),
        text("author", "avatar"),
        date,
        publication_time(date_node),
        hides(draft),
        isinstance(draft, Scalar) and draft.value is False,
        lines.line_end(1),
    )


def read_front_matter(
    path: str, max_bytes: int, max_chars: int
) -> tuple[LineIndex, Mapping] | None:
    """The lines of the file up to its front matter's end, and the parsed front matter; None
    when the file has none that parses (the lint of that file reports why)."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                return None
            decoder = codecs.getincrementaldecoder("utf-8-sig")("surrogateescape")
            text = ""
            size = _FIRST_CHUNK
            while True:
                raw = handle.read(size)
                at_end = len(raw) < size
                text += decoder.decode(raw, final=at_end)
                found = _front_matter(text, at_end, max_chars)
                if not isinstance(found, str):
                    return found
                if at_end or len(text) > max_chars + _FIRST_CHUNK:
                    return None
                size *= 2
    except OSError:
        return None


def _front_matter(
    text: str, at_end: bool, max_chars: int
) -> tuple[LineIndex, Mapping] | Literal["more"] | None:
    """The text read so far cut after its last whole line, and the parsed block; "more" when
    the block may end further on; None when there is no block that parses."""
    if not at_end:
        last_break = max(text.rfind("\n"), text.rfind("\r"))
        if last_break < 0:
            return "more"
        text = text[: last_break + 1]
    closing = next((_CLOSING[start] for start in _CLOSING if text.startswith(start)), None)
    found = closing.search(text, text.find("\n") + 1) if closing else None
    if found is not None:
        text = text[: found.end()]
    lines = LineIndex(text)
    located = locate(text, lines)
    if not isinstance(located, Block):
        return None
    if not located.closed:
        return None if at_end else "more"
    if "\0" in text or _UNDECODABLE.search(text):
        return None
    if located.content_end - located.content_start > max_chars:
        return None
    if located.handler.name == "yaml":
        quick = read_keys(text, located.content_start, located.content_end)
        if quick is not None:
            return lines, quick
    try:
        return lines, located.handler.parse(text, located.content_start, located.content_end)
    except FrontMatterError:
        return None
