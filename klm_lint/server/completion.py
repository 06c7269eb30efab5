"""Completion in the front matter: the keys of the collection's schema, and their values (the
values a field allows, the authors file's names, the tags and categories the site uses)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from lsprotocol import types

from klm_lint.server.fields import field_at, fields_under

if TYPE_CHECKING:
    from klm_lint.server.cursor import Typing
    from klm_lint.server.positions import TextLines
    from klm_lint.site.schema import Schema
    from klm_lint.workspace import Workspace

_PLAIN = re.compile(r"[A-Za-z_\u00c0-\U0010ffff][^:#\[\]{},\"'\n\r\t]*(?<! )")
_READ_AS_OTHER = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}
"""Words a YAML reader takes for something other than text (the site's reader, js-yaml, reads
some of them as booleans)."""


def completions(
    typing: Typing, schema: Schema, workspace: Workspace, lines: TextLines
) -> list[types.CompletionItem]:
    """What can be typed where the cursor is."""
    where = types.Range(lines.at(typing.start), lines.at(typing.start + len(typing.typed)))
    if typing.key is None:
        return _keys(typing, schema, where)
    return _values(typing, schema, workspace, where)


def _keys(typing: Typing, schema: Schema, where: types.Range) -> list[types.CompletionItem]:
    items = []
    for info in fields_under(schema, typing.parent):
        if info.name in typing.present:
            continue
        if typing.format == "toml":
            text = f"{info.name} = "
        elif info.is_mapping:
            text = f"{info.name}:\n{typing.indent}  "
        else:
            text = f"{info.name}: "
        need = "required" if info.required else "optional"
        items.append(
            types.CompletionItem(
                label=info.name,
                kind=types.CompletionItemKind.Field,
                detail=f"{info.described} ({need})",
                documentation=f"When it is wrong: {info.impact}.",
                sort_text=f"{0 if info.required else 1}{info.name}",
                text_edit=types.TextEdit(where, text),
            )
        )
    return items


def _values(
    typing: Typing, schema: Schema, workspace: Workspace, where: types.Range
) -> list[types.CompletionItem]:
    assert typing.key is not None
    path = (*typing.parent, typing.key)
    info = field_at(schema, path)
    items: list[types.CompletionItem] = []
    seen: set[str] = set()
    allowed = info.values if info is not None else ()
    for value in allowed:
        seen.add(value)
        text = value if info is not None and info.kind == "boolean" else None
        items.append(_value_item(typing, value, types.CompletionItemKind.EnumMember, where, text))
    authors = workspace.site.authors
    known = (
        authors.names()
        if path == ("author", "name") and authors is not None
        else workspace.known_values(path)
    )
    for rank, value in enumerate(known):
        if value in seen:
            continue
        seen.add(value)
        item = _value_item(typing, value, types.CompletionItemKind.Value, where, None)
        item.sort_text = f"{rank:06d}"
        items.append(item)
    return items


def _value_item(
    typing: Typing,
    value: str,
    kind: types.CompletionItemKind,
    where: types.Range,
    text: str | None,
) -> types.CompletionItem:
    """A value, written as the front matter needs it: quoted unless the author opened a quote,
    or it reads as text unquoted."""
    if text is None:
        if typing.quoted or (typing.format == "yaml" and _plain(value)):
            text = value
        else:
            text = json.dumps(value, ensure_ascii=False)
    if typing.needs_space:
        text = " " + text
    return types.CompletionItem(
        label=value, kind=kind, filter_text=value, text_edit=types.TextEdit(where, text)
    )


def _plain(value: str) -> bool:
    """Whether YAML reads the value unquoted as this very text."""
    return _PLAIN.fullmatch(value) is not None and value.lower() not in _READ_AS_OTHER
