"""Work spread over a pool of processes, for large runs.

The items are cut into contiguous chunks, each sent to a worker process, which applies the
function it inherited when the pool was forked (with the config, schemas, static-root listings
and the whole-site index built once, in the parent) and sends back the results. Results come back in
item order, so a report is identical to a single-process run.

A worker dies with the parent: when the parent is killed (`kill -9`, a CI timeout, the OOM
killer), nothing is left waiting on the pipe. On Linux the kernel sends each worker SIGKILL
(prctl PR_SET_PDEATHSIG); elsewhere a thread in each worker checks its parent twice a second.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING, Any, TypeVar

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

_TASK: Callable[[Any], Any] | None = None
"""What the forked workers do: set in the parent just before the pool starts."""

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


def map_ordered(
    function: Callable[[Item], Result],
    items: list[Item],
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """function(item) for every item, computed in `workers` forked processes, in item order."""
    global _TASK
    chunks = chunked(len(items), workers)
    _TASK = function
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The workers share the parent's pages until they write them; a collection of the cycles
    # in the parent's objects would write to every one of them (their collector fields).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            # Each chunk's items are sent, not inherited: a worker that used the parent's own
            # objects would write to (so copy) the pages that hold them.
            sent = (items[start:end] for start, end in chunks)
            for (start, end), results in zip(chunks, pool.map(_run_chunk, sent), strict=True):
                yield from results
                if progress is not None:
                    progress(end - start)
    finally:
        _TASK = None
        gc.unfreeze()


def map_shared(function: Callable[[Item], Result], items: list[Item], workers: int) -> list[Result]:
    """function(item) for every item, in item order, computed by the parent and `workers` - 1
    forked processes together: each takes the next chunk from a counter they share, so the
    parent does its share instead of waiting, its results cross no pipe, and no thread of the
    parent feeds the workers. A worker sends each chunk's results as it finishes it; should a
    worker fail, the parent computes the chunks whose results did not come."""
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
        while (at := claim()) < len(chunks):
            sending.send_bytes(pickle.dumps((at, compute(at)), pickle.HIGHEST_PROTOCOL))

    def receive(receiving: Connection, into: list[bytes]) -> None:
        # Reading waits without the GIL: the parent computes meanwhile, and the worker never
        # waits for a full pipe.
        with contextlib.suppress(EOFError, OSError):
            while True:
                into.append(receiving.recv_bytes())

    results: dict[int, list[Result]] = {}
    received: list[bytes] = []
    started: list[tuple[BaseProcess, Connection, Thread]] = []
    finished = False
    gc.freeze()  # as in map_ordered: the workers write fewer of the parent's pages
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
            results[at] = compute(at)
        for _worker, _receiving, reader in started:
            reader.join()
        finished = True
    finally:
        for worker, receiving, _reader in started:
            if not finished:  # the parent failed: stop the workers, which ends the readers
                worker.kill()
            worker.join()
            receiving.close()
        gc.unfreeze()
    for message in received:
        at, chunk = pickle.loads(message)
        results[at] = chunk
    return [
        result
        for at in range(len(chunks))
        for result in (results[at] if at in results else compute(at))
    ]


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


def _run_chunk(items: list[Any]) -> list[Any]:
    assert _TASK is not None
    function = _TASK
    return [function(item) for item in items]


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
