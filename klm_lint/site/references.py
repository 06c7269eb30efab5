"""References: a field whose value must name an entry of a data file (authors, categories,
tags), with the closest entry for a did-you-mean."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from klm_lint.errors import ConfigError
from klm_lint.site.data_files import read_data_file
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True, eq=False)
class Reference:
    file: str
    """As the config writes it, relative to the project root."""
    entries: frozenset[str]

    def suggest(self, value: str) -> str | None:
        for entry in self.entries:
            if entry.casefold() == value.casefold():
                return entry
        close = close_matches(value, sorted(self.entries), n=1, cutoff=0.6)
        return close[0] if close else None


def load_reference(root: Path, relative: str, key: str | None) -> Reference:
    """The entries of a data file: a mapping's keys, a list's texts, or the `key` of each
    mapping in a list (default `name`); a mapping holding nothing but one list stands for it
    (`authors: [...]`)."""
    data = read_data_file(root, relative, "ref")
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        data = next(iter(data.values()))
    if isinstance(data, dict):
        return Reference(relative, frozenset(str(name) for name in data))
    if not isinstance(data, list):
        raise ConfigError(
            f"ref: {relative} is not a list or a mapping, so it names no entries a field could "
            "refer to"
        )
    entries: set[str] = set()
    for number, item in enumerate(data, start=1):
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            entries.add(str(item))
        elif isinstance(item, dict) and isinstance(item.get(key or "name"), str):
            entries.add(item[key or "name"])
        else:
            raise ConfigError(
                f"ref: entry {number} of {relative} has no {key or 'name'} (a text); set "
                "ref-key to the key that names each entry"
            )
    return Reference(relative, frozenset(entries))
