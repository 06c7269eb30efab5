from __future__ import annotations

import pytest

from tests.conftest import GOOD_POST, SiteBuilder, only


def post_with(replace: str, by: str) -> str:
    assert replace in GOOD_POST
    return GOOD_POST.replace(replace, by)


def test_good_post_passes(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    assert site.lint() == []


# KLM101 required-field


@pytest.mark.parametrize("key", ["title", "date", "draft"])
def test_missing_top_level_key_points_at_line_1(site: SiteBuilder, key: str) -> None:
    lines = [line for line in GOOD_POST.splitlines(keepends=True) if not line.startswith(key + ":")]
    site.post("".join(lines))
    finding = only(site.lint(), "KLM101")
    assert (finding.span.line, finding.span.column) == (1, 1)
    assert finding.message.startswith(f"{key} is missing")


def test_missing_author_block(site: SiteBuilder) -> None:
    site.post(
        post_with(
            "author:\n  name: Abdullah Al Shifat\n  avatar: /images/author/abdullah.jpg\n", ""
        )
    )
    finding = only(site.lint(), "KLM101")
    assert finding.message.startswith("author is missing")


def test_missing_nested_key_points_at_parent_key(site: SiteBuilder) -> None:
    site.post(post_with("  name: Abdullah Al Shifat\n", ""))
    finding = only(site.lint(), "KLM101")
    assert finding.message.startswith("author.name is missing")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (4, 1, 7)


def test_missing_draft_message_says_what_to_write(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", ""))
    finding = only(site.lint(), "KLM101")
    assert "draft: true" in finding.message


def test_page_only_requires_title(site: SiteBuilder) -> None:
    site.write("content/about.md", "---\nlayout: about\nabout_us:\n  enable: true\n---\nHi\n")
    finding = only(site.lint(), "KLM101")
    assert finding.message.startswith("title is missing")


def test_list_page_is_not_a_post(site: SiteBuilder) -> None:
    site.write("content/posts/_index.md", "---\ntitle: Blog\n---\n")
    assert site.lint() == []


def test_configured_required_key(site: SiteBuilder) -> None:
    site.config('[collections.posts]\nrequired = ["image", "author.avatar"]\n')
    site.post(
        post_with("image: /images/author/6.jpg\n", "").replace(
            "  avatar: /images/author/abdullah.jpg\n", ""
        )
    )
    messages = sorted(f.message.split(" is missing")[0] for f in site.lint())
    assert messages == ["author.avatar", "image"]


# KLM102 field-type


@pytest.mark.parametrize(
    ("line", "replacement", "column"),
    [
        ("title: Community engagement.\n", "title: [a, b]\n", 8),
        ("image: /images/author/6.jpg\n", "image: 5\n", 8),
        ("title: Community engagement.\n", "title: 2022-04-04\n", 8),
    ],
)
def test_wrong_types(site: SiteBuilder, line: str, replacement: str, column: int) -> None:
    site.post(post_with(line, replacement))
    finding = only(site.lint(), "KLM102")
    assert finding.span.column == column
    assert "but the site expects" in finding.message


def test_author_as_plain_name(site: SiteBuilder) -> None:
    site.post(
        post_with(
            "author:\n  name: Abdullah Al Shifat\n  avatar: /images/author/abdullah.jpg\n",
            "author: Jane\n",
        )
    )
    finding = only(site.lint(), "KLM102")
    assert finding.message.startswith('author is the text "Jane"')
    assert "name: Jane" in finding.message
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (4, 9, 13)


def test_tags_must_be_a_list_of_text(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", "draft: false\ntags: [a, 5]\n"))
    finding = only(site.lint(), "KLM102")
    assert finding.message.startswith("tags[1] is the number 5")


def test_configured_field_type(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nfeatured = "boolean"\n')
    site.post(post_with("draft: false\n", 'draft: false\nfeatured: "yes"\n'))
    finding = only(site.lint(), "KLM102")
    assert finding.message.startswith('featured is the text "yes"')


def test_a_value_written_otherwise_says_what_the_reader_reads(site: SiteBuilder) -> None:
    site.post(post_with("title: Community engagement.\n", "title: 014\n"))
    finding = only(site.lint(), "KLM102")
    assert finding.message.startswith(
        "title is 014, which the site's YAML reader reads as the number 12, but the site "
        "expects text"
    )


def test_0o14_is_text_to_the_site(site: SiteBuilder) -> None:
    site.post(post_with("title: Community engagement.\n", "title: 0o14\n"))
    assert site.lint() == []


def test_a_bool_tag_js_yaml_cannot_apply_fails_the_build(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nfeatured = "boolean"\n')
    site.post(post_with("draft: false\n", "draft: false\nfeatured: !!bool yes\n"))
    finding = only(site.lint(), "KLM002")
    assert "cannot be read as !!bool" in finding.message


# KLM103 date-format


@pytest.mark.parametrize(
    "value",
    [
        "2022-04-04",
        "2022-04-04T05:00:00Z",
        "2022-04-04T05:00:00+06:00",
        "2022-04-04T05:00:00.123Z",
        "2022-04-04 05:00:00",
        '"2022-04-04"',
        "'2022-04-04T05:00:00Z'",
        "2024-02-29",
    ],
)
def test_valid_dates(site: SiteBuilder, value: str) -> None:
    site.post(post_with("date: 2022-04-04T05:00:00Z\n", f"date: {value}\n"))
    assert site.lint() == []


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("April 4, 2022", "Write it as 2022-04-04."),
        ("04/04/2022", "Write it as 2022-04-04."),
        ("2022/04/04", "Write it as 2022-04-04."),
        ("2022-4-4", "Write it as 2022-04-04."),
        ("2022-02-30", "February 2022 has 28 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2022-13-01", "no such month"),
        ("2022-04-04T25:00:00Z", "not a time of day"),
        ("04/05/2022", "if the month comes first"),
        ("next tuesday", "YYYY-MM-DD"),
        ("20220404", "is a number"),
    ],
)
def test_invalid_dates(site: SiteBuilder, value: str, says: str) -> None:
    site.post(post_with("date: 2022-04-04T05:00:00Z\n", f"date: {value}\n"))
    finding = only(site.lint(), "KLM103")
    assert says in finding.message
    assert (finding.span.line, finding.span.column) == (7, 7)
    assert finding.span.end_column == 7 + len(value)


def test_date_in_quotes_is_judged_by_its_text(site: SiteBuilder) -> None:
    site.post(post_with("date: 2022-04-04T05:00:00Z\n", 'date: "2022-02-30"\n'))
    finding = only(site.lint(), "KLM103")
    assert finding.span.column == 7 and finding.span.end_column == 19


def test_lastmod_and_configured_date_fields(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\npublish_on = "date"\n')
    site.post(
        post_with("draft: false\n", "draft: false\nlastmod: 2022/05/01\npublish_on: May 5, 2022\n")
    )
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM103", "KLM103"]
    assert findings[0].message.startswith('lastmod is "2022/05/01"')
    assert findings[1].message.startswith('publish_on is "May 5, 2022"')


# KLM104 draft-flag


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ('"false"', "Use draft: false."),
        ("'false'", "Use draft: false."),
        ("no", "Use draft: false."),
        ("off", "Use draft: false."),
        ("yes", "Use draft: true."),
        ("on", "Use draft: true."),
        ('"true"', "Use draft: true."),
        ("0", "Use draft: false."),
        ("1", "Use draft: true."),
        ("[false]", "Use draft: false to publish it"),
    ],
)
def test_draft_not_boolean(site: SiteBuilder, value: str, fix: str) -> None:
    site.post(post_with("draft: false\n", f"draft: {value}\n"))
    finding = only(site.lint(), "KLM104")
    assert fix in finding.message
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        8,
        8,
        8 + len(value),
    )


def test_draft_string_message(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", 'draft: "false"\n'))
    finding = only(site.lint(), "KLM104")
    assert finding.message == (
        'draft is the string "false"; the site treats any non-empty text as true, so this '
        "post will not be published. Use draft: false."
    )


def test_yaml_11_word_is_explained(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", "draft: no\n"))
    finding = only(site.lint(), "KLM104")
    assert 'takes as the text "no"' in finding.message


@pytest.mark.parametrize("value", ["true", "false", "True", "FALSE"])
def test_draft_booleans_pass(site: SiteBuilder, value: str) -> None:
    site.post(post_with("draft: false\n", f"draft: {value}\n"))
    assert site.lint() == []


# KLM105 unknown-field


def test_unknown_key_suggests_closest(site: SiteBuilder) -> None:
    site.post(
        post_with("title: Community engagement.\n", "title: Community engagement.\ntittle: x\n")
    )
    finding = only(site.lint(), "KLM105")
    assert "did you mean title?" in finding.message.lower()
    assert finding.severity.value == "warning"
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (3, 1, 7)


def test_unknown_nested_key(site: SiteBuilder) -> None:
    site.post(post_with("  name: Abdullah Al Shifat\n", "  name: Abdullah Al Shifat\n  avtar: x\n"))
    finding = only(site.lint(), "KLM105")
    assert finding.message.startswith("avtar is not a field the site knows under author")
    assert "avatar" in finding.message


def test_unknown_key_without_close_match(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", "draft: false\nsponsor: ACME\n"))
    finding = only(site.lint(), "KLM105")
    assert "Did you mean" not in finding.message


def test_pages_are_open(site: SiteBuilder) -> None:
    site.write("content/about.md", "---\ntitle: About\nabout_us:\n  enable: true\nbanner: x\n---\n")
    assert site.lint() == []


def test_configured_extra_key_is_known(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nsponsor = "string"\n')
    site.post(post_with("draft: false\n", "draft: false\nsponsor: ACME\n"))
    assert site.lint() == []


# KLM106 empty-field


@pytest.mark.parametrize("value", ["", ' ""', " '   '", " ~", " null"])
def test_empty_title(site: SiteBuilder, value: str) -> None:
    site.post(post_with("title: Community engagement.\n", f"title:{value}\n"))
    finding = only(site.lint(), "KLM106")
    assert finding.message.startswith("title is empty")
    assert finding.span.line == 2


def test_empty_optional_text_field(site: SiteBuilder) -> None:
    site.post(post_with("image: /images/author/6.jpg\n", "image:\n"))
    finding = only(site.lint(), "KLM106")
    assert "remove the line" in finding.message
    assert (finding.span.line, finding.span.column) == (3, 1)


def test_empty_optional_list_is_fine(site: SiteBuilder) -> None:
    site.post(post_with("draft: false\n", "draft: false\ntags:\n"))
    assert site.lint() == []
