"""`klm-lint init`: the config it writes loads, and the files it was inferred from pass it,
except for real defects."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from klm_lint.config.discovery import load_config
from tests.site.test_declared import FIXTURES
from tests.test_cli import klm_lint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent

POST = """\
---
title: Post {n}
description: What happened on day {n}.
date: 2024-03-0{n}T10:00:00Z
image: /images/post.jpg
cover: /images/cover-{n}.jpg
kind: {kind}
featured: {featured}
reading_time: {n}
author:
  name: Ama Mensah
  avatar: /images/ama.jpg
  profile: https://example.org/ama
draft: false
gallery:
  - src: /images/cover-1.jpg
    caption: The choir
  - src: /images/cover-2.jpg
tags: [choir, town]
'{weird}': yes
---
Day {n}.
"""


def make_site(root: Path, posts: int = 7) -> Path:
    """A Next.js-shaped site whose posts agree on their front matter, with one planted defect:
    the cover of post 5 is a file that does not exist."""
    root.mkdir(exist_ok=True)
    (root / "package.json").write_text('{"dependencies": {"next": "14.2.0"}}\n')
    images = root / "public" / "images"
    images.mkdir(parents=True)
    for name in ("post.jpg", "ama.jpg", *(f"cover-{n}.jpg" for n in range(1, posts + 1))):
        (images / name).write_bytes(b"\xff\xd8\xff")
    (root / "content" / "posts").mkdir(parents=True)
    for n in range(1, posts + 1):
        text = POST.format(
            n=n,
            kind="guide" if n % 2 else "news",
            featured="true" if n == 3 else "false",
            weird='a "quoted" key, with a dot.',
        )
        if n == 5:
            text = text.replace("/images/cover-5.jpg", "/images/cover-55.jpg")
        (root / "content" / "posts" / f"post-{n}.md").write_text(text)
    (root / "content" / "about.md").write_text("---\ntitle: About\nlayout: wide\n---\nAbout.\n")
    return root


def findings(root: Path) -> list[dict[str, object]]:
    result = klm_lint("--format", "json", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    listed: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return listed


def test_the_written_config_loads_and_only_the_planted_defect_is_found(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        "Wrote klm-lint.toml: preset nextjs (package.json depends on next); schemas inferred "
        "from 8 files.\n"
        "With it, 7 of 8 files pass; 1 file has 1 error. Run klm-lint to see "
        "them.\n"
    )
    loaded = load_config(root / "klm-lint.toml")
    assert loaded.config.collections["posts"].schema_name == "posts"
    found = findings(root)
    assert [(f["path"], f["code"], f["line"]) for f in found] == [
        ("content/posts/post-5.md", "KLM201", 6),
    ]


def test_what_init_infers_is_what_every_file_agrees_on(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    assert klm_lint("init", cwd=root).returncode == 0
    config = tomllib.loads((root / "klm-lint.toml").read_text())
    posts = config["schemas"]["posts"]
    assert posts["extends"] == "post"
    fields = posts["fields"]
    assert fields["cover"] == {"type": "asset", "required": True}
    assert fields["kind"] == {"type": "enum", "values": ["guide", "news"], "required": True}
    assert fields["featured"] == {"type": "boolean", "required": True}
    assert fields["reading_time"] == {"type": "integer", "required": True}
    assert fields['a "quoted" key, with a dot.'] == {"type": "string", "required": True}
    assert fields["author"]["fields"]["profile"] == {"type": "url", "required": True}
    assert fields["gallery"]["items"]["fields"] == {
        "src": {"type": "asset", "required": True},
        "caption": "string",
    }
    assert config["collections"]["posts"]["required"] == [
        "description",
        "image",
        "author.avatar",
        "tags",
    ]
    assert list(config["collections"]) == ["posts"]


def test_a_later_post_that_breaks_what_the_others_agree_on_is_found(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    assert klm_lint("init", cwd=root).returncode == 0
    text = (root / "content" / "posts" / "post-1.md").read_text()
    broken = text.replace("kind: guide", "kind: gide").replace("featured: false", "featured: no")
    (root / "content" / "posts" / "post-8.md").write_text(broken.replace("Post 1", "Post 8"))
    codes = [(f["path"], f["code"]) for f in findings(root)]
    assert ("content/posts/post-8.md", "KLM107") in codes
    assert ("content/posts/post-8.md", "KLM102") in codes


def test_dry_run_prints_the_config_and_writes_nothing(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    result = klm_lint("init", "--dry-run", cwd=root)
    assert result.returncode == 0, result.stderr
    assert not (root / "klm-lint.toml").exists()
    assert result.stdout.startswith("# klm-lint's configuration, written by `klm-lint init`")
    assert result.stderr.startswith("Would write klm-lint.toml: preset nextjs")
    klm_lint("init", cwd=root)
    assert (root / "klm-lint.toml").read_text() == result.stdout


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("klm-lint.toml", "ignore = []\n"),
        (".klm-lint.toml", "ignore = []\n"),
        ("pyproject.toml", '[tool.klm-lint]\nignore = ["KLM105"]\n'),
    ],
)
def test_an_existing_config_is_never_replaced_without_force(
    tmp_path: Path, name: str, text: str
) -> None:
    root = make_site(tmp_path / "site")
    (root / name).write_text(text)
    result = klm_lint("init", cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        f"klm-lint: error: {name} exists: klm-lint init does not replace a config. Use --force "
        "to replace it, or --dry-run to print the config it would write\n"
    )
    assert (root / name).read_text() == text
    assert klm_lint("init", "--dry-run", cwd=root).returncode == 0
    assert (root / name).read_text() == text


def test_force_replaces_the_config_where_it_is(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    (root / ".klm-lint.toml").write_text("ignore = []\n")
    result = klm_lint("init", "--force", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote .klm-lint.toml:")
    assert not (root / "klm-lint.toml").exists()
    assert "[schemas.posts]" in (root / ".klm-lint.toml").read_text()


def test_force_beside_a_pyproject_table_writes_a_config_that_takes_its_place(
    tmp_path: Path,
) -> None:
    root = make_site(tmp_path / "site")
    (root / "pyproject.toml").write_text('[tool.klm-lint]\nignore = ["KLM105"]\n')
    result = klm_lint("init", "--force", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "It takes the place of the [tool.klm-lint] table of pyproject.toml, which klm-lint no "
        "longer reads; remove the table."
    )
    assert (root / "pyproject.toml").read_text() == '[tool.klm-lint]\nignore = ["KLM105"]\n'
    assert (root / "klm-lint.toml").is_file()


def test_a_pyproject_without_the_table_is_no_config(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    (root / "pyproject.toml").write_text('[project]\nname = "site"\n')
    assert klm_lint("init", cwd=root).returncode == 0
    assert (root / "klm-lint.toml").is_file()


def test_a_folder_without_content_is_a_one_line_error(tmp_path: Path) -> None:
    result = klm_lint("init", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"klm-lint: error: no content folder (content/) in {tmp_path}; run klm-lint init in "
        "the project's root folder\n"
    )
    missing = klm_lint("init", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2
    assert (
        missing.stderr
        == "klm-lint: error: nowhere: no such folder; name the project's root folder\n"
    )


def test_an_unknown_preset_is_a_usage_error(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    result = klm_lint("init", "--preset", "jeckyll", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "klm-lint: error: --preset jeckyll: no such preset; the presets"
    )


def test_the_schema_a_site_declares_is_used_for_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "decap"
    shutil.copytree(FIXTURES / "decap", root)
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "the schemas the site declares: decap:blog" in result.stdout.splitlines()[0]
    config = tomllib.loads((root / "klm-lint.toml").read_text())
    assert config["collections"]["blog"] == {
        "include": ["content/blog/*.md"],
        "exclude": ["_*"],
        "schema": "decap:blog",
        "compare": True,
    }
    text = (root / "klm-lint.toml").read_text()
    assert (
        "# blog: 2 files, with the schema static/admin/config.yml declares for them (the Decap "
        'CMS\n# collection "blog").\n'
    ) in text
    assert {f["code"] for f in findings(root)} == {"KLM101", "KLM106", "KLM107", "KLM109"}


def test_the_example_site_passes_the_config_init_writes_for_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "examples" / "site", root)
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "With it, all 9 files pass with no finding."
    assert findings(root) == []


def test_the_readme_documents_every_option_of_init() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = klm_lint("init", "--help", cwd=ROOT).stdout
    for option in re.findall(r"(--[a-z][a-z-]+)", help_text):
        assert f"`{option}" in readme, option
    assert "klm-lint init" in readme


def test_a_cms_folder_named_from_the_repository_root_is_found_in_the_site(
    tmp_path: Path,
) -> None:
    root = tmp_path / "decap"
    shutil.copytree(FIXTURES / "decap", root)
    config = root / "static" / "admin" / "config.yml"
    config.write_text(
        config.read_text().replace("folder: content/blog", "folder: site/content/blog")
    )
    assert klm_lint("init", cwd=root).returncode == 0
    text = (root / "klm-lint.toml").read_text()
    assert (
        "# static/admin/config.yml names site/content/blog/*.md, from a folder above this one\n"
        'include = ["content/blog/*.md"]\n'
    ) in text


def test_a_preset_collection_written_only_to_keep_its_place_is_no_empty_collection(
    tmp_path: Path,
) -> None:
    (tmp_path / "content").mkdir()
    for n in range(5):
        (tmp_path / "content" / f"page-{n}.md").write_text(f"---\ntitle: P{n}\nhero: h{n}\n---\n")
    assert klm_lint("init", cwd=tmp_path).returncode == 0
    config = tomllib.loads((tmp_path / "klm-lint.toml").read_text())
    assert config["collections"] == {"posts": {}, "pages": {"schema": "pages"}}
    result = klm_lint("--format", "concise", cwd=tmp_path)
    assert result.stdout == "Checked 5 files: all checks passed.\n"


def test_a_link_in_the_configs_place_is_replaced_never_written_through(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n")
    (root / "klm-lint.toml").symlink_to(outside)
    refused = klm_lint("init", cwd=root)
    assert refused.returncode == 2
    assert "klm-lint.toml exists" in refused.stderr
    assert klm_lint("init", "--force", cwd=root).returncode == 0
    assert outside.read_text() == "keep\n"
    assert not (root / "klm-lint.toml").is_symlink()
    assert (root / "klm-lint.toml").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("name", "collection", "reference"),
    [
        ("sitepins", "sitepins-posts", "sitepins:posts"),
        ("frontmatter", "post", "frontmatter:post"),
    ],
)
def test_each_cms_schema_the_site_declares_is_used(
    tmp_path: Path, name: str, collection: str, reference: str
) -> None:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert f"the schemas the site declares: {reference}." in result.stdout.splitlines()[0]
    config = tomllib.loads((root / "klm-lint.toml").read_text())
    assert config["collections"][collection] == {
        "include": ["content/posts/**"],
        "schema": reference,
        "compare": True,
    }
    assert load_config(root / "klm-lint.toml").config.collections[collection].schema_name == (
        reference
    )


def test_a_cms_file_that_does_not_parse_is_a_note_and_init_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "decap"
    shutil.copytree(FIXTURES / "decap", root)
    (root / "static" / "admin" / "config.yml").write_text("collections:\n  - name: [blog\n")
    result = klm_lint("init", "--dry-run", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "# static/admin/config.yml:3:1: the Decap CMS config is not valid YAML (expected ',' or "
        "']', but\n# got '<stream end>')\n"
    ) in result.stdout
    assert "decap:" not in result.stdout
    assert not (root / "klm-lint.toml").exists()


def test_a_cms_name_that_could_steer_the_terminal_is_shown_harmless(tmp_path: Path) -> None:
    root = tmp_path / "decap"
    shutil.copytree(FIXTURES / "decap", root)
    config = root / "static" / "admin" / "config.yml"
    config.write_text(config.read_text().replace("name: blog", 'name: "blog\\u202e\\e[31m"'))
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "\u202e" not in result.stdout
    assert "\x1b" not in result.stdout
    assert "the schemas the site declares: decap:blog" in result.stdout
    text = (root / "klm-lint.toml").read_text()
    assert "\u202e" not in text
    assert "\x1b" not in text
    assert 'schema = "decap:blog\\u202e\\u001b[31m"' in text
    assert tomllib.loads(text)["collections"]["blog\u202e\x1b[31m"]["schema"] == (
        "decap:blog\u202e\x1b[31m"
    )
    assert {f["code"] for f in findings(root)} == {"KLM101", "KLM106", "KLM107", "KLM109"}


def test_the_schema_astro_generates_is_used_with_the_astro_preset(tmp_path: Path) -> None:
    root = tmp_path / "astro"
    shutil.copytree(FIXTURES / "astro5", root)
    (root / "astro.config.mjs").write_text("export default {};\n")
    result = klm_lint("init", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Wrote klm-lint.toml: preset astro (astro.config.mjs is Astro's config file); the "
        "schemas the site declares: astro:blog."
    )
    config = tomllib.loads((root / "klm-lint.toml").read_text())
    assert config["preset"] == "astro"
    assert config["collections"]["blog"] == {
        "include": ["src/content/blog/**"],
        "schema": "astro:blog",
        "compare": True,
    }
    assert klm_lint(cwd=root).returncode == 1
