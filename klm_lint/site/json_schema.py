"""Schemas to and from JSON Schema (draft 2020-12): for editors and other tools, and for sites
that already describe their front matter in one.

Reading covers the part of JSON Schema the schema language can say (types, properties,
required, additionalProperties, enum, items, lengths and counts, pattern, formats, local $ref)
and says which keywords it ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.site.schema import TEXT_TYPES

if TYPE_CHECKING:
    from klm_lint.site.schema import Bound, FieldSpec, ObjectSpec, Schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_FIELDS = 10_000
"""The most fields a JSON Schema read in may have, once its `$ref` are followed (a reference
followed several times repeats the fields it points to)."""
_FORMATS_IN = {
    "date": "date",
    "date-time": "datetime",
    "email": "email",
    "idn-email": "email",
    "uri": "url",
    "uri-reference": "url",
    "iri": "url",
    "iri-reference": "url",
}
_READ = frozenset(
    {
        "$schema",
        "$id",
        "$ref",
        "$defs",
        "definitions",
        "$comment",
        "title",
        "description",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "enum",
        "const",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "deprecated",
        "anyOf",
        "oneOf",
        "default",
        "examples",
        "markdownDescription",
    }
)


# Writing


def to_json_schema(schema: Schema, title: str = "") -> dict[str, Any]:
    document: dict[str, Any] = {"$schema": DIALECT, "title": title or schema.name}
    if schema.description:
        document["description"] = schema.description
    document.update(_object(schema.root))
    return document


def _object(objects: ObjectSpec) -> dict[str, Any]:
    written: dict[str, Any] = {
        "type": "object",
        "properties": {key: _field(spec) for key, spec in objects.fields.items()},
    }
    required = [key for key, spec in objects.fields.items() if spec.required]
    if required:
        written["required"] = required
    written["additionalProperties"] = objects.unknown == "allow"
    return written


def _field(spec: FieldSpec) -> dict[str, Any]:
    written = _typed(spec)
    words = [part for part in (spec.description, _impact(spec), _empty(spec)) if part]
    if words:
        written["description"] = " ".join(words)
    if spec.deprecated is not None:
        written["deprecated"] = True
    if _null_allowed(spec):
        written = {"anyOf": [written, {"type": "null"}]}
    return written


def _typed(spec: FieldSpec) -> dict[str, Any]:
    kind = spec.type
    if kind == "enum":
        return {"enum": list(spec.values)}
    if kind in TEXT_TYPES:
        written: dict[str, Any] = {"type": "string"}
        if kind == "email":
            written["format"] = "email"
        elif kind == "url":
            written["format"] = "uri-reference"
        elif kind == "slug":
            written["pattern"] = _SLUG
        if spec.pattern is not None:
            written["pattern"] = spec.pattern.text
        _bound(written, "minLength", spec.min_length)
        _bound(written, "maxLength", spec.max_length)
        if spec.empty is None and "minLength" not in written:
            written["minLength"] = 1
        if spec.reference is not None:
            written["enum"] = sorted(spec.reference.entries)
        return written
    if kind == "date":
        return {"type": "string", "format": "date"}
    if kind == "datetime":
        return {"type": "string", "format": "date-time"}
    if kind == "date-or-datetime":
        return {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ]
        }
    if kind in ("boolean", "integer", "number"):
        return {"type": kind}
    if kind == "list":
        written = {"type": "array"}
        if spec.items is not None:
            written["items"] = _field(spec.items)
        _bound(written, "minItems", spec.min_items)
        _bound(written, "maxItems", spec.max_items)
        if spec.unique:
            written["uniqueItems"] = True
        return written
    if kind == "map":
        written = {"type": "object"}
        if spec.items is not None:
            written["additionalProperties"] = _field(spec.items)
        return written
    if kind == "object" and spec.object is not None:
        return _object(spec.object)
    return {}


def _bound(written: dict[str, Any], keyword: str, bound: Bound | None) -> None:
    if bound is not None and bound.severity is None:
        written[keyword] = bound.value


def _impact(spec: FieldSpec) -> str:
    written = spec.impact and not spec.impact.startswith("the site cannot use ")
    return f"When it is wrong, {spec.impact}." if written else ""


def _empty(spec: FieldSpec) -> str:
    if spec.empty:
        return f"May be empty: {spec.empty}."
    return ""


def _null_allowed(spec: FieldSpec) -> bool:
    if spec.empty is not None or spec.nullable:
        return True
    return not spec.required and spec.type not in TEXT_TYPES


# Reading


@dataclass(frozen=True, slots=True)
class Imported:
    raw: dict[str, Any]
    """The schema in the schema language (a root object's `fields` and `unknown`)."""
    description: str
    note: str
    """What was left out: `" (ignored: allOf, if)"`, or ""."""


def from_json_schema(document: dict[str, Any], source: str) -> Imported:
    ignored: set[str] = set()
    reader = _Reader(document, source, ignored)
    root = reader.resolve(document)
    if root.get("type", "object") != "object" or not isinstance(root.get("properties", {}), dict):
        raise ConfigError(f"{source}: the JSON Schema does not describe an object of keys")
    raw = reader.object(root, "")
    note = f" (ignored: {', '.join(sorted(ignored))})" if ignored else ""
    return Imported(raw, str(document.get("description", "")), note)


class _Reader:
    def __init__(self, document: dict[str, Any], source: str, ignored: set[str]) -> None:
        self.document = document
        self.source = source
        self.ignored = ignored
        self.made = 0
        """How many fields were read: a `$ref` followed several times repeats its fields."""

    def resolve(self, node: Any, depth: int = 0) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise ConfigError(f"{self.source}: a schema where a JSON object was expected")
        reference = node.get("$ref")
        if not isinstance(reference, str):
            return node
        if depth > 32 or not reference.startswith("#/"):
            self.ignored.add("$ref (outside this file)")
            return {key: value for key, value in node.items() if key != "$ref"}
        target: Any = self.document
        for part in reference[2:].split("/"):
            target = (
                target.get(part.replace("~1", "/").replace("~0", "~"))
                if isinstance(target, dict)
                else None
            )
        if not isinstance(target, dict):
            raise ConfigError(f"{self.source}: {reference} points to nothing in the file")
        merged = {
            **self.resolve(target, depth + 1),
            **{k: v for k, v in node.items() if k != "$ref"},
        }
        return merged

    def object(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        self._note(node)
        fields: dict[str, Any] = {}
        at = f"{self.source}: {where or 'the root schema'}"
        properties = node.get("properties") or {}
        if not isinstance(properties, dict):
            raise ConfigError(f"{at}: properties is not an object of keys and their schemas")
        listed = node.get("required") or []
        if not isinstance(listed, list) or not all(isinstance(key, str) for key in listed):
            raise ConfigError(f"{at}: required is not a list of key names")
        required = set(listed)
        for key, child in properties.items():
            field = self.field(self.resolve(child), f"{where}.{key}" if where else key)
            if key in required:
                field["required"] = True
            fields[str(key)] = field
        extra = node.get("additionalProperties", True)
        if isinstance(extra, dict):
            self.ignored.add("additionalProperties (as a schema)")
        unknown = "allow" if extra is not False else "error"
        return {"fields": fields, "unknown": unknown}

    def field(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        self.made += 1
        if self.made > MAX_FIELDS:
            raise ConfigError(
                f"{self.source}: the JSON Schema has more than {MAX_FIELDS:,} fields once its "
                "$ref are followed; klm-lint does not read it"
            )
        self._note(node)
        field: dict[str, Any] = {}
        nullable = False
        for key in ("anyOf", "oneOf"):
            options = node.get(key)
            if isinstance(options, list):
                kept = [self.resolve(option) for option in options]
                nulls = [option for option in kept if option.get("type") == "null"]
                others = [option for option in kept if option.get("type") != "null"]
                nullable = nullable or bool(nulls)
                if len(others) == 1:
                    node = {**{k: v for k, v in node.items() if k != key}, **others[0]}
                elif others:
                    formats = {option.get("format") for option in others}
                    if formats == {"date", "date-time"}:
                        node = {"type": "string", "format": "date-or-datetime"}
                    else:
                        self.ignored.add(key)
                        node = {k: v for k, v in node.items() if k != key}
        kind = node.get("type")
        if isinstance(kind, list):
            nullable = nullable or "null" in kind
            rest = [each for each in kind if each != "null"]
            kind = rest[0] if len(rest) == 1 else None
            if len(rest) > 1:
                self.ignored.add("type (several types)")
        if "enum" in node or "const" in node:
            if "enum" in node and not isinstance(node["enum"], list):
                raise ConfigError(f"{self.source}: {where}: enum is not a list of values")
            values = list(node["enum"]) if "enum" in node else [node["const"]]
            field.update(type="enum", values=[value for value in values if value is not None])
            nullable = nullable or None in values
        elif kind == "string":
            format_name = node.get("format")
            field["type"] = (
                "date-or-datetime"
                if format_name == "date-or-datetime"
                else _FORMATS_IN.get(str(format_name), "string")
            )
            if (
                format_name is not None
                and format_name not in _FORMATS_IN
                and format_name != "date-or-datetime"
            ):
                self.ignored.add(f"format {format_name}")
            if field["type"] in TEXT_TYPES:
                for keyword, key in (("minLength", "min-length"), ("maxLength", "max-length")):
                    if isinstance(node.get(keyword), int):
                        field[key] = node[keyword]
                if isinstance(node.get("pattern"), str):
                    field["pattern"] = node["pattern"]
                if node.get("minLength") in (None, 0):
                    field["empty"] = True
        elif kind in ("boolean", "integer", "number"):
            field["type"] = kind
        elif kind == "array":
            field["type"] = "list"
            items = node.get("items")
            if isinstance(items, dict):
                field["items"] = self.field(self.resolve(items), f"{where}[]")
            for keyword, key in (("minItems", "min-items"), ("maxItems", "max-items")):
                if isinstance(node.get(keyword), int):
                    field[key] = node[keyword]
            if node.get("uniqueItems") is True:
                field["unique"] = True
        elif kind == "object" or "properties" in node:
            if "properties" in node:
                field.update(type="object", **self.object(node, where))
            else:
                extra = node.get("additionalProperties")
                field["type"] = "map"
                if isinstance(extra, dict):
                    field["items"] = self.field(self.resolve(extra), f"{where}.*")
        else:
            field["type"] = "any"
        if nullable and field.get("type") != "any":
            field["nullable"] = True
        if isinstance(node.get("description"), str):
            field["description"] = node["description"]
        if node.get("deprecated") is True:
            field["deprecated"] = True
        return field

    def _note(self, node: dict[str, Any]) -> None:
        for key in node:
            if key not in _READ:
                self.ignored.add(str(key))
