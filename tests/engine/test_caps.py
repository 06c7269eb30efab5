"""At most 100 findings of a rule per file; the 101st counts the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.engine.caps import MAX_PER_RULE, capped, capped_by_rule
from klm_lint.findings import Finding, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def findings(count: int, code: str = "KLM302") -> Iterator[Finding]:
    for number in range(1, count + 1):
        yield Finding("a.md", Span(number, 1, number, 2), code, "rule", Severity.ERROR, "Bad.")


@pytest.mark.parametrize(
    ("count", "listed", "cut"), [(0, 0, False), (100, 100, False), (101, 101, False)]
)
def test_up_to_101_findings_are_all_listed(count: int, listed: int, cut: bool) -> None:
    into: list[Finding] = []
    assert capped(findings(count), into) is cut
    assert len(into) == listed
    assert all(finding.message == "Bad." for finding in into)


def test_past_the_cap_the_101st_counts_the_rest() -> None:
    into: list[Finding] = []
    assert capped(findings(250), into)
    assert len(into) == MAX_PER_RULE + 1
    last = into[-1]
    assert last.span.line == 101
    assert last.message.startswith("Bad. This and 149 more KLM302 findings in this file")


def test_findings_already_listed_are_kept() -> None:
    into = list(findings(3, "KLM105"))
    capped(findings(500), into)
    assert [finding.code for finding in into[:3]] == ["KLM105"] * 3
    assert len(into) == 3 + 101


def test_capped_by_rule() -> None:
    many = [*findings(300, "KLM900"), *findings(5, "KLM105")]
    kept, hidden = capped_by_rule(many)
    assert hidden == {"KLM900"}
    assert [finding.code for finding in kept].count("KLM900") == 101
    assert [finding.code for finding in kept].count("KLM105") == 5
    few = list(findings(101))
    assert capped_by_rule(few) == (few, set())
