"""Writes config/preset_data.py, the presets (config/presets/NAME.toml) as Python data, so that
a run need not import tomllib and parse its preset.

    python -m klm_lint.config.preset_table > klm_lint/config/preset_data.py

tests/config/test_preset_data.py fails when the table is not what this writes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from klm_lint.config.preset import PRESETS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HEADER = '''# ruff: noqa: E501 - the presets' texts as they write them

"""The presets, as tomllib reads config/presets/NAME.toml: written by `python -m
klm_lint.config.preset_table` from them (do not edit; tests/config/test_preset_data.py fails
when it is out of date)."""

from __future__ import annotations

from typing import Any

PRESET_DATA: dict[str, dict[str, Any]] = '''


def render() -> str:
    data = {}
    for path in sorted(PRESETS.glob("*.toml")):
        with path.open("rb") as handle:
            data[path.stem] = tomllib.load(handle)
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", "preset_data.py", "-"],
        input=HEADER + repr(data) + "\n",
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return formatted.stdout


if __name__ == "__main__":
    sys.stdout.write(render())
