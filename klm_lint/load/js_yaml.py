"""js-yaml's loader in Python: which front matter js-yaml 3.15.2 (gray-matter) and 4.3.2 read,
where they stop, and the node tree they read, with positions.

klm-lint reads YAML with libyaml, which is fast and agrees with js-yaml on plain front matter.
Where the two part ways (libyaml refuses a tab on a blank line, an anchor named `&a:b`, a flow
value `{x: :x}`; js-yaml 3 accepts tabs as indentation), this module reads the text the way the
site's js-yaml does. It is a line-by-line port of lib/loader.js (composeNode, readBlockMapping,
readPlainScalar…), with js-yaml 3's differences behind `version == 3`, and it builds PyYAML nodes
(marks hold offsets into the text) for the same tree builder as libyaml's nodes. Resolving tags,
merge keys and duplicate keys is left to that builder, which does it for both.
"""

from __future__ import annotations

import re
from typing import Literal

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from klm_lint.load.syntax import MAX_DEPTH
from klm_lint.load.yaml_core import MAP, NONSPECIFIC, PLAIN, QUOTED, SEQ, YAML

_FLOW_IN, _FLOW_OUT, _BLOCK_IN, _BLOCK_OUT = 1, 2, 3, 4
_CLIP, _STRIP, _KEEP = 1, 2, 3
_EOF = "\0"
_WHITE = " \t"
_WS_OR_EOL = " \t\n\r"
_FLOW_INDICATORS = ",[]{}"
_NAME_ENDS = _WS_OR_EOL + _FLOW_INDICATORS + _EOF
_NON_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]"
)
_TAG_HANDLE = {3: re.compile(r"!|!!|![a-zA-Z\-]+!"), 4: re.compile(r"!|!!|![0-9A-Za-z-]+!")}
_TAG_URI = re.compile(r"(?:!|[^,\[\]{}])(?:%[0-9a-fA-F]{2}|[0-9a-zA-Z\-#;/?:@&=+$,_.!~*'()\[\]])*")
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)")
_PERCENT_ESCAPES = re.compile(r"(?:%[0-9a-fA-F]{2})+")
_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\x09",
    "\t": "\x09",
    "n": "\x0a",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\x0d",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTHS = {"x": 2, "u": 4, "U": 8}
_MAX_DEPTH_4 = 100
"""js-yaml 4's maxDepth option, at its default."""
_DEEPEST = MAX_DEPTH + 10
"""js-yaml 3 has no limit; klm-lint refuses more than MAX_DEPTH levels anyway, so reading
stops a little deeper than that, before Python's own recursion limit."""


class JsYamlError(Exception):
    """js-yaml throws: `reason` in its words, at `offset` into the text."""

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


class _TooDeep(Exception):
    """Nested past the depth klm-lint reads, at `offset`."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def compose(text: str, version: Literal[3, 4]) -> Node | None:
    """The one document in text as js-yaml reads it (None: empty), or JsYamlError."""
    return _Loader(text, version).load()


def _mark(offset: int) -> Mark:
    return Mark("", offset, 0, 0, None, 0)


def _decode_uri(text: str) -> str:
    """decodeURIComponent, which js-yaml 4 applies to tag names and %TAG prefixes."""

    def decode(match: re.Match[str]) -> str:
        raw = bytes.fromhex(match.group().replace("%", ""))
        return raw.decode("utf-8")

    return _PERCENT_ESCAPES.sub(decode, text)


class _Loader:
    def __init__(self, text: str, version: Literal[3, 4]) -> None:
        self.source_length = len(text)
        if text and text[-1] not in "\n\r":
            text += "\n"
        self.v4 = version == 4
        self.version = version
        self.length = len(text)
        self.input = text + _EOF
        self.position = 0
        self.line = 0
        self.line_start = 0
        self.line_indent = 0
        self.first_tab = -1
        self.depth = 0
        self.documents: list[Node | None] = []
        self.tag: str | None = None
        self.anchor: str | None = None
        self.kind: str | None = None
        self.result: Node | None = None
        self.parts: list[str] = []
        """The text of the scalar being read (js-yaml's state.result while it is a string)."""
        self.anchors: dict[str, Node] = {}
        self.transactions: list[dict[str, tuple[bool, Node | None]]] = []
        self.tag_map: dict[str, str] = {}
        self.property_start = -1
        """Where the node's first property (anchor or tag) starts, -1 for none."""
        self.scalar_end = 0
        self.style = ""

    # Errors and helpers ------------------------------------------------------------------

    def fail(self, reason: str) -> JsYamlError:
        return JsYamlError(reason, min(self.position, self.length))

    def ch(self, offset: int = 0) -> str:
        return self.input[self.position + offset]

    def store_anchor(self, name: str, value: Node | None) -> None:
        if self.transactions:
            transaction = self.transactions[-1]
            if name not in transaction:
                transaction[name] = (name in self.anchors, self.anchors.get(name))
        if value is None:
            self.anchors.pop(name, None)
            self.anchors[name] = _empty(self.position)
        else:
            self.anchors[name] = value

    def snapshot(self) -> tuple[object, ...]:
        return (
            self.position,
            self.line,
            self.line_start,
            self.line_indent,
            self.first_tab,
            self.tag,
            self.anchor,
            self.kind,
            self.result,
            self.property_start,
        )

    def restore(self, saved: tuple[object, ...]) -> None:
        (
            self.position,
            self.line,
            self.line_start,
            self.line_indent,
            self.first_tab,
            self.tag,
            self.anchor,
            self.kind,
            self.result,
            self.property_start,
        ) = saved  # type: ignore[assignment]

    def capture(self, start: int, end: int) -> None:
        if start < end:
            segment = self.input[start:end]
            if _NON_PRINTABLE.search(segment) and _non_printable(segment):
                raise self.fail("the stream contains non-printable characters")
            self.parts.append(segment)

    def capture_json(self, start: int, end: int) -> None:
        if start < end:
            segment = self.input[start:end]
            if any(c != "\t" and c < " " for c in segment):
                raise self.fail("expected valid JSON character")
            self.parts.append(segment)

    def read_line_break(self) -> None:
        ch = self.ch()
        if ch == "\n":
            self.position += 1
        elif ch == "\r":
            self.position += 1
            if self.ch() == "\n":
                self.position += 1
        else:
            raise self.fail("a line break is expected")
        self.line += 1
        self.line_start = self.position
        self.first_tab = -1

    def skip_separation_space(self, allow_comments: bool, check_indent: int) -> int:
        line_breaks = 0
        text = self.input
        ch = text[self.position]
        while ch != _EOF:
            while ch in _WHITE:
                if ch == "\t" and self.first_tab == -1:
                    self.first_tab = self.position
                self.position += 1
                ch = text[self.position]
            if allow_comments and ch == "#":
                end = _line_end(text, self.position)
                self.position = end
                ch = text[end]
            if ch in "\n\r":
                self.read_line_break()
                ch = text[self.position]
                line_breaks += 1
                self.line_indent = 0
                while ch == " ":
                    self.line_indent += 1
                    self.position += 1
                    ch = text[self.position]
            else:
                break
        return line_breaks

    def test_document_separator(self) -> bool:
        ch = self.ch()
        if ch in "-." and self.ch(1) == ch and self.ch(2) == ch:
            return self.ch(3) == _EOF or self.ch(3) in _WS_OR_EOL
        return False

    def write_folded_lines(self, count: int) -> None:
        if count == 1:
            self.parts.append(" ")
        elif count > 1:
            self.parts.append("\n" * (count - 1))

    # Scalars ----------------------------------------------------------------------------

    def read_plain_scalar(self, node_indent: int, within_flow: bool) -> bool:
        text = self.input
        ch = text[self.position]
        if ch in _WS_OR_EOL or ch in _FLOW_INDICATORS or ch in "#&*!|>'\"%@`":
            return False
        if ch in "?-":
            following = text[self.position + 1]
            if following in _WS_OR_EOL or (within_flow and following in _FLOW_INDICATORS):
                return False
        kind, parts = self.kind, self.parts
        self.kind = "scalar"
        self.parts = []
        capture_start = capture_end = self.position
        pending = False
        saved_line = saved_line_start = saved_indent = 0
        while ch != _EOF:
            if ch == ":":
                following = text[self.position + 1]
                if following in _WS_OR_EOL or (within_flow and following in _FLOW_INDICATORS):
                    break
            elif ch == "#":
                if text[self.position - 1] in _WS_OR_EOL:
                    break
            elif (self.position == self.line_start and self.test_document_separator()) or (
                within_flow and ch in _FLOW_INDICATORS
            ):
                break
            elif ch in "\n\r":
                saved_line, saved_line_start, saved_indent = (
                    self.line,
                    self.line_start,
                    self.line_indent,
                )
                self.skip_separation_space(False, -1)
                if self.line_indent >= node_indent:
                    pending = True
                    ch = text[self.position]
                    continue
                self.position = capture_end
                self.line, self.line_start, self.line_indent = (
                    saved_line,
                    saved_line_start,
                    saved_indent,
                )
                break
            if pending:
                self.capture(capture_start, capture_end)
                self.write_folded_lines(self.line - saved_line)
                capture_start = capture_end = self.position
                pending = False
            if ch not in _WHITE:
                capture_end = self.position + 1
            self.position += 1
            ch = text[self.position]
        self.capture(capture_start, capture_end)
        if self.parts:
            self.scalar_end = capture_end
            self.style = ""
            return True
        self.kind, self.parts = kind, parts
        return False

    def read_single_quoted(self, node_indent: int) -> bool:
        text = self.input
        if text[self.position] != "'":
            return False
        self.kind = "scalar"
        self.parts = []
        self.position += 1
        capture_start = capture_end = self.position
        while (ch := text[self.position]) != _EOF:
            if ch == "'":
                self.capture_json(capture_start, self.position)
                self.position += 1
                if text[self.position] == "'":
                    capture_start = self.position
                    self.position += 1
                    capture_end = self.position
                else:
                    self.scalar_end = self.position
                    self.style = "'"
                    return True
            elif ch in "\n\r":
                self.capture_json(capture_start, capture_end)
                self.write_folded_lines(self.skip_separation_space(False, node_indent))
                capture_start = capture_end = self.position
            elif self.position == self.line_start and self.test_document_separator():
                raise self.fail("unexpected end of the document within a single quoted scalar")
            else:
                self.position += 1
                if not self.v4 or ch not in _WHITE:
                    capture_end = self.position
        raise self.fail("unexpected end of the stream within a single quoted scalar")

    def read_double_quoted(self, node_indent: int) -> bool:
        text = self.input
        if text[self.position] != '"':
            return False
        self.kind = "scalar"
        self.parts = []
        self.position += 1
        capture_start = capture_end = self.position
        while (ch := text[self.position]) != _EOF:
            if ch == '"':
                self.capture_json(capture_start, self.position)
                self.position += 1
                self.scalar_end = self.position
                self.style = '"'
                if any("\ud800" <= char <= "\udfff" for part in self.parts for char in part):
                    self.parts = [_pair_surrogates("".join(self.parts))]
                return True
            if ch == "\\":
                self.capture_json(capture_start, self.position)
                self.position += 1
                ch = text[self.position]
                if ch in "\n\r":
                    self.skip_separation_space(False, node_indent)
                elif ch in _ESCAPES:
                    self.parts.append(_ESCAPES[ch])
                    self.position += 1
                elif ch in _HEX_LENGTHS:
                    code = 0
                    for _ in range(_HEX_LENGTHS[ch]):
                        self.position += 1
                        digit = text[self.position]
                        if digit not in "0123456789abcdefABCDEF":
                            raise self.fail("expected hexadecimal character")
                        code = code * 16 + int(digit, 16)
                    self.parts.append(_from_code_point(code))
                    self.position += 1
                else:
                    raise self.fail("unknown escape sequence")
                capture_start = capture_end = self.position
            elif ch in "\n\r":
                self.capture_json(capture_start, capture_end)
                self.write_folded_lines(self.skip_separation_space(False, node_indent))
                capture_start = capture_end = self.position
            elif self.position == self.line_start and self.test_document_separator():
                raise self.fail("unexpected end of the document within a double quoted scalar")
            else:
                self.position += 1
                if not self.v4 or ch not in _WHITE:
                    capture_end = self.position
        raise self.fail("unexpected end of the stream within a double quoted scalar")

    def read_block_scalar(self, node_indent: int) -> bool:
        text = self.input
        ch = text[self.position]
        if ch == "|":
            folding = False
        elif ch == ">":
            folding = True
        else:
            return False
        self.kind = "scalar"
        self.parts = []
        chomping = _CLIP
        did_read = detected = at_more_indented = False
        text_indent = node_indent
        empty_lines = 0
        while ch != _EOF:
            self.position += 1
            ch = text[self.position]
            if ch in "+-":
                if chomping != _CLIP:
                    raise self.fail("repeat of a chomping mode identifier")
                chomping = _KEEP if ch == "+" else _STRIP
            elif ch in "0123456789":
                if ch == "0":
                    raise self.fail(
                        "bad explicit indentation width of a block scalar; it cannot be less "
                        "than one"
                    )
                if detected:
                    raise self.fail("repeat of an indentation width identifier")
                text_indent = node_indent + int(ch) - 1
                detected = True
            else:
                break
        if ch in _WHITE:
            while ch in _WHITE:
                self.position += 1
                ch = text[self.position]
            if ch == "#":
                self.position = _line_end(text, self.position)
                ch = text[self.position]
        end = self.position
        while ch != _EOF:
            self.read_line_break()
            self.line_indent = 0
            ch = text[self.position]
            while (not detected or self.line_indent < text_indent) and ch == " ":
                self.line_indent += 1
                self.position += 1
                ch = text[self.position]
            if not detected and self.line_indent > text_indent:
                text_indent = self.line_indent
            if ch in "\n\r":
                empty_lines += 1
                continue
            if self.v4 and not detected and text_indent == 0:
                raise self.fail("missing indentation for block scalar")
            if self.line_indent < text_indent:
                end = self.line_start
                if chomping == _KEEP:
                    self.parts.append("\n" * ((1 + empty_lines) if did_read else empty_lines))
                elif chomping == _CLIP and did_read:
                    self.parts.append("\n")
                break
            if folding:
                if ch in _WHITE:
                    at_more_indented = True
                    self.parts.append("\n" * ((1 + empty_lines) if did_read else empty_lines))
                elif at_more_indented:
                    at_more_indented = False
                    self.parts.append("\n" * (empty_lines + 1))
                elif empty_lines == 0:
                    if did_read:
                        self.parts.append(" ")
                else:
                    self.parts.append("\n" * empty_lines)
            else:
                self.parts.append("\n" * ((1 + empty_lines) if did_read else empty_lines))
            did_read = detected = True
            empty_lines = 0
            capture_start = self.position
            self.position = _line_end(text, self.position)
            ch = text[self.position]
            self.capture(capture_start, self.position)
        else:
            end = self.position
        self.scalar_end = end
        self.style = "|" if not folding else ">"
        return True

    # Collections --------------------------------------------------------------------------

    def read_flow_collection(self, node_indent: int) -> bool:
        text = self.input
        ch = text[self.position]
        if ch == "[":
            terminator, is_mapping = "]", False
        elif ch == "{":
            terminator, is_mapping = "}", True
        else:
            return False
        tag, anchor, start = self.tag, self.anchor, self.node_start()
        items: list[object] = []
        node: Node = (
            MappingNode(MAP, items, _mark(start), _mark(start), True)
            if is_mapping
            else SequenceNode(SEQ, items, _mark(start), _mark(start), True)
        )
        if anchor is not None:
            self.store_anchor(anchor, node)
        self.position += 1
        ch = text[self.position]
        read_next = True
        while ch != _EOF:
            self.skip_separation_space(True, node_indent)
            ch = text[self.position]
            if ch == terminator:
                self.position += 1
                self.tag, self.anchor, self.kind = (
                    tag,
                    anchor,
                    "mapping" if is_mapping else "sequence",
                )
                node.end_mark = _mark(self.position)
                self.result = node
                return True
            if not read_next:
                raise self.fail("missed comma between flow collection entries")
            if self.v4 and ch == ",":
                raise self.fail("expected the node content, but found ','")
            is_pair = is_explicit = False
            pair_start = self.position
            if ch == "?" and text[self.position + 1] in _WS_OR_EOL:
                is_pair = is_explicit = True
                self.position += 1
                self.skip_separation_space(True, node_indent)
            line = self.line
            self.compose_node(node_indent, _FLOW_IN, False, True)
            key = self.taken()
            self.skip_separation_space(True, node_indent)
            ch = text[self.position]
            value: Node | None = None
            if (is_explicit or self.line == line) and ch == ":":
                is_pair = True
                self.position += 1
                self.skip_separation_space(True, node_indent)
                self.compose_node(node_indent, _FLOW_IN, False, True)
                value = self.taken()
            key = key or _empty(pair_start)
            if is_mapping:
                items.append((key, value or _empty(self.position)))
            elif is_pair:
                pair_end = self.position
                pair = MappingNode(
                    MAP,
                    [(key, value or _empty(pair_end))],
                    _mark(pair_start),
                    _mark(pair_end),
                    True,
                )
                items.append(pair)
            else:
                items.append(key)
            self.skip_separation_space(True, node_indent)
            ch = text[self.position]
            if ch == ",":
                read_next = True
                self.position += 1
                ch = text[self.position]
            else:
                read_next = False
        raise self.fail("unexpected end of the stream within a flow collection")

    def read_block_sequence(self, node_indent: int) -> bool:
        text = self.input
        if self.v4 and self.first_tab != -1:
            return False
        tag, anchor, start = self.tag, self.anchor, self.node_start()
        items: list[Node] = []
        node = SequenceNode(SEQ, items, _mark(start), _mark(start), False)
        if anchor is not None:
            self.store_anchor(anchor, node)
        ch = text[self.position]
        detected = False
        while ch != _EOF:
            if self.v4 and self.first_tab != -1:
                self.position = self.first_tab
                raise self.fail("tab characters must not be used in indentation")
            if ch != "-" or text[self.position + 1] not in _WS_OR_EOL:
                break
            detected = True
            self.position += 1
            item_start = self.position
            if self.skip_separation_space(True, -1) and self.line_indent <= node_indent:
                items.append(_empty(item_start))
                ch = text[self.position]
                continue
            line = self.line
            self.compose_node(node_indent, _BLOCK_IN, False, True)
            items.append(self.taken() or _empty(item_start))
            self.skip_separation_space(True, -1)
            ch = text[self.position]
            if (self.line == line or self.line_indent > node_indent) and ch != _EOF:
                raise self.fail("bad indentation of a sequence entry")
            if self.line_indent < node_indent:
                break
        if detected:
            self.tag, self.anchor, self.kind = tag, anchor, "sequence"
            node.end_mark = _mark(self.position)
            self.result = node
            return True
        return False

    def read_block_mapping(self, node_indent: int, flow_indent: int) -> bool:
        text = self.input
        if self.v4 and self.first_tab != -1:
            return False
        tag, anchor, start = self.tag, self.anchor, self.node_start()
        items: list[tuple[Node, Node]] = []
        node = MappingNode(MAP, items, _mark(start), _mark(start), False)
        if anchor is not None:
            self.store_anchor(anchor, node)
        key: Node | None = None
        value: Node | None = None
        at_explicit_key = detected = allow_compact = False
        key_end = self.position
        ch = text[self.position]
        while ch != _EOF:
            if self.v4 and not at_explicit_key and self.first_tab != -1:
                self.position = self.first_tab
                raise self.fail("tab characters must not be used in indentation")
            following = text[self.position + 1]
            line = self.line
            if ch in "?:" and following in _WS_OR_EOL:
                if ch == "?":
                    if at_explicit_key:
                        items.append((key or _empty(key_end), _empty(self.position)))
                        key = value = None
                    detected = at_explicit_key = allow_compact = True
                elif at_explicit_key:
                    at_explicit_key = False
                    allow_compact = True
                else:
                    raise self.fail(
                        "incomplete explicit mapping pair; a key node is missed; or followed by "
                        "a non-tabulated empty line"
                    )
                self.position += 1
                key_end = self.position
                ch = following
            else:
                if not self.compose_node(flow_indent, _FLOW_OUT, False, True):
                    break
                if self.line == line:
                    ch = text[self.position]
                    while ch in _WHITE:
                        self.position += 1
                        ch = text[self.position]
                    if ch == ":":
                        self.position += 1
                        ch = text[self.position]
                        if ch not in _WS_OR_EOL:
                            raise self.fail(
                                "a whitespace character is expected after the key-value "
                                "separator within a block mapping"
                            )
                        if at_explicit_key:
                            items.append((key or _empty(key_end), _empty(self.position - 1)))
                            key = value = None
                        detected = True
                        at_explicit_key = allow_compact = False
                        key = self.taken()
                        key_end = self.position
                    elif detected:
                        raise self.fail("can not read an implicit mapping pair; a colon is missed")
                    else:
                        self.tag, self.anchor = tag, anchor
                        return True
                elif detected:
                    raise self.fail(
                        "can not read a block mapping entry; a multiline key may not be an "
                        "implicit key"
                    )
                else:
                    self.tag, self.anchor = tag, anchor
                    return True
            if self.line == line or self.line_indent > node_indent:
                value_start = self.position
                if self.compose_node(node_indent, _BLOCK_OUT, True, allow_compact):
                    if at_explicit_key:
                        key = self.taken()
                        key_end = self.position
                    else:
                        value = self.taken()
                if not at_explicit_key:
                    items.append((key or _empty(key_end), value or _empty(value_start)))
                    key = value = None
                self.skip_separation_space(True, -1)
                ch = text[self.position]
            misplaced = self.line == line if self.v4 else False
            if (misplaced or self.line_indent > node_indent) and ch != _EOF:
                raise self.fail("bad indentation of a mapping entry")
            if self.line_indent < node_indent:
                break
        if at_explicit_key:
            items.append((key or _empty(key_end), _empty(key_end)))
        if detected:
            self.tag, self.anchor, self.kind = tag, anchor, "mapping"
            node.end_mark = _mark(self.position)
            self.result = node
        return detected

    # Properties and aliases ---------------------------------------------------------------

    def read_tag_property(self) -> bool:
        text = self.input
        if text[self.position] != "!":
            return False
        if self.tag is not None:
            raise self.fail("duplication of a tag property")
        self.position += 1
        ch = text[self.position]
        verbatim = named = False
        handle = "!"
        if ch == "<":
            verbatim = True
            self.position += 1
        elif ch == "!":
            named = True
            handle = "!!"
            self.position += 1
        start = self.position
        ch = text[self.position]
        if verbatim:
            while True:
                self.position += 1
                ch = text[self.position]
                if ch in (_EOF, ">"):
                    break
            if self.position >= self.length:
                raise self.fail("unexpected end of the stream within a verbatim tag")
            name = text[start : self.position]
            self.position += 1
        else:
            while ch != _EOF and ch not in _WS_OR_EOL:
                if ch == "!":
                    if named:
                        raise self.fail("tag suffix cannot contain exclamation marks")
                    handle = text[start - 1 : self.position + 1]
                    if not _TAG_HANDLE[self.version].fullmatch(handle):
                        raise self.fail("named tag handle cannot contain such characters")
                    named = True
                    start = self.position + 1
                self.position += 1
                ch = text[self.position]
            name = text[start : self.position]
            if any(c in _FLOW_INDICATORS for c in name):
                raise self.fail("tag suffix cannot contain flow indicator characters")
        if name and not _TAG_URI.fullmatch(name):
            raise self.fail("tag name cannot contain such characters: " + name)
        if self.v4:
            try:
                name = _decode_uri(name)
            except UnicodeDecodeError:
                raise self.fail("tag name is malformed: " + name) from None
        if verbatim:
            self.tag = name
        elif handle in self.tag_map:
            self.tag = self.tag_map[handle] + name
        elif handle == "!":
            self.tag = "!" + name
        elif handle == "!!":
            self.tag = YAML + name
        else:
            raise self.fail(f'undeclared tag handle "{handle}"')
        return True

    def read_anchor_property(self) -> bool:
        text = self.input
        if text[self.position] != "&":
            return False
        if self.anchor is not None:
            raise self.fail("duplication of an anchor property")
        self.position += 1
        start = self.position
        while text[self.position] not in _NAME_ENDS:
            self.position += 1
        if self.position == start:
            raise self.fail("name of an anchor node must contain at least one character")
        self.anchor = text[start : self.position]
        return True

    def read_alias(self) -> bool:
        text = self.input
        if text[self.position] != "*":
            return False
        self.position += 1
        start = self.position
        while text[self.position] not in _NAME_ENDS:
            self.position += 1
        if self.position == start:
            raise self.fail("name of an alias node must contain at least one character")
        alias = text[start : self.position]
        if alias not in self.anchors:
            raise self.fail(f'unidentified alias "{alias}"')
        self.result = self.anchors[alias]
        self.skip_separation_space(True, -1)
        return True

    def try_block_mapping_from_property(  # js-yaml 4.2 and later
        self, property_state: tuple[object, ...], node_indent: int, flow_indent: int
    ) -> bool:
        fallback = self.snapshot()
        self.transactions.append({})
        self.restore(property_state)
        self.tag = self.anchor = self.kind = None
        self.result = None
        self.property_start = -1
        if self.read_block_mapping(node_indent, flow_indent) and self.kind == "mapping":
            transaction = self.transactions.pop()
            if self.transactions:
                parent = self.transactions[-1]
                for name, entry in transaction.items():
                    parent.setdefault(name, entry)
            return True
        transaction = self.transactions.pop()
        for name, (existed, value) in reversed(list(transaction.items())):
            if existed:
                self.anchors[name] = value  # type: ignore[assignment]
            else:
                self.anchors.pop(name, None)
        self.restore(fallback)
        return False

    # Nodes --------------------------------------------------------------------------------

    def node_start(self) -> int:
        return self.property_start if self.property_start >= 0 else self.position

    def taken(self) -> Node | None:
        """The node composeNode just read (its state.result)."""
        return self.result

    def compose_node(
        self, parent_indent: int, context: int, allow_to_seek: bool, allow_compact: bool
    ) -> bool:
        if self.v4 and self.depth >= _MAX_DEPTH_4:
            raise self.fail(f"nesting exceeded maxDepth ({_MAX_DEPTH_4})")
        if self.depth >= _DEEPEST:
            raise _TooDeep(self.position)
        self.depth += 1
        entry = self.position
        self.tag = self.anchor = self.kind = None
        self.result = None
        self.property_start = properties = properties_end = -1
        indent_status = 1
        at_new_line = has_content = is_alias = False
        block_styles = block_scalars = block_collections = context in (_BLOCK_OUT, _BLOCK_IN)
        property_state: tuple[object, ...] | None = None
        if allow_to_seek and self.skip_separation_space(True, -1):
            at_new_line = True
            indent_status = _compare(self.line_indent, parent_indent)
        if indent_status == 1:
            while True:
                ch = self.ch()
                state = self.snapshot()
                if (
                    self.v4
                    and at_new_line
                    and (
                        (ch == "!" and self.tag is not None)
                        or (ch == "&" and self.anchor is not None)
                    )
                ):
                    break
                offset = self.position
                if not self.read_tag_property() and not self.read_anchor_property():
                    break
                if properties < 0:
                    properties = offset
                properties_end = self.position
                if property_state is None:
                    property_state = state
                if self.skip_separation_space(True, -1):
                    at_new_line = True
                    block_collections = block_styles
                    indent_status = _compare(self.line_indent, parent_indent)
                else:
                    block_collections = False
        if block_collections:
            block_collections = at_new_line or allow_compact
        self.property_start = properties
        if indent_status == 1 or context == _BLOCK_OUT:
            flow_indent = parent_indent if context in (_FLOW_IN, _FLOW_OUT) else parent_indent + 1
            block_indent = self.position - self.line_start
            if indent_status == 1:
                if (
                    block_collections
                    and (
                        self.read_block_sequence(block_indent)
                        or self.read_block_mapping(block_indent, flow_indent)
                    )
                ) or self.read_flow_collection(flow_indent):
                    has_content = True
                else:
                    self.property_start = properties
                    ch = self.ch()
                    if (
                        self.v4
                        and property_state is not None
                        and block_styles
                        and not block_collections
                        and ch not in "|>"
                        and self.try_block_mapping_from_property(
                            property_state,
                            int(property_state[0]) - int(property_state[2]),  # type: ignore[call-overload]
                            flow_indent,
                        )
                    ):
                        has_content = True
                    else:
                        self.property_start = properties if properties >= 0 else self.position
                        if (
                            (block_scalars and self.read_block_scalar(flow_indent))
                            or self.read_single_quoted(flow_indent)
                            or self.read_double_quoted(flow_indent)
                        ):
                            has_content = True
                            self.result = self.scalar_node(QUOTED)
                        elif self.read_alias():
                            has_content = is_alias = True
                            if self.tag is not None or self.anchor is not None:
                                raise self.fail("alias node should not have any properties")
                        elif self.read_plain_scalar(flow_indent, context == _FLOW_IN):
                            has_content = True
                            self.result = self.scalar_node(PLAIN if self.tag is None else QUOTED)
                        if self.anchor is not None:
                            self.store_anchor(self.anchor, self.result)
            elif indent_status == 0:
                has_content = block_collections and self.read_block_sequence(block_indent)
        if self.result is None and properties >= 0:
            self.result = ScalarNode(PLAIN, "", _mark(properties), _mark(properties_end), "")
        elif self.result is None and self.tag is not None:
            self.result = _empty(entry)
        if self.anchor is not None and (self.v4 or self.tag is not None):
            self.store_anchor(self.anchor, self.result)
        if self.result is not None and self.tag is not None and not is_alias:
            self.result.tag = _explicit(self.tag, self.result)
        self.depth -= 1
        return self.tag is not None or self.anchor is not None or has_content

    def scalar_node(self, implicit: str) -> ScalarNode:
        start = self.node_start()
        text = "".join(self.parts)
        return ScalarNode(implicit, text, _mark(start), _mark(self.scalar_end), self.style)

    # Documents ----------------------------------------------------------------------------

    def read_document(self) -> None:
        text = self.input
        self.tag_map = {}
        self.anchors = {}
        version_seen = False
        has_directives = False
        while text[self.position] != _EOF:
            self.skip_separation_space(True, -1)
            if self.line_indent > 0 or text[self.position] != "%":
                break
            has_directives = True
            self.position += 1
            start = self.position
            while text[self.position] != _EOF and text[self.position] not in _WS_OR_EOL:
                self.position += 1
            name = text[start : self.position]
            arguments: list[str] = []
            if not name:
                raise self.fail("directive name must not be less than one character in length")
            while text[self.position] != _EOF:
                while text[self.position] in _WHITE:
                    self.position += 1
                if text[self.position] == "#":
                    self.position = _line_end(text, self.position)
                    break
                if text[self.position] in "\n\r":
                    break
                start = self.position
                while text[self.position] != _EOF and text[self.position] not in _WS_OR_EOL:
                    self.position += 1
                arguments.append(text[start : self.position])
            if text[self.position] != _EOF:
                self.read_line_break()
            if name == "YAML":
                version_seen = self.yaml_directive(arguments, version_seen)
            elif name == "TAG":
                self.tag_directive(arguments)
        self.skip_separation_space(True, -1)
        if self.line_indent == 0 and text[self.position : self.position + 3] == "---":
            self.position += 3
            self.skip_separation_space(True, -1)
        elif has_directives:
            raise self.fail("directives end mark is expected")
        self.compose_node(self.line_indent - 1, _BLOCK_OUT, False, True)
        self.skip_separation_space(True, -1)
        self.documents.append(self.result)
        if self.position == self.line_start and self.test_document_separator():
            if text[self.position] == ".":
                self.position += 3
                self.skip_separation_space(True, -1)
            return
        if self.position < self.length - 1:
            raise self.fail("end of the stream or a document separator is expected")

    def yaml_directive(self, arguments: list[str], seen: bool) -> bool:
        if seen:
            raise self.fail("duplication of %YAML directive")
        if len(arguments) != 1:
            raise self.fail("YAML directive accepts exactly one argument")
        match = _VERSION.fullmatch(arguments[0])
        if match is None:
            raise self.fail("ill-formed argument of the YAML directive")
        if int(match.group(1)) != 1:
            raise self.fail("unacceptable YAML version of the document")
        return True

    def tag_directive(self, arguments: list[str]) -> None:
        if len(arguments) != 2:
            raise self.fail("TAG directive accepts exactly two arguments")
        handle, prefix = arguments
        if not _TAG_HANDLE[self.version].fullmatch(handle):
            raise self.fail("ill-formed tag handle (first argument) of the TAG directive")
        if handle in self.tag_map:
            raise self.fail(f'there is a previously declared suffix for "{handle}" tag handle')
        if not _TAG_URI.fullmatch(prefix):
            raise self.fail("ill-formed tag prefix (second argument) of the TAG directive")
        if self.v4:
            try:
                prefix = _decode_uri(prefix)
            except UnicodeDecodeError:
                raise self.fail("tag prefix is malformed: " + prefix) from None
        self.tag_map[handle] = prefix

    def load(self) -> Node | None:
        if "\0" in self.input[: self.length]:
            self.position = self.input.index("\0")
            raise self.fail("null byte is not allowed in input")
        if self.input[0] == "\ufeff":
            self.position = self.line_start = 1
        while self.input[self.position] == " ":
            self.line_indent += 1
            self.position += 1
        try:
            while self.position < self.length - 1:
                self.read_document()
        except _TooDeep as error:
            raise JsYamlError("nesting depth", error.offset) from None
        if len(self.documents) > 1:
            raise JsYamlError(
                "expected a single document in the stream, but found more", self.position
            )
        root = self.documents[0] if self.documents else None
        if self.length > self.source_length and root is not None:
            _clamp(root, self.source_length)
        return root


def _clamp(root: Node, length: int) -> None:
    """Marks past the text's end (js-yaml reads the text with a line break added) moved back."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for mark in (node.start_mark, node.end_mark):
            mark.index = min(mark.index, length)
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)


def _compare(indent: int, parent: int) -> int:
    return 1 if indent > parent else (0 if indent == parent else -1)


def _line_end(text: str, position: int) -> int:
    """The first line break or the end at or after position."""
    ends = [index for index in (text.find("\n", position), text.find("\r", position)) if index >= 0]
    return min(ends) if ends else len(text) - 1


def _empty(offset: int) -> ScalarNode:
    return ScalarNode(PLAIN, "", _mark(offset), _mark(offset), "")


def _explicit(tag: str, node: Node) -> str:
    if tag == "!":
        return (
            NONSPECIFIC
            if isinstance(node, ScalarNode)
            else (MAP if isinstance(node, MappingNode) else SEQ)
        )
    if tag == "?":
        return PLAIN
    return tag


def _from_code_point(code: int) -> str:
    """The character an escape stands for; JavaScript strings hold surrogates, which
    _pair_surrogates turns into the characters they make up."""
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def _pair_surrogates(text: str) -> str:
    """Surrogate pairs written as two escapes become one character; a lone surrogate, which
    no file can hold, becomes U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _non_printable(segment: str) -> bool:
    """js-yaml's PATTERN_NON_PRINTABLE: control characters, U+FFFE/FFFF and surrogates that do
    not pair up."""
    for index, char in enumerate(segment):
        code = ord(char)
        if 0xD800 <= code <= 0xDBFF:
            following = segment[index + 1 : index + 2]
            if not following or not 0xDC00 <= ord(following) <= 0xDFFF:
                return True
        elif 0xDC00 <= code <= 0xDFFF:
            previous = segment[index - 1 : index] if index else ""
            if not previous or not 0xD800 <= ord(previous) <= 0xDBFF:
                return True
        elif _NON_PRINTABLE.match(char):
            return True
    return False
