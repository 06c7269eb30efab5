"""Whether KLM406 follows links on a site, told without reading its routes (site/routes.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.config.model import GeneratorConfig

NEXT_FOLDERS = ("pages", "src/pages", "app", "src/app")
"""Where a Next.js site's routes are."""


def follows_links(root: Path, generator: GeneratorConfig) -> bool:
    """KLM406 follows links: the config turns it on and, on Next.js, the routes are there to
    read (a pages/ or app/ folder) or the config declares them."""
    if not generator.internal_links:
        return False
    if generator.urls != "nextjs" or generator.routes:
        return True
    return any((root / folder).is_dir() for folder in NEXT_FOLDERS)
