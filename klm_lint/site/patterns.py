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
import re

import pathspec

_SEPARATORS = [sep for sep in (os.sep, os.altsep) if sep and sep != posixpath.sep]


_DIRECTORY_MARK = "(?P<ps_d>"


class Patterns:
    __slots__ = ("_search", "spec")

    def __init__(self, lines: list[str]) -> None:
        self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
        active = [pattern for pattern in self.spec.patterns if pattern.include is not None]
        sources: list[str] | None = []
        for pattern in active:
            regex: re.Pattern[str] | None = getattr(pattern, "regex", None)
            if not pattern.include or regex is None or sources is None:
                sources = None
                continue
            # One search for all the patterns: pathspec's expressions, each in a group of its
            # own, the group that marks a folder unnamed (it is named alike in each).
            sources.append(f"(?:{regex.pattern.replace(_DIRECTORY_MARK, '(?:')})")
        self._search = None
        if sources is not None:
            self._search = re.compile("|".join(sources) or "(?!)").search

    def match_file(self, path: str) -> bool:
        """Whether the patterns match the path (relative, as pathspec takes it)."""
        search = self._search
        if search is None:
            return self.spec.match_file(path)
        for separator in _SEPARATORS:
            path = path.replace(separator, posixpath.sep)
        if path[:1] == "/":
            path = path[1:]
        elif path[:2] == "./":
            path = path[2:]
        return search(path) is not None
