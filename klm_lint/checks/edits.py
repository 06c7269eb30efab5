"""Text edits that fixes are made of: each touches only the span it must change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klm_lint.findings import Edit
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Scalar


def replace_scalar_text(doc: Document, node: Scalar, text: str) -> Edit | None:
    """An edit writing `text` as the scalar's value, keeping its quotes; None when the scalar is
    written in a way an edit cannot safely keep (escapes, folded lines, block scalars)."""
    source = doc.text[node.start : node.end]
    if not node.quoted:
        return doc.edit(node.start, node.end, text) if source == node.text else None
    quoted_plainly = len(source) >= 2 and source[0] == source[-1] and source[0] in "\"'"
    if quoted_plainly and source[1:-1] == node.text and source[0] not in text:
        return doc.edit(node.start + 1, node.end - 1, text)
    return None


def replace_value(doc: Document, node: Scalar, literal: str) -> Edit:
    """An edit writing a literal (true, false) in place of the whole value, quotes included."""
    return doc.edit(node.start, node.end, literal)
