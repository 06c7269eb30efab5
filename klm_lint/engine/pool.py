"""Work spread over a pool of processes, for large runs.

The items are cut into contiguous chunks, which the parent and its forked workers take in turn
from a pipe of tickets they share; each applies the function it inherited when the pool was forked
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
    forked processes together: each takes the next chunk from a pipe of tickets they share, so
    the parent does its share instead of waiting, its results cross no pipe, and no thread of
    the parent feeds the workers. A worker sends each chunk's results as it finishes it; the
    parent gives the results out as soon as those of every earlier chunk are there. Should a
    worker fail, the parent computes the chunks whose results did not come."""
    import contextlib
    import pickle
    import signal
    import struct
    import threading

    header = struct.Struct("<IQ")
    """A chunk's results as a worker sends them: the chunk's number and their size."""
    chunks = chunked(len(items), workers)

    def compute(at: int) -> list[Result]:
        start, end = chunks[at]
        return [function(item) for item in items[start:end]]

    def work(sending: int, parent: int) -> None:
        _die_with_parent(parent)
        with os.fdopen(sending, "wb") as stream:
            while (at := tickets.take()) is not None:
                results = pickle.dumps(compute(at), pickle.HIGHEST_PROTOCOL)
                stream.write(header.pack(at, len(results)))
                stream.write(results)
                stream.flush()

    def receive(receiving: int, into: dict[int, bytes]) -> None:
        # Reading waits without the GIL: the parent computes meanwhile. Between two reads the
        # thread needs it back, which can take a switch interval: the pipe holds a chunk's
        # results whole (PIPE_SIZE), so that the worker does not wait for it.
        with contextlib.suppress(OSError), os.fdopen(receiving, "rb") as stream:
            while len(head := stream.read(header.size)) == header.size:
                at, size = header.unpack(head)
                results = stream.read(size)
                if len(results) != size:
                    return
                into[at] = results

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
                results = pickle.loads(received.pop(given))
            elif last:
                results = compute(given)
            else:
                return
            start, end = chunks[given]
            given += 1
            yield from results
            if progress is not None:
                progress(end - start)

    try:
        tickets = _Tickets(len(chunks))
    except OSError:  # no pipe to be had: the parent does the work alone
        yield from ready(last=True)
        return
    forked: list[tuple[int, int]] = []
    """Each worker's process id and the end of the pipe its results come through."""
    readers: list[threading.Thread] = []
    finished = False
    parent = os.getpid()
    # The workers share the parent's pages until they write them; a collection of the cycles
    # in the parent's objects would write to every one of them (their collector fields).
    gc.freeze()
    try:
        for _ in range(workers - 1):
            try:
                receiving, sending = os.pipe()
            except OSError:  # no descriptor to be had: fewer workers
                break
            _widened(sending)
            try:
                worker = os.fork()
            except OSError:  # no process to be had (a limit on processes): fewer workers
                os.close(receiving)
                os.close(sending)
                break
            if worker == 0:  # the worker: it never returns to the caller's code
                code = 0
                try:
                    tickets.close_writing()  # else the tickets never run out
                    os.close(receiving)
                    for _pid, other in forked:
                        os.close(other)
                    work(sending, parent)
                except BaseException:  # noqa: BLE001 - the parent computes what did not come
                    code = 1
                finally:
                    os._exit(code)
            os.close(sending)
            forked.append((worker, receiving))
        gc.unfreeze()  # the workers are forked; the parent's collector goes on with its work
        tickets.close_writing()
        # Started once every worker is forked: no thread of the parent is ever forked over.
        for _worker, receiving in forked:
            reader = threading.Thread(target=receive, args=(receiving, received), daemon=True)
            reader.start()
            readers.append(reader)
        while (at := tickets.take()) is not None:
            own[at] = compute(at)
            yield from ready(last=False)
        for reader in readers:
            reader.join()
        finished = True
    finally:
        for place, (worker, receiving) in enumerate(forked):
            if not finished:  # the parent failed or stopped: stop the workers and their readers
                with contextlib.suppress(OSError):
                    os.kill(worker, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(worker, 0)
            if place >= len(readers):  # its reader never started: the parent closes its pipe
                with contextlib.suppress(OSError):
                    os.close(receiving)
        tickets.close()
        gc.unfreeze()
    yield from ready(last=True)


PIPE_SIZE = 1 << 20
"""What a worker's pipe holds (Linux; its default limit for a process): a chunk's results, as
most sites make them, fit whole, so the worker goes on to its next chunk without waiting for
the parent's reader (which needs the interpreter between two reads, and the parent holds it
while it computes its own chunks)."""


def _widened(pipe: int) -> None:
    """The pipe made to hold PIPE_SIZE bytes, where the system allows (else left as it is)."""
    import contextlib
    import fcntl

    setting = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setting is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe, setting, PIPE_SIZE)


MOST_CHUNKS = 1024
"""The most chunks a run is cut into: their tickets (4 bytes each) fit in any pipe before a
worker takes one."""
_TICKET = 4


class _Tickets:
    """The chunks' numbers in a pipe, written before the workers are forked: each process takes
    the next by reading one (the reads of a pipe are one at a time, and each takes a whole
    number). A worker that dies takes no more; the parent computes what it did not send."""

    def __init__(self, count: int) -> None:
        self._reading, self._writing = os.pipe()
        self._closed = False
        data = b"".join(at.to_bytes(_TICKET, "little") for at in range(count))
        written = 0
        while written < len(data):
            written += os.write(self._writing, data[written:])

    def take(self) -> int | None:
        """The next chunk's number; None when none is left."""
        ticket = os.read(self._reading, _TICKET)
        return int.from_bytes(ticket, "little") if len(ticket) == _TICKET else None

    def close_writing(self) -> None:
        """Once the workers are forked: when every ticket is taken, reading one finds none."""
        if self._writing >= 0:
            os.close(self._writing)
            self._writing = -1

    def close(self) -> None:
        self.close_writing()
        if not self._closed:
            os.close(self._reading)
            self._closed = True


def chunked(count: int, workers: int) -> list[tuple[int, int]]:
    """The items' bounds, cut into chunks that shrink as fewer items remain (at most
    MOST_CHUNKS of them: a huge run's chunks are larger)."""
    share = workers * CHUNKS_PER_WORKER
    smallest = max(1, min(SMALLEST_CHUNK, count // share))
    largest = LARGEST_CHUNK
    while True:
        chunks = []
        start = 0
        while start < count:
            size = min(largest, max(smallest, -(-(count - start) // share)))
            chunks.append((start, min(start + size, count)))
            start += size
        if len(chunks) <= MOST_CHUNKS:
            return chunks
        smallest, largest = 2 * smallest, 2 * largest


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
    return hasattr(os, "fork")
