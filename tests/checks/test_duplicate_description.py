"""KLM405 duplicate-description: posts that share a description, however it is spaced or cased."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.findings import Severity
from tests.conftest import GOOD_POST, only

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


def post(title: str, description: str | None, draft: str = "false") -> str:
    text = GOOD_POST.replace("Community engagement.", title).replace(
        "draft: false", f"draft: {draft}"
    )
    if description is not None:
        text = text.replace("image:", f"description: {description}\nimage:")
    return text


def test_descriptions_compare_without_case_and_extra_spaces(site: SiteBuilder) -> None:
    site.post(post("A", "Help the  camp"), name="a.md")
    site.post(post("B", "help the camp "), name="b.md")
    findings = site.lint()
    assert [(f.path, f.code, f.severity, f.span.line, f.span.column) for f in findings] == [
        ("content/posts/a.md", "KLM405", Severity.WARNING, 3, 14),
        ("content/posts/b.md", "KLM405", Severity.WARNING, 3, 14),
    ]
    assert findings[0].message == (
        'the description "Help the  camp" is also the description of content/posts/b.md '
        "(line 3); search engines show pages with the same description as duplicates and may "
        "leave all but one of them out of their results. Write a description of its own for "
        "each post."
    )


def test_the_pre_commit_case_names_the_post_not_linted(site: SiteBuilder) -> None:
    site.post(post("A", "Help the camp"), name="a.md")
    site.post(post("B", "Help the camp", draft="true"), name="b.md")
    site.post(post("C", "Something else"), name="c.md")
    finding = only(site.lint("content/posts/a.md"), "KLM405")
    assert "content/posts/b.md (line 3), a draft for now;" in finding.message


def test_many_posts_are_listed_briefly(site: SiteBuilder) -> None:
    for name in "abcdef":
        site.post(post(name.upper(), "Same words"), name=f"{name}.md")
    finding = only(site.lint("content/posts/a.md"), "KLM405")
    assert "content/posts/d.md (line 3) and 2 more;" in finding.message


def test_different_missing_and_empty_descriptions_pass(site: SiteBuilder) -> None:
    site.post(post("A", "One summary"), name="a.md")
    site.post(post("B", "Another summary"), name="b.md")
    site.post(post("C", None), name="c.md")
    site.post(post("D", None), name="d.md")
    site.post(post("E", '""'), name="e.md")
    site.post(post("F", '""'), name="f.md")
    assert [code for code in site.codes() if code == "KLM405"] == []


def test_pages_are_not_compared_with_posts(site: SiteBuilder) -> None:
    site.post(post("A", "Same words"), name="a.md")
    site.write("content/about.md", "---\ntitle: About\ndescription: Same words\n---\nText.\n")
    assert site.codes() == []


def test_ignored_and_suppressed(site: SiteBuilder) -> None:
    site.post(post("A", "Same words  # klm-lint: ignore[duplicate-description]"), name="a.md")
    site.post(post("B", "Same words"), name="b.md")
    assert [(f.path, f.code) for f in site.lint()] == [("content/posts/b.md", "KLM405")]
    assert site.codes(select=["KLM1", "KLM2"]) == []
