"""Front Matter CMS content types: `frontmatter.json`.

`frontMatter.taxonomy.contentTypes` lists content types (`name`, `fields`, `pageBundle`); a
field has `name`, `type`, `required` (default false), `choices`, `multiple`, `fields` (for
`fields`), `fieldGroup` (for `block` and `fieldCollection`, from
`frontMatter.taxonomy.fieldGroups`), `dateFormat` and `numberOptions`. Page folders
(`frontMatter.content.pageFolders`) say which content types a folder's files use. Without a
content type named `default`, the CMS's own default one applies.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.site.declared import (
    MAX_FIELDS,
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

CONFIG_FILE = "frontmatter.json"
_CONTENT_TYPES = "frontMatter.taxonomy.contentTypes"
_FIELD_GROUPS = "frontMatter.taxonomy.fieldGroups"
_PAGE_FOLDERS = "frontMatter.content.pageFolders"
_DRAFT_FIELD = "frontMatter.content.draftField"
_DATE_FORMAT = "frontMatter.taxonomy.dateFormat"
_WORKSPACE = "[[workspace]]"
MAX_DEPTH = 32
DEFAULT_TYPE: dict[str, Any] = {
    "name": "default",
    "fields": [
        {"name": "title", "type": "string"},
        {"name": "description", "type": "string"},
        {"name": "date", "type": "datetime"},
        {"name": "preview", "type": "image"},
        {"name": "draft", "type": "draft"},
        {"name": "tags", "type": "tags"},
        {"name": "categories", "type": "categories"},
    ],
}
"""The content type the CMS uses when the config defines none named `default`."""
_TEXT = frozenset({"string", "slug", "uniqueId", "dataFile", "contentRelationship"})
_STRING_LISTS = frozenset({"tags", "categories", "taxonomy", "list"})
_CHOOSES_CONTENT_TYPE = ("fmContentType", "type")
"""Front-matter keys the CMS reads to pick a file's content type."""


def read(root: Path, name: str, where: str) -> Declared:
    file, hash_mark, content_type = name.rpartition("#")
    relative = safe_relative(file, where) if hash_mark else CONFIG_FILE
    if not (root / relative).is_file():
        raise ConfigError(f"{where}: {relative} does not exist in {root}")
    config = _config(root, relative, where)
    types = _content_types(config, relative)
    if content_type not in types:
        raise unknown_name(where, "frontmatter", content_type, sorted(types), relative)
    prefix = f"{relative}#" if hash_mark else ""
    return _declared(config, types[content_type], relative, prefix)


def find(root: Path, problems: list[str]) -> list[Declared]:
    if not (root / CONFIG_FILE).is_file():
        return []
    config = _config(root, CONFIG_FILE, CONFIG_FILE)
    return gathered(
        (
            partial(_declared, config, content_type, CONFIG_FILE, "")
            for content_type in _content_types(config, CONFIG_FILE).values()
        ),
        problems,
    )


def _config(root: Path, relative: str, where: str) -> dict[str, Any]:
    data = read_source(root, relative, where, "the Front Matter CMS config")
    if not isinstance(data, dict):
        raise ConfigError(f"{relative}: not a Front Matter CMS config (a JSON object)")
    return data


def _content_types(config: dict[str, Any], file: str) -> dict[str, dict[str, Any]]:
    listed = config.get(_CONTENT_TYPES, [])
    if not isinstance(listed, list):
        raise ConfigError(f"{file}: {_CONTENT_TYPES} is not a list of content types")
    found: dict[str, dict[str, Any]] = {"default": DEFAULT_TYPE}
    for index, content_type in enumerate(listed):
        if not isinstance(content_type, dict) or not isinstance(content_type.get("name"), str):
            raise ConfigError(
                f"{file}: {_CONTENT_TYPES}[{index}] is not a content type with a name"
            )
        found[content_type["name"]] = content_type
    return found


def _declared(
    config: dict[str, Any], content_type: dict[str, Any], file: str, prefix: str
) -> Declared:
    name = content_type["name"]
    fields = content_type.get("fields", [])
    if not isinstance(fields, list):
        raise ConfigError(f"{file}: the content type {name} has no fields list")
    ignored: set[str] = set()
    reader = _Reader(config, file, ignored)
    converted = reader.fields(fields, f"content type {name}")
    for key in _CHOOSES_CONTENT_TYPE:
        converted.setdefault(key, field_spec("string"))
    what = f'the Front Matter CMS content type "{name}"'
    if content_type is DEFAULT_TYPE:
        what = "the Front Matter CMS default content type"
    return Declared(
        f"frontmatter:{prefix}{name}",
        {"fields": converted, "unknown": "warning"},
        file,
        what,
        _folders(config, name),
        tuple(sorted(ignored)),
    )


def _folders(config: dict[str, Any], name: str) -> tuple[str, ...]:
    """The page folders whose files use this content type alone."""
    folders = config.get(_PAGE_FOLDERS)
    if not isinstance(folders, list):
        return ()
    found = []
    for folder in folders:
        if not isinstance(folder, dict) or not isinstance(folder.get("path"), str):
            continue
        types = folder.get("contentTypes")
        uses = types == [name] if isinstance(types, list) and types else name == "default"
        path = folder["path"].replace(_WORKSPACE, "").strip("/")
        if uses and path and ".." not in path.split("/"):
            found.append(f"{path}/**")
    return tuple(found)


class _Reader:
    def __init__(self, config: dict[str, Any], file: str, ignored: set[str]) -> None:
        self.config = config
        self.file = file
        self.ignored = ignored
        groups = config.get(_FIELD_GROUPS)
        self.groups = {
            str(group["id"]): group
            for group in (groups if isinstance(groups, list) else [])
            if isinstance(group, dict) and "id" in group and isinstance(group.get("fields"), list)
        }
        date_format = config.get(_DATE_FORMAT)
        self.date_format = date_format if isinstance(date_format, str) else None
        self.depth = 0
        self.made = 0
        """How many fields were read: field groups included several times repeat theirs."""

    def fields(self, items: list[Any], where: str) -> Raw:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConfigError(
                f"{self.file}: {where}: fields nest more than {MAX_DEPTH} levels deep, or field "
                "groups include each other"
            )
        fields: Raw = {}
        for index, item in enumerate(items):
            self.made += 1
            if self.made > MAX_FIELDS:
                raise ConfigError(
                    f"{self.file}: {where}: the content type has more than {MAX_FIELDS:,} "
                    "fields once its field groups are included; klm-lint does not read it"
                )
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ConfigError(f"{self.file}: {where}, field {index + 1} has no name")
            kind = item.get("type")
            if kind in ("divider", "heading"):
                continue
            if kind == "fieldCollection":
                group = self._group(item.get("fieldGroup"), where)
                if group is not None:
                    fields.update(self.fields(group["fields"], f"field group {group['id']}"))
                continue
            spec = self.field(item, f"{where}, field {item['name']}")
            if item.get("required") is True:
                spec["required"] = True
            else:
                spec["empty"] = True
            if isinstance(item.get("description"), str) and item["description"]:
                spec["description"] = item["description"]
            fields[item["name"]] = spec
        self.depth -= 1
        return fields

    def field(self, item: dict[str, Any], where: str) -> Raw:
        kind = item.get("type")
        multiple = item.get("multiple") is True
        if kind in _TEXT:
            single = field_spec("string")
            return list_of(single) if multiple and kind != "string" else single
        if kind == "number":
            options = item.get("numberOptions")
            decimal = isinstance(options, dict) and options.get("isDecimal") is True
            return field_spec("number" if decimal else "integer")
        if kind == "boolean":
            return field_spec("boolean")
        if kind == "draft":
            return self._draft()
        if kind == "datetime":
            written = item.get("dateFormat", self.date_format)
            iso = not isinstance(written, str) or written.startswith("yyyy-MM-dd")
            return field_spec("date-or-datetime" if iso else "string")
        if kind in ("image", "file"):
            return list_of(field_spec("asset")) if multiple else field_spec("asset")
        if kind == "choice":
            values = _choices(item.get("choices"))
            single = field_spec("enum", values=values) if values else field_spec("string")
            return list_of(single) if multiple else single
        if kind in _STRING_LISTS:
            return list_of(field_spec("string"))
        if kind == "fields":
            nested = item.get("fields")
            if not isinstance(nested, list):
                return field_spec("object", unknown="allow")
            return field_spec("object", fields=self.fields(nested, where))
        if kind == "block":
            return list_of(self._block(item.get("fieldGroup"), where))
        if kind not in ("json", "customField"):
            self.ignored.add(f"type {kind}")
        return field_spec("any")

    def _draft(self) -> Raw:
        draft = self.config.get(_DRAFT_FIELD)
        if isinstance(draft, dict) and draft.get("type") == "choice":
            values = _choices(draft.get("choices"))
            if values:
                return field_spec("enum", values=values)
        return field_spec("boolean", role="draft")

    def _block(self, group_ids: Any, where: str) -> Raw:
        """A block's items: the fields of its one field group; with several, an item names its
        group (`fieldGroup`) and holds what that group has."""
        ids = group_ids if isinstance(group_ids, list) else [group_ids]
        groups = [group for each in ids if (group := self._group(each, where)) is not None]
        complete = len(groups) == len(ids)
        tag = field_spec("enum", values=[group["id"] for group in groups]) if complete else None
        if len(ids) == 1 and len(groups) == 1:
            fields = self.fields(groups[0]["fields"], f"field group {groups[0]['id']}")
            fields.setdefault("fieldGroup", tag)
            return field_spec("object", fields=fields)
        return field_spec("object", fields={"fieldGroup": tag} if tag else {}, unknown="allow")

    def _group(self, group_id: Any, where: str) -> dict[str, Any] | None:
        group = self.groups.get(str(group_id)) if group_id is not None else None
        if group is None:
            self.ignored.add(f"field group {group_id} (not in {_FIELD_GROUPS})")
        return group


def _choices(choices: Any) -> list[str]:
    if not isinstance(choices, list):
        return []
    values = []
    for choice in choices:
        value = choice.get("id") or choice.get("title") if isinstance(choice, dict) else choice
        if isinstance(value, str) and value:
            values.append(value)
    return values
