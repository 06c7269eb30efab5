"""Rules on the front matter's structure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.go_rust_scalars import go_text
from klm_lint.load.nodes import Scalar, iter_mappings
from klm_lint.load.yaml_readers import JS_YAML, READERS, ZOLA_FIELDS, js_property, key_identity
from klm_lint.records import replace

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document, FrontMatter
    from klm_lint.load.nodes import Entry, Mapping
    from klm_lint.site.site import Site


_CONSEQUENCE = {
    "yaml": "the site's YAML reader rejects repeated keys and the build fails.",
    "toml": "TOML forbids repeated keys, so the site's reader rejects the file and the build "
    "fails.",
    "json": "the site's JSON reader silently keeps only the last one, so the first is lost.",
}


def duplicates(front: FrontMatter) -> Iterator[tuple[Mapping, int, Entry]]:
    """Each key that repeats an earlier key of its mapping, with the mapping and the index of
    that earlier entry, as the site's reader compares keys (for YAML, its dialect's way:
    js-yaml reads true and True as one key, Ruby reads 1 and '1' as two)."""
    yaml = front.format == "yaml"
    for mapping in iter_mappings(front.root):
        entries = mapping.entries
        if len({entry.key.text for entry in entries}) == len(entries) and (
            not yaml or all(entry.key.value.__class__ is str for entry in entries)
        ):
            continue
        first_seen: dict[Hashable, int] = {}
        for index, entry in enumerate(entries):
            identity = key_identity(front.dialect, entry.key) if yaml else entry.key.text
            first = first_seen.setdefault(identity, index)
            if first != index:
                yield mapping, first, entry


def fatal_duplicates(doc: Document) -> list[tuple[Mapping, int, Entry]]:
    """The repeated keys that make the site's reader fail (none where it keeps the last)."""
    front = doc.front_matter
    if front is None or front.format == "json":
        return []
    return [found for found in duplicates(front) if _fatal(front, *found)]


def _rejects_duplicates(front: FrontMatter) -> bool:
    return front.format != "yaml" or not READERS[front.dialect].duplicates


def _fatal(front: FrontMatter, mapping: Mapping, index: int, entry: Entry) -> bool:
    """Whether the site's reader fails on this repeated key (Zola: on one of its own keys)."""
    if front.format == "yaml" and front.dialect == "serde-yaml":
        return mapping is front.root and entry.key.text in ZOLA_FIELDS
    return _rejects_duplicates(front)


@rule(
    "KLM004",
    "duplicate-key",
    Severity.ERROR,
    "A key is repeated in one mapping.",
    fix=Applicability.UNSAFE,
)
def duplicate_key(doc: Document, site: Site) -> Iterator[Finding]:
    front = doc.front_matter
    if front is None:
        return
    for mapping, index, entry in duplicates(front):
        fatal = _fatal(front, mapping, index, entry)
        if front.format == "yaml" and not fatal:
            consequence = READERS[front.dialect].duplicates + "."
        else:
            consequence = _CONSEQUENCE[front.format]
        first = mapping.entries[index]
        first_line, _ = doc.lines.position(first.key.start)
        key = entry.key.text
        if key == first.key.text:
            said = f"{key} appears a second time here (first on line {first_line})"
        else:
            said = (
                f"{key} is the same key as {first.key.text} on line {first_line} to the site's "
                f"YAML reader, which reads both as {_read_as(front, entry)}"
            )
        message = f"{said}; {consequence} Keep one {key} and delete the other."
        fix = _drop_first(doc, first, mapping.entries[index + 1])
        finding = duplicate_key.at(doc, entry.key.start, entry.key.end, message, fix)
        if not fatal and front.format == "yaml":
            finding = _as_warning(finding)
        yield finding


def _read_as(front: FrontMatter, entry: Entry) -> str:
    value = entry.key.value
    if front.dialect in JS_YAML:
        return f'the name "{js_property(value)}"'
    if front.dialect == "go-yaml":
        return f'the name "{go_text(value)}"'
    if value is None:
        return "an empty key"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f'"{value}"'


def _as_warning(finding: Finding) -> Finding:
    return replace(finding, severity=Severity.WARNING)


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


@rule(
    "KLM007",
    "yaml-portability",
    Severity.WARNING,
    "The site's YAML reader reads the front matter, but other common YAML readers do not.",
)
def yaml_portability(doc: Document, site: Site) -> Iterator[Finding]:
    front = doc.front_matter
    if front is None:
        return
    for note in front.notes:
        yield yaml_portability.at(doc, note.start, note.end, note.message)
