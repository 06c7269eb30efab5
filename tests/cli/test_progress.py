from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
import threading

import pytest

from klm_lint.cli.progress import PROGRESS_THRESHOLD, ProgressBar, wants_progress
from tests.conftest import GOOD_POST, SiteBuilder


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wants_progress_only_for_long_human_runs_on_a_terminal() -> None:
    many = PROGRESS_THRESHOLD + 1
    assert wants_progress(many, human_report=True, stderr=Terminal())
    assert not wants_progress(PROGRESS_THRESHOLD, human_report=True, stderr=Terminal())
    assert not wants_progress(many, human_report=False, stderr=Terminal())
    assert not wants_progress(many, human_report=True, stderr=io.StringIO())


def test_a_short_run_starts_no_bar(capsys: pytest.CaptureFixture[str]) -> None:
    bar = ProgressBar(human_report=True)
    bar.start(5)
    bar.advance(5)
    bar.close()
    assert capsys.readouterr() == ("", "")


def run_on_a_terminal(site: SiteBuilder, *arguments: str) -> tuple[int, str, str]:
    """klm-lint with stderr on a pseudo-terminal and stdout on a pipe: (exit, stdout, stderr)."""
    leader, follower = pty.openpty()
    environment = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    for name in ("NO_COLOR", "FORCE_COLOR", "CI"):
        environment.pop(name, None)
    terminal: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            terminal.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "klm_lint", *arguments],
            cwd=site.root,
            stdout=subprocess.PIPE,
            stderr=follower,
            env=environment,
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    return process.returncode, process.stdout.decode(), b"".join(terminal).decode(errors="replace")


@pytest.fixture
def big_site(site: SiteBuilder) -> SiteBuilder:
    for index in range(PROGRESS_THRESHOLD + 1):
        site.post(GOOD_POST.replace("Community engagement.", f"Post {index}."), f"p{index}.md")
    return site


def test_progress_bar_on_a_terminal_for_a_long_run(big_site: SiteBuilder) -> None:
    code, stdout, terminal = run_on_a_terminal(big_site, "--format", "full")
    assert code == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal)
    total = PROGRESS_THRESHOLD + 1
    assert f"Checking {'━' * 40} 0/{total} files" in shown
    assert f"{total}/{total} files" in shown
    assert terminal.endswith("\x1b[2K"), "the bar is erased when the run is done"
    assert stdout == f"Checked {PROGRESS_THRESHOLD + 1} files: all checks passed.\n"


@pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
def test_no_progress_bar_in_machine_formats(big_site: SiteBuilder, output_format: str) -> None:
    code, stdout, terminal = run_on_a_terminal(big_site, "--format", output_format)
    assert code == 0
    assert terminal == ""
    assert "Linting" not in stdout


def test_no_progress_bar_for_a_short_run(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    code, _, terminal = run_on_a_terminal(site)
    assert (code, terminal) == (0, "")


def test_the_bar_counts_as_the_summary_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Checking 1,234/1,234 files" then "Checked 1,234 files": the same words and numbers."""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = ProgressBar(human_report=True)
    bar.start(1234)
    bar.advance(1234)
    bar.close()
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert "Checking" in shown and "1,234/1,234 files" in shown
