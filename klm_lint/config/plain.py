"""The config of a run without a config file, without pydantic: the model's defaults
(config/defaults.py, written from the model) and the preset's settings, as plain values.

Presets are files shipped with klm-lint, so their settings need no validation at run time;
tests/config/test_plain_config.py holds the plain config equal to the one the pydantic model
builds, value for value, for every preset. A config file is read by the model, as always.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from klm_lint.config.defaults import COMPONENTCONFIG, CONFIG, GENERATORCONFIG

if TYPE_CHECKING:
    from klm_lint.config.model import Config

Table = tuple[tuple[str, str, Any], ...]


class PlainModel:
    """A config model's values, read as the model's are (attributes, model_fields_set,
    model_dump, model_copy)."""

    def __init__(self, table: Table, values: dict[str, Any], fields_set: set[str]) -> None:
        self._table = table
        self._set = fields_set
        for name, _alias, default in table:
            setattr(self, name, values[name] if name in values else _default(name, default))

    @property
    def model_fields_set(self) -> set[str]:
        return self._set

    def model_dump(
        self,
        *,
        mode: str = "python",
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
    ) -> dict[str, Any]:
        options = {
            "mode": mode,
            "by_alias": by_alias,
            "exclude_unset": exclude_unset,
            "exclude_defaults": exclude_defaults,
        }
        dumped = {}
        for name, alias, default in self._table:
            if exclude_unset and name not in self._set:
                continue
            value = getattr(self, name)
            if exclude_defaults and _dump(value, options) == _dump(
                _default(name, default), options
            ):
                continue
            dumped[alias if by_alias else name] = _dump(value, options)
        return dumped

    def model_copy(self, *, update: dict[str, Any] | None = None) -> PlainModel:
        values = {name: getattr(self, name) for name, _alias, _default in self._table}
        values.update(update or {})
        return PlainModel(self._table, values, self._set | set(update or ()))


def default_config() -> Config:
    """The config of a run without a config file (Config.model_construct(), as plain values)."""
    return cast("Config", PlainModel(CONFIG, {}, set()))


def is_plain(config: object) -> bool:
    return isinstance(config, PlainModel)


def plain_config(data: dict[str, Any]) -> Config:
    """Config.model_validate(data) for data that is valid (a preset's settings, merged)."""
    return cast("Config", _validated(CONFIG, data))


def _validated(table: Table, data: dict[str, Any]) -> PlainModel:
    names = {alias: name for name, alias, _default in table}
    names.update({name: name for name, _alias, _default in table})
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = names[key]
        if name == "generator":
            values[name] = _validated(GENERATORCONFIG, value)
        elif name == "components":
            values[name] = {each: _validated(COMPONENTCONFIG, item) for each, item in value.items()}
        else:
            values[name] = _copied(value)
    return PlainModel(table, values, set(values))


def _default(name: str, default: Any) -> Any:
    if name == "generator":
        return PlainModel(GENERATORCONFIG, {}, set())
    return _copied(default)


def _copied(value: Any) -> Any:
    """A fresh copy, as validation makes one (the presets' data is shared)."""
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value


def _dump(value: Any, options: dict[str, Any]) -> Any:
    if isinstance(value, PlainModel):
        return value.model_dump(**options)
    if isinstance(value, list):
        return [_dump(item, options) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item, options) for key, item in value.items()}
    return value
