"""The whole-site index kept between runs, so that a run on a few files (the pre-commit hook)
does not load every other post again.

One JSON file per klm-lint version and configuration, in the cache folder (`.klm-lint-cache`
in the project root unless the config says otherwise). A post's record is reused while the file
keeps its size and modification time; anything unexpected in the file (another version, a
damaged or hand-edited file) makes the run load the posts afresh, and a folder that cannot be
written is simply not used. The cache is JSON, never pickle: a tampered cache cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from typing import TYPE_CHECKING, Any

from klm_lint.site.facts import decode, encode
from klm_lint.site.index import Post
from klm_lint.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.site.index import Layout
    from klm_lint.site.site import Site

_FORMAT = 2
_IGNORE_ALL = "# Written by klm-lint: nothing in this folder belongs in version control.\n*\n"

Stamp = tuple[int, int]
"""A file's size and modification time (ns): while both stay, its record stays."""
Record = tuple[Stamp, Post | None]
"""None: the file is no post the index holds (it does not load, or is in no indexed
collection)."""


def stamp(path: str) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class IndexCache:
    def __init__(self, folder: Path, site: Site, layout: Layout) -> None:
        self.folder = folder
        self.layout = layout
        facts = [(fact.name, fact.kind) for fact in layout.facts]
        settings = site.config.model_dump(mode="json")
        identity = json.dumps([_FORMAT, __version__, site.root_text, settings, facts])
        self.fingerprint = hashlib.sha256(identity.encode()).hexdigest()[:16]
        self.file = folder / f"index-{self.fingerprint}.json"

    def load(self) -> dict[str, Record]:
        """The records of the last run with this configuration; none when there are none that
        can be trusted."""
        try:
            with self.file.open(encoding="utf-8") as handle:
                data = json.load(handle)
            if data.get("format") != _FORMAT or data.get("fingerprint") != self.fingerprint:
                return {}
            return {key: self._record(key, raw) for key, raw in data["files"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def save(self, records: dict[str, Record]) -> None:
        """Write the records in place of the old ones, whole or not at all."""
        files = {key: self._raw(record) for key, record in records.items()}
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "files": files}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(_IGNORE_ALL, encoding="utf-8")
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

    def _record(self, key: str, raw: Any) -> Record:
        size, mtime, post = raw
        if type(size) is not int or type(mtime) is not int:
            raise TypeError("stamp")
        return (size, mtime), None if post is None else self._post(key, post)

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
        (size, mtime), post = record
        if post is None:
            return [size, mtime, None]
        facts = [encode(fact.kind, post[fact]) for fact in self.layout.facts]
        return [size, mtime, [post.site_path, post.collection, post.first_line_end, facts]]
