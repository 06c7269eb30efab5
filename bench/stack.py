"""The start-up of klm-lint's command-line stack alone: a typer app with one option.

    python bench/stack.py

klm-lint cannot start faster than this; bench/run.py times it next to klm-lint.
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(name: str = "") -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
