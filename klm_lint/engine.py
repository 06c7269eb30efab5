"""Runs the checks on each file and filters the findings, in a stable order."""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
import traceback
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from klm_lint import parallel, suppressions
from klm_lint.checks import ALL_RULES, RULES_BY_CODE
from klm_lint.checks.loading import FILE_UNREADABLE, FRONT_MATTER_MISSING, INTERNAL_ERROR
from klm_lint.discover import inside, site_path
from klm_lint.document import Document, load_text
from klm_lint.findings import Finding, Severity, Span
from klm_lint.fixer import applicable, encode, fix_document, unified_diff, write_atomically
from klm_lint.site_index import entry_for
from klm_lint.text import printable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from pathlib import Path

    from klm_lint.baseline import Baseline
    from klm_lint.discover import Unreadable
    from klm_lint.overview import Overview
    from klm_lint.rule import Rule
    from klm_lint.selection import Selection
    from klm_lint.site import Site
    from klm_lint.site_index import PostEntry


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FixMode:
    unsafe: bool = False
    write: bool = True
    """False for --diff: compute the fixes and show them, write nothing."""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What linting (or fixing) one file gave; small, so a worker process can send it back."""

    findings: list[Finding]
    fixed: list[Finding] = dataclasses.field(default_factory=list)
    diff: str = ""
    note: str = ""


_CLEAN = FileOutcome([])
"""Shared by the files of a run that gave nothing: a large run keeps one per file."""


@dataclass(frozen=True, slots=True)
class RunResult:
    files: int
    findings: list[Finding]
    fixed: list[Finding] = dataclasses.field(default_factory=list)
    diffs: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    """Things the user must know that are not findings (fixes left unapplied)."""
    baselined: int = 0
    """Findings left out because the baseline knows them."""
    baseline_stale: int = 0
    """Baseline entries that no longer occur."""
    checked: list[Path] = dataclasses.field(default_factory=list)
    """The files checked, in the order they were checked (the junit report lists clean ones)."""
    overview: Overview | None = None
    """The site summary, when --statistics asks for it."""

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)

    @property
    def internal_errors(self) -> int:
        return sum(1 for finding in self.findings if finding.code == INTERNAL_ERROR.code)


def _relative_or_absolute(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return os.path.abspath(path)


def display_path(path: Path) -> str:
    """Relative to the working directory, with / separators; bytes of a file name that are not
    UTF-8 show as U+FFFD and control characters as their pictures, so that every report can
    write the path and no name can steer the terminal."""
    text = os.fspath(path)
    shown = inside(os.path.abspath(text), os.getcwd()) if os.path.isabs(text) else None
    if shown is None:
        normal = os.path.normpath(text)
        relative = (
            not os.path.isabs(normal) and normal != ".." and not normal.startswith(".." + os.sep)
        )
        shown = normal if relative else _relative_or_absolute(text)
    return printable(os.fsencode(shown).decode("utf-8", "replace")).replace(os.sep, "/")


class Linter:
    def __init__(
        self,
        site: Site,
        selection: Selection,
        *,
        debug: bool = False,
        suppressions: bool = True,
        baseline: Baseline | None = None,
    ) -> None:
        self.site = site
        self.selection = selection
        self.debug = debug
        self.use_suppressions = suppressions
        self.baseline = baseline
        self.rules = [
            rule for rule in ALL_RULES if rule.check is not None and rule.code in selection.enabled
        ]
        self.rule_names = {rule.code: rule.code for rule in ALL_RULES} | {
            rule.name: rule.code for rule in ALL_RULES
        }
        self._deferred: frozenset[str] = frozenset()
        """Whole-site rules left for the second pass of a run."""

    def run(
        self,
        files: Iterable[Path],
        unreadable: Iterable[Unreadable] = (),
        fix: FixMode | None = None,
        *,
        jobs: int | None = None,
        progress: Callable[[int], None] | None = None,
        walked: Sequence[Path] = (),
    ) -> RunResult:
        """Lint (or fix) the files, in a process pool for large runs. The result is the same,
        byte for byte, whatever the number of processes.

        `walked`: folders whose every content file is among `files` (they were walked to find
        them), so the whole-site index need not walk them again."""
        result = RunResult(0, [])
        for problem in unreadable:
            result.findings.extend(
                self._filter([self._unreadable(problem.path, problem.reason)], "")
            )
        paths = list(files)
        workers = parallel.workers_for(len(paths), jobs)
        site_rules = [rule for rule in self.rules if rule.whole_site]
        if fix is None and site_rules:
            outcomes: Iterable[FileOutcome] = self._in_two_passes(
                paths, walked, site_rules, workers, progress
            )
        else:
            if workers > 1 and site_rules:
                self.site.index.entries()
            outcomes = self._map(partial(self.outcome, fix=fix), paths, workers, progress)
        for outcome in outcomes:
            result.findings.extend(outcome.findings)
            result.fixed.extend(outcome.fixed)
            if outcome.diff:
                result.diffs.append(outcome.diff)
            if outcome.note:
                result.notes.append(outcome.note)
        result.checked.extend(paths)
        result.findings.sort(key=lambda finding: finding.sort_key)
        if self.baseline is None:
            return dataclasses.replace(result, files=len(paths))
        kept, known, stale = self.baseline.filter(result.findings)
        return dataclasses.replace(
            result, files=len(paths), findings=kept, baselined=known, baseline_stale=stale
        )

    @staticmethod
    def _map(
        function: Callable[[Path], T],
        paths: list[Path],
        workers: int,
        progress: Callable[[int], None] | None,
    ) -> Iterator[T]:
        if workers > 1:
            yield from parallel.map_ordered(function, paths, workers, progress)
            return
        for path in paths:
            yield function(path)
            if progress is not None:
                progress(1)

    def _in_two_passes(
        self,
        paths: list[Path],
        walked: Sequence[Path],
        site_rules: list[Rule],
        workers: int,
        progress: Callable[[int], None] | None,
    ) -> Iterator[FileOutcome]:
        """Lint every file with the rules that need no other file, keeping each post's index
        entry; then, with the whole collection in the index, check again the few posts a
        whole-site rule has something to say about. Each post is read once, and the index
        only reads the posts of the collection that are not being linted."""
        self._deferred = frozenset(rule.code for rule in site_rules)
        index = self.site.index
        first: list[FileOutcome | None] = []
        entries: list[PostEntry | None] = []
        unread: list[Path] = []
        try:
            for path, (outcome, entry, key) in zip(
                paths, self._map(self._first_pass, paths, workers, progress), strict=True
            ):
                if key:
                    index.put(key, entry)
                else:
                    unread.append(path)
                first.append(outcome if outcome != _CLEAN else _CLEAN)
                entries.append(entry)
        finally:
            self._deferred = frozenset()
        index.found_by_run(walked, unread)
        for path, outcome, entry in zip(paths, first, entries, strict=True):
            if outcome is None or (entry is not None and self._concerns(entry, site_rules)):
                yield self.outcome(path, None)
            else:
                yield outcome

    def _first_pass(self, path: Path) -> tuple[FileOutcome | None, PostEntry | None, str]:
        """The file's outcome without whole-site rules, its index entry, and the index key
        the entry is for ("" when the file did not load: the index reads it on its own).

        No outcome when the entry could not be made (a bug): the second pass checks the post
        with every rule, and the whole-site rules report the failure there."""
        relative = site_path(path, self.site)
        raw = self._read(path)
        if isinstance(raw, Finding):
            return FileOutcome(self._filter([raw], relative)), None, ""
        document, findings = self.lint_bytes(path, relative, raw)
        if document is None:
            return FileOutcome(findings), None, ""
        key = os.path.abspath(path)
        try:
            entry = entry_for(document, key)
        except Exception:  # noqa: BLE001 - checked again, the whole-site rules report it
            return None, None, ""
        return FileOutcome(findings), entry, key

    def _concerns(self, entry: PostEntry, site_rules: list[Rule]) -> bool:
        """Whether a whole-site rule finds something in the post (before any filter), or fails
        on it: checking the post again then reports the failure as KLM000."""
        ignored = self.selection.ignored_for(entry.site_path)
        for rule in site_rules:
            assert rule.problems is not None
            if rule.code in ignored:
                continue
            try:
                if next(iter(rule.problems(entry, self.site)), None):
                    return True
            except Exception:  # noqa: BLE001 - a bug in klm-lint must not stop the run
                return True
        return False

    def outcome(self, path: Path, fix: FixMode | None) -> FileOutcome:
        """One file's findings, and with fix, what was fixed."""
        if fix is None:
            return FileOutcome(self.lint_file(path))
        relative = site_path(path, self.site)
        raw = self._read(path)
        if isinstance(raw, Finding):
            return FileOutcome(self._filter([raw], relative))
        document, findings = self.lint_bytes(path, relative, raw)
        if document is None or not any(applicable(f, fix.unsafe) for f in findings):
            return FileOutcome(findings)
        fixed = fix_document(self, path, relative, document, findings, unsafe=fix.unsafe)
        if fixed.problem:
            note = (
                f"{document.display_path}: fixes not applied, because the fixed file would not "
                f"load ({fixed.problem}). Please report this."
            )
            return FileOutcome(fixed.findings, note=note)
        if not fixed.changed:
            return FileOutcome(fixed.findings)
        if not fix.write:
            diff = unified_diff(document.display_path, fixed.original, fixed.text)
            return FileOutcome(fixed.findings, fixed.fixed, diff=diff)
        write_atomically(path, encode(fixed.text, document.bom))
        return FileOutcome(fixed.findings, fixed.fixed)

    def lint_file(self, path: Path) -> list[Finding]:
        relative = site_path(path, self.site)
        raw = self._read(path)
        if isinstance(raw, Finding):
            return self._filter([raw], relative)
        return self.lint_bytes(path, relative, raw)[1]

    def lint_bytes(
        self, path: Path, relative: str, raw: bytes
    ) -> tuple[Document | None, list[Finding]]:
        """The document (when the bytes load as one) and its filtered findings."""
        loaded, findings = self._check(path, relative, raw)
        findings = self._filter(findings, relative)
        if loaded is None or not self.use_suppressions:
            return loaded, findings
        found = suppressions.find(loaded, self.rule_names)
        if not found:
            return loaded, findings
        enabled = self.selection.enabled - self.selection.ignored_for(relative)
        kept, unused = suppressions.apply(
            loaded, findings, found, enabled, self.rule_names.values()
        )
        return loaded, kept + self._filter(unused, relative)

    def _read(self, path: Path) -> bytes | Finding:
        limit = self.site.config.max_file_size
        try:
            # Non-blocking, so that a FIFO put in the file's place cannot make the run hang.
            descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
            try:
                info = os.fstat(descriptor)
                if not stat.S_ISREG(info.st_mode):
                    return self._unreadable(path, "not a regular file")
                raw = _read_up_to(descriptor, limit + 1, info.st_size)
            finally:
                os.close(descriptor)
        except OSError as error:
            return self._unreadable(path, error.strerror or str(error))
        if len(raw) > limit:
            return _file_finding(
                display_path(path),
                "KLM005",
                f"the file is larger than the limit of {limit:,} bytes; it was not checked. "
                "Split it, or raise max-file-size in the config.",
            )
        return raw

    def _check(
        self, path: Path, relative: str, raw: bytes
    ) -> tuple[Document | None, list[Finding]]:
        shown = display_path(path)
        collection = self.site.collection_for(relative)
        try:
            loaded = load_text(
                raw, path, shown, relative, collection, self.site.config.max_front_matter_size
            )
        except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
            return None, [self._internal_error(shown, None, error)]
        if not isinstance(loaded, Document):
            rule = RULES_BY_CODE[loaded.code]
            finding = Finding(
                shown,
                loaded.span,
                rule.code,
                rule.name,
                rule.severity,
                printable(loaded.message),
                loaded.source_line,
            )
            return None, [finding]
        if loaded.front_matter is None and collection is not None:
            return loaded, [_missing_front_matter(loaded)]
        return loaded, self._run_checks(loaded, self.selection.ignored_for(relative))

    def _run_checks(self, doc: Document, ignored: frozenset[str]) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.code in ignored or rule.code in self._deferred:
                continue
            assert rule.check is not None
            try:
                findings.extend(rule.check(doc, self.site))
            except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
                findings.append(self._internal_error(doc.display_path, rule, error))
        return findings

    def _internal_error(self, shown: str, rule: Rule | None, error: Exception) -> Finding:
        """KLM000 for an exception in klm-lint itself; --debug also prints its traceback."""
        what = f"rule {rule.code} {rule.name}" if rule else "reading the file"
        if self.debug:
            sys.stderr.write(f"klm-lint: internal error in {what} on {shown}:\n")
            traceback.print_exception(error, file=sys.stderr)
        reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
        if rule:
            failed = f"{what} failed on this file ({reason}); the other rules still ran"
        else:
            failed = f"klm-lint failed while reading this file ({reason}), so no rule checked it"
        return _file_finding(
            shown,
            INTERNAL_ERROR.code,
            f"{failed}. This is a bug in klm-lint: please report it with the file "
            "(--debug shows the details).",
        )

    def _filter(self, findings: list[Finding], relative: str) -> list[Finding]:
        ignored = self.selection.ignored_for(relative)
        kept = []
        for finding in findings:
            if finding.code not in self.selection.enabled or finding.code in ignored:
                continue
            severity = self.selection.severities[finding.code]
            if severity is not finding.severity and (
                finding.code in self.selection.configured
                or finding.severity is RULES_BY_CODE[finding.code].severity
            ):
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


def _read_up_to(descriptor: int, most: int, size: int) -> bytes:
    """At most `most` bytes of a regular file, in one read when it has the size it had."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(descriptor, min(left, max(size + 1, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _file_finding(path: str, code: str, message: str) -> Finding:
    rule = RULES_BY_CODE[code]
    return Finding(path, Span(1, 1, 1, 1), rule.code, rule.name, rule.severity, printable(message))


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
