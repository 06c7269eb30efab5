"""Front Matter CMS content types (`schema = "frontmatter:post"`): tests/site/declared/
frontmatter is a Hugo-shaped site with `frontmatter.json`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from klm_lint.site.declared import read_declared
from tests.site.test_declared import fixture_site, lint_site, placed

if TYPE_CHECKING:
    from pathlib import Path

POSTS = '[collections.posts]\nschema = "frontmatter:post"\n'


def test_the_content_type_becomes_the_schema_language(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "frontmatter")
    declared = read_declared(root, "frontmatter:post", "collections.posts.schema")
    fields = declared.raw["fields"]
    assert fields["title"] == {"type": "string", "required": True}
    assert fields["date"] == {"type": "date-or-datetime", "empty": True}
    assert fields["preview"] == {"type": "asset", "empty": True}
    assert fields["draft"] == {"type": "boolean", "role": "draft", "empty": True}
    assert fields["tags"] == {"type": "list", "items": {"type": "string"}, "empty": True}
    assert fields["level"] == {"type": "enum", "values": ["beginner", "expert"], "empty": True}
    assert fields["minutes"] == {"type": "integer", "empty": True}
    assert "divider" not in fields
    assert fields["event"]["fields"]["place"] == {"type": "string", "required": True}
    assert fields["quotes"]["items"]["fields"] == {
        "text": {"type": "string", "required": True},
        "author": {"type": "string", "empty": True},
        "fieldGroup": {"type": "enum", "values": ["quote"]},
    }
    assert fields["canonical"] == {"type": "string", "empty": True}  # the seo field collection
    assert fields["noindex"] == {"type": "boolean", "empty": True}
    assert fields["fmContentType"] == {"type": "string"}
    assert fields["type"] == {"type": "string"}
    assert declared.include == ("content/posts/**",)


def test_a_post_is_checked_against_its_content_type(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "frontmatter", POSTS)
    assert placed(lint_site(root)) == [
        ("rain.md", "KLM201", 4, 10),  # preview: /uploads/rain.png
        ("rain.md", "KLM104", 5, 8),  # draft: no
        ("rain.md", "KLM107", 6, 8),  # level: master
        ("rain.md", "KLM102", 7, 10),  # minutes: 4.5
        ("rain.md", "KLM101", 8, 1),  # event.place
        ("rain.md", "KLM101", 11, 5),  # quotes[0].text
    ]


def test_the_default_content_type_is_the_cms_own_unless_the_config_has_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "frontmatter.json").write_text("{}")
    declared = read_declared(tmp_path, "frontmatter:default", "collections.posts.schema")
    assert list(declared.raw["fields"]) == [
        "title",
        "description",
        "date",
        "preview",
        "draft",
        "tags",
        "categories",
        "fmContentType",
        "type",
    ]
    assert declared.what == "the Front Matter CMS default content type"


def test_dates_in_a_format_of_the_sites_own_are_text_and_choices_may_drive_the_draft(
    tmp_path: Path,
) -> None:
    (tmp_path / "cms").mkdir()
    (tmp_path / "cms" / "fm.json").write_text(
        json.dumps(
            {
                "frontMatter.content.draftField": {
                    "name": "status",
                    "type": "choice",
                    "choices": ["draft", "in progress", "published"],
                },
                "frontMatter.taxonomy.contentTypes": [
                    {
                        "name": "note",
                        "fields": [
                            {"name": "day", "type": "datetime", "dateFormat": "dd/MM/yyyy"},
                            {"name": "status", "type": "draft"},
                            {"name": "pictures", "type": "image", "multiple": True},
                            {"name": "refs", "type": "contentRelationship", "multiple": True},
                            {
                                "name": "ratio",
                                "type": "number",
                                "numberOptions": {"isDecimal": True},
                            },
                            {"name": "data", "type": "json"},
                            {"name": "blocks", "type": "block", "fieldGroup": ["a", "b"]},
                            {"name": "stars", "type": "rating"},
                        ],
                    }
                ],
                "frontMatter.taxonomy.fieldGroups": [
                    {"id": "a", "fields": [{"name": "x", "type": "string"}]},
                ],
            }
        )
    )
    declared = read_declared(tmp_path, "frontmatter:cms/fm.json#note", "collections.notes.schema")
    fields = declared.raw["fields"]
    assert declared.reference == "frontmatter:cms/fm.json#note"
    assert fields["day"]["type"] == "string"
    assert fields["status"]["values"] == ["draft", "in progress", "published"]
    assert fields["pictures"]["items"] == {"type": "asset"}
    assert fields["refs"]["items"] == {"type": "string"}
    assert fields["ratio"]["type"] == "number"
    assert fields["data"]["type"] == "any"
    assert fields["blocks"]["items"] == {"type": "object", "fields": {}, "unknown": "allow"}
    assert declared.ignored == (
        "field group b (not in frontMatter.taxonomy.fieldGroups)",
        "type rating",
    )


def test_field_groups_that_include_each_other_are_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "frontmatter.json").write_text(
        json.dumps(
            {
                "frontMatter.taxonomy.contentTypes": [
                    {
                        "name": "loop",
                        "fields": [{"name": "a", "type": "fieldCollection", "fieldGroup": "g"}],
                    }
                ],
                "frontMatter.taxonomy.fieldGroups": [
                    {
                        "id": "g",
                        "fields": [{"name": "b", "type": "fieldCollection", "fieldGroup": "g"}],
                    }
                ],
            }
        )
    )
    with pytest.raises(ConfigError, match="field groups include each other"):
        read_declared(tmp_path, "frontmatter:loop", "collections.loop.schema")
