"""Reading a preset: a TOML file shipped with klm-lint (klm_lint/config/presets/NAME.toml)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PRESETS = Path(__file__).parent / "presets"
DEFAULT_PRESET = "nextjs"


def preset_names() -> list[str]:
    return sorted(path.stem for path in PRESETS.glob("*.toml"))


@cache
def load_preset(name: str = DEFAULT_PRESET) -> dict[str, Any]:
    """The preset's settings, collections and schemas, as plain data."""
    with (PRESETS / f"{name}.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data
