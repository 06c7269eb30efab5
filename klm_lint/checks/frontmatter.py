"""Rules on the front matter's structure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.nodes import Scalar, iter_mappings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Entry
    from klm_lint.site.site import Site


_CONSEQUENCE = {
    "yaml": "the site's YAML reader rejects repeated keys and the build fails.",
    "toml": "TOML forbids repeated keys, so the site's reader rejects the file and the build "
    "fails.",
    "json": "the site's JSON reader silently keeps only the last one, so the first is lost.",
}


@rule(
    "KLM004",
    "duplicate-key",
    Severity.ERROR,
    "A key is repeated in one mapping.",
    fix=Applicability.UNSAFE,
)
def duplicate_key(doc: Document, site: Site) -> Iterator[Finding]:
    if doc.front_matter is None:
        return
    for mapping in iter_mappings(doc.front_matter.root):
        if len({entry.key.text for entry in mapping.entries}) == len(mapping.entries):
            continue
        first_seen: dict[str, int] = {}
        for index, entry in enumerate(mapping.entries):
            key = entry.key.text
            if key not in first_seen:
                first_seen[key] = index
                continue
            first = mapping.entries[first_seen[key]]
            first_line, _ = doc.lines.position(first.key.start)
            message = (
                f"{key} appears a second time here (first on line {first_line}); "
                f"{_CONSEQUENCE[doc.front_matter.format]} Keep one {key} and delete the other."
            )
            following = mapping.entries[first_seen[key] + 1]
            fix = _drop_first(doc, first, following)
            yield duplicate_key.at(doc, entry.key.start, entry.key.end, message, fix)


def _drop_first(doc: Document, first: Entry, following: Entry) -> Fix | None:
    """Delete the lines of the first occurrence, up to the next key of the same mapping.

    Unsafe: the first value is lost, and which one the author meant is a guess."""
    if doc.front_matter is None or doc.front_matter.format == "json":
        return None
    if doc.front_matter.format == "toml" and not isinstance(first.value, Scalar):
        return None
    start, end = _line_start(doc, first.key.start), _line_start(doc, following.key.start)
    if start is None or end is None or end <= start:
        return None
    edit = doc.edit(start, end, "")
    return Fix(Applicability.UNSAFE, f"Delete the first {first.key.text}", (edit,))


def _line_start(doc: Document, offset: int) -> int | None:
    """The start of the offset's line, if only indentation stands before the offset."""
    line, _ = doc.lines.position(offset)
    start = doc.lines.line_start(line)
    return start if not doc.text[start:offset].strip(" \t") else None
