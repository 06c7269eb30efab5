"""Where the cursor is in the front matter: on which key, and what is being typed there.

Hover reads the parsed front matter. Completion reads the lines themselves, since the text being
typed rarely parses: the indentation (YAML) or the table header above (TOML) gives the parent
keys, and the line says whether a key or a value is being written.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.load.split import Block, locate
from klm_lint.load.text import LineIndex

if TYPE_CHECKING:
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Node

_KEY_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_.-")
_TOML_KEY_CHARACTERS = _KEY_CHARACTERS | frozenset("\"' ")


@dataclass(frozen=True, slots=True)
class _YamlLine:
    """A YAML line, read without a parser: `lead` and `item` (`- `) before the content, and the
    content: `key` and what follows the colon (`rest`), or just `rest`."""

    lead: str
    item: str
    key: str | None
    rest: str

    @property
    def indent(self) -> str:
        """The column of the line's keys (a list item's are past its dash)."""
        return self.lead + " " * len(self.item)

    @property
    def width(self) -> int:
        """How far the line is indented: to its key, else to its first character."""
        return len(self.indent) if self.key is not None else len(self.lead)


def _yaml_line(line: str) -> _YamlLine:
    content = line.lstrip(" \t")
    lead = line[: len(line) - len(content)]
    item = ""
    if content == "-" or content.startswith(("- ", "-\t")):
        body = content[1:].lstrip(" \t")
        item = content[: len(content) - len(body)]
        content = body
    colon = content.find(":")
    while colon >= 0 and colon + 1 < len(content) and content[colon + 1] not in " \t":
        colon = content.find(":", colon + 1)
    if colon > 0 and content[0] not in "#'\"[]{},":
        key = content[:colon].rstrip(" \t")
        if key and "#" not in key:
            return _YamlLine(lead, item, key, content[colon + 1 :])
    return _YamlLine(lead, item, None, content)


def _toml_table(line: str) -> tuple[str, ...] | None:
    """The keys of a `[table]` (or `[[table]]`) header line."""
    content = line.strip(" \t")
    if not content.startswith("[") or "]" not in content:
        return None
    name = content.lstrip("[").split("]", 1)[0]
    return tuple(part.strip().strip("\"'") for part in name.split("."))


def _toml_entry(line: str) -> tuple[tuple[str, ...], str] | None:
    """The dotted key of a `key = value` line, and what follows the `=`."""
    equals = line.find("=")
    key = line[:equals].strip(" \t") if equals > 0 else ""
    if not key or not set(key) <= _TOML_KEY_CHARACTERS:
        return None
    return tuple(part.strip().strip("\"'") for part in key.split(".")), line[equals + 1 :]


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
    line = _yaml_line(before)
    if line.key is not None:
        parent = _yaml_parent(above, len(line.indent))
        if parent is None or line.rest.lstrip().startswith(("|", ">")):
            return None
        start, typed, quoted = _value_word(offset, line.rest)
        needs_space = line.rest == ""
        return Typing(
            "yaml", parent, line.key, start, typed, frozenset(), line.indent, quoted, needs_space
        )
    if line.item:
        if not line.item.endswith((" ", "\t")) or ":" in line.rest:
            return None
        column = len(line.lead)
        others = [each for each in above if not _is_item_at(each, column)]
        parent = _yaml_parent(others, column + 1)
        if not parent:  # None (a block scalar) or () (a list at the top level)
            return None
        start, typed, quoted = _value_word(offset, line.rest)
        return Typing("yaml", parent[:-1], parent[-1], start, typed, frozenset(), line.lead, quoted)
    if not set(line.rest) <= _KEY_CHARACTERS:
        return None
    parent = _yaml_parent(above, len(line.indent))
    if parent is None:
        return None
    present = _yaml_siblings(above, below, len(line.indent))
    start = offset - len(line.rest)
    return Typing("yaml", parent, None, start, line.rest, present, line.indent)


def _is_item_at(line: str, column: int) -> bool:
    parsed = _yaml_line(line)
    return bool(parsed.item) and len(parsed.lead) == column


def _yaml_parent(above: list[str], indent: int) -> tuple[str, ...] | None:
    """The keys of the mappings a line indented so far is in, from the lines above it; None
    inside a block scalar (`description: >` and the lines indented under it)."""
    parent: list[str] = []
    for text in above:
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        line = _yaml_line(text)
        if line.width >= indent:
            continue
        value = line.rest.split("#")[0].strip() if line.key is not None else ""
        if line.key is not None and value.startswith(("|", ">")):
            return None
        if line.key is not None and not line.item and not value:
            parent.insert(0, line.key)
        indent = line.width
        if indent == 0:
            break
    return tuple(parent)


def _yaml_siblings(above: list[str], below: list[str], indent: int) -> frozenset[str]:
    """The keys of the mapping the cursor's line is in: the lines at its indentation, up and
    down to the first line indented less."""
    keys = set()
    for lines in (above, below):
        for text in lines:
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            line = _yaml_line(text)
            if line.width < indent:
                break
            if line.key is not None and line.width == indent:
                keys.add(line.key)
    return frozenset(keys)


def _toml(before: str, offset: int, above: list[str]) -> Typing | None:
    if "#" in before or before.lstrip().startswith("["):
        return None
    parent: tuple[str, ...] = ()
    present: set[str] = set()
    for line in above:
        table = _toml_table(line)
        if table is not None:
            parent = table
            break
        entry = _toml_entry(line)
        if entry is not None:
            present.add(entry[0][0])
    indent = before[: len(before) - len(before.lstrip(" \t"))]
    found = _toml_entry(before)
    if found is not None:
        (*inner, last), rest = found
        start, typed, quoted = _value_word(offset, rest)
        return Typing("toml", (*parent, *inner), last, start, typed, frozenset(), indent, quoted)
    typed = before[len(indent) :]
    if not set(typed) <= _KEY_CHARACTERS:
        return None
    return Typing("toml", parent, None, offset - len(typed), typed, frozenset(present), indent)


def _value_word(offset: int, rest: str) -> tuple[int, str, bool]:
    """Where the value being typed starts (after the colon, or after the last [ or , of a
    list), what is typed of it, and whether it is inside a quote the author opened."""
    segment = rest[max(rest.rfind("["), rest.rfind(",")) + 1 :].lstrip(" \t")
    quoted = segment[:1] in ("'", '"')
    typed = segment[1:] if quoted else segment
    return offset - len(typed), typed, quoted
