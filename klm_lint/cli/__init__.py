"""The command line: `klm-lint [OPTIONS] [PATHS]` lints; a few words name other commands.

Each command is a typer app in a module of its own, imported only when it runs. A path that
happens to be named like a command is written `./server`.
"""

from __future__ import annotations

import errno
import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from klm_lint.cli.exits import EXIT_ERROR, EXIT_OK
from klm_lint.errors import KlmLintError
from klm_lint.load.text import printable

if TYPE_CHECKING:
    from klm_lint.cli.invocation import Invocation

COMMANDS: dict[str, str] = {
    "schema": "klm_lint.cli.schema",
    "server": "klm_lint.cli.server",
    "init": "klm_lint.cli.init",
}
"""Command word → the module whose `app` runs it; anything else is the lint command."""
_COMPLETION = "_KLM_LINT_COMPLETE"
"""typer answers shell completion when this is set: the fast path leaves it to typer."""
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    """The console script: one line on stderr and exit 2 for any error a user can cause."""
    if sys.stderr is None:  # nowhere to say anything: only the exit code can tell
        sys.exit(EXIT_ERROR)
    if sys.stdout is None:
        _fail("standard output is closed; give klm-lint somewhere to write (>/dev/null)")
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
    if module == "klm_lint.cli.lint" and _COMPLETION not in os.environ:
        from klm_lint.cli.fast import parse

        call = parse(arguments)
        if call is not None:
            _exit(_guarded(call, debug=debug))
    import typer

    try:
        app = importlib.import_module(module).app
        command = typer.main.get_command(app)
        code = command.main(args=arguments, prog_name=prog, standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except KlmLintError as error:
        _user_error(error)
    except typer.TyperException as error:
        _fail(error.format_message() if hasattr(error, "format_message") else str(error))
    except (KeyboardInterrupt, typer.Abort):
        _fail("interrupted")
    except Exception as error:  # noqa: BLE001 - no traceback unless asked for
        _internal_error(error, debug=debug)
    _exit(code)


def console() -> NoReturn:
    """The installed command (and `python -m klm_lint`): `main`, then out without Python's
    teardown, which frees every module and object one at a time and costs a run on one post a
    fifth of its time. Nothing is left to it: reports and caches are written and closed, and
    the worker processes joined, before `main` returns; the standard streams are flushed here."""
    try:
        main()
        code: object = None
    except SystemExit as done:
        code = done.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - a closed pipe: Python's own ending says so
        raise SystemExit(code) from None
    if code is None or isinstance(code, int):
        os._exit(code or 0)
    raise SystemExit(code)  # a message to print: Python's ending prints it


def _guarded(call: Invocation, *, debug: bool) -> object:
    """The lint command run from the fast path, each way it can end ending as it does when
    typer runs it (typer's command.main turns an interrupt into exit 130, end of input into an
    abort, and a closed pipe into exit 1)."""
    from klm_lint.cli.run import run

    try:
        try:
            return run(call)
        except EOFError:
            sys.stderr.write("\n")
            _fail("interrupted")
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            from typer._click.utils import PacifyFlushWrapper

            sys.stdout = PacifyFlushWrapper(sys.stdout)
            sys.stderr = PacifyFlushWrapper(sys.stderr)
            sys.exit(1)
    except KlmLintError as error:
        _user_error(error)
    except Exception as error:  # noqa: BLE001 - no traceback unless asked for
        _internal_error(error, debug=debug)


def _exit(code: object) -> NoReturn:
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _user_error(error: KlmLintError) -> NoReturn:
    # Its message may quote the config or a file name: shown as the reports show text.
    _fail(printable(error.message.strip()))


def _internal_error(error: Exception, *, debug: bool) -> NoReturn:
    if debug:
        import traceback

        traceback.print_exc()
    _fail(f"internal error: {type(error).__name__}: {error} (please report it)")


def _fail(message: str) -> NoReturn:
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    sys.stderr.write(f"klm-lint: error: {printable(first_line)}\n")
    sys.exit(EXIT_ERROR)
