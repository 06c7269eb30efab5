"""Compiling schemas from the schema language (plain data: the preset's TOML, or a config the
config model has validated) into `site/schema.py`'s values.

Named schemas may extend each other; a collection may add or change fields; a schema may come
from a file (a TOML schema file, or a JSON Schema file). Everything that cannot be a schema is a
ConfigError that names where it is written.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.findings import Severity
from klm_lint.site.declared import SOURCES, is_declared, read_declared
from klm_lint.site.schema import (
    DATE_TYPES,
    ITEM,
    TEXT_TYPES,
    Bound,
    FieldSpec,
    ObjectSpec,
    Pattern,
    Schema,
    dotted_path,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from klm_lint.site.references import Reference

Raw = dict[str, Any]

TYPES = frozenset(
    {*TEXT_TYPES, *DATE_TYPES, "boolean", "integer", "number", "list", "object", "map", "any"}
)
SHORTHANDS: dict[str, Raw] = {
    **{name: {"type": name} for name in TYPES if name not in ("enum",)},
    "string-list": {"type": "list", "items": "string"},
    "mapping": {"type": "object", "unknown": "allow"},
}
"""A field written as a type name alone, and the older kinds of a collection's `fields`."""
_KEYS = frozenset(
    {
        "type",
        "required",
        "nullable",
        "empty",
        "impact",
        "description",
        "role",
        "values",
        "pattern",
        "min-length",
        "max-length",
        "min-items",
        "max-items",
        "unique",
        "items",
        "fields",
        "extends",
        "unknown",
        "severity",
        "deprecated",
        "ref",
        "ref-key",
    }
)
_ONLY_FOR: dict[str, frozenset[str]] = {
    "values": frozenset({"enum"}),
    "pattern": TEXT_TYPES,
    "min-length": TEXT_TYPES,
    "max-length": TEXT_TYPES,
    "min-items": frozenset({"list", "map"}),
    "max-items": frozenset({"list", "map"}),
    "unique": frozenset({"list"}),
    "items": frozenset({"list", "map"}),
    "fields": frozenset({"object"}),
    "extends": frozenset({"object"}),
    "unknown": frozenset({"object"}),
    "role": frozenset({"boolean"}),
    "ref": frozenset({"string", "slug", "enum"}),
    "ref-key": frozenset({"string", "slug", "enum"}),
}


class SchemaLibrary:
    """Every named schema of a run (the preset's, the config's), compiled on first use."""

    def __init__(
        self,
        root: Path,
        named: Mapping[str, Raw],
        sources: Mapping[str, str],
        *,
        read_reference: Any = None,
    ) -> None:
        self.root = root
        self._named = dict(named)
        self._sources = dict(sources)
        self._compiled: dict[str, Schema] = {}
        self._references: dict[tuple[str, str | None], Reference] = {}

    @property
    def names(self) -> list[str]:
        return sorted(self._named)

    def get(self, name: str, where: str) -> Schema:
        """A schema by name or file (`where` names the config key that asks, for errors)."""
        if name in self._compiled:
            return self._compiled[name]
        if name.endswith((".json", ".toml")) and not is_declared(name):
            schema = self._from_file(name, where)
        elif name in self._named:
            schema = self._compile(name, [])
        elif is_declared(name):
            self._declare(name, where)
            schema = self._compile(name, [])
        else:
            known = ", ".join(self.names)
            raise ConfigError(
                f"{where}: no schema named {name!r}{_did_you_mean(name, self.names)}; the "
                f"schemas are {known}, a .toml or .json schema file, or one the site declares "
                f"({', '.join(f'{kind}:NAME' for kind in SOURCES)})"
            )
        self._compiled[name] = schema
        return schema

    def with_changes(
        self, base: Schema, required: list[str], fields: Mapping[str, Any], where: str
    ) -> Schema:
        """A collection's schema: its base with fields added or changed, and keys required."""
        if not required and not fields:
            return base
        raw = self._raw_schema(base.name, []) if base.name in self._named else None
        root_fields: Raw = dict(raw.get("fields", {})) if raw is not None else {}
        changed = _as_raw_fields(base) if raw is None else root_fields
        for key, value in fields.items():
            new = _raw_field(_legacy(value))
            old = changed.get(key)
            if old is not None and "impact" not in new:
                impact = _raw_field(old).get("impact")
                if impact:
                    new["impact"] = impact
            changed[key] = new
        for dotted in required:
            _require(changed, dotted.split("."), where, base.name)
        unknown = base.root.unknown
        objects = _compile_object(self, {"fields": changed, "unknown": unknown}, (), where)
        return Schema(
            base.name,
            objects,
            base.description,
            f"{base.source}, changed by {where}",
            base.extends,
        )

    def reference(self, relative: str, key: str | None) -> Reference:
        from klm_lint.site.references import load_reference

        found = self._references.get((relative, key))
        if found is None:
            found = self._references[(relative, key)] = load_reference(self.root, relative, key)
        return found

    def _compile(self, name: str, chain: list[str]) -> Schema:
        raw = self._raw_schema(name, chain)
        where = name if is_declared(name) else f"schemas.{name}"
        extends = _extends_chain(self._named, name)
        objects = _compile_object(self, raw, (), where)
        return Schema(
            name,
            objects,
            str(raw.get("description", "")),
            self._sources.get(name, ""),
            tuple(extends),
        )

    def _raw_schema(self, name: str, chain: list[str]) -> Raw:
        """The schema's data with what it extends merged in (its own fields win)."""
        if name in chain:
            cycle = " → ".join([*chain, name])
            raise ConfigError(f"schemas.{name}: extends goes round in a circle ({cycle})")
        if name not in self._named and is_declared(name):
            self._declare(name, f"schemas.{chain[-1]}.extends")
        if name not in self._named:
            raise ConfigError(
                f"schemas.{chain[-1]}: extends {name!r}, and there is no schema of that "
                f"name{_did_you_mean(name, self.names)}"
            )
        raw = self._named[name]
        base_name = raw.get("extends")
        if base_name is None:
            return raw
        base = self._raw_schema(str(base_name), [*chain, name])
        merged = {**base, **{key: value for key, value in raw.items() if key != "fields"}}
        merged["fields"] = {**base.get("fields", {}), **raw.get("fields", {})}
        merged.pop("extends", None)
        return merged

    def raw(self, name: str) -> Raw:
        """A named schema's data, with what it extends merged in."""
        return self._raw_schema(name, [])

    def _declare(self, name: str, where: str) -> None:
        """Reads a schema the site declares (`decap:blog`) into the named ones, so that a
        collection may change it and a schema may extend it."""
        declared = read_declared(self.root, name, where)
        self._named[name] = declared.raw
        self._sources[name] = declared.origin

    def _from_file(self, relative: str, where: str) -> Schema:
        from klm_lint.site.data_files import read_data_file

        data = read_data_file(self.root, relative, "schema")
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: {relative} is not a schema (a table of fields)")
        if relative.endswith(".json"):
            from klm_lint.site.json_schema import from_json_schema

            imported = from_json_schema(data, relative)
            return Schema(
                relative,
                _compile_object(self, imported.raw, (), relative),
                imported.description,
                relative + imported.note,
            )
        from klm_lint.config.model import SchemaSpec
        from klm_lint.config.validation import validated

        validated(SchemaSpec, data, relative)
        name = relative
        self._named[name] = data
        self._sources[name] = relative
        return self._compile(name, [])


def _extends_chain(named: Mapping[str, Raw], name: str) -> list[str]:
    chain = []
    current = named.get(name, {}).get("extends")
    while isinstance(current, str) and current not in chain and current in named:
        chain.append(current)
        current = named[current].get("extends")
    return chain


def _as_raw_fields(schema: Schema) -> Raw:
    raise ConfigError(
        f"{schema.source}: a schema read from a file cannot be changed with a collection's "
        "fields or required; write the change in the file"
    )


def _legacy(value: Any) -> Any:
    """A collection's `fields` keep their older meaning: `date` takes a time too."""
    return "date-or-datetime" if value == "date" else value


def _require(fields: Raw, keys: list[str], where: str, schema: str) -> None:
    key = keys[0]
    if len(keys) == 1:
        current = fields.get(key)
        spec = _raw_field(current) if current is not None else {"type": "any"}
        fields[key] = {**spec, "required": True}
        return
    parent = fields.get(key)
    parent_raw = _raw_field(parent) if parent is not None else None
    if parent_raw is None or parent_raw.get("type") != "object":
        raise ConfigError(
            f"the config names {'.'.join([key, *keys[1:]])}, but {key} is not a mapping field "
            f"of the {schema} schema; declare it in fields first"
        )
    children = dict(parent_raw.get("fields", {}))
    _require(children, keys[1:], where, schema)
    fields[key] = {**parent_raw, "fields": children}


def _raw_field(value: Any) -> Raw:
    if isinstance(value, str):
        return copy.deepcopy(SHORTHANDS[value]) if value in SHORTHANDS else {"type": value}
    return dict(value)


def _compile_object(
    library: SchemaLibrary, raw: Raw, path: tuple[str, ...], where: str
) -> ObjectSpec:
    fields_raw = raw.get("fields", {}) or {}
    if not isinstance(fields_raw, dict):
        raise ConfigError(f"{where}.fields: a table of fields, one per key")
    unknown = str(raw.get("unknown") or "warning")
    fields = {
        str(key): _compile_field(
            library, value, (*path, str(key)), f"{where}.fields.{key}", unknown
        )
        for key, value in fields_raw.items()
    }
    return ObjectSpec(fields, unknown)  # type: ignore[arg-type]


def _compile_field(
    library: SchemaLibrary,
    value: Any,
    path: tuple[str, ...],
    where: str,
    unknown: str,
    impact: str = "",
) -> FieldSpec:
    """A field; `impact`: its list's or map's, which its items share unless they say."""
    if isinstance(value, str) and value not in SHORTHANDS:
        raise ConfigError(
            f"{where}: {value!r} is not a type{_did_you_mean(value, sorted(SHORTHANDS))}; the "
            f"types are {', '.join(sorted(TYPES))}"
        )
    raw = _raw_field(value)
    for key in raw:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_did_you_mean(key, sorted(_KEYS))}")
    kind = str(raw.get("type", "any"))
    if kind not in TYPES:
        raise ConfigError(
            f"{where}.type: {kind!r} is not a type{_did_you_mean(kind, sorted(TYPES))}; the "
            f"types are {', '.join(sorted(TYPES))}"
        )
    for key, types in _ONLY_FOR.items():
        if key in raw and kind not in types:
            allowed = " or ".join(sorted(types))
            raise ConfigError(f"{where}.{key}: only a field of type {allowed} has {key}")
    if kind == "enum" and not raw.get("values"):
        raise ConfigError(f'{where}: an enum needs its values, such as values = ["a", "b"]')
    own_impact = str(raw.get("impact") or impact or f"the site cannot use {dotted_path(path)}")
    items = None
    if "items" in raw:
        items = _compile_field(
            library, raw["items"], (*path, ITEM), f"{where}.items", unknown, own_impact
        )
    objects = None
    if kind == "object":
        object_raw: Raw = {
            "fields": raw.get("fields", {}),
            "unknown": raw.get("unknown") or unknown,
        }
        if raw.get("extends"):
            base = library.get(str(raw["extends"]), f"{where}.extends")
            inherited = {key: spec for key, spec in base.root.fields.items()}
            own = _compile_object(library, object_raw, path, where)
            merged = {**{k: _moved(s, path) for k, s in inherited.items()}, **own.fields}
            objects = ObjectSpec(merged, own.unknown if raw.get("unknown") else base.root.unknown)
        else:
            objects = _compile_object(library, object_raw, path, where)
    reference = None
    if raw.get("ref"):
        reference = library.reference(str(raw["ref"]), raw.get("ref-key"))
    empty = raw.get("empty", False)
    deprecated = raw.get("deprecated", False)
    return FieldSpec(
        path,
        kind,
        required=bool(raw.get("required", False)),
        nullable=bool(raw.get("nullable", False)),
        empty=None if empty is False else ("" if empty is True else str(empty)),
        impact=own_impact,
        description=str(raw.get("description", "")),
        role=raw.get("role"),
        values=tuple(raw.get("values") or ()),
        pattern=_pattern(raw.get("pattern"), where),
        min_length=_bound(raw.get("min-length"), f"{where}.min-length"),
        max_length=_bound(raw.get("max-length"), f"{where}.max-length"),
        min_items=_bound(raw.get("min-items"), f"{where}.min-items"),
        max_items=_bound(raw.get("max-items"), f"{where}.max-items"),
        unique=bool(raw.get("unique", False)),
        items=items,
        object=objects,
        severity=_severity(raw.get("severity")),
        deprecated=None if deprecated is False else ("" if deprecated is True else str(deprecated)),
        reference=reference,
    )


def _moved(spec: FieldSpec, path: tuple[str, ...]) -> FieldSpec:
    """A field of an extended schema, placed under the object that extends it."""
    import dataclasses

    new_path = (*path, *spec.path)
    items = _moved(spec.items, path) if spec.items is not None else None
    objects = None
    if spec.object is not None:
        objects = ObjectSpec(
            {key: _moved(child, path) for key, child in spec.object.fields.items()},
            spec.object.unknown,
        )
    impact = spec.impact
    if impact == f"the site cannot use {dotted_path(spec.path)}":
        impact = f"the site cannot use {dotted_path(new_path)}"
    return dataclasses.replace(spec, path=new_path, items=items, object=objects, impact=impact)


def _bound(value: Any, where: str) -> Bound | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return Bound(value)
    if isinstance(value, dict) and isinstance(value.get("value"), int) and value["value"] >= 0:
        return Bound(int(value["value"]), _severity(value.get("severity")))
    raise ConfigError(f"{where}: a whole number of 0 or more, or {{ value = N, severity = ... }}")


def _severity(value: Any) -> Severity | None:
    return None if value is None else Severity(str(value))


def _pattern(text: Any, where: str) -> Pattern | None:
    if text is None:
        return None
    import re2

    try:
        compiled = re2.compile(str(text))
    except re2.error as error:
        raise ConfigError(
            f"{where}.pattern: {text!r} is not a pattern klm-lint can run ({error}); patterns "
            "use RE2 syntax, without look-arounds or back-references"
        ) from None
    return Pattern(str(text), lambda value: compiled.search(value) is not None)


def _did_you_mean(word: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
