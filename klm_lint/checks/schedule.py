"""KLM404 scheduled-post: a published post whose date is still to come."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.rule import rule
from klm_lint.findings import Severity
from klm_lint.load.nodes import Scalar, lookup
from klm_lint.site.dates import appearance, publication_time
from klm_lint.site.publication import is_false

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.site import Site


@rule(
    "KLM404",
    "scheduled-post",
    Severity.WARNING,
    "A post that is not a draft has a date in the future.",
)
def scheduled_post(doc: Document, site: Site) -> Iterator[Finding]:
    collection = site.collection_of(doc)
    if doc.front_matter is None or collection is None:
        return
    root = doc.front_matter.root
    _draft_entry, draft = lookup(root, ("draft",))
    if not is_false(draft):
        return
    _date_entry, date = lookup(root, ("date",))
    published = publication_time(date)
    if published is None or published <= site.now or not isinstance(date, Scalar):
        return
    noun = collection.noun
    message = (
        f"date is {date.text.strip()}, in the future, and draft is false: the theme hides a "
        f"{noun} until its date, so this {noun} appears with the first build on or after "
        f"{appearance(date.text, published)}. If it should be live now, correct the date."
    )
    yield scheduled_post.at(doc, date.start, date.end, message)
