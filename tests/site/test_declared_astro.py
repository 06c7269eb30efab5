"""Astro's generated schemas (`schema = "astro:blog"`): tests/site/declared/astro5 holds the
draft-07 form Astro 5 writes, astro6 the 2020-12 form of Astro 6."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.site.declared import read_declared
from tests.site.test_declared import fixture_site, lint_site, placed

if TYPE_CHECKING:
    from pathlib import Path

BLOG = (
    'content = ["src/content"]\n'
    '[collections.blog]\ninclude = ["src/content/blog/**"]\nschema = "astro:blog"\n'
)


@pytest.mark.parametrize("version", ["astro5", "astro6"])
def test_dates_are_dates_written_either_way_and_unknown_keys_are_allowed(
    tmp_path: Path, version: str
) -> None:
    root = fixture_site(tmp_path, version)
    declared = read_declared(root, "astro:blog", "collections.blog.schema")
    fields = declared.raw["fields"]
    assert declared.raw["unknown"] == "allow"
    assert fields["pubDate"] == {"type": "date-or-datetime", "required": True}
    assert fields["updatedDate"] == {"type": "date-or-datetime"}
    assert fields["draft"] == {"type": "boolean"}
    assert fields["tags"] == {"type": "list", "items": {"type": "string", "empty": True}}
    assert declared.include == ("src/content/blog/**",)
    assert declared.ignored == ()


def test_an_astro_5_post_is_checked_as_the_build_checks_it(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "astro5", BLOG)
    assert placed(lint_site(root, "src/content")) == [
        ("second-post.md", "KLM102", 2, 8),  # title: 42
        ("second-post.md", "KLM103", 3, 10),  # pubDate: July 8 2024
        ("second-post.md", "KLM107", 4, 11),  # category: newz
        ("second-post.md", "KLM102", 5, 7),  # tags: astro
    ]


def test_an_astro_6_post_is_checked_as_the_build_checks_it(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "astro6", BLOG)
    assert placed(lint_site(root, "src/content")) == [
        ("second-post.md", "KLM102", 2, 8),
        ("second-post.md", "KLM103", 3, 10),
        ("second-post.md", "KLM102", 5, 7),
    ]


def test_a_nullable_date_stays_nullable(tmp_path: Path) -> None:
    folder = tmp_path / ".astro" / "collections"
    folder.mkdir(parents=True)
    (folder / "events.schema.json").write_text(
        '{"type": "object", "properties": {"ends": {"anyOf": [{"type": "string", "format": '
        '"date-time"}, {"type": "string", "format": "date"}, {"type": "null"}]}}}'
    )
    declared = read_declared(tmp_path, "astro:events", "collections.events.schema")
    assert declared.raw["fields"]["ends"] == {"type": "date-or-datetime", "nullable": True}
    assert declared.include == ()
