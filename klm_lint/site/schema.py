"""The post and page schemas (pydantic models) and what the site does with each field.

A field's kind says which rule judges its value: `date` fields are read by KLM103, `draft` by
KLM104, `asset` fields by KLM201-KLM203; the schema itself (pydantic, strict) judges the types of
the rest. Each field's `impact` says, for authors, what the site does when the field is wrong.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from klm_lint.errors import ConfigError

if TYPE_CHECKING:
    from typing import TypeAlias

    from pydantic.config import JsonDict
    from pydantic.fields import FieldInfo

    from klm_lint.config.model import CollectionConfig, FieldKind

    Kind: TypeAlias = FieldKind | Literal["draft", "author"]
    """The config's field kinds, and two only the built-in schemas use."""


def _field(kind: Kind, impact: str, *, required: bool = False) -> Any:
    extra: JsonDict = {"kind": kind, "impact": impact}
    if required:
        return Field(json_schema_extra=extra)
    return Field(default=None, json_schema_extra=extra)


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: str = _field("string", "the post's byline is blank", required=True)
    avatar: str | None = _field("asset", "the byline shows a broken avatar picture")


class Post(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    title: str = _field("string", "the post's card and page have no heading", required=True)
    description: str | None = _field("string", "search results and link previews get no summary")
    meta_title: str | None = _field("string", "the browser tab and search results lose the title")
    image: str | None = _field("asset", "the post's card shows a broken image")
    author: Author = _field("author", "the post shows no byline", required=True)
    date: Any = _field("date", "the site cannot date or sort the post and hides it", required=True)
    lastmod: Any = _field("date", "the site cannot show when the post was last updated")
    draft: Any = _field(
        "draft",
        "the site publishes posts that have no draft flag, so an unfinished post can go live",
        required=True,
    )
    categories: list[str] | None = _field(
        "string-list", "the site cannot list the post under its categories"
    )
    tags: list[str] | None = _field("string-list", "the site cannot list the post under its tags")
    url: str | None = _field("string", "the post gets no address of its own")


class Page(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)
    title: str = _field("string", "the page has no heading", required=True)
    meta_title: str | None = _field("string", "the browser tab and search results lose the title")
    description: str | None = _field("string", "search results and link previews get no summary")
    image: str | None = _field("asset", "the page shows a broken image")
    layout: str | None = _field("string", "the site cannot pick the page's layout")
    draft: Any = _field("draft", "the site cannot tell whether to publish the page")


_BASE_MODELS: dict[str, type[BaseModel]] = {"post": Post, "page": Page}
_ANNOTATIONS: dict[str, Any] = {
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": float,
    "date": Any,
    "asset": str,
    "string-list": list[str],
    "list": list[Any],
    "mapping": dict[str, Any],
    "any": Any,
}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    path: tuple[str, ...]
    kind: Kind
    required: bool
    impact: str

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    """One complaint of the schema: a missing key, an unknown key, or a value of the wrong type."""

    type: Literal["missing", "unknown", "type"]
    path: tuple[str | int, ...]
    expected: str
    value: object


class Schema:
    """A collection's schema: its pydantic model and its fields by key path."""

    def __init__(self, name: str, model: type[BaseModel]) -> None:
        self.name = name
        self.model = model
        self.closed = model.model_config.get("extra") == "forbid"
        self.fields: dict[tuple[str, ...], FieldSpec] = {}
        self._collect(model, ())
        self._of_kind: dict[tuple[Kind, ...], list[FieldSpec]] = {}
        self.must_be_filled = [
            spec
            for spec in self.fields.values()
            if spec.required or spec.kind in ("string", "asset")
        ]
        """The fields an empty value is wrong for: required ones, and text and asset fields."""

    @classmethod
    def build(cls, collection: CollectionConfig, default: str) -> Schema:
        name = collection.schema_name or default
        extra = {tuple(key.split(".")): kind for key, kind in collection.fields.items()}
        required = {tuple(key.split(".")) for key in collection.required}
        schema = cls(name, _derive(_BASE_MODELS[name], (), extra, required))
        for path in sorted(required | set(extra)):
            if path not in schema.fields:
                raise ConfigError(
                    f"the config names {'.'.join(path)}, but {'.'.join(path[:-1])} is not a "
                    f"mapping field of the {name} schema; declare it in fields first"
                )
        return schema

    def _collect(self, model: type[BaseModel], prefix: tuple[str, ...]) -> None:
        for key, info in model.model_fields.items():
            path = (*prefix, key)
            extra = _field_extra(info)
            kind: Kind = extra.get("kind", "any")
            impact = str(extra.get("impact", f"the site cannot use {'.'.join(path)}"))
            self.fields[path] = FieldSpec(path, kind, info.is_required(), impact)
            nested = _nested_model(info)
            if nested is not None:
                self._collect(nested, path)

    def fields_of_kind(self, *kinds: Kind) -> list[FieldSpec]:
        found = self._of_kind.get(kinds)
        if found is None:
            found = self._of_kind[kinds] = [s for s in self.fields.values() if s.kind in kinds]
        return found

    def known_keys(self, parent: tuple[str, ...]) -> list[str]:
        return [path[-1] for path in self.fields if path[:-1] == parent]

    def suggest(self, parent: tuple[str, ...], key: str) -> str | None:
        lowered = {known.lower(): known for known in self.known_keys(parent)}
        if key.lower() in lowered:
            return lowered[key.lower()]
        close = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.6)
        return lowered[close[0]] if close else None

    def validate(self, data: object) -> list[SchemaIssue]:
        try:
            self.model.model_validate(data)
        except ValidationError as error:
            return [_issue(detail) for detail in error.errors(include_url=False)]
        return []


def _issue(detail: Any) -> SchemaIssue:
    kind = detail["type"]
    path = tuple(part for part in detail["loc"] if not isinstance(part, str) or "[" not in part)
    if kind == "missing":
        return SchemaIssue("missing", path, "", None)
    if kind == "extra_forbidden":
        return SchemaIssue("unknown", path, "", detail.get("input"))
    return SchemaIssue("type", path, _EXPECTED.get(kind, kind), detail.get("input"))


_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
}


def _nested_model(info: FieldInfo) -> type[BaseModel] | None:
    annotation = info.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _derive(
    model: type[BaseModel],
    prefix: tuple[str, ...],
    extra: dict[tuple[str, ...], FieldKind],
    required: set[tuple[str, ...]],
) -> type[BaseModel]:
    """The model with the configured extra fields and required keys, nested ones included."""
    mine = {path for path in (*extra, *required) if path[: len(prefix)] == prefix}
    if not mine:
        return model
    definitions: dict[str, Any] = {}
    for key, info in model.model_fields.items():
        path = (*prefix, key)
        annotation: Any = info.annotation
        nested = _nested_model(info)
        if nested is not None:
            annotation = _derive(nested, path, extra, required)
        if path in extra:
            impact = _field_extra(info).get("impact")
            required_here = path in required or info.is_required()
            definitions[key] = _extra_field(path, extra[path], required_here, str(impact or ""))
            continue
        field = copy.copy(info)
        if path in required and not info.is_required():
            field = Field(json_schema_extra=info.json_schema_extra)
            annotation = _unoptional(annotation)
        definitions[key] = (annotation, field)
    for path, kind in extra.items():
        if path[:-1] == prefix and path[-1] not in definitions:
            definitions[path[-1]] = _extra_field(path, kind, path in required)
    for path in required:
        if path[:-1] == prefix and path[-1] not in definitions:
            definitions[path[-1]] = _extra_field(path, "any", True)
    return create_model(model.__name__, __config__=model.model_config, **definitions)


def _field_extra(info: FieldInfo) -> dict[str, Any]:
    return info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}


def _extra_field(
    path: tuple[str, ...], kind: FieldKind, required: bool, impact: str = ""
) -> tuple[Any, Any]:
    impact = impact or f"the site cannot use {'.'.join(path)}"
    annotation = _ANNOTATIONS[kind]
    return (annotation if required else annotation | None, _field(kind, impact, required=required))


def _unoptional(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", None)
    if args and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation
