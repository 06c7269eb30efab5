"""Body rules: the images and media a post's body points to, and their alt text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.rule import rule
from klm_lint.findings import Severity
from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record
from klm_lint.site.static import Resolution

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.load.mdx import Attribute, Image, Tag
    from klm_lint.site.site import Site

MEDIA_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "img": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "source": ("src",),
}
"""HTML elements whose attributes name a file of the site."""

_MARKDOWN_ESCAPE = lazy_pattern(r"\\([!-/:-@\[-`{-~])")


@value_record
class BodyAsset:
    what: str
    """How messages name the reference: "the image", "<img src>", "<Video src>"."""
    value: str
    """The path as the site reads it (escapes and character references decoded)."""
    start: int
    end: int
    resolution: Resolution
    shows: str
    """What the reader would see: "image", "media" (a player) or a component's name."""


def unescape(value: str) -> str:
    """Character references (&amp;) decoded, as the site's MDX compiler decodes them."""
    if "&" not in value:
        return value
    import html

    return html.unescape(value)


def _in_site(doc: Document, site: Site) -> bool:
    return site.collection_of(doc) is not None


def _noun(doc: Document, site: Site) -> str:
    collection = site.collection_of(doc)
    return collection.noun if collection else "page"


def body_assets(doc: Document, site: Site) -> list[BodyAsset]:
    """Every local file the body points to and where it resolves, computed once per document."""
    return doc.derived(_find_assets, site)


def _find_assets(doc: Document, site: Site) -> list[BodyAsset]:
    return list(_assets_in(doc, site))


def _assets_in(doc: Document, site: Site) -> Iterator[BodyAsset]:
    scan = doc.body_scan
    seen: set[tuple[int, int]] = set()
    for image in scan.images:
        if _undefined_reference(doc, image) or (image.src_start, image.src_end) in seen:
            continue
        seen.add((image.src_start, image.src_end))
        value = unescape(_MARKDOWN_ESCAPE.sub(r"\1", image.src)).strip()
        resolution = _resolve(doc, site, value)
        if resolution is not None:
            yield BodyAsset("the image", value, image.src_start, image.src_end, resolution, "image")
    for tag in scan.tags:
        if tag.kind == "close":
            continue
        for attribute in _asset_attributes(tag, site):
            assert attribute.value is not None
            value = unescape(attribute.value).strip()
            resolution = _resolve(doc, site, value)
            if resolution is None:
                continue
            if tag.name in MEDIA_ATTRIBUTES:
                shows = "image" if tag.name == "img" or attribute.name == "poster" else "media"
            else:
                shows = tag.name
            yield BodyAsset(
                f"<{tag.name} {attribute.name}>",
                value,
                attribute.value_start + 1,
                attribute.value_end - 1,
                resolution,
                shows,
            )


def _undefined_reference(doc: Document, image: Image) -> bool:
    """A reference image whose label has no definition, which is not an image at all."""
    return (
        image.src_start == image.src_end and doc.text[image.src_start - 1 : image.src_start] == "["
    )


def _asset_attributes(tag: Tag, site: Site) -> Iterator[Attribute]:
    names: tuple[str, ...] | list[str] = MEDIA_ATTRIBUTES.get(tag.name, ())
    component = site.components.get(tag.name)
    if component is not None:
        names = component.assets
    for attribute in tag.attributes:
        if attribute.name in names and attribute.value is not None:
            yield attribute


def _resolve(doc: Document, site: Site, value: str) -> Resolution | None:
    if not value:
        return Resolution("invalid", reason="is empty, so it names no file")
    return site.resolve_asset(value, doc, body=True)


def _impact(doc: Document, site: Site, asset: BodyAsset) -> str:
    if asset.shows == "image":
        return f"the {_noun(doc, site)} shows a broken image"
    if asset.shows == "media":
        return f"the {_noun(doc, site)}'s player has nothing to play"
    return f"the {asset.shows} on the {_noun(doc, site)} has nothing to show"


@rule(
    "KLM204",
    "body-asset-missing",
    Severity.ERROR,
    "An image or media file in the body does not resolve to a file.",
)
def body_asset_missing(doc: Document, site: Site) -> Iterator[Finding]:
    if not _in_site(doc, site):
        return
    for asset in body_assets(doc, site):
        resolution = asset.resolution
        impact = _impact(doc, site, asset)
        if resolution.status == "missing":
            message = (
                f"{asset.what} points to {asset.value}, but there is no such file "
                f"{resolution.where or 'in ' + site.static.describe()}; {impact}. Add the file "
                "or correct the path."
            )
        elif resolution.status == "case-mismatch":
            message = (
                f"{asset.what} points to {asset.value}, but the file is {resolution.real}; that "
                "works on a Mac or Windows laptop and 404s on the site's Linux host, so "
                f"{impact}. Use {resolution.real}."
            )
        elif resolution.status == "invalid":
            message = (
                f"{asset.what} is {quote(asset.value)}, which {resolution.reason}, so {impact}. "
                + (
                    resolution.advice
                    or f"Put the file in {site.static.describe()} and write its path from there, "
                    "such as /images/photo.jpg."
                )
            )
        else:
            continue
        yield body_asset_missing.at(doc, asset.start, asset.end, message)


@rule("KLM205", "image-alt-missing", Severity.WARNING, "A body image has no alt text.")
def image_alt_missing(doc: Document, site: Site) -> Iterator[Finding]:
    if not _in_site(doc, site):
        return
    scan = doc.body_scan
    for image in scan.images:
        if image.alt.strip() or _undefined_reference(doc, image):
            continue
        message = (
            "this image has no alt text, so screen readers skip it and readers who cannot see "
            "it miss what it shows (search engines too). Describe the picture between the "
            "brackets: ![Children at the health camp](…)."
        )
        yield image_alt_missing.at(doc, image.start, image.alt_end + 1, message)
    for tag in scan.tags:
        if tag.name != "img" or tag.kind == "close":
            continue
        # An unfinished tag (`<img src="a.png", alt="A">`): browsers read on past what MDX's
        # syntax allows, so which attributes it has is theirs to say.
        if not tag.complete:
            continue
        if any(attribute.name in ("alt", "") for attribute in tag.attributes):
            continue
        message = (
            "<img> has no alt attribute, so screen readers read out its file name instead of "
            'what it shows. Add alt="…" describing the picture, or alt="" if it is only '
            "decoration."
        )
        yield image_alt_missing.at(doc, tag.start, tag.name_end, message)
