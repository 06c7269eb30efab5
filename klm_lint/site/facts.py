"""Facts: what a whole-site rule needs to know of each post, taken from its loaded document.

A whole-site rule declares its facts in its own module (`Fact` values). The index keeps, for
every post of the site, the value of every declared fact and nothing else; the process pool
hands them between processes and the cache keeps them between runs, both by their kind.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from klm_lint.load.nodes import Mapping, Scalar, Sequence, lookup
from klm_lint.records import record

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.load.document import Document
    from klm_lint.site.site import Site

T = TypeVar("T")
FactKind = Literal["value", "text", "flag", "moment", "words"]
"""value: a front-matter scalar with its place (Value or None); text: a string; flag: a
boolean; moment: an aware datetime or None; words: a tuple of strings."""


@record
class Value:
    """A front-matter scalar's text and where it is."""

    text: str
    line: int
    start: int
    end: int
    """Offsets into the post's text."""

    def __reduce__(self) -> tuple[type[Value], tuple[str, int, int, int]]:
        # Facts cross from worker processes by the thousand: as tuples they pickle fastest.
        # Interned, a text many posts share (an author, an avatar) is one object, so pickled
        # once per batch of posts: the parent keeps one copy of it per batch, not one per post.
        return Value, (sys.intern(self.text), self.line, self.start, self.end)


@record
class Fact(Generic[T]):
    name: str
    kind: FactKind
    extract: Callable[[Document, Site], T]
    """The fact's value for a post whose front matter loaded, as the site reads it."""


def value_fact(name: str, extract: Callable[[Document, Site], Value | None]) -> Fact[Value | None]:
    return Fact(name, "value", extract)


def text_fact(name: str, extract: Callable[[Document, Site], str]) -> Fact[str]:
    return Fact(name, "text", extract)


def flag_fact(name: str, extract: Callable[[Document, Site], bool]) -> Fact[bool]:
    return Fact(name, "flag", extract)


def moment_fact(
    name: str, extract: Callable[[Document, Site], dt.datetime | None]
) -> Fact[dt.datetime | None]:
    return Fact(name, "moment", extract)


def words_fact(
    name: str, extract: Callable[[Document, Site], tuple[str, ...]]
) -> Fact[tuple[str, ...]]:
    return Fact(name, "words", extract)


def texts_at(doc: Document, *path: str) -> tuple[str, ...]:
    """The strings at a key path: a list's string items, or the one string there."""
    node = _node_at(doc, path)
    if isinstance(node, Scalar):
        return (node.value,) if isinstance(node.value, str) else ()
    if isinstance(node, Sequence):
        return tuple(
            item.value
            for item in node.items
            if isinstance(item, Scalar) and isinstance(item.value, str)
        )
    return ()


def text_at(doc: Document, *path: str, shared: bool = False) -> Value | None:
    """The string at a key path of the front matter, and where it is; None for anything else.
    `shared`: a text many posts hold (an author's name, an avatar), kept once for them all."""
    node = _node_at(doc, path)
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        return None
    line, _column = doc.lines.position(node.start)
    text = sys.intern(node.value) if shared else node.value
    return Value(text, line, node.start, node.end)


def scalar_at(doc: Document, *path: str) -> Value | None:
    """Any scalar at a key path as written (a date, a number), and where it is."""
    node = _node_at(doc, path)
    return _value(doc, node, node.text) if isinstance(node, Scalar) else None


def value_of(doc: Document, node: Scalar) -> Value:
    """A scalar's text and place, as a fact value."""
    return _value(doc, node, node.text)


def _node_at(doc: Document, path: tuple[str, ...]) -> object:
    front_matter = doc.front_matter
    if front_matter is None:
        return None
    if len(path) == 1:  # most facts: a key of the front matter itself
        entry = front_matter.root.get(path[0])
        return entry.value if entry is not None else None
    if len(path) == 2:  # a key of a mapping under a key (author: name:)
        entry = front_matter.root.get(path[0])
        if entry is None or not isinstance(entry.value, Mapping):
            return None
        entry = entry.value.get(path[1])
        return entry.value if entry is not None else None
    _entry, node = lookup(front_matter.root, path)
    return node


def _value(doc: Document, node: Scalar, text: str) -> Value:
    line, _column = doc.lines.position(node.start)
    return Value(text, line, node.start, node.end)


def encode(kind: FactKind, value: Any) -> Any:
    """A fact's value as JSON data, for the cache."""
    if value is None:
        return None
    if kind == "value":
        return [value.text, value.line, value.start, value.end]
    if kind == "moment":
        return value.isoformat()
    if kind == "words":
        return list(value)
    return value


def decode(kind: FactKind, raw: Any) -> Any:
    """A fact's value from JSON data; TypeError or ValueError when the data is not one."""
    if kind == "text":
        return _typed(raw, str)
    if kind == "flag":
        return _typed(raw, bool)
    if kind == "words":
        return tuple(_typed(word, str) for word in _typed(raw, list))
    if raw is None:
        return None
    if kind == "moment":
        moment = dt.datetime.fromisoformat(_typed(raw, str))
        if moment.tzinfo is None:
            raise ValueError("a moment without a time zone")
        return moment
    text, line, start, end = raw
    return Value(_typed(text, str), _typed(line, int), _typed(start, int), _typed(end, int))


def _typed(raw: Any, kind: type[T]) -> T:
    if type(raw) is not kind:
        raise TypeError(f"expected {kind.__name__}")
    value: T = raw
    return value
