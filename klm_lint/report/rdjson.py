"""reviewdog's Diagnostic Format (rdjson): one DiagnosticResult, for `reviewdog -f=rdjson`.

reviewdog counts columns in UTF-8 bytes, klm-lint in characters: a column on the finding's own
line is converted with that line's text. A position whose line the report has no text for (a
later line, or a file that did not decode) is given by its line alone, unless its column is 1.
Safe fixes become suggestions (which reviewdog can post as suggested changes) when every edit's
columns can be converted; unsafe fixes are left to a person, as with --fix.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klm_lint.findings import Applicability, Severity

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding, Span
    from klm_lint.report import ReportOptions

Json = dict[str, object]

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING"}


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    document: Json = {
        "source": {"name": "klm-lint"},
        "diagnostics": [diagnostic(finding) for finding in result.findings],
    }
    stream.write(json.dumps(document, indent=2) + "\n")


def diagnostic(finding: Finding) -> Json:
    described: Json = {
        "message": finding.message,
        "location": {"path": finding.path, "range": _range(finding.span, finding)},
        "severity": SEVERITY[finding.severity],
        "code": {"value": finding.code},
    }
    suggestions = _suggestions(finding)
    if suggestions:
        described["suggestions"] = suggestions
    return described


def _range(span: Span, finding: Finding) -> Json:
    start = _position(span.line, span.column, finding)
    end = _position(span.end_line, span.end_column, finding)
    return {"start": start, "end": end}


def _position(line: int, column: int, finding: Finding) -> Json:
    converted = byte_column(line, column, finding)
    return {"line": line} if converted is None else {"line": line, "column": converted}


def byte_column(line: int, column: int, finding: Finding) -> int | None:
    """The 1-based UTF-8 byte column of a character column, if the report can know it."""
    if column == 1:
        return 1
    if line != finding.span.line:
        return None
    before = finding.source_line[: column - 1]
    if len(before) < column - 1:
        return None  # past the end of the line as the report has it
    return len(before.encode("utf-8", "surrogatepass")) + 1


def _suggestions(finding: Finding) -> list[Json]:
    fix = finding.fix
    if fix is None or fix.applicability is not Applicability.SAFE:
        return []
    suggestions: list[Json] = []
    for edit in fix.edits:
        span = edit.span
        start = byte_column(span.line, span.column, finding)
        end = byte_column(span.end_line, span.end_column, finding)
        if start is None or end is None:
            return []
        suggestions.append(
            {
                "range": {
                    "start": {"line": span.line, "column": start},
                    "end": {"line": span.end_line, "column": end},
                },
                "text": edit.replacement,
            }
        )
    return suggestions
