"""The typer app each klm-lint command is built on."""

from __future__ import annotations

from typing import Literal

import typer


def command_app(markup: Literal["rich"] | None = None) -> typer.Typer:
    """An app with no shell completion, no typer tracebacks, and -h for --help."""
    return typer.Typer(
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=markup,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
