"""Data files the config names (authors, the lists references point to): YAML, TOML or JSON,
read as plain data."""

from __future__ import annotations

import json
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING

from klm_lint.errors import ConfigError
from klm_lint.files import ProjectRoot, read_config_file
from klm_lint.lazy import lazy_pattern

if TYPE_CHECKING:
    from pathlib import Path

_LOADERS = {".yaml": "YAML", ".yml": "YAML", ".toml": "TOML", ".json": "JSON"}


def read_data_file(
    root: Path,
    relative: str,
    what: str,
    config: Path | None = None,
    *,
    project: ProjectRoot | None = None,
    describes: str | None = None,
) -> object:
    """The parsed data of a file the config names (`what` says which key names it, for
    messages); a ConfigError when it does not exist or does not parse. It is read through the
    guard of klm_lint/files.py: a regular file in the project, no link out of it, at most
    1 MiB. `describes`: what the file is, for syntax errors ("the authors file" when None)."""
    kind = _LOADERS.get(PurePath(relative).suffix.lower())
    if kind is None:
        raise ConfigError(
            f"{what}: {relative} is not a .yaml, .yml, .toml or .json file; klm-lint cannot read it"
        )
    _path, text = read_config_file(project or ProjectRoot.at(root), what, relative, config)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    import yaml  # here, as tomllib: a run that reads no data file does without them

    try:
        if kind == "TOML":
            return tomllib.loads(text)
        if kind == "JSON":
            return json.loads(text)
        return yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        position, problem = syntax_error(error, text)
        described = describes or f"the {what} file"
        raise ConfigError(
            f"{relative}{position}: {described} is not valid {kind} ({problem})"
        ) from None
    except RecursionError:
        described = describes or f"the {what} file"
        raise ConfigError(
            f"{relative}: {described} nests too deeply for klm-lint to read it"
        ) from None


_TOML_AT = lazy_pattern(
    r"^(?P<problem>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)


def syntax_error(error: Exception, text: str) -> tuple[str, str]:
    """Where a YAML, TOML or JSON parser stopped (`:line:column`, 1-based, or "" when it does
    not say), and what it says is wrong, on one line."""
    if isinstance(error, json.JSONDecodeError):
        return f":{error.lineno}:{error.colno}", error.msg
    import yaml

    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        problem = error.problem or error.context or "syntax error"
        return f":{mark.line + 1}:{mark.column + 1}", " ".join(problem.split())
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character[:1])
        return f":{line}:{column}", f"the character U+{code:04X} is not allowed in YAML"
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    first = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
    found = _TOML_AT.match(first) if isinstance(error, tomllib.TOMLDecodeError) else None
    if found is None:
        return "", first
    if found["line"] is None:
        lines = text.split("\n")
        return f":{len(lines)}:{len(lines[-1]) + 1}", found["problem"]
    return f":{found['line']}:{found['column']}", found["problem"]
