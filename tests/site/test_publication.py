"""Which draft values hide a post: the site tests draft for JavaScript truthiness."""

from __future__ import annotations

import math

import pytest

from klm_lint.load.nodes import Mapping, Scalar, Sequence
from klm_lint.site.publication import (
    hides,
    in_draft_folder,
    is_false,
    read_draft,
    read_published,
)


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


@pytest.mark.parametrize(
    ("values", "value", "hidden", "accepted", "exact"),
    [
        ("boolean", True, True, True, True),
        ("boolean", "false", False, False, False),
        ("boolean-or-text", "True", True, True, True),
        ("boolean-or-text", "FALSE", False, True, True),
        ("boolean-or-text", "yes", False, False, False),
        ("boolean-or-text", 1, False, False, False),
        ("go-bool", "yes", False, True, False),
        ("go-bool", "t", True, True, False),
        ("go-bool", "TRUE", True, True, False),
        ("go-bool", "tRUE", False, True, False),
        ("go-bool", 2, True, True, False),
        ("go-bool", 0.0, False, True, False),
        ("js-truthy", "false", True, True, False),
    ],
)
def test_each_generator_reads_its_draft_flag_its_own_way(
    values: str, value: object, hidden: bool, accepted: bool, exact: bool
) -> None:
    draft = Scalar(0, 0, value, str(value), quoted=isinstance(value, str))  # type: ignore[arg-type]
    reading = read_draft(draft, values)  # type: ignore[arg-type]
    assert (reading.hidden, reading.accepted, reading.exact) == (hidden, accepted, exact)


@pytest.mark.parametrize(
    ("value", "text", "quoted", "hidden", "exact"),
    [
        (False, "false", False, True, True),
        (None, "", False, True, True),
        ("no", "no", False, True, True),
        ("Off", "Off", False, True, True),
        ("yes", "yes", False, False, True),
        ("false", "false", True, False, False),
        (0, "0", False, False, False),
        (True, "true", False, False, True),
    ],
)
def test_jekyll_holds_back_only_what_ruby_reads_as_false_or_nil(
    value: object, text: str, quoted: bool, hidden: bool, exact: bool
) -> None:
    published = Scalar(0, 0, value, text, quoted)  # type: ignore[arg-type]
    reading = read_published(published)
    assert (reading.hidden, reading.exact) == (hidden, exact)


def test_draft_folders_are_matched_by_name_at_any_depth() -> None:
    assert in_draft_folder("_drafts/idea.md", ["_drafts"])
    assert in_draft_folder("blog/_drafts/idea.md", ["_drafts/"])
    assert not in_draft_folder("_drafts.md", ["_drafts"])
    assert not in_draft_folder("posts/idea.md", [])
