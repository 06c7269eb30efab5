"""The GitHub Action (action.yml): valid for actionlint, scripts that take inputs only as data,
and its lint step run as GitHub runs it, on pull requests, pushes and forks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import GOOD_POST, SiteBuilder
from tests.report.test_sarif import assert_valid
from tests.site.test_changed import git
from tests.test_cli import BAD_POST

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "ci" / "klm-lint.yml"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def step(name: str) -> dict[str, Any]:
    [found] = [entry for entry in action()["runs"]["steps"] if entry.get("name") == name]
    return found


def actionlint(repository: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "actionlint"), "-oneline", "-shellcheck", str(BIN / "shellcheck")],
        cwd=repository,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def repository_using_the_action(folder: Path, workflow: str) -> Path:
    """A repository holding this action at its root and a workflow that uses it as `./`."""
    (folder / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(ACTION, folder / "action.yml")
    uses = re.sub(r"uses: YOUR-ORG/klm-lint@\S+", "uses: ./", workflow)
    assert uses != workflow
    (folder / ".github" / "workflows" / "klm-lint.yml").write_text(uses, encoding="utf-8")
    git(folder, "init", "-q")
    return folder


def test_actionlint_accepts_the_action_and_the_example_workflow(tmp_path: Path) -> None:
    repository = repository_using_the_action(tmp_path, WORKFLOW.read_text(encoding="utf-8"))
    result = actionlint(repository)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reads_the_actions_inputs(tmp_path: Path) -> None:
    """The check above has teeth: an input the action does not have is caught."""
    workflow = WORKFLOW.read_text(encoding="utf-8").replace("sarif: true", "upload: true")
    result = actionlint(repository_using_the_action(tmp_path, workflow))
    assert result.returncode == 1
    assert 'input "upload" is not defined in action "klm-lint"' in result.stdout


def test_inputs_reach_scripts_only_through_the_environment() -> None:
    scripts = [entry for entry in action()["runs"]["steps"] if "run" in entry]
    assert len(scripts) == 3
    for entry in scripts:
        assert "${{" not in entry["run"], entry["name"]
        assert entry["shell"] == "bash"
        checked = subprocess.run(
            [str(BIN / "shellcheck"), "--shell=bash", "-"],
            input=entry["run"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, checked.stdout


def test_it_installs_klm_lint_at_its_own_ref_in_a_virtual_environment() -> None:
    install = step("Install klm-lint")["run"]
    assert '-m venv "$venv"' in install
    assert 'pip install --quiet --disable-pip-version-check "$GITHUB_ACTION_PATH"' in install
    assert "GITHUB_PATH" not in install, "the job's PATH is left alone"
    assert step("Lint the content")["env"]["KLM_LINT"] == "${{ steps.install.outputs.command }}"


def test_every_input_is_described_here_and_in_the_readme() -> None:
    inputs = action()["inputs"]
    assert set(inputs) == {"paths", "changed-only", "sarif", "sarif-category", "args", "python"}
    for name, described in inputs.items():
        assert described["description"].strip(), name
        assert described["required"] is False, name
        default = f"`{described['default']}`" if described["default"] else "empty"
        assert f"| `{name}` | {default} |" in README, name
    for name in action()["outputs"]:
        assert f"| `{name}` |" in README, name


def test_the_upload_runs_only_when_the_lint_step_wrote_a_report() -> None:
    upload = step("Upload the SARIF report")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"] == "steps.lint.outputs.sarif-file != ''"
    assert upload["with"]["category"] == "${{ inputs.sarif-category }}"


@dataclass
class Run:
    code: int
    stdout: str
    outputs: dict[str, str]


def run_step(
    name: str,
    cwd: Path,
    runner_temp: Path,
    *,
    inputs: dict[str, str] | None = None,
    event: str = "push",
    sha: str = "",
    base_sha: str = "",
    head_repository: str = "",
    actor: str = "author",
) -> Run:
    """The step's script as GitHub runs it (bash -eo pipefail), its expressions filled in."""
    chosen = {"paths": "", "changed-only": "true", "sarif": "false", "args": ""} | (inputs or {})
    values = {f"${{{{ inputs.{key} }}}}": value for key, value in chosen.items()}
    values |= {
        "${{ steps.install.outputs.command }}": str(BIN / "klm-lint"),
        "${{ github.event.pull_request.base.sha }}": base_sha,
        "${{ github.event.pull_request.head.repo.full_name }}": head_repository,
        "${{ steps.lint.outputs.exit-code }}": chosen.get("exit-code", ""),
    }
    entry = step(name)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GIT")}
    for key, expression in entry.get("env", {}).items():
        assert expression in values, f"{key}: {expression} is not simulated"
        environment[key] = values[expression]
    output = runner_temp / "github-output"
    output.write_text("", encoding="utf-8")
    environment |= {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_SHA": sha,
        "GITHUB_REPOSITORY": "kids-lives-matter/site",
        "GITHUB_ACTOR": actor,
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(runner_temp),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }
    script = runner_temp / "step.sh"
    script.write_text(entry["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
    )
    return Run(done.returncode, done.stdout, outputs)


def annotated_files(stdout: str) -> list[str]:
    return sorted(set(re.findall(r"^::error file=([^,]+),", stdout, re.M)))


@pytest.fixture
def pull_request(site: SiteBuilder, tmp_path: Path) -> tuple[Path, str, str]:
    """An origin whose main holds an old broken post, a pull request adding another, and
    GitHub's merge commit of it (refs/pull/1/merge); returns origin, merge and base commits."""
    site.post(BAD_POST.replace("Community engagement.", "Old news."), "old.md")
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "base")
    base = git(site.root, "rev-parse", "HEAD").strip()
    git(site.root, "checkout", "-q", "-b", "feature")
    site.post(BAD_POST.replace("Community engagement.", "Clean water."), "new.md")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "new post")
    git(site.root, "checkout", "-q", "main")
    git(site.root, "merge", "-q", "--no-ff", "-m", "Merge pull request 1", "feature")
    merge = git(site.root, "rev-parse", "HEAD").strip()
    git(site.root, "update-ref", "refs/pull/1/merge", merge)
    git(site.root, "reset", "-q", "--hard", base)
    return site.root, merge, base


def clone(origin: Path, target: Path, sha: str, *, depth: int | None = 1) -> Path:
    """What actions/checkout leaves: the commit, fetch-depth deep (None: all of it)."""
    git(origin.parent, "init", "-q", str(target))
    git(target, "remote", "add", "origin", origin.as_uri())
    git(target, "fetch", "-q", "--no-tags", *([f"--depth={depth}"] if depth else []), "origin", sha)
    git(target, "checkout", "-q", "--detach", sha)
    return target


def test_a_pull_request_lints_only_its_changes_even_in_a_shallow_checkout(
    pull_request: tuple[Path, str, str], tmp_path: Path
) -> None:
    origin, merge, base = pull_request
    checkout = clone(origin, tmp_path / "checkout", merge)
    assert git(checkout, "rev-parse", "--is-shallow-repository").strip() == "true"
    run = run_step(
        "Lint the content",
        checkout,
        tmp_path,
        inputs={"sarif": "true"},
        event="pull_request",
        sha=merge,
        base_sha=base,
        head_repository="kids-lives-matter/site",
    )
    assert run.code == 0, run.stdout
    assert annotated_files(run.stdout) == ["content/posts/new.md"]
    assert "::notice title=klm-lint::No SARIF upload: this run lints only the changed" in run.stdout
    assert run.outputs == {"exit-code": "1"}
    assert not (checkout / ".klm-lint-cache").exists(), "a pull request's cache is not read"


def test_a_pull_request_checked_out_at_its_head_uses_the_base_commit(
    pull_request: tuple[Path, str, str], tmp_path: Path
) -> None:
    origin, merge, base = pull_request
    head = git(origin, "rev-parse", f"{merge}^2").strip()
    checkout = clone(origin, tmp_path / "checkout", head, depth=None)
    git(checkout, "fetch", "-q", "origin", base)
    run = run_step(
        "Lint the content", checkout, tmp_path, event="pull_request", sha=merge, base_sha=base
    )
    assert annotated_files(run.stdout) == ["content/posts/new.md"]
    assert run.outputs["exit-code"] == "1"


def test_without_the_base_it_lints_everything_and_says_why(
    pull_request: tuple[Path, str, str], tmp_path: Path
) -> None:
    origin, merge, base = pull_request
    head = git(origin, "rev-parse", f"{merge}^2").strip()
    checkout = clone(origin, tmp_path / "checkout", head)
    run = run_step(
        "Lint the content", checkout, tmp_path, event="pull_request", sha=merge, base_sha=base
    )
    assert "::warning title=klm-lint::The pull request's base is not in the checkout" in run.stdout
    assert "fetch-depth: 0" in run.stdout
    assert annotated_files(run.stdout) == ["content/posts/new.md", "content/posts/old.md"]


def test_a_push_lints_everything_and_writes_the_sarif_report(
    pull_request: tuple[Path, str, str], tmp_path: Path
) -> None:
    origin, merge, _ = pull_request
    checkout = clone(origin, tmp_path / "checkout", merge)
    run = run_step("Lint the content", checkout, tmp_path, inputs={"sarif": "true"}, sha=merge)
    assert annotated_files(run.stdout) == ["content/posts/new.md", "content/posts/old.md"]
    report = tmp_path / "klm-lint.sarif"
    assert run.outputs == {"exit-code": "1", "sarif-file": str(report)}
    log = json.loads(report.read_text(encoding="utf-8"))
    assert_valid(log)
    assert [result["ruleId"] for result in log["runs"][0]["results"]] == ["KLM104", "KLM104"]


@pytest.mark.parametrize(
    ("head_repository", "actor", "why"),
    [
        ("someone/site", "someone", "a pull request from a fork may not upload"),
        ("kids-lives-matter/site", "dependabot[bot]", "Dependabot's token may not upload"),
    ],
)
def test_no_upload_where_the_token_may_not(
    pull_request: tuple[Path, str, str],
    tmp_path: Path,
    head_repository: str,
    actor: str,
    why: str,
) -> None:
    origin, merge, base = pull_request
    checkout = clone(origin, tmp_path / "checkout", merge)
    run = run_step(
        "Lint the content",
        checkout,
        tmp_path,
        inputs={"sarif": "true", "changed-only": "false"},
        event="pull_request",
        sha=merge,
        base_sha=base,
        head_repository=head_repository,
        actor=actor,
    )
    assert f"::notice title=klm-lint::No SARIF upload: {why}" in run.stdout
    assert annotated_files(run.stdout) == ["content/posts/new.md", "content/posts/old.md"]
    assert run.outputs == {"exit-code": "1"}


def test_inputs_are_words_never_shell_code(site: SiteBuilder, tmp_path: Path) -> None:
    site.post(GOOD_POST)
    hostile = '--strict $(touch pwned) `touch pwned` ; touch pwned "quoted'
    run = run_step("Lint the content", site.root, tmp_path, inputs={"args": hostile})
    assert not (site.root / "pwned").exists()
    assert run.outputs == {"exit-code": "2"}, "klm-lint got the words as paths, and none exists"


def test_paths_and_args_are_passed_on(site: SiteBuilder, tmp_path: Path) -> None:
    site.post(BAD_POST, "a.md")
    site.post(GOOD_POST.replace("Community engagement.", "Clean water."), "b.md")
    inputs = {"paths": "content/posts/b.md\ncontent/posts/a.md", "args": "--ignore  KLM104"}
    run = run_step("Lint the content", site.root, tmp_path, inputs=inputs)
    assert run.outputs == {"exit-code": "0"}
    assert run.stdout == ""


@pytest.mark.parametrize(("code", "expected"), [("0", 0), ("1", 1), ("2", 2), ("", 2)])
def test_the_last_step_passes_on_the_exit_code(tmp_path: Path, code: str, expected: int) -> None:
    run = run_step("Pass on klm-lint's exit code", tmp_path, tmp_path, inputs={"exit-code": code})
    assert run.code == expected
