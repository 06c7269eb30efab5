"""The line reader of simple front matter (load/simple_yaml.py) builds the tree the full reader
builds, node for node and offset for offset, for every site's YAML reader, wherever it does not
give up; and the property that says so catches a reader that is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from klm_lint.load import simple_yaml
from klm_lint.load.document import Document, load_text
from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.load.simple_yaml import load_simple, read_simple
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_readers import DIALECTS
from klm_lint.load.yaml_tree import read_yaml

if TYPE_CHECKING:
    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.nodes import Node

KEYS = ["title", "date", "draft", "author", "name", "tags", "a-b", "_x", "true", "null", "y"]
KEYS += ["on", "No", "n", "e", "url", "slug"]
WORDS = ["Camp", "2020-01-03", "2020-01-03T05:00:00Z", "12", "-5", "0x1F", "1_000", "3.5e3"]
WORDS += ["true", "False", "yes", "off", "null", "~", ".inf", "-.NaN", "=", "<<", "0o17", "010"]
WORDS += ["a: b", "a:", "C#", "x #y", "it's", 'say "hi"', "/images/a.jpg", "https://a.b/c?d=e"]
WORDS += ["Tom & Jerry", "&a", "*a", "!tag", "|", ">", "%x", "@x", "`x", "?x", ":x", "-", "- x"]
WORDS += ["[a", "a]", "{a}", "a, b", "é", "\u2028", "\t", "\\", "'", '"', "#", " ", ""]


def scalars() -> st.SearchStrategy[str]:
    word = st.sampled_from(WORDS)
    plain = st.lists(word, min_size=1, max_size=3).map(" ".join)
    single = plain.map(lambda text: "'" + text.replace("'", "''") + "'")
    double = plain.map(lambda text: '"' + text + '"')
    odd = st.sampled_from(["'a''b'", "'a'b'", '"a" b', "'a' # c", '"a"  ', "x  # c", "x\t"])
    return st.one_of(plain, single, double, odd)


def flows() -> st.SearchStrategy[str]:
    items = st.lists(st.one_of(st.sampled_from(WORDS), scalars()), max_size=3)
    return items.map(lambda found: "[" + ", ".join(found) + "]") | st.sampled_from(
        ["[]", "[ ]", "[a,]", "[a, [b]]", "[a] # c", "[a]x"]
    )


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(KEYS))
        shape = draw(st.sampled_from(["scalar", "flow", "mapping", "list", "empty", "odd"]))
        space = draw(st.sampled_from([" ", "  ", ""]))
        if shape == "scalar":
            lines.append(f"{key}:{space}{draw(scalars())}")
        elif shape == "flow":
            lines.append(f"{key}:{space}{draw(flows())}")
        elif shape == "empty":
            lines.append(f"{key}:" + draw(st.sampled_from(["", " ", " # c"])))
        elif shape == "mapping":
            lines.append(f"{key}:")
            indent = draw(st.sampled_from([" ", "  ", "    "]))
            for _ in range(draw(st.integers(0, 3))):
                value = draw(st.one_of(scalars(), flows(), st.just("")))
                lines.append(f"{indent}{draw(st.sampled_from(KEYS))}: {value}".rstrip(" "))
                if draw(st.booleans()):
                    lines.append(draw(st.sampled_from(["", "# c", "   # c", indent + "  x"])))
        elif shape == "list":
            lines.append(f"{key}:")
            indent = draw(st.sampled_from(["", "  "]))
            for _ in range(draw(st.integers(0, 3))):
                item = draw(st.one_of(scalars(), st.sampled_from(["", "- a", "[a]", "a: b"])))
                lines.append(f"{indent}- {item}".rstrip(" "))
        else:
            lines.append(draw(st.sampled_from(["# c", "", "---", "...", " x: y", "x : y", "k:v"])))
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\n# end\n"]))
    return "\n".join(lines) + ending


def same(one: Node, other: Node) -> bool:
    """The same tree: kinds, offsets, values (of the same type), texts and quoting."""
    if type(one) is not type(other):
        return False
    if isinstance(one, Scalar):
        assert isinstance(other, Scalar)
        return (one.start, one.end, one.text, one.quoted, type(one.value)) == (
            other.start,
            other.end,
            other.text,
            other.quoted,
            type(other.value),
        ) and (one.value == other.value or one.value != one.value)
    if isinstance(one, Sequence):
        assert isinstance(other, Sequence)
        return (one.start, one.end, len(one.items)) == (
            other.start,
            other.end,
            len(other.items),
        ) and all(same(a, b) for a, b in zip(one.items, other.items, strict=True))
    assert isinstance(one, Mapping) and isinstance(other, Mapping)
    return (one.start, one.end, len(one.entries)) == (
        other.start,
        other.end,
        len(other.entries),
    ) and all(
        same(a.key, b.key) and same(a.value, b.value)
        for a, b in zip(one.entries, other.entries, strict=True)
    )


def disagrees(text: str, dialect: YamlDialect) -> bool:
    """Whether the line reader reads the text (after a line of its own, so that offsets do not
    start at 0) otherwise than the full reader."""
    whole = "---\n" + text
    fast = read_simple(whole, 4, len(whole), dialect)
    if fast is None:
        return False
    try:
        full = read_yaml(whole, 4, len(whole), dialect=dialect).root
    except FrontMatterError:
        return True
    return not same(full, fast)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters(), st.sampled_from(DIALECTS))
def test_the_line_reader_reads_as_the_full_reader(text: str, dialect: YamlDialect) -> None:
    assert not disagrees(text, dialect)


def test_it_reads_the_usual_front_matter() -> None:
    text = (
        "title: Post 1, Hello world.\nimage: /images/posts/photo-3.jpg\nauthor:\n"
        "  name: Sarah Rahman\n  avatar: /images/author/sarah.jpg\ndate: 2020-01-03T05:00:00Z\n"
        "draft: false\ncategories: [Health]\ntags: [a, b, c]\n"
    )
    for dialect in DIALECTS:
        assert read_simple(text, 0, len(text), dialect) is not None
        assert not disagrees(text, dialect)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\n",
        "a: |\n  b\n",
        "a: b\n  c\n",
        "a: 1\na: 2\n",
        "a: 'b\n  c'\n",
        "a:\tb\n",
        "- a\n",
    ],
)
def test_it_gives_up_on_anything_else(text: str) -> None:
    assert read_simple(text, 0, len(text), "js-yaml-3") is None


@pytest.mark.parametrize(
    ("name", "mutant"),
    [
        ("_PLAIN_START", frozenset("-?:,[]{}#|>'\"%@`")),
        ("_safe_dash", lambda text, start: True),
        ("_FLOW_STOP", simple_yaml.re.compile(r"[\[\]{}]")),
    ],
)
def test_the_property_catches_a_wrong_reader(
    name: str, mutant: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader with one of its rules weakened reads some front matter otherwise than the
    full reader, and the property finds it."""
    monkeypatch.setattr(simple_yaml, name, mutant)
    found = find(
        st.tuples(front_matters(), st.sampled_from(DIALECTS)),
        lambda case: disagrees(*case),
        settings=settings(max_examples=5000, database=None, deadline=None, phases=[Phase.generate]),
    )
    assert disagrees(*found)


@settings(max_examples=200, deadline=None)
@given(front_matters(), st.sampled_from(DIALECTS))
def test_a_document_loads_as_load_text_loads_it(text: str, dialect: YamlDialect) -> None:
    raw = ("---\n" + text + ("" if text.endswith("\n") else "\n") + "---\nBody\n").encode()
    path = Path("content/posts/a.md")
    fast = load_simple(raw, path, "a.md", "content/posts/a.md", 10_000, yaml_dialect=dialect)
    if fast is None:
        return
    full = load_text(raw, path, "a.md", "content/posts/a.md", 10_000, yaml_dialect=dialect)
    assert isinstance(full, Document)
    assert full.front_matter is not None and fast.front_matter is not None
    assert same(full.front_matter.root, fast.front_matter.root)
    assert (full.text, full.body_start, full.bom) == (fast.text, fast.body_start, fast.bom)
    assert (full.front_matter.start, full.front_matter.end) == (
        fast.front_matter.start,
        fast.front_matter.end,
    )
