from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klm_lint.site import dates


@pytest.mark.parametrize(
    "text",
    [
        "2022-04-04",
        "2022-04-04T05:00:00Z",
        "2022-04-04t05:00:00z",
        "2022-04-04T05:00:00+06:00",
        "2022-04-04T05:00:00-03:30",
        "2022-04-04T05:00:00.5Z",
        "2022-04-04 05:00:00",
        "2022-04-04T05:00",
        "2000-02-29",
    ],
)
def test_iso_dates_pass(text: str) -> None:
    assert dates.problem(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2022-02-30", "February 2022 has 28 days"),
        ("1900-02-29", "February 1900 has 28 days"),
        ("2022-04-31", "April 2022 has 30 days"),
        ("2022-00-10", "no such month"),
        ("2022-04-00", "April 2022 has 30 days"),
        ("2022-04-04T24:00:00Z", "not a time of day"),
        ("2022-04-04T05:60:00Z", "not a time of day"),
        ("2022-04-04T05:00:61Z", "not a time of day"),
        ("2022-04-04T05:00:00+25:00", "offset that does not exist"),
        ("2022-04-04T05:00:00+0600", "not an ISO 8601 date"),
        ("2022-4-4", "not an ISO 8601 date"),
        ("22-04-04", "not an ISO 8601 date"),
        ("2022-04-04Z", "not an ISO 8601 date"),
        ("", "not an ISO 8601 date"),
    ],
)
def test_problems(text: str, reason: str) -> None:
    problem = dates.problem(text)
    assert problem is not None and reason in problem


@pytest.mark.parametrize(
    ("text", "expected", "certain"),
    [
        ("April 4, 2022", "2022-04-04", True),
        ("Apr 4 2022", "2022-04-04", True),
        ("4 April 2022", "2022-04-04", True),
        ("4th Sept 2022", "2022-09-04", True),
        ("2022/04/04", "2022-04-04", True),
        ("2022-4-4", "2022-04-04", True),
        ("2022.04.04", "2022-04-04", True),
        ("04/04/2022", "2022-04-04", True),
        ("13/04/2022", "2022-04-13", True),
        ("04/13/2022", "2022-04-13", True),
        ("04/05/2022", "2022-04-05", False),
        ("2022/04/04 9:30", "2022-04-04T09:30", True),
    ],
)
def test_suggestions(text: str, expected: str, certain: bool) -> None:
    assert dates.suggest(text) == dates.Suggestion(expected, certain)


def test_day_first_order() -> None:
    assert dates.suggest("04/05/2022", "day-first") == dates.Suggestion("2022-05-04", False)


@pytest.mark.parametrize("text", ["Smarch 4, 2022", "2022/02/30", "someday", "31/31/2022"])
def test_no_suggestion(text: str) -> None:
    assert dates.suggest(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01", dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)),
        ("2024-05-01T09:30:00Z", dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)),
        ("2024-05-01T09:30:00+06:00", dt.datetime(2024, 5, 1, 3, 30, tzinfo=dt.timezone.utc)),
        ("2024-05-01 09:30", dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)),
        ("2024-02-30", None),
        ("tomorrow", None),
    ],
)
def test_parse_moment(text: str, expected: dt.datetime | None) -> None:
    assert dates.parse_moment(text) == expected


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=12))
def test_months_are_counted_and_named_as_the_calendar_module_does(year: int, month: int) -> None:
    assert dates.days_in(year, month) == calendar.monthrange(year, month)[1]
    assert dates.is_leap(year) == calendar.isleap(year)
    assert dates.MONTH_NAMES[month - 1] == calendar.month_name[month]
    assert dates.MONTH_NAMES[month - 1][:3] == calendar.month_abbr[month]
