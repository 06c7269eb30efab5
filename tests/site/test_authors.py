"""The authors file: YAML, TOML or JSON, and the config errors it can cause."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from klm_lint.site.authors import load_authors
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import SiteBuilder


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("authors.yaml", "- name: Jane Doe\n  avatar: /images/jane.jpg\n  bio: Teacher\n"),
        ("authors.yml", "authors:\n  - name: Jane Doe\n    avatar: /images/jane.jpg\n"),
        ("authors.toml", '[[authors]]\nname = "Jane Doe"\navatar = "/images/jane.jpg"\n'),
        ("authors.json", '[{"name": "Jane Doe", "avatar": "/images/jane.jpg"}]'),
    ],
)
def test_formats(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content)
    authors = load_authors(tmp_path, name)
    found = authors.find("Jane  Doe")
    assert found is not None
    assert (found.name, found.avatar) == ("Jane Doe", "/images/jane.jpg")
    assert authors.find("Jane") is None


def test_suggestions(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("- name: Abdullah Al Shifat\n- name: Sarah Rahman\n")
    authors = load_authors(tmp_path, "a.yaml")
    assert authors.suggest("abdullah al shifat") == "Abdullah Al Shifat"
    assert authors.suggest("Sara Rahman") == "Sarah Rahman"
    assert authors.suggest("Someone Else Entirely") is None


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("a.txt", "Jane", "a.txt is not a .yaml, .yml, .toml or .json file"),
        ("missing.yaml", None, "missing.yaml does not exist"),
        (
            "a.yaml",
            "- name: [unclosed\n",
            "a.yaml:2:1: the authors file is not valid YAML (expected ',' or ']'",
        ),
        (
            "a.toml",
            "[[authors]\n",
            "a.toml:1:10: the authors file is not valid TOML (Expected ']]'",
        ),
        ("a.json", "[{]", "a.json:1:3: the authors file is not valid JSON (Expecting property"),
        (
            "a.yaml",
            "- name: Jane\n- name: J\x07ne\n",
            "a.yaml:2:10: the authors file is not valid YAML (the character U+0007 is not allowed",
        ),
        ("a.yaml", "name: Jane\n", "must be a list of authors"),
        ("a.yaml", "- Jane\n", "author 1 is not a mapping"),
        ("a.yaml", "- avatar: /a.jpg\n", "author 1 has no name"),
        ("a.yaml", "- name: Jane\n  avatar: 5\n", "author 1 (Jane): avatar must be a text"),
        ("a.yaml", "- name: Jane\n- name: ' Jane '\n", "author 2: Jane is listed twice"),
    ],
)
def test_errors(tmp_path: Path, name: str, content: str | None, says: str) -> None:
    if content is not None:
        (tmp_path / name).write_text(content)
    with pytest.raises(ConfigError) as raised:
        load_authors(tmp_path, name)
    assert says in raised.value.message


def test_a_broken_authors_file_is_exit_2_one_line(site: SiteBuilder) -> None:
    site.config('authors = "data/authors.yaml"\n')
    site.post("---\ntitle: x\n---\n")
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == (
        f"klm-lint: error: authors: data/authors.yaml does not exist in {site.root}\n"
    )
