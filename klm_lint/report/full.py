"""The default report: findings grouped by file, each with its source line and a marker.

Findings on the same line share one quotation of it, with a marker for each. On a terminal the
report is laid out for its width: messages wrap, and a source line too long to fit is shown
around its markers, cut with an ellipsis. Off a terminal nothing is wrapped or cut, unless the
report is styled for a terminal anyway (forced colour) and COLUMNS sets a width.
"""

from __future__ import annotations

import os
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
_INDENT = 4
"""Messages and wrapped lines start this far in."""

Line = list[tuple[str, str]]
"""A line of the report as pieces of text and their styles ("" for none)."""


def console_for(
    stream: TextIO, options: ReportOptions, *, colour: bool, width: int | None = None
) -> Console:
    from rich.console import Console

    return Console(
        file=stream,
        force_terminal=colour,
        no_color=not colour,
        color_system="standard" if colour else None,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    """Plain text off a terminal, written without loading rich at all."""
    colour = wants_colour(stream, options)
    width = report_width(stream, options, colour=colour)
    lines = _lines(result, options, findings=not options.statistics, width=width)
    if options.statistics or colour:
        from rich.text import Text

        console = console_for(stream, options, colour=colour, width=width)
        if options.statistics:
            _statistics(console, result)
        for line in lines:
            console.print(Text.assemble(*line))
        return
    for line in lines:
        stream.write("".join(text for text, _ in line) + "\n")


def wants_colour(stream: TextIO, options: ReportOptions) -> bool:
    """As asked; else no colour when NO_COLOR is set, colour when FORCE_COLOR is, and otherwise
    only on a terminal (https://no-color.org, https://force-color.org)."""
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream)


def report_width(stream: TextIO, options: ReportOptions, *, colour: bool) -> int | None:
    """The columns to lay the report out for: as asked; on a terminal its width (COLUMNS, when
    set, wins, as for every program); off a terminal COLUMNS only when the report is styled for
    a terminal anyway; else None, and nothing is wrapped."""
    if options.width is not None:
        return max(options.width, 20)
    columns = _columns_variable()
    if _is_terminal(stream):
        if columns is not None:
            return columns
        try:
            return max(os.get_terminal_size(stream.fileno()).columns, 20)
        except (AttributeError, ValueError, OSError):
            return 80
    return columns if colour else None


def _columns_variable() -> int | None:
    value = os.environ.get("COLUMNS", "").strip()
    return max(int(value), 20) if value.isdigit() and int(value) > 0 else None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _lines(
    result: Result, options: ReportOptions, *, findings: bool, width: int | None
) -> Iterator[Line]:
    if findings:
        for path, group in groupby(result.findings, key=lambda finding: finding.path):
            yield from _fitted([(path, "bold underline")], width)
            for same_line in _same_line_runs(list(group)):
                yield from _findings_on_one_line(same_line, width)
    if options.summary:
        yield from _fitted(_footer(result, options.hidden_warnings), width)
        for line in notes_lines(result, options):
            yield from _fitted([(line, "")], width, indent=2)


def _same_line_runs(findings: list[Finding]) -> Iterator[list[Finding]]:
    """Consecutive findings that quote the same source line."""
    yield from (
        list(run)
        for _, run in groupby(findings, key=lambda f: (f.span.line, f.source_line or None))
    )


def _findings_on_one_line(findings: list[Finding], width: int | None) -> Iterator[Line]:
    """Each finding's head and message, then the line they are on, once, with their markers.
    When the line is too long for the width and their markers are far apart, the line is shown
    again for those the first cut does not show."""
    if not findings[0].source_line:
        for finding in findings:
            yield from _head(finding, width)
            yield []
        return
    for run in _snippet_runs(findings, width):
        for finding in run:
            yield from _head(finding, width)
        yield from _source(run, width)
        yield []


def _head(finding: Finding, width: int | None) -> Iterator[Line]:
    span = finding.span
    head: Line = [
        ("  ", ""),
        (f"{span.line}:{span.column}", "bold"),
        ("  ", ""),
        (finding.severity.value, _SEVERITY_STYLE[finding.severity]),
        ("  ", ""),
        (finding.code, "bold cyan"),
        (f" {finding.rule}", "cyan"),
    ]
    marker = fix_marker(finding)
    if marker:
        head.append((f" {marker}", "green"))
    yield from _fitted(head, width)
    yield from _fitted([(" " * _INDENT + finding.message, "")], width)


def _fitted(line: Line, width: int | None, indent: int = _INDENT) -> list[Line]:
    if width is None:
        return [line]
    from klm_lint.report.layout import wrap

    return wrap(line, width, indent)


def _marked_cells(finding: Finding) -> tuple[int, int]:
    """The cells before the finding's span on its line, and the cells the span takes."""
    span = finding.span
    line = finding.source_line
    end_column = span.end_column if span.end_line == span.line else len(line) + 1
    before = line[: span.column - 1].replace("\t", _TAB)
    marked = line[span.column - 1 : max(end_column - 1, span.column - 1)].replace("\t", _TAB)
    return _cells(before), max(1, _cells(marked))


def _gutter(finding: Finding) -> str:
    return "    " + " " * len(str(finding.span.line)) + " | "


def _snippet_runs(findings: list[Finding], width: int | None) -> Iterator[list[Finding]]:
    """The findings cut into runs whose markers one window of the line shows in full."""
    if width is None:
        yield findings
        return
    first = findings[0]
    total = _cells(first.source_line.replace("\t", _TAB))
    room = width - len(_gutter(first))
    run: list[Finding] = []
    low = high = 0
    for finding in findings:
        before, marked = _marked_cells(finding)
        if run:
            wider_low, wider_high = min(low, before), max(high, before + marked)
            if total <= room or wider_high - wider_low <= room - 2:
                low, high = wider_low, wider_high
                run.append(finding)
                continue
            yield run
        run, low, high = [finding], before, before + marked
    yield run


def _source(findings: list[Finding], width: int | None) -> Iterator[Line]:
    first = findings[0]
    pad = _gutter(first)
    line = first.source_line.replace("\t", _TAB)
    spans = [_marked_cells(finding) for finding in findings]
    offset, room = 0, None
    if width is not None:
        from klm_lint.report.layout import crop, window

        low = min(before for before, _ in spans)
        high = max(before + marked for before, marked in spans)
        shown = window(_cells(line), low, high, width - len(pad))
        line = crop(line, shown)
        offset = shown.start - (1 if shown.cut_left else 0)
        room = shown.start + shown.size
    yield [(pad.rstrip(), "blue")]
    yield [(f"    {first.span.line} | ", "blue"), (line, "")]
    rows: dict[tuple[int, int], list[Finding]] = {}
    for finding, (before, marked) in zip(findings, spans, strict=True):
        if room is not None:
            marked = max(1, min(before + marked, room) - before)
        rows.setdefault((before, marked), []).append(finding)
    labelled = len(findings) > 1
    for (before, marked), marking in rows.items():
        style = _SEVERITY_STYLE[marking[0].severity]
        indent = before - offset
        carets = ("^" * marked, style)
        if not labelled:
            yield [(pad, "blue"), (" " * indent, ""), carets]
            continue
        codes = ", ".join(dict.fromkeys(finding.code for finding in marking))
        too_wide = width is not None and len(pad) + indent + marked + 1 + len(codes) > width
        if too_wide and indent > len(codes):
            # The label goes before the marker rather than past the terminal's edge.
            spaces = " " * (indent - len(codes) - 1)
            yield [(pad, "blue"), (spaces, ""), (codes, style), (" ", ""), carets]
        else:
            yield [(pad, "blue"), (" " * indent, ""), carets, (f" {codes}", style)]


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


_PATH_COLUMNS = ("Path", "Folder")
"""Columns of paths: shortened in the middle to fit, never wrapped or cut at the end."""
_COMFORTABLE = {"Title": 20, "Author": 12}
"""How narrow the other columns may get (wrapping) before paths are shortened."""


def _section(
    console: Console, title: str, columns: tuple[str, ...], rows: Sequence[Sequence[str]]
) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(title + ("" if rows else ": none"), style="bold underline"))
    if rows:
        rows = _paths_shortened(console.width, columns, rows)
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for column in columns:
            table.add_column(
                column,
                justify="right" if column == "Count" else "left",
                no_wrap=column in _PATH_COLUMNS,
            )
        for row in rows:
            table.add_row(*row)
        console.print(table)
    console.print()


def _paths_shortened(
    width: int, columns: tuple[str, ...], rows: Sequence[Sequence[str]]
) -> Sequence[Sequence[str]]:
    """The rows with their paths shortened to leave the other columns room enough."""
    if not any(column in _PATH_COLUMNS for column in columns):
        return rows
    others = 0
    for index, column in enumerate(columns):
        if column not in _PATH_COLUMNS:
            natural = max(_cells(column), *(_cells(row[index]) for row in rows))
            others += min(natural, _COMFORTABLE.get(column, natural))
    room = max(16, width - others - 2 * (len(columns) - 1))
    return [
        [
            shorten_path(cell, room) if column in _PATH_COLUMNS else cell
            for column, cell in zip(columns, row, strict=True)
        ]
        for row in rows
    ]


def shorten_path(path: str, room: int) -> str:
    """The path in at most `room` cells: folders from its middle give way to an ellipsis
    first (content/…/2023/post.md), then all of them (…/post.md), then the middle of the name."""
    if _cells(path) <= room:
        return path
    parts = path.split("/")
    for kept in range(1, len(parts) - 1):
        candidate = "/".join([parts[0], "…", *parts[kept + 1 :]])
        if _cells(candidate) <= room:
            return candidate
    name = parts[-1]
    if len(parts) > 1 and _cells(name) + 2 <= room:
        return "…/" + name
    from klm_lint.report.layout import cells

    keep = max(1, room - 1)
    head, tail = (keep + 1) // 2, keep // 2
    start, end = name[:head], name[len(name) - tail :] if tail else ""
    while cells(start) + cells(end) + 1 > room and (start or end):
        start, end = (start[:-1], end) if len(start) >= len(end) else (start, end[1:])
    return start + "…" + end
