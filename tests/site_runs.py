"""Linting a small site as a user would in its folder: the fixture sites in tests/sites copied,
files added, a config written, and the run's date fixed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.api import LintOptions, lint

if TYPE_CHECKING:
    from collections.abc import Mapping

    from klm_lint.api import Result

SITES = Path(__file__).parent / "sites"
NOW = dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)


def copied(name: str, root: Path) -> Path:
    """The fixture site tests/sites/NAME, copied into root, as the top of a git work tree."""
    site = root / name
    shutil.copytree(SITES / name, site)
    (site / ".git").mkdir()
    return site


def written(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def linted(
    site: Path, files: Mapping[str, str | bytes] | None = None, config: str | None = None
) -> Result:
    """klm-lint run with no paths in the site's folder, after writing files and the config."""
    written(site, files or {})
    if config is not None:
        (site / "klm-lint.toml").write_text(config, encoding="utf-8")
    previous = os.getcwd()
    os.chdir(site)
    try:
        return lint([], LintOptions(now=NOW))
    finally:
        os.chdir(previous)
