"""Presets: a TOML file per site generator shipped with klm-lint
(klm_lint/config/presets/NAME.toml), which one a run uses, and the config it gives.

A preset holds settings (any top-level config key, and the `[generator]` table), collections and
schemas. The config file's own keys win over the preset's, key by key (and in `[generator]` and
`components`, sub-key by sub-key); collections and schemas are merged by the Site.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klm_lint.config.defaults import PRESET_NAMES
from klm_lint.errors import UsageError
from klm_lint.records import value_record

if TYPE_CHECKING:
    from klm_lint.config.detect import Detection
    from klm_lint.config.model import Config

PRESETS = Path(__file__).parent / "presets"
DEFAULT_PRESET = "nextjs"
_NOT_SETTINGS = ("collections", "schemas")


@value_record
class PresetChoice:
    """The preset a run uses and why."""

    name: str
    origin: str
    """`the command line`, the config file's path, `detected`, or `default`."""
    detection: Detection | None = None
    """When detected: what told."""

    @property
    def shown_origin(self) -> str:
        """For --show-settings."""
        if self.detection is not None:
            return f"detected: {self.detection.reason}"
        return self.origin


def preset_names() -> list[str]:
    return sorted(path.stem for path in PRESETS.glob("*.toml"))


@cache
def load_preset(name: str = DEFAULT_PRESET) -> dict[str, Any]:
    """The preset's settings, collections and schemas, as plain data: as config/preset_data.py
    holds it, written from its file."""
    from klm_lint.config.preset_data import PRESET_DATA

    if name in PRESET_DATA:
        return PRESET_DATA[name]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    with (PRESETS / f"{name}.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


def preset_settings(name: str) -> dict[str, Any]:
    """The config keys the preset sets (everything but its collections and schemas)."""
    return {key: value for key, value in load_preset(name).items() if key not in _NOT_SETTINGS}


def choose_preset(
    option: str | None, config: Config, config_path: Path | None, root: Path
) -> PresetChoice:
    """The command line's preset, else the config's, else the one the project's files tell,
    else the default."""
    if option is not None:
        if option not in PRESET_NAMES:
            raise UsageError(
                f"--preset {option!r} is not a preset; choose one of {', '.join(PRESET_NAMES)}"
            )
        return PresetChoice(option, "the command line")
    if config.preset is not None:
        where = str(config_path) if config_path is not None else "the config"
        return PresetChoice(config.preset, where)
    from klm_lint.config.detect import detect_preset

    detected = detect_preset(root)
    if detected is not None:
        return PresetChoice(detected.name, "detected", detected)
    return PresetChoice(DEFAULT_PRESET, "default")


def _named(components: list[str] | dict[str, Any]) -> dict[str, Any]:
    """A preset's components, written as a list of names or as a table."""
    return {name: {} for name in components} if isinstance(components, list) else components


def apply_preset(config: Config, name: str) -> Config:
    """The config with the preset's settings wherever the config sets none of its own.

    The default preset's settings are the model's defaults, so its config is returned as is."""
    if name == DEFAULT_PRESET and config.preset in (None, DEFAULT_PRESET):
        return config
    settings = preset_settings(name)
    written = config.model_dump(by_alias=True, exclude_unset=True)
    generator = {**settings.get("generator", {}), **written.get("generator", {})}
    components = {**_named(settings.get("components", {})), **written.get("components", {})}
    merged = {**settings, **written, "generator": generator, "preset": name}
    if components:
        merged["components"] = components
    from klm_lint.config.plain import is_plain, plain_config

    if is_plain(config):  # no config file: the preset's settings need no validation
        return plain_config(merged)
    from klm_lint.config.model import Config

    return Config.model_validate(merged)
