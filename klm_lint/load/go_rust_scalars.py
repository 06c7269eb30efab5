"""The value Hugo's and Zola's YAML readers give a scalar: goccy/go-yaml v1.19.2 (Hugo 0.152 and
later; token.getNumberStat and its keyword lists, decode.go nodeToValue for explicit tags) and
serde_yaml 0.9.34 (Zola; de.rs parse_null, parse_bool, visit_int, parse_f64, visit_scalar).
Both were run on the scalars of tests/load/yaml_corpus.json (Hugo 0.168.0 itself, and Zola's
front-matter reading built on serde_yaml; bench/yaml_hugo_zola.py), and these agree with them."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.yaml_core import CORE_BOOLS, SPECIAL_FLOATS, YAML, Refused

if TYPE_CHECKING:
    from klm_lint.load.nodes import ScalarValue

_CORE_BOOL = CORE_BOOLS
# goccy/go-yaml (Hugo) ----------------------------------------------------------------------

_GO_NULL = frozenset(("", "~", "null", "Null", "NULL"))

_GO_INT = lazy_pattern(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)")
_GO_FLOAT = lazy_pattern(r"[-+]?[0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?")
_GO_INT_RANGE = (-(2**63), 2**64 - 1)
"""int64 for negative numbers, uint64 for the rest: goccy keeps larger ones as text."""


def go_yaml(text: str) -> ScalarValue:
    """The value goccy/go-yaml gives a plain scalar: YAML 1.2 words, octal 014 and 0o14,
    underscores in numbers, an exponent only after a decimal point, and no timestamps."""
    if text in _GO_NULL:
        return None
    if text in _CORE_BOOL:
        return _CORE_BOOL[text]
    if text in SPECIAL_FLOATS:
        return SPECIAL_FLOATS[text]
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
            number = sign * int(digits, base)
        except ValueError:
            return text
        return number if _GO_INT_RANGE[0] <= number <= _GO_INT_RANGE[1] else text
    if _GO_FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    return text


def go_text(value: ScalarValue) -> str:
    """fmt.Sprint(value) in Go: what goccy/go-yaml makes of a key, or of a value tagged !!str
    (null is the empty text, as in a front matter's map[string]any)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _go_float_text(value)
    return str(value)


def _go_float_text(value: float) -> str:
    """%v of a float64: the shortest digits, with an exponent below 1e-4 and from 1e21 on."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    import decimal  # here: most front matter holds no float

    sign, digits, exponent = decimal.Decimal(repr(value)).normalize().as_tuple()
    assert isinstance(exponent, int)
    mantissa = "".join(map(str, digits))
    power = len(mantissa) + exponent - 1
    prefix = "-" if sign else ""
    if power < -4 or power >= 21:
        tail = "." + mantissa[1:] if len(mantissa) > 1 else ""
        return f"{prefix}{mantissa[0]}{tail}e{'-' if power < 0 else '+'}{abs(power):02d}"
    if exponent >= 0:
        return prefix + mantissa + "0" * exponent
    point = len(mantissa) + exponent
    if point <= 0:
        return prefix + "0." + "0" * -point + mantissa
    return prefix + mantissa[:point] + "." + mantissa[point:]


_GO_ATOI = lazy_pattern(r"[-+]?[0-9]+")
_GO_PARSE_FLOAT = lazy_pattern(
    r"[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf|infinity|nan)",
    re.IGNORECASE,
)
_GO_TIMESTAMP = lazy_pattern(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]{1,9}))?"
    r"(Z|[-+][0-9]{2}:[0-9]{2})?)?"
)
_GO_ZERO_TIME = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
_GO_BOOL_WORDS = {"1": True, "t": True, "true": True, "yes": True}
_GO_BOOL_WORDS.update({"0": False, "f": False, "false": False, "no": False})
_GO_COLLECTION_TAGS = frozenset(YAML + name for name in ("map", "seq", "set", "omap", "pairs"))


def go_tagged(tag: str, text: str | None) -> ScalarValue:
    """decode.go nodeToValue for a scalar with an explicit tag: the plain value, then cast as the
    tag says (a cast that fails gives 0 or the zero time; only !!bool throws)."""
    if tag == "!":
        return text or ""
    value = None if text is None else go_yaml(text)
    if tag == YAML + "str":
        return go_text(value)
    if tag == YAML + "int":
        digits = go_text(value)
        number = int(digits) if _GO_ATOI.fullmatch(digits) else 0
        return number if -(2**63) <= number < 2**63 else 0
    if tag == YAML + "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str) and _GO_PARSE_FLOAT.fullmatch(value):
            return float(value)
        return 0.0
    if tag == YAML + "null":
        return None
    if tag == YAML + "bool":
        word = go_text(value).lower()
        if word in _GO_BOOL_WORDS:
            return _GO_BOOL_WORDS[word]
        raise Refused(f'cannot convert "{go_text(value)}" to boolean')
    if tag == YAML + "timestamp":
        return _go_time(value) if isinstance(value, str) else _GO_ZERO_TIME
    if tag == YAML + "merge":
        return text
    if tag in _GO_COLLECTION_TAGS:
        raise Refused(f"could not find {tag[len(YAML) :]}")
    return value


def _go_time(text: str) -> dt.datetime:
    """time.Parse with goccy's allowedTimestampFormats, or the zero time."""
    match = _GO_TIMESTAMP.fullmatch(text)
    if match is None or (match[4] is not None and match[4] != " " and match[9] is None):
        return _GO_ZERO_TIME
    if match[4] == " " and match[9] is not None:
        return _GO_ZERO_TIME
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    zone = dt.timezone.utc
    if match[9] and match[9] != "Z":
        sign = -1 if match[9][0] == "-" else 1
        zone = dt.timezone(sign * dt.timedelta(hours=int(match[9][1:3]), minutes=int(match[9][4:])))
    try:
        if match[4] is None:
            return dt.datetime(year, month, day, tzinfo=zone)
        micro = int((match[8] or "0").ljust(6, "0")[:6])
        clock = (int(match[5]), int(match[6]), int(match[7]), micro)
        return dt.datetime(year, month, day, *clock, tzinfo=zone)
    except ValueError:
        return _GO_ZERO_TIME


# serde_yaml (Zola) -------------------------------------------------------------------------

_SERDE_INT = lazy_pattern(r"[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|0|[1-9][0-9]*)")
_SERDE_FLOAT = lazy_pattern(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DIGITS_BUT_NOT_NUMBER = lazy_pattern(r"[-+]?0[0-9]+")
_SERDE_NULL = frozenset(("~", "null", "Null", "NULL"))
_SERDE_SPECIAL = {
    **SPECIAL_FLOATS,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
}


def serde_yaml(text: str) -> ScalarValue:
    """The value serde_yaml 0.9 gives a plain scalar: the YAML 1.2 core schema, with 0x, 0o and
    0b integers; digits with a leading zero (012) are text, but 03.14 is a number; no
    timestamps. An integer beyond 64 bits fails: Zola's template values cannot hold it."""
    if text == "" or text in _SERDE_NULL:
        return None
    if text in _CORE_BOOL:
        return _CORE_BOOL[text]
    number = _serde_number(text)
    return text if number is None else number


def _serde_number(text: str) -> int | float | None:
    if _SERDE_INT.fullmatch(text):
        sign = -1 if text[0] == "-" else 1
        digits = text.lstrip("+-")
        if digits[:2] in ("0x", "0o", "0b"):
            number = sign * int(digits[2:], {"x": 16, "o": 8, "b": 2}[digits[1]])
        else:
            number = sign * int(digits)
        if -(2**63) <= number < 2**64:
            return number
        if -(2**127) <= number < 2**128:
            raise Refused(
                f"invalid type: integer `{number}` as i128, expected any valid JSON value"
            )
        return None if digits[:2] in ("0x", "0o", "0b") else float(text)
    if text in _SERDE_SPECIAL:
        return _SERDE_SPECIAL[text]
    if _SERDE_FLOAT.fullmatch(text) and not _DIGITS_BUT_NOT_NUMBER.fullmatch(text):
        real = float(text)
        return real if math.isfinite(real) else None
    return None


def serde_tagged(tag: str, text: str | None) -> ScalarValue:
    """de.rs visit_scalar: !!bool, !!int, !!float and !!null read the text as that type or throw;
    any other global tag leaves the text as it is; a local tag (!name, or `!`) makes a value Zola
    cannot turn into a template's value (an enum), and `extra` refuses it."""
    content = text or ""
    if tag == YAML + "bool":
        if content in _CORE_BOOL:
            return _CORE_BOOL[content]
        raise Refused(f'invalid value: string "{content}", expected a boolean')
    if tag in (YAML + "int", YAML + "float"):
        number = _serde_number(content)
        if tag == YAML + "float" and number is not None:
            return float(number)
        if isinstance(number, int):
            return number
        kind = "an integer" if tag == YAML + "int" else "a float"
        raise Refused(f'invalid value: string "{content}", expected {kind}')
    if tag == YAML + "null":
        if content in _SERDE_NULL:
            return None
        raise Refused(f'invalid value: string "{content}", expected null')
    if tag.startswith("!"):
        raise Refused("invalid type: enum, expected any valid JSON value")
    return content
