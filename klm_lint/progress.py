"""A progress bar on stderr for long runs on a terminal; it disappears when the run is done."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

PROGRESS_THRESHOLD = 300
"""Runs of more files than this show a progress bar: shorter ones finish before it would help."""


def wants_progress(file_count: int, *, human_report: bool, stderr: TextIO | None = None) -> bool:
    """Only for a report meant for people, only on a terminal, only for a long run."""
    stream = sys.stderr if stderr is None else stderr
    return human_report and file_count > PROGRESS_THRESHOLD and _is_terminal(stream)


@contextmanager
def progress_bar(total: int, *, show: bool) -> Iterator[Callable[[int], None] | None]:
    """A callback that advances a bar on stderr by a number of files, or None when not shown."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("Linting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("lint", total=total)
        yield lambda done: progress.advance(task, done)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
