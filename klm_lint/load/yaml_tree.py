"""YAML front matter → node tree, read the way the site's YAML reader reads it.

libyaml (through PyYAML) composes the node graph: it is fast, and on plain front matter every
reader agrees with it. Nothing is constructed from tags. Where the site's reader is js-yaml and
the text is one of the few that libyaml and js-yaml read differently (libyaml refuses it, or an
anchor, alias or tag reads otherwise), the js-yaml port (js_yaml.py) reads it instead, so that
"the build fails" is said exactly when the site's reader fails. The tree builder (yaml_build.py)
then resolves values, tags and merge keys the way the site's reader does.

What the site reads but other common readers refuse comes back as notes (KLM007).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.load.dialects import DEFAULT_DIALECT
from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_build import (
    MAX_EXPANDED_NODES,
    NeedsJsYaml,
    Note,
    TooManyMerged,
    TreeBuilder,
    added_by_aliases,
)
from klm_lint.load.yaml_readers import JS_YAML, READERS, readers_named
from klm_lint.load.yaml_simple import simple_tree
from klm_lint.records import value_record

if TYPE_CHECKING:
    from typing import Literal

    import yaml

    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.js_yaml import JsYamlError
    from klm_lint.load.nodes import Node

__all__ = ["Note", "Reading", "parse_yaml", "read_yaml"]

_LIBYAML_READERS: frozenset[YamlDialect] = frozenset(("psych", "safe-yaml", "serde-yaml"))
_PORT_READERS: frozenset[YamlDialect] = JS_YAML | {"go-yaml"}
"""Readers whose parser is not libyaml's: where libyaml refuses a text, or may read it
otherwise, the js-yaml port reads it (js-yaml 4's rules for goccy/go-yaml)."""
_GO_READS = (
    "mapping values are not allowed",
    "did not find expected node content",
    "found character that cannot start any token",
    "found a tab character where an indentation space is expected",
    "did not find expected alphabetic or numeric character",
    "found unexpected ':'",
)
"""What libyaml refuses and goccy/go-yaml (Hugo) reads, as Hugo was seen to: `{x: :x}`, keys
over 1,024 characters, a tab after indentation or a dash, anchor names with punctuation."""
_GO_TAB_LINE = lazy_pattern(r"^\t[ \t]*$", re.MULTILINE)
"""A blank line that starts with a tab: goccy/go-yaml refuses it, wherever it stands."""


def _go_reads(problem: FrontMatterError | yaml.YAMLError, source: str) -> bool:
    """Whether goccy/go-yaml reads a text that libyaml refused."""
    reason = str(problem)
    if _GO_TAB_LINE.search(source):
        return False
    if "could not find expected ':'" in reason:
        return not _JS_LINE_BREAKS.isdisjoint(source)  # NEL, LS, PS: text to goccy
    return "found duplicate anchor" in reason or any(words in reason for words in _GO_READS)


_JS_PROPERTIES = lazy_pattern(
    r"(?:^|(?<=[\s\[\]{},]))"
    r"(?:[&*][0-9A-Za-z_-]*[^0-9A-Za-z_\-\s\[\]{},]|&\S*[ \t]*[\r\n]"
    r"|![^\s\[\]{},]*[\[\]{},]|!\S*[ \t]*[\r\n]|![ \t]|!<!>)"
)
"""Anchors, aliases and tags that libyaml and js-yaml read differently though both read them:
a name with punctuation (libyaml ends it early, js-yaml takes it whole, `*a:` included), an
anchor or tag at the end of its line (js-yaml 3 may anchor an empty list there; js-yaml may
lose a tag to the next line's node), a tag running into a flow indicator, and the non-specific
tag `!` (libyaml reads `! 1` as 1, js-yaml as "1")."""
_JS_FLOW_QUESTION = lazy_pattern(r"[\[{,][ \t]*\?\S")
"""`?key` glued inside a flow collection: libyaml reads the key `key`, js-yaml `?key`."""
_JS_LINE_BREAKS = frozenset("\x85\u2028\u2029\ufeff")
"""Characters libyaml reads as line breaks (or a byte-order mark) and js-yaml as text."""
_COLUMN_ZERO_BLOCK = lazy_pattern(r"(?:^|[\r\n])[|>]")
"""A block value's | or > at the start of a line: libyaml takes it as the value of the key
above, js-yaml does not."""


def _js_diverges(source: str) -> bool:
    """Whether libyaml may read this text otherwise than js-yaml does, though it reads it; the
    tree builder finds the rest (multi-line plain values, and quoted ones for js-yaml 3)."""
    if ("&" in source or "*" in source or "!" in source) and _JS_PROPERTIES.search(source):
        return True
    if "?" in source and _JS_FLOW_QUESTION.search(source):
        return True
    if ("|" in source or ">" in source) and _COLUMN_ZERO_BLOCK.search(source):
        return True
    return not _JS_LINE_BREAKS.isdisjoint(source) if not source.isascii() else False


@value_record
class Reading:
    root: Mapping
    notes: tuple[Note, ...] = ()
    """What the site's reader reads but other common readers refuse (KLM007)."""


def parse_yaml(
    text: str, start: int, end: int, *, dialect: YamlDialect = DEFAULT_DIALECT
) -> Mapping:
    """Parse text[start:end] as `dialect`'s reader does; node offsets are offsets into `text`."""
    return read_yaml(text, start, end, dialect=dialect).root


def read_yaml(
    text: str, start: int, end: int, *, dialect: YamlDialect = DEFAULT_DIALECT, simple: bool = True
) -> Reading:
    """parse_yaml, with the notes on what other readers would refuse. Simple front matter is
    read without libyaml (yaml_simple.py), unless `simple` is False."""
    source = text[start:end]
    notes: list[Note] = []
    # Text that libyaml may read otherwise than a port reads it never takes the simple reading,
    # whichever reader the site's is: what goes to a port is decided below, from libyaml's.
    diverges = _js_diverges(source)
    if not diverges and simple:
        simple_root = simple_tree(text, start, end, TreeBuilder(text, start, dialect, notes))
        if simple_root is not None:
            return Reading(simple_root)
    root, problem = _libyaml(source, start)
    redefined = problem is not None and "found duplicate anchor" in str(problem)
    if redefined or (problem is not None and _read_otherwise(problem, dialect)):
        root, problem = _libyaml(source, start, dialect)
    if dialect == "go-yaml" and problem is not None and not _go_reads(problem, source):
        raise _libyaml_error(problem, start, dialect)
    if dialect in _PORT_READERS and (problem is not None or redefined or diverges):
        root = _js_yaml(source, start, dialect, problem, notes)
    elif problem is not None:
        raise _libyaml_error(problem, start, dialect)
    if root is None:
        return Reading(Mapping(start, start, ()), tuple(notes))
    builder = TreeBuilder(text, start, dialect, notes)
    try:
        tree = builder.build(root)
    except NeedsJsYaml:
        return _read_with_js_yaml(text, start, end, dialect)
    except TooManyMerged:
        raise _alias_bomb(start + root.start_mark.index) from None
    return _checked(tree, builder, notes)


def _read_with_js_yaml(text: str, start: int, end: int, dialect: YamlDialect) -> Reading:
    """read_yaml for a front matter libyaml reads, but not as js-yaml does."""
    notes: list[Note] = []
    root = _js_yaml(text[start:end], start, dialect, None, notes)
    if root is None:
        return Reading(Mapping(start, start, ()), ())
    builder = TreeBuilder(text, start, dialect, notes, js_yaml_read=True)
    try:
        tree = builder.build(root)
    except TooManyMerged:
        raise _alias_bomb(start + root.start_mark.index) from None
    return _checked(tree, builder, notes)


_NULL_REFUSED: frozenset[YamlDialect] = frozenset(("go-yaml", "serde-yaml"))
"""Readers that refuse a front matter that is null (`~`), where an empty one has no keys."""


def _checked(tree: Node, builder: TreeBuilder, notes: list[Note]) -> Reading:
    if builder.aliased and added_by_aliases(tree) > MAX_EXPANDED_NODES:
        raise _alias_bomb(tree.start)
    if isinstance(tree, Scalar) and tree.value is None and builder.dialect not in _NULL_REFUSED:
        return Reading(Mapping(tree.start, tree.start, ()), tuple(notes))
    if not isinstance(tree, Mapping):
        what = "a list" if isinstance(tree, Sequence) else "a single value"
        raise FrontMatterError(
            f"the front matter is {what}, not a set of keys and values; the site cannot read "
            "its title, date or anything else. Write it as key: value lines.",
            tree.start,
            tree.end,
        )
    return Reading(tree, tuple(notes))


def _read_otherwise(problem: FrontMatterError | yaml.YAMLError, dialect: YamlDialect) -> bool:
    """Whether the dialect's reader may read what PyYAML's composer refused."""
    reason = str(problem)
    if dialect in ("psych", "safe-yaml") and "expected <document start>" in reason:
        return True
    return dialect == "safe-yaml" and "found undefined alias" in reason


def _libyaml(
    source: str, start: int, dialect: YamlDialect | None = None
) -> tuple[yaml.Node | None, FrontMatterError | yaml.YAMLError | None]:
    from klm_lint.load.yaml_composers import compose  # here: simple front matter needs no PyYAML

    return compose(source, start, dialect)


def _js_yaml(
    source: str,
    start: int,
    dialect: YamlDialect,
    problem: FrontMatterError | yaml.YAMLError | None,
    notes: list[Note],
) -> yaml.Node | None:
    """The js-yaml port's reading, where libyaml failed or may read otherwise."""
    from klm_lint.load import js_yaml  # the slow path only: most front matter never needs it

    version: Literal[3, 4] = 3 if dialect == "js-yaml-3" else 4
    try:
        root = js_yaml.compose(source, version)
    except js_yaml.JsYamlError as error:
        if problem is not None:
            raise _libyaml_error(problem, start, dialect) from None
        raise _js_error(error, start, dialect) from None
    if problem is not None and not isinstance(problem, FrontMatterError):
        refusing = set(_LIBYAML_READERS)
        other: Literal[3, 4] = 4 if version == 3 else 3
        try:
            js_yaml.compose(source, other)
        except js_yaml.JsYamlError:
            refusing.add("js-yaml-4" if other == 4 else "js-yaml-3")
        notes.append(_libyaml_note(problem, source, start, frozenset(refusing)))
    return root


def _alias_bomb(offset: int) -> FrontMatterError:
    return FrontMatterError(
        "the front matter repeats YAML aliases (*name) so often that they stand for more "
        f"than {MAX_EXPANDED_NODES:,} values; the site would stall writing them out. Write "
        "the values out plainly.",
        offset,
    )


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

_LIBYAML_NOTE_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", "Delete the tab, or replace it with spaces."),
    ("found character that cannot start any token", "Replace the tab with spaces."),
    ("did not find expected node content", "Put the value in quotes."),
    ("found unexpected ':'", "Put the value in quotes."),
    ("mapping values are not allowed", "Shorten the key, or put the value in quotes."),
    ("found duplicate anchor", "Give the second anchor another name."),
)
"""What to do, where js-yaml reads what libyaml refuses: the text is fine for the site."""

_JS_HINTS: tuple[tuple[str, str], ...] = (
    ("unidentified alias", "A value that starts with * must be put in quotes."),
    (
        "tag suffix cannot contain flow indicator",
        "Put a space between the tag and the comma or bracket after it.",
    ),
    ("tab characters", "YAML does not allow tabs for indentation; use spaces."),
    ("bad indentation", "Line keys up with the same number of spaces."),
    ("duplication of", "Give the value one anchor (&name) and one tag at most."),
    ("a line break is expected", "Put a space before the # of a comment."),
    ("nesting exceeded", "The front matter nests lists or mappings too deeply."),
    (
        "end of the stream or a document separator",
        "Remove the anchor or tag in front of the first key, or fix the indentation.",
    ),
)


def _hint(problem: str, hints: tuple[tuple[str, str], ...]) -> str:
    return next((hint for needle, hint in hints if needle in problem), "Fix the YAML syntax.")


def _libyaml_error(
    problem: FrontMatterError | yaml.YAMLError, start: int, dialect: YamlDialect
) -> FrontMatterError:
    if isinstance(problem, FrontMatterError):
        return problem
    import yaml

    if isinstance(problem, yaml.MarkedYAMLError):
        mark = problem.problem_mark or problem.context_mark
        offset = start + (mark.index if mark is not None else 0)
        return FrontMatterError(_yaml_message(problem, dialect), offset)
    return FrontMatterError(f"the YAML does not parse: {problem}", start)


def _yaml_message(error: yaml.MarkedYAMLError, dialect: YamlDialect) -> str:
    problem = (error.problem or "invalid YAML").rstrip(".")
    return (
        f"the front matter is not valid YAML ({problem}); {READERS[dialect].fails}. "
        f"{_hint(problem, _HINTS)}"
    )


def _js_error(error: JsYamlError, start: int, dialect: YamlDialect) -> FrontMatterError:
    reason = error.reason.rstrip(".")
    return FrontMatterError(
        f"the front matter is not valid YAML for the site's YAML reader, "
        f"{READERS[dialect].name} ({reason}); {READERS[dialect].fails}. "
        f"{_hint(reason, _JS_HINTS)}",
        start + error.offset,
    )


def _libyaml_note(
    problem: yaml.YAMLError, source: str, start: int, refusing: frozenset[YamlDialect]
) -> Note:
    import yaml

    index = 0
    if isinstance(problem, yaml.MarkedYAMLError):
        mark = problem.problem_mark or problem.context_mark
        index = mark.index if mark is not None else 0
        reason = (problem.problem or "invalid YAML").rstrip(".")
    else:
        reason = str(problem)
    width = 1 if index < len(source) and source[index] not in "\r\n" else 0
    return Note(
        start + index,
        start + index + width,
        f"the site's YAML reader reads this front matter, but {readers_named(refusing)} cannot "
        f"({reason}), nor can the editors, CMSes and tools built on them. "
        f"{_hint(reason, _LIBYAML_NOTE_HINTS + _HINTS)}",
    )
