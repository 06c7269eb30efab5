"""The whole-site index kept between runs, so that a run on a few files (the pre-commit hook)
does not load every other post again.

One text file (JSON, and the keys as texts between tabs) per klm-lint version and
configuration, in the cache folder (`.klm-lint-cache` in the project root unless the config
says otherwise), with a `.gitignore` that keeps the folder out of version control. It holds,
for each content file of the indexed collections, its stamp (size, modification and change
time) and, for a post, the facts the whole-site rules declared and the keys they grouped it
by: columns of plain values, checked column by column when read, so that ten thousand posts
load in a few milliseconds. A post is taken from it while
its file keeps its stamp; a file modified in the two seconds before a run is not kept (an edit
in the same tick of a coarse file-system clock would keep its stamp). Anything unexpected in
the file (another version, a damaged, hand-edited or oversized file) makes the run load the
posts afresh, and a folder that cannot be written is simply not used. Text, never pickle: a
committed or tampered cache cannot run code.

The folder is klm-lint's own: inside the project, neither the root itself nor in or around a
content or static folder (a config that says otherwise is an error), created by klm-lint with
no link anywhere on its way, and marked by the `.gitignore` klm-lint writes in it. A folder
that exists and is not klm-lint's is not used.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import sys
import time
import zlib
from array import array
from operator import itemgetter
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from klm_lint.errors import ConfigError
from klm_lint.files import (
    Refused,
    Stamp,
    open_regular,
    read_regular,
    read_up_to,
    stamp_of,
    temporary_file,
)
from klm_lint.site.columns import (
    NOTHING,
    PIECE,
    ColumnWriter,
    KeyPieces,
    json_pieces,
    key_texts,
    key_texts_of,
    numbers,
    numbers_json,
    parse_column,
    refused_column,
    typed,
)
from klm_lint.site.discover import unchanged
from klm_lint.site.index import Post, Stored
from klm_lint.version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence
    from pathlib import Path

    from klm_lint.site.columns import Column
    from klm_lint.site.discover import Signature, Watch
    from klm_lint.site.index import Layout, SiteIndex
    from klm_lint.site.site import Site

_FORMAT = 6
_HEAD_LIMIT = 16 * 1024 * 1024
"""The most read of a cache file before its first line says how many files it holds."""
_IGNORE_ALL = "# Written by klm-lint: nothing in this folder belongs in version control.\n*\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

RACY_NS = 2 * 10**9
"""A file modified less than this before the run began is not kept in the cache: an edit in
the same tick of a coarse file-system clock (FAT counts in 2 s) would keep its stamp."""
BYTES_PER_POST = 8 * 1024
"""A cache file larger than this per content file (plus 1 MiB) is not read."""


def stamp(path: str) -> Stamp | None:
    try:
        return stamp_of(os.stat(path))
    except (OSError, ValueError):
        return None


def cache_folder(site: Site, value: str) -> str:
    """The cache-dir of the config, relative to the project root, once checked: in the project,
    not its root, neither in nor around a content or static folder (ConfigError otherwise)."""
    folder = site.named_path("cache-dir", value)
    where = f"{site.config_path}: cache-dir" if site.config_path else "cache-dir"
    if folder == ".":
        raise ConfigError(
            f"{where}: {value!r} is the project root; the cache needs a folder of its own, "
            "such as .klm-lint-cache"
        )
    taken = [("content", name) for name in site.content_folders]
    taken += [("static", os.path.relpath(root, site.root)) for root in site.static.roots]
    for key, other in taken:
        other = other.replace(os.sep, "/")
        # Content or static files in the project root (Jekyll, Eleventy): the walk never enters
        # a hidden folder (nor do those generators publish one), so a hidden cache folder there
        # holds no content and hides none.
        if other == "." and folder.split("/")[0].startswith("."):
            continue
        if _overlap(folder, other):
            raise ConfigError(
                f"{where}: {value!r} is in or around the {key} folder {other}/; the cache needs "
                "a folder of its own, such as .klm-lint-cache"
            )
    return folder


def _overlap(one: str, other: str) -> bool:
    return (
        other == "."
        or one == other
        or f"{one}/".startswith(f"{other}/")
        or (f"{other}/".startswith(f"{one}/"))
    )


class Head:
    """The cache file's first line, read and checked: what it was written for, how many files
    it holds, and the walk it was written after; the rest of the file comes with it."""

    __slots__ = ("count", "data", "descriptor", "info", "sections", "walk_paths", "walk_tops")

    def __init__(self, data: dict[str, Any], raw: bytes, descriptor: int, info: Any) -> None:
        self.count: int = data["count"]
        self.sections: list[str] = data["sections"]
        self.walk_paths: dict[str, Signature] | None = None
        self.walk_tops: dict[str, str] = {}
        walk = data["walk"]
        if walk is not None:
            self.walk_paths, self.walk_tops = _walk_of(walk)
        self.data = raw
        self.descriptor = descriptor
        self.info = info

    def walk_unchanged(self, site: Site) -> bool:
        """Whether walking the content folders again would find the files the cache lists."""
        return self.walk_paths is not None and unchanged(site, self.walk_paths, self.walk_tops)


class Loaded:
    """What the cache held: the stored posts, and each file's row and stamp (by its path)."""

    __slots__ = ("head", "rows", "stamps", "stored")

    def __init__(
        self, stored: Stored, rows: dict[str, int], stamps: array[int], head: Head
    ) -> None:
        self.stored = stored
        self.rows = rows
        self.stamps = stamps
        self.head = head

    @property
    def keys(self) -> list[str]:
        """Each row's path (absolute), in the order of the rows."""
        return self.stored.keys

    def stamp(self, row: int) -> Stamp:
        at = 3 * row
        stamps = self.stamps
        return stamps[at], stamps[at + 1], stamps[at + 2]


class IndexCache:
    def __init__(self, folder: Path, site: Site, layout: Layout) -> None:
        self.folder = folder
        self.layout = layout
        self.root = site.root_text
        self.project = site.project
        facts = [(fact.name, fact.kind) for fact in layout.facts]
        settings = site.config.model_dump(mode="json")
        inputs: list[tuple[str, int, int, int]] = []
        if site.config.generator.urls == "eleventy":
            from klm_lint.site.eleventy import data_file_stamps

            inputs = data_file_stamps(site.content_folders)
        named = [_FORMAT, __version__, sys.byteorder, self.root, settings, facts]
        text = json.dumps(named, separators=(",", ":"))
        self.identity = json.loads(json.dumps([*named, inputs]))
        """What the cache was made for; the data files' stamps change it without renaming the
        file, which is then rewritten."""
        digest = zlib.crc32(text.encode()) ^ (zlib.adler32(text.encode()) << 32)
        self.file = folder / f"index-{digest:016x}.json"
        self.trusted_before = time.time_ns() - RACY_NS
        """Files modified since are read again next time (the run begins now)."""
        self.loaded: Loaded | None = None
        self.walk: Watch | None = None
        """What this run's walk of the content folders saw (None: it did not walk, or its
        listing cannot be kept), written with the posts."""
        self.note = ""
        """Why the cache was not used, for the user ("" while it is)."""

    def walk_kept(self) -> bool:
        """Whether this run's walk can be kept for the next run."""
        return self.walk is not None and _walk_json(self.walk, self.trusted_before) is not None

    def head(self) -> Head | None:
        """The cache file's first line, when it is this configuration's and well formed."""
        if not self._usable():
            return None
        try:
            descriptor, info = open_regular(self.file)
        except Refused:
            return None
        try:
            raw = read_up_to(descriptor, min(info.st_size, _HEAD_LIMIT), info.st_size)
            end = raw.find(b"\n")
            if end < 0:
                raise ValueError("no first line")
            data = json.loads(raw[:end])
            if type(data) is not dict or data.get("identity") != self.identity:
                raise ValueError("identity")
            count = data["count"]
            sections = data["sections"]
            if type(count) is not int or count < 0 or type(sections) is not list:
                raise ValueError("count")
            if set(map(type, sections)) - {str} or len(set(sections)) != len(sections):
                raise ValueError("sections")
            return Head(data, raw, descriptor, info)
        except (ValueError, TypeError, KeyError, RecursionError, OSError):
            os.close(descriptor)
            return None

    def load(self, head: Head, files: int) -> Loaded | None:
        """The posts of the last run with this configuration; None when there are none that
        can be trusted (`files`: how many content files the site has, which bounds the size of
        a cache worth reading)."""
        try:
            limit = 1024 * 1024 + BYTES_PER_POST * files
            raw = head.data
            if head.info.st_size > limit:
                return None
            if len(raw) < head.info.st_size:
                rest = read_up_to(head.descriptor, limit + 1 - len(raw), head.info.st_size)
                raw += rest
                if len(raw) > limit:
                    return None
            loaded = self._checked(head, raw)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, OSError):
            return None
        finally:
            os.close(head.descriptor)
        self.loaded = loaded
        return loaded

    def _checked(self, head: Head, raw: bytes) -> Loaded:
        start = raw.index(b"\n") + 1
        trailer = raw.rindex(b"\n", 0, len(raw) - 1) + 1
        if not raw.endswith(b"\n") or int(raw[trailer:]) != zlib.crc32(
            memoryview(raw)[start:trailer]
        ):
            raise ValueError("checksum")
        section = _sections(raw, start, trailer, head.sections)
        count = head.count
        files = typed(json.loads(section["files"]), {str}, count)
        stamps = numbers(json.loads(section["stamps"]), 3 * count)
        names = typed(json.loads(section["collections"]), {str})
        which = numbers(json.loads(section["collection"]), count)
        if which and not -1 <= min(which) <= max(which) < len(names):
            raise ValueError("collection")
        line_ends = numbers(json.loads(section["line_ends"]), count)
        layout = self.layout
        fact_names = [f"fact:{name}" for name in layout.names]
        if not set(fact_names) <= set(section.names()):
            raise ValueError("facts")
        key_names = frozenset(
            name[4:]
            for name in section.names()
            if name.startswith("key:") and not section.empty(name)
        )

        def read_fact(slot: int) -> Column:
            kind = layout.kinds[slot]
            try:
                return parse_column(kind, json.loads(section[fact_names[slot]]), count)
            except (ValueError, TypeError, RecursionError):
                # The checksum holds, so the file was written so: a column that is not what
                # its kind holds is not used (a post that needs it is read again).
                return refused_column(kind)

        def read_key(name: str) -> list[str] | None:
            try:
                return key_texts(section[f"key:{name}"], count)
            except ValueError:
                return None

        prefix = self.root + os.sep
        if os.sep == "/":
            keys = list(map(prefix.__add__, files))
        else:  # pragma: no cover - Windows
            keys = [prefix + path.replace("/", os.sep) for path in files]
        rows = dict(zip(keys, range(count), strict=True))
        if len(rows) != count:
            raise ValueError("files")
        stored = Stored(
            layout, files, keys, names, which, line_ends, read_fact, read_key, key_names
        )
        return Loaded(stored, rows, stamps, head)

    def save(
        self,
        entries: Iterable[tuple[str, Stamp | None, Post | int | None]] | Rows,
        index: SiteIndex | None,
        *,
        changed: bool = True,
        last: bool = False,
    ) -> None:
        """Write the files' entries (each file's path, stamp, and post: whole, as its row in
        the cache read, or None for a file that is no post; or the rows made of them as they
        came) in place of the old ones, whole or not at all; `changed`: whether they differ
        from the cache read. Files modified just before the run are kept with a stamp no file
        has, so that they are read again.
        `last`: the index is asked nothing more (a run's end), so the keys it remembered are
        let go as their columns are written (a large site's peak of memory)."""
        loaded = self.loaded
        asked = index.asked_keys() if index is not None else set()
        if loaded is not None and not changed and asked <= loaded.stored.key_names:
            return
        if not self._usable(create=True):
            return
        try:
            handle, temporary = temporary_file(self.folder, ".index-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    self._write(stream, entries, index, last=last)
                os.replace(temporary, self.file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except (OSError, ValueError, TypeError):
            return

    def _usable(self, *, create: bool = False) -> bool:
        """Whether the folder is klm-lint's cache folder (with create, made so if it is
        missing). When it is not, `note` says why and the cache is not used."""
        if self.note:
            return False
        relative = os.path.relpath(self.folder, self.project.text)
        current = self.project.text
        for part in relative.split(os.sep):
            current = os.path.join(current, part)
            shown = os.path.relpath(current, self.project.text).replace(os.sep, "/")
            try:
                info = os.lstat(current)
            except FileNotFoundError:
                if not create:
                    return False
                try:
                    os.mkdir(current)
                    info = os.lstat(current)
                except OSError as error:
                    return self._refuse(f"{shown} cannot be made: {error.strerror or error}")
            except OSError as error:
                return self._refuse(error.strerror or str(error))
            if stat.S_ISLNK(info.st_mode):
                return self._refuse(f"{shown} is a link, which klm-lint does not follow")
            if not stat.S_ISDIR(info.st_mode):
                return self._refuse(f"{shown} is not a folder")
        return self._marked(create=create)

    def _marked(self, *, create: bool) -> bool:
        """Whether the folder holds klm-lint's .gitignore (with create, written in an empty
        folder), so that it is klm-lint's own."""
        ignore = self.folder / ".gitignore"
        try:
            raw, _info = read_regular(ignore, len(_IGNORE_ALL), follow=False)
        except Refused as refused:
            if not refused.missing:
                return self._refuse(f"its .gitignore is not klm-lint's ({refused.reason})")
        else:
            if raw.decode("utf-8", "replace") == _IGNORE_ALL:
                return True
            return self._refuse("its .gitignore is not the one klm-lint writes")
        try:
            with os.scandir(self.folder) as entries:
                if any(entries):
                    return self._refuse("it holds files klm-lint did not write")
            if not create:
                return False
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
            descriptor = os.open(ignore, flags, 0o644)
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                stream.write(_IGNORE_ALL)
        except OSError as error:
            return self._refuse(error.strerror or str(error))
        return True

    def _refuse(self, reason: str) -> bool:
        shown = os.path.relpath(self.folder, self.project.text).replace(os.sep, "/")
        self.note = (
            f"the index cache was not used: {shown}/ is not a folder of klm-lint's own ({reason}). "
            "Remove it, or set cache-dir to a new folder; klm-lint creates it."
        )
        return False

    def rows(self, index: SiteIndex | None) -> Rows | None:
        """The rows of the cache file this run will write, to be handed the files' entries a
        batch at a time, as they come (`Rows.extend`); None when the cache folder cannot be
        written."""
        if not self._usable(create=True):
            return None
        return Rows(self, index)

    def _write(
        self,
        stream: BinaryIO,
        entries: Iterable[tuple[str, Stamp | None, Post | int | None]] | Rows,
        index: SiteIndex | None,
        *,
        last: bool = False,
    ) -> None:
        """The cache file, section by section (one line each: a JSON value, or the texts of a
        column of keys; each made and written in turn: a large site's cache is never held
        whole, its columns of keys aside when they were made as the entries came), then the
        checksum. The columns of keys come before those of facts: with `last`, the keys of
        each are let go once it is written."""
        if isinstance(entries, Rows):
            rows = entries
        else:
            rows = Rows(self, index, early=False)
            rows.extend(entries)
        sections: list[tuple[str, Callable[[], str | Iterable[str] | None]]] = [
            ("files", lambda: json_pieces(rows.files)),
            ("stamps", lambda: numbers_json(rows.stamps)),
            ("collections", lambda: _json(list(rows.collections))),
            ("collection", lambda: numbers_json(rows.which)),
            ("line_ends", lambda: numbers_json(rows.line_ends)),
        ]
        stored = rows.stored
        functions = index.asked_functions() if index is not None else {}
        names = set(functions) | (stored.key_names if stored is not None else set())
        for name in sorted(names):
            sections.append(
                (
                    f"key:{name}",
                    functools.partial(rows.key_column, name, functions.get(name), last=last),
                )
            )
        for slot, name in enumerate(self.layout.names):
            sections.append((f"fact:{name}", functools.partial(rows.fact_column, slot)))
        walk = self.walk
        header = {
            "format": _FORMAT,
            "identity": self.identity,
            "count": len(rows.files),
            "sections": [name for name, _make in sections],
            "walk": _walk_json(walk, self.trusted_before) if walk is not None else None,
        }
        stream.write(_json(header).encode() + b"\n")
        checksum = 0
        for _name, make in sections:
            made = make()
            if made is None:
                made = "null"  # a key column that cannot be kept: refused when read
            # A large site's column is megabytes: written a piece at a time.
            for piece in (made,) if isinstance(made, str) else made:
                data = piece.encode()
                checksum = zlib.crc32(data, checksum)
                stream.write(data)
            checksum = zlib.crc32(b"\n", checksum)
            stream.write(b"\n")
        stream.write(b"%d\n" % checksum)


class Rows:
    """The files of a cache file being written, one row each: its path, stamp, collection and
    post. Taken a batch of entries at a time (`extend`); made early, as a run that loads the
    posts hands them over while other processes still load, it also makes the columns of the
    keys already worked out (those the posts were grouped by ahead), batch by batch, for as
    long as every row is a whole post or none. The columns of facts are made at the end, one
    at a time (made early, they would be held all at once while the posts load: a fifth more
    memory for a large site, for no time a run could measure)."""

    __slots__ = (
        "_cut",
        "_every",
        "_index",
        "_keys",
        "_layout",
        "_root",
        "_trusted",
        "collections",
        "files",
        "line_ends",
        "posts",
        "stamps",
        "stored",
        "which",
    )

    def __init__(self, cache: IndexCache, index: SiteIndex | None, *, early: bool = True) -> None:
        self._root = cache.root + os.sep
        self._cut = len(self._root)
        self._trusted = cache.trusted_before
        self._layout = cache.layout
        self._index = index
        loaded = cache.loaded
        self.stored = loaded.stored if loaded is not None else None
        self.files: list[str] = []
        self.stamps: array[int] = array("q")
        self.collections: dict[str, int] = {}
        self.which: array[int] = array("q")
        self.line_ends: array[int] = array("q")
        self.posts: list[Post | int | None] = []
        self._every: list[tuple[Any, ...]] | None = None
        self._keys: dict[str, tuple[Callable[[Post], Hashable | None], KeyPieces | None]] = {}
        """The columns of keys made so far, by the key function's name (None: one that cannot
        be kept)."""
        if early and index is not None:
            self._keys = {
                name: (key_of, KeyPieces()) for name, key_of in index.asked_functions().items()
            }

    def extend(self, entries: Iterable[tuple[str, Stamp | None, Post | int | None]]) -> None:
        """The files' entries (each file's path, stamp, and post: whole, as its row in the
        cache read, or None for a file that is no post), in order."""
        root, cut, trusted, stored = self._root, self._cut, self._trusted, self.stored
        collections, posts = self.collections, self.posts
        first = len(posts)
        # Bound once: this runs for every file of the site.
        add_file, add_stamp, add_row = self.files.append, self.stamps.extend, posts.append
        add_which, add_line_end = self.which.append, self.line_ends.append
        number = collections.setdefault
        for key, file_stamp, post in entries:
            if not key.startswith(root):
                continue
            relative = post.site_path if isinstance(post, Post) else ""
            if len(relative) != len(key) - cut or not key.endswith(relative):
                relative = key[cut:].replace(os.sep, "/")
            # else the post's own text: a large site's paths are not held twice while writing
            add_file(relative)
            if file_stamp is None or file_stamp[1] >= trusted:
                add_stamp(_UNTRUSTED)
                post = None
            else:
                add_stamp(file_stamp)
            add_row(post)
            if post is None:
                add_which(-1)
                add_line_end(0)
            elif isinstance(post, Post):
                add_which(number(post.collection, len(collections)))
                add_line_end(post.first_line_end)
            else:
                assert stored is not None
                add_which(number(stored.collection(post), len(collections)))
                add_line_end(stored.line_ends[post])
        if self._keys:
            self._keys_of(posts[first:])

    def _keys_of(self, rows: list[Post | int | None]) -> None:
        """The columns of keys made so far, taking these rows; while every row is a whole post
        or none (else they are made from every row at the end)."""
        if not set(map(type, rows)) <= _WHOLE:
            self._keys = {}
            return
        for name, (key_of, pieces) in self._keys.items():
            if (
                pieces is not None
                and key_pieces(name, key_of, rows, None, self._index, pieces) is None
            ):
                self._keys[name] = (key_of, None)

    def _whole(self) -> list[tuple[Any, ...]] | None:
        """Each row's facts, when every row is a whole post or none (as a full run leaves
        them), made once for every column; else None."""
        if self._every is None and set(map(type, self.posts)) <= _WHOLE:
            nothing = tuple(NOTHING[kind] for kind in self._layout.kinds)
            self._every = [nothing if post is None else post.facts for post in self.posts]  # type: ignore[union-attr]
        return self._every

    def fact_column(self, slot: int) -> Iterable[str]:
        """A fact's column."""
        rows, stored = self.posts, self.stored
        kind = self._layout.kinds[slot]
        fact = self._layout.facts[slot]
        writer = ColumnWriter(kind)
        whole = self._whole()
        if whole is not None:
            writer.extend(list(map(itemgetter(slot), whole)))
            return writer.pieces()
        column = (
            stored.column(slot)
            if stored is not None and any(isinstance(post, int) for post in rows)
            else None
        )
        for post in rows:
            if post is None:
                writer.none()
            elif isinstance(post, int):
                assert column is not None and stored is not None
                if column.texts is None:
                    writer.add(stored.post("", post)[fact])
                else:
                    writer.copy(column, post)
            elif type(post) is Post:
                writer.add(post.facts[slot])
            else:
                writer.add(post[fact])
        return writer.json()

    def key_column(
        self, name: str, key_of: Callable[[Post], Hashable | None] | None, *, last: bool = False
    ) -> Iterable[str] | None:
        """Each row's key by a key function, as text, in JSON (the column's line, in pieces);
        None when a row's key is not known or cannot be kept as text. With `last`, the index
        lets the keys it remembered by the function go once they are taken."""
        index = self._index
        made = self._keys.get(name)
        if made is not None and made[0] == key_of:
            pieces = made[1]
        else:
            pieces = key_pieces(name, key_of, self.posts, self.stored, index)
        if last and index is not None and key_of is not None:
            index.forget_keys(key_of)
        return pieces.pieces if pieces is not None else None


_WHOLE = frozenset((Post, type(None)))
_UNTRUSTED = (-1, -1, -1)
"""The stamp of a file read again next time: no file has it."""


class _Sections(dict[str, bytes]):
    """The file's sections by name, each cut out of the file when first asked for."""

    def __init__(self, raw: bytes, bounds: dict[str, tuple[int, int]]) -> None:
        super().__init__()
        self._raw = raw
        self._bounds = bounds

    def __missing__(self, name: str) -> bytes:
        begin, end = self._bounds[name]
        line = self[name] = self._raw[begin:end]
        return line

    def names(self) -> list[str]:
        return list(self._bounds)

    def empty(self, name: str) -> bool:
        """Whether the section is null (a column that could not be written)."""
        begin, end = self._bounds[name]
        return end - begin == 4 and self._raw[begin:end] == b"null"


def _sections(raw: bytes, start: int, end: int, names: list[str]) -> _Sections:
    """Where each section's line is, from `start` (each line ends with a line break) to `end`;
    ValueError when the lines are not one per name."""
    bounds: dict[str, tuple[int, int]] = {}
    at = start
    for name in names:
        stop = raw.find(b"\n", at, end)
        if stop < 0:
            raise ValueError("sections")
        bounds[name] = (at, stop)
        at = stop + 1
    if at != end:
        raise ValueError("sections")
    return _Sections(raw, bounds)


def key_pieces(
    name: str,
    key_of: Callable[[Post], Hashable | None] | None,
    rows: Sequence[Post | int | None],
    stored: Stored | None,
    index: SiteIndex | None,
    pieces: KeyPieces | None = None,
) -> KeyPieces | None:
    """The rows' keys by a key function, as texts, added to `pieces` (new ones if None): the
    column's line, in pieces; None when a row's key is not known or cannot be kept as text."""
    stored_column = stored.key_column(name) if stored is not None else None
    if pieces is None:
        pieces = KeyPieces()
    for at in range(0, len(rows), PIECE):
        piece = rows[at : at + PIECE]
        if key_of is not None and index is not None and set(map(type, piece)) == {Post}:
            # Every row a whole post, as a run that loaded every post leaves them.
            texts = key_texts_of(index.keys_of(key_of, cast("list[Post]", piece)))
            if False in texts or not pieces.add(cast("list[str | None]", texts)):
                return None
            continue
        column: list[str | None] = []
        places: list[int] = []
        whole: list[Post] = []
        for place, post in enumerate(piece):
            if isinstance(post, Post):
                places.append(place)
                whole.append(post)
                column.append(None)
            elif post is None:
                column.append(None)
            elif stored_column is None:
                return None
            else:
                column.append(stored_column[post])
        if whole:
            if key_of is None or index is None:
                return None
            texts = key_texts_of(index.keys_of(key_of, whole))
            if False in texts:  # a key that cannot be kept as text (no text equals False)
                return None
            for place, text in zip(places, texts, strict=True):
                column[place] = text  # type: ignore[assignment]
        if not pieces.add(column):
            return None
    return pieces


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _walk_json(walk: Watch, trusted: int) -> dict[str, Any] | None:
    """The walk, as the cache keeps it; None when it cannot be kept (it met a link or an
    unreadable folder, or a folder or ignore file changed just before the run: an entry added
    in the same tick of a coarse clock would keep its folder's time)."""
    if not walk.reliable:
        return None
    for known in walk.paths.values():
        if known is not None and len(known) > 2 and min(known[2], known[3]) >= trusted:
            return None
    return {"paths": [[path, known] for path, known in walk.paths.items()], "tops": walk.tops}


def _walk_of(raw: Any) -> tuple[dict[str, Signature], dict[str, str]]:
    """The walk from the cache's first line; ValueError when it is not one."""
    if type(raw) is not dict or type(raw.get("paths")) is not list:
        raise ValueError("walk")
    paths: dict[str, Signature] = {}
    for item in raw["paths"]:
        if type(item) is not list or len(item) != 2 or type(item[0]) is not str:
            raise ValueError("walk")
        known = item[1]
        if known is not None:
            if type(known) is not list or len(known) not in (1, 5):
                raise ValueError("walk")
            typed(known, {int})
            known = tuple(known)
        paths[item[0]] = known
    tops = raw.get("tops")
    if type(tops) is not dict or set(map(type, [*tops, *tops.values()])) - {str}:
        raise ValueError("walk")
    return paths, tops
