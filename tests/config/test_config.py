from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.config.discovery import find_config_file, find_project_root, load_config
from klm_lint.config.model import Config
from klm_lint.errors import ConfigError
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path


def test_defaults() -> None:
    config = Config()
    assert config.content == ["content"]
    assert config.static == ["public", "static"]


def test_found_upward_and_pyproject_needs_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    nested = tmp_path / "site" / "content"
    nested.mkdir(parents=True)
    assert find_config_file(nested) is None
    (tmp_path / "pyproject.toml").write_text('[tool.klm-lint]\nignore = ["KLM105"]\n')
    found = find_config_file(nested)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).config.ignore == ["KLM105"]
    (tmp_path / "site" / ".klm-lint.toml").write_text("")
    assert find_config_file(nested) == tmp_path / "site" / ".klm-lint.toml"


def test_project_root_markers(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_project_root(deep) == tmp_path
    (tmp_path / "a" / "package.json").write_text("{}")
    assert find_project_root(deep) == tmp_path / "a"


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('contnet = ["x"]\n', "unknown option 'contnet'"),
        ("static = 5\n", "static"),
        ('[severity]\nKLM104 = "fatal"\n', "severity.KLM104"),
        ('[collections.posts.fields]\nx = "dateish"\n', "collections.posts.fields.x"),
        ("max-file-size = 0\n", "max-file-size"),
        ("this is not toml\n", "not valid TOML"),
    ],
)
def test_invalid_config_names_file_and_key(tmp_path: Path, toml: str, says: str) -> None:
    path = tmp_path / "klm-lint.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(path) in raised.value.message
    assert says in raised.value.message


def test_an_unknown_schema_is_a_config_error(site: SiteBuilder) -> None:
    site.config('[collections.posts]\nschema = "psot"\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.startswith("klm-lint: error: collections.posts.schema: no schema named")
    assert "did you mean 'post'?" in result.stderr


def test_invalid_config_is_exit_2_one_line(site: SiteBuilder) -> None:
    site.config('ignore = ["KLM999"]\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "unknown rule 'KLM999' in the config's ignore" in result.stderr


def test_explicit_config_file(site: SiteBuilder, tmp_path: Path) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: false\nsubtitle: x"))
    other = tmp_path / "strict.toml"
    other.write_text('[severity]\nunknown-field = "error"\n')
    assert klm_lint(cwd=site.root).returncode == 0
    assert klm_lint("--config", str(other), cwd=site.root).returncode == 1
    assert klm_lint("--config", "missing.toml", cwd=site.root).returncode == 2


def test_per_file_ignores_and_severity(site: SiteBuilder) -> None:
    site.config(
        '[per-file-ignores]\n"content/posts/legacy-*" = ["KLM104"]\n'
        '[severity]\ndraft-flag = "warning"\n'
    )
    bad = GOOD_POST.replace("draft: false", "draft: no")
    site.post(bad.replace("Community engagement.", "Legacy"), name="legacy-1.md")
    site.post(bad, name="new.md")
    findings = site.lint()
    assert [(f.path, f.code, f.severity.value) for f in findings] == [
        ("content/posts/new.md", "KLM104", "warning")
    ]


def test_config_select(site: SiteBuilder) -> None:
    site.config('select = ["KLM1"]\nignore = ["KLM104"]\n')
    site.post(GOOD_POST.replace("draft: false", "draft: no").replace("/images/post.jpg", "/x.jpg"))
    site.post(GOOD_POST.replace("title: Community engagement.\n", ""), name="b.md")
    assert site.codes() == ["KLM101"]


def test_new_collection_comes_before_pages(site: SiteBuilder) -> None:
    site.config('[collections.docs]\ninclude = ["content/docs/**"]\nschema = "post"\n')
    site.write("content/docs/a.md", "---\ntitle: Docs\n---\n")
    assert sorted(f.message.split(" ")[0] for f in site.lint()) == ["author", "date", "draft"]


def test_overriding_a_default_collection_keeps_other_keys(site: SiteBuilder) -> None:
    site.config('[collections.posts]\nrequired = ["image"]\n')
    site.post(GOOD_POST.replace("image: /images/author/6.jpg\n", ""))
    site.post("---\ntitle: Blog\n---\n", name="_index.md")
    assert [f.message.split(" ")[0] for f in site.lint()] == ["image"]


def test_components_as_list(site: SiteBuilder) -> None:
    site.config('components = ["Gallery"]\n')
    site.post(GOOD_POST + "\n<Gallery>\n")
    assert site.codes() == ["KLM301"]


def test_fields_can_change_the_kind_of_a_known_key(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nimage = "string-list"\n')
    site.post(GOOD_POST)
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM102"]
    assert "card shows a broken image" in findings[0].message


def test_required_key_under_an_unknown_parent_is_a_config_error(site: SiteBuilder) -> None:
    site.config('[collections.posts]\nrequired = ["seo.title"]\n')
    site.post(GOOD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "seo is not a mapping field of the post schema" in result.stderr
