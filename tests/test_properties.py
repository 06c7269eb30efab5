"""Property tests over the loader and every rule: whatever the bytes, linting finishes quickly,
no exception escapes (no KLM000) and every finding has a valid position in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import GOOD_POST
from tests.invariants import Sandbox

if TYPE_CHECKING:
    from pathlib import Path

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOML_POST = """\
+++
title = "Volunteer stories"
image = "/images/post.jpg"
date = 2023-09-01T10:00:00Z
draft = false
tags = ["a", 'b', \"\"\"c\"\"\"]
[author]
name = "Sarah Rahman"
+++
Body.
"""

JSON_POST = """\
---json
{"title": "Annual report", "author": {"name": "A\\u00e9"}, "date": "2024-01-31", "draft": false}
---
Body.
"""

MDX_POST = (
    GOOD_POST
    + """
<Notice type="note">
  Read the [report](/files/report.pdf "Report") and ![a chart](/images/post.jpg).
</Notice>

<Tabs>
<Tab name="One">{`template ${literal}`} and {/* a comment */}</Tab>
</Tabs>

```mdx
<Notice>not a component</Notice>
```

[ref]: /images/post.jpg
![by reference][ref] <!-- html comment --> `<Code>` <Youtube id="x" title="y" />
"""
)

SEEDS = [GOOD_POST, TOML_POST, JSON_POST, MDX_POST, GOOD_POST.replace("\n", "\r\n")]

YAML_TOKENS = [
    "---", "---\n", "\n", "\r\n", "\r", " ", "  ", "\t", ":", ": ", "- ", "? ", "[", "]", "{",
    "}", ",", "#", "&a ", "*a", "<<: ", "!!str ", "!tag ", "!!python/object:x ", "'", '"', "\\",
    "|", ">", "%", "@", "`", "~", "null", "true", "no", "2022-04-04", "2022-02-30", "1e9",
    "0x1F", "title", "draft", "date", "author", "name", "image", "/images/post.jpg", "tags",
    "é", "日本", "\u2028", "\ufeff", "\x00", "\x1b",
]  # fmt: skip
TOML_TOKENS = [
    "+++", "+++\n", "\n", "\r\n", " ", "=", " = ", ".", "[", "]", "[[", "]]", "{", "}", ",",
    "#", '"', "'", '"""', "'''", "\\", "\\u00e9", "\\U0001F600", "title", "author", "draft",
    "date", "1979-05-27T07:32:00Z", "07:32:00", "true", "inf", "nan", "0x_1", "1_000", "-",
    "+", "é", "\t",
]  # fmt: skip
JSON_TOKENS = [
    "---json\n", "---\n", "{", "}", "[", "]", ":", ",", '"', '"title"', '"draft"', "\\",
    "\\u", "\\ud83d", "1", "-", ".", "e", "true", "false", "null", "NaN", " ", "\n", "\r\n",
    "0", "é",
]  # fmt: skip
MDX_TOKENS = [
    "\n", "\n\n", " ", "<", ">", "</", "/>", "<Notice", "</Notice>", "<Tabs>", "</Tabs>",
    "<Tab", 'name="x"', "type=", "{", "}", "`", "```", "~~~", "${", "'", '"', "//", "/*",
    "*/", "<!--", "-->", "![", "[", "]", "(", ")", "](", "]:", "\\", "> ", "- ", "1. ",
    "/images/post.jpg", "<>", "</>", "import x from 'y'\n", "&", "é", "\r",
]  # fmt: skip


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    root: Path = tmp_path_factory.mktemp("properties")
    return Sandbox(root)


def joined(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens) | st.text(max_size=4), max_size=60).map("".join)


file_names = st.sampled_from(["post.md", "post.mdx"])


@SETTINGS
@given(raw=st.binary(max_size=3000), name=file_names)
def test_random_bytes(sandbox: Sandbox, raw: bytes, name: str) -> None:
    sandbox.lint(raw, name)


@SETTINGS
@given(front=joined(YAML_TOKENS), body=joined(MDX_TOKENS), name=file_names)
def test_yaml_like_front_matter(sandbox: Sandbox, front: str, body: str, name: str) -> None:
    sandbox.lint(f"---\n{front}\n---\n{body}".encode(), name)


@SETTINGS
@given(front=joined(TOML_TOKENS), json=joined(JSON_TOKENS), bare=st.booleans())
def test_toml_and_json_like_front_matter(
    sandbox: Sandbox, front: str, json: str, bare: bool
) -> None:
    sandbox.lint(f"+++\n{front}\n+++\nBody.\n".encode())
    sandbox.lint((f"{{{json}\n}}\n" if bare else f"---json\n{{{json}}}\n---\n").encode())


@SETTINGS
@given(body=joined(MDX_TOKENS), name=file_names)
def test_mdx_like_bodies(sandbox: Sandbox, body: str, name: str) -> None:
    sandbox.lint((GOOD_POST + body).encode(), name)


@st.composite
def mutated_posts(draw: st.DrawFn) -> bytes:
    """A valid post with bytes or lines inserted, deleted, swapped or repeated."""
    data = bytearray(draw(st.sampled_from(SEEDS)).encode())
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["insert", "delete", "swap", "lines"]))
        at = draw(st.integers(0, len(data)))
        if operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif operation == "swap" and len(data) > 1:
            other = draw(st.integers(0, len(data) - 1))
            at = min(at, len(data) - 1)
            data[at], data[other] = data[other], data[at]
        else:
            lines = bytes(data).splitlines(keepends=True)
            if len(lines) > 1:
                first = draw(st.integers(0, len(lines) - 1))
                second = draw(st.integers(0, len(lines) - 1))
                if draw(st.booleans()):
                    lines[first], lines[second] = lines[second], lines[first]
                else:
                    lines.insert(first, lines[second])
                data = bytearray(b"".join(lines))
    return bytes(data)


@settings(SETTINGS, max_examples=400)
@given(raw=mutated_posts(), name=file_names)
def test_mutated_valid_posts(sandbox: Sandbox, raw: bytes, name: str) -> None:
    sandbox.lint(raw, name)


def test_the_seeds_are_valid_posts(sandbox: Sandbox) -> None:
    for seed in SEEDS:
        findings = sandbox.lint(seed.encode(), "post.mdx")
        assert [f.code for f in findings if f.severity.value == "error"] == [], seed
