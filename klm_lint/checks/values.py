"""Value rules: what a schema says about a value beyond its type — allowed values and
references, lengths and counts, forms (URL, email, slug, pattern), and deprecated fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import choices, describe, dotted, quote
from klm_lint.checks.fields import at_issue, issues_of, with_severity
from klm_lint.checks.rule import rule
from klm_lint.findings import Severity
from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Scalar, Sequence
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.site import Site
    from klm_lint.site.validate import Issue

_NOT_SLUG = lazy_pattern(r"[^a-z0-9]+")


@rule(
    "KLM107",
    "value-not-allowed",
    Severity.ERROR,
    "A value is not one of its field's allowed values, or names no entry of its data file.",
)
def value_not_allowed(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "value", "reference"):
        spec, node = issue.spec, issue.node
        assert spec is not None and isinstance(node, Scalar)
        name = dotted(issue.path)
        if issue.kind == "value":
            allowed = [str(value) for value in spec.values]
            close = close_matches(node.text.strip(), allowed, n=1, cutoff=0.6)
            hint = f'Did you mean "{close[0]}"? ' if close else ""
            message = (
                f"{name} is {describe(node)}, which is not one of the values the site knows, so "
                f"{spec.impact}. {hint}Use one of {choices(spec.values)}."
            )
        else:
            reference = spec.reference
            assert reference is not None
            text = node.text.strip()
            suggestion = reference.suggest(text)
            hint = f"Did you mean {suggestion}? " if suggestion else ""
            message = (
                f"{name} is {quote(text)}, which {reference.file} does not list, so "
                f"{spec.impact}. {hint}Use a name {reference.file} lists, or add it there."
            )
        yield at_issue(value_not_allowed, doc, issue, message)


@rule(
    "KLM108",
    "value-length",
    Severity.ERROR,
    "A text is longer or shorter than its field allows, or a list has too many or too few items.",
)
def value_length(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "length", "items", "unique"):
        yield at_issue(value_length, doc, issue, _length_message(issue))


def _length_message(issue: Issue) -> str:
    spec, node, bound = issue.spec, issue.node, issue.bound
    assert spec is not None and node is not None
    name = dotted(issue.path)
    if issue.kind == "unique":
        return (
            f"{name} repeats {describe(node)}, which the list already holds, so the site shows "
            "it twice. Remove the repeat."
        )
    assert bound is not None
    if issue.kind == "length":
        assert isinstance(node, Scalar) and isinstance(node.value, str)
        size = len(node.value)
        if size > bound.value:
            return (
                f"{name} is {size} characters long, {size - bound.value} more than the "
                f"{bound.value} its field allows, so the site may cut it off or lay it out "
                f"badly. Shorten it to {bound.value} characters or fewer."
            )
        return (
            f"{name} is {size} characters long, fewer than the {bound.value} its field needs, "
            f"so it says too little where the site shows it. Write at least {bound.value} "
            "characters."
        )
    count = len(node.items) if isinstance(node, Sequence) else len(getattr(node, "entries", ()))
    items = "item" if count == 1 else "items"
    if count > bound.value:
        return (
            f"{name} has {count} {items}, more than the {bound.value} its field allows, so the "
            f"site shows only some of them or lays them out badly. Keep {bound.value} at most."
        )
    return (
        f"{name} has {count} {items}, fewer than the {bound.value} its field needs, so "
        f"{spec.impact}. Give it at least {bound.value}."
    )


@rule(
    "KLM109",
    "value-format",
    Severity.ERROR,
    "A value is not the URL, email address or slug its field needs, or misses its pattern.",
)
def value_format(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "format", "pattern"):
        spec, node = issue.spec, issue.node
        assert spec is not None and isinstance(node, Scalar)
        name = dotted(issue.path)
        text = node.text.strip()
        if issue.kind == "pattern":
            assert spec.pattern is not None
            how = spec.description or "Write it in the form the pattern describes."
            message = (
                f"{name} is {quote(text)}, which does not match the pattern {spec.pattern.text} "
                f"its field gives, so {spec.impact}. {how}"
            )
        elif spec.type == "url":
            message = (
                f"{name} is {quote(text)}, which is not a web address, so {spec.impact}. Write "
                "a full address such as https://example.org/page, or a path from the site "
                "root such as /about."
            )
        elif spec.type == "email":
            message = (
                f"{name} is {quote(text)}, which is not an email address, so {spec.impact}. "
                "Write it as name@example.org."
            )
        else:
            slug = _NOT_SLUG.sub("-", text.lower()).strip("-") or "my-post"
            message = (
                f"{name} is {quote(text)}, which is not a slug (lower-case letters, digits and "
                f"single hyphens), so {spec.impact}. Write it as {slug}."
            )
        yield at_issue(value_format, doc, issue, message)


@rule(
    "KLM110",
    "deprecated-field",
    Severity.WARNING,
    "A field the schema marks as deprecated is still used.",
)
def deprecated_field(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "deprecated"):
        spec, entry = issue.spec, issue.entry
        assert spec is not None and entry is not None
        name = dotted(issue.path)
        replacement = spec.deprecated or ""
        if replacement:
            message = (
                f"{name} is deprecated: {replacement}. The site still reads it for now, but a "
                "later version of the theme will not. Make the change while you are here."
            )
        else:
            message = (
                f"{name} is deprecated: the site still reads it for now, but a later version of "
                "the theme will not. Remove it, or ask the site's developers what replaces it."
            )
        key = entry.key
        finding = deprecated_field.at(doc, key.start, key.end, message)
        yield with_severity(finding, spec.severity)
