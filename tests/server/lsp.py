"""Driving `klm-lint server` as an editor does: a real client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

COMMAND = [str(Path(sys.executable).parent / "klm-lint"), "server"]
"""The command line the README's editor setups start."""
SERVER = ClientServerConfig(server_command=COMMAND)
TIMEOUT = 20.0


def capabilities(
    encodings: Sequence[str] | None = None, *, watching: bool = True
) -> types.ClientCapabilities:
    """What an editor says it can do: watch files for the server, take code actions."""
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=list(encodings))
        if encodings
        else None,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=watching
            )
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    types.ClientCodeActionKindOptions(
                        [types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
                    )
                )
            ),
            hover=types.HoverClientCapabilities(
                content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]
            ),
        ),
    )


async def start(
    client: LanguageClient, root: Path, encodings: Sequence[str] | None = None
) -> types.InitializeResult:
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(encodings),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
        )
    )


def open_file(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    language = "mdx" if path.suffix == ".mdx" else "markdown"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, text))
    )
    return uri


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )


async def settled(
    client: LanguageClient, uri: str, wanted: Callable[[Sequence[types.Diagnostic]], bool]
) -> list[types.Diagnostic]:
    """The file's diagnostics, once the server has published some that are as wanted."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while True:
        shown = client.diagnostics.get(uri)
        if shown is not None and wanted(shown):
            return list(shown)
        if loop.time() > deadline:
            raise AssertionError(f"diagnostics for {uri} never settled: {shown}")
        await asyncio.sleep(0.02)


async def codes(client: LanguageClient, uri: str, expected: list[str]) -> list[types.Diagnostic]:
    """The file's diagnostics once their codes are the expected ones, in order."""
    return await settled(client, uri, lambda shown: [d.code for d in shown] == expected)


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text with LSP edits applied, positions read as UTF-16 (the default encoding)."""

    def offset(position: types.Position) -> int:
        lines = re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line].rstrip("\r\n") if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += 2 if ord(char) > 0xFFFF else 1
        return before + len(line)

    def start(edit: types.TextEdit) -> tuple[int, int]:
        return edit.range.start.line, edit.range.start.character

    for edit in sorted(edits, key=start, reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text
