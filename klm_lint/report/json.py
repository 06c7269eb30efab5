"""Exactly one JSON document: version, files, findings, summary."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klm_lint.report.summary import rule_counts
from klm_lint.version import __version__

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.overview import Overview, PostState, Tally
    from klm_lint.engine.result import Result
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
        "fix": fix_dict(finding),
    }


def fix_dict(finding: Finding) -> dict[str, object] | None:
    fix = finding.fix
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "description": fix.description,
        "edits": [
            {
                "line": edit.span.line,
                "column": edit.span.column,
                "end_line": edit.span.end_line,
                "end_column": edit.span.end_column,
                "content": edit.replacement,
            }
            for edit in fix.edits
        ],
    }


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    document: dict[str, object] = {
        "version": __version__,
        "files": result.files,
        "findings": [finding_dict(finding) for finding in result.findings],
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "fixed": len(result.fixed),
            "baselined": result.baselined,
            "baseline_stale": result.baseline_stale,
            "unmatched_files": result.unmatched,
            "empty_collections": list(result.empty_collections),
        },
    }
    if options.statistics:
        document["statistics"] = [
            {"code": code, "rule": name, "severity": severity, "count": count}
            for count, code, name, severity in rule_counts(result)
        ]
        if result.overview is not None:
            document["overview"] = overview_dict(result.overview)
    stream.write(json.dumps(document, indent=2) + "\n")


def overview_dict(overview: Overview) -> dict[str, object]:
    def tallies(key: str, rows: tuple[Tally, ...]) -> list[dict[str, object]]:
        return [
            {
                key: tally.label,
                "count": tally.count,
                "errors": tally.errors,
                "warnings": tally.warnings,
            }
            for tally in rows
        ]

    def posts(rows: tuple[PostState, ...], scheduled: bool) -> list[dict[str, object]]:
        return [
            {
                "path": state.path,
                "title": state.title,
                "author": state.author or None,
                "date": state.date or None,
                **({"appears": state.appears} if scheduled else {}),
            }
            for state in rows
        ]

    return {
        "folders": tallies("folder", overview.folders),
        "authors": tallies("author", overview.authors),
        "drafts": posts(overview.drafts, scheduled=False),
        "scheduled": posts(overview.scheduled, scheduled=True),
    }
