"""The config of a run that reads no config file: the model's defaults as plain data.

Building the pydantic model costs more than linting a post, and a run without a config file
(the pre-commit hook on most sites) needs nothing of it but its defaults. `DEFAULTS` is
`Config().model_dump()` written out; `tests/config/test_defaults.py` holds the two equal, key
by key and in order, and prints the dictionary to write here when the model changes. There is
one definition of the config, klm_lint/config/model.py: this is a copy of its output.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from klm_lint.config.model import Config

DEFAULTS: dict[str, Any] = {
    "content": ["content"],
    "static": ["public", "static"],
    "include": ["*.md", "*.mdx", "*.markdown"],
    "exclude": [],
    "respect_gitignore": True,
    "select": [],
    "extend_select": [],
    "ignore": [],
    "severity": {},
    "per_file_ignores": {},
    "collections": {},
    "schemas": {},
    "components": {},
    "mdx": True,
    "authors": None,
    "date_order": "month-first",
    "max_file_size": 10485760,
    "max_front_matter_size": 1048576,
    "cache": True,
    "cache_dir": ".klm-lint-cache",
}


class DefaultConfig:
    """Config's defaults, read as Config's fields are; with the few model methods a run calls
    (`model_fields_set`, `model_dump`, `model_copy`), answering as the model would."""

    def __init__(self, update: dict[str, Any] | None = None) -> None:
        values = copy.deepcopy(DEFAULTS)
        values.update(update or {})
        self.__dict__.update(values)
        self._set = frozenset(update or ())

    @property
    def model_fields_set(self) -> set[str]:
        return set(self._set)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The values, as Config().model_dump() gives them (with by_alias, by their keys)."""
        values = {name: copy.deepcopy(getattr(self, name)) for name in DEFAULTS}
        if options.get("exclude_unset"):
            values = {name: value for name, value in values.items() if name in self._set}
        if options.get("by_alias"):
            return {name.replace("_", "-"): value for name, value in values.items()}
        return values

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Config:
        changed = {name: getattr(self, name) for name in self._set}
        return default_config({**changed, **(update or {})})


def default_config(update: dict[str, Any] | None = None) -> Config:
    """The defaults as a Config (with `update` written over them)."""
    unknown = set(update or ()) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"not a config field: {sorted(unknown)}")
    return cast("Config", DefaultConfig(update))
