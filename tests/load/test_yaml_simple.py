"""Simple front matter read without libyaml gives the tree libyaml's reading gives, in every
dialect, or is left to libyaml."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from klm_lint.load import yaml_simple
from klm_lint.load.nodes import Mapping, Node, Scalar, Sequence
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_build import TreeBuilder
from klm_lint.load.yaml_readers import DIALECTS
from klm_lint.load.yaml_simple import simple_tree
from klm_lint.load.yaml_tree import _js_diverges, read_yaml

if TYPE_CHECKING:
    from klm_lint.load.dialects import YamlDialect

ROOT = Path(__file__).resolve().parents[2]


def shape(node: Node) -> object:
    """Everything a node holds, as plain data to compare."""
    if isinstance(node, Scalar):
        value = node.value
        return (
            "scalar",
            node.start,
            node.end,
            type(value).__name__,
            repr(value),
            node.text,
            node.quoted,
        )
    if isinstance(node, Sequence):
        return ("sequence", node.start, node.end, [shape(item) for item in node.items])
    assert isinstance(node, Mapping)
    entries = [(shape(entry.key), shape(entry.value)) for entry in node.entries]
    # The entry a lookup finds for each key: the simple reading makes its table as it reads.
    found = {
        text: [place for place, entry in enumerate(node.entries) if entry is node.get(text)]
        for text in [entry.key.text for entry in node.entries]
    }
    return ("mapping", node.start, node.end, entries, found)


def outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except FrontMatterError as error:
        return ("error", error.message, error.start, error.end)


def agrees(text: str, dialect: YamlDialect) -> bool:
    """Whether the simple reading, when there is one, is libyaml's; whether there is one."""
    simple = outcome(lambda: simple_tree(text, 0, len(text), TreeBuilder(text, 0, dialect, [])))
    if simple is None:
        return False
    slow = outcome(lambda: read_yaml(text, 0, len(text), dialect=dialect, simple=False))
    if isinstance(simple, tuple):  # an error: the site's reader refuses a value
        assert slow == simple, (text, dialect)
        return True
    assert not isinstance(slow, tuple), (text, dialect, slow)
    assert slow.notes == (), (text, dialect)  # type: ignore[attr-defined]
    assert shape(simple) == shape(slow.root), (text, dialect)  # type: ignore[arg-type,attr-defined]
    return True


TRICKY = "ab Z1 0:-#,[]{}'\"&*!|>%@`?~.\t\\é\u2028\x85\ufeff😀\r"
"""Characters that end, start or change a YAML token, or that some reader reads otherwise."""
words = st.one_of(
    st.sampled_from(
        [
            "title",
            "Hello world",
            "true",
            "False",
            "null",
            "~",
            "yes",
            "on",
            "2019-03-07",
            "2019-03-07T05:00:00Z",
            "1.5",
            "0x1F",
            "1_000",
            "-3",
            "+4",
            ".inf",
            ":symbol",
            "a: b",
            "a #b",
            "a#b",
            "a:b",
            "http://x.org/a?b=c",
            "/images/a.jpg",
            "",
            " ",
            "a ",
            "<<",
            "it's",
            'say "hi"',
            "C#",
            "[x]",
            "x]",
            "- a",
            "? a",
            "*alias",
            "&anchor a",
            "!tag a",
            "| a",
            "> a",
            "%x",
            "@x",
            "`x`",
            "1e3",
            "0o17",
            "0b11",
            "Ünïcødé 😀",
        ]
    ),
    st.text(alphabet=TRICKY, max_size=6),
)
keys = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,6}", fullmatch=True), words)


def quoted(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, f'"{word}"', f"'{word}'"])


@st.composite
def flow_list(draw: st.DrawFn) -> str:
    items = draw(st.lists(words.flatmap(quoted), max_size=4))
    gaps = draw(st.sampled_from([", ", ",", " , ", ",  "]))
    pad = draw(st.sampled_from(["", " "]))
    return "[" + pad + gaps.join(items) + pad + draw(st.sampled_from(["]", ", ]", "] "]))


@st.composite
def block(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines = []
    spaces = st.sampled_from([" ", "  "])
    for _ in range(draw(st.integers(1, 4))):
        pad = " " * indent
        key = draw(keys)
        kind = draw(st.sampled_from(["plain", "flow", "empty", "nested", "list", "noise"]))
        if kind == "plain":
            lines.append(f"{pad}{key}:{draw(spaces)}{draw(words.flatmap(quoted))}")
        elif kind == "flow":
            lines.append(f"{pad}{key}: {draw(flow_list())}")
        elif kind == "empty":
            lines.append(f"{pad}{key}:{draw(st.sampled_from(['', ' ']))}")
        elif kind == "nested" and depth < 2:
            lines.append(f"{pad}{key}:")
            lines += draw(block(indent + draw(st.sampled_from([1, 2, 4])), depth + 1))
        elif kind == "list":
            lines.append(f"{pad}{key}:")
            inner = pad + draw(st.sampled_from(["", "  ", " "]))
            for _ in range(draw(st.integers(1, 3))):
                gap = draw(st.sampled_from([" ", "  ", ""]))
                lines.append(f"{inner}-{gap}{draw(words.flatmap(quoted))}")
        else:
            noise = ["", "# a comment", "  # indented", "   ", "---", "..."]
            lines.append(draw(st.sampled_from(noise)))
    return lines


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    text = "\n".join(draw(block(0, 0))) + draw(st.sampled_from(["\n", "", "\n\n", "\n# end\n"]))
    if draw(st.booleans()):  # a character put anywhere
        at = draw(st.integers(0, len(text)))
        put = draw(st.sampled_from([*TRICKY, "\n", "  ", ": ", " #"]))
        text = text[:at] + put + text[at:]
    return text


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter(), st.sampled_from(DIALECTS))
@example("title: a\nauthor:\n  name: b\n  avatar: c\ntags: [x, y]\n", "js-yaml-3")
@example("a:\n- x\n- y\nb:\n", "psych")
@example("a: 'x'\nb: \"y\"\nc: [ 'p' , \"q\" ]\n# c\n", "go-yaml")
def test_simple_reading_is_libyamls(text: str, dialect: YamlDialect) -> None:
    if _js_diverges(text):
        return  # read_yaml never gives these to the simple reading
    agrees(text, dialect)


def test_simple_front_matter_is_read_simply() -> None:
    text = (
        "title: Post 1, a title.\nimage: /images/a.jpg\nauthor:\n  name: Ann\n  avatar: x.jpg\n"
        "date: 2019-03-07T05:00:00Z\ndraft: false\ncategories: [Reports]\ntags:\n  - a\n"
        "  - 'b'\nempty:\nquoted: \"q\"\n"
    )
    for dialect in DIALECTS:
        assert agrees(text, dialect)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\n",  # an anchor
        "a: b # comment\n",
        "a: |\n  text\n",
        "a: b\n  c\n",  # a plain value over two lines
        "a: {b: c}\n",
        "a:\tb\n",
        "a: b\r\nc: d\r\n",
        "  a: b\n",
        "a: [b, [c]]\n",
        "a: [b, ]\n",
        'a: "b\\n"\n',
        "- a\n",
        "a: b\u2028c\n",
    ],
)
def test_anything_else_is_left_to_libyaml(text: str) -> None:
    for dialect in DIALECTS:
        assert simple_tree(text, 0, len(text), TreeBuilder(text, 0, dialect, [])) is None


def test_text_a_port_may_read_otherwise_is_never_read_simply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import klm_lint.load.yaml_tree as yaml_tree

    def taken(*_arguments: object) -> None:
        raise AssertionError("the simple reading was taken")

    text = "title: a *b.\n"
    assert _js_diverges(text)
    assert simple_tree(text, 0, len(text), TreeBuilder(text, 0, "psych", [])) is not None
    monkeypatch.setattr(yaml_tree, "simple_tree", taken)
    for dialect in DIALECTS:
        assert read_yaml(text, 0, len(text), dialect=dialect).root.entries


def test_every_front_matter_in_the_repository_agrees() -> None:
    """The examples, the tests' sites and the YAML corpus, wherever the simple reading takes
    them."""
    corpus = json.loads((ROOT / "tests/load/yaml_corpus.json").read_text("utf-8"))
    texts: list[str] = [case["yaml"] for case in corpus["cases"]]
    for path in [*ROOT.glob("examples/**/*.md*"), *ROOT.glob("tests/**/*.md*")]:
        text = path.read_text("utf-8", errors="replace")
        if text.startswith("---\n") and "\n---" in text[3:]:
            texts.append(text[4 : text.index("\n---", 3) + 1])
    read = 0
    for text in texts:
        for dialect in DIALECTS:
            if not _js_diverges(text):
                read += agrees(text, dialect)
    assert read > 100


def test_the_ascii_check_of_unusual_characters_is_the_full_one_within_ascii() -> None:
    for code in range(128):
        character = chr(code)
        full = yaml_simple._UNUSUAL.search(character) is not None
        assert yaml_simple._unusual_ascii(character) is full, repr(character)
        assert yaml_simple._unusual_ascii(f"a\n{character}b") is full, repr(character)


@pytest.mark.parametrize("simple", [True, False])
@pytest.mark.parametrize("dialect", DIALECTS)
def test_reading_leaves_no_cycle_for_the_collector(dialect: YamlDialect, simple: bool) -> None:
    """The tree builder is freed with its reading: a reference cycle would keep the text and
    tree alive until the collector runs (a large run's workers held thousands of them)."""
    text = "title: Hello\ntags: [a, b]\nauthor:\n  name: Ann\ndate: 2024-01-02\n"
    read_yaml(text, 0, len(text), dialect=dialect, simple=simple)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            read_yaml(text, 0, len(text), dialect=dialect, simple=simple)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
