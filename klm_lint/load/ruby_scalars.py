"""The value Ruby's YAML readers give a scalar, for Jekyll: Psych 4.0.3 (Debian's Jekyll package,
Psych::ScalarScanner#tokenize and Visitors::ToRuby) and SafeYAML 1.0.5 (upstream Jekyll,
SafeYAML::Transform::To{Integer,Float,Nil,Boolean,Date}), checked against what they return for
the scalars of tests/load/yaml_corpus.json. Both read YAML 1.1: yes, no, on and off are
booleans in any case, 014 is octal, and a timestamp keeps its offset."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from klm_lint.load.yaml_core import SPECIAL_FLOATS, YAML, Refused

if TYPE_CHECKING:
    from klm_lint.load.nodes import ScalarValue

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
    if text in SPECIAL_FLOATS:
        return SPECIAL_FLOATS[text]
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


def tagged(dialect: str, tag: str, text: str) -> ScalarValue:
    """A tagged scalar, as Psych or SafeYAML reads it."""
    return _psych_tagged(tag, text) if dialect == "psych" else _safe_tagged(tag, text)
