"""Config errors in the user's words: strict types, the key's line and column, did-you-mean,
and folders or files the config names that do not exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import GOOD_POST
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('mdx = "no"\n', ':1:1: mdx must be true or false (without quotes), not the text "no"'),
        ("cache = 1\n", ":1:1: cache must be true or false (without quotes), not the number 1"),
        (
            'max-file-size = "10"\n',
            ':1:1: max-file-size must be a whole number (without quotes), not the text "10"',
        ),
        ("\n\ncontnet = []\n", ":3:1: unknown option 'contnet'; did you mean 'content'?"),
        (
            '[collections.posts]\ninlcude = ["x"]\n',
            ":2:1: unknown option 'collections.posts.inlcude'; did you mean 'include'?",
        ),
        (
            '[schemas.post.fields.x]\ntype = "strnig"\n',
            ":2:1: schemas.post.fields.x.type must be one of string, boolean",
        ),
        ('[severity]\nKLM104 = "fatal"\n', ":2:1: severity.KLM104 must be 'error' or 'warning'"),
        ("max-file-size = 0\n", ":1:1: max-file-size must be more than 0, not the number 0"),
    ],
)
def test_errors_name_the_key_where_it_is_and_what_it_must_be(
    site: SiteBuilder, toml: str, says: str
) -> None:
    path = site.config(toml)
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"klm-lint: error: {path}{says}"), result.stderr


def test_errors_in_pyproject_count_lines_in_pyproject(site: SiteBuilder) -> None:
    site.write("pyproject.toml", '[project]\nname = "site"\n\n[tool.klm-lint]\nmdx = "no"\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert ":5:1: mdx must be true or false" in result.stderr


def test_a_missing_static_folder_is_one_config_error(site: SiteBuilder) -> None:
    site.config('static = ["pubilc"]\n')
    for number in range(3):
        site.post(GOOD_POST.replace("Community", f"Post {number}"), name=f"{number}.md")
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "static names pubilc/, which is not a folder in" in result.stderr


def test_a_missing_authors_file_is_one_config_error(site: SiteBuilder) -> None:
    site.config('authors = "data/authors.yml"\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert (result.returncode, result.stdout, result.stderr.count("\n")) == (2, "", 1)
    assert "authors: data/authors.yml does not exist" in result.stderr
