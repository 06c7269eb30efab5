"""The file system is read only where it should be: nothing is written unless a fix or an output
file is asked for, special files are never read (a FIFO would hang the run), a huge file is not
read whole, and asset checks never look outside the static folders."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.engine.run import Engine
from klm_lint.engine.selection import build_selection
from klm_lint.report import FORMATS
from klm_lint.site.site import Site
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    import pytest

    from klm_lint.findings import Finding
    from tests.conftest import SiteBuilder

Snapshot = dict[str, tuple[int, int, bytes]]


def snapshot(root: Path) -> Snapshot:
    """Every file and folder under root (hidden ones too): mode, modification time, content."""
    state: Snapshot = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            info = path.lstat()
            content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            state[str(path.relative_to(root))] = (info.st_mode, info.st_mtime_ns, content)
    return state


def klm_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klm_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
        timeout=60,
    )


def lint_directly(root: Path, path: Path) -> list[Finding]:
    """Lint one path as the engine gets it, without the folder walk's filtering."""
    config = Config()
    return Engine(Site(root, config), build_selection(config)).run([path]).findings


def test_nothing_is_written_without_fix(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", 'draft: "false"'), "fixable.md")
    site.post(GOOD_POST.replace("2022-04-04T05:00:00Z", "April 4, 2022"), "dated.md")
    site.write("content/pages/about.mdx", "---\ntitle: About\n---\n<Notice>\n")
    site.config("[severity]\nKLM105 = 'error'\n")
    before = snapshot(site.root)
    time.sleep(0.01)
    for output_format in sorted(FORMATS):
        assert klm_lint("--no-cache", "--format", output_format, cwd=site.root).returncode == 1
    assert klm_lint("--no-cache", "--statistics", "--format", "json", cwd=site.root).returncode == 1
    assert klm_lint("--no-cache", "--diff", cwd=site.root).returncode in (0, 1)
    assert snapshot(site.root) == before
    # The index cache, on by default, is all a run writes: in its own folder.
    assert klm_lint("--diff", cwd=site.root).returncode in (0, 1)
    after = snapshot(site.root)
    cached = {name for name in after if name.split(os.sep)[0] == ".klm-lint-cache"}
    assert {name: after[name] for name in after if name not in cached} == before
    assert os.path.join(".klm-lint-cache", ".gitignore") in cached
    assert klm_lint("--fix", "--unsafe-fixes", cwd=site.root).returncode in (0, 1)
    assert snapshot(site.root) != before, "the snapshot must see what --fix writes"


def test_a_fifo_named_on_the_command_line_is_not_read(site: SiteBuilder) -> None:
    (site.root / "content").mkdir()
    os.mkfifo(site.root / "content" / "pipe.md")
    result = klm_lint("--format", "concise", "content/pipe.md", cwd=site.root)
    assert result.returncode == 1, result.stderr
    assert "KLM006 cannot read content/pipe.md (not a regular file)" in result.stdout


def test_a_fifo_swapped_in_after_the_walk_does_not_hang(site: SiteBuilder) -> None:
    fifo = site.root / "content" / "posts" / "swapped.md"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    findings: list[Finding] = []
    worker = threading.Thread(target=lambda: findings.extend(lint_directly(site.root, fifo)))
    worker.daemon = True
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # lets the stuck read go
        raise AssertionError("reading a FIFO blocked the run")
    [finding] = findings
    assert (finding.code, "not a regular file" in finding.message) == ("KLM006", True)


def test_devices_are_not_read(site: SiteBuilder) -> None:
    os.symlink("/dev/zero", site.root / "zero.md")
    result = klm_lint("--format", "concise", "zero.md", cwd=site.root)
    assert "KLM006 cannot read zero.md (not a regular file)" in result.stdout
    [finding] = lint_directly(site.root, site.root / "zero.md")
    assert finding.code == "KLM006"


def test_a_huge_sparse_file_is_not_read_whole(site: SiteBuilder) -> None:
    huge = site.root / "content" / "posts" / "huge.md"
    huge.parent.mkdir(parents=True)
    with huge.open("wb") as handle:
        handle.write(GOOD_POST.encode())
        handle.truncate(10 * 1024**3)
    started = time.process_time()
    [finding] = lint_directly(site.root, huge)
    assert time.process_time() - started < 2
    assert finding.code == "KLM005"
    assert "larger than the limit of 10,485,760 bytes" in finding.message


def test_a_link_to_a_folder_outside_the_static_root_is_not_followed(
    site: SiteBuilder, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "photo.jpg").write_bytes(b"x")
    os.symlink(outside, site.root / "public" / "images" / "linked")
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        listed.append(os.path.realpath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for image in ("/images/linked/photo.jpg", "/images/linked/missing.jpg", "/images/LINKED/x"):
        site.post(GOOD_POST.replace("/images/author/6.jpg", image))
        findings = [finding for finding in site.lint() if finding.code.startswith("KLM20")]
        assert [finding.code for finding in findings] == ["KLM203"], image
        assert "outside the static folder" in findings[0].message
    assert str(outside) not in listed
