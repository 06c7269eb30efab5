"""Decap CMS (formerly Netlify CMS) collections: `admin/config.yml`.

A folder collection (`folder`, `extension`, `format`, `nested`, `path`, `filter`,
`media_folder`, `public_folder`) lists its `fields`: `name`, `widget` (default `string`),
`required` (default **true**: Decap refuses to save an entry whose required field is empty),
`pattern` (`[regex, message]`), and each widget's own keys (`options`, `multiple`, `min`,
`max`, `field`, `fields`, `types`, `value_type`, `format`, `date_format`, `time_format`).
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
    unknown_name,
)

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_FILES = (
    "static/admin/config.yml",
    "public/admin/config.yml",
    "admin/config.yml",
    "src/admin/config.yml",
)
"""Where sites keep Decap's config: in the folder served as /admin/."""
_TEXT = frozenset({"string", "text", "markdown", "richtext", "color", "map"})
_DATA_FORMATS = frozenset({"yml", "yaml", "toml", "json"})
MAX_DEPTH = 32


def read(root: Path, name: str, where: str) -> Declared:
    file, hash_mark, collection = name.rpartition("#")
    if hash_mark:
        relative = safe_relative(file, where)
        if not (root / relative).is_file():
            raise ConfigError(f"{where}: {relative} does not exist in {root}")
    else:
        found = _config_file(root)
        if found is None:
            raise ConfigError(
                f"{where}: no Decap CMS config in {', '.join(CONFIG_FILES)}; name the file, "
                f"such as decap:cms/config.yml#{collection}"
            )
        relative = found
    config = _config(root, relative, where)
    collections = _collections(config, relative)
    if collection not in collections:
        raise unknown_name(where, "decap", collection, sorted(collections), relative)
    prefix = f"{relative}#" if hash_mark else ""
    return _declared(config, collections[collection], relative, prefix)


def find(root: Path, problems: list[str]) -> list[Declared]:
    relative = _config_file(root)
    if relative is None:
        return []
    config = _config(root, relative, relative)
    return gathered(
        (
            partial(_declared, config, collection, relative, "")
            for collection in _collections(config, relative).values()
            if "folder" in collection
        ),
        problems,
    )


def _config_file(root: Path) -> str | None:
    return next((each for each in CONFIG_FILES if (root / each).is_file()), None)


def _config(root: Path, relative: str, where: str) -> dict[str, Any]:
    data = read_source(root, relative, where, "the Decap CMS config")
    if not isinstance(data, dict) or not isinstance(data.get("collections"), list):
        raise ConfigError(
            f"{relative}: not a Decap CMS config (a YAML mapping with a collections list)"
        )
    return data


def _collections(config: dict[str, Any], file: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for index, collection in enumerate(config["collections"]):
        if not isinstance(collection, dict) or not isinstance(collection.get("name"), str):
            raise ConfigError(f"{file}: collections[{index}] is not a collection with a name")
        found[collection["name"]] = collection
    return found


def _declared(
    config: dict[str, Any], collection: dict[str, Any], file: str, prefix: str
) -> Declared:
    name = collection["name"]
    where = f"collection {name}"
    if "folder" not in collection:
        raise ConfigError(
            f"{file}: the collection {name} lists single files (files:), not a folder of "
            "entries; klm-lint reads the schemas of folder collections"
        )
    fields = collection.get("fields")
    if not isinstance(fields, list):
        raise ConfigError(f"{file}: the collection {name} has no fields list")
    ignored: set[str] = set()
    media = _Media(config, collection)
    front_matter = str(collection.get("format", "frontmatter")) not in _DATA_FORMATS
    converted = _fields(fields, file, where, ignored, media, top=front_matter)
    include: tuple[str, ...] = ()
    if collection.get("filter") is not None:
        ignored.add("filter (klm-lint applies the schema to every file of the folder)")
    elif front_matter:
        include = (_pattern(collection),)
    return Declared(
        f"decap:{prefix}{name}",
        {"fields": converted, "unknown": "warning"},
        file,
        f'the Decap CMS collection "{name}"',
        include,
        tuple(sorted(ignored)),
    )


def _pattern(collection: dict[str, Any]) -> str:
    folder = str(collection["folder"]).strip("/")
    extension = str(collection.get("extension") or "md").lstrip(".")
    deep = collection.get("nested") is not None or "/" in str(collection.get("path", ""))
    return f"{folder}/{'**/' if deep else ''}*.{extension}"


class _Media:
    """Whether image and file values are paths from the site root (then they are assets)."""

    def __init__(self, config: dict[str, Any], collection: dict[str, Any]) -> None:
        if "media_folder" in collection or "public_folder" in collection:
            folder = collection.get("public_folder", collection.get("media_folder"))
        elif "public_folder" in config:
            folder = config["public_folder"]
        else:
            folder = "/" + str(config.get("media_folder", "")).lstrip("/")
        self.rooted = isinstance(folder, str) and folder.startswith("/")

    def kind(self, field: dict[str, Any]) -> str:
        folder = field.get("public_folder", field.get("media_folder"))
        if folder is not None:
            return "asset" if isinstance(folder, str) and folder.startswith("/") else "string"
        return "asset" if self.rooted else "string"


def _fields(
    items: list[Any],
    file: str,
    where: str,
    ignored: set[str],
    media: _Media,
    *,
    top: bool = False,
    depth: int = 0,
) -> Raw:
    if depth > MAX_DEPTH:
        raise ConfigError(f"{file}: {where}: fields nest more than {MAX_DEPTH} levels deep")
    fields: Raw = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            raise ConfigError(f"{file}: {where}, field {index + 1} has no name")
        name = item["name"]
        if top and name == "body":
            continue  # the entry's body, not a front-matter key
        spec = _field(item, file, f"{where}, field {name}", ignored, media, depth)
        if item.get("required", True) is False:
            spec["empty"] = True
        else:
            spec["required"] = True
            if spec["type"] == "list" and "min-items" not in spec:
                spec["min-items"] = 1
        if isinstance(item.get("hint"), str) and item["hint"]:
            spec["description"] = item["hint"]
        fields[name] = spec
    return fields


def _field(
    item: dict[str, Any], file: str, where: str, ignored: set[str], media: _Media, depth: int
) -> Raw:
    widget = item.get("widget", "string")
    multiple = item.get("multiple") is True
    if widget in _TEXT:
        return _text(item, ignored)
    if widget == "number":
        return field_spec("number" if item.get("value_type") == "float" else "integer")
    if widget == "boolean":
        return field_spec("boolean", role="draft" if item["name"] == "draft" else None)
    if widget in ("datetime", "date"):
        return field_spec(_date_kind(item))
    if widget in ("image", "file"):
        single = field_spec(media.kind(item))
        return list_of(single, **_counts(item)) if multiple else single
    if widget == "select":
        values = _options(item.get("options"), file, where)
        single = field_spec("enum", values=values) if values else field_spec("string")
        return list_of(single, **_counts(item)) if multiple else single
    if widget == "relation":
        return list_of(field_spec("string"), **_counts(item)) if multiple else field_spec("string")
    if widget == "object":
        return _object(item, file, where, ignored, media, depth)
    if widget == "list":
        return _list(item, file, where, ignored, media, depth)
    if widget not in ("hidden", "code"):
        ignored.add(f"widget {widget}")
    return field_spec("any")


def _text(item: dict[str, Any], ignored: set[str]) -> Raw:
    spec = field_spec("string")
    pattern = item.get("pattern")
    regex = pattern[0] if isinstance(pattern, list) and pattern else pattern
    if isinstance(regex, str) and regex:
        if _compiles(regex):
            spec["pattern"] = regex
            if isinstance(pattern, list) and len(pattern) > 1 and isinstance(pattern[1], str):
                spec["description"] = pattern[1]
        else:
            ignored.add(f"the pattern of {item['name']} (not RE2 syntax)")
    return spec


def _compiles(regex: str) -> bool:
    import re2

    try:
        re2.compile(regex)
    except re2.error:
        return False
    return True


def _date_kind(item: dict[str, Any]) -> str:
    """A date the generator reads (ISO 8601), or text in a format of the site's own."""
    written = item.get("format")
    date_format = item.get("date_format")
    time_format = item.get("time_format")
    if isinstance(written, str):
        return "date-or-datetime" if written.startswith("YYYY-MM-DD") else "string"
    if date_format is False or (isinstance(date_format, str) and date_format != "YYYY-MM-DD"):
        return "string"
    if isinstance(time_format, str) and time_format not in ("HH:mm", "HH:mm:ss"):
        return "string"
    return "date-or-datetime"


def _options(options: Any, file: str, where: str) -> list[Any]:
    if not isinstance(options, list):
        raise ConfigError(f"{file}: {where} is a select without an options list")
    values = []
    for option in options:
        value = option.get("value") if isinstance(option, dict) else option
        if isinstance(value, (str, int, float, bool)):
            values.append(value)
    return values


def _counts(item: dict[str, Any]) -> dict[str, int]:
    counts = {}
    for key, written in (("min", "min-items"), ("max", "max-items")):
        value = item.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            counts[written] = value
    return counts


def _object(
    item: dict[str, Any], file: str, where: str, ignored: set[str], media: _Media, depth: int
) -> Raw:
    nested = item.get("fields")
    if not isinstance(nested, list):
        return field_spec("object", unknown="allow")
    nested_fields = _fields(nested, file, where, ignored, media, depth=depth + 1)
    return field_spec("object", fields=nested_fields)


def _list(
    item: dict[str, Any], file: str, where: str, ignored: set[str], media: _Media, depth: int
) -> Raw:
    counts = _counts(item)
    single = item.get("field")
    nested = item.get("fields")
    types = item.get("types")
    if isinstance(single, dict) and isinstance(single.get("name"), str):
        items = _field(single, file, where, ignored, media, depth + 1)
    elif isinstance(nested, list):
        nested_fields = _fields(nested, file, where, ignored, media, depth=depth + 1)
        items = field_spec("object", fields=nested_fields)
    elif isinstance(types, list):
        names = [each["name"] for each in types if isinstance(each, dict) and "name" in each]
        key = str(item.get("typeKey", "type"))
        tag = field_spec("enum", values=names, required=True) if names else field_spec("string")
        items = field_spec("object", fields={key: tag}, unknown="allow")
    else:
        items = field_spec("string")
    return list_of(items, **counts)
