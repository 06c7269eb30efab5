"""Options that do nothing together are refused with one line and exit 2."""

from __future__ import annotations

import pytest

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import BAD_POST, klm_lint


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--version", "--fix"], "--fix does not go with --version"),
        (["--list-rules", "--select", "KLM1"], "--select does not go with --list-rules"),
        (["--explain", "KLM104", "content"], "a path does not go with --explain"),
        (["--version", "--list-rules"], "--version and --list-rules: give one of them"),
        (["--diff", "--format", "json"], "--format does not go with --diff"),
        (["--diff", "--output-file", "x.json"], "--output-file does not go with --diff"),
        (["--diff", "--statistics"], "--statistics does not go with --diff"),
        (["--diff", "--show-fixes"], "--show-fixes does not go with --diff"),
        (["--diff", "--strict"], "--strict does not go with --diff"),
        (
            ["--write-baseline", "b.json", "--format", "json"],
            "--format does not go with --write-baseline",
        ),
        (
            ["--write-baseline", "b.json", "--statistics"],
            "--statistics does not go with --write-baseline",
        ),
        (["--write-baseline", "b.json", "--strict"], "--strict does not go with --write-baseline"),
        (
            ["--write-baseline", "b.json", "--exit-zero"],
            "--exit-zero does not go with --write-baseline",
        ),
        (
            ["--write-baseline", "b.json", "--unsafe-fixes"],
            "--unsafe-fixes does not go with --write-baseline",
        ),
        (["--write-baseline", "b.json", "--fix"], "--write-baseline records findings"),
        (["--write-baseline", "b.json", "--baseline", "b.json"], "--baseline and --write-baseline"),
        (["--strict", "--exit-zero"], "--strict makes warnings fail the run and --exit-zero"),
        (["--show-fixes"], "--show-fixes lists what --fix fixed; add --fix"),
        (
            ["--fix", "--show-fixes", "--format", "json"],
            "--show-fixes does not go with --format json",
        ),
        (["--unsafe-fixes", "--format", "sarif"], "--unsafe-fixes without --fix or --diff"),
        (
            ["--color", "always", "--format", "concise"],
            "--color always does not go with --format concise",
        ),
        (["--color", "always", "--diff"], "--color always does not go with --diff"),
        (["--respect-gitignore", "--no-respect-gitignore"], "give one of them"),
    ],
)
def test_refused_with_one_line_and_exit_2(
    site: SiteBuilder, arguments: list[str], message: str
) -> None:
    site.post(BAD_POST)
    result = klm_lint(*arguments, cwd=site.root)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("klm-lint: error: ")
    assert message in result.stderr


def test_under_github_actions_says_auto_chose_the_format(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("--color", "always", cwd=site.root, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 2
    assert "--format github (auto chose it: GITHUB_ACTIONS is true)" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["--version", "--config", "klm-lint.toml"],
        ["--explain", "KLM104", "--color", "never"],
        ["--list-rules", "--color", "always"],
        ["--fix", "--diff"],
        ["--unsafe-fixes"],
        ["--fix", "--show-fixes", "--format", "concise"],
        ["--fix", "--show-fixes", "--format", "json", "--output-file", "r.txt"],
        ["--color", "never", "--format", "json"],
        ["--write-baseline", "b.json", "--select", "KLM1", "--no-suppressions"],
    ],
)
def test_options_that_work_together_are_accepted(site: SiteBuilder, arguments: list[str]) -> None:
    site.post(GOOD_POST)
    site.config("")
    result = klm_lint(*arguments, cwd=site.root)
    assert result.returncode == 0, result.stderr


def test_diff_with_exit_zero_exits_0(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    assert klm_lint("--diff", cwd=site.root).returncode == 1
    result = klm_lint("--diff", "--exit-zero", cwd=site.root)
    assert result.returncode == 0
    assert '-draft: "false"' in result.stdout
