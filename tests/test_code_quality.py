"""The project's own code stays ruff- and mypy-clean, and CI runs the README's test command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


SOURCES = [name for name in ("klm_lint", "tests", "bench", "fuzz") if (ROOT / name).is_dir()]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check() -> None:
    result = run(sys.executable, "-m", "ruff", "check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(sys.executable, "-m", "ruff", "format", "--check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts() -> None:
    """The one-way flow and no import cycles (pyproject.toml, [tool.importlinter])."""
    result = run(str(Path(sys.executable).parent / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.split("# The README's test command:\n", 1)[1].strip().splitlines()[0]
    assert re.search(r"^" + re.escape(command) + r"$", readme, re.M), command


def test_readme_lists_every_rule() -> None:
    from klm_lint.checks import ALL_RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in ALL_RULES:
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} |" in readme, rule.code


def test_readme_documents_every_option_and_config_key() -> None:
    from klm_lint.config.model import Config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = run(sys.executable, "-m", "klm_lint", "--help").stdout
    for option in re.findall(r"(--[a-z][a-z-]+)", help_text):
        assert f"`{option}" in readme or f", `{option}" in readme, option
    for field in Config.model_fields.values():
        assert f"| `{field.alias}` |" in readme, field.alias
