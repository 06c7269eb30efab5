"""The language server: what the editor asks, and what it is told.

Each file the editor opens is linted from its unsaved text: at once when opened, then shortly
after each change (changes that come in a burst are linted once, DEBOUNCE after the last). The
file's project (found from the file's folder, as the command line finds it) is a `Workspace`
whose whole-site index is built in a background thread; until it is, the whole-site rules wait
and the other rules report. Saves and the editor's file-watching events keep the index current;
a change to the config reloads it, and a config that cannot be read becomes one diagnostic on
the config file while the files keep the last config that could.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from klm_lint.api import LintOptions
from klm_lint.config.discovery import CONFIG_FILES, find_config_file, find_project_root
from klm_lint.errors import KlmLintError
from klm_lint.files import NAMED_FILE_LIMIT, ProjectRoot, Refused, read_regular
from klm_lint.load.document import Document, load_text
from klm_lint.load.paths import display_path
from klm_lint.server import actions
from klm_lint.server.completion import completions
from klm_lint.server.cursor import key_at, typing_at
from klm_lint.server.diagnostics import config_diagnostic, diagnostic
from klm_lint.server.fields import field_at, hover_text
from klm_lint.server.positions import UTF16, TextLines
from klm_lint.site.site import gitignore
from klm_lint.version import __version__
from klm_lint.workspace import Workspace

if TYPE_CHECKING:
    from klm_lint.findings import Finding

DEBOUNCE = 0.02
"""Seconds of quiet after a change before the file is linted again."""
_WATCHERS = "klm-lint-watchers"


@dataclass(slots=True)
class OpenFile:
    """A file open in the editor: its text now, and what was found in it."""

    uri: str
    path: Path
    text: str
    version: int | None
    findings: list[Finding] = field(default_factory=list)
    linted: str | None = None
    """The text the findings are for."""


@dataclass(slots=True, eq=False)
class Project:
    """A project of the editor's files, and its workspace (None while its config has never
    been readable)."""

    root: Path
    workspace: Workspace | None = None


class KlmLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("klm-lint", __version__, types.TextDocumentSyncKind.Full)
        self.options = LintOptions(force_exclude=True)
        """Files the config's exclude matches get no findings, as the folder walk skips them."""
        self.files: dict[str, OpenFile] = {}
        self.projects: dict[Path, Project] = {}
        self.debounce = DEBOUNCE
        self._roots: dict[Path, Path] = {}
        """Folder of a file → its project root."""
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._problems: dict[str, str] = {}
        """Config files that have a diagnostic now (URI → the error)."""
        self._watched: list[str] = []
        self.roots: list[Path] = []
        """The editor's workspace folders: their projects are indexed from the start."""

    # Projects

    @property
    def encoding(self) -> str:
        chosen: Any = self.workspace.position_encoding or UTF16
        return str(getattr(chosen, "value", chosen))

    def project_for(self, path: Path) -> Project | None:
        """The project a file is in (opened, and its index built, on first use)."""
        return self.project_in(_existing_folder(path))

    def project_in(self, folder: Path) -> Project | None:
        """The project a folder is in."""
        root = self._roots.get(folder)
        if root is None:
            try:
                found = self.options.config or find_config_file(folder)
            except KlmLintError as error:
                self._config_failed(error.message, folder)
                return None
            root = found.parent if found is not None else find_project_root(folder)
            self._roots[folder] = root
        project = self.projects.get(root)
        if project is None:
            project = self.projects[root] = Project(root)
            self._open(project)
        return project

    def _open(self, project: Project) -> None:
        """Read the project's config (again); its index is then built in the background. A
        config that cannot be read keeps the workspace it had."""
        try:
            if project.workspace is None:
                project.workspace = Workspace(project.root, self.options)
            else:
                project.workspace.reload()
        except KlmLintError as error:
            self._config_failed(error.message, project.root)
            return
        self._build(project)

    def _config_failed(self, message: str, folder: Path) -> None:
        """A config error as a diagnostic on the config file (or a message, when no file can be
        blamed)."""
        blamed = _blamed_file(message, folder)
        if blamed is None:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"klm-lint: {message}")
            )
            return
        uri = blamed.as_uri()
        if self._problems.get(uri) == message:
            return
        self._problems[uri] = message
        # On the file itself, the message need not name it.
        said = message.removeprefix(f"{blamed}: ")
        shown = config_diagnostic(said, TextLines(_read(blamed), self.encoding))
        self._publish(uri, [shown], None)

    def reload(self) -> None:
        """The config changed: read it again for every project, and lint the open files again
        (a new config file may move a file to another project)."""
        previous = set(self._problems)
        self._problems.clear()
        self._roots.clear()
        for project in list(self.projects.values()):
            self._open(project)
        for file in self.files.values():
            self.project_for(file.path)
        for uri in previous - set(self._problems):
            self._publish(uri, [], None)
        self.lint_all()
        self.watch()

    def _build(self, project: Project) -> None:
        """Build the project's index in a background thread, then lint its open files again."""
        workspace = project.workspace
        if workspace is None or workspace.index_ready:
            return
        started = time.perf_counter()
        building = asyncio.get_running_loop().run_in_executor(None, workspace.build_index)

        def built(future: asyncio.Future[None]) -> None:
            error = future.exception()
            if error is not None:
                self._log(f"klm-lint: the posts of {project.root} were not read ({error})")
                return
            seconds = time.perf_counter() - started
            self._log(f"klm-lint: read the posts of {project.root} in {seconds:.1f} s")
            self.lint_all(project)

        building.add_done_callback(built)

    # Linting

    def schedule(self, uri: str, delay: float) -> None:
        """Lint the file after `delay` seconds, unless it changes again before."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._timers[uri] = loop.call_later(delay, self.lint, uri)

    def lint_all(self, project: Project | None = None) -> None:
        for uri, file in list(self.files.items()):
            if project is None or self.project_for(file.path) is project:
                self.lint(uri)

    def lint(self, uri: str) -> None:
        self._timers.pop(uri, None)
        file = self.files.get(uri)
        if file is None:
            return
        workspace = self._workspace_of(file)
        findings: list[Finding] = []
        if workspace is not None:
            whole_site = workspace.index_ready
            findings = workspace.lint_text(file.path, file.text, whole_site=whole_site).findings
        file.findings, file.linted = findings, file.text
        lines = TextLines(file.text, self.encoding)
        self._publish(uri, [diagnostic(finding, lines) for finding in findings], file.version)

    def _workspace_of(self, file: OpenFile) -> Workspace | None:
        """The workspace that lints the file, if it is one of the project's content files."""
        project = self.project_for(file.path)
        workspace = project.workspace if project is not None else None
        if workspace is None or not gitignore(workspace.site.config.include).match_file(
            file.path.name
        ):
            return None
        return workspace

    def current(self, uri: str) -> OpenFile | None:
        """An open file, with findings for its text now (linted again if it changed since)."""
        file = self.files.get(uri)
        if file is not None and file.linted != file.text:
            self.lint(uri)
        return file

    def _publish(self, uri: str, shown: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, shown, version))

    def _log(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(types.MessageType.Info, message))

    # Files on disk

    def changed_on_disk(self, paths: list[Path]) -> None:
        """Files changed outside the editor's buffers (saved, created, deleted)."""
        if any(self._is_config(path) for path in paths):
            for path in paths:
                self._file_changed(path)
            self.reload()
            return
        touched = set()
        for path in paths:
            touched.update(self._file_changed(path))
        for project in touched:
            self.lint_all(project)

    def _file_changed(self, path: Path) -> list[Project]:
        key = os.path.abspath(path)
        if any(os.path.abspath(file.path) == key for file in self.files.values()):
            return []
        touched = []
        for project in self.projects.values():
            if project.workspace is not None and _inside(key, project.root):
                project.workspace.file_changed(path)
                touched.append(project)
        return touched

    def _is_config(self, path: Path) -> bool:
        if path.name in CONFIG_FILES:
            return True
        for project in self.projects.values():
            authors = project.workspace.site.authors if project.workspace else None
            if authors is not None and os.path.abspath(authors.path) == os.path.abspath(path):
                return True
        return False

    def watch(self) -> None:
        """Ask the editor to report changes to content files, config files, the authors file
        and static files (when it can watch files for the server)."""
        capable = self.client_capabilities.workspace
        watched = capable.did_change_watched_files if capable is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        globs = {"**/*.{md,mdx,markdown}", "**/{klm-lint.toml,.klm-lint.toml,pyproject.toml}"}
        for project in self.projects.values():
            if project.workspace is None:
                continue
            site = project.workspace.site
            globs.update(
                "**/*" if folder == "." else f"**/{folder}/**" for folder in site.static_folders
            )
            if site.authors is not None:
                globs.add(f"**/{site.authors.path.name}")
        wanted = sorted(globs)
        if wanted == self._watched:
            return
        if self._watched:
            gone = types.Unregistration(_WATCHERS, types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
            self.client_unregister_capability(types.UnregistrationParams([gone]))
        self._watched = wanted
        options = types.DidChangeWatchedFilesRegistrationOptions(
            [types.FileSystemWatcher(glob) for glob in wanted]
        )
        watchers = types.Registration(_WATCHERS, types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        self.client_register_capability(types.RegistrationParams([watchers]))

    # Front matter

    def document(self, file: OpenFile) -> Document | None:
        """The open file's text, loaded as the linter loads a file."""
        workspace = self._workspace_of(file)
        if workspace is None:
            return None
        site = workspace.site
        raw = file.text.encode("utf-8", "surrogatepass")
        loaded = load_text(
            raw,
            file.path,
            display_path(file.path),
            site.site_path(file.path),
            site.config.max_front_matter_size,
            yaml_dialect=site.config.generator.yaml,
            after_blank_lines=site.config.generator.front_matter_after_blank_lines,
            code_languages=site.config.generator.code_front_matter,
        )
        return loaded if isinstance(loaded, Document) else None


def create_server() -> KlmLintServer:
    """The server, with every feature it offers registered."""
    server = KlmLintServer()

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        uris = [folder.uri for folder in params.workspace_folders or []]
        if params.root_uri:
            uris.append(params.root_uri)
        elif params.root_path:
            uris.append(Path(params.root_path).as_uri())
        paths = (_path(uri) for uri in uris)
        server.roots = list(dict.fromkeys(path for path in paths if path and path.is_dir()))
        if server.roots:
            # Messages name other files relative to the working directory.
            os.chdir(server.roots[0])

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        for root in server.roots:
            server.project_in(root)
        server.watch()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        path = _path(document.uri)
        if path is None:
            return
        file = OpenFile(document.uri, path, document.text, document.version)
        server.files[document.uri] = file
        server.schedule(document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        file = server.files.get(params.text_document.uri)
        if file is None:
            return
        file.text = server.workspace.get_text_document(file.uri).source
        file.version = params.text_document.version
        server.schedule(file.uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is None:
            return
        if server._is_config(path):
            server.reload()
            return
        project = server.project_for(path)
        if project is not None and project.workspace is not None:
            project.workspace.file_changed(path)
            server.lint_all(project)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        file = server.files.pop(uri, None)
        timer = server._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if file is None:
            return
        server._publish(uri, [], None)
        # The index goes back to the file as saved, and the other open files see it so.
        server.changed_on_disk([file.path])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [path for path in (_path(change.uri) for change in params.changes) if path]
        if paths:
            server.changed_on_disk(paths)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        file = server.current(params.text_document.uri)
        if file is None:
            return None
        workspace = server._workspace_of(file)
        if workspace is None:
            return None
        lines = TextLines(file.text, server.encoding)

        def fixed_text() -> str:
            assert workspace is not None and file is not None
            return workspace.fix_text(file.path, file.text, unsafe=False)[0]

        return actions.code_actions(
            file.uri,
            lines,
            server.document(file),
            file.findings,
            params.range,
            params.context.only,
            fixed_text,
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        file = server.files.get(params.text_document.uri)
        found = _schema_of(server, file)
        if file is None or found is None:
            return None
        _workspace, schema, collection = found
        document = server.document(file)
        if document is None:
            return None
        lines = TextLines(file.text, server.encoding)
        path = key_at(document, lines.offset(params.position))
        info = field_at(schema, path) if path else None
        if path is None or info is None:
            return None
        hover = server.client_capabilities.text_document
        formats = hover.hover.content_format if hover and hover.hover else None
        markdown = formats is None or types.MarkupKind.Markdown in formats
        text = hover_text(info, path, collection, markdown=markdown)
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        return types.Hover(types.MarkupContent(kind, text))

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[":", " ", "-", "=", "[", ",", '"']),
    )
    def completion(params: types.CompletionParams) -> list[types.CompletionItem] | None:
        file = server.files.get(params.text_document.uri)
        found = _schema_of(server, file)
        if file is None or found is None:
            return None
        workspace, schema, _collection = found
        lines = TextLines(file.text, server.encoding)
        typing = typing_at(file.text[lines.bom :], lines.offset(params.position))
        if typing is None:
            return None
        return completions(typing, schema, workspace, lines)

    return server


def _schema_of(server: KlmLintServer, file: OpenFile | None) -> tuple[Workspace, Any, str] | None:
    """The open file's workspace, its collection's schema and the collection's name."""
    if file is None:
        return None
    workspace = server._workspace_of(file)
    if workspace is None:
        return None
    collection = workspace.site.collection_for(workspace.site.site_path(file.path))
    if collection is None:
        return None
    return workspace, collection.schema, collection.name


def serve() -> None:
    """Run the server over standard input and output until the editor stops it."""
    create_server().start_io()


def _path(uri: str) -> Path | None:
    """The file a URI names; None for other schemes (an unsaved, untitled buffer)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def _existing_folder(path: Path) -> Path:
    folder = Path(os.path.abspath(path)).parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def _inside(key: str, root: Path) -> bool:
    folder = os.path.abspath(root)
    return key.startswith(folder + os.sep)


def _blamed_file(message: str, folder: Path) -> Path | None:
    """The config file an error is about: the one the message names, else the first config
    file upward from the folder."""
    start = Path(os.path.abspath(folder))
    candidates = [each / name for each in (start, *start.parents) for name in CONFIG_FILES]
    found = [path for path in candidates if path.is_file()]
    for candidate in found:
        if str(candidate) in message:
            return candidate
    for candidate in found:
        if candidate.name != "pyproject.toml" or "klm-lint" in _read(candidate):
            return candidate
    return None


def _read(path: Path) -> str:
    """A config file's text, read through the guard (klm_lint/files.py); "" when it cannot be."""
    try:
        raw, _info = read_regular(path, NAMED_FILE_LIMIT, ProjectRoot.at(path.parent))
    except Refused:
        return ""
    return raw.decode("utf-8", errors="replace")
