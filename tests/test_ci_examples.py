"""The hook definition, the examples in examples/ci and the README's snippets agree and work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from identify.identify import tags_from_filename
from pre_commit.clientlib import load_config, load_manifest

from klm_lint.config.model import Config
from tests.conftest import GOOD_POST, SiteBuilder
from tests.site.test_changed import git
from tests.test_cli import BAD_POST

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
HOOKS = ROOT / ".pre-commit-hooks.yaml"
EXAMPLE_CONFIG = ROOT / "examples" / "ci" / ".pre-commit-config.yaml"
WORKFLOW = ROOT / "examples" / "ci" / "klm-lint.yml"


def yaml_blocks() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```$", README, re.M | re.S)


def test_readme_shows_the_files_as_they_are() -> None:
    blocks = yaml_blocks()
    for path in (HOOKS, EXAMPLE_CONFIG, WORKFLOW):
        assert path.read_text(encoding="utf-8") in blocks, path.name
        assert f"]({path.relative_to(ROOT).as_posix()})" in README, path.name


def test_the_hook_definitions() -> None:
    lint, fix = load_manifest(str(HOOKS))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for hook in (lint, fix):
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "mdx"]
        assert hook["require_serial"] is True
        assert hook["minimum_pre_commit_version"] == "2.9.2"
        assert hook["pass_filenames"] is True
        program = hook["entry"].split()[0]
        assert f'{program} = "klm_lint.cli:console"' in pyproject
        assert f"- id: {hook['id']}\n" in README
        assert f"  entry: {hook['entry']}\n" in README
    assert lint["id"] == "klm-lint"
    assert lint["entry"].split()[1:] == ["--force-exclude"]
    assert "manual" not in lint["stages"]
    assert fix["id"] == "klm-lint-fix"
    assert fix["entry"].split()[1:] == ["--force-exclude", "--fix"]
    assert fix["stages"] == ["manual"], "fixing is asked for, never done on commit"


def test_the_hook_sees_every_file_klm_lint_lints() -> None:
    for hook in load_manifest(str(HOOKS)):
        for pattern in Config().include:
            tags = tags_from_filename(pattern.replace("*", "post"))
            assert tags & set(hook["types_or"]), pattern


def test_the_example_config_uses_the_hook() -> None:
    config = load_config(str(EXAMPLE_CONFIG))
    [repository] = config["repos"]
    hooks = [hook["id"] for hook in load_manifest(str(HOOKS))]
    assert [entry["id"] for entry in repository["hooks"]] == hooks


def run_shell(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    environment = {**os.environ, "PATH": path, "NO_COLOR": "1", **env}
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_workflow_is_a_checkout_and_the_action() -> None:
    """What the action then does is tests/test_action.py's business."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    [job] = workflow["jobs"].values()
    checkout, lint = job["steps"]
    assert checkout == {"uses": "actions/checkout@v5"}
    assert re.fullmatch(r"YOUR-ORG/klm-lint@[0-9a-f]{40}", lint["uses"]), "pinned to a commit"
    assert lint["with"] == {"sarif": True}
    assert set(workflow[True]) == {"pull_request", "push"}  # YAML 1.1 reads `on` as true


def test_the_readme_changed_since_step(site: SiteBuilder) -> None:
    [step] = [block for block in yaml_blocks() if "--changed-since" in block]
    steps = yaml.safe_load(step)
    assert steps[0]["with"]["fetch-depth"] == 0
    command = steps[1]["run"]
    site.post(GOOD_POST, "kept.md")
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "base")
    git(site.root, "update-ref", "refs/remotes/origin/main", "main")
    git(site.root, "checkout", "-q", "-b", "pull-request")
    site.post(BAD_POST.replace("Community engagement.", "Clean water."), "new.md")
    result = run_shell(command, site.root, {"GITHUB_BASE_REF": "main", "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == [
        "::error file=content/posts/new.md"
    ]
