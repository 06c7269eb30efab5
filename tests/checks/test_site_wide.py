"""Whole-site rules: KLM401 duplicate-slug, KLM402 duplicate-title, KLM403 author-inconsistent,
KLM404 scheduled-post."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from klm_lint.checks.post_facts import _language, text_key
from klm_lint.findings import Severity
from klm_lint.load.document import Document, load_text
from tests.conftest import GOOD_POST, SiteBuilder, only

if TYPE_CHECKING:
    from klm_lint.site.site import Site


def post(
    title: str,
    *,
    author: str = "Abdullah Al Shifat",
    avatar: str | None = "/images/author/abdullah.jpg",
    date: str = "2023-04-20",
    draft: str = "false",
    extra: str = "",
) -> str:
    avatar_line = f"  avatar: {avatar}\n" if avatar else ""
    return (
        f"---\ntitle: {title}\nauthor:\n  name: {author}\n{avatar_line}date: {date}\n"
        f"draft: {draft}\n{extra}---\nText.\n"
    )


# KLM401 duplicate-slug


def test_url_clashing_with_a_file_name_reports_both(site: SiteBuilder) -> None:
    site.post(post("Spring fundraiser"), name="spring.md")
    site.post(post("Results", extra="url: /spring\n"), name="results.md")
    findings = site.lint()
    assert [(f.path, f.code, f.span.line, f.span.column) for f in findings] == [
        ("content/posts/results.md", "KLM401", 8, 6),
        ("content/posts/spring.md", "KLM401", 1, 1),
    ]
    assert findings[0].message == (
        'url gives this post the address "spring", which content/posts/spring.md (its file '
        "name) also has; the site publishes one post per address, so only one of them can be "
        "reached. Change url to an address no other post uses."
    )
    assert findings[1].message == (
        'this post\'s address, "spring", comes from its file name, and content/posts/results.md '
        "(its url, line 8) has the same address; the site publishes one post per address, so "
        "only one of them can be reached. Rename the file, or give the post a url of its own."
    )


def test_a_clash_with_a_file_that_is_not_linted_is_found(site: SiteBuilder) -> None:
    site.post(post("Spring fundraiser"), name="spring.md")
    site.post(post("Results", extra="url: spring/\n"), name="results.md")
    finding = only(site.lint("content/posts/spring.md"), "KLM401")
    assert "content/posts/results.md (its url, line 8)" in finding.message


def test_same_file_name_in_two_folders_of_the_collection(site: SiteBuilder) -> None:
    site.write("content/posts/camp.md", post("Camp 2023"))
    site.write("content/blog/camp.md", post("Camp 2024"))
    assert site.codes() == ["KLM401", "KLM401"]


def test_three_posts_at_one_address_name_the_other_two(site: SiteBuilder) -> None:
    site.post(post("One"), name="camp.md")
    site.post(post("Two", extra="url: /camp\n"), name="b.md")
    site.post(post("Three", extra='url: "/camp"\n'), name="c.md")
    finding = site.lint("content/posts/camp.md")[0]
    assert (
        "content/posts/b.md (its url, line 8) and content/posts/c.md (its url, line 8) have the "
        "same address" in finding.message
    )


def test_a_draft_on_the_other_side_is_named_as_such(site: SiteBuilder) -> None:
    site.post(post("One"), name="camp.md")
    site.post(post("Two", draft="true", extra="url: /camp\n"), name="b.md")
    finding = site.lint("content/posts/camp.md")[0]
    assert "content/posts/b.md (its url, line 8, a draft for now) has" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("url: /Camp\n", ""),
        ("url: /camp-2024\n", ""),
        ("url: /camp-2024\n", "url: /camp-2023\n"),
    ],
)
def test_distinct_addresses_pass(site: SiteBuilder, first: str, second: str) -> None:
    site.post(post("One", extra=first), name="camp.md")
    site.post(post("Two", extra=second), name="other.md")
    assert site.codes() == []


def test_list_pages_and_pages_are_not_posts(site: SiteBuilder) -> None:
    site.post(post("One"), name="about.md")
    site.post("---\ntitle: Blog\n---\n", name="_index.md")
    site.write("content/about.md", "---\ntitle: About us\n---\nWho we are.\n")
    assert site.codes() == []


def test_collections_are_separate_address_spaces(site: SiteBuilder) -> None:
    site.config('[collections.news]\ninclude = ["content/news/**"]\nschema = "post"\n')
    site.write("content/news/camp.md", post("Camp news"))
    site.post(post("Camp story"), name="camp.md")
    assert site.codes() == []


def test_excluded_and_unparsable_posts_are_not_compared(site: SiteBuilder) -> None:
    site.config('exclude = ["content/posts/old/"]\n')
    site.write("content/posts/old/camp.md", post("Old camp"))
    site.post("---\ntitle: [unclosed\n---\n", name="camp-2.md")
    site.post(post("New camp"), name="camp.md")
    site.post(post("Other camp", extra="url: /camp-2\n"), name="other.md")
    assert site.codes("content/posts/camp.md", "content/posts/other.md") == []


# KLM402 duplicate-title


def test_titles_compare_without_case_and_extra_spaces(site: SiteBuilder) -> None:
    site.post(post("Annual  report"), name="a.md")
    site.post(post("annual Report"), name="b.md")
    findings = site.lint()
    assert [(f.path, f.code, f.severity, f.span.line, f.span.column) for f in findings] == [
        ("content/posts/a.md", "KLM402", Severity.WARNING, 2, 8),
        ("content/posts/b.md", "KLM402", Severity.WARNING, 2, 8),
    ]
    assert findings[0].message == (
        'the title "Annual  report" is also the title of content/posts/b.md (line 2); readers '
        "cannot tell the posts apart in the blog list, and search engines may show only one of "
        "them. Give each post a title of its own."
    )


def test_titles_in_other_formats_are_compared(site: SiteBuilder) -> None:
    site.post(post("Camp"), name="a.md")
    site.post(
        '+++\ntitle = "Camp"\ndate = 2023-01-01\ndraft = false\n[author]\nname = "Abdullah Al '
        'Shifat"\navatar = "/images/author/abdullah.jpg"\n+++\nText.\n',
        name="b.md",
    )
    site.post(
        '---json\n{"title": "Camp", "date": "2023-01-01", "draft": false,\n'
        ' "author": {"name": "Abdullah Al Shifat"}}\n---\nText.\n',
        name="c.md",
    )
    finding = only(site.lint("content/posts/a.md"), "KLM402")
    assert "content/posts/b.md (line 2) and content/posts/c.md (line 2);" in finding.message


def test_different_titles_pass(site: SiteBuilder) -> None:
    site.post(post("Annual report 2022"), name="a.md")
    site.post(post("Annual report 2023"), name="b.md")
    assert site.codes() == []


# KLM403 author-inconsistent


def test_the_odd_avatar_out_is_reported_with_the_most_used_one(site: SiteBuilder) -> None:
    site.post(post("One"), name="a.md")
    site.post(post("Two"), name="b.md")
    site.post(post("Three", avatar="/images/author/6.jpg"), name="c.md")
    finding = only(site.lint(), "KLM403")
    assert (finding.path, finding.span.line, finding.span.column) == ("content/posts/c.md", 5, 11)
    assert finding.message == (
        "author.avatar is /images/author/6.jpg, but Abdullah Al Shifat's other posts use "
        "/images/author/abdullah.jpg (2 posts, such as content/posts/a.md, line 5); the byline "
        "shows a different picture from post to post. Use /images/author/abdullah.jpg, the "
        "avatar most of Abdullah Al Shifat's posts use."
    )


def test_a_tie_reports_every_side(site: SiteBuilder) -> None:
    site.post(post("One"), name="a.md")
    site.post(post("Two", avatar="/images/author/6.jpg"), name="b.md")
    findings = site.lint()
    assert [(f.path, f.code) for f in findings] == [
        ("content/posts/a.md", "KLM403"),
        ("content/posts/b.md", "KLM403"),
    ]
    assert findings[0].message.endswith(
        "Pick one avatar for Abdullah Al Shifat and use it in every post."
    )
    assert "use /images/author/6.jpg (content/posts/b.md, line 5);" in findings[0].message


def test_posts_without_avatar_and_other_authors_do_not_count(site: SiteBuilder) -> None:
    site.post(post("One"), name="a.md")
    site.post(post("Two", avatar=None), name="b.md")
    site.post(post("Three", author="Sarah Rahman", avatar="/images/author/6.jpg"), name="c.md")
    site.post(post("Four", author="Abdullah  Al Shifat"), name="d.md")
    assert site.codes() == []


AUTHORS_YAML = """\
- name: Abdullah Al Shifat
  avatar: /images/author/abdullah.jpg
- name: Sarah Rahman
"""


def test_an_author_missing_from_the_authors_file_is_an_error(site: SiteBuilder) -> None:
    site.config('authors = "data/authors.yaml"\n')
    site.write("data/authors.yaml", AUTHORS_YAML)
    site.post(post("One", author="Abdulah Al Shifat"))
    finding = only(site.lint(), "KLM403")
    assert finding.severity is Severity.ERROR
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (4, 9, 26)
    assert finding.message == (
        'author.name is "Abdulah Al Shifat", who is not in the authors file data/authors.yaml, '
        "so the byline names someone the site does not know. Did you mean Abdullah Al Shifat? "
        "Use the name as the authors file writes it, or add the author to data/authors.yaml."
    )


def test_an_avatar_differing_from_the_authors_file_is_an_error(site: SiteBuilder) -> None:
    site.config('authors = "data/authors.json"\n')
    site.write(
        "data/authors.json",
        '{"authors": [{"name": "Abdullah Al Shifat", "avatar": "/images/author/abdullah.jpg"}]}',
    )
    site.post(post("One", avatar="/images/author/6.jpg"), name="a.md")
    site.post(post("Two", avatar=None), name="b.md")
    site.post(post("Three"), name="c.md")
    findings = site.lint()
    assert [(f.path, f.severity, f.span.line) for f in findings] == [
        ("content/posts/a.md", Severity.ERROR, 5),
        ("content/posts/b.md", Severity.ERROR, 4),
    ]
    assert findings[0].message.endswith("Use /images/author/abdullah.jpg.")
    assert findings[1].message.startswith("author.avatar is missing, but data/authors.json gives")


def test_an_author_without_avatar_in_the_file_is_only_checked_by_name(site: SiteBuilder) -> None:
    site.config('authors = "authors.toml"\n')
    site.write("authors.toml", '[[authors]]\nname = "Sarah Rahman"\n')
    site.post(post("One", author="Sarah Rahman", avatar="/images/author/6.jpg"))
    assert site.codes() == []


def test_a_configured_severity_applies_to_authors_file_findings(site: SiteBuilder) -> None:
    site.config('authors = "data/authors.yaml"\n[severity]\nKLM403 = "warning"\n')
    site.write("data/authors.yaml", AUTHORS_YAML)
    site.post(post("One", author="Nobody"))
    assert only(site.lint(), "KLM403").severity is Severity.WARNING


# KLM404 scheduled-post


NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def test_a_future_date_is_reported_with_when_it_appears(site: SiteBuilder) -> None:
    site.now = NOW
    site.post(post("Coats", date="2024-12-01"))
    finding = only(site.lint(), "KLM404")
    assert finding.severity is Severity.WARNING
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (6, 7, 17)
    assert finding.message == (
        "date is 2024-12-01, in the future, and draft is false: the theme hides a post until "
        "its date, so this post appears with the first build on or after 2024-12-01. If it "
        "should be live now, correct the date."
    )


@pytest.mark.parametrize(
    ("date", "appears"),
    [
        ("2024-05-01T13:00:00Z", "2024-05-01 13:00 UTC"),
        ("2024-05-01T18:30:00+06:00", "2024-05-01 12:30 UTC"),
        ("2024-05-01 12:00:01", "2024-05-01 12:00 UTC"),
        ('"2024-05-02"', "2024-05-02"),
    ],
)
def test_times_and_offsets(site: SiteBuilder, date: str, appears: str) -> None:
    site.now = NOW
    site.post(post("Coats", date=date))
    assert f"on or after {appears}." in only(site.lint(), "KLM404").message


@pytest.mark.parametrize(
    ("date", "draft"),
    [
        ("2024-05-01", "false"),
        ("2024-05-01T12:00:00Z", "false"),
        ("2024-05-01T18:00:00+06:00", "false"),
        ("2023-12-31", "false"),
        ("2099-01-01", "true"),
        ("2099-01-01", '"false"'),
        ("01/01/2099", "false"),
    ],
)
def test_not_scheduled(site: SiteBuilder, date: str, draft: str) -> None:
    site.now = NOW
    site.post(post("Coats", date=date, draft=draft))
    assert "KLM404" not in site.codes()


def test_toml_and_json_dates(site: SiteBuilder) -> None:
    site.now = NOW
    site.post(
        '+++\ntitle = "TOML"\ndate = 2024-06-01T09:00:00Z\ndraft = false\n[author]\n'
        'name = "Abdullah Al Shifat"\n+++\n',
        name="a.md",
    )
    site.post(
        '---json\n{"title": "JSON", "date": "2024-06-02", "draft": false,\n'
        ' "author": {"name": "Abdullah Al Shifat"}}\n---\n',
        name="b.md",
    )
    assert site.codes() == ["KLM404", "KLM404"]


def test_the_real_clock_is_the_default(site: SiteBuilder) -> None:
    site.post(post("Far future", date="2999-01-01"), name="a.md")
    site.post(GOOD_POST, name="b.md")
    assert [(f.path, f.code) for f in site.lint()] == [("content/posts/a.md", "KLM404")]


_PARTS = st.text(alphabet="a1:\0 ", max_size=3)


@given(_PARTS, _PARTS, _PARTS, _PARTS, _PARTS, _PARTS)
@example("a\0", "", "", "a", "", "\0")
@example("a", "b", "c", "ab", "", "c")
@example("1", ":a", "b", "1:", "a", "b")
def test_text_keys_are_equal_only_for_the_same_collection_language_and_text(
    c1: str, l1: str, t1: str, c2: str, l2: str, t2: str
) -> None:
    """A title's key is one text, not a tuple: no two different triples may share it (the
    alphabet holds the digits and colon the key is made of)."""
    same = text_key(c1, l1, t1) == text_key(c2, l2, t2)
    assert same == ((c1, l1, t1) == (c2, l2, t2))


@given(st.text(alphabet="a1:\0", max_size=6), st.data())
def test_text_keys_of_one_text_cut_differently_differ(whole: str, data: st.DataObject) -> None:
    def cut() -> tuple[str, str, str]:
        first = data.draw(st.integers(0, len(whole)))
        second = data.draw(st.integers(first, len(whole)))
        return whole[:first], whole[first:second], whole[second:]

    one, other = cut(), cut()
    assert (text_key(*one) == text_key(*other)) == (one == other)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("post.md", ""),
        ("post.fr.md", "fr"),
        ("index.pt-br.md", "pt-br"),
        ("a.b.md", ""),
        ("v1.2.md", ""),
        ("notes.en_US.markdown", "en_us"),
    ],
)
def test_a_posts_language_is_read_from_its_file_name(name: str, language: str) -> None:
    doc = load_text(b"---\ntitle: A\n---\n", name, name, f"content/posts/{name}", 1 << 20)
    assert isinstance(doc, Document)
    assert _language(doc, cast("Site", None)) == language
