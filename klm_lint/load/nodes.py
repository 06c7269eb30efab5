"""The front matter as a tree of nodes that know where they stand in the file.

Every front-matter format (YAML, TOML, JSON) is parsed into this tree. Offsets are character
offsets into the decoded file text (BOM excluded), so they map straight to lines and columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from klm_lint.records import field, record

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

ScalarValue: TypeAlias = "str | bool | int | float | dt.date | dt.time | None"


@record
class Scalar:
    start: int
    end: int
    value: ScalarValue
    """The value as the site's front-matter reader (gray-matter / js-yaml) would see it."""
    text: str
    """The scalar's text: a string's content without quotes, or the literal as written."""
    quoted: bool
    """Written as a string literal (quoted, a YAML block scalar, a TOML or JSON string)."""


@record
class Sequence:
    start: int
    end: int
    items: tuple[Node, ...]


@record
class Entry:
    key: Scalar
    value: Node


@record
class Mapping:
    start: int
    end: int
    entries: tuple[Entry, ...]
    _index: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)
    """The entries by their key's text, the last for a key (made on the first `get`, or given
    by a reader that makes it as it reads: every post's front matter is looked up)."""

    def get(self, key: str) -> Entry | None:
        """The last entry for a key, as a reader that keeps the last duplicate would see it."""
        index = self._index
        if not index and self.entries:
            for entry in self.entries:  # a loop: quicker than a generator for a few entries
                index[entry.key.text] = entry
        return index.get(key)

    def value(self, key: str) -> Node | None:
        """The value of the last entry for a key (None: there is none)."""
        entry = self.get(key)
        return entry.value if entry is not None else None

    def keys(self) -> list[str]:
        return [entry.key.text for entry in self.entries]


Node: TypeAlias = "Scalar | Sequence | Mapping"


def to_python(node: Node) -> object:
    """Plain Python data (dict, list, scalars) for schema validation.

    Shared nodes (YAML aliases) become shared objects, so nothing is expanded.
    """
    memo: dict[int, object] = {}
    return _to_python(node, memo)


def _to_python(node: Node, memo: dict[int, object]) -> object:
    if isinstance(node, Scalar):
        return node.value
    known = memo.get(id(node))
    if known is not None:
        return known
    if isinstance(node, Sequence):
        items: list[object] = []
        memo[id(node)] = items
        items.extend(_to_python(item, memo) for item in node.items)
        return items
    mapping: dict[str, object] = {}
    memo[id(node)] = mapping
    for entry in node.entries:
        mapping[entry.key.text] = _to_python(entry.value, memo)
    return mapping


def lookup(root: Mapping, path: tuple[str | int, ...]) -> tuple[Entry | None, Node | None]:
    """The node at a key path such as ('author', 'name') or ('tags', 1), and the last mapping
    entry on the way there; (None, None) when the path does not lead to a node."""
    entry: Entry | None = None
    node: Node = root
    for part in path:
        if isinstance(node, Mapping) and isinstance(part, str):
            found = node.get(part)
            if found is None:
                return None, None
            entry, node = found, found.value
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node.items):
            node = node.items[part]
        else:
            return None, None
    return entry, node


def iter_mappings(root: Node) -> Iterator[Mapping]:
    """Every mapping in the tree (inside sequences too), each once."""
    if isinstance(root, Scalar):
        return
    seen: set[int] = set()
    stack: list[Mapping | Sequence] = [root]
    # Scalars, most of a tree, are never pushed: only the containers are walked.
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Mapping):
            yield node
            stack.extend(
                [
                    value
                    for entry in reversed(node.entries)
                    if not isinstance(value := entry.value, Scalar)
                ]
            )
        else:
            stack.extend([item for item in reversed(node.items) if not isinstance(item, Scalar)])


def iter_scalars(root: Node) -> Iterator[Scalar]:
    """Every scalar in the tree, keys included, each once."""
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Scalar):
            yield node
        elif isinstance(node, Sequence):
            stack.extend(node.items)
        else:
            for entry in node.entries:
                stack.append(entry.key)
                stack.append(entry.value)
