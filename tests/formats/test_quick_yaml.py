"""The quick reader gives the index exactly what the full parse gives, or gives up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.formats import FrontMatterError
from klm_lint.formats.quick_yaml import read_keys
from klm_lint.formats.yaml_tree import parse_yaml
from klm_lint.nodes import Mapping, Node, Scalar, lookup
from tests.conftest import GOOD_POST

PATHS = [("title",), ("url",), ("date",), ("draft",), ("author", "name"), ("author", "avatar")]


def shape(node: Node | None) -> object:
    if isinstance(node, Scalar):
        return (node.start, node.end, node.value, node.text, node.quoted)
    return None if node is None else type(node).__name__


def index_view(root: Mapping) -> list[object]:
    return [shape(lookup(root, path)[1]) for path in PATHS]


def agree(block: str) -> bool:
    """Whether the quick reader read the block; asserts it agrees with the full parse if so."""
    text = "---\n" + block + "---\n"
    quick = read_keys(text, 4, 4 + len(block))
    if quick is None:
        return False
    full = parse_yaml(text, 4, 4 + len(block))
    assert index_view(quick) == index_view(full), block
    return True


PLAIN_POST = (
    GOOD_POST.split("---\n")[1]
    + "tags: [a, b]\nabout:\n  title: not the post's title\n"
    + "description: |\n  title: inside a block scalar\n"
)


def test_reads_a_plain_post() -> None:
    assert agree(PLAIN_POST)


def test_quotes_comments_and_crlf() -> None:
    assert agree("title: \"Quoted: with colon\"  # note\nurl: '/a/b'\ndraft: no\n")
    assert agree("title: C# for kids\r\ndraft: true\r\n")
    assert agree("title:\ndate: 2022-02-30\n")


def test_gives_up_on_what_it_does_not_read() -> None:
    for block in [
        "title: first\n  continued\n",
        "title: &t anchored\n",
        "author: {name: A}\n",
        "title: a\ntitle: b\n",
        '"title": quoted key\n',
        'title: "escaped \\" quote"\n',
        "<<: *base\n",
        "author:\n  name: A\n  social:\n    x: y\n",
        "\ttitle: tab\n",
        "title: 'it''s'\n",
    ]:
        assert not agree(block), block


LINE = st.sampled_from(
    [
        "title: Hello",
        "title: 'Hello: there'",
        'title: "x" # c',
        "title: 2022",
        "title: true",
        "title:",
        "url: /a/",
        "date: 2022-04-04",
        "date: April 4, 2022",
        "date: 2022-04-04 05:00:00",
        "draft: no",
        "draft: 'false'",
        "draft: 0",
        "author:",
        "  name: A",
        "  avatar: /x.jpg",
        "  name:",
        "  bio: x",
        "    deeper: y",
        "tags: [a, b]",
        "- item",
        "# comment",
        "",
        "other: value",
        "other: |",
        "  title: inside",
        "x: a: b",
        "title: x #y",
        "title: 'unclosed",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_agrees_with_the_full_parse_whenever_it_reads(lines: list[str]) -> None:
    block = "".join(line + "\n" for line in lines)
    try:
        parse_yaml("---\n" + block + "---\n", 4, 4 + len(block))
    except FrontMatterError:
        return
    agree(block)
