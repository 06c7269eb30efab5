"""Where the cursor is in the front matter: the key under it (hover), and what is being typed
(completion), in YAML and TOML, in text that does not parse yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from klm_lint.load.document import Document, load_text
from klm_lint.server.cursor import key_at, typing_at

YAML = """\
---
title: Camp
author:
  name: Jane
  |
tags:
  - news
  - |
categories: [Health, |
draft: |
description: >
  |
---
body |
"""
TOML = """\
+++
title = "Camp"
tags = ["news", "|
dra|
[author]
name = "J|
+++
"""


def at(text: str, number: int) -> tuple[str, int]:
    """The text without its cursor marks, and the offset of mark `number`."""
    offsets = []
    plain = ""
    for part in text.split("|"):
        plain += part
        offsets.append(len(plain))
    return plain, offsets[number]


@pytest.mark.parametrize(
    ("mark", "parent", "key", "typed", "present"),
    [
        (0, ("author",), None, "", {"name"}),
        (1, (), "tags", "", None),
        (2, (), "categories", "", None),
        (3, (), "draft", "", None),
    ],
)
def test_yaml(
    mark: int, parent: tuple[str, ...], key: str | None, typed: str, present: set[str] | None
) -> None:
    text, offset = at(YAML, mark)
    typing = typing_at(text, offset)
    assert typing is not None and typing.format == "yaml"
    assert (typing.parent, typing.key, typing.typed) == (parent, key, typed)
    assert typing.start == offset - len(typed)
    if present is not None:
        assert typing.present == present
    assert not typing.needs_space, "a space follows the colon"


def test_yaml_places_with_nothing_to_complete() -> None:
    for mark in (4, 5):
        text, offset = at(YAML, mark)
        assert typing_at(text, offset) is None, mark
    assert typing_at("no front matter", 3) is None
    assert typing_at('---\n{"title": "x"}\n---\n', 6) is None, "JSON front matter"


def test_yaml_keys_and_values_being_typed() -> None:
    text = "---\ntitle: x\nauth\n---\n"
    typing = typing_at(text, text.index("auth") + 4)
    assert typing is not None and (typing.key, typing.typed, typing.present) == (
        None,
        "auth",
        {"title"},
    )
    text = "---\ndraft:\n---\n"
    typing = typing_at(text, text.index(":") + 1)
    assert typing is not None and typing.key == "draft" and typing.needs_space
    text = '---\nauthor:\n  name: "Abd\n---\n'
    typing = typing_at(text, text.index("Abd") + 3)
    assert typing is not None and (typing.parent, typing.key, typing.typed, typing.quoted) == (
        ("author",),
        "name",
        "Abd",
        True,
    )
    text = "---\ntags:\n- news\n- \n---\n"
    typing = typing_at(text, text.index("- \n") + 2)
    assert typing is not None and (typing.parent, typing.key) == ((), "tags")


@pytest.mark.parametrize(
    ("mark", "parent", "key", "typed", "quoted"),
    [
        (0, (), "tags", "", True),
        (1, (), None, "dra", False),
        (2, ("author",), "name", "J", True),
    ],
)
def test_toml(
    mark: int, parent: tuple[str, ...], key: str | None, typed: str, quoted: bool
) -> None:
    text, offset = at(TOML, mark)
    typing = typing_at(text, offset)
    assert typing is not None and typing.format == "toml"
    assert (typing.parent, typing.key, typing.typed, typing.quoted) == (parent, key, typed, quoted)
    if key is None:
        assert typing.present == {"title", "tags"}


def document(text: str) -> Document:
    loaded = load_text(text.encode(), Path("post.md"), "post.md", "content/posts/post.md", 10**6)
    assert isinstance(loaded, Document)
    return loaded


def test_the_key_under_the_cursor() -> None:
    text = (
        "---\ntitle: Camp\nauthor:\n  name: Jane\ntags: [news, camp]\nlist:\n  - a: 1\n---\nbody\n"
    )
    doc = document(text)
    assert key_at(doc, text.index("title")) == ("title",)
    assert key_at(doc, text.index("Camp") + 2) == ("title",)
    assert key_at(doc, text.index("name")) == ("author", "name")
    assert key_at(doc, text.index("camp")) == ("tags",)
    assert key_at(doc, text.index("a: 1")) == ("list", "a")
    assert key_at(doc, text.index("body")) is None
    assert key_at(document("no front matter\n"), 3) is None
