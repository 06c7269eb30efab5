"""--changed-since: the files that differ from a git ref, as a pull request would show them.

A file counts as changed when it was added, modified or renamed since the point where the
current branch left REF (git's `REF...HEAD`, the pull request's own diff), or is changed or new
in the working tree and not ignored (what an author has not committed yet). Deleted files are
not listed: there is nothing left to lint.
"""

from __future__ import annotations

import os
import subprocess
from typing import TYPE_CHECKING

from klm_lint.errors import UsageError
from klm_lint.site.discover import Discovered

if TYPE_CHECKING:
    from pathlib import Path


def changed_files(folder: Path, ref: str) -> set[str]:
    """The real paths of the files changed since ref, in the git repository holding folder."""
    toplevel = _git(folder, "rev-parse", "--show-toplevel", failure=_not_a_repository(folder))
    top = toplevel.strip()
    if ref.startswith("-") or not ref.strip():
        raise UsageError(f"--changed-since: unknown git ref {ref!r}")
    commit = _git(
        folder,
        "rev-parse",
        "--verify",
        "--quiet",
        f"{ref}^{{commit}}",
        failure=f"--changed-since: unknown git ref {ref!r} in {top}",
    ).strip()
    base = _merge_base(folder, commit)
    listed = _git(
        top,
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--ignore-submodules",
        "--diff-filter=ACMRT",
        base,
        "--",
        failure=f"--changed-since: git cannot compare the working tree with {ref!r}",
    )
    untracked = _git(
        top,
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        failure=f"--changed-since: git cannot list the new files in {top}",
    )
    names = [name for name in (listed + untracked).split("\0") if name]
    return {os.path.realpath(os.path.join(top, name)) for name in names}


def only_changed(discovered: Discovered, changed: set[str]) -> Discovered:
    kept = [path for path in discovered.files if os.path.realpath(path) in changed]
    return Discovered(kept, discovered.unreadable)


def _merge_base(folder: Path, commit: str) -> str:
    """Where HEAD left commit; commit itself when they share no history (or there is no HEAD)."""
    found = _run(folder, "merge-base", commit, "HEAD")
    return found.stdout.strip() if found.returncode == 0 and found.stdout.strip() else commit


def _git(folder: Path | str, *arguments: str, failure: str) -> str:
    done = _run(folder, *arguments)
    if done.returncode != 0:
        said = next((line for line in done.stderr.splitlines() if line.strip()), "")
        said = said.removeprefix("fatal: ").strip()
        if said and "not a git repository" not in said:
            failure = f"{failure} (git: {said})"
        raise UsageError(failure)
    return done.stdout


def _run(folder: Path | str, *arguments: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and git is not installed") from None
    except OSError as error:
        raise UsageError(f"--changed-since: cannot run git ({error.strerror})") from None


def _not_a_repository(folder: Path) -> str:
    return f"--changed-since needs a git repository, and {folder} is not in one"
