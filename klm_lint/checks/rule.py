"""A rule: its code, name, default severity, summary, and the check that finds it.

A per-file rule's check is a function of one document and the site. A whole-site rule compares
a post with the rest of the site: it declares the facts it needs from every post, and its check
is a function of the post's record and the index of every post, giving `Problem`s that the
engine places in the post's file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator
from typing import TYPE_CHECKING, Any

from klm_lint.findings import Applicability, Finding, Severity
from klm_lint.load.text import printable
from klm_lint.records import value_record

if TYPE_CHECKING:
    from klm_lint.findings import Fix
    from klm_lint.load.document import Document
    from klm_lint.site.facts import Fact
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site


@value_record
class Problem:
    """What a whole-site rule finds in a post, before it is placed in the post's file."""

    start: int
    end: int
    """Offsets into the post's text."""
    message: str
    severity: Severity | None = None
    """When the finding is more (or less) severe than the rule's default."""


CheckFunction = Callable[["Document", "Site"], Iterator[Finding]]
SiteCheckFunction = Callable[["Post", "SiteIndex", "Site"], Iterator[Problem]]
SuspectsFunction = Callable[["SiteIndex", "Site"], "Collection[str] | None"]
KeyFunction = Callable[["Post"], "Hashable | None"]
KeysFunction = Callable[["Site"], tuple[KeyFunction, ...]]


@value_record
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction | None = None
    """None for rules the loader or the engine reports, and for whole-site rules."""
    fix: Applicability | None = None
    """The safest fix the rule can offer, if any."""
    site_check: SiteCheckFunction | None = None
    """For a whole-site rule: what it finds in a post, given every post of the site."""
    facts: tuple[Fact[Any], ...] = ()
    """For a whole-site rule: what the index must know of each post."""
    suspects: SuspectsFunction | None = None
    """For a whole-site rule that finds something in few posts: the paths (absolute, as the
    index keys posts) of every post of the index it can find something in, or None for any
    post. A run on many posts asks it once and checks only these; on the others site_check
    must find nothing."""
    keys: KeysFunction | None = None
    """For a whole-site rule: the key functions by which its check finds, on a site, the posts
    that share something with a post (`SiteIndex.others`, `group`, `shared`). A run that loads
    the rest of the site groups the posts by them as they come in, while other processes are
    still loading, instead of once they are all in."""

    @property
    def whole_site(self) -> bool:
        return self.site_check is not None

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
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    facts: tuple[Fact[Any], ...],
    suspects: SuspectsFunction | None = None,
    keys: KeysFunction | None = None,
) -> Callable[[SiteCheckFunction], Rule]:
    """A whole-site rule, from a function of a post, the index and the site."""

    def register(site_check: SiteCheckFunction) -> Rule:
        return Rule(
            code,
            name,
            severity,
            summary,
            site_check=site_check,
            facts=facts,
            suspects=suspects,
            keys=keys,
        )

    return register
