"""Options that do nothing together are refused with one line (exit 2), never ignored.

Only options given on the command line count: a default never conflicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.cli.options import OPTIONS
from klm_lint.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from klm_lint.cli.invocation import Invocation

HUMAN_FORMATS = ("full", "concise")
"""The reports that show the lines after the summary (fixes made and possible)."""

_ACTIONS = {"version": "--version", "list_rules": "--list-rules", "explain": "--explain"}
_ALLOWED_WITH_ACTION = {
    "version": {"config", "paths", "debug"},
    "list_rules": {"color", "debug"},
    "explain": {"color", "debug"},
}
"""What each option that shows something and exits still reads; any other option is refused."""

_REFUSED_WITH_DIFF = {
    "output_format": "--diff prints a diff, not a report",
    "output_file": "--diff prints a diff, not a report",
    "statistics": "--diff prints a diff, not a report",
    "show_fixes": "--diff already shows each fix",
    "strict": "--diff exits 1 when there is a diff, whatever the findings' severity",
}
_REFUSED_WITH_WRITE_BASELINE = {
    "output_format": "--write-baseline records findings and prints no report",
    "output_file": "--write-baseline records findings and prints no report",
    "statistics": "--write-baseline records findings and prints no report",
    "show_fixes": "--write-baseline fixes nothing",
    "unsafe_fixes": "--write-baseline fixes nothing",
    "strict": "--write-baseline always exits 0",
    "exit_zero": "--write-baseline always exits 0",
}


def refuse_conflicts(call: Invocation) -> None:
    """Refuse options that the others given make meaningless."""
    named = call.given
    values = call.params
    actions = [name for name in _ACTIONS if name in named and values[name] not in (None, False)]
    if len(actions) > 1:
        raise UsageError(f"{_flags(actions)}: give one of them; each shows something and exits")
    if actions:
        action = actions[0]
        extra = sorted(named - {action} - _ALLOWED_WITH_ACTION[action], key=_order())
        if extra:
            raise UsageError(
                f"{_flag(values, extra[0])} does not go with {_ACTIONS[action]}, which shows "
                "something and exits without linting"
            )
        return
    if values.get("respect_gitignore") and values.get("no_respect_gitignore"):
        raise UsageError("--respect-gitignore and --no-respect-gitignore: give one of them")
    if values.get("strict") and values.get("exit_zero"):
        raise UsageError(
            "--strict makes warnings fail the run and --exit-zero makes nothing fail it; "
            "give one of them"
        )
    if values.get("show_fixes") and not (values.get("fix") or values.get("diff")):
        raise UsageError("--show-fixes lists what --fix fixed; add --fix")
    for switch, refused in (
        ("diff", _REFUSED_WITH_DIFF),
        ("write_baseline", _REFUSED_WITH_WRITE_BASELINE),
    ):
        if values.get(switch) in (None, False):
            continue
        for name in sorted(named & refused.keys(), key=_order()):
            if values.get(name) not in (None, False):
                written = _flag(values, name)
                raise UsageError(
                    f"{written} does not go with {_flag(values, switch)}: {refused[name]}"
                )


def refuse_unshown(call: Invocation, terminal_format: str, file_format: str | None) -> None:
    """Refuse options whose effect the chosen reports do not show. `file_format`: the format
    written to --output-file, if any."""
    named = call.given
    values = call.params
    auto = "output_format" not in named and terminal_format == "github"
    why = " (auto chose it: GITHUB_ACTIONS is true)" if auto else ""
    human = terminal_format in HUMAN_FORMATS or file_format in HUMAN_FORMATS
    fixing = values.get("fix") or values.get("diff")
    if "show_fixes" in named and values.get("show_fixes") and not human:
        raise UsageError(
            f"--show-fixes does not go with --format {terminal_format}{why}: only the full "
            "and concise reports list fixes"
        )
    if "unsafe_fixes" in named and values.get("unsafe_fixes") and not fixing and not human:
        raise UsageError(
            f"--unsafe-fixes without --fix or --diff only changes the full and concise "
            f"reports' note on fixes, and --format {terminal_format}{why} has none"
        )
    colour = values.get("color")
    if "color" in named and getattr(colour, "value", colour) == "always":
        if values.get("diff"):
            raise UsageError("--color always does not go with --diff: a diff has no colour")
        if values.get("write_baseline") is not None:
            raise UsageError(
                "--color always does not go with --write-baseline: it prints no report"
            )
        if terminal_format != "full":
            raise UsageError(
                f"--color always does not go with --format {terminal_format}{why}: only the "
                "full report has colour"
            )


def _flags(names: Iterable[str]) -> str:
    return " and ".join(_ACTIONS[name] for name in names)


def _flag(values: dict[str, object], name: str) -> str:
    """The option as written on the command line (its long form)."""
    if name == "paths":
        return "a path"
    for option in OPTIONS:
        if option.name == name:
            written = option.opts
            if values.get(name) is False and option.secondary_opts:
                written = option.secondary_opts
            long = [opt for opt in written if opt.startswith("--")]
            return long[0] if long else written[0]
    return name


def _order() -> Callable[[str], int]:
    """Options in the order --help lists them, for a stable message."""
    names = [option.name for option in OPTIONS]

    def key(name: str) -> int:
        return names.index(name) if name in names else len(names)

    return key
