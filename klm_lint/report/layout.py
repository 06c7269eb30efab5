"""Fitting the full report's lines to a terminal's width, counted in cells as terminals show
them (CJK characters and most emoji take two). Only used when the report has a width."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len, chop_cells

Line = list[tuple[str, str]]
"""A line of the report as pieces of text and their styles ("" for none)."""

ELLIPSIS = "…"
_TOKENS = re.compile(r"\S+|\s+")


def cells(text: str) -> int:
    """How many terminal cells the text takes."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(line: Line, width: int, indent: int) -> list[Line]:
    """The line broken at spaces to fit `width` cells; continuation lines start with `indent`
    spaces. A word longer than a whole line is cut by cells."""
    if sum(cells(text) for text, _ in line) <= width:
        return [line]
    indent = min(indent, max(0, width // 2))
    lines: list[Line] = [[]]
    used = 0
    fresh = False
    """Whether the current line is a continuation that holds only its indent so far."""

    def new_line() -> None:
        nonlocal used, fresh
        _strip_trailing_space(lines[-1])
        lines.append([(" " * indent, "")] if indent else [])
        used, fresh = indent, True

    for text, style in line:
        for token in _TOKENS.findall(text):
            size = cells(token)
            if token.isspace():
                if fresh:
                    continue
                if used + size < width:
                    lines[-1].append((token, style))
                    used += size
                else:
                    new_line()
                continue
            if used + size > width and not fresh and used > indent:
                new_line()
            while used + size > width:
                head = chop_cells(token, max(1, width - used))[0] or token[0]
                lines[-1].append((head, style))
                token = token[len(head) :]
                size = cells(token)
                new_line()
            if token:
                lines[-1].append((token, style))
                used += size
                fresh = False
    return lines


def _strip_trailing_space(line: Line) -> None:
    while line and line[-1][0].isspace():
        line.pop()


@dataclass(frozen=True, slots=True)
class Window:
    """The part of a source line that is shown: from cell `start`, `size` cells wide, with an
    ellipsis where it was cut."""

    start: int
    size: int
    cut_left: bool
    cut_right: bool

    def holds(self, first: int, last: int) -> bool:
        """Whether the cells first..last (a marker) are shown in full, or start shown."""
        return self.start <= first < self.start + self.size


def window(total: int, first: int, last: int, room: int) -> Window:
    """The window of a `total`-cell line that fits `room` cells and shows the marker from cell
    `first` to cell `last` (exclusive), or at least its start, with a little context before."""
    if total <= room:
        return Window(0, total, cut_left=False, cut_right=False)
    room = max(room, 8)
    inner = room - 1
    if last <= inner:
        return Window(0, inner, cut_left=False, cut_right=True)
    marker = last - first
    context = max(0, min((room - 2 - marker), room // 3))
    start = max(1, first - context)
    if start + room - 1 >= total:
        start = total - (room - 1)
        return Window(start, room - 1, cut_left=True, cut_right=False)
    return Window(start, room - 2, cut_left=True, cut_right=True)


def crop(text: str, shown: Window) -> str:
    """The cells of `text` the window shows, with an ellipsis at each cut. A wide character cut
    in two is shown as spaces, so that the markers below stay in line."""
    if not (shown.cut_left or shown.cut_right):
        return text
    start, start_cell = _cell_offset(text, shown.start)
    end, end_cell = _cell_offset(text, shown.start + shown.size)
    if end_cell > shown.start + shown.size:
        end -= 1  # the character before it straddles the edge
    body = " " * (start_cell - shown.start) + text[start:end]
    body += " " * (shown.size - cells(body)) if shown.cut_right else ""
    return (ELLIPSIS if shown.cut_left else "") + body + (ELLIPSIS if shown.cut_right else "")


def _cell_offset(text: str, cell: int) -> tuple[int, int]:
    """The index of the first character that starts at or after `cell` cells into the text,
    and the cell it starts at."""
    if text.isascii():
        index = min(cell, len(text))
        return index, index
    used = 0
    for index, char in enumerate(text):
        if used >= cell:
            return index, used
        used += cell_len(char)
    return len(text), used
