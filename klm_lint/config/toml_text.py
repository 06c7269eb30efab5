"""Writing TOML with comments: the config `klm-lint init` writes.

Plain data in (tables, strings, booleans, numbers, lists), TOML text out that reads back as the
same data. A comment belongs to a key: it ends the key's line, or stands above its table.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
import unicodedata
from typing import TYPE_CHECKING, Any

from klm_lint.load.text import printable

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

Path = tuple[str, ...]
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_WIDTH = 88
_WIDTH = 96


def dumps(
    data: Mapping[str, Any],
    comments: Mapping[Path, str] | None = None,
    header: str = "",
    ordered: Collection[Path] = (),
) -> str:
    """The data as TOML. `comments`: a comment by the key path it belongs to; `header`: text
    for the comment lines that open the file; `ordered`: the tables whose tables must be read
    back in their order (each is then written as a table of its own)."""
    writer = _Writer(comments or {}, ordered)
    for paragraph in header.splitlines():
        for line in textwrap.wrap(paragraph, _WIDTH - 2) or [""]:
            writer.lines.append(_comment_line(line).rstrip())
    if header:
        writer.lines.append("")
    writer.table((), data)
    while writer.lines and not writer.lines[-1]:
        writer.lines.pop()
    return "\n".join(writer.lines) + "\n"


def key(name: str) -> str:
    return name if _BARE.fullmatch(name) else _string(name)


def value(item: Any) -> str:
    """A value as TOML writes it inline."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, str):
        return _string(item)
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(each) for each in item) + "]"
    if isinstance(item, dict):
        inner = ", ".join(f"{key(str(k))} = {value(v)}" for k, v in item.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"TOML cannot hold {type(item).__name__}")


class _Writer:
    def __init__(self, comments: Mapping[Path, str], ordered: Collection[Path]) -> None:
        self.comments = comments
        self.ordered = ordered
        self.lines: list[str] = []

    def table(self, path: Path, table: Mapping[str, Any]) -> None:
        inline = [(k, v) for k, v in table.items() if not self._is_table(path, k, v)]
        tables = [(k, v) for k, v in table.items() if self._is_table(path, k, v)]
        if path and (inline or not tables or path in self.comments):
            if self.lines and self.lines[-1]:
                self.lines.append("")
            self._above(path)
            self.lines.append("[" + ".".join(key(part) for part in path) + "]")
        for name, item in inline:
            line = f"{key(name)} = {value(item)}"
            note = self.comments.get((*path, name))
            if note and len(line) + len(note) + 4 > _WIDTH:
                self._above((*path, name))
            elif note:
                line = f"{line}  {_comment_line(note)}"
            self.lines.append(line)
        for name, item in tables:
            self.table((*path, name), item)

    def _above(self, path: Path) -> None:
        note = self.comments.get(path)
        if note:
            for paragraph in note.splitlines():
                wrapped = textwrap.wrap(paragraph, _WIDTH - 2) or [""]
                self.lines.extend(_comment_line(line).rstrip() for line in wrapped)

    def _is_table(self, path: Path, name: str, item: Any) -> bool:
        """A table of its own, unless it is small and flat enough to be written inline."""
        if not isinstance(item, dict):
            return False
        if not item or path in self.ordered:
            return True
        here = (*path, name)
        if any(len(noted) > len(here) and noted[: len(here)] == here for noted in self.comments):
            return True
        flat = all(not isinstance(v, dict) or _scalars_only(v) for v in item.values())
        return not flat or len(f"{key(name)} = {value(item)}") > _INLINE_WIDTH


def _scalars_only(table: dict[str, Any]) -> bool:
    return all(not isinstance(v, (dict, list)) for v in table.values())


def _comment_line(text: str) -> str:
    """A comment: TOML allows no control character in one but tab."""
    return "# " + printable(text.replace("\r", " ").replace("\n", " "))


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's; the characters a terminal or an editor
    would act on or hide (DEL and other controls, bidirectional overrides, zero-width and
    unassigned characters) are escaped too, so the file shows them as written."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(_escaped(char) if _hidden(char) else char for char in quoted)


def _hidden(char: str) -> bool:
    if char < "\x7f":
        return False
    return char == "\x7f" or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp")


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
