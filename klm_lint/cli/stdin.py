"""`klm-lint - --stdin-filename PATH`: standard input linted (or fixed) as if it were PATH.

Editors and formatter chains pipe a buffer through it. The text is linted as the file would be
(its collection and schema, the whole-site rules against the rest of the site on disk, its
suppressions); with --fix, the fixed text goes to standard output and the report to standard
error, as Ruff does; the file itself is never read or written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.errors import UsageError

if TYPE_CHECKING:
    from klm_lint.api import LintOptions
    from klm_lint.engine.result import Result

STDIN = "-"


def reads_stdin(paths: list[Path] | None, stdin_filename: Path | None) -> bool:
    """Whether the command line asks for standard input: `-` among the paths, or a name."""
    return stdin_filename is not None or any(str(path) == STDIN for path in paths or [])


def lint_stdin(
    paths: list[Path] | None,
    stdin_filename: Path | None,
    options: LintOptions,
    *,
    writes_baseline: bool = False,
) -> tuple[Result, bytes | None]:
    """The result for standard input, and with fix, the bytes to write to standard output."""
    from klm_lint.engine.fixes import unified_diff
    from klm_lint.load.paths import display_path
    from klm_lint.load.text import Decoded, decode
    from klm_lint.workspace import Workspace

    others = [str(path) for path in paths or [] if str(path) != STDIN]
    if others:
        raise UsageError(f"- (standard input) does not go with other paths ({others[0]})")
    if stdin_filename is None:
        raise UsageError(
            "reading standard input needs --stdin-filename PATH: the path says which "
            "collection and schema the text is checked against"
        )
    for given, option in (
        (options.changed_since is not None, "--changed-since"),
        (options.statistics, "--statistics"),
        (writes_baseline, "--write-baseline"),
    ):
        if given:
            raise UsageError(f"{option} does not go with standard input")
    workspace = Workspace(_existing_folder(stdin_filename), options)
    limit = workspace.site.config.max_file_size
    raw = sys.stdin.buffer.read(limit + 1)
    if not (options.fix or options.diff):
        return workspace.lint_text(stdin_filename, raw), None
    fixed, result = workspace.fix_text(stdin_filename, raw)
    if options.diff:
        before, after = decode(raw), decode(fixed)
        if fixed != raw and isinstance(before, Decoded) and isinstance(after, Decoded):
            shown = display_path(stdin_filename)
            diff, escaped = unified_diff(shown, before.text, after.text)
            result.diffs.append(diff)
            if escaped:
                result.notes.append(
                    f"{shown}: the diff shows control characters as pictures (␛), so it does "
                    "not apply to the text as it is; use --fix to apply it."
                )
        return result, None
    return result, fixed


def write_through(fixed: bytes) -> None:
    """The fixed text on standard output, and the rest of standard input after it when it was
    too large to be read (it went through unchanged)."""
    import shutil

    output = sys.stdout.buffer
    output.write(fixed)
    shutil.copyfileobj(sys.stdin.buffer, output)
    output.flush()


def _existing_folder(path: Path) -> Path:
    """The folder the config is looked for from: the file's, or the nearest that exists."""
    folder = Path(os.path.abspath(path)).parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder
