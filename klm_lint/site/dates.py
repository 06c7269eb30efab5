"""Judging date text as the site needs it (ISO 8601 / RFC 3339), and reading other forms.

The text is judged as written: YAML libraries turn some forms into dates, leave others as
strings and reject impossible ones, so their result says nothing reliable about the text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Scalar
from klm_lint.records import value_record

if TYPE_CHECKING:
    import re

    from klm_lint.load.nodes import Node

_ISO = lazy_pattern(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?:(?P<sep>[Tt ])(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:\.[0-9]+)?)?"
    r"(?P<zone>[Zz]|[+-](?P<zh>[0-9]{2}):(?P<zm>[0-9]{2}))?)?"
)
_TIME = r"(?:[T ]+(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?))?"
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months' names as `calendar.month_name` gives them in the C locale, which a run never
leaves (calendar imports locale: a run that reads no date text needs neither)."""
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MONTH_NUMBERS = {
    name.lower(): number
    for number, whole in enumerate(MONTH_NAMES, 1)
    for name in (whole, whole[:3])
}
"""Each month's number by its name or its three letters, in lower case."""
_MONTHS = {**MONTH_NUMBERS, "sept": 9}
_MONTH = r"(?P<mname>[A-Za-z]{3,9})\.?"
_FORMS: tuple[tuple[re.Pattern[str], Literal["ymd", "named", "numeric"]], ...] = (
    (lazy_pattern(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})" + _TIME), "ymd"),
    (
        lazy_pattern(_MONTH + r" +(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?,? +(?P<y>[0-9]{4})" + _TIME),
        "named",
    ),
    (
        lazy_pattern(
            r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)? +" + _MONTH + r",? +(?P<y>[0-9]{4})" + _TIME
        ),
        "named",
    ),
    (
        lazy_pattern(r"(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})[/.-](?P<y>[0-9]{4})" + _TIME),
        "numeric",
    ),
)

DateOrder = Literal["month-first", "day-first"]


@value_record
class Suggestion:
    text: str
    certain: bool
    """False when day and month could be swapped (04/05/2022)."""


def problem(text: str) -> str | None:
    """Why the text is not a date the site can read, or None when it is fine."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        return "is not an ISO 8601 date"
    year, month, day = (int(match[name]) for name in ("year", "month", "day"))
    wrong = calendar_problem(year, month, day)
    if wrong is not None:
        return wrong
    if match["hour"] is not None and (int(match["hour"]) > 23 or int(match["minute"]) > 59):
        return f"has the time {match['hour']}:{match['minute']}, which is not a time of day"
    if match["second"] is not None and int(match["second"]) > 59:
        return f"has {match['second']} seconds, which is not a time of day"
    if match["zh"] is not None and (int(match["zh"]) > 23 or int(match["zm"]) > 59):
        return "has a time-zone offset that does not exist"
    return None


def suggest(text: str, order: DateOrder = "month-first") -> Suggestion | None:
    """The ISO form of a date written another way, if it can be read."""
    stripped = text.strip()
    for pattern, form in _FORMS:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        certain = True
        if form == "ymd":
            month, day = int(match["m"]), int(match["d"])
        elif form == "named":
            number = _MONTHS.get(match["mname"].lower())
            if number is None:
                return None
            month, day = number, int(match["d"])
        else:
            first, second = int(match["a"]), int(match["b"])
            certain = first > 12 or second > 12 or first == second
            month, day = (first, second) if order == "month-first" else (second, first)
            if first > 12 or second > 12:
                month, day = min(first, second), max(first, second)
        result = f"{int(match['y']):04d}-{month:02d}-{day:02d}"
        if match["time"]:
            hour, _, rest = match["time"].partition(":")
            result += f"T{int(hour):02d}:{rest}"
        if problem(result) is not None:
            return None
        return Suggestion(result, certain)
    return None


def publication_time(node: Node | None) -> dt.datetime | None:
    """The moment the theme compares with the build time: a date alone is midnight UTC, and a
    time without an offset is UTC, as the site's YAML reader reads them."""
    if not isinstance(node, Scalar):
        return None
    value = node.value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str) and problem(value) is None:
        return parse_moment(value.strip())
    return None


def appearance(written: str, published: dt.datetime) -> str:
    """When a scheduled post appears, for messages: the day, and the time when one is given."""
    if len(written.strip()) <= len("YYYY-MM-DD"):
        return f"{published:%Y-%m-%d}"
    return f"{published.astimezone(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"


def parse_moment(text: str) -> dt.datetime | None:
    """An ISO 8601 date or date-time as an aware UTC moment (None when it does not parse)."""
    normalized = text[:-1] + "+00:00" if text[-1:] in "Zz" and len(text) > 10 else text
    try:
        moment = dt.datetime.fromisoformat(normalized)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def calendar_problem(year: int, month: int, day: int) -> str | None:
    """Why a year, month and day are no day of the calendar; None when they are one."""
    if not 1 <= month <= 12:
        return f"has month {month}, and there is no such month"
    days = days_in(year, month)
    if not 1 <= day <= days:
        return f"is not a real date: {MONTH_NAMES[month - 1]} {year} has {days} days"
    return None


def is_leap(year: int) -> bool:
    """`calendar.isleap`: the Gregorian calendar's leap years."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in(year: int, month: int) -> int:
    """The days of a month (1 to 12), as `calendar.monthrange` counts them."""
    return _DAYS[month - 1] + (month == 2 and is_leap(year))
