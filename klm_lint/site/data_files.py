"""Data files the config names (authors, the lists references point to): YAML, TOML or JSON,
read as plain data."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import yaml

from klm_lint.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_LOADERS = {".yaml": "YAML", ".yml": "YAML", ".toml": "TOML", ".json": "JSON"}


def read_data_file(root: Path, relative: str, what: str) -> object:
    """The parsed data of a file the config names (`what` says which key names it, for
    messages); a ConfigError when it does not exist or does not parse."""
    path = root / relative
    kind = _LOADERS.get(path.suffix.lower())
    if kind is None:
        raise ConfigError(
            f"{what}: {relative} is not a .yaml, .yml, .toml or .json file; klm-lint cannot read it"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{what}: {relative} does not exist in {root}") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8"
        raise ConfigError(f"{what}: cannot read {relative} ({reason})") from None
    try:
        if kind == "TOML":
            return tomllib.loads(text)
        if kind == "JSON":
            return json.loads(text)
        return yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
        raise ConfigError(f"{relative}: the {what} file is not valid {kind} ({first})") from None
