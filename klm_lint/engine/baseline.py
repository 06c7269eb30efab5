"""A baseline: today's findings, recorded so that only new ones fail.

Entries hold the path (relative to the baseline file), the rule code and a fingerprint of the
offending line's text, not its number, so edits elsewhere in a file do not invalidate them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import TYPE_CHECKING

from klm_lint.errors import UsageError
from klm_lint.files import Refused, check_written_here, read_regular
from klm_lint.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.files import ProjectRoot
    from klm_lint.findings import Finding

BASELINE_LIMIT = 64 * 1024 * 1024
"""The largest baseline klm-lint reads (bytes): over half a million findings."""

Key = tuple[str, str, str]


class Baseline:
    def __init__(self, folder: Path, entries: Counter[Key]) -> None:
        self.folder = folder
        self.entries = entries

    @classmethod
    def read(cls, path: Path, project: ProjectRoot | None = None) -> Baseline:
        """The baseline in the file, read through the guard: a regular file of at most 64 MiB,
        and, where it lies in the project, not through a link that leads out of it."""
        try:
            raw, _info = read_regular(path, BASELINE_LIMIT, project)
            data = json.loads(raw.decode("utf-8"))
            entries = Counter(
                (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
                for entry in data["findings"]
            )
        except Refused as refused:
            raise UsageError(f"{path}: cannot read the baseline ({refused.reason})") from None
        except (ValueError, KeyError, TypeError) as error:
            reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            raise UsageError(f"{path}: not a klm-lint baseline ({reason})") from None
        except RecursionError:
            raise UsageError(f"{path}: not a klm-lint baseline (it nests too deeply)") from None
        return cls(path.resolve().parent, entries)

    def key(self, finding: Finding) -> Key:
        relative = os.path.relpath(os.path.abspath(finding.path), self.folder)
        return relative.replace(os.sep, "/"), finding.code, fingerprint(finding)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], int, int]:
        """The findings the baseline does not know, how many it knew, and how many of its
        entries no longer occur."""
        remaining = Counter(self.entries)
        kept: list[Finding] = []
        known = 0
        for finding in findings:
            key = self.key(finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                known += 1
            else:
                kept.append(finding)
        return kept, known, sum(remaining.values())


def fingerprint(finding: Finding) -> str:
    line = " ".join(finding.source_line.split())
    return hashlib.sha256(f"{finding.code}\0{line}".encode()).hexdigest()[:16]


def write(path: Path, findings: list[Finding]) -> int:
    baseline = Baseline(path.resolve().parent, Counter())
    entries = sorted(baseline.key(finding) for finding in findings)
    document = {
        "klm-lint": __version__,
        "findings": [{"path": p, "code": c, "fingerprint": f} for p, c, f in entries],
    }
    try:
        check_written_here(path)
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    except Refused as refused:
        raise UsageError(f"{path}: cannot write the baseline ({refused.reason})") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot write the baseline ({error.strerror})") from None
    return len(entries)
