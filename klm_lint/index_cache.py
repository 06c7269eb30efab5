"""The whole-site index kept between runs, so that a run on a few files (the pre-commit hook)
does not read the front matter of every other post again.

One JSON file per klm-lint version and configuration, in the cache folder (`.klm-lint-cache`
in the project root unless the config says otherwise). A post's entry is reused while the file
keeps its size and modification time; anything unexpected in the file (another version, a
damaged or hand-edited file) makes the run read the posts afresh, and a folder that cannot be
written is simply not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from typing import TYPE_CHECKING, Any

from klm_lint import __version__
from klm_lint.site_index import PostEntry, Value

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.site import Site

_FORMAT = 1
_IGNORE_ALL = "# Written by klm-lint: nothing in this folder belongs in version control.\n*\n"

Stamp = tuple[int, int]
"""A file's size and modification time (ns): while both stay, its entry stays."""
Record = tuple[Stamp, PostEntry | None]


def stamp(path: str) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class IndexCache:
    def __init__(self, folder: Path, site: Site) -> None:
        self.folder = folder
        settings = site.config.model_dump(
            include={"content", "collections", "max_file_size", "max_front_matter_size"}
        )
        identity = json.dumps([_FORMAT, __version__, site.root_text, settings], sort_keys=True)
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
            return {key: _record(raw) for key, raw in data["files"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def save(self, records: dict[str, Record]) -> None:
        """Write the records in place of the old ones, whole or not at all."""
        files = {key: _raw_record(record) for key, record in records.items()}
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "files": files}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(_IGNORE_ALL, encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".index-", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
                os.replace(temporary, self.file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return


def _record(raw: Any) -> Record:
    size, mtime, entry = raw
    if type(size) is not int or type(mtime) is not int:
        raise TypeError("stamp")
    return (size, mtime), None if entry is None else _entry(entry)


def _entry(raw: Any) -> PostEntry:
    (key, site_path, collection, slug, url, title, author, avatar, date, published) = raw[:10]
    hidden, draft_false, first_line_end = raw[10:]
    if (
        type(key) is not str
        or type(site_path) is not str
        or type(collection) is not str
        or type(slug) is not str
        or type(hidden) is not bool
        or type(draft_false) is not bool
        or type(first_line_end) is not int
    ):
        raise TypeError("entry")
    return PostEntry(
        key,
        site_path,
        collection,
        slug,
        _value(url),
        _value(title),
        _value(author),
        _value(avatar),
        _value(date),
        None if published is None else dt.datetime.fromisoformat(published),
        hidden,
        draft_false,
        first_line_end,
    )


def _value(raw: Any) -> Value | None:
    if raw is None:
        return None
    text, line, start, end = raw
    if type(text) is not str or type(line) is not int or type(start) is not int:
        raise TypeError("value")
    if type(end) is not int:
        raise TypeError("value")
    return Value(text, line, start, end)


def _raw_record(record: Record) -> list[Any]:
    (size, mtime), entry = record
    return [size, mtime, None if entry is None else _raw_entry(entry)]


def _raw_entry(entry: PostEntry) -> list[Any]:
    return [
        entry.key,
        entry.site_path,
        entry.collection,
        entry.slug,
        *(
            _raw_value(value)
            for value in (entry.url, entry.title, entry.author, entry.avatar, entry.date)
        ),
        None if entry.published_at is None else entry.published_at.isoformat(),
        entry.hidden,
        entry.draft_false,
        entry.first_line_end,
    ]


def _raw_value(value: Value | None) -> list[Any] | None:
    return None if value is None else [value.text, value.line, value.start, value.end]
