"""One bad file never hides the others: in a folder of a few thousand posts with hostile ones
among them, every good post gets exactly the findings it gets when linted alone."""

from __future__ import annotations

import os
import socket
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.engine.run import Engine
from klm_lint.engine.selection import build_selection
from klm_lint.site.discover import discover
from klm_lint.site.site import Site
from tests.conftest import GOOD_POST, SiteBuilder

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

    from klm_lint.findings import Finding

CORPUS = Path(__file__).parent / "hostile"
GOOD_FILES = 2500

VARIANTS: list[Callable[[str, int], str]] = [
    lambda text, n: text,
    lambda text, n: text.replace("draft: false", "draft: no"),
    lambda text, n: text.replace("2022-04-04T05:00:00Z", f"April {n % 28 + 1}, 2022"),
    lambda text, n: text.replace("/images/author/6.jpg", f"/images/missing-{n}.jpg"),
    lambda text, n: text.replace("title: Community engagement.\n", ""),
    lambda text, n: text.replace("draft: false", f"draft: false\nsubtitel: {n}"),
    lambda text, n: text + f'\n<Notice type="note">\nSee post {n}.\n',
    lambda text, n: text.replace("\n", "\r\n"),
]


def _good_post(number: int) -> str:
    """Posts with and without findings; every tenth pair shares a title (a site-wide finding)."""
    title = f"Post number {number // 2 if number % 20 < 2 else number}."
    return VARIANTS[number % len(VARIANTS)](
        GOOD_POST.replace("Community engagement.", title), number
    )


def _by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.path].append(finding)
    return grouped


def _linter(root: Path) -> Engine:
    config = Config()
    return Engine(Site(root, config), build_selection(config))


def test_good_files_are_linted_as_if_alone(
    site: SiteBuilder, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = site.root / "content" / "posts"
    good = [site.post(_good_post(number), f"good-{number:04}.md") for number in range(GOOD_FILES)]
    for hostile in sorted(CORPUS.iterdir()):
        if hostile.suffix in (".md", ".mdx"):
            (posts / f"hostile-{hostile.name}").write_bytes(hostile.read_bytes())
    with (posts / "hostile-sparse.md").open("wb") as sparse:
        sparse.truncate(10 * 1024**3)
    os.mkfifo(posts / "hostile-fifo.md")
    os.symlink("/dev/zero", posts / "hostile-zero.md")
    os.symlink(posts / "nowhere.md", posts / "hostile-dangling.md")
    os.symlink(posts, posts / "hostile-loop")
    listening = socket.socket(socket.AF_UNIX)
    short = tmp_path_factory.mktemp("s")
    listening.bind(str(short / "s.md"))
    os.symlink(short / "s.md", posts / "hostile-socket.md")
    monkeypatch.chdir(site.root)

    together = _linter(site.root)
    found = discover([site.root / "content"], together.site)
    result = together.run(found.files, found.unreadable)
    listening.close()

    assert result.internal_errors == 0
    names = {Path(path).name for path in _by_path(result.findings)}
    assert "hostile-sparse.md" in names
    assert not names & {"hostile-fifo.md", "hostile-zero.md", "hostile-socket.md"}
    together_by_path = _by_path(result.findings)
    with_findings = [
        path for path in good if path.relative_to(site.root).as_posix() in together_by_path
    ]
    assert len(with_findings) > GOOD_FILES // 2
    alone = _linter(site.root)
    for path in good:
        shown = path.relative_to(site.root).as_posix()
        single = alone.run([path]).findings
        assert together_by_path.get(shown, []) == single, shown
