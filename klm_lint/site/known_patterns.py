"""What pathspec's GitIgnoreSpec makes of the patterns the presets and the config's
defaults write: each pattern → the regular expression a path matches (None: the line is no
pattern), for patterns that match paths (not `!negated` ones). Written by `python -m
klm_lint.site.pattern_table` from the presets and pathspec (do not edit;
tests/site/test_patterns.py fails when it is out of date)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern

if TYPE_CHECKING:
    import re

KNOWN: dict[str, re.Pattern[str] | None] = {
    "#*": None,
    "**": lazy_pattern("."),
    "**/_drafts/**": lazy_pattern("^(?:.+/)?_drafts/"),
    "**/_posts/**": lazy_pattern("^(?:.+/)?_posts/"),
    "*.markdown": lazy_pattern("^(?:.+/)?[^/]*\\.markdown(?:(?P<ps_d>/)|$)"),
    "*.md": lazy_pattern("^(?:.+/)?[^/]*\\.md(?:(?P<ps_d>/)|$)"),
    "*.mdoc": lazy_pattern("^(?:.+/)?[^/]*\\.mdoc(?:(?P<ps_d>/)|$)"),
    "*.mdown": lazy_pattern("^(?:.+/)?[^/]*\\.mdown(?:(?P<ps_d>/)|$)"),
    "*.mdx": lazy_pattern("^(?:.+/)?[^/]*\\.mdx(?:(?P<ps_d>/)|$)"),
    "*.test.*": lazy_pattern("^(?:.+/)?[^/]*\\.test\\.[^/]*(?:(?P<ps_d>/)|$)"),
    "*~": lazy_pattern("^(?:.+/)?[^/]*\\~(?:(?P<ps_d>/)|$)"),
    "-index.md": lazy_pattern("^(?:.+/)?\\-index\\.md(?:(?P<ps_d>/)|$)"),
    ".*": lazy_pattern("^(?:.+/)?\\.[^/]*(?:(?P<ps_d>/)|$)"),
    "Gemfile": lazy_pattern("^(?:.+/)?Gemfile(?:(?P<ps_d>/)|$)"),
    "Gemfile.lock": lazy_pattern("^(?:.+/)?Gemfile\\.lock(?:(?P<ps_d>/)|$)"),
    "_*": lazy_pattern("^(?:.+/)?_[^/]*(?:(?P<ps_d>/)|$)"),
    "__tests__/": lazy_pattern("^(?:.+/)?__tests__(?P<ps_d>/)"),
    "_data/": lazy_pattern("^(?:.+/)?_data(?P<ps_d>/)"),
    "_includes/": lazy_pattern("^(?:.+/)?_includes(?P<ps_d>/)"),
    "_index.*": lazy_pattern("^(?:.+/)?_index\\.[^/]*(?:(?P<ps_d>/)|$)"),
    "_index.*.md": lazy_pattern("^(?:.+/)?_index\\.[^/]*\\.md(?:(?P<ps_d>/)|$)"),
    "_index.md": lazy_pattern("^(?:.+/)?_index\\.md(?:(?P<ps_d>/)|$)"),
    "_index.mdx": lazy_pattern("^(?:.+/)?_index\\.mdx(?:(?P<ps_d>/)|$)"),
    "_layouts/": lazy_pattern("^(?:.+/)?_layouts(?P<ps_d>/)"),
    "_site/": lazy_pattern("^(?:.+/)?_site(?P<ps_d>/)"),
    "blog/**": lazy_pattern("^blog/"),
    "content/**": lazy_pattern("^content/"),
    "content/**/_index.*": lazy_pattern("^content(?:/.+)?/_index\\.[^/]*(?:(?P<ps_d>/)|$)"),
    "content/**/_index.*.md": lazy_pattern("^content(?:/.+)?/_index\\.[^/]*\\.md(?:(?P<ps_d>/)|$)"),
    "content/**/_index.md": lazy_pattern("^content(?:/.+)?/_index\\.md(?:(?P<ps_d>/)|$)"),
    "content/blog/**": lazy_pattern("^content/blog/"),
    "content/post/**": lazy_pattern("^content/post/"),
    "content/posts/**": lazy_pattern("^content/posts/"),
    "docs/**": lazy_pattern("^docs/"),
    "i18n/**": lazy_pattern("^i18n/"),
    "node_modules/": lazy_pattern("^(?:.+/)?node_modules(?P<ps_d>/)"),
    "src/**": lazy_pattern("^src/"),
    "src/blog/**": lazy_pattern("^src/blog/"),
    "src/content/**": lazy_pattern("^src/content/"),
    "src/content/blog/**": lazy_pattern("^src/content/blog/"),
    "src/content/post/**": lazy_pattern("^src/content/post/"),
    "src/content/posts/**": lazy_pattern("^src/content/posts/"),
    "src/pages/**": lazy_pattern("^src/pages/"),
    "src/pages/**/_*": lazy_pattern("^src/pages(?:/.+)?/_[^/]*(?:(?P<ps_d>/)|$)"),
    "src/pages/**/_*/": lazy_pattern("^src/pages(?:/.+)?/_[^/]*(?P<ps_d>/)"),
    "src/posts/**": lazy_pattern("^src/posts/"),
    "vendor/": lazy_pattern("^(?:.+/)?vendor(?P<ps_d>/)"),
    "versioned_docs/**": lazy_pattern("^versioned_docs/"),
    "~*": lazy_pattern("^(?:.+/)?\\~[^/]*(?:(?P<ps_d>/)|$)"),
}
