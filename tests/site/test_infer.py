"""Inferring a schema from a collection's front matter (`klm-lint init`): only what every file
agrees on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.load.document import Document, load_text
from klm_lint.site.infer import infer
from klm_lint.site.site import Site

if TYPE_CHECKING:
    from klm_lint.load.nodes import Mapping
    from klm_lint.site.infer import Inferred

FOUND = {"/images/a.jpg", "/images/b.jpg", "/images/c.jpg"}


def resolve(value: str) -> str | None:
    if value.startswith("http"):
        return None
    if not value.startswith("/"):
        return "invalid"
    return "found" if value in FOUND else "missing"


def front_matter(text: str) -> Mapping:
    loaded = load_text(f"---\n{text}---\n".encode(), Path("x.md"), "x.md", "x.md", 1 << 20)
    assert isinstance(loaded, Document)
    assert loaded.front_matter is not None
    return loaded.front_matter.root


def inferred(*texts: str, schema: str = "page") -> Inferred:
    site = Site(Path("."), Config.model_construct())
    base = site.schemas.get(schema, "test")
    roots = [(f"content/{index}.md", front_matter(text)) for index, text in enumerate(texts)]
    return infer(roots, base, site.schemas.raw(schema), resolve)


def test_types_that_every_file_agrees_on() -> None:
    found = inferred(
        "flag: true\ncount: 3\nratio: 1\nwhen: 2024-01-01\nlink: https://a.org\nmail: a@b.org\n",
        "flag: false\ncount: 4\nratio: 1.5\nwhen: '2024-01-02T10:00:00Z'\nlink: http://b.org/x\n",
    )
    assert found.fields == {
        "flag": {"type": "boolean"},
        "count": {"type": "integer"},
        "ratio": {"type": "number"},
        "when": {"type": "date-or-datetime"},
        "link": {"type": "url"},
        "mail": {"type": "email"},
    }
    assert found.notes[("flag",)] == "in every file"
    assert found.notes[("mail",)] == "in 1 of 2 files"


def test_files_that_disagree_allow_any_value_and_the_note_names_the_odd_ones() -> None:
    found = inferred(*(["weight: 1\n"] * 4), "weight: heavy\n", "weight: [1]\n")
    assert found.fields["weight"] == {"type": "any", "required": True}
    assert found.notes[("weight",)] == (
        "in every file; the files disagree (a whole number in 4 files; a list in content/5.md; "
        "text in content/4.md), so any value is allowed"
    )


def test_required_only_when_every_file_has_it_filled_and_there_are_enough_files() -> None:
    five = inferred(*[f"kind: k{n}\nsub: x\nnote: ''\n" for n in range(5)])
    assert five.fields["kind"] == {"type": "string", "required": True}
    assert five.fields["note"] == {"type": "any"}
    four = inferred(*[f"kind: k{n}\n" for n in range(4)])
    assert four.fields["kind"] == {"type": "string"}
    gap = inferred(*[f"kind: k{n}\n" for n in range(5)], "other: 1\n")
    assert "required" not in gap.fields["kind"]


def test_empty_and_null_values_are_allowed_where_files_write_them() -> None:
    found = inferred(*["subtitle: x\n"] * 5, "subtitle: ''\n", "subtitle:\n")
    assert found.fields["subtitle"] == {"type": "string", "nullable": True, "empty": True}


def test_an_enum_needs_short_values_that_repeat_in_many_files() -> None:
    found = inferred(*[f"lang: {lang}\n" for lang in ["en", "fr", "en", "fr", "en", "de", "de"]])
    assert found.fields["lang"] == {"type": "enum", "values": ["en", "de", "fr"], "required": True}
    once = inferred(*[f"lang: {lang}\n" for lang in ["en", "fr", "en", "fr", "en", "de"]])
    assert once.fields["lang"]["type"] == "string"
    few = inferred(*["lang: en\n", "lang: fr\n"] * 2)
    assert few.fields["lang"]["type"] == "string"
    words = inferred(*["author: Jane Doe\n", "author: Ama Mensah\n"] * 4)
    assert words.fields["author"]["type"] == "string"
    many = inferred(*[f"slot: s{n % 7}\n" for n in range(14)])
    assert many.fields["slot"]["type"] == "string"


def test_assets_when_most_paths_are_files_of_the_static_folders() -> None:
    found = inferred(
        "cover: /images/a.jpg\nicon: ./a.png\nlogo: /images/a.jpg\n",
        "cover: /images/b.jpg\nicon: ./b.png\nlogo: /images/missing.png\n",
        "cover: /images/gone.jpg\nlogo: /images/gone.png\n",
    )
    assert found.fields["cover"] == {"type": "asset"}
    assert found.fields["icon"] == {"type": "string"}
    assert found.fields["logo"] == {"type": "string"}


def test_nested_objects_and_lists_of_objects() -> None:
    item = "  - src: /images/a.jpg\n    caption: A\n  - src: /images/b.jpg\n"
    found = inferred(*[f"hero:\n  title: T\n  size: {n}\ngallery:\n{item}" for n in range(3)])
    assert found.fields["hero"] == {
        "type": "object",
        "fields": {"title": {"type": "string"}, "size": {"type": "integer"}},
    }
    assert found.fields["gallery"] == {
        "type": "list",
        "items": {
            "type": "object",
            "fields": {"src": {"type": "asset", "required": True}, "caption": {"type": "string"}},
        },
    }


def test_the_schemas_own_fields_keep_their_definition_and_gain_what_files_add() -> None:
    posts = [
        "title: T\ndate: 2024-01-01\ndraft: false\nimage: /images/a.jpg\n"
        f"author:\n  name: N\n  avatar: /images/b.jpg\n  site: https://n.org\nrank: {n}\n"
        for n in range(5)
    ]
    found = inferred(*posts, schema="post")
    assert set(found.fields) == {"author", "rank"}
    author = found.fields["author"]
    assert author["impact"] == "the post shows no byline"
    assert author["fields"]["name"]["required"] is True
    assert author["fields"]["site"] == {"type": "url", "required": True}
    assert found.required == ["image", "author.avatar"]


def test_nothing_is_written_when_the_schema_knows_it_all() -> None:
    posts = ["title: T\ndate: 2024-01-01\ndraft: false\nauthor:\n  name: N\n"] * 5
    found = inferred(*posts, schema="post")
    assert found.fields == {}
    assert found.required == []
    assert found.files == 5
