"""Astro's generated collection schemas: `.astro/collections/NAME.schema.json`.

Astro writes one JSON Schema per content collection with a schema (`astro sync`, `astro dev`
and `astro build` do): draft-07 with `$ref: "#/definitions/NAME"` up to Astro 5, 2020-12 from
Astro 6. It is read as any JSON Schema (klm_lint/site/json_schema.py), with what Astro means:

- a date (`z.date()`, `z.coerce.date()`) is written as an `anyOf` of `date-time`, `date` and
  `unix-time` formats (Astro 5) or as `format: date-time` (Astro 6); which one the site's code
  has cannot be told from the file, so each becomes `date-or-datetime`: an ISO 8601 date,
  written as a YAML date or as text;
- `additionalProperties: false` is ignored: Astro drops keys its schema does not list, and the
  build succeeds, so they are not reported.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.site.declared import (
    Declared,
    gathered,
    read_source,
    safe_relative,
    source_folder,
    unknown_name,
)

if TYPE_CHECKING:
    from pathlib import Path

FOLDER = ".astro/collections"
CONTENT = "src/content"
_DATE_FORMATS = frozenset({"date", "date-time", "unix-time", "date-or-datetime"})
_DEPTH = 64


def read(root: Path, name: str, where: str) -> Declared:
    relative = f"{FOLDER}/{safe_relative(name, where)}.schema.json"
    if not (root / relative).is_file():
        names = _names(root)
        if not names:
            raise ConfigError(
                f"{where}: astro:{name} names {relative}, which does not exist; Astro writes it "
                "when the site is built or `astro sync` runs (the .astro folder is usually not "
                "committed: run `npx astro sync` before klm-lint)"
            )
        raise unknown_name(where, "astro", name, names, FOLDER + "/")
    return _declared(root, name, relative, where)


def find(root: Path, problems: list[str]) -> list[Declared]:
    return gathered(
        (
            partial(
                _declared,
                root,
                name,
                f"{FOLDER}/{name}.schema.json",
                f"{FOLDER}/{name}.schema.json",
            )
            for name in _names(root)
        ),
        problems,
    )


def _names(root: Path) -> list[str]:
    folder = source_folder(root, FOLDER)
    if folder is None:
        return []
    return sorted(
        path.name.removesuffix(".schema.json")
        for path in folder.glob("*.schema.json")
        if path.is_file()
    )


def _declared(root: Path, name: str, relative: str, where: str) -> Declared:
    from klm_lint.site.json_schema import from_json_schema

    data = read_source(root, relative, where, "the Astro JSON Schema")
    if not isinstance(data, dict):
        raise ConfigError(f"{relative}: not a JSON Schema (a JSON object)")
    imported = from_json_schema(_as_astro_reads(data, 0), relative)
    ignored = imported.note.removeprefix(" (ignored: ").removesuffix(")")
    folder = f"{CONTENT}/{name}"
    return Declared(
        f"astro:{name}",
        {**imported.raw, "unknown": "allow"},
        relative,
        f'the schema of the Astro collection "{name}"',
        (f"{folder}/**",) if (root / folder).is_dir() else (),
        tuple(part for part in ignored.split(", ") if part),
    )


def _as_astro_reads(node: Any, depth: int) -> Any:
    """The schema with Astro's dates as `date-or-datetime` and `additionalProperties: false`
    dropped."""
    if depth > _DEPTH:
        return node
    if isinstance(node, list):
        return [_as_astro_reads(item, depth + 1) for item in node]
    if not isinstance(node, dict):
        return node
    node = {
        key: _as_astro_reads(value, depth + 1)
        for key, value in node.items()
        if not (key == "additionalProperties" and isinstance(value, bool))
    }
    for key in ("anyOf", "oneOf"):
        options = node.get(key)
        if isinstance(options, list) and _is_date(options):
            nullable = any(
                isinstance(each, dict) and each.get("type") == "null" for each in options
            )
            rest = {k: v for k, v in node.items() if k != key}
            dated = {**rest, "type": "string", "format": "date-or-datetime"}
            return {"anyOf": [dated, {"type": "null"}]} if nullable else dated
    if node.get("type") == "string" and node.get("format") in ("date", "date-time"):
        node["format"] = "date-or-datetime"
    return node


def _is_date(options: list[Any]) -> bool:
    kept = [each for each in options if isinstance(each, dict) and each.get("type") != "null"]
    return bool(kept) and all(each.get("format") in _DATE_FORMATS for each in kept)
