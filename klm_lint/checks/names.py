"""Rules as users write them, by code (KLM104) or name (draft-flag); a did-you-mean for typos."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from klm_lint.checks.rule import Rule

_CODE_LIKE = lazy_pattern(r"KLM\w*", re.IGNORECASE)
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
"""Letters typed for digits: KLM1O1 is KLM101."""


def rule_named(word: str) -> Rule | None:
    """The rule whose code or name this is (any case; `_` or a space for `-`), or None."""
    from klm_lint.checks import ALL_RULES

    wanted = word.strip()
    for rule in ALL_RULES:
        if wanted.upper() == rule.code or _as_name(wanted) == rule.name:
            return rule
    return None


def suggestion(word: str) -> str | None:
    """The code or name the user most likely meant by an unknown `word`, or None."""
    from klm_lint.checks import ALL_RULES

    wanted = word.strip()
    if not wanted:
        return None
    if _CODE_LIKE.fullmatch(wanted):
        if is_prefix(wanted):
            return None
        code = wanted.upper()
        retyped = code[:3] + code[3:].translate(_DIGIT_LOOKALIKES)
        codes = [rule.code for rule in ALL_RULES]
        if retyped in codes:
            return retyped
        # Every code shares "KLM": only a code one keystroke away is a likely typo.
        close = close_matches(retyped, codes, n=1, cutoff=0.8)
        return close[0] if close else None
    close = close_matches(_as_name(wanted), [rule.name for rule in ALL_RULES], n=1, cutoff=0.6)
    return close[0] if close else None


def is_prefix(word: str) -> bool:
    """Whether the word is the start of some codes (KLM2), rather than a whole code."""
    from klm_lint.checks import ALL_RULES

    start = word.strip().upper()
    return start.startswith("KLM") and any(
        rule.code.startswith(start) and rule.code != start for rule in ALL_RULES
    )


def _as_name(word: str) -> str:
    return word.lower().replace("_", "-").replace(" ", "-")
