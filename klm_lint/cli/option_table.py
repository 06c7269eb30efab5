"""Writes cli/options.py, the lint command's parameters as plain data, from its typer definition.

    python -m klm_lint.cli.option_table > klm_lint/cli/options.py

The fast path (cli/fast.py) reads the table so that a plain run need not import typer;
tests/cli/test_fast_path.py fails when the table is not what this writes.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from klm_lint.cli.lint import app

HEADER = '''"""The lint command's parameters, in --help's order: written by
`python -m klm_lint.cli.option_table` from the typer definition in cli/lint.py (do not edit;
tests/cli/test_fast_path.py fails when it is out of date)."""

from __future__ import annotations

from klm_lint.cli.option_spec import Option

OPTIONS: tuple[Option, ...] = (
'''


def _descriptor(param: Any) -> Any:
    return param.type_descriptor


def _kind(param: Any) -> str:
    annotation = _descriptor(param).annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation.__name__
    if annotation is bool:
        return "switch" if param.secondary_opts else "flag"
    kinds = {str: "str", list[str]: "strs", Path: "path", int: "int", list[Path]: "paths"}
    for known, kind in kinds.items():
        if annotation == known:
            return kind
    raise TypeError(f"{param.name}: the fast path knows no {annotation!r}")


def _literal(value: object) -> str:
    """As ruff formats it."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        items = ", ".join(_literal(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    return repr(value)


def render() -> str:
    command = typer.main.get_command(app)
    defaults = command.make_context("klm-lint", []).params
    lines = []
    for param in command.params:
        kind = _kind(param)
        default = defaults[param.name]
        if isinstance(default, Enum):
            default = default.value
        opts = () if kind == "paths" else tuple(param.opts)
        minimum = getattr(_descriptor(param).parameter_info, "min", None)
        fields = [param.name, opts, tuple(param.secondary_opts), kind, default]
        if minimum is not None:
            fields.append(minimum)
        lines.append(f"    Option({', '.join(_literal(field) for field in fields)}),\n")
    return HEADER + "".join(lines) + ")\n"


if __name__ == "__main__":
    sys.stdout.write(render())
