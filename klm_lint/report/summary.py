"""Counts shared by the text reports: the footer line and the per-rule statistics."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klm_lint.engine import RunResult


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary_line(result: RunResult) -> str:
    checked = f"Checked {plural(result.files, 'file')}"
    if not result.findings:
        return f"{checked}: all checks passed."
    return f"{checked}: {plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}."


def rule_counts(result: RunResult) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity) per rule, most frequent first."""
    counts = Counter((f.code, f.rule, f.severity.value) for f in result.findings)
    return sorted(
        ((count, code, name, severity) for (code, name, severity), count in counts.items()),
        key=lambda row: (-row[0], row[1]),
    )


def statistics_lines(result: RunResult) -> list[str]:
    rows = rule_counts(result)
    width = max((len(str(count)) for count, *_ in rows), default=1)
    return [
        f"{count:>{width}}  {code}  {name}  [{severity}]" for count, code, name, severity in rows
    ]
