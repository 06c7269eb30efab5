"""Decoding a content file's bytes and mapping character offsets to lines and columns."""

from __future__ import annotations

import bisect
import codecs

from klm_lint.findings import Span
from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record

_LINE_BREAK = lazy_pattern(r"\r\n?|\n")

_SHOWN_AS: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20)},
    0x7F: "\u2421",
    **{
        code: "\ufffd"
        for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    },
}
"""Control characters as their visible Control Pictures (␛ for ESC), and C1 controls and
bidirectional overrides as �: a file's text must not steer the terminal that shows a report."""
_SHOWN_IN_EXCERPTS = {code: shown for code, shown in _SHOWN_AS.items() if code != ord("\t")}
_UNSAFE = lazy_pattern("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_EXCERPTS = lazy_pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_NEAR_START = 4096
"""Offsets up to here are placed without the line index (see LineIndex.position)."""

MAX_EXCERPT = 1000
"""The longest line a finding quotes; a longer one (minified text, a pasted blob) is not quoted,
so that many findings on one huge line cannot fill the memory or the report."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
)


class LineIndex:
    """Line starts of a text, for turning character offsets into 1-based lines and columns."""

    __slots__ = ("_excerpts", "_line_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts: list[int] | None = None
        self._excerpts: dict[int, str] = {}

    @property
    def _starts(self) -> list[int]:
        """Computed on first use: most files have no finding and never need it."""
        starts = self._line_starts
        if starts is None:
            text = self._text
            if "\r" in text:
                starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
            else:
                starts = [0]
                at = text.find("\n")
                while at >= 0:
                    starts.append(at + 1)
                    at = text.find("\n", at + 1)
            self._line_starts = starts
        return starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        text = self._text
        if not 0 <= offset <= len(text):
            offset = max(0, min(offset, len(text)))
        if self._line_starts is None and offset <= _NEAR_START and text.find("\r", 0, offset) < 0:
            # Front-matter positions of a file that has no finding: counting is cheaper than
            # finding every line start of the file.
            return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        starts = self._starts
        row = bisect.bisect_right(starts, offset) - 1
        return row + 1, offset - starts[row] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (clamped to the text)."""
        row = max(0, min(line - 1, len(self._starts) - 1))
        return min(self._starts[row] + column - 1, len(self._text))

    def line_start(self, line: int) -> int:
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def line_end(self, line: int) -> int:
        """Offset of the end of a line's content, before its line break."""
        if line <= 1 and self._line_starts is None:
            text = self._text
            end = text.find("\n")
            if end < 0:
                end = len(text)
            early = text.find("\r", 0, end)  # a CR before the first LF (none in most files)
            return end if early < 0 else early
        row = max(0, min(line - 1, len(self._starts) - 1))
        end = self._starts[row + 1] if row + 1 < len(self._starts) else len(self._text)
        while end > self._starts[row] and self._text[end - 1] in "\r\n":
            end -= 1
        return end

    def line_text(self, line: int) -> str:
        return self._text[self.line_start(line) : self.line_end(line)]

    def excerpt(self, line: int) -> str:
        """The line as a finding quotes it: one string shared by all findings on the line, and
        empty for a line longer than MAX_EXCERPT."""
        excerpt = self._excerpts.get(line)
        if excerpt is None:
            start, end = self.line_start(line), self.line_end(line)
            excerpt = self._text[start:end] if end - start <= MAX_EXCERPT else ""
            if _UNSAFE_IN_EXCERPTS.search(excerpt):
                excerpt = excerpt.translate(_SHOWN_IN_EXCERPTS)
            self._excerpts[line] = excerpt
        return excerpt

    def span(self, start: int, end: int) -> Span:
        """The span of text[start:end]; an empty range covers one character where there is one."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        if (end_line, end_column) == (line, column):
            end_column = column + (1 if start < self.line_end(line) else 0)
        return Span(line, column, end_line, end_column)


def printable(text: str) -> str:
    """The text with every control character visible and harmless, one character for one."""
    return text.translate(_SHOWN_AS) if _UNSAFE.search(text) else text


def printable_line(text: str) -> str:
    """A line as reports quote it: like `printable`, but tabs stay tabs."""
    return text.translate(_SHOWN_IN_EXCERPTS) if _UNSAFE_IN_EXCERPTS.search(text) else text


@value_record
class Decoded:
    text: str
    bom: bool


@value_record
class EncodingProblem:
    line: int
    column: int
    message: str


def decode(raw: bytes) -> Decoded | EncodingProblem:
    """Decode UTF-8 (with or without BOM); anything else is an encoding problem with a position."""
    for mark, name in _BOMS:
        if raw.startswith(mark):
            return EncodingProblem(
                1,
                1,
                f"the file is saved as {name}; the site reads content as UTF-8 and will show "
                "garbage or fail to build. Save it as UTF-8.",
            )
    bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if bom else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return _undecodable(body, error.start)
    nul = text.find("\0")
    if nul >= 0:
        binary = _binary_problem(body)
        if binary is not None:
            return binary
        line, column = LineIndex(text).position(nul)
        utf16 = _looks_like_utf16(body)
        what = "is saved as UTF-16 without a byte-order mark" if utf16 else "contains a NUL byte"
        return EncodingProblem(
            line,
            column,
            f"the file {what} (line {line}, column {column}); the site cannot build a page "
            "from it. Save it as UTF-8 text.",
        )
    return Decoded(text, bom)


def _undecodable(body: bytes, bad: int) -> EncodingProblem:
    binary = _binary_problem(body)
    if binary is not None:
        return binary
    prefix = body[:bad].decode("utf-8", errors="replace")
    line, column = LineIndex(prefix).position(len(prefix))
    guess = _guess_encoding(body)
    saved_as = f" (it looks like {guess})" if guess else ""
    return EncodingProblem(
        line,
        column,
        f"the file is not valid UTF-8: byte 0x{body[bad]:02X} on line {line} cannot be "
        f"decoded{saved_as}. The site shows such characters as garbage or fails to build. "
        "Save the file as UTF-8.",
    )


def _binary_problem(body: bytes) -> EncodingProblem | None:
    """KLM003 for a file that is not text at all (a program, an image, an archive)."""
    kind = _signature(body)
    if kind is None:
        if _looks_like_utf16(body) or not _looks_binary(body):
            return None
        kind = ("binary data", "")
    what, extension = kind
    named = f" (and name it {extension})" if extension else ""
    return EncodingProblem(
        1,
        1,
        f"the file is {what}, not text, so the site cannot build a page from it. If it is "
        f"in the content folder by mistake, move it out{named}; a post must be UTF-8 text.",
    )


_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x7fELF", "a program (ELF)", ""),
    (b"MZ", "a Windows program", ".exe"),
    (b"\xcf\xfa\xed\xfe", "a macOS program", ""),
    (b"\xca\xfe\xba\xbe", "a macOS program or Java class", ""),
    (b"\x00asm", "a WebAssembly module", ".wasm"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ".png"),
    (b"\xff\xd8\xff", "a JPEG image", ".jpg"),
    (b"GIF87a", "a GIF image", ".gif"),
    (b"GIF89a", "a GIF image", ".gif"),
    (b"II*\x00", "a TIFF image", ".tif"),
    (b"MM\x00*", "a TIFF image", ".tif"),
    (b"%PDF-", "a PDF document", ".pdf"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)", ".zip"),
    (b"\x1f\x8b", "a gzip archive", ".gz"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", ".7z"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Word or Excel document", ".doc"),
    (b"SQLite format 3\x00", "an SQLite database", ".sqlite"),
    (b"ID3", "an MP3 file", ".mp3"),
    (b"OggS", "an Ogg audio or video file", ".ogg"),
    (b"fLaC", "a FLAC audio file", ".flac"),
    (b"\x1aE\xdf\xa3", "a WebM or Matroska video", ".webm"),
)
"""The first bytes of common binary files: (signature, what it is, its usual extension). Only
looked at when the bytes are not valid UTF-8 text, so a post starting with "MZ" is still a post."""


def _signature(body: bytes) -> tuple[str, str] | None:
    for signature, what, extension in _SIGNATURES:
        if body.startswith(signature):
            return what, extension
    if body[:4] == b"RIFF" and body[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {
            b"WEBP": ("a WebP image", ".webp"),
            b"WAVE": ("a WAV audio file", ".wav"),
            b"AVI ": ("an AVI video", ".avi"),
        }[body[8:12]]
    if body[4:8] == b"ftyp":
        return "an MP4 video or HEIC/AVIF image", ".mp4"
    return None


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_BINARY_SAMPLE = 4096


def _looks_binary(body: bytes) -> bool:
    """Many control bytes: no text, in any encoding, has them (one stray NUL in a post does
    not make it binary)."""
    sample = body[:_BINARY_SAMPLE]
    controls = sum(
        1 for byte in sample if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return controls * 20 >= len(sample) and controls >= 4


def _looks_like_utf16(body: bytes) -> bool:
    """Text saved as UTF-16: mostly ASCII, so every other byte is zero, on the same side."""
    sample = body[:200]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    zeros = max(even.count(0), odd.count(0))
    other_side = min(even.count(0), odd.count(0))
    return zeros * 3 >= len(sample) and other_side * 20 <= zeros


def _guess_encoding(body: bytes) -> str:
    if _looks_like_utf16(body):
        return "UTF-16 without a byte-order mark"
    if _looks_japanese(body):
        return "Shift-JIS"
    try:
        body.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return "Windows-1252 or Latin-1"


def _looks_japanese(body: bytes) -> bool:
    """Shift-JIS text has kana; Latin-1 bytes read as Shift-JIS give only stray kanji."""
    try:
        text = body.decode("shift_jis")
    except UnicodeDecodeError:
        return False
    return any("\u3041" <= char <= "\u30ff" for char in text)
