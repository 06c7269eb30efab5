"""The default report: findings grouped by file, each with its source line and a marker."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from klm_lint.findings import Severity
from klm_lint.report.summary import fix_marker, notes_lines, plural, rule_counts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

    from klm_lint.engine import RunResult
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}
_TAB = "    "


def console_for(stream: TextIO, options: ReportOptions) -> Console:
    return Console(
        file=stream,
        force_terminal=options.color,
        no_color=options.color is False or None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    console = console_for(stream, options)
    if options.statistics:
        _statistics(console, result)
    else:
        for path, findings in groupby(result.findings, key=lambda finding: finding.path):
            console.print(Text(path, style="bold underline"))
            for finding in findings:
                _finding(console, finding)
    if not options.quiet:
        console.print(_footer(result))
        for line in notes_lines(result, options):
            console.print(Text(line))


def _finding(console: Console, finding: Finding) -> None:
    span = finding.span
    style = _SEVERITY_STYLE[finding.severity]
    head = Text("  ")
    head.append(f"{span.line}:{span.column}", style="bold")
    head.append("  ")
    head.append(finding.severity.value, style=style)
    head.append("  ")
    head.append(finding.code, style="bold cyan")
    head.append(f" {finding.rule}", style="cyan")
    marker = fix_marker(finding)
    if marker:
        head.append(f" {marker}", style="green")
    console.print(head)
    console.print(Text("    " + finding.message))
    if finding.source_line:
        _source(console, finding, style)
    console.print()


def _source(console: Console, finding: Finding, style: str) -> None:
    span = finding.span
    line = finding.source_line
    number = str(span.line)
    pad = "    " + " " * len(number) + " | "
    end_column = span.end_column if span.end_line == span.line else len(line) + 1
    before = line[: span.column - 1].replace("\t", _TAB)
    marked = line[span.column - 1 : max(end_column - 1, span.column - 1)].replace("\t", _TAB)
    console.print(Text(pad.rstrip(), style="blue"))
    source = Text(f"    {number} | ", style="blue")
    source.append(line.replace("\t", _TAB))
    console.print(source)
    marker = Text(pad, style="blue")
    marker.append(" " * cell_len(before))
    marker.append("^" * max(1, cell_len(marked)), style=style)
    console.print(marker)


def _footer(result: RunResult) -> Text:
    footer = Text(f"Checked {plural(result.files, 'file')}: ")
    if not result.findings:
        footer.append("all checks passed.", style="bold green")
        return footer
    footer.append(plural(result.errors, "error"), style="bold red" if result.errors else "")
    footer.append(", ")
    footer.append(
        plural(result.warnings, "warning"), style="bold yellow" if result.warnings else ""
    )
    footer.append(".")
    return footer


def _statistics(console: Console, result: RunResult) -> None:
    rows = [
        (str(count), code, name, severity) for count, code, name, severity in rule_counts(result)
    ]
    _section(console, "Findings by rule", ("Count", "Code", "Rule", "Severity"), rows)
    overview = result.overview
    if overview is None:
        return
    for title, tallies in (("folder", overview.folders), ("author", overview.authors)):
        rows = [
            (str(tally.count), tally.label, str(tally.errors), str(tally.warnings))
            for tally in tallies
        ]
        heading = ("Count", title.capitalize(), "Errors", "Warnings")
        _section(console, f"Findings by {title}", heading, rows)
    drafts = [(state.path, state.title, state.author) for state in overview.drafts]
    _section(console, _counted("Drafts", drafts), ("Path", "Title", "Author"), drafts)
    scheduled = [
        (state.path, state.title, state.author, state.appears) for state in overview.scheduled
    ]
    _section(
        console,
        _counted("Scheduled posts", scheduled),
        ("Path", "Title", "Author", "Appears"),
        scheduled,
    )


def _counted(title: str, rows: Sequence[object]) -> str:
    return f"{title} ({len(rows)})" if rows else title


def _section(
    console: Console, title: str, columns: tuple[str, ...], rows: Sequence[Sequence[str]]
) -> None:
    console.print(Text(title + ("" if rows else ": none"), style="bold underline"))
    if rows:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for column in columns:
            table.add_column(column, justify="right" if column == "Count" else "left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    console.print()
