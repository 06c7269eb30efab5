"""What the site publishes: which draft values hide a post, and when a dated post appears."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from klm_lint.load.nodes import Scalar

if TYPE_CHECKING:
    from klm_lint.load.nodes import Node


def hides(draft: Node | None) -> bool:
    """Whether the site, which tests draft for JavaScript truthiness, treats it as a draft:
    true, any non-empty text, any number but 0, a list or a mapping."""
    if draft is None:
        return False
    if not isinstance(draft, Scalar):
        return True
    value = draft.value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    if isinstance(value, (bool, int, str)):
        return bool(value)
    return value is not None


def is_false(draft: Node | None) -> bool:
    """draft is the boolean false: the post is published, on its date."""
    return isinstance(draft, Scalar) and draft.value is False
