"""The names an MDX body's `import` and `export` statements bring in.

MDX reads a line starting with `import` or `export` (outside code) as an ECMAScript module
statement that runs to the next blank line. Components imported there, or defined with
`export const`/`export function`, are known to that file.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from klm_lint.lazy import lazy_pattern

_STATEMENT = lazy_pattern(r"^(?:import|export)(?=[\s{*])", re.M)
_BLANK_LINE = lazy_pattern(r"\n[ \t]*(?:\r?\n|$)|\r[ \t]*(?:\r|$)")
_IMPORT = lazy_pattern(
    r"\bimport\s+(?:type\s+)?"
    r"(?:(?P<clause>[^'\";\s](?:(?:(?!\bimport\b)[^'\";])*[^'\";\s])?)\s*)?"
    r"\bfrom\s*['\"]"
)
"""The clause runs from its first to its last visible character and stops at the next import,
so that no text makes matching slower than linear (tests/test_regex_audit.py checks this)."""
_DECLARATION = lazy_pattern(
    r"\bexport\s+(?:default\s+)?(?:async\s+)?(?:const|let|var|class|function)(?:\s*\*\s*|\s+)"
    r"(?P<name>[A-Za-z_$][\w$]*)"
)
_NAMESPACE = lazy_pattern(r"\*\s*as\s+(?P<name>[A-Za-z_$][\w$]*)")
_BRACES = lazy_pattern(r"\{(?P<inside>[^}]*)\}")
_IDENTIFIER = lazy_pattern(r"[A-Za-z_$][\w$]*")


def imported_names(text: str, start: int, code: tuple[tuple[int, int], ...]) -> set[str]:
    """Names bound by the module statements of text[start:], skipping those inside code."""
    names: set[str] = set()
    code_starts = [begin for begin, _ in code]
    read_until = start
    for statement in _STATEMENT.finditer(text, start):
        at = statement.start()
        index = bisect_right(code_starts, at) - 1
        if at < read_until or (index >= 0 and code[index][0] <= at < code[index][1]):
            continue
        blank = _BLANK_LINE.search(text, at)
        read_until = blank.start() if blank else len(text)
        names |= _names(text[at:read_until])
    return names


def _names(block: str) -> set[str]:
    names: set[str] = set()
    for found in _IMPORT.finditer(block):
        clause = found.group("clause")
        namespace = _NAMESPACE.search(clause)
        if namespace:
            names.add(namespace.group("name"))
        braces = _BRACES.search(clause)
        if braces:
            names |= _specifiers(braces.group("inside"))
        default = _IDENTIFIER.match(clause.strip())
        if default and not clause.strip().startswith(("{", "*")):
            names.add(default.group())
    for found in _DECLARATION.finditer(block):
        names.add(found.group("name"))
    return names


def _specifiers(inside: str) -> set[str]:
    """`A, B as C, type D` → {A, C, D}."""
    names: set[str] = set()
    for specifier in inside.split(","):
        words = _IDENTIFIER.findall(specifier)
        if words and words[0] == "type" and len(words) > 1:
            words = words[1:]
        if words:
            names.add(words[-1])
    return names
