"""The command line: arguments → config → engine → report → exit code."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from klm_lint import __version__
from klm_lint.errors import KlmLintError

if TYPE_CHECKING:
    from klm_lint.engine import RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"


app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@app.command()
def lint(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(
            metavar="PATHS",
            help="Files or folders to lint (default: the configured content folders).",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to report findings.")
    ] = OutputFormat.full,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="CODES",
            help="Only these rules: codes, prefixes (KLM1) or names, comma-separated.",
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="CODES", help="Skip these rules: codes, prefixes or names, comma-separated."
        ),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config", metavar="FILE", help="Use this config file instead of looking for one."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Show how often each rule fired instead of each finding."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only findings: no summary line.")
    ] = False,
    explain: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="CODE", help="Show the rule book's page for a rule, and exit."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule, and exit.")
    ] = False,
    version: Annotated[bool, typer.Option("--version", help="Show the version, and exit.")] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Lint the front matter and MDX components of the site's content files."""
    if version:
        typer.echo(f"klm-lint {__version__}")
        raise typer.Exit(EXIT_OK)
    if list_rules:
        _list_rules()
        raise typer.Exit(EXIT_OK)
    if explain is not None:
        _explain(explain)
        raise typer.Exit(EXIT_OK)
    result = _run(paths or [], config, _split(select), _split(ignore), debug=debug)
    from klm_lint.report import ReportOptions, reporter

    options = ReportOptions(statistics=statistics, quiet=quiet)
    reporter(output_format.value)(result, sys.stdout, options)
    raise typer.Exit(_exit_code(result, strict=strict, exit_zero=exit_zero))


def _run(
    paths: list[Path],
    config_file: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    *,
    debug: bool,
) -> RunResult:
    from klm_lint.config import find_config_file, find_project_root, load_config
    from klm_lint.discover import discover
    from klm_lint.engine import Linter
    from klm_lint.errors import ConfigError
    from klm_lint.selection import build_selection
    from klm_lint.site import Site

    start = _common_folder(paths) if paths else Path.cwd()
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such config file")
    discovered = None if config_file else find_config_file(start)
    found = config_file or discovered
    loaded = load_config(found)
    root = discovered.parent if discovered is not None else find_project_root(start)
    site = Site(root, loaded.config, found)
    selection = build_selection(loaded.config, select, ignore)
    if not paths:
        paths = [root / folder for folder in loaded.config.content if (root / folder).is_dir()]
        if not paths:
            folders = ", ".join(f"{folder}/" for folder in loaded.config.content)
            raise KlmLintError(f"no content folder ({folders}) in {root}; name the files to lint")
    files = discover(paths, site)
    return Linter(site, selection, debug=debug).run(files.files, files.unreadable)


def _common_folder(paths: list[Path]) -> Path:
    absolute = [os.path.abspath(path) for path in paths]
    common = Path(os.path.commonpath(absolute))
    return common if common.is_dir() else common.parent


def _exit_code(result: RunResult, *, strict: bool, exit_zero: bool) -> int:
    if result.internal_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = result.errors + (result.warnings if strict else 0)
    return EXIT_FINDINGS if failing else EXIT_OK


def _list_rules() -> None:
    from rich.console import Console
    from rich.table import Table

    from klm_lint.checks import ALL_RULES

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("Code", "Name", "Severity", "Fix", "Summary"):
        table.add_column(column)
    for rule in ALL_RULES:
        fix = rule.fix.value if rule.fix else ""
        table.add_row(rule.code, rule.name, rule.severity.value, fix, rule.summary)
    Console(highlight=False, markup=False, soft_wrap=True).print(table)


def _explain(code: str) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    from klm_lint.rulebook import load_page

    page = load_page(code)
    console = Console(highlight=False)
    if console.is_terminal:
        console.print(Markdown(page.body))
    else:
        sys.stdout.write(page.body + "\n")


def main(argv: list[str] | None = None) -> None:
    """The console script: one line on stderr and exit 2 for any error a user can cause."""
    command = typer.main.get_command(app)
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = command.main(args=argv, prog_name="klm-lint", standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except KlmLintError as error:
        _fail(error.message)
    except typer.TyperException as error:
        _fail(error.format_message() if hasattr(error, "format_message") else str(error))
    except (KeyboardInterrupt, typer.Abort):
        _fail("interrupted")
    except Exception as error:
        if debug:
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (please report it)")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str) -> None:
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    sys.stderr.write(f"klm-lint: error: {first_line}\n")
    sys.exit(EXIT_ERROR)
