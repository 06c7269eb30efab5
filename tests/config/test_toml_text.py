"""Writing TOML with comments: what is written reads back as the same data."""

from __future__ import annotations

import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.config.toml_text import dumps

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

keys = st.text(min_size=1, max_size=8)
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=12),
)
values = st.recursive(
    st.one_of(scalars, st.lists(scalars, max_size=3)),
    lambda inner: st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
tables = st.dictionaries(keys, values, max_size=5)


@settings(max_examples=300, deadline=None)
@given(tables, st.lists(st.text(max_size=20), max_size=3))
def test_what_is_written_reads_back_as_the_same_data(
    data: dict[str, Any], notes: list[str]
) -> None:
    comments = {}
    paths = [(key,) for key in data]
    for path, note in zip(paths, notes, strict=False):
        comments[path] = note
    text = dumps(data, comments, header="\n".join(notes))
    assert tomllib.loads(text) == data


def test_comments_end_a_line_or_stand_above_a_table() -> None:
    data = {
        "collections": {"posts": {"schema": "posts"}, "pages": {}},
        "schemas": {"posts": {"fields": {"rank": {"type": "integer"}, "tag": "string"}}},
    }
    comments = {
        ("collections", "posts"): "posts: 7 files",
        ("schemas", "posts", "fields", "tag"): "in every file",
        ("schemas", "posts", "fields", "rank"): "in 2 of 7 files",
    }
    text = dumps(data, comments, header="Written by init.", ordered=[("collections",)])
    assert text == (
        "# Written by init.\n"
        "\n"
        "# posts: 7 files\n"
        "[collections.posts]\n"
        'schema = "posts"\n'
        "\n"
        "[collections.pages]\n"
        "\n"
        "[schemas.posts.fields]\n"
        'rank = { type = "integer" }  # in 2 of 7 files\n'
        'tag = "string"  # in every file\n'
    )
    assert list(tomllib.loads(text)["collections"]) == ["posts", "pages"]


def test_control_characters_cannot_break_out_of_a_string_or_a_comment() -> None:
    data = {"a\nb": 'x\x7f\x1b"\\', "ok": 1}
    text = dumps(data, {("ok",): "line\nbreak\x1b"}, header="head\x00er")
    assert tomllib.loads(text) == data
    assert "\x1b" not in text
    assert "\x00" not in text


def test_characters_a_terminal_would_act_on_or_hide_are_written_escaped() -> None:
    data = {"a\u202eb": "x\u200by\u2028z\U000e0001\x85", "plain é ✓ 😀": "é ✓ 😀"}
    text = dumps(data, {})
    assert tomllib.loads(text) == data
    assert text == (
        '"a\\u202eb" = "x\\u200by\\u2028z\\U000e0001\\u0085"\n"plain é ✓ 😀" = "é ✓ 😀"\n'
    )
