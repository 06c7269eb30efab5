"""Asset rules: images and other files the front matter points to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.edits import replace_scalar_text
from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.nodes import Scalar, lookup

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.schema import FieldSpec
    from klm_lint.site.site import Site
    from klm_lint.site.static import Resolution


def _asset_values(doc: Document, site: Site) -> list[tuple[FieldSpec, Scalar, Resolution]]:
    """Each asset field's value and where it resolves, computed once for the asset rules."""
    return doc.derived(_resolved_assets, site)


def _resolved_assets(doc: Document, site: Site) -> list[tuple[FieldSpec, Scalar, Resolution]]:
    return list(_resolve_assets(doc, site))


def _resolve_assets(doc: Document, site: Site) -> Iterator[tuple[FieldSpec, Scalar, Resolution]]:
    collection = site.collection_of(doc)
    if doc.front_matter is None or collection is None:
        return
    for spec in collection.schema.fields_of_kind("asset"):
        _entry, node = lookup(doc.front_matter.root, spec.path)
        if not isinstance(node, Scalar):
            continue
        if not isinstance(node.value, str) or not node.value.strip():
            continue
        resolution = site.static.resolve(node.value.strip())
        if resolution is not None:
            yield spec, node, resolution


@rule("KLM201", "asset-missing", Severity.ERROR, "An asset path does not resolve to a file.")
def asset_missing(doc: Document, site: Site) -> Iterator[Finding]:
    for spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "missing":
            message = (
                f"{spec.dotted} points to {node.text.strip()}, but there is no such file in "
                f"{site.static.describe()}; {spec.impact}. Add the file or correct the path."
            )
            yield asset_missing.at(doc, node.start, node.end, message)


@rule(
    "KLM202",
    "asset-case-mismatch",
    Severity.ERROR,
    "An asset path matches a file only when case is ignored.",
    fix=Applicability.SAFE,
)
def asset_case_mismatch(doc: Document, site: Site) -> Iterator[Finding]:
    for spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "case-mismatch":
            message = (
                f"{spec.dotted} points to {node.text.strip()}, but the file is "
                f"{resolution.real}; that works on a Mac or Windows laptop and 404s on the "
                f"site's Linux host, so {spec.impact}. Use {resolution.real}."
            )
            yield asset_case_mismatch.at(
                doc, node.start, node.end, message, _case_fix(doc, node, resolution.real)
            )


def _case_fix(doc: Document, node: Scalar, real: str) -> Fix | None:
    value = node.text
    if value != value.strip() or any(char in value for char in "?#%"):
        return None
    edit = replace_scalar_text(doc, node, real)
    if edit is None:
        return None
    return Fix(Applicability.SAFE, f"Write {real}", (edit,))


@rule(
    "KLM203",
    "asset-path-invalid",
    Severity.ERROR,
    "An asset path escapes the static folder or is not a web path.",
)
def asset_path_invalid(doc: Document, site: Site) -> Iterator[Finding]:
    for spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "invalid":
            message = (
                f"{spec.dotted} is {quote(node.text.strip())}, which {resolution.reason}, so "
                f"{spec.impact}. Put the file in {site.static.describe()} and write its path "
                "from there, such as /images/photo.jpg."
            )
            yield asset_path_invalid.at(doc, node.start, node.end, message)
