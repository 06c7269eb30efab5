"""Paths as reports show them, and as the project sees them."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from klm_lint.load.text import printable

if TYPE_CHECKING:
    from pathlib import Path


def inside(absolute: str, folder: str) -> str | None:
    """An absolute path relative to an absolute folder, if it lies in it (lexically, as
    os.path.relpath would tell, but without its cost)."""
    if absolute.startswith(folder) and absolute[len(folder) : len(folder) + 1] == os.sep:
        return absolute[len(folder) + 1 :]
    if absolute == folder:
        return "."
    if folder.endswith(os.sep) and absolute.startswith(folder):
        return absolute[len(folder) :] or "."
    return None


def absolute_paths(texts: list[str]) -> list[str]:
    """os.path.abspath of each path, the working directory looked up once (abspath looks it up
    for every relative path, a system call each): a normal relative path is joined to it as it
    is, a normal absolute path (as the walk makes them) is kept as it is, and any other path is
    left to abspath."""
    if os.sep != "/":
        return [os.path.abspath(text) for text in texts]
    cwd = os.getcwd()
    prefix = cwd if cwd.endswith("/") else cwd + "/"
    return [
        (text if text[0] == "/" else prefix + text)
        if text
        and text[0] != "."
        and "/." not in text
        and "//" not in text
        and not text.endswith("/")
        else os.path.abspath(text)
        for text in texts
    ]


def _relative_or_absolute(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return os.path.abspath(path)


def display_path(path: Path | str) -> str:
    """Relative to the working directory, with / separators; bytes of a file name that are not
    UTF-8 show as U+FFFD and control characters as their pictures, so that every report can
    write the path and no name can steer the terminal."""
    text = os.fspath(path)
    shown = inside(os.path.abspath(text), os.getcwd()) if os.path.isabs(text) else None
    if shown is None:
        normal = os.path.normpath(text)
        relative = (
            not os.path.isabs(normal) and normal != ".." and not normal.startswith(".." + os.sep)
        )
        shown = normal if relative else _relative_or_absolute(text)
    return printable(os.fsencode(shown).decode("utf-8", "replace")).replace(os.sep, "/")
