"""The "did you mean" of messages: difflib's close matches, with difflib imported the first
time a message needs one (most runs never do)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


def close_matches(
    word: str, possibilities: Sequence[str], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """difflib.get_close_matches."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)
