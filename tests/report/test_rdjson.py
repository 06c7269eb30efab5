"""reviewdog's rdjson report, checked against reviewdog's published schema."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Applicability, Edit, Finding, Fix, Severity, Span
from klm_lint.report import ReportOptions, reporter
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import BAD_POST, klm_lint

OTHER_POST = GOOD_POST.replace("Community engagement.", "Clean water.")

SCHEMA = Path(__file__).parent / "schemas" / "reviewdog-DiagnosticResult.json"


@cache
def validator() -> Draft4Validator:
    return Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def assert_valid(document: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(document)]
    assert errors == []
    for diagnostic in document["diagnostics"]:
        assert diagnostic["location"]["range"]["start"]["line"] >= 1  # "Required" in reviewdog


def render(*findings: Finding) -> dict[str, Any]:
    stream = io.StringIO()
    reporter("rdjson")(RunResult(1, list(findings)), stream, ReportOptions())
    document: dict[str, Any] = json.loads(stream.getvalue())
    assert_valid(document)
    return document


def draft_finding(source: str, span: Span, fix: Fix | None = None) -> Finding:
    return Finding("a.md", span, "KLM104", "draft-flag", Severity.ERROR, "m", source, fix)


def test_the_schema_rejects_a_broken_result() -> None:
    assert list(validator().iter_errors({"diagnostics": [{"severity": "FATAL"}]}))


def test_a_diagnostic_per_finding(site: SiteBuilder) -> None:
    site.post(BAD_POST, "a.md")
    site.post(OTHER_POST.replace("draft: false", "draft: false\nsubtitle: x"), "b.md")
    result = klm_lint("--format", "rdjson", cwd=site.root)
    assert result.returncode == 1
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert_valid(document)
    assert document["source"] == {"name": "klm-lint"}
    draft, unknown = document["diagnostics"]
    assert draft["location"] == {
        "path": "content/posts/a.md",
        "range": {"start": {"line": 8, "column": 8}, "end": {"line": 8, "column": 15}},
    }
    assert draft["severity"] == "ERROR"
    assert draft["code"] == {"value": "KLM104"}
    assert draft["message"].startswith('draft is the string "false"')
    assert draft["suggestions"] == [
        {
            "range": {"start": {"line": 8, "column": 8}, "end": {"line": 8, "column": 15}},
            "text": "false",
        }
    ]
    assert unknown["severity"] == "WARNING"
    assert unknown["location"]["path"] == "content/posts/b.md"


def test_a_clean_run_has_no_diagnostics(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("--format", "rdjson", cwd=site.root)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"source": {"name": "klm-lint"}, "diagnostics": []}


def test_columns_count_utf8_bytes() -> None:
    source = 'title: "Café 𐐀" x'
    span = Span(3, 17, 3, 18)  # the x, after é (2 bytes) and 𐐀 (4 bytes)
    fix = Fix(Applicability.SAFE, "drop x", (Edit(0, 0, "", span),))
    [diagnostic] = render(draft_finding(source, span, fix))["diagnostics"]
    assert diagnostic["location"]["range"] == {
        "start": {"line": 3, "column": 21},
        "end": {"line": 3, "column": 22},
    }
    assert source.encode()[21 - 1 : 22 - 1] == b"x"
    assert diagnostic["suggestions"][0]["range"]["start"] == {"line": 3, "column": 21}


def test_a_position_on_another_line_keeps_its_line_alone() -> None:
    [diagnostic] = render(draft_finding("<Notice>", Span(3, 1, 5, 4)))["diagnostics"]
    assert diagnostic["location"]["range"] == {
        "start": {"line": 3, "column": 1},
        "end": {"line": 5},
    }
    [whole_lines] = render(draft_finding("<Notice>", Span(3, 2, 5, 1)))["diagnostics"]
    assert whole_lines["location"]["range"]["end"] == {"line": 5, "column": 1}


def test_only_safe_fixes_that_can_be_placed_become_suggestions() -> None:
    span = Span(1, 3, 1, 4)
    unsafe = Fix(Applicability.UNSAFE, "u", (Edit(0, 0, "y", span),))
    elsewhere = Fix(Applicability.SAFE, "s", (Edit(0, 0, "y", Span(4, 2, 4, 3)),))
    [with_unsafe] = render(draft_finding("abcd", span, unsafe))["diagnostics"]
    [with_elsewhere] = render(draft_finding("abcd", span, elsewhere))["diagnostics"]
    assert "suggestions" not in with_unsafe
    assert "suggestions" not in with_elsewhere


def test_every_rule_of_the_broken_examples_makes_a_valid_diagnostic() -> None:
    broken = Path(__file__).resolve().parents[2] / "examples" / "broken"
    result = klm_lint("--format", "rdjson", "--now", "2024-06-01", "content", cwd=broken)
    document = json.loads(result.stdout)
    assert_valid(document)
    diagnostics = document["diagnostics"]
    assert len({diagnostic["code"]["value"] for diagnostic in diagnostics}) > 20
    assert any("suggestions" in diagnostic for diagnostic in diagnostics)
