"""KLM405 duplicate-description: two posts of a collection with the same description."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.post_facts import COMPARED, HIDDEN, LANGUAGE, SharedText
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.findings import Severity
from klm_lint.site.facts import text_at, value_fact

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site

DESCRIPTION = value_fact("description", lambda doc, _site: text_at(doc, "description"))
_DESCRIPTIONS = SharedText(DESCRIPTION)


@site_rule(
    "KLM405",
    "duplicate-description",
    Severity.WARNING,
    "Two posts have the same description.",
    facts=(DESCRIPTION, HIDDEN, COMPARED, LANGUAGE),
    suspects=_DESCRIPTIONS.suspects,
    keys=lambda _site: (_DESCRIPTIONS.key,),
)
def duplicate_description(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    shared = _DESCRIPTIONS.sharing(post, index)
    if shared is None:
        return
    description, others = shared
    message = (
        f"the description {quote(description.text.strip())} is also the description of "
        f"{_DESCRIPTIONS.listed(others)}; search engines show pages with the same description "
        "as duplicates and may leave all but one of them out of their results. Write a "
        "description of its own for each post."
    )
    yield Problem(description.start, description.end, message)
