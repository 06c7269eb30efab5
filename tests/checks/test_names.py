from __future__ import annotations

import pytest

from klm_lint.checks.names import rule_named, suggestion


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("KLM104", "KLM104"),
        ("klm104", "KLM104"),
        ("draft-flag", "KLM104"),
        ("Draft_Flag", "KLM104"),
    ],
)
def test_codes_and_names_in_any_case(written: str, code: str) -> None:
    rule = rule_named(written)
    assert rule is not None and rule.code == code


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("KLM1O1", "KLM101"),
        ("klm2o1", "KLM201"),
        ("KLM1040", "KLM104"),
        ("date-fromat", "date-format"),
        ("drat-flag", "draft-flag"),
        ("unbalanced-componnet", "unbalanced-component"),
    ],
)
def test_a_typo_suggests_the_rule_meant(typo: str, meant: str) -> None:
    assert rule_named(typo) is None
    assert suggestion(typo) == meant


@pytest.mark.parametrize("word", ["KLM999", "KLM2", "banana", ""])
def test_nothing_close_suggests_nothing(word: str) -> None:
    assert suggestion(word) is None


def test_a_prefix_is_no_typo() -> None:
    assert suggestion("KLM2") is None
