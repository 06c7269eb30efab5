"""The schema language: each feature on a failing and a passing input, with exact positions and
paths, and the five cases the schema-as-data work started from, rebuilt as fixtures."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.findings import Severity
from tests.conftest import GOOD_POST, only
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder

HOME = """\
---
title: Kids Lives Matter
meta_title: ""
layout: landing
testimonial:
  enable: true
  list:
    - name: Ayesha
      avatar: /images/user-img/01.png
    - name: Rafi
      avatar: /images/user-img/02.png
    - name: Nadia
      avatar: /images/user-img/03.png
    - name: Karim
      avatar: /images/user-img/04.jpg
---
Welcome.
"""

HOME_SCHEMA = """\
[schemas.home]
extends = "page"
unknown = "warning"

[schemas.home.fields.meta_title]
type = "string"
empty = "falls back to the title"

[schemas.home.fields.layout]
type = "enum"
values = ["default", "wide", "landing", "contact", "about"]

[schemas.home.fields.testimonial]
type = "object"
fields.enable = "boolean"

[schemas.home.fields.testimonial.fields.list]
type = "list"
max-items = 8
items.type = "object"
items.fields.name = { type = "string", required = true }
items.fields.avatar = "asset"

[collections.home]
include = ["content/_index.md"]
schema = "home"
"""


@pytest.fixture
def home(site: SiteBuilder) -> SiteBuilder:
    for number in range(1, 5):
        site.asset(f"images/user-img/0{number}.png")
    site.config(HOME_SCHEMA)
    return site


# The five cases


def test_the_home_page_needs_no_date_or_author_when_its_collection_says_so(
    site: SiteBuilder,
) -> None:
    site.config('[collections.posts]\ninclude = ["content/**"]\nexclude = []\n')
    site.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
    assert sorted(f.message.split(" ")[0] for f in site.lint()) == ["author", "date", "draft"]
    site.config(
        '[collections.home]\ninclude = ["content/_index.md"]\nschema = "home"\n'
        '[collections.posts]\ninclude = ["content/**"]\nexclude = []\n'
        '[schemas.home]\nextends = "post"\n'
        '[schemas.home.fields]\ndate = "date"\nauthor = "mapping"\ndraft = "boolean"\n'
    )
    assert site.lint() == []


def test_an_empty_meta_title_is_allowed_when_the_schema_says_why(home: SiteBuilder) -> None:
    home.write("content/_index.md", HOME.replace("04.jpg", "04.png"))
    assert home.lint() == []
    home.write("content/about.md", '---\ntitle: About\nmeta_title: ""\n---\nUs.\n')
    finding = only(home.lint(), "KLM106")
    assert finding.path == "content/about.md"


def test_an_asset_in_a_list_of_objects_is_checked_at_its_place(home: SiteBuilder) -> None:
    home.write("content/_index.md", HOME)
    finding = only(home.lint(), "KLM201")
    assert (finding.span.line, finding.span.column) == (15, 15)
    assert finding.message.startswith(
        "testimonial.list[3].avatar points to /images/user-img/04.jpg, but there is no such "
        "file in public/"
    )


def test_nested_fields_lists_of_objects_values_and_lengths(home: SiteBuilder) -> None:
    broken = HOME.replace("04.jpg", "04.png").replace("layout: landing", "layout: landnig")
    broken = broken.replace("    - name: Rafi\n", "    - nmae: Rafi\n")
    home.write("content/_index.md", broken)
    found = {(f.code, f.span.line, f.span.column): f.message for f in home.lint()}
    assert found.keys() == {("KLM107", 4, 9), ("KLM105", 10, 7), ("KLM101", 10, 7)}
    assert 'Did you mean "landing"?' in found[("KLM107", 4, 9)]
    assert found[("KLM105", 10, 7)].startswith(
        "nmae is not a field the site knows under testimonial.list[1] for home"
    )
    assert found[("KLM101", 10, 7)].startswith("testimonial.list[1].name is missing")


def test_files_in_no_collection_are_counted_and_an_empty_path_fails(site: SiteBuilder) -> None:
    post = GOOD_POST.replace("2022-04-04T05:00:00Z", "April 4th").replace("6.jpg", "gone.jpg")
    site.write("src/content/blog/post.md", post)
    result = klm_lint("src/content", "--format", "concise", cwd=site.root)
    assert result.returncode == 0
    assert result.stdout == (
        "Checked 1 file: all checks passed.\n"
        "1 file matched no collection: only the file checks ran on it (klm-lint --show-files "
        "lists each file's collection).\n"
    )
    (site.root / "empty").mkdir()
    (site.root / "empty" / "notes.txt").write_text("not content\n")
    result = klm_lint("empty", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == (
        "klm-lint: error: no content file in empty: klm-lint lints the files whose names "
        "match *.md, *.mdx, *.markdown (the config's include); name the files, or change "
        "include\n"
    )


# Types


@pytest.mark.parametrize(
    ("kind", "good", "bad", "code"),
    [
        ("string", "text", "5", "KLM102"),
        ("boolean", "true", "yes", "KLM102"),
        ("integer", "3", "3.5", "KLM102"),
        ("number", "3.5", "three", "KLM102"),
        ("date", "2024-01-31", "2024-01-31T09:00:00Z", "KLM103"),
        ("datetime", "2024-01-31T09:00:00Z", "2024-01-31", "KLM103"),
        ("date-or-datetime", "2024-01-31", "31/01/2024x", "KLM103"),
        ("url", "https://example.org/a", "example org", "KLM109"),
        ("email", "a@example.org", "a at example", "KLM109"),
        ("slug", "spring-2024", "Spring 2024", "KLM109"),
        ("any", "[1, {a: b}]", None, None),
    ],
)
def test_each_type(
    site: SiteBuilder, kind: str, good: str, bad: str | None, code: str | None
) -> None:
    site.config(f'[collections.posts.fields]\nextra = {{ type = "{kind}" }}\n')
    site.post(GOOD_POST.replace("draft: false", f"draft: false\nextra: {good}"))
    assert site.lint() == []
    if bad is not None:
        site.post(GOOD_POST.replace("draft: false", f"draft: false\nextra: {bad}"))
        finding = only(site.lint(), str(code))
        assert (finding.span.line, finding.span.column) == (9, 8)


def test_lists_maps_and_their_items(site: SiteBuilder) -> None:
    site.config(
        "[collections.posts.fields]\n"
        'sizes = { type = "list", items = "integer", min-items = 1, max-items = 2, '
        "unique = true }\n"
        'links = { type = "map", items = "url" }\n'
    )
    site.post(GOOD_POST.replace("draft: false", "draft: false\nsizes: [1, 2]\nlinks: {a: /x}"))
    assert site.lint() == []
    site.post(
        GOOD_POST.replace(
            "draft: false", "draft: false\nsizes: [1, 1, x]\nlinks:\n  home: /x\n  shop: not a url"
        )
    )
    found = sorted((f.code, f.span.line, f.span.column, f.message[:23]) for f in site.lint())
    assert found == [
        ("KLM102", 9, 15, 'sizes[2] is the text "x'),
        ("KLM108", 9, 8, "sizes has 3 items, more"),
        ("KLM108", 9, 12, "sizes[1] repeats the nu"),
        ("KLM109", 12, 9, 'links.shop is "not a ur'),
    ]


# Per field


def test_required_nullable_and_severity(site: SiteBuilder) -> None:
    site.config(
        "[collections.posts.fields]\n"
        'venue = { type = "string", required = true, nullable = true }\n'
        'summary = { type = "string", severity = "warning", max-length = 5 }\n'
    )
    site.post(GOOD_POST.replace("draft: false", "draft: false\nvenue:\nsummary: too long"))
    finding = only(site.lint(), "KLM108")
    assert finding.severity is Severity.WARNING
    site.post(GOOD_POST.replace("draft: false", 'draft: false\nvenue: ""'))
    assert [f.code for f in site.lint()] == ["KLM106"], "nullable allows null, not empty text"
    site.post(GOOD_POST)
    assert [f.message.split(" ")[0] for f in site.lint()] == ["venue"]


def test_length_bound_with_its_own_severity(site: SiteBuilder) -> None:
    site.config(
        "[schemas.post.fields.title]\n"
        'type = "string"\nrequired = true\nmax-length = { value = 10, severity = "warning" }\n'
    )
    site.post(GOOD_POST)
    finding = only(site.lint(), "KLM108")
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("title is 21 characters long, 11 more than the 10")
    site.post(GOOD_POST.replace("title: Community engagement.\n", ""))
    assert only(site.lint(), "KLM101").severity is Severity.ERROR


def test_pattern_runs_on_a_linear_engine(site: SiteBuilder) -> None:
    site.config(
        '[collections.posts.fields]\nisbn = { type = "string", pattern = "^97[89][0-9]{10}$" }\n'
    )
    site.post(GOOD_POST.replace("draft: false", "draft: false\nisbn: '9780306406157'"))
    assert site.lint() == []
    site.post(GOOD_POST.replace("draft: false", "draft: false\nisbn: '12345'"))
    assert "does not match the pattern ^97[89][0-9]{10}$" in only(site.lint(), "KLM109").message
    site.config('[collections.posts.fields]\nx = { type = "string", pattern = "(a+)+\\\\1" }\n')
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "RE2 syntax" in result.stderr


def test_a_hostile_pattern_cannot_hang_the_run(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nx = { type = "string", pattern = "^(a+)+$" }\n')
    site.post(GOOD_POST.replace("draft: false", f"draft: false\nx: {'a' * 50_000}b"))
    assert only(site.lint(), "KLM109").code == "KLM109"


def test_deprecated_names_its_replacement(site: SiteBuilder) -> None:
    site.config(
        '[collections.posts.fields]\nthumb = { type = "asset", deprecated = "use image" }\n'
    )
    site.post(GOOD_POST.replace("draft: false", "draft: false\nthumb: /images/post.jpg"))
    finding = only(site.lint(), "KLM110")
    assert (finding.span.line, finding.span.column, finding.severity) == (9, 1, Severity.WARNING)
    assert finding.message.startswith("thumb is deprecated: use image.")


def test_references_to_a_data_file(site: SiteBuilder) -> None:
    site.write("data/categories.yaml", "- Education\n- Health\n")
    site.config(
        "[collections.posts.fields]\n"
        'categories = { type = "list", items = { type = "string", '
        'ref = "data/categories.yaml" } }\n'
    )
    site.post(GOOD_POST.replace("draft: false", "draft: false\ncategories: [Education, Helth]"))
    finding = only(site.lint(), "KLM107")
    assert (finding.span.line, finding.span.column) == (9, 25)
    assert finding.message == (
        'categories[1] is "Helth", which data/categories.yaml does not list, so the site cannot '
        "list the post under its categories. Did you mean Health? Use a name "
        "data/categories.yaml lists, or add it there."
    )


# Per object


@pytest.mark.parametrize(
    ("unknown", "expected"),
    [
        ("error", [("KLM105", Severity.ERROR)]),
        ("warning", [("KLM105", Severity.WARNING)]),
        ("allow", []),
    ],
)
def test_unknown_keys(site: SiteBuilder, unknown: str, expected: list[object]) -> None:
    site.config(f'[schemas.post]\nunknown = "{unknown}"\n')
    site.post(GOOD_POST.replace("draft: false", "draft: false\nsubtitel: x"))
    assert [(f.code, f.severity) for f in site.lint()] == expected


def test_extends_and_schema_files(site: SiteBuilder) -> None:
    site.write(
        "schemas/event.toml",
        'extends = "page"\nunknown = "error"\n[fields.venue]\ntype = "string"\nrequired = true\n',
    )
    site.config(
        '[collections.events]\ninclude = ["content/events/**"]\nschema = "schemas/event.toml"\n'
    )
    site.write("content/events/fair.md", "---\ntitle: Book fair\nvenue: Hall\n---\nCome.\n")
    assert site.lint() == []
    site.write("content/events/fair.md", "---\ntitle: Book fair\nplace: Hall\n---\nCome.\n")
    assert sorted((f.code, f.severity) for f in site.lint()) == [
        ("KLM101", Severity.ERROR),
        ("KLM105", Severity.ERROR),
    ]


COLLECTION_X = '[collections.x]\ninclude = ["content/x/**"]\nschema = "a"\n'


@pytest.mark.parametrize(
    ("config", "says"),
    [
        (
            '[schemas.a]\nextends = "b"\n[schemas.b]\nextends = "a"\n' + COLLECTION_X,
            "extends goes round in a circle (a → b → a)",
        ),
        (
            '[schemas.a]\nfields.x = "strnig"\n' + COLLECTION_X,
            "did you mean 'string'?",
        ),
        (
            '[schemas.a]\nfields.x = { type = "string", items = "string" }\n' + COLLECTION_X,
            "only a field of type list or map has items",
        ),
        (
            '[schemas.a]\nfields.x = { type = "enum" }\n' + COLLECTION_X,
            "an enum needs its values",
        ),
    ],
)
def test_schemas_that_cannot_be_are_config_errors(
    site: SiteBuilder, config: str, says: str
) -> None:
    site.config(config)
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert says in result.stderr
