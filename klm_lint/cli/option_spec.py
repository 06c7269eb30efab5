"""How cli/options.py describes one parameter of the lint command."""

from __future__ import annotations


class Option:
    __slots__ = ("default", "kind", "minimum", "name", "opts", "secondary_opts")

    def __init__(
        self,
        name: str,
        opts: tuple[str, ...],
        secondary_opts: tuple[str, ...],
        kind: str,
        default: object,
        minimum: int | None = None,
    ) -> None:
        self.name = name
        self.opts = opts
        """Its spellings (none for the paths)."""
        self.secondary_opts = secondary_opts
        """The spellings that turn a switch off (`--no-cache`)."""
        self.kind = kind
        """paths, flag, switch, str, strs (repeatable), path, int, or a choice's Enum name."""
        self.default = default
        """Its value when not given (a choice's: the value of its member)."""
        self.minimum = minimum
