"""Asset rules: images and other files the front matter points to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import dotted, quote
from klm_lint.checks.edits import replace_scalar_text
from klm_lint.checks.fields import checked, with_severity
from klm_lint.checks.rule import rule
from klm_lint.findings import Applicability, Fix, Severity
from klm_lint.load.nodes import Scalar

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.site.schema import FieldSpec
    from klm_lint.site.site import Site
    from klm_lint.site.static import Resolution


def _asset_values(doc: Document, site: Site) -> list[tuple[str, FieldSpec, Scalar, Resolution]]:
    """Each asset value, its path, its field and where it resolves, once for the asset rules."""
    return doc.derived(_resolved_assets, site)


def _resolved_assets(doc: Document, site: Site) -> list[tuple[str, FieldSpec, Scalar, Resolution]]:
    resolved = []
    for valued in checked(doc, site).assets:
        node = valued.node
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            continue
        resolution = site.resolve_asset(node.value.strip(), doc, body=False)
        if resolution is not None:
            resolved.append((dotted(valued.path), valued.spec, node, resolution))
    return resolved


@rule("KLM201", "asset-missing", Severity.ERROR, "An asset path does not resolve to a file.")
def asset_missing(doc: Document, site: Site) -> Iterator[Finding]:
    for name, spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "missing":
            message = (
                f"{name} points to {node.text.strip()}, but there is no such file "
                f"{_where(site, resolution)}; {spec.impact}. Add the file or correct the path."
            )
            yield with_severity(asset_missing.at(doc, node.start, node.end, message), spec.severity)


@rule(
    "KLM202",
    "asset-case-mismatch",
    Severity.ERROR,
    "An asset path matches a file only when case is ignored.",
    fix=Applicability.SAFE,
)
def asset_case_mismatch(doc: Document, site: Site) -> Iterator[Finding]:
    for name, spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "case-mismatch":
            message = (
                f"{name} points to {node.text.strip()}, but the file is "
                f"{resolution.real}; that works on a Mac or Windows laptop and 404s on the "
                f"site's Linux host, so {spec.impact}. Use {resolution.real}."
            )
            fix = _case_fix(doc, node, resolution.real)
            finding = asset_case_mismatch.at(doc, node.start, node.end, message, fix)
            yield with_severity(finding, spec.severity)


def _where(site: Site, resolution: Resolution) -> str:
    """Where the file was looked for: "in public/ and static/" (the static folders)."""
    return resolution.where or f"in {site.static.describe()}"


def _advice(site: Site, resolution: Resolution) -> str:
    return resolution.advice or (
        f"Put the file in {site.static.describe()} and write its path from there, such as "
        "/images/photo.jpg."
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
    for name, spec, node, resolution in _asset_values(doc, site):
        if resolution.status == "invalid":
            message = (
                f"{name} is {quote(node.text.strip())}, which {resolution.reason}, so "
                f"{spec.impact}. {_advice(site, resolution)}"
            )
            finding = asset_path_invalid.at(doc, node.start, node.end, message)
            yield with_severity(finding, spec.severity)
