"""What all files of one run share, built once: config, collections, static roots, components."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from klm_lint.config.preset import DEFAULT_PRESET, load_preset
from klm_lint.errors import ConfigError
from klm_lint.files import ProjectRoot, project_path
from klm_lint.load.paths import inside
from klm_lint.site.patterns import Patterns
from klm_lint.site.schema_build import SchemaLibrary
from klm_lint.site.static import StaticRoots

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.config.model import Config
    from klm_lint.load.document import Document
    from klm_lint.site.authors import Authors
    from klm_lint.site.schema import Schema


@dataclass(frozen=True, slots=True)
class Component:
    """An MDX component the theme provides: its required props, the values a prop may take,
    and the props that name assets (the config's `components` table, or the defaults below)."""

    required: tuple[str, ...] = ()
    values: dict[str, list[str]] = field(default_factory=dict)
    assets: tuple[str, ...] = ()


DEFAULT_COMPONENTS: dict[str, Component] = {
    "Blockquote": Component(required=("name",)),
    "Notice": Component(required=("type",), values={"type": ["note", "tip", "info", "warning"]}),
    "Tabs": Component(),
    "Tab": Component(required=("name",)),
    "Accordion": Component(required=("title",)),
    "Youtube": Component(required=("id", "title")),
    "Video": Component(required=("src",), assets=("src",)),
    "Button": Component(required=("href",)),
    "Code": Component(required=("language",)),
}


def gitignore(patterns: list[str], key: str = "a pattern") -> Patterns:
    """gitignore-style patterns (a ConfigError naming the config key for one that is not)."""
    try:
        return Patterns(patterns)
    except (ValueError, TypeError) as error:
        raise ConfigError(f"{key}: {error}; write gitignore-style patterns") from None


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    include: Patterns
    exclude: Patterns
    schema: Schema
    compare: bool
    """Whole-site rules compare its files with each other (they are posts)."""
    patterns: tuple[str, ...] = ()
    """Its include patterns as written, for messages."""
    source: str = ""
    """Where it is defined: the preset, or the config file."""

    def contains(self, site_path: str) -> bool:
        return self.include.match_file(site_path) and not self.exclude.match_file(site_path)

    @property
    def indexed(self) -> bool:
        """Whether its files are posts that whole-site rules compare with each other."""
        return self.compare

    @property
    def noun(self) -> str:
        """How messages call its files."""
        return "post" if self.compare else "page"


class Site:
    def __init__(
        self,
        root: Path,
        config: Config,
        config_path: Path | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        self.root = root
        self.root_text = os.path.abspath(root)
        self.project = ProjectRoot.at(root)
        self.config = config
        self.config_path = config_path
        self.content_folders = [self.named_path("content", folder) for folder in config.content]
        """The content folders, each checked to lie in the project."""
        static = [self.named_path("static", folder) for folder in config.static]
        if "static" in config.model_fields_set:
            _static_folders_exist(root, static, config_path)
        self.static = StaticRoots(root, static)
        self.schemas = _schema_library(root, config, config_path)
        self.collections = _collections(config, config_path, self.schemas)
        self.components = {
            **DEFAULT_COMPONENTS,
            **{
                name: Component(tuple(given.required), dict(given.values), tuple(given.assets))
                for name, given in config.components.items()
            },
        }
        self._collection_by_path: dict[str, Collection | None] = {}
        self.now = now or dt.datetime.now(dt.timezone.utc)
        """The build time scheduled posts are compared with (--now)."""
        self.authors: Authors | None = None
        if config.authors:
            from klm_lint.site.authors import load_authors

            self.authors = load_authors(root, config.authors, config_path, project=self.project)

    def named_path(self, key: str, value: str) -> str:
        """A folder or file the config names, relative to the project root, once checked to lie
        in the project (ConfigError otherwise)."""
        return project_path(self.project, key, value, self.config_path)

    def site_path(self, path: Path | str) -> str:
        """The path relative to the project root with / separators, or "" when outside it."""
        relative = inside(os.path.abspath(path), self.root_text)
        return "" if relative is None else relative.replace(os.sep, "/")

    def collection_of(self, doc: Document) -> Collection | None:
        """The collection a loaded document is in."""
        try:
            return self._collection_by_path[doc.site_path]
        except KeyError:
            return self.collection_for(doc.site_path)

    def collection_for(self, site_path: str) -> Collection | None:
        """The first collection whose patterns match the path (matched once per path)."""
        if not site_path:
            return None
        if site_path in self._collection_by_path:
            return self._collection_by_path[site_path]
        found = next((c for c in self.collections if c.contains(site_path)), None)
        self._collection_by_path[site_path] = found
        return found


def _static_folders_exist(root: Path, folders: list[str], config_path: Path | None) -> None:
    """A static folder the config names must exist: otherwise every asset of every post would be
    reported missing, where one line about the config says it all."""
    for folder in folders:
        if not os.path.isdir(root / folder):
            where = config_path if config_path is not None else "the config"
            raise ConfigError(
                f"{where}: static names {folder}/, which is not a folder in {root}; every image "
                "path would be reported missing. Correct static, or create the folder"
            )


def _schema_library(root: Path, config: Config, config_path: Path | None) -> SchemaLibrary:
    """The preset's schemas, with the config's written over them (field by field)."""
    preset = load_preset()
    named: dict[str, dict[str, Any]] = dict(preset.get("schemas", {}))
    sources = {name: f"the {DEFAULT_PRESET} preset" for name in named}
    for name, spec in config.schemas.items():
        raw = spec.model_dump(by_alias=True, exclude_unset=True)
        base = named.get(name)
        if base is not None:
            fields = {**base.get("fields", {}), **raw.get("fields", {})}
            raw = {**base, **raw, "fields": fields}
        named[name] = raw
        sources[name] = str(config_path) if config_path is not None else "the config"
    return SchemaLibrary(root, named, sources)


def _collections(
    config: Config, config_path: Path | None, library: SchemaLibrary
) -> list[Collection]:
    """The config's collections first, in the order it writes them, then the preset's."""
    preset = load_preset()
    written = {
        name: collection.model_dump(by_alias=True, exclude_unset=True)
        for name, collection in config.collections.items()
    }
    ordered: dict[str, tuple[dict[str, Any], str]] = {}
    from_preset: dict[str, dict[str, Any]] = dict(preset.get("collections", {}))
    shown = str(config_path) if config_path is not None else "the config"
    for name, raw in written.items():
        base = from_preset.pop(name, {})
        ordered[name] = ({**base, **raw}, shown)
    for name, raw in from_preset.items():
        ordered[name] = (raw, f"the {DEFAULT_PRESET} preset")
    collections = []
    for name, (raw, source) in ordered.items():
        include = _expand(raw.get("include", []), config.content)
        where = f"collections.{name}"
        schema_name = str(raw.get("schema") or "page")
        schema = library.get(schema_name, f"{where}.schema")
        schema = library.with_changes(
            schema, list(raw.get("required", [])), dict(raw.get("fields", {})), where
        )
        compare = raw.get("compare")
        collections.append(
            Collection(
                name,
                gitignore(include, f"{where}.include"),
                gitignore(_expand(raw.get("exclude", []), config.content), f"{where}.exclude"),
                schema,
                schema.is_a("post") if compare is None else bool(compare),
                tuple(include),
                source,
            )
        )
    return collections


def _expand(patterns: list[str], content: list[str]) -> list[str]:
    """`{content}/**` once per content folder."""
    expanded: list[str] = []
    for pattern in patterns:
        if "{content}" in pattern:
            expanded += [pattern.replace("{content}", folder.strip("/")) for folder in content]
        else:
            expanded.append(pattern)
    return expanded
