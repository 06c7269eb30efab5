"""klm-lint: a front-matter linter and validator for static-site content.

import klm_lint

result = klm_lint.lint(["content"], klm_lint.LintOptions(select=["KLM1"]))
result = klm_lint.Workspace(".").lint_text("content/posts/new.md", text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klm_lint.version import __version__

if TYPE_CHECKING:
    from klm_lint.api import LintOptions, Progress, Result, lint
    from klm_lint.workspace import Workspace

__all__ = ["LintOptions", "Progress", "Result", "Workspace", "__version__", "lint"]


def __getattr__(name: str) -> Any:
    """The API, imported on first use: the command line starts without it."""
    if name in ("LintOptions", "Progress", "Result", "lint"):
        from klm_lint import api

        return getattr(api, name)
    if name == "Workspace":
        from klm_lint.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'klm_lint' has no attribute {name!r}")
