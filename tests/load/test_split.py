"""Finding the front-matter block's closing line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.load.split import _CLOSING, closing_line


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", "\n", "\r", "\r\n", "---", "--- ", "----", "+++", "}", "\t"]),
        max_size=24,
    ).map("".join),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["---", "+++", "}"]),
)
def test_the_closing_line_is_found_where_the_regular_expression_finds_it(
    text: str, start: int, closer: str
) -> None:
    found = closing_line(text, start, closer)
    expected = _CLOSING[closer].search(text, start)
    assert (found is None) == (expected is None), (text, start)
    if found is not None and expected is not None:
        assert (found.span("line"), found.end()) == (expected.span("line"), expected.end())


def test_a_closing_line_after_a_carriage_return_is_found() -> None:
    text = "---\r\ntitle: A\r\n---\r\nBody\n---\n"
    found = closing_line(text, 3, "---")
    assert found is not None and found.start("line") == 15
