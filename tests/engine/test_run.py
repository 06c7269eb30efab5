from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint import checks
from klm_lint.checks.rule import Rule
from klm_lint.engine import run as engine
from klm_lint.findings import Severity
from tests.conftest import GOOD_POST, SiteBuilder

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pytest

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.site import Site


def _explode(doc: Document, site: Site) -> Iterator[Finding]:
    raise ValueError("boom\nsecond line")
    yield  # pragma: no cover


def test_a_failing_rule_becomes_internal_error_and_others_still_run(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Rule("KLM104", "draft-flag", Severity.ERROR, "x", _explode)
    rules = tuple(broken if rule.code == "KLM104" else rule for rule in checks.ALL_RULES)
    monkeypatch.setattr(engine, "ALL_RULES", rules)
    site.post(GOOD_POST.replace("title: Community engagement.\n", ""))
    result = site.run()
    assert [f.code for f in result.findings] == ["KLM000", "KLM101"]
    message = result.findings[0].message
    assert "KLM104 draft-flag" in message and "ValueError: boom" in message
    assert "second line" not in message
    assert result.internal_errors == 1


def test_findings_are_sorted_by_path_line_column(site: SiteBuilder) -> None:
    bad = GOOD_POST.replace("draft: false", "draft: no").replace(
        "title: Community engagement.", "title:"
    )
    site.post(bad, name="b.md")
    site.post(bad, name="a.md")
    keys = [(f.path, f.span.line) for f in site.lint()]
    assert keys == sorted(keys)


def test_file_too_large(site: SiteBuilder) -> None:
    site.config("max-file-size = 100\n")
    site.post(GOOD_POST)
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM005"]
    assert "larger than the limit of 100 bytes" in findings[0].message


def test_front_matter_too_large(site: SiteBuilder) -> None:
    site.config("max-front-matter-size = 50\n")
    site.post(GOOD_POST)
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM005"]
    assert (findings[0].span.line, findings[0].span.column) == (1, 1)
