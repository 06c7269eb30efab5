"""The GitLab Code Quality report, checked against the schema GitLab's own parser uses."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Finding, Severity, Span
from klm_lint.report import ReportOptions, reporter
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import BAD_POST, klm_lint

OTHER_POST = GOOD_POST.replace("Community engagement.", "Clean water.")

SCHEMA = Path(__file__).parent / "schemas" / "gitlab-codeclimate.json"
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
"""GitLab's documented severities (doc/ci/testing/code_quality.md)."""


@cache
def validator() -> Draft7Validator:
    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def assert_valid(report: Any) -> None:
    """An array of issues, each as GitLab's parser validates it, with what its docs require."""
    assert isinstance(report, list)
    for issue in report:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(issue)]
        assert errors == []
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["location"]["path"], str)
        assert issue["location"]["lines"]["begin"] >= 1
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab merges equal fingerprints"


def render(*findings: Finding) -> list[dict[str, Any]]:
    stream = io.StringIO()
    reporter("gitlab")(RunResult(1, list(findings)), stream, ReportOptions())
    report: list[dict[str, Any]] = json.loads(stream.getvalue())
    assert_valid(report)
    return report


def finding(line: int = 8, source: str = 'draft: "false"', path: str = "a.md") -> Finding:
    span = Span(line, 8, line, 15)
    return Finding(path, span, "KLM104", "draft-flag", Severity.ERROR, "m", source)


def test_the_schema_rejects_a_broken_issue() -> None:
    assert list(validator().iter_errors({"description": "x", "severity": "major"}))


def test_an_issue_per_finding(site: SiteBuilder) -> None:
    site.post(BAD_POST, "a.md")
    site.post(OTHER_POST.replace("draft: false", "draft: false\nsubtitle: x"), "b.md")
    result = klm_lint("--format", "gitlab", cwd=site.root)
    assert result.returncode == 1
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert_valid(report)
    draft, unknown = report
    assert draft == {
        "type": "issue",
        "check_name": "KLM104",
        "description": "KLM104 draft-flag: " + draft["description"].split(": ", 1)[1],
        "categories": ["Bug Risk"],
        "severity": "major",
        "fingerprint": draft["fingerprint"],
        "location": {"path": "content/posts/a.md", "lines": {"begin": 8, "end": 8}},
    }
    assert draft["description"].startswith('KLM104 draft-flag: draft is the string "false"')
    assert unknown["severity"] == "minor"
    assert unknown["location"]["path"] == "content/posts/b.md"


def test_a_clean_run_is_an_empty_array(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("--format", "gitlab", cwd=site.root)
    assert (result.returncode, result.stdout) == (0, "[]\n")


def test_the_fingerprint_follows_the_text_not_the_line_number() -> None:
    [before] = render(finding(line=8))
    [after] = render(finding(line=12))
    assert before["fingerprint"] == after["fingerprint"]
    [other_text] = render(finding(source="draft: 'false'"))
    [other_file] = render(finding(path="b.md"))
    assert len({before["fingerprint"], other_text["fingerprint"], other_file["fingerprint"]}) == 3


def test_repeated_findings_on_equal_lines_keep_distinct_fingerprints() -> None:
    first, second = render(finding(line=8), finding(line=9))
    assert first["fingerprint"] != second["fingerprint"]
    again_first, _ = render(finding(line=3), finding(line=9))
    assert again_first["fingerprint"] == first["fingerprint"]


def test_every_rule_of_the_broken_examples_makes_a_valid_issue() -> None:
    broken = Path(__file__).resolve().parents[2] / "examples" / "broken"
    result = klm_lint("--format", "gitlab", "--now", "2024-06-01", "content", cwd=broken)
    report = json.loads(result.stdout)
    assert_valid(report)
    assert len({issue["check_name"] for issue in report}) > 20
