"""Positions between klm-lint and the editor.

Findings count lines and columns from 1, columns in code points, in the text without its BOM.
LSP counts both from 0, columns in the code units the client and the server agreed on:
UTF-16 unless the client offers UTF-8 or UTF-32 (`positionEncoding`). CRLF, CR and LF end a
line for both. A BOM the editor keeps in its text is counted on the first line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from klm_lint.load.text import LineIndex

if TYPE_CHECKING:
    from klm_lint.findings import Span

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value


def units(chunk: str, encoding: str) -> int:
    """How many code units of the encoding the text takes."""
    if encoding == UTF32:
        return len(chunk)
    if encoding == UTF8:
        return len(chunk.encode("utf-8", "surrogatepass"))
    return len(chunk.encode("utf-16-le", "surrogatepass")) // 2


class TextLines:
    """An editor's text, for turning klm-lint's positions into LSP's and back."""

    __slots__ = ("_index", "bom", "encoding", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.bom = 1 if text.startswith("\ufeff") else 0
        """1 when the editor's text starts with a BOM, which klm-lint's offsets leave out."""
        self._index = LineIndex(text)

    @property
    def line_count(self) -> int:
        return self._index.line_count

    def line(self, number: int) -> str:
        """A line's text (0-based, as LSP counts), without its line break."""
        return self._index.line_text(number + 1)

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of a finding's 1-based line and column."""
        line = max(1, min(line, self._index.line_count))
        start = self._index.line_start(line)
        shift = self.bom if line == 1 else 0
        offset = min(start + shift + max(column - 1, 0), self._index.line_end(line))
        return types.Position(line - 1, units(self.text[start:offset], self.encoding))

    def range(self, span: Span) -> types.Range:
        return types.Range(
            self.position(span.line, span.column), self.position(span.end_line, span.end_column)
        )

    def at(self, offset: int) -> types.Position:
        """The LSP position of a klm-lint offset (into the text without its BOM)."""
        offset = max(0, min(offset + self.bom, len(self.text)))
        line, _column = self._index.position(offset)
        start = self._index.line_start(line)
        return types.Position(line - 1, units(self.text[start:offset], self.encoding))

    def offset(self, position: types.Position) -> int:
        """The klm-lint offset (into the text without its BOM) of an LSP position; a column past
        the end of its line means the line's end, a line past the last the text's end."""
        if position.line >= self._index.line_count:
            return len(self.text) - self.bom
        start = self._index.line_start(position.line + 1)
        end = self._index.line_end(position.line + 1)
        if self.encoding == UTF32:
            offset = min(start + position.character, end)
        else:
            offset, counted = start, 0
            while offset < end and counted < position.character:
                counted += units(self.text[offset], self.encoding)
                offset += 1
        return max(offset - self.bom, 0)
