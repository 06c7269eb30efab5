"""The value Hugo's and Zola's YAML readers give a plain scalar: goccy/go-yaml (Hugo 0.152 and
later; token.getNumberStat and its keyword lists, with what Hugo was seen to do) and serde_yaml
0.9 (Zola; de.rs parse_null, parse_bool, parse_*_int and parse_f64). Neither was run against
tests/load/yaml_corpus.json: these follow their sources, and the tests hold what is known."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from klm_lint.load.yaml_core import CORE_BOOLS, SPECIAL_FLOATS

if TYPE_CHECKING:
    from klm_lint.load.nodes import ScalarValue

_JS_BOOL = CORE_BOOLS
# goccy/go-yaml (Hugo) ----------------------------------------------------------------------

_GO_NULL = frozenset(("", "~", "null", "Null", "NULL"))

_GO_INT = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)")
_GO_FLOAT = re.compile(r"[-+]?[0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


def go_yaml(text: str) -> ScalarValue:
    """The value goccy/go-yaml gives a plain scalar: YAML 1.2 words, octal 014 and 0o14,
    underscores in numbers, an exponent only after a decimal point, and no timestamps."""
    if text in _GO_NULL:
        return None
    if text in _JS_BOOL:
        return _JS_BOOL[text]
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
_SERDE_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_SERDE_SPECIAL = {
    **SPECIAL_FLOATS,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
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
