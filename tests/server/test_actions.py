"""Code actions built from findings: the edits they carry, in the editor's positions."""

from __future__ import annotations

import pytest
from lsprotocol import types

from klm_lint.load.document import Document, load_text
from klm_lint.server.actions import FIX_ALL, code_actions
from klm_lint.server.positions import TextLines
from klm_lint.workspace import Workspace
from tests.conftest import GOOD_POST, SiteBuilder
from tests.server.lsp import apply

URI = "file:///site/content/posts/post.md"


def actions_for(
    site: SiteBuilder, text: str, line: int, only: list[str] | None = None
) -> tuple[list[types.CodeAction], str]:
    workspace = Workspace(site.root)
    path = site.root / "content/posts/post.md"
    findings = workspace.lint_text(path, text).findings
    loaded = load_text(text.encode(), path, "post.md", "content/posts/post.md", 10**6)
    document = loaded if isinstance(loaded, Document) else None
    where = types.Range(types.Position(line, 0), types.Position(line, 0))

    def fixed() -> str:
        return workspace.fix_text(path, text)[0]

    return code_actions(URI, TextLines(text), document, findings, where, only, fixed), text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_all_is_one_edit_of_what_changed(site: SiteBuilder, newline: str) -> None:
    text = (
        "\ufeff"
        + GOOD_POST.replace("draft: false", 'draft: "false"')
        .replace("2022-04-04T05:00:00Z", "April 4, 2022")
        .replace("Community", "😀 Community")
    ).replace("\n", newline)
    found, text = actions_for(site, text, 0, only=["source.fixAll"])
    [fix_all] = found
    assert fix_all.kind == FIX_ALL and fix_all.edit is not None
    assert fix_all.edit.changes is not None
    [edit] = fix_all.edit.changes[URI]
    assert edit.range.start.line == 6 and edit.range.end.line == 7
    fixed = apply(text, [edit])
    assert fixed == text.replace('draft: "false"', "draft: false").replace(
        "April 4, 2022", "2022-04-04"
    )


def test_nothing_to_fix_and_nothing_asked(site: SiteBuilder) -> None:
    assert actions_for(site, GOOD_POST, 7)[0] == []
    assert actions_for(site, "no front matter\n", 0)[0] == []
    bad = GOOD_POST.replace("draft: false", 'draft: "false"')
    assert actions_for(site, bad, 3)[0] == [], "nothing on that line, and no fix-all unasked"
    found, _ = actions_for(site, bad, 7, only=[types.CodeActionKind.QuickFix])
    assert [action.title for action in found] == [
        "Write draft: false (KLM104)",
        "Ignore KLM104 here",
    ]
