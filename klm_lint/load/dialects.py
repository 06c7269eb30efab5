"""The YAML readers of the site generators, by name: which one a site's build uses decides
which front matter parses, and what its plain values are."""

from __future__ import annotations

from typing import Literal

YamlDialect = Literal["js-yaml-3", "js-yaml-4", "safe-yaml", "psych", "go-yaml", "serde-yaml"]
"""js-yaml 3 (gray-matter: Next.js themes, Docusaurus up to 3.10.1, Eleventy 2), js-yaml 4
(Astro 5 to 7.3, Eleventy 3, Docusaurus 3.10.2), SafeYAML (upstream Jekyll) or Psych (Debian's
Jekyll), goccy/go-yaml (Hugo 0.152 and later), serde_yaml (Zola)."""
DEFAULT_DIALECT: YamlDialect = "js-yaml-3"
