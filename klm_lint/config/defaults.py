"""The config model's keys, in its order, with their aliases and defaults: written by
`python -m klm_lint.config.plain_table` from config/model.py (do not edit;
tests/config/test_plain_config.py fails when it is out of date)."""

from __future__ import annotations

from typing import Any

PRESET_NAMES: tuple[str, ...] = (
    "nextjs",
    "astro",
    "docusaurus",
    "eleventy",
    "hugo",
    "jekyll",
    "zola",
)
"""The presets, in the model's order (config/model.py's PresetName)."""

CONFIG: tuple[tuple[str, str, Any], ...] = (
    ("preset", "preset", None),
    ("content", "content", ["content"]),
    ("static", "static", ["public", "static"]),
    ("include", "include", ["*.md", "*.mdx", "*.markdown"]),
    ("exclude", "exclude", []),
    ("respect_gitignore", "respect-gitignore", True),
    ("select", "select", []),
    ("extend_select", "extend-select", []),
    ("ignore", "ignore", []),
    ("severity", "severity", {}),
    ("per_file_ignores", "per-file-ignores", {}),
    ("collections", "collections", {}),
    ("schemas", "schemas", {}),
    ("components", "components", {}),
    ("mdx", "mdx", True),
    ("authors", "authors", None),
    ("date_order", "date-order", "month-first"),
    ("max_file_size", "max-file-size", 10485760),
    ("max_front_matter_size", "max-front-matter-size", 1048576),
    ("cache", "cache", True),
    ("cache_dir", "cache-dir", ".klm-lint-cache"),
    ("generator", "generator", {"model": "GeneratorConfig"}),
)

GENERATORCONFIG: tuple[tuple[str, str, Any], ...] = (
    ("yaml", "yaml", "js-yaml-3"),
    ("front_matter", "front-matter", "required"),
    ("front_matter_after_blank_lines", "front-matter-after-blank-lines", False),
    ("code_front_matter", "code-front-matter", []),
    ("dates", "dates", "iso"),
    ("date_from_path", "date-from-path", ""),
    ("future", "future", "hidden"),
    ("draft_key", "draft-key", "draft"),
    ("draft_values", "draft-values", "js-truthy"),
    ("published_key", "published-key", ""),
    ("draft_folders", "draft-folders", []),
    ("publish_date_keys", "publish-date-keys", ["date"]),
    ("expiry_date_keys", "expiry-date-keys", []),
    ("list_pages", "list-pages", ["_index.md", "_index.mdx"]),
    ("relative_assets", "relative-assets", []),
    ("asset_aliases", "asset-aliases", {}),
    ("base_url", "base-url", ""),
    ("mdx_fences", "mdx-fences", []),
    ("templates", "templates", False),
    ("urls", "urls", "nextjs"),
    ("permalink", "permalink", ""),
    ("leaf_bundles", "leaf-bundles", False),
    ("permalinks", "permalinks", {}),
    ("routes", "routes", {}),
    ("internal_links", "internal-links", True),
)

COMPONENTCONFIG: tuple[tuple[str, str, Any], ...] = (
    ("required", "required", []),
    ("values", "values", {}),
    ("assets", "assets", []),
)
