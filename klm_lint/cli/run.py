"""The lint command: arguments → LintOptions → api.lint → a report → the exit code.

It reads an Invocation, made by typer (cli/lint.py) or by the fast path (cli/fast.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.cli.choices import ColorChoice, OutputFormat
from klm_lint.cli.combinations import refuse_conflicts, refuse_unshown
from klm_lint.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from klm_lint.errors import KlmLintError, UsageError
from klm_lint.records import replace
from klm_lint.version import __version__

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console

    from klm_lint.api import LintOptions
    from klm_lint.cli.invocation import Invocation
    from klm_lint.engine.result import Result
    from klm_lint.report import ReportOptions


def _split(values: list[str] | tuple[str, ...] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def run(call: Invocation) -> int:
    """Lint (or show what was asked), and return the exit code."""
    refuse_conflicts(call)
    values = call.params
    paths: list[Path] = list(values["paths"] or ())
    output_format = values["output_format"]
    output_file = values["output_file"]
    force_exclude = values["force_exclude"]
    changed_since = values["changed_since"]
    select = values["select"]
    ignore = values["ignore"]
    extend_select = values["extend_select"]
    extend_ignore = values["extend_ignore"]
    respect_gitignore = values["respect_gitignore"]
    no_respect_gitignore = values["no_respect_gitignore"]
    config = values["config"]
    preset = values["preset"]
    strict = values["strict"]
    exit_zero = values["exit_zero"]
    statistics = values["statistics"]
    color = values["color"]
    quiet = values["quiet"]
    no_summary = values["no_summary"]
    max_warnings = values["max_warnings"]
    explain = values["explain"]
    list_rules = values["list_rules"]
    version = values["version"]
    show_settings = values["show_settings"]
    show_files = values["show_files"]
    debug = values["debug"]
    jobs = values["jobs"]
    cache = values["cache"]
    now = values["now"]
    fix = values["fix"]
    unsafe_fixes = values["unsafe_fixes"]
    diff = values["diff"]
    show_fixes = values["show_fixes"]
    no_suppressions = values["no_suppressions"]
    baseline = values["baseline"]
    write_baseline = values["write_baseline"]
    stdin_filename = values["stdin_filename"]
    colour = {ColorChoice.always: True, ColorChoice.never: False}.get(color)
    if version:
        _version(config, paths or [])
        return EXIT_OK
    if list_rules:
        _list_rules(colour)
        return EXIT_OK
    if explain is not None:
        _explain(explain, colour)
        return EXIT_OK
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
        return EXIT_OK
    report_format = _chosen_format(output_format, statistics=statistics)
    terminal_format = report_format if output_file is None else _chosen_format(OutputFormat.auto)
    refuse_unshown(call, terminal_format, report_format if output_file is not None else None)
    if baseline is not None and write_baseline is not None:
        raise UsageError("--baseline and --write-baseline do not go together")
    if (fix or diff) and write_baseline is not None:
        raise UsageError("--write-baseline records findings; run --fix separately first")
    pre_commit = os.environ.get("PRE_COMMIT") == "1"
    if pre_commit and paths:
        from klm_lint.cli.precommit import plan_batch

        batch = plan_batch([str(path) for path in paths], [sys.executable, *sys.argv])
        if batch.done:
            return EXIT_OK  # pre-commit's first batch linted these files
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
        return EXIT_OK
    if diff:
        sys.stdout.write("".join(result.diffs))
        sys.stderr.write(f"Would fix {len(result.fixed)} finding(s).\n")
        return EXIT_FINDINGS if result.diffs and not exit_zero else EXIT_OK
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
        report_options = replace(
            report_options, safe_fix_command=safe_command, unsafe_fix_command=unsafe_command
        )
    if output_file is not None:
        _write_report(output_file, report_format, reported, report_options)
    reporter(terminal_format)(reported, report_stream, report_options)
    return _exit_code(result, strict=strict, exit_zero=exit_zero, max_warnings=max_warnings)


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
            reporter(name)(result, stream, replace(options, color=False))
    except OSError as error:
        reason = error.strerror or str(error)
        raise KlmLintError(f"cannot write the report to {path} ({reason})") from None


def _errors_only(result: Result) -> Result:
    from klm_lint.findings import Severity

    errors = [finding for finding in result.findings if finding.severity is Severity.ERROR]
    return replace(result, findings=errors)


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
    import typer  # its echo, as before: --version is not a run that must start fast

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
