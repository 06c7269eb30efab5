"""A run without a config file builds its config without pydantic (config/plain.py), from a
table written from the model (config/defaults.py) and the preset: it is the config the model
builds, value for value, for every preset and every override the command line makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from klm_lint.config.defaults import PRESET_NAMES
from klm_lint.config.model import Config
from klm_lint.config.plain import PlainModel, default_config
from klm_lint.config.plain_table import render
from klm_lint.config.preset import apply_preset, preset_names

TABLE = Path(__file__).resolve().parents[2] / "klm_lint" / "config" / "defaults.py"
DUMPS: tuple[dict[str, Any], ...] = (
    {},
    {"mode": "json"},
    {"by_alias": True},
    {"by_alias": True, "exclude_unset": True},
    {"by_alias": True, "exclude_defaults": True},
)


def _view(value: Any) -> Any:
    """Every value, its type and (for a model) the keys it was given, recursively."""
    if isinstance(value, (BaseModel, PlainModel)):
        if isinstance(value, BaseModel):
            fields = list(type(value).model_fields)
        else:
            fields = [name for name, _alias, _default in value._table]
        return (
            "model",
            {name: _view(getattr(value, name)) for name in fields},
            sorted(value.model_fields_set),
            [value.model_dump(**options) for options in DUMPS],
        )
    if isinstance(value, dict):
        return ("dict", [(key, _view(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [_view(item) for item in value])
    return (type(value).__name__, value)


def test_the_table_is_written_from_the_model() -> None:
    assert TABLE.read_text(encoding="utf-8") == render(), (
        "config/defaults.py is out of date: python -m klm_lint.config.plain_table > "
        "klm_lint/config/defaults.py"
    )


def test_every_preset_file_is_named_by_the_model() -> None:
    assert sorted(PRESET_NAMES) == preset_names()


@pytest.mark.parametrize("respect_gitignore", [None, True, False])
@pytest.mark.parametrize("preset", PRESET_NAMES)
def test_the_plain_config_is_the_models(preset: str, respect_gitignore: bool | None) -> None:
    models: Config = Config.model_construct()
    plain = default_config()
    assert isinstance(plain, PlainModel)
    assert _view(plain) == _view(models)
    if respect_gitignore is not None:
        models = models.model_copy(update={"respect_gitignore": respect_gitignore})
        plain = plain.model_copy(update={"respect_gitignore": respect_gitignore})
        assert _view(plain) == _view(models)
    applied = apply_preset(plain, preset)
    assert isinstance(applied, PlainModel)
    assert _view(applied) == _view(apply_preset(models, preset))


def test_the_plain_config_shares_nothing_with_the_presets_data() -> None:
    first = apply_preset(default_config(), "hugo")
    first.generator.list_pages.append("changed.md")
    assert "changed.md" not in apply_preset(default_config(), "hugo").generator.list_pages
