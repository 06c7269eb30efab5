"""What a check reports: a finding at a span of one file, maybe with a fix."""

from __future__ import annotations

import enum

from klm_lint.records import value_record


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@value_record
class Span:
    """1-based line and column of the first character, and of the character after the last.

    Columns count Unicode code points. A BOM is not counted; CRLF, CR and LF each end a line.
    """

    line: int
    column: int
    end_line: int
    end_column: int


@value_record
class Edit:
    """Replace the text between two character offsets of the decoded file (BOM excluded)."""

    start: int
    end: int
    replacement: str
    span: Span
    """The same range as lines and columns, for reports (an insertion has an empty span)."""


@value_record
class Fix:
    applicability: Applicability
    description: str
    edits: tuple[Edit, ...]


@value_record
class Finding:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    source_line: str = ""
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message)
