"""Field rules: required keys, types, dates, the draft flag, unknown keys, empty values."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from klm_lint.checks.describe import describe, dotted, is_empty, quote
from klm_lint.checks.edits import replace_scalar_text, replace_value
from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.nodes import Mapping, Scalar, Sequence, lookup, to_python
from klm_lint.site import dates
from klm_lint.site.publication import hides

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Entry, Node
    from klm_lint.site.schema import FieldSpec, Kind, Schema, SchemaIssue
    from klm_lint.site.site import Site

_TRUE_WORDS = {"true", "yes", "on", "y", "1"}
_FALSE_WORDS = {"false", "no", "off", "n", "0"}


def _schema(doc: Document, site: Site) -> Schema | None:
    collection = site.collection_of(doc)
    if doc.front_matter is None or collection is None:
        return None
    return collection.schema


def schema_issues(doc: Document, site: Site) -> list[SchemaIssue]:
    """The schema's complaints about this document, computed once for all field rules."""
    return doc.derived(_validate, site)


def _validate(doc: Document, site: Site) -> list[SchemaIssue]:
    schema = _schema(doc, site)
    if schema is None or doc.front_matter is None:
        return []
    return schema.validate(to_python(doc.front_matter.root))


def _filled(doc: Document, site: Site, kind: Kind) -> Iterator[tuple[Schema, FieldSpec, Node]]:
    """Each field of a kind that the front matter has and fills in."""
    schema = _schema(doc, site)
    if schema is None or doc.front_matter is None:
        return
    for spec in schema.fields_of_kind(kind):
        entry, node = lookup(doc.front_matter.root, spec.path)
        if entry is not None and node is not None and not is_empty(node):
            yield schema, spec, node


def _impact(schema: Schema, path: tuple[str | int, ...]) -> str:
    spec = schema.fields.get(tuple(str(part) for part in path if isinstance(part, str)))
    return spec.impact if spec else "the site cannot use it"


@rule(
    "KLM101",
    "required-field",
    Severity.ERROR,
    "A required key is absent.",
    fix=Applicability.UNSAFE,
)
def required_field(doc: Document, site: Site) -> Iterator[Finding]:
    schema = _schema(doc, site)
    if schema is None or doc.front_matter is None:
        return
    for issue in schema_issues(doc, site):
        if issue.type != "missing":
            continue
        parent_entry, _ = lookup(doc.front_matter.root, issue.path[:-1])
        message = (
            f"{dotted(issue.path)} is missing; {_impact(schema, issue.path)}. "
            f"{_how_to_add(issue.path)}"
        )
        if parent_entry is not None and issue.path[:-1]:
            yield required_field.at(doc, parent_entry.key.start, parent_entry.key.end, message)
        else:
            fix = _insert_draft(doc) if issue.path == ("draft",) else None
            yield required_field.at(doc, 0, doc.lines.line_end(1), message, fix)


def _insert_draft(doc: Document) -> Fix | None:
    """Insert draft: true, which keeps an unreviewed post unpublished (never false)."""
    front = doc.front_matter
    if front is None:
        return None
    if front.format == "yaml":
        edit = doc.edit(front.end, front.end, "draft: true" + doc.newline)
    elif front.format == "toml":
        edit = doc.edit(front.start, front.start, "draft = true" + doc.newline)
    else:
        brace = front.root.start + 1
        empty = not front.root.entries
        edit = doc.edit(brace, brace, ' "draft": true' + ("" if empty else ","))
    return Fix(Applicability.UNSAFE, "Add draft: true (the post stays unpublished)", (edit,))


def _how_to_add(path: tuple[str | int, ...]) -> str:
    key = str(path[-1])
    if key == "draft":
        return "Add draft: true until the post is ready, or draft: false to publish it."
    if key == "date":
        return "Add the publication date, such as date: 2024-01-31."
    if len(path) > 1:
        return f"Add {key}: under {dotted(path[:-1])}:, indented."
    return f"Add a line {key}: with its value."


@rule("KLM102", "field-type", Severity.ERROR, "A value has the wrong type.")
def field_type(doc: Document, site: Site) -> Iterator[Finding]:
    schema = _schema(doc, site)
    if schema is None or doc.front_matter is None:
        return
    for issue in schema_issues(doc, site):
        if issue.type != "type":
            continue
        entry, node = lookup(doc.front_matter.root, issue.path)
        if node is None or is_empty(node) or entry is None:
            continue
        shown = dotted(issue.path)
        expected = issue.expected
        advice = f"Write {shown} as {expected}."
        if expected.startswith("a mapping") and isinstance(node, Scalar):
            advice = (
                f"Write {shown}: on its own line and the keys under it, indented, "
                f"such as name: {node.text}."
            )
        elif expected == "text" and isinstance(node, Scalar) and isinstance(issue.path[-1], int):
            advice = f'Put the value in quotes: "{node.text}".'
        elif expected == "text" and isinstance(node, Scalar):
            advice = f'Put the value in quotes: {shown}: "{node.text}".'
        elif expected == "text":
            advice = f"Write {shown} as one piece of text."
        elif expected == "a list" and isinstance(node, Scalar):
            advice = f"Write it as a list: {shown}: [{node.text}]."
        message = (
            f"{shown} is {describe(node)}, but the site expects {expected}, so "
            f"{_impact(schema, issue.path)}. {advice}"
        )
        yield field_type.at(doc, node.start, node.end, message)


@rule(
    "KLM103",
    "date-format",
    Severity.ERROR,
    "A date field is not an ISO 8601 date.",
    fix=Applicability.SAFE,
)
def date_format(doc: Document, site: Site) -> Iterator[Finding]:
    for _, spec, node in _filled(doc, site, "date"):
        name = spec.dotted
        if not isinstance(node, Scalar):
            message = (
                f"{name} is {describe(node)}, not a date; {spec.impact}. "
                f"Write one date, such as {name}: 2024-01-31."
            )
            yield date_format.at(doc, node.start, node.end, message)
            continue
        reason = _date_problem(node)
        if reason is None:
            continue
        suggestion = dates.suggest(node.text, site.config.date_order)
        if reason.startswith(("is not a real date", "has month")):
            fix = "Correct the date."
        elif "time of day" in reason:
            fix = "Correct the time: hours 00 to 23, minutes and seconds 00 to 59."
        elif "offset" in reason:
            fix = "Correct the time-zone offset, such as +06:00 or Z for UTC."
        elif suggestion is None:
            fix = (
                "Write it as YYYY-MM-DD, such as 2024-01-31, optionally with a time: "
                "2024-01-31T09:00:00Z."
            )
        elif suggestion.certain:
            fix = f"Write it as {suggestion.text}."
        else:
            fix = (
                f"Write it as YYYY-MM-DD: {suggestion.text} if the month comes first, "
                "or swap month and day."
            )
        message = f"{name} is {quote(node.text)}, which {reason}; {spec.impact}. {fix}"
        yield date_format.at(doc, node.start, node.end, message, _date_fix(doc, site, node, name))


def _date_fix(doc: Document, site: Site, node: Scalar, name: str) -> Fix | None:
    suggestion = dates.suggest(node.text, site.config.date_order)
    if suggestion is None:
        return None
    edit = replace_scalar_text(doc, node, suggestion.text)
    if edit is None:
        return None
    safety = Applicability.SAFE if suggestion.certain else Applicability.UNSAFE
    return Fix(safety, f"Write {name}: {suggestion.text}", (edit,))


def _date_problem(node: Scalar) -> str | None:
    if isinstance(node.value, dt.time):
        return "is a time without a day"
    if isinstance(node.value, (bool, int, float)):
        return "is a number, not a date" if not isinstance(node.value, bool) else "is not a date"
    return dates.problem(node.text)


@rule(
    "KLM104",
    "draft-flag",
    Severity.ERROR,
    "draft is not the boolean true or false.",
    fix=Applicability.SAFE,
)
def draft_flag(doc: Document, site: Site) -> Iterator[Finding]:
    for schema, spec, node in _filled(doc, site, "draft"):
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            continue
        noun = "post" if schema.name == "post" else "page"
        message = _draft_message(spec.dotted, node, noun)
        yield draft_flag.at(doc, node.start, node.end, message, _draft_fix(doc, spec.dotted, node))


def _meant(node: Node) -> str | None:
    """The boolean an author meant by a word, string or number, if it is clear."""
    if not isinstance(node, Scalar) or isinstance(node.value, float):
        return None
    word = node.text.strip().lower()
    return "true" if word in _TRUE_WORDS else "false" if word in _FALSE_WORDS else None


def _draft_fix(doc: Document, name: str, node: Node) -> Fix | None:
    meant = _meant(node)
    if meant is None or not isinstance(node, Scalar):
        return None
    edit = replace_value(doc, node, meant)
    return Fix(Applicability.SAFE, f"Write {name}: {meant}", (edit,))


def _draft_message(name: str, node: Node, noun: str) -> str:
    if not isinstance(node, Scalar):
        return (
            f"{name} is {describe(node)}; the site treats it as true, so this {noun} will not be "
            f"published. Use {name}: false to publish it or {name}: true to hold it back."
        )
    meant = _meant(node)
    if isinstance(node.value, (int, float)):
        published = not hides(node)
        outcome = f"publishes this {noun}" if published else f"does not publish this {noun}"
        return (
            f"{name} is the number {node.text}; the site happens to read it as "
            f"{'false' if published else 'true'} and {outcome}, but only by accident. "
            f"Use {name}: {'false' if published else 'true'}."
        )
    if node.quoted:
        what = f"the string {quote(node.text)}"
    else:
        what = (
            f"{node.text}, which the site's YAML reader takes as the text {quote(node.text)}, "
            "not a boolean"
        )
    if meant == "true":
        return (
            f"{name} is {what}; the site treats any non-empty text as true, so the {noun} stays "
            f"unpublished, but only by accident. Use {name}: true."
        )
    if meant == "false":
        return (
            f"{name} is {what}; the site treats any non-empty text as true, so this {noun} will "
            f"not be published. Use {name}: false."
        )
    return (
        f"{name} is {what}; the site treats any non-empty text as true, so this {noun} will not "
        f"be published. Use {name}: false to publish it or {name}: true to hold it back."
    )


@rule("KLM105", "unknown-field", Severity.WARNING, "A key the collection's schema does not know.")
def unknown_field(doc: Document, site: Site) -> Iterator[Finding]:
    schema = _schema(doc, site)
    collection = site.collection_of(doc)
    if schema is None or doc.front_matter is None or collection is None:
        return
    for issue in schema_issues(doc, site):
        if issue.type != "unknown":
            continue
        entry, _ = lookup(doc.front_matter.root, issue.path)
        if entry is None:
            continue
        parent = tuple(str(part) for part in issue.path[:-1])
        key = str(issue.path[-1])
        suggestion = schema.suggest(parent, key)
        where = f"under {dotted(parent)} " if parent else ""
        hint = (
            f"Did you mean {suggestion}?"
            if suggestion
            else f"Remove it, or add it to the {collection.name} collection's fields in the config."
        )
        message = (
            f"{key} is not a field the site knows {where}for {collection.name}, so the site "
            f"ignores it. {hint}"
        )
        yield unknown_field.at(doc, entry.key.start, entry.key.end, message)


@rule("KLM106", "empty-field", Severity.ERROR, "A required or text field is present but empty.")
def empty_field(doc: Document, site: Site) -> Iterator[Finding]:
    schema = _schema(doc, site)
    if schema is None or doc.front_matter is None:
        return
    for spec in schema.must_be_filled:
        entry, node = lookup(doc.front_matter.root, spec.path)
        if entry is None or node is None or not is_empty(node):
            continue
        name = spec.dotted
        advice = f"Fill in {name}." if spec.required else f"Fill in {name}, or remove the line."
        if _blank_in_text(doc, entry):
            yield empty_field.at(
                doc, entry.key.start, entry.key.end, f"{name} is empty; {spec.impact}. {advice}"
            )
        else:
            yield empty_field.at(
                doc, node.start, node.end, f"{name} is empty; {spec.impact}. {advice}"
            )


def _blank_in_text(doc: Document, entry: Entry) -> bool:
    return entry.value.start >= entry.value.end or isinstance(entry.value, (Mapping, Sequence))
