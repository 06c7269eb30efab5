"""Reading a content file, guarded: regular files only, never blocking, never past a limit."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from klm_lint.checks import RULES_BY_CODE
from klm_lint.checks.loading import FILE_TOO_LARGE, FILE_UNREADABLE
from klm_lint.findings import Finding, Span
from klm_lint.load.paths import display_path
from klm_lint.load.text import printable
from klm_lint.records import stamp_of

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.records import Stamp

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def read_file(path: Path | str, limit: int) -> tuple[bytes, Stamp] | Finding:
    """The file's bytes and stamp, or the finding that says why it was not read."""
    try:
        # Non-blocking, so that a FIFO put in the file's place cannot make the run hang.
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                return unreadable(path, "not a regular file")
            raw = _read_up_to(descriptor, limit + 1, info.st_size)
        finally:
            os.close(descriptor)
    except OSError as error:
        return unreadable(path, error.strerror or str(error))
    if len(raw) > limit:
        return file_finding(
            display_path(path),
            FILE_TOO_LARGE.code,
            f"the file is larger than the limit of {limit:,} bytes; it was not checked. "
            "Split it, or raise max-file-size in the config.",
        )
    return raw, stamp_of(info)


def unreadable(path: Path | str, reason: str) -> Finding:
    advice = "Check its permissions." if "ermission" in reason else "Name a file or folder."
    return file_finding(
        display_path(path),
        FILE_UNREADABLE.code,
        f"cannot read {display_path(path)} ({reason}); it was not checked. {advice}",
    )


def file_finding(path: str, code: str, message: str) -> Finding:
    """A finding about a whole file, placed on its first character."""
    rule = RULES_BY_CODE[code]
    return Finding(path, Span(1, 1, 1, 1), rule.code, rule.name, rule.severity, printable(message))


def _read_up_to(descriptor: int, most: int, size: int) -> bytes:
    """At most `most` bytes of a regular file, in one read when it has the size it had."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(descriptor, min(left, max(size + 1, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
