"""Validating config data, with errors in the user's words: the file, the line and column of
the key at fault, what is wrong with its value, and the key that was probably meant."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from klm_lint.errors import ConfigError
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from collections.abc import Sequence

M = TypeVar("M", bound=BaseModel)

_QUOTED = re.compile(r"'([^']*)'")
_WORDS = {
    "bool_type": "true or false (without quotes)",
    "int_type": "a whole number (without quotes)",
    "float_type": "a number (without quotes)",
    "string_type": "text, in quotes",
    "list_type": 'a list, such as ["a", "b"]',
    "dict_type": "a table of keys and values",
    "model_type": "a table of keys and values",
    "model_attributes_type": "a table of keys and values",
}


def validated(
    model: type[M], data: Any, source: str, text: str | None = None, prefix: Sequence[str] = ()
) -> M:
    """The data as the model, or a ConfigError naming the file, the position of the key and
    the problem. `text` is the file's TOML (for positions); `prefix` the keys above the data in
    it (`tool.klm-lint` in pyproject.toml)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ConfigError(describe(source, error, data, text, prefix)) from None


def describe(
    source: str, error: ValidationError, data: Any, text: str | None, prefix: Sequence[str] = ()
) -> str:
    details = error.errors(include_url=False)
    first = _representative(details)
    path = _keys(first["loc"])
    where = ".".join(path) or "the config"
    position = _position(text, [*prefix, *path]) if text is not None else ""
    problem = first["type"]
    if problem == "extra_forbidden":
        key = path[-1] if path else ""
        hint = _did_you_mean(key, _siblings(data, path[:-1]))
        return f"{source}{position}: unknown option '{where}'{hint}"
    value = first.get("input")
    if problem in _WORDS:
        return f"{source}{position}: {where} must be {_WORDS[problem]}, not {_shown(value)}"
    if problem == "literal_error":
        expected = first.get("ctx", {}).get("expected", "")
        words = _QUOTED.findall(expected)
        hint = _did_you_mean(value, words) if isinstance(value, str) else ""
        if len(words) > 6:
            expected = "one of " + ", ".join(words)
        return f"{source}{position}: {where} must be {expected}, not {_shown(value)}{hint}"
    if problem in ("greater_than", "greater_than_equal"):
        limit = first.get("ctx", {}).get("gt", first.get("ctx", {}).get("ge"))
        word = "more than" if problem == "greater_than" else "at least"
        return f"{source}{position}: {where} must be {word} {limit}, not {_shown(value)}"
    return f"{source}{position}: {where}: {first['msg']}"


def _representative(details: list[Any]) -> Any:
    """The error that says most: an unknown key first, then a text that is not one of the
    words a key takes, then one outside a union's branches."""
    for detail in details:
        if detail["type"] == "extra_forbidden":
            return detail
    for detail in details:
        if detail["type"] == "literal_error" and isinstance(detail.get("input"), str):
            return detail
    for detail in details:
        if not any(_is_branch(part) for part in detail["loc"]):
            return detail
    return details[0]


_BRANCHES = frozenset(
    {
        "FieldSpec",
        "SchemaSpec",
        "LimitSpec",
        "CollectionConfig",
        "ComponentConfig",
        "GeneratorConfig",
    }
)


def _is_branch(part: object) -> bool:
    """A step of pydantic's error location that names a branch of a union, not a key."""
    return isinstance(part, str) and ("[" in part or part in _BRANCHES)


def _keys(loc: tuple[Any, ...]) -> list[str]:
    return [str(part) for part in loc if not _is_branch(part)]


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _siblings(data: Any, path: list[str]) -> list[str]:
    """The keys a table at this path may have: the fields of the config model whose keys fit
    the table best."""
    from klm_lint.config import model as models

    if path == ["generator"]:
        return [info.alias or name for name, info in models.GeneratorConfig.model_fields.items()]
    candidates: list[type[BaseModel]] = [
        models.Config,
        models.CollectionConfig,
        models.ComponentConfig,
        models.FieldSpec,
        models.SchemaSpec,
        models.LimitSpec,
        models.GeneratorConfig,
    ]
    present = set(_table(data, path))
    best: list[str] = []
    best_score = -1
    for candidate in candidates:
        names = [info.alias or name for name, info in candidate.model_fields.items()]
        score = len(present & set(names))
        if score > best_score:
            best, best_score = names, score
    return best


def _table(data: Any, path: list[str]) -> dict[str, Any]:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _did_you_mean(key: str, known: list[str]) -> str:
    close = close_matches(key, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _position(text: str, path: list[str]) -> str:
    """`:line:column` of the key at the path in the TOML text, or "" when it cannot be found."""
    from klm_lint.load.nodes import Mapping
    from klm_lint.load.syntax import FrontMatterError
    from klm_lint.load.text import LineIndex
    from klm_lint.load.toml_tree import parse_toml

    try:
        node: object = parse_toml(text, 0, len(text))
    except FrontMatterError:
        return ""
    found = None
    for key in path:
        if not isinstance(node, Mapping):
            break
        entry = node.get(key)
        if entry is None:
            break
        found, node = entry, entry.value
    if found is None:
        return ""
    line, column = LineIndex(text).position(found.key.start)
    return f":{line}:{column}"
