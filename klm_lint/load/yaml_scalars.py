"""The value each site's YAML reader gives a scalar: plain scalars by its own rules (which words
are booleans, which numbers are octal, which texts are dates), and scalars with an explicit tag
(`!!int 3`, `!!bool yes`), which some readers refuse.

This module holds js-yaml's reading, which the default dialect needs, and hands the others to
ruby_scalars.py and go_rust_scalars.py, imported when a site's dialect asks for them. The rules
are the readers' own code, read and checked against what the readers return for the scalars of
yaml-test-schema and more (tests/load/yaml_corpus.json): here, js-yaml 3.15.2 (gray-matter)
and 4.3.2, lib/type/{null,bool,int,float,timestamp}.js.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.yaml_core import CORE_BOOLS, CORE_NULLS, YAML, Refused

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.nodes import ScalarValue

# js-yaml (both versions) -------------------------------------------------------------------

_JS_NULL = CORE_NULLS
_JS_BOOL = CORE_BOOLS
_JS3_INT = lazy_pattern(
    r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(?::[0-5]?[0-9])*)"
)
_JS3_FLOAT = lazy_pattern(
    r"[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_JS4_INT = lazy_pattern(r"[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)")
_JS4_FLOAT = lazy_pattern(
    r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_JS_DATE = lazy_pattern(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_JS_TIMESTAMP = lazy_pattern(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?"
)
_JS_TYPED = frozenset("0123456789+-.~nNtTfF")
"""First characters of plain scalars that js-yaml may read as something other than text."""
_UTC = dt.timezone.utc
_JS_MAX = 2**1024
_JS_EXACT = 2**53


def _js_finite(number: int) -> bool:
    """Whether JavaScript's parseInt gives a finite number for these digits."""
    return abs(number) < _JS_MAX


def _js3_int(text: str) -> int | float | None:
    if _JS3_INT.fullmatch(text) is None or text.endswith("_"):
        return None
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    if ":" in digits:
        if text.lstrip("+-").split(":", 1)[0].endswith("_"):
            return None
        value = 0
        for part in digits.split(":"):
            value = value * 60 + int(part)
        return _js_number(sign * value)
    if len(digits) > 2 and digits[1] in "bx":
        return _js_number(sign * _integer(digits[2:], 2 if digits[1] == "b" else 16))
    if len(digits) > 1 and digits[0] == "0":
        return _js_number(sign * _integer(digits, 8))
    return _js_number(sign * _integer(digits, 10))


def _integer(digits: str, base: int) -> int:
    """int(), or a number too large for any float where Python refuses that many digits."""
    try:
        return int(digits, base)
    except ValueError:
        return _JS_MAX


def _js_number(value: int) -> int | float:
    """The integer as a JavaScript number: exact up to 2**53, rounded above, infinite past the
    largest double."""
    if -_JS_EXACT <= value <= _JS_EXACT:
        return value
    if not _js_finite(value):
        return math.inf if value > 0 else -math.inf
    return int(float(value))


def _js3_float(text: str) -> float | None:
    if _JS3_FLOAT.fullmatch(text) is None or text.endswith("_"):
        return None
    value = text.replace("_", "").lower()
    sign = -1.0 if value[0] == "-" else 1.0
    value = value.lstrip("+-")
    if value == ".inf":
        return sign * math.inf
    if value == ".nan":
        return math.nan
    if ":" in value:
        total = 0.0
        for part in value.split(":"):
            total = total * 60 + float(part)
        return sign * total
    return sign * float(value)


def _js4_int(text: str) -> int | None:
    if _JS4_INT.fullmatch(text) is None:
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text.lstrip("+-")
    if len(digits) > 1 and digits[0] == "0" and digits[1] in "bxo":
        value = _integer(digits[2:], {"b": 2, "x": 16, "o": 8}[digits[1]])
    else:
        value = _integer(digits, 10)
    number = _js_number(sign * value)
    return None if isinstance(number, float) else number


def _js4_float(text: str) -> float | None:
    if _JS4_FLOAT.fullmatch(text) is None:
        return None
    value = text.lower()
    sign = -1.0 if value[0] == "-" else 1.0
    value = value.lstrip("+-")
    if value == ".inf":
        return sign * math.inf
    if value == ".nan":
        return math.nan
    number = float(value)
    return sign * number if math.isfinite(number) else None


def _js_utc(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    millisecond: int = 0,
) -> dt.datetime | None:
    """JavaScript's Date.UTC: out-of-range parts roll over into the next ones (February 30 is
    March 1), and years 0 to 99 are 1900 to 1999."""
    if 0 <= year <= 99:
        year += 1900
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    try:
        start = dt.datetime(year, month, 1, tzinfo=dt.timezone.utc)
        return start + dt.timedelta(
            days=day - 1, hours=hour, minutes=minute, seconds=second, milliseconds=millisecond
        )
    except (ValueError, OverflowError):
        return None


def js_timestamp(text: str) -> dt.date | dt.datetime | None:
    """The Date js-yaml makes of a timestamp (a date alone is midnight UTC), or None."""
    match = _JS_DATE.fullmatch(text)
    if match is not None:
        year, month, day = map(int, match.groups())
        if year >= 100:
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
        rolled = _js_utc(year, month, day)
        return None if rolled is None else rolled.date()
    match = _JS_TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    fraction, sign, zone_hours, zone_minutes = match.group(7, 9, 10, 11)
    year, month, day, hour, minute, second = map(int, match.group(1, 2, 3, 4, 5, 6))
    millisecond = int(fraction[:3].ljust(3, "0")) if fraction else 0
    moment: dt.datetime | None
    try:
        if year < 100:
            raise ValueError
        moment = dt.datetime(year, month, day, hour, minute, second, millisecond * 1000, _UTC)
    except ValueError:
        moment = _js_utc(year, month, day, hour, minute, second, millisecond)
    if moment is None or not sign:
        return moment
    offset = dt.timedelta(hours=int(zone_hours), minutes=int(zone_minutes or 0))
    if sign == "-":
        offset = -offset
    try:
        return (moment - offset).astimezone(dt.timezone(offset))
    except (ValueError, OverflowError):
        return moment - offset


def _js_reader(
    int_of: Callable[[str], int | float | None], float_of: Callable[[str], float | None]
) -> Callable[[str], ScalarValue]:
    def plain(text: str) -> ScalarValue:
        if not text:
            return None
        if text[0] not in _JS_TYPED:
            return text
        if text[4:5] == "-" and text[:4].isdigit():
            # A date (most front matter has one): no number is written so.
            moment = js_timestamp(text)
            return text if moment is None else moment
        if text in _JS_NULL:
            return None
        if text in _JS_BOOL:
            return _JS_BOOL[text]
        number = int_of(text)
        if number is not None:
            return number
        real = float_of(text)
        if real is not None:
            return real
        moment = js_timestamp(text)
        return text if moment is None else moment

    return plain


js_yaml_3 = _js_reader(_js3_int, _js3_float)
"""The value js-yaml 3's default schema (gray-matter's) gives an untagged plain scalar."""
js_yaml_4 = _js_reader(_js4_int, _js4_float)
"""The value js-yaml 4's default schema gives an untagged plain scalar."""


_BASE64 = lazy_pattern(r"[A-Za-z0-9+/=\r\n]*")


def _js_tagged(tag: str, text: str | None, version: int) -> ScalarValue:
    """js-yaml's explicit scalar types (None: an empty node, which has no text)."""
    name = tag[len(YAML) :] if tag.startswith(YAML) else ""
    value: ScalarValue = None
    ok = True
    if name == "str":
        return "" if text is None else text
    if name == "null":
        ok = text is None or text in _JS_NULL
    elif name == "bool":
        ok = text in _JS_BOOL
        value = _JS_BOOL.get(text or "")
    elif name == "int":
        value = None if text is None else (_js3_int if version == 3 else _js4_int)(text)
        ok = value is not None
    elif name == "float":
        real = None if text is None else (_js3_float if version == 3 else _js4_float)(text)
        if real is None and text is not None:
            number = (_js3_int if version == 3 else _js4_int)(text)
            real = None if number is None else float(number)
        value, ok = real, real is not None
    elif name == "timestamp":
        value = None if text is None else js_timestamp(text)
        ok = value is not None
    elif name == "merge":
        ok = text is None or text == "<<"
        value = text
    elif name == "binary":
        ok = text is not None and _BASE64.fullmatch(text) is not None
        ok = ok and sum(c not in "\r\n" for c in text or "") * 6 % 8 == 0
        value = text
    else:
        raise Refused(f"unknown tag !<{tag}>")
    if not ok:
        raise Refused(f"cannot resolve a node with !<{tag}> explicit tag")
    return value


# By dialect --------------------------------------------------------------------------------


_REMEMBERED: dict[YamlDialect, dict[str, ScalarValue]] = {}
MAX_REMEMBERED = 4096
"""Plain scalars read per dialect at most (then forgotten, all at once)."""


def remembered_plains(dialect: YamlDialect) -> dict[str, ScalarValue]:
    """The values of plain scalars the dialect's reader has read in this process, by their
    text: the same words (true, tags, dates) come back post after post, and each reader's
    value is a function of the text alone, and immutable. Filled by the tree builder."""
    known = _REMEMBERED.get(dialect)
    if known is None:
        known = _REMEMBERED[dialect] = {}
    return known


def plain_reader(dialect: YamlDialect) -> Callable[[str], ScalarValue]:
    """The dialect's reading of an untagged plain scalar."""
    if dialect == "js-yaml-3":
        return js_yaml_3
    if dialect == "js-yaml-4":
        return js_yaml_4
    if dialect in ("psych", "safe-yaml"):
        from klm_lint.load import ruby_scalars

        return ruby_scalars.psych if dialect == "psych" else ruby_scalars.safe_yaml
    from klm_lint.load import go_rust_scalars

    return go_rust_scalars.go_yaml if dialect == "go-yaml" else go_rust_scalars.serde_yaml


def typed_starts(dialect: YamlDialect) -> frozenset[str] | None:
    """First characters of plain scalars that may be more than text (None: any may be, as Ruby
    reads words such as yes, off and null in any case)."""
    return None if dialect in ("psych", "safe-yaml") else _JS_TYPED


def tagged(dialect: YamlDialect, tag: str, text: str | None) -> ScalarValue:
    """The value of a scalar with an explicit tag (text None: the node is empty; tag "!": the
    non-specific tag), or Refused with the reader's words when the reader throws on it."""
    if dialect in ("js-yaml-3", "js-yaml-4"):
        if tag == "!":
            return text
        return _js_tagged(tag, text, 3 if dialect == "js-yaml-3" else 4)
    if dialect in ("psych", "safe-yaml"):
        from klm_lint.load import ruby_scalars

        return ruby_scalars.tagged(dialect, tag, text or "")
    from klm_lint.load import go_rust_scalars

    if dialect == "go-yaml":
        return go_rust_scalars.go_tagged(tag, text)
    return go_rust_scalars.serde_tagged(tag, text)
