"""Writes config/defaults.py, the config model's keys and defaults as plain data, from the
pydantic model itself (config/model.py).

    python -m klm_lint.config.plain_table > klm_lint/config/defaults.py

A run without a config file builds its config from that table and the preset (config/plain.py)
without importing pydantic; tests/config/test_plain_config.py fails when the table is not what
this writes, and holds the plain config equal to the model's for every preset.
"""

from __future__ import annotations

import sys
from typing import Any, get_args

from pydantic import BaseModel

from klm_lint.config.model import ComponentConfig, Config, GeneratorConfig, PresetName

MODELS: tuple[type[BaseModel], ...] = (Config, GeneratorConfig, ComponentConfig)

HEADER = '''"""The config model's keys, in its order, with their aliases and defaults: written by
`python -m klm_lint.config.plain_table` from config/model.py (do not edit;
tests/config/test_plain_config.py fails when it is out of date)."""

from __future__ import annotations

from typing import Any

PRESET_NAMES: tuple[str, ...] = (
{names})
"""The presets, in the model's order (config/model.py's PresetName)."""
'''


def _default(model: type[BaseModel], name: str) -> Any:
    default = model.model_fields[name].get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        return {"model": type(default).__name__}
    return default


def render() -> str:
    names = "".join(f'    "{name}",\n' for name in get_args(PresetName))
    parts = [HEADER.format(names=names)]
    for model in MODELS:
        rows = "".join(
            f"    ({name!r}, {info.alias or name!r}, {_default(model, name)!r}),\n".replace(
                "'", '"'
            )
            for name, info in model.model_fields.items()
        )
        parts.append(f"\n{model.__name__.upper()}: tuple[tuple[str, str, Any], ...] = (\n{rows})\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render())
