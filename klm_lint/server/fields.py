"""What the editor is told about front-matter keys: each field of the collection's schema.

`fields_under` is the one place hover and completion read a schema; the rest of the server
sees only `FieldInfo`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klm_lint.site.schema import FieldSpec, ObjectSpec, Schema

_BOOLEAN = ("true", "false")
_TYPES = {
    "string": "text",
    "asset": "a file of the static folders, from the site root (/images/photo.jpg)",
    "url": "a web address",
    "email": "an e-mail address",
    "slug": "a slug: lowercase letters, digits and hyphens",
    "enum": "one of the allowed values",
    "date": "a date, ISO 8601 (2024-01-31)",
    "datetime": "a date and time, ISO 8601 (2024-01-31T09:00:00Z)",
    "date-or-datetime": "a date, ISO 8601 (2024-01-31, or 2024-01-31T09:00:00Z)",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "list": "a list",
    "object": "a mapping of keys and values",
    "map": "a mapping of keys and values",
    "any": "any value",
}
_ROLES = {"draft": "true or false: true keeps the page unpublished"}


@dataclass(frozen=True, slots=True)
class FieldInfo:
    name: str
    kind: str
    """The schema's type: string, boolean, date, asset, enum, list, object, …"""
    required: bool
    values: tuple[str, ...]
    """The values it allows (a list: its items), as written in the front matter; empty: any
    of its kind."""
    impact: str
    """What the site does when the field is wrong."""
    described: str
    """Its type in words (and the schema's description of it)."""

    @property
    def is_mapping(self) -> bool:
        return self.kind in ("object", "map")


def fields_under(schema: Schema, parent: tuple[str, ...]) -> list[FieldInfo]:
    """The fields of the schema under a key path (() for the top level; a list of mappings'
    keys are those of its items), in schema order."""
    found = _object_under(schema, parent)
    if found is None:
        return []
    return [_info(name, spec) for name, spec in found.fields.items()]


def field_at(schema: Schema, path: tuple[str, ...]) -> FieldInfo | None:
    """The field at a key path, if the schema has one."""
    if not path:
        return None
    return next((info for info in fields_under(schema, path[:-1]) if info.name == path[-1]), None)


def hover_text(
    info: FieldInfo, path: tuple[str, ...], collection: str, *, markdown: bool = True
) -> str:
    """The hover of a key, in Markdown (or plain text)."""
    need = "required" if info.required else "optional"
    key = f"**{'.'.join(path)}**" if markdown else ".".join(path)
    lines = [f"{key}: {info.described} ({need} in {collection})"]
    if info.values:
        quote = "`" if markdown else ""
        allowed = ", ".join(f"{quote}{value}{quote}" for value in info.values)
        lines.append(f"Allowed values: {allowed}")
    if info.impact:
        lines.append(f"When it is wrong: {info.impact}.")
    return "\n\n".join(lines)


def _object_under(schema: Schema, parent: tuple[str, ...]) -> ObjectSpec | None:
    current = schema.root
    for key in parent:
        spec = current.fields.get(key)
        while spec is not None and spec.object is None and spec.items is not None:
            spec = spec.items
        if spec is None or spec.object is None:
            return None
        current = spec.object
    return current


def _info(name: str, spec: FieldSpec) -> FieldInfo:
    described = _ROLES.get(spec.role or "") or _TYPES.get(spec.type, spec.type)
    values = _allowed(spec)
    if spec.type == "list" and spec.items is not None:
        described = f"a list of {_TYPES.get(spec.items.type, spec.items.type)}"
    if spec.description:
        described = f"{described}. {spec.description.rstrip('.')}"
    return FieldInfo(name, spec.type, spec.required, values, spec.impact, described)


def _allowed(spec: FieldSpec) -> tuple[str, ...]:
    if spec.type == "list" and spec.items is not None:
        return _allowed(spec.items)
    if spec.type == "boolean":
        return _BOOLEAN
    return tuple(_written(value) for value in spec.values)


def _written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
