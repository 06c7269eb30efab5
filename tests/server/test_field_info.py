"""The one adapter hover and completion read a schema through: the fields under a key path,
with their kind, whether they are required, and the values they allow."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel

from klm_lint.config.model import CollectionConfig
from klm_lint.server.fields import FieldInfo, field_at, fields_under, hover_text
from klm_lint.site.schema import Schema


def post_schema(**config: object) -> Schema:
    return Schema.build(CollectionConfig.model_validate(config), "post")


def test_the_fields_under_a_key_path() -> None:
    schema = post_schema(required=["image"], fields={"featured": "boolean"})
    top = {info.name: info for info in fields_under(schema, ())}
    assert list(top)[:3] == ["title", "description", "meta_title"]
    assert top["draft"] == FieldInfo(
        "draft",
        "draft",
        True,
        ("true", "false"),
        "the site publishes posts that have no draft flag, so an unfinished post can go live",
    )
    assert top["image"].required and top["featured"].values == ("true", "false")
    assert top["author"].is_mapping and not top["tags"].is_mapping
    assert [info.name for info in fields_under(schema, ("author",))] == ["name", "avatar"]
    assert fields_under(schema, ("title",)) == []
    assert field_at(schema, ("author", "avatar")) == fields_under(schema, ("author",))[1]
    assert field_at(schema, ("nope",)) is None and field_at(schema, ()) is None


def test_values_a_literal_type_allows() -> None:
    class Event(BaseModel):
        kind: Literal["camp", "fair"]
        level: Optional[Literal[1, 2]] = None  # noqa: UP045 - the form schemas may use
        tags: list[Literal["news", "report"]] = []

    schema = Schema("event", Event)
    values = {info.name: info.values for info in fields_under(schema, ())}
    assert values == {"kind": ("camp", "fair"), "level": ("1", "2"), "tags": ("news", "report")}


def test_the_hover() -> None:
    schema = post_schema()
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
