from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.load.json_tree import parse_json
from klm_lint.load.nodes import Mapping, Scalar, Sequence, to_python
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError

POST = """{
  "title": "Community engagement.",
  "draft": false,
  "weight": 12.5,
  "image": null,
  "author": {"name": "Abdullah Al Shifat", "posts": 3},
  "tags": ["kids", "community"]
}
"""


def parse(block: str, prefix: str = "", suffix: str = "") -> tuple[str, Mapping]:
    text = prefix + block + suffix
    return text, parse_json(text, len(prefix), len(prefix) + len(block))


def error(block: str, prefix: str = "") -> FrontMatterError:
    text = prefix + block
    with pytest.raises(FrontMatterError) as caught:
        parse_json(text, len(prefix), len(text))
    return caught.value


def entry_value(root: Mapping, key: str) -> Scalar | Sequence | Mapping:
    entry = root.get(key)
    assert entry is not None
    return entry.value


def scalar(root: Mapping, key: str) -> Scalar:
    node = entry_value(root, key)
    assert isinstance(node, Scalar)
    return node


def test_values_and_offsets() -> None:
    text, root = parse(POST)
    assert to_python(root) == json.loads(POST)
    assert text[root.start : root.end] == POST.strip()
    title = root.entries[0]
    assert text[title.key.start : title.key.end] == '"title"'
    assert (title.key.text, title.key.value, title.key.quoted) == ("title", "title", True)
    assert text[title.value.start : title.value.end] == '"Community engagement."'
    draft = scalar(root, "draft")
    assert (draft.value, draft.text, draft.quoted) == (False, "false", False)
    assert text[draft.start : draft.end] == "false"
    weight = scalar(root, "weight")
    assert (weight.value, weight.text) == (12.5, "12.5")
    image = scalar(root, "image")
    assert (image.value, image.text) == (None, "null")
    author = entry_value(root, "author")
    assert isinstance(author, Mapping)
    assert text[author.start : author.end] == '{"name": "Abdullah Al Shifat", "posts": 3}'
    posts = scalar(author, "posts")
    assert (posts.value, posts.text, type(posts.value)) == (3, "3", int)
    tags = entry_value(root, "tags")
    assert isinstance(tags, Sequence)
    assert text[tags.start : tags.end] == '["kids", "community"]'
    assert [text[item.start : item.end] for item in tags.items] == ['"kids"', '"community"']


def test_offsets_are_absolute_when_the_block_starts_later() -> None:
    prefix = "---json\n"
    text, root = parse(POST, prefix, "---\nBody text.\n")
    assert root.start == len(prefix)
    title = root.entries[0]
    assert title.key.start == len(prefix) + POST.index('"title"')
    assert text[title.value.start : title.value.end] == '"Community engagement."'


def test_the_block_end_is_respected() -> None:
    text = '{"a": 1}\n{"b": 2}'
    root = parse_json(text, 0, 9)
    assert root.keys() == ["a"]
    with pytest.raises(FrontMatterError) as caught:
        parse_json('{"a": "x"}', 0, 8)
    assert caught.value.start == 8


def test_duplicate_keys_are_kept_in_order() -> None:
    text, root = parse('{"title": "one", "draft": true, "title": "two"}')
    assert root.keys() == ["title", "draft", "title"]
    first, _, second = root.entries
    assert text[first.key.start : first.key.end] == '"title"'
    assert first.key.start < second.key.start
    assert to_python(root) == {"title": "two", "draft": True}


def test_strings_with_escapes_and_unicode() -> None:
    block = (
        '{"é": "caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/ \\n\\t", "lone": "\\ud800", "k": "😀"}'
    )
    text, root = parse(block, prefix="ü\n")
    assert to_python(root) == json.loads(block)
    assert root.entries[0].key.text == "é"
    # Offsets count Python characters: the emoji is one.
    emoji = scalar(root, "k")
    assert text[emoji.start : emoji.end] == '"😀"'
    assert emoji.end - emoji.start == 3


def test_numbers() -> None:
    block = '{"a": -0, "b": 1e3, "c": -2.5E-2, "d": 10, "e": 1e400, "f": 0.0}'
    _, root = parse(block)
    assert to_python(root) == json.loads(block)
    types = [type(scalar(root, key).value).__name__ for key in "abcdef"]
    assert types == ["int", "float", "float", "int", "float", "float"]
    assert scalar(root, "c").text == "-2.5E-2"


def test_crlf_and_whitespace() -> None:
    block = '\r\n\t {\r\n  "a": [\r\n    1,\r\n    2\r\n  ]\r\n}\r\n'
    text, root = parse(block)
    assert to_python(root) == {"a": [1, 2]}
    assert text[root.start] == "{"
    assert text[root.end - 1] == "}"


def test_empty_object_and_list() -> None:
    text, root = parse('{"a": {}, "b": []}')
    assert text[root.entries[0].value.start : root.entries[0].value.end] == "{}"
    assert text[root.entries[1].value.start : root.entries[1].value.end] == "[]"


@pytest.mark.parametrize(
    ("block", "offending", "message"),
    [
        ('{"title": "x" "draft": true}', 14, 'expected a comma or } after the value of "title"'),
        ('{"title": "x",}', 13, "a trailing comma before } is not allowed in JSON"),
        ('{"tags": [1, 2, ]}', 14, "a trailing comma before ] is not allowed in JSON"),
        ('{"tags": [1 2]}', 12, 'expected a comma or ] after an item of the list "tags"'),
        ('{"title" "x"}', 9, 'expected a colon : after the key "title"'),
        ('{"title": }', 10, 'expected a value for "title"'),
        ("{'title': 1}", 1, "keys must be in double quotes"),
        ("{title: 1}", 1, "expected a key in double quotes"),
        ("{\"title\": 'x'}", 10, "text must be in double quotes"),
        ('{"title": hello}', 10, "text must be in double quotes"),
        ('{"n": NaN}', 6, "NaN and Infinity are not allowed"),
        ('{"n": -Infinity}', 6, "NaN and Infinity are not allowed"),
        ('{"n": True}', 6, "write true, false and null in lowercase"),
        ('{"n": 01}', 6, "a number cannot start with 0"),
        ('{"n": 1.}', 8, "a decimal point must be followed by a digit"),
        ('{"n": 1e}', 8, "an exponent e must be followed by digits"),
        ('{"n": -}', 7, "a minus sign must be followed by a digit"),
        ('{"n": +1}', 6, "a number cannot start with +"),
        ('{"n": .5}', 6, "a number must start with a digit"),
        ('{"s": "a\\qb"}', 8, 'unknown escape "\\q"'),
        ('{"s": "\\u12x4"}', 7, "\\u in a string must be followed by four hexadecimal digits"),
        ('{"s": "a\nb"}', 8, "a line break inside a string is not allowed"),
        ('{"s": "a\tb"}', 8, "the control character U+0009 is not allowed"),
        ('{"a": 1} x', 9, "unexpected text after the closing }"),
        ('{"a": 1}{}', 8, "unexpected text after the closing }"),
        ("[1, 2]", 0, "the JSON front matter must be an object of keys and values, not a list"),
        ('"text"', 0, "must be an object of keys and values, not a text string"),
        ("  42", 2, "must be an object of keys and values, not a number"),
        ("null", 0, "must be an object of keys and values, not null"),
        ("title: x", 0, "must be an object of keys and values starting with {"),
        ("", 0, "the JSON front matter is empty"),
        ("  \n", 3, "the JSON front matter is empty"),
    ],
)
def test_errors_point_at_the_offending_character(block: str, offending: int, message: str) -> None:
    prefix = "xx\n"
    caught = error(block, prefix)
    assert message in caught.message
    assert caught.start == len(prefix) + offending


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('{"title": "x', "unterminated string"),
        ('{"title": "x\\', "unterminated string"),
        ('{"title": "x"', 'expected a comma or } after the value of "title"'),
        ('{"title": "x",', "the front matter ends before the closing }"),
        ('{"title":', 'expected a value for "title"'),
        ('{"tags": [1', "expected a comma or ]"),
        ("{", "the front matter ends"),
    ],
)
def test_errors_at_the_end_of_the_block(block: str, message: str) -> None:
    prefix = "{\n"
    caught = error(block, prefix)
    assert message in caught.message
    assert caught.start == len(prefix) + len(block)


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1
    block = '{"a": ' + "[" * depth + "]" * depth + "}"
    _, root = parse(block)
    node = entry_value(root, "a")
    for _ in range(depth - 1):
        assert isinstance(node, Sequence)
        node = node.items[0]
    assert isinstance(node, Sequence)
    assert node.items == ()


@pytest.mark.parametrize("opener", ["[", '{"a": '])
def test_deep_nesting_raises_quickly(opener: str) -> None:
    block = '{"a": ' + opener * 10_000
    began = time.process_time()
    caught = error(block)
    assert time.process_time() - began < 1
    assert "nested too deeply" in caught.message
    assert caught.start == 6 + len(opener) * (MAX_DEPTH - 1)


def test_ten_thousand_open_brackets_at_the_top() -> None:
    caught = error("[" * 10_000)
    assert caught.start == 0


@pytest.mark.parametrize(
    "block",
    [
        '{"a": "' + "x\\n" * 200_000 + '"}',
        "{" + ",".join(f'"k{i}": {i}' for i in range(50_000)) + "}",
        '{"a": [' + "1," * 100_000 + "1]}",
        '{"a": ' + "1" * 200_000 + "}",
    ],
    ids=["long string", "many keys", "long list", "long number"],
)
def test_large_inputs_are_linear(block: str) -> None:
    began = time.process_time()
    try:
        parse_json(block, 0, len(block))
    except FrontMatterError as caught:
        assert "too many digits" in caught.message
    assert time.process_time() - began < 2


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), JSON_VALUES, max_size=6), st.booleans(), st.integers(0, 4))
@settings(max_examples=300)
def test_any_dumped_dict_parses_like_json_loads(
    data: dict[str, object], ascii_only: bool, indent: int
) -> None:
    block = json.dumps(data, ensure_ascii=ascii_only, indent=indent or None)
    _, root = parse(block, prefix="{\n", suffix="\n}\n")
    assert to_python(root) == json.loads(block)
    assert (root.start, root.end) == (2, 2 + len(block))


@given(st.text(alphabet='{}[]:,"\\ \n\t-+.0129eEtrufalsn\u00e9\x00', max_size=40))
@settings(max_examples=500)
def test_any_text_parses_or_raises_front_matter_error(block: str) -> None:
    try:
        root = parse_json(block, 0, len(block))
    except FrontMatterError as caught:
        assert 0 <= caught.start <= len(block)
        return
    assert to_python(root) == json.loads(block)


@given(
    st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=4),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(list('{}[]:,"\\ -.0e')))),
)
@settings(max_examples=300)
def test_mutated_documents_parse_like_json_loads_or_raise(
    data: dict[str, object], edits: list[tuple[int, str]]
) -> None:
    block = json.dumps(data)
    for position, char in edits:
        cut = position % (len(block) + 1)
        block = block[:cut] + char + block[cut + (position % 2) :]
    try:
        expected = json.loads(block)
    except ValueError:
        expected = None
    try:
        root = parse_json(block, 0, len(block))
    except FrontMatterError:
        assert not isinstance(expected, dict)
        return
    assert isinstance(expected, dict)
    assert to_python(root) == expected
