"""Schemas a site already declares (`schema = "KIND:NAME"`): what every source shares. The
sources' own tests (test_declared_*.py) use the small sites in tests/site/declared/, each in
its CMS's or generator's real shape."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.api import LintOptions, lint, settings
from klm_lint.errors import ConfigError
from klm_lint.site.declared import find_declared, is_declared, read_declared
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.findings import Finding

FIXTURES = Path(__file__).parent / "declared"


def fixture_site(tmp_path: Path, name: str, config: str = "") -> Path:
    """A copy of a fixture site, with this klm-lint.toml (none when empty)."""
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    if config:
        (root / "klm-lint.toml").write_text(config, encoding="utf-8")
    return root


def lint_site(root: Path, folder: str = "content") -> list[Finding]:
    previous = os.getcwd()
    os.chdir(root)
    try:
        return lint([root / folder], LintOptions(select=["ALL"])).findings
    finally:
        os.chdir(previous)


def placed(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    """Each finding's file name, code, line and column."""
    return [(f.path.rsplit("/", 1)[-1], f.code, f.span.line, f.span.column) for f in findings]


def test_a_declared_name_is_a_known_source_a_colon_and_a_name() -> None:
    assert is_declared("decap:blog")
    assert is_declared("decap:cms/config.yml#blog")
    assert not is_declared("decap:")
    assert not is_declared("post")
    assert not is_declared("schemas/post.toml")
    assert not is_declared("strapi:blog")


@pytest.mark.parametrize(
    "name",
    [
        "sitepins:../../etc/passwd",
        "sitepins:/etc/passwd",
        "astro:a/../b",
        "decap:../config.yml#blog",
        "frontmatter:C:\\frontmatter.json#post",
        "decap:cms//config.yml#blog",
    ],
)
def test_a_declared_name_cannot_reach_outside_the_project(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigError, match="not a path inside the project"):
        read_declared(tmp_path, name, "collections.blog.schema")


def test_an_unknown_name_is_a_config_error_with_a_did_you_mean(tmp_path: Path) -> None:
    root = fixture_site(
        tmp_path,
        "decap",
        '[collections.blog]\ninclude = ["content/blog/**"]\nschema = "decap:blgo"\n',
    )
    result = klm_lint("content", cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        "klm-lint: error: collections.blog.schema: static/admin/config.yml declares no 'blgo' "
        "(did you mean decap:blog?); it declares decap:blog, decap:pages\n"
    )


def test_a_missing_source_file_says_where_it_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(ConfigError) as raised:
        read_declared(tmp_path, "decap:blog", "collections.blog.schema")
    assert raised.value.message == (
        "collections.blog.schema: no Decap CMS config in static/admin/config.yml, "
        "public/admin/config.yml, admin/config.yml, src/admin/config.yml; name the file, such "
        "as decap:cms/config.yml#blog"
    )
    with pytest.raises(ConfigError, match=r"frontmatter\.json does not exist"):
        read_declared(tmp_path, "frontmatter:post", "collections.posts.schema")
    with pytest.raises(ConfigError, match="npx astro sync"):
        read_declared(tmp_path, "astro:blog", "collections.blog.schema")


def test_a_source_file_that_is_not_one_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".sitepins" / "schema").mkdir(parents=True)
    (tmp_path / ".sitepins" / "schema" / "posts.json").write_text('{"name": "posts"}')
    with pytest.raises(ConfigError, match="not a Sitepins schema"):
        read_declared(tmp_path, "sitepins:posts", "collections.posts.schema")
    (tmp_path / ".sitepins" / "schema" / "posts.json").write_text("{nope")
    with pytest.raises(ConfigError, match="not valid JSON"):
        read_declared(tmp_path, "sitepins:posts", "collections.posts.schema")


def test_show_settings_names_the_file_each_schema_comes_from(tmp_path: Path) -> None:
    root = fixture_site(
        tmp_path,
        "decap",
        '[collections.blog]\ninclude = ["content/blog/**"]\nschema = "decap:blog"\n',
    )
    previous = os.getcwd()
    os.chdir(root)
    try:
        shown = {each.key: each for each in settings([root / "content"])}
    finally:
        os.chdir(previous)
    assert shown["collections.blog.schema"].value == "decap:blog"
    assert shown["collections.blog.schema"].origin.endswith(
        'the schema is from static/admin/config.yml, the Decap CMS collection "blog"'
    )
    assert shown["schemas.decap:blog"].origin == (
        'static/admin/config.yml, the Decap CMS collection "blog"'
    )


def test_what_a_source_cannot_say_is_named_in_the_settings(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "decap")
    config = root / "static" / "admin" / "config.yml"
    config.write_text(
        config.read_text().replace(
            "{ label: Rating, name: rating, widget: number, value_type: float, required: false }",
            "{ label: Colour, name: colour, widget: color-picker, required: false }",
        )
    )
    declared = read_declared(root, "decap:blog", "collections.blog.schema")
    assert declared.ignored == ("widget color-picker",)
    assert declared.origin == (
        'static/admin/config.yml, the Decap CMS collection "blog" (ignored: widget color-picker)'
    )


def test_a_collection_may_change_a_declared_schema_and_a_schema_may_extend_one(
    tmp_path: Path,
) -> None:
    root = fixture_site(
        tmp_path,
        "decap",
        "[collections.blog]\n"
        'include = ["content/blog/**"]\n'
        'exclude = ["_*"]\n'
        'schema = "news"\n'
        'fields = { title = "string" }\n'
        "[schemas.news]\n"
        'extends = "decap:blog"\n'
        "[schemas.news.fields.category]\n"
        'type = "string"\n',
    )
    codes = [(f.code, f.message.split(" ")[0]) for f in lint_site(root)]
    assert ("KLM101", "title") not in codes
    assert ("KLM107", "category") not in codes
    assert ("KLM109", "author.email") in codes


def test_find_declared_lists_every_source_and_the_files_it_cannot_read(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "frontmatter")
    shutil.copytree(FIXTURES / "sitepins" / ".sitepins", root / ".sitepins")
    shutil.copytree(FIXTURES / "astro5" / ".astro", root / ".astro")
    (root / "static" / "admin").mkdir(parents=True)
    (root / "static" / "admin" / "config.yml").write_text("collections: [: broken\n")
    found, problems = find_declared(root)
    assert [each.reference for each in found] == [
        "astro:blog",
        "frontmatter:default",
        "frontmatter:post",
        "sitepins:posts",
    ]
    assert problems == [
        "static/admin/config.yml:1:15: the Decap CMS config is not valid YAML (expected the node "
        "content, but found ':')"
    ]


def test_fields_nested_past_any_real_schema_are_a_config_error(tmp_path: Path) -> None:
    decap: dict[str, object] = {"name": "leaf", "widget": "string"}
    sitepins: dict[str, object] = {"name": "leaf", "type": "string"}
    for _ in range(40):
        decap = {"name": "box", "widget": "object", "fields": [decap]}
        sitepins = {"name": "box", "type": "object", "fields": [sitepins]}
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "config.yml").write_text(
        json.dumps({"collections": [{"name": "deep", "folder": "x", "fields": [decap]}]})
    )
    (tmp_path / ".sitepins" / "schema").mkdir(parents=True)
    (tmp_path / ".sitepins" / "schema" / "deep.json").write_text(
        json.dumps({"template": [sitepins]})
    )
    for name in ("decap:deep", "sitepins:deep"):
        with pytest.raises(ConfigError, match="fields nest more than 32 levels deep"):
            read_declared(tmp_path, name, "collections.deep.schema")


DECLARED_FILES = {
    "decap": ("decap:blog", "content", "static/admin/config.yml"),
    "sitepins": ("sitepins:posts", "content", ".sitepins/schema/posts.json"),
    "frontmatter": ("frontmatter:post", "content", "frontmatter.json"),
    "astro5": ("astro:blog", "src/content", ".astro/collections/blog.schema.json"),
}


def declaring_site(tmp_path: Path, name: str) -> tuple[Path, str, str]:
    """A fixture site whose config names its declared schema: the site, the folder to lint and
    the file the schema is read from."""
    reference, folder, file = DECLARED_FILES[name]
    config = f'[collections.posts]\ninclude = ["{folder}/**"]\nschema = "{reference}"\n'
    return fixture_site(tmp_path, name, config), folder, file


@pytest.mark.parametrize(
    ("name", "broken", "says"),
    [
        (
            "decap",
            "collections:\n  - name: blog\n    folder: content/blog\n    fields: [{name: title\n",
            "static/admin/config.yml:5:1: the Decap CMS config is not valid YAML (expected ',' "
            "or '}', but got '<stream end>')",
        ),
        (
            "decap",
            "collections:\n  - name: blog\n\tfolder: content/blog\n",
            "static/admin/config.yml:3:1: the Decap CMS config is not valid YAML (found "
            "character '\\t' that cannot start any token)",
        ),
        (
            "sitepins",
            '{\n  "template": [\n    {"name": "title", "type": "string",}\n  ]\n}\n',
            ".sitepins/schema/posts.json:3:40: the Sitepins schema is not valid JSON (Expecting "
            "property name enclosed in double quotes)",
        ),
        (
            "frontmatter",
            '{"frontMatter.taxonomy.contentTypes": [\n  {"name": "post" "fields": []}\n]}\n',
            "frontmatter.json:2:19: the Front Matter CMS config is not valid JSON (Expecting ',' "
            "delimiter)",
        ),
        (
            "astro5",
            '{"type": "object",\n "properties": {\n  "title": {"type": "string"\n}}',
            ".astro/collections/blog.schema.json:4:3: the Astro JSON Schema is not valid JSON "
            "(Expecting ',' delimiter)",
        ),
    ],
)
def test_a_broken_source_file_is_a_one_line_error_with_its_position(
    tmp_path: Path, name: str, broken: str, says: str
) -> None:
    root, folder, file = declaring_site(tmp_path, name)
    (root / file).write_text(broken, encoding="utf-8")
    result = klm_lint(folder, cwd=root)
    assert result.returncode == 2
    assert result.stderr == f"klm-lint: error: {says}\n"
    assert result.stdout == ""
    found, problems = find_declared(root)
    assert problems == [says]
    assert file not in {each.file for each in found}


@pytest.mark.parametrize("name", sorted(DECLARED_FILES))
def test_a_source_file_that_links_out_of_the_project_is_refused(tmp_path: Path, name: str) -> None:
    root, folder, file = declaring_site(tmp_path, name)
    outside = tmp_path / "outside" / Path(file).name
    outside.parent.mkdir()
    shutil.move(root / file, outside)
    (root / file).symlink_to(outside)
    result = klm_lint(folder, cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        f"klm-lint: error: collections.posts.schema: {file!r} goes through a link that leads "
        f"outside the project ({root}); klm-lint does not follow it\n"
    )
    found, problems = find_declared(root)
    assert found == []
    assert len(problems) == 1


@pytest.mark.parametrize(("name", "folder"), [("sitepins", ".sitepins"), ("astro5", ".astro")])
def test_a_source_folder_that_links_out_of_the_project_is_never_listed(
    tmp_path: Path, name: str, folder: str
) -> None:
    root, linted, _file = declaring_site(tmp_path, name)
    outside = tmp_path / "outside"
    shutil.move(root / folder, outside)
    (root / folder).symlink_to(outside)
    result = klm_lint(linted, cwd=root)
    assert result.returncode == 2
    assert "goes through a link that leads outside the project" in result.stderr
    assert result.stderr.count("\n") == 1
    found, problems = find_declared(root)
    assert found == []
    assert problems == [
        f"{DECLARED_FILES[name][2].rsplit('/', 1)[0]} goes through a link that leads outside the "
        f"project ({root}); klm-lint does not follow it"
    ]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("decap", 'static/admin/config.yml, the Decap CMS collection "blog"'),
        ("sitepins", '.sitepins/schema/posts.json, the Sitepins schema "posts"'),
        ("frontmatter", 'frontmatter.json, the Front Matter CMS content type "post"'),
        (
            "astro5",
            '.astro/collections/blog.schema.json, the schema of the Astro collection "blog"',
        ),
    ],
)
def test_show_settings_names_each_sources_file(tmp_path: Path, name: str, what: str) -> None:
    root, folder, _file = declaring_site(tmp_path, name)
    reference = DECLARED_FILES[name][0]
    result = klm_lint("--show-settings", folder, cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        f'collections.posts.schema = "{reference}"  # {root / "klm-lint.toml"}; the schema is '
        f"from {what}"
    ) in lines
    assert any(
        line.startswith(f"schemas.{reference} = ") and f"  # {what}" in line for line in lines
    )


def _decap_alias_bomb() -> str:
    """A Decap config of a few lines whose YAML aliases stand for 10^8 fields."""
    lines = ["l0: &l0 {name: leaf, widget: string}"]
    for level in range(1, 9):
        refs = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} {{name: box, widget: object, fields: [{refs}]}}")
    lines.append("collections:\n  - {name: blog, folder: content/blog, fields: [*l8]}")
    return "\n".join(lines) + "\n"


def _astro_reference_bomb() -> str:
    """A JSON Schema whose definitions each refer to the one before ten times: 10^8 fields."""
    definitions: dict[str, object] = {
        "d0": {"type": "object", "properties": {"a": {"type": "string"}}}
    }
    for level in range(1, 9):
        properties = {f"p{n}": {"$ref": f"#/definitions/d{level - 1}"} for n in range(10)}
        definitions[f"d{level}"] = {"type": "object", "properties": properties}
    return json.dumps({"$ref": "#/definitions/d8", "definitions": definitions})


def _frontmatter_group_bomb() -> str:
    """Field groups that each include the one before ten times: 10^8 fields."""
    groups: list[object] = [{"id": "g0", "fields": [{"name": "a", "type": "string"}]}]
    for level in range(1, 9):
        included = {"name": "x", "type": "fieldCollection", "fieldGroup": f"g{level - 1}"}
        fields = [{"name": f"f{n}", "type": "fields", "fields": [included]} for n in range(10)]
        groups.append({"id": f"g{level}", "fields": fields})
    post = {
        "name": "post",
        "fields": [{"name": "top", "type": "fieldCollection", "fieldGroup": "g8"}],
    }
    return json.dumps(
        {
            "frontMatter.taxonomy.fieldGroups": groups,
            "frontMatter.taxonomy.contentTypes": [post],
        }
    )


@pytest.mark.parametrize(
    ("name", "bomb", "says"),
    [
        (
            "decap",
            _decap_alias_bomb,
            "static/admin/config.yml: the Decap CMS config holds more than 100,000 values once "
            "its YAML aliases are expanded",
        ),
        (
            "astro5",
            _astro_reference_bomb,
            ".astro/collections/blog.schema.json: the JSON Schema has more than 10,000 fields "
            "once its $ref are followed",
        ),
        (
            "frontmatter",
            _frontmatter_group_bomb,
            "the content type has more than 10,000 fields once its field groups are included",
        ),
    ],
)
def test_a_small_source_file_that_stands_for_billions_of_fields_is_refused_at_once(
    tmp_path: Path, name: str, bomb: Callable[[], str], says: str
) -> None:
    root, folder, file = declaring_site(tmp_path, name)
    (root / file).write_text(bomb(), encoding="utf-8")
    started = time.process_time()
    with pytest.raises(ConfigError) as raised:
        read_declared(root, DECLARED_FILES[name][0], "collections.posts.schema")
    assert time.process_time() - started < 5
    assert says in raised.value.message
    result = klm_lint(folder, cwd=root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert says in result.stderr


def test_one_schema_that_cannot_be_read_hides_none_of_the_others(tmp_path: Path) -> None:
    root = fixture_site(tmp_path, "sitepins")
    (root / ".sitepins" / "schema" / "broken.json").write_text('{"template": [', encoding="utf-8")
    config = root / ".sitepins" / "schema" / "authors.json"
    config.write_text('{"template": [{"type": "string"}]}', encoding="utf-8")
    found, problems = find_declared(root)
    assert [each.reference for each in found] == ["sitepins:posts"]
    assert problems == [
        ".sitepins/schema/authors.json: template[0] is not a field (an object with a name and a "
        "type)",
        ".sitepins/schema/broken.json:1:15: the Sitepins schema is not valid JSON (Expecting "
        "value)",
    ]
