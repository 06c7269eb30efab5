"""What the API tells of a run's progress (klm_lint.Progress), in a module of its own: a
Protocol class costs a run's start-up, and the command line's plain runs report none."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Told how many files a run lints, then how many more are done as it goes."""

    def start(self, total: int) -> None: ...

    def advance(self, done: int) -> None: ...
