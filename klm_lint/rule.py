"""A rule: its code, name, default severity, summary, and the check that finds it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.findings import Applicability, Finding, Severity
from klm_lint.text import printable

if TYPE_CHECKING:
    from klm_lint.document import Document
    from klm_lint.findings import Fix
    from klm_lint.site import Site

CheckFunction = Callable[["Document", "Site"], Iterator[Finding]]


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
    whole_site: bool = False
    """The check compares a post with the rest of its collection (site.index)."""

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
    *,
    whole_site: bool = False,
) -> Callable[[CheckFunction], Rule]:
    def register(check: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, check, fix, whole_site)

    return register
