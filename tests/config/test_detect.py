from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from klm_lint.config.detect import Detection, detect_preset

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"astro.config.mjs": "export default {}\n"}, "astro"),
        ({"docusaurus.config.ts": "export default {}\n"}, "docusaurus"),
        ({".eleventy.js": "module.exports = {}\n"}, "eleventy"),
        ({"eleventy.config.mjs": "export default {}\n"}, "eleventy"),
        ({"hugo.toml": 'baseURL = "https://example.org/"\n'}, "hugo"),
        ({"config/_default/hugo.yaml": "baseURL: https://example.org/\n"}, "hugo"),
        ({"zola.toml": 'base_url = "https://example.org"\n'}, "zola"),
        ({"_config.yml": "title: A blog\n"}, "jekyll"),
        ({"config.toml": 'baseURL = "https://example.org/"\n'}, "hugo"),
        ({"config.yaml": "baseurl: https://example.org/\n"}, "hugo"),
        ({"config.json": '{"baseURL": "https://example.org/"}'}, "hugo"),
        ({"config.toml": 'base_url = "https://example.org"\n'}, "zola"),
    ],
)
def test_a_generator_config_file_names_the_preset(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = detect_preset(tmp_path)
    assert found is not None
    assert found.name == expected
    assert next(iter(files)) in found.reason


@pytest.mark.parametrize(
    ("dependencies", "expected"),
    [
        ({"astro": "^5.0.0", "gray-matter": "^4.0.3"}, "astro"),
        ({"@docusaurus/core": "3.10.2", "react": "^19"}, "docusaurus"),
        ({"@11ty/eleventy": "^3.1.0"}, "eleventy"),
        ({"next": "15.0.0", "gray-matter": "^4.0.3"}, "nextjs"),
    ],
)
def test_package_json_dependencies_name_the_preset(
    tmp_path: Path, dependencies: dict[str, str], expected: str
) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"devDependencies": dependencies}))
    assert detect_preset(tmp_path) == Detection(
        expected, f"package.json depends on {next(iter(dependencies))}"
    )


def test_a_config_file_wins_over_package_json(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"next": "15"}}')
    (tmp_path / "_config.yml").write_text("title: x\n")
    found = detect_preset(tmp_path)
    assert found == Detection("jekyll", "_config.yml is Jekyll's config file")


@pytest.mark.parametrize(
    "files",
    [
        {},
        {"package.json": "{not json"},
        {"package.json": "[1, 2]"},
        {"package.json": '{"dependencies": ["astro"]}'},
        {"package.json": '{"dependencies": {"react": "19"}}'},
        {"config.toml": "title = 'no base url'\n"},
        {"config.toml": "base_url = [unclosed\n"},
        {"config.json": "[]"},
        {"config.yaml": "params:\n  baseURL: nested\n"},
    ],
)
def test_nothing_tells(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert detect_preset(tmp_path) is None


@pytest.mark.parametrize(
    "files",
    [
        {"package.json": "[" * 100_000 + "]" * 100_000},
        {"config.json": "[" * 100_000 + "]" * 100_000},
        {"config.toml": "a = " + "[" * 100_000 + "]" * 100_000},
        {"package.json": '{"dependencies": {"astro": "' + "x" * 2_000_000 + '"}}'},
        {"package.json": b"\xff\xfe{}"},
    ],
    ids=["deep-json", "deep-config-json", "deep-toml", "too-large", "not-utf-8"],
)
def test_hostile_files_tell_nothing(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    assert detect_preset(tmp_path) is None


def test_a_package_json_that_leads_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text('{"dependencies": {"astro": "5"}}')
    project = tmp_path / "site"
    project.mkdir()
    (project / "package.json").symlink_to(outside)
    assert detect_preset(project) is None
    (project / "inside.json").write_text('{"dependencies": {"astro": "5"}}')
    (project / "package.json").unlink()
    (project / "package.json").symlink_to(project / "inside.json")
    assert detect_preset(project) == Detection("astro", "package.json depends on astro")


def test_a_package_json_that_is_a_pipe_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "package.json")
    assert detect_preset(tmp_path) is None
