"""Applying fixes: text edits at exact spans, repeated until nothing more is fixable, written
atomically. Every byte outside an edited span stays as it was."""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from klm_lint.findings import Applicability

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


def unified_diff(display_path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{display_path}",
        tofile=f"b/{display_path}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: all or nothing."""
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
