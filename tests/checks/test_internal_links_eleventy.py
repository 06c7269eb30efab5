"""KLM406 on Eleventy: addresses from front matter and directory data files, the pages of
templates klm-lint does not lint, and what only code knows, counted and not reported."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from klm_lint.api import LintOptions, lint
from klm_lint.site.eleventy import file_slug, fill

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.api import Result


def build(root: Path, files: dict[str, str]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def run(root: Path) -> Result:
    previous = os.getcwd()
    os.chdir(root)
    try:
        return lint([root / "src"], LintOptions(select=["KLM406"]))
    finally:
        os.chdir(previous)


def page(body: str, front: str = "") -> str:
    return f"---\ntitle: A page\n{front}---\n{body}\n"


SITE = {
    "klm-lint.toml": 'preset = "eleventy"\n',
    "src/blog/blog.json": '{"permalink": "/blog/{{ page.fileSlug }}/"}\n',
    "src/blog/2024-05-01-spring-camp.md": page("Spring."),
    "src/blog/autumn/2024-09-01-index.md": page("Autumn."),
    "src/notes/notes.11tydata.json": '{"permalink": "/n/{{ page.filePathStem }}.html"}\n',
    "src/notes/first.md": page("A note."),
    "src/hidden/hidden.json": '{"permalink": false}\n',
    "src/hidden/secret.md": page("Not written."),
    "src/about.md": page("About.", "permalink: /who-we-are/\n"),
    "src/contact.njk": "---\ntitle: Contact\n---\n<form></form>\n",
    "src/press.liquid": "---\npermalink: /press-kit/index.html\n---\nKit\n",
    "src/off.njk": "---\npermalink: false\n---\nx\n",
    "src/tags.njk": (
        "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n"
        "permalink: /tags/{{ tag | slugify }}/\n---\n{{ tag }}\n"
    ),
    "src/plain.njk": ('---\npermalink: /plain/\neleventyComputed:\n  title: "{{ x }}"\n---\nx\n'),
    "src/archive.njk": "---\npagination:\n  data: collections.all\n  size: 10\n---\nx\n",
}


def findings(root: Path, body: str, extra: dict[str, str] | None = None) -> list[str]:
    build(root, {**SITE, **(extra or {}), "src/links.md": page(body)})
    return [f.message for f in run(root).findings if f.path.endswith("links.md")]


@pytest.mark.parametrize(
    "link",
    [
        "/blog/spring-camp/",
        "/blog/autumn/",
        "/n/notes/first.html",
        "/who-we-are/",
        "/contact/",
        "/press-kit/",
        "/links/",
        "/archive/",
        "/archive/2/",
        "/tags/anything/",
        "/blog/",
        "/plain/",
    ],
)
def test_addresses_eleventy_serves_pass(tmp_path: Path, link: str) -> None:
    assert findings(tmp_path, f"[x]({link})") == []


@pytest.mark.parametrize(
    ("link", "closest"),
    [
        ("/blog/2024-05-01-spring-camp/", "/blog/spring-camp/"),
        ("/notes/first/", "/n/notes/first.html"),
        ("/hidden/secret/", None),
        ("/about/", None),
        ("/off/", None),
        ("/press/", None),
        ("/plain/more/", None),
    ],
)
def test_addresses_eleventy_does_not_serve_are_reported(
    tmp_path: Path, link: str, closest: str | None
) -> None:
    (message,) = findings(tmp_path, f"[x]({link})")
    assert "Eleventy publishes no page" in message
    if closest is not None:
        assert f"Did you mean {closest}?" in message


def test_a_javascript_data_file_that_computes_permalinks_leaves_links_counted(
    tmp_path: Path,
) -> None:
    extra = {"src/docs/docs.11tydata.js": "export default { permalink: (d) => d.x };\n"}
    assert findings(tmp_path, "[x](/nowhere/)", extra) == []
    (note,) = [note for note in run(tmp_path).notes if "did not check" in note]
    assert "pages made by src/docs/docs.11tydata.js (1)" in note


def test_a_javascript_data_file_without_permalinks_changes_nothing(tmp_path: Path) -> None:
    extra = {"src/docs/docs.11tydata.js": "export default { layout: 'doc' };\n"}
    assert len(findings(tmp_path, "[x](/nowhere/)", extra)) == 1


def test_a_permalink_eleventy_computed_leaves_links_counted(tmp_path: Path) -> None:
    extra = {"src/computed.njk": '---\neleventyComputed:\n  permalink: "/c/{{ x }}/"\n---\nx\n'}
    assert findings(tmp_path, "[x](/c/one/) [y](/other/)", extra) == []


def test_a_permalink_with_other_template_code_is_counted(tmp_path: Path) -> None:
    extra = {"src/talks/talks.json": '{"permalink": "/talks/{{ title | slugify }}/"}\n'}
    extra["src/talks/one.md"] = page("A talk.")
    assert findings(tmp_path, "[x](/talks/a-page/) [y](/other/)", extra) == [
        "the link points to /other/, but Eleventy publishes no page, list page or file there, "
        "so readers who follow it get a 404. Correct the link, or create the page it names."
    ]


def test_the_config_adding_templates_leaves_every_link_counted(tmp_path: Path) -> None:
    extra = {"eleventy.config.js": "export default (c) => { c.addTemplate('x.njk', '') };\n"}
    assert findings(tmp_path, "[x](/nowhere/)", extra) == []


def test_file_slug_and_path_stem() -> None:
    assert file_slug("blog/2024-05-01-spring-camp.md") == "spring-camp"
    assert file_slug("blog/autumn/2024-09-01-index.md") == "autumn"
    assert file_slug("index.md") == ""
    assert fill("/b/{{ page.fileSlug }}/", "b/x.md") == "/b/x/"
    assert fill("{{page.filePathStem}}.html", "b/x.md") == "/b/x.html"
    assert fill("/b/{{ title | slugify }}/", "b/x.md") is None


def test_a_changed_data_file_permalink_reaches_posts_the_cache_kept(tmp_path: Path) -> None:
    """A run on one file takes the other posts' addresses from the index cache: a data file's
    new permalink must move them all the same."""
    build(tmp_path, {**SITE, "src/links.md": page("[Camp](/blog/spring-camp/)")})
    for path in tmp_path.rglob("*"):
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert [f.message for f in run(tmp_path).findings if f.path.endswith("links.md")] == []
    assert list((tmp_path / ".klm-lint-cache").glob("index-*.json"))
    build(tmp_path, {"src/blog/blog.json": '{"permalink": "/posts/{{ page.fileSlug }}/"}\n'})
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = lint([tmp_path / "src" / "links.md"], LintOptions(select=["KLM406"]))
    finally:
        os.chdir(previous)
    messages = [f.message for f in result.findings]
    assert len(messages) == 1
    assert "/blog/spring-camp/" in messages[0]
    assert "/posts/spring-camp/" in messages[0]
