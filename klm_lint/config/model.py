"""The configuration model: every key of `klm-lint.toml`, its type and its default."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
    respect_gitignore: bool = True
    """Skip what git ignores (.gitignore files, .git/info/exclude) when walking folders."""
    select: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    """Rules to run on top of the select in force (the config's, or --select's)."""
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
