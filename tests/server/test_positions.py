"""Findings' positions (1-based, code points) as LSP positions (0-based, in the code units the
client and server agreed on), and back: astral characters, a BOM, CR and CRLF line ends."""

from __future__ import annotations

import pytest
from lsprotocol import types

from klm_lint.findings import Span
from klm_lint.server.positions import UTF8, UTF16, UTF32, TextLines, units

TEXT = 'title: "😀 é"\r\ndraft: no\rlast\n'


@pytest.mark.parametrize(
    ("encoding", "emoji", "accent"), [(UTF16, 2, 1), (UTF8, 4, 2), (UTF32, 1, 1)]
)
def test_columns_count_the_agreed_code_units(encoding: str, emoji: int, accent: int) -> None:
    lines = TextLines(TEXT, encoding)
    after_quote = 8
    assert lines.position(1, 9) == types.Position(0, after_quote)
    assert lines.position(1, 10) == types.Position(0, after_quote + emoji)
    assert lines.position(1, 13) == types.Position(0, after_quote + emoji + 1 + accent + 1)
    assert lines.range(Span(2, 8, 3, 1)) == types.Range(types.Position(1, 7), types.Position(2, 0))
    for column in range(1, 14):
        offset = column - 1
        assert lines.offset(lines.position(1, column)) == offset
        assert lines.at(offset) == lines.position(1, column)
    assert lines.offset(lines.position(3, 3)) == TEXT.index("last") + 2


def test_past_the_end_of_a_line_or_the_text() -> None:
    lines = TextLines(TEXT)
    assert lines.position(2, 99) == types.Position(1, len("draft: no"))
    assert lines.position(99, 1) == types.Position(3, 0)
    assert lines.offset(types.Position(1, 99)) == TEXT.index("\rlast")
    assert lines.offset(types.Position(9, 0)) == len(TEXT)
    assert [lines.line(number) for number in range(4)] == ['title: "😀 é"', "draft: no", "last", ""]


def test_a_bom_the_editor_keeps_counts_on_the_first_line_only() -> None:
    lines = TextLines("\ufeff" + TEXT)
    assert lines.position(1, 1) == types.Position(0, 1)
    assert lines.position(2, 1) == types.Position(1, 0)
    assert lines.at(0) == types.Position(0, 1)
    assert lines.offset(types.Position(0, 1)) == 0 and lines.offset(types.Position(0, 0)) == 0


def test_units() -> None:
    assert [units("a😀é", encoding) for encoding in (UTF8, UTF16, UTF32)] == [7, 4, 3]
