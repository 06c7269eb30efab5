"""Sitepins schemas (`schema = "sitepins:posts"`): tests/site/declared/sitepins is shaped like
the KLM theme, with `.sitepins/config.json` and `.sitepins/schema/posts.json`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from klm_lint.site.declared import read_declared
from tests.site.test_declared import fixture_site, lint_site, placed

if TYPE_CHECKING:
    from pathlib import Path

POSTS = '[collections.posts]\nschema = "sitepins:posts"\n'


def test_the_template_becomes_the_schema_language(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "sitepins")
    declared = read_declared(root, "sitepins:posts", "collections.posts.schema")
    fields = declared.raw["fields"]
    assert declared.raw["unknown"] == "warning"
    assert list(fields) == [
        "title",
        "meta_title",
        "description",
        "date",
        "image",
        "type",
        "categories",
        "author",
        "sponsors",
        "photos",
        "weight",
        "draft",
    ]
    assert fields["title"] == {"type": "string", "required": True}
    assert fields["meta_title"] == {"type": "string", "empty": True}
    assert fields["description"] == {"type": "string", "empty": True}
    assert fields["date"] == {"type": "date-or-datetime", "empty": True}
    assert fields["image"] == {"type": "asset", "empty": True}
    assert fields["type"] == {
        "type": "enum",
        "values": ["story", "report", "update"],
        "empty": True,
    }
    assert fields["categories"] == {"type": "list", "items": {"type": "string"}, "empty": True}
    assert fields["author"]["fields"] == {
        "name": {"type": "string", "required": True},
        "avatar": {"type": "asset", "empty": True},
    }
    assert fields["sponsors"]["items"]["fields"]["logo"] == {"type": "asset", "empty": True}
    assert fields["photos"] == {"type": "list", "items": {"type": "asset"}, "empty": True}
    assert fields["weight"] == {"type": "number", "empty": True}
    assert fields["draft"] == {"type": "boolean", "role": "draft", "empty": True}
    assert declared.include == ("content/posts/**",)
    assert declared.file == ".sitepins/schema/posts.json"


def test_a_post_is_checked_against_its_sitepins_schema(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "sitepins", POSTS)
    assert placed(lint_site(root)) == [
        ("fair.md", "KLM106", 2, 8),  # title: "" (isRequired)
        ("fair.md", "KLM201", 4, 8),  # image: /images/fair.jpg
        ("fair.md", "KLM107", 5, 7),  # type: storey
        ("fair.md", "KLM102", 6, 13),  # categories: Music
        ("fair.md", "KLM101", 7, 1),  # author.name
        ("fair.md", "KLM102", 9, 9),  # weight: heavy
        ("fair.md", "KLM104", 10, 8),  # draft: "false"
    ]


def test_nested_schemas_and_dotted_names(tmp_path: Path) -> None:
    folder = tmp_path / ".sitepins" / "schema" / "docs"
    folder.mkdir(parents=True)
    (folder / "guides.json").write_text(
        json.dumps(
            {
                "name": "docs/guides",
                "template": [
                    {"name": "hero", "type": "object", "fields": []},
                    {
                        "name": "hero.title",
                        "type": "object",
                        "fields": [{"name": "hero.title.text", "type": "string"}],
                    },
                    {"name": "steps", "type": "list"},
                    {"name": "tint", "type": "color"},
                    {
                        "name": "level",
                        "type": "string",
                        "isDropdown": True,
                        "options": ["a"],
                        "referenceType": "folder",
                        "referencePath": "content/levels",
                    },
                    {"name": "skills", "type": "Array", "isDropdown": True, "options": ["x", "y"]},
                    {"name": "rating", "type": "stars"},
                ],
            }
        )
    )
    declared = read_declared(tmp_path, "sitepins:docs/guides", "collections.docs.schema")
    fields = declared.raw["fields"]
    assert fields["hero"] == {"type": "object", "unknown": "allow", "empty": True}
    assert fields["title"]["fields"] == {"text": {"type": "string", "empty": True}}
    assert fields["steps"] == {"type": "list", "empty": True}
    assert fields["tint"] == {"type": "string", "empty": True}
    assert fields["level"] == {"type": "string", "empty": True}
    assert fields["skills"]["items"] == {"type": "enum", "values": ["x", "y"]}
    assert fields["rating"] == {"type": "any", "empty": True}
    assert declared.ignored == ("type stars",)
    assert declared.include == ()


def test_a_schema_that_does_not_exist_names_those_that_do(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "sitepins")
    with pytest.raises(ConfigError) as raised:
        read_declared(root, "sitepins:post", "collections.posts.schema")
    assert raised.value.message == (
        "collections.posts.schema: .sitepins/schema/ declares no 'post' (did you mean "
        "sitepins:posts?); it declares sitepins:posts"
    )


def test_a_field_without_a_name_is_a_config_error(tmp_path: Path) -> None:
    folder = tmp_path / ".sitepins" / "schema"
    folder.mkdir(parents=True)
    (folder / "posts.json").write_text('{"template": [{"type": "string"}]}')
    with pytest.raises(ConfigError) as raised:
        read_declared(tmp_path, "sitepins:posts", "collections.posts.schema")
    assert raised.value.message == (
        ".sitepins/schema/posts.json: template[0] is not a field (an object with a name and a type)"
    )
