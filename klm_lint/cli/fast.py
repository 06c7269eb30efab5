"""The lint command's arguments read without typer, for the plain runs a hook or an editor
makes (`klm-lint content/posts/a.md -f json`), so that they need not import typer.

The options are cli/options.py's, written from the typer definition. Only the plainest forms
are read here: paths, `--option value`, `--option=value`, `-f value`, `-fvalue`, flags, and
values typer would take as they are. Anything else (help, short options run together, `--`, an
unknown option, a value typer would refuse or convert) returns None, and typer reads the
command line as it always does, errors included. tests/cli/test_fast_path.py holds the
Invocation made here equal to typer's on generated command lines.
"""

from __future__ import annotations

from pathlib import Path

from klm_lint.cli import choices
from klm_lint.cli.invocation import Invocation
from klm_lint.cli.options import OPTIONS

_BY_SPELLING = {spelling: option for option in OPTIONS for spelling in option.opts}
_OFF = {spelling: option for option in OPTIONS for spelling in option.secondary_opts}
_DEFAULTS: dict[str, object] = {
    option.name: getattr(choices, option.kind)(option.default)
    if option.kind[:1].isupper()
    else option.default
    for option in OPTIONS
}
_VALUES = frozenset(
    option.name for option in OPTIONS if option.kind not in ("paths", "flag", "switch")
)
_SHORT_VALUES = frozenset(
    spelling
    for spelling, option in _BY_SPELLING.items()
    if len(spelling) == 2 and option.name in _VALUES
)


def parse(arguments: list[str]) -> Invocation | None:
    """The invocation typer would make of these arguments, or None: ask typer."""
    if any("\0" in argument for argument in arguments):
        return None
    params = dict(_DEFAULTS)
    given: set[str] = set()
    paths: list[Path] = []
    waiting = list(reversed(arguments))
    while waiting:
        argument = waiting.pop()
        if not argument:
            return None
        if argument[:1] != "-" or argument == "-":
            paths.append(Path(argument))
            continue
        spelling, equals, attached = argument.partition("=")
        if argument[1] != "-" and len(argument) > 2 and argument[:2] in _SHORT_VALUES:
            # `-j1`, `-fjson`: click reads the rest of a short option that takes a value as
            # its value, `=` included.
            spelling, equals, attached = argument[:2], "", argument[2:]
            waiting.append(attached)
        if spelling in _OFF:
            if equals:
                return None
            name = _OFF[spelling].name
            params[name] = False
            given.add(name)
            continue
        option = _BY_SPELLING.get(spelling)
        if option is None or (equals and not spelling.startswith("--")):
            return None
        if option.name not in _VALUES:
            if equals:
                return None
            params[option.name] = True
            given.add(option.name)
            continue
        if equals:
            text = attached
        elif waiting:
            text = waiting.pop()
        else:
            return None
        value = _value(option.kind, text, option.minimum)
        if value is None:
            return None
        if option.kind == "strs":
            params[option.name] = [*params[option.name], value]  # type: ignore[misc]
        else:
            params[option.name] = value
        given.add(option.name)
    if paths:
        params["paths"] = paths
        given.add("paths")
    return Invocation(params, given)


def _value(kind: str, text: str, minimum: int | None) -> object:
    """The value as typer gives it, or None where only typer can tell."""
    if kind in ("str", "strs"):
        return text
    if kind == "path":
        return Path(text) if text else None
    if kind == "int":
        if not (text.isascii() and text.isdigit()) or (len(text) > 1 and text[0] == "0"):
            return None
        number = int(text)
        return number if minimum is None or number >= minimum else None
    choice = getattr(choices, kind)
    return choice(text) if text in choice._value2member_map_ else None
