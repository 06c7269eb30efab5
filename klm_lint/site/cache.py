"""The whole-site index kept between runs, so that a run on a few files (the pre-commit hook)
does not load every other post again.

One JSON file per klm-lint version and configuration, in the cache folder (`.klm-lint-cache`
in the project root unless the config says otherwise), with a `.gitignore` that keeps the
folder out of version control. It holds, for each content file of the indexed collections, its
stamp (size, modification and change time) and, for a post, the facts the whole-site rules
declared and the keys they grouped it by: columns of plain values, checked column by column
when read, so that ten thousand posts load in a few milliseconds. A post is taken from it while
its file keeps its stamp; a file modified in the two seconds before a run is not kept (an edit
in the same tick of a coarse file-system clock would keep its stamp). Anything unexpected in
the file (another version, a damaged, hand-edited or oversized file) makes the run load the
posts afresh, and a folder that cannot be written is simply not used. JSON, never pickle: a
committed or tampered cache cannot run code.

The folder is klm-lint's own: inside the project, neither the root itself nor in or around a
content or static folder (a config that says otherwise is an error), created by klm-lint with
no link anywhere on its way, and marked by the `.gitignore` klm-lint writes in it. A folder
that exists and is not klm-lint's is not used.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import stat
import tempfile
import time
import zlib
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.files import Refused, Stamp, read_regular, stamp_of
from klm_lint.site.facts import encode
from klm_lint.site.index import Post, Stored
from klm_lint.version import __version__

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Iterator
    from pathlib import Path

    from klm_lint.site.index import Layout, SiteIndex
    from klm_lint.site.site import Site

_FORMAT = 4
_IGNORE_ALL = "# Written by klm-lint: nothing in this folder belongs in version control.\n*\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

RACY_NS = 2 * 10**9
"""A file modified less than this before the run began is not kept in the cache: an edit in
the same tick of a coarse file-system clock (FAT counts in 2 s) would keep its stamp."""
BYTES_PER_POST = 8 * 1024
"""A cache file larger than this per content file (plus 1 MiB) is not read."""
_NONE = type(None)
_SCALARS = frozenset({str, int, float, bool, _NONE})


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


class Loaded:
    """What the cache held: the stored posts, and each file's row and stamp (by its path)."""

    __slots__ = ("rows", "stamps", "stored")

    def __init__(self, stored: Stored, rows: dict[str, int], stamps: list[int]) -> None:
        self.stored = stored
        self.rows = rows
        self.stamps = stamps

    def stamp(self, row: int) -> Stamp:
        at = 3 * row
        stamps = self.stamps
        return stamps[at], stamps[at + 1], stamps[at + 1] + stamps[at + 2]


class IndexCache:
    def __init__(self, folder: Path, site: Site, layout: Layout) -> None:
        self.folder = folder
        self.layout = layout
        self.root = site.root_text
        self.project = site.project
        facts = [(fact.name, fact.kind) for fact in layout.facts]
        settings = site.config.model_dump(mode="json")
        self.identity = json.loads(json.dumps([_FORMAT, __version__, self.root, settings, facts]))
        text = json.dumps(self.identity, separators=(",", ":"))
        digest = zlib.crc32(text.encode()) ^ (zlib.adler32(text.encode()) << 32)
        self.file = folder / f"index-{digest:016x}.json"
        self.trusted_before = time.time_ns() - RACY_NS
        """Files modified since are read again next time (the run begins now)."""
        self.loaded: Loaded | None = None
        self.note = ""
        """Why the cache was not used, for the user ("" while it is)."""

    def load(self, files: int) -> Loaded | None:
        """The posts of the last run with this configuration; None when there are none that
        can be trusted (`files`: how many content files the site has, which bounds the size of
        a cache worth reading)."""
        if not self._usable():
            return None
        try:
            limit = 1024 * 1024 + BYTES_PER_POST * files
            raw, _info = read_regular(self.file, limit, follow=False)
            loaded = self._checked(json.loads(raw))
        except (Refused, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        self.loaded = loaded
        return loaded

    def _checked(self, data: Any) -> Loaded | None:
        if type(data) is not dict or data.get("identity") != self.identity:
            return None
        files = _column(data["files"], {str})
        count = len(files)
        stamps = _column(data["stamps"], {int}, 3 * count)
        collections = _column(data["collections"], {str})
        which = _column(data["collection"], {int}, count)
        if which and not -1 <= min(which) <= max(which) < len(collections):
            raise ValueError("collection")
        line_ends = _column(data["line_ends"], {int}, count)
        columns = data["facts"]
        if type(columns) is not list or len(columns) != len(self.layout.facts):
            raise ValueError("facts")
        facts = [
            _fact_column(kind, column, count)
            for kind, column in zip(self.layout.kinds, columns, strict=True)
        ]
        keys = data["keys"]
        if type(keys) is not dict:
            raise ValueError("keys")
        kept_keys = {
            name: column
            for name, column in keys.items()
            if type(column) is list and len(column) == count and _keys(column)
        }
        names = [collections[index] if index >= 0 else "" for index in which]
        stored = Stored(self.layout, files, names, line_ends, facts, kept_keys)
        prefix = self.root + os.sep
        if os.sep == "/":
            rows = {prefix + site_path: row for row, site_path in enumerate(files)}
        else:  # pragma: no cover - Windows
            rows = {prefix + path.replace("/", os.sep): row for row, path in enumerate(files)}
        if len(rows) != count:
            raise ValueError("files")
        return Loaded(stored, rows, stamps)

    def save(
        self,
        entries: Iterable[tuple[str, Stamp, Post | int | None]],
        index: SiteIndex | None,
        *,
        changed: bool = True,
    ) -> None:
        """Write the files' entries (each file's path, stamp, and post: whole, as its row in
        the cache read, or None for a file that is no post) in place of the old ones, whole or
        not at all; `changed`: whether they differ from the cache read. Entries of files
        modified just before the run are left out."""
        trusted = self.trusted_before
        loaded = self.loaded
        stored = loaded.stored if loaded is not None else None
        kept = [entry for entry in entries if entry[1][1] < trusted]
        known = index.known_keys() if index is not None else {}
        if loaded is not None and not changed and set(known) <= set(loaded.stored.keys):
            return
        if not self._usable(create=True):
            return
        data = self._data(kept, stored, known)
        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".index-", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    # Part by part, the fact columns made one at a time: a large site's cache
                    # is never held whole, as values or as text.
                    stream.write("{")
                    for at, (name, value) in enumerate(data.items()):
                        stream.write(f"{',' if at else ''}{json.dumps(name)}:")
                        if name == "facts":
                            stream.write("[")
                            for number, column in enumerate(value):
                                stream.write(f"{',' if number else ''}{_json(column)}")
                            stream.write("]")
                        else:
                            stream.write(_json(value))
                    stream.write("}")
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

    def _data(
        self,
        entries: list[tuple[str, Stamp, Post | int | None]],
        stored: Stored | None,
        known: dict[str, dict[str, Hashable | None]],
    ) -> dict[str, Any]:
        root = self.root + os.sep
        files: list[str] = []
        stamps: list[int] = []
        collections: dict[str, int] = {}
        which: list[int] = []
        line_ends: list[int] = []
        rows: list[Post | int | None] = []
        key_columns: dict[str, list[Any]] = {name: [] for name in known}
        if stored is not None:
            for name in stored.keys:
                key_columns.setdefault(name, [])
        for key, file_stamp, post in entries:
            if not key.startswith(root):
                continue
            files.append(key[len(root) :].replace(os.sep, "/"))
            size, modified, changed = file_stamp
            stamps += (size, modified, changed - modified)
            rows.append(post)
            if post is None:
                which.append(-1)
                line_ends.append(0)
                for values in key_columns.values():
                    values.append(None)
                continue
            if isinstance(post, Post):
                which.append(collections.setdefault(post.collection, len(collections)))
                line_ends.append(post.first_line_end)
            else:
                assert stored is not None
                which.append(collections.setdefault(stored.collections[post], len(collections)))
                line_ends.append(stored.line_ends[post])
            for name, values in key_columns.items():
                keys = known.get(name)
                if keys is not None and key in keys:
                    values.append(keys[key])
                elif stored is not None and isinstance(post, int) and name in stored.keys:
                    values.append(stored.keys[name][post])
                else:
                    values.append(_MISSING)
        kept_keys = {
            name: values
            for name, values in key_columns.items()
            if _MISSING not in values and _keys(values)
        }
        return {
            "format": _FORMAT,
            "identity": self.identity,
            "files": files,
            "stamps": stamps,
            "collections": list(collections),
            "collection": which,
            "line_ends": line_ends,
            "facts": self._fact_columns(rows, stored),
            "keys": kept_keys,
        }

    def _fact_columns(
        self, rows: list[Post | int | None], stored: Stored | None
    ) -> Iterator[list[Any]]:
        """Each fact's column, in the cache's form, made when it is written (`rows`: each
        file's post, whole, as its row in the cache read, or None)."""
        layout = self.layout
        for slot, (fact, kind) in enumerate(zip(layout.facts, layout.kinds, strict=True)):
            stored_column = stored.facts[slot] if stored is not None else []
            column: list[Any] = []
            for post in rows:
                if post is None:
                    column.append(None)
                elif isinstance(post, int):
                    column.append(stored_column[post])
                elif type(post) is Post:
                    column.append(encode(kind, post.facts[slot]))
                else:
                    column.append(encode(kind, post[fact]))
            yield column


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Missing:
    __slots__ = ()


_MISSING = _Missing()


def _column(value: Any, types: set[type], length: int | None = None) -> list[Any]:
    """A column of the cache, of values of these types only (checked at C speed)."""
    if type(value) is not list or (length is not None and len(value) != length):
        raise ValueError("column")
    if not set(map(type, value)) <= types:
        raise ValueError("column")
    return value


def _fact_column(kind: str, column: Any, count: int) -> list[Any]:
    if kind == "text":
        return _column(column, {str, _NONE}, count)
    if kind == "flag":
        return _column(column, {bool, _NONE}, count)
    if kind == "moment":
        values = _column(column, {str, _NONE}, count)
        from klm_lint.site.facts import decode

        for value in values:
            if value is not None:
                decode("moment", value)
        return values
    values = _column(column, {list, _NONE}, count)
    present = [value for value in values if value is not None]
    if kind == "words":
        _column(list(itertools.chain.from_iterable(present)), {str})
        return values
    if present:
        if set(map(len, present)) != {4}:
            raise ValueError("value")
        texts, lines, starts, ends = zip(*present, strict=True)
        _column(list(texts), {str})
        _column([*lines, *starts, *ends], {int})
    return values


def _keys(column: list[Any]) -> bool:
    """Whether a column holds keys JSON keeps as they are: scalars, or lists of scalars."""
    kinds = set(map(type, column))
    if not kinds <= _SCALARS | {list, tuple}:
        return False
    if kinds & {list, tuple}:
        nested = [value for value in column if type(value) in (list, tuple)]
        if not set(map(type, itertools.chain.from_iterable(nested))) <= _SCALARS:
            return False
    return True
