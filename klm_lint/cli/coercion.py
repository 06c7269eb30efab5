"""typer's own coercion of option values, without building a pydantic adapter where none is needed.

typer turns each value through a pydantic TypeAdapter that it builds for the option the first
time the option is processed, even when the value is absent: on every run, for every option,
which costs more than linting a post. For the values that need no adapter, the same typer
functions the adapter would call are called directly: an absent value stays as typer's
`RuntimeParam.coerce` leaves it, a choice goes through typer's `coerce_cli_choice`, a path
through `coerce_cli_path`, a string is the string. Anything else, and any value the direct
call refuses, goes to typer's adapter, built then, so errors read exactly as typer's own
(`tests/cli/test_coercion.py` holds the two equal over generated values).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

if TYPE_CHECKING:
    from typer._click.core import Context
    from typer._coercion import TypeDescriptor
    from typer.core import _TyperParameter

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover - a typer without runtime params coerces as it does
    RuntimeParam = None  # type: ignore[assignment,misc]

_NO_VALUE = object()


def install(params: list[Any]) -> None:
    """Give each typer parameter the direct coercion (typer's adapter stays its fallback)."""
    if RuntimeParam is None:  # pragma: no cover
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", 1) is None:
            param._runtime_param = DirectCoercion(
                descriptor.parameter_info, descriptor.annotation, descriptor
            )


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class DirectCoercion(RuntimeParam):
        """typer's coercion for one parameter; typer's adapter only when it is needed."""

        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            try:
                direct = _direct(self.descriptor, self.annotation, value, param, ctx)
            except Exception:  # noqa: BLE001 - typer's adapter says what is wrong, as it would
                direct = _NO_VALUE
            if direct is not _NO_VALUE:
                return direct
            return self.adapted()._coerce_value(value, param=param, ctx=ctx)

        def adapted(self) -> RuntimeParam:
            """typer's own coercion, with its pydantic adapter (built once per parameter)."""
            known = self.__dict__.get("_adapted")
            if known is None:
                known = build_runtime_param(self.descriptor)
                object.__setattr__(self, "_adapted", known)
            return known


def _direct(
    descriptor: TypeDescriptor,
    annotation: Any,
    value: Any,
    param: _TyperParameter,
    ctx: Context,
) -> Any:
    """The value as typer's adapter for `annotation` gives it, or _NO_VALUE when only the
    adapter can tell."""
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.file_annotation is not None:
        return _NO_VALUE
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        items = value if isinstance(value, (list, tuple)) else [value]
        coerced = [_direct(descriptor, item, each, param, ctx) for each in items]
        return _NO_VALUE if any(each is _NO_VALUE for each in coerced) else coerced
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return coerce_cli_choice(
            value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx
        )
    if annotation is str:
        return value if type(value) is str else _NO_VALUE
    if annotation is Path and type(value) is str and "\0" not in value:
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _NO_VALUE
