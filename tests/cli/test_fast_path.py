"""The fast path reads a plain lint command line as typer does, without importing typer: its
option table is written from the typer definition, and on generated command lines it makes
the very Invocation typer makes (or leaves the line to typer)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klm_lint.cli.fast import parse
from klm_lint.cli.invocation import Invocation
from klm_lint.cli.lint import app
from klm_lint.cli.option_table import render
from klm_lint.cli.options import OPTIONS

COMMAND = typer.main.get_command(app)
TABLE = Path(__file__).resolve().parents[2] / "klm_lint" / "cli" / "options.py"

_SPELLINGS = sorted(
    {spelling for option in OPTIONS for spelling in (*option.opts, *option.secondary_opts)}
)
_VALUES = st.sampled_from(
    [
        "json",
        "full",
        "JSON",
        "never",
        "always",
        "auto",
        "0",
        "1",
        "2",
        "07",
        "-1",
        " 3",
        "1_0",
        "x",
        "",
        "-",
        "--",
        "-h",
        "--fix",
        "a=b",
        "=1",
        "=json",
        "content/posts/a.md",
        "KLM1,draft-flag",
        "b.json",
        "é",
    ]
) | st.text(max_size=6)
_PATHS = st.sampled_from(["content", "content/posts/a.md", "a b.md", "-", "./server", "x=y"])


@st.composite
def _argument(draw: st.DrawFn) -> list[str]:
    form = draw(st.sampled_from(["alone", "value", "attached", "short", "path", "odd"]))
    spelling = draw(st.sampled_from(_SPELLINGS))
    if form == "short":  # a short option with its value (or more short options) run together
        short = draw(st.sampled_from([each for each in _SPELLINGS if len(each) == 2]))
        return [f"{short}{draw(_VALUES)}"]
    if form == "alone":
        return [spelling]
    if form == "value":
        return [spelling, draw(_VALUES)]
    if form == "attached":
        return [f"{spelling}={draw(_VALUES)}"]
    if form == "path":
        return [draw(_PATHS)]
    return [draw(st.sampled_from(["--", "-h", "--help", "-fjson", "-j2", "--nope", "-x", "-"]))]


def _typers(arguments: list[str]) -> Invocation | None:
    try:
        ctx = COMMAND.make_context("klm-lint", list(arguments))
    except (typer.Exit, typer.Abort, Exception):  # noqa: BLE001 - typer refused the line
        return None
    return Invocation.from_context(ctx)


def _shown(call: Invocation) -> tuple[Any, ...]:
    def typed(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return (type(value).__name__, [typed(item) for item in value])
        return (type(value).__name__, value)

    return ({name: typed(value) for name, value in call.params.items()}, sorted(call.given))


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(parts=st.lists(_argument(), max_size=6))
def test_the_fast_path_reads_what_typer_reads(parts: list[list[str]]) -> None:
    arguments = [argument for part in parts for argument in part]
    fast = parse(arguments)
    if fast is None:
        return
    typers = _typers(arguments)
    assert typers is not None, f"typer refuses {arguments} but the fast path read it"
    assert _shown(fast) == _shown(typers)


def test_plain_command_lines_take_the_fast_path() -> None:
    for arguments in (
        [],
        ["content/posts/a.md"],
        ["content", "-f", "json", "--color", "never"],
        ["--format=github", "--strict", "a.md", "b.md"],
        ["--select", "KLM1", "--ignore=draft-flag", "-j", "2", "--no-cache"],
        ["--fix", "--unsafe-fixes", "--show-fixes", "--max-warnings", "0", "content"],
        ["-", "--stdin-filename", "content/posts/a.md"],
        ["-j1", "content", "-fjson"],
    ):
        fast = parse(arguments)
        assert fast is not None, arguments
        typers = _typers(arguments)
        assert typers is not None
        assert _shown(fast) == _shown(typers)


def test_the_rest_is_left_to_typer() -> None:
    for arguments in (["-h"], ["--help"], ["--format", "yaml"], ["-j", "0"], ["--", "a"], ["-j=1"]):
        assert parse(arguments) is None, arguments


def test_the_option_table_is_written_from_the_typer_definition() -> None:
    assert TABLE.read_text(encoding="utf-8") == render(), (
        "cli/options.py is out of date: python -m klm_lint.cli.option_table > "
        "klm_lint/cli/options.py"
    )


def test_a_plain_run_imports_neither_typer_nor_pydantic_nor_rich_nor_a_pool(
    tmp_path: Path,
) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "package.json").write_text("{}\n", encoding="utf-8")
    (posts / "a.md").write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from klm_lint.cli import main\n"
        "try:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & "
        "{'typer', 'pydantic', 'click', 'rich', 'concurrent'}))\n"
    )
    for arguments in (
        ["content/posts/a.md"],
        ["content/posts/a.md", "-f", "json", "--color", "never"],
        ["content", "-f", "json", "--preset", "hugo"],
    ):
        done = subprocess.run(
            [sys.executable, "-c", probe, *arguments],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip().splitlines()[-1] == "[]", arguments
