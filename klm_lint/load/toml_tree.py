"""TOML front matter parsed into a node tree with exact offsets.

tomllib reports no usable positions, so this is a TOML 1.0 parser of its own. Unlike TOML it
keeps duplicate keys and redefined tables as separate entries, for a later rule to report both
places. tomllib then reads the block as an oracle: any complaint of its that is not about a
duplicate becomes a FrontMatterError too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, ScalarValue, Sequence
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError

try:
    import tomllib  # type: ignore[import-not-found, unused-ignore]
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

_BLANK = re.compile(r"[ \t]*")
_BLANK_AND_NEWLINES = re.compile(r"(?:[ \t\n]|\r\n)*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_WORD = re.compile(r"[A-Za-z_]+")
_COMMENT = re.compile(r"[^\x00-\x08\x0a-\x1f\x7f]*")
_BASIC_CHUNK = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')
_LITERAL_CHUNK = re.compile(r"[^'\x00-\x08\x0a-\x1f\x7f]*")
_MULTILINE_LITERAL_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")
_TIME = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?"
_LOCAL_TIME = re.compile(_TIME)
_DATE_TIME = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    rf"(?:[Tt ]{_TIME}(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?"
)
_DATE_OR_TIME_LIKE = re.compile(r"[0-9]+[-:]")
_NUMBER = re.compile(
    r"""
    0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*
    | 0o[0-7](?:_?[0-7])*
    | 0b[01](?:_?[01])*
    | [+-]?(?:0|[1-9](?:_?[0-9])*)
      (?P<fraction>\.[0-9](?:_?[0-9])*)?
      (?P<exponent>[eE][+-]?[0-9](?:_?[0-9])*)?
    | [+-]?(?:inf|nan)
    """,
    re.VERBOSE,
)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_HEX_DIGIT = frozenset("0123456789abcdefABCDEF")
_DIGIT = frozenset("0123456789")
_SPECIAL_FLOATS = ("inf", "nan")
_NUMBER_PUNCTUATION = frozenset(".:+-_")
_KEY_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-\"'")
_MAX_INT_DIGITS = 4300
"""Python's own limit for turning digits into an int (int() is quadratic beyond it)."""

_DUPLICATE_COMPLAINTS = (
    "Cannot overwrite",
    "Cannot declare",
    "Cannot mutate",
    "Cannot redefine",
    "Duplicate",
)
_TOMLLIB_POSITION = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")

_TOO_DEEP = (
    f"the front matter is nested too deeply (more than {MAX_DEPTH} levels of tables and lists)"
)

_BARE_KEY_LETTERS = (
    "a key without quotes can only use the letters A-Z and a-z, digits, _ and -; "
    'put this key in quotes, like "café" = ...'
)

_BAD_MOMENT = (
    "this is not a valid date or time; write dates like 1979-05-27, times like 07:32:00, "
    "and both like 1979-05-27T07:32:00 or 1979-05-27 07:32:00+01:00"
)

TableKind = Literal["implicit", "dotted", "defined"]
"""How a table came to be: only as the parent in an [a.b] header (a later [a] defines it),
through dotted keys, or defined outright (a header, an array item, an inline table, the root)."""


def parse_toml(text: str, start: int, end: int) -> Mapping:
    """Parse the TOML in text[start:end]; node offsets are offsets into text.

    Duplicate keys and tables defined twice are kept as separate entries, in document order.
    """
    root = _TomlParser(text, start, end).document()
    _check_with_tomllib(text, start, end)
    return root


@dataclass(slots=True, eq=False)
class _Table:
    start: int
    end: int
    depth: int
    kind: TableKind
    slots: list[_Slot] = field(default_factory=list)
    latest: dict[str, _Slot] = field(default_factory=dict)

    def add(self, key: Scalar, value: _Value) -> None:
        slot = _Slot(key, value)
        self.slots.append(slot)
        self.latest[key.text] = slot

    def header_step(self, key: str) -> _Table | None:
        """The table a header's name leads through: any table, or an array's last table."""
        slot = self.latest.get(key)
        value = slot.value if slot else None
        if isinstance(value, _TableArray):
            return value.tables[-1]
        return value if isinstance(value, _Table) else None

    def dotted_step(self, key: str) -> _Table | None:
        """The table a dotted key leads through: one without a header of its own.

        The table is then marked as made by dotted keys, which a later header cannot redefine.
        """
        slot = self.latest.get(key)
        value = slot.value if slot else None
        if isinstance(value, _Table) and value.kind != "defined":
            value.kind = "dotted"
            return value
        return None


@dataclass(slots=True, eq=False)
class _TableArray:
    start: int
    end: int
    depth: int
    tables: list[_Table]


@dataclass(slots=True, eq=False)
class _Slot:
    key: Scalar
    value: _Value


_Value: TypeAlias = "_Table | _TableArray | Node"


def _mapping(table: _Table) -> Mapping:
    """The finished table; it ends where the last thing in it ends."""
    entries = tuple(Entry(slot.key, _node(slot.value)) for slot in table.slots)
    return Mapping(table.start, max([table.end, *(entry.value.end for entry in entries)]), entries)


def _node(value: _Value) -> Node:
    if isinstance(value, _Table):
        return _mapping(value)
    if isinstance(value, _TableArray):
        items = tuple(_mapping(table) for table in value.tables)
        return Sequence(value.start, max([value.end, *(item.end for item in items)]), items)
    return value


def _describe(key: str) -> str:
    """A key quoted for a message, shortened and with control characters escaped."""
    return json.dumps(key if len(key) <= 40 else key[:39] + "…", ensure_ascii=False)


def _dotted(parts: list[Scalar]) -> str:
    return _describe(".".join(part.text for part in parts))


class _TomlParser:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.end = min(end, len(text))
        self.pos = start
        self.root = _Table(start, self.end, 1, "defined")

    def peek(self, pos: int | None = None) -> str:
        pos = self.pos if pos is None else pos
        return self.text[pos] if pos < self.end else ""

    def at(self, prefix: str, pos: int | None = None) -> bool:
        return self.text.startswith(prefix, self.pos if pos is None else pos, self.end)

    def fail(self, message: str, at: int | None = None) -> FrontMatterError:
        return FrontMatterError(message, min(self.pos if at is None else at, self.end))

    def skip(self, pattern: re.Pattern[str]) -> None:
        match = pattern.match(self.text, self.pos, self.end)
        if match:
            self.pos = match.end()

    def document(self) -> Mapping:
        section = self.root
        while True:
            self.skip(_BLANK)
            char = self.peek()
            if char == "":
                break
            if char == "[":
                section = self.header()
                self.end_of_line(None)
            elif char in _KEY_START:
                self.end_of_line(self.key_value(section))
            elif char in ("#", "\r", "\n"):
                self.end_of_line(None)
            else:
                raise self.fail(self.bad_statement())
        return _mapping(self.root)

    def bad_statement(self) -> str:
        char = self.peek()
        if char == "=":
            return "a key is missing before ="
        if char.isalnum():
            return _BARE_KEY_LETTERS
        return "expected a key = value pair, a [table] header or a # comment"

    def end_of_line(self, key: list[Scalar] | None) -> None:
        """The end of a line, after the value of a key or after a table header."""
        self.skip(_BLANK)
        if self.peek() == "#":
            self.comment()
        char = self.peek()
        if char == "\n":
            self.pos += 1
        elif self.at("\r\n"):
            self.pos += 2
        elif char == "\r":
            raise self.fail(
                "a lone carriage return (CR) is not a line break in TOML; "
                "save the file with LF or CRLF line endings"
            )
        elif char != "":
            after = f"the value of {_dotted(key)}" if key else "the table header"
            hint = "; to give several values, write a list like [1, 2]" if char == "," else ""
            raise self.fail(f"unexpected text after {after}; start a new line{hint}")

    def comment(self) -> None:
        self.pos += 1
        self.skip(_COMMENT)
        char = self.peek()
        if char not in ("", "\n") and not self.at("\r\n"):
            raise self.fail(self.control_character(char, "a comment"))

    @staticmethod
    def control_character(char: str, inside: str) -> str:
        return f"the control character U+{ord(char):04X} is not allowed in {inside}"

    def header(self) -> _Table:
        opening = self.pos
        is_array = self.at("[[")
        self.pos += 2 if is_array else 1
        self.skip(_BLANK)
        if self.peek() == "]":
            raise self.fail("a table header needs a name, like [author]")
        parts = self.key()
        closing = "]]" if is_array else "]"
        if not self.at(closing):
            raise self.fail(f"expected {closing} to close the table header")
        self.pos += len(closing)
        parent = self.root
        for part in parts[:-1]:
            parent = parent.header_step(part.text) or self.new_table(
                parent, part, "implicit", opening
            )
        if is_array:
            return self.new_array_item(parent, parts[-1], opening)
        name = parts[-1]
        slot = parent.latest.get(name.text)
        if slot and isinstance(slot.value, _Table) and slot.value.kind == "implicit":
            slot.key = name
            slot.value.kind = "defined"
            slot.value.end = max(slot.value.end, self.pos)
            return slot.value
        return self.new_table(parent, name, "defined", opening)

    def new_table(self, parent: _Table, key: Scalar, kind: TableKind, start: int) -> _Table:
        if parent.depth >= MAX_DEPTH:
            raise self.fail(_TOO_DEEP, key.start)
        table = _Table(start, max(self.pos, key.end), parent.depth + 1, kind)
        parent.add(key, table)
        return table

    def new_array_item(self, parent: _Table, key: Scalar, opening: int) -> _Table:
        slot = parent.latest.get(key.text)
        array = slot.value if slot else None
        if not isinstance(array, _TableArray):
            array = _TableArray(opening, self.pos, parent.depth + 1, [])
            parent.add(key, array)
        if array.depth >= MAX_DEPTH:
            raise self.fail(_TOO_DEEP, key.start)
        table = _Table(opening, self.pos, array.depth + 1, "defined")
        array.tables.append(table)
        return table

    def key_value(self, table: _Table) -> list[Scalar]:
        """Parse key = value into the table; the parts of the key."""
        parts = self.key()
        if self.peek() != "=":
            raise self.fail(self.missing_equals(parts))
        self.pos += 1
        self.skip(_BLANK)
        for part in parts[:-1]:
            table = table.dotted_step(part.text) or self.new_table(
                table, part, "dotted", part.start
            )
        table.add(parts[-1], self.value(table.depth + 1, parts, in_list=False))
        return parts

    def missing_equals(self, parts: list[Scalar]) -> str:
        char = self.peek()
        label = _dotted(parts)
        if char == ":":
            return f"expected = after the key {label}; TOML uses key = value, not key: value"
        if char in ("", "\r", "\n", "#"):
            return f"expected = and a value after the key {label}"
        last = parts[-1]
        if not last.quoted and last.end == self.pos and char.isalnum():
            return _BARE_KEY_LETTERS
        if char in _KEY_START:
            return f'expected = after the key {label}; a key with spaces needs quotes: "my key"'
        return f"expected = after the key {label}"

    def key(self) -> list[Scalar]:
        parts = [self.key_part(None)]
        self.skip(_BLANK)
        while self.peek() == ".":
            self.pos += 1
            self.skip(_BLANK)
            parts.append(self.key_part(parts))
            self.skip(_BLANK)
        return parts

    def key_part(self, before: list[Scalar] | None) -> Scalar:
        """One part of a key; before holds the parts before the dot that precedes it."""
        if self.at('"""') or self.at("'''"):
            raise self.fail("a key cannot be a multi-line string")
        char = self.peek()
        if char == '"':
            return self.basic_string()
        if char == "'":
            return self.literal_string()
        match = _BARE_KEY.match(self.text, self.pos, self.end)
        if match is None:
            missing = f"a key after the dot in {_dotted(before)}." if before else "a key"
            raise self.fail(
                f'expected {missing}: a word of letters, digits, _ and -, or a "quoted key"'
            )
        self.pos = match.end()
        return Scalar(match.start(), match.end(), match.group(), match.group(), False)

    def value(self, depth: int, key: list[Scalar], *, in_list: bool) -> Node:
        """The value of a key, or an item (in_list) of a list that is the value of the key."""
        char = self.peek()
        if char == '"':
            return self.multiline_basic_string() if self.at('"""') else self.basic_string()
        if char == "'":
            return self.multiline_literal_string() if self.at("'''") else self.literal_string()
        if char == "[":
            return self.array(depth, key)
        if char == "{":
            return self.inline_table(depth)
        for literal, boolean in (("true", True), ("false", False)):
            if self.at(literal):
                self.pos += len(literal)
                return Scalar(self.pos - len(literal), self.pos, boolean, literal, False)
        if char in _DIGIT:
            moment = self.date_or_time()
            if moment:
                return moment
        number = self.number()
        if number:
            return number
        raise self.fail(self.bad_value(key, in_list=in_list))

    def bad_value(self, key: list[Scalar], *, in_list: bool) -> str:
        char = self.peek()
        where = f"in the list {_dotted(key)}" if in_list else f"for {_dotted(key)}"
        if char in ("", "\r", "\n", "#"):
            return f"expected a value {where}"
        if char == ".":
            return "a number must start with a digit, like 0.5"
        word = _WORD.match(self.text, self.pos, self.end)
        if word and word.group() in ("True", "False", "TRUE", "FALSE"):
            return "write true and false in lowercase"
        if word or not char.isascii():
            return f'text must be in quotes, like "Hello" (expected a value {where})'
        return f"expected a value {where}"

    def array(self, depth: int, key: list[Scalar]) -> Sequence:
        opening = self.pos
        if depth > MAX_DEPTH:
            raise self.fail(_TOO_DEEP)
        self.pos += 1
        items: list[Node] = []
        while True:
            self.array_space()
            if self.peek() == "]":
                break
            items.append(self.value(depth + 1, key, in_list=True))
            self.array_space()
            char = self.peek()
            if char == "]":
                break
            if char != ",":
                ends = ", but the front matter ends" if char == "" else ""
                raise self.fail(
                    f"expected a comma or ] after an item of the list {_dotted(key)}{ends}"
                )
            self.pos += 1
        self.pos += 1
        return Sequence(opening, self.pos, tuple(items))

    def array_space(self) -> None:
        """Blanks, line breaks and comments, all allowed between the items of a list."""
        while True:
            self.skip(_BLANK_AND_NEWLINES)
            if self.peek() != "#":
                return
            self.comment()

    def inline_table(self, depth: int) -> Mapping:
        opening = self.pos
        if depth > MAX_DEPTH:
            raise self.fail(_TOO_DEEP)
        self.pos += 1
        table = _Table(opening, opening, depth, "defined")
        self.skip(_BLANK)
        if self.peek() != "}":
            while True:
                self.inline_key_value(table)
                self.skip(_BLANK)
                if self.peek() == "}":
                    break
                comma = self.pos
                self.pos += 1
                self.skip(_BLANK)
                if self.peek() == "}":
                    raise self.fail(
                        "a trailing comma before } is not allowed in a TOML inline table", comma
                    )
        self.pos += 1
        table.end = self.pos
        return _mapping(table)

    def inline_key_value(self, table: _Table) -> None:
        char = self.peek()
        if char in ("\r", "\n"):
            raise self.fail(self.inline_not_one_line())
        if char == "":
            raise self.fail("this inline table is missing its closing }")
        key = self.key_value(table)
        self.skip(_BLANK)
        char = self.peek()
        if char in ("\r", "\n"):
            raise self.fail(self.inline_not_one_line())
        if char not in (",", "}"):
            ends = ", but the front matter ends" if char == "" else ""
            raise self.fail(f"expected a comma or }} after the value of {_dotted(key)}{ends}")

    @staticmethod
    def inline_not_one_line() -> str:
        return "an inline table { ... } must be on one line in TOML; use a [table] for longer ones"

    def basic_string(self) -> Scalar:
        opening = self.pos
        pos = opening + 1
        parts: list[str] = []
        while True:
            chunk = _BASIC_CHUNK.match(self.text, pos, self.end)
            if chunk:
                parts.append(chunk.group())
                pos = chunk.end()
            char = self.peek(pos)
            if char == '"':
                break
            if char == "\\":
                pos = self.escape(pos, parts, multiline=False)
            else:
                raise self.string_problem(pos, '"')
        self.pos = pos + 1
        return self.string_scalar(opening, "".join(parts))

    def literal_string(self) -> Scalar:
        opening = self.pos
        chunk = _LITERAL_CHUNK.match(self.text, opening + 1, self.end)
        pos = chunk.end() if chunk else opening + 1
        if self.peek(pos) != "'":
            raise self.string_problem(pos, "'")
        self.pos = pos + 1
        return self.string_scalar(opening, self.text[opening + 1 : pos])

    def string_problem(self, pos: int, quote: str) -> FrontMatterError:
        char = self.peek(pos)
        if char == "":
            return self.fail(f"this string is missing its closing {quote}", pos)
        if char in ("\r", "\n"):
            return self.fail(
                f"this string is missing its closing {quote} before the end of the line; "
                f"use {quote * 3} for text over several lines",
                pos,
            )
        return self.fail(self.control_character(char, "a string"), pos)

    def multiline_basic_string(self) -> Scalar:
        opening = self.pos
        pos = self.after_opening_newline(opening + 3)
        parts: list[str] = []
        while True:
            chunk = _BASIC_CHUNK.match(self.text, pos, self.end)
            if chunk:
                parts.append(chunk.group())
                pos = chunk.end()
            char = self.peek(pos)
            if self.at('"""', pos):
                pos = self.closing_quotes(pos, '"', parts)
                break
            if char == '"' or char == "\n":
                parts.append(char)
                pos += 1
            elif self.at("\r\n", pos):
                parts.append("\n")
                pos += 2
            elif char == "\\":
                pos = self.escape(pos, parts, multiline=True)
            elif char == "":
                raise self.fail('this multi-line string is missing its closing """', pos)
            else:
                raise self.fail(self.control_character(char, "a string"), pos)
        self.pos = pos
        return self.string_scalar(opening, "".join(parts))

    def multiline_literal_string(self) -> Scalar:
        opening = self.pos
        first = self.after_opening_newline(opening + 3)
        close = self.text.find("'''", first, self.end)
        if close < 0:
            raise self.fail("this multi-line string is missing its closing '''", self.end)
        bad = _MULTILINE_LITERAL_BAD.search(self.text, first, close)
        if bad:
            raise self.fail(self.control_character(bad.group(), "a string"), bad.start())
        parts = [self.text[first:close].replace("\r\n", "\n")]
        self.pos = self.closing_quotes(close, "'", parts)
        return self.string_scalar(opening, "".join(parts))

    def after_opening_newline(self, pos: int) -> int:
        """A line break right after the opening quotes is not part of a multi-line string."""
        if self.at("\n", pos):
            return pos + 1
        return pos + 2 if self.at("\r\n", pos) else pos

    def closing_quotes(self, pos: int, quote: str, parts: list[str]) -> int:
        """Past the closing quotes; up to two quotes more before them belong to the string."""
        pos += 3
        for _ in range(2):
            if self.peek(pos) == quote:
                parts.append(quote)
                pos += 1
        return pos

    def string_scalar(self, opening: int, content: str) -> Scalar:
        return Scalar(opening, self.pos, content, content, True)

    def escape(self, pos: int, parts: list[str], *, multiline: bool) -> int:
        code = self.peek(pos + 1)
        if code in _ESCAPES:
            parts.append(_ESCAPES[code])
            return pos + 2
        if code in ("u", "U"):
            size = 4 if code == "u" else 8
            digits = self.text[pos + 2 : min(pos + 2 + size, self.end)]
            if len(digits) != size or not _HEX_DIGIT.issuperset(digits):
                raise self.fail(f"\\{code} must be followed by {size} hexadecimal digits", pos)
            point = int(digits, 16)
            if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
                raise self.fail(f"\\{code}{digits} is not a valid Unicode character", pos)
            parts.append(chr(point))
            return pos + 2 + size
        if multiline:
            blank = _BLANK.match(self.text, pos + 1, self.end)
            after = blank.end() if blank else pos + 1
            if self.peek(after) == "\n" or self.at("\r\n", after):
                newlines = _BLANK_AND_NEWLINES.match(self.text, after, self.end)
                return newlines.end() if newlines else after
        if code == "":
            closing = '"""' if multiline else '"'
            raise self.fail(f"this string is missing its closing {closing}", pos + 1)
        if code in ("\r", "\n") and not multiline:
            raise self.string_problem(pos + 1, '"')
        raise self.fail(
            f'unknown escape "\\{code}" in a string; write \\\\ for a backslash, '
            "or use a 'literal string' where backslashes are plain text",
            pos,
        )

    def date_or_time(self) -> Scalar | None:
        first = self.pos
        match = _DATE_TIME.match(self.text, first, self.end) or _LOCAL_TIME.match(
            self.text, first, self.end
        )
        if match is None:
            return None
        try:
            moment = _moment(match)
        except ValueError:
            raise self.fail(f"{match.group()} is not a valid date", first) from None
        self.pos = match.end()
        char = self.peek()
        runs_on = char.isalnum() or char in _NUMBER_PUNCTUATION
        if runs_on or (char == " " and self.peek(self.pos + 1) in _DIGIT):
            raise self.fail(_BAD_MOMENT)
        return Scalar(first, self.pos, moment, match.group(), False)

    def number(self) -> Scalar | None:
        first = self.pos
        match = _NUMBER.match(self.text, first, self.end)
        if match is None:
            return None
        self.pos = match.end()
        problem = self.number_problem(match)
        if problem:
            raise self.fail(problem)
        literal = match.group()
        value: int | float
        if match.group("fraction") or match.group("exponent") or literal[-3:] in _SPECIAL_FLOATS:
            value = float(literal)
        elif literal.startswith(("0x", "0o", "0b")):
            value = int(literal, 0)
        else:
            value = self.decimal(literal, first)
        return Scalar(first, self.pos, value, literal, False)

    def decimal(self, literal: str, first: int) -> int:
        if len(literal) <= _MAX_INT_DIGITS:
            with suppress(ValueError):
                return int(literal)
        raise self.fail("this number has too many digits", first)

    def number_problem(self, match: re.Match[str]) -> str | None:
        """What is wrong when a number runs on into characters that cannot follow it."""
        char = self.peek()
        if not (char.isalnum() or char in _NUMBER_PUNCTUATION):
            return None
        literal = match.group()
        if _DATE_OR_TIME_LIKE.match(self.text, match.start(), self.end):
            return _BAD_MOMENT
        if char in _DIGIT and literal.lstrip("+-") == "0":
            return "a number cannot start with 0 (no leading zeros)"
        if char == "_":
            return "an underscore in a number must be between two digits"
        if char == "." and not match.group("fraction") and literal[-1] in _DIGIT:
            return "a decimal point must be followed by digits, like 1.0"
        if char in ("e", "E") and not match.group("exponent"):
            return "an exponent e must be followed by digits, like 1e6"
        return "this is not a valid number; if it is meant as text, put it in quotes"


def _moment(match: re.Match[str]) -> ScalarValue:
    """The datetime, date or time of a _DATE_TIME or _LOCAL_TIME match, as tomllib makes it."""
    groups = match.groups()
    if match.re is _LOCAL_TIME:
        hour, minute, second, fraction = groups
        return dt.time(int(hour), int(minute), int(second), _microseconds(fraction))
    year, month, day, hour, minute, second, fraction, zulu, sign, offset_h, offset_m = groups
    date = dt.date(int(year), int(month), int(day))
    if hour is None:
        return date
    zone: dt.tzinfo | None = None
    if zulu:
        zone = dt.timezone.utc
    elif sign:
        direction = 1 if sign == "+" else -1
        zone = dt.timezone(
            dt.timedelta(hours=direction * int(offset_h), minutes=direction * int(offset_m))
        )
    return dt.datetime(
        date.year,
        date.month,
        date.day,
        int(hour),
        int(minute),
        int(second),
        _microseconds(fraction),
        tzinfo=zone,
    )


def _microseconds(fraction: str | None) -> int:
    return int(fraction[:6].ljust(6, "0")) if fraction else 0


def _check_with_tomllib(text: str, start: int, end: int) -> None:
    """Raise what tomllib finds wrong with the block, except duplicates, which are kept."""
    block = text[start:end]
    try:
        tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if message.startswith(_DUPLICATE_COMPLAINTS):
            return
        position = _TOMLLIB_POSITION.search(message)
        offset = start
        if position and position.group(1):
            offset = _offset_of(block, start, int(position.group(1)), int(position.group(2)))
        bare = message[: position.start()] if position else message
        raise FrontMatterError(f"invalid TOML: {bare}", min(offset, end)) from None
    except (ValueError, RecursionError):
        raise FrontMatterError("the TOML front matter cannot be read", start) from None


def _offset_of(block: str, start: int, line: int, column: int) -> int:
    """The offset of tomllib's line and column, counted in the block with CRLF read as LF."""
    line_start = 0
    for _ in range(line - 1):
        line_start = block.find("\n", line_start) + 1
        if line_start == 0:
            return start + len(block)
    return start + line_start + column - 1
