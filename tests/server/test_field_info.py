"""The one adapter hover and completion read a schema through: the fields under a key path,
with their type, whether they are required, and the values they allow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.server.fields import FieldInfo, field_at, fields_under, hover_text
from klm_lint.workspace import Workspace

if TYPE_CHECKING:
    from klm_lint.site.schema import Schema
    from tests.conftest import SiteBuilder

CONFIG = """\
[schemas.post.fields.kind]
type = "enum"
values = ["camp", "fair"]
description = "What the event is."

[schemas.post.fields.labels]
type = "list"
items = { type = "enum", values = ["news", "report"] }

[schemas.post.fields.gallery]
type = "list"
items = { type = "object", fields = { src = "asset", caption = "string" } }
"""


def post_schema(site: SiteBuilder) -> Schema:
    site.config(CONFIG)
    collection = Workspace(site.root).site.collection_for("content/posts/post.md")
    assert collection is not None
    return collection.schema


def test_the_fields_under_a_key_path(site: SiteBuilder) -> None:
    schema = post_schema(site)
    top = {info.name: info for info in fields_under(schema, ())}
    assert list(top)[:3] == ["title", "description", "meta_title"]
    assert top["draft"] == FieldInfo(
        "draft",
        "boolean",
        True,
        ("true", "false"),
        "the site publishes posts that have no draft flag, so an unfinished post can go live",
        "true or false: true keeps the page unpublished",
    )
    assert top["kind"].values == ("camp", "fair") and not top["kind"].required
    assert top["kind"].described == "one of the allowed values. What the event is"
    assert top["labels"].values == ("news", "report")
    assert top["labels"].described == "a list of one of the allowed values"
    assert top["author"].is_mapping and not top["tags"].is_mapping
    assert top["tags"].described == "a list of text"
    assert [info.name for info in fields_under(schema, ("author",))] == ["name", "avatar"]
    assert [info.name for info in fields_under(schema, ("gallery",))] == ["src", "caption"]
    assert fields_under(schema, ("title",)) == [] and fields_under(schema, ("nope",)) == []
    assert field_at(schema, ("author", "avatar")) == fields_under(schema, ("author",))[1]
    assert field_at(schema, ("nope",)) is None and field_at(schema, ()) is None


def test_the_hover(site: SiteBuilder) -> None:
    schema = post_schema(site)
    draft = field_at(schema, ("draft",))
    assert draft is not None
    assert hover_text(draft, ("draft",), "posts") == (
        "**draft**: true or false: true keeps the page unpublished (required in posts)\n\n"
        "Allowed values: `true`, `false`\n\n"
        "When it is wrong: the site publishes posts that have no draft flag, so an unfinished "
        "post can go live."
    )
    name = field_at(schema, ("author", "name"))
    assert name is not None
    plain = hover_text(name, ("author", "name"), "posts", markdown=False)
    assert plain.startswith("author.name: text (required in posts)\n\nWhen it is wrong: ")
    kind = field_at(schema, ("kind",))
    assert kind is not None
    assert "\n\nAllowed values: `camp`, `fair`\n\n" in hover_text(kind, ("kind",), "posts")
