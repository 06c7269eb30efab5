"""What a reader's recorded value (tests/load/yaml_corpus.json) and klm-lint's node tree say,
put in one comparable form: JavaScript values for js-yaml (every key a string, dates instants
in UTC to the millisecond), Ruby values for Psych and SafeYAML (typed keys, Date apart from Time),
Go values for goccy/go-yaml (keys as fmt.Sprint writes them) and JSON values for serde_yaml
(Zola's `extra`: keys as written).

The recorded values are JSON; what JSON cannot say is a one-key object ({"$date": …},
{"$float": "nan"}, {"$map": [[key, value], …]} for Ruby hashes with keys that are not strings).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from klm_lint.load.document import Document, LoadProblem
from klm_lint.load.go_rust_scalars import go_text
from klm_lint.load.nodes import Mapping, Node, Scalar, Sequence

_FRACTION = re.compile(r"\.([0-9]+)")
UNCOMPARABLE = "uncomparable"
"""A value klm-lint does not model (binary data, a value that contains itself)."""


def _js(dialect: str) -> bool:
    return dialect.startswith("js-yaml")


def _instant(text: str) -> str:
    """An ISO date-time, with any offset and up to nine decimals, as UTC to the microsecond."""
    text = _FRACTION.sub(lambda match: "." + (match.group(1) + "000000")[:6], text)
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat()


def expected(value: Any, dialect: str) -> Any:
    """A recorded value in the comparable form."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return _number(value, dialect)
    if isinstance(value, list):
        return [expected(item, dialect) for item in value]
    assert isinstance(value, dict)
    if "$float" in value:
        special = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "-0.0": -0.0}
        return _number(special[value["$float"]], dialect)
    if "$date" in value:
        if value.get("ruby_class") == "Date":
            return ("date", value["$date"])
        if value["$date"] == "Invalid Date":
            return UNCOMPARABLE
        return ("instant", _instant(value["$date"]))
    if "$bigint" in value:
        return _number(int(value["$bigint"]), dialect)
    if "$map" in value:
        if any(isinstance(key, (list, dict)) and "$date" not in key for key, _ in value["$map"]):
            return UNCOMPARABLE  # a list or hash as a key: klm-lint's keys are scalars
        return {
            _hashable(expected(key, dialect)): expected(item, dialect)
            for key, item in value["$map"]
        }
    if {
        "$binary",
        "$invalid_utf8",
        "$recursive",
        "$undefined",
        "$symbol",
        "$object",
    } & value.keys():
        return UNCOMPARABLE
    return {key: expected(item, dialect) for key, item in value.items()}


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(key), _hashable(item)) for key, item in value.items()))
    return value


def actual(node: Node, dialect: str, top: bool = True) -> Any:
    """klm-lint's tree in the comparable form, as the dialect's reader hands it to the site."""
    if isinstance(node, Scalar):
        return _scalar(node.value, dialect)
    if isinstance(node, Sequence):
        return [actual(item, dialect, False) for item in node.items]
    result: dict[Any, Any] = {}
    for entry in node.entries:
        result[_key(entry.key, dialect, top)] = actual(entry.value, dialect, False)
    return result


def _key(key: Scalar, dialect: str, top: bool) -> Any:
    if _js(dialect):
        return js_property(key.value)
    if dialect == "go-yaml":
        # the front matter is read into a map[string]any, where null is ""; a mapping inside
        # it into an any, where goccy writes null out
        return "null" if key.value is None and not top else go_text(key.value)
    if dialect == "serde-yaml":
        return key.value if isinstance(key.value, str) else key.text
    return _hashable(_scalar(key.value, dialect))


def _number(value: float, dialect: str) -> Any:
    """JavaScript has one number type; Ruby tells 1 from 1.0 (also as keys)."""
    if isinstance(value, float) and math.isnan(value):
        return ("number", "nan")
    if _js(dialect):
        return ("number", float(value))
    return ("int" if isinstance(value, int) else "float", value)


def _scalar(value: object, dialect: str) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return _number(value, dialect)
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return ("instant", moment.astimezone(dt.timezone.utc).isoformat())
    if isinstance(value, dt.date):
        if _js(dialect):
            midnight = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
            return ("instant", midnight.isoformat())
        return ("date", value.isoformat())
    return UNCOMPARABLE


def type_of(value: object, dialect: str) -> str:
    """The recorded type name of a scalar value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, dt.datetime) or (isinstance(value, dt.date) and _js(dialect)):
        return "timestamp"
    if isinstance(value, dt.date):
        return "date"
    return "str"


def js_property(value: object) -> str:
    """String(value) in JavaScript: what js-yaml makes of a key."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime(_JS_DATE)
    if isinstance(value, dt.date):
        return value.strftime(_JS_DATE.replace("%H:%M:%S", "00:00:00"))
    return str(value)


_JS_DATE = "%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)"


def fails(loaded: Document | LoadProblem, duplicates_fail: bool) -> bool:
    """klm-lint says the site's reader fails: the file does not load (KLM002, or KLM003 for a
    NUL byte), or a key is repeated where the reader rejects that."""
    return isinstance(loaded, LoadProblem) or duplicates_fail


def case_agrees(
    loaded: Document | LoadProblem, expect: dict[str, Any], dialect: str, duplicates_fail: bool
) -> bool:
    """klm-lint's verdict (duplicates_fail: KLM004 says the reader rejects a repeated key) and
    tree agree with the reader's outcome for a whole front matter."""
    failed = fails(loaded, duplicates_fail)
    if failed or not expect["ok"]:
        return failed and not expect["ok"]
    assert isinstance(loaded, Document)
    want = expected(expect["value"], dialect)
    if want is UNCOMPARABLE:
        return True
    if want is None:
        want = {}  # an empty or null document: every site reads it as no keys
    root = loaded.front_matter.root if loaded.front_matter else Mapping(0, 0, ())
    return _same(actual(root, dialect), want)


def scalar_agrees(loaded: Document | LoadProblem, expect: dict[str, Any], dialect: str) -> bool:
    """klm-lint reads `key: <scalar>` as the reader does: it fails, or gives the same value."""
    if isinstance(loaded, LoadProblem) or not expect["ok"]:
        return isinstance(loaded, LoadProblem) and not expect["ok"]
    assert loaded.front_matter is not None
    entry = loaded.front_matter.root.get("key")
    if entry is None:
        return False
    want = expected(expect["value"], dialect)
    if want is UNCOMPARABLE or expect["type"] in ("binary", "set", "omap", "pairs", "document"):
        return True
    if isinstance(entry.value, Scalar) and type_of(entry.value.value, dialect) != expect["type"]:
        return False
    return _same(actual(entry.value, dialect), want)


def _same(got: Any, want: Any) -> bool:
    if want is UNCOMPARABLE or got is UNCOMPARABLE:
        return want is got
    if isinstance(want, dict) and isinstance(got, dict):
        if any(item is UNCOMPARABLE for item in want.values()):
            want = {key: item for key, item in want.items() if item is not UNCOMPARABLE}
            got = {key: item for key, item in got.items() if key in want}
        return got.keys() == want.keys() and all(_same(got[key], want[key]) for key in want)
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(map(_same, got, want))
    if isinstance(want, tuple) and isinstance(got, tuple) and want[:1] == got[:1]:
        if want[0] in ("number", "float") and "nan" not in (want[1], got[1]):
            return got[1] == want[1] or abs(got[1] - want[1]) <= abs(want[1]) * 1e-15
        return bool(want == got)
    return type(got) is type(want) and got == want
