"""Simple YAML front matter read line by line, for the whole-site index, which needs only the
facts of the posts a run does not lint.

Most front matter is `key: value` lines, a mapping one level deep (`author:` with `name:` and
`avatar:` under it), and lists (`tags: [a, b]`, or `- item` lines). For those, this reader
builds the node tree the full reader (yaml_tree.py: libyaml and the tree builder) builds,
node for node and offset for offset, with the site's own reader's scalar values
(yaml_scalars.py). On anything else (an anchor, a tag, a block scalar, a value over several
lines, an escape, a tab, a key that is not a plain word, a key written twice, a line it does not
expect), it gives up and returns None, and the full reader reads the text. A property test
(tests/load/test_simple_yaml.py) holds the two equal wherever this one does not give up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klm_lint.load.document import Document, FrontMatter
from klm_lint.load.nodes import Entry, Mapping, Scalar, Sequence
from klm_lint.load.split import Block, YamlFormat, locate
from klm_lint.load.text import Decoded, LineIndex, decode
from klm_lint.load.yaml_core import Refused
from klm_lint.load.yaml_scalars import plain_reader, typed_starts

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from pathlib import Path

    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.nodes import Node, ScalarValue

_UNSUPPORTED = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""A tab, a CR, a control character, a byte-order mark or a character YAML does not print:
the full reader reads those."""
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
"""A key at the start of a line (after its indentation), its colon and the spaces after it."""
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters a plain value cannot start with (or, for -, ? and :, not safely)."""
_FLOW_STOP = re.compile(r"[,\[\]{}#:]")


class _GiveUp(Exception):
    pass


def load_simple(
    raw: bytes,
    path: Path,
    display_path: str,
    site_path: str,
    max_front_matter: int,
    *,
    yaml_dialect: YamlDialect,
    after_blank_lines: bool = False,
    code_languages: Collection[str] = (),
) -> Document | None:
    """The document load_text (document.py) gives, for a file whose front matter is simple
    YAML; None for any other file (then load_text must load it)."""
    decoded = decode(raw)
    if not isinstance(decoded, Decoded):
        return None
    text = decoded.text
    lines = LineIndex(text)
    located = locate(
        text, lines, after_blank_lines=after_blank_lines, code_languages=code_languages
    )
    if (
        not isinstance(located, Block)
        or not located.closed
        or type(located.handler) is not YamlFormat
        or located.content_end - located.content_start > max_front_matter
    ):
        return None
    start, end = located.content_start, located.content_end
    root = read_simple(text, start, end, yaml_dialect)
    if root is None:
        return None
    front_matter = FrontMatter(located.handler.name, start, end, root, yaml_dialect)
    return Document(
        path, display_path, site_path, text, decoded.bom, lines, front_matter, located.end
    )


def read_simple(text: str, start: int, end: int, dialect: YamlDialect) -> Mapping | None:
    """text[start:end] as the full reader reads it as `dialect`, when it is simple; None when
    it is not (then the full reader must read it)."""
    if _UNSUPPORTED.search(text, start, end):
        return None
    try:
        return _Reader(text, start, end, dialect).root()
    except _GiveUp:
        return None


class _Reader:
    def __init__(self, text: str, start: int, end: int, dialect: YamlDialect) -> None:
        self.text = text
        self.end = end
        self.lines = _lines(text, start, end)
        self.at = 0
        self.plain: Callable[[str], ScalarValue] = plain_reader(dialect)
        typed = typed_starts(dialect)
        self.typed = typed
        """None: any plain value may be more than text (Ruby)."""

    def root(self) -> Mapping:
        entries = self._entries(0)
        if not entries or self._next() is not None:
            raise _GiveUp
        return Mapping(entries[0].key.start, self.end, tuple(entries))

    def _next(self) -> tuple[int, int, int] | None:
        """The next line with content (blank and comment lines are left out): its start, end
        and indentation."""
        return self.lines[self.at] if self.at < len(self.lines) else None

    def _entries(self, indent: int) -> list[Entry]:
        entries: list[Entry] = []
        seen: set[str] = set()
        text = self.text
        while True:
            line = self._next()
            if line is None:
                return entries
            line_start, line_end, here = line
            if here < indent:
                return entries
            if here > indent or (indent and entries and here != indent):
                raise _GiveUp
            key_start = line_start + here
            found = _KEY.match(text, key_start, line_end)
            if found is None:
                raise _GiveUp
            name = found.group(1)
            if name in seen:
                raise _GiveUp
            seen.add(name)
            key = self._plain(name, key_start, key_start + len(name))
            if key.value != name:
                raise _GiveUp
            value_start = found.end()
            colon = key_start + len(name)
            self.at += 1
            if value_start >= line_end or text[value_start] == "#":
                if value_start < line_end:
                    raise _GiveUp  # a comment after a key with no value
                value = self._below(indent, colon, line_end)
            else:
                value = self._inline(value_start, line_end)
            entries.append(Entry(key, value))

    def _below(self, indent: int, colon: int, line_end: int) -> Node:
        """The value of a key whose line ends at its colon: what is indented below it (a
        mapping or a list), a list at its own indentation, or nothing (null)."""
        if colon + 1 != line_end:
            raise _GiveUp  # spaces after the colon: where libyaml puts the null is not known
        line = self._next()
        if line is None:
            return Scalar(colon + 1, colon + 1, None, "", False)
        line_start, line_end, here = line
        first = self.text[line_start + here : line_start + here + 2]
        if first in ("- ", "-") and (here > indent or (here == indent and indent == 0)):
            if indent:
                raise _GiveUp
            return self._sequence(here)
        if here <= indent:
            return Scalar(colon + 1, colon + 1, None, "", False)
        if indent:
            raise _GiveUp  # one level of nesting only
        entries = self._entries(here)
        if not entries:
            raise _GiveUp
        return Mapping(entries[0].key.start, self._stop(), tuple(entries))

    def _stop(self) -> int:
        """Where a block collection ends: at the next line with content, or the end."""
        line = self._next()
        return self.end if line is None else line[0]

    def _sequence(self, indent: int) -> Sequence:
        items: list[Node] = []
        text = self.text
        first = -1
        while True:
            line = self._next()
            if line is None:
                break
            line_start, line_end, here = line
            dash = line_start + here
            if here < indent or (here == indent and not text.startswith("- ", dash)):
                if here == indent and text.startswith("-", dash):
                    raise _GiveUp  # `-` alone, or `-x`
                break
            if here > indent:
                raise _GiveUp
            if first < 0:
                first = dash
            value_start = dash + 2
            while value_start < line_end and text[value_start] == " ":
                value_start += 1
            if value_start >= line_end or text[value_start] in "#-[":
                raise _GiveUp
            self.at += 1
            items.append(self._inline(value_start, line_end, flow=False, item=True))
        return Sequence(first, self._stop(), tuple(items))

    def _inline(self, start: int, line_end: int, *, flow: bool = True, item: bool = False) -> Node:
        """A value written on its key's line: a quoted or plain scalar, or a list in [ ]."""
        text = self.text
        first = text[start]
        if first == "[" and flow:
            return self._flow(start, line_end)
        if first == '"':
            close = text.find('"', start + 1, line_end)
            if close < 0 or text.find("\\", start + 1, close) >= 0:
                raise _GiveUp
            self._rest(close + 1, line_end)
            content = text[start + 1 : close]
            return Scalar(start, close + 1, content, content, True)
        if first == "'":
            close = start + 1
            while True:
                close = text.find("'", close, line_end)
                if close < 0:
                    raise _GiveUp
                if text.startswith("''", close):
                    close += 2
                    continue
                break
            self._rest(close + 1, line_end)
            content = text[start + 1 : close].replace("''", "'")
            return Scalar(start, close + 1, content, content, True)
        if first in _PLAIN_START and not (first == "-" and not item and _safe_dash(text, start)):
            raise _GiveUp
        comment = text.find(" #", start, line_end)
        stop = line_end if comment < 0 else comment
        value = text[start:stop].rstrip(" ")
        if ": " in value or value.endswith(":"):
            raise _GiveUp
        return self._plain(value, start, start + len(value))

    def _flow(self, start: int, line_end: int) -> Sequence:
        """`[a, b, 'c']` on one line, its items plain or quoted scalars."""
        text = self.text
        close = text.find("]", start, line_end)
        if close < 0:
            raise _GiveUp
        self._rest(close + 1, line_end)
        inner = text[start + 1 : close]
        if "#" in inner:
            raise _GiveUp
        if not inner.strip(" "):
            if "[" in inner:
                raise _GiveUp
            return Sequence(start, close + 1, ())
        items: list[Node] = []
        at = start + 1
        for part in inner.split(","):
            stripped = part.strip(" ")
            if not stripped:
                raise _GiveUp
            item_start = at + (len(part) - len(part.lstrip(" ")))
            at += len(part) + 1
            if stripped[0] in "'\"":
                item = self._inline(item_start, item_start + len(stripped), flow=False)
            else:
                if stripped[0] in _PLAIN_START or _FLOW_STOP.search(stripped):
                    raise _GiveUp
                item = self._plain(stripped, item_start, item_start + len(stripped))
            items.append(item)
        return Sequence(start, close + 1, tuple(items))

    def _rest(self, start: int, line_end: int) -> None:
        """What may follow a quoted value or a list on its line: spaces and a comment."""
        rest = self.text[start:line_end]
        stripped = rest.lstrip(" ")
        if stripped and not (stripped.startswith("#") and len(stripped) < len(rest)):
            raise _GiveUp

    def _plain(self, value: str, start: int, end: int) -> Scalar:
        """A plain scalar as the site's reader reads it (as yaml_build.TreeBuilder does)."""
        if not value:
            raise _GiveUp
        typed = self.typed
        if typed is not None and value[0] not in typed:
            return Scalar(start, end, value, value, False)
        try:
            return Scalar(start, end, self.plain(value), value, False)
        except Refused:
            raise _GiveUp from None


def _safe_dash(text: str, start: int) -> bool:
    """A plain value may start with - when a character other than a space follows it."""
    return start + 1 < len(text) and text[start + 1] not in " \n-"


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The lines with content (not blank, not a comment): start, end and indentation."""
    lines = []
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        if stop < 0:
            stop = end
        first = at
        while first < stop and text[first] == " ":
            first += 1
        if first < stop and text[first] != "#":
            lines.append((at, stop, first - at))
        at = stop + 1
    return lines
