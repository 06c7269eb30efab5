"""PyYAML nodes (from libyaml, or from the js-yaml port) → klm-lint's node tree, read the way one
site's YAML reader reads them: its scalar values, the tags it accepts, its merge keys.

What the site's reader refuses is a FrontMatterError (KLM002); what it reads but another common
reader refuses is a Note (KLM007), so that content that will move between generators, editors
and CMSes can be kept portable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, Sequence
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError
from klm_lint.load.yaml_core import MAP, NONSPECIFIC, PLAIN, QUOTED, SEQ, YAML, Refused
from klm_lint.load.yaml_readers import (
    DIALECTS,
    JS_YAML,
    READERS,
    js_property,
    key_identity,
    readers_named,
)
from klm_lint.load.yaml_scalars import (
    MAX_REMEMBERED,
    plain_reader,
    remembered_plains,
    tagged,
    typed_starts,
)
from klm_lint.records import value_record

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    import yaml

    # Imported by _pyyaml_nodes when the first PyYAML tree is built: simple front matter is
    # read without PyYAML (yaml_simple.py), and a run of such files never imports it.
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode  # noqa: TC004

    from klm_lint.load.dialects import YamlDialect

MAX_EXPANDED_NODES = 100_000
_BLANK_BEFORE_BREAK = lazy_pattern(r"[ \t][\r\n]")
_SIZE_CAP = 1 << 60
_MERGE = YAML + "merge"
_STR = YAML + "str"
_COLLECTIONS = {
    "sequence": frozenset((SEQ, YAML + "omap", YAML + "pairs")),
    "mapping": frozenset((MAP, YAML + "set")),
}
"""The collection tags js-yaml knows, by the kind of node they may stand on."""


_SCALAR_TAGS = tuple(
    YAML + name for name in ("str", "int", "float", "bool", "null", "binary", "timestamp", "merge")
)
_GO_NOT_ON = {
    "mapping": frozenset((*_SCALAR_TAGS, SEQ, YAML + "omap", YAML + "pairs")),
    "sequence": frozenset((*_SCALAR_TAGS, MAP, YAML + "set")),
}
"""The tags goccy/go-yaml refuses on a mapping or a list."""
_ROOT_TAG = lazy_pattern(r"![^ \t\r\n]*[ \t]*(?:[\r\n{#]|$)")
"""A tag on the top mapping itself (on a line of its own, or before its `{`), not on its first
key."""

_EMPTY_COLLECTIONS: dict[str, Callable[[int, int], Node]] = {
    **{
        tag: lambda start, end: Sequence(start, end, ())
        for tag in (SEQ, YAML + "omap", YAML + "pairs")
    },
    **{tag: lambda start, end: Mapping(start, end, ()) for tag in (MAP, YAML + "set")},
}
"""What js-yaml makes of a collection tag on an empty node (`key: !!seq`): an empty one."""


def _pyyaml_nodes() -> None:
    from yaml import nodes

    globals().update(
        MappingNode=nodes.MappingNode,
        ScalarNode=nodes.ScalarNode,
        SequenceNode=nodes.SequenceNode,
    )


def _empty_plain(node: yaml.Node) -> bool:
    return node.__class__ is ScalarNode and node.value == "" and node.tag == PLAIN


@value_record
class Note:
    """Something the site's reader reads and other common readers refuse (KLM007)."""

    start: int
    end: int
    message: str


def shown_tag(tag: str) -> str:
    if tag == NONSPECIFIC:
        return "!"
    return "!!" + tag[len(YAML) :] if tag.startswith(YAML) else tag


def _quote(text: str) -> str:
    shown = text if len(text) <= 40 else text[:39] + "…"
    return '"' + shown.replace("\n", "\\n") + '"'


class NeedsJsYaml(Exception):
    """libyaml read a scalar that js-yaml 3 reads otherwise: read the front matter with the
    js-yaml port instead."""


class TreeBuilder:
    def __init__(
        self,
        text: str,
        base: int,
        dialect: YamlDialect,
        notes: list[Note],
        js_yaml_read: bool = False,
    ) -> None:
        self._text = text
        self._js_libyaml = dialect in JS_YAML and not js_yaml_read
        self._js3_libyaml = dialect == "js-yaml-3" and not js_yaml_read
        self._base = base
        self._dialect = dialect
        self._notes = notes
        self._built: dict[int, Node] = {}
        self._in_progress: set[int] = set()
        self._plain = plain_reader(dialect)
        self._known = remembered_plains(dialect)
        typed = typed_starts(dialect)
        self._typed = typed or frozenset()
        self._typed_reader = typed is not None
        self.typed_starts = typed
        """First characters of plain scalars that may be more than text (None: any may be):
        a plain scalar starting otherwise is its text."""
        # No bound method is kept on the builder: it would be a cycle, which only the
        # collector frees, and would keep the document's text and tree alive until then.
        self._drop_null_keys = self.drops_null_keys = dialect == "safe-yaml"
        self._limit = MAX_DEPTH - 1 if dialect == "js-yaml-4" else MAX_DEPTH
        self._fails = (
            "the build fails"
            if READERS[dialect].fails.endswith("file")
            else ("Jekyll builds the page without its front matter")
        )
        self.merged = 0
        """Entries copied by merge keys (<<); merging aliases repeatedly multiplies them."""
        self.aliased = False
        """A collection was reached twice: the tree has aliases, whose expansion must be
        counted."""

    # What the site's reader refuses, and what others refuse -------------------------------

    def _refused(
        self,
        refusals: dict[YamlDialect, str],
        start: int,
        end: int,
        site: str,
        other: Callable[[str], str],
    ) -> None:
        """Raise `site` when the site's reader is among those refusing, else note what
        `other` says given the refusing readers' names."""
        if self._dialect in refusals:
            raise FrontMatterError(site, start, end)
        if refusals:
            names = readers_named(frozenset(refusals))
            self._notes.append(Note(start, end, other(names)))

    # Nodes -------------------------------------------------------------------------------

    @property
    def dialect(self) -> YamlDialect:
        return self._dialect

    def build(self, node: yaml.Node, depth: int = 0) -> Node:
        if not depth and "ScalarNode" not in globals():
            _pyyaml_nodes()
        if depth > self._limit:
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

    def plain(self, start: int, end: int, text: str) -> Scalar:
        """A plain scalar of text[start:end], given its text, as the site's reader reads it."""
        if self._typed_reader and text and text[0] not in self._typed:
            return Scalar(start, end, text, text, False)
        return self._ruby_plain(start, end, text)

    def _scalar(self, node: ScalarNode) -> Node:
        if self._typed_reader:
            return self._typed_scalar(node)
        return self._ruby_scalar(node)

    def _typed_scalar(self, node: ScalarNode) -> Node:
        if node.tag == PLAIN:
            start = self._base + node.start_mark.index
            end = self._base + node.end_mark.index
            if self._dialect == "serde-yaml" and self._text.startswith("!", start):
                return self._tagged(node, start, end, NONSPECIFIC)  # `! 1`: libyaml says plain
            return self._typed_plain(start, end, node.value)
        return self._not_plain(node, node.value)

    def _ruby_scalar(self, node: ScalarNode) -> Node:
        if node.tag == PLAIN:
            return self._ruby_plain(
                self._base + node.start_mark.index, self._base + node.end_mark.index, node.value
            )
        return self._not_plain(node, node.value)

    def _typed_plain(self, start: int, end: int, text: str) -> Scalar:
        """A plain scalar, for readers whose plain scalars are text unless they start with one
        of a few characters (js-yaml, go-yaml, serde_yaml)."""
        if text and text[0] not in self._typed:
            return Scalar(start, end, text, text, False)
        return self._ruby_plain(start, end, text)

    def _ruby_plain(self, start: int, end: int, text: str) -> Scalar:
        """A plain scalar, for Ruby's readers, which may read any plain scalar as something
        else and refuse some (`:symbol`)."""
        known = self._known
        if text in known:
            return Scalar(start, end, known[text], text, False)
        try:
            value = self._plain(text)
        except Refused as error:
            raise FrontMatterError(self._refused_value(text, str(error)), start, end) from None
        if len(known) >= MAX_REMEMBERED:
            known.clear()
        known[text] = value
        return Scalar(start, end, value, text, False)

    def quoted(self, start: int, end: int, text: str) -> Scalar:
        """A quoted scalar (not a block one) of text[start:end], its quotes included."""
        if self._js3_libyaml and self._text.find("\n", start, end) >= 0:
            self._js3_folding(start, end)
        return Scalar(start, end, text, text, True)

    def keeps(self, key: Scalar) -> bool:
        """Whether the site's reader keeps a mapping entry with this key (SafeYAML loses a
        null key and its value)."""
        return not (self._drop_null_keys and key.value is None)

    def _not_plain(self, node: ScalarNode, text: str) -> Node:
        start = self._base + node.start_mark.index
        end = self._base + node.end_mark.index
        if node.tag == QUOTED:
            style = node.style
            if style == "|" or style == ">":
                self._block_header(start, end)
                return Scalar(start, end, text, text, True)
            return self.quoted(start, end, text)
        return self._tagged(node, start, end)

    def _js_multiline_flow(self, start: int, end: int) -> None:
        """A [ ] or { } over several lines: js-yaml ends a plain value in it at a line indented
        less than the collection, where libyaml carries on."""
        if self._text.find("\n", start, end) >= 0 or self._text.find("\r", start, end) >= 0:
            raise NeedsJsYaml

    def _js3_folding(self, start: int, end: int) -> None:
        """js-yaml 3 keeps the blanks before a line break inside a quoted value, where libyaml
        and js-yaml 4 drop them."""
        if _BLANK_BEFORE_BREAK.search(self._text, start, end):
            raise NeedsJsYaml

    def _refused_value(self, text: str, reason: str) -> str:
        if text.startswith(":"):
            return (
                f"the value {text} starts with a colon, so the site's YAML reader (Psych) takes "
                f"it for a Ruby symbol and refuses to load it ({reason}); {self._fails}. Put the "
                f"value in quotes: '{text}'."
            )
        return (
            f"the site's YAML reader fails on the value {text} ({reason}); {self._fails}. Put "
            f"the value in quotes: '{text}'."
        )

    def _block_header(self, start: int, end: int) -> None:
        """js-yaml wants a space before a comment on a block scalar's first line (`> # c`)."""
        text = self._text
        index = start
        while index < end and text[index] in "&!":
            while index < end and text[index] not in " \t\r\n":
                index += 1
            while index < end and text[index] in " \t\r\n":
                index += 1
        index += 1
        while index < end and text[index] in "+-0123456789":
            index += 1
        if index < end and text[index] == "#":
            refusals = dict.fromkeys(JS_YAML, "a line break is expected")
            refusals["go-yaml"] = "invalid header option"
            self._refused(
                refusals,
                index,
                index + 1,
                "a # follows the | or > of a block value with no space between them; the site's "
                f"YAML reader rejects it and {self._fails}. Put a space before the #, "
                "or move the comment.",
                lambda readers: (
                    "a # follows the | or > of a block value with no space between them: the "
                    f"site's YAML reader reads it as a comment, but {readers} cannot read it. Put "
                    "a space before the #."
                ),
            )

    def _tagged(self, node: ScalarNode, start: int, end: int, tag: str | None = None) -> Node:
        tag = node.tag if tag is None else tag
        text: str = node.value
        content = None if text == "" and not node.style else text
        if content is None and self._dialect in JS_YAML and tag in _EMPTY_COLLECTIONS:
            return _EMPTY_COLLECTIONS[tag](start, end)
        value_tag = "!" if tag == NONSPECIFIC else tag
        refusals: dict[YamlDialect, str] = {}
        value = None
        for dialect in DIALECTS:
            try:
                read = tagged(dialect, value_tag, content)
            except Refused as error:
                refusals[dialect] = str(error)
            else:
                if dialect == self._dialect:
                    value = read
        if refusals:
            shown = shown_tag(tag)
            unknown = any(
                reason.startswith(("unknown tag", "Tried")) for reason in refusals.values()
            )
            site = (
                f"the YAML tag {shown} is not allowed in front matter; the site's YAML reader "
                f"rejects it and {self._fails}. Remove the tag and write a plain value."
                if unknown or content is None
                else f"the value {_quote(text)} cannot be read as {shown}: the site's YAML reader "
                f"rejects the tag on it and {self._fails}. Remove the tag and write the value "
                "plainly."
            )
            reason = refusals.get(self._dialect)
            if reason is not None and not reason.startswith(("unknown tag", "cannot resolve")):
                site = site.replace("reader rejects", f"reader rejects ({reason})", 1)
            self._refused(
                refusals,
                start,
                end,
                site,
                lambda readers: (
                    f"{shown} {_quote(text)}: the site's YAML reader reads this tag, but "
                    f"{readers} cannot. Remove the tag and write a plain value."
                ),
            )
        quoted = isinstance(value, str)
        return Scalar(start, end, value, text, quoted=quoted)

    def _collection(self, node: yaml.Node, depth: int) -> Node:
        start = self._base + node.start_mark.index
        end = self._base + node.end_mark.index
        tag = node.tag
        sequence = isinstance(node, SequenceNode)
        kind = "sequence" if sequence else "mapping"
        if self._js_libyaml:
            assert isinstance(node, (SequenceNode, MappingNode))
            if node.flow_style:
                self._js_multiline_flow(start, end)
            elif sequence and any(_empty_plain(item) for item in node.value):
                raise NeedsJsYaml  # js-yaml may carry on an empty item's list on the next line
        if tag != (SEQ if sequence else MAP):
            self._collection_tag(tag, kind, start, end)
        elif depth == 0 and _ROOT_TAG.match(self._text, start):
            self._refused(
                {"go-yaml": "tag was used where mapping is expected"},
                start,
                start + 1,
                "a YAML tag stands on the whole front matter; the site's YAML reader "
                f"(goccy/go-yaml) rejects it and {self._fails}. Remove the tag.",
                lambda readers: (
                    f"a YAML tag stands on the whole front matter: the site's YAML reader reads "
                    f"it, but {readers} cannot. Remove the tag."
                ),
            )
        if isinstance(node, SequenceNode):
            built: Node = Sequence(
                start, end, tuple(self.build(item, depth + 1) for item in node.value)
            )
        else:
            assert isinstance(node, MappingNode)
            built = Mapping(start, end, self._entries(node, depth))
        if tag != (SEQ if sequence else MAP) and self._dialect in JS_YAML:
            self._js_collection_content(tag, built, start, end)
        if tag == YAML + "omap" and self._dialect == "psych" and isinstance(built, Sequence):
            built = _omap_hash(built)
        return built

    def _collection_tag(self, tag: str, kind: str, start: int, end: int) -> None:
        refusals: dict[YamlDialect, str] = {}
        if tag not in _COLLECTIONS[kind]:
            refusals.update(dict.fromkeys(JS_YAML, f"unknown tag !<{tag}>"))
        if tag.startswith(("!ruby/", YAML + "ruby/")):
            refusals["psych"] = "Tried to load unspecified class"
        elif kind == "mapping" and tag in (YAML + "set", YAML + "omap"):
            refusals["psych"] = (
                "Tried to load unspecified class: Psych::" + tag[len(YAML) :].title()
            )
        elif tag == _STR:
            refusals["psych"] = "can't modify frozen NilClass"
        if tag in _GO_NOT_ON[kind]:
            refusals["go-yaml"] = f"unexpected {kind} value type for !!{tag[len(YAML) :]}"
        if tag.startswith("!"):
            refusals["serde-yaml"] = "invalid type: enum, expected any valid JSON value"
        if refusals:
            shown = shown_tag(tag)
            self._refused(
                refusals,
                start,
                end,
                f"the YAML tag {shown} is not allowed in front matter; the site's YAML reader "
                f"rejects it and {self._fails}. Remove the tag and write a plain value.",
                lambda readers: (
                    f"the tag {shown}: the site's YAML reader reads it, but {readers} cannot. "
                    "Remove the tag."
                ),
            )

    def _js_collection_content(self, tag: str, built: Node, start: int, end: int) -> None:
        """js-yaml's !!omap, !!pairs and !!set take only some contents."""
        fits = True
        if isinstance(built, Sequence) and tag in (YAML + "omap", YAML + "pairs"):
            pairs = [item for item in built.items if isinstance(item, Mapping)]
            fits = len(pairs) == len(built.items) and all(len(p.entries) == 1 for p in pairs)
            if fits and tag == YAML + "omap":
                keys = [js_property(p.entries[0].key.value) for p in pairs]
                fits = len(set(keys)) == len(keys)
        elif isinstance(built, Mapping) and tag == YAML + "set":
            fits = all(
                isinstance(entry.value, Scalar) and entry.value.value is None
                for entry in built.entries
            )
        if not fits:
            raise FrontMatterError(
                f"the values under {shown_tag(tag)} are not what that tag takes; the site's "
                f"YAML reader rejects them and {self._fails}. Remove the tag.",
                start,
                end,
            )

    # Mappings ----------------------------------------------------------------------------

    def _entries(self, node: MappingNode, depth: int) -> tuple[Entry, ...]:
        pairs = node.value
        if pairs and not node.flow_style:
            self._first_key(pairs[0][0])
        entries: list[Entry] = []
        merges: list[tuple[Scalar, Node, yaml.Node]] = []
        shallow = depth < self._limit
        scalar, build = self._scalar, self.build
        for key_node, value_node in pairs:
            if shallow and key_node.__class__ is ScalarNode:
                key: Node = scalar(key_node)
            else:
                key = build(key_node, depth + 1)
            if key.__class__ is not Scalar:
                key = self._complex_key(key)
            if shallow and value_node.__class__ is ScalarNode:
                value: Node = scalar(value_node)
            else:
                value = build(value_node, depth + 1)
            if key.text == "<<" and self._merges(key, key_node, value, value_node):
                merges.append((key, value, value_node))
            elif self._drop_null_keys and not self.keeps(key):
                continue
            entries.append(Entry(key, value))
        if not merges:
            return tuple(entries)
        return self._merged(entries, merges)

    def _first_key(self, key_node: yaml.Node) -> None:
        """js-yaml 3 cannot read an anchor or tag on the first key of a block mapping."""
        start = self._base + key_node.start_mark.index
        if self._text[start] not in "&!" or self._explicit_key(start):
            return
        end = start
        while self._text[end] not in " \t\r\n":
            end += 1
        prop = self._text[start:end]
        what = "anchor" if prop.startswith("&") else "tag"
        self._refused(
            {"js-yaml-3": "end of the stream or a document separator is expected"},
            start,
            end,
            f"the {what} {prop} stands on the first key of its mapping, where the site's YAML "
            f"reader (gray-matter's js-yaml 3) cannot read it, and {self._fails}. Remove it, or "
            "put that key below another key of the same mapping.",
            lambda readers: (
                f"the {what} {prop} stands on the first key of its mapping: the site's YAML "
                f"reader reads it, but {readers} cannot. Remove it, or put that key below another "
                "key of the same mapping."
            ),
        )

    def _explicit_key(self, start: int) -> bool:
        """Whether the key at start follows a `?` (js-yaml reads properties there)."""
        index = start - 1
        while index >= self._base and self._text[index] in " \t\r\n":
            index -= 1
        return index >= self._base and self._text[index] == "?"

    def _complex_key(self, key: Node) -> Scalar:
        """A list or mapping used as a key: js-yaml makes it a property name ("a,b",
        "[object Object]"); Ruby keeps it; go-yaml and serde_yaml refuse it."""
        if self._dialect in ("go-yaml", "serde-yaml"):
            raise FrontMatterError(
                f"a key is a list or mapping; the site's YAML reader cannot use it as a key and "
                f"{self._fails}. Write a plain name as the key.",
                key.start,
                key.end,
            )
        if self._dialect in JS_YAML:
            text = _js_key(key)
            if text is None:
                raise FrontMatterError(
                    "a key is a list holding another list; the site's YAML reader (js-yaml) "
                    f"cannot turn it into a name and {self._fails}. Write a plain name as the key.",
                    key.start,
                    key.end,
                )
        else:
            text = self._text[key.start : key.end]
        return Scalar(key.start, key.end, text, text, quoted=True)

    # Merge keys (<<) ---------------------------------------------------------------------

    def _merges(self, key: Scalar, key_node: yaml.Node, value: Node, value_node: yaml.Node) -> bool:
        """Whether this << entry merges for the site's reader; refuses the sources it refuses."""
        tag = key_node.tag
        dialect = self._dialect
        js_merge = tag == _MERGE or (tag == PLAIN and not key.quoted)
        sources = value.items if isinstance(value, Sequence) else (value,)
        mappings = all(isinstance(source, Mapping) for source in sources)
        refusals: dict[YamlDialect, str] = {}
        if js_merge and not mappings:
            refusals.update(
                dict.fromkeys(
                    (*JS_YAML, "go-yaml"),
                    "cannot merge mappings; the provided source object is unacceptable",
                )
            )
        if isinstance(value, Sequence) or not isinstance(value, Mapping):
            kind = "Array" if isinstance(value, Sequence) else "a value"
            refusals["safe-yaml"] = f"no implicit conversion of {kind} into Hash"
        if refusals:
            self._refused(
                refusals,
                key.start,
                value.end,
                "the merge key << is followed by something other than a mapping (or a list of "
                f"mappings) to merge; the site's YAML reader rejects it and {self._fails}. "
                "Merge a mapping, such as <<: *defaults, or remove the line.",
                lambda readers: (
                    "the merge key << is followed by something other than a mapping to merge: "
                    f"the site's YAML reader reads it, but {readers} cannot. Merge a mapping, or "
                    "remove the line."
                ),
            )
        if dialect in JS_YAML or dialect == "go-yaml":
            return js_merge
        if dialect == "psych":
            return tag != _STR and mappings
        return dialect == "safe-yaml"

    def _merged(
        self, entries: list[Entry], merges: list[tuple[Scalar, Node, yaml.Node]]
    ) -> tuple[Entry, ...]:
        dialect = self._dialect
        merge_keys = {id(key) for key, _, _ in merges}
        if dialect in ("psych", "safe-yaml"):
            return self._merged_ruby(entries, merges, merge_keys)
        if dialect == "go-yaml":
            return self._merged_go(entries, merges)
        own: set[Hashable] = {
            key_identity(dialect, entry.key) for entry in entries if id(entry.key) not in merge_keys
        }
        kept = [entry for entry in entries if id(entry.key) not in merge_keys]
        for _, value, _ in merges:
            for source in _sources(value):
                self._count(source)
                for entry in source.entries:
                    identity = key_identity(dialect, entry.key)
                    if identity not in own:
                        own.add(identity)
                        kept.append(entry)
        return tuple(kept)

    def _merged_go(
        self, entries: list[Entry], merges: list[tuple[Scalar, Node, yaml.Node]]
    ) -> tuple[Entry, ...]:
        """goccy/go-yaml sets keys in the order they come: a merged key replaces the same key
        written before the <<, or merged from an earlier source, and a key written after the <<
        replaces it; one mapping may hold one << only."""
        if len(merges) > 1:
            key = merges[1][0]
            raise FrontMatterError(
                f"the merge key << appears twice in one mapping; the site's YAML reader "
                f"(goccy/go-yaml) rejects a repeated key and {self._fails}. Merge a list "
                "instead: <<: [*first, *second].",
                key.start,
                key.end,
            )
        merged = {id(key): value for key, value, _ in merges}
        kept: list[Entry] = []
        where: dict[Hashable, tuple[int, bool]] = {}
        for entry in entries:
            if id(entry.key) in merged:
                for source in _sources(merged[id(entry.key)]):
                    self._count(source)
                    for item in source.entries:
                        identity = key_identity("go-yaml", item.key)
                        index = where.get(identity, (len(kept), True))[0]
                        if index == len(kept):
                            kept.append(item)
                        else:
                            kept[index] = item
                        where[identity] = (index, True)
                continue
            identity = key_identity("go-yaml", entry.key)
            seen = where.get(identity)
            if seen is not None and seen[1]:
                kept[seen[0]] = entry
                where[identity] = (seen[0], False)
            else:
                where.setdefault(identity, (len(kept), False))
                kept.append(entry)
        return tuple(kept)

    def _merged_ruby(
        self,
        entries: list[Entry],
        merges: list[tuple[Scalar, Node, yaml.Node]],
        merge_keys: set[int],
    ) -> tuple[Entry, ...]:
        """Ruby's Hash#merge!: a merge replaces the keys before it, and keys after it replace
        merged ones. SafeYAML merges only aliases: a mapping written in place is dropped."""
        dialect = self._dialect
        merges_by_key = {id(key): (value, node) for key, value, node in merges}
        kept: list[Entry | None] = []
        where: dict[Hashable, int] = {}
        merged_at: set[int] = set()
        for entry in entries:
            if id(entry.key) not in merge_keys:
                identity = key_identity(dialect, entry.key)
                index = where.get(identity)
                if index is not None and index in merged_at:
                    kept[index] = None
                where[identity] = len(kept)
                kept.append(entry)
                continue
            value, value_node = merges_by_key[id(entry.key)]
            if (
                dialect == "safe-yaml"
                and value_node.start_mark.index > entry.key.start - self._base
            ):
                continue
            taken: set[Hashable] = set()
            for source in _sources(value):
                self._count(source)
                for merged in source.entries:
                    identity = key_identity(dialect, merged.key)
                    if identity in taken:
                        continue
                    taken.add(identity)
                    index = where.get(identity)
                    if index is not None:
                        kept[index] = None
                    where[identity] = len(kept)
                    merged_at.add(len(kept))
                    kept.append(merged)
        return tuple(entry for entry in kept if entry is not None)

    def _count(self, source: Mapping) -> None:
        self.merged += len(source.entries)
        if self.merged > MAX_EXPANDED_NODES:
            raise _TooManyMerged


class _TooManyMerged(Exception):
    """Merge keys copied more entries than klm-lint expands."""


TooManyMerged = _TooManyMerged


def _omap_hash(omap: Sequence) -> Node:
    """Psych reads an !!omap as a Hash of its pairs (the last of a repeated key wins)."""
    if not all(isinstance(item, Mapping) for item in omap.items):
        return omap
    entries = tuple(entry for item in omap.items for entry in item.entries)  # type: ignore[union-attr]
    return Mapping(omap.start, omap.end, entries)


def _sources(value: Node) -> list[Mapping]:
    sources = value.items if isinstance(value, Sequence) else (value,)
    return [source for source in sources if isinstance(source, Mapping)]


def _js_key(key: Node) -> str | None:
    """String(key) in JavaScript for a list or mapping key, as js-yaml's storeMappingPair makes
    it; None for a list holding a list, which js-yaml refuses."""
    if isinstance(key, Mapping):
        return "[object Object]"
    assert isinstance(key, Sequence)
    parts = []
    for item in key.items:
        if isinstance(item, Sequence):
            return None
        if isinstance(item, Mapping):
            parts.append("[object Object]")
        else:
            assert isinstance(item, Scalar)
            parts.append("" if item.value is None else js_property(item.value))
    return ",".join(parts)


def added_by_aliases(root: Node) -> int:
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
