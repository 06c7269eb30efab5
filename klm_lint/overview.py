"""The site summary --statistics shows a content lead: findings by folder and by author, and the
posts that are drafts or scheduled, among the files checked."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.dates import appearance
from klm_lint.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from klm_lint.engine import RunResult
    from klm_lint.findings import Finding
    from klm_lint.site import Site
    from klm_lint.site_index import PostEntry

NO_AUTHOR = "(no author)"


@dataclass(frozen=True, slots=True)
class Tally:
    label: str
    errors: int
    warnings: int

    @property
    def count(self) -> int:
        return self.errors + self.warnings


@dataclass(frozen=True, slots=True)
class PostState:
    path: str
    title: str
    author: str
    date: str
    """As written in the front matter."""
    appears: str
    """For a scheduled post, when the theme starts showing it; empty otherwise."""


@dataclass(frozen=True, slots=True)
class Overview:
    folders: tuple[Tally, ...]
    authors: tuple[Tally, ...]
    drafts: tuple[PostState, ...]
    scheduled: tuple[PostState, ...]


def build_overview(result: RunResult, site: Site, files: Iterable[Path]) -> Overview:
    entries = [entry for entry in (site.index.entry(path) for path in files) if entry]
    author_of = {
        entry.display_path: " ".join(entry.author.text.split())
        for entry in entries
        if entry.author is not None and entry.author.text.strip()
    }
    folders = _tallies(result.findings, lambda finding: posixpath.dirname(finding.path) or ".")
    authors = _tallies(result.findings, lambda finding: author_of.get(finding.path, NO_AUTHOR))
    drafts = [_state(entry, "") for entry in entries if entry.hidden]
    scheduled = [
        _state(entry, appearance(entry.date.text, entry.published_at))
        for entry in entries
        if entry.scheduled(site.now) and entry.date is not None and entry.published_at
    ]
    return Overview(
        folders,
        authors,
        tuple(sorted(drafts, key=lambda state: state.path)),
        tuple(sorted(scheduled, key=lambda state: (state.appears, state.path))),
    )


def _tallies(findings: list[Finding], key: Callable[[Finding], str]) -> tuple[Tally, ...]:
    counts: dict[str, list[int]] = {}
    for finding in findings:
        errors_warnings = counts.setdefault(key(finding), [0, 0])
        errors_warnings[0 if finding.severity is Severity.ERROR else 1] += 1
    tallies = [Tally(label, errors, warnings) for label, (errors, warnings) in counts.items()]
    return tuple(sorted(tallies, key=lambda tally: (-tally.count, tally.label)))


def _state(entry: PostEntry, appears: str) -> PostState:
    return PostState(
        entry.display_path,
        entry.title.text.strip() if entry.title else "",
        " ".join(entry.author.text.split()) if entry.author else "",
        entry.date.text.strip() if entry.date else "",
        appears,
    )
