"""Findings as the editor shows them, and a config that cannot be read as one diagnostic on it.

Each diagnostic links to its rule's page (`codeDescription.href`): the rule book page that ships
with the installed klm-lint, as a `file:` URI (the same page `klm-lint --explain CODE` shows),
so the link always matches the version that made the finding and works offline.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from lsprotocol import types

from klm_lint.checks.rulebook import pages_folder
from klm_lint.findings import Severity

if TYPE_CHECKING:
    from klm_lint.findings import Finding
    from klm_lint.server.positions import TextLines

SOURCE = "klm-lint"
_UNUSED_SUPPRESSION = "KLM900"
_AT_LINE = re.compile(r"at line (\d+), column (\d+)")
_UNKNOWN = re.compile(r"unknown option '([A-Za-z0-9_.-]+)'")
_KEY_FIRST = re.compile(r"^([A-Za-z0-9_.-]+): ")


@functools.cache
def rule_page(code: str) -> str:
    """The URI of a rule's page in the rule book."""
    return (pages_folder() / f"{code}.md").resolve().as_uri()


def diagnostic(finding: Finding, lines: TextLines) -> types.Diagnostic:
    severity = (
        types.DiagnosticSeverity.Error
        if finding.severity is Severity.ERROR
        else types.DiagnosticSeverity.Warning
    )
    tags = [types.DiagnosticTag.Unnecessary] if finding.code == _UNUSED_SUPPRESSION else None
    return types.Diagnostic(
        range=lines.range(finding.span),
        message=finding.message,
        severity=severity,
        code=finding.code,
        code_description=types.CodeDescription(href=rule_page(finding.code)),
        source=SOURCE,
        tags=tags,
    )


def config_diagnostic(message: str, lines: TextLines) -> types.Diagnostic:
    """A config error (KlmLintError's one line) on the config file's text: at the place the
    message names (a TOML syntax error's line and column, the option it names), else on the
    first line."""
    line, column, end_column = _place(message, lines)
    return types.Diagnostic(
        range=types.Range(lines.position(line, column), lines.position(line, end_column)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _place(message: str, lines: TextLines) -> tuple[int, int, int]:
    """The 1-based line, column and end column the message is about."""
    if "at end of document" in message:
        last = lines.line_count
        return last, 1, len(lines.line(last - 1)) + 1
    found = _AT_LINE.search(message)
    if found is not None:
        line, column = int(found.group(1)), int(found.group(2))
        return line, column, max(column + 1, len(lines.line(line - 1)) + 1)
    named = _UNKNOWN.search(message) or _KEY_FIRST.search(message)
    for key in reversed(named.group(1).split(".") if named else []):
        for number in range(lines.line_count):
            if key in _keys_of(lines.line(number)):
                return number + 1, 1, len(lines.line(number)) + 1
    return 1, 1, len(lines.line(0)) + 1


def _keys_of(line: str) -> set[str]:
    """The keys a TOML line names: its table's, its own, and those of an inline table."""
    content = line.strip(" \t")
    if content.startswith("["):
        return {part.strip().strip("\"'") for part in content.strip("[]").split(".")}
    keys = set()
    for piece in content.replace("{", ",").split(","):
        named = piece.split("=", 1)[0].strip(" \t\"'") if "=" in piece else ""
        if named and all(char.isalnum() or char in "_.-" for char in named):
            keys.update(named.split("."))
    return keys
