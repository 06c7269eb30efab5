"""`klm-lint --help`: options grouped by purpose, examples, `[PATHS]...`, at 80 columns."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

PANELS = (
    "Selection: which files and rules",
    "Output",
    "Fixing",
    "CI and adoption",
    "Performance",
    "Rules and this program",
)


def run_klm_lint(*arguments: str, terminal: bool, cwd: Path, columns: int = 80) -> str:
    """klm-lint's standard output, on a pseudo-terminal or a pipe, without colour codes."""
    environment = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm"}
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI"):
        environment.pop(name, None)
    command = [sys.executable, "-m", "klm_lint", *arguments]
    if not terminal:
        done = subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=60, cwd=cwd
        )
        return done.stdout
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(command, stdout=follower, env=environment, cwd=cwd)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    finally:
        os.close(leader)
    text = b"".join(chunks).decode().replace("\r\n", "\n")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def help_text(*, terminal: bool) -> str:
    return run_klm_lint("--help", terminal=terminal, cwd=Path.cwd())


@pytest.mark.parametrize("terminal", [False, True])
def test_help_groups_options_and_shows_examples(terminal: bool) -> None:
    text = help_text(terminal=terminal)
    assert "Usage: klm-lint [OPTIONS] [PATHS]..." in text
    assert "[PATHS]..." in text.split("Arguments", 1)[1]
    assert "<list[Path]>" not in text and "<bool>" not in text and "PATHS <" not in text
    positions = [text.index(f"─ {panel} ") for panel in PANELS]
    assert positions == sorted(positions), "the panels come in their order"
    assert "Examples:" in text and "klm-lint --explain draft-flag" in text
    assert all(cell_len(line) <= 80 for line in text.splitlines()), text
    assert "whatever it says" in text, "--select says loading findings always report"


def test_every_option_is_in_a_panel() -> None:
    text = help_text(terminal=False)
    assert "─ Options " not in text


def test_readme_top_shows_the_new_user_steps() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For new users", 1)[1].split("\n## ", 1)[0]
    for step in ("**Install**", "**First run.**", "**Reading a finding.**", "**Silencing one.**"):
        assert step in section
    assert "**Adding the hook.**" in section
    assert readme.index("## For new users") < readme.index("## Quick start")
