"""What all files of one run share, built once: config, collections, static roots, components."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from klm_lint.config.preset import DEFAULT_PRESET, PresetChoice, apply_preset, load_preset
from klm_lint.errors import ConfigError
from klm_lint.files import ProjectRoot, project_path
from klm_lint.load.nodes import Scalar, lookup
from klm_lint.load.paths import inside
from klm_lint.records import field, value_record
from klm_lint.site.assets import AssetResolver
from klm_lint.site.date_forms import judge, moment_of, path_date, text_moment
from klm_lint.site.following import follows_links
from klm_lint.site.patterns import Patterns
from klm_lint.site.publication import held_back, is_false
from klm_lint.site.schema_build import SchemaLibrary
from klm_lint.site.static import StaticRoots
from klm_lint.site.urls import ADDRESS_RULES, address_of, page_url

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.config.model import Config, GeneratorConfig
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Node
    from klm_lint.site.authors import Authors
    from klm_lint.site.date_forms import DateVerdict
    from klm_lint.site.schema import Schema
    from klm_lint.site.static import Resolution
    from klm_lint.site.urls import Address

_REMEMBERED_PATHS = 4096
"""The most paths whose collection is remembered at once."""


@value_record
class Component:
    """An MDX component the theme provides: its required props, the values a prop may take,
    and the props that name assets (the config's `components` table, or the defaults below)."""

    required: tuple[str, ...] = ()
    values: dict[str, list[str]] = field(default_factory=dict)
    assets: tuple[str, ...] = ()


DEFAULT_COMPONENTS: dict[str, Component] = {
    # The KLM theme's components (the nextjs preset): other generators have no such theme.
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


@value_record
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
    addressed: bool = False
    """The whole-site index holds its files for their addresses even when they are not
    compared (every page's address is unique across the site)."""

    def contains(self, site_path: str) -> bool:
        return self.include.match_file(site_path) and not self.exclude.match_file(site_path)

    @property
    def indexed(self) -> bool:
        """Whether the whole-site index holds its files."""
        return self.compare or self.addressed

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
        preset: PresetChoice | None = None,
    ) -> None:
        self.root = root
        self.root_text = os.path.abspath(root)
        self.project = ProjectRoot.at(root)
        if preset is None:
            where = str(config_path) if config_path is not None else "the config"
            named = config.preset
            preset = (
                PresetChoice(named, where) if named else PresetChoice(DEFAULT_PRESET, "default")
            )
        self.preset = preset
        self.written = config
        """The config as the file wrote it (no preset settings)."""
        config = apply_preset(config, preset.name)
        self.config = config
        """The effective config: the file's keys, then the preset's."""
        self.config_path = config_path
        self.content_folders = [self.named_path("content", folder) for folder in config.content]
        """The content folders, each checked to lie in the project."""
        self.static_folders = [self.named_path("static", folder) for folder in config.static]
        """The static folders, each checked to lie in the project."""
        if "static" in self.written.model_fields_set:
            _static_folders_exist(root, self.static_folders, config_path)
        self.static = StaticRoots(root, self.static_folders)
        self.assets = AssetResolver(
            root, config, self.static, self.address, self._noun, self.named_path
        )
        self.schemas = _schema_library(root, config, config_path, preset.name)
        self.follows_links = follows_links(root, config.generator)
        """KLM406 follows links (site/following.py)."""
        self.collections = _collections(
            config, config_path, self.schemas, preset.name, self.follows_links
        )
        self.list_pages = gitignore(config.generator.list_pages, "generator.list-pages")
        theme = DEFAULT_COMPONENTS if preset.name == DEFAULT_PRESET else {}
        self.components = {
            **theme,
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

    def files_changed(self) -> None:
        """Files the assets may name were created or deleted: look for them again."""
        self.static = StaticRoots(self.root, self.static_folders)
        self.assets = AssetResolver(
            self.root, self.config, self.static, self.address, self._noun, self.named_path
        )

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
        """The first collection whose patterns match the path (remembered for the paths asked
        about last: a file's collection is asked for while it is linted)."""
        if not site_path:
            return None
        known = self._collection_by_path
        if site_path in known:
            return known[site_path]
        found = next((c for c in self.collections if c.contains(site_path)), None)
        if len(known) >= _REMEMBERED_PATHS:
            known.clear()  # a large site's paths are many: a table of them all is megabytes
        known[site_path] = found
        return found

    def noun_of(self, collection_name: str) -> str:
        """How messages call the files of a collection: post or page."""
        found = next((c for c in self.collections if c.name == collection_name), None)
        return found.noun if found is not None else "page"

    # How the site's generator reads content (the preset's [generator] table, and the config's)

    @property
    def generator(self) -> GeneratorConfig:
        return self.config.generator

    def is_list_page(self, site_path: str) -> bool:
        """A section's or the home page's list (`_index.md`), by its file name."""
        return bool(self.list_pages.match_file(site_path.rsplit("/", 1)[-1]))

    def address(self, doc: Document) -> Address | None:
        """The file's address on the built site (None: it gets none)."""
        return doc.derived(_address, self)

    def page_url(self, doc: Document) -> str | None:
        """The path a browser opens the file's page at (None: it has none the preset knows)."""
        return doc.derived(_page_url, self)

    def _noun(self, doc: Document) -> str:
        collection = self.collection_of(doc)
        return collection.noun if collection is not None else "page"

    def is_hidden(self, doc: Document) -> bool:
        """The generator leaves the file out of the site: a draft, unpublished or expired."""
        return held_back(doc, self.config.generator, self.now)

    def judge_date(self, doc: Document, node: Node, kind: str) -> DateVerdict | None:
        """How the generator reads a date value: None when as written."""
        fmt = doc.front_matter.format if doc.front_matter is not None else "yaml"
        return judge(node, self.config.generator.dates, kind, fmt)

    def path_date(self, doc: Document) -> tuple[str, int, int] | None:
        """The date the generator takes from the file's path, and where it is in the path."""
        return path_date(doc.site_path, self.config.generator.date_from_path)

    def goes_live(self, doc: Document) -> tuple[dt.datetime, Scalar | None] | None:
        """When the generator first publishes the file, and the value that says so (None for
        a date from the path); None when nothing dates it."""
        generator = self.config.generator
        if doc.front_matter is not None:
            for key in generator.publish_date_keys:
                _entry, node = lookup(doc.front_matter.root, (key,))
                if node is None or (isinstance(node, Scalar) and node.value is None):
                    continue
                moment = moment_of(node, generator.dates)
                if moment is None or not isinstance(node, Scalar):
                    return None
                return moment, node
        found = self.path_date(doc)
        if found is None:
            return None
        moment = text_moment(found[0].replace("/", "-"))
        return (moment, None) if moment is not None else None

    def waits_for_date(self, doc: Document) -> bool:
        """A file the generator publishes only from its date on: it is not held back another
        way, and where drafts are read for JavaScript truthiness (the KLM theme), its draft
        flag is written false."""
        generator = self.config.generator
        if generator.future == "shown" or doc.front_matter is None:
            return False
        if generator.future == "posts-hidden":
            collection = self.collection_of(doc)
            if collection is None or not collection.compare:
                return False
        if generator.draft_values == "js-truthy" and generator.draft_key:
            _entry, draft = lookup(doc.front_matter.root, (generator.draft_key,))
            if not is_false(draft):
                return False
        return not self.is_hidden(doc)

    @property
    def generator_name(self) -> str:
        """How messages name the generator: "the site" for the KLM theme."""
        return ADDRESS_RULES[self.config.generator.urls].generator

    def resolve_asset(self, value: str, doc: Document, *, body: bool) -> Resolution | None:
        """Where an asset path of the file resolves (None: not checked, such as a remote URL
        or, where the generator expands them, template code)."""
        return self.assets.resolve(value, doc, body=body)


def _address(doc: Document, site: Site) -> Address | None:
    collection = site.collection_of(doc)
    return address_of(doc, collection.name if collection is not None else "", site.config)


def _page_url(doc: Document, site: Site) -> str | None:
    return page_url(doc, site.address(doc), site.config)


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


def _schema_library(
    root: Path, config: Config, config_path: Path | None, preset_name: str
) -> SchemaLibrary:
    """The preset's schemas, with the config's written over them (field by field)."""
    preset = load_preset(preset_name)
    named: dict[str, dict[str, Any]] = dict(preset.get("schemas", {}))
    sources = {name: f"the {preset_name} preset" for name in named}
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
    config: Config,
    config_path: Path | None,
    library: SchemaLibrary,
    preset_name: str,
    links: bool,
) -> list[Collection]:
    """The config's collections first, in the order it writes them, then the preset's
    (`links`: KLM406 follows links, so every page's address is indexed)."""
    preset = load_preset(preset_name)
    written = {
        name: collection.model_dump(by_alias=True, exclude_unset=True)
        for name, collection in config.collections.items()
    }
    ordered: dict[str, tuple[dict[str, Any], str]] = {}
    from_preset: dict[str, dict[str, Any]] = dict(preset.get("collections", {}))
    shown = str(config_path) if config_path is not None else "the config"
    for name, raw in written.items():
        base = from_preset.pop(name, {})
        # An empty table changes only where the preset's collection is matched.
        source = shown if raw or not base else f"the {DEFAULT_PRESET} preset"
        ordered[name] = ({**base, **raw}, source)
    for name, raw in from_preset.items():
        ordered[name] = (raw, f"the {preset_name} preset")
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
                addressed=config.generator.urls != "nextjs" or links,
            )
        )
    return collections


def _expand(patterns: list[str], content: list[str]) -> list[str]:
    """`{content}/**` once per content folder; a pattern written twice is kept once."""
    expanded: list[str] = []
    for pattern in patterns:
        if "{content}" in pattern:
            expanded += [pattern.replace("{content}", folder.strip("/")) for folder in content]
        else:
            expanded.append(pattern)
    return list(dict.fromkeys(expanded))
