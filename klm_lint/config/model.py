"""The configuration model: every key of `klm-lint.toml`, its type and its default."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from klm_lint.load.dialects import YamlDialect  # noqa: TC001 - pydantic reads it at run time

FieldType = Literal[
    "string",
    "boolean",
    "integer",
    "number",
    "date",
    "datetime",
    "date-or-datetime",
    "asset",
    "url",
    "email",
    "slug",
    "enum",
    "list",
    "object",
    "map",
    "any",
]
"""The types of the schema language."""
FieldKind = Literal[
    "string",
    "boolean",
    "integer",
    "number",
    "date",
    "datetime",
    "date-or-datetime",
    "asset",
    "url",
    "email",
    "slug",
    "any",
    "string-list",
    "list",
    "mapping",
    "object",
]
"""A field written as a type name alone (`subtitle = "string"`): the scalar types, and the
older `string-list`, `list` and `mapping` of the collections' `fields` table."""
Level = Literal["error", "warning"]
PresetName = Literal["nextjs", "astro", "docusaurus", "eleventy", "hugo", "jekyll", "zola"]
"""The presets: klm_lint/config/presets/NAME.toml."""
DateReader = Literal["iso", "js-date", "docusaurus", "luxon", "ruby", "go", "zola"]
"""Which date forms the site reads, and what it does with the others."""
DraftValues = Literal["js-truthy", "boolean", "boolean-or-text", "go-bool"]
"""How the generator reads the draft flag."""
UrlRule = Literal["nextjs", "astro", "docusaurus", "eleventy", "hugo", "jekyll", "zola"]
"""How the generator gives a file its address."""
RelativeBase = Literal["file", "bundle", "page-url"]
"""Where a relative asset path is looked for: beside the file, beside a page bundle's index
file, or under the page's own address."""
Unknown = Literal["error", "warning", "allow"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        populate_by_name=True,
        frozen=True,
        defer_build=True,
        strict=True,
    )
    """Validators are built the first time a config file is read: a run without one (and the
    defaults below) never pays for them."""


class LimitSpec(_Model):
    """A bound with the severity of its finding: `max-length = { value = 60, severity =
    "warning" }`."""

    value: int = Field(ge=0)
    severity: Level | None = None


Limit = int | LimitSpec


class FieldSpec(_Model):
    """One field of a schema, in the schema language."""

    type: FieldType = "any"
    required: bool = False
    nullable: bool = False
    """null (`~`, `null`, or nothing after the colon) is a value it may have."""
    empty: bool | str = False
    """Empty is allowed; a text says why (`"falls back to the title"`)."""
    impact: str | None = None
    """What the site does when the field is wrong, for messages."""
    description: str | None = None
    role: Literal["draft", "published"] | None = None
    """`draft`: the flag that hides a post when true; `published`: the flag that hides it when
    false (Jekyll). KLM104 judges either."""
    values: list[str | int | float | bool] | None = None
    pattern: str | None = None
    min_length: Limit | None = None
    max_length: Limit | None = None
    min_items: Limit | None = None
    max_items: Limit | None = None
    unique: bool = False
    items: FieldSpec | FieldKind | None = None
    fields: dict[str, FieldSpec | FieldKind] | None = None
    extends: str | None = None
    unknown: Unknown | None = None
    severity: Level | None = None
    deprecated: bool | str = False
    """Still read, but on its way out; a text names what replaces it."""
    ref: str | None = None
    """A data file (relative to the project root) whose keys the value must be one of."""
    ref_key: str | None = None
    """For a data file that is a list of mappings: the key that names each item."""


class SchemaSpec(_Model):
    """A named schema: `[schemas.NAME]`, or a schema file."""

    extends: str | None = None
    unknown: Unknown | None = None
    description: str | None = None
    fields: dict[str, FieldSpec | FieldKind] = Field(default_factory=dict)


class CollectionConfig(_Model):
    include: list[str] = Field(default_factory=list)
    """gitignore-style patterns, relative to the project root, of the collection's files;
    `{content}` stands for each content folder."""
    exclude: list[str] = Field(default_factory=list)
    schema_name: str | None = Field(default=None, alias="schema")
    """A schema's name, or a schema file: a TOML file in the schema language, or a JSON Schema
    file (.json); or a schema the site declares for its CMS or generator (`decap:blog`,
    `sitepins:posts`, `frontmatter:post`, `astro:blog`)."""
    compare: bool | None = None
    """Whole-site rules compare its files with each other (default: when its schema is `post`
    or extends it)."""
    required: list[str] = Field(default_factory=list)
    """Keys that must be present, besides the schema's own (dotted for nested: author.avatar)."""
    fields: dict[str, FieldSpec | FieldKind] = Field(default_factory=dict)
    """Fields added to or changed in the schema, for this collection."""


class ComponentConfig(_Model):
    required: list[str] = Field(default_factory=list)
    values: dict[str, list[str]] = Field(default_factory=dict)
    assets: list[str] = Field(default_factory=list)


class GeneratorConfig(_Model):
    """How the site's generator reads content: set by the preset, each key overridable in the
    config's `[generator]` table."""

    yaml: YamlDialect = "js-yaml-3"
    front_matter: Literal["required", "optional", "marks-pages"] = "required"
    """required: a content file without front matter is an error (KLM001); optional: it is a
    page without data; marks-pages: without front matter a file is not a page at all (Jekyll
    copies it as it is), so it is not checked."""
    front_matter_after_blank_lines: bool = False
    """The generator finds front matter after lines that hold only whitespace (Hugo, Zola,
    Astro); otherwise it must start on the first line."""
    code_front_matter: list[str] = Field(default_factory=list)
    """Front-matter languages the generator runs as code (Eleventy's `---js`): their data is
    not read, and such a file's front matter is not checked."""
    dates: DateReader = "iso"
    date_from_path: str = ""
    """A regular expression searched in the file's path (relative to the project root, with /):
    its first group is the date of a file that has none in its front matter."""
    future: Literal["hidden", "posts-hidden", "shown"] = "hidden"
    """Whether the generator holds back a file dated in the future until that date: any file,
    only posts (the files of collections it compares), or none."""
    draft_key: str = "draft"
    draft_values: DraftValues = "js-truthy"
    published_key: str = ""
    """A key whose false value hides a file (Jekyll's published)."""
    draft_folders: list[str] = Field(default_factory=list)
    """Folders whose files are drafts (Jekyll's _drafts), by name, at any depth."""
    publish_date_keys: list[str] = Field(default_factory=lambda: ["date"])
    """The keys that say when a post goes live, the first one present winning."""
    expiry_date_keys: list[str] = Field(default_factory=list)
    """The keys that say when a page is taken down (Hugo's expiryDate)."""
    list_pages: list[str] = Field(default_factory=lambda: ["_index.md", "_index.mdx"])
    """File names (glob patterns) of list pages: a section's or the home page's list."""
    relative_assets: list[RelativeBase] = Field(default_factory=list)
    """Where relative asset paths resolve, in the order tried; none: they are errors (the
    site needs paths from the site root)."""
    asset_aliases: dict[str, str] = Field(default_factory=dict)
    """Path prefixes that stand for a folder of the project: `"@site/" = "."`."""
    base_url: str = ""
    """The path the site is served under (`/blog`): body paths from the site root must start
    with it."""
    mdx_fences: list[str] = Field(default_factory=list)
    """Languages of fenced code blocks the generator unwraps and compiles as MDX (Docusaurus's
    `mdx-code-block`): components exported in them are defined for the file."""
    templates: bool = False
    """Values holding template code ({{ }} or {% %}) are left to the generator, unchecked."""
    urls: UrlRule = "nextjs"
    permalink: str = ""
    """Jekyll: the posts' permalink style (date, pretty, ordinal, weekdate, none) or template."""
    leaf_bundles: bool = False
    """Hugo: the other files in a folder holding an `index.md` (a leaf bundle), and in its
    subfolders, are the page's resources, not pages: walking a folder leaves them out."""
    permalinks: dict[str, str] = Field(default_factory=dict)
    """Hugo's `[permalinks]`: a section (or a folder path under the content folder) -> the
    pattern of its pages' addresses (`posts = "/:year/:month/:slug/"`)."""
    routes: dict[str, str] = Field(default_factory=dict)
    """The address each content folder is served at (`docs = "/docs/"`); a folder not listed
    is served at /."""
    internal_links: bool = True
    """KLM406 follows internal links: on where the preset knows the addresses the site serves
    (its content, and for Next.js and Astro its route files), off where templates or code
    klm-lint cannot read make pages (Docusaurus, Eleventy, Jekyll)."""

    @field_validator("date_from_path")
    @classmethod
    def _compiles(cls, value: str) -> str:
        if not value:
            return value
        import re2

        options = re2.Options()
        options.log_errors = False
        try:
            compiled = re2.compile(value, options)
        except re2.error as error:
            reason = (
                error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
            )
            raise ValueError(
                f"not a regular expression RE2 can run ({reason}); no look-arounds or "
                "back-references"
            ) from None
        if compiled.groups < 1:
            raise ValueError("needs a group, (...), around the date")
        return value


class Config(_Model):
    preset: PresetName | None = None
    """The generator the site is built with; none: detected from the project, else nextjs."""
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
    schemas: dict[str, SchemaSpec] = Field(default_factory=dict)
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
    cache: bool = True
    """Keep the whole-site index between runs, so a run on a few files reads only the posts
    that changed since (--cache and --no-cache decide for one run)."""
    cache_dir: str = ".klm-lint-cache"
    """Where, relative to the project root."""
    generator: GeneratorConfig = Field(default_factory=GeneratorConfig)

    @field_validator("components", mode="before")
    @classmethod
    def _component_names(cls, value: object) -> object:
        if isinstance(value, list) and all(isinstance(name, str) for name in value):
            return {name: {} for name in value}
        return value


FieldSpec.model_rebuild()
