"""Work spread over a pool of processes, for large runs.

The items are cut into contiguous chunks, which the parent and its forked workers take in turn
from a counter they share; each applies the function it inherited when the pool was forked
(with the config, schemas, static-root listings and the whole-site index built once, in the
parent), and the workers send back their results. Results come back in item order, so a report
is identical to a single-process run.

A worker dies with the parent: when the parent is killed (`kill -9`, a CI timeout, the OOM
killer), nothing is left waiting on the pipe. On Linux the kernel sends each worker SIGKILL
(prctl PR_SET_PDEATHSIG); elsewhere a thread in each worker checks its parent twice a second.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess
    from threading import Thread

PARALLEL_FROM = 400
"""Runs of fewer files stay in one process: starting a pool costs more than it saves."""
CHUNKS_PER_WORKER = 4
"""Each chunk is at most the remaining items' share of this many chunks per worker: large
chunks first, smaller ones towards the end (guided scheduling), so that the workers finish
together and few chunks are sent."""
SMALLEST_CHUNK = 25
LARGEST_CHUNK = 250
"""A worker holds a chunk's results until it sends them: large sites are cut finer."""

Item = TypeVar("Item")
Result = TypeVar("Result")

_PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5
"""Seconds between two looks at the parent, where the kernel cannot be asked."""
use_prctl = sys.platform.startswith("linux")
"""Whether to ask the kernel (False: the thread that watches the parent, everywhere)."""


def workers_for(items: int, jobs: int | None) -> int:
    """How many processes to use: --jobs if given, else one per core for large runs."""
    if (jobs is None and items < PARALLEL_FROM) or jobs == 1 or not _can_fork():
        return 1
    if jobs is not None:
        return max(1, min(jobs, items))
    return max(1, min(os.cpu_count() or 1, items // (PARALLEL_FROM // 2)))


def map_shared(
    function: Callable[[Item], Result],
    items: list[Item],
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """function(item) for every item, in item order, computed by the parent and `workers` - 1
    forked processes together: each takes the next chunk from a counter they share, so the
    parent does its share instead of waiting, its results cross no pipe, and no thread of the
    parent feeds the workers. A worker sends each chunk's results as it finishes it; the parent
    gives the results out as soon as those of every earlier chunk are there. Should a worker
    fail, the parent computes the chunks whose results did not come."""
    import contextlib
    import multiprocessing
    import pickle
    import threading

    chunks = chunked(len(items), workers)
    context = multiprocessing.get_context("fork")
    following = context.RawValue("i", 0)
    lock = context.Lock()

    def claim() -> int:
        with lock:
            at: int = following.value
            following.value = at + 1
        return at

    def compute(at: int) -> list[Result]:
        start, end = chunks[at]
        return [function(item) for item in items[start:end]]

    def work(sending: Connection, parent: int) -> None:
        _die_with_parent(parent)
        try:
            while (at := claim()) < len(chunks):
                results = pickle.dumps(compute(at), pickle.HIGHEST_PROTOCOL)
                sending.send_bytes(at.to_bytes(4, "little") + results)
        except BaseException:  # noqa: BLE001 - the parent computes what did not come
            os._exit(1)

    def receive(receiving: Connection, into: dict[int, bytes]) -> None:
        # Reading waits without the GIL: the parent computes meanwhile, and the worker never
        # waits for a full pipe.
        with contextlib.suppress(EOFError, OSError):
            while True:
                message = receiving.recv_bytes()
                into[int.from_bytes(message[:4], "little")] = message

    own: dict[int, list[Result]] = {}
    received: dict[int, bytes] = {}
    given = 0
    """The chunks given out so far."""

    def ready(*, last: bool) -> Iterator[Result]:
        nonlocal given
        while given < len(chunks):
            if given in own:
                results = own.pop(given)
            elif given in received:
                results = pickle.loads(memoryview(received.pop(given))[4:])
            elif last:
                results = compute(given)
            else:
                return
            start, end = chunks[given]
            given += 1
            yield from results
            if progress is not None:
                progress(end - start)

    started: list[tuple[BaseProcess, Connection, Thread]] = []
    finished = False
    # The workers share the parent's pages until they write them; a collection of the cycles
    # in the parent's objects would write to every one of them (their collector fields).
    gc.freeze()
    try:
        for _ in range(workers - 1):
            receiving, sending = context.Pipe(duplex=False)
            forked = context.Process(target=work, args=(sending, os.getpid()), daemon=True)
            forked.start()
            sending.close()
            reader = threading.Thread(target=receive, args=(receiving, received), daemon=True)
            reader.start()
            started.append((forked, receiving, reader))
        gc.unfreeze()  # the workers are forked; the parent's collector goes on with its work
        while (at := claim()) < len(chunks):
            own[at] = compute(at)
            yield from ready(last=False)
        for _worker, _receiving, reader in started:
            reader.join()
        finished = True
    finally:
        for worker, receiving, _reader in started:
            if not finished:  # the parent failed or stopped: stop the workers and their readers
                worker.kill()
            worker.join()
            receiving.close()
        gc.unfreeze()
    yield from ready(last=True)


def chunked(count: int, workers: int) -> list[tuple[int, int]]:
    """The items' bounds, cut into chunks that shrink as fewer items remain."""
    share = workers * CHUNKS_PER_WORKER
    smallest = max(1, min(SMALLEST_CHUNK, count // share))
    chunks = []
    start = 0
    while start < count:
        size = min(LARGEST_CHUNK, max(smallest, -(-(count - start) // share)))
        chunks.append((start, min(start + size, count)))
        start += size
    return chunks


def _die_with_parent(parent: int) -> None:
    """Run in each worker as it starts: make it exit as soon as its parent is gone."""
    if not (use_prctl and _ask_the_kernel()):
        import threading  # here: a run in one process starts no thread

        watcher = threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True)
        watcher.start()
    if os.getppid() != parent:  # the parent died before the worker was ready
        os._exit(1)


def _ask_the_kernel() -> bool:
    """Linux: SIGKILL to this process when its parent dies."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
