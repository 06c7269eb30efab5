"""A collection's schema, compiled from the schema language: its fields, at any depth, and what
the site does when each is wrong.

Schemas are data (the built-in ones are klm_lint/config/presets/*.toml, written in the same
language users write); `site/schema_build.py` compiles them into the values here, and
`site/validate.py` checks a front matter against them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from klm_lint.records import field, record, value_record
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Severity
    from klm_lint.site.references import Reference

Unknown = Literal["error", "warning", "allow"]
TEXT_TYPES = frozenset({"string", "asset", "url", "email", "slug", "enum"})
"""Types whose value is text: an empty one is wrong unless the field allows it."""
DATE_TYPES = frozenset({"date", "datetime", "date-or-datetime"})
ITEM = "[]"
"""The step of a schema path that stands for any item of a list, or any value of a map."""


@value_record
class Bound:
    value: int
    severity: Severity | None = None
    """When its finding is more (or less) severe than the rule's default."""


@record
class Pattern:
    text: str
    matches: object
    """A callable: text -> bool, run by a linear-time engine."""


@record
class FieldSpec:
    path: tuple[str, ...]
    """Keys from the root; ITEM for the items of a list or the values of a map."""
    type: str
    required: bool = False
    nullable: bool = False
    empty: str | None = None
    """None: an empty value is wrong (for text and required fields); otherwise allowed, and
    the text says why ("" when the schema gives no reason)."""
    impact: str = ""
    description: str = ""
    role: str | None = None
    values: tuple[object, ...] = ()
    pattern: Pattern | None = None
    min_length: Bound | None = None
    max_length: Bound | None = None
    min_items: Bound | None = None
    max_items: Bound | None = None
    unique: bool = False
    items: FieldSpec | None = None
    """For a list: its items; for a map: its values."""
    object: ObjectSpec | None = None
    severity: Severity | None = None
    deprecated: str | None = None
    """None: not deprecated; otherwise what replaces it ("" when the schema does not say)."""
    reference: Reference | None = None

    @property
    def dotted(self) -> str:
        return dotted_path(self.path)

    @property
    def must_be_filled(self) -> bool:
        """An empty value is wrong: required fields, and fields whose value is text."""
        return self.empty is None and (self.required or self.type in TEXT_TYPES)


@record
class ObjectSpec:
    fields: dict[str, FieldSpec]
    unknown: Unknown = "allow"
    """What a key the schema does not list is: a finding at this severity, or allowed."""

    def suggest(self, key: str) -> str | None:
        """The known key closest to an unknown one."""
        lowered = {known.lower(): known for known in self.fields}
        if key.lower() in lowered:
            return lowered[key.lower()]
        close = close_matches(key.lower(), list(lowered), n=1, cutoff=0.6)
        return lowered[close[0]] if close else None


@record
class Schema:
    name: str
    root: ObjectSpec
    description: str = ""
    source: str = ""
    """Where it was written: `built-in (nextjs)`, a config file, a schema file."""
    extends: tuple[str, ...] = ()
    """The named schemas it was built on, nearest first."""
    _flat: dict[tuple[str, ...], FieldSpec] = field(default_factory=dict, repr=False)

    @property
    def fields(self) -> dict[tuple[str, ...], FieldSpec]:
        """Every field by its schema path, at any depth."""
        if not self._flat:
            self._flat.update((spec.path, spec) for spec in _walk(self.root))
        return self._flat

    def is_a(self, name: str) -> bool:
        """The schema is, or extends, the named one."""
        return self.name == name or name in self.extends

    def object_at(self, path: tuple[str, ...]) -> ObjectSpec | None:
        """The object whose keys are at this schema path ((): the root)."""
        if not path:
            return self.root
        spec = self.fields.get(path)
        return spec.object if spec is not None else None

    def required_keys(self) -> list[str]:
        return [key for key, spec in self.root.fields.items() if spec.required]


def dotted_path(path: tuple[str | int, ...]) -> str:
    """`author.name`, `testimonial.list[3].avatar`, `tags[]` for any item."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part}]"
        elif part == ITEM:
            shown += "[]"
        else:
            shown += f".{part}" if shown else part
    return shown


def _walk(objects: ObjectSpec) -> Iterator[FieldSpec]:
    for spec in objects.fields.values():
        yield from _walk_field(spec)


def _walk_field(spec: FieldSpec) -> Iterator[FieldSpec]:
    yield spec
    if spec.object is not None:
        yield from _walk(spec.object)
    if spec.items is not None:
        yield from _walk_field(spec.items)
