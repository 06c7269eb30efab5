"""GitLab Code Quality: a JSON array of Code Climate issues, for `artifacts:reports:codequality`.

GitLab reads `description`, `check_name`, `fingerprint`, `severity`, `location.path` and
`location.lines.begin`. The fingerprint identifies an issue across pipelines, so that the merge
request shows only the issues it adds or removes: it depends on the file, the rule and the
offending line's text, not on its line number, so edits elsewhere in a post keep it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING

from klm_lint.findings import Severity

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.findings import Finding
    from klm_lint.report import ReportOptions

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}
"""GitLab's scale is info, minor, major, critical, blocker."""


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in result.findings:
        key = (finding.path, finding.code, " ".join(finding.source_line.split()))
        issues.append(issue(finding, fingerprint(*key, seen[key])))
        seen[key] += 1
    stream.write(json.dumps(issues, indent=2) + "\n")


def issue(finding: Finding, fingerprint: str) -> dict[str, object]:
    span = finding.span
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.rule}: {finding.message}",
        "categories": ["Bug Risk"],
        "severity": SEVERITY[finding.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": finding.path,
            "lines": {"begin": span.line, "end": span.end_line},
        },
    }


def fingerprint(path: str, code: str, line: str, occurrence: int) -> str:
    """The same finding on the same text keeps its fingerprint; a repeat gets its own."""
    text = f"{path}\0{code}\0{line}\0{occurrence}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
