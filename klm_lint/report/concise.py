"""One line per finding, `path:line:col: CODE message`, for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.report.summary import fix_marker, notes_lines, statistics_lines, summary_line

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.report import ReportOptions


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    if options.statistics:
        stream.writelines(line + "\n" for line in statistics_lines(result))
    else:
        for finding in result.findings:
            span = finding.span
            marker = fix_marker(finding)
            code = f"{finding.code} {marker}" if marker else finding.code
            stream.write(f"{finding.path}:{span.line}:{span.column}: {code} {finding.message}\n")
    if options.summary:
        stream.write(summary_line(result, options.hidden_warnings) + "\n")
        stream.writelines(line + "\n" for line in notes_lines(result, options))
