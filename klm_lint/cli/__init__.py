"""The command line: `klm-lint [OPTIONS] [PATHS]` lints; a few words name other commands.

Each command is a typer app in a module of its own, imported only when it runs. A path that
happens to be named like a command is written `./server`.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

from klm_lint.cli.exits import EXIT_ERROR, EXIT_OK
from klm_lint.errors import KlmLintError
from klm_lint.load.text import printable

COMMANDS: dict[str, str] = {
    "schema": "klm_lint.cli.schema",
    "server": "klm_lint.cli.server",
    "init": "klm_lint.cli.init",
}
"""Command word → the module whose `app` runs it; anything else is the lint command."""


def main(argv: list[str] | None = None) -> None:
    """The console script: one line on stderr and exit 2 for any error a user can cause."""
    if sys.stderr is None:  # nowhere to say anything: only the exit code can tell
        sys.exit(EXIT_ERROR)
    if sys.stdout is None:
        _fail("standard output is closed; give klm-lint somewhere to write (>/dev/null)")
    import typer

    # klm-lint's models use no pydantic plugin; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A run makes millions of short-lived objects that reference counting frees; looking for
    # cycles every 700 of them, as Python does by default, costs more than the few it finds.
    gc.set_threshold(50_000, 20, 20)
    arguments = list(sys.argv[1:] if argv is None else argv)
    module, prog = "klm_lint.cli.lint", "klm-lint"
    if arguments and arguments[0] in COMMANDS:
        module, prog = COMMANDS[arguments[0]], f"klm-lint {arguments[0]}"
        arguments = arguments[1:]
    debug = "--debug" in arguments
    try:
        app = importlib.import_module(module).app
        command = typer.main.get_command(app)
        code = command.main(args=arguments, prog_name=prog, standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except KlmLintError as error:
        # Its message may quote the config or a file name: shown as the reports show text.
        _fail(printable(error.message.strip()))
    except typer.TyperException as error:
        _fail(error.format_message() if hasattr(error, "format_message") else str(error))
    except (KeyboardInterrupt, typer.Abort):
        _fail("interrupted")
    except Exception as error:  # noqa: BLE001 - no traceback unless asked for
        if debug:
            import traceback

            traceback.print_exc()
        _fail(f"internal error: {type(error).__name__}: {error} (please report it)")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str) -> None:
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    sys.stderr.write(f"klm-lint: error: {printable(first_line)}\n")
    sys.exit(EXIT_ERROR)
