"""klm-lint's Python API: `lint(paths, options) -> Result`, the one place a run is wired.

    import klm_lint

    result = klm_lint.lint(["content"], klm_lint.LintOptions(select=["KLM1"]))
    for finding in result.findings:
        print(finding.path, finding.span.line, finding.code, finding.message)

The command line, the tests and the editor server all go through it.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from klm_lint.engine.result import FixMode, Result
from klm_lint.errors import ConfigError, KlmLintError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from klm_lint.site.site import Site

__all__ = ["LintOptions", "Progress", "Result", "lint"]


class Progress(Protocol):
    """Told how many files a run lints, then how many more are done as it goes."""

    def start(self, total: int) -> None: ...

    def advance(self, done: int) -> None: ...


@dataclass(frozen=True, slots=True)
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


def lint(
    paths: Sequence[str | os.PathLike[str]] = (),
    options: LintOptions | None = None,
    *,
    progress: Progress | None = None,
) -> Result:
    """Lint the files and folders in `paths` (none: the configured content folders).

    Errors a user can cause (a bad config, a path that does not exist) raise
    `klm_lint.errors.KlmLintError`, with a one-line message."""
    from klm_lint.config.discovery import find_config_file, find_project_root, load_config
    from klm_lint.engine.baseline import Baseline
    from klm_lint.engine.run import Engine
    from klm_lint.engine.selection import build_selection
    from klm_lint.site.discover import discover
    from klm_lint.site.site import Site

    options = options or LintOptions()
    given = [Path(path) for path in paths]
    start = _common_folder(given) if given else Path.cwd()
    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"{options.config}: no such config file")
    discovered = None if options.config else find_config_file(start)
    found = options.config or discovered
    loaded = load_config(found, named=options.config is not None)
    root = discovered.parent if discovered is not None else find_project_root(start)
    site = Site(root, loaded.config, found, now=options.now)
    selection = build_selection(
        loaded.config, list(options.select) if options.select else None, list(options.ignore)
    )
    if not given:
        given = [root / folder for folder in site.content_folders if os.path.isdir(root / folder)]
        if not given:
            folders = ", ".join(f"{folder}/" for folder in loaded.config.content)
            raise KlmLintError(f"no content folder ({folders}) in {root}; name the files to lint")
    files = discover(given, site, force_exclude=options.force_exclude)
    if options.changed_since is not None:
        from klm_lint.site.changed import changed_files, only_changed

        files = only_changed(files, changed_files(root, options.changed_since))
    known = Baseline.read(options.baseline, site.project) if options.baseline else None
    use_cache = loaded.config.cache if options.cache is None else options.cache
    engine = Engine(
        site,
        selection,
        debug=options.debug,
        suppressions=options.suppressions,
        baseline=known,
        statistics=options.statistics,
    )
    if use_cache and engine.index is not None:
        from klm_lint.site.cache import IndexCache, cache_folder

        folder = cache_folder(site, loaded.config.cache_dir)
        engine.cache = IndexCache(root / folder, site, engine.layout)
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
    if engine.cache is not None and engine.cache.note:
        result = dataclasses.replace(result, notes=[*result.notes, engine.cache.note])
    return result


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
