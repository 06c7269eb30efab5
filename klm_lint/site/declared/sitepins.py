"""Sitepins CMS schemas: `.sitepins/schema/NAME.json`, one per content folder.

A schema file holds `file` (the sample it was made from), `name`, `fileType`, `fmType` and
`template`, a list of fields: `name`, `label`, `type`, `isRequired`, `isIgnored`, `fields`
(nested), `isDropdown` with `options`, `subType`, `value` and `defaultValue`. Types: `string`,
`textarea`, `color`, `number`, `boolean`, `Date`, `media`, `gallery`, `Array`, `list`, `object`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.site.declared import (
    Declared,
    Raw,
    field_spec,
    gathered,
    list_of,
    read_source,
    safe_relative,
    source_folder,
    unknown_name,
)

if TYPE_CHECKING:
    from pathlib import Path

FOLDER = ".sitepins/schema"
_TEXT = frozenset({"string", "textarea", "color"})
MAX_DEPTH = 32


def read(root: Path, name: str, where: str) -> Declared:
    relative = f"{FOLDER}/{safe_relative(name, where)}.json"
    if not (root / relative).is_file():
        raise unknown_name(where, "sitepins", name, _names(root), FOLDER + "/")
    return _declared(root, name, relative, where)


def find(root: Path, problems: list[str]) -> list[Declared]:
    return gathered(
        (
            partial(_declared, root, name, f"{FOLDER}/{name}.json", f"{FOLDER}/{name}.json")
            for name in _names(root)
        ),
        problems,
    )


def _names(root: Path) -> list[str]:
    folder = source_folder(root, FOLDER)
    if folder is None:
        return []
    return sorted(
        path.relative_to(folder).with_suffix("").as_posix()
        for path in folder.rglob("*.json")
        if path.is_file()
    )


def _declared(root: Path, name: str, relative: str, where: str) -> Declared:
    data = read_source(root, relative, where, "the Sitepins schema")
    if not isinstance(data, dict) or not isinstance(data.get("template"), list):
        raise ConfigError(
            f"{relative}: not a Sitepins schema (a JSON object with a template list of fields)"
        )
    ignored: set[str] = set()
    fields = _fields(data["template"], relative, "template", ignored)
    return Declared(
        f"sitepins:{name}",
        {"fields": fields, "unknown": "warning"},
        relative,
        f'the Sitepins schema "{name}"',
        _include(data.get("file"), name),
        tuple(sorted(ignored)),
    )


def _include(sample: Any, name: str) -> tuple[str, ...]:
    """The folder of the sample file the schema was made from: its files."""
    if isinstance(sample, str) and "/" in sample.strip("/"):
        return (sample.strip("/").rsplit("/", 1)[0] + "/**",)
    return ()


def _fields(items: list[Any], file: str, where: str, ignored: set[str], depth: int = 0) -> Raw:
    if depth > MAX_DEPTH:
        raise ConfigError(f"{file}: {where}: fields nest more than {MAX_DEPTH} levels deep")
    fields: Raw = {}
    for index, item in enumerate(items):
        at = f"{where}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            raise ConfigError(f"{file}: {at} is not a field (an object with a name and a type)")
        if item.get("isIgnored") is True:
            continue
        name = item["name"].rsplit(".", 1)[-1]
        spec = _field(item, file, at, ignored, depth)
        if item.get("isRequired") is True:
            spec["required"] = True
        else:
            spec["empty"] = True
        if isinstance(item.get("description"), str) and item["description"]:
            spec["description"] = item["description"]
        fields[name] = spec
    return fields


def _field(item: dict[str, Any], file: str, at: str, ignored: set[str], depth: int) -> Raw:
    kind = item.get("type")
    options = _options(item)
    nested = item.get("fields")
    if kind in _TEXT:
        return field_spec("enum", values=options) if options else field_spec("string")
    if kind == "number":
        return field_spec("number")
    if kind == "boolean":
        return field_spec("boolean", role="draft" if item["name"] == "draft" else None)
    if kind in ("Date", "date"):
        return field_spec("date-or-datetime")
    if kind == "media":
        return field_spec("asset")
    if kind == "gallery":
        return list_of(field_spec("asset"))
    if kind == "Array":
        if isinstance(nested, list) and nested:
            items = _fields(nested, file, at, ignored, depth + 1)
            return list_of(field_spec("object", fields=items))
        if options:
            return list_of(field_spec("enum", values=options))
        return list_of(field_spec("string"))
    if kind == "list":
        return field_spec("list")
    if kind == "object":
        if isinstance(nested, list) and nested:
            return field_spec("object", fields=_fields(nested, file, at, ignored, depth + 1))
        return field_spec("object", unknown="allow")
    ignored.add(f"type {kind}")
    return field_spec("any")


def _options(item: dict[str, Any]) -> list[str] | None:
    """A dropdown's fixed values; None when its values come from a folder or a file."""
    options = item.get("options")
    if item.get("isDropdown") is not True or not isinstance(options, list):
        return None
    if any(item.get(key) for key in item if key.startswith("reference")):
        return None
    values = [option for option in options if isinstance(option, str) and option]
    return values or None
