"""Regular expressions compiled the first time they are used, not when their module is imported.

Most of a module's patterns serve inputs a given run never meets (other generators' date forms,
other URL rules, MDX constructs a post does not have); compiling them all costs every run its
start-up. `NAME = lazy_pattern(r"...")` holds a stand-in that compiles the pattern on first use
and then puts the compiled pattern in its place among the module's globals, so that later uses
cost what a compiled pattern costs. tests/test_regex_audit.py audits these patterns as it
audits the others.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast


class LazyPattern:
    __slots__ = ("_compiled", "_flags", "_module", "_text")

    def __init__(self, text: str, flags: int, module: dict[str, Any]) -> None:
        self._text = text
        self._flags = flags
        self._module = module
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._text, self._flags)
            module = self._module
            for name, value in list(module.items()):
                if value is self:
                    module[name] = compiled
        return compiled

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self.compiled().fullmatch(*args)

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> Any:
        return self.compiled().findall(*args)

    def sub(self, *args: Any, **keywords: Any) -> Any:
        return self.compiled().sub(*args, **keywords)

    def subn(self, *args: Any, **keywords: Any) -> Any:
        return self.compiled().subn(*args, **keywords)

    def split(self, *args: Any, **keywords: Any) -> Any:
        return self.compiled().split(*args, **keywords)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (re.compile, (self._text, self._flags))


def compiled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The compiled pattern itself, compiling a lazy one now (for a pattern kept in a table,
    whose stand-in cannot put it in its place)."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


def lazy_pattern(text: str, flags: int = 0) -> re.Pattern[str]:
    """A module-level pattern, compiled on first use (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(text, flags, sys._getframe(1).f_globals))
