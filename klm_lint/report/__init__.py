"""Reports turn a run's findings into text. They format; they never decide anything."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from klm_lint.records import value_record

if TYPE_CHECKING:
    from typing import Protocol, TextIO

    from klm_lint.engine.result import Result

    class Reporter(Protocol):  # a Protocol class costs a run's start-up: only mypy needs it
        def __call__(self, result: Result, stream: TextIO, options: ReportOptions) -> None: ...


FORMATS = {
    "full": "full",
    "concise": "concise",
    "json": "json",
    "json-lines": "json_lines",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
}
STATISTICS_FORMATS = ("full", "concise", "json")
"""The formats that can show --statistics; the others list findings and nothing else."""


@value_record
class ReportOptions:
    statistics: bool = False
    summary: bool = True
    """False: only the findings, without the summary line and the notes after it."""
    hidden_warnings: int = 0
    """Warnings left out of the findings (--quiet): the summary says how many."""
    safe_fix_command: str = "--fix"
    unsafe_fix_command: str = "--fix --unsafe-fixes"
    """What the notes tell the author to run for the fixes klm-lint could make."""
    color: bool | None = None
    """None: colour when writing to a terminal, unless NO_COLOR is set; or when FORCE_COLOR is."""
    width: int | None = None
    """Lay the full report out for this many columns. None: a terminal's width; off a terminal,
    COLUMNS when colour is forced, else no wrapping at all."""
    fixing: bool = False
    """The run applied fixes: the summary says how many were fixed and how many remain."""
    show_fixes: bool = False
    unsafe_fixes: bool = False


def reporter(name: str) -> Reporter:
    """The report function for a format, importing only that format's module."""
    module = importlib.import_module(f"klm_lint.report.{FORMATS[name]}")
    render: Reporter = module.render
    return render
