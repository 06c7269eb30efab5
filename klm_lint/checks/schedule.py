"""KLM404 scheduled-post: a published post whose date is still to come."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.rule import rule
from klm_lint.findings import Severity
from klm_lint.site.dates import appearance

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
    if doc.front_matter is None or collection is None or not site.waits_for_date(doc):
        return
    live = site.goes_live(doc)
    if live is None or live[0] <= site.now:
        return
    published, date = live
    noun = collection.noun
    if site.config.generator.urls == "nextjs" and date is not None:
        message = (
            f"date is {date.text.strip()}, in the future, and draft is false: the theme hides a "
            f"{noun} until its date, so this {noun} appears with the first build on or after "
            f"{appearance(date.text, published)}. If it should be live now, correct the date."
        )
        yield scheduled_post.at(doc, date.start, date.end, message)
        return
    generator = site.generator_name
    if date is not None:
        key = _key_of(doc, date.start)
        message = (
            f"{key} is {date.text.strip()}, in the future: {generator} holds a {noun} back until "
            f"its date, so this {noun} appears with the first build on or after "
            f"{appearance(date.text, published)}. If it should be live now, correct the date."
        )
        yield scheduled_post.at(doc, date.start, date.end, message)
        return
    found = site.path_date(doc)
    written = found[0] if found is not None else f"{published:%Y-%m-%d}"
    message = (
        f"the file name dates this {noun} {written}, in the future: {generator} holds a {noun} "
        f"back until its date, so this {noun} appears with the first build on or after "
        f"{appearance(written, published)}. If it should be live now, rename the file."
    )
    yield scheduled_post.at(doc, 0, doc.lines.line_end(1), message)


def _key_of(doc: Document, start: int) -> str:
    """The top-level key whose value starts at `start`."""
    assert doc.front_matter is not None
    for entry in doc.front_matter.root.entries:
        if entry.value.start == start:
            return entry.key.text
    return "date"
