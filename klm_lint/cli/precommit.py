"""Under pre-commit: one run's output, however many batches pre-commit cuts the files into.

pre-commit passes the files to a hook on its command line and starts the hook once per batch
that fits one (`pre_commit/xargs.py`: at most 2**17 bytes on POSIX, 2**15 - 2048 characters on
Windows), one batch after the other with `require_serial: true`, and shows their outputs one
after the other: each with its own summary, and each building the whole-site index again.

So the first batch of a run that pre-commit may have cut lints the files that follow it too,
found as pre-commit finds them (the staged files, or every tracked one, or those changed
between the refs pre-commit names), and says so in a ledger in the repository's git folder.
The batches after it find their files there and end at once, quietly. A batch that finds files
the first one did not lint (pre-commit's own `files`/`exclude` can make the lists differ) lints
those, so no file goes unlinted; the price is a second summary. A run that fits on one command
line, as every ordinary commit does, is linted exactly as pre-commit passed it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from klm_lint.engine.result import Result

HOOK_TYPES = (".md", ".markdown", ".mdx")
"""The extensions pre-commit tags markdown or mdx (the hook's types_or)."""
FIX_HOOK = "klm-lint-fix"
LONGEST_NAME = 4096
"""No name pre-commit passes is longer (PATH_MAX): a batch with this much room left was not cut."""
SPELLING_SLACK = 1024
"""How much longer pre-commit's spelling of this command may be than ours."""
LEDGER_LIFETIME = 3600.0
"""Batches of one run follow each other within seconds; an older ledger is another run's."""
LISTED_FILES = 5
"""A fix command names at most this many files; beyond, it names them all another way."""


@dataclass(frozen=True, slots=True)
class Batch:
    paths: list[str]
    """What this process lints."""
    done: bool = False
    """The first batch of the run linted all of this batch's files already: end quietly."""


def plan_batch(
    paths: Sequence[str],
    command: Sequence[str],
    environ: Mapping[str, str] = os.environ,
) -> Batch:
    """What this process should lint of the files pre-commit passed it (paths, in its order)."""
    if not paths:
        return Batch(list(paths))
    ledger = _ledger_path(paths, command)
    if ledger is not None:
        known = _read_ledger(ledger)
        if known is not None and paths[0] > known[1]:
            linted = set(known[0])
            rest = [path for path in paths if path not in linted]
            if paths[-1] >= max(known[0], default=""):
                _remove(ledger)  # the run's last file: the run is over
            else:
                _write_ledger(ledger, [*known[0], *rest], last=paths[-1])
            return Batch(rest, done=not rest)
    if ledger is None or not possibly_cut(command):
        return Batch(list(paths))
    every = [*paths, *files_after(paths, environ)]
    if not _write_ledger(ledger, every, last=paths[-1]):
        return Batch(list(paths))  # the batches after this one could not find it
    return Batch(every)


def possibly_cut(command: Sequence[str]) -> bool:
    """Whether pre-commit could have left files for another batch after this command line."""
    if os.name == "nt":  # pragma: no cover - pre-commit counts UTF-16 code units there
        length = len(" ".join(command).encode("utf-16-le")) // 2 + 1
    else:
        length = len(" ".join(command).encode(sys.getfilesystemencoding(), "surrogateescape")) + 1
    return length + LONGEST_NAME + 1 + SPELLING_SLACK >= command_limit()


def command_limit() -> int:
    """pre-commit's longest command line, as its xargs computes it (from this environment,
    which holds a little more than pre-commit's: the limit comes out a little lower)."""
    if os.name == "nt":  # pragma: no cover
        return 2**15 - 2048
    if os.name != "posix":  # pragma: no cover
        return 2**12
    environment = getattr(os, "environb", os.environ)
    size = 8 * len(environment) + sum(len(k) + len(v) + 2 for k, v in environment.items())
    return max(min(os.sysconf("SC_ARG_MAX") - 2048 - size, 2**17), 2**12)


def files_after(paths: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """The files pre-commit would pass after paths, found the way pre-commit finds them."""
    source, target = environ.get("PRE_COMMIT_FROM_REF"), environ.get("PRE_COMMIT_TO_REF")
    if source and target:
        candidates = _git("diff", "--name-only", "--no-ext-diff", "-z", f"{source}...{target}")
    else:
        staged = _git(
            "diff", "--staged", "--name-only", "--no-ext-diff", "-z", "--diff-filter=ACMRTUXB"
        )
        everything = set(paths) <= set(staged)
        candidates = staged if everything else _git("ls-files", "-z")
    last = paths[-1]
    return [
        name
        for name in candidates
        if name > last
        and name.lower().endswith(HOOK_TYPES)
        and os.path.isfile(name)
        and not os.path.islink(name)
    ]


def fix_commands(result: Result, environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """The commands that apply the safe and the unsafe fixes, as the author can run them here."""
    from klm_lint.findings import Applicability

    safe: list[str] = []
    unsafe: list[str] = []
    for finding in result.findings:
        if finding.fix is not None:
            into = safe if finding.fix.applicability is Applicability.SAFE else unsafe
            if finding.path not in into:
                into.append(finding.path)
    if _config_has_fix_hook():
        hook = f"pre-commit run {FIX_HOOK} --hook-stage manual"
        files = f" --files {_listed(safe)}" if 0 < len(safe) <= LISTED_FILES else " --all-files"
        safe_command = hook + files
    else:
        safe_command = "klm-lint --fix" + _some(safe)
    return safe_command, "klm-lint --fix --unsafe-fixes" + _some(unsafe)


def _some(paths: list[str]) -> str:
    return f" {_listed(paths)}" if 0 < len(paths) <= LISTED_FILES else ""


def _listed(paths: list[str]) -> str:
    return " ".join(shlex.quote(path) for path in paths)


def _config_has_fix_hook() -> bool:
    """Whether the repository's .pre-commit-config.yaml lists the fix hook."""
    import yaml

    from klm_lint.files import NAMED_FILE_LIMIT, ProjectRoot, Refused, read_regular

    try:
        raw, _info = read_regular(
            ".pre-commit-config.yaml", NAMED_FILE_LIMIT, ProjectRoot.at(os.getcwd())
        )
        config = yaml.safe_load(raw.decode("utf-8"))
    except (Refused, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return False
    repositories = config.get("repos") if isinstance(config, dict) else None
    return any(
        isinstance(hook, dict) and hook.get("id") == FIX_HOOK
        for repository in (repositories if isinstance(repositories, list) else [])
        if isinstance(repository, dict)
        for hook in (repository.get("hooks") or [])
    )


def _ledger_path(paths: Sequence[str], command: Sequence[str]) -> Path | None:
    """The ledger of this hook in this pre-commit run: named by pre-commit's process (this
    process's parent) and this hook's options."""
    found = _git("rev-parse", "--absolute-git-dir", separator="\n")
    if not found:
        return None
    named = set(paths)
    options = [word for word in command[2:] if word not in named]
    started = _started(os.getppid())
    key = json.dumps([os.getcwd(), options, started])
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(found[0]) / f"klm-lint-pre-commit-{os.getppid()}-{digest}.json"


def _started(pid: int) -> str:
    """When the process started, where the system says (Linux), so that a reused process id
    is not taken for the same run."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


def _read_ledger(path: Path) -> tuple[list[str], str] | None:
    """The files the run linted so far, and the last file of the last batch."""
    try:
        if time.time() - path.stat().st_mtime > LEDGER_LIFETIME:
            return None
        loaded = json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
    except (OSError, ValueError):
        return None
    if not isinstance(loaded, dict):
        return None
    linted, last = loaded.get("linted"), loaded.get("last")
    if not isinstance(linted, list) or not isinstance(last, str):
        return None
    return [str(name) for name in linted], last


def _write_ledger(path: Path, linted: list[str], *, last: str) -> bool:
    text = json.dumps({"linted": linted, "last": last})
    try:
        for old in path.parent.glob("klm-lint-pre-commit-*.json"):
            if time.time() - old.stat().st_mtime > LEDGER_LIFETIME:
                old.unlink(missing_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
    except OSError:
        return False
    return True


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return


def _git(*arguments: str, separator: str = "\0") -> list[str]:
    """git's answer in the working directory (pre-commit runs hooks at the repository's root);
    nothing when git cannot tell."""
    try:
        done = subprocess.run(
            ["git", *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError:
        return []
    if done.returncode != 0:
        return []
    return [name for name in done.stdout.split(separator) if name]
