"""What all files of one run share, built once: config, collections, static roots, components."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pathspec

from klm_lint.config.model import CollectionConfig, ComponentConfig, Config
from klm_lint.files import ProjectRoot, project_path
from klm_lint.load.paths import inside
from klm_lint.site.schema import Schema
from klm_lint.site.static import StaticRoots

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.load.document import Document
    from klm_lint.site.authors import Authors

DEFAULT_COMPONENTS: dict[str, ComponentConfig] = {
    "Blockquote": ComponentConfig.model_construct(required=["name"]),
    "Notice": ComponentConfig.model_construct(
        required=["type"], values={"type": ["note", "tip", "info", "warning"]}
    ),
    "Tabs": ComponentConfig.model_construct(),
    "Tab": ComponentConfig.model_construct(required=["name"]),
    "Accordion": ComponentConfig.model_construct(required=["title"]),
    "Youtube": ComponentConfig.model_construct(required=["id", "title"]),
    "Video": ComponentConfig.model_construct(required=["src"], assets=["src"]),
    "Button": ComponentConfig.model_construct(required=["href"]),
    "Code": ComponentConfig.model_construct(required=["language"]),
}


def gitignore(patterns: list[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    include: pathspec.GitIgnoreSpec
    exclude: pathspec.GitIgnoreSpec
    schema: Schema

    def contains(self, site_path: str) -> bool:
        return self.include.match_file(site_path) and not self.exclude.match_file(site_path)

    @property
    def indexed(self) -> bool:
        """Whether its files are posts that whole-site rules compare with each other."""
        return self.schema.name == "post"


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
        self.static = StaticRoots(root, [self.named_path("static", f) for f in config.static])
        self.collections = _collections(config)
        self.components = {**DEFAULT_COMPONENTS, **config.components}
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


def _default_collections(config: Config) -> dict[str, CollectionConfig]:
    return {
        "posts": CollectionConfig.model_construct(
            include=["content/posts/**", "content/blog/**"], exclude=["_*"], schema_name="post"
        ),
        "pages": CollectionConfig.model_construct(
            include=[f"{folder}/**" for folder in config.content], schema_name="page"
        ),
    }


def _collections(config: Config) -> list[Collection]:
    defaults = _default_collections(config)
    merged: dict[str, CollectionConfig] = {}
    for name, collection in config.collections.items():
        base = defaults.pop(name, None)
        if base is not None:
            collection = base.model_copy(update=collection.model_dump(exclude_unset=True))
        merged[name] = collection
    ordered = {**{k: v for k, v in defaults.items() if k != "pages"}, **merged}
    if "pages" in defaults:
        ordered["pages"] = defaults["pages"]
    return [
        Collection(
            name,
            gitignore(collection.include),
            gitignore(collection.exclude),
            Schema.build(collection, "post" if name == "posts" else "page"),
        )
        for name, collection in ordered.items()
    ]
