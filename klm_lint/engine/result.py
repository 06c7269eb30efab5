"""What a run gives: its findings, what it fixed, and what the user must be told."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.findings import Severity
from klm_lint.records import field, value_record

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.engine.overview import Overview
    from klm_lint.findings import Finding

INTERNAL_ERROR_CODE = "KLM000"


@value_record
class FixMode:
    unsafe: bool = False
    write: bool = True
    """False for --diff: compute the fixes and show them, write nothing."""


@value_record
class Result:
    files: int
    """How many files were checked."""
    findings: list[Finding]
    """Sorted by path, line, column, code and message."""
    fixed: list[Finding] = field(default_factory=list)
    """With fix: the findings fixed."""
    diffs: list[str] = field(default_factory=list)
    """With fix in diff mode: a unified diff per file that would change."""
    notes: list[str] = field(default_factory=list)
    """Things the user must know that are not findings (fixes left unapplied)."""
    baselined: int = 0
    """Findings left out because the baseline knows them."""
    baseline_stale: int = 0
    """Baseline entries that no longer occur."""
    checked: list[Path | str] = field(default_factory=list)
    """The files checked, in the order they were checked (the junit report lists clean ones)."""
    overview: Overview | None = None
    """The site summary, when statistics were asked for."""
    tracebacks: list[str] = field(default_factory=list)
    """With debug: the traceback of each internal error (KLM000)."""
    unmatched: int = 0
    """Files in no collection: only the file checks ran on them."""
    empty_collections: tuple[str, ...] = ()
    """Collections the config defines whose patterns matched no file of a full run."""
    preset: str = "nextjs"
    """The preset the run used."""
    detected: str | None = None
    """When the preset was detected from the project's files: what told, as a clause."""

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)

    @property
    def internal_errors(self) -> int:
        return sum(1 for finding in self.findings if finding.code == INTERNAL_ERROR_CODE)
