"""KLM204 body-asset-missing and KLM205 image-alt-missing."""

from __future__ import annotations

import pytest

from tests.conftest import BODY_LINE, GOOD_POST, SiteBuilder, only


@pytest.mark.parametrize(
    "body",
    [
        "![A classroom](/images/post.jpg)\n",
        '![A classroom](/images/post.jpg "The new classroom")\n',
        "![A classroom](/images/post.jpg 'single quotes')\n",
        "![A classroom](/images/post.jpg (parentheses))\n",
        "![A classroom](</images/post.jpg>)\n",
        "![A classroom](/images/post.jpg?v=2#top)\n",
        "![A classroom][room]\n\n[room]: /images/post.jpg\n",
        '![A classroom][room]\n\n[room]: </images/post.jpg> "Title"\n',
        '<img src="/images/post.jpg" alt="A classroom" />\n',
        '<img src="/images/post.jpg" alt="" />\n',
        "<img src={photo} alt={caption} />\n",
        '<Video src="/images/post.jpg" />\n',
        "![Remote](https://cdn.example.org/x.jpg)\n",
        "![Protocol-relative](//cdn.example.org/x.jpg)\n",
        '<img src="https://cdn.example.org/x.jpg" alt="Remote" />\n',
        '<Video src="https://cdn.example.org/camp.mp4" />\n',
        "![Inline data](data:image/png;base64,iVBORw0KGgo=)\n",
        "```md\n![](/images/missing.jpg)\n```\n",
        "`![](/images/missing.jpg)` is how to write an image.\n",
        "<!-- ![](/images/missing.jpg) -->\n",
        '{/* <img src="/images/missing.jpg" /> */}\n',
        "~~~\n<Video src=/missing.mp4 />\n~~~\n",
        "[A link to a missing file](/files/missing.pdf)\n",
        "![An undefined reference][nowhere]\n",
        "\\![Escaped](/images/missing.jpg)\n",
    ],
)
def test_bodies_that_pass(site: SiteBuilder, body: str) -> None:
    assert site.body_findings(body) == []


def test_missing_markdown_image_points_at_the_destination(site: SiteBuilder) -> None:
    site.post(GOOD_POST + 'Text.\n\n![A camp](/images/camp.jpg "The camp")\n')
    finding = only(site.lint(), "KLM204")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE + 2,
        11,
        27,
    )
    assert finding.message == (
        "the image points to /images/camp.jpg, but there is no such file in public/; the post "
        "shows a broken image. Add the file or correct the path."
    )


def test_angle_brackets_with_spaces(site: SiteBuilder) -> None:
    site.asset("images/my photo.jpg")
    assert site.body_findings("![A photo](</images/my photo.jpg>)\n") == []
    site.post(GOOD_POST + "![A photo](</images/my photos.jpg>)\n")
    finding = only(site.lint(), "KLM204")
    assert (finding.span.column, finding.span.end_column) == (13, 34)
    assert "points to /images/my photos.jpg," in finding.message


def test_reference_definition_is_reported_once_where_it_is(site: SiteBuilder) -> None:
    body = "![One][team] and ![Two][team]\n\n[team]: /images/team.jpg\n"
    assert site.body_findings(body) == [("KLM204", BODY_LINE + 2, 9)]


def test_case_mismatch_in_the_body(site: SiteBuilder) -> None:
    site.asset("images/Team.jpg")
    site.post(GOOD_POST + '<img src="/images/team.jpg" alt="The team" />\n')
    finding = only(site.lint(), "KLM204")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE,
        11,
        27,
    )
    assert finding.message == (
        "<img src> points to /images/team.jpg, but the file is /images/Team.jpg; that works on a "
        "Mac or Windows laptop and 404s on the site's Linux host, so the post shows a broken "
        "image. Use /images/Team.jpg."
    )


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("![x](../images/post.jpg)", "is relative"),
        ("![x](images/post.jpg)", "is relative"),
        ("![x](/images/../../secret.jpg)", "climbs out of the static folder"),
        ('<img src="C:\\Users\\me\\photo.jpg" alt="x" />', "uses backslashes"),
        ("![x](file:///home/me/photo.jpg)", "is a file: address"),
        ('<img src="" alt="x" />', "is empty"),
    ],
)
def test_paths_that_are_not_web_paths(site: SiteBuilder, source: str, reason: str) -> None:
    site.post(GOOD_POST + source + "\n")
    finding = only(site.lint(), "KLM204")
    assert reason in finding.message
    assert finding.message.endswith("such as /images/photo.jpg.")


def test_markdown_escapes_are_decoded_as_the_site_does(site: SiteBuilder) -> None:
    site.asset("images/my_photo.jpg")
    assert site.body_findings("![x](/images/my\\_photo.jpg)\n") == []


def test_component_asset_props(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '<Video src="/videos/camp.mp4" />\n')
    finding = only(site.lint(), "KLM204")
    assert (finding.span.column, finding.span.end_column) == (13, 29)
    assert finding.message.startswith("<Video src> points to /videos/camp.mp4, but there is")
    assert "the Video on the post has nothing to show" in finding.message


def test_configured_component_asset_prop(site: SiteBuilder) -> None:
    site.config('[components.Gallery]\nassets = ["cover"]\n')
    site.post(GOOD_POST + '<Gallery cover="/images/cover.jpg" title="/not/a/file" />\n')
    finding = only(site.lint(), "KLM204")
    assert finding.message.startswith("<Gallery cover> points to /images/cover.jpg")


def test_html_media_tags(site: SiteBuilder) -> None:
    body = (
        '<video src="/videos/a.mp4" poster="/images/a.jpg">\n'
        '  <source src="/videos/b.webm" />\n'
        "</video>\n"
        '<audio src="/sounds/c.mp3"></audio>\n'
    )
    site.post(GOOD_POST + body)
    found = [(f.span.line - BODY_LINE, f.message.split(" points")[0]) for f in site.lint()]
    assert found == [
        (0, "<video src>"),
        (0, "<video poster>"),
        (1, "<source src>"),
        (3, "<audio src>"),
    ]


def test_static_folder_is_configurable(site: SiteBuilder) -> None:
    site.config('static = ["assets"]\n')
    site.asset("images/camp.jpg", folder="assets")
    site.post(
        GOOD_POST.replace("/images/author/6.jpg", "/images/camp.jpg").replace(
            "  avatar: /images/author/abdullah.jpg\n", ""
        )
        + "![A camp](/images/camp.jpg)\n"
    )
    assert site.codes() == []


def test_pages_are_checked_and_files_outside_the_site_are_not(site: SiteBuilder) -> None:
    site.write("content/about.md", "---\ntitle: About\n---\n![Us](/images/us.jpg)\n")
    site.write("README.md", "# Readme\n\n![](docs/screenshot.png)\n")
    findings = site.lint("content/about.md", "README.md")
    assert [(f.path, f.code) for f in findings] == [("content/about.md", "KLM204")]
    assert "the page shows a broken image" in findings[0].message


def test_empty_alt_in_markdown(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "Before.\n![ ](/images/post.jpg)\n")
    finding = only(site.lint(), "KLM205")
    assert finding.severity.value == "warning"
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE + 1,
        1,
        5,
    )
    assert finding.message.startswith("this image has no alt text, so screen readers skip it")


def test_img_without_alt(site: SiteBuilder) -> None:
    site.post(GOOD_POST + 'x <img src="/images/post.jpg" width="300" />\n')
    finding = only(site.lint(), "KLM205")
    assert (finding.span.column, finding.span.end_column) == (3, 7)
    assert 'or alt="" if it is only decoration' in finding.message


def test_a_missing_image_without_alt_is_both(site: SiteBuilder) -> None:
    assert site.body_findings("![](/images/none.jpg)\n") == [
        ("KLM205", BODY_LINE, 1),
        ("KLM204", BODY_LINE, 5),
    ]


def test_alt_is_not_checked_in_code(site: SiteBuilder) -> None:
    assert site.body_findings('```mdx\n<img src="/images/post.jpg" />\n```\n') == []
