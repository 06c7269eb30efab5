"""From the paths on the command line to the content files to lint.

Walking a folder skips hidden folders, `node_modules`, the config's `exclude` and, unless the
config's `respect-gitignore` is false, what git ignores. A file named on the command line is
always linted, unless `force_exclude` applies those to it too. A folder named on the command
line is walked even when git ignores it; the `.gitignore` files inside it still apply.
"""

from __future__ import annotations

import os
import stat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, cast

from klm_lint.errors import UsageError
from klm_lint.files import OUTSIDE
from klm_lint.lazy import lazy_pattern
from klm_lint.records import field, mutable_record, value_record
from klm_lint.site.gitignore import GitIgnore, signature, work_tree_top
from klm_lint.site.site import gitignore

if TYPE_CHECKING:
    from collections.abc import Callable

    from klm_lint.files import ProjectRoot
    from klm_lint.site.gitignore import Chain
    from klm_lint.site.patterns import Patterns
    from klm_lint.site.site import Site

_SKIPPED_FOLDERS = {"node_modules"}
_NOT_FOLLOWED = f"{OUTSIDE}; it was not followed"
_LEAF_INDEX = lazy_pattern(r"^index(?:\.[A-Za-z_-]+)?\.(?:md|markdown|mdown|html?)$")
"""A leaf bundle's page (Hugo): the other files of its folder are its resources."""


@value_record
class Unreadable:
    path: Path
    reason: str


@value_record
class Discovered:
    files: list[str]
    """The files' paths as text (as given, or as the walk joined them): tens of thousands of
    Path objects would hold their parts, in the parent and in every worker."""
    unreadable: list[Unreadable]


Signature = tuple[int, ...] | None
"""A path's file type, size, modification and change time (ns) and inode, or only its type;
None when it does not exist (`gitignore.signature`)."""


@mutable_record
class Watch:
    """What a walk of the content folders looked at, taken before it was read: every folder it
    listed, every ignore file it read or looked for, and the top of the git work tree. While
    all of them keep their signature, walking again finds the same files (a file added to,
    removed from or renamed in a folder changes the folder's modification time), as git's
    untracked cache reasons."""

    paths: dict[str, Signature] = field(default_factory=dict)
    tops: dict[str, str] = field(default_factory=dict)
    """Each content folder's git work tree top (where ignore rules are read from)."""
    reliable: bool = True
    """False when the walk met a link or an unreadable folder: then it is walked every time."""

    def saw(self, path: str, kind_only: bool = False) -> None:
        if path not in self.paths:
            self.paths[path] = signature(path, kind_only=kind_only)


def unchanged(site: Site, paths: dict[str, Signature], tops: dict[str, str]) -> bool:
    """Whether a walk that saw these paths (and work tree tops) would find the same files now."""
    for path, known in paths.items():
        if signature(path, kind_only=known is not None and len(known) == 1) != known:
            return False
    if site.config.respect_gitignore:
        for folder, top in tops.items():
            if os.fspath(work_tree_top(Path(folder), site.root)) != top:
                return False
    return True


def discover(paths: list[Path], site: Site, *, force_exclude: bool = False) -> Discovered:
    files, unreadable = _found(paths, site, force_exclude=force_exclude)
    ordered = [os.fspath(given) for _key, given in sorted(files.items(), key=_posix_order)]
    return Discovered(ordered, unreadable)


def content_files(site: Site, watch: Watch | None = None) -> list[str]:
    """Every content file of the site (in the content folders, minus exclude), as a full run
    finds them, by their paths as text (quicker to find, for the index). With `watch`, what
    the walk looked at is recorded in it."""
    folders = [site.root / folder for folder in site.content_folders]
    if watch is not None:
        for folder in folders:
            watch.saw(os.path.abspath(folder))
    found = [folder for folder in folders if os.path.isdir(folder)]
    files, unreadable = _found(found, site, watch=watch)
    if watch is not None and unreadable:
        watch.reliable = False
    walked = list(files.values())
    if os.sep == "/" and all(type(given) is str for given in walked):
        return sorted(cast("list[str]", walked))  # as _posix_order orders them, at C speed
    return [os.fspath(given) for _key, given in sorted(files.items(), key=_posix_order)]


_NAME = attrgetter("name")


def _posix_order(item: tuple[str, Path | str]) -> str:
    given = item[1]
    return given.as_posix() if isinstance(given, Path) else given.replace(os.sep, "/")


def _found(
    paths: list[Path], site: Site, *, force_exclude: bool = False, watch: Watch | None = None
) -> tuple[dict[str, Path | str], list[Unreadable]]:
    include = gitignore(site.config.include, "include")
    exclude = gitignore(site.config.exclude, "exclude")
    files: dict[str, Path | str] = {}
    unreadable: list[Unreadable] = []
    git_ignores: dict[Path, GitIgnore] = {}

    def excluded(path: Path | str, is_dir: bool) -> bool:
        if not site.config.exclude:
            return False
        relative = site.site_path(path)
        return bool(relative) and exclude.match_file(relative + ("/" if is_dir else ""))

    def ignores_for(path: Path, is_dir: bool) -> GitIgnore | None:
        if not site.config.respect_gitignore:
            return None
        top = work_tree_top(path if is_dir else path.parent, site.root)
        if watch is not None:
            watch.tops[os.path.abspath(path)] = os.fspath(top)
        if top not in git_ignores:
            git_ignores[top] = GitIgnore(top, watch.saw if watch is not None else None)
        return git_ignores[top]

    def git_ignored(path: Path, is_dir: bool) -> bool:
        ignores = ignores_for(path, is_dir)
        return ignores is not None and ignores.ignores_anywhere(str(path), is_dir)

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
            ignored = git_ignored(given, True)
            if force_exclude and (excluded(given, True) or ignored):
                continue
            # A folder named on the command line is walked even when git ignores it: then only
            # the .gitignore files inside it apply.
            ignores = GitIgnore(given) if ignored else ignores_for(given, True)
            leaves = site.config.generator.leaf_bundles
            _walk(
                given,
                include,
                excluded if site.config.exclude else None,
                ignores,
                files,
                unreadable,
                site.project,
                leaf_bundles=leaves,
                watch=watch,
            )
        elif stat.S_ISREG(mode):
            if not (force_exclude and (excluded(given, False) or git_ignored(given, False))):
                files.setdefault(os.path.normpath(given), given)
        else:
            unreadable.append(Unreadable(given, "not a regular file"))
    return files, unreadable


def _left_out(
    link: Path, project: ProjectRoot, unreadable: list[Unreadable], watch: Watch | None
) -> bool:
    """Whether the walk leaves out a link it met: one that leads out of the project, reported
    as not followed. A walk that met a link is not trusted to be the same next time (what the
    link leads to may change without the folders changing)."""
    if watch is not None:
        watch.reliable = False
    if project.leads_out(link):
        unreadable.append(Unreadable(link, _NOT_FOLLOWED))
        return True
    return False


def _walk(
    top: Path,
    include: Patterns,
    excluded: Callable[[Path | str, bool], bool] | None,
    ignores: GitIgnore | None,
    files: dict[str, Path | str],
    unreadable: list[Unreadable],
    project: ProjectRoot,
    *,
    leaf_bundles: bool = False,
    watch: Watch | None = None,
) -> None:
    """Every content file under top (`excluded`: None when nothing is). A link is followed
    only when it stays in the project."""
    endings = include.name_endings
    visited: set[tuple[int, int]] = set()
    stack = [(top, False)]
    while stack:
        folder, in_bundle = stack.pop()
        try:
            if watch is not None:
                watch.saw(os.path.abspath(folder))
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError as error:
            unreadable.append(Unreadable(folder, error.strerror or str(error)))
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in visited:
            continue
        visited.add(identity)
        absolute = os.path.abspath(folder)
        normal = os.path.join(os.path.normpath(folder), "")
        chain: Chain = ()
        ignores_here = None
        if ignores is not None:
            has_file = any(entry.name == ".gitignore" for entry in entries)
            chain = ignores.chain(absolute, has_ignore_file=has_file)
            if chain or ignores.has_exclude:
                ignores_here = ignores
        bundle_index = False
        if leaf_bundles and folder != top and not in_bundle:
            # A leaf bundle's other files, here and below, are its resources, not pages.
            in_bundle = bundle_index = any(_LEAF_INDEX.match(entry.name) for entry in entries)
        folders: list[os.DirEntry[str]] = []
        # The files in the order listed (the caller orders what the walk found); the folders
        # in reverse order of their names, so that the stack walks them in order.
        for entry in entries:
            # DirEntry's type tests follow symlinks like stat(), mostly without a system call.
            if entry.is_dir():
                folders.append(entry)
            elif entry.is_file() and (
                entry.name.endswith(endings) if endings else include.match_name(entry.name)
            ):
                if in_bundle and not (bundle_index and _LEAF_INDEX.match(entry.name)):
                    continue
                text = entry.path
                if excluded is not None and excluded(text, False):
                    continue
                if ignores_here and ignores_here.ignores(
                    os.path.join(absolute, entry.name), False, chain
                ):
                    continue
                if entry.is_symlink() and _left_out(Path(text), project, unreadable, watch):
                    continue
                files.setdefault(normal + entry.name, text)
        for entry in sorted(folders, key=_NAME, reverse=True):
            if entry.name.startswith(".") or entry.name in _SKIPPED_FOLDERS:
                continue
            path = Path(entry.path)
            if excluded is not None and excluded(path, True):
                continue
            if ignores_here and ignores_here.ignores(
                os.path.join(absolute, entry.name), True, chain
            ):
                continue
            if entry.is_symlink() and _left_out(path, project, unreadable, watch):
                continue
            stack.append((path, in_bundle))
