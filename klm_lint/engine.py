"""Runs the checks on each file and filters the findings, in a stable order."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.checks import ALL_RULES, RULES_BY_CODE
from klm_lint.checks.loading import FILE_UNREADABLE, FRONT_MATTER_MISSING, INTERNAL_ERROR
from klm_lint.discover import site_path
from klm_lint.document import Document, load_text
from klm_lint.findings import Finding, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from klm_lint.discover import Unreadable
    from klm_lint.selection import Selection
    from klm_lint.site import Site


@dataclass(frozen=True, slots=True)
class RunResult:
    files: int
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)

    @property
    def internal_errors(self) -> int:
        return sum(1 for finding in self.findings if finding.code == INTERNAL_ERROR.code)


def display_path(path: Path) -> str:
    """Relative to the working directory, with / separators."""
    try:
        shown = os.path.relpath(path)
    except ValueError:
        shown = os.path.abspath(path)
    return shown.replace(os.sep, "/")


class Linter:
    def __init__(self, site: Site, selection: Selection, *, debug: bool = False) -> None:
        self.site = site
        self.selection = selection
        self.debug = debug
        self.rules = [
            rule for rule in ALL_RULES if rule.check is not None and rule.code in selection.enabled
        ]

    def run(self, files: Iterable[Path], unreadable: Iterable[Unreadable] = ()) -> RunResult:
        findings: list[Finding] = []
        count = 0
        for problem in unreadable:
            findings.extend(self._filter([self._unreadable(problem.path, problem.reason)], ""))
        for path in files:
            count += 1
            findings.extend(self.lint_file(path))
        findings.sort(key=lambda finding: finding.sort_key)
        return RunResult(count, findings)

    def lint_file(self, path: Path) -> list[Finding]:
        relative = site_path(path, self.site)
        return self._filter(self._check(path, relative), relative)

    def _check(self, path: Path, relative: str) -> list[Finding]:
        shown = display_path(path)
        limit = self.site.config.max_file_size
        try:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
        except OSError as error:
            return [self._unreadable(path, error.strerror or str(error))]
        if len(raw) > limit:
            return [
                _file_finding(
                    shown,
                    "KLM005",
                    f"the file is larger than the limit of {limit:,} bytes; it was not checked. "
                    "Split it, or raise max-file-size in the config.",
                )
            ]
        collection = self.site.collection_for(relative)
        loaded = load_text(
            raw, path, shown, relative, collection, self.site.config.max_front_matter_size
        )
        if not isinstance(loaded, Document):
            rule = RULES_BY_CODE[loaded.code]
            return [
                Finding(
                    shown,
                    loaded.span,
                    rule.code,
                    rule.name,
                    rule.severity,
                    loaded.message,
                    loaded.source_line,
                )
            ]
        if loaded.front_matter is None and collection is not None:
            return [_missing_front_matter(loaded)]
        return self._run_checks(loaded, self.selection.ignored_for(relative))

    def _run_checks(self, doc: Document, ignored: frozenset[str]) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.code in ignored:
                continue
            assert rule.check is not None
            try:
                findings.extend(rule.check(doc, self.site))
            except Exception as error:
                if self.debug:
                    raise
                reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
                findings.append(
                    _file_finding(
                        doc.display_path,
                        INTERNAL_ERROR.code,
                        f"rule {rule.code} {rule.name} failed on this file ({reason}); the "
                        "other rules still ran. This is a bug in klm-lint: please report it "
                        "with the file.",
                    )
                )
        return findings

    def _filter(self, findings: list[Finding], relative: str) -> list[Finding]:
        ignored = self.selection.ignored_for(relative)
        kept = []
        for finding in findings:
            if finding.code not in self.selection.enabled or finding.code in ignored:
                continue
            severity = self.selection.severities[finding.code]
            if severity is not finding.severity:
                finding = dataclasses.replace(finding, severity=severity)
            kept.append(finding)
        return kept

    def _unreadable(self, path: Path, reason: str) -> Finding:
        advice = "Check its permissions." if "ermission" in reason else "Name a file or folder."
        return _file_finding(
            display_path(path),
            FILE_UNREADABLE.code,
            f"cannot read {display_path(path)} ({reason}); it was not checked. {advice}",
        )


def _file_finding(path: str, code: str, message: str) -> Finding:
    rule = RULES_BY_CODE[code]
    return Finding(path, Span(1, 1, 1, 1), rule.code, rule.name, rule.severity, message)


def _missing_front_matter(doc: Document) -> Finding:
    rule = FRONT_MATTER_MISSING
    collection = doc.collection.name if doc.collection else "content"
    if doc.misplaced_delimiter:
        line = doc.misplaced_delimiter
        start = doc.lines.line_start(line)
        message = (
            f"the front matter starts on line {line}, but the site only reads front matter "
            "that starts on the very first line, so it sees none. Delete the "
            f"{'line' if line == 2 else f'{line - 1} lines'} before it."
        )
        return rule.at(doc, start, doc.lines.line_end(line), message)
    missing = (
        "title, date or author"
        if doc.collection and doc.collection.schema.name == "post"
        else "title"
    )
    message = (
        f"this file is in {collection} but has no front matter, so the site has no {missing} "
        "for it. Start the file with a --- line, the keys, and another --- line."
    )
    return rule.at(doc, 0, doc.lines.line_end(1), message)
