"""JUnit XML: a test suite per file, a failing test case per finding, a passing one if clean."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TYPE_CHECKING

from klm_lint.load.paths import display_path
from klm_lint.report.github import fix_hint

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions

CLEAN_CASE = "all checks passed"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    stream.write(junit_xml(result))


def junit_xml(result: Result) -> str:
    by_path: dict[str, list[Finding]] = {display_path(path): [] for path in result.checked}
    for path, findings in groupby(result.findings, key=lambda finding: finding.path):
        by_path[path] = list(findings)
    failures = len(result.findings)
    tests = failures + sum(1 for findings in by_path.values() if not findings)
    suites = ET.Element(
        "testsuites",
        name="klm-lint",
        tests=str(tests),
        failures=str(failures),
        errors="0",
    )
    for path in sorted(by_path):
        _suite(suites, path, by_path[path])
    ET.indent(suites)
    # ASCII with character references is valid UTF-8 and survives any stdout encoding.
    body = ET.tostring(suites, encoding="us-ascii", xml_declaration=False).decode("ascii")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _suite(parent: ET.Element, path: str, findings: list[Finding]) -> None:
    count = str(max(1, len(findings)))
    suite = ET.SubElement(
        parent,
        "testsuite",
        name=_text(path),
        tests=count,
        failures=str(len(findings)),
        errors="0",
        skipped="0",
    )
    if not findings:
        ET.SubElement(suite, "testcase", classname=_text(path), name=CLEAN_CASE, file=_text(path))
        return
    for finding in findings:
        span = finding.span
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_text(path),
            name=f"{finding.code} {finding.rule} at {span.line}:{span.column}",
            file=_text(path),
            line=str(span.line),
        )
        failure = ET.SubElement(
            case, "failure", message=_text(finding.message), type=finding.severity.value
        )
        details = [
            f"{path}:{span.line}:{span.column}: {finding.severity.value} "
            f"{finding.code} {finding.rule}",
            finding.message,
        ]
        if finding.source_line:
            details.append(f"{span.line} | {finding.source_line}")
        hint = fix_hint(finding)
        if hint:
            details.append(hint)
        failure.text = _text("\n".join(details))


def _text(value: str) -> str:
    """XML 1.0 cannot hold most control characters at all, not even escaped: show their code."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", value)
