"""Where the config is found, and reading it.

Looked for from the linted path (or the working directory) upward: `klm-lint.toml`,
`.klm-lint.toml`, or a `[tool.klm-lint]` table in `pyproject.toml`. The first one found wins.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from klm_lint.config.model import Config
from klm_lint.errors import ConfigError
from klm_lint.files import NAMED_FILE_LIMIT, ProjectRoot, Refused, read_regular

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("klm-lint.toml", ".klm-lint.toml", "pyproject.toml")
ROOT_MARKERS = ("klm-lint.toml", ".klm-lint.toml", "pyproject.toml", "package.json", ".git")


class LoadedConfig:
    """A validated config and the file it came from (None: built-in defaults)."""

    __slots__ = ("config", "path")

    def __init__(self, config: Config, path: Path | None) -> None:
        self.config = config
        self.path = path


def find_config_file(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if _exists(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _exists(candidate: Path) -> bool:
    """Whether there is something by that name; what it is, reading it tells (a FIFO or a link
    out of the project is an error, not a config to pass over)."""
    try:
        return candidate.is_file() or candidate.is_symlink() or candidate.exists()
    except (OSError, ValueError):
        return False


def find_project_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return start


def load_config(path: Path | None, *, named: bool = False) -> LoadedConfig:
    """The config in the file (None: the defaults). A file found in a folder is that folder's,
    and must not lead out of it through a link; one `named` on the command line is read where
    it is. Either way it is read through the guard: a regular file, at most 1 MiB."""
    if path is None:
        return LoadedConfig(Config.model_construct(), None)
    data = _read_toml(path, named=named)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("klm-lint", {})
    try:
        return LoadedConfig(Config.model_validate(data), path)
    except ValidationError as error:
        raise ConfigError(_describe(path, error)) from None


def _has_tool_table(pyproject: Path) -> bool:
    return "klm-lint" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path, *, named: bool = False) -> dict[str, Any]:
    project = None if named else ProjectRoot.at(path.parent)
    try:
        raw, _info = read_regular(path, NAMED_FILE_LIMIT, project)
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except Refused as refused:
        raise ConfigError(f"{path}: cannot read the config file ({refused.reason})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise ConfigError(f"{path}: the config file is not valid TOML ({first})") from None
    except RecursionError:
        raise ConfigError(
            f"{path}: the config file nests too deeply for klm-lint to read it"
        ) from None
    return data


def _describe(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        return f"{path}: unknown option '{where}'"
    return f"{path}: {where}: {first['msg']}"
