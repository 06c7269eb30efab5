"""What git ignores, without running git: `.gitignore` files and `.git/info/exclude`.

The rules are git's: a `.gitignore` applies to the folder it is in and everything below, a
deeper one overrides a shallower one, and `.git/info/exclude` comes last. They are read from
the top of the git work tree (the nearest folder upward holding `.git`), or from the project
root outside one. The user's global excludes file (`core.excludesFile`) is not read: finding it
means reading git's own configuration, and a run must not depend on the machine it runs on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.files import ProjectRoot, Refused, read_regular

if TYPE_CHECKING:
    from collections.abc import Callable

    import pathspec

_MAX_IGNORE_FILE = 1024 * 1024
"""A larger .gitignore is not read (git's own limit is 100 MiB; no real one comes close)."""

Chain = tuple[tuple[str, "pathspec.GitIgnoreSpec"], ...]
"""The .gitignore files that apply in a folder, shallowest first: (their folder, their rules)."""


def read_rules(path: str, tree: ProjectRoot | None = None) -> pathspec.GitIgnoreSpec | None:
    """The rules of one ignore file; None when it has none or cannot be read. It is read through
    the guard (klm_lint/files.py): a regular file, never blocking, and in the work tree `tree`,
    not through a link out of it. A line git would not take as a pattern is skipped, as git
    skips it."""
    try:
        data, _info = read_regular(path, _MAX_IGNORE_FILE, tree)
    except Refused:
        return None
    lines = data.decode("utf-8", errors="replace").splitlines()
    import pathspec  # here: a run in a folder with no ignore file does without it

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:
        spec = pathspec.GitIgnoreSpec.from_lines(line for line in lines if _valid(line))
    return spec if spec.patterns else None


def _valid(line: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def work_tree_top(start: Path, fallback: Path) -> Path:
    """The top of the git work tree holding `start`, or `fallback` outside one."""
    absolute = Path(os.path.abspath(start))
    for folder in (absolute, *absolute.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return Path(os.path.abspath(fallback))


def signature(path: str, *, kind_only: bool = False) -> tuple[int, ...] | None:
    """A path's file type, size, modification and change time (ns) and inode (a link that now
    leads elsewhere), or only its type; None when it does not exist or cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    kind = stat.S_IFMT(info.st_mode)
    if kind_only:
        return (kind,)
    return kind, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


class GitIgnore:
    """Answers "does git ignore this?" for paths under one top folder."""

    def __init__(self, top: Path, saw: Callable[..., None] | None = None) -> None:
        """`saw`: told every ignore file this reads or looks for, before it does (and, with
        kind_only, the `.git` it looks through), for a walk that records what it saw."""
        self.top = os.path.abspath(top)
        self._tree = ProjectRoot.at(self.top)
        self._chains: dict[str, Chain] = {}
        self._saw = saw
        self._exclude = _info_exclude(Path(self.top), saw)

    @property
    def has_exclude(self) -> bool:
        """Whether .git/info/exclude has rules (they apply even where no .gitignore is)."""
        return self._exclude is not None

    def chain(self, folder: str, has_ignore_file: bool | None = None) -> Chain:
        """The .gitignore files that apply to the entries of `folder` (an absolute path), each
        read once. `has_ignore_file`: whether the folder holds one, when the caller knows (a
        walk does, from the folder's listing), which saves looking."""
        known = self._chains.get(folder)
        if known is not None:
            return known
        if folder == self.top:
            parent_chain: Chain = ()
        elif folder.startswith(self.top + os.sep):
            parent_chain = self.chain(os.path.dirname(folder))
        else:
            return ()
        chain = parent_chain
        if has_ignore_file is not False:
            if self._saw is not None:
                self._saw(os.path.join(folder, ".gitignore"))
            rules = read_rules(os.path.join(folder, ".gitignore"), self._tree)
            if rules is not None:
                chain = (*parent_chain, (folder, rules))
        self._chains[folder] = chain
        return chain

    def ignores(self, path: str, is_dir: bool, chain: Chain) -> bool:
        """Whether git ignores this entry (an absolute path), given the chain of the folder it
        is in. Its parent folders are taken as not ignored: a walk does not enter those."""
        suffix = "/" if is_dir else ""
        for folder, rules in reversed(chain):
            decided = rules.check_file(_below(path, folder) + suffix).include
            if decided is not None:
                return decided
        if self._exclude is not None and path.startswith(self.top + os.sep):
            return bool(self._exclude.check_file(_below(path, self.top) + suffix).include)
        return False

    def ignores_anywhere(self, path: str, is_dir: bool) -> bool:
        """Whether git ignores this path or one of the folders it is in."""
        absolute = os.path.abspath(path)
        if absolute == self.top or not absolute.startswith(self.top + os.sep):
            return False
        parts = os.path.relpath(absolute, self.top).split(os.sep)
        current = self.top
        for index, part in enumerate(parts):
            entry = os.path.join(current, part)
            last = index == len(parts) - 1
            if self.ignores(entry, is_dir or not last, self.chain(current)):
                return True
            current = entry
        return False


def _below(path: str, folder: str) -> str:
    """The path relative to a folder it is in, with / separators (both absolute)."""
    relative = path[len(folder) + 1 :]
    return relative if os.sep == "/" else relative.replace(os.sep, "/")


def _info_exclude(
    top: Path, saw: Callable[..., None] | None = None
) -> pathspec.GitIgnoreSpec | None:
    """The rules of the repository's `info/exclude`, found through `.git` (a folder, or for a
    worktree or submodule a file naming the git folder)."""
    dot_git = top / ".git"
    if saw is not None:
        saw(str(dot_git), kind_only=dot_git.is_dir())
    git_dir: Path | None = None
    if dot_git.is_dir():
        git_dir = dot_git
    elif dot_git.is_file():
        first = _small_text(dot_git).splitlines()
        if first and first[0].startswith("gitdir:"):
            git_dir = (top / first[0][len("gitdir:") :].strip()).resolve()
            if saw is not None:
                saw(str(git_dir / "commondir"))
            shared = _small_text(git_dir / "commondir").strip()
            if shared:
                git_dir = (git_dir / shared).resolve()
    if git_dir is None:
        return None
    if saw is not None:
        saw(str(git_dir / "info" / "exclude"))
    return read_rules(str(git_dir / "info" / "exclude"))


def _small_text(path: Path) -> str:
    """The start of a small file of git's own (read through the guard); "" when it cannot be
    read."""
    try:
        data, _info = read_regular(path, 4096)
    except Refused:
        return ""
    return data[:4096].decode("utf-8", errors="replace")
