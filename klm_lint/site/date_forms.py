"""The date forms each generator reads, and what it does with the others.

A reader judges a date value as the generator does: fine, a warning (the generator reads it,
but not as written: it rolls 2024-02-30 over to 1 March), or an error (the generator cannot
date the post: the build fails, or the post is hidden). The value is judged by its text, its
quoting and its front-matter format, as the generator's own YAML or TOML reader gives it: js-yaml
turns an unquoted 2024-02-30 into a date (rolled over), Hugo's and Zola's readers hand over
text, a TOML date is a date everywhere.

Sources for each reader are cited in docs/presets/.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any, Literal

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Scalar
from klm_lint.records import value_record
from klm_lint.site import dates
from klm_lint.site.dates import calendar_problem

if TYPE_CHECKING:
    from klm_lint.config.model import DateReader
    from klm_lint.load.nodes import Node

Level = Literal["error", "warning"]

GENERATOR = {
    "iso": "the site",
    "js-date": "the site",
    "docusaurus": "Docusaurus",
    "luxon": "Eleventy",
    "ruby": "Jekyll",
    "go": "Hugo",
    "zola": "Zola",
}
"""How messages name the generator whose date reading a reader models."""

NO_TIME = "has no time of day, and the site needs one"
_HAS_TIME = lazy_pattern(r"\d:\d\d")
_ZONE_AT_END = lazy_pattern(r"(?:[Zz]|[+-]\d\d:?\d\d)$")
_NUMBERS = lazy_pattern(r"\d+")
NO_DATE_ONLY = "has a time of day, and the site takes a date alone"


@value_record
class DateVerdict:
    reason: str
    """What is wrong with the value, as a clause after "which": "has month 13, …"."""
    level: Level = "error"
    effect: str | None = None
    """What the generator does with it; None: the field's own impact says it."""
    fix: str | None = None
    """How to correct it; None: the date rule's usual advice."""


# js-yaml's timestamp type (lib/type/timestamp.js, the same in versions 3 and 4): what an
# unquoted YAML value must look like to become a JavaScript Date.
_JS_YAML_DATE = lazy_pattern(r"(\d{4})-(\d\d)-(\d\d)")
_JS_YAML_TIMESTAMP = lazy_pattern(
    r"(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.\d*)?"
    r"(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?"
)


def judge(node: Node, reader: DateReader, kind: str, fmt: str) -> DateVerdict | None:
    """The reader's verdict on a date value (`kind`: the field's type; `fmt`: yaml, toml or
    json); None when the generator reads it as written."""
    if not isinstance(node, Scalar):
        return DateVerdict(f"is {_shape(node)}, not a date")
    if reader == "iso":
        reason = iso_problem(node, kind)
        return None if reason is None else DateVerdict(reason)
    verdict = _READERS[reader](node, fmt)
    textual = not isinstance(node.value, (bool, int, float)) and node.value is not None
    if verdict is None and kind in ("date", "datetime") and textual:
        has_time = bool(_HAS_TIME.search(node.text))
        if kind == "datetime" and not has_time:
            return DateVerdict(NO_TIME)
        if kind == "date" and has_time:
            return DateVerdict(NO_DATE_ONLY)
    return verdict


def _shape(node: Node) -> str:
    from klm_lint.load.nodes import Mapping

    return "a mapping of keys and values" if isinstance(node, Mapping) else "a list"


def iso_problem(node: Scalar, kind: str) -> str | None:
    """The KLM theme's reading: an ISO 8601 date or date-time, checked as written."""
    if isinstance(node.value, dt.time):
        return "is a time without a day"
    if isinstance(node.value, (bool, int, float)):
        return "is a number, not a date" if not isinstance(node.value, bool) else "is not a date"
    problem = dates.problem(node.text)
    if problem is not None or kind == "date-or-datetime":
        return problem
    has_time = len(node.text.strip()) > len("YYYY-MM-DD")
    if kind == "datetime" and not has_time:
        return NO_TIME
    if kind == "date" and has_time:
        return NO_DATE_ONLY
    return None


def _native(node: Scalar, fmt: str) -> bool:
    """A date the front-matter format itself types: a TOML date or date-time."""
    return fmt == "toml" and not node.quoted and isinstance(node.value, (dt.date, dt.time))


def _js_yaml_date(node: Scalar, fmt: str) -> tuple[int, ...] | None:
    """The parts of a value js-yaml turns into a Date (year, month, day[, h, m, s])."""
    if node.quoted or fmt != "yaml":
        return None
    text = node.text.strip()
    match = _JS_YAML_DATE.fullmatch(text) or _JS_YAML_TIMESTAMP.fullmatch(text)
    return tuple(int(part) for part in match.groups()) if match else None


def _time_problem(hour: int, minute: int, second: int = 0) -> str | None:
    if hour > 23 or minute > 59:
        return f"has the time {hour:02d}:{minute:02d}, which is not a time of day"
    if second > 59:
        return f"has {second:02d} seconds, which is not a time of day"
    return None


def rolled(parts: tuple[int, ...]) -> str:
    """Where JavaScript's Date.UTC (and Ruby's Time) put an impossible date: the overflow
    carried into the next month, day or hour."""
    year, month, day = parts[:3]
    months = year * 12 + month - 1
    start = dt.datetime(months // 12, months % 12 + 1, 1)
    hour, minute, second = (*parts[3:6], 0, 0, 0)[:3]
    moment = start + dt.timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second)
    return f"{moment:%Y-%m-%d}" if len(parts) == 3 else f"{moment:%Y-%m-%d %H:%M:%S}"


def _rollover(parts: tuple[int, ...], generator: str, noun: str = "post") -> DateVerdict | None:
    """A js-yaml Date whose parts are out of range: the generator silently rolls it over."""
    reason = calendar_problem(*parts[:3])
    if reason is None and len(parts) > 3:
        reason = _time_problem(*parts[3:6])
    if reason is None:
        return None
    return DateVerdict(
        reason,
        "warning",
        f"{generator} silently rolls it over to {rolled(parts)} and dates the {noun} that day",
        "Correct the date.",
    )


# --- JavaScript's Date parsing (V8), for strings -----------------------------------------

_JS_ISO = lazy_pattern(
    r"[+-]?(\d{4,6})(?:-(\d\d)(?:-(\d\d))?)?"
    r"(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?"
)
_MONTH_NAMES = dates.MONTH_NUMBERS
_NAMED = lazy_pattern(
    r"(?:[A-Za-z]{3,9},?\s+)?(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4}))"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{4}|GMT[+-]\d{4}))?)?"
)
_SLASHED = lazy_pattern(
    r"(?:(?P<y>\d{4})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})"
    r"|(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{4}))"
    r"(?:[ T]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d\d:?\d\d))?)?"
)


def js_parse(text: str) -> tuple[int, int, int] | None:
    """The year, month and day `new Date(text)` reads (day possibly past the month's end: V8
    rolls it over); None for an Invalid Date."""
    text = text.strip()
    match = _JS_ISO.fullmatch(text)
    if match:
        year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
        if match[4] is not None and (int(match[4]) > 24 or int(match[5]) > 59):
            return None
        return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    match = _NAMED.fullmatch(text)
    if match:
        name = (match["m1"] or match["m2"]).lower().rstrip(".")
        number = _MONTH_NAMES.get(name) or _MONTH_NAMES.get(name[:3])
        day = int(match["d1"] or match["d2"])
        if number is None or not 1 <= day <= 31:
            return None
        return int(match["y1"] or match["y2"]), number, day
    match = _SLASHED.fullmatch(text)
    if match:
        if match["y"]:
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        else:
            year, month, day = int(match["y2"]), int(match["m2"]), int(match["d2"])
        return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None


def _js_date(node: Scalar, fmt: str) -> DateVerdict | None:
    """Astro's schemas and Next.js themes: a js-yaml Date, or text `new Date()` reads."""
    parts = _js_yaml_date(node, fmt)
    if parts is not None:
        return _rollover(parts, "the site")
    if _native(node, fmt) or isinstance(node.value, (dt.date, dt.datetime)):
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, (str, int, float)):
        return DateVerdict("is not a date", effect=_JS_FAILS)
    if isinstance(node.value, (int, float)):
        return None
    found = js_parse(node.value)
    if found is None:
        return DateVerdict(_unreadable(node.value), effect=_JS_FAILS)
    reason = calendar_problem(*found)
    if reason is not None:
        return DateVerdict(
            reason, "warning", f"the site rolls it over to {rolled(found)}", "Correct the date."
        )
    return None


_JS_FAILS = "the collection's date field cannot read it, and the build fails"


def _unreadable(text: str) -> str:
    suggestion = dates.suggest(text)
    if suggestion is not None and suggestion.certain:
        return "is not a form the site reads as a date"
    return "is not a date the site can read"


def _docusaurus(node: Scalar, fmt: str) -> DateVerdict | None:
    """Docusaurus's blog: Joi.date() accepts a Date, a number or text Date.parse reads; text
    is then read again as `new Date(text + "Z")`, which a zone at its end makes invalid."""
    parts = _js_yaml_date(node, fmt)
    if parts is not None:
        return _rollover(parts, "Docusaurus")
    if _native(node, fmt):
        return None
    value = node.value
    if isinstance(value, (dt.date, dt.datetime)):
        value = node.text
    if isinstance(value, bool) or value is None:
        return DateVerdict("is not a date", effect=_DOCUSAURUS_REJECTS)
    if isinstance(value, (int, float)):
        return None
    if not isinstance(value, str):
        return DateVerdict("is not a date", effect=_DOCUSAURUS_REJECTS)
    text = value.strip()
    found = js_parse(text)
    if found is None:
        return DateVerdict(
            _unreadable(text).replace("the site", "Docusaurus"), effect=_DOCUSAURUS_REJECTS
        )
    if _ZONE_AT_END.search(text):
        return DateVerdict(
            "ends in a time zone, and Docusaurus adds a Z of its own to a date written as text",
            effect="the date becomes invalid and the build crashes",
            fix=f"Remove the quotes, so that YAML reads a date: {text}, or drop the zone.",
        )
    reason = calendar_problem(*found)
    if reason is not None:
        return DateVerdict(
            reason,
            "warning",
            f"Docusaurus rolls it over to {rolled(found)} and dates the post that day",
            "Correct the date.",
        )
    return None


_DOCUSAURUS_REJECTS = 'Docusaurus rejects it ("date" must be a valid date) and the build fails'


# --- Eleventy: a js-yaml Date, or text luxon's DateTime.fromISO reads -----------------------

_LUXON_KEYWORDS = frozenset({"last modified", "created", "git last modified", "git created"})
_ISO_TIME = r"(?:[Tt](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,]\d+)?)?)?)?"
_ISO_ZONE = r"(?:[Zz]|[+-]\d\d(?::?\d\d)?)?(?:\[[A-Za-z_/+-]+\])?"
_LUXON_CALENDAR = lazy_pattern(
    r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|(\d\d)(\d\d))?" + _ISO_TIME + _ISO_ZONE
)
_LUXON_WEEK = lazy_pattern(r"(\d{4})-?W(\d\d)(?:-?([1-7]))?" + _ISO_TIME + _ISO_ZONE)
_LUXON_ORDINAL = lazy_pattern(r"(\d{4})-?(\d{3})" + _ISO_TIME + _ISO_ZONE)


def luxon_reads(text: str) -> bool:
    """Whether luxon's DateTime.fromISO gives a valid date for the text (Eleventy 3)."""
    match = _LUXON_CALENDAR.fullmatch(text)
    if match:
        year = int(match[1])
        month = int(match[2] or match[4] or 1)
        day = int(match[3] or match[5] or 1)
        if calendar_problem(year, month, day) is not None:
            return False
        time = match.groups()[5:8]
    else:
        match = _LUXON_WEEK.fullmatch(text) or _LUXON_ORDINAL.fullmatch(text)
        if match is None:
            return False
        number = int(match[2])
        limit = 53 if "W" in text else (366 if dates.is_leap(int(match[1])) else 365)
        if not 1 <= number <= limit:
            return False
        time = match.groups()[-3:]
    hour, minute, second = (int(part) if part else 0 for part in time)
    if hour == 24:
        return minute == 0 and second == 0
    return _time_problem(hour, minute, second) is None


def _luxon(node: Scalar, fmt: str) -> DateVerdict | None:
    parts = _js_yaml_date(node, fmt)
    if parts is not None:
        return _rollover(parts, "Eleventy")
    value = node.value
    if _native(node, fmt) or value is None or value is False or value == 0 or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        value = node.text
    if not isinstance(value, str):
        return DateVerdict(
            f"is {_kind(value)}, and Eleventy takes a date or text only",
            effect="Eleventy stops the build (the date is invalid)",
            fix="Write it as YYYY-MM-DD, such as 2024-01-31, without quotes.",
        )
    text = value.strip()
    if text.lower() in _LUXON_KEYWORDS or luxon_reads(text):
        return None
    return DateVerdict(
        "is not an ISO 8601 date, the only text Eleventy reads as a date",
        effect="Eleventy stops the build (the date is invalid)",
    )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    return "a number" if isinstance(value, (int, float)) else "a list or a mapping"


# --- Jekyll: Ruby's Time.parse, on the value's text -----------------------------------------

_RUBY_YMD = lazy_pattern(r"(\d{2,4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_RUBY_SLASHED = lazy_pattern(r"(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})")
_RUBY_DIGITS = lazy_pattern(r"(\d{4})(\d\d)(\d\d)")
_RUBY_NAMED = lazy_pattern(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})"
    r"|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"
)


def _ruby(node: Scalar, fmt: str) -> DateVerdict | None:
    """Jekyll: `Time.parse(value.to_s)`, which finds a date anywhere in the text; impossible
    days 29 to 31 roll over into the next month, anything else out of range stops the build."""
    if _native(node, fmt):
        return None
    value = node.value
    if isinstance(value, bool):
        return DateVerdict("is not a date", effect=_JEKYLL_STOPS)
    text = node.text.strip()
    parts = ruby_parts(text)
    if parts is None:
        return DateVerdict("is not a date Jekyll can read", effect=_JEKYLL_STOPS)
    year, month, day = parts[:3]
    if year < 100:
        year += 2000
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        problem = calendar_problem(year, month, day) or "is not a date"
        return DateVerdict(problem, effect=_JEKYLL_STOPS)
    if len(parts) > 3:
        time_reason = _time_problem(parts[3], parts[4], parts[5] if len(parts) > 5 else 0)
        if time_reason is not None and parts[3] != 24:
            return DateVerdict(time_reason, effect=_JEKYLL_STOPS)
    reason = calendar_problem(year, month, day)
    if reason is not None:
        return DateVerdict(
            reason,
            "warning",
            f"Jekyll rolls it over to {rolled((year, month, day))} and publishes the post with "
            "that date (and the address that date gives it)",
            "Correct the date.",
        )
    return None


def ruby_parts(text: str) -> tuple[int, ...] | None:
    match = _RUBY_YMD.search(text)
    if match:
        return tuple(int(part) for part in match.groups() if part is not None)
    match = _RUBY_SLASHED.search(text)
    if match:
        if match[1]:
            return int(match[1]), int(match[2]), int(match[3])
        return int(match[6]), int(match[5]), int(match[4])  # Ruby reads 21/03/2024 day first
    match = _RUBY_DIGITS.fullmatch(text)
    if match:
        return tuple(int(part) for part in match.groups())
    match = _RUBY_NAMED.search(text)
    if match:
        name = (match[2] or match[4]).lower()
        number = _MONTH_NAMES.get(name) or _MONTH_NAMES.get(name[:3])
        if number is not None:
            return int(match[3] or match[6]), number, int(match[1] or match[5])
    return None


_JEKYLL_STOPS = "Jekyll cannot read it as a date and stops the build"


# --- Hugo: the layouts of spf13/cast, parsed strictly by Go's time.Parse ----------------------

_D = r"(\d{4})-(\d{2})-(\d{2})"
_T = r"(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
_Z = r"(?:Z|[+-]\d{2}:\d{2})"
_O = r"[+-]\d{4}"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_GO_CALENDAR = lazy_pattern(
    _D
    + r"(?:T"
    + _T
    + r"(?:"
    + _Z
    + "|"
    + _O
    + r")?|[ ]"
    + _T
    + r"(?:[ ]?(?:"
    + _Z
    + "|"
    + _O
    + r")(?:[ ][A-Z]{3,5})?)?)?"
)
_GO_NAMED = lazy_pattern(
    r"|".join(
        (
            r"\d{2} " + _MON + r" \d{4}",
            _DAY + r", \d{2} " + _MON + r" \d{4} \d{2}:\d{2}:\d{2} (?:[A-Z]{3,5}|" + _O + ")",
            r"\d{2} " + _MON + r" \d{2} \d{2}:\d{2} (?:[A-Z]{3,5}|" + _O + ")",
            r"[A-Z][a-z]+day, \d{2}-" + _MON + r"-\d{2} \d{2}:\d{2}:\d{2} [A-Z]{3,5}",
            _DAY + r" " + _MON + r" [ \d]\d \d{2}:\d{2}:\d{2}(?: [A-Z]{3,5})? \d{4}",
            _DAY + r" " + _MON + r" \d{2} \d{2}:\d{2}:\d{2} " + _O + r" \d{4}",
        )
    )
)
_GO_TIME_ONLY = lazy_pattern(r"\d{1,2}:\d{2}(?:AM|PM)|" + _MON + r" [ \d]\d \d{2}:\d{2}:\d{2}")


def _go(node: Scalar, fmt: str) -> DateVerdict | None:
    """Hugo: TOML dates as they are; numbers as seconds since 1970; text in one of cast's
    layouts, with a real calendar date; anything else fails the build."""
    value = node.value
    if _native(node, fmt):
        if isinstance(value, dt.time) and not isinstance(value, dt.datetime):
            return DateVerdict("is a time without a day", effect=_HUGO_FAILS)
        return None
    if isinstance(value, bool):
        return DateVerdict(
            "is true or false, and Hugo reads this key as a date",
            effect=_HUGO_FAILS,
            fix="Write a date, such as 2024-01-31; to hold the page back, use draft: true.",
        )
    if isinstance(value, int) and fmt != "json":
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=value)
        return DateVerdict(
            "is a number, and Hugo reads a number as seconds since 1970",
            "warning",
            f"the page is dated {moment:%Y-%m-%d %H:%M:%S} UTC",
            "Write the date as YYYY-MM-DD, such as 2024-01-31.",
        )
    if not isinstance(value, str) and not isinstance(value, (dt.date, dt.datetime)):
        return DateVerdict("is not a date", effect=_HUGO_FAILS)
    text = node.text
    match = _GO_CALENDAR.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups()[:3])
        reason = calendar_problem(year, month, day)
        times = [int(part) for part in match.groups()[3:] if part is not None]
        if reason is None and times:
            reason = _time_problem(*times[:3])
        return None if reason is None else DateVerdict(reason, effect=_HUGO_FAILS)
    if _GO_NAMED.fullmatch(text):
        return None
    if _GO_TIME_ONLY.fullmatch(text):
        return DateVerdict(
            "has no year, so Hugo dates it in year 0",
            "warning",
            "the page is dated year 0",
            "Write the full date, such as 2024-01-31T09:00:00Z.",
        )
    return DateVerdict(
        "is not one of the date forms Hugo reads (such as 2024-01-31 or "
        "2024-01-31T09:00:00+02:00, with two-digit months and days and the seconds)",
        effect=_HUGO_FAILS,
    )


_HUGO_FAILS = "Hugo cannot parse it, logs an error and fails the build"


# --- Zola: a TOML date-time's text or a YAML timestamp, on a real calendar ---------------------

_TOML_DATETIME = lazy_pattern(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
)
_YAML_TIMESTAMP = lazy_pattern(
    r'"?(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.\d{0,9})?'
    r'[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?)?)?"?'
)


def _zola(node: Scalar, fmt: str) -> DateVerdict | None:
    value = node.value
    if _native(node, fmt):
        if isinstance(value, dt.time) and not isinstance(value, dt.datetime):
            return DateVerdict("is a time without a day", effect=_ZOLA_FAILS)
        return None
    if not isinstance(value, (str, dt.date, dt.datetime)):
        return DateVerdict("is not a date", effect=_ZOLA_FAILS)
    text = node.text
    match = _TOML_DATETIME.fullmatch(text) or _YAML_TIMESTAMP.fullmatch(text)
    if match is None:
        return DateVerdict(
            "is not a date Zola reads (such as 2024-01-31 or 2024-01-31T09:00:00Z)",
            effect=_ZOLA_FAILS,
        )
    year, month, day = (int(part) for part in match.groups()[:3])
    reason = calendar_problem(year, month, day)
    times = [int(part) for part in match.groups()[3:] if part is not None]
    if reason is None and times:
        reason = _time_problem(*times[:3])
    return None if reason is None else DateVerdict(reason, effect=_ZOLA_FAILS)


_ZOLA_FAILS = "Zola cannot parse it (Unable to parse datetime) and the build fails"

_READERS = {
    "js-date": _js_date,
    "docusaurus": _docusaurus,
    "luxon": _luxon,
    "ruby": _ruby,
    "go": _go,
    "zola": _zola,
}


# --- Dates in paths ------------------------------------------------------------------------


def path_date(site_path: str, pattern: str) -> tuple[str, int, int] | None:
    """The date the generator takes from the file's path: its text and where it is in the
    path; None when the path has none. The pattern is the config's, run by RE2 (linear time)."""
    if not pattern:
        return None
    match = path_pattern(pattern).search(site_path)
    if match is None or match.group(1) is None:
        return None
    return match.group(1), match.start(1), match.end(1)


@functools.cache
def path_pattern(pattern: str) -> Any:
    """The config's date-from-path pattern, compiled by RE2; re2.error when it is none."""
    import re2

    options = re2.Options()
    options.log_errors = False
    return re2.compile(pattern, options)


def judge_path_date(text: str, reader: DateReader) -> DateVerdict | None:
    """A file name's date as the generator reads it."""
    parts = tuple(int(part) for part in _NUMBERS.findall(text)[:3])
    if len(parts) < 3:
        return None
    year, month, day = parts
    if reader == "ruby" and year < 100:
        year += 2000
    reason = calendar_problem(year, month, day)
    if reason is None:
        return None
    generator = GENERATOR[reader]
    if reader in ("ruby", "docusaurus") and 1 <= month <= 12 and day <= 31:
        return DateVerdict(
            reason,
            "warning",
            f"{generator} rolls it over to {rolled((year, month, day))} and dates the post that "
            "day",
            "Rename the file with the date you mean.",
        )
    if reader in ("ruby", "docusaurus"):
        return DateVerdict(
            reason,
            effect=f"{generator} cannot date the post and the build fails",
            fix="Rename the file with the date you mean, or give the post a date.",
        )
    return DateVerdict(
        reason,
        "warning",
        f"{generator} leaves the page without a date",
        "Rename the file with the date you mean, or give the page a date.",
    )


# --- When a post goes live -------------------------------------------------------------------


def moment_of(node: Node | None, reader: DateReader) -> dt.datetime | None:
    """The moment a date value stands for, as an aware UTC time (a date alone is midnight UTC,
    a time without an offset is UTC); None when it cannot be read."""
    if reader == "iso" or node is None:
        return dates.publication_time(node)
    if not isinstance(node, Scalar):
        return None
    value = node.value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if not isinstance(value, str):
        return None
    return text_moment(value)


def text_moment(text: str) -> dt.datetime | None:
    """A date written as text, read as leniently as the generators read it: ISO 8601 first,
    then a date alone found in it."""
    text = text.strip()
    moment = dates.parse_moment(text) if dates.problem(text) is None else None
    if moment is not None:
        return moment
    parts = ruby_parts(text) or js_parse(text)
    if parts is None or calendar_problem(*parts[:3]) is not None:
        return None
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.timezone.utc)
