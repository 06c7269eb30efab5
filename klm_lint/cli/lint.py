"""The lint command: arguments → LintOptions → api.lint → a report → the exit code."""

from __future__ import annotations

import dataclasses
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from klm_lint.cli.apps import command_app
from klm_lint.cli.combinations import refuse_conflicts, refuse_unshown
from klm_lint.cli.help import CI, EPILOG, FIXING, OUTPUT, PERFORMANCE, RULES, SELECTION, LintCommand
from klm_lint.errors import KlmLintError, UsageError
from klm_lint.version import __version__

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console

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
    gitlab = "gitlab"
    rdjson = "rdjson"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


app = command_app("rich")


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@app.command(cls=LintCommand, epilog=EPILOG)
def lint(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(
            metavar="[PATHS]...",
            help="Files or folders to lint (default: the configured content folders).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            metavar="FORMAT",
            help="How to report findings: auto (github under GitHub Actions, else full), full, "
            "concise, json, json-lines, github, sarif or junit.",
            rich_help_panel=OUTPUT,
        ),
    ] = OutputFormat.auto,
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output-file",
            metavar="FILE",
            help="Write the report to FILE; standard output still gets the findings.",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Apply the config's exclude and what git ignores to the paths named too.",
            rich_help_panel=SELECTION,
        ),
    ] = False,
    changed_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="REF",
            help="Lint only the content files changed since this git ref.",
            rich_help_panel=CI,
        ),
    ] = None,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="CODES",
            help="Only these rules: codes, prefixes (KLM1) or names, comma-separated. Files "
            "that cannot be read (KLM000, KLM002, KLM003, KLM005, KLM006) are reported "
            "whatever it says; --ignore them to leave them out.",
            rich_help_panel=SELECTION,
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="CODES",
            help="Skip these rules: codes, prefixes or names, comma-separated.",
            rich_help_panel=SELECTION,
        ),
    ] = None,
    extend_select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--extend-select",
            metavar="CODES",
            help="Run these rules too, on top of --select or the config's select.",
            rich_help_panel=SELECTION,
        ),
    ] = None,
    extend_ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--extend-ignore",
            metavar="CODES",
            help="Skip these rules too (the same as --ignore, as in Ruff).",
            rich_help_panel=SELECTION,
        ),
    ] = None,
    respect_gitignore: Annotated[
        bool,
        typer.Option(
            "--respect-gitignore",
            help="Skip what git ignores when walking folders (the default).",
            rich_help_panel=SELECTION,
        ),
    ] = False,
    no_respect_gitignore: Annotated[
        bool,
        typer.Option(
            "--no-respect-gitignore",
            help="Walk into what git ignores too (or respect-gitignore = false in the config).",
            rich_help_panel=SELECTION,
        ),
    ] = False,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this config file instead of looking for one.",
            rich_help_panel=SELECTION,
        ),
    ] = None,
    preset: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--preset",
            metavar="NAME",
            help=(
                "The site's generator: nextjs, astro, docusaurus, eleventy, hugo, jekyll or "
                "zola (default: the config's preset, else detected from the project)."
            ),
            rich_help_panel=SELECTION,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings fail the run too.", rich_help_panel=CI)
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when there are findings.", rich_help_panel=CI
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help=(
                "Instead of each finding, a site summary: findings by rule, folder and "
                "author; drafts and scheduled posts."
            ),
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour in the full report: auto (on a terminal, unless NO_COLOR is set, or "
            "when FORCE_COLOR is), always or never.",
            rich_help_panel=OUTPUT,
        ),
    ] = ColorChoice.auto,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            help="Report errors only; warnings still count for --max-warnings.",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    no_summary: Annotated[
        bool,
        typer.Option(
            "--no-summary",
            help="Only the findings: no summary line or notes.",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    max_warnings: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--max-warnings",
            min=0,
            metavar="N",
            help="Fail (exit 1) when there are more than N warnings.",
            rich_help_panel=CI,
        ),
    ] = None,
    explain: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="RULE",
            help="Show the rule book's page for a rule (its code or name), and exit.",
            rich_help_panel=RULES,
        ),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule, and exit.", rich_help_panel=RULES)
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version, the Python that runs it and the config file a run here "
            "would use, and exit.",
            rich_help_panel=RULES,
        ),
    ] = False,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Print the effective settings and where each comes from, and exit.",
            rich_help_panel=RULES,
        ),
    ] = False,
    show_files: Annotated[
        bool,
        typer.Option(
            "--show-files",
            help="List each file to lint with its collection and schema, and exit.",
            rich_help_panel=RULES,
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the traceback of an internal error.", rich_help_panel=RULES
        ),
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Processes to lint with (default: one per core for large runs, else one).",
            rich_help_panel=PERFORMANCE,
        ),
    ] = None,
    cache: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--cache/--no-cache",
            help="Keep the whole-site index between runs (default: the config's cache).",
            rich_help_panel=PERFORMANCE,
        ),
    ] = None,
    now: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--now",
            metavar="DATE",
            help="Judge scheduled posts as of this date (YYYY-MM-DD or ISO date-time, UTC).",
            rich_help_panel=CI,
        ),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes in place.", rich_help_panel=FIXING)
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes", help="Also apply fixes marked unsafe.", rich_help_panel=FIXING
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show the changes --fix would make, as a diff; write nothing.",
            rich_help_panel=FIXING,
        ),
    ] = False,
    show_fixes: Annotated[
        bool, typer.Option("--show-fixes", help="List what --fix fixed.", rich_help_panel=FIXING)
    ] = False,
    no_suppressions: Annotated[
        bool,
        typer.Option(
            "--no-suppressions",
            help="Ignore klm-lint suppression comments (audits).",
            rich_help_panel=SELECTION,
        ),
    ] = False,
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report only findings this baseline does not know.",
            rich_help_panel=CI,
        ),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record today's findings as the baseline.",
            rich_help_panel=CI,
        ),
    ] = None,
    stdin_filename: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--stdin-filename",
            metavar="PATH",
            rich_help_panel=SELECTION,
            help=(
                "Lint standard input (PATHS: -) as if it were this file; with --fix, the fixed "
                "text goes to standard output and the report to standard error."
            ),
        ),
    ] = None,
) -> None:
    """Lint the front matter and MDX components of the site's content files."""
    refuse_conflicts(ctx)
    colour = {ColorChoice.always: True, ColorChoice.never: False}.get(color)
    if version:
        _version(config, paths or [])
        raise typer.Exit(EXIT_OK)
    if list_rules:
        _list_rules(colour)
        raise typer.Exit(EXIT_OK)
    if explain is not None:
        _explain(explain, colour)
        raise typer.Exit(EXIT_OK)
    if show_settings or show_files:
        from klm_lint.api import LintOptions

        shown = LintOptions(
            config=config,
            preset=preset,
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
    refuse_unshown(ctx, terminal_format, report_format if output_file is not None else None)
    if baseline is not None and write_baseline is not None:
        raise UsageError("--baseline and --write-baseline do not go together")
    if (fix or diff) and write_baseline is not None:
        raise UsageError("--write-baseline records findings; run --fix separately first")
    pre_commit = os.environ.get("PRE_COMMIT") == "1"
    if pre_commit and paths:
        from klm_lint.cli.precommit import plan_batch

        batch = plan_batch([str(path) for path in paths], [sys.executable, *sys.argv])
        if batch.done:
            raise typer.Exit(EXIT_OK)  # pre-commit's first batch linted these files
        paths = [Path(path) for path in batch.paths]
    from klm_lint.api import LintOptions, lint
    from klm_lint.cli.progress import ProgressBar

    options = LintOptions(
        config=config,
        preset=preset,
        select=_split(select),
        ignore=(_split(ignore) or []) + (_split(extend_ignore) or []),
        extend_select=_split(extend_select) or (),
        respect_gitignore=(respect_gitignore or None) and True
        if not no_respect_gitignore
        else False,
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
    from klm_lint.cli.stdin import lint_stdin, reads_stdin, write_through

    report_stream = sys.stdout
    if reads_stdin(paths, stdin_filename):
        result, fixed_text = lint_stdin(
            paths, stdin_filename, options, writes_baseline=write_baseline is not None
        )
        if fixed_text is not None:
            write_through(fixed_text)
            report_stream = sys.stderr
    else:
        bar = ProgressBar(human_report=terminal_format in ("full", "concise") and not no_summary)
        try:
            result = lint(paths or [], options, progress=bar)
        finally:
            bar.close()
    for details in result.tracebacks:
        sys.stderr.write(details)
    human = terminal_format in ("full", "concise")
    if result.detected is not None and result.preset != "nextjs" and human:
        sys.stderr.write(_detected_line(result.preset, result.detected))
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
        raise typer.Exit(EXIT_FINDINGS if result.diffs and not exit_zero else EXIT_OK)
    from klm_lint.report import ReportOptions, reporter

    reported = _errors_only(result) if quiet else result
    report_options = ReportOptions(
        statistics=statistics,
        summary=not no_summary,
        hidden_warnings=result.warnings - reported.warnings,
        fixing=fix or diff,
        show_fixes=show_fixes,
        unsafe_fixes=unsafe_fixes,
        color=colour,
    )
    if pre_commit:
        from klm_lint.cli.precommit import fix_commands

        safe_command, unsafe_command = fix_commands(reported)
        report_options = dataclasses.replace(
            report_options, safe_fix_command=safe_command, unsafe_fix_command=unsafe_command
        )
    if output_file is not None:
        _write_report(output_file, report_format, reported, report_options)
    reporter(terminal_format)(reported, report_stream, report_options)
    code = _exit_code(result, strict=strict, exit_zero=exit_zero, max_warnings=max_warnings)
    raise typer.Exit(code)


def _detected_line(preset: str, reason: str) -> str:
    """One line on stderr when the project's files chose a preset other than the default (the
    default needs no announcement)."""
    return (
        f"klm-lint: using the {preset} preset, as {reason}; set preset in klm-lint.toml or "
        "pass --preset to choose another.\n"
    )


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


def _errors_only(result: Result) -> Result:
    from klm_lint.findings import Severity

    errors = [finding for finding in result.findings if finding.severity is Severity.ERROR]
    return dataclasses.replace(result, findings=errors)


def _exit_code(
    result: Result, *, strict: bool, exit_zero: bool, max_warnings: int | None = None
) -> int:
    if result.internal_errors:
        return EXIT_ERROR
    too_many = max_warnings is not None and result.warnings > max_warnings
    if too_many:
        sys.stderr.write(
            f"klm-lint: {result.warnings} warnings, more than --max-warnings {max_warnings} "
            "allows.\n"
        )
    if exit_zero:
        return EXIT_OK
    failing = result.errors + (result.warnings if strict else 0)
    return EXIT_FINDINGS if failing or too_many else EXIT_OK


def _version(config: Path | None, paths: list[Path]) -> None:
    """The version, the Python that runs it, and the config file a run would use."""
    import platform

    from klm_lint.config.discovery import find_config_file

    if config is not None:
        where = f"{config} (--config)" if config.is_file() else f"{config} (--config: no such file)"
    else:
        start = _start_folder(paths)
        found = find_config_file(start)
        where = str(found) if found else f"none found from {start} upward; the defaults apply"
    python = f"{platform.python_implementation()} {platform.python_version()}"
    typer.echo(f"klm-lint {__version__}\nPython: {python} ({sys.executable})\nConfig: {where}")


def _start_folder(paths: list[Path]) -> Path:
    """Where a run with these paths looks for its config (as the api does)."""
    if not paths:
        return Path.cwd()
    common = Path(os.path.commonpath([os.path.abspath(path) for path in paths]))
    return common if common.is_dir() else common.parent


def _list_rules(colour: bool | None) -> None:
    from rich.table import Table

    from klm_lint.checks import ALL_RULES

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("Code", "Name", "Severity", "Fix", "Summary"):
        table.add_column(column)
    for rule in ALL_RULES:
        fix = rule.fix.value if rule.fix else ""
        table.add_row(rule.code, rule.name, rule.severity.value, fix, rule.summary)
    _console(colour, soft_wrap=True).print(table)


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


def _explain(code: str, colour: bool | None) -> None:
    from rich.markdown import Markdown

    from klm_lint.checks.rulebook import load_page

    page = load_page(code)
    console = _console(colour)
    if console.is_terminal:
        console.print(Markdown(page.body))
    else:
        sys.stdout.write(page.body + "\n")


def _console(colour: bool | None, *, soft_wrap: bool = False) -> Console:
    """A console for stdout that follows --color, NO_COLOR and FORCE_COLOR."""
    from rich.console import Console

    if colour is None:
        if os.environ.get("NO_COLOR"):
            colour = False
        elif os.environ.get("FORCE_COLOR"):
            colour = True
    return Console(
        highlight=False,
        markup=False,
        soft_wrap=soft_wrap,
        force_terminal=colour,
        no_color=colour is False,
    )
