"""`klm-lint server` is a command of its own: the lint command does not load it."""

from __future__ import annotations

import subprocess
import sys

from tests.server.lsp import COMMAND


def test_the_lint_command_does_not_load_the_server() -> None:
    check = (
        "import sys\n"
        "from klm_lint.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(name for name in ('pygls', 'lsprotocol') if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.endswith("[]\n"), result.stdout


def test_the_server_command_has_help() -> None:
    result = subprocess.run(
        [*COMMAND, "--help"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0 and "Run the language server" in result.stdout
