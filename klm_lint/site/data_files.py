"""Data files the config names (authors, the lists references point to): YAML, TOML or JSON,
read as plain data."""

from __future__ import annotations

import json
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING

import yaml

from klm_lint.errors import ConfigError
from klm_lint.files import ProjectRoot, read_config_file

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_LOADERS = {".yaml": "YAML", ".yml": "YAML", ".toml": "TOML", ".json": "JSON"}


def read_data_file(
    root: Path,
    relative: str,
    what: str,
    config: Path | None = None,
    *,
    project: ProjectRoot | None = None,
) -> object:
    """The parsed data of a file the config names (`what` says which key names it, for
    messages); a ConfigError when it does not exist or does not parse. It is read through the
    guard of klm_lint/files.py: a regular file in the project, no link out of it, at most
    1 MiB."""
    kind = _LOADERS.get(PurePath(relative).suffix.lower())
    if kind is None:
        raise ConfigError(
            f"{what}: {relative} is not a .yaml, .yml, .toml or .json file; klm-lint cannot read it"
        )
    _path, text = read_config_file(project or ProjectRoot.at(root), what, relative, config)
    try:
        if kind == "TOML":
            return tomllib.loads(text)
        if kind == "JSON":
            return json.loads(text)
        return yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
        raise ConfigError(f"{relative}: the {what} file is not valid {kind} ({first})") from None
    except RecursionError:
        raise ConfigError(
            f"{relative}: the {what} file nests too deeply for klm-lint to read it"
        ) from None
