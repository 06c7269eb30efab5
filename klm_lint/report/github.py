"""GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding.

The escaping is the one GitHub's own toolkit (`@actions/core`) applies: `%`, CR and LF in the
message; those and `:` and `,` in property values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.findings import Applicability, Severity

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def fix_hint(finding: Finding) -> str:
    """How to apply the finding's fix, for reports that have no place of their own for it."""
    fix = finding.fix
    if fix is None:
        return ""
    command = "--fix" if fix.applicability is Applicability.SAFE else "--fix --unsafe-fixes"
    return f"klm-lint {command} fixes this: {fix.description}"


def annotation(finding: Finding) -> str:
    span = finding.span
    properties = [("file", finding.path), ("line", str(span.line))]
    if span.end_line == span.line:
        properties += [
            ("col", str(span.column)),
            ("endLine", str(span.end_line)),
            ("endColumn", str(span.end_column)),
        ]
    else:
        # GitHub takes columns only for an annotation on a single line.
        properties.append(("endLine", str(span.end_line)))
    properties.append(("title", f"{finding.code} {finding.rule}"))
    hint = fix_hint(finding)
    message = f"{finding.message}\n{hint}" if hint else finding.message
    command = "error" if finding.severity is Severity.ERROR else "warning"
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{command} {listed}::{escape_data(message)}"


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    stream.writelines(annotation(finding) + "\n" for finding in result.findings)
