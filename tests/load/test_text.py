from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from klm_lint.findings import Span
from klm_lint.load.text import Decoded, EncodingProblem, LineIndex, decode


def test_positions_with_every_line_ending() -> None:
    text = "a\nbc\r\nd\re"
    index = LineIndex(text)
    assert index.line_count == 4
    assert [index.position(text.index(c)) for c in "abde"] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.position(text.index("c")) == (2, 2)
    assert index.line_text(2) == "bc"
    assert index.offset(3, 1) == text.index("d")


def test_span_of_an_empty_range_covers_one_character() -> None:
    index = LineIndex("abc\n")
    assert index.span(1, 1) == Span(1, 2, 1, 3)
    assert index.span(3, 3) == Span(1, 4, 1, 4)


def test_columns_count_code_points() -> None:
    index = LineIndex("日本語: x")
    assert index.position(5) == (1, 6)


def test_decode_strips_bom() -> None:
    assert decode(codecs.BOM_UTF8 + b"---\n") == Decoded("---\n", True)
    assert decode(b"---\n") == Decoded("---\n", False)


def test_decode_problems_have_positions() -> None:
    problem = decode(b"ok\nnot \xe9 ok\n")
    assert isinstance(problem, EncodingProblem)
    assert (problem.line, problem.column) == (2, 5)
    problem = decode(codecs.BOM_UTF16_BE + "x".encode("utf-16-be"))
    assert isinstance(problem, EncodingProblem) and "UTF-16 BE" in problem.message


def test_shift_jis_is_guessed() -> None:
    problem = decode("タイトル".encode("shift_jis"))
    assert isinstance(problem, EncodingProblem) and "Shift-JIS" in problem.message


def test_latin1_is_not_mistaken_for_shift_jis() -> None:
    problem = decode("title: Renée Müller\n".encode("latin-1"))
    assert isinstance(problem, EncodingProblem) and "Latin-1" in problem.message


@given(
    st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "\n\n"]), max_size=40).map(
        "".join
    ),
    st.integers(min_value=-2, max_value=50),
)
def test_placing_an_offset_without_the_line_index_agrees_with_it(text: str, offset: int) -> None:
    indexed = LineIndex(text)
    assert indexed.line_count >= 1, "builds the index"
    assert LineIndex(text).position(offset) == indexed.position(offset)
    assert LineIndex(text).line_end(1) == indexed.line_end(1)
    assert LineIndex(text).line_end(0) == indexed.line_end(0)


ELF_HEADER = b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(200)
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))


def test_a_program_is_binary_not_utf16() -> None:
    problem = decode(ELF_HEADER)
    assert isinstance(problem, EncodingProblem)
    assert (problem.line, problem.column) == (1, 1)
    assert "a program (ELF), not text" in problem.message
    assert "UTF-16" not in problem.message


def test_an_image_is_named_with_its_extension() -> None:
    problem = decode(PNG_HEADER)
    assert isinstance(problem, EncodingProblem)
    assert "a PNG image, not text" in problem.message and "(and name it .png)" in problem.message


def test_binary_without_a_known_signature() -> None:
    problem = decode(bytes(range(256)) * 8)
    assert isinstance(problem, EncodingProblem)
    assert "binary data, not text" in problem.message


def test_text_with_a_stray_nul_or_in_utf16_is_still_text() -> None:
    problem = decode(b"---\ntitle: a\x00b\n---\n")
    assert isinstance(problem, EncodingProblem) and "contains a NUL byte" in problem.message
    problem = decode("---\ntitle: a\n---\n".encode("utf-16-le"))
    assert isinstance(problem, EncodingProblem) and "UTF-16 without a byte-order mark" in (
        problem.message
    )
    assert decode(b"MZ is how this post starts.\n") == Decoded(
        "MZ is how this post starts.\n", False
    )
