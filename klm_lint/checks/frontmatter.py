"""Rules on the front matter's structure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.findings import Severity
from klm_lint.nodes import iter_mappings
from klm_lint.rule import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.document import Document
    from klm_lint.findings import Finding
    from klm_lint.site import Site


_CONSEQUENCE = {
    "yaml": "the site's YAML reader rejects repeated keys and the build fails.",
    "toml": "TOML forbids repeated keys, so the site's reader rejects the file and the build "
    "fails.",
    "json": "the site's JSON reader silently keeps only the last one, so the first is lost.",
}


@rule("KLM004", "duplicate-key", Severity.ERROR, "A key is repeated in one mapping.")
def duplicate_key(doc: Document, site: Site) -> Iterator[Finding]:
    if doc.front_matter is None:
        return
    for mapping in iter_mappings(doc.front_matter.root):
        first_seen: dict[str, int] = {}
        for entry in mapping.entries:
            key = entry.key.text
            if key not in first_seen:
                first_seen[key] = entry.key.start
                continue
            first_line, _ = doc.lines.position(first_seen[key])
            message = (
                f"{key} appears a second time here (first on line {first_line}); "
                f"{_CONSEQUENCE[doc.front_matter.format]} Keep one {key} and delete the other."
            )
            yield duplicate_key.at(doc, entry.key.start, entry.key.end, message)
