"""Patterns compiled on first use (klm_lint/lazy.py) behave as compiled patterns, and take the
stand-in's place in their module once used."""

from __future__ import annotations

import pickle
import re
import types

from klm_lint.lazy import LazyPattern, lazy_pattern


def _module() -> types.ModuleType:
    module = types.ModuleType("probe")
    exec(
        "from klm_lint.lazy import lazy_pattern\n"
        "WORD = lazy_pattern(r'[a-z]+', 2)\n"
        "def first(text):\n    return WORD.search(text).group()\n",
        module.__dict__,
    )
    return module


def test_a_pattern_is_compiled_on_first_use_and_takes_the_stand_ins_place() -> None:
    module = _module()
    assert isinstance(module.WORD, LazyPattern)
    assert module.first("12 Abc") == "Abc"
    assert isinstance(module.WORD, re.Pattern)
    assert module.WORD.flags & re.IGNORECASE
    assert module.first("x") == "x"


def test_it_answers_as_the_compiled_pattern_does() -> None:
    lazy = lazy_pattern(r"(?P<n>[0-9])")
    real = re.compile(r"(?P<n>[0-9])")
    text = "a1b22"
    assert lazy.pattern == real.pattern
    assert lazy.groupindex == real.groupindex
    assert lazy.match(text, 1).group() == "1"  # type: ignore[union-attr]
    assert lazy.fullmatch("7") is not None
    assert lazy.findall(text) == real.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub("#", text, count=1) == real.sub("#", text, count=1)
    assert lazy.subn("#", text) == real.subn("#", text)
    assert lazy.split(text) == real.split(text)


def test_it_pickles_as_the_compiled_pattern() -> None:
    copied = pickle.loads(pickle.dumps(lazy_pattern(r"a+", re.MULTILINE)))
    assert copied == re.compile(r"a+", re.MULTILINE)
