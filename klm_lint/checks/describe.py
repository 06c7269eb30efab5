"""Words for values and keys, as content authors read them in messages."""

from __future__ import annotations

import datetime as dt

from klm_lint.load.nodes import Mapping, Node, Scalar, Sequence

_LONG = 40


def quote(text: str) -> str:
    shown = text if len(text) <= _LONG else text[: _LONG - 1] + "…"
    return '"' + shown.replace("\n", "\\n") + '"'


def describe(node: Node) -> str:
    """'the text "Jane"', 'the number 5', 'a list', …"""
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Mapping):
        return "a mapping of keys"
    return describe_scalar(node)


def describe_scalar(node: Scalar) -> str:
    value = node.value
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {node.text}"
    if isinstance(value, (int, float)):
        return f"the number {node.text}"
    if isinstance(value, (dt.date, dt.time)):
        what = "time" if isinstance(value, dt.time) else "date"
        return f"the {what} {node.text}"
    return f"the text {quote(node.text)}"


def is_empty(node: Node) -> bool:
    return isinstance(node, Scalar) and (
        node.value is None or (isinstance(node.value, str) and not node.value.strip())
    )


def dotted(path: tuple[str | int, ...]) -> str:
    shown = ""
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else part)
    return shown


def choices(allowed: tuple[object, ...] | list[object] | list[str]) -> str:
    """`"a"`, `"a" or "b"`, `"a", "b" or "c"`."""
    shown = [f'"{value}"' if isinstance(value, str) else str(value) for value in allowed]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
