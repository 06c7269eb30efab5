"""Counts shared by the text reports: the footer line and the per-rule statistics."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from klm_lint.findings import Applicability

if TYPE_CHECKING:
    from klm_lint.engine.overview import PostState, Tally
    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def summary_line(result: Result, hidden_warnings: int = 0) -> str:
    checked = f"Checked {plural(result.files, 'file')}"
    if not result.findings and not hidden_warnings:
        return f"{checked}: all checks passed."
    errors = plural(result.errors, "error")
    if hidden_warnings:
        return f"{checked}: {errors}, {plural(hidden_warnings, 'warning')} not shown."
    return f"{checked}: {errors}, {plural(result.warnings, 'warning')}."


def fix_marker(finding: Finding) -> str:
    """[fix] or [unsafe fix] for a finding that has one, else ""."""
    if finding.fix is None:
        return ""
    return "[fix]" if finding.fix.applicability is Applicability.SAFE else "[unsafe fix]"


def notes_lines(result: Result, options: ReportOptions) -> list[str]:
    """What follows the summary: files no schema checked, fixes made or possible, and the
    baseline's account."""
    lines: list[str] = []
    if result.unmatched:
        them = "it" if result.unmatched == 1 else "them"
        lines.append(
            f"{plural(result.unmatched, 'file')} matched no collection: only the file checks "
            f"ran on {them} (klm-lint --show-files lists each file's collection)."
        )
    for name in result.empty_collections:
        lines.append(
            f"The collection {name} matched no file: check its include patterns in the config."
        )
    if options.fixing:
        lines.append(
            f"Fixed {plural(len(result.fixed), 'finding')}; "
            f"{plural(len(result.findings), 'finding')} "
            f"{'remains' if len(result.findings) == 1 else 'remain'}."
        )
    else:
        safe = sum(1 for f in result.findings if fix_marker(f) == "[fix]")
        unsafe = sum(1 for f in result.findings if fix_marker(f) == "[unsafe fix]")
        safe_command, unsafe_command = options.safe_fix_command, options.unsafe_fix_command
        if (options.unsafe_fixes or not safe) and safe + unsafe:
            lines.append(f"{plural(safe + unsafe, 'finding')} fixable with {unsafe_command}.")
        elif safe and unsafe:
            lines.append(
                f"{plural(safe, 'finding')} fixable with {safe_command}; {unsafe:,} more with "
                f"{unsafe_command}."
            )
        elif safe:
            lines.append(f"{plural(safe, 'finding')} fixable with {safe_command}.")
    if result.baselined:
        lines.append(f"{plural(result.baselined, 'finding')} left out: the baseline knows them.")
    if result.baseline_stale:
        lines.append(
            f"{plural(result.baseline_stale, 'baseline entry', 'baseline entries')} no longer "
            "occur; run --write-baseline again to drop them."
        )
    if options.show_fixes and result.fixed:
        lines.append("Fixed:")
        for finding in result.fixed:
            what = finding.fix.description if finding.fix else finding.rule
            span = finding.span
            lines.append(f"  {finding.path}:{span.line}:{span.column}: {finding.code} {what}")
    return lines


def rule_counts(result: Result) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity) per rule, most frequent first."""
    counts = Counter((f.code, f.rule, f.severity.value) for f in result.findings)
    return sorted(
        ((count, code, name, severity) for (code, name, severity), count in counts.items()),
        key=lambda row: (-row[0], row[1]),
    )


def statistics_lines(result: Result) -> list[str]:
    """The --statistics summary as plain lines: findings by rule, then the site overview."""
    rows = rule_counts(result)
    width = max((len(str(count)) for count, *_ in rows), default=1)
    lines = ["Findings by rule:" if rows else "Findings by rule: none."]
    lines += [
        f"  {count:>{width}}  {code}  {name}  [{severity}]" for count, code, name, severity in rows
    ]
    overview = result.overview
    if overview is None:
        return lines
    for title, tallies in (("folder", overview.folders), ("author", overview.authors)):
        lines.append("")
        lines.append(f"Findings by {title}:" if tallies else f"Findings by {title}: none.")
        width = max((len(str(tally.count)) for tally in tallies), default=1)
        lines += [
            f"  {tally.count:>{width}}  {tally.label}  [{tally_counts(tally)}]" for tally in tallies
        ]
    for title, states in (("Drafts", overview.drafts), ("Scheduled posts", overview.scheduled)):
        lines.append("")
        lines.append(f"{title} ({len(states)}):" if states else f"{title}: none.")
        lines += [f"  {post_line(state)}" for state in states]
    return lines


def tally_counts(tally: Tally) -> str:
    return f"{plural(tally.errors, 'error')}, {plural(tally.warnings, 'warning')}"


def post_line(state: PostState) -> str:
    """`content/posts/a.md  "Title" by Jane, appears 2099-01-01`."""
    line = f"{state.path}  " + (f'"{state.title}"' if state.title else "(no title)")
    if state.author:
        line += f" by {state.author}"
    if state.appears:
        line += f", appears {state.appears}"
    return line
