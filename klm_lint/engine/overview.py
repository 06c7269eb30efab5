"""The site summary --statistics shows a content lead: findings by folder and by author, and the
posts that are drafts or scheduled, among the files checked."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.checks.post_facts import AUTHOR, HIDDEN, TITLE
from klm_lint.findings import Severity
from klm_lint.load.text import printable
from klm_lint.site.dates import appearance
from klm_lint.site.facts import flag_fact, moment_fact, scalar_at, value_fact

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.index import Post
    from klm_lint.site.site import Site

NO_AUTHOR = "(no author)"


def _draft_false(doc: Document, site: Site) -> bool:
    return site.waits_for_date(doc)


def _published_at(doc: Document, site: Site) -> dt.datetime | None:
    live = site.goes_live(doc)
    return live[0] if live is not None else None


DATE = value_fact("date", lambda doc, _site: scalar_at(doc, "date"))
PUBLISHED_AT = moment_fact("published-at", _published_at)
"""When the theme starts showing the post (UTC); None when the date cannot be read."""
DRAFT_FALSE = flag_fact("draft-false", _draft_false)
OVERVIEW_FACTS = (TITLE, AUTHOR, HIDDEN, DATE, PUBLISHED_AT, DRAFT_FALSE)


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


def build_overview(findings: list[Finding], now: dt.datetime, posts: list[Post]) -> Overview:
    """The summary of a run's findings, and of the posts it linted."""
    author_of: dict[str, str] = {}
    for post in posts:
        author = post[AUTHOR]
        if author is not None and author.text.strip():
            author_of[post.display_path] = printable(" ".join(author.text.split()))
    folders = _tallies(findings, lambda finding: posixpath.dirname(finding.path) or ".")
    authors = _tallies(findings, lambda finding: author_of.get(finding.path, NO_AUTHOR))
    drafts = [_state(post, "") for post in posts if post[HIDDEN]]
    scheduled = []
    for post in posts:
        date, published = post[DATE], post[PUBLISHED_AT]
        if post[DRAFT_FALSE] and published is not None and published > now and date:
            scheduled.append(_state(post, appearance(date.text, published)))
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


def _state(post: Post, appears: str) -> PostState:
    """What the summary shows of a post, with control characters and bidirectional overrides
    as visible pictures, as in every report: a title cannot steer a terminal or start a line
    of a CI log with a workflow command."""
    title, author, date = post[TITLE], post[AUTHOR], post[DATE]
    return PostState(
        post.display_path,
        printable(title.text.strip()) if title else "",
        printable(" ".join(author.text.split())) if author else "",
        printable(date.text.strip()) if date else "",
        appears,
    )
