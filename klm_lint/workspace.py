"""A project kept open between lints: texts linted as if they were files of the project.

    import klm_lint

    workspace = klm_lint.Workspace("path/to/site")
    result = workspace.lint_text("content/posts/new.md", text)
    fixed, remaining = workspace.fix_text("content/posts/new.md", text)

The language server keeps one per project, and standard input (`klm-lint - --stdin-filename`)
uses one for its text. The whole-site index is built once (`build_index`, or on the first lint
that needs it) and then kept up to date: each linted text takes its file's place in it, and
`file_changed` reads again what changed on disk.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from klm_lint.api import LintOptions, open_project
from klm_lint.checks.post_facts import AUTHOR
from klm_lint.engine.fixes import encode
from klm_lint.engine.result import Result
from klm_lint.site.facts import texts_at, words_fact

if TYPE_CHECKING:
    from klm_lint.engine.run import Engine
    from klm_lint.findings import Finding
    from klm_lint.site.facts import Fact
    from klm_lint.site.index import SiteIndex
    from klm_lint.site.site import Site

__all__ = ["Workspace"]

TAGS = words_fact("tags", lambda doc, _site: texts_at(doc, "tags"))
CATEGORIES = words_fact("categories", lambda doc, _site: texts_at(doc, "categories"))
_KNOWN: dict[tuple[str, ...], Fact[Any]] = {
    ("tags",): TAGS,
    ("categories",): CATEGORIES,
    ("author", "name"): AUTHOR,
}
"""The front-matter keys whose values the site's posts are asked for (completion)."""


class Workspace:
    """One project, open for linting texts that are not saved (or not files at all).

    `root` is a folder of the project: the config is found from there upward, as `lint` finds
    it from the paths it is given. Errors a user can cause (a bad config) raise
    `klm_lint.errors.KlmLintError`, with a one-line message."""

    def __init__(self, root: str | os.PathLike[str] = ".", options: LintOptions | None = None):
        self._start = Path(root)
        self._options = options or LintOptions()
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        """Files changed on disk while the index was being built: read again once it is."""
        self._project = open_project(self._start, self._options, tuple(_KNOWN.values()))

    @property
    def root(self) -> Path:
        """The project root (the config file's folder)."""
        return self._project.root

    @property
    def config_path(self) -> Path | None:
        """The config file in use; None for the built-in defaults."""
        return self._project.site.config_path

    @property
    def site(self) -> Site:
        """The site as the config describes it: collections and their schemas, static roots,
        authors."""
        return self._project.site

    @property
    def index_ready(self) -> bool:
        """Whether the whole-site index holds every post (after build_index)."""
        return self._project.engine.complete

    def reload(self) -> None:
        """Read the config again (it changed); the index is built again when next needed. If
        the config is broken now, KlmLintError is raised and the workspace stays as it was."""
        project = open_project(self._start, self._options, tuple(_KNOWN.values()))
        with self._lock:
            self._project = project
            self._changed.clear()

    def build_index(self) -> None:
        """Read every post of the site into the whole-site index: the one slow step (about a
        second per 4,000 posts, in this thread). Another thread may lint meanwhile, with
        `whole_site=False`."""
        from klm_lint.engine.index_build import Linted, complete_index
        from klm_lint.site.index import SiteIndex as Index

        project = self._project
        engine = project.engine
        if engine.complete or engine.index is None:
            return
        index = Index(engine.layout)
        completed = complete_index(
            index, project.site, Linted(), cache=engine.cache, covered=False, jobs=self._jobs()
        )
        if engine.cache is not None:
            engine.cache.save(completed.entries, index, changed=completed.changed)
        with self._lock:
            if self._project is not project or engine.complete:
                return
            for key in sorted(self._changed):
                _reread(engine, index, Path(key))
            self._changed.clear()
            engine.adopt(index)

    def lint_text(
        self, path: str | os.PathLike[str], text: str | bytes, *, whole_site: bool = True
    ) -> Result:
        """Lint `text` as if it were the file at `path` (which need not exist): its collection
        and schema, the whole-site rules against the rest of the site (the text takes the
        file's place in the index), suppressions, and the options' selection and baseline.
        Bytes are read as the file's bytes would be (their encoding is checked too).

        Without whole_site, the whole-site rules do not run (the editor, while the index is
        being built); with it, the index is built first if it is not yet. With the option
        force_exclude, a path the config's exclude matches gets no findings."""
        file = Path(path)
        if self._options.force_exclude and self.excluded(file):
            return Result(0, [], checked=[])
        engine = self._engine(whole_site)
        _document, findings = engine.lint_document_fully(
            file, _encode(text), whole_site=whole_site, put=whole_site
        )
        return self._result(engine, file, findings)

    @overload
    def fix_text(
        self, path: str | os.PathLike[str], text: str, *, unsafe: bool | None = None
    ) -> tuple[str, Result]: ...

    @overload
    def fix_text(
        self, path: str | os.PathLike[str], text: bytes, *, unsafe: bool | None = None
    ) -> tuple[bytes, Result]: ...

    def fix_text(
        self, path: str | os.PathLike[str], text: str | bytes, *, unsafe: bool | None = None
    ) -> tuple[str | bytes, Result]:
        """The text with its fixes applied, as `lint --fix` would write the file at `path`
        (str for str, bytes for bytes), and the result: what remains, in `findings`, and what
        was fixed, in `fixed`. Only safe fixes, unless `unsafe` (default: the options'
        unsafe_fixes). The text comes back as it was when nothing is fixable, or when the
        fixed text would not load (said in `notes`). Nothing is written."""
        file = Path(path)
        if self._options.force_exclude and self.excluded(file):
            return text, Result(0, [], checked=[])
        engine = self._engine(True)
        wanted = self._options.unsafe_fixes if unsafe is None else unsafe
        document, fixed = engine.fixed_bytes(file, _encode(text), unsafe=wanted, put=True)
        result = self._result(engine, file, fixed.findings)
        if document is None or not fixed.changed:
            if fixed.problem and document is not None:
                note = (
                    f"{document.display_path}: fixes not applied, because the fixed text would "
                    f"not load ({fixed.problem}). Please report this."
                )
                result.notes.append(note)
            return text, result
        result.fixed.extend(fixed.fixed)
        if isinstance(text, bytes):
            return encode(fixed.text, document.bom), result
        return ("\ufeff" if document.bom else "") + fixed.text, result

    def file_changed(self, path: str | os.PathLike[str]) -> None:
        """A file of the project changed on disk (saved, created, deleted, renamed): a post
        takes its new place in the index; a file under a static folder is looked for again.
        The config file is not watched here: call reload for it."""
        file = Path(os.path.abspath(path))
        site = self._project.site
        if not site.assets.plain or any(_inside(file, static) for static in site.static.roots):
            site.files_changed()
        with self._lock:
            engine = self._project.engine
            if engine.complete and engine.index is not None:
                _reread(engine, engine.index, file)
            else:
                self._changed.add(str(file))

    def excluded(self, path: str | os.PathLike[str]) -> bool:
        """Whether the config's exclude matches the file (the folder walk would skip it)."""
        from klm_lint.site.site import gitignore

        site = self._project.site
        relative = site.site_path(os.fspath(path))
        return bool(relative and site.config.exclude) and bool(
            gitignore(site.config.exclude).match_file(relative)
        )

    def known_values(self, key: tuple[str, ...]) -> list[str]:
        """The values the site's posts give a front-matter key, most used first: tags,
        categories and author names (author.name); none for other keys, or before the index
        is built."""
        fact = _KNOWN.get(key)
        engine = self._project.engine
        if fact is None or not engine.complete or engine.index is None:
            return []
        counts: Counter[str] = Counter()
        for post in engine.index.posts():
            value = post[fact]
            if isinstance(value, tuple):
                counts.update(word.strip() for word in value if word.strip())
            elif value is not None and value.text.strip():
                counts[" ".join(value.text.split())] += 1
        return [word for word, _count in sorted(counts.items(), key=lambda item: -item[1])]

    def _engine(self, whole_site: bool) -> Engine:
        if whole_site and not self._project.engine.complete:
            self.build_index()
        return self._project.engine

    def _jobs(self) -> int | None:
        """Processes for building the index: one when called from a thread other than the main
        one (forking a process that runs threads can deadlock it)."""
        if threading.current_thread() is not threading.main_thread():
            return 1
        return self._options.jobs

    def _result(self, engine: Engine, file: Path, findings: list[Finding]) -> Result:
        findings = sorted(findings, key=lambda finding: finding.sort_key)
        baselined = 0
        if engine.baseline is not None:
            findings, baselined, _stale = engine.baseline.filter(findings)
        return Result(1, findings, baselined=baselined, checked=[file])


def _reread(engine: Engine, index: SiteIndex, file: Path) -> None:
    from klm_lint.engine.index_build import load_post

    post, _stamp = load_post(file, engine.site, engine.layout)
    if post is not None:
        index.put(post)
    else:
        index.remove(str(file))


def _inside(file: Path, folder: Path) -> bool:
    return os.path.abspath(folder) in (str(file), *map(str, file.parents))


def _encode(text: str | bytes) -> bytes:
    """The text as a file would hold it; a lone surrogate (not UTF-8) stays visible to the
    encoding check instead of failing here."""
    return text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
