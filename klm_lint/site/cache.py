"""The whole-site index kept between runs, so that a run on a few files (the pre-commit hook)
does not load every other post again.

One JSON file per klm-lint version and configuration, in the cache folder (`.klm-lint-cache`
in the project root unless the config says otherwise). A post's record is reused while the file
keeps its size, modification time and change time; anything unexpected in the file (another
version, a damaged, hand-edited or oversized file) makes the run load the posts afresh, and a
folder that cannot be written is simply not used. The cache is JSON, never pickle: a tampered
cache cannot run code.

The folder is klm-lint's own: inside the project, neither the root itself nor in or around a
content or static folder (a config that says otherwise is an error), created by klm-lint with
no link anywhere on its way, and marked by the `.gitignore` klm-lint writes in it. A folder
that exists and is not klm-lint's is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import time
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.files import Refused, Stamp, read_regular, stamp_of
from klm_lint.site.facts import decode, encode
from klm_lint.site.index import Post
from klm_lint.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.site.index import Layout
    from klm_lint.site.site import Site

_FORMAT = 3
_IGNORE_ALL = "# Written by klm-lint: nothing in this folder belongs in version control.\n*\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

RACY_NS = 2 * 10**9
"""A file modified less than this before the run began is not kept in the cache: an edit in
the same tick of a coarse file-system clock (FAT counts in 2 s) would keep its stamp."""
BYTES_PER_POST = 8 * 1024
"""A cache file larger than this per content file (plus 1 MiB) is not read."""

Record = tuple[Stamp, Post | None]
"""None: the file is no post the index holds (it does not load, or is in no indexed
collection)."""


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


class IndexCache:
    def __init__(self, folder: Path, site: Site, layout: Layout) -> None:
        self.folder = folder
        self.layout = layout
        self.project = site.project
        facts = [(fact.name, fact.kind) for fact in layout.facts]
        settings = site.config.model_dump(mode="json")
        identity = json.dumps([_FORMAT, __version__, site.root_text, settings, facts])
        self.fingerprint = hashlib.sha256(identity.encode()).hexdigest()[:16]
        self.file = folder / f"index-{self.fingerprint}.json"
        self.trusted_before = time.time_ns() - RACY_NS
        """Files modified since are read again next time (the run begins now)."""
        self.note = ""
        """Why the cache was not used, for the user ("" while it is)."""
        self._loaded: object = None

    def load(self, files: int) -> dict[str, Record]:
        """The records of the last run with this configuration; none when there are none that
        can be trusted (`files`: how many content files the site has, which bounds the size of
        a cache worth reading)."""
        if not self._usable():
            return {}
        try:
            limit = 1024 * 1024 + BYTES_PER_POST * files
            raw, _info = read_regular(self.file, limit, follow=False)
            data = json.loads(raw)
            if data.get("format") != _FORMAT or data.get("fingerprint") != self.fingerprint:
                return {}
            records = {key: self._record(key, raw) for key, raw in data["files"].items()}
        except (Refused, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return {}
        self._loaded = data["files"]
        return records

    def save(self, records: dict[str, Record]) -> None:
        """Write the records in place of the old ones, whole or not at all. Records of files
        modified just before the run are left out: their stamp cannot be trusted yet."""
        files = {
            key: self._raw(record)
            for key, record in records.items()
            if record[0][1] < self.trusted_before
        }
        if files == self._loaded or not self._usable(create=True):
            return
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "files": files}
        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".index-", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                os.replace(temporary, self.file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
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

    def _record(self, key: str, raw: Any) -> Record:
        size, mtime, ctime, post = raw
        if type(size) is not int or type(mtime) is not int or type(ctime) is not int:
            raise TypeError("stamp")
        return (size, mtime, ctime), None if post is None else self._post(key, post)

    def _post(self, key: str, raw: Any) -> Post:
        site_path, collection, first_line_end, facts = raw
        if type(site_path) is not str or type(collection) is not str:
            raise TypeError("post")
        if type(first_line_end) is not int or len(facts) != len(self.layout.facts):
            raise TypeError("post")
        values = tuple(
            decode(fact.kind, value) for fact, value in zip(self.layout.facts, facts, strict=True)
        )
        return Post(key, site_path, collection, first_line_end, self.layout, values)

    def _raw(self, record: Record) -> list[Any]:
        (size, mtime, ctime), post = record
        if post is None:
            return [size, mtime, ctime, None]
        facts = [encode(fact.kind, post[fact]) for fact in self.layout.facts]
        return [size, mtime, ctime, [post.site_path, post.collection, post.first_line_end, facts]]
