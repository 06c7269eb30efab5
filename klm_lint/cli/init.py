"""`klm-lint init`: write a commented klm-lint.toml for a project, from what it already holds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from klm_lint.cli.apps import command_app

if TYPE_CHECKING:
    from klm_lint.api import Initialised

app = command_app()


@app.command()
def init(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="The project's root folder (default: the working directory)."
        ),
    ] = Path("."),
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print the config instead of writing it."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the project's config if it has one."),
    ] = False,
    preset: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            "--preset", metavar="NAME", help="Use this preset instead of the one detected."
        ),
    ] = None,
) -> None:
    """Write a commented klm-lint.toml: the generator's preset, the schemas the site declares
    for its CMS, and schemas inferred from the content. Then lint the content with it and say
    how many files pass.
    """
    from klm_lint.api import init_config

    done = init_config(path, preset=preset, force=force, dry_run=dry_run)
    if dry_run:
        sys.stdout.write(done.text)
        sys.stderr.write(_summary(done))
        return
    sys.stdout.write(_summary(done))


def _summary(done: Initialised) -> str:
    from klm_lint.load.paths import display_path
    from klm_lint.load.text import printable

    shown = display_path(done.path)
    verb = "Wrote" if done.written else "Would write"
    parts = [f"preset {done.preset} ({done.reason})"]
    if done.inferred:
        parts.append(f"schemas inferred from {_count(done.inferred, 'file')}")
    if done.declared:
        parts.append(f"the schemas the site declares: {', '.join(done.declared)}")
    lines = [f"{verb} {shown}: {'; '.join(parts)}."]
    if done.shadowed is not None:
        lines.append(
            f"It takes the place of the [tool.klm-lint] table of {display_path(done.shadowed)}, "
            "which klm-lint no longer reads; remove the table."
        )
    lines.append(_outcome(done))
    return "\n".join(printable(line) for line in lines) + "\n"


def _outcome(done: Initialised) -> str:
    from klm_lint.findings import Severity

    result = done.result
    with_errors = {f.path for f in result.findings if f.severity is Severity.ERROR}
    with_any = {f.path for f in result.findings}
    total = result.files
    if not with_any:
        return f"With it, all {_count(total, 'file')} pass with no finding."
    counts = " and ".join(
        _count(count, noun)
        for count, noun in ((result.errors, "error"), (result.warnings, "warning"))
        if count
    )
    where = f"{_count(len(with_any), 'file')} {'has' if len(with_any) == 1 else 'have'} {counts}"
    passing = total - len(with_errors)
    start = (
        f"With it, {passing} of {_count(total, 'file')} pass"
        if with_errors
        else (f"With it, all {_count(total, 'file')} pass")
    )
    return f"{start}; {where}. Run klm-lint to see them."


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
