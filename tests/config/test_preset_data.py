"""The presets a run uses come from config/preset_data.py, which holds what tomllib reads from
config/presets/NAME.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from klm_lint.config.preset import PRESETS, load_preset, preset_names
from klm_lint.config.preset_data import PRESET_DATA
from klm_lint.config.preset_table import render

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TABLE = Path(__file__).resolve().parents[2] / "klm_lint" / "config" / "preset_data.py"


def test_the_preset_data_is_written_from_the_preset_files() -> None:
    assert TABLE.read_text(encoding="utf-8") == render(), (
        "config/preset_data.py is out of date: python -m klm_lint.config.preset_table > "
        "/tmp/preset_data.py && mv /tmp/preset_data.py klm_lint/config/preset_data.py"
    )


@pytest.mark.parametrize("name", preset_names())
def test_a_preset_is_what_its_file_says(name: str) -> None:
    with (PRESETS / f"{name}.toml").open("rb") as handle:
        assert load_preset(name) == tomllib.load(handle)
    assert load_preset(name) is PRESET_DATA[name]


def test_loading_a_preset_does_not_import_tomllib() -> None:
    code = (
        "import sys\n"
        "from klm_lint.config.preset import load_preset\n"
        "assert load_preset('hugo')['content'] == ['content']\n"
        "print('tomllib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]
