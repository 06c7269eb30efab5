"""KLM401 duplicate-slug: two posts of a collection at the same address."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.post_facts import HIDDEN, draft_note, listing
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.findings import Severity
from klm_lint.site.facts import text_at, text_fact, value_fact

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.load.document import Document
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site


def _slug(doc: Document) -> str:
    """The address the theme gives the post: its url without the leading /, or its file name
    without the extension."""
    url = text_at(doc, "url")
    if url is not None:
        return url.text.strip().strip("/")
    return os.path.splitext(os.path.basename(doc.site_path or os.fspath(doc.path)))[0]


URL = value_fact("url", lambda doc: text_at(doc, "url"))
SLUG = text_fact("slug", _slug)


def _address(post: Post) -> tuple[str, str]:
    return post.collection, post[SLUG]


@site_rule(
    "KLM401",
    "duplicate-slug",
    Severity.ERROR,
    "Two posts resolve to the same address.",
    facts=(URL, SLUG, HIDDEN),
)
def duplicate_slug(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    others = index.others(_address, post)
    if not others:
        return

    def source(other: Post) -> str:
        url = other[URL]
        origin = f"its url, line {url.line}" if url else "its file name"
        return f"{other.display_path} ({origin}{draft_note(other)})"

    consequence = "the site publishes one post per address, so only one of them can be reached"
    have = "has" if len(others) == 1 else "have"
    url = post[URL]
    if url is not None:
        message = (
            f"url gives this post the address {quote(post[SLUG])}, which "
            f"{listing(others, source)} also {have}; {consequence}. "
            "Change url to an address no other post uses."
        )
        yield Problem(url.start, url.end, message)
        return
    message = (
        f"this post's address, {quote(post[SLUG])}, comes from its file name, and "
        f"{listing(others, source)} {have} the same address; "
        f"{consequence}. Rename the file, or give the post a url of its own."
    )
    yield Problem(0, post.first_line_end, message)
