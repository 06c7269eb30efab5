"""The `klm-lint.toml` that `klm-lint init` writes: the preset, the schemas the site already
declares (for the folders they cover), and for the other collections what their files add to
the preset's schemas, inferred from them (site/infer.py); commented, so that a user can review
every line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from klm_lint.config.model import Config
from klm_lint.config.preset import DEFAULT_PRESET, preset_names
from klm_lint.config.toml_text import dumps
from klm_lint.site.infer import infer
from klm_lint.site.schema_build import SHORTHANDS
from klm_lint.site.site import gitignore

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from klm_lint.config.detect import Detection
    from klm_lint.load.nodes import Mapping
    from klm_lint.site.declared import Declared
    from klm_lint.site.site import Collection, Site

Raw = dict[str, Any]
PRESET_KEY = "preset" in Config.model_fields
"""Whether a config names its preset (`preset = "hugo"`); without the key, the written file
names the preset in a comment, and the default preset is the one used."""


@dataclass(frozen=True, slots=True)
class Preset:
    """The preset `init` writes, and why."""

    name: str
    reason: str


def init_preset(asked: str | None, detection: Detection | None) -> Preset:
    """The preset asked for, else the one detected, else the default."""
    if asked is not None:
        return Preset(asked, "asked for with --preset")
    if detection is None:
        return Preset(DEFAULT_PRESET, "the default: nothing in the project names a generator")
    if detection.name not in preset_names():
        return Preset(
            DEFAULT_PRESET,
            f"{detection.reason}, but klm-lint has no {detection.name} preset yet; the default",
        )
    return Preset(detection.name, detection.reason)


def preset_config(preset: Preset) -> Config:
    """The config of a run with the preset alone (no config file)."""
    if PRESET_KEY:
        return Config.model_validate({"preset": preset.name})
    return Config.model_construct()


class Content:
    """The content files `init` reads, by path from the project root, each loaded when its
    collection's schema is inferred (so that only one collection's files are held at a time)."""

    def __init__(self, paths: list[str], load: Callable[[str], Mapping | None]) -> None:
        self.paths = paths
        self._load = load
        self.unread: list[str] = []
        """Files with no front matter, or front matter that does not load."""

    def roots(self, paths: list[str]) -> Iterator[tuple[str, Mapping]]:
        for path in paths:
            root = self._load(path)
            if root is None:
                self.unread.append(path)
            else:
                yield path, root


@dataclass(frozen=True, slots=True)
class Written:
    """The config, as text, and what it says in a few words."""

    text: str
    collections: int
    """How many collections it defines or changes."""
    inferred: int
    """From how many files it inferred schemas."""
    declared: tuple[str, ...]
    """The declared schemas it uses (`decap:blog`)."""


def write_config(
    site: Site,
    preset: Preset,
    content: Content,
    declared: list[Declared],
    problems: list[str],
    folders: list[str],
) -> Written:
    """The config for the site (a Site with the preset alone), from its content."""
    data: Raw = {}
    comments: dict[tuple[str, ...], str] = {}
    notes = list(problems)
    if PRESET_KEY:
        data["preset"] = preset.name
        comments[("preset",)] = preset.reason
    collections: Raw = {}
    schemas: Raw = {}
    claimed: set[str] = set()
    used: list[str] = []
    for each in declared:
        name = _declared_collection(site, each, content, claimed, collections, comments, notes)
        if name is not None:
            used.append(each.reference)
    by_collection: dict[str, list[str]] = {}
    for path in content.paths:
        collection = site.collection_for(path)
        if collection is not None and path not in claimed:
            by_collection.setdefault(collection.name, []).append(path)
    inferred_from = 0
    changed: list[Collection] = []
    for collection in site.collections:
        paths = by_collection.get(collection.name)
        if not paths:
            continue
        files, grew = _inferred(
            site, collection, content.roots(paths), collections, schemas, comments
        )
        inferred_from += files
        if grew:
            changed.append(collection)
    _keep_order(site, changed, collections, comments)
    if collections:
        data["collections"] = collections
    if schemas:
        data["schemas"] = {name: _shorthands(schema) for name, schema in schemas.items()}
    header = _header(preset, content, folders, notes, declared=bool(used), inferred=bool(changed))
    written = len([name for name, table in collections.items() if table])
    text = dumps(data, comments, header, ordered=[("collections",)])
    return Written(text, written, inferred_from, tuple(used))


def _declared_collection(
    site: Site,
    declared: Declared,
    content: Content,
    claimed: set[str],
    collections: Raw,
    comments: dict[tuple[str, ...], str],
    notes: list[str],
) -> str | None:
    """A collection for the files a declared schema covers; None when it covers none."""
    if not declared.include:
        return None
    include, covered = _covered(declared.include, content, claimed)
    listed = [path for path in covered if not path.rsplit("/", 1)[-1].startswith("_")]
    if not listed:
        notes.append(
            f"{declared.file} declares {declared.reference}, for {', '.join(declared.include)}, "
            "where no content file is; it is not used."
        )
        return None
    kind, _colon, rest = declared.reference.partition(":")
    name = rest.rsplit("#", 1)[-1].replace("/", "-")
    if name in collections or any(each.name == name for each in site.collections):
        name = f"{kind}-{name}"
    table: Raw = {"include": include}
    if include != list(declared.include):
        comments[("collections", name, "include")] = (
            f"{declared.file} names {', '.join(declared.include)}, from a folder above this one"
        )
    if len(listed) < len(covered):
        table["exclude"] = ["_*"]
        comments[("collections", name, "exclude")] = "list pages such as _index.md"
    table["schema"] = declared.reference
    preset_collections = [site.collection_for(path) for path in listed]
    if all(each is not None and each.compare for each in preset_collections):
        table["compare"] = True
        comments[("collections", name, "compare")] = (
            "they are posts: duplicate titles and addresses are looked for among them"
        )
    collections[name] = table
    claimed.update(listed)
    comments[("collections", name)] = (
        f"{name}: {_files(len(listed))}, with the schema {declared.file} declares for them "
        f"({declared.what})."
    )
    if declared.ignored:
        comments[("collections", name, "schema")] = (
            f"klm-lint cannot check: {', '.join(declared.ignored)}"
        )
    return name


def _covered(
    include: tuple[str, ...], content: Content, claimed: set[str]
) -> tuple[list[str], list[str]]:
    """The patterns a declared schema covers, and the files they match. A CMS config may name
    folders from a folder above the project (Decap's from the repository's root, for a site in
    a subfolder): when the patterns match no file, they are tried without their first folders."""
    patterns = list(include)
    while True:
        spec = gitignore(patterns)
        covered = [path for path in content.paths if spec.match_file(path) and path not in claimed]
        shorter = [pattern.split("/", 1)[1] for pattern in patterns if "/" in pattern]
        if (
            covered
            or len(shorter) < len(patterns)
            or any(part.startswith("*") for part in (each.split("/", 1)[0] for each in shorter))
        ):
            return patterns, covered
        patterns = shorter


def _inferred(
    site: Site,
    collection: Collection,
    roots: Iterator[tuple[str, Mapping]],
    collections: Raw,
    schemas: Raw,
    comments: dict[tuple[str, ...], str],
) -> tuple[int, bool]:
    """Writes what a collection's files add to its schema: from how many files, and whether
    they add anything."""
    base = collection.schema

    def resolve(value: str) -> str | None:
        found = site.static.resolve(value)
        return found.status if found is not None else None

    base_raw = site.schemas.raw(base.name) if base.name in site.schemas.names else {}
    inferred = infer(roots, base, base_raw, resolve)
    if not inferred.fields and not inferred.required:
        return inferred.files, False
    table: Raw = {}
    name = collection.name
    summary = f"{name}: {_files(inferred.files)}, with the {base.name} schema ({base.source})"
    if inferred.fields:
        schema_name = name if name not in site.schemas.names else f"{name}-inferred"
        table["schema"] = schema_name
        schemas[schema_name] = {"extends": base.name, "fields": inferred.fields}
        summary += f" and {_count(len(inferred.fields), 'field')} its files add ({schema_name})"
        comments[("schemas", schema_name)] = (
            f"{schema_name}: the {base.name} schema, and the fields the {name} files have that it "
            "does not know, as they write them."
        )
        for path, note in inferred.notes.items():
            at: tuple[str, ...] = ("schemas", schema_name, "fields", *path)
            comments[at] = note
    if inferred.required:
        table["required"] = inferred.required
        comments[("collections", name, "required")] = (
            f"every {collection.noun} has these, filled; {base.name} does not require them"
        )
    collections[name] = table
    comments[("collections", name)] = summary + "."
    return inferred.files, True


def _keep_order(
    site: Site, changed: list[Collection], collections: Raw, comments: dict[tuple[str, ...], str]
) -> None:
    """The config's collections are matched first, in its order: a preset collection matched
    before one that changed is written too (unchanged), so that the order stays the preset's."""
    if not changed:
        return
    last = max(site.collections.index(each) for each in changed)
    for collection in site.collections[:last]:
        if collection.name not in collections:
            collections[collection.name] = {}
            comments[("collections", collection.name)] = (
                f"{collection.name}: as the preset has it; written so that it is still matched "
                "before the collections below."
            )
    order = {each.name: index for index, each in enumerate(site.collections)}
    reordered = sorted(collections.items(), key=lambda item: order.get(item[0], -1))
    collections.clear()
    collections.update(reordered)


def _shorthands(schema: Raw) -> Raw:
    """Fields that have a type alone written as the type's name (`featured = "boolean"`)."""
    fields = schema.get("fields")
    if not isinstance(fields, dict):
        return schema
    return {**schema, "fields": {key: _short(spec) for key, spec in fields.items()}}


def _short(spec: Any) -> Any:
    if not isinstance(spec, dict):
        return spec
    if set(spec) == {"type"} and SHORTHANDS.get(spec["type"]) == spec:
        return spec["type"]
    spec = _shorthands(spec)
    if isinstance(spec.get("items"), dict):
        spec = {**spec, "items": _short(spec["items"])}
    return spec


def _header(
    preset: Preset,
    content: Content,
    folders: list[str],
    notes: list[str],
    *,
    declared: bool,
    inferred: bool,
) -> str:
    """The comment that opens the file, a paragraph a line (the writer wraps them)."""
    shown = ", ".join(f"{folder.strip('/')}/" for folder in folders)
    lines = [
        "klm-lint's configuration, written by `klm-lint init` from the "
        f"{_files(len(content.paths))} in {shown}."
    ]
    if not PRESET_KEY:
        lines.append(f"The generator's preset: {preset.name} ({preset.reason}).")
    if declared:
        lines.append(
            "A collection whose front matter the site declares for its CMS or generator uses "
            'that schema (schema = "KIND:NAME").'
        )
    other = "other " if declared else ""
    if inferred:
        lines.append(
            f"The {other}schemas below hold what the files have today: a field has a type when "
            "every file that has it agrees, is required when every file has it filled, and is "
            "limited to a few values when a few short values repeat. Review them before you "
            "rely on them."
        )
    else:
        lines.append(f"The {other}files add nothing to the schemas the preset gives them.")
    lines.append("Every key is explained in klm-lint's README (Configuration, Schemas).")
    if content.unread:
        unread = len(content.unread)
        lines.append(
            f"{_files(unread)} {'has' if unread == 1 else 'have'} no front matter that loads; "
            f"nothing was inferred from {'it' if unread == 1 else 'them'}."
        )
    return "\n".join([*lines, *notes])


def _files(count: int) -> str:
    return _count(count, "file")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
