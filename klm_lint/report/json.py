"""Exactly one JSON document: version, files, findings, summary."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klm_lint import __version__
from klm_lint.report.summary import rule_counts

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine import RunResult
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions


def finding_dict(finding: Finding) -> dict[str, object]:
    span = finding.span
    return {
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
    }


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    document: dict[str, object] = {
        "version": __version__,
        "files": result.files,
        "findings": [finding_dict(finding) for finding in result.findings],
        "summary": {"errors": result.errors, "warnings": result.warnings},
    }
    if options.statistics:
        document["statistics"] = [
            {"code": code, "rule": name, "severity": severity, "count": count}
            for count, code, name, severity in rule_counts(result)
        ]
    stream.write(json.dumps(document, indent=2) + "\n")
