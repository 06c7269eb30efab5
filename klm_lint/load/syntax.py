"""Front-matter formats: finding the block in a file and parsing it into a node tree."""

from __future__ import annotations


class FrontMatterError(Exception):
    """The front matter does not parse. Offsets are into the decoded file text."""

    def __init__(self, message: str, start: int, end: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.start = start
        self.end = start if end is None else end


MAX_DEPTH = 100
"""Deepest nesting of lists and mappings accepted in front matter."""
