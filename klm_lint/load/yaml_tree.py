"""YAML front matter → node tree, read the way the site's reader (js-yaml) reads it.

PyYAML composes the node graph (with libyaml when present); nothing is constructed from tags.
Plain scalars are resolved with the YAML 1.2 core rules js-yaml uses: `yes`, `no`, `on` and
`off` stay strings, and only `true`/`false` are booleans.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from klm_lint.load.dialects import DEFAULT_DIALECT, YamlDialect
from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, ScalarValue, Sequence
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


_YAML = "tag:yaml.org,2002:"
_PLAIN = "tag:klm-lint:plain"
_STR, _SEQ, _MAP = _YAML + "str", _YAML + "seq", _YAML + "map"
_SCALAR_TAGS = {
    _YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
}
_COLLECTION_TAGS = {_YAML + name for name in ("seq", "map", "omap", "pairs", "set")}
_MAX_EXPANDED_NODES = 100_000
_SIZE_CAP = 1 << 60

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_MAY_BE_TYPED = frozenset("0123456789+-.~nNtTfF")
"""First characters of plain scalars that may be something other than text."""
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::?([0-9]{2}))?))?"
)


class _Composer(_Parser, BaseResolver):
    """A composer that marks untagged plain scalars, so they can be resolved the js-yaml way."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


def parse_yaml(
    text: str, start: int, end: int, *, dialect: YamlDialect = DEFAULT_DIALECT
) -> Mapping:
    """Parse text[start:end]; node offsets are offsets into `text`. `dialect`: the site's YAML
    reader (every dialect is read the same way for now)."""
    del dialect
    composer = _Composer(text[start:end])
    try:
        root = composer.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        offset = start + (mark.index if mark is not None else 0)
        raise FrontMatterError(_yaml_message(error), offset) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(f"the YAML does not parse: {error}", start) from None
    except RecursionError:
        raise FrontMatterError(
            f"the front matter is nested more than {MAX_DEPTH} levels deep", start
        ) from None
    finally:
        composer.dispose()
    if root is None:
        return Mapping(start, start, ())
    builder = _TreeBuilder(start)
    tree = builder.build(root)
    expanded = builder.merged > _MAX_EXPANDED_NODES
    if expanded or (builder.aliased and _added_by_aliases(tree) > _MAX_EXPANDED_NODES):
        raise FrontMatterError(
            "the front matter repeats YAML aliases (*name) so often that they stand for more "
            f"than {_MAX_EXPANDED_NODES:,} values; the site would stall writing them out. Write "
            "the values out plainly.",
            tree.start,
        )
    if not isinstance(tree, Mapping):
        what = "a list" if isinstance(tree, Sequence) else "a single value"
        raise FrontMatterError(
            f"the front matter is {what}, not a set of keys and values; the site cannot read "
            "its title, date or anything else. Write it as key: value lines.",
            tree.start,
            tree.end,
        )
    return tree


_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "A value contains a colon followed by a space, or a key is "
        "indented wrongly; put the value in quotes or fix the indentation.",
    ),
    ("'\\t' that cannot start", "YAML does not allow tabs for indentation; use spaces."),
    ("tab character", "YAML does not allow tabs for indentation; use spaces."),
    (
        "cannot start any token",
        "A value starts with a character YAML reserves (such as @ or `); put the value in quotes.",
    ),
    ("found undefined alias", "A value that starts with * must be put in quotes."),
    (
        "could not find expected ':'",
        "A line is missing the colon between key and value, or a quoted value is not closed.",
    ),
    ("did not find expected ',' or ']'", "A list opened with [ is not closed with ]."),
    ("did not find expected ',' or '}'", "A mapping opened with { is not closed with }."),
    ("unexpected end of stream", "A quoted value is not closed; add the closing quote."),
    (
        "did not find expected key",
        "A value is quoted and then continues after the quote; put "
        "the whole value in quotes, and double any ' inside single quotes.",
    ),
    (
        "expected <block end>",
        "The indentation is inconsistent; line keys up with the same number of spaces.",
    ),
    ("nesting depth", "The front matter nests lists or mappings too deeply."),
)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "invalid YAML").rstrip(".")
    hint = next((hint for needle, hint in _HINTS if needle in problem), "Fix the YAML syntax.")
    return (
        f"the front matter is not valid YAML ({problem}); the site's build fails on this file. "
        f"{hint}"
    )


class _TreeBuilder:
    def __init__(self, base: int) -> None:
        self._base = base
        self._built: dict[int, Node] = {}
        self._in_progress: set[int] = set()
        self.merged = 0
        """Entries copied by merge keys (<<); merging aliases repeatedly multiplies them."""
        self.aliased = False
        """A collection was reached twice: the tree has aliases, whose expansion must be
        counted."""

    def build(self, node: yaml.Node, depth: int = 0) -> Node:
        if depth > MAX_DEPTH:
            raise FrontMatterError(
                f"the front matter is nested more than {MAX_DEPTH} levels deep",
                self._base + node.start_mark.index,
            )
        if node.__class__ is ScalarNode:
            return self._scalar(node)
        identity = id(node)
        known = self._built.get(identity)
        if known is not None:
            self.aliased = True
            return known
        if identity in self._in_progress:
            raise FrontMatterError(
                "a YAML alias refers to the value that contains it; the site's reader cannot "
                "read a value that contains itself. Write the value out plainly.",
                self._base + node.start_mark.index,
            )
        self._in_progress.add(identity)
        built = self._collection(node, depth)
        self._in_progress.discard(identity)
        self._built[identity] = built
        return built

    def _collection(self, node: yaml.Node, depth: int) -> Node:
        start = self._base + node.start_mark.index
        end = self._base + node.end_mark.index
        if node.tag not in _COLLECTION_TAGS and node.tag not in (_SEQ, _MAP):
            raise _tag_error(node.tag, start, end)
        if isinstance(node, SequenceNode):
            return Sequence(start, end, tuple(self.build(item, depth + 1) for item in node.value))
        assert isinstance(node, MappingNode)
        return Mapping(start, end, self._entries(node, depth))

    def _entries(self, node: MappingNode, depth: int) -> tuple[Entry, ...]:
        entries: list[Entry] = []
        merged: list[Entry] = []
        shallow = depth < MAX_DEPTH
        for key_node, value_node in node.value:
            if shallow and key_node.__class__ is ScalarNode:
                key: Node = self._scalar(key_node)
            else:
                key = self.build(key_node, depth + 1)
            if not isinstance(key, Scalar):
                raise FrontMatterError(
                    "a key is a list or mapping; front-matter keys must be plain names",
                    key.start,
                    key.end,
                )
            if shallow and value_node.__class__ is ScalarNode:
                value: Node = self._scalar(value_node)
            else:
                value = self.build(value_node, depth + 1)
            if key.text == "<<" and not key.quoted:
                sources = _merge_sources(value)
                self.merged += sum(len(source.entries) for source in sources)
                if self.merged > _MAX_EXPANDED_NODES:
                    break
                merged.extend(entry for source in sources for entry in source.entries)
            else:
                entries.append(Entry(key, value))
        if merged:
            own = {entry.key.text for entry in entries}
            for entry in merged:
                if entry.key.text not in own:
                    own.add(entry.key.text)
                    entries.append(entry)
        return tuple(entries)

    def _scalar(self, node: ScalarNode) -> Scalar:
        start = self._base + node.start_mark.index
        end = self._base + node.end_mark.index
        text: str = node.value
        tag = node.tag
        if tag == _PLAIN:
            value = text if text and text[0] not in _MAY_BE_TYPED else resolve_plain(text)
            return Scalar(start, end, value, text, quoted=False)
        if tag == _STR:
            return Scalar(start, end, text, text, quoted=True)
        if tag not in _SCALAR_TAGS:
            raise _tag_error(tag, start, end)
        return Scalar(start, end, resolve_plain(text), text, quoted=False)


def _merge_sources(value: Node) -> list[Mapping]:
    sources = value.items if isinstance(value, Sequence) else (value,)
    return [source for source in sources if isinstance(source, Mapping)]


def _added_by_aliases(root: Node) -> int:
    """How many values writing out every alias would add to the tree, counted without writing
    them out."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, Scalar):
            sizes[id(node)] = 1
            continue
        children = _children(node)
        if children_done:
            total = 1 + sum(sizes[id(child)] for child in children)
            sizes[id(node)] = min(total, _SIZE_CAP)
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in children)
    return sizes[id(root)] - len(sizes)


def _children(node: Mapping | Sequence) -> tuple[Node, ...]:
    if isinstance(node, Sequence):
        return node.items
    return tuple(part for entry in node.entries for part in (entry.key, entry.value))


def _tag_error(tag: str, start: int, end: int) -> FrontMatterError:
    shown = "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag
    return FrontMatterError(
        f"the YAML tag {shown} is not allowed in front matter; the site's YAML reader rejects "
        "it and the build fails. Remove the tag and write a plain value.",
        start,
        end,
    )


def resolve_plain(text: str) -> ScalarValue:
    """The value js-yaml's default schema gives an untagged plain scalar."""
    if text and text[0] not in _MAY_BE_TYPED:
        return text
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return _to_int(text)
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        return float(text.replace("_", ""))
    if _SPECIAL_FLOAT.fullmatch(text):
        lowered = text.lower()
        return math.nan if "nan" in lowered else (-math.inf if text[0] == "-" else math.inf)
    return _to_timestamp(text) or text


def _to_int(text: str) -> int | str:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    try:
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if len(digits) > 1 and digits[0] == "0":
            return sign * int(digits, 8)
        return sign * int(digits)
    except ValueError:
        return text


def _to_timestamp(text: str) -> dt.date | dt.datetime | None:
    try:
        if match := _DATE.fullmatch(text):
            return dt.date(*(int(part) for part in match.groups()))
        if match := _DATETIME.fullmatch(text):
            year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
            fraction = (match.group(7) or "0")[:6].ljust(6, "0")
            zone = dt.timezone.utc
            if match.group(9):
                sign = -1 if match.group(9) == "-" else 1
                offset = dt.timedelta(hours=int(match.group(10)), minutes=int(match.group(11) or 0))
                zone = dt.timezone(sign * offset)
            return dt.datetime(year, month, day, hour, minute, second, int(fraction), zone)
    except ValueError:
        return None
    return None
