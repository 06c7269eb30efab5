"""A schema inferred from a collection's front matter, for `klm-lint init`.

Conservative: only what every file agrees on. A field is typed when every file that has it
writes a value of the same type; it is required when every file has it, filled; it is an enum
when a few short values repeat across many files. A field the collection's schema already
knows keeps its definition; only what that schema lacks is added (and required, when every file
has it). Nothing is made required that some file lacks, so the files inferred from pass the
schema, except where they disagree with the preset's own schema, which knows the generator.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from klm_lint.load.nodes import Mapping, Sequence
from klm_lint.site import dates

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from klm_lint.load.nodes import Node
    from klm_lint.site.schema import FieldSpec, ObjectSpec, Schema

Raw = dict[str, Any]

REQUIRED_FROM = 5
"""Fewer files than this tell too little: none of their keys is made required."""
ENUM_FROM = 6
"""An enum needs a field written in at least this many files..."""
ENUM_MOST = 6
"""...with at most this many values, each written in at least two files."""
_DEPTH = 24
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_NAMED_FILES = 3
"""A note names the files of a minority kind when there are at most this many."""
_GROWN = "the schema's own field, written out with the keys the files add to it"
_WORDS = {
    "string": "text",
    "boolean": "true/false",
    "integer": "a whole number",
    "number": "a number",
    "date": "a date",
    "list": "a list",
    "object": "a mapping",
    "time": "a time",
}


@dataclass(slots=True)
class _Seen:
    """Everything the files write at one place of the front matter."""

    kinds: dict[str, list[str]] = field(default_factory=dict)
    """Each kind of value (string, boolean, …, null, empty) and the files that write it."""
    files: set[str] = field(default_factory=set)
    present: int = 0
    """In how many of the mappings around it the key is."""
    mappings: int = 0
    """How many mappings were seen here (for the keys inside them)."""
    children: dict[str, _Seen] = field(default_factory=dict)
    items: _Seen | None = None
    values: dict[str, set[str]] | None = field(default_factory=dict)
    """Short text values and their files, while they look like an enum's; None once not."""
    url: bool = True
    email: bool = True
    assets: dict[str, int] = field(default_factory=dict)
    """How text values resolve as asset paths: found, missing, invalid, remote, plain."""


@dataclass(frozen=True, slots=True)
class Inferred:
    """What a collection's files add to its schema."""

    files: int
    """The files whose front matter was read."""
    fields: Raw
    """Fields to add or to change, in the schema language (key → field)."""
    required: list[str]
    """Dotted keys of the schema's own fields that every file has, filled."""
    notes: dict[tuple[str, ...], str]
    """A note on a field, by its path in `fields` (`("gallery", "items", "fields", "src")`)."""


def infer(
    roots: Iterable[tuple[str, Mapping]],
    base: Schema,
    base_raw: Raw,
    resolve: Callable[[str], str | None],
) -> Inferred:
    """`roots`: each file's path and front matter; `base`: the collection's schema, with its
    data (`base_raw`); `resolve`: how an asset path resolves (`found`, `missing`, `invalid`
    or None for a remote URL)."""
    top = _Seen()
    for path, root in roots:
        _mapping(top, root, path, resolve, 0)
    out = _Out(top.mappings)
    fields = out.merge(top, base.root, base_raw.get("fields", {}), ())
    return Inferred(top.mappings, fields, out.required, out.notes)


def _mapping(
    seen: _Seen, mapping: Mapping, file: str, resolve: Callable[[str], str | None], depth: int
) -> None:
    seen.mappings += 1
    keys: set[str] = set()
    for entry in mapping.entries:
        key = entry.key.text
        if key in keys:
            continue
        keys.add(key)
        child = seen.children.get(key)
        if child is None:
            child = seen.children[key] = _Seen()
        child.present += 1
        _value(child, entry.value, file, resolve, depth + 1)


def _value(
    seen: _Seen, node: Node, file: str, resolve: Callable[[str], str | None], depth: int
) -> None:
    seen.files.add(file)
    kind = _kind(node)
    seen.kinds.setdefault(kind, []).append(file)
    if depth > _DEPTH:
        return
    if isinstance(node, Mapping):
        _mapping(seen, node, file, resolve, depth)
    elif isinstance(node, Sequence):
        if seen.items is None:
            seen.items = _Seen()
        for item in node.items:
            _value(seen.items, item, file, resolve, depth + 1)
    elif kind == "string":
        assert isinstance(node.value, str)
        _text(seen, node.value.strip(), file, resolve)


def _kind(node: Node) -> str:
    if isinstance(node, Mapping):
        return "object"
    if isinstance(node, Sequence):
        return "list"
    value = node.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    if not value.strip():
        return "empty"
    return "date" if dates.problem(node.text) is None else "string"


def _text(seen: _Seen, value: str, file: str, resolve: Callable[[str], str | None]) -> None:
    seen.url = seen.url and _URL.fullmatch(value) is not None
    seen.email = seen.email and _EMAIL.fullmatch(value) is not None
    if seen.values is not None:
        if _TOKEN.fullmatch(value) and (value in seen.values or len(seen.values) < ENUM_MOST):
            seen.values.setdefault(value, set()).add(file)
        else:
            seen.values = None
    if "/" in value and "." in value.rsplit("/", 1)[-1] and " " not in value:
        status = resolve(value) or "remote"
    else:
        status = "plain"
    seen.assets[status] = seen.assets.get(status, 0) + 1


class _Out:
    """Turns what was seen into the schema language, next to the schema the collection has."""

    def __init__(self, files: int) -> None:
        self.files = files
        self.required: list[str] = []
        self.notes: dict[tuple[str, ...], str] = {}

    def merge(
        self, seen: _Seen, known: ObjectSpec | None, known_raw: Any, at: tuple[str, ...]
    ) -> Raw:
        """The fields to write for the keys of an object: those the schema does not know, and
        those of its own objects that gain keys. `at`: the path in the written fields."""
        fields: Raw = {}
        for key, child in seen.children.items():
            spec = known.fields.get(key) if known is not None else None
            if spec is None:
                fields[key] = self.field(child, seen, (*at, key))
                continue
            dotted = _dotted(at)
            if dotted is not None and self._required(child, seen) and not spec.required:
                self.required.append(".".join((*dotted, key)))
            written = self._grown(child, spec, _raw(known_raw, key), (*at, key))
            if written is not None:
                fields[key] = written
        return fields

    def _grown(
        self, seen: _Seen, spec: FieldSpec, raw: Raw | None, at: tuple[str, ...]
    ) -> Raw | None:
        """The schema's own field written out with the keys its files add (None when they add
        none); keys of its objects that every file has are required on top."""
        if spec.object is not None and seen.kinds.keys() == {"object"}:
            new = set(seen.children) - set(spec.object.fields)
            if raw is None or not new or spec.object.unknown == "allow":
                self._required_inside(seen, spec.object, (*at, "fields"))
                return None
            added = self.merge(seen, spec.object, raw.get("fields", {}), (*at, "fields"))
            self.notes[at] = _GROWN
            return {**raw, "fields": {**raw.get("fields", {}), **added}}
        items = spec.items
        if (
            raw is not None
            and seen.items is not None
            and items is not None
            and items.object is not None
            and items.object.unknown != "allow"
            and set(seen.items.children) - set(items.object.fields)
        ):
            items_raw = _raw(raw, "items") or {}
            added = self.merge(
                seen.items, items.object, items_raw.get("fields", {}), (*at, "items", "fields")
            )
            grown = {**items_raw, "fields": {**items_raw.get("fields", {}), **added}}
            self.notes[at] = _GROWN
            return {**raw, "items": grown}
        return None

    def _required_inside(self, seen: _Seen, known: ObjectSpec, at: tuple[str, ...]) -> None:
        """Keys of the schema's own object that every file has: required on top."""
        dotted = _dotted(at)
        for key, child in seen.children.items():
            spec = known.fields.get(key)
            if spec is None:
                continue
            if dotted is not None and self._required(child, seen) and not spec.required:
                self.required.append(".".join((*dotted, key)))
            if spec.object is not None and child.kinds.keys() == {"object"}:
                self._required_inside(child, spec.object, (*at, key, "fields"))

    def field(self, seen: _Seen, parent: _Seen, at: tuple[str, ...]) -> Raw:
        spec, note = self._typed(seen, at)
        if self._required(seen, parent):
            spec["required"] = True
        if "null" in seen.kinds and spec.get("type") != "any":
            spec["nullable"] = True
        if "empty" in seen.kinds and spec.get("type") != "any":
            spec["empty"] = True
        if len(at) == 1:
            having = len(seen.files)
            count = (
                "in every file" if having == self.files else f"in {having} of {self.files} files"
            )
            note = f"{count}; {note}" if note else count
        if note:
            self.notes[at] = note
        return spec

    def _required(self, seen: _Seen, parent: _Seen) -> bool:
        return (
            parent.mappings >= REQUIRED_FROM
            and seen.present == parent.mappings
            and "null" not in seen.kinds
            and "empty" not in seen.kinds
        )

    def _typed(self, seen: _Seen, at: tuple[str, ...]) -> tuple[Raw, str]:
        kinds = {kind for kind in seen.kinds if kind not in ("null", "empty")}
        if not kinds:
            return {"type": "any"}, "always empty"
        if len(kinds) > 1:
            if kinds == {"integer", "number"}:
                return {"type": "number"}, ""
            return {"type": "any"}, _disagree(seen, kinds)
        kind = kinds.pop()
        if kind in ("boolean", "integer", "number"):
            return {"type": kind}, ""
        if kind == "date":
            return {"type": "date-or-datetime"}, ""
        if kind == "string":
            return _refined(seen)
        if kind == "list":
            spec: Raw = {"type": "list"}
            if seen.items is not None and seen.items.kinds:
                spec["items"] = self._item(seen.items, (*at, "items"))
            return spec, ""
        if kind == "object":
            return {"type": "object", "fields": self.merge(seen, None, {}, (*at, "fields"))}, ""
        return {"type": "any"}, ""

    def _item(self, seen: _Seen, at: tuple[str, ...]) -> Raw:
        spec, note = self._typed(seen, at)
        if "null" in seen.kinds and spec.get("type") != "any":
            spec["nullable"] = True
        if "empty" in seen.kinds and spec.get("type") != "any":
            spec["empty"] = True
        if note:
            self.notes[at] = note
        return spec


def _refined(seen: _Seen) -> tuple[Raw, str]:
    """Text: an asset path, a URL, an email address, one of a few values, or any text."""
    assets = seen.assets
    local = sum(assets.get(status, 0) for status in ("found", "missing", "case-mismatch"))
    if (
        local
        and assets.get("found", 0) * 2 >= local
        and not assets.get("invalid")
        and not assets.get("plain")
    ):
        return {"type": "asset"}, ""
    if seen.url:
        return {"type": "url"}, ""
    if seen.email:
        return {"type": "email"}, ""
    values = seen.values
    if (
        values is not None
        and len(seen.files) >= ENUM_FROM
        and len(values) >= 2
        and all(len(files) >= 2 for files in values.values())
    ):
        ordered = sorted(values, key=lambda value: (-len(values[value]), value))
        return {"type": "enum", "values": ordered}, "a few values, each in several files"
    return {"type": "string"}, ""


def _disagree(seen: _Seen, kinds: set[str]) -> str:
    """Which kinds of value the files write, naming the files of the rarer ones."""
    counted = sorted(kinds, key=lambda kind: (-len(seen.kinds[kind]), kind))
    parts = []
    for kind in counted:
        files = sorted(set(seen.kinds[kind]))
        if kind != counted[0] and len(files) <= _NAMED_FILES:
            parts.append(f"{_WORDS.get(kind, kind)} in {', '.join(files)}")
        else:
            parts.append(f"{_WORDS.get(kind, kind)} in {len(files)} file{'s' * (len(files) > 1)}")
    return "the files disagree (" + "; ".join(parts) + "), so any value is allowed"


def _raw(container: Any, key: str) -> Raw | None:
    """A field's data as its schema writes it (a table); None for a type name alone."""
    value = container.get(key) if isinstance(container, dict) else None
    return dict(value) if isinstance(value, dict) else None


def _dotted(at: tuple[str, ...]) -> tuple[str, ...] | None:
    """The dotted key of the object whose fields are at this place of the written fields
    (`("author", "fields")` → `("author",)`), when it is reached through objects alone, as a
    collection's `required` can name it; None inside a list."""
    parts: list[str] = []
    for index in range(0, len(at), 2):
        if at[index + 1 : index + 2] != ("fields",):
            return None
        parts.append(at[index])
    return tuple(parts)
