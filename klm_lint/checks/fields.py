"""Field rules: required keys, types, dates, the draft flag, unknown keys, empty values."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from klm_lint.checks.describe import choices, describe, dotted, quote
from klm_lint.checks.edits import replace_scalar_text, replace_value
from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.records import replace
from klm_lint.site import dates
from klm_lint.site.date_forms import NO_DATE_ONLY, NO_TIME, judge_path_date
from klm_lint.site.publication import hides, read_draft, read_published
from klm_lint.site.schema import DATE_TYPES
from klm_lint.site.validate import Checked, validate

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.checks.rule import Rule
    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Entry, Node
    from klm_lint.site.site import Site
    from klm_lint.site.validate import Issue, IssueKind, Valued

_TRUE_WORDS = {"true", "yes", "on", "y", "1"}
_FALSE_WORDS = {"false", "no", "off", "n", "0"}


def checked(doc: Document, site: Site) -> Checked:
    """The document checked against its collection's schema, once for all field rules."""
    return doc.derived(_check, site)


def _check(doc: Document, site: Site) -> Checked:
    collection = site.collection_of(doc)
    if collection is None or doc.front_matter is None:
        return Checked()
    return validate(collection.schema, doc.front_matter.root)


def issues_of(doc: Document, site: Site, *kinds: IssueKind) -> Iterator[Issue]:
    for issue in checked(doc, site).issues:
        if issue.kind in kinds:
            yield issue


def at_issue(
    rule: Rule, doc: Document, issue: Issue, message: str, fix: Fix | None = None
) -> Finding:
    """A finding on the issue's value (or its key, for a key), at the field's severity."""
    node = issue.node
    assert node is not None
    finding = rule.at(doc, node.start, node.end, message, fix)
    return with_severity(finding, issue.severity)


def with_severity(finding: Finding, severity: Severity | None) -> Finding:
    if severity is None or severity is finding.severity:
        return finding
    return replace(finding, severity=severity)


@rule(
    "KLM101",
    "required-field",
    Severity.ERROR,
    "A required key is absent.",
    fix=Applicability.UNSAFE,
)
def required_field(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "missing"):
        assert issue.spec is not None
        if _dated_by_path(doc, site, issue):
            continue
        message = f"{dotted(issue.path)} is missing; {issue.spec.impact}. {_how_to_add(issue.path)}"
        within = issue.within
        if issue.parent is not None:
            key = issue.parent.key
            finding = required_field.at(doc, key.start, key.end, message)
        elif len(issue.path) > 1 and within is not None and within.entries:
            first = within.entries[0].key
            finding = required_field.at(doc, first.start, first.end, message)
        else:
            fix = _insert_draft(doc) if issue.spec.role == "draft" else None
            finding = required_field.at(doc, 0, doc.lines.line_end(1), message, fix)
        yield with_severity(finding, issue.spec.severity)


def _dated_by_path(doc: Document, site: Site, issue: Issue) -> bool:
    """A missing date that the generator takes from the file's path instead."""
    assert issue.spec is not None
    return (
        len(issue.path) == 1
        and issue.spec.type in DATE_TYPES
        and str(issue.path[0]) in site.config.generator.publish_date_keys
        and site.path_date(doc) is not None
    )


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
    for issue in issues_of(doc, site, "type"):
        node, spec = issue.node, issue.spec
        assert node is not None and spec is not None
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
        elif spec.type == "enum":
            advice = f"Use one of {choices(spec.values)}."
        message = (
            f"{shown} is {_as_read(node)}, but the site expects {expected}, so "
            f"{spec.impact}. {advice}"
        )
        yield at_issue(field_type, doc, issue, message)


def _as_read(node: Node) -> str:
    """describe(node), saying what the site's YAML reader reads when the text says otherwise:
    `014` is the number 12 to js-yaml 3, `yes` the boolean true to Jekyll, `2024-02-30` the
    date 2024-03-01 to js-yaml."""
    if isinstance(node, Scalar) and not node.quoted:
        read = _read_value(node.value)
        if read is not None and read[1] != node.text.strip():
            kind, shown = read
            return f"{node.text}, which the site's YAML reader reads as the {kind} {shown}"
    return describe(node)


def _read_value(value: object) -> tuple[str, str] | None:
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int):
        return "number", str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "number", "NaN (not a number)"
        return "number", str(value) if math.isfinite(value) else "infinity"
    if isinstance(value, dt.datetime):
        return "date", value.isoformat()
    if isinstance(value, dt.date):
        return "date", value.isoformat()
    return None


@rule(
    "KLM103",
    "date-format",
    Severity.ERROR,
    "A date field is not an ISO 8601 date.",
    fix=Applicability.SAFE,
)
def date_format(doc: Document, site: Site) -> Iterator[Finding]:
    for valued in checked(doc, site).dates:
        spec, node = valued.spec, valued.node
        name = dotted(valued.path)
        verdict = site.judge_date(doc, node, spec.type)
        if verdict is None:
            continue
        if not isinstance(node, Scalar):
            message = (
                f"{name} is {describe(node)}, not a date; {spec.impact}. "
                f"Write one date, such as {name}: 2024-01-31."
            )
            yield date_format.at(doc, node.start, node.end, message)
            continue
        reason = verdict.reason
        suggestion = _suggestion(doc, site, node, spec.type)
        fix = verdict.fix or _date_advice(node, reason, suggestion)
        impact = verdict.effect or spec.impact
        message = f"{name} is {quote(node.text)}, which {reason}; {impact}. {fix}"
        fixable = reason not in (NO_TIME, NO_DATE_ONLY) and verdict.level == "error"
        date_fix = _date_fix(doc, node, name, suggestion) if fixable else None
        finding = date_format.at(doc, node.start, node.end, message, date_fix)
        yield with_severity(finding, _level(verdict.level, spec.severity))
    yield from _path_date(doc, site)


def _level(level: str, severity: Severity | None) -> Severity | None:
    """The field's own severity, else the verdict's: a warning where the generator reads the
    date, only not as written."""
    if severity is not None or level == "error":
        return severity
    return Severity.WARNING


def _suggestion(doc: Document, site: Site, node: Scalar, kind: str) -> dates.Suggestion | None:
    """The date written as ISO 8601, when it can be read and the site reads that form."""
    suggestion = dates.suggest(node.text, site.config.date_order)
    if suggestion is None or site.config.generator.dates == "iso":
        return suggestion
    rewritten = Scalar(node.start, node.end, suggestion.text, suggestion.text, node.quoted)
    return suggestion if site.judge_date(doc, rewritten, kind) is None else None


def _date_advice(node: Scalar, reason: str, suggestion: dates.Suggestion | None) -> str:
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
    if reason == NO_TIME:
        fix = f"Add the time of day, such as {node.text.strip()}T09:00:00Z."
    elif reason == NO_DATE_ONLY:
        fix = f"Write the date alone, such as {node.text.strip()[:10]}."
    return fix


def _path_date(doc: Document, site: Site) -> Iterator[Finding]:
    """The date in the file's name, where the generator dates the file by it (when the front
    matter gives none)."""
    found = site.path_date(doc)
    if found is None or site.collection_of(doc) is None or doc.front_matter is None:
        return
    root = doc.front_matter.root
    for key in site.config.generator.publish_date_keys:
        entry = root.get(key)
        if entry is not None and not (
            isinstance(entry.value, Scalar) and entry.value.value in (None, "", False)
        ):
            return
    text = found[0]
    verdict = judge_path_date(text, site.config.generator.dates)
    if verdict is None:
        return
    effect = verdict.effect or "the file cannot be dated"
    advice = verdict.fix or "Rename the file with the date you mean."
    message = f"the file name's date, {text}, {verdict.reason}; {effect}. {advice}"
    finding = date_format.at(doc, 0, doc.lines.line_end(1), message)
    yield with_severity(finding, _level(verdict.level, None))


def _date_fix(
    doc: Document, node: Scalar, name: str, suggestion: dates.Suggestion | None
) -> Fix | None:
    if suggestion is None:
        return None
    edit = replace_scalar_text(doc, node, suggestion.text)
    if edit is None:
        return None
    safety = Applicability.SAFE if suggestion.certain else Applicability.UNSAFE
    return Fix(safety, f"Write {name}: {suggestion.text}", (edit,))


@rule(
    "KLM104",
    "draft-flag",
    Severity.ERROR,
    "draft is not the boolean true or false.",
    fix=Applicability.SAFE,
)
def draft_flag(doc: Document, site: Site) -> Iterator[Finding]:
    collection = site.collection_of(doc)
    values = site.config.generator.draft_values
    for valued in checked(doc, site).drafts:
        node = valued.node
        if collection is None:
            continue
        if valued.spec.role == "draft" and not site.config.generator.draft_key:
            yield from _unread_draft(doc, site, valued, collection.noun)
            continue
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            continue
        name = dotted(valued.path)
        severity = valued.spec.severity
        if valued.spec.role == "draft" and values == "js-truthy":
            message = _draft_message(name, node, collection.noun)
        else:
            judged = _judged_flag(name, node, valued.spec.role, collection.noun, site)
            if judged is None:
                continue
            message, level = judged
            severity = _level(level, severity)
        finding = draft_flag.at(doc, node.start, node.end, message, _draft_fix(doc, name, node))
        yield with_severity(finding, severity)


def _unread_draft(doc: Document, site: Site, valued: Valued, noun: str) -> Iterator[Finding]:
    """A draft flag the generator has none of (Jekyll): it does nothing, so a post an author
    meant to hold back is published."""
    node = valued.node
    if not hides(node) or valued.path != ("draft",):
        return
    generator = site.generator_name
    message = (
        f"draft is {node.text if isinstance(node, Scalar) else describe(node)}, but {generator} "
        f"has no draft flag and publishes this {noun} all the same. To hold it back, write "
        "published: false, or move the file to _drafts/."
    )
    yield with_severity(draft_flag.at(doc, node.start, node.end, message), valued.spec.severity)


def _judged_flag(
    name: str, node: Node, role: str | None, noun: str, site: Site
) -> tuple[str, str] | None:
    """The message and level for a flag the generator reads its own way (Docusaurus, Hugo,
    Zola, Astro's schemas; Jekyll's published); None when it reads the value as written."""
    generator = site.generator_name
    if role == "published":
        reading = read_published(node)
    else:
        reading = read_draft(node, site.config.generator.draft_values)
    if reading.exact:
        return None
    what = _flag_value(node)
    if not reading.accepted:
        taken = "true or false"
        if site.config.generator.draft_values == "boolean-or-text":
            taken = 'true or false (or the text "true" or "false")'
        return (
            f"{name} is {what}; {generator} takes only {taken} here, so the build fails. "
            f"Use {name}: true to hold the {noun} back or {name}: false to publish it.",
            "error",
        )
    meant = _meant(node)
    read = "true" if reading.hidden != (role == "published") else "false"
    outcome = f"does not publish this {noun}" if reading.hidden else f"publishes this {noun}"
    advice = f"Use {name}: {meant}." if meant else f"Use {name}: true or {name}: false."
    level = "warning" if meant is None or meant == read else "error"
    return (
        f"{name} is {what}; {generator} reads it as {read} and {outcome}"
        + (", but only by accident" if meant == read else "")
        + f". {advice}",
        level,
    )


def _flag_value(node: Node) -> str:
    if not isinstance(node, Scalar):
        return describe(node)
    if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return f"the number {node.text}"
    if node.quoted:
        return f"the string {quote(node.text)}"
    return f"{node.text}, which the site's YAML reader takes as the text {quote(node.text)}"


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
    collection = site.collection_of(doc)
    if collection is None:
        return
    for issue in issues_of(doc, site, "unknown"):
        assert issue.entry is not None and issue.objects is not None
        parent = issue.path[:-1]
        key = str(issue.path[-1])
        suggestion = issue.objects.suggest(key)
        where = f"under {dotted(parent)} " if parent else ""
        hint = (
            f"Did you mean {suggestion}?"
            if suggestion
            else f"Remove it, or add it to the {collection.name} collection's fields in the config."
        )
        effect = "the site ignores it"
        if issue.objects.unknown == "error" and site.config.generator.urls != "nextjs":
            effect = f"{site.generator_name} rejects keys it does not know and the build fails"
        elif site.config.generator.urls != "nextjs":
            effect = f"{site.generator_name} ignores it"
        message = (
            f"{key} is not a field the site knows {where}for {collection.name}, so {effect}. {hint}"
        )
        key_node = issue.entry.key
        finding = unknown_field.at(doc, key_node.start, key_node.end, message)
        yield with_severity(finding, Severity.ERROR if issue.objects.unknown == "error" else None)


@rule("KLM106", "empty-field", Severity.ERROR, "A required or text field is present but empty.")
def empty_field(doc: Document, site: Site) -> Iterator[Finding]:
    for issue in issues_of(doc, site, "empty"):
        spec, node, entry = issue.spec, issue.node, issue.entry
        assert spec is not None and node is not None
        name = dotted(issue.path)
        advice = f"Fill in {name}." if spec.required else f"Fill in {name}, or remove the line."
        message = f"{name} is empty; {spec.impact}. {advice}"
        if entry is not None and _blank_in_text(doc, entry):
            finding = empty_field.at(doc, entry.key.start, entry.key.end, message)
        else:
            finding = empty_field.at(doc, node.start, node.end, message)
        yield with_severity(finding, spec.severity)


def _blank_in_text(doc: Document, entry: Entry) -> bool:
    return entry.value.start >= entry.value.end or isinstance(entry.value, (Mapping, Sequence))
