"""gitignore-style patterns (the config's include, exclude and collections), as pathspec reads
them, matched faster.

pathspec's `GitIgnoreSpec.match_file` weighs every pattern against every other, which a
negated pattern (`!keep.md`) needs; most pattern lists have none, and then a path matches when
any pattern's own regular expression (the one pathspec compiled) finds it. Those lists are
matched that way, the others by pathspec itself (`tests/site/test_patterns.py` holds the two
equal over generated patterns and paths).
"""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING

import pathspec

if TYPE_CHECKING:
    import re
    from collections.abc import Callable

_SEPARATORS = [sep for sep in (os.sep, os.altsep) if sep and sep != posixpath.sep]


class Patterns:
    __slots__ = ("_searches", "spec")

    def __init__(self, lines: list[str]) -> None:
        self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
        active = [pattern for pattern in self.spec.patterns if pattern.include is not None]
        searches: list[Callable[[str], object]] | None = []
        for pattern in active:
            regex: re.Pattern[str] | None = getattr(pattern, "regex", None)
            if not pattern.include or regex is None or searches is None:
                searches = None
                continue
            searches.append(regex.search)
        self._searches = None if searches is None else tuple(searches)

    def match_file(self, path: str) -> bool:
        """Whether the patterns match the path (relative, as pathspec takes it)."""
        searches = self._searches
        if searches is None:
            return self.spec.match_file(path)
        for separator in _SEPARATORS:
            path = path.replace(separator, posixpath.sep)
        if path[:1] == "/":
            path = path[1:]
        elif path[:2] == "./":
            path = path[2:]
        return any(search(path) is not None for search in searches)
