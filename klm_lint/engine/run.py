"""A run, in two stages: each file on its own, then the whole site.

Stage 1 reads and loads each file once, runs the per-file rules on its document and takes the
facts the whole-site rules declared (in a process pool for large runs). The index then gets the
other posts of the site, loaded the same way (or taken from the cache). Stage 2 runs the
whole-site rules over the index for the linted posts. Then the filters: selection, severity,
suppressions, baseline. With fixes, the index is built first, and each file is fixed against
it, rule by rule, until nothing more is fixable.
"""

from __future__ import annotations

import os
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from klm_lint.checks import ALL_RULES, RULES_BY_CODE
from klm_lint.checks.loading import FRONT_MATTER_MISSING, INTERNAL_ERROR
from klm_lint.engine import pool, suppressions
from klm_lint.engine.caps import MAX_PER_RULE, capped, capped_by_rule
from klm_lint.engine.index_build import Linted, complete_index, load_post
from klm_lint.engine.read import file_finding, read_file, too_large, unreadable
from klm_lint.engine.result import Result
from klm_lint.findings import Finding, Span
from klm_lint.load.document import Document, load_text
from klm_lint.load.paths import display_path
from klm_lint.load.text import Decoded, LineIndex, decode, printable
from klm_lint.records import fields, mutable_record, record, replace
from klm_lint.site.index import Layout, SiteIndex, post_for

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterable, Iterator, Sequence

    from klm_lint.checks.rule import KeyFunction, Problem, Rule
    from klm_lint.engine.baseline import Baseline
    from klm_lint.engine.fixes import FileFix
    from klm_lint.engine.result import FixMode
    from klm_lint.engine.selection import Selection
    from klm_lint.engine.suppressions import Suppression
    from klm_lint.files import Stamp
    from klm_lint.site.cache import IndexCache
    from klm_lint.site.discover import Unreadable
    from klm_lint.site.facts import Fact
    from klm_lint.site.index import Post
    from klm_lint.site.site import Collection, Site

T = TypeVar("T")
_SUSPECTS_FROM = 16
"""Runs asking the whole-site rules about this many posts or more ask a rule first which posts
it can find something in (the question groups every post, which a run on a few posts may
not need)."""


@record
class FileResult:
    """What stage 1 (or fixing) gave for one file; small, so a worker process can send it back."""

    findings: list[Finding]
    """Its findings so far, filtered by the selection; suppressions are applied after stage 2."""
    site_path: str = ""
    post: Post | None = None
    suppressions: tuple[Suppression, ...] = ()
    hidden: tuple[str, ...] = ()
    """Rules with findings past the cap (engine/caps.py), which the file does not list."""
    stamp: Stamp | None = None
    tracebacks: tuple[str, ...] = ()
    fixed: tuple[Finding, ...] = ()
    diff: str = ""
    note: str = ""
    collection: str | None = None
    """The name of the file's collection (None: it is in none, or the run did not ask)."""

    def __reduce__(self) -> tuple[type[FileResult], tuple[Any, ...]]:
        return FileResult, tuple(getattr(self, name) for name in _RESULT_FIELDS)


_RESULT_FIELDS = tuple(each.name for each in fields(FileResult))


@mutable_record
class _Lint:
    """One document's findings before suppressions, and the suppressions it holds."""

    document: Document | None
    findings: list[Finding]
    suppressions: tuple[Suppression, ...]
    tracebacks: list[str]
    hidden: tuple[str, ...] = ()


def facts_for(rules: Iterable[Rule], *, statistics: bool) -> list[Fact[Any]]:
    """The facts these whole-site rules (and the site summary, with statistics) declared, each
    once, in a stable order."""
    facts: dict[str, Fact[Any]] = {}
    for rule in rules:
        for fact in rule.facts:
            facts.setdefault(fact.name, fact)
    if statistics:
        from klm_lint.engine.overview import OVERVIEW_FACTS

        for fact in OVERVIEW_FACTS:
            facts.setdefault(fact.name, fact)
    return list(facts.values())


def all_facts() -> list[Fact[Any]]:
    """Every fact some whole-site rule or the site summary declared."""
    return facts_for(ALL_RULES, statistics=True)


class Engine:
    def __init__(
        self,
        site: Site,
        selection: Selection,
        *,
        debug: bool = False,
        suppressions: bool = True,
        baseline: Baseline | None = None,
        statistics: bool = False,
        cache: IndexCache | None = None,
        facts: Sequence[Fact[Any]] = (),
    ) -> None:
        self.site = site
        self.selection = selection
        self.debug = debug
        self.use_suppressions = suppressions
        self.baseline = baseline
        self.statistics = statistics
        self.cache = cache
        enabled = [rule for rule in ALL_RULES if rule.code in selection.enabled]
        self.rules = [rule for rule in enabled if rule.check is not None]
        self.site_rules = [rule for rule in enabled if rule.site_check is not None]
        self.rule_names = {rule.code: rule.code for rule in ALL_RULES} | {
            rule.name: rule.code for rule in ALL_RULES
        }
        declared = facts_for(self.site_rules, statistics=statistics)
        names = {fact.name for fact in declared}
        self.layout = Layout.of([*declared, *(fact for fact in facts if fact.name not in names)])
        """`facts`: what the index keeps besides what the rules declared (the editor completes
        tags from it)."""
        self.index: SiteIndex | None = (
            SiteIndex(self.layout) if self.site_rules or statistics or facts else None
        )
        self.matched: dict[str | None, int] | None = None
        """How many files the last lint (not fix) run checked in each collection, by its name
        (None: in no collection)."""
        self._complete = False
        """The index holds every post of the site: a later run on the same engine (the
        editor's, a test's) only puts the posts it lints again."""

    @property
    def complete(self) -> bool:
        """Whether the index holds every post of the site."""
        return self._complete

    def adopt(self, index: SiteIndex) -> None:
        """Use an index of every post of the site, built apart (the editor builds it in the
        background) with complete_index and this engine's layout."""
        self.index = index
        self._complete = True

    # The run

    def run(
        self,
        files: Sequence[Path | str],
        unreadable_paths: Iterable[Unreadable] = (),
        fix: FixMode | None = None,
        *,
        jobs: int | None = None,
        progress: Callable[[int], None] | None = None,
        covered: bool = False,
    ) -> Result:
        """Lint (or fix) the files. The result is the same, byte for byte, whatever the
        number of processes.

        `covered`: the files are every content file of the site (the run walked the content
        folders), so the index need not look for others."""
        findings: list[Finding] = []
        for problem in unreadable_paths:
            findings.extend(self._filter([unreadable(problem.path, problem.reason)], ""))
        paths = list(files)
        workers = pool.workers_for(len(paths), jobs)
        self.matched = None
        if fix is None:
            results = self._lint_all(paths, workers, progress, covered, jobs)
        else:
            results = self._fix_all(paths, fix, workers, progress, covered, jobs)
        fixed: list[Finding] = []
        diffs: list[str] = []
        notes: list[str] = []
        tracebacks: list[str] = []
        for each in results:
            findings.extend(each.findings)
            fixed.extend(each.fixed)
            if each.diff:
                diffs.append(each.diff)
            if each.note:
                notes.append(each.note)
            tracebacks.extend(each.tracebacks)
        findings.sort(key=lambda finding: finding.sort_key)
        baselined = stale = 0
        if self.baseline is not None:
            findings, baselined, stale = self.baseline.filter(findings)
        result = Result(
            len(paths),
            findings,
            fixed,
            diffs,
            notes,
            baselined,
            stale,
            paths,
            tracebacks=tracebacks,
        )
        if self.statistics and self.index is not None:
            from klm_lint.engine.overview import build_overview

            keys = [os.path.abspath(path) for path in paths]
            posts = [post for post in map(self.index.get, keys) if post is not None]
            overview = build_overview(findings, self.site.now, posts)
            result = replace(result, overview=overview)
        return result

    def _lint_all(
        self,
        paths: list[Path | str],
        workers: int,
        progress: Callable[[int], None] | None,
        covered: bool,
        jobs: int | None,
    ) -> list[FileResult]:
        """The results with something in them (findings, fixes, notes, tracebacks), in file
        order; a clean file's result is let go as soon as its post is in the index."""
        results = _mapped(self.file_result, paths, workers, progress)
        matched: dict[str | None, int] = {}
        self.matched = matched
        index = self.index
        if index is None:
            finished = []
            for result in results:
                matched[result.collection] = matched.get(result.collection, 0) + 1
                if _kept(result):
                    finished.append(self._finish(result, []))
            return finished
        held: list[FileResult | Post | None] = []
        """Each file's result, or for a clean file its post alone."""
        linted = Linted()
        for path, result in zip(paths, results, strict=True):
            matched[result.collection] = matched.get(result.collection, 0) + 1
            post = result.post
            # A post's key is its file's absolute path already (the parent makes them one by one).
            key = os.path.abspath(path) if post is None else post.key
            if post is not None:
                if isinstance(path, str) and post.site_path == path:  # run from the project root
                    post.share_site_path(path)
                index.put(post)
            elif self._complete:
                index.remove(key)
            linted.add(key, result.stamp, post)
            held.append(result if _kept(result) else post)
        completed = None
        if not self._complete:
            if not covered:
                index.group_ahead(self._site_keys())
            completed = complete_index(
                index, self.site, linted, cache=self.cache, covered=covered, jobs=jobs
            )
            self._complete = True
        del linted
        suspects = self._suspects(len(held))
        finished = []
        for path, each in zip(paths, held, strict=True):
            if isinstance(each, FileResult):
                kept, post = each, each.post
            else:
                kept, post = None, each
            site_findings: list[Finding] = []
            tracebacks: list[str] = []
            if post is not None:
                problems = self._site_problems(post, suspects)
                if problems:
                    site_findings = self._placed(path, problems, tracebacks)
            if kept is not None:
                result = kept
            elif site_findings or tracebacks:
                result = FileResult([], self.site.site_path(path), post)
            else:
                continue
            if tracebacks:
                result = replace(result, tracebacks=(*result.tracebacks, *tracebacks))
            finished.append(self._finish(result, site_findings))
        if completed is not None and self.cache is not None:
            # Every question is answered: the groups go before the cache is made (the peak of
            # a large site's run), and are made again should a later run of this engine ask.
            index.release_groups()
            self.cache.save(completed.entries, index, changed=completed.changed, last=True)
        return finished

    def _finish(self, result: FileResult, site_findings: list[Finding]) -> FileResult:
        """The file's findings with those of the whole-site rules, after its suppressions."""
        findings = result.findings + site_findings if site_findings else result.findings
        if result.suppressions:
            findings = self._suppressed(
                findings, result.suppressions, result.site_path, hidden=result.hidden
            )
        if findings is result.findings and not result.suppressions:
            return result
        return replace(result, findings=findings, suppressions=())

    def _site_keys(self) -> list[KeyFunction]:
        """The key functions the whole-site rules find posts by (Rule.keys), each once."""
        found: list[KeyFunction] = []
        for rule in self.site_rules:
            try:
                keys = rule.keys(self.site) if rule.keys is not None else ()
            except Exception:  # noqa: BLE001 - the rule's check reports the bug where it runs
                continue
            found.extend(key for key in keys if key not in found)
        return found

    def _fix_all(
        self,
        paths: list[Path | str],
        fix: FixMode,
        workers: int,
        progress: Callable[[int], None] | None,
        covered: bool,
        jobs: int | None,
    ) -> list[FileResult]:
        if self.index is not None and self.site_rules:
            keys = [os.path.abspath(path) for path in paths]
            posts = _mapped(self._post_of, paths, workers, None)
            linted = Linted()
            for key, (post, stamp) in zip(keys, posts, strict=True):
                linted.add(key, stamp, post)
                if post is not None:
                    self.index.put(post)
                elif self._complete:
                    self.index.remove(key)
            if not self._complete:
                completed = complete_index(
                    self.index,
                    self.site,
                    linted,
                    cache=self.cache,
                    covered=covered,
                    jobs=jobs,
                )
                self._complete = True
                if self.cache is not None:
                    self.cache.save(completed.entries, self.index, changed=completed.changed)

        def fixed(path: Path | str) -> FileResult:
            return self.fixed_file(Path(path), fix)

        return list(_mapped(fixed, paths, workers, progress))

    # Stage 1: one file

    def file_result(self, given: Path | str) -> FileResult:
        """Stage 1 for one file: its findings, its post's facts and its suppressions."""
        path = Path(given)
        relative = self.site.site_path(path)
        if isinstance(given, str) and relative == given:  # run from the project root: one text
            relative = given
        collection = self.site.collection_for(relative)
        name = collection.name if collection is not None else None
        read = read_file(path, self.site.config.max_file_size, self.site.project)
        if isinstance(read, Finding):
            return FileResult(self._filter([read], relative), relative, collection=name)
        raw, stamp = read
        lint = self.lint_bytes(path, relative, raw, whole_site=False)
        post = None
        if lint.document is not None and self.index is not None:
            try:
                post = post_for(lint.document, self.site, self.layout)
            except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
                lint.findings.append(self._facts_failed(lint.document, error, lint.tracebacks))
        return FileResult(
            lint.findings,
            relative,
            post,
            lint.suppressions,
            lint.hidden,
            stamp,
            tuple(lint.tracebacks),
            collection=name,
        )

    def _post_of(self, path: Path | str) -> tuple[Post | None, Stamp | None]:
        return load_post(Path(path), self.site, self.layout)

    def lint_bytes(
        self, path: Path, relative: str, raw: bytes, *, whole_site: bool, put: bool = False
    ) -> _Lint:
        """A file's findings (filtered by the selection) and its suppressions; with whole_site,
        the whole-site rules' findings too, against the index (fixing needs them in place).
        With put, the file's post first takes the place of the one the index holds for it (a
        text not saved yet: the editor's, standard input)."""
        tracebacks: list[str] = []
        hidden: list[str] = []
        if len(raw) > self.site.config.max_file_size:
            # Only a text not read from a file (read_file stops at the limit) can be larger.
            document, findings = (
                None,
                self._filter([too_large(path, self.site.config.max_file_size)], relative),
            )
        else:
            document, findings = self._check(path, relative, raw, tracebacks, hidden)
        if whole_site and self.index is not None:
            post = None
            if document is not None:
                post = post_for(document, self.site, self.layout)
            if put and post is not None:
                self.index.put(post)
            elif put:
                self.index.remove(os.path.abspath(path))
            if post is not None and document is not None:
                problems = self._site_problems(post)
                findings += self._place(document.lines, path, problems, tracebacks)
        found: tuple[Suppression, ...] = ()
        if document is not None and self.use_suppressions:
            found = suppressions.find(document, self.rule_names)
        return _Lint(document, findings, found, tracebacks, tuple(hidden))

    def lint_document_fully(
        self, path: Path, raw: bytes, *, whole_site: bool = True, put: bool = False
    ) -> tuple[Document | None, list[Finding]]:
        """A file's final findings, whole-site rules and suppressions included (for fixing, and
        for texts not saved yet). Without whole_site, the whole-site rules do not run, and a
        suppression of one of them is not reported unused."""
        relative = self.site.site_path(path)
        lint = self.lint_bytes(path, relative, raw, whole_site=whole_site, put=put)
        findings = lint.findings
        if lint.suppressions:
            skipped = () if whole_site else [rule.code for rule in self.site_rules]
            findings = self._suppressed(
                findings, lint.suppressions, relative, skipped, hidden=lint.hidden
            )
        return lint.document, findings

    def _check(
        self, path: Path, relative: str, raw: bytes, tracebacks: list[str], hidden: list[str]
    ) -> tuple[Document | None, list[Finding]]:
        """The document and its findings; the rules with findings past the cap go in
        `hidden`."""
        shown = display_path(path)
        collection = self.site.collection_for(relative)
        try:
            loaded = load_text(
                raw,
                path,
                shown,
                relative,
                self.site.config.max_front_matter_size,
                yaml_dialect=self.site.config.generator.yaml,
                after_blank_lines=self.site.config.generator.front_matter_after_blank_lines,
                code_languages=self.site.config.generator.code_front_matter,
            )
        except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
            return None, self._filter(
                [self._internal_error(shown, None, error, tracebacks)], relative
            )
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
            return None, self._filter([finding], relative)
        if loaded.front_matter is None and collection is not None:
            mode = self.site.config.generator.front_matter
            if mode == "required" or loaded.misplaced_delimiter:
                missing = _missing_front_matter(loaded, collection, self.site.generator_name)
                return loaded, self._filter([missing], relative)
            if mode == "marks-pages":
                return loaded, []
        ignored = self.selection.ignored_for(relative)
        findings: list[Finding] = []
        site = self.site
        for rule in self.rules:
            if rule.code in ignored:
                continue
            assert rule.check is not None
            try:
                found = rule.check(loaded, site)
                before = len(findings)
                # capped(), with its common case (few findings) inline: 21 rules run per file.
                findings.extend(islice(found, MAX_PER_RULE))
                if len(findings) - before == MAX_PER_RULE and capped(found, findings, MAX_PER_RULE):
                    hidden.append(rule.code)
            except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
                findings.append(self._internal_error(shown, rule, error, tracebacks))
        return loaded, self._filter(findings, relative)

    # Stage 2: the whole site

    def _suspects(self, asked: int) -> dict[str, Container[str]]:
        """For a run that asks the whole-site rules about many posts: the posts each rule that
        can tell (`Rule.suspects`) may find something in, by the rule's code; the others are
        not asked. A rule whose `suspects` fails is asked about every post (which reports the
        failure where it happens)."""
        if asked < _SUSPECTS_FROM or self.index is None:
            return {}
        found: dict[str, Container[str]] = {}
        for rule in self.site_rules:
            if rule.suspects is None:
                continue
            try:
                paths = rule.suspects(self.index, self.site)
            except Exception:  # noqa: BLE001 - site_check reports it on each post
                continue
            if paths is not None:
                found[rule.code] = paths
        return found

    def _site_problems(
        self, post: Post, suspects: dict[str, Container[str]] | None = None
    ) -> list[tuple[Rule, Problem | Exception]]:
        """What the whole-site rules find in a post; an exception in one becomes KLM000.
        `suspects`: as `_suspects` gives them (the post is in the index)."""
        assert self.index is not None
        ignored = self.selection.ignored_for(post.site_path)
        found: list[tuple[Rule, Problem | Exception]] = []
        index, site = self.index, self.site
        for rule in self.site_rules:
            if rule.code in ignored:
                continue
            if suspects:
                paths = suspects.get(rule.code)
                if paths is not None and post.key not in paths:
                    continue
            assert rule.site_check is not None
            try:
                for problem in rule.site_check(post, index, site):
                    found.append((rule, problem))
            except Exception as error:  # noqa: BLE001 - a bug in klm-lint must not stop the run
                found.append((rule, error))
        return found

    def _placed(
        self,
        path: Path | str,
        problems: list[tuple[Rule, Problem | Exception]],
        tracebacks: list[str],
    ) -> list[Finding]:
        """Whole-site problems as findings in the linted file; its text is read again for
        their lines, as only the few files these rules report on need it."""
        lines = None
        read = read_file(path, self.site.config.max_file_size, self.site.project)
        if not isinstance(read, Finding):
            decoded = decode(read[0])
            if isinstance(decoded, Decoded):
                lines = LineIndex(decoded.text)
        return self._place(lines, path, problems, tracebacks)

    def _place(
        self,
        lines: LineIndex | None,
        path: Path | str,
        problems: list[tuple[Rule, Problem | Exception]],
        tracebacks: list[str],
    ) -> list[Finding]:
        shown = display_path(path)
        findings = []
        for rule, problem in problems:
            if isinstance(problem, Exception):
                findings.append(self._internal_error(shown, rule, problem, tracebacks))
                continue
            span = Span(1, 1, 1, 1) if lines is None else lines.span(problem.start, problem.end)
            findings.append(
                Finding(
                    shown,
                    span,
                    rule.code,
                    rule.name,
                    problem.severity or rule.severity,
                    printable(problem.message),
                    "" if lines is None else lines.excerpt(span.line),
                )
            )
        return self._filter(findings, self.site.site_path(path))

    # Fixing

    def fixed_file(self, path: Path, fix: FixMode) -> FileResult:
        """One file fixed (or its diff), with the findings that remain."""
        from klm_lint.engine.fixes import encode, unified_diff, write_fixed

        relative = self.site.site_path(path)
        read = read_file(path, self.site.config.max_file_size, self.site.project)
        if isinstance(read, Finding):
            return FileResult(self._filter([read], relative))
        raw, _stamp = read
        document, fixed = self.fixed_bytes(path, raw, unsafe=fix.unsafe)
        if document is None or not (fixed.fixed or fixed.problem):
            return FileResult(fixed.findings)
        if fixed.problem:
            note = (
                f"{document.display_path}: fixes not applied, because the fixed file would not "
                f"load ({fixed.problem}). Please report this."
            )
            return FileResult(fixed.findings, note=note)
        if not fixed.changed:
            return FileResult(fixed.findings)
        if not fix.write:
            diff, escaped = unified_diff(document.display_path, fixed.original, fixed.text)
            note = (
                f"{document.display_path}: the diff shows control characters as pictures (␛), "
                "so it does not apply to the file as it is; use --fix to apply it."
                if escaped
                else ""
            )
            return FileResult(fixed.findings, fixed=tuple(fixed.fixed), diff=diff, note=note)
        try:
            refused = write_fixed(path, encode(fixed.text, document.bom))
        except OSError as error:
            refused = f"it cannot be written ({error.strerror or error})"
        if refused:
            note = (
                f"{document.display_path}: fixes not applied, because {refused}; its findings "
                "are listed as they are. Fix it by hand, or see --diff."
            )
            return FileResult(self.lint_document_fully(path, raw)[1], note=note)
        return FileResult(fixed.findings, fixed=tuple(fixed.fixed))

    def fixed_bytes(
        self, path: Path, raw: bytes, *, unsafe: bool, put: bool = False
    ) -> tuple[Document | None, FileFix]:
        from klm_lint.engine.fixes import FileFix, applicable, encode, fix_text

        """A file's text fixed in memory, rule by rule, with the findings that remain (what
        fixed_file writes; the editor and standard input take the text). With put, as in
        lint_bytes."""
        document, findings = self.lint_document_fully(path, raw, put=put)
        if document is None or not any(applicable(f, unsafe) for f in findings):
            text = document.text if document is not None else ""
            return document, FileFix(findings, original=text, text=text)
        bom = document.bom

        def relint(text: str) -> tuple[Document | None, list[Finding]]:
            return self.lint_document_fully(path, encode(text, bom))

        return document, fix_text(document, findings, relint, unsafe=unsafe)

    # Filters

    def _filter(self, findings: list[Finding], relative: str) -> list[Finding]:
        if not findings:
            return findings
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
                finding = replace(finding, severity=severity)
            kept.append(finding)
        return kept

    def _suppressed(
        self,
        findings: list[Finding],
        found: tuple[Suppression, ...],
        relative: str,
        skipped: Iterable[str] = (),
        *,
        hidden: tuple[str, ...] = (),
    ) -> list[Finding]:
        """The findings no suppression covers, and KLM900 for the suppressions that silence
        nothing (a suppression of a rule that was `skipped` silences nothing yet, nor one of a
        rule with findings past the cap, `hidden`)."""
        enabled = self.selection.enabled - self.selection.ignored_for(relative) - set(skipped)
        kept, unused = suppressions.apply(
            findings, found, enabled, self.rule_names.values(), hidden
        )
        unused, _cut = capped_by_rule(unused)
        return kept + self._filter(unused, relative)

    # Internal errors

    def _internal_error(
        self, shown: str, rule: Rule | None, error: Exception, tracebacks: list[str]
    ) -> Finding:
        """KLM000 for an exception in klm-lint itself; with debug, its traceback is kept."""
        what = f"rule {rule.code} {rule.name}" if rule else "reading the file"
        if self.debug:
            tracebacks.append(_traceback(error, rule, shown))
        reason = _reason(error)
        if rule:
            failed = f"{what} failed on this file ({reason}); the other rules still ran"
        else:
            failed = f"klm-lint failed while reading this file ({reason}), so no rule checked it"
        return file_finding(
            shown,
            INTERNAL_ERROR.code,
            f"{failed}. This is a bug in klm-lint: please report it with the file "
            "(--debug shows the details).",
        )

    def _facts_failed(self, doc: Document, error: Exception, tracebacks: list[str]) -> Finding:
        if self.debug:
            tracebacks.append(_traceback(error, None, doc.display_path))
        codes = ", ".join(rule.code for rule in self.site_rules) or "the site summary"
        return file_finding(
            doc.display_path,
            INTERNAL_ERROR.code,
            f"klm-lint failed while taking this post's facts for the whole-site rules "
            f"({_reason(error)}), so {codes} did not check it; the other rules still ran. This "
            "is a bug in klm-lint: please report it with the file (--debug shows the details).",
        )


def _mapped(
    function: Callable[[Path | str], T],
    paths: list[Path | str],
    workers: int,
    progress: Callable[[int], None] | None,
) -> Iterator[T]:
    if workers > 1:
        yield from pool.map_shared(function, paths, workers, progress)
        return
    for path in paths:
        yield function(path)
        if progress is not None:
            progress(1)


def _kept(result: FileResult) -> bool:
    """Whether a stage-1 result holds anything a report shows (or that stage 2 must apply)."""
    return bool(
        result.findings
        or result.suppressions
        or result.hidden
        or result.tracebacks
        or result.fixed
        or result.diff
        or result.note
    )


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0][:200]


def _traceback(error: Exception, rule: Rule | None, shown: str) -> str:
    import traceback

    what = f"rule {rule.code} {rule.name}" if rule else "reading the file"
    details = "".join(traceback.format_exception(error))
    return f"klm-lint: internal error in {what} on {shown}:\n{details}"


def _missing_front_matter(doc: Document, collection: Collection, generator: str) -> Finding:
    """KLM001; `generator`: how messages name the site's generator ("the site", "Jekyll")."""
    rule = FRONT_MATTER_MISSING
    if doc.misplaced_delimiter:
        line = doc.misplaced_delimiter
        start = doc.lines.line_start(line)
        message = (
            f"the front matter starts on line {line}, but {generator} only reads front matter "
            "that starts on the very first line, so it sees none. Delete the "
            f"{'line' if line == 2 else f'{line - 1} lines'} before it."
        )
        return rule.at(doc, start, doc.lines.line_end(line), message)
    required = set(collection.schema.required_keys())
    named = [key for key in ("title", "date", "author") if key in required] or ["title"]
    missing = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    consequence = f"so the site has no {missing} for it"
    if generator != "the site":
        consequence = f"and {generator} needs front matter in every content file: the build fails"
    message = (
        f"this file is in {collection.name} but has no front matter, {consequence}. "
        "Start the file with a --- line, the keys, and another --- line."
    )
    return rule.at(doc, 0, doc.lines.line_end(1), message)
