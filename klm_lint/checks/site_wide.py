"""Whole-site rules: a post compared with the rest of its collection, and with the calendar.

They report on the file being linted only, naming the other file and line, so a run on a few
files (the pre-commit hook) finds what a full run finds in them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

from klm_lint.checks.describe import quote
from klm_lint.dates import appearance, publication_time
from klm_lint.findings import Severity
from klm_lint.nodes import Scalar, lookup
from klm_lint.rule import Problem, rule, site_rule

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from klm_lint.authors import Authors
    from klm_lint.document import Document
    from klm_lint.findings import Finding
    from klm_lint.site import Site
    from klm_lint.site_index import PostEntry, Value

_LISTED = 3
T = TypeVar("T")


def _listing(items: Sequence[T], show: Callable[[T], str] = str) -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, c and 2 more`; only the items shown are formatted,
    so a title a thousand posts share costs no more than one shared by four."""
    shown = [show(item) for item in items[:_LISTED]]
    if len(items) > _LISTED:
        shown.append(f"{len(items) - _LISTED} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _draft_note(entry: PostEntry) -> str:
    return ", a draft for now" if entry.hidden else ""


@site_rule(
    "KLM401",
    "duplicate-slug",
    Severity.ERROR,
    "Two posts resolve to the same address.",
)
def duplicate_slug(entry: PostEntry, site: Site) -> Iterator[Problem]:
    others = site.index.same_slug(entry)
    if not others:
        return

    def source(other: PostEntry) -> str:
        origin = f"its url, line {other.url.line}" if other.url else "its file name"
        return f"{other.display_path} ({origin}{_draft_note(other)})"

    consequence = "the site publishes one post per address, so only one of them can be reached"
    if entry.url is not None:
        message = (
            f"url gives this post the address {quote(entry.slug)}, which "
            f"{_listing(others, source)} also {'has' if len(others) == 1 else 'have'}; "
            f"{consequence}. "
            "Change url to an address no other post uses."
        )
        yield Problem(entry.url.start, entry.url.end, message)
        return
    message = (
        f"this post's address, {quote(entry.slug)}, comes from its file name, and "
        f"{_listing(others, source)} {'has' if len(others) == 1 else 'have'} the same address; "
        f"{consequence}. Rename the file, or give the post a url of its own."
    )
    yield Problem(0, entry.first_line_end, message)


@site_rule(
    "KLM402",
    "duplicate-title",
    Severity.WARNING,
    "Two posts have the same title.",
)
def duplicate_title(entry: PostEntry, site: Site) -> Iterator[Problem]:
    if entry.title is None:
        return
    others = site.index.same_title(entry)
    if not others:
        return

    def place(other: PostEntry) -> str:
        return f"{other.where(other.title)}{_draft_note(other)}"

    message = (
        f"the title {quote(entry.title.text.strip())} is also the title of "
        f"{_listing(others, place)}; "
        "readers cannot tell the posts apart in the blog list, and search engines may show "
        "only one of them. Give each post a title of its own."
    )
    yield Problem(entry.title.start, entry.title.end, message)


@site_rule(
    "KLM403",
    "author-inconsistent",
    Severity.WARNING,
    "An author's avatar differs between posts, or from the authors file.",
)
def author_inconsistent(entry: PostEntry, site: Site) -> Iterator[Problem]:
    if entry.author is None or not entry.author.text.strip():
        return
    if site.authors is not None:
        for problem in _against_authors_file(entry, entry.author, site.authors):
            yield dataclasses.replace(problem, severity=Severity.ERROR)
        return
    if entry.avatar is None:
        return
    yield from _against_other_posts(site, entry.author, entry.avatar)


def _against_authors_file(entry: PostEntry, author: Value, authors: Authors) -> Iterator[Problem]:
    name = " ".join(author.text.split())
    listed = authors.find(name)
    if listed is None:
        suggestion = authors.suggest(name)
        hint = f"Did you mean {suggestion}? " if suggestion else ""
        message = (
            f"author.name is {quote(name)}, who is not in the authors file {authors.shown}, so "
            f"the byline names someone the site does not know. {hint}Use the name as the "
            f"authors file writes it, or add the author to {authors.shown}."
        )
        yield Problem(author.start, author.end, message)
        return
    if listed.avatar is None:
        return
    if entry.avatar is None:
        message = (
            f"author.avatar is missing, but {authors.shown} gives {name} the avatar "
            f"{listed.avatar}; this byline shows no picture. Add avatar: {listed.avatar} under "
            "author:."
        )
        yield Problem(author.start, author.end, message)
    elif entry.avatar.text.strip() != listed.avatar:
        message = (
            f"author.avatar is {entry.avatar.text.strip()}, but {authors.shown} gives {name} "
            f"the avatar {listed.avatar}; the byline shows a different picture from the "
            f"author's other posts. Use {listed.avatar}."
        )
        yield Problem(entry.avatar.start, entry.avatar.end, message)


def _against_other_posts(site: Site, author: Value, avatar: Value) -> Iterator[Problem]:
    uses = site.index.avatars(author.text)
    mine = avatar.text.strip()
    if len(uses) < 2:
        return
    leader = uses[0].avatar if uses[0].count > uses[1].count else None
    if mine == leader:
        return
    others = []
    for use in uses:
        if use.avatar == mine:
            continue
        line = use.example.avatar.line if use.example.avatar else 1
        place = f"{use.example.display_path}, line {line}"
        posts_word = f"{use.count} posts, such as " if use.count > 1 else ""
        others.append(f"{use.avatar} ({posts_word}{place})")
    name = " ".join(author.text.split())
    fix = (
        f"Use {leader}, the avatar most of {name}'s posts use."
        if leader
        else f"Pick one avatar for {name} and use it in every post."
    )
    message = (
        f"author.avatar is {mine}, but {name}'s other posts use {_listing(others)}; the byline "
        f"shows a different picture from post to post. {fix}"
    )
    yield Problem(avatar.start, avatar.end, message)


@rule(
    "KLM404",
    "scheduled-post",
    Severity.WARNING,
    "A post that is not a draft has a date in the future.",
)
def scheduled_post(doc: Document, site: Site) -> Iterator[Finding]:
    if doc.front_matter is None or doc.collection is None:
        return
    root = doc.front_matter.root
    _draft_entry, draft = lookup(root, ("draft",))
    if not isinstance(draft, Scalar) or draft.value is not False:
        return
    _date_entry, date = lookup(root, ("date",))
    published = publication_time(date)
    if published is None or published <= site.now or not isinstance(date, Scalar):
        return
    noun = "post" if doc.collection.schema.name == "post" else "page"
    message = (
        f"date is {date.text.strip()}, in the future, and draft is false: the theme hides a "
        f"{noun} until its date, so this {noun} appears with the first build on or after "
        f"{appearance(date.text, published)}. If it should be live now, correct the date."
    )
    yield scheduled_post.at(doc, date.start, date.end, message)
