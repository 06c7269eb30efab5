"""Resolving the site's asset paths (`/images/x.jpg`) to files under the static roots.

Each folder is listed once per run and remembered case-folded, so a case mismatch is found
without a `stat` per post, and nothing outside the static roots is ever looked at.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record

if TYPE_CHECKING:
    from pathlib import Path

_REMOTE = lazy_pattern(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\\)|//")
_DRIVE = lazy_pattern(r"[A-Za-z]:[\\/]")

_Kind = Literal["folder", "file", "outside"]


@value_record
class Resolution:
    status: Literal["found", "case-mismatch", "missing", "invalid"]
    real: str = ""
    """For case-mismatch: the real path, written like the value (/images/Team.jpg)."""
    reason: str = ""
    """For invalid: why the path cannot be served."""
    where: str = ""
    """Where the file was looked for, for messages ("in content/posts/trip/, beside the
    page"); "": in the static folders."""
    advice: str = ""
    """For invalid: how to correct it, when putting the file in a static folder is not it."""


class StaticRoots:
    def __init__(self, project_root: Path, folders: list[str]) -> None:
        self.project_root = project_root
        self.roots = [project_root / folder for folder in folders]
        self._resolved: dict[str, Resolution | None] = {}
        self._listings: dict[str, dict[str, list[tuple[str, _Kind]]]] = {}
        self._real_roots: dict[Path, str] = {}

    def describe(self) -> str:
        """Where assets are looked for, for messages: public/ and static/."""
        names = [f"{root.name}/" for root in self.roots]
        existing = [f"{root.name}/" for root in self.roots if os.path.isdir(root)]
        if not existing:
            return f"{' or '.join(names)} (no such folder in {self.project_root.name or '.'})"
        return " and ".join(existing)

    def resolve(self, value: str) -> Resolution | None:
        """None for remote URLs, which are not checked."""
        if value in self._resolved:
            return self._resolved[value]
        resolution = self._resolve(value)
        self._resolved[value] = resolution
        return resolution

    def _resolve(self, value: str) -> Resolution | None:
        screened = screen(value)
        if not isinstance(screened, str):
            return screened
        if not screened.startswith("/"):
            return _invalid("is relative; the site needs paths from the site root, starting with /")
        return self.lookup_path(screened)

    def lookup_path(self, path: str, base: list[str] | None = None) -> Resolution:
        """A path (decoded, without query or fragment) under the roots: from their top when it
        starts with /, else from the folder `base` (names from a root's top)."""
        parts: list[str] = [] if path.startswith("/") or base is None else list(base)
        for part in path.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    return _invalid("climbs out of the static folder with ..")
                parts.pop()
            else:
                parts.append(part)
        if not parts:
            return _invalid("names no file")
        return self._lookup(parts, path)

    def _lookup(self, parts: list[str], path: str) -> Resolution:
        mismatch: Resolution | None = None
        for root in self.roots:
            found = self._walk(root, parts)
            if found is None:
                continue
            real_parts, inside = found
            if not inside:
                return _invalid("points through a link to a file outside the static folder")
            if real_parts == parts:
                return Resolution("found")
            if mismatch is None:
                mismatch = Resolution("case-mismatch", "/" + "/".join(real_parts))
        return mismatch or Resolution("missing")

    def _walk(self, root: Path, parts: list[str]) -> tuple[list[str], bool] | None:
        """The real names along the path, and False when it goes through a link out of the root
        (nothing past the link is looked at); None when nothing matches."""
        folder = str(root)
        real_parts: list[str] = []
        for index, part in enumerate(parts):
            kind = "file" if index == len(parts) - 1 else "folder"
            candidates = self._listing(root, folder).get(part.casefold(), [])
            outside = [name for name, found in candidates if found == "outside"]
            wanted = [name for name, found in candidates if found == kind]
            if part in outside or (outside and not wanted):
                return [*real_parts, part], False
            if not wanted:
                return None
            name = part if part in wanted else wanted[0]
            real_parts.append(name)
            folder = os.path.join(folder, name)
        return real_parts, True

    def _listing(self, root: Path, folder: str) -> dict[str, list[tuple[str, _Kind]]]:
        listing = self._listings.get(folder)
        if listing is None:
            listing = {}
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        kind = self._kind(root, entry)
                        if kind is not None:
                            listing.setdefault(entry.name.casefold(), []).append((entry.name, kind))
            except OSError:
                pass
            self._listings[folder] = listing
        return listing

    def _kind(self, root: Path, entry: os.DirEntry[str]) -> _Kind | None:
        """A folder, a regular file, a link to outside the root (not followed), or None for
        anything else (FIFO, socket, broken link…)."""
        try:
            if entry.is_symlink() and not self._inside(root, entry.path):
                return "outside"
            mode = entry.stat().st_mode
        except OSError:
            return None
        if stat.S_ISDIR(mode):
            return "folder"
        return "file" if stat.S_ISREG(mode) else None

    def _inside(self, root: Path, target: str) -> bool:
        real_root = self._real_roots.get(root)
        if real_root is None:
            real_root = self._real_roots[root] = os.path.realpath(root)
        real = os.path.realpath(target)
        return real == real_root or real.startswith(real_root + os.sep)


def screen(value: str) -> Resolution | str | None:
    """The path an asset value names (decoded, without its query or fragment); None for a
    remote URL, which is not checked; a Resolution for a value that cannot be a path of the
    site."""
    if _REMOTE.match(value) and not _DRIVE.match(value):
        return (
            None
            if not value.lower().startswith("file:")
            else _invalid("is a file: address on someone's computer; the site cannot serve it")
        )
    if "\\" in value:
        return _invalid("uses backslashes; web paths use / (forward slashes)")
    if _DRIVE.match(value) or value.startswith("~"):
        return _invalid("is a path on someone's computer, not a path of the site")
    return unquote(value.split("?", 1)[0].split("#", 1)[0])


def _invalid(reason: str) -> Resolution:
    return Resolution("invalid", reason=reason)
