from __future__ import annotations

import datetime as dt
import json
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, Sequence, iter_mappings, to_python
from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError
from klm_lint.load.toml_tree import _check_with_tomllib, parse_toml

try:
    import tomllib  # type: ignore[import-not-found, unused-ignore]
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

POST = """\
title = "Community engagement."
draft = false
weight = 12.5
date = 2022-04-04T05:00:00Z
author.name = "Abdullah Al Shifat"
author.avatar = '/images/author/abdullah.jpg'
tags = ["kids", "community"]

[params]
layout = "wide"
"""

DUPLICATE_COMPLAINT = re.compile(r"Cannot (overwrite|declare|mutate|redefine)|Duplicate")


def parse(block: str, prefix: str = "+++\n", suffix: str = "+++\nBody.\n") -> tuple[str, Mapping]:
    text = prefix + block + suffix
    return text, parse_toml(text, len(prefix), len(prefix) + len(block))


def error(block: str, prefix: str = "+++\n") -> FrontMatterError:
    text = prefix + block + "+++\n"
    with pytest.raises(FrontMatterError) as caught:
        parse_toml(text, len(prefix), len(prefix) + len(block))
    return caught.value


def entry(mapping: Node, key: str) -> Entry:
    assert isinstance(mapping, Mapping)
    found = mapping.get(key)
    assert found is not None
    return found


def span(text: str, node: Node | Scalar) -> str:
    return text[node.start : node.end]


def normalized(value: object) -> object:
    """Data compared by type and repr, so that nan equals nan and 1 differs from True."""
    if isinstance(value, dict):
        return {key: normalized(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalized(item) for item in value]
    return (type(value).__name__, repr(value))


def test_values_equal_tomllib_and_offsets_are_exact() -> None:
    text, root = parse(POST)
    assert normalized(to_python(root)) == normalized(tomllib.loads(POST))
    title = entry(root, "title")
    assert span(text, title.key) == "title"
    assert (title.key.quoted, title.key.value) == (False, "title")
    assert span(text, title.value) == '"Community engagement."'
    assert isinstance(title.value, Scalar)
    assert (title.value.text, title.value.quoted) == ("Community engagement.", True)
    draft = entry(root, "draft").value
    assert isinstance(draft, Scalar)
    assert (draft.value, draft.text, draft.quoted, span(text, draft)) == (
        False,
        "false",
        False,
        "false",
    )
    date = entry(root, "date").value
    assert isinstance(date, Scalar)
    assert date.value == dt.datetime(2022, 4, 4, 5, tzinfo=dt.timezone.utc)
    assert date.text == span(text, date) == "2022-04-04T05:00:00Z"
    tags = entry(root, "tags").value
    assert isinstance(tags, Sequence)
    assert span(text, tags) == '["kids", "community"]'
    assert [span(text, item) for item in tags.items] == ['"kids"', '"community"']


def test_the_root_spans_the_block_and_offsets_are_absolute() -> None:
    text, root = parse(POST)
    assert (root.start, root.end) == (4, 4 + len(POST))
    assert entry(root, "title").key.start == 4
    assert text.index("weight") == entry(root, "weight").key.start


def test_dotted_keys_make_a_mapping_keyed_by_the_first_part() -> None:
    text, root = parse(POST)
    author = entry(root, "author")
    assert author.key.start == text.index("author.name")
    assert span(text, author.key) == "author"
    assert isinstance(author.value, Mapping)
    assert author.value.keys() == ["name", "avatar"]
    assert span(text, author.value) == (
        "author.name = \"Abdullah Al Shifat\"\nauthor.avatar = '/images/author/abdullah.jpg'"
    )
    name = entry(author.value, "name")
    assert span(text, name.key) == "name"
    assert span(text, name.value) == '"Abdullah Al Shifat"'


def test_a_table_spans_from_its_header_to_its_last_value() -> None:
    block = '[params]\nlayout = "wide" # comment\n\n[author]\n'
    text, root = parse(block)
    params = entry(root, "params")
    assert span(text, params.key) == "params"
    assert span(text, params.value) == '[params]\nlayout = "wide"'
    author = entry(root, "author")
    assert span(text, author.value) == "[author]"


def test_nested_tables_and_implicit_parents() -> None:
    block = "[a.b.c]\nz = 9\n[a]\nx = 1\n[a.b.d]\ny = 2\n"
    text, root = parse(block)
    assert to_python(root) == tomllib.loads(block)
    assert root.keys() == ["a"]
    a = entry(root, "a")
    assert a.key.start == text.index("[a]") + 1
    b = entry(a.value, "b")
    assert b.key.start == text.index("b.c]")
    assert span(text, entry(b.value, "c").value) == "[a.b.c]\nz = 9"
    assert span(text, entry(b.value, "d").value) == "[a.b.d]\ny = 2"
    assert span(text, a.value) == block.rstrip("\n")


def test_arrays_of_tables() -> None:
    block = '[[posts]]\ntitle = "one"\n[[posts]]\ntitle = "two"\n[posts.meta]\nviews = 3\n'
    text, root = parse(block)
    assert to_python(root) == tomllib.loads(block)
    posts = entry(root, "posts")
    assert span(text, posts.key) == "posts"
    assert isinstance(posts.value, Sequence)
    first, second = posts.value.items
    assert span(text, first) == '[[posts]]\ntitle = "one"'
    assert span(text, second) == '[[posts]]\ntitle = "two"\n[posts.meta]\nviews = 3'
    assert span(text, posts.value) == block.rstrip("\n")
    assert span(text, entry(entry(second, "meta").value, "views").value) == "3"


def test_inline_tables_and_arrays() -> None:
    block = 'a = {x = 1, y.z = [1, {w = "v"}], "q k" = {}}\n'
    text, root = parse(block)
    assert to_python(root) == tomllib.loads(block)
    a = entry(root, "a").value
    assert span(text, a) == '{x = 1, y.z = [1, {w = "v"}], "q k" = {}}'
    y = entry(a, "y")
    assert span(text, y.value) == 'y.z = [1, {w = "v"}]'
    quoted = entry(a, "q k")
    assert (span(text, quoted.key), quoted.key.quoted) == ('"q k"', True)
    z = entry(y.value, "z").value
    assert isinstance(z, Sequence)
    assert span(text, z.items[1]) == '{w = "v"}'


@pytest.mark.parametrize(
    ("block", "keys"),
    [
        ("title = 1\ntitle = 2\n", ["title", "title"]),
        ("a = 1\na.b = 2\n", ["a", "a"]),
        ("[a]\nx = 1\n[a]\ny = 2\n", ["a", "a"]),
        ("a = {x = 1}\n[a]\n", ["a", "a"]),
        ("a.b = 1\n[a]\n", ["a", "a"]),
        ("[[a]]\n[a]\n", ["a", "a"]),
        ("[a]\n[[a]]\n", ["a", "a"]),
        ("a = [1]\n[[a]]\n", ["a", "a"]),
    ],
)
def test_duplicates_are_kept_in_order(block: str, keys: list[str]) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(block)
    text, root = parse(block)
    assert root.keys() == keys
    first, second = root.entries
    assert first.key.start < second.key.start
    assert span(text, second.key) == "a" or span(text, second.key) == "title"


def test_duplicates_inside_tables_keep_both_positions() -> None:
    block = "[author]\nname = 'one'\nname = 'two'\n"
    text, root = parse(block)
    author = entry(root, "author").value
    assert isinstance(author, Mapping)
    first, second = author.entries
    assert [span(text, first.value), span(text, second.value)] == ["'one'", "'two'"]
    assert to_python(root) == {"author": {"name": "two"}}


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"tab\\there \\u00e9 \\U0001F600 \\"q\\""', 'tab\there é 😀 "q"'),
        ("'C:\\Users\\x'", "C:\\Users\\x"),
        ('"""\nline one\n  line two \\\n    joined"""', "line one\n  line two joined"),
        ('"""a""""', 'a"'),
        ("'''\nraw \\n\n'''", "raw \\n\n"),
        ("'''it''s'''", "it''s"),
        ("0xDEAD_beef", 0xDEADBEEF),
        ("0o755", 0o755),
        ("0b1010", 10),
        ("-1_000", -1000),
        ("+0", 0),
        ("6.02e+23", 6.02e23),
        ("1_000.5E-3", 1.0005),
        ("-inf", float("-inf")),
        ("true", True),
        ("1979-05-27T07:32:00.999999999-07:00", None),
        ("1979-05-27 07:32:00", dt.datetime(1979, 5, 27, 7, 32)),
        ("1979-05-27", dt.date(1979, 5, 27)),
        ("07:32:00.5", dt.time(7, 32, 0, 500000)),
    ],
)
def test_scalar_values_match_tomllib(literal: str, value: object) -> None:
    block = f"v = {literal} # comment\n"
    text, root = parse(block)
    node = entry(root, "v").value
    assert isinstance(node, Scalar)
    expected = tomllib.loads(block)["v"]
    assert normalized(node.value) == normalized(expected)
    if value is not None:
        assert normalized(node.value) == normalized(value)
    assert span(text, node) == literal
    if isinstance(expected, str):
        assert (node.text, node.quoted) == (expected, True)
    else:
        assert (node.text, node.quoted) == (literal, False)


def test_nan_is_a_float() -> None:
    _, root = parse("a = nan\nb = -nan\n")
    for key in ("a", "b"):
        node = entry(root, key).value
        assert isinstance(node, Scalar)
        assert isinstance(node.value, float)
        assert node.value != node.value


def test_crlf_line_endings() -> None:
    block = 'notes = """\r\none\r\ntwo"""\r\n' + POST.replace("\n", "\r\n")
    text, root = parse(block, prefix="+++\r\n")
    expected = tomllib.loads(block)
    assert normalized(to_python(root)) == normalized(expected)
    assert expected["notes"] == "one\ntwo"
    params = entry(root, "params").value
    assert span(text, params) == '[params]\r\nlayout = "wide"'


def test_unicode_offsets_are_string_indices() -> None:
    block = 'titre = "Café 😀"\n"clé" = \'ü\'\n'
    text, root = parse(block, prefix="+++ 😀\n")
    title = entry(root, "titre").value
    assert span(text, title) == '"Café 😀"'
    key = entry(root, "clé")
    assert span(text, key.key) == '"clé"'
    assert span(text, key.value) == "'ü'"


def test_comments_and_blank_lines_anywhere() -> None:
    block = "# top\n\n  a = [ # c\n  1, # d\n\n  2, # e\n] # f\n\t[t] # g\n# h"
    _, root = parse(block)
    assert to_python(root) == tomllib.loads(block)


def test_empty_block() -> None:
    _, root = parse("")
    assert root.entries == ()
    _, root = parse("# only a comment\n\n")
    assert root.entries == ()


@pytest.mark.parametrize(
    ("block", "offending", "message"),
    [
        ("title: x\n", 5, 'expected = after the key "title"; TOML uses key = value'),
        ("a b = 1\n", 2, 'expected = after the key "a"; a key with spaces needs quotes'),
        ("café = 1\n", 3, "a key without quotes can only use the letters"),
        ("= 1\n", 0, "a key is missing before ="),
        ("- item\n", 2, 'expected = after the key "-"'),
        ("* item\n", 0, "expected a key = value pair, a [table] header or a # comment"),
        ("a = \n", 4, 'expected a value for "a"'),
        ("a = Hello world\n", 4, 'text must be in quotes, like "Hello"'),
        ("a = True\n", 4, "write true and false in lowercase"),
        ('a = "x" y\n', 8, 'unexpected text after the value of "a"'),
        ("a = 1, 2\n", 5, "write a list like [1, 2]"),
        ('a = "x\n', 6, 'this string is missing its closing " before the end of the line'),
        ("a = 'x\n", 6, "this string is missing its closing ' before the end of the line"),
        ('a = "\\q"\n', 5, 'unknown escape "\\q"'),
        ('a = "\\u00"\n', 5, "\\u must be followed by 4 hexadecimal digits"),
        ('a = "\\uD800"\n', 5, "\\uD800 is not a valid Unicode character"),
        ('a = "\x01"\n', 5, "the control character U+0001 is not allowed in a string"),
        ("a = 1 # \x7f\n", 8, "the control character U+007F is not allowed in a comment"),
        ("a = 1\rb = 2\n", 5, "a lone carriage return (CR)"),
        ("a = 01\n", 5, "a number cannot start with 0"),
        ("a = 1__0\n", 5, "an underscore in a number must be between two digits"),
        ("a = 1.\n", 5, "a decimal point must be followed by digits"),
        ("a = .5\n", 4, "a number must start with a digit"),
        ("a = 1e\n", 5, "an exponent e must be followed by digits"),
        ("a = 0xG\n", 5, "this is not a valid number"),
        ("a = 2023-02-30\n", 4, "2023-02-30 is not a valid date"),
        ("a = 2023-1-5\n", 8, "this is not a valid date or time"),
        ("a = 2023-01-05T10:00\n", 14, "this is not a valid date or time"),
        ("a = 07:32\n", 5, "this is not a valid date or time"),
        ("a = [1 2]\n", 7, 'expected a comma or ] after an item of the list "a"'),
        ("a = [1,,2]\n", 7, 'expected a value in the list "a"'),
        ("a = {x = 1,}\n", 10, "a trailing comma before } is not allowed in a TOML inline table"),
        ("a = {x = 1 y = 2}\n", 11, 'expected a comma or } after the value of "x"'),
        ("a = {x = 1\n}\n", 10, "an inline table { ... } must be on one line"),
        ("[a\n", 2, "expected ] to close the table header"),
        ("[[a]\n", 3, "expected ]] to close the table header"),
        ("[]\n", 1, "a table header needs a name"),
        ("[a.]\n", 3, 'expected a key after the dot in "a".'),
        ("[a] b = 1\n", 4, "unexpected text after the table header"),
        ('"""a""" = 1\n', 0, "a key cannot be a multi-line string"),
    ],
)
def test_errors_point_at_the_offending_character(block: str, offending: int, message: str) -> None:
    caught = error(block)
    assert message in caught.message
    assert caught.start == 4 + offending


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('a = "x', 'this string is missing its closing "'),
        ('a = """x\n', 'this multi-line string is missing its closing """'),
        ("a = '''x\n", "this multi-line string is missing its closing '''"),
        ("a = [1,\n2", 'expected a comma or ] after an item of the list "a", but the front'),
        ("a = {x = 1", "but the front matter ends"),
        ("a = {", "this inline table is missing its closing }"),
        ("a", 'expected = and a value after the key "a"'),
        ("a =", 'expected a value for "a"'),
    ],
)
def test_errors_at_the_end_of_the_block(block: str, message: str) -> None:
    caught = error(block)
    assert message in caught.message
    assert caught.start == 4 + len(block)


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1
    _, root = parse("a = " + "[" * depth + "]" * depth + "\n")
    assert len(list(iter_mappings(root))) == 1
    keys = ".".join(["k"] * (MAX_DEPTH - 1))
    _, root = parse(f"[{keys}]\n")
    assert len(list(iter_mappings(root))) == MAX_DEPTH


@pytest.mark.parametrize(
    ("block", "offending"),
    [
        ("a = " + "[" * 10_000, 4 + MAX_DEPTH - 1),
        ("a = " + "{b = " * 10_000, 4 + 5 * (MAX_DEPTH - 1)),
        (".".join(["k"] * 10_000) + " = 1", 2 * (MAX_DEPTH - 1)),
        ("[" + ".".join(["k"] * 10_000) + "]", 1 + 2 * (MAX_DEPTH - 1)),
        ("[[" + ".".join(["k"] * 10_000) + "]]", 2 + 2 * (MAX_DEPTH - 1)),
    ],
    ids=["lists", "inline tables", "dotted key", "table header", "array of tables"],
)
def test_deep_nesting_raises_quickly(block: str, offending: int) -> None:
    began = time.process_time()
    caught = error(block)
    assert time.process_time() - began < 1
    assert "nested too deeply" in caught.message
    assert caught.start == 4 + offending


@pytest.mark.parametrize(
    "block",
    [
        'a = "' + "x\\n" * 200_000 + '"\n',
        'a = """' + '""x\n' * 100_000 + '"""\n',
        "".join(f"k{i} = {i}\n" for i in range(30_000)),
        "".join(f"[t{i}]\nx = 1\n" for i in range(20_000)),
        "[[t]]\nx = 1\n" * 20_000,
        "k = 1\n" * 30_000,
        "a = [" + "1," * 100_000 + "]\n",
        "#" * 500_000 + "\n",
        "a = " + "1" * 200_000 + "\n",
    ],
    ids=[
        "long string",
        "long multi-line string",
        "many keys",
        "many tables",
        "many array tables",
        "many duplicates",
        "long list",
        "long comment",
        "long number",
    ],
)
def test_large_inputs_are_linear(block: str) -> None:
    began = time.process_time()
    try:
        parse_toml(block, 0, len(block))
    except FrontMatterError as caught:
        assert "too many digits" in caught.message
    assert time.process_time() - began < 3


def test_tomllib_complaints_are_mapped_to_offsets() -> None:
    text = "+++\r\nok = 1\r\na = 1 2\r\n+++\r\n"
    start = 5
    end = text.index("+++", start)
    with pytest.raises(FrontMatterError) as caught:
        _check_with_tomllib(text, start, end)
    assert caught.value.start == text.index("2\r\n+++")
    assert caught.value.message.startswith("invalid TOML: Expected newline")
    assert "(at line" not in caught.value.message


def test_tomllib_complaints_at_the_end_of_the_document_point_at_the_start() -> None:
    text = "+++\na = [1\n+++\n"
    with pytest.raises(FrontMatterError) as caught:
        _check_with_tomllib(text, 4, text.index("+++", 4))
    assert caught.value.start == 4


def test_tomllib_complaints_about_duplicates_are_ignored() -> None:
    text = "a = 1\na = 2\n[t]\n[t]\n"
    _check_with_tomllib(text, 0, len(text))


# Generated documents: a small TOML writer that picks a different style at every turn.

BARE = re.compile(r"[A-Za-z0-9_-]+")
KEYS = st.text(max_size=4) | st.sampled_from(["a", "b", "title", "x-y"])
ZONES = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
SCALARS = (
    st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=8)
    | st.dates()
    | st.times().map(lambda moment: moment.replace(fold=0))
    | st.datetimes().map(lambda moment: moment.replace(fold=0))
    | st.datetimes(timezones=ZONES).map(lambda moment: moment.replace(fold=0))
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=3),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=5)


def key_text(key: str) -> str:
    return key if BARE.fullmatch(key) else basic_string(key)


def basic_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def scalar_text(value: object, draw: st.DataObject) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if value >= 0 and draw.draw(st.booleans()):
            return hex(value)
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        style = draw.draw(st.sampled_from(["basic", "literal", "multi-line"]))
        if style == "literal" and not re.search(r"['\x00-\x08\x0a-\x1f\x7f]", value):
            return f"'{value}'"
        if style == "multi-line":
            return '"""\n' + basic_string(value)[1:-1] + '"""'
        return basic_string(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=draw.draw(st.sampled_from(["T", " "])))
    assert isinstance(value, (dt.date, dt.time))
    return value.isoformat()


def inline_text(value: object, draw: st.DataObject) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(inline_text(item, draw) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{key_text(key)} = {inline_text(item, draw)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return scalar_text(value, draw)


def table_lines(path: list[str], table: dict[str, object], draw: st.DataObject) -> list[str]:
    lines: list[str] = []
    later: list[tuple[str, str, object]] = []
    for key, value in table.items():
        name = key_text(key)
        style = draw.draw(st.sampled_from(["inline", "dotted", "table"]))
        if isinstance(value, dict) and style == "table":
            later.append(("table", name, value))
        elif isinstance(value, list) and value and style == "table":
            if all(isinstance(item, dict) for item in value):
                later.append(("array", name, value))
            else:
                lines.append(f"{name} = {inline_text(value, draw)}")
        elif isinstance(value, dict) and value and style == "dotted":
            lines.extend(dotted_lines([name], value, draw))
        else:
            lines.append(f"{name} = {inline_text(value, draw)}")
    for kind, name, value in later:
        header = ".".join([*path, name])
        if kind == "table":
            assert isinstance(value, dict)
            lines.append(f"[{header}]")
            lines.extend(table_lines([*path, name], value, draw))
        else:
            assert isinstance(value, list)
            for item in value:
                lines.append(f"[[{header}]]")
                lines.extend(table_lines([*path, name], item, draw))
    return lines


def dotted_lines(prefix: list[str], table: dict[str, object], draw: st.DataObject) -> list[str]:
    lines: list[str] = []
    for key, value in table.items():
        name = [*prefix, key_text(key)]
        if isinstance(value, dict) and value and draw.draw(st.booleans()):
            lines.extend(dotted_lines(name, value, draw))
        else:
            lines.append(f"{'.'.join(name)} = {inline_text(value, draw)}")
    return lines


def toml_document(data: dict[str, object], draw: st.DataObject) -> str:
    newline = draw.draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(table_lines([], data, draw)) + newline


@given(DOCUMENTS, st.data())
@settings(max_examples=300, deadline=None)
def test_generated_documents_parse_to_what_tomllib_reads(
    data: dict[str, object], draw: st.DataObject
) -> None:
    block = toml_document(data, draw)
    _, root = parse(block)
    expected = tomllib.loads(block)
    assert normalized(to_python(root)) == normalized(expected)
    assert normalized(expected) == normalized(data)
    assert all(len(set(mapping.keys())) == len(mapping.entries) for mapping in iter_mappings(root))


MUTATIONS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.integers(0, 3),
        st.sampled_from(
            [*"[]{}\"'=.,#\n \t\\_-+:0e1xTZ", "\r\n", "\r", '"""', "'''", "[[", "é", "\x00"]
        ),
    ),
    min_size=1,
    max_size=4,
)


@given(DOCUMENTS, st.data(), MUTATIONS)
@settings(max_examples=500, deadline=None)
def test_mutated_documents_parse_like_tomllib_or_raise_front_matter_error(
    data: dict[str, object], draw: st.DataObject, mutations: list[tuple[int, int, str]]
) -> None:
    block = toml_document(data, draw)
    for position, removed, inserted in mutations:
        cut = position % (len(block) + 1)
        block = block[:cut] + inserted + block[cut + removed :]
    try:
        expected: dict[str, object] | None = tomllib.loads(block)
        complaint = ""
    except tomllib.TOMLDecodeError as caught:
        expected, complaint = None, str(caught)
    try:
        _, root = parse(block)
    except FrontMatterError as caught:
        assert expected is None
        assert 4 <= caught.start <= 4 + len(block)
        return
    if expected is not None:
        assert normalized(to_python(root)) == normalized(expected)
    else:
        assert DUPLICATE_COMPLAINT.match(complaint)
