"""The lint command's direct coercion gives what typer's own (pydantic) coercion gives, for
every option, on generated values: the same value of the same type, or the same error."""

from __future__ import annotations

from typing import Any

import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer._click.core import Context
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from klm_lint.cli.coercion import DirectCoercion
from klm_lint.cli.lint import ColorChoice, OutputFormat, app

COMMAND = typer.main.get_command(app)
PARAMS = [param for param in COMMAND.params if isinstance(param, _TyperParameter)]

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("-./~ ,"),
    max_size=12,
)
_CHOICES = [member.value for member in (*OutputFormat, *ColorChoice)]
_VALUES = st.one_of(
    st.none(),
    _TEXT,
    st.sampled_from(_CHOICES),
    st.sampled_from([*OutputFormat, *ColorChoice]),
    st.sampled_from(["1", "0", "-3", "12", " 7", "1_0", "2.0", "x"]),
    st.lists(_TEXT | st.sampled_from(_CHOICES), max_size=3).map(tuple),
    st.booleans(),
)


def _outcome(coerce: Any) -> tuple[str, Any]:
    try:
        value = coerce()
    except Exception as error:  # noqa: BLE001 - the error is what is compared
        return "error", (type(error).__name__, str(error))
    if isinstance(value, (list, tuple)):
        return "value", (type(value), [(type(item), item) for item in value])
    return "value", (type(value), value)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(index=st.integers(0, len(PARAMS) - 1), value=_VALUES)
def test_direct_coercion_is_typers(index: int, value: Any) -> None:
    param = PARAMS[index]
    descriptor = param.type_descriptor
    ctx = Context(COMMAND)
    direct = DirectCoercion(descriptor.parameter_info, descriptor.annotation, descriptor)
    typers = build_runtime_param(descriptor)
    assert _outcome(lambda: direct.coerce(value, param=param, ctx=ctx)) == _outcome(
        lambda: typers.coerce(value, param=param, ctx=ctx)
    )
