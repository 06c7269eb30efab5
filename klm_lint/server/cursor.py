"""Where the cursor is in the front matter: on which key, and what is being typed there.

Hover reads the parsed front matter. Completion reads the lines themselves, since the text being
typed rarely parses: the indentation (YAML) or the table header above (TOML) gives the parent
keys, and the line says whether a key or a value is being written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.load.split import Block, locate
from klm_lint.load.text import LineIndex

if TYPE_CHECKING:
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Node

_YAML_KEY = re.compile(r"(?P<indent>[ \t]*)(?P<item>-[ \t]+)?(?P<key>[A-Za-z0-9_.-]*)")
_YAML_ENTRY = re.compile(
    r"(?P<indent>[ \t]*)(?P<item>-[ \t]+)?(?P<key>[^\s#:'\"\[\]{},][^#:]*?)[ \t]*:(?P<rest>.*)"
)
_YAML_ITEM = re.compile(r"(?P<indent>[ \t]*)-(?:[ \t]+(?P<rest>.*))?")
_TOML_KEY = re.compile(r"[ \t]*(?P<key>[A-Za-z0-9_.-]*)")
_TOML_ENTRY = re.compile(r"[ \t]*(?P<key>[A-Za-z0-9_.\"' -]+?)[ \t]*=(?P<rest>.*)")
_TOML_TABLE = re.compile(r"[ \t]*\[(?P<name>[^\[\]]+)\][ \t]*(?:#.*)?")


def key_at(doc: Document, offset: int) -> tuple[str, ...] | None:
    """The key path of the front-matter key (or scalar value) at an offset, list items left
    out: ('author', 'name') on `name` under `author:`."""
    if doc.front_matter is None:
        return None
    return _key_in(doc.front_matter.root, offset, ())


def _key_in(node: Node, offset: int, path: tuple[str, ...]) -> tuple[str, ...] | None:
    if isinstance(node, Mapping):
        for entry in node.entries:
            here = (*path, entry.key.text)
            if entry.key.start <= offset <= entry.key.end:
                return here
            if entry.value.start <= offset <= entry.value.end:
                if isinstance(entry.value, Scalar):
                    return here
                return _key_in(entry.value, offset, here)
    elif isinstance(node, Sequence):
        for item in node.items:
            if item.start <= offset <= item.end:
                return path if isinstance(item, Scalar) else _key_in(item, offset, path)
    return None


@dataclass(frozen=True, slots=True)
class Typing:
    """What is being typed at the cursor in the front matter."""

    format: str
    """yaml or toml."""
    parent: tuple[str, ...]
    """The keys the cursor's mapping is under."""
    key: str | None
    """The key whose value is being typed; None when a key is being typed."""
    start: int
    """Where the word being typed starts (the cursor is its end)."""
    typed: str
    present: frozenset[str]
    """The keys the mapping already has (not offered again)."""
    indent: str
    """The line's indentation."""
    quoted: bool = False
    """A value: the cursor is inside a quote the author opened."""
    needs_space: bool = False
    """A YAML value: the cursor is right after the colon."""


def typing_at(text: str, offset: int) -> Typing | None:
    """What is being typed at an offset of a file's text (without its BOM); None outside the
    front matter, or in JSON front matter."""
    lines = LineIndex(text)
    block = locate(text, lines)
    if not isinstance(block, Block) or not block.content_start <= offset <= block.content_end:
        return None
    line, _column = lines.position(offset)
    line_start = lines.line_start(line)
    before = text[line_start:offset]
    first = lines.position(block.content_start)[0]
    above = [lines.line_text(number) for number in range(line - 1, first - 1, -1)]
    if block.handler.name == "yaml":
        below_end = lines.position(max(block.content_end - 1, block.content_start))[0]
        below = [lines.line_text(number) for number in range(line + 1, below_end + 1)]
        return _yaml(before, offset, above, below)
    if block.handler.name == "toml":
        return _toml(before, offset, above)
    return None


def _yaml(before: str, offset: int, above: list[str], below: list[str]) -> Typing | None:
    if "#" in before:
        return None
    entry = _YAML_ENTRY.fullmatch(before)
    if entry is not None:
        indent = _indent_of(entry["indent"], entry["item"])
        parent = _yaml_parent(above, len(indent))
        rest = entry["rest"]
        if parent is None:
            return None
        start, typed, quoted = _value_word(offset, rest)
        if rest.lstrip().startswith(("|", ">")):
            return None
        needs_space = rest == ""
        return Typing(
            "yaml",
            parent,
            entry["key"].strip(),
            start,
            typed,
            frozenset(),
            indent,
            quoted,
            needs_space,
        )
    item = _YAML_ITEM.fullmatch(before)
    if item is not None and (item["rest"] is None or ":" not in item["rest"]):
        rest = item["rest"] or ""
        if item["rest"] is None and not before.endswith(" "):
            return None
        width = len(item["indent"])
        others = [
            line for line in above if not (_YAML_ITEM.fullmatch(line) and _width(line) == width)
        ]
        parent = _yaml_parent(others, width + 1)
        if not parent:  # None (a block scalar) or () (a list at the top level)
            return None
        start, typed, quoted = _value_word(offset, rest)
        return Typing(
            "yaml", parent[:-1], parent[-1], start, typed, frozenset(), item["indent"], quoted
        )
    key = _YAML_KEY.fullmatch(before)
    if key is None:
        return None
    indent = _indent_of(key["indent"], key["item"])
    parent = _yaml_parent(above, len(indent))
    if parent is None:
        return None
    present = _yaml_siblings(above, below, len(indent))
    return Typing("yaml", parent, None, offset - len(key["key"]), key["key"], present, indent)


def _indent_of(indent: str, item: str | None) -> str:
    """A list item's keys are indented past its dash."""
    return indent + " " * len(item) if item else indent


def _yaml_parent(above: list[str], indent: int) -> tuple[str, ...] | None:
    """The keys of the mappings a line indented so far is in, from the lines above it; None
    inside a block scalar (`description: >` and the lines indented under it)."""
    parent: list[str] = []
    for line in above:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry = _YAML_ENTRY.fullmatch(line)
        own = len(_indent_of(entry["indent"], entry["item"])) if entry else _width(line)
        if own >= indent:
            continue
        value = entry["rest"].split("#")[0].strip() if entry is not None else ""
        if entry is not None and value.startswith(("|", ">")):
            return None
        if entry is not None and entry["item"] is None and not value:
            parent.insert(0, entry["key"].strip())
        indent = own
        if indent == 0:
            break
    return tuple(parent)


def _yaml_siblings(above: list[str], below: list[str], indent: int) -> frozenset[str]:
    """The keys of the mapping the cursor's line is in: the lines at its indentation, up and
    down to the first line indented less."""
    keys = set()
    for lines in (above, below):
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            entry = _YAML_ENTRY.fullmatch(line)
            own = len(_indent_of(entry["indent"], entry["item"])) if entry else _width(line)
            if own < indent:
                break
            if entry is not None and own == indent:
                keys.add(entry["key"].strip())
    return frozenset(keys)


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _toml(before: str, offset: int, above: list[str]) -> Typing | None:
    if "#" in before or before.lstrip().startswith("["):
        return None
    parent: tuple[str, ...] = ()
    present: set[str] = set()
    for line in above:
        table = _TOML_TABLE.fullmatch(line)
        if table is not None:
            parent = tuple(part.strip().strip("\"'") for part in table["name"].split("."))
            break
        entry = _TOML_ENTRY.fullmatch(line)
        if entry is not None:
            present.add(entry["key"].strip().strip("\"'"))
    entry = _TOML_ENTRY.fullmatch(before)
    if entry is not None:
        *inner, last = (part.strip().strip("\"'") for part in entry["key"].split("."))
        start, typed, quoted = _value_word(offset, entry["rest"])
        indent = before[: _width(before)]
        return Typing("toml", (*parent, *inner), last, start, typed, frozenset(), indent, quoted)
    key = _TOML_KEY.fullmatch(before)
    if key is None:
        return None
    indent = before[: _width(before)]
    start = offset - len(key["key"])
    return Typing("toml", parent, None, start, key["key"], frozenset(present), indent)


def _value_word(offset: int, rest: str) -> tuple[int, str, bool]:
    """Where the value being typed starts (after the colon, or after the last [ or , of a
    list), what is typed of it, and whether it is inside a quote the author opened."""
    segment = rest[max(rest.rfind("["), rest.rfind(",")) + 1 :].lstrip(" \t")
    quoted = segment[:1] in ("'", '"')
    typed = segment[1:] if quoted else segment
    return offset - len(typed), typed, quoted
