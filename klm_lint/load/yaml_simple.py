"""Simple YAML front matter read line by line, without libyaml: the common case, faster.

Most front matter is keys with one-line values (plain, quoted, or a one-line [list]), a
nested mapping or a list of one-line items under a key, blank lines and comment lines. Such
text is read here into the same tree libyaml's reading gives (tests/load/test_yaml_simple.py
holds the two equal over generated front matter, in every YAML reader's dialect); anything
else (anchors, tags, block scalars, multi-line values, flow mappings, tabs, CR line breaks,
characters some reader treats specially, any doubt) returns None, and libyaml reads it. The
values are resolved by the tree builder itself, so only the structure and the offsets are
worked out here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Entry, Mapping, Scalar, Sequence

if TYPE_CHECKING:
    from klm_lint.load.nodes import Node
    from klm_lint.load.yaml_build import TreeBuilder

_UNUSUAL = lazy_pattern(
    "[^\n -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""What a simple front matter never holds: tabs, CR, control characters, and the characters
some YAML reader reads as a line break or a byte-order mark (U+0085, U+2028, U+2029, U+FEFF)."""


_USUAL_ASCII = bytes([10, *range(0x20, 0x7F)])


def _unusual_ascii(source: str) -> bool:
    """Whether ASCII text holds what _UNUSUAL finds: a character other than a line break that
    is not printable (most front matter is ASCII, and this is many times quicker than a
    search)."""
    return bool(source.encode("ascii").translate(None, _USUAL_ASCII))


_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$)")
"""A key of the block mapping, its colon, and the spaces before its value (none: no value).
Not too long: libyaml takes no key longer than 1,024 characters without a `?`."""
_ITEM = re.compile(r"- +")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
"""What a plain value may not start with (some may, followed by a non-space: not here)."""
_QUOTED = re.compile(r"\"[^\"\\]*\"|'[^']*'")
"""A one-line quoted value without escapes."""
_FLOW_QUOTED = re.compile(r" *(?:\"[^\"\\]*\"|'[^']*') *")
_NOT_IN_FLOW = re.compile(r"[\[\]{}#:]")
"""What a [list] here does not hold, but at its ends: nested lists or mappings, comments,
colons."""

_Line = tuple[int, int, int]
"""A line that holds a token: where its content starts (after the indentation), its
indentation, and where its content ends (before the line break)."""


class _NotSimple(Exception):
    """The front matter is not simple: libyaml reads it."""


def simple_tree(text: str, start: int, end: int, builder: TreeBuilder) -> Mapping | None:
    """text[start:end] as the tree libyaml's reading gives, when it is simple; else None."""
    source = text[start:end]
    if not source or (
        _unusual_ascii(source) if source.isascii() else _UNUSUAL.search(source) is not None
    ):
        return None
    lines: list[_Line] = []
    at = start
    for line in source.split("\n"):
        content = line.lstrip(" ")
        line_end = at + len(line)
        if content and content[0] != "#":
            indent = len(line) - len(content)
            lines.append((at + indent, indent, line_end))
        at = line_end + 1
    if not lines or lines[0][1] != 0:
        return None
    reader = _Reader(text, lines, end, builder)
    try:
        root = reader.mapping(0)
    except _NotSimple:
        return None
    return root if reader.at == len(lines) else None


class _Reader:
    __slots__ = ("at", "builder", "drops", "end", "lines", "text", "typed")

    def __init__(self, text: str, lines: list[_Line], end: int, builder: TreeBuilder) -> None:
        self.text = text
        self.lines = lines
        self.end = end
        self.builder = builder
        self.typed = builder.typed_starts
        """First characters of plain scalars that may be more than text (None: any may)."""
        self.drops = builder.drops_null_keys
        self.at = 0

    def _next_token(self) -> int:
        """Where the token after the last line read starts (the end of the text if none)."""
        return self.lines[self.at][0] if self.at < len(self.lines) else self.end

    def mapping(self, indent: int) -> Mapping:
        lines, text, builder, typed = self.lines, self.text, self.builder, self.typed
        plain, match = builder.plain, _KEY.match
        count, drops = len(lines), self.drops
        at = self.at
        first = lines[at][0]
        entries: list[Entry] = []
        index: dict[str, Entry] = {}
        while at < count:
            key_start, own, line_end = lines[at]
            if own != indent:
                if own > indent:
                    raise _NotSimple
                break
            found = match(text, key_start, line_end)
            if found is None:
                raise _NotSimple
            name = found.group(1)
            key_end = key_start + len(name)
            if typed is not None and name[0] not in typed:
                key = Scalar(key_start, key_end, name, name, False)
            else:
                key = plain(key_start, key_end, name)
            at += 1
            value_start = found.end()
            value: Node
            if value_start == line_end:
                self.at = at
                value = self.nested(indent, key_end + 1)
                at = self.at
            else:
                word = text[value_start:line_end]
                initial = word[0]
                if initial in _INDICATORS or ": " in word or " #" in word or word[-1] in " :":
                    value = self.value(value_start, line_end)
                elif typed is not None and initial not in typed:
                    value = Scalar(value_start, line_end, word, word, False)
                else:
                    value = plain(value_start, line_end, word)
            if not drops or key.value is not None:
                entry = Entry(key, value)
                entries.append(entry)
                index[name] = entry
        self.at = at
        return Mapping(first, self._next_token(), tuple(entries), index)

    def nested(self, indent: int, after_colon: int) -> Node:
        """What follows a key with no value on its line: a mapping or list below it, or
        nothing (an empty value)."""
        if self.at < len(self.lines):
            key_start, own, _end = self.lines[self.at]
            if own >= indent and self.text[key_start] == "-":
                return self.sequence(own)
            if own > indent:
                return self.mapping(own)
        return self.builder.plain(after_colon, after_colon, "")

    def sequence(self, indent: int) -> Sequence:
        lines, text, builder, typed = self.lines, self.text, self.builder, self.typed
        match = _ITEM.match
        count = len(lines)
        first = lines[self.at][0]
        items: list[Node] = []
        while self.at < count:
            item_start, own, line_end = lines[self.at]
            if own != indent:
                if own > indent:
                    raise _NotSimple
                break
            found = match(text, item_start, line_end)
            if found is None:
                if text[item_start] == "-":
                    raise _NotSimple
                break  # the key after a list written at its key's indentation
            self.at += 1
            value_start = found.end()
            if value_start == line_end or text[value_start] == "[":
                raise _NotSimple
            word = text[value_start:line_end]
            initial = word[0]
            if initial in _INDICATORS or ": " in word or " #" in word or word[-1] in " :":
                items.append(self.value(value_start, line_end))
            elif typed is not None and initial not in typed:
                items.append(Scalar(value_start, line_end, word, word, False))
            else:
                items.append(builder.plain(value_start, line_end, word))
        return Sequence(first, self._next_token(), tuple(items))

    def value(self, start: int, end: int) -> Node:
        """A value on one line: text[start:end], with nothing after it."""
        text, builder = self.text, self.builder
        first = text[start]
        if first == '"' or first == "'":
            if _QUOTED.fullmatch(text, start, end) is None:
                raise _NotSimple
            return builder.quoted(start, end, text[start + 1 : end - 1])
        if first == "[":
            return self._flow_list(start, end)
        value = text[start:end]
        if first in _INDICATORS or ": " in value or " #" in value or value[-1] in " :":
            raise _NotSimple
        return builder.plain(start, end, value)

    def _flow_list(self, start: int, end: int) -> Sequence:
        """A one-line [list] of plain or quoted items, without a trailing comma."""
        text, builder, typed = self.text, self.builder, self.typed
        if text[end - 1] != "]" or _NOT_IN_FLOW.search(text, start + 1, end - 1):
            raise _NotSimple
        inner = text[start + 1 : end - 1]
        items: list[Node] = []
        if inner.strip(" "):
            quotes = '"' in inner or "'" in inner
            at = start + 1
            for part in inner.split(","):
                item = part.strip(" ")
                if not item:
                    raise _NotSimple
                item_start = at + part.index(item[0])
                item_end = item_start + len(item)
                first = item[0]
                if not quotes:
                    if first in _INDICATORS:
                        raise _NotSimple
                    if typed is not None and first not in typed:
                        items.append(Scalar(item_start, item_end, item, item, False))
                    else:
                        items.append(builder.plain(item_start, item_end, item))
                elif first == '"' or first == "'":
                    if _FLOW_QUOTED.fullmatch(part) is None:
                        raise _NotSimple
                    items.append(builder.quoted(item_start, item_end, item[1:-1]))
                elif first in _INDICATORS or '"' in item or "'" in item:
                    raise _NotSimple
                else:
                    items.append(builder.plain(item_start, item_end, item))
                at += len(part) + 1
        return Sequence(start, end, tuple(items))
