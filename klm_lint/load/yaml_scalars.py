"""The value each site's YAML reader gives a scalar: plain scalars by its own rules (which words
are booleans, which numbers are octal, which texts are dates), and scalars with an explicit tag
(`!!int 3`, `!!bool yes`), which some readers refuse.

The rules are the readers' own code, read and checked against what the readers return for the
scalars of yaml-test-schema and more (tests/load/yaml_corpus.json):
- js-yaml 3.15.2 (gray-matter) and 4.3.2: lib/type/{null,bool,int,float,timestamp}.js;
- Psych 4.0.3 (Debian's Jekyll): Psych::ScalarScanner#tokenize and Visitors::ToRuby;
- SafeYAML 1.0.5 (upstream Jekyll): SafeYAML::Transform::To{Integer,Float,Nil,Boolean,Date};
- goccy/go-yaml (Hugo 0.152 and later): token.getNumberStat and its keyword lists, with what
  Hugo was seen to do with them (approximated: not run against this corpus);
- serde_yaml 0.9 (Zola): de.rs parse_null, parse_bool, parse_*_int and parse_f64
  (approximated: not run against this corpus).
"""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.nodes import ScalarValue


class Refused(Exception):
    """The reader throws on this scalar: the message is the reader's own words."""


YAML = "tag:yaml.org,2002:"

# js-yaml (both versions) -------------------------------------------------------------------

_JS_NULL = {"~": None, "null": None, "Null": None, "NULL": None}
_JS_BOOL = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_JS3_INT = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(?::[0-5]?[0-9])*)")
_JS3_FLOAT = re.compile(
    r"[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_JS4_INT = re.compile(r"[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)")
_JS4_FLOAT = re.compile(
    r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_JS_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_JS_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?"
)
_JS_TYPED = frozenset("0123456789+-.~nNtTfF")
"""First characters of plain scalars that js-yaml may read as something other than text."""
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
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and year >= 100:
            return dt.date(year, month, day)
        rolled = _js_utc(year, month, day)
        return None if rolled is None else rolled.date()
    match = _JS_TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    millisecond = int((match.group(7) or "")[:3].ljust(3, "0"))
    moment = _js_utc(year, month, day, hour, minute, second, millisecond)
    if moment is None or not match.group(9):
        return moment
    offset = dt.timedelta(hours=int(match.group(10)), minutes=int(match.group(11) or 0))
    if match.group(9) == "-":
        offset = -offset
    try:
        return (moment - offset).astimezone(dt.timezone(offset))
    except (ValueError, OverflowError):
        return moment - offset


def _js_plain(text: str, version: int) -> ScalarValue:
    if not text:
        return None
    if text[0] not in _JS_TYPED:
        return text
    if text in _JS_NULL:
        return None
    if text in _JS_BOOL:
        return _JS_BOOL[text]
    number = _js3_int(text) if version == 3 else _js4_int(text)
    if number is not None:
        return number
    real = _js3_float(text) if version == 3 else _js4_float(text)
    if real is not None:
        return real
    moment = js_timestamp(text)
    return text if moment is None else moment


def js_yaml_3(text: str) -> ScalarValue:
    """The value js-yaml 3's default schema (gray-matter's) gives an untagged plain scalar."""
    return _js_plain(text, 3)


def js_yaml_4(text: str) -> ScalarValue:
    """The value js-yaml 4's default schema gives an untagged plain scalar."""
    return _js_plain(text, 4)


_BASE64 = re.compile(r"[A-Za-z0-9+/=\r\n]*")


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


# Psych (Ruby) ------------------------------------------------------------------------------

_RUBY_WORD_PUNCTUATION = frozenset("_!@#$%^&*(){}<>|/\\~;=")
_RUBY_TIME = re.compile(
    r"-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|\s+)[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
    r"(?:\s*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?"
)
_RUBY_TIME_PARTS = re.compile(
    r"(-?[0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[ tT]+([0-9]+):([0-9]+):([0-9]+)(?:\.([0-9]*))?"
    r"\s*(?:(Z)|([-+]?[0-9]{1,2}):?([0-9]{1,2})?)?"
)
_PSYCH_DATE = re.compile(r"[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])")
_PSYCH_INF = re.compile(r"\+?\.inf", re.IGNORECASE)
_PSYCH_NEGATIVE_INF = re.compile(r"-\.inf", re.IGNORECASE)
_PSYCH_NAN = re.compile(r"\.nan", re.IGNORECASE)
_PSYCH_SEXAGESIMAL_INT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}")
_PSYCH_SEXAGESIMAL_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*")
_PSYCH_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?")
_PSYCH_INT = re.compile(
    r"[-+]?0b[_,]*[01][01_,]*|[-+]?0[_,]*[0-7][0-7_,]*|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)"
    r"|[-+]?0x[_,]*[0-9a-fA-F][0-9a-fA-F_,]*"
)
_RUBY_BARE_DOT = re.compile(r"\.(?=[Ee]|$)")
"""A decimal point with no digit after it, which Ruby's Float() refuses and Psych drops."""
_RUBY_INT_DIGITS = re.compile(r"[-+]?[0-9]+(?:_[0-9]+)*")
_RUBY_FLOAT = re.compile(
    r"\s*[-+]?(?:[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?|\.[0-9]+(?:_[0-9]+)*)"
    r"(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?\s*"
)
_SYMBOL_REFUSED = "Tried to load unspecified class: Symbol"


def _ruby_wordish(text: str) -> bool:
    """Psych's test for text that cannot be a number or a date:
    /^[^\\d.:-]?[[:alpha:]_\\s!@#$%\\^&*(){}<>|\\/\\\\~;=]+/"""

    def word(char: str) -> bool:
        return char.isalpha() or char.isspace() or char in _RUBY_WORD_PUNCTUATION

    first = text[0]
    return word(first) or (len(text) > 1 and first not in "0123456789.:-" and word(text[1]))


def _ruby_to_i(text: str) -> int:
    """Ruby's String#to_i: the leading integer, 0 if there is none."""
    match = _RUBY_INT_DIGITS.match(text)
    return int(match.group().replace("_", "")) if match else 0


def _ruby_to_f(text: str) -> float:
    match = _RUBY_FLOAT.match(text)
    return float(match.group().replace("_", "")) if match else 0.0


def ruby_float(value: ScalarValue, text: str) -> float:
    """Ruby's Float(): numbers pass, text must be a number as Ruby writes one."""
    if isinstance(value, bool) or value is None:
        raise Refused(f"can't convert {'nil' if value is None else value} into Float")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _RUBY_FLOAT.fullmatch(value):
        return float(value.replace("_", ""))
    raise Refused(f'invalid value for Float(): "{text}"')


def _ruby_time(text: str, clamp_seconds: bool = False) -> dt.datetime | None:
    """Ruby's Time.utc / Time.new for a YAML timestamp: a day past the month's end rolls over
    (February 30 is March 1), anything else out of range is an error (None)."""
    match = _RUBY_TIME_PARTS.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    if clamp_seconds and second == 60:
        second = 59
    fraction = match.group(7) or ""
    microsecond = int((fraction + "000000")[:6]) if fraction else 0
    if not (1 <= month <= 12 and 1 <= day <= 31 and minute <= 59 and second <= 60):
        return None
    if hour > 24 or (hour == 24 and (minute or second or microsecond)):
        return None
    offset = dt.timedelta(0)
    if match.group(9):
        hours = int(match.group(9))
        minutes = int(match.group(10) or 0)
        offset = dt.timedelta(hours=hours, minutes=-minutes if hours < 0 else minutes)
        if abs(offset) >= dt.timedelta(days=1):
            return None
    try:
        wall = dt.datetime(year, month, 1) + dt.timedelta(
            days=day - 1, hours=hour, minutes=minute, seconds=second, microseconds=microsecond
        )
    except (ValueError, OverflowError):
        return None
    return wall.replace(tzinfo=dt.timezone(offset) if match.group(9) else dt.timezone.utc)


def psych(text: str) -> ScalarValue:
    """The value Psych's ScalarScanner#tokenize gives an untagged plain scalar (YAML 1.1)."""
    if not text:
        return None
    if _ruby_wordish(text) or "\n" in text:
        if len(text) > 5 or text[0].lower() not in "ytonf~":
            return text
        lowered = text.lower()
        if text == "~" or lowered == "null":
            return None
        if lowered in ("yes", "true", "on"):
            return True
        if lowered in ("no", "false", "off"):
            return False
        return text
    if _RUBY_TIME.fullmatch(text):
        return _ruby_time(text) or text
    if _PSYCH_DATE.fullmatch(text):
        try:
            return dt.date(*(int(part) for part in text.split("-")))
        except ValueError:
            return text
    if _PSYCH_INF.fullmatch(text):
        return math.inf
    if _PSYCH_NEGATIVE_INF.fullmatch(text):
        return -math.inf
    if _PSYCH_NAN.fullmatch(text):
        return math.nan
    if text[0] == ":" and len(text) > 1:
        raise Refused(_SYMBOL_REFUSED)
    if _PSYCH_SEXAGESIMAL_INT.fullmatch(text):
        parts = text.split(":")
        whole: int = sum(
            _ruby_to_i(part) * 60 ** abs(index - 2) for index, part in enumerate(parts)
        )
        return whole
    if _PSYCH_SEXAGESIMAL_FLOAT.fullmatch(text):
        parts = text.split(":")
        real: float = sum(
            _ruby_to_f(part) * 60 ** abs(index - 2) for index, part in enumerate(parts)
        )
        return real
    if _PSYCH_FLOAT.fullmatch(text):
        if text.lstrip("+-") == ".":
            return text
        cleaned = text.replace(",", "").replace("_", "")
        cleaned = _RUBY_BARE_DOT.sub("", cleaned)
        return float(cleaned)
    if _PSYCH_INT.fullmatch(text):
        return _ruby_integer(text.replace(",", "").replace("_", ""))
    return text


def _ruby_integer(digits: str) -> int:
    """Ruby's Integer() on digits Psych has checked: 0b, 0x and a leading 0 (octal) prefixes."""
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    if digits[:2] in ("0b", "0x"):
        return sign * int(digits[2:], 2 if digits[1] == "b" else 16)
    if len(digits) > 1 and digits[0] == "0":
        return sign * int(digits, 8)
    return sign * int(digits)


_PSYCH_TYPED = None
"""Psych reads words (yes, off, null) in any case, so any plain scalar may be typed."""


def _psych_tagged(tag: str, text: str) -> ScalarValue:
    """Psych's Visitors::ToRuby#deserialize: a few tags are kept, the rest read as plain."""
    if tag.startswith("!ruby/") or tag.startswith(YAML + "ruby/"):
        raise Refused("Tried to load unspecified class: " + _ruby_class(tag))
    if tag in (YAML + "str", "!str"):
        return text
    if tag in (YAML + "binary", "!binary"):
        return text
    if tag in (YAML + "float", "!float"):
        return ruby_float(psych(text), text)
    return psych(text)


def _ruby_class(tag: str) -> str:
    if "symbol" in tag or tag.endswith("/sym"):
        return "Symbol"
    name = tag.rsplit(":", 1)[-1] if ":" in tag.removeprefix(YAML) else tag.rsplit("/", 1)[-1]
    return name or "Object"


# SafeYAML (Ruby, upstream Jekyll) ----------------------------------------------------------

_SAFE_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_,]*)")
_SAFE_OCTAL = re.compile(r"0[0-7]+")
_SAFE_HEX = re.compile(r"0[xX][0-9a-fA-F]+")
_SAFE_BINARY = re.compile(r"0b[01_]+")
_SAFE_SIGNED_HEX = re.compile(r"[-+]?0x[0-9a-fA-F_]+")
_SAFE_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+")
_SAFE_SEXAGESIMAL_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*")
_SAFE_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+][0-9]+)?")
_SAFE_SPECIAL_FLOATS = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}
_SAFE_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_SAFE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|\s+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?\s*"
    r"(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?)?"
)
_SAFE_WORDS = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}


def _safe_sexagesimal(text: str) -> float:
    """SafeYAML's Parse::Sexagesimal.value, with its sign counted twice as it is there."""
    whole, _, fraction = text.partition(".")
    value, weight = 0.0, 1.0
    for part in reversed(whole.split(":")):
        value += ruby_float(part, part) * weight
        weight *= 60
    if fraction:
        value += ruby_float("." + fraction, "." + fraction)
    return -value if text[0] == "-" else value


def safe_yaml(text: str) -> ScalarValue:
    """The value SafeYAML's Transform.to_guessed_type gives an unquoted scalar (YAML 1.1)."""
    stripped = text.replace("_", "").replace(",", "")
    if _SAFE_DECIMAL.fullmatch(stripped):
        return int(stripped)
    if _SAFE_OCTAL.fullmatch(stripped):
        return int(stripped, 8)
    if _SAFE_HEX.fullmatch(stripped):
        return int(stripped[2:], 16)
    if _SAFE_BINARY.fullmatch(stripped):
        return int(stripped[2:].replace("_", ""), 2)
    if _SAFE_SIGNED_HEX.fullmatch(stripped):
        sign = -1 if stripped[0] == "-" else 1
        return sign * int(stripped.lstrip("+-")[2:], 16)
    if _SAFE_SEXAGESIMAL.fullmatch(stripped):
        return _safe_sexagesimal(stripped)
    if _SAFE_FLOAT.fullmatch(text):
        return ruby_float(text, text)
    if text in _SAFE_SPECIAL_FLOATS:
        return _SAFE_SPECIAL_FLOATS[text]
    if _SAFE_SEXAGESIMAL_FLOAT.fullmatch(text):
        return _safe_sexagesimal(text)
    lowered = text.lower()
    if len(text) <= 4 and lowered in ("", "~", "null"):
        return None
    if len(text) <= 5 and lowered in _SAFE_WORDS:
        return _SAFE_WORDS[lowered]
    match = _SAFE_DATE.fullmatch(text)
    if match is not None:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return text
    if _SAFE_TIME.fullmatch(text):
        return _ruby_time(text, clamp_seconds=True) or text
    return text


def _safe_tagged(tag: str, text: str) -> ScalarValue:
    """SafeYAML reads a tagged scalar as an unquoted one, whatever the tag, except binary."""
    if tag in (YAML + "binary", "!binary", "x-private:binary"):
        try:
            return base64.b64decode(text + "===", validate=False).decode("utf-8", "replace")
        except (ValueError, binascii.Error):
            return text
    return safe_yaml(text)


# goccy/go-yaml (Hugo) ----------------------------------------------------------------------

_GO_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_GO_SPECIAL = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}
_GO_INT = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)")
_GO_FLOAT = re.compile(r"[-+]?[0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


def go_yaml(text: str) -> ScalarValue:
    """The value goccy/go-yaml gives a plain scalar: YAML 1.2 words, octal 014 and 0o14,
    underscores in numbers, an exponent only after a decimal point, and no timestamps."""
    if text in _GO_NULL:
        return None
    if text in _JS_BOOL:
        return _JS_BOOL[text]
    if text in _GO_SPECIAL:
        return _GO_SPECIAL[text]
    if _GO_INT.fullmatch(text):
        digits = text.replace("_", "")
        sign = -1 if digits[0] == "-" else 1
        digits = digits.lstrip("+-")
        base = {"b": 2, "o": 8, "x": 16}.get(digits[1:2], 10) if digits[:1] == "0" else 10
        if base != 10:
            digits = digits[2:]
        elif len(digits) > 1 and digits[0] == "0":
            base = 8
        try:
            return sign * int(digits, base)
        except ValueError:
            return text
    if _GO_FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    return text


# serde_yaml (Zola) -------------------------------------------------------------------------

_SERDE_INT = re.compile(r"[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|0|[1-9][0-9]*)")
_SERDE_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_SERDE_SPECIAL = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}


def serde_yaml(text: str) -> ScalarValue:
    """The value serde_yaml 0.9 gives a plain scalar: the YAML 1.2 core schema, with 0x, 0o and
    0b integers; a number with a leading zero (012) is text; no timestamps."""
    if text in _GO_NULL:
        return None
    if text in _JS_BOOL:
        return _JS_BOOL[text]
    if text in _SERDE_SPECIAL:
        return _SERDE_SPECIAL[text]
    if _SERDE_INT.fullmatch(text):
        sign = -1 if text[0] == "-" else 1
        digits = text.lstrip("+-")
        if digits[:2] in ("0x", "0o", "0b"):
            return sign * int(digits[2:], {"x": 16, "o": 8, "b": 2}[digits[1]])
        return sign * int(digits)
    if _SERDE_FLOAT.fullmatch(text) and not _LEADING_ZERO.match(text):
        number = float(text)
        return number if math.isfinite(number) else text
    return text


# By dialect --------------------------------------------------------------------------------

PLAIN: dict[YamlDialect, Callable[[str], ScalarValue]] = {
    "js-yaml-3": js_yaml_3,
    "js-yaml-4": js_yaml_4,
    "psych": psych,
    "safe-yaml": safe_yaml,
    "go-yaml": go_yaml,
    "serde-yaml": serde_yaml,
}
"""Each dialect's reading of an untagged plain scalar."""

TYPED_STARTS: dict[YamlDialect, frozenset[str] | None] = {
    "js-yaml-3": _JS_TYPED,
    "js-yaml-4": _JS_TYPED,
    "psych": None,
    "safe-yaml": None,
    "go-yaml": frozenset("0123456789+-.~nNtTfF"),
    "serde-yaml": frozenset("0123456789+-.~nNtTfF"),
}
"""First characters of plain scalars that may be more than text (None: any may be)."""


def tagged(dialect: YamlDialect, tag: str, text: str | None) -> ScalarValue:
    """The value of a scalar with an explicit tag (text None: the node is empty; tag "!": the
    non-specific tag), or Refused with the reader's words when the reader throws on it."""
    if tag == "!":
        if dialect in ("js-yaml-3", "js-yaml-4"):
            return text
        return PLAIN[dialect](text or "")
    if dialect == "js-yaml-3":
        return _js_tagged(tag, text, 3)
    if dialect == "js-yaml-4":
        return _js_tagged(tag, text, 4)
    if dialect == "psych":
        return _psych_tagged(tag, text or "")
    if dialect == "safe-yaml":
        return _safe_tagged(tag, text or "")
    if tag == YAML + "str":
        return text or ""
    return PLAIN[dialect](text or "")
