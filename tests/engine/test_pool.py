"""A run in a process pool reports exactly what a single-process run reports."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import time
from typing import TYPE_CHECKING

import pytest

from klm_lint.engine import pool as parallel
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path

DEFECTS = [
    ("draft: false", 'draft: "false"'),
    ("date: 2022-04-04T05:00:00Z", "date: April 4, 2022"),
    ("image: /images/author/6.jpg", "image: /images/missing.jpg"),
    ("title: Community engagement.", "title: Same title"),
    ("Kids Lives Matter", '<Notice type="warn">'),
    ("draft: false", "draft: false\nsubtitle: unknown key"),
]


def many_posts(site: SiteBuilder, count: int) -> None:
    for index in range(count):
        text = GOOD_POST.replace("Community engagement.", f"Post {index}")
        if index % 7 == 0:
            before, after = DEFECTS[index % len(DEFECTS)]
            text = text.replace(before.replace("Community engagement.", f"Post {index}"), after)
        site.post(text, name=f"post-{index:04d}.md")
    site.post(GOOD_POST, name="post-0001.mdx")


@pytest.mark.parametrize("output", ["json", "concise", "full", "sarif", "junit", "github"])
def test_parallel_and_serial_reports_are_identical(site: SiteBuilder, output: str) -> None:
    many_posts(site, 450)
    serial = klm_lint("--format", output, "--jobs", "1", cwd=site.root)
    pooled = klm_lint("--format", output, "--jobs", "2", cwd=site.root)
    assert serial.returncode == pooled.returncode == 1
    assert pooled.stdout == serial.stdout
    assert pooled.stderr == serial.stderr


def test_parallel_run_counts_files_in_no_collection_as_a_serial_one(site: SiteBuilder) -> None:
    many_posts(site, 420)
    site.write("notes/loose.md", GOOD_POST)
    site.write("notes/undecodable.md", b"\xff\xfe not text")
    serial = klm_lint("content", "notes", "--format", "json", "--jobs", "1", cwd=site.root)
    pooled = klm_lint("content", "notes", "--format", "json", "--jobs", "2", cwd=site.root)
    assert pooled.stdout == serial.stdout
    summary = json.loads(pooled.stdout)["summary"]
    assert summary["unmatched_files"] == 2


def test_default_uses_the_pool_for_large_runs_only() -> None:
    assert parallel.workers_for(parallel.PARALLEL_FROM - 1, None) == 1
    assert parallel.workers_for(10_000, None) >= 1
    assert parallel.workers_for(10, 4) == 4
    assert parallel.workers_for(3, 8) == 3


@pytest.mark.parametrize(("count", "workers"), [(0, 2), (3, 2), (10, 4), (450, 2), (10_000, 2)])
def test_chunks_cover_the_items_in_order_and_shrink(count: int, workers: int) -> None:
    chunks = parallel.chunked(count, workers)
    bounds = [0, *(end for _, end in chunks)]
    assert chunks == list(itertools.pairwise(bounds))
    assert bounds[-1] == count
    sizes = [end - start for start, end in chunks]
    assert sizes == sorted(sizes, reverse=True) or sizes[:-1] == sorted(sizes[:-1], reverse=True)
    assert len(chunks) >= min(count, workers)


def test_parallel_fix_gives_the_same_files(site: SiteBuilder, tmp_path: Path) -> None:
    many_posts(site, 450)
    other = tmp_path.parent / (tmp_path.name + "-copy")
    shutil.copytree(site.root, other)
    serial = klm_lint("--fix", "-f", "concise", "--jobs", "1", cwd=site.root)
    pooled = klm_lint("--fix", "-f", "concise", "--jobs", "2", cwd=other)
    assert pooled.stdout == serial.stdout
    for path in sorted((site.root / "content").rglob("*.md*")):
        assert (other / path.relative_to(site.root)).read_bytes() == path.read_bytes()


def _pid_of(item: int) -> tuple[int, int]:
    time.sleep(0.001)
    return os.getpid(), item


@pytest.mark.parametrize("workers", [2, 3])
def test_shared_work_comes_back_in_order_from_the_parent_and_its_workers(workers: int) -> None:
    items = list(range(400))
    results = list(parallel.map_shared(_pid_of, items, workers))
    assert [item for _pid, item in results] == items
    pids = {pid for pid, _item in results}
    assert os.getpid() in pids
    assert 2 <= len(pids) <= workers


def test_shared_work_is_complete_when_a_worker_dies() -> None:
    parent = os.getpid()

    def square_or_die(item: int) -> int:
        if os.getpid() != parent:
            os._exit(1)
        return item * item

    items = list(range(500))
    assert list(parallel.map_shared(square_or_die, items, 2)) == [item * item for item in items]


def test_shared_work_is_given_out_as_it_is_ready_and_counted() -> None:
    items = list(range(1000))
    parent = os.getpid()
    by_parent: list[int] = []

    def note(item: int) -> tuple[int, int]:
        if os.getpid() == parent:
            by_parent.append(item)
        return _pid_of(item)

    counted: list[int] = []
    given = parallel.map_shared(note, items, 2, counted.append)
    first = [next(given) for _ in range(10)]
    assert [item for _pid, item in first] == items[:10]
    early = len(by_parent)
    rest = list(given)
    assert [item for _pid, item in first + rest] == items
    assert early < len(by_parent), "the first results waited for all of the parent's share"
    assert sum(counted) == len(items)
    assert all(size > 0 for size in counted)


def _no_child_left() -> bool:
    """Whether this process has no child at all, running or waiting to be reaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_shared_work_stopped_early_leaves_no_worker() -> None:
    given = parallel.map_shared(_pid_of, list(range(1000)), 3)
    assert next(given)[1] == 0
    assert not _no_child_left()
    given.close()
    assert _no_child_left()


def test_shared_work_that_fails_in_the_parent_leaves_no_worker() -> None:
    parent = os.getpid()

    def fail_in_the_parent(item: int) -> int:
        if os.getpid() == parent and item >= 300:
            raise RuntimeError("failed")
        time.sleep(0.001)
        return item

    with pytest.raises(RuntimeError, match="failed"):
        list(parallel.map_shared(fail_in_the_parent, list(range(1000)), 3))
    assert _no_child_left()


def test_a_huge_run_is_cut_into_at_most_the_chunks_whose_tickets_fit_in_a_pipe() -> None:
    for count, workers in [(10**6, 2), (3 * 10**6, 64), (10**5, 256)]:
        chunks = parallel.chunked(count, workers)
        assert len(chunks) <= parallel.MOST_CHUNKS
        assert chunks[0][0] == 0 and chunks[-1][1] == count
        assert all(end == start for (_, end), (start, _) in itertools.pairwise(chunks))


@pytest.mark.parametrize("refused", ["fork", "pipe", "tickets"])
def test_shared_work_is_complete_when_no_worker_can_be_started(
    refused: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No process (a limit on processes), no descriptor for a worker's pipe (the tickets' pipe
    is made), or none for the tickets' pipe itself: the parent does the work."""
    pipes = [os.pipe]

    def fail(*_args: object) -> object:
        if refused == "pipe" and len(pipes) == 1:
            pipes.append(os.pipe)
            return pipes[0]()
        raise OSError(11 if refused == "fork" else 24, "refused")

    monkeypatch.setattr(os, "fork" if refused == "fork" else "pipe", fail)
    items = list(range(300))
    results = list(parallel.map_shared(_pid_of, items, 3))
    assert [item for _pid, item in results] == items
    assert {pid for pid, _item in results} == {os.getpid()}


def test_a_workers_pipe_holds_a_chunks_results_where_the_system_allows() -> None:
    import fcntl

    receiving, sending = os.pipe()
    try:
        parallel._widened(sending)
        if hasattr(fcntl, "F_GETPIPE_SZ"):
            with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as handle:
                allowed = int(handle.read()) >= parallel.PIPE_SIZE or os.geteuid() == 0
            held = fcntl.fcntl(sending, fcntl.F_GETPIPE_SZ)
            assert held >= parallel.PIPE_SIZE if allowed else held > 0
    finally:
        os.close(receiving)
        os.close(sending)


def test_results_larger_than_the_pipe_come_back_whole_and_in_order() -> None:
    def big(item: int) -> bytes:
        return bytes([item % 251]) * 6000

    items = list(range(1500))  # chunks of 250 results: about 1.5 MB each, more than a pipe holds
    assert list(parallel.map_shared(big, items, 2)) == [big(item) for item in items]
