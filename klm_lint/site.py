"""What all files of one run share, built once: config, collections, static roots, components."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pathspec

from klm_lint.config import CollectionConfig, ComponentConfig, Config
from klm_lint.schema import Schema
from klm_lint.static import StaticRoots

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.authors import Authors
    from klm_lint.index_cache import IndexCache
    from klm_lint.site_index import SiteIndex

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


class Site:
    def __init__(
        self,
        root: Path,
        config: Config,
        config_path: Path | None = None,
        *,
        now: dt.datetime | None = None,
        cache: bool | None = None,
    ) -> None:
        self.root = root
        self.root_text = os.path.abspath(root)
        self.config = config
        self.config_path = config_path
        self.static = StaticRoots(root, config.static)
        self.collections = _collections(config)
        self.components = {**DEFAULT_COMPONENTS, **config.components}
        self.now = now or dt.datetime.now(dt.timezone.utc)
        """The build time scheduled posts are compared with (--now)."""
        self.authors: Authors | None = None
        if config.authors:
            from klm_lint.authors import load_authors

            self.authors = load_authors(root, config.authors)
        self._index: SiteIndex | None = None
        self.cache = config.cache if cache is None else cache
        """Keep the whole-site index between runs (config `cache`, or --cache/--no-cache)."""
        self._index_cache: IndexCache | None = None

    @property
    def index(self) -> SiteIndex:
        """The collection's posts for whole-site rules, read on first use only."""
        if self._index is None:
            from klm_lint.site_index import SiteIndex

            self._index = SiteIndex(self)
        return self._index

    def index_cache(self) -> IndexCache | None:
        """Where the whole-site index is kept between runs, when it is."""
        if not self.cache:
            return None
        if self._index_cache is None:
            from klm_lint.index_cache import IndexCache

            self._index_cache = IndexCache(self.root / self.config.cache_dir, self)
        return self._index_cache

    def collection_for(self, site_path: str) -> Collection | None:
        if not site_path:
            return None
        return next((c for c in self.collections if c.contains(site_path)), None)


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
