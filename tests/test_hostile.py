"""Hostile and broken input: the corpus in tests/hostile/ with the findings each file must give,
pathological inputs that must stay fast, and tags and code-like text that must never run."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
import yaml

from klm_lint.load.text import LineIndex, printable
from klm_lint.load.yaml_tree import parse_yaml
from tests.conftest import GOOD_POST
from tests.invariants import Sandbox

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    import tomllib  # type: ignore[import-not-found, unused-ignore]
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

CORPUS = Path(__file__).parent / "hostile"
EXPECTED: dict[str, list[str]] = tomllib.loads((CORPUS / "expected.toml").read_text("utf-8"))
HEAD = "---\ntitle: x\ndate: 2022-01-01\nauthor: {name: a}\ndraft: false\n"


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox(tmp_path)


def test_every_corpus_file_has_an_expectation_and_back() -> None:
    files = {path.name for path in CORPUS.iterdir() if path.name != "expected.toml"}
    assert sorted(files - set(EXPECTED)) == [], "add these files to tests/hostile/expected.toml"
    assert sorted(set(EXPECTED) - files) == [], "these expectations have no file"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_gives_its_findings(sandbox: Sandbox, name: str) -> None:
    findings = sandbox.lint((CORPUS / name).read_bytes(), name)
    got = Counter(f"{f.code} {f.span.line}:{f.span.column}" for f in findings)
    expected = [entry.split(" ", 2) for entry in EXPECTED[name]]
    assert got == Counter(f"{code} {position}" for code, position, *_ in expected), [
        f"{f.code} {f.span.line}:{f.span.column} {f.message}" for f in findings
    ]
    for code, position, *part in expected:
        messages = [
            f.message
            for f in findings
            if f"{f.code} {f.span.line}:{f.span.column}" == f"{code} {position}"
        ]
        assert not part or any(part[0] in message for message in messages), (part, messages)


def _repeat(unit: str, size: int = 50_000) -> str:
    return unit * (size // len(unit))


PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "one 50 KB line of body text": lambda: GOOD_POST + _repeat("word ") + "\n",
    "one 50 KB line of front matter": lambda: GOOD_POST.replace(
        "draft: false", "draft: false\ndescription: " + _repeat("x")
    ),
    "50 KB of newlines in an unclosed block": lambda: "---\n" + _repeat("\n"),
    "50 KB of blank lines in the front matter": lambda: "---\n" + _repeat("\n") + "---\n",
    "many findings on one long line": lambda: (
        '---json\n{"title": "x", ' + ", ".join(f'"k{i}": 1' for i in range(2000)) + "}\n---\n"
    ),
    "many unknown keys": lambda: HEAD + "".join(f"k{i}: v\n" for i in range(3000)) + "---\n",
    "many aliases to one anchor": lambda: (
        HEAD + "a: &a {x: 1}\n" + "".join(f"k{i}: *a\n" for i in range(3000)) + "---\n"
    ),
    "nested unclosed images": lambda: GOOD_POST + _repeat("![", 25_000) + _repeat("](", 25_000),
    "an image with endless parentheses": lambda: GOOD_POST + "![a](" + _repeat("("),
    "images with unclosed titles": lambda: GOOD_POST + _repeat('![](x "'),
    "images with unclosed angle destinations": lambda: GOOD_POST + _repeat("![](<"),
    "unclosed tags with attributes": lambda: GOOD_POST + _repeat('<Notice a="'),
    "unclosed tags with expressions": lambda: GOOD_POST + _repeat("<Notice a={"),
    "components opened and never closed": lambda: GOOD_POST + _repeat("<Tabs>\n", 50_000),
    "components closed crosswise": lambda: (
        GOOD_POST + _repeat("<Tabs>", 60_000) + _repeat("</Tab>", 60_000)
    ),
    "unclosed template literals": lambda: GOOD_POST + "{" + _repeat("`${"),
    "unclosed strings in expressions": lambda: GOOD_POST + "{" + _repeat("'\\"),
    "unclosed comments": lambda: GOOD_POST + _repeat("<!--"),
    "backtick runs of every length": lambda: (
        GOOD_POST + "".join("`" * (i % 200 + 1) + "x" for i in range(500))
    ),
    "fences of every length": lambda: (
        GOOD_POST + "".join("`" * (i % 60 + 3) + "\n" for i in range(1500))
    ),
    "brackets": lambda: GOOD_POST + _repeat("[", 25_000) + _repeat("]", 25_000),
    "escaped brackets": lambda: GOOD_POST + "[" + _repeat("\\]"),
    "reference definitions and references": lambda: (
        GOOD_POST
        + "".join(f"[r{i}]: /images/post.jpg\n" for i in range(1500))
        + "![a][r5]\n" * 1500
    ),
    "container prefixes": lambda: GOOD_POST + (_repeat("> ", 12_500) + "```\n") * 4,
    "list markers": lambda: GOOD_POST + (_repeat("1. ", 12_500) + "[x]: /y\n") * 4,
    "backslashes": lambda: GOOD_POST + _repeat("\\"),
    "lone carriage returns": lambda: GOOD_POST + _repeat("\r"),
    "toml arrays of tables": lambda: "+++\ntitle = 'x'\n" + _repeat("[[a]]\nb = 1\n"),
    "json with many keys": lambda: (
        '---json\n{"title": "x"'
        + "".join(f', "k{i}": [1, {{"a": null}}]' for i in range(2000))
        + "}\n---\n"
    ),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_is_fast(sandbox: Sandbox, name: str) -> None:
    findings = sandbox.lint(PATHOLOGICAL[name]().encode())
    if name == "many findings on one long line":
        unknown = [finding for finding in findings if finding.code == "KLM105"]
        assert len(unknown) == 101, "100 findings of a rule per file, then one that counts"
        assert "This and 1,899 more KLM105 findings in this file" in unknown[-1].message
        assert {finding.source_line for finding in unknown} == {""}


# Nothing in a content file is executed, imported or constructed.

PAYLOAD_MODULE = "klm_lint_payload"


def _payloads(marker: Path) -> dict[str, str]:
    touch = f"touch {marker}"
    return {
        "object/apply": f"!!python/object/apply:os.system ['{touch}']",
        "object/apply as a mapping": f"!!python/object/apply:os.system\n  args: ['{touch}']",
        "object/new": f"!!python/object/new:os.system ['{touch}']",
        "object": f"!!python/object:{PAYLOAD_MODULE}.Payload {{}}",
        "name": f"!!python/name:{PAYLOAD_MODULE}.run",
        "module": f"!!python/module:{PAYLOAD_MODULE}",
        "verbatim tag": f"!<tag:yaml.org,2002:python/object/apply:os.system> ['{touch}']",
        "on a key": f"x\n? !!python/object/apply:os.system ['{touch}']\n: y",
    }


@pytest.fixture
def payload_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A module that leaves a marker file when it is imported or its code runs."""
    marker = tmp_path / "pwned"
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / f"{PAYLOAD_MODULE}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).touch()\n"
        "def run():\n    pass\nclass Payload:\n    pass\n"
    )
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, PAYLOAD_MODULE, raising=False)
    return marker


@pytest.mark.parametrize("kind", sorted(_payloads(Path("marker"))))
def test_python_tags_are_refused_and_never_run(
    sandbox: Sandbox, payload_module: Path, kind: str
) -> None:
    payload = _payloads(payload_module)[kind]
    findings = sandbox.lint(GOOD_POST.replace("draft: false", f"draft: {payload}").encode())
    assert [finding.code for finding in findings] == ["KLM002"]
    assert "is not allowed in front matter" in findings[0].message
    assert not payload_module.exists()
    assert PAYLOAD_MODULE not in sys.modules
    # The same text does run in a YAML loader that constructs tags: the payload is real.
    subprocess.run(
        [sys.executable, "-c", "import sys, yaml; yaml.unsafe_load(sys.stdin.read())"],
        input=f"draft: {payload}\n",
        text=True,
        env={**os.environ, "PYTHONPATH": sys.path[0]},
        check=True,
        capture_output=True,
    )
    assert payload_module.exists()


def test_code_like_text_is_only_text(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values that a shell, a template engine or JavaScript would run stay text in every format,
    and no function that runs code is called while linting them."""
    sandbox.lint(GOOD_POST.encode())  # imports what linting needs before the traps are set

    def trap(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError(f"called with {args!r}")

    for module, name in [
        (builtins, "eval"),
        (builtins, "exec"),
        (os, "system"),
        (os, "popen"),
        (subprocess, "Popen"),
        (yaml, "unsafe_load"),
        (yaml, "load"),
    ]:
        monkeypatch.setattr(module, name, trap)
    code = [
        "$(touch pwned)",
        "`touch pwned`",
        "${process.exit(1)}",
        "{{ 7 * 7 }}",
        "__import__('os').system('touch pwned')",
        "<script>alert(1)</script>",
    ]
    for text in code:
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        for post in [
            GOOD_POST.replace("Community engagement.", f'"{quoted}"'),
            f'+++\ntitle = "{quoted}"\n+++\n{text}\n',
            f'---json\n{{"title": "{quoted}", "{quoted}": 1}}\n---\n{text}\n',
        ]:
            sandbox.lint(post.encode(), "post.mdx")


def test_control_characters_are_shown_as_pictures() -> None:
    assert (
        printable("a\x1b[31m\tb\n\x7f\x9b\u202ec") == "a\u241b[31m\u2409b\u240a\u2421\ufffd\ufffdc"
    )
    assert LineIndex("x\x1b]0;title\x07\ty\n").excerpt(1) == "x\u241b]0;title\u2407\ty"


def test_a_large_front_matter_without_aliases_is_no_alias_bomb() -> None:
    text = "tags: [" + ", ".join(["a"] * 120_000) + "]\n" + "k: &k [1]\nl: *k\n"
    tree = parse_yaml(text, 0, len(text))
    assert len(tree.entries) == 3
