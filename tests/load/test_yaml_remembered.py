"""Plain scalars read once per process: a value remembered is the value the reader gives."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, get_args

from hypothesis import given
from hypothesis import strategies as st

from klm_lint.load import yaml_scalars
from klm_lint.load.dialects import YamlDialect
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_build import TreeBuilder
from klm_lint.load.yaml_core import Refused
from klm_lint.load.yaml_scalars import plain_reader, remembered_plains

if TYPE_CHECKING:
    import pytest

    from klm_lint.load.nodes import ScalarValue

DIALECTS: tuple[YamlDialect, ...] = get_args(YamlDialect)
WORDS = st.sampled_from(
    [
        "true",
        "false",
        "yes",
        "No",
        "off",
        "null",
        "~",
        "Null",
        "0o17",
        "017",
        "0x1F",
        "1_000",
        "1e3",
        ".inf",
        "-.Inf",
        ".nan",
        "+1",
        "-0",
        "1:20",
        "2024-06-01",
        "2024-06-01T05:00:00Z",
        "2024-6-1 5:00:00 +2",
        ":symbol",
        "=",
        "<<",
        "nutrition",
        "teacher",
        "Post 3",
    ]
)
TEXTS = st.one_of(WORDS, st.text(alphabet="0123456789-+.:eExXoOTtfFnN_ Zyl~", min_size=1))


def _read(reader: object, text: str) -> tuple[str, ScalarValue] | str:
    try:
        value = reader(text)  # type: ignore[operator]
    except Refused as error:
        return str(error)
    return type(value).__name__, value


def _built(builder: TreeBuilder, text: str) -> tuple[str, ScalarValue] | str:
    try:
        value = builder.plain(0, len(text), text).value
    except FrontMatterError:
        return "refused"
    return type(value).__name__, value


def _same(got: tuple[str, ScalarValue] | str, expected: tuple[str, ScalarValue] | str) -> bool:
    if isinstance(expected, str):
        return got == "refused"
    if isinstance(got, str) or got[0] != expected[0]:
        return False
    value, wanted = got[1], expected[1]
    if isinstance(value, float) and isinstance(wanted, float) and math.isnan(wanted):
        return math.isnan(value)
    return value == wanted


@given(texts=st.lists(TEXTS, min_size=1, max_size=8), dialect=st.sampled_from(DIALECTS))
def test_a_remembered_value_is_the_readers_own(texts: list[str], dialect: YamlDialect) -> None:
    reader = plain_reader(dialect)
    typed = yaml_scalars.typed_starts(dialect)
    for round_ in range(
        2
    ):  # the first reads (or remembers from an earlier case), the second remembers
        builder = TreeBuilder("", 0, dialect, [])
        for text in texts:
            got = _built(builder, text)
            if typed is not None and text[0] not in typed:
                assert got == ("str", text), round_
            else:
                assert _same(got, _read(reader, text)), (round_, text)


def test_the_remembered_values_are_forgotten_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("klm_lint.load.yaml_build.MAX_REMEMBERED", 3)
    known = remembered_plains("psych")
    known.clear()
    builder = TreeBuilder("", 0, "psych", [])
    for number in range(7):
        assert builder.plain(0, 1, str(number)).value == number
        assert len(known) <= 3
    assert known[str(6)] == 6
