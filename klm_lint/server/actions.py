"""Code actions: a finding's fix (safe fixes are quick fixes, unsafe ones say so), every safe
fix of the file at once, and a suppression comment that silences a finding where it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from klm_lint.engine.suppressions import silencing
from klm_lint.findings import Applicability
from klm_lint.server.diagnostics import diagnostic

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from klm_lint.findings import Edit, Finding
    from klm_lint.load.document import Document
    from klm_lint.server.positions import TextLines

FIX_ALL = "source.fixAll.klm-lint"
FIX_ALL_TITLE = "Fix all safe fixes in this file (klm-lint)"
_NOT_SILENCED = {"KLM000", "KLM001", "KLM002", "KLM003", "KLM005", "KLM006", "KLM900", "KLM901"}
"""A bug in klm-lint is not silenced, nor a file that does not load (no comment in it is
read), nor a suppression that silences nothing or names no rule."""


def code_actions(
    uri: str,
    lines: TextLines,
    document: Document | None,
    findings: Sequence[Finding],
    requested: types.Range,
    only: Sequence[str] | None,
    fixed_text: Callable[[], str],
) -> list[types.CodeAction]:
    """The actions for the findings on the requested lines, and the file's fix-all (beside
    them, or when asked for).
    `fixed_text` gives the file's text with every safe fix applied (it is asked only when
    wanted)."""
    actions: list[types.CodeAction] = []
    titles: set[str] = set()
    for finding in findings:
        shown = diagnostic(finding, lines)
        if not _overlaps(shown.range, requested):
            continue
        for action in _for_finding(uri, lines, document, finding, shown):
            if action.title not in titles:
                titles.add(action.title)
                actions.append(action)
    safe = [f for f in findings if f.fix and f.fix.applicability is Applicability.SAFE]
    # Offered beside a finding's actions, or when asked for (on save): not on every line.
    asked = bool(only) and _wanted(FIX_ALL, only)
    if safe and (asked or (actions and _wanted(FIX_ALL, only))):
        edit = _whole_text_edit(lines, fixed_text())
        if edit is not None:
            actions.append(
                types.CodeAction(
                    title=FIX_ALL_TITLE,
                    kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
    return [action for action in actions if _wanted(action.kind or "", only)]


def _for_finding(
    uri: str,
    lines: TextLines,
    document: Document | None,
    finding: Finding,
    shown: types.Diagnostic,
) -> list[types.CodeAction]:
    actions = []
    fix = finding.fix
    if fix is not None:
        safe = fix.applicability is Applicability.SAFE
        label = finding.code if safe else f"{finding.code}, unsafe fix: check the result"
        actions.append(
            types.CodeAction(
                title=f"{fix.description} ({label})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown],
                is_preferred=safe,
                edit=types.WorkspaceEdit(changes={uri: [_text_edit(lines, e) for e in fix.edits]}),
            )
        )
    if document is not None and finding.code not in _NOT_SILENCED:
        silenced = silencing(document, finding.code, finding.span.line)
        if silenced is not None:
            where = "in this file" if silenced.whole_file else "here"
            actions.append(
                types.CodeAction(
                    title=f"Ignore {finding.code} {where}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    edit=types.WorkspaceEdit(changes={uri: [_text_edit(lines, silenced.edit)]}),
                )
            )
    return actions


def _text_edit(lines: TextLines, edit: Edit) -> types.TextEdit:
    return types.TextEdit(types.Range(lines.at(edit.start), lines.at(edit.end)), edit.replacement)


def _whole_text_edit(lines: TextLines, fixed: str) -> types.TextEdit | None:
    """One edit from the text to the fixed text: the part between what they share at the
    start and at the end."""
    before = lines.text[lines.bom :]
    after = fixed.removeprefix("\ufeff")
    if before == after:
        return None
    start = 0
    most = min(len(before), len(after))
    while start < most and before[start] == after[start]:
        start += 1
    end = 0
    while end < most - start and before[-1 - end] == after[-1 - end]:
        end += 1
    # An edit never starts or ends between the CR and LF of a line break.
    if 0 < start < len(before) and before[start - 1 : start + 1] == "\r\n":
        start -= 1
    if 0 < end < len(before) and before[-end - 1 : len(before) - end + 1] == "\r\n":
        end -= 1
    where = types.Range(lines.at(start), lines.at(len(before) - end))
    return types.TextEdit(where, after[start : len(after) - end])


def _overlaps(one: types.Range, other: types.Range) -> bool:
    """Whether two ranges share a line: an action is offered anywhere on its finding's lines."""
    return one.start.line <= other.end.line and other.start.line <= one.end.line


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    if not only:
        return True
    return any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)
