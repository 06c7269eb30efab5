"""klm-lint's Python API: `lint(paths, options) -> Result`, the one place a run is wired.

    import klm_lint

    result = klm_lint.lint(["content"], klm_lint.LintOptions(select=["KLM1"]))
    for finding in result.findings:
        print(finding.path, finding.span.line, finding.code, finding.message)

The command line, the tests and the editor server all go through it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klm_lint.engine.result import FixMode, Result
from klm_lint.errors import ConfigError, KlmLintError, UsageError
from klm_lint.files import temporary_file
from klm_lint.records import replace, value_record

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from klm_lint.config.discovery import LoadedConfig
    from klm_lint.engine.run import Engine
    from klm_lint.load.nodes import Mapping
    from klm_lint.progress import Progress
    from klm_lint.site.facts import Fact
    from klm_lint.site.site import Site

__all__ = ["LintOptions", "Progress", "Result", "lint"]


def __getattr__(name: str) -> Any:
    """Progress, imported on first use (klm_lint/progress.py)."""
    if name == "Progress":
        from klm_lint.progress import Progress

        return Progress
    raise AttributeError(f"module 'klm_lint.api' has no attribute {name!r}")


@value_record
class LintOptions:
    """How to run; every field has the default a plain `klm-lint PATHS` run uses."""

    config: Path | None = None
    """This config file instead of the one found from the paths."""
    select: Sequence[str] | None = None
    """Only these rules (codes, prefixes, names, ALL); None: the config's select."""
    ignore: Sequence[str] = ()
    """These rules too, on top of the config's ignore."""
    fix: bool = False
    """Apply the safe fixes, in place."""
    unsafe_fixes: bool = False
    """With fix or diff, also the unsafe ones."""
    diff: bool = False
    """Compute the fixes and give them as diffs (Result.diffs); write nothing."""
    suppressions: bool = True
    """Honour klm-lint suppression comments."""
    baseline: Path | None = None
    """Leave out the findings this baseline file knows."""
    force_exclude: bool = False
    """Apply the config's exclude to files named in paths too."""
    changed_since: str | None = None
    """Only the content files changed since this git ref."""
    now: dt.datetime | None = None
    """The build time scheduled posts are judged against (default: now)."""
    statistics: bool = False
    """Also build the site summary (Result.overview)."""
    jobs: int | None = None
    """Processes to lint with (None: one per core for large runs)."""
    cache: bool | None = None
    """Keep the whole-site index between runs (None: the config's cache)."""
    debug: bool = False
    """Keep the traceback of each internal error (Result.tracebacks)."""
    extend_select: Sequence[str] = ()
    """These rules too, on top of the select in force (select, else the config's)."""
    respect_gitignore: bool | None = None
    """Skip what git ignores when walking folders (None: the config's respect-gitignore)."""
    preset: str | None = None
    """This preset instead of the config's (or the one the project's files tell)."""


def lint(
    paths: Sequence[str | os.PathLike[str]] = (),
    options: LintOptions | None = None,
    *,
    progress: Progress | None = None,
) -> Result:
    """Lint the files and folders in `paths` (none: the configured content folders).

    Errors a user can cause (a bad config, a path that does not exist) raise
    `klm_lint.errors.KlmLintError`, with a one-line message."""
    options = options or LintOptions()
    given = [Path(path) for path in paths]
    project = open_project(_common_folder(given) if given else Path.cwd(), options)
    return _run(given, project, options, progress)


def _run(
    given: list[Path], project: Project, options: LintOptions, progress: Progress | None
) -> Result:
    """A run on the paths given (none: the content folders) of a project."""
    from klm_lint.site.discover import discover

    root, site, engine = project.root, project.site, project.engine
    config_path = site.config_path
    if not given:
        folders_in_project = [root / folder for folder in site.content_folders]
        given = [folder for folder in folders_in_project if os.path.isdir(folder)]
        if not given:
            folders = ", ".join(f"{folder}/" for folder in site.config.content)
            raise KlmLintError(f"no content folder ({folders}) in {root}; name the files to lint")
    files = discover(given, site, force_exclude=options.force_exclude)
    if not files.files and not files.unreadable and not options.force_exclude:
        raise KlmLintError(_nothing_found(given, site))
    if options.changed_since is not None:
        from klm_lint.site.changed import changed_files, only_changed

        files = only_changed(files, changed_files(root, options.changed_since))
    fixing = None
    if options.fix or options.diff:
        fixing = FixMode(unsafe=options.unsafe_fixes, write=not options.diff)
    if progress is not None:
        progress.start(len(files.files))
    covered = options.changed_since is None and _covers_content(given, site)
    result = engine.run(
        files.files,
        files.unreadable,
        fix=fixing,
        jobs=options.jobs,
        progress=progress.advance if progress is not None else None,
        covered=covered,
    )
    matched = engine.matched
    if matched is None:
        matched = {}
        for name in collections_matched(site, files.files).values():
            matched[name] = matched.get(name, 0) + 1
    unmatched = matched.get(None, 0)
    empty: tuple[str, ...] = ()
    if covered:
        seen = set(matched)
        empty = tuple(
            collection.name
            for collection in site.collections
            if collection.source == str(config_path) and collection.name not in seen
        )
    detection = site.preset.detection
    notes = result.notes
    if engine.cache is not None and engine.cache.note:
        notes = [*notes, engine.cache.note]
    unchecked = _unchecked_links(engine, result.checked)
    if unchecked:
        notes = [*notes, unchecked]
    return replace(
        result,
        unmatched=unmatched,
        empty_collections=empty,
        notes=notes,
        preset=site.preset.name,
        detected=detection.reason if detection is not None else None,
    )


def _unchecked_links(engine: Engine, paths: Sequence[Path | str]) -> str:
    """The note on the links KLM406 could not judge, when there are any."""
    if engine.index is None or not any(rule.code == "KLM406" for rule in engine.site_rules):
        return ""
    from klm_lint.checks.internal_links import unchecked_links

    counts = unchecked_links(engine.index, engine.site, (os.path.abspath(p) for p in paths))
    if not counts:
        return ""
    total = sum(counts.values())
    reasons = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = "; ".join(f"{reason} ({count:,})" for reason, count in reasons[:3])
    rest = len(reasons) - 3
    more = f"; {rest} more reason{'' if rest == 1 else 's'}" if rest > 0 else ""
    links = "link" if total == 1 else "links"
    return (
        f"KLM406 did not check {total:,} {links}, as code klm-lint does not read decides what "
        f"is served there: {shown}{more}."
    )


def open_site(
    paths: Sequence[str | os.PathLike[str]] = (),
    config: Path | None = None,
    preset: str | None = None,
) -> Site:
    """The site the paths (none: the working directory) belong to, with its config."""
    _given, _root, site, _loaded = _site_for(
        [Path(path) for path in paths], config, None, preset=preset
    )
    return site


def _site_for(
    given: list[Path],
    config: Path | None,
    now: dt.datetime | None,
    respect_gitignore: bool | None = None,
    preset: str | None = None,
) -> tuple[list[Path], Path, Site, LoadedConfig]:
    """The config found from the paths (or named), the project root, and the site."""
    start = _common_folder(given) if given else Path.cwd()
    root, site, loaded = _site_at(start, config, now, respect_gitignore, preset)
    return given, root, site, loaded


def _site_at(
    start: Path,
    config: Path | None,
    now: dt.datetime | None,
    respect_gitignore: bool | None = None,
    preset: str | None = None,
) -> tuple[Path, Site, LoadedConfig]:
    """The config found from the folder `start` upward (or named), the project root, and the
    site."""
    from klm_lint.config.discovery import (
        LoadedConfig,
        find_config_file,
        find_project_root,
        load_config,
    )
    from klm_lint.config.preset import choose_preset
    from klm_lint.site.site import Site

    if config is not None and not config.is_file():
        raise ConfigError(f"{config}: no such config file")
    discovered = None if config else find_config_file(start)
    config_path = config or discovered
    loaded = load_config(config_path, named=config is not None)
    if respect_gitignore is not None:
        overridden = loaded.config.model_copy(update={"respect_gitignore": respect_gitignore})
        loaded = LoadedConfig(overridden, loaded.path)
    root = discovered.parent if discovered is not None else find_project_root(start)
    choice = choose_preset(preset, loaded.config, config_path, root)
    return root, Site(root, loaded.config, config_path, now=now, preset=choice), loaded


@value_record
class Setting:
    key: str
    value: object
    origin: str
    """`default`, `the nextjs preset`, the config file, or `the command line`."""


def settings(
    paths: Sequence[str | os.PathLike[str]] = (), options: LintOptions | None = None
) -> list[Setting]:
    """The effective settings of a run on these paths, and where each comes from."""
    from klm_lint.config.preset import preset_settings

    options = options or LintOptions()
    _given, root, site, _loaded = _site_for(
        [Path(path) for path in paths], options.config, None, preset=options.preset
    )
    config = site.config
    written = site.written.model_fields_set
    preset = preset_settings(site.preset.name)
    from_preset = f"the {site.preset.name} preset"
    origin_file = str(site.config_path) if site.config_path is not None else "the config"
    command_line = {
        "select": options.select,
        "ignore": list(options.ignore) or None,
        "cache": options.cache,
    }
    found = [
        Setting("project-root", str(root), "the folder of the config, or of a project marker"),
        Setting("preset", site.preset.name, site.preset.shown_origin),
    ]
    from klm_lint.config.model import Config

    for name, info in Config.model_fields.items():
        key = info.alias or name
        if key in ("collections", "schemas", "preset"):
            continue
        value = getattr(config, name)
        if key == "generator":
            found += _generator_settings(site, preset.get("generator", {}), origin_file)
            continue
        if command_line.get(key) is not None:
            value, origin = command_line[key], "the command line"
        elif name in written:
            origin = origin_file
        elif key in preset:
            origin = from_preset
        else:
            origin = "default"
        if hasattr(value, "model_dump"):
            value = value.model_dump(by_alias=True)
        elif isinstance(value, dict):
            value = {
                k: v.model_dump(by_alias=True, exclude_defaults=True)
                if hasattr(v, "model_dump")
                else v
                for k, v in value.items()
            }
        found.append(Setting(key, value, origin))
    for collection in site.collections:
        where = f"collections.{collection.name}"
        found.append(Setting(f"{where}.include", list(collection.patterns), collection.source))
        schema = collection.schema
        origin = f"{collection.source}; the schema is from {schema.source}"
        found.append(Setting(f"{where}.schema", schema.name, origin))
        found.append(Setting(f"{where}.compare", collection.compare, collection.source))
    for name in site.schemas.names:
        schema = site.schemas.get(name, f"schemas.{name}")
        found.append(Setting(f"schemas.{name}", f"{len(schema.fields)} fields", schema.source))
    return found


@value_record
class Initialised:
    """What `klm-lint init` wrote (or would write), and how the site fares with it."""

    path: Path
    """The config file."""
    text: str
    written: bool
    """False with dry_run: nothing was written."""
    preset: str
    reason: str
    """Why this preset: what detection found, or that it was asked for."""
    collections: int
    """How many collections the config defines or changes."""
    inferred: int
    """From how many files it inferred schemas."""
    declared: tuple[str, ...]
    """The schemas the site declares that it uses (`decap:blog`)."""
    result: Result
    """The lint of the content folders with it."""
    shadowed: Path | None = None
    """A config the new one takes the place of without replacing it (pyproject.toml)."""


def init_config(
    path: str | os.PathLike[str] = ".",
    *,
    preset: str | None = None,
    force: bool = False,
    dry_run: bool = False,
) -> Initialised:
    """Write a commented klm-lint.toml for the project at `path`: the preset (asked for, or
    detected), the schemas the site declares, and schemas inferred from its content; then lint
    the content with it. An existing config is replaced only with `force`; `dry_run` writes
    nothing."""
    from klm_lint.config.detect import detect_preset
    from klm_lint.config.discovery import config_file_in, parse_config
    from klm_lint.config.preset import preset_names
    from klm_lint.site.declared import find_declared
    from klm_lint.site.discover import discover
    from klm_lint.site.init_config import Content, init_preset, preset_config, write_config
    from klm_lint.site.site import Site

    root = Path(path)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder; name the project's root folder")
    existing = config_file_in(root)
    name = "klm-lint.toml"
    if existing is not None and existing.name != "pyproject.toml":
        name = existing.name
    target = root / name
    occupied = existing or (target if target.is_symlink() or target.exists() else None)
    if occupied is not None and not force and not dry_run:
        raise KlmLintError(
            f"{occupied} exists: klm-lint init does not replace a config. Use --force to "
            "replace it, or --dry-run to print the config it would write"
        )
    if preset is not None and preset not in preset_names():
        raise UsageError(
            f"--preset {preset}: no such preset; the presets are {', '.join(preset_names())}"
        )
    chosen = init_preset(preset, detect_preset(root) if preset is None else None)
    site = Site(root, preset_config(chosen), None)
    content = site.config.content
    folders = [folder for folder in content if (root / folder).is_dir()]
    if not folders:
        shown = ", ".join(f"{folder}/" for folder in content)
        raise KlmLintError(
            f"no content folder ({shown}) in {root}; run klm-lint init in the project's root folder"
        )
    given = [root / folder for folder in folders]
    paths = [site.site_path(each) for each in discover(given, site).files]
    declared, problems = find_declared(root)
    files = Content(paths, lambda relative: _front_matter(site, relative))
    written = write_config(site, chosen, files, declared, problems, folders)
    new_config = parse_config(written.text, target)
    new_site = Site(root, new_config, target)
    result = _run(given, _project_of(root, new_site, LintOptions()), LintOptions(), None)
    if not dry_run:
        try:
            _write_config(target, written.text)
        except OSError as error:
            raise KlmLintError(f"cannot write {target} ({error.strerror or error})") from None
    shadowed = existing if existing is not None and existing.name == "pyproject.toml" else None
    return Initialised(
        target,
        written.text,
        not dry_run,
        chosen.name,
        chosen.reason,
        written.collections,
        written.inferred,
        written.declared,
        result,
        shadowed,
    )


def _write_config(path: Path, text: str) -> None:
    """Through a temporary file and a rename, so that a link in the config's place is replaced,
    never written through, and an interrupted write leaves the old file whole."""
    import stat

    mode = 0o644
    if path.is_file() and not path.is_symlink():
        mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = temporary_file(path.parent, f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _front_matter(site: Site, relative: str) -> Mapping | None:
    """A content file's front matter, read and loaded as a linted file's is; None when it has
    none, or it does not load."""
    from klm_lint.engine.read import read_file
    from klm_lint.findings import Finding
    from klm_lint.load.document import Document, load_text
    from klm_lint.load.paths import display_path

    path = site.root / relative
    read = read_file(path, site.config.max_file_size, site.project)
    if isinstance(read, Finding):
        return None
    loaded = load_text(
        read[0],
        path,
        display_path(path),
        relative,
        site.config.max_front_matter_size,
        yaml_dialect=site.config.generator.yaml,
        after_blank_lines=site.config.generator.front_matter_after_blank_lines,
    )
    if not isinstance(loaded, Document) or loaded.front_matter is None:
        return None
    return loaded.front_matter.root


def _generator_settings(site: Site, preset: dict[str, object], origin_file: str) -> list[Setting]:
    """Each key of the [generator] table, and whether the config, the preset or the defaults
    set it."""
    generator = site.config.generator
    written: set[str] = set()
    if "generator" in site.written.model_fields_set:
        written = set(site.written.generator.model_fields_set)
    found = []
    from klm_lint.config.model import GeneratorConfig

    for name, info in GeneratorConfig.model_fields.items():
        key = info.alias or name
        if name in written:
            origin = origin_file
        elif key in preset:
            origin = f"the {site.preset.name} preset"
        else:
            origin = "default"
        found.append(Setting(f"generator.{key}", getattr(generator, name), origin))
    return found


def _plain(value: object) -> object:
    dump = getattr(value, "model_dump", None)
    return dump(by_alias=True, exclude_defaults=True) if dump is not None else value


def files(
    paths: Sequence[str | os.PathLike[str]] = (), options: LintOptions | None = None
) -> list[tuple[str, str | None, str | None]]:
    """The files a run would lint, each with its collection and its schema (and where the
    schema comes from); None for a file in no collection."""
    from klm_lint.load.paths import display_path
    from klm_lint.site.discover import discover

    options = options or LintOptions()
    given, root, site, _loaded = _site_for(
        [Path(path) for path in paths], options.config, None, preset=options.preset
    )
    folders = [root / folder for folder in site.content_folders]
    given = given or [folder for folder in folders if os.path.isdir(folder)]
    found = discover(given, site, force_exclude=options.force_exclude).files
    if options.changed_since is not None:
        from klm_lint.site.changed import changed_files, only_changed
        from klm_lint.site.discover import Discovered

        found = only_changed(
            Discovered(found, []), changed_files(root, options.changed_since)
        ).files
    listed: list[tuple[str, str | None, str | None]] = []
    for path in found:
        collection = site.collection_for(site.site_path(path))
        if collection is None:
            listed.append((display_path(path), None, None))
        else:
            schema = f"{collection.schema.name} ({collection.schema.source})"
            listed.append((display_path(path), collection.name, schema))
    return listed


def collections_matched(site: Site, files: Sequence[Path | str]) -> dict[Path | str, str | None]:
    """Each file's collection (None: in no collection, so only the file checks run on it)."""
    matched: dict[Path | str, str | None] = {}
    for path in files:
        collection = site.collection_for(site.site_path(path))
        matched[path] = collection.name if collection is not None else None
    return matched


def _nothing_found(given: list[Path], site: Site) -> str:
    shown = ", ".join(str(path) for path in given)
    patterns = ", ".join(site.config.include)
    return (
        f"no content file in {shown}: klm-lint lints the files whose names match {patterns} "
        "(the config's include); name the files, or change include"
    )


@value_record
class Project:
    """What every lint of a project is made from: its root, the site the config describes, and
    the engine that lints it (with its whole-site index)."""

    root: Path
    site: Site
    engine: Engine


def open_project(start: Path, options: LintOptions, facts: Sequence[Fact[Any]] = ()) -> Project:
    """The project the folder `start` is in: its config found from there upward (or
    options.config), read and validated; `facts`: what the index keeps besides what the rules
    declare. Raises KlmLintError for a config a user can fix."""
    root, site, _loaded = _site_at(
        start, options.config, options.now, options.respect_gitignore, options.preset
    )
    return _project_of(root, site, options, facts)


def _project_of(
    root: Path, site: Site, options: LintOptions, facts: Sequence[Fact[Any]] = ()
) -> Project:
    """The project of a site: the engine that lints it, with its whole-site index."""
    from klm_lint.engine.run import Engine
    from klm_lint.engine.selection import build_selection

    config = site.config
    selection = build_selection(
        config,
        list(options.select) if options.select else None,
        list(options.ignore),
        list(options.extend_select),
    )
    known = None
    if options.baseline is not None:
        from klm_lint.engine.baseline import Baseline

        known = Baseline.read(options.baseline, site.project)
    use_cache = config.cache if options.cache is None else options.cache
    engine = Engine(
        site,
        selection,
        debug=options.debug,
        suppressions=options.suppressions,
        baseline=known,
        statistics=options.statistics,
        facts=facts,
    )
    if use_cache and engine.index is not None:
        from klm_lint.site.cache import IndexCache, cache_folder

        folder = cache_folder(site, config.cache_dir)
        engine.cache = IndexCache(root / folder, site, engine.layout)
    return Project(root, site, engine)


def _covers_content(given: list[Path], site: Site) -> bool:
    """Whether the folders given hold every content folder: then a run lints every post."""
    walked = {os.path.abspath(path) for path in given if path.is_dir()}
    for folder in site.content_folders:
        absolute = os.path.abspath(site.root / folder)
        if not os.path.isdir(site.root / folder):
            continue
        while absolute not in walked:
            parent = os.path.dirname(absolute)
            if parent == absolute:
                return False
            absolute = parent
    return True


def _common_folder(paths: list[Path]) -> Path:
    absolute = [os.path.abspath(path) for path in paths]
    common = Path(os.path.commonpath(absolute))
    return common if common.is_dir() else common.parent
