"""A rule: its code, name, default severity, summary, and the check that finds it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.findings import Applicability, Finding, Severity
from klm_lint.text import printable

if TYPE_CHECKING:
    from klm_lint.document import Document
    from klm_lint.findings import Fix
    from klm_lint.site import Site
    from klm_lint.site_index import PostEntry


@dataclass(frozen=True, slots=True)
class Problem:
    """What a whole-site rule finds in a post, before it is placed in the post's file."""

    start: int
    end: int
    """Offsets into the post's text."""
    message: str
    severity: Severity | None = None
    """When the finding is more (or less) severe than the rule's default."""


CheckFunction = Callable[["Document", "Site"], Iterator[Finding]]
SiteCheckFunction = Callable[["PostEntry", "Site"], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction | None = None
    """None for rules the loader or the engine reports (the file cannot be read as a post)."""
    fix: Applicability | None = None
    """The safest fix the rule can offer, if any."""
    problems: SiteCheckFunction | None = None
    """For a whole-site rule, which compares a post with the rest of its collection: what it
    finds from the post's index entry and the site's index alone. `check` places them in the
    file; a run decides from this alone which posts it must check again once every post is in
    the index."""

    @property
    def whole_site(self) -> bool:
        return self.problems is not None

    def at(
        self, doc: Document, start: int, end: int, message: str, fix: Fix | None = None
    ) -> Finding:
        """A finding on doc's text between two offsets."""
        span = doc.span(start, end)
        return Finding(
            doc.display_path,
            span,
            self.code,
            self.name,
            self.severity,
            printable(message),
            doc.lines.excerpt(span.line),
            fix,
        )


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    fix: Applicability | None = None,
) -> Callable[[CheckFunction], Rule]:
    def register(check: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, check, fix)

    return register


def site_rule(
    code: str, name: str, severity: Severity, summary: str
) -> Callable[[SiteCheckFunction], Rule]:
    """A whole-site rule, from a function of a post's index entry and the site."""

    def register(problems: SiteCheckFunction) -> Rule:
        def check(doc: Document, site: Site) -> Iterator[Finding]:
            entry = site.index.add(doc)
            if entry is None:
                return
            for problem in problems(entry, site):
                finding = registered.at(doc, problem.start, problem.end, problem.message)
                if problem.severity is not None:
                    finding = dataclasses.replace(finding, severity=problem.severity)
                yield finding

        registered = Rule(code, name, severity, summary, check, problems=problems)
        return registered

    return register
