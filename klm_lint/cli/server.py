"""`klm-lint server`: run the language server for an editor, over standard input and output."""

from __future__ import annotations

from klm_lint.cli.apps import command_app

app = command_app()


@app.command()
def server() -> None:
    """Run the language server (LSP over standard input and output) for an editor: diagnostics
    as you type, fixes, hover and completion of front-matter keys. Editors start it; see the
    README's "In the editor"."""
    from klm_lint.server.app import serve

    serve()
