"""Rule.suspects: a run on many posts asks the whole-site rules only about the posts each can
find something in. The findings are the same as when every post is asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klm_lint.api import LintOptions, lint
from klm_lint.checks import ALL_RULES
from klm_lint.engine import run
from tests.conftest import SiteBuilder

if TYPE_CHECKING:
    from klm_lint.findings import Finding

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _findings(root: Path, monkeypatch: pytest.MonkeyPatch, asked_from: int) -> list[Finding]:
    monkeypatch.setattr(run, "_SUSPECTS_FROM", asked_from)
    previous = os.getcwd()
    os.chdir(root)
    try:
        return lint([root / "content"], LintOptions(cache=False)).findings
    finally:
        os.chdir(previous)


def _same_either_way(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    every_post = _findings(root, monkeypatch, 10**9)
    suspects_only = _findings(root, monkeypatch, 0)
    assert suspects_only == every_post
    return every_post


@pytest.mark.parametrize("example", ["site", "broken"])
def test_the_examples_find_the_same_either_way(
    example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same_either_way(EXAMPLES / example, monkeypatch)


def _post(title: str, author: str, avatar: str, extra: str) -> str:
    avatar_line = f"  avatar: {avatar}\n" if avatar else ""
    return (
        f"---\ntitle: {title!r}\nauthor:\n  name: {author!r}\n{avatar_line}"
        f"date: 2023-04-20\n{extra}---\nText.\n"
    )


_POSTS = st.lists(
    st.tuples(
        st.sampled_from(["Camp", "camp ", "Fair", " ", "Fête"]),
        st.sampled_from(["Ann Lee", "Ann  Lee", "Bo", " "]),
        st.sampled_from(["", "/images/author/6.jpg", "/images/post.jpg"]),
        st.sampled_from(["", "draft: true\n", "lang: fr\n", "url: /camp\n", "slug: fair\n"]),
        st.sampled_from(["", "description: Same\n", "description: same \n", "description: x\n"]),
        st.sampled_from(["posts", "blog"]),
    ),
    min_size=2,
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(posts=_POSTS, authors_file=st.booleans())
def test_generated_sites_find_the_same_either_way(
    posts: list[tuple[str, str, str, str, str, str]],
    authors_file: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = SiteBuilder(Path(folder))
        if authors_file:
            site.config('authors = "data/authors.yaml"\n')
            site.write("data/authors.yaml", "- name: Ann Lee\n  avatar: /images/author/6.jpg\n")
        for number, (title, author, avatar, extra, description, collection) in enumerate(posts):
            site.write(
                f"content/{collection}/p{number}.md",
                _post(title, author, avatar, extra + description),
            )
        _same_either_way(site.root, monkeypatch)


def test_a_site_with_every_kind_of_sharing_is_found_either_way(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.post(_post("Camp", "Ann Lee", "/images/author/6.jpg", "description: Same\n"), "a.md")
    site.post(_post("camp", "Ann Lee", "/images/post.jpg", "description: same\n"), "b.md")
    site.post(_post("Fair", "Ann Lee", "/images/author/6.jpg", "url: /a\n"), "c.md")
    site.post(_post("Other", "Bo", "", ""), "d.md")
    findings = _same_either_way(site.root, monkeypatch)
    assert {finding.code for finding in findings} >= {"KLM401", "KLM402", "KLM403", "KLM405"}


def test_rules_that_can_tell_say_so() -> None:
    codes = {rule.code for rule in ALL_RULES if rule.suspects is not None}
    assert codes == {"KLM401", "KLM402", "KLM403", "KLM405"}
