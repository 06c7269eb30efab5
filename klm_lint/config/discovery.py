"""Where the config is found, and reading it.

Looked for from the linted path (or the working directory) upward: `klm-lint.toml`,
`.klm-lint.toml`, or a `[tool.klm-lint]` table in `pyproject.toml`. The first one found wins.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from klm_lint.config.detect import MARKER_FILES
from klm_lint.errors import ConfigError
from klm_lint.files import NAMED_FILE_LIMIT, ProjectRoot, Refused, read_regular

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.config.model import Config

CONFIG_FILES = ("klm-lint.toml", ".klm-lint.toml", "pyproject.toml")
ROOT_MARKERS = (
    "klm-lint.toml",
    ".klm-lint.toml",
    "pyproject.toml",
    "package.json",
    ".git",
    *MARKER_FILES,
)
"""A project's root holds one of them (a generator's config file among them)."""


class LoadedConfig:
    """A validated config and the file it came from (None: built-in defaults)."""

    __slots__ = ("config", "path")

    def __init__(self, config: Config, path: Path | None) -> None:
        self.config = config
        self.path = path


def find_config_file(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        found = config_file_in(folder)
        if found is not None:
            return found
    return None


def config_file_in(folder: Path) -> Path | None:
    """The config file of this folder itself (not of a folder above it)."""
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


def parse_config(text: str, path: Path) -> Config:
    """A config file's text (klm-lint.toml's form), validated as a file at `path` would be."""
    from klm_lint.config.model import Config
    from klm_lint.config.validation import validated

    return validated(Config, _parse(path, text), str(path), text)


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
        from klm_lint.config.plain import default_config

        return LoadedConfig(default_config(), None)
    from klm_lint.config.model import Config
    from klm_lint.config.validation import validated

    text = _read_text(path, named=named)
    data = _parse(path, text)
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("klm-lint", {})
        prefix = ("tool", "klm-lint")
    return LoadedConfig(validated(Config, data, str(path), text, prefix), path)


def _has_tool_table(pyproject: Path) -> bool:
    return "klm-lint" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    return _parse(path, _read_text(path))


def _read_text(path: Path, *, named: bool = False) -> str:
    """The config file's text, read through the guard (a file found in a folder must not lead
    out of it through a link)."""
    project = None if named else ProjectRoot.at(path.parent)
    try:
        raw, _info = read_regular(path, NAMED_FILE_LIMIT, project)
        return raw.decode("utf-8")
    except Refused as refused:
        raise ConfigError(f"{path}: cannot read the config file ({refused.reason})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the config file is not UTF-8 text") from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise ConfigError(f"{path}: the config file is not valid TOML ({first})") from None
    except RecursionError:
        raise ConfigError(
            f"{path}: the config file nests too deeply for klm-lint to read it"
        ) from None
    return data
