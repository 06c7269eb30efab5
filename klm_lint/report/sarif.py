"""SARIF 2.1.0: one run, the tool with every rule and its rule-book page, a result per finding."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from klm_lint.checks import ALL_RULES
from klm_lint.checks.rulebook import all_pages
from klm_lint.version import __version__

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.checks.rule import Rule
    from klm_lint.checks.rulebook import RulePage
    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding, Fix, Span
    from klm_lint.report import ReportOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SOURCE_ROOT = "%SRCROOT%"

Json = dict[str, object]


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json.dumps(sarif_log(result), indent=2) + "\n")


def sarif_log(result: Result) -> Json:
    pages = {page.code: page for page in all_pages()}
    index = {rule.code: position for position, rule in enumerate(ALL_RULES)}
    run: Json = {
        "tool": {
            "driver": {
                "name": "klm-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule, pages.get(rule.code)) for rule in ALL_RULES],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": result.internal_errors == 0}],
        "results": [_result(finding, index.get(finding.code)) for finding in result.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(rule: Rule, page: RulePage | None) -> Json:
    described: Json = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": rule.severity.value},
    }
    if page is not None:
        checks = page.section("What it checks") or rule.summary
        described["fullDescription"] = {"text": checks, "markdown": checks}
        described["help"] = {"text": page.body, "markdown": page.body}
    return described


def _result(finding: Finding, rule_index: int | None) -> Json:
    result: Json = {
        "ruleId": finding.code,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region(finding.span),
                }
            }
        ],
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if finding.fix is not None:
        result["fixes"] = [_fix(finding.path, finding.fix)]
    return result


def artifact_location(path: str) -> Json:
    """A relative path as a URI reference against the source root; an absolute one as file:."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT}


def region(span: Span) -> Json:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _fix(path: str, fix: Fix) -> Json:
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(path),
                "replacements": [
                    {
                        "deletedRegion": region(edit.span),
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in fix.edits
                ],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }
