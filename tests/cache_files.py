"""The index cache's file as tests read and forge it: a first line (what it was written for and
which sections follow), one line per section (a JSON value, or for a column of keys their
texts between tabs, "" for None), then the checksum of the sections."""

from __future__ import annotations

import base64
import json
import zlib
from array import array
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def read_cache(path: Path) -> dict[str, Any]:
    """The cache file's sections by name, and its first line as "header"."""
    lines = path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    sections = {
        name: _keys(line) if name.startswith("key:") and line != b"null" else json.loads(line)
        for name, line in zip(header["sections"], lines[1:-2], strict=True)
    }
    return {"header": header, **sections}


def _keys(line: bytes) -> list[str | None]:
    return [text or None for text in line.decode().split("\t")] if line else []


def _line(name: str, value: Any) -> bytes:
    if name.startswith("key:") and isinstance(value, list):
        texts = [
            text if isinstance(text, str) or text is None else json.dumps(text) for text in value
        ]
        return "\t".join(text or "" for text in texts).encode()
    return json.dumps(value, separators=(",", ":")).encode()


def write_cache(path: Path, data: dict[str, Any]) -> None:
    """A cache file of these sections, with the checksum that makes it well formed."""
    header = data["header"]
    body = b"".join(_line(name, data[name]) + b"\n" for name in header["sections"])
    path.write_bytes(json.dumps(header).encode() + b"\n" + body + b"%d\n" % zlib.crc32(body))


def resealed(text: str) -> str:
    """A cache file's text, edited by hand, with its checksum made right again."""
    lines = text.split("\n")
    body = "".join(line + "\n" for line in lines[1:-2]).encode()
    return "\n".join([lines[0], *lines[1:-2], str(zlib.crc32(body)), ""])


def resealed_bytes(raw: bytes) -> bytes:
    """A cache file's bytes, edited by hand, with its checksum made right again."""
    lines = raw.split(b"\n")
    body = b"".join(line + b"\n" for line in lines[1:-2])
    return lines[0] + b"\n" + body + b"%d\n" % zlib.crc32(body)


def numbers(text: str) -> list[int]:
    """A column of numbers as the cache writes it."""
    column = array("q")
    column.frombytes(base64.b64decode(text))
    return list(column)


def numbers_text(values: list[int]) -> str:
    return base64.b64encode(array("q", values).tobytes()).decode("ascii")
