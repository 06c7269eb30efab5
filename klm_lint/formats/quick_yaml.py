"""A quick reader of the few top-level keys the whole-site index needs, for plain front matter.

The index reads every post of the collection, including the ones not being linted, so it must be
cheap. Most front matter is plain `key: value` lines, which this reads line by line into the same
nodes the YAML parser would give. Anything less plain (quotes with escapes, multi-line values,
flow collections, anchors, tags, tabs, a repeated key) makes it give up and return None: the
caller then parses the block fully, so the index never disagrees with the linter.
"""

from __future__ import annotations

import re

from klm_lint.formats.yaml_tree import resolve_plain
from klm_lint.nodes import Entry, Mapping, Scalar

TOP_KEYS = frozenset({"title", "url", "date", "draft", "author"})
AUTHOR_KEYS = frozenset({"name", "avatar"})

_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?:[ ]+([^ ].*)?)?")
_CHILD_LINE = re.compile(r"([ ]+)([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?:[ ]+([^ ].*)?)?")
_PLAIN_START_FORBIDDEN = frozenset("|>&*!%@`{[]},#?:-\"'")
_QUOTED_END = re.compile(r"[ ]+#.*")


class _GiveUp(Exception):
    pass


def read_keys(text: str, start: int, end: int) -> Mapping | None:
    """The index keys of the YAML block text[start:end] as nodes, or None when the block is
    not plain enough to read this way."""
    try:
        return _read(text, start, end)
    except _GiveUp:
        return None


def _read(text: str, start: int, end: int) -> Mapping:
    block = text[start:end]
    if "\t" in block or "\r" in block.replace("\r\n", "\n") or "\\" in block:
        raise _GiveUp
    entries: dict[str, Entry] = {}
    author: list[Entry] | None = None
    author_key: Scalar | None = None
    child_indent = 0
    open_value = False
    seen_key = False
    offset = start
    for line in block.split("\n"):
        line_start = offset
        offset += len(line) + 1
        content = line.rstrip("\r")
        stripped = content.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(content) - len(stripped)
        if not seen_key and indent:
            raise _GiveUp
        seen_key = True
        if indent == 0:
            author_done = author is not None and author_key is not None
            if author_done and "author" not in entries:
                assert author_key is not None and author is not None
                entries["author"] = _author_entry(author_key, author, line_start)
            author, open_value = None, False
            match = _KEY_LINE.fullmatch(content)
            if match is None:
                raise _GiveUp
            key = match.group(1)
            if key in entries or (key == "author" and author_key is not None):
                raise _GiveUp
            if key not in TOP_KEYS:
                continue
            key_node = Scalar(line_start, line_start + len(key), key, key, quoted=False)
            if key == "author":
                if match.group(2) is not None:
                    raise _GiveUp
                author, author_key, child_indent = [], key_node, 0
                continue
            value_start = line_start + match.start(2) if match.group(2) is not None else -1
            entries[key] = Entry(
                key_node, _value(match.group(2), value_start, line_start + len(key) + 1)
            )
            open_value = True
            continue
        if open_value:
            raise _GiveUp
        if author is None:
            continue
        child = _CHILD_LINE.fullmatch(content)
        if child_indent == 0:
            if child is None:
                raise _GiveUp
            child_indent = indent
        if indent > child_indent:
            raise _GiveUp
        if indent < child_indent or child is None:
            raise _GiveUp
        name = child.group(2)
        if name in AUTHOR_KEYS:
            if any(entry.key.text == name for entry in author):
                raise _GiveUp
            key_start = line_start + indent
            key_node = Scalar(key_start, key_start + len(name), name, name, quoted=False)
            value_start = line_start + child.start(3) if child.group(3) is not None else -1
            author.append(
                Entry(key_node, _value(child.group(3), value_start, key_start + len(name) + 1))
            )
    if author is not None and author_key is not None and "author" not in entries:
        entries["author"] = _author_entry(author_key, author, end)
    return Mapping(start, end, tuple(entries.values()))


def _author_entry(key: Scalar, children: list[Entry], end: int) -> Entry:
    if not children:
        return Entry(key, Scalar(key.end + 1, key.end + 1, None, "", quoted=False))
    return Entry(key, Mapping(children[0].key.start, end, tuple(children)))


def _value(raw: str | None, start: int, after_colon: int) -> Scalar:
    """The scalar a value written on its key's line stands for."""
    if raw is None or not raw.strip(" "):
        return Scalar(after_colon, after_colon, None, "", quoted=False)
    if raw[0] in "\"'":
        close = raw.find(raw[0], 1)
        if close < 0 or raw[close + 1 : close + 2] == raw[0]:
            raise _GiveUp
        rest = raw[close + 1 :]
        if rest.strip(" ") and _QUOTED_END.fullmatch(rest) is None:
            raise _GiveUp
        inner = raw[1:close]
        return Scalar(start, start + close + 1, inner, inner, quoted=True)
    if raw[0] in _PLAIN_START_FORBIDDEN:
        raise _GiveUp
    comment = raw.find(" #")
    plain = (raw if comment < 0 else raw[:comment]).rstrip(" ")
    if ": " in plain or plain.endswith(":") or " #" in plain:
        raise _GiveUp
    return Scalar(start, start + len(plain), resolve_plain(plain), plain, quoted=False)
