"""klm-lint reads YAML front matter the way each site's reader does.

tests/load/yaml_corpus.json holds, for every single-document case of the yaml-test-suite whose
top level is a mapping, for front matters written to find the readers' differences, and for
the scalars of yaml-test-schema and more, what gray-matter (js-yaml 3.15.2), js-yaml 4.3.2,
Psych 4.0.3 (Debian's Jekyll), SafeYAML 1.0.5 (upstream Jekyll), Hugo 0.168.0 (goccy/go-yaml
v1.19.2) and Zola's front-matter reading on serde_yaml 0.9.34 made of them: whether they read
it, and the value they read. bench/yaml_corpus.py builds it from the readers' runs;
bench/yaml_hugo_zola.py runs Hugo and Zola's reading.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from klm_lint.load import js_yaml
from klm_lint.load.document import Document, LoadProblem, load_text
from klm_lint.load.nodes import Mapping
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_composers import _Composer
from klm_lint.load.yaml_tree import read_yaml
from tests.load.yaml_expect import case_agrees, scalar_agrees

CORPUS = json.loads((Path(__file__).parent / "yaml_corpus.json").read_text("utf-8"))
CASES = {case["id"]: case for case in CORPUS["cases"]}
SCALARS = {scalar["id"]: scalar for scalar in CORPUS["scalars"]}
DIALECTS = ("js-yaml-3", "js-yaml-4", "psych", "safe-yaml", "go-yaml", "serde-yaml")

_NOT_A_MAPPING = (
    "klm-lint reports front matter that is not a mapping (KLM002): no site reads fields from it"
)
EXPECTED_DIFFERENCES: dict[tuple[str, str], str] = {
    **{
        (dialect, case): _NOT_A_MAPPING
        for dialect in DIALECTS[:4]  # Hugo and Zola fail on them
        for case in ("X-scalar-top", "X-seq-top", "X-key-no-space")
    },
    **{
        (dialect, "X-alias-recursive"): "a value that contains itself is KLM002: the site cannot "
        "write it out (JSON props, templates)"
        for dialect in DIALECTS[:4]
    },
    **{
        (dialect, "X-sq-surrogate"): 'klm-lint reads "\\uD800", a half character no file can '
        "hold, as U+FFFD"
        for dialect in ("js-yaml-3", "js-yaml-4")
    },
    **{
        (dialect, "X-char-bom-start"): "gray-matter hands js-yaml the line break before a "
        "byte-order mark that begins the front matter, so js-yaml keeps it in the key"
        for dialect in ("js-yaml-3", "js-yaml-4")
    },
    **{
        ("js-yaml-3", case): "gray-matter cuts the front matter's last line break, which a "
        "keep-chomped (|+) block value ending the front matter loses"
        for case in ("K858", "X-block-keep")
    },
    **{
        (dialect, "X-yaml-directive"): "Jekyll reads a %YAML line as an empty first document: "
        "no error, and no front matter either, which klm-lint reports (KLM002)"
        for dialect in ("psych", "safe-yaml")
    },
    **{
        ("go-yaml", case): "goccy/go-yaml reads a flow mapping's key and its colon on two "
        "lines, which libyaml and js-yaml refuse; klm-lint says the build fails"
        for case in ("4MUZ:00", "4MUZ:01", "5MUD", "K3WX")
    },
    **{
        ("go-yaml", case): "goccy/go-yaml reads control characters that every other reader "
        "refuses; klm-lint reports them (KLM002, KLM003 for NUL): editors do not show them"
        for case in ("X-char-bel", "X-char-nul", "X-char-fffe", "X-char-del", "X-char-c1")
    },
    **{
        ("go-yaml", case): "goccy/go-yaml reads this malformed YAML (libyaml and js-yaml "
        "refuse it) in its own way; klm-lint says the build fails"
        for case in ("6M2F", "WZ62", "X-value-comma", "X-indent-value-next-line-col0")
    },
    **{
        ("go-yaml", case): "goccy/go-yaml refuses this YAML, which libyaml and js-yaml read "
        "(a tab in a quoted value's indentation, spaces only over a less indented comment in a "
        "block value, an empty explicit key in a flow mapping, a merge key tagged !!str)"
        for case in ("DK95:01", "S98Z", "FRK4", "X-merge-str-tagged")
    },
    ("go-yaml", "X-alias-recursive"): "goccy/go-yaml reads an alias inside its own anchor as "
    "null; klm-lint reports the value that contains itself (KLM002)",
    ("go-yaml", "X-undefined-handle"): "goccy/go-yaml ignores a tag handle no %TAG line "
    "declares, which libyaml and js-yaml refuse",
    ("go-yaml", "565N"): "goccy/go-yaml decodes !!binary to bytes; klm-lint keeps the text",
    ("go-yaml", "DFF7"): 'goccy/go-yaml reads a lone ? in a flow mapping as the key "?"',
    ("go-yaml", "X-tab-in-value"): "goccy/go-yaml drops a tab inside a plain value (b<tab>c "
    "is read as bc); klm-lint keeps it",
    ("go-yaml", "X-flow-colon-adjacent-plain"): "goccy/go-yaml splits {x:y} at the colon, "
    "where libyaml and js-yaml read the key x:y",
    ("go-yaml", "X-char-bom-start"): "Hugo hands goccy/go-yaml the byte-order mark that "
    "begins the front matter, which ends up in the first key",
    **{
        ("safe-yaml", case): "SafeYAML pairs keys and values up wrongly around a null or "
        "complex key; klm-lint keeps them"
        for case in (
            "X-dup-null-tilde",
            "X-dup-null-empty",
            "X-flow-key-mapping",
            "X-keytype-map",
            "Q9WF",
            "M2N8:01",
        )
    },
}


def _load(text: str, dialect: str) -> Document | LoadProblem:
    raw = ("---\n" + text + ("" if text.endswith("\n") or not text else "\n") + "---\nb\n").encode()
    return load_text(raw, Path("p.md"), "p.md", "p.md", 10**7, yaml_dialect=dialect)  # type: ignore[arg-type]


def _fatal_duplicates(loaded: Document | LoadProblem) -> bool:
    from klm_lint.checks.frontmatter import fatal_duplicates

    return isinstance(loaded, Document) and bool(fatal_duplicates(loaded))


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("case_id", sorted(CASES))
def test_front_matter_reads_as_the_site_reads_it(case_id: str, dialect: str) -> None:
    case = CASES[case_id]
    loaded = _load(case["yaml"], dialect)
    agrees = case_agrees(loaded, case["expect"][dialect], dialect, _fatal_duplicates(loaded))
    if (dialect, case_id) in EXPECTED_DIFFERENCES:
        assert not agrees, f"{case_id} now agrees with {dialect}: drop it from the differences"
    else:
        assert agrees, (case["yaml"], case["expect"][dialect], loaded)


_SERDE_JSON = (
    "Zola hands extra's values to templates as JSON, which has no infinity or NaN: they "
    "become null; klm-lint keeps serde_yaml's float"
)
EXPECTED_SCALAR_DIFFERENCES: dict[tuple[str, str], str] = {
    **{
        ("serde-yaml", scalar): _SERDE_JSON
        for scalar in SCALARS
        if re.fullmatch(r"(?:!!float )?[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)", SCALARS[scalar]["text"])
    },
    **{
        ("go-yaml", scalar): "goccy/go-yaml decodes !!binary to bytes; klm-lint keeps the text"
        for scalar in ("S424", "S425", "S426", "S427")
    },
    **{
        ("go-yaml", scalar): "goccy/go-yaml reads a tag with no value, or a bare !!, as null, "
        "where libyaml reads the empty text or refuses"
        for scalar in ("S393", "S394", "S455")
    },
    **{
        ("go-yaml", scalar): "goccy/go-yaml reads '' under an unknown !! tag as the text, "
        "klm-lint as an empty value (null)"
        for scalar in ("S456", "S461")
    },
    ("go-yaml", "S396"): "goccy/go-yaml refuses an anchor with no value at the end of the "
    "front matter; libyaml reads null",
    ("go-yaml", "S452"): "goccy/go-yaml ignores a tag handle no %TAG line declares",
    ("go-yaml", "S453"): "goccy/go-yaml refuses !!merge << as a value, and reads it as a key",
}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("scalar_id", sorted(SCALARS))
def test_scalar_reads_as_the_site_reads_it(scalar_id: str, dialect: str) -> None:
    scalar = SCALARS[scalar_id]
    loaded = _load(f"key: {scalar['text']}\n", dialect)
    agrees = scalar_agrees(loaded, scalar["expect"][dialect], dialect)
    if (dialect, scalar_id) in EXPECTED_SCALAR_DIFFERENCES:
        assert not agrees, f"{scalar_id} now agrees with {dialect}: drop it from the differences"
    else:
        assert agrees, (scalar, loaded)


def test_the_expected_differences_name_corpus_cases() -> None:
    assert {case for _, case in EXPECTED_DIFFERENCES} <= set(CASES)
    assert {scalar for _, scalar in EXPECTED_SCALAR_DIFFERENCES} <= set(SCALARS)
    counts = {d: sum(dialect == d for dialect, _ in EXPECTED_DIFFERENCES) for d in DIALECTS}
    assert counts == {
        "js-yaml-3": 8,
        "js-yaml-4": 6,
        "psych": 5,
        "safe-yaml": 11,
        "go-yaml": 24,
        "serde-yaml": 0,
    }


def test_the_measured_readers_are_named() -> None:
    readers = {row["dialect"]: row["reader"] for row in CORPUS["readers"]}
    assert readers["go-yaml"] == "Hugo 0.168.0 extended (goccy/go-yaml v1.19.2)"
    assert "serde_yaml 0.9.34" in readers["serde-yaml"]


# The js-yaml port reads plain front matter exactly as libyaml does --------------------------

_SPECIAL = re.compile(r"[&*!?\ufeff\x85\u2028\u2029]|[ \t]\n[ \t]*[^ \t\n]*['\"]")


def _nodes(node: yaml.Node | None) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        span = (current.tag, current.start_mark.index, current.end_mark.index)
        if isinstance(current, yaml.ScalarNode):
            found.append(("scalar", *span, current.value, current.style or ""))
        elif isinstance(current, yaml.SequenceNode):
            found.append(("sequence", *span))
            stack.extend(reversed(current.value))
        else:
            found.append(("mapping", *span))
            stack.extend(part for pair in reversed(current.value) for part in reversed(pair))
    return found


def _plain_texts() -> list[str]:
    texts = [case["yaml"] for case in CASES.values()]
    return [text for text in texts if text.endswith("\n") and not _SPECIAL.search(text)]


@pytest.mark.parametrize("version", [3, 4])
def test_the_port_reads_what_libyaml_reads_the_same_way(version: int) -> None:
    compared = 0
    for text in _plain_texts():
        try:
            libyaml = _Composer(text).get_single_node()
            port = js_yaml.compose(text, version)  # type: ignore[arg-type]
        except (yaml.YAMLError, js_yaml.JsYamlError):
            continue
        compared += 1
        assert _nodes(port) == _nodes(libyaml), text
    assert compared > 100


def test_the_port_stops_where_js_yaml_does() -> None:
    with pytest.raises(js_yaml.JsYamlError) as stopped:
        js_yaml.compose("a: 1\n  b: 2\n", 3)
    assert (stopped.value.reason, stopped.value.offset) == ("bad indentation of a mapping entry", 8)
    with pytest.raises(js_yaml.JsYamlError, match="maxDepth"):
        js_yaml.compose("a: " + "[" * 120 + "]" * 120 + "\n", 4)


# What the issue named ---------------------------------------------------------------------


def _value(text: str, dialect: str = "js-yaml-3") -> object:
    reading = read_yaml(text, 0, len(text), dialect=dialect)  # type: ignore[arg-type]
    entry = reading.root.entries[0]
    return getattr(entry.value, "value", None)


def test_js_yaml_3_reads_0o14_as_text_and_014_as_octal() -> None:
    assert _value("title: 0o14\n") == "0o14"
    assert _value("n: 014\n") == 12
    assert _value("n: 014\n", "js-yaml-4") == 14
    assert _value("n: 0o14\n", "js-yaml-4") == 12
    assert _value("n: 1_000\n") == 1000
    assert _value("n: 1_000\n", "js-yaml-4") == "1_000"
    assert _value("n: 1:20\n") == 80
    assert _value("n: 1:20\n", "js-yaml-4") == "1:20"
    assert _value("n: 1:20\n", "psych") == 4800


def test_an_explicit_tag_js_yaml_cannot_apply_fails_the_build() -> None:
    with pytest.raises(FrontMatterError, match=r"cannot be read as !!bool.*build fails"):
        read_yaml("featured: !!bool yes\n", 0, 21)
    assert _value("featured: !!bool yes\n", "psych") is True
    notes = read_yaml("featured: !!bool yes\n", 0, 21, dialect="psych").notes
    assert [note.message.split(":")[0] for note in notes] == ['!!bool "yes"']


def test_timestamps_are_dates_as_js_yaml_reads_them() -> None:
    moment = _value("date: 2001-12-14 21:59:43.10 -5\n")
    assert isinstance(moment, dt.datetime)
    assert moment.astimezone(dt.timezone.utc) == dt.datetime(
        2001, 12, 15, 2, 59, 43, 100000, dt.timezone.utc
    )
    assert _value("date: 2024-02-30\n") == dt.date(2024, 3, 1)  # rolled over, as JavaScript does
    assert _value("date: 2024-02-30\n", "psych") == "2024-02-30"
    assert _value("date: 2024-03-21 04:00:00 +0000\n") == "2024-03-21 04:00:00 +0000"
    assert _value("date: 2024-03-21 04:00:00 +0000\n", "psych") == dt.datetime(
        2024, 3, 21, 4, tzinfo=dt.timezone.utc
    )


def test_draft_no_is_false_for_jekyll_and_text_for_js_yaml() -> None:
    assert _value("draft: no\n") == "no"
    assert _value("draft: no\n", "js-yaml-4") == "no"
    assert _value("draft: no\n", "psych") is False
    assert _value("draft: off\n", "safe-yaml") is False
    assert _value("draft: no\n", "go-yaml") == "no"
    assert _value("draft: no\n", "serde-yaml") == "no"


def test_what_libyaml_refuses_and_js_yaml_reads_is_a_note_not_a_failure() -> None:
    text = "title: x\n\t\ndraft: false\n"
    reading = read_yaml(text, 0, len(text))
    assert [entry.key.text for entry in reading.root.entries] == ["title", "draft"]
    assert len(reading.notes) == 1
    assert "libyaml (Jekyll, Zola, PyYAML) cannot" in reading.notes[0].message
    with pytest.raises(FrontMatterError, match="Jekyll cannot read it"):
        read_yaml(text, 0, len(text), dialect="psych")


def test_an_anchor_on_the_first_key_fails_only_for_js_yaml_3() -> None:
    text = "&a title: x\nother: *a\n"
    with pytest.raises(FrontMatterError, match="first key"):
        read_yaml(text, 0, len(text))
    for dialect in ("js-yaml-4", "psych"):
        reading = read_yaml(text, 0, len(text), dialect=dialect)  # type: ignore[arg-type]
        assert [entry.value.value for entry in reading.root.entries] == ["x", "title"]  # type: ignore[union-attr]
        assert ["js-yaml 3" in note.message for note in reading.notes] == [True]


# Hugo (goccy/go-yaml) and Zola (serde_yaml), as measured ---------------------------------

FAILS = object()


@pytest.mark.parametrize(
    ("text", "go", "serde"),
    [
        ("yes", "yes", "yes"),
        ("off", "off", "off"),
        ("True", True, True),
        ("tRUE", "tRUE", "tRUE"),
        ("~", None, None),
        ("014", 12, "014"),
        ("0o14", 12, 12),
        ("1_000", 1000, "1_000"),
        ("1e3", "1e3", 1000.0),
        ("08", "08", "08"),
        ("03.14", 3.14, 3.14),
        ("001.23", 1.23, 1.23),
        ("1:20", "1:20", "1:20"),
        ("123456789012345678901234567890", "123456789012345678901234567890", FAILS),
        ("2024-03-21", "2024-03-21", "2024-03-21"),
        ("!!str True", "true", "True"),
        ("!!str 0x0", "0", "0x0"),
        ("!!str .inf", "+Inf", ".inf"),
        ("!!bool yes", True, FAILS),
        ("!!bool on", FAILS, FAILS),
        ("!!int 3.5", 0, FAILS),
        ("!!float 3", 3.0, 3.0),
        ("!!float .inF", 0.0, FAILS),
        ("!!null foo", None, FAILS),
        ("!!timestamp 2024-03-21", dt.datetime(2024, 3, 21, tzinfo=dt.timezone.utc), "2024-03-21"),
        ("!!timestamp 2024-02-30", dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc), "2024-02-30"),
    ],
)
def test_hugo_and_zola_values(text: str, go: object, serde: object) -> None:
    """What Hugo 0.168.0 and Zola's serde_yaml 0.9.34 read (tests/load/yaml_corpus.json): YAML
    1.2 words for both; octal 014 for Hugo only; an exponent without a decimal point a number
    for Zola only; dates text for both. Under a tag Hugo casts the plain value (0 or the zero
    time where it cannot) and Zola reads the text or fails."""
    for dialect, want in (("go-yaml", go), ("serde-yaml", serde)):
        if want is FAILS:
            with pytest.raises(FrontMatterError, match="build fails"):
                _value(f"k: {text}\n", dialect)
        else:
            assert _value(f"k: {text}\n", dialect) == want, dialect


def test_duplicate_keys_as_hugo_and_zola_compare_them() -> None:
    text = "true: 1\nTrue: 2\n1.0: a\n1: b\n"
    loaded = _load(text, "go-yaml")
    assert _fatal_duplicates(loaded)
    assert not _fatal_duplicates(_load(text, "serde-yaml"))
    assert not _fatal_duplicates(_load("extra:\n  a: 1\n  a: 2\n", "serde-yaml"))
    assert _fatal_duplicates(_load("title: a\ntitle: b\n", "serde-yaml"))


def test_hugo_reads_what_libyaml_refuses_where_goccy_does() -> None:
    loaded = _load("a: {x: :x}\n", "go-yaml")
    assert isinstance(loaded, Document) and loaded.front_matter is not None
    inner = loaded.front_matter.root.entries[0].value
    assert isinstance(inner, Mapping)
    assert [(entry.key.value, entry.value.value) for entry in inner.entries] == [("x", ":x")]  # type: ignore[union-attr]
    for text in ("{x: :x}\n", "k" * 1100 + ": v\n", "foo:\n \tbar\n", "a:\n  -\tb\n"):
        assert isinstance(_load(text, "go-yaml"), Document), text
    for text in ("a: 1\n\t\nb: 2\n", "~\n", "key: ># c\n  t\n", "<<: {a: 1}\n<<: {b: 2}\n"):
        assert isinstance(_load(text, "go-yaml"), LoadProblem), text
    for text in ("{x: :x}\n", "k" * 1100 + ": v\n", "~\n", "extra:\n  a: !foo x\n"):
        assert isinstance(_load(text, "serde-yaml"), LoadProblem), text
