"""The index cache's file as tests read and forge it: a first line (what it was written for and
which sections follow), one JSON value per section, then the checksum of the sections."""

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
    sections = dict(zip(header["sections"], map(json.loads, lines[1:-2]), strict=True))
    return {"header": header, **sections}


def write_cache(path: Path, data: dict[str, Any]) -> None:
    """A cache file of these sections, with the checksum that makes it well formed."""
    header = data["header"]
    body = b"".join(
        json.dumps(data[name], separators=(",", ":")).encode() + b"\n"
        for name in header["sections"]
    )
    path.write_bytes(json.dumps(header).encode() + b"\n" + body + b"%d\n" % zlib.crc32(body))


def resealed(text: str) -> str:
    """A cache file's text, edited by hand, with its checksum made right again."""
    lines = text.split("\n")
    body = "".join(line + "\n" for line in lines[1:-2]).encode()
    return "\n".join([lines[0], *lines[1:-2], str(zlib.crc32(body)), ""])


def numbers(text: str) -> list[int]:
    """A column of numbers as the cache writes it."""
    column = array("q")
    column.frombytes(base64.b64decode(text))
    return list(column)


def numbers_text(values: list[int]) -> str:
    return base64.b64encode(array("q", values).tobytes()).decode("ascii")
