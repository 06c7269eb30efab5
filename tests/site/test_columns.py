"""The index cache's columns: a column written a whole list at a time is the column written a
value at a time."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.site.columns import ColumnWriter, numbers, numbers_json
from klm_lint.site.facts import Value

_NUMBERS = st.integers(min_value=0, max_value=2**40)
_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "value": st.none() | st.builds(Value, st.text(), _NUMBERS, _NUMBERS, _NUMBERS),
    "text": st.text(),
    "flag": st.booleans(),
    "moment": st.none() | st.datetimes(timezones=st.just(dt.timezone.utc)),
    "words": st.lists(st.text(), max_size=3).map(tuple),
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(_VALUES)).flatmap(
        lambda kind: st.tuples(st.just(kind), st.lists(_VALUES[kind], max_size=8))
    )
)
def test_a_column_taken_at_once_is_the_column_taken_a_value_at_a_time(
    case: tuple[str, list[Any]],
) -> None:
    kind, values = case
    at_once = ColumnWriter(kind)  # type: ignore[arg-type]
    at_once.extend(values)
    one_by_one = ColumnWriter(kind)  # type: ignore[arg-type]
    for value in values:
        one_by_one.add(value)
    assert at_once.json() == one_by_one.json()
    assert at_once.at == one_by_one.at


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=40))
def test_a_column_of_numbers_is_json_and_reads_back(column: list[int]) -> None:
    text = numbers_json(column)
    assert text == json.dumps(json.loads(text)), "the JSON text json.dumps writes"
    assert list(numbers(json.loads(text), len(column))) == column
