"""A progress bar on stderr for long runs on a terminal; it disappears when the run is done."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from rich.progress import Progress, TaskID

PROGRESS_THRESHOLD = 300
"""Runs of more files than this show a progress bar: shorter ones finish before it would help."""


def wants_progress(file_count: int, *, human_report: bool, stderr: TextIO | None = None) -> bool:
    """Only for a report meant for people, only on a terminal, only for a long run."""
    stream = sys.stderr if stderr is None else stderr
    return human_report and file_count > PROGRESS_THRESHOLD and _is_terminal(stream)


class ProgressBar:
    """The api's progress, shown as a bar once the run turns out to be long enough."""

    def __init__(self, *, human_report: bool) -> None:
        self._human_report = human_report
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def start(self, total: int) -> None:
        if not wants_progress(total, human_report=self._human_report):
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        # Counted and worded as the summary line counts them: "Checked 10,000 files".
        counts = TextColumn("{task.completed:,}/{task.total:,} files")
        columns = (TextColumn("Checking"), BarColumn(), counts)
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("lint", total=total)
        self._bar.start()

    def advance(self, done: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, done)

    def close(self) -> None:
        """Erase the bar, if one is shown."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
