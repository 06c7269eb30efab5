"""Decap CMS collections (`schema = "decap:blog"`): tests/site/declared/decap is a Hugo-shaped
site with `static/admin/config.yml`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from klm_lint.site.declared import read_declared
from tests.site.test_declared import fixture_site, lint_site, placed

if TYPE_CHECKING:
    from pathlib import Path

BLOG = (
    '[collections.blog]\ninclude = ["content/blog/**"]\nexclude = ["_*"]\nschema = "decap:blog"\n'
)


def test_the_fields_become_the_schema_language(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "decap")
    declared = read_declared(root, "decap:blog", "collections.blog.schema")
    fields = declared.raw["fields"]
    assert declared.raw["unknown"] == "warning"
    assert "body" not in fields
    assert fields["title"] == {"type": "string", "required": True}
    assert fields["date"] == {"type": "date-or-datetime", "required": True}
    assert fields["description"] == {"type": "string", "empty": True}
    assert fields["thumbnail"] == {"type": "asset", "empty": True}
    assert fields["draft"] == {"type": "boolean", "role": "draft", "required": True}
    assert fields["category"] == {
        "type": "enum",
        "values": ["news", "events", "howto"],
        "required": True,
    }
    assert fields["tags"] == {"type": "list", "items": {"type": "string"}, "empty": True}
    assert fields["author"]["fields"]["email"] == {
        "type": "string",
        "pattern": "^[^@ ]+@[^@ ]+$",
        "description": "Must be an email address",
        "empty": True,
    }
    assert fields["gallery"]["items"]["fields"]["image"] == {"type": "asset", "required": True}
    assert fields["rating"] == {"type": "number", "empty": True}
    assert declared.include == ("content/blog/*.md",)


def test_a_post_is_checked_as_decap_checks_an_entry(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "decap", BLOG)
    assert placed(lint_site(root)) == [
        ("2024-03-08-spring-fair.md", "KLM101", 1, 1),  # title: required by default
        ("2024-03-08-spring-fair.md", "KLM107", 4, 11),  # category: newz
        ("2024-03-08-spring-fair.md", "KLM106", 6, 9),  # author.name: ""
        ("2024-03-08-spring-fair.md", "KLM109", 7, 10),  # author.email: the pattern
        ("2024-03-08-spring-fair.md", "KLM101", 9, 5),  # gallery[0].image
    ]


def test_the_config_file_may_be_named(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "decap")
    (root / "static" / "admin" / "config.yml").rename(root / "cms.yml")
    declared = read_declared(root, "decap:cms.yml#blog", "collections.blog.schema")
    assert declared.reference == "decap:cms.yml#blog"
    assert declared.file == "cms.yml"
    with pytest.raises(ConfigError, match=r"no Decap CMS config in static/admin/config\.yml"):
        read_declared(root, "decap:blog", "collections.blog.schema")


def test_a_files_collection_is_not_a_schema_of_a_folder(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "decap")
    with pytest.raises(ConfigError) as raised:
        read_declared(root, "decap:pages", "collections.pages.schema")
    assert raised.value.message == (
        "static/admin/config.yml: the collection pages lists single files (files:), not a "
        "folder of entries; klm-lint reads the schemas of folder collections"
    )


def write_config(root: Path, text: str) -> None:
    (root / "admin").mkdir(parents=True, exist_ok=True)
    (root / "admin" / "config.yml").write_text(text, encoding="utf-8")


def test_widgets_of_every_kind(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        """\
media_folder: images
public_folder: images
collections:
  - name: notes
    folder: _notes
    extension: markdown
    nested: { depth: 3 }
    fields:
      - { name: count, widget: number }
      - { name: when, widget: datetime, date_format: "DD.MM.YYYY", time_format: false }
      - { name: day, widget: datetime, date_format: "YYYY-MM-DD", time_format: false }
      - { name: stamp, widget: datetime, format: "YYYY-MM-DD HH:mm" }
      - { name: shown, widget: datetime, format: "MMM D, YYYY" }
      - { name: cover, widget: image }
      - { name: logo, widget: image, public_folder: /logos }
      - { name: files, widget: file, multiple: true, min: 1, max: 3 }
      - { name: moods, widget: select, multiple: true, options: [1, 2.5, {label: x, value: y}] }
      - { name: related, widget: relation, collection: notes, multiple: true }
      - { name: place, widget: map }
      - { name: meta, widget: hidden, default: x }
      - { name: snippet, widget: code }
      - { name: keys, widget: list, field: { name: key, widget: number } }
      - name: blocks
        widget: list
        types:
          - { name: quote, widget: object, fields: [{ name: text, widget: string }] }
          - { name: image, widget: object, fields: [{ name: src, widget: image }] }
      - { name: words, widget: list, max: 4 }
      - { name: loose, widget: object }
      - { name: slug, widget: string, pattern: ['(?<=a)b', "look-behind"] }
""",
    )
    declared = read_declared(tmp_path, "decap:notes", "collections.notes.schema")
    fields = declared.raw["fields"]
    assert fields["count"]["type"] == "integer"
    assert fields["when"]["type"] == "string"
    assert fields["day"]["type"] == "date-or-datetime"
    assert fields["stamp"]["type"] == "date-or-datetime"
    assert fields["shown"]["type"] == "string"
    assert fields["cover"]["type"] == "string"  # public_folder images: relative to the entry
    assert fields["logo"]["type"] == "asset"
    assert fields["files"] == {
        "type": "list",
        "items": {"type": "string"},
        "min-items": 1,
        "max-items": 3,
        "required": True,
    }
    assert fields["moods"]["items"] == {"type": "enum", "values": [1, 2.5, "y"]}
    assert fields["related"]["items"] == {"type": "string"}
    assert fields["place"]["type"] == "string"
    assert fields["meta"]["type"] == "any"
    assert fields["snippet"]["type"] == "any"
    assert fields["keys"]["items"] == {"type": "integer"}
    assert fields["blocks"]["items"] == {
        "type": "object",
        "fields": {"type": {"type": "enum", "values": ["quote", "image"], "required": True}},
        "unknown": "allow",
    }
    assert fields["words"] == {
        "type": "list",
        "items": {"type": "string"},
        "max-items": 4,
        "required": True,
        "min-items": 1,
    }
    assert fields["loose"] == {"type": "object", "unknown": "allow", "required": True}
    assert "pattern" not in fields["slug"]
    assert declared.ignored == ("the pattern of slug (not RE2 syntax)",)
    assert declared.include == ("_notes/**/*.markdown",)


def test_a_filtered_collection_has_no_folder_of_its_own(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        "collections:\n"
        "  - name: news\n"
        "    folder: content/posts\n"
        "    filter: { field: kind, value: news }\n"
        "    fields: [{ name: title, widget: string }]\n",
    )
    declared = read_declared(tmp_path, "decap:news", "collections.news.schema")
    assert declared.include == ()
    assert declared.ignored == ("filter (klm-lint applies the schema to every file of the folder)",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("collections: {}\n", "not a Decap CMS config"),
        ("collections: [blog]\n", "collections[0] is not a collection with a name"),
        ("collections: [{name: blog, folder: x}]\n", "the collection blog has no fields list"),
        (
            "collections: [{name: blog, folder: x, fields: [{widget: string}]}]\n",
            "collection blog, field 1 has no name",
        ),
        (
            "collections: [{name: blog, folder: x, fields: [{name: a, widget: select}]}]\n",
            "field a is a select without an options list",
        ),
    ],
)
def test_a_config_that_is_not_decaps_is_a_config_error(
    tmp_path: Path, text: str, message: str
) -> None:
    write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        read_declared(tmp_path, "decap:blog", "collections.blog.schema")
