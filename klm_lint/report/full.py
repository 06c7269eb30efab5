"""The default report: findings grouped by file, each with its source line and a marker."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from klm_lint.findings import Severity
from klm_lint.report.summary import fix_marker, notes_lines, plural, rule_counts

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import TextIO

    from rich.console import Console

    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}
_TAB = "    "

Line = list[tuple[str, str]]
"""A line of the report as pieces of text and their styles ("" for none)."""


def console_for(stream: TextIO, options: ReportOptions) -> Console:
    from rich.console import Console

    return Console(
        file=stream,
        force_terminal=options.color,
        no_color=options.color is False or None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    """Off a terminal the report is plain text, written without loading rich at all."""
    if options.statistics or _styled(stream, options):
        from rich.text import Text

        console = console_for(stream, options)
        if options.statistics:
            _statistics(console, result)
        for line in _lines(result, options, findings=not options.statistics):
            console.print(Text.assemble(*line))
        return
    for line in _lines(result, options, findings=True):
        stream.write("".join(text for text, _ in line) + "\n")


def _styled(stream: TextIO, options: ReportOptions) -> bool:
    if options.color is not None:
        return options.color
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _lines(result: Result, options: ReportOptions, *, findings: bool) -> Iterator[Line]:
    if findings:
        for path, group in groupby(result.findings, key=lambda finding: finding.path):
            yield [(path, "bold underline")]
            for finding in group:
                yield from _finding(finding)
    if options.summary:
        yield _footer(result, options.hidden_warnings)
        for line in notes_lines(result, options):
            yield [(line, "")]


def _finding(finding: Finding) -> Iterator[Line]:
    span = finding.span
    style = _SEVERITY_STYLE[finding.severity]
    head: Line = [
        ("  ", ""),
        (f"{span.line}:{span.column}", "bold"),
        ("  ", ""),
        (finding.severity.value, style),
        ("  ", ""),
        (finding.code, "bold cyan"),
        (f" {finding.rule}", "cyan"),
    ]
    marker = fix_marker(finding)
    if marker:
        head.append((f" {marker}", "green"))
    yield head
    yield [("    " + finding.message, "")]
    if finding.source_line:
        yield from _source(finding, style)
    yield []


def _source(finding: Finding, style: str) -> Iterator[Line]:
    span = finding.span
    line = finding.source_line
    number = str(span.line)
    pad = "    " + " " * len(number) + " | "
    end_column = span.end_column if span.end_line == span.line else len(line) + 1
    before = line[: span.column - 1].replace("\t", _TAB)
    marked = line[span.column - 1 : max(end_column - 1, span.column - 1)].replace("\t", _TAB)
    yield [(pad.rstrip(), "blue")]
    yield [(f"    {number} | ", "blue"), (line.replace("\t", _TAB), "")]
    yield [(pad, "blue"), (" " * _cells(before), ""), ("^" * max(1, _cells(marked)), style)]


def _cells(text: str) -> int:
    """How many terminal cells the text takes (East Asian characters take two)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _footer(result: Result, hidden_warnings: int) -> Line:
    footer: Line = [(f"Checked {plural(result.files, 'file')}: ", "")]
    if not result.findings and not hidden_warnings:
        footer.append(("all checks passed.", "bold green"))
        return footer
    footer.append((plural(result.errors, "error"), "bold red" if result.errors else ""))
    footer.append((", ", ""))
    warnings = hidden_warnings or result.warnings
    footer.append((plural(warnings, "warning"), "bold yellow" if warnings else ""))
    footer.append((" not shown." if hidden_warnings else ".", ""))
    return footer


def _statistics(console: Console, result: Result) -> None:
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
    from rich.table import Table
    from rich.text import Text

    console.print(Text(title + ("" if rows else ": none"), style="bold underline"))
    if rows:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for column in columns:
            table.add_column(column, justify="right" if column == "Count" else "left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    console.print()
