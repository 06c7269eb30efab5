"""`klm-lint server`, driven end to end by a real LSP client over stdio (pytest-lsp)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import GOOD_POST, SiteBuilder
from tests.server.lsp import (
    SERVER,
    TIMEOUT,
    apply,
    change,
    codes,
    open_file,
    settled,
    start,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

pytestmark = pytest.mark.asyncio


@pytest.fixture
def site(tmp_path: Path) -> SiteBuilder:
    return SiteBuilder(tmp_path)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A client that accepts the server's file watchers."""
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def post(title: str, **changes: str) -> str:
    text = GOOD_POST.replace("Community engagement.", title)
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


async def indexed(client: LanguageClient) -> None:
    """Wait until the server says it has read the site's posts."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while not any("read the posts" in m.message for m in client.log_messages):
        assert loop.time() < deadline, [m.message for m in client.log_messages]
        await asyncio.sleep(0.02)


def watched(client: LanguageClient, *changes: tuple[Path, types.FileChangeType]) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(path.as_uri(), kind) for path, kind in changes]
        )
    )


async def code_actions(
    client: LanguageClient, uri: str, line: int, only: Sequence[str] | None = None
) -> list[types.CodeAction]:
    where = types.Range(types.Position(line, 0), types.Position(line, 0))
    context = types.CodeActionContext(diagnostics=[], only=list(only) if only else None)
    found = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), where, context)
    )
    return [action for action in found or [] if isinstance(action, types.CodeAction)]


def edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def test_diagnostics_follow_the_unsaved_text(
    client: LanguageClient, site: SiteBuilder
) -> None:
    path = site.post(GOOD_POST)
    result = await start(client, site.root)
    sync = result.capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.change == types.TextDocumentSyncKind.Full
    uri = open_file(client, path, GOOD_POST.replace("draft: false", 'draft: "false"'))
    [shown] = await codes(client, uri, ["KLM104"])
    assert shown.range == types.Range(types.Position(7, 7), types.Position(7, 14))
    assert shown.severity == types.DiagnosticSeverity.Error
    assert shown.source == "klm-lint"
    assert "the site treats any non-empty text as true" in shown.message
    assert shown.code_description is not None
    page = Path(shown.code_description.href.removeprefix("file://"))
    assert page.name == "KLM104.md" and "draft-flag" in page.read_text(encoding="utf-8")
    change(client, uri, GOOD_POST, 2)
    await codes(client, uri, [])
    for version in range(3, 10):
        change(client, uri, GOOD_POST.replace("Community", "C" * version), version)
    change(client, uri, GOOD_POST.replace("2022-04-04T05:00:00Z", "April 4, 2022"), 10)
    [late] = await codes(client, uri, ["KLM103"])
    assert late.range.start == types.Position(6, 6)
    assert path.read_text(encoding="utf-8") == GOOD_POST


async def test_whole_site_rules_use_the_index_that_saves_and_file_events_keep(
    client: LanguageClient, site: SiteBuilder
) -> None:
    alpha = site.post(post("Alpha"), name="alpha.md")
    beta = site.post(post("Beta"), name="beta.md")
    await start(client, site.root)
    beta_uri = open_file(client, beta, post("Alpha"))
    [duplicate] = await codes(client, beta_uri, ["KLM402"])
    [watchers] = client.registrations  # type: ignore[attr-defined]
    assert watchers.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [watcher["globPattern"] for watcher in watchers.register_options["watchers"]]
    assert "**/*.{md,mdx,markdown}" in globs and "**/public/**" in globs
    assert "content/posts/alpha.md (line 2)" in duplicate.message
    alpha.write_text(post("Gamma"), encoding="utf-8")
    watched(client, (alpha, types.FileChangeType.Changed))
    await codes(client, beta_uri, [])
    alpha_uri = open_file(client, alpha, post("Gamma"))
    await codes(client, alpha_uri, [])
    change(client, alpha_uri, post("Alpha"), 2)
    [mine] = await codes(client, alpha_uri, ["KLM402"])
    assert "content/posts/beta.md (line 2)" in mine.message
    alpha.write_text(post("Alpha"), encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(alpha_uri))
    )
    await codes(client, beta_uri, ["KLM402"])
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(beta_uri))
    )
    await codes(client, beta_uri, [])
    await codes(client, alpha_uri, [])
    beta.unlink()
    watched(client, (beta, types.FileChangeType.Deleted))
    renamed = site.post(post("Alpha"), name="renamed.md")
    watched(client, (renamed, types.FileChangeType.Created))
    [again] = await codes(client, alpha_uri, ["KLM402"])
    assert "content/posts/renamed.md" in again.message


async def test_code_actions_fix_ignore_and_fix_all(
    client: LanguageClient, site: SiteBuilder
) -> None:
    text = post(
        "Actions",
        **{
            "2022-04-04T05:00:00Z": "04/05/2022",
            "draft: false": 'draft: "false"\nsubtitle: x',
            "community engagement.\n": "community engagement.\n\n![](/images/post.jpg)\n",
        },
    )
    path = site.post(text)
    await start(client, site.root)
    uri = open_file(client, path, text)
    await codes(client, uri, ["KLM103", "KLM104", "KLM105", "KLM205"])

    safe = await code_actions(client, uri, 7)
    titles = [action.title for action in safe]
    assert titles == [
        "Write draft: false (KLM104)",
        "Ignore KLM104 here",
        "Fix all safe fixes in this file (klm-lint)",
    ], titles
    assert safe[0].kind == types.CodeActionKind.QuickFix and safe[0].is_preferred
    assert safe[0].diagnostics and safe[0].diagnostics[0].code == "KLM104"
    assert safe[2].kind == "source.fixAll.klm-lint"
    unsafe = await code_actions(client, uri, 6)
    assert "unsafe fix" in unsafe[0].title and not unsafe[0].is_preferred

    text = apply(text, edits(safe[0], uri))
    change(client, uri, text, 2)
    await codes(client, uri, ["KLM103", "KLM105", "KLM205"])
    [ignore_key] = [a for a in await code_actions(client, uri, 8) if "Ignore" in a.title]
    text = apply(text, edits(ignore_key, uri))
    assert "subtitle: x  # klm-lint: ignore[KLM105]\n" in text
    change(client, uri, text, 3)
    await codes(client, uri, ["KLM103", "KLM205"])
    [ignore_body] = [a for a in await code_actions(client, uri, 12) if "Ignore" in a.title]
    text = apply(text, edits(ignore_body, uri))
    assert "\n<!-- klm-lint-disable-next-line KLM205 -->\n![](/images/post.jpg)" in text
    change(client, uri, text, 4)
    await codes(client, uri, ["KLM103"])

    text = text.replace("draft: false", 'draft: "no"')
    change(client, uri, text, 5)
    await codes(client, uri, ["KLM103", "KLM104"])
    [fix_all] = await code_actions(client, uri, 0, only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.title == "Fix all safe fixes in this file (klm-lint)"
    text = apply(text, edits(fix_all, uri))
    assert "draft: false\n" in text and "date: 04/05/2022\n" in text
    change(client, uri, text, 6)
    await codes(client, uri, ["KLM103"])
    assert path.read_text(encoding="utf-8") != text


async def test_config_changes_apply_and_a_broken_config_is_one_diagnostic(
    client: LanguageClient, site: SiteBuilder
) -> None:
    text = post("Config", **{"draft: false": "draft: false\nsubtitle: x"})
    path = site.post(text)
    await start(client, site.root)
    uri = open_file(client, path, text)
    await codes(client, uri, ["KLM105"])
    config = site.config('ignore = ["KLM105"]\n')
    watched(client, (config, types.FileChangeType.Created))
    await codes(client, uri, [])

    site.config('ignore = ["KLM105"]\nmdx = tru\n')
    watched(client, (config, types.FileChangeType.Changed))
    [broken] = await settled(client, config.as_uri(), lambda shown: len(shown) == 1)
    assert broken.message.startswith("the config file is not valid TOML (Invalid value")
    assert broken.range.start == types.Position(1, 6)
    change(client, uri, text.replace("draft: false", 'draft: "false"'), 2)
    await codes(client, uri, ["KLM104"])

    site.config('ignore = ["KLM105"]\nunknown-option = 1\n')
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )
    [unknown] = await settled(
        client, config.as_uri(), lambda shown: "unknown" in "".join(d.message for d in shown)
    )
    assert "unknown option 'unknown-option'" in unknown.message
    assert unknown.range.start.line == 1

    site.config("mdx = true\n")
    watched(client, (config, types.FileChangeType.Changed))
    await codes(client, config.as_uri(), [])
    await codes(client, uri, ["KLM104", "KLM105"])


async def test_files_outside_any_collection_excluded_or_not_content(
    client: LanguageClient, site: SiteBuilder
) -> None:
    site.config('exclude = ["content/drafts/"]\n')
    readme = site.write("README.md", "# The site\n\n![](/images/missing.jpg)\n")
    draft = site.write("content/drafts/idea.md", "no front matter\n")
    notes = site.write("notes.txt", "---\ndraft: maybe\n---\n")
    mdx = site.write("content/posts/post.mdx", post("MDX") + '\n<Notice type="warn">x</Notice>\n')
    await start(client, site.root)
    uris = [open_file(client, path, path.read_text()) for path in (readme, draft, notes, mdx)]
    for uri in uris[:3]:
        await codes(client, uri, [])
    await codes(client, uris[3], ["KLM302"])


async def test_positions_in_the_encoding_the_client_prefers(
    client: LanguageClient, site: SiteBuilder
) -> None:
    text = GOOD_POST.replace("draft: false", 'draft: "😀 no"')
    path = site.post(text)
    result = await start(client, site.root, encodings=["utf-8", "utf-16"])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = open_file(client, path, text)
    [shown] = await codes(client, uri, ["KLM104"])
    assert shown.range == types.Range(types.Position(7, 7), types.Position(7, 7 + 9))


async def test_hover_and_completion_from_the_schema_and_the_site(
    client: LanguageClient, site: SiteBuilder
) -> None:
    site.config('authors = "data/authors.yaml"\n')
    site.write(
        "data/authors.yaml",
        "- name: Abdullah Al Shifat\n  avatar: /images/author/abdullah.jpg\n- name: Jane Doe\n",
    )
    site.post(post("One", **{"draft: false": "draft: false\ntags: [news, events]"}), "one.md")
    site.post(post("Two", **{"draft: false": "draft: false\ntags: [news]"}), "two.md")
    text = post("Three", **{"draft: false": "draft: false\ntags: [news]\n"})
    path = site.post(text, "three.md")
    await start(client, site.root)
    await indexed(client)
    uri = open_file(client, path, text)
    await codes(client, uri, [])
    document = types.TextDocumentIdentifier(uri)

    async def hover(line: int, character: int) -> str | None:
        found = await client.text_document_hover_async(
            types.HoverParams(document, types.Position(line, character))
        )
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    async def complete(line: int, character: int) -> list[str]:
        found = await client.text_document_completion_async(
            types.CompletionParams(document, types.Position(line, character))
        )
        assert found is None or isinstance(found, list)
        return [item.label for item in found or []]

    draft = await hover(7, 2)
    assert draft is not None and draft.startswith("**draft**: true or false")
    assert "(required in posts)" in draft and "Allowed values: `true`, `false`" in draft
    name = await hover(4, 4)
    assert name is not None and name.startswith("**author.name**: text (required in posts)")
    assert await hover(11, 3) is None

    assert await complete(7, 7) == ["true", "false"]
    assert await complete(8, 7) == ["news", "events"]
    assert await complete(4, 8) == ["Abdullah Al Shifat", "Jane Doe"]
    assert await complete(9, 0) == ["description", "meta_title", "lastmod", "categories", "url"]
    assert await complete(11, 0) == []
    change(client, uri, text.replace("  avatar: /images/author/abdullah.jpg\n", "  \n"), 2)
    assert await complete(5, 2) == ["avatar"]
