from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from tests.conftest import GOOD_POST, SiteBuilder, only

if TYPE_CHECKING:
    from pathlib import Path


def with_image(value: str) -> str:
    return GOOD_POST.replace("image: /images/author/6.jpg", f"image: {value}")


def test_existing_image_passes(site: SiteBuilder) -> None:
    site.post(with_image("/images/post.jpg"))
    assert site.lint() == []


def test_image_in_static_folder(site: SiteBuilder) -> None:
    site.asset("img/banner.png", folder="static")
    site.post(with_image("/img/banner.png"))
    assert site.lint() == []


@pytest.mark.parametrize(
    "value",
    ["https://cdn.example.org/x.jpg", "http://example.org/x.jpg", "//cdn.example.org/x.jpg"],
)
def test_remote_urls_are_not_checked(site: SiteBuilder, value: str) -> None:
    site.post(with_image(value))
    assert site.lint() == []


def test_query_and_percent_escapes(site: SiteBuilder) -> None:
    site.asset("images/my photo.jpg")
    site.post(with_image("/images/my%20photo.jpg?v=2"))
    assert site.lint() == []


def test_missing_image(site: SiteBuilder) -> None:
    site.post(with_image("/images/author/7.jpg"))
    finding = only(site.lint(), "KLM201")
    assert finding.message.startswith(
        "image points to /images/author/7.jpg, but there is no such file in public/"
    )
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (3, 8, 28)


def test_missing_avatar_names_the_nested_field(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("/images/author/abdullah.jpg", "/images/author/nobody.jpg"))
    finding = only(site.lint(), "KLM201")
    assert finding.message.startswith("author.avatar points to")
    assert (finding.span.line, finding.span.column) == (6, 11)


def test_a_folder_is_not_an_image(site: SiteBuilder) -> None:
    site.post(with_image("/images/author"))
    only(site.lint(), "KLM201")


def test_case_mismatch_names_the_real_path(site: SiteBuilder) -> None:
    site.asset("images/Team/Photo.JPG")
    site.post(with_image("/images/team/photo.jpg"))
    finding = only(site.lint(), "KLM202")
    assert "the file is /images/Team/Photo.JPG" in finding.message
    assert finding.message.endswith("Use /images/Team/Photo.JPG.")


def test_exact_match_wins_over_case_variant(site: SiteBuilder) -> None:
    site.asset("images/a.jpg")
    site.asset("images/A.jpg")
    site.post(with_image("/images/A.jpg"))
    assert site.lint() == []


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("/images/../../etc/passwd", "climbs out of the static folder"),
        ("../../etc/passwd", "is relative"),
        ("images/post.jpg", "is relative"),
        ("\\images\\post.jpg", "uses backslashes"),
        ("C:/Users/jane/Pictures/post.jpg", "is a path on someone's computer"),
        ('"C:\\\\Users\\\\jane\\\\post.jpg"', "uses backslashes"),
        ("file:///home/jane/post.jpg", "file: address"),
        ("~/Pictures/post.jpg", "is a path on someone's computer"),
    ],
)
def test_invalid_paths(site: SiteBuilder, value: str, reason: str) -> None:
    site.post(with_image(value))
    finding = only(site.lint(), "KLM203")
    assert reason in finding.message


def test_never_looks_outside_the_static_root(site: SiteBuilder, tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"x")
    site.post(with_image("/../secret.jpg"))
    only(site.lint(), "KLM203")


def test_symlink_pointing_outside_counts_as_outside(site: SiteBuilder, tmp_path: Path) -> None:
    outside = tmp_path.parent / (tmp_path.name + "-outside.jpg")
    outside.write_bytes(b"x")
    os.symlink(outside, site.root / "public" / "images" / "link.jpg")
    site.post(with_image("/images/link.jpg"))
    finding = only(site.lint(), "KLM203")
    assert "outside the static folder" in finding.message


def test_symlink_inside_the_root_is_fine(site: SiteBuilder) -> None:
    os.symlink(site.root / "public/images/post.jpg", site.root / "public/images/alias.jpg")
    site.post(with_image("/images/alias.jpg"))
    assert site.lint() == []


def test_configured_asset_field(site: SiteBuilder) -> None:
    site.config('[collections.posts.fields]\nbanner = "asset"\n')
    site.post(GOOD_POST.replace("draft: false", "draft: false\nbanner: /images/none.jpg"))
    finding = only(site.lint(), "KLM201")
    assert finding.message.startswith("banner points to /images/none.jpg")


def test_configured_static_folder(site: SiteBuilder) -> None:
    site.config('static = ["assets"]\n')
    site.asset("images/post.jpg", folder="assets")
    site.post(
        with_image("/images/post.jpg").replace("/images/author/abdullah.jpg", "/images/post.jpg")
    )
    assert site.lint() == []
