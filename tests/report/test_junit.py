from __future__ import annotations

import io
from pathlib import Path

from junitparser import Failure, JUnitXml, TestSuite

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Finding, Severity, Span
from klm_lint.report import ReportOptions, reporter
from klm_lint.report.junit import CLEAN_CASE
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

BAD_POST = GOOD_POST.replace("draft: false", 'draft: "false"').replace(
    "title: Community engagement.\n", ""
)


def suites(xml: str) -> dict[str, TestSuite]:
    parsed = JUnitXml.fromstring(xml)
    return {suite.name: suite for suite in parsed}


def test_a_suite_per_file_a_failing_case_per_finding(site: SiteBuilder) -> None:
    site.post(BAD_POST, name="bad.md")
    site.post(GOOD_POST, name="good.md")
    result = klm_lint("--format", "junit", cwd=site.root)
    assert result.returncode == 1
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    found = suites(result.stdout)
    assert list(found) == ["content/posts/bad.md", "content/posts/good.md"]

    bad = found["content/posts/bad.md"]
    assert (bad.tests, bad.failures, bad.errors) == (2, 2, 0)
    cases = list(bad)
    assert [case.name for case in cases] == [
        "KLM101 required-field at 1:1",
        "KLM104 draft-flag at 7:8",
    ]
    failure = cases[1].result[0]
    assert isinstance(failure, Failure)
    assert failure.type == "error"
    assert failure.message.startswith('draft is the string "false"')
    assert failure.text.splitlines()[0] == "content/posts/bad.md:7:8: error KLM104 draft-flag"
    assert '7 | draft: "false"' in failure.text
    assert cases[1].classname == "content/posts/bad.md"

    good = found["content/posts/good.md"]
    assert (good.tests, good.failures) == (1, 0)
    [case] = list(good)
    assert case.name == CLEAN_CASE
    assert case.is_passed


def test_totals_and_an_empty_run() -> None:
    stream = io.StringIO()
    reporter("junit")(RunResult(0, []), stream, ReportOptions())
    parsed = JUnitXml.fromstring(stream.getvalue())
    assert (parsed.tests, parsed.failures) == (0, 0)
    assert list(parsed) == []


def test_text_xml_cannot_hold_still_parses() -> None:
    odd = Finding(
        'content/<"a">&.md',
        Span(2, 3, 2, 4),
        "KLM002",
        "front-matter-invalid",
        Severity.WARNING,
        "NUL \x00 and ESC \x1b and ü and 😀 are here",
        "x\x00y",
    )
    stream = io.StringIO()
    checked = [Path('content/<"a">&.md')]
    reporter("junit")(RunResult(1, [odd], checked=checked), stream, ReportOptions())
    xml = stream.getvalue()
    assert xml.isascii()
    [suite] = list(JUnitXml.fromstring(xml))
    assert suite.name == 'content/<"a">&.md'
    [case] = list(suite)
    failure = case.result[0]
    assert failure.type == "warning"
    assert failure.message == "NUL \\x00 and ESC \\x1b and ü and 😀 are here"
    assert "2 | x\\x00y" in failure.text
