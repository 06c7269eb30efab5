"""A plain run on one post, as a hook or an editor makes it, imports only what it uses: the
modules below serve other runs (an ignore file, a config file, a cache written, a date to
suggest, KLM406 on a site with routes, several processes) and cost every run its start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

UNUSED = (
    "dataclasses",
    "inspect",
    "pathspec",
    "re2",
    "typing_extensions",
    "tomllib",
    "tempfile",
    "shutil",
    "difflib",
    "decimal",
    "threading",
    "typer",
    "pydantic",
    "rich",
    "klm_lint.site.routes",
    "klm_lint.site.eleventy",
    "klm_lint.config.model",
)

POST = """---
title: A post
image: /images/a.jpg
author:
  name: An Author
  avatar: /images/author.jpg
date: 2016-08-25T05:00:00Z
draft: false
tags: [one, two]
---
Text with a [link](/posts/b/) and ![an image](/images/a.jpg).
"""


def _imported(folder: Path, arguments: list[str]) -> list[str]:
    probe = (
        "import sys\n"
        "from klm_lint.cli import main\n"
        "try:\n    main(sys.argv[2:])\n"
        "except SystemExit:\n    pass\n"
        "unused = sys.argv[1].split(',')\n"
        "print(sorted(name for name in unused if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, ",".join(UNUSED), *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    last: str = done.stdout.strip().splitlines()[-1]
    return [name.strip("' ") for name in last.strip("[]").split(",") if name.strip()]


def test_a_plain_run_on_one_post_imports_only_what_it_uses(tmp_path: Path) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "package.json").write_text('{"name": "site"}\n', encoding="utf-8")
    (posts / "a.md").write_text(POST, encoding="utf-8")
    (posts / "b.md").write_text(POST.replace("A post", "B post"), encoding="utf-8")
    past = time.time_ns() - 3_600_000_000_000
    for path in (posts / "a.md", posts / "b.md", posts, tmp_path / "content", tmp_path):
        os.utime(path, ns=(past, past))  # not changed just now: the cache trusts them
    # the first run writes the index cache; the next one reads it
    assert set(_imported(tmp_path, ["content/posts/a.md"])) <= {"tempfile", "shutil"}
    assert _imported(tmp_path, ["content/posts/a.md"]) == []


def test_the_probe_sees_what_a_run_imports(tmp_path: Path) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "klm-lint.toml").write_text('preset = "hugo"\n', encoding="utf-8")
    (posts / "a.md").write_text(POST, encoding="utf-8")
    imported = _imported(tmp_path, ["content"])
    assert {"pathspec", "tomllib", "tempfile"} <= set(imported)
