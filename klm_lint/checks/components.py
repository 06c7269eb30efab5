"""Rules on the MDX components in the body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.findings import Severity
from klm_lint.mdx import scan_body
from klm_lint.rule import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.document import Document
    from klm_lint.findings import Finding
    from klm_lint.mdx import BodyScan, Tag
    from klm_lint.site import Site

_BUILD_FAILS = "the MDX compiler fails and the whole site does not build"


def body_scan(doc: Document) -> BodyScan:
    """The body's tags, comments, code and images, scanned once for all body rules."""
    cached = doc.memo.get("body")
    if cached is None:
        cached = doc.memo["body"] = scan_body(doc.text, doc.body_start)
    return cached  # type: ignore[return-value]


@rule(
    "KLM301",
    "unbalanced-component",
    Severity.ERROR,
    "An MDX component is opened and not closed, closed without being opened, or out of order.",
)
def unbalanced_component(doc: Document, site: Site) -> Iterator[Finding]:
    open_tags: list[Tag] = []
    for tag in body_scan(doc).tags:
        if tag.name not in site.components:
            continue
        if not tag.complete:
            message = (
                f"the tag <{tag.name} is never finished with >; {_BUILD_FAILS}. "
                "End the tag with > after its attributes (or /> if it has no content)."
            )
            yield unbalanced_component.at(doc, tag.start, tag.name_end, message)
        if tag.kind == "open":
            open_tags.append(tag)
        elif tag.kind == "close":
            yield from _close(doc, open_tags, tag)
    for tag in open_tags:
        if not tag.complete:
            continue
        message = (
            f"<{tag.name}> is opened here and never closed; {_BUILD_FAILS}. Add </{tag.name}> "
            f"where its content ends, or write <{tag.name} … /> if it has no content."
        )
        yield unbalanced_component.at(doc, tag.start, tag.end, message)


def _close(doc: Document, open_tags: list[Tag], closing: Tag) -> Iterator[Finding]:
    if not any(tag.name == closing.name for tag in open_tags):
        message = (
            f"</{closing.name}> closes a {closing.name} that is not open; {_BUILD_FAILS}. "
            f"Remove it, or add the opening <{closing.name}> where the content starts."
        )
        yield unbalanced_component.at(doc, closing.start, closing.end, message)
        return
    closing_line, _ = doc.lines.position(closing.start)
    while open_tags[-1].name != closing.name:
        inner = open_tags.pop()
        message = (
            f"<{inner.name}> is still open when </{closing.name}> on line {closing_line} closes "
            f"the {closing.name} around it; {_BUILD_FAILS}. Add </{inner.name}> before "
            f"</{closing.name}>."
        )
        yield unbalanced_component.at(doc, inner.start, inner.end, message)
    open_tags.pop()
