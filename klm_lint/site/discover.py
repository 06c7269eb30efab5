"""From the paths on the command line to the content files to lint."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.errors import UsageError
from klm_lint.files import OUTSIDE
from klm_lint.site.site import gitignore

if TYPE_CHECKING:
    from collections.abc import Callable

    from pathspec import GitIgnoreSpec

    from klm_lint.files import ProjectRoot
    from klm_lint.site.site import Site

_SKIPPED_FOLDERS = {"node_modules"}
_NOT_FOLLOWED = f"{OUTSIDE}; it was not followed"


@dataclass(frozen=True, slots=True)
class Unreadable:
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[Path]
    unreadable: list[Unreadable]


def discover(paths: list[Path], site: Site, *, force_exclude: bool = False) -> Discovered:
    include = gitignore(site.config.include, "include")
    exclude = gitignore(site.config.exclude, "exclude")
    files: dict[str, Path] = {}
    unreadable: list[Unreadable] = []

    def excluded(path: Path, is_dir: bool) -> bool:
        if not site.config.exclude:
            return False
        relative = site.site_path(path)
        return bool(relative) and exclude.match_file(relative + ("/" if is_dir else ""))

    for given in paths:
        try:
            mode = given.stat().st_mode
        except FileNotFoundError:
            raise UsageError(f"{given}: no such file or folder") from None
        except OSError as error:
            unreadable.append(Unreadable(given, error.strerror or str(error)))
            continue
        if (stat.S_ISDIR(mode) or stat.S_ISREG(mode)) and site.project.leads_out(given):
            unreadable.append(Unreadable(given, _NOT_FOLLOWED))
        elif stat.S_ISDIR(mode):
            if force_exclude and excluded(given, True):
                continue
            _walk(given, include, excluded, files, unreadable, site.project)
        elif stat.S_ISREG(mode):
            if not (force_exclude and excluded(given, False)):
                files.setdefault(os.path.normpath(given), given)
        else:
            unreadable.append(Unreadable(given, "not a regular file"))
    ordered = sorted(files.values(), key=lambda path: path.as_posix())
    return Discovered(ordered, unreadable)


def _walk(
    top: Path,
    include: GitIgnoreSpec,
    excluded: Callable[[Path, bool], bool],
    files: dict[str, Path],
    unreadable: list[Unreadable],
    project: ProjectRoot,
) -> None:
    """Every content file under top. A link is followed only when it stays in the project."""
    visited: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError as error:
            unreadable.append(Unreadable(folder, error.strerror or str(error)))
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in visited:
            continue
        visited.add(identity)
        for entry in sorted(entries, key=lambda entry: entry.name, reverse=True):
            # DirEntry's type tests follow symlinks like stat(), mostly without a system call.
            if entry.is_dir():
                if entry.name.startswith(".") or entry.name in _SKIPPED_FOLDERS:
                    continue
                path = Path(entry.path)
                if not excluded(path, True):
                    if entry.is_symlink() and project.leads_out(path):
                        unreadable.append(Unreadable(path, _NOT_FOLLOWED))
                    else:
                        stack.append(path)
            elif entry.is_file() and include.match_file(entry.name):
                path = Path(entry.path)
                if not excluded(path, False):
                    if entry.is_symlink() and project.leads_out(path):
                        unreadable.append(Unreadable(path, _NOT_FOLLOWED))
                    else:
                        files.setdefault(os.path.normpath(entry.path), path)
