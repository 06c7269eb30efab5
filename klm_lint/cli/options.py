"""The lint command's parameters, in --help's order: written by
`python -m klm_lint.cli.option_table` from the typer definition in cli/lint.py (do not edit;
tests/cli/test_fast_path.py fails when it is out of date)."""

from __future__ import annotations

from klm_lint.cli.option_spec import Option

OPTIONS: tuple[Option, ...] = (
    Option("paths", (), (), "paths", ()),
    Option("force_exclude", ("--force-exclude",), (), "flag", False),
    Option("select", ("--select",), (), "strs", ()),
    Option("ignore", ("--ignore",), (), "strs", ()),
    Option("extend_select", ("--extend-select",), (), "strs", ()),
    Option("extend_ignore", ("--extend-ignore",), (), "strs", ()),
    Option("respect_gitignore", ("--respect-gitignore",), (), "flag", False),
    Option("no_respect_gitignore", ("--no-respect-gitignore",), (), "flag", False),
    Option("config", ("--config",), (), "path", None),
    Option("preset", ("--preset",), (), "str", None),
    Option("no_suppressions", ("--no-suppressions",), (), "flag", False),
    Option("stdin_filename", ("--stdin-filename",), (), "path", None),
    Option("output_format", ("--format", "--output-format", "-f"), (), "OutputFormat", "auto"),
    Option("output_file", ("--output-file",), (), "path", None),
    Option("statistics", ("--statistics",), (), "flag", False),
    Option("color", ("--color",), (), "ColorChoice", "auto"),
    Option("quiet", ("--quiet",), (), "flag", False),
    Option("no_summary", ("--no-summary",), (), "flag", False),
    Option("fix", ("--fix",), (), "flag", False),
    Option("unsafe_fixes", ("--unsafe-fixes",), (), "flag", False),
    Option("diff", ("--diff",), (), "flag", False),
    Option("show_fixes", ("--show-fixes",), (), "flag", False),
    Option("changed_since", ("--changed-since",), (), "str", None),
    Option("strict", ("--strict",), (), "flag", False),
    Option("exit_zero", ("--exit-zero",), (), "flag", False),
    Option("max_warnings", ("--max-warnings",), (), "int", None, 0),
    Option("now", ("--now",), (), "str", None),
    Option("baseline", ("--baseline",), (), "path", None),
    Option("write_baseline", ("--write-baseline",), (), "path", None),
    Option("jobs", ("--jobs", "-j"), (), "int", None, 1),
    Option("cache", ("--cache",), ("--no-cache",), "switch", None),
    Option("explain", ("--explain",), (), "str", None),
    Option("list_rules", ("--list-rules",), (), "flag", False),
    Option("version", ("--version",), (), "flag", False),
    Option("show_settings", ("--show-settings",), (), "flag", False),
    Option("show_files", ("--show-files",), (), "flag", False),
    Option("debug", ("--debug",), (), "flag", False),
)
