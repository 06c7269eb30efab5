from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.site.discover import discover
from klm_lint.site.site import Site
from tests.conftest import GOOD_POST, SiteBuilder

if TYPE_CHECKING:
    import pytest


def names(
    site: SiteBuilder, *paths: str, config: Config | None = None, force: bool = False
) -> list[str]:
    found = discover(
        [site.root / p for p in paths], Site(site.root, config or Config()), force_exclude=force
    )
    return [Path(path).relative_to(site.root).as_posix() for path in found.files]


def test_walks_content_extensions_and_skips_hidden_and_node_modules(site: SiteBuilder) -> None:
    for name in [
        "a.md",
        "b.mdx",
        "c.markdown",
        "d.txt",
        ".hidden/e.md",
        "node_modules/x/f.md",
        "sub/g.md",
    ]:
        site.write(f"content/{name}", "x")
    assert names(site, "content") == [
        "content/a.md",
        "content/b.mdx",
        "content/c.markdown",
        "content/sub/g.md",
    ]


def test_exclude_patterns_and_force_exclude(site: SiteBuilder) -> None:
    site.write("content/drafts/a.md", "x")
    site.write("content/b.md", "x")
    config = Config(exclude=["content/drafts/"])
    assert names(site, "content", config=config) == ["content/b.md"]
    assert names(site, "content/drafts/a.md", config=config) == ["content/drafts/a.md"]
    assert names(site, "content/drafts/a.md", config=config, force=True) == []


def test_symlink_loop_terminates(site: SiteBuilder) -> None:
    site.write("content/a.md", "x")
    os.symlink(site.root / "content", site.root / "content" / "loop")
    assert names(site, "content") == ["content/a.md"]


def test_fifo_named_md_is_skipped(site: SiteBuilder) -> None:
    site.write("content/a.md", "x")
    os.mkfifo(site.root / "content" / "pipe.md")
    assert names(site, "content") == ["content/a.md"]


def test_unreadable_folder_is_a_finding(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    site.post(GOOD_POST)
    locked = site.root / "content" / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str | Path) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    findings = site.lint()
    assert [(f.code, f.path) for f in findings] == [("KLM006", "content/locked")]
    assert "Permission denied" in findings[0].message


def test_unreadable_file_is_a_finding_and_others_are_checked(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: no"), name="a.md")
    locked = site.post(GOOD_POST.replace("Community", "Volunteer"), name="b.md")
    real_open = os.open

    def open_(path: str | Path, flags: int, *args: int, **kwargs: object) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_)
    assert [(f.code, f.path) for f in site.lint()] == [
        ("KLM104", "content/posts/a.md"),
        ("KLM006", "content/posts/b.md"),
    ]
