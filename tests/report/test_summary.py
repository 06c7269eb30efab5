from __future__ import annotations

import pytest

from klm_lint.engine.result import Result
from klm_lint.findings import Applicability, Finding, Fix, Severity, Span
from klm_lint.report import ReportOptions
from klm_lint.report.summary import notes_lines


def fixable(applicability: Applicability | None) -> Finding:
    fix = Fix(applicability, "fix it", ()) if applicability else None
    return Finding("a.md", Span(1, 1, 1, 2), "KLM104", "draft-flag", Severity.ERROR, "m", "x", fix)


SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


@pytest.mark.parametrize(
    ("fixes", "unsafe_fixes", "note"),
    [
        ([SAFE], False, "1 finding fixable with --fix."),
        ([UNSAFE], False, "1 finding fixable with --fix --unsafe-fixes."),
        (
            [SAFE, SAFE, UNSAFE],
            False,
            "2 findings fixable with --fix; 1 more with --fix --unsafe-fixes.",
        ),
        ([SAFE, UNSAFE], True, "2 findings fixable with --fix --unsafe-fixes."),
        ([None], False, None),
    ],
)
def test_the_note_on_fixes_is_a_sentence(
    fixes: list[Applicability | None], unsafe_fixes: bool, note: str | None
) -> None:
    result = Result(1, [fixable(applicability) for applicability in fixes])
    lines = notes_lines(result, ReportOptions(unsafe_fixes=unsafe_fixes))
    assert lines == ([note] if note else [])


def test_after_fixing_the_verb_agrees() -> None:
    result = Result(1, [fixable(None)], fixed=[fixable(SAFE), fixable(SAFE)])
    assert notes_lines(result, ReportOptions(fixing=True)) == [
        "Fixed 2 findings; 1 finding remains."
    ]
    result = Result(1, [], fixed=[fixable(SAFE)])
    assert notes_lines(result, ReportOptions(fixing=True)) == [
        "Fixed 1 finding; 0 findings remain."
    ]
