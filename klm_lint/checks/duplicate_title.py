"""KLM402 duplicate-title: two posts of a collection with the same title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.post_facts import COMPARED, HIDDEN, LANGUAGE, TITLE, SharedText
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site

_TITLES = SharedText(TITLE)


@site_rule(
    "KLM402",
    "duplicate-title",
    Severity.WARNING,
    "Two posts have the same title.",
    facts=(TITLE, HIDDEN, COMPARED, LANGUAGE),
    suspects=_TITLES.suspects,
    keys=lambda _site: (_TITLES.key,),
)
def duplicate_title(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    shared = _TITLES.sharing(post, index)
    if shared is None:
        return
    title, others = shared
    message = (
        f"the title {quote(title.text.strip())} is also the title of {_TITLES.listed(others)}; "
        "readers cannot tell the posts apart in the blog list, and search engines may show "
        "only one of them. Give each post a title of its own."
    )
    yield Problem(title.start, title.end, message)
