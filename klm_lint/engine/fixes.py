"""Applying fixes: text edits at exact spans, repeated until nothing more is fixable, written
atomically. Every byte outside an edited span stays as it was."""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from klm_lint.files import temporary_file
from klm_lint.findings import Applicability
from klm_lint.load.text import printable_line

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from klm_lint.findings import Edit, Finding
    from klm_lint.load.document import Document

MAX_ROUNDS = 10


@dataclass(slots=True)
class FileFix:
    findings: list[Finding]
    """What remains after fixing (or the original findings when nothing was applied)."""
    fixed: list[Finding] = field(default_factory=list)
    original: str = ""
    text: str = ""
    problem: str = ""
    """Why fixes were not applied (the fixed text would not load), or ""."""

    @property
    def changed(self) -> bool:
        return not self.problem and self.text != self.original


def applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    return fix is not None and (unsafe or fix.applicability is Applicability.SAFE)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits applied (sorted by position)."""
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _choose(findings: list[Finding], unsafe: bool) -> tuple[list[Finding], list[Edit]]:
    """Fixable findings whose edits do not overlap an earlier one's; the rest wait a round."""
    chosen: list[Finding] = []
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for finding in findings:
        if not applicable(finding, unsafe):
            continue
        assert finding.fix is not None
        spans = [(edit.start, edit.end) for edit in finding.fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        chosen.append(finding)
        edits.extend(finding.fix.edits)
        taken.extend(spans)
    return chosen, edits


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def fix_text(
    document: Document,
    findings: list[Finding],
    relint: Callable[[str], tuple[Document | None, list[Finding]]],
    *,
    unsafe: bool,
) -> FileFix:
    """Fix one file's text in memory, linting it again (`relint`) after each round."""
    result = FileFix(findings, original=document.text, text=document.text)
    current = findings
    text = document.text
    for _ in range(MAX_ROUNDS):
        chosen, edits = _choose(current, unsafe)
        if not chosen:
            break
        text = apply_edits(text, edits)
        loaded, current = relint(text)
        if loaded is None or (document.front_matter and loaded.front_matter is None):
            reason = current[0].message if current else "it would lose its front matter"
            return FileFix(findings, original=document.text, text=document.text, problem=reason)
        result.fixed.extend(chosen)
    result.findings = current
    result.text = text
    return result


def encode(text: str, bom: bool) -> bytes:
    return (("\ufeff" + text) if bom else text).encode("utf-8")


def unified_diff(display_path: str, before: str, after: str) -> tuple[str, bool]:
    """A unified diff that `patch` and `git apply` take, and whether it had to show some
    characters as pictures. Lines end at LF alone, as they do for those tools (a CR before it
    stays); a control character or bidirectional override anywhere else in a line is shown as
    its picture (␛), so that no post can steer the terminal: such a diff no longer applies to
    the file, and says so."""
    escaped = False
    out: list[str] = []
    lines = difflib.unified_diff(
        _lines(before), _lines(after), fromfile=f"a/{display_path}", tofile=f"b/{display_path}"
    )
    for number, line in enumerate(lines):
        if number < 2 or line.startswith("@@"):
            out.append(line)
            continue
        body, end = _line_end(line)
        shown = printable_line(body)
        escaped = escaped or shown != body
        out.append(shown + end if end else shown + "\n\\ No newline at end of file\n")
    return "".join(out), escaped


def _lines(text: str) -> list[str]:
    """The text's lines, each with its LF (the last may have none)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _line_end(line: str) -> tuple[str, str]:
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith("\n"):
        return line[:-1], "\n"
    return line, ""


def write_fixed(path: Path, data: bytes) -> str:
    """Write a fixed file atomically: a temporary file in the same folder, then a rename, so
    that the file is whole before or after, never in between. A link is followed to the file
    it names (reading it made sure that lies in the project), and the link stays. The file
    keeps its mode, owner and group. "" once written; otherwise why nothing was written: a
    read-only file, a file with other hard links (a rename would cut it off from them), a
    file whose owner a new copy could not keep."""
    try:
        real = os.path.realpath(path)
        info = os.stat(real)
    except OSError as error:
        return f"it cannot be read again ({error.strerror or error})"
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "it is read-only"
    if info.st_nlink > 1:
        others = info.st_nlink - 1
        return f"it has {others} other hard link{'s' if others > 1 else ''}, which a fix would cut"
    folder, name = os.path.split(real)
    try:
        handle, temporary = temporary_file(folder, f".{name}.")
    except OSError as error:
        return f"its folder cannot be written ({error.strerror or error})"
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        made = os.stat(temporary)
        if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except PermissionError:
                os.unlink(temporary)
                return "it belongs to another user or group, which a fixed copy would not keep"
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return ""
