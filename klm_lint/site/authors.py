"""The site's list of authors (the `authors` config key): each author's name and avatar.

A YAML, TOML or JSON file holding a list of `{name, avatar}` entries, either at the top level or
under an `authors` key (TOML has no top-level lists: use `[[authors]]` tables).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.errors import ConfigError
from klm_lint.records import value_record
from klm_lint.site.data_files import read_data_file
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.files import ProjectRoot


@value_record
class Author:
    name: str
    avatar: str | None


def name_key(name: str) -> str:
    """An author's name with its whitespace evened out, for comparing names (the name itself
    when it is even already: the index keeps one per post)."""
    key = " ".join(name.split())
    return name if key == name else key


class Authors:
    def __init__(self, path: Path, shown: str, authors: list[Author]) -> None:
        self.path = path
        self.shown = shown
        """The file as messages name it: relative to the project root."""
        self._by_name = {name_key(author.name): author for author in authors}

    def find(self, name: str) -> Author | None:
        return self._by_name.get(name_key(name))

    def names(self) -> list[str]:
        """Every listed author's name, in the file's order."""
        return [author.name for author in self._by_name.values()]

    def suggest(self, name: str) -> str | None:
        """The listed name closest to an unknown one."""
        wanted = name_key(name)
        for known in self._by_name:
            if known.casefold() == wanted.casefold():
                return known
        close = close_matches(wanted, list(self._by_name), n=1, cutoff=0.6)
        return close[0] if close else None


def load_authors(
    root: Path,
    relative: str,
    config: Path | None = None,
    *,
    project: ProjectRoot | None = None,
) -> Authors:
    """The authors file, read through the guard every file the config names goes through:
    in the project, a regular file, at most 1 MiB."""
    data = read_data_file(root, relative, "authors", config, project=project)
    return Authors(root / relative, relative, _entries(data, relative))


def _valid_text(text: str) -> bool:
    """False for text holding a lone surrogate (JSON and YAML escapes can make one), which no
    report could write."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _entries(data: object, relative: str) -> list[Author]:
    if isinstance(data, dict) and "authors" in data:
        data = data["authors"]
    if not isinstance(data, list):
        raise ConfigError(
            f"{relative}: the authors file must be a list of authors, each with a name and an "
            "avatar (in TOML, [[authors]] tables)"
        )
    authors: list[Author] = []
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        where = f"{relative}: author {number}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where} is not a mapping with name and avatar")
        name, avatar = item.get("name"), item.get("avatar")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where} has no name (a non-empty text)")
        if avatar is not None and not isinstance(avatar, str):
            raise ConfigError(f"{where} ({name}): avatar must be a text, such as /images/a.jpg")
        if not _valid_text(name) or (avatar is not None and not _valid_text(avatar)):
            raise ConfigError(f"{where} has a name or avatar that is not valid Unicode text")
        if name_key(name) in seen:
            raise ConfigError(f"{where}: {name_key(name)} is listed twice")
        seen.add(name_key(name))
        authors.append(Author(name_key(name), avatar.strip() if avatar else None))
    return authors
