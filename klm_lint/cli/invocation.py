"""One invocation of the lint command: its values, and which of them the command line gave.

typer's parser makes one from its context; the fast path (cli/fast.py) makes the same from the
arguments it can read, and tests/cli/test_fast_path.py holds the two equal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click.core import Context


class Invocation:
    __slots__ = ("given", "params")

    def __init__(self, params: dict[str, Any], given: set[str]) -> None:
        self.params = params
        """Each parameter's value, as typer's context holds it."""
        self.given = given
        """The parameters given on the command line (a default never conflicts)."""

    @classmethod
    def from_context(cls, ctx: Context) -> Invocation:
        given = {
            name
            for name in ctx.params
            if (source := ctx.get_parameter_source(name)) is not None
            and source.name in ("COMMANDLINE", "ENVIRONMENT")
        }
        return cls(dict(ctx.params), given)
