from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from klm_lint.api import LintOptions, lint

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from klm_lint.api import Result
    from klm_lint.findings import Finding

GOOD_POST = """\
---
title: Community engagement.
image: /images/author/6.jpg
author:
  name: Abdullah Al Shifat
  avatar: /images/author/abdullah.jpg
date: 2022-04-04T05:00:00Z
draft: false
---
Kids Lives Matter places a strong emphasis on community engagement.
"""
BODY_LINE = GOOD_POST.count("\n") + 1
"""The line on which a body appended to GOOD_POST starts."""


class SiteBuilder:
    """A small site in a temporary folder: content files, static assets, config."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.now: dt.datetime | None = None
        """The build time for scheduled posts (KLM404); None: the real one."""
        (root / "package.json").write_text("{}\n")
        for asset in ("images/author/6.jpg", "images/author/abdullah.jpg", "images/post.jpg"):
            self.asset(asset)

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    def post(self, content: str | bytes, name: str = "post.md") -> Path:
        return self.write(f"content/posts/{name}", content)

    def asset(self, relative: str, folder: str = "public") -> Path:
        return self.write(f"{folder}/{relative}", b"\xff\xd8\xff")

    def config(self, toml: str) -> Path:
        return self.write("klm-lint.toml", toml)

    def run(self, *relative: str, select: list[str] | None = None) -> Result:
        paths = [self.root / path for path in relative] or [self.root / "content"]
        previous = os.getcwd()
        os.chdir(self.root)
        try:
            return lint(paths, LintOptions(select=select, now=self.now))
        finally:
            os.chdir(previous)

    def lint(self, *relative: str, select: list[str] | None = None) -> list[Finding]:
        return self.run(*relative, select=select).findings

    def body_findings(self, body: str, name: str = "post.md") -> list[tuple[str, int, int]]:
        """Code, line and column of each finding on a good post with this body."""
        self.post(GOOD_POST + body, name=name)
        return [(f.code, f.span.line, f.span.column) for f in self.lint()]

    def codes(self, *relative: str, select: list[str] | None = None) -> list[str]:
        return [finding.code for finding in self.lint(*relative, select=select)]


@pytest.fixture
def site(tmp_path: Path) -> SiteBuilder:
    return SiteBuilder(tmp_path)


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """--format auto picks github under GitHub Actions: tests choose it explicitly instead."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def only(findings: list[Finding], code: str) -> Finding:
    """The single finding, which must have this code."""
    assert [f.code for f in findings] == [code], [f"{f.code} {f.message}" for f in findings]
    return findings[0]
