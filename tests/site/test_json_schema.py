"""Schemas to and from JSON Schema: what `klm-lint schema` prints validates real front matter
and configs with a real JSON Schema validator, and a site's own JSON Schema becomes a schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema
import pytest

from tests.conftest import GOOD_POST, only
from tests.test_cli import klm_lint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder

ROOT = Path(__file__).resolve().parents[2]


def printed(site: SiteBuilder, *arguments: str) -> dict[str, object]:
    result = klm_lint("schema", *arguments, cwd=site.root)
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def test_a_collection_schema_validates_front_matter_as_the_linter_does(site: SiteBuilder) -> None:
    document = printed(site, "posts")
    validator = jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    good = {
        "title": "Community engagement.",
        "author": {"name": "Abdullah Al Shifat", "avatar": "/images/author/abdullah.jpg"},
        "date": "2022-04-04",
        "draft": False,
        "tags": ["a", "b"],
        "categories": None,
    }
    assert list(validator.iter_errors(good)) == []
    for broken in (
        {**good, "title": 5},
        {key: value for key, value in good.items() if key != "date"},
        {**good, "subtitel": "x"},
        {**good, "author": "Jane"},
        {**good, "description": ""},
        {**good, "tags": [1]},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_enum_pattern_lengths_and_nesting_are_written(home_site: SiteBuilder) -> None:
    document = printed(home_site, "home")
    properties = document["properties"]
    assert isinstance(properties, dict)
    assert properties["layout"] == {"enum": ["default", "wide", "landing"]}
    listed = unwrap(unwrap(properties["testimonial"])["properties"]["list"])
    assert listed["maxItems"] == 8
    assert unwrap(listed["items"])["required"] == ["name"]
    validator = jsonschema.Draft202012Validator(document)
    assert list(validator.iter_errors({"title": "Home", "layout": "wide", "meta_title": ""})) == []
    assert list(validator.iter_errors({"title": "Home", "layout": "landnig"}))


def unwrap(written: dict[str, object]) -> dict[str, object]:
    """An optional field's schema without its `null` branch."""
    options = written.get("anyOf")
    if isinstance(options, list) and options[-1] == {"type": "null"}:
        first: dict[str, object] = options[0]
        return first
    return written


@pytest.fixture
def home_site(site: SiteBuilder) -> SiteBuilder:
    site.config(
        '[schemas.home]\nextends = "page"\n'
        '[schemas.home.fields.meta_title]\ntype = "string"\nempty = "falls back to the title"\n'
        '[schemas.home.fields.layout]\ntype = "enum"\nvalues = ["default", "wide", "landing"]\n'
        '[schemas.home.fields.testimonial]\ntype = "object"\n'
        'fields.list = { type = "list", max-items = 8, items = { type = "object", fields = '
        '{ name = { type = "string", required = true } } } }\n'
        '[collections.home]\ninclude = ["content/_index.md"]\nschema = "home"\n'
    )
    return site


@pytest.mark.parametrize(
    "config",
    [ROOT / "examples" / "broken" / "klm-lint.toml", "README"],
)
def test_the_config_schema_validates_real_configs(site: SiteBuilder, config: Path | str) -> None:
    document = printed(site, "--config")
    if config == "README":
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        text = "#" + readme.split("```toml\n#", 1)[1].split("```", 1)[0]
    else:
        assert isinstance(config, Path)
        text = config.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    jsonschema.Draft202012Validator(document).validate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(document).validate({**data, "mdx": "no"})


def test_unknown_collection_and_both_choices_are_usage_errors(site: SiteBuilder) -> None:
    result = klm_lint("schema", "psots", cwd=site.root)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "did you mean posts?" in result.stderr
    assert klm_lint("schema", "posts", "--config", cwd=site.root).returncode == 2


def test_a_json_schema_file_is_a_collection_schema(site: SiteBuilder) -> None:
    site.write(
        "schemas/event.schema.json",
        json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "required": ["title", "when"],
                "additionalProperties": False,
                "properties": {
                    "title": {"type": "string", "maxLength": 40},
                    "when": {"type": "string", "format": "date-time"},
                    "poster": {"$ref": "#/$defs/image"},
                    "kind": {"enum": ["fair", "camp"]},
                    "seats": {"type": ["integer", "null"]},
                },
                "$defs": {"image": {"type": "string", "description": "An image."}},
                "if": {"required": ["seats"]},
                "then": {"required": ["kind"]},
            }
        ),
    )
    site.config(
        '[collections.events]\ninclude = ["content/events/**"]\n'
        'schema = "schemas/event.schema.json"\n'
    )
    site.write(
        "content/events/fair.md",
        "---\ntitle: Book fair\nwhen: 2024-05-01T10:00:00Z\nkind: fair\nseats:\n---\nCome.\n",
    )
    assert site.lint() == []
    site.write("content/events/fair.md", "---\ntitle: Book fair\nkind: fiar\nplace: x\n---\n")
    assert sorted(f.code for f in site.lint()) == ["KLM101", "KLM105", "KLM107"]
    settings = klm_lint("--show-settings", cwd=site.root).stdout
    line = next(
        line for line in settings.splitlines() if line.startswith("collections.events.schema")
    )
    assert "schemas/event.schema.json (ignored: if, then)" in line


def test_a_json_schema_that_describes_no_object_is_a_config_error(site: SiteBuilder) -> None:
    site.write("schemas/list.json", json.dumps({"type": "array"}))
    site.config('[collections.posts]\nschema = "schemas/list.json"\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "does not describe an object of keys" in result.stderr


@pytest.mark.parametrize(
    ("schema", "says"),
    [
        (
            {"type": "object", "required": True},
            "the root schema: required is not a list of key names",
        ),
        (
            {"type": "object", "properties": {"a": {"properties": ["b"]}}},
            "a: properties is not an object of keys and their schemas",
        ),
        ({"type": "object", "properties": {"a": {"enum": "b"}}}, "a: enum is not a list of values"),
    ],
)
def test_a_json_schema_keyword_of_the_wrong_shape_is_a_one_line_config_error(
    site: SiteBuilder, schema: dict[str, object], says: str
) -> None:
    site.write("schemas/post.json", json.dumps(schema))
    site.config('[collections.posts]\nschema = "schemas/post.json"\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == f"klm-lint: error: schemas/post.json: {says}\n"


def test_a_field_that_json_schema_calls_deprecated_is_klm110(site: SiteBuilder) -> None:
    site.write(
        "schemas/post.json",
        json.dumps(
            {"type": "object", "properties": {"title": {"type": "string", "deprecated": True}}}
        ),
    )
    site.config('[collections.posts]\nschema = "schemas/post.json"\n')
    site.post("---\ntitle: Old\n---\nText.\n")
    assert only(site.lint(), "KLM110").span.line == 2
