"""klm-lint reads YAML front matter the way each site's reader does.

tests/load/yaml_corpus.json holds, for every single-document case of the yaml-test-suite whose
top level is a mapping, for front matters written to find the readers' differences, and for
the scalars of yaml-test-schema and more, what gray-matter (js-yaml 3.15.2), js-yaml 4.3.2,
Psych 4.0.3 (Debian's Jekyll) and SafeYAML 1.0.5 (upstream Jekyll) made of them: whether they
read it, and the value they read. bench/yaml_corpus.py builds it from the readers' runs.
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
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_tree import _Composer, read_yaml
from tests.load.yaml_expect import case_agrees, scalar_agrees

CORPUS = json.loads((Path(__file__).parent / "yaml_corpus.json").read_text("utf-8"))
CASES = {case["id"]: case for case in CORPUS["cases"]}
SCALARS = {scalar["id"]: scalar for scalar in CORPUS["scalars"]}
DIALECTS = ("js-yaml-3", "js-yaml-4", "psych", "safe-yaml")

_NOT_A_MAPPING = (
    "klm-lint reports front matter that is not a mapping (KLM002): no site reads fields from it"
)
EXPECTED_DIFFERENCES: dict[tuple[str, str], str] = {
    **{
        (dialect, case): _NOT_A_MAPPING
        for dialect in DIALECTS
        for case in ("X-scalar-top", "X-seq-top", "X-key-no-space")
    },
    **{
        (dialect, "X-alias-recursive"): "a value that contains itself is KLM002: the site cannot "
        "write it out (JSON props, templates)"
        for dialect in DIALECTS
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


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("scalar_id", sorted(SCALARS))
def test_scalar_reads_as_the_site_reads_it(scalar_id: str, dialect: str) -> None:
    scalar = SCALARS[scalar_id]
    loaded = _load(f"key: {scalar['text']}\n", dialect)
    assert scalar_agrees(loaded, scalar["expect"][dialect], dialect), (scalar, loaded)


def test_the_expected_differences_name_corpus_cases() -> None:
    assert {case for _, case in EXPECTED_DIFFERENCES} <= set(CASES)
    assert len({case for _, case in EXPECTED_DIFFERENCES}) <= 16


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


# Hugo (goccy/go-yaml) and Zola (serde_yaml): not run against the corpus; what is known -----


@pytest.mark.parametrize(
    ("text", "go", "serde"),
    [
        ("yes", "yes", "yes"),
        ("off", "off", "off"),
        ("True", True, True),
        ("tRUE", "tRUE", "tRUE"),
        ("014", 12, "014"),
        ("0o14", 12, 12),
        ("1_000", 1000, "1_000"),
        ("1e3", "1e3", 1000.0),
        ("08", "08", "08"),
        ("1:20", "1:20", "1:20"),
        ("2024-03-21", "2024-03-21", "2024-03-21"),
        ("~", None, None),
    ],
)
def test_hugo_and_zola_values(text: str, go: object, serde: object) -> None:
    """Hugo 0.152+ measured by the research (yes/no/on/off, y text; 014 and 0o14 octal;
    1_000 a number; 1e3 and 08 text; timestamps text, parsed later by Hugo); serde_yaml from
    its de.rs (YAML 1.2 core; a leading zero makes text)."""
    assert _value(f"k: {text}\n", "go-yaml") == go
    assert _value(f"k: {text}\n", "serde-yaml") == serde
