"""The lint command's typer definition: its options, their help, and their types.

What the command does is cli/run.py's; a plain run reaches it without typer (cli/fast.py).
"""

from __future__ import annotations

from pathlib import Path  # noqa: TC003 - typer reads the annotations at run time
from typing import Annotated, Optional

import typer

from klm_lint.cli.apps import command_app
from klm_lint.cli.choices import ColorChoice, OutputFormat
from klm_lint.cli.help import CI, EPILOG, FIXING, OUTPUT, PERFORMANCE, RULES, SELECTION, LintCommand
from klm_lint.cli.invocation import Invocation
from klm_lint.cli.run import run

__all__ = ["ColorChoice", "OutputFormat", "app"]

app = command_app("rich")


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
    raise typer.Exit(run(Invocation.from_context(ctx)))
