"""The presets: each file is valid config data, a run picks one (the command line, the config,
the project's files, the default, in that order), and the config overrides what it sets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from klm_lint.config.detect import Detection
from klm_lint.config.model import Config, GeneratorConfig
from klm_lint.config.preset import (
    PRESET_NAMES,
    apply_preset,
    choose_preset,
    load_preset,
    preset_names,
    preset_settings,
)
from klm_lint.errors import ConfigError, UsageError
from klm_lint.site.site import Site
from tests.conftest import GOOD_POST
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import SiteBuilder


def test_every_preset_has_a_file_and_every_file_is_a_preset() -> None:
    assert sorted(PRESET_NAMES) == preset_names()


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_each_preset_is_valid_config_data(name: str, tmp_path: Path) -> None:
    data = load_preset(name)
    Config.model_validate(
        {
            **preset_settings(name),
            "collections": data.get("collections", {}),
            "schemas": data.get("schemas", {}),
        }
    )
    site = Site(tmp_path, Config.model_construct(preset=name))
    assert site.collections
    for collection in site.collections:
        assert collection.source == f"the {name} preset"
        assert collection.schema.source == f"the {name} preset"


def test_the_default_presets_settings_are_the_models_defaults() -> None:
    settings = preset_settings("nextjs")
    defaults = Config()
    for key, value in settings.items():
        if key == "generator":
            assert GeneratorConfig.model_validate(value) == defaults.generator
        else:
            assert getattr(defaults, key.replace("-", "_")) == value, key


def test_the_config_overrides_a_preset_key_by_key(tmp_path: Path) -> None:
    written = Config.model_validate(
        {"preset": "hugo", "static": ["assets"], "generator": {"future": "shown"}}
    )
    config = apply_preset(written, "hugo")
    assert config.static == ["assets"]
    assert config.content == ["content"]
    assert config.generator.future == "shown"
    assert config.generator.dates == "go"
    assert config.generator.yaml == "go-yaml"


def test_the_command_line_then_the_config_then_detection_then_the_default(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    configured = Config.model_validate({"preset": "zola"})
    assert choose_preset("astro", configured, None, tmp_path).origin == "the command line"
    chosen = choose_preset(None, configured, tmp_path / "klm-lint.toml", tmp_path)
    assert (chosen.name, chosen.origin) == ("zola", str(tmp_path / "klm-lint.toml"))
    detected = choose_preset(None, Config(), None, tmp_path)
    assert detected.name == "hugo"
    assert detected.detection == Detection("hugo", "hugo.toml is Hugo's config file")
    assert detected.shown_origin == "detected: hugo.toml is Hugo's config file"
    (tmp_path / "hugo.toml").unlink()
    assert choose_preset(None, Config(), None, tmp_path).origin == "default"


def test_an_unknown_preset_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--preset 'gatsby' is not a preset; choose one of"):
        choose_preset("gatsby", Config(), None, tmp_path)


def test_an_unknown_preset_in_the_config_names_the_line(site: SiteBuilder) -> None:
    site.config('preset = "hugoo"\n')
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "klm-lint.toml:1:1: preset must be" in result.stderr
    assert "did you mean 'hugo'?" in result.stderr


def test_a_generator_key_that_does_not_exist_gets_a_suggestion(site: SiteBuilder) -> None:
    site.config("[generator]\nrelative-asset = ['file']\n")
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "unknown option 'generator.relative-asset'; did you mean 'relative-assets'?" in (
        result.stderr
    )


def test_a_date_from_path_that_is_no_pattern_is_refused(site: SiteBuilder) -> None:
    site.config("[generator]\ndate-from-path = '(\\d{4}'\n")
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "generator.date-from-path" in result.stderr
    assert "not a regular expression" in result.stderr
    with pytest.raises(ConfigError):
        from klm_lint.config.validation import validated

        validated(Config, {"generator": {"date-from-path": "\\d{4}"}}, "x")


def test_show_settings_names_the_preset_as_the_origin_of_what_it_sets(site: SiteBuilder) -> None:
    site.write("hugo.toml", 'baseURL = "https://example.org/"\n')
    path = site.config("[generator]\nfuture = 'shown'\n")
    lines = klm_lint("--show-settings", cwd=site.root).stdout.splitlines()
    assert 'preset = "hugo"  # detected: hugo.toml is Hugo\'s config file' in lines
    assert 'static = ["static"]  # the hugo preset' in lines
    assert 'generator.dates = "go"  # the hugo preset' in lines
    assert f'generator.future = "shown"  # {path}' in lines
    assert 'generator.base-url = ""  # default' in lines
    assert any(
        line.startswith('collections.lists.include = ["content/**/_index.*"]') for line in lines
    )
    overridden = klm_lint("--show-settings", "--preset", "jekyll", cwd=site.root).stdout
    assert 'preset = "jekyll"  # the command line' in overridden.splitlines()


def test_the_detected_preset_is_said_on_stderr_for_people_only(site: SiteBuilder) -> None:
    site.write("zola.toml", 'base_url = "https://example.org"\n')
    site.write("content/_index.md", '+++\ntitle = "Home"\n+++\n')
    human = klm_lint("--format", "concise", cwd=site.root)
    assert human.stderr == (
        "klm-lint: using the zola preset, as zola.toml is Zola's config file; set preset in "
        "klm-lint.toml or pass --preset to choose another.\n"
    )
    assert human.returncode == 0
    assert klm_lint("--format", "json", cwd=site.root).stderr == ""
    assert klm_lint("--format", "concise", "--preset", "zola", cwd=site.root).stderr == ""
    site.config('preset = "zola"\n')
    assert klm_lint("--format", "concise", cwd=site.root).stderr == ""


def test_the_default_preset_detected_is_not_announced(site: SiteBuilder) -> None:
    site.write("package.json", '{"dependencies": {"next": "14", "gray-matter": "4"}}')
    site.post(GOOD_POST)
    result = klm_lint("--format", "concise", cwd=site.root)
    assert result.stderr == ""
    lines = klm_lint("--show-settings", cwd=site.root).stdout.splitlines()
    assert 'preset = "nextjs"  # detected: package.json depends on next' in lines


def test_the_api_takes_a_preset(site: SiteBuilder) -> None:
    import klm_lint as api

    site.write("content/posts/2024-01-01-x.md", "---\ntitle: X\n---\nText.\n")
    result = api.lint([site.root / "content"], api.LintOptions(preset="zola"))
    assert result.preset == "zola"
    assert result.detected is None
    assert [finding.code for finding in result.findings] == []


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_each_preset_has_a_page_the_readme_links(name: str) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    page = root / "docs" / "presets" / f"{name}.md"
    assert page.is_file()
    assert f"presets/{name}.toml" in page.read_text(encoding="utf-8")
    assert f"](docs/presets/{name}.md)" in (root / "README.md").read_text(encoding="utf-8")
