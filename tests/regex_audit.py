"""An audit of regular expressions for catastrophic backtracking.

For each repetition in a pattern, attack strings are built from the pattern's own parse tree:
the shortest text that reaches the repetition, then a unit of characters the repetition (and
what follows it) accepts, pumped up to thousands of times, then an ending that makes the match
fail. Each string is tried with match, fullmatch and search at growing sizes; a pattern whose
time explodes (exponential or polynomial backtracking) fails the audit. A linear pattern takes
microseconds on these strings, so the limit is far from noise.

Every pattern is audited anchored (match and fullmatch at one position); a pattern the code
also uses unanchored (search, finditer, sub…) is audited with search too, which must stay linear
over the whole text. Run as a script, it audits the patterns given on stdin as JSON and prints
the failures as JSON, so that a test can run it in a process it can time out.
"""

from __future__ import annotations

import importlib
import itertools
import json
import re
import sys
import time
from typing import TYPE_CHECKING, Any

_NEW = sys.version_info >= (3, 11)
sre: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")
sre_parse: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")

if TYPE_CHECKING:
    from collections.abc import Iterator

Items = list[tuple[Any, Any]]

LIMIT_SECONDS = 0.05
"""Longest any single match may take on an attack string of at most ~20,000 characters."""
SIZES = (*range(8, 42, 2), 48, 64, 96, 192, 384, 1536, 6144)
"""How often the unit is repeated: in small steps first, so that an exponential pattern fails
the limit before a larger size could make it run for hours; then large, for polynomial ones."""
FAILING = ("", "\x00", "\n")
ANCHORED = ("match", "fullmatch")
"""Every pattern is audited anchored: one match attempt at one position must stay linear."""

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "0",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_SPACE: " \n",
    sre.CATEGORY_NOT_SPACE: "a",
    sre.CATEGORY_WORD: "a_",
    sre.CATEGORY_NOT_WORD: " -",
    sre.CATEGORY_LINEBREAK: "\n",
    sre.CATEGORY_NOT_LINEBREAK: "a",
}


def _set_chars(items: Items) -> str:
    chars = ""
    for op, av in items:
        if op is sre.LITERAL:
            chars += chr(av)
        elif op is sre.RANGE:
            chars += chr(av[0]) + chr(av[1]) + chr((av[0] + av[1]) // 2)
        elif op is sre.CATEGORY:
            chars += _CATEGORY_SAMPLES.get(av, "a")
    if any(op is sre.NEGATE for op, _ in items):
        chars += "a \n"
    return chars


def alphabet(items: Items) -> str:
    """Characters that the items can consume, a few of each class."""
    chars = ""
    for op, av in items:
        if op is sre.LITERAL:
            chars += chr(av)
        elif op is sre.NOT_LITERAL:
            chars += "a" if av != ord("a") else "b"
        elif op is sre.ANY:
            chars += "a\n"
        elif op is sre.IN:
            chars += _set_chars(av)
        elif op is sre.BRANCH:
            chars += "".join(alphabet(list(branch)) for branch in av[1])
        elif op is sre.SUBPATTERN:
            chars += alphabet(list(av[-1]))
        elif op in _REPEATS:
            chars += alphabet(list(av[2]))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            chars += alphabet(list(av))
    return "".join(dict.fromkeys(chars))


def minimal(items: Items) -> str:
    """A short text matching the items (best effort: assertions and back-references ignored)."""
    text = ""
    for op, av in items:
        if op is sre.LITERAL:
            text += chr(av)
        elif op in (sre.NOT_LITERAL, sre.ANY):
            text += "a" if av != ord("a") else "b"
        elif op is sre.IN:
            negated = any(item[0] is sre.NEGATE for item in av)
            text += "a" if negated else (_set_chars(av) or "a")[0]
        elif op is sre.BRANCH:
            text += minimal(list(av[1][0]))
        elif op is sre.SUBPATTERN:
            text += minimal(list(av[-1]))
        elif op in _REPEATS:
            text += minimal(list(av[2])) * av[0]
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            text += minimal(list(av))
    return text


def repetitions(items: Items, prefix: str = "", after: str = "") -> Iterator[tuple[str, str]]:
    """(text reaching a repetition, characters it and what follows accept) for each one."""
    for index, (op, av) in enumerate(items):
        before = prefix + minimal(items[:index])
        rest = alphabet(items[index + 1 :]) + after
        if op in _REPEATS:
            body = list(av[2])
            yield before, alphabet(body) + rest
            yield from repetitions(body, before, rest)
        elif op is sre.SUBPATTERN:
            yield from repetitions(list(av[-1]), before, rest)
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from repetitions(list(branch), before, rest)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            yield from repetitions(list(av), before, rest)


def attacks(pattern: re.Pattern[str]) -> Iterator[tuple[str, str, str]]:
    """(prefix, unit, ending) triples: prefix + unit * n + ending is an attack string."""
    tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    seen: set[tuple[str, str, str]] = set()
    for prefix, chars in repetitions(tree):
        units = list(chars) + ["".join(pair) for pair in itertools.combinations(chars[:10], 2)]
        for unit, ending in itertools.product(units, FAILING):
            if (prefix, unit, ending) not in seen:
                seen.add((prefix, unit, ending))
                yield prefix, unit, ending


def audit(pattern: re.Pattern[str], methods: tuple[str, ...] = (*ANCHORED, "search")) -> str | None:
    """Why the pattern backtracks catastrophically, or None when every attack stays fast."""
    for prefix, unit, ending in attacks(pattern):
        for size in SIZES:
            text = prefix + unit * size + ending
            for name in methods:
                started = time.process_time()
                getattr(pattern, name)(text)
                elapsed = time.process_time() - started
                if elapsed > LIMIT_SECONDS:
                    return (
                        f"{name} took {elapsed:.2f}s on {prefix!r} + {unit!r} * {size} + {ending!r}"
                    )
    return None


def main() -> None:
    """Audit {name: [pattern, flags, methods]} from stdin; print {name: problem} as JSON."""
    patterns: dict[str, list[Any]] = json.load(sys.stdin)
    failures = {}
    for name, (source, flags, methods) in patterns.items():
        sys.stderr.write(f"{name}\n")
        sys.stderr.flush()
        problem = audit(re.compile(source, flags), tuple(methods))
        if problem:
            failures[name] = problem
    json.dump(failures, sys.stdout)


if __name__ == "__main__":
    main()
