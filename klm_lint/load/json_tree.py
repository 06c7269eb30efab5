"""JSON front matter (strict RFC 8259) parsed into a node tree with exact offsets."""

from __future__ import annotations

import json
import re
from contextlib import suppress

from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, Sequence
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')
_DIGITS = re.compile(r"[0-9]*")
_WORD = re.compile(r"[A-Za-z_]+")
_DIGIT = frozenset("0123456789")
_HEX_DIGIT = frozenset("0123456789abcdefABCDEF")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LITERALS: dict[str, bool | None] = {"true": True, "false": False, "null": None}
_MAX_INT_DIGITS = 4300
"""Python's own limit for turning digits into an int (int() is quadratic beyond it)."""

_TOO_DEEP = (
    f"the front matter is nested too deeply (more than {MAX_DEPTH} levels of lists and objects)"
)


def parse_json(text: str, start: int, end: int) -> Mapping:
    """Parse the JSON object in text[start:end]; node offsets are offsets into text."""
    return _JsonParser(text, start, end).document()


def _describe(key: str) -> str:
    """A key quoted for a message, shortened and with control characters escaped."""
    return json.dumps(key if len(key) <= 40 else key[:39] + "…", ensure_ascii=False)


class _JsonParser:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.end = min(end, len(text))

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < self.end else ""

    def fail(self, message: str, at: int | None = None) -> FrontMatterError:
        return FrontMatterError(message, min(self.pos if at is None else at, self.end))

    def skip_whitespace(self) -> None:
        match = _WHITESPACE.match(self.text, self.pos, self.end)
        if match:
            self.pos = match.end()

    def document(self) -> Mapping:
        self.skip_whitespace()
        if self.peek() != "{":
            raise self.fail(self.not_an_object())
        root = self.object(1)
        self.skip_whitespace()
        if self.pos < self.end:
            raise self.fail(
                "unexpected text after the closing } of the front matter; "
                "the JSON front matter must be a single object"
            )
        return root

    def not_an_object(self) -> str:
        char = self.peek()
        if char == "":
            return (
                "the JSON front matter is empty; it must be an object of keys and values, "
                'like {"title": "..."}'
            )
        kinds = {"[": "a list", '"': "a text string", "-": "a number"}
        kind = kinds.get(char) or ("a number" if char in _DIGIT else None)
        for literal in _LITERALS:
            if self.text.startswith(literal, self.pos, self.end):
                kind = literal
        if kind is None:
            return "the JSON front matter must be an object of keys and values starting with {"
        return f"the JSON front matter must be an object of keys and values, not {kind}"

    def object(self, depth: int) -> Mapping:
        opening = self.pos
        if depth > MAX_DEPTH:
            raise self.fail(_TOO_DEEP)
        self.pos += 1
        self.skip_whitespace()
        if self.peek() == "}":
            self.pos += 1
            return Mapping(opening, self.pos, ())
        entries: list[Entry] = []
        while True:
            key = self.key()
            self.skip_whitespace()
            if self.peek() != ":":
                raise self.fail(f"expected a colon : after the key {_describe(key.text)}")
            self.pos += 1
            self.skip_whitespace()
            entries.append(Entry(key, self.value(depth, key, in_list=False)))
            if self.closed_after_item("}", f"the value of {_describe(key.text)}"):
                return Mapping(opening, self.pos, tuple(entries))

    def key(self) -> Scalar:
        char = self.peek()
        if char == '"':
            return self.string()
        if char == "":
            raise self.fail("the front matter ends before the closing } of an object")
        if char == "'":
            raise self.fail("keys must be in double quotes in JSON, not single quotes")
        raise self.fail('expected a key in double quotes, like "title"')

    def value(self, depth: int, key: Scalar, *, in_list: bool) -> Node:
        """The value of a key, or an item (in_list) of a list that is the value of the key."""
        char = self.peek()
        if char == '"':
            return self.string()
        if char == "{":
            return self.object(depth + 1)
        if char == "[":
            return self.array(depth + 1, key)
        if char == "-" or char in _DIGIT:
            return self.number()
        for literal, value in _LITERALS.items():
            if self.text.startswith(literal, self.pos, self.end):
                self.pos += len(literal)
                return Scalar(self.pos - len(literal), self.pos, value, literal, False)
        raise self.fail(self.bad_value(key, in_list=in_list))

    def bad_value(self, key: Scalar, *, in_list: bool) -> str:
        char = self.peek()
        where = f"in the list {_describe(key.text)}" if in_list else f"for {_describe(key.text)}"
        if char == "":
            return f"expected a value {where}, but the front matter ends"
        if char == "'":
            return "text must be in double quotes in JSON, not single quotes"
        if char == "+":
            return "a number cannot start with + in JSON"
        if char == ".":
            return "a number must start with a digit, like 0.5"
        word = _WORD.match(self.text, self.pos, self.end)
        if word is None:
            return f"expected a value {where}"
        if word.group() in {"NaN", "Infinity"}:
            return "NaN and Infinity are not allowed in JSON"
        if word.group().lower() in {*_LITERALS, "none"}:
            return "write true, false and null in lowercase"
        return f'text must be in double quotes, like "Hello" (expected a value {where})'

    def array(self, depth: int, key: Scalar) -> Sequence:
        opening = self.pos
        if depth > MAX_DEPTH:
            raise self.fail(_TOO_DEEP)
        self.pos += 1
        self.skip_whitespace()
        if self.peek() == "]":
            self.pos += 1
            return Sequence(opening, self.pos, ())
        items: list[Node] = []
        while True:
            items.append(self.value(depth, key, in_list=True))
            if self.closed_after_item("]", f"an item of the list {_describe(key.text)}"):
                return Sequence(opening, self.pos, tuple(items))

    def closed_after_item(self, closer: str, item: str) -> bool:
        """After an item of an object or array: True past the closing bracket, False past the
        comma before the next item; anything else, a trailing comma included, is an error."""
        self.skip_whitespace()
        char = self.peek()
        if char == closer:
            self.pos += 1
            return True
        if char != ",":
            ends = ", but the front matter ends" if char == "" else ""
            raise self.fail(f"expected a comma or {closer} after {item}{ends}")
        comma = self.pos
        self.pos += 1
        self.skip_whitespace()
        if self.peek() == closer:
            raise self.fail(f"a trailing comma before {closer} is not allowed in JSON", comma)
        return False

    def number(self) -> Scalar:
        first = self.pos
        pos = first + (self.text[first] == "-")
        if not self.digit_at(pos):
            if self.text.startswith("Infinity", pos, self.end):
                raise self.fail("NaN and Infinity are not allowed in JSON", first)
            raise self.fail("a minus sign must be followed by a digit", pos)
        if self.text[pos] == "0":
            pos += 1
            if self.digit_at(pos):
                raise self.fail("a number cannot start with 0 in JSON (no leading zeros)", pos - 1)
        else:
            pos = self.skip_digits(pos)
        is_float = False
        if pos < self.end and self.text[pos] == ".":
            pos += 1
            if not self.digit_at(pos):
                raise self.fail("a decimal point must be followed by a digit, like 1.0", pos)
            pos = self.skip_digits(pos)
            is_float = True
        if pos < self.end and self.text[pos] in "eE":
            pos += 1
            if pos < self.end and self.text[pos] in "+-":
                pos += 1
            if not self.digit_at(pos):
                raise self.fail("an exponent e must be followed by digits, like 1e6", pos)
            pos = self.skip_digits(pos)
            is_float = True
        literal = self.text[first:pos]
        self.pos = pos
        if is_float:
            return Scalar(first, pos, float(literal), literal, False)
        if len(literal) <= _MAX_INT_DIGITS:
            with suppress(ValueError):
                return Scalar(first, pos, int(literal), literal, False)
        raise self.fail("this number has too many digits", first)

    def digit_at(self, pos: int) -> bool:
        return pos < self.end and self.text[pos] in _DIGIT

    def skip_digits(self, pos: int) -> int:
        match = _DIGITS.match(self.text, pos, self.end)
        return match.end() if match else pos

    def string(self) -> Scalar:
        opening = self.pos
        pos = opening + 1
        parts: list[str] = []
        while True:
            chunk = _STRING_CHUNK.match(self.text, pos, self.end)
            if chunk:
                parts.append(chunk.group())
                pos = chunk.end()
            char = self.text[pos] if pos < self.end else ""
            if char == '"':
                break
            if char == "\\":
                pos = self.escape(pos, parts)
            elif char == "":
                raise self.fail('unterminated string: the closing " is missing', self.end)
            elif char in ("\r", "\n"):
                raise self.line_break_in_string(pos)
            else:
                raise self.fail(
                    f"the control character U+{ord(char):04X} is not allowed inside a string; "
                    "write it as an escape such as \\t",
                    pos,
                )
        self.pos = pos + 1
        content = "".join(parts)
        return Scalar(opening, self.pos, content, content, True)

    def line_break_in_string(self, pos: int) -> FrontMatterError:
        return self.fail(
            'a line break inside a string is not allowed in JSON; close the string with " '
            "or write the line break as \\n",
            pos,
        )

    def escape(self, pos: int, parts: list[str]) -> int:
        code = self.text[pos + 1] if pos + 1 < self.end else ""
        if code in _ESCAPES:
            parts.append(_ESCAPES[code])
            return pos + 2
        if code == "":
            raise self.fail('unterminated string: the closing " is missing', self.end)
        if code in ("\r", "\n"):
            raise self.line_break_in_string(pos + 1)
        if code != "u":
            raise self.fail(
                f'unknown escape "\\{code}" in a string; write \\\\ for a backslash', pos
            )
        point = self.hex_escape(pos)
        pos += 6
        if 0xD800 <= point <= 0xDBFF and self.text.startswith("\\u", pos, self.end):
            low = self.hex_escape(pos)
            if 0xDC00 <= low <= 0xDFFF:
                point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)
                pos += 6
        parts.append(chr(point))
        return pos

    def hex_escape(self, pos: int) -> int:
        digits = self.text[pos + 2 : min(pos + 6, self.end)]
        if len(digits) != 4 or not _HEX_DIGIT.issuperset(digits):
            raise self.fail("\\u in a string must be followed by four hexadecimal digits", pos)
        return int(digits, 16)
