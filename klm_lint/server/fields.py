"""What the editor is told about front-matter keys: each field of the collection's schema.

`fields_under` is the one place hover and completion read a schema; the rest of the server
sees only `FieldInfo`.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from klm_lint.site.schema import Schema

_BOOLEAN = ("true", "false")
_KINDS = {
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "date": "a date, ISO 8601 (2024-01-31, or 2024-01-31T09:00:00Z)",
    "asset": "a file of the static folders, from the site root (/images/photo.jpg)",
    "string-list": "a list of text",
    "list": "a list",
    "mapping": "a mapping of keys and values",
    "any": "any value",
    "draft": "true or false: true keeps the page unpublished",
    "author": "the author: a mapping with name and avatar",
}


@dataclass(frozen=True, slots=True)
class FieldInfo:
    name: str
    kind: str
    """The schema's kind: string, boolean, date, asset, string-list, mapping, …"""
    required: bool
    values: tuple[str, ...]
    """The values it allows, as written in the front matter; empty: any of its kind."""
    impact: str
    """What the site does when the field is wrong."""

    @property
    def described(self) -> str:
        return _KINDS.get(self.kind, self.kind)

    @property
    def is_mapping(self) -> bool:
        return self.kind in ("mapping", "author")


def fields_under(schema: Schema, parent: tuple[str, ...]) -> list[FieldInfo]:
    """The fields of the schema under a key path (() for the top level), in schema order."""
    return [
        FieldInfo(
            path[-1], spec.kind, spec.required, _allowed(schema, path, spec.kind), spec.impact
        )
        for path, spec in schema.fields.items()
        if path[:-1] == parent
    ]


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
    lines.append(f"When it is wrong: {info.impact}.")
    return "\n\n".join(lines)


def _allowed(schema: Schema, path: tuple[str, ...], kind: str) -> tuple[str, ...]:
    if kind in ("boolean", "draft"):
        return _BOOLEAN
    annotation = _annotation(schema, path)
    choices = _literal_choices(annotation)
    return tuple(_written(choice) for choice in choices)


def _annotation(schema: Schema, path: tuple[str, ...]) -> Any:
    model: Any = schema.model
    annotation: Any = None
    for key in path:
        fields = getattr(model, "model_fields", None)
        if not isinstance(fields, dict) or key not in fields:
            return None
        annotation = fields[key].annotation
        model = annotation
    return annotation


def _literal_choices(annotation: Any) -> tuple[object, ...]:
    """The values of a Literal annotation, or of a Literal in an Optional one."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return typing.get_args(annotation)
    if origin is not None:
        for argument in typing.get_args(annotation):
            if typing.get_origin(argument) is Literal:
                return typing.get_args(argument)
    return ()


def _written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
