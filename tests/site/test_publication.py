"""Which draft values hide a post: the site tests draft for JavaScript truthiness."""

from __future__ import annotations

import math

import pytest

from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.site.publication import hides, is_false


@pytest.mark.parametrize(
    ("value", "hidden"),
    [
        (True, True),
        (False, False),
        ("false", True),
        ("", False),
        (0, False),
        (1, True),
        (0.0, False),
        (math.nan, False),
        (None, False),
    ],
)
def test_draft_is_read_as_the_site_reads_it(value: object, hidden: bool) -> None:
    draft = Scalar(0, 0, value, str(value), quoted=False)  # type: ignore[arg-type]
    assert hides(draft) is hidden
    assert is_false(draft) is (value is False)


def test_lists_and_mappings_hide_the_post() -> None:
    assert hides(Sequence(0, 0, ()))
    assert hides(Mapping(0, 0, ()))
    assert not hides(None)
