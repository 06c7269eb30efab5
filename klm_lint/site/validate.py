"""Checking a front matter against its schema, node by node, so that every complaint knows the
exact key, value or list item it is about, and its path (`testimonial.list[3].avatar`).

The field rules (checks/fields.py, checks/values.py) turn the issues into findings; the date,
draft and asset rules judge the values collected here, at whatever depth their fields are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.records import field, mutable_record, value_record
from klm_lint.site.schema import DATE_TYPES, TEXT_TYPES

if TYPE_CHECKING:
    from klm_lint.findings import Severity
    from klm_lint.load.nodes import Entry, Node
    from klm_lint.site.schema import Bound, FieldSpec, ObjectSpec, Schema

IssueKind = Literal[
    "missing",
    "type",
    "unknown",
    "empty",
    "value",
    "reference",
    "length",
    "items",
    "unique",
    "format",
    "pattern",
    "deprecated",
]
Path = tuple[str | int, ...]

_EMAIL = lazy_pattern(r"\A[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+\Z")
_SLUG = lazy_pattern(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_URL = lazy_pattern(r"\A(?:[A-Za-z][A-Za-z0-9+.-]*:|/|\.{1,2}/|#|\?)\S*\Z")
"""An absolute URL, a path from the site root, a relative path with ./ or ../, a fragment or a
query: anything a link can hold, without spaces."""


@value_record
class Issue:
    kind: IssueKind
    path: Path
    spec: FieldSpec | None
    """The field the issue is about; None for a key the schema does not know."""
    node: Node | None
    """The value at fault; None for a missing key."""
    entry: Entry | None
    """The mapping entry of the key, when the value has one (not a list item)."""
    parent: Entry | None = None
    """For a missing key: the entry of the mapping it is missing from (None: the root, or an
    item of a list)."""
    within: Mapping | None = None
    """For a missing key: the mapping it is missing from."""
    expected: str = ""
    """For a type issue: what the site expects, in words."""
    bound: Bound | None = None
    objects: ObjectSpec | None = None
    """For an unknown key: the object that does not list it."""
    severity: Severity | None = None


@value_record
class Valued:
    """A value of a field some rule judges on its own (a date, an asset, a draft flag)."""

    spec: FieldSpec
    node: Node
    path: Path


@mutable_record
class Checked:
    issues: list[Issue] = field(default_factory=list)
    dates: list[Valued] = field(default_factory=list)
    assets: list[Valued] = field(default_factory=list)
    drafts: list[Valued] = field(default_factory=list)
    urls: list[Valued] = field(default_factory=list)
    """Values of url fields in the url format (links the whole-site rules follow)."""


def is_empty(node: Node) -> bool:
    return isinstance(node, Scalar) and (
        node.value is None or (isinstance(node.value, str) and not node.value.strip())
    )


def validate(schema: Schema, root: Mapping) -> Checked:
    checked = Checked()
    _object(checked, schema.root, root, (), None)
    return checked


def _object(
    checked: Checked, objects: ObjectSpec, mapping: Mapping, path: Path, parent: Entry | None
) -> None:
    """`parent`: the entry whose value the mapping is (None for the root and list items)."""
    present = {entry.key.text: entry for entry in mapping.entries}
    fields = objects.fields
    for key, entry in present.items():
        spec = fields.get(key)
        if spec is None:
            if objects.unknown != "allow":
                checked.issues.append(
                    Issue("unknown", (*path, key), None, entry.value, entry, objects=objects)
                )
            continue
        _value(checked, spec, entry.value, (*path, key), entry)
    for key, spec in fields.items():
        if spec.required and key not in present:
            checked.issues.append(
                Issue("missing", (*path, key), spec, None, None, parent, within=mapping)
            )


def _value(checked: Checked, spec: FieldSpec, node: Node, path: Path, entry: Entry | None) -> None:
    issues = checked.issues
    if spec.deprecated is not None and entry is not None:
        issues.append(Issue("deprecated", path, spec, node, entry, severity=spec.severity))
    scalar = node if isinstance(node, Scalar) else None
    if scalar is not None and (  # is_empty(node), inline: it runs for every value
        scalar.value is None or (isinstance(scalar.value, str) and not scalar.value.strip())
    ):
        if _empty_is_wrong(spec, node):
            issues.append(Issue("empty", path, spec, node, entry, severity=spec.severity))
        return
    kind = spec.type
    if kind == "any":
        return
    if kind in DATE_TYPES:
        checked.dates.append(Valued(spec, node, path))
        return
    if spec.role is not None:
        checked.drafts.append(Valued(spec, node, path))
        return
    if scalar is not None and kind in TEXT_TYPES and isinstance(scalar.value, str):
        _text(checked, spec, node, path, entry)  # _expected(spec, node) is "" for these
        return
    expected = _expected(spec, node)
    if expected:
        issues.append(
            Issue("type", path, spec, node, entry, expected=expected, severity=spec.severity)
        )
        return
    if kind in TEXT_TYPES:
        _text(checked, spec, node, path, entry)
    elif kind == "list":
        assert isinstance(node, Sequence)
        _items(checked, spec, node.items, path, node, entry)
        if spec.unique:
            _unique(checked, spec, node, path, entry)
    elif kind == "map":
        assert isinstance(node, Mapping)
        _items(checked, spec, [each.value for each in node.entries], path, node, entry, node)
    elif kind == "object" and spec.object is not None:
        assert isinstance(node, Mapping)
        _object(checked, spec.object, node, path, entry)


def _empty_is_wrong(spec: FieldSpec, node: Node) -> bool:
    if spec.empty is not None:
        return False
    if spec.nullable and isinstance(node, Scalar) and node.value is None:
        return False
    return spec.required or spec.type in TEXT_TYPES


def _expected(spec: FieldSpec, node: Node) -> str:
    """What the site expects instead, when the value has the wrong type; "" when it fits."""
    kind = spec.type
    if kind in ("list",):
        return "" if isinstance(node, Sequence) else "a list"
    if kind in ("object", "map"):
        return "" if isinstance(node, Mapping) else "a mapping of keys and values"
    if not isinstance(node, Scalar):
        return _SCALAR_EXPECTED.get(kind, "text")
    value = node.value
    if kind == "enum":
        return "" if not isinstance(value, (list, dict)) else "one of its values"
    if kind in TEXT_TYPES:
        return "" if isinstance(value, str) else "text"
    if kind == "boolean":
        return "" if isinstance(value, bool) else "true or false"
    if kind == "integer":
        return "" if isinstance(value, int) and not isinstance(value, bool) else "a whole number"
    if kind == "number":
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        return "" if numeric else "a number"
    return ""


_SCALAR_EXPECTED = {
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "enum": "one of its values",
}


def _text(checked: Checked, spec: FieldSpec, node: Node, path: Path, entry: Entry | None) -> None:
    assert isinstance(node, Scalar)
    issues = checked.issues
    value = node.value
    if spec.type == "enum":
        if value not in spec.values:
            issues.append(Issue("value", path, spec, node, entry, severity=spec.severity))
        return
    assert isinstance(value, str)
    text = value.strip()
    if spec.type == "asset":
        checked.assets.append(Valued(spec, node, path))
    elif spec.type in ("url", "email", "slug") and not _FORMATS[spec.type].fullmatch(text):
        issues.append(Issue("format", path, spec, node, entry, severity=spec.severity))
        return
    if spec.type == "url":
        checked.urls.append(Valued(spec, node, path))
    if spec.pattern is not None and not spec.pattern.matches(value):  # type: ignore[operator]
        issues.append(Issue("pattern", path, spec, node, entry, severity=spec.severity))
    low, high = spec.min_length, spec.max_length
    if low is not None and len(value) < low.value:
        _out_of_bounds(issues, "length", path, spec, node, entry, low)
    if high is not None and len(value) > high.value:
        _out_of_bounds(issues, "length", path, spec, node, entry, high)
    if spec.reference is not None and text not in spec.reference.entries:
        issues.append(Issue("reference", path, spec, node, entry, severity=spec.severity))


_FORMATS = {"url": _URL, "email": _EMAIL, "slug": _SLUG}


def _out_of_bounds(
    issues: list[Issue],
    kind: IssueKind,
    path: Path,
    spec: FieldSpec,
    node: Node,
    entry: Entry | None,
    bound: Bound,
) -> None:
    severity = bound.severity or spec.severity
    issues.append(Issue(kind, path, spec, node, entry, bound=bound, severity=severity))


def _items(
    checked: Checked,
    spec: FieldSpec,
    items: list[Node] | tuple[Node, ...],
    path: Path,
    node: Node,
    entry: Entry | None,
    mapping: Mapping | None = None,
) -> None:
    low, high = spec.min_items, spec.max_items
    if low is not None and len(items) < low.value:
        _out_of_bounds(checked.issues, "items", path, spec, node, entry, low)
    if high is not None and len(items) > high.value:
        _out_of_bounds(checked.issues, "items", path, spec, node, entry, high)
    if spec.items is None:
        return
    if mapping is not None:
        for each in mapping.entries:
            _value(checked, spec.items, each.value, (*path, each.key.text), each)
        return
    for index, item in enumerate(items):
        _value(checked, spec.items, item, (*path, index), None)


def _unique(
    checked: Checked, spec: FieldSpec, node: Sequence, path: Path, entry: Entry | None
) -> None:
    seen: set[object] = set()
    for index, item in enumerate(node.items):
        if not isinstance(item, Scalar):
            continue
        key = (type(item.value).__name__, item.value)
        if key in seen:
            checked.issues.append(
                Issue("unique", (*path, index), spec, item, entry, severity=spec.severity)
            )
        seen.add(key)
