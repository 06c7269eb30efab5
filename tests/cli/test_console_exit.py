"""The installed command ends without Python's teardown, and loses nothing by it: every byte of
the report, the exit code, a message given to sys.exit, and a closed pipe's ending."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('teardown\\n'))\n"
    "from klm_lint.cli import console\n"
    "sys.argv = ['klm-lint', *sys.argv[1:]]\n"
    "console()\n"
)
BROKEN = """---
title: 42
---
Text.
"""


def _site(tmp_path: Path, posts: int, text: str) -> Path:
    folder = tmp_path / "content" / "posts"
    folder.mkdir(parents=True)
    for number in range(posts):
        (folder / f"post-{number:03}.md").write_text(text, encoding="utf-8")
    return tmp_path


def _console(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_run_ends_without_teardown_and_with_its_whole_report(tmp_path: Path) -> None:
    root = _site(tmp_path, 300, BROKEN)
    ended = _console(root, "--format", "json", "--no-cache", "--jobs", "1")
    assert ended.returncode == 1
    assert "teardown" not in ended.stderr
    plain = "from klm_lint.cli import main; main()"
    expected = subprocess.run(
        [sys.executable, "-c", plain, "--format", "json", "--no-cache", "--jobs", "1"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert expected.returncode == 1
    assert len(ended.stdout) > 64 * 1024, "more than a pipe holds at once"
    assert ended.stdout == expected.stdout


def test_exit_codes_are_kept(tmp_path: Path) -> None:
    root = _site(tmp_path, 1, "---\ntitle: A post\n---\nText.\n")
    clean = _console(root, "--no-cache", "--select", "KLM001")
    assert (clean.returncode, clean.stdout.count("all checks passed")) == (0, 1)
    assert "teardown" not in clean.stderr
    usage = _console(root, "--jobs", "0")
    assert usage.returncode == 2
    assert usage.stderr.startswith("klm-lint: ")
    assert "teardown" not in usage.stderr


def test_a_closed_pipe_ends_as_python_ends_it(tmp_path: Path) -> None:
    root = _site(tmp_path, 300, BROKEN)
    reader = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--format", "json", "--no-cache", "--jobs", "1"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()
    _, errors = reader.communicate(timeout=120)
    assert reader.returncode != 0
    assert b"Traceback" not in errors
