"""What must hold for every finding on any input, shared by the hostile corpus, the property
tests and the fuzz target: no internal error, a position inside the file, a one-line message
and a source excerpt that cannot steer a terminal."""

from __future__ import annotations

import codecs
import re
import time
from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.engine.run import Engine
from klm_lint.engine.selection import build_selection
from klm_lint.load.text import MAX_EXCERPT, LineIndex
from klm_lint.site.site import Site

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.findings import Finding

UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (tab aside) and bidirectional overrides: never in a message or excerpt."""

SECONDS_PER_FILE = 1.0
"""CPU time one file may take, however hostile (the inputs here stay under ~300 KB)."""


def file_lines(raw: bytes) -> LineIndex:
    """The file's lines as positions count them: BOM dropped, undecodable bytes as U+FFFD."""
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    return LineIndex(body.decode("utf-8", errors="replace"))


def check_findings(raw: bytes, findings: list[Finding]) -> None:
    """Raise AssertionError, naming the finding, when one breaks a promise."""
    lines = file_lines(raw)
    for finding in findings:
        span = finding.span
        where = f"{finding.code} {span} {finding.message[:200]!r}"
        assert finding.code != "KLM000", where
        assert 1 <= span.line <= lines.line_count, where
        assert 1 <= span.column <= len(lines.line_text(span.line)) + 1, where
        assert (span.line, span.column) <= (span.end_line, span.end_column), where
        assert span.end_line <= lines.line_count, where
        assert span.end_column <= len(lines.line_text(span.end_line)) + 1, where
        assert finding.message, where
        assert not UNSAFE_CHARACTERS.search(finding.message), where
        assert not UNSAFE_CHARACTERS.search(finding.path), where
        assert len(finding.source_line) <= MAX_EXCERPT, where
        assert not UNSAFE_CHARACTERS.search(finding.source_line), where
        if finding.source_line:
            assert len(finding.source_line) == len(lines.line_text(span.line)), where


class Sandbox:
    """A site in a folder of its own that lints one content file at a time, each with a fresh
    Site and Linter, so nothing carries over from one input to the next."""

    def __init__(self, root: Path, seconds: float = SECONDS_PER_FILE) -> None:
        self.root = root
        self.seconds = seconds
        (root / "package.json").write_text("{}\n")
        for asset in ("images/author/6.jpg", "images/author/abdullah.jpg", "images/post.jpg"):
            path = root / "public" / asset
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\xff\xd8\xff")
        (root / "content" / "posts").mkdir(parents=True, exist_ok=True)

    def lint(self, raw: bytes, name: str = "post.md") -> list[Finding]:
        """Lint the bytes as content/posts/<name>, check every promise, and return the findings."""
        path = self.root / "content" / "posts" / name
        path.write_bytes(raw)
        try:
            config = Config()
            linter = Engine(Site(self.root, config), build_selection(config))
            started = time.process_time()
            findings = linter.run([path]).findings
            elapsed = time.process_time() - started
        finally:
            path.unlink()
        check_findings(raw, findings)
        assert elapsed < self.seconds, f"{elapsed:.2f}s of CPU for {len(raw):,} bytes"
        return findings
