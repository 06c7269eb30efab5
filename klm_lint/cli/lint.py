"""The lint command: arguments → LintOptions → api.lint → a report → the exit code."""

from __future__ import annotations

import dataclasses
import os
import sys
from enum import Enum
from pathlib import Path  # noqa: TC003 - typer reads the annotations at run time
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from klm_lint.errors import KlmLintError, UsageError
from klm_lint.version import __version__

if TYPE_CHECKING:
    import datetime as dt

    from klm_lint.api import LintOptions
    from klm_lint.engine.result import Result
    from klm_lint.report import ReportOptions

from klm_lint.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


class OutputFormat(str, Enum):
    auto = "auto"
    full = "full"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    github = "github"
    sarif = "sarif"
    junit = "junit"


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
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="How to report findings (auto: github under GitHub Actions, else full).",
        ),
    ] = OutputFormat.auto,
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output-file",
            metavar="FILE",
            help="Write the report to FILE; standard output still gets the findings.",
        ),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude", help="Apply the config's exclude to files named on the command line."
        ),
    ] = False,
    changed_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="REF", help="Lint only the content files changed since this git ref."),
    ] = None,
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
            "--statistics",
            help=(
                "Instead of each finding, a site summary: findings by rule, folder and "
                "author; drafts and scheduled posts."
            ),
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
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Print the effective settings and where each comes from, and exit.",
        ),
    ] = False,
    show_files: Annotated[
        bool,
        typer.Option(
            "--show-files", help="List each file to lint with its collection and schema, and exit."
        ),
    ] = False,
    version: Annotated[bool, typer.Option("--version", help="Show the version, and exit.")] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Processes to lint with (default: one per core for large runs, else one).",
        ),
    ] = None,
    cache: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--cache/--no-cache",
            help="Keep the whole-site index between runs (default: the config's cache).",
        ),
    ] = None,
    now: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--now",
            metavar="DATE",
            help="Judge scheduled posts as of this date (YYYY-MM-DD or ISO date-time, UTC).",
        ),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes marked unsafe.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show the changes --fix would make, as a diff; write nothing."),
    ] = False,
    show_fixes: Annotated[
        bool, typer.Option("--show-fixes", help="List what --fix fixed.")
    ] = False,
    no_suppressions: Annotated[
        bool,
        typer.Option("--no-suppressions", help="Ignore klm-lint suppression comments (audits)."),
    ] = False,
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--baseline", metavar="FILE", help="Report only findings this baseline does not know."
        ),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--write-baseline", metavar="FILE", help="Record today's findings as the baseline."
        ),
    ] = None,
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
    if show_settings or show_files:
        from klm_lint.api import LintOptions

        shown = LintOptions(
            config=config,
            select=_split(select),
            ignore=_split(ignore) or (),
            force_exclude=force_exclude,
            changed_since=changed_since,
            cache=cache,
        )
        _show(paths or [], shown, settings=show_settings)
        raise typer.Exit(EXIT_OK)
    report_format = _chosen_format(output_format, statistics=statistics)
    terminal_format = report_format if output_file is None else _chosen_format(OutputFormat.auto)
    if baseline is not None and write_baseline is not None:
        raise UsageError("--baseline and --write-baseline do not go together")
    if (fix or diff) and write_baseline is not None:
        raise UsageError("--write-baseline records findings; run --fix separately first")
    from klm_lint.api import LintOptions, lint
    from klm_lint.cli.progress import ProgressBar

    options = LintOptions(
        config=config,
        select=_split(select),
        ignore=_split(ignore) or (),
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        suppressions=not no_suppressions,
        baseline=baseline,
        force_exclude=force_exclude,
        changed_since=changed_since,
        now=_parse_now(now),
        statistics=statistics,
        jobs=jobs,
        cache=cache,
        debug=debug,
    )
    bar = ProgressBar(human_report=terminal_format in ("full", "concise") and not quiet)
    try:
        result = lint(paths or [], options, progress=bar)
    finally:
        bar.close()
    for details in result.tracebacks:
        sys.stderr.write(details)
    for note in result.notes:
        sys.stderr.write(f"klm-lint: warning: {note}\n")
    if write_baseline is not None:
        from klm_lint.engine.baseline import write

        count = write(write_baseline, result.findings)
        sys.stderr.write(f"Wrote {count} finding(s) to the baseline {write_baseline}.\n")
        raise typer.Exit(EXIT_OK)
    if diff:
        sys.stdout.write("".join(result.diffs))
        sys.stderr.write(f"Would fix {len(result.fixed)} finding(s).\n")
        raise typer.Exit(EXIT_FINDINGS if result.diffs else EXIT_OK)
    from klm_lint.report import ReportOptions, reporter

    report_options = ReportOptions(
        statistics=statistics,
        quiet=quiet,
        fixing=fix or diff,
        show_fixes=show_fixes,
        unsafe_fixes=unsafe_fixes,
    )
    if output_file is not None:
        _write_report(output_file, report_format, result, report_options)
    reporter(terminal_format)(result, sys.stdout, report_options)
    raise typer.Exit(_exit_code(result, strict=strict, exit_zero=exit_zero))


def _parse_now(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    from klm_lint.site.dates import parse_moment

    moment = parse_moment(text.strip()) if text.strip() else None
    if moment is None:
        raise UsageError(
            f"--now {text!r} is not a date; write it as YYYY-MM-DD or 2024-05-01T09:00:00Z"
        )
    return moment


def _chosen_format(requested: OutputFormat, *, statistics: bool = False) -> str:
    name = requested.value
    if requested is OutputFormat.auto:
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"
    from klm_lint.report import STATISTICS_FORMATS

    if statistics and name not in STATISTICS_FORMATS:
        why = " (auto chose it: GITHUB_ACTIONS is true)" if requested is OutputFormat.auto else ""
        raise UsageError(
            f"--statistics does not go with --format {name}{why}; use full, concise or json"
        )
    return name


def _write_report(path: Path, name: str, result: Result, options: ReportOptions) -> None:
    from klm_lint.files import Refused, check_written_here
    from klm_lint.report import reporter

    try:
        check_written_here(path)
    except Refused as refused:
        raise KlmLintError(f"cannot write the report to {path} ({refused.reason})") from None
    try:
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            reporter(name)(result, stream, dataclasses.replace(options, color=False))
    except OSError as error:
        reason = error.strerror or str(error)
        raise KlmLintError(f"cannot write the report to {path} ({reason})") from None


def _exit_code(result: Result, *, strict: bool, exit_zero: bool) -> int:
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


def _show(paths: list[Path], options: LintOptions, *, settings: bool) -> None:
    """--show-settings and --show-files: what a run would use, in plain lines."""
    import json

    from klm_lint import api
    from klm_lint.load.text import printable

    if settings:
        for setting in api.settings(paths, options):
            value = json.dumps(setting.value, ensure_ascii=False, default=str)
            sys.stdout.write(printable(f"{setting.key} = {value}  # {setting.origin}") + "\n")
        return
    for shown, collection, schema in api.files(paths, options):
        where = f"{collection}  schema {schema}" if collection else "(no collection)"
        sys.stdout.write(printable(f"{shown}  {where}") + "\n")


def _explain(code: str) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    from klm_lint.checks.rulebook import load_page

    page = load_page(code)
    console = Console(highlight=False)
    if console.is_terminal:
        console.print(Markdown(page.body))
    else:
        sys.stdout.write(page.body + "\n")
