"""`klm-lint server`: run the language server for an editor, over standard input and output."""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.command()
def server() -> None:
    """Run the language server (LSP over standard input and output) for an editor: diagnostics
    as you type, fixes, hover and completion of front-matter keys. Editors start it; see the
    README's "In the editor"."""
    from klm_lint.server.app import serve

    serve()
