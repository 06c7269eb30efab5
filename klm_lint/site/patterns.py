"""gitignore-style patterns (the config's include, exclude and collections), as pathspec reads
them, matched faster.

pathspec's `GitIgnoreSpec.match_file` weighs every pattern against every other, which a
negated pattern (`!keep.md`) needs; most pattern lists have none, and then a path matches when
any pattern's own regular expression (the one pathspec compiled) finds it. Those lists are
matched that way, the others by pathspec itself (`tests/site/test_patterns.py` holds the two
equal over generated patterns and paths).

The patterns the presets and the config's defaults write have their regular expressions in
site/known_patterns.py, written from pathspec: a list of those alone is matched without
importing pathspec (which costs a run's start-up more than its matching does).
"""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING

from klm_lint.lazy import compiled, lazy_pattern
from klm_lint.site.known_patterns import KNOWN

if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    import pathspec

_SEPARATORS = [sep for sep in (os.sep, os.altsep) if sep and sep != posixpath.sep]


_SUFFIX = lazy_pattern(r"\*(\.[A-Za-z0-9_.-]+)")
"""A pattern that takes the files whose name ends so (`*.md`): on a name alone, no more than
`str.endswith`."""
_PREFIX = lazy_pattern(r"/?((?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)+)\*\*")
"""A pattern that takes everything in a folder (`content/posts/**`): no more than
`str.startswith` on the path."""


class Patterns:
    __slots__ = ("_lines", "_prefixes", "_searches", "_spec", "_suffixes")

    def __init__(self, lines: list[str]) -> None:
        self._lines = list(lines)
        self._spec: pathspec.GitIgnoreSpec | None = None
        suffixes = [found.group(1) for line in lines if (found := _SUFFIX.fullmatch(line))]
        self._suffixes = tuple(suffixes) if lines and len(suffixes) == len(lines) else None
        """When every pattern is `*.ext`: their endings."""
        prefixes = [found.group(1) for line in lines if (found := _PREFIX.fullmatch(line))]
        self._prefixes = tuple(prefixes) if lines and len(prefixes) == len(lines) else None
        """When every pattern is `folder/**`: the folders, each with its slash."""
        if self._prefixes is not None:
            self._searches: tuple[Callable[[str], object], ...] | None = ()
            return
        if all(isinstance(line, str) and line in KNOWN for line in self._lines):
            known = [KNOWN[line] for line in self._lines]
            self._searches = tuple(compiled(regex).search for regex in known if regex is not None)
            return
        active = [pattern for pattern in self.spec.patterns if pattern.include is not None]
        searches: list[Callable[[str], object]] | None = []
        for pattern in active:
            regex: re.Pattern[str] | None = getattr(pattern, "regex", None)
            if not pattern.include or regex is None or searches is None:
                searches = None
                continue
            searches.append(regex.search)
        self._searches = None if searches is None else tuple(searches)

    @property
    def spec(self) -> pathspec.GitIgnoreSpec:
        """The patterns as pathspec reads them."""
        spec = self._spec
        if spec is None:
            import pathspec

            spec = self._spec = pathspec.GitIgnoreSpec.from_lines(self._lines)
        return spec

    @property
    def name_endings(self) -> tuple[str, ...] | None:
        """When every pattern is `*.ext`: the endings a file's name alone matches by (as
        match_name does); else None."""
        return self._suffixes

    def match_name(self, name: str) -> bool:
        """match_file of a file's name alone (no folder in it), as the walk asks for each file:
        patterns that are all `*.ext` are matched by the name's ending."""
        suffixes = self._suffixes
        if suffixes is not None:
            return name.endswith(suffixes)
        return self.match_file(name)

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
        prefixes = self._prefixes
        if prefixes is not None:
            return path.startswith(prefixes)
        return any(search(path) is not None for search in searches)
