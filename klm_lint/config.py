"""The configuration model and where it is found.

Looked for from the linted path (or the working directory) upward: `klm-lint.toml`,
`.klm-lint.toml`, or a `[tool.klm-lint]` table in `pyproject.toml`. The first one found wins.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from klm_lint.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("klm-lint.toml", ".klm-lint.toml", "pyproject.toml")
ROOT_MARKERS = ("klm-lint.toml", ".klm-lint.toml", "pyproject.toml", "package.json", ".git")

FieldKind = Literal[
    "string",
    "boolean",
    "integer",
    "number",
    "date",
    "asset",
    "string-list",
    "list",
    "mapping",
    "any",
]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        populate_by_name=True,
        frozen=True,
        defer_build=True,
    )
    """Validators are built the first time a config file is read: a run without one (and the
    defaults below) never pays for them."""


class CollectionConfig(_Model):
    include: list[str] = Field(default_factory=list)
    """gitignore-style patterns, relative to the project root, of the collection's files."""
    exclude: list[str] = Field(default_factory=list)
    schema_name: Literal["post", "page"] | None = Field(default=None, alias="schema")
    required: list[str] = Field(default_factory=list)
    """Keys that must be present, besides the schema's own (dotted for nested: author.avatar)."""
    fields: dict[str, FieldKind] = Field(default_factory=dict)
    """Keys the schema does not know, and their kind (date and asset fields are checked as such)."""


class ComponentConfig(_Model):
    required: list[str] = Field(default_factory=list)
    values: dict[str, list[str]] = Field(default_factory=dict)
    assets: list[str] = Field(default_factory=list)


class Config(_Model):
    content: list[str] = Field(default_factory=lambda: ["content"])
    static: list[str] = Field(default_factory=lambda: ["public", "static"])
    include: list[str] = Field(default_factory=lambda: ["*.md", "*.mdx", "*.markdown"])
    exclude: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning"]] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    collections: dict[str, CollectionConfig] = Field(default_factory=dict)
    components: dict[str, ComponentConfig] = Field(default_factory=dict)
    mdx: bool = True
    """The site compiles every content file as MDX (true) or only `.mdx` files (false)."""
    authors: str | None = None
    """A YAML, TOML or JSON file, relative to the project root, listing each author's name and
    avatar; the avatars posts must use."""
    date_order: Literal["month-first", "day-first"] = "month-first"
    """How --unsafe-fixes reads dates such as 04/05/2022 where day and month could be swapped."""
    max_file_size: int = Field(default=10 * 1024 * 1024, gt=0)
    max_front_matter_size: int = Field(default=1024 * 1024, gt=0)
    cache: bool = False
    """Keep the whole-site index between runs, so a run on a few files reads only the posts
    that changed since (--cache and --no-cache decide for one run)."""
    cache_dir: str = ".klm-lint-cache"
    """Where, relative to the project root."""

    @field_validator("components", mode="before")
    @classmethod
    def _component_names(cls, value: object) -> object:
        if isinstance(value, list):
            return {name: {} for name in value}
        return value


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
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def find_project_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return start


def load_config(path: Path | None) -> LoadedConfig:
    if path is None:
        return LoadedConfig(Config.model_construct(), None)
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("klm-lint", {})
    try:
        return LoadedConfig(Config.model_validate(data), path)
    except ValidationError as error:
        raise ConfigError(_describe(path, error)) from None


def _has_tool_table(pyproject: Path) -> bool:
    return "klm-lint" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: the config file is not valid TOML ({error})") from None
    return data


def _describe(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        return f"{path}: unknown option '{where}'"
    return f"{path}: {where}: {first['msg']}"
