from __future__ import annotations

import codecs

import pytest

from klm_lint.findings import Span
from tests.conftest import GOOD_POST, SiteBuilder, only

TOML_POST = """\
+++
title = "Volunteer stories"
image = "/images/post.jpg"
date = 2023-09-01T10:00:00Z
draft = false

[author]
name = "Sarah Rahman"
avatar = "/images/author/abdullah.jpg"
+++
Body.
"""

JSON_POST = """\
---json
{
  "title": "Annual report",
  "author": {"name": "Abdullah", "avatar": "/images/author/abdullah.jpg"},
  "date": "2024-01-31",
  "draft": false
}
---
Body.
"""

BARE_JSON_POST = """\
{
  "title": "Annual report",
  "author": {"name": "Abdullah"},
  "date": "2024-01-31",
  "draft": false
}
Body.
"""


# KLM001 front-matter-missing


def test_no_front_matter(site: SiteBuilder) -> None:
    site.post("Just a body.\n")
    finding = only(site.lint(), "KLM001")
    assert (finding.span.line, finding.span.column) == (1, 1)
    assert "has no front matter" in finding.message


def test_empty_file(site: SiteBuilder) -> None:
    site.post("")
    only(site.lint(), "KLM001")


def test_blank_lines_before_front_matter(site: SiteBuilder) -> None:
    site.post("\n\n" + GOOD_POST)
    finding = only(site.lint(), "KLM001")
    assert finding.span.line == 3
    assert "starts on line 3" in finding.message


def test_four_dashes_do_not_open_front_matter(site: SiteBuilder) -> None:
    site.post("----\ntitle: x\n----\n")
    only(site.lint(), "KLM001")


def test_files_outside_collections_need_no_front_matter(site: SiteBuilder) -> None:
    site.write("README.md", "# Readme\n")
    assert site.lint("README.md") == []


# KLM002 front-matter-invalid


def test_yaml_syntax_error_position(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("title: Community engagement.", "title: Community: engagement."))
    finding = only(site.lint(), "KLM002")
    assert (finding.span.line, finding.span.column) == (2, 17)
    assert "put the value in quotes" in finding.message


def test_yaml_unclosed_flow_list(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "tags: [a, b\ndraft: false"))
    finding = only(site.lint(), "KLM002")
    assert finding.span.line == 9
    assert "not closed with ]" in finding.message


def test_unterminated_block(site: SiteBuilder) -> None:
    site.post("---\ntitle: x\n\nBody without closing delimiter.\n")
    finding = only(site.lint(), "KLM002")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (1, 1, 4)
    assert "never closed" in finding.message


def test_only_delimiter(site: SiteBuilder) -> None:
    site.post("---")
    assert only(site.lint(), "KLM002").span.line == 1


def test_python_tag_is_rejected_and_not_run(site: SiteBuilder, tmp_path: object) -> None:
    marker = site.root / "pwned"
    site.post(
        GOOD_POST.replace(
            "draft: false", f"draft: !!python/object/apply:os.system ['touch {marker}']"
        )
    )
    finding = only(site.lint(), "KLM002")
    assert "!!python/object/apply:os.system" in finding.message
    assert (finding.span.line, finding.span.column) == (8, 8)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("front", "what"), [("- a\n- b\n", "a list"), ("just text\n", "a single value")]
)
def test_front_matter_that_is_not_a_mapping(site: SiteBuilder, front: str, what: str) -> None:
    site.post(f"---\n{front}---\n")
    finding = only(site.lint(), "KLM002")
    assert f"the front matter is {what}" in finding.message
    assert finding.span.line == 2


def test_unknown_front_matter_language(site: SiteBuilder) -> None:
    site.post("---coffee\ntitle = 'x'\n---\n")
    finding = only(site.lint(), "KLM002")
    assert "'coffee'" in finding.message


def test_toml_syntax_error(site: SiteBuilder) -> None:
    site.post(TOML_POST.replace('title = "Volunteer stories"', 'title = "Volunteer stories'))
    finding = only(site.lint(), "KLM002")
    assert finding.span.line == 2


def test_json_syntax_error(site: SiteBuilder) -> None:
    site.post(JSON_POST.replace('"draft": false', '"draft": false,'))
    finding = only(site.lint(), "KLM002")
    assert finding.span.line in (6, 7)


# KLM003 file-encoding


def test_latin1_reports_line_of_first_bad_byte(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("Abdullah Al Shifat", "Andr\u00e9").encode("latin-1"))
    finding = only(site.lint(), "KLM003")
    assert (finding.span.line, finding.span.column) == (5, 13)
    assert "0xE9" in finding.message


def test_utf16_is_named(site: SiteBuilder) -> None:
    site.post(codecs.BOM_UTF16_LE + GOOD_POST.encode("utf-16-le"))
    finding = only(site.lint(), "KLM003")
    assert "UTF-16" in finding.message


def test_utf16_without_bom(site: SiteBuilder) -> None:
    site.post(GOOD_POST.encode("utf-16-le"))
    finding = only(site.lint(), "KLM003")
    assert "UTF-16" in finding.message


@pytest.mark.parametrize("raw", [b"\r\x00\x00\x00\x00", b"\n" + bytes(range(256)) * 4])
def test_binary_data_whose_first_line_is_empty_is_marked_where_it_starts(
    site: SiteBuilder, raw: bytes
) -> None:
    site.post(raw)
    finding = only(site.lint(), "KLM003")
    assert "binary data, not text" in finding.message
    assert finding.span == Span(1, 1, 1, 1), "the first line has no character to cover"


def test_binary_data_is_marked_on_its_first_character(site: SiteBuilder) -> None:
    site.post(b"\x00\x01" + bytes(range(256)) * 4)
    finding = only(site.lint(), "KLM003")
    assert finding.span == Span(1, 1, 1, 2)


def test_nul_byte(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("Kids", "Ki\0ds"))
    finding = only(site.lint(), "KLM003")
    assert finding.span.line == 10


# Positions survive BOM, CRLF and lone CR; bodies may contain rules.


def test_bom_does_not_shift_positions(site: SiteBuilder) -> None:
    site.post(codecs.BOM_UTF8 + GOOD_POST.replace("draft: false", 'draft: "false"').encode())
    finding = only(site.lint(), "KLM104")
    assert (finding.span.line, finding.span.column) == (8, 8)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(site: SiteBuilder, newline: str) -> None:
    text = GOOD_POST.replace("draft: false", 'draft: "false"').replace("\n", newline)
    site.post(text)
    finding = only(site.lint(), "KLM104")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (8, 8, 15)


def test_mixed_line_endings_are_fine(site: SiteBuilder) -> None:
    lines = GOOD_POST.splitlines(keepends=True)
    site.post(
        "".join(line.replace("\n", "\r\n") if i % 2 else line for i, line in enumerate(lines))
    )
    assert site.lint() == []


def test_closing_delimiter_with_trailing_spaces(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false\n---\n", "draft: false\n---   \n"))
    assert site.lint() == []


def test_horizontal_rules_in_body(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "\n---\n\nMore text.\n\n---\ntitle: not front matter\n")
    assert site.lint() == []


# TOML and JSON front matter


def test_toml_post_passes(site: SiteBuilder) -> None:
    site.post(TOML_POST)
    assert site.lint() == []


def test_toml_positions(site: SiteBuilder) -> None:
    site.post(TOML_POST.replace("draft = false", 'draft = "false"'))
    finding = only(site.lint(), "KLM104")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (5, 9, 16)


def test_toml_nested_missing_key_points_at_table(site: SiteBuilder) -> None:
    site.post(TOML_POST.replace('name = "Sarah Rahman"\n', ""))
    finding = only(site.lint(), "KLM101")
    assert (finding.span.line, finding.span.column) == (7, 2)


def test_json_post_passes(site: SiteBuilder) -> None:
    site.post(JSON_POST)
    assert site.lint() == []


def test_bare_json_post_passes(site: SiteBuilder) -> None:
    site.post(BARE_JSON_POST)
    assert site.lint() == []


def test_json_positions(site: SiteBuilder) -> None:
    site.post(JSON_POST.replace('"date": "2024-01-31"', '"date": "31/01/2024"'))
    finding = only(site.lint(), "KLM103")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (5, 11, 23)


def test_mdx_file_is_linted(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: no"), name="post.mdx")
    only(site.lint(), "KLM104")


@pytest.mark.parametrize(
    ("text", "allowed", "found"),
    [
        ("\n---\ntitle: x\n---\nBody.\n", True, True),
        ("\n \t\n\r\n+++\ntitle = 'x'\n+++\n", True, True),
        ("\n---\ntitle: x\n---\nBody.\n", False, False),
        ("\n  ---\ntitle: x\n---\n", True, False),
        ("\n----\ntitle: x\n---\n", True, False),
        ("Text\n---\ntitle: x\n---\n", True, False),
    ],
)
def test_front_matter_after_blank_lines_where_the_generator_skips_them(
    text: str, allowed: bool, found: bool
) -> None:
    from pathlib import Path

    from klm_lint.load.document import Document, load_text

    doc = load_text(text.encode(), Path("p.md"), "p.md", "p.md", 10**6, after_blank_lines=allowed)
    assert isinstance(doc, Document)
    assert (doc.front_matter is not None) is found
    if found:
        assert doc.front_matter is not None
        assert doc.text[doc.front_matter.start : doc.front_matter.end].strip() in (
            "title: x",
            "title = 'x'",
        )


@pytest.mark.parametrize(
    "dialect", ["js-yaml-3", "js-yaml-4", "safe-yaml", "psych", "go-yaml", "serde-yaml"]
)
def test_the_yaml_dialect_reaches_the_reader(dialect: str) -> None:
    from pathlib import Path

    from klm_lint.load.document import Document, load_text

    doc = load_text(
        b"---\ntitle: x\n---\n",
        Path("p.md"),
        "p.md",
        "p.md",
        10**6,
        yaml_dialect=dialect,  # type: ignore[arg-type]
    )
    assert isinstance(doc, Document)
    assert doc.front_matter is not None
    assert doc.front_matter.root.keys() == ["title"]


def test_front_matter_the_generator_runs_as_code_is_not_read() -> None:
    from pathlib import Path

    from klm_lint.load.document import Document, load_text

    text = "---js\nlet title = 'Authors';\nlet permalink = '/authors/';\n---\nBody {{ title }}\n"
    doc = load_text(text.encode(), Path("p.md"), "p.md", "p.md", 10**6, code_languages=("js",))
    assert isinstance(doc, Document)
    assert doc.front_matter is None
    assert doc.body == "Body {{ title }}\n"


def test_code_front_matter_without_its_closing_line_is_reported() -> None:
    from pathlib import Path

    from klm_lint.load.document import LoadProblem, load_text

    text = "---js\nlet title = 'Authors';\n"
    problem = load_text(text.encode(), Path("p.md"), "p.md", "p.md", 10**6, code_languages=("js",))
    assert isinstance(problem, LoadProblem)
    assert (problem.code, problem.span.line, problem.span.column) == ("KLM002", 1, 1)
    assert "the js front matter is never closed" in problem.message
