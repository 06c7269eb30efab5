"""Reading a content file, guarded (klm_lint/files.py): regular files only, never blocking,
never past a limit, never through a link out of the project; a file that is not read is a
finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks import RULES_BY_CODE
from klm_lint.checks.loading import FILE_TOO_LARGE, FILE_UNREADABLE
from klm_lint.files import OUTSIDE, Refused, TooLarge, read_regular, stamp_of
from klm_lint.findings import Finding, Span
from klm_lint.load.paths import display_path
from klm_lint.load.text import printable

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.files import ProjectRoot, Stamp


def read_file(
    path: Path | str, limit: int, project: ProjectRoot | None = None
) -> tuple[bytes, Stamp] | Finding:
    """The file's bytes and stamp, or the finding that says why it was not read. With the
    project, a link in the project that leads out of it is not followed."""
    try:
        raw, info = read_regular(path, limit, project)
    except TooLarge:
        return too_large(path, limit)
    except Refused as refused:
        return unreadable(path, refused.reason)
    return raw, stamp_of(info)


def too_large(path: Path | str, limit: int) -> Finding:
    return file_finding(
        display_path(path),
        FILE_TOO_LARGE.code,
        f"the file is larger than the limit of {limit:,} bytes; it was not checked. "
        "Split it, or raise max-file-size in the config.",
    )


def unreadable(path: Path | str, reason: str) -> Finding:
    if reason.startswith(OUTSIDE):
        advice = "klm-lint reads only inside the project: copy the file in, or remove the link."
    elif "ermission" in reason:
        advice = "Check its permissions."
    else:
        advice = "Name a file or folder."
    return file_finding(
        display_path(path),
        FILE_UNREADABLE.code,
        f"cannot read {display_path(path)} ({reason}); it was not checked. {advice}",
    )


def file_finding(path: str, code: str, message: str) -> Finding:
    """A finding about a whole file, placed on its first character."""
    rule = RULES_BY_CODE[code]
    return Finding(path, Span(1, 1, 1, 1), rule.code, rule.name, rule.severity, printable(message))
