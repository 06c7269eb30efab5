"""The address each generator gives a file (docs/presets/ cites where each rule comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from klm_lint.config.model import Config
from klm_lint.config.preset import apply_preset
from klm_lint.load.document import Document, load_text
from klm_lint.site.urls import address_of


def address(preset: str, site_path: str, front_matter: str = "", **generator: object) -> str:
    text = f"---\n{front_matter}---\nBody.\n" if front_matter else "Body.\n"
    doc = load_text(text.encode(), Path(site_path), site_path, site_path, 10**6)
    assert isinstance(doc, Document)
    config = apply_preset(Config.model_validate({"preset": preset}), preset)
    if generator:
        config = apply_preset(
            Config.model_validate({"preset": preset, "generator": generator}), preset
        )
    found = address_of(doc, "posts", config)
    return "" if found is None else found.url


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("_posts/2024-03-21-welcome.md", "", "/2024/03/21/welcome.html"),
        ("_posts/2024-3-1-short.md", "", "/2024/03/01/short.html"),
        (
            "_posts/2024-03-21-welcome.md",
            "categories: jekyll update\n",
            "/jekyll/update/2024/03/21/welcome.html",
        ),
        ("news/_posts/2024-03-21-x.md", "category: Big\n", "/news/big/2024/03/21/x.html"),
        ("_posts/2024-03-21-x.md", "date: 2023-01-02 10:00:00 +0000\n", "/2023/01/02/x.html"),
        ("_posts/2024-03-21-x.md", "slug: My Slug!\n", "/2024/03/21/My-Slug!.html"),
        ("_posts/2024-03-21-Hello World.md", "", "/2024/03/21/Hello-World.html"),
        ("_posts/2024-03-21-x.md", "permalink: /:year/:slug/\n", "/2024/x/"),
        ("_posts/2024-02-31-x.md", "", "/2024/03/02/x.html"),
        ("_posts/no-date.md", "", ""),
        ("_drafts/idea.md", "", ""),
        ("about.md", "", "/about.html"),
        ("docs/index.md", "", "/docs/"),
        ("about.md", "permalink: /about/\n", "/about/"),
    ],
)
def test_jekyll(path: str, front_matter: str, expected: str) -> None:
    assert address("jekyll", path, front_matter) == expected


def test_jekyll_permalink_styles() -> None:
    assert address("jekyll", "_posts/2024-03-21-x.md", permalink="pretty") == "/2024/03/21/x/"
    assert address("jekyll", "_posts/2024-03-21-x.md", permalink="none") == "/x.html"
    assert address("jekyll", "about.md", permalink="pretty") == "/about/"
    assert address("jekyll", "_posts/2024-03-21-x.md", permalink="/blog/:title/") == "/blog/x/"


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("content/posts/my-post.md", "", "/posts/my-post/"),
        ("content/posts/My Post Name.md", "", "/posts/my-post-name/"),
        ("content/posts/_index.md", "", "/posts/"),
        ("content/_index.md", "", "/"),
        ("content/posts/trip/index.md", "", "/posts/trip/"),
        ("content/posts/x.md", "slug: Hello World!\n", "/posts/hello-world/"),
        ("content/posts/x.md", "url: /custom/path\n", "/custom/path/"),
        ("content/posts/x.md", "url: custom.html\n", "/custom.html"),
        ("content/posts/trip/index.md", "slug: Road Trip\n", "/posts/road-trip/"),
        ("content/posts/trip/index.fr.md", "", "/fr/posts/trip/"),
        ("content/posts/my-post.pt-br.md", "", "/pt-br/posts/my-post/"),
        ("content/posts/_index.de.md", "", "/de/posts/"),
    ],
)
def test_hugo(path: str, front_matter: str, expected: str) -> None:
    assert address("hugo", path, front_matter) == expected


_DATED = "/:year/:month/:day/:slug/"


@pytest.mark.parametrize(
    ("path", "front_matter", "permalinks", "expected"),
    [
        (
            "content/post/a.md",
            "date: 2016-04-01T00:00:00Z\nslug: report\n",
            {"post": _DATED},
            "/2016/04/01/report/",
        ),
        (
            "content/post/a.md",
            "date: 2016-10-01\ntitle: The Report\n",
            {"post": _DATED},
            "/2016/10/01/the-report/",
        ),
        (
            "content/en/post/a.md",
            "date: 2016-10-01\nslug: r\n",
            {"en/post": _DATED},
            "/2016/10/01/r/",
        ),
        ("content/en/post/a.md", "date: 2016-10-01\nslug: r\n", {"post": _DATED}, "/en/post/r/"),
        ("content/post/trip/index.md", "", {"post": "/:sections/:contentbasename/"}, "/post/trip/"),
        (
            "content/post/a.md",
            "title: Undated\n",
            {"post": "/:year/:month/:title/"},
            "/1/01/undated/",
        ),
        ("content/post/a.md", "date: 21 Mar 2024\n", {"post": _DATED}, ""),
        ("content/post/a.md", "date: 2016-04-01\nurl: /kept/\n", {"post": _DATED}, "/kept/"),
        ("content/post/_index.md", "", {"post": _DATED}, "/post/"),
    ],
)
def test_hugo_permalinks(
    path: str, front_matter: str, permalinks: dict[str, str], expected: str
) -> None:
    assert address("hugo", path, front_matter, permalinks=permalinks) == expected


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("content/blog/first.md", "", "/blog/first/"),
        ("content/blog/2024-03-21-first-post.md", "", "/blog/first-post/"),
        ("content/blog/2024-03-21_first.md", "", "/blog/first/"),
        ("content/blog/second/index.md", "", "/blog/second/"),
        ("content/blog/_index.md", "", "/blog/"),
        ("content/blog/Caf\u00e9 Ol\u00e9.md", "", "/blog/cafe-ole/"),
        ("content/blog/x.md", "slug: Other Name\n", "/blog/other-name/"),
        ("content/blog/x.md", "path: /elsewhere\n", "/elsewhere/"),
        ("content/blog/x.md", "path: blog/cargo-1.79\n", "/blog/cargo-1.79/"),
        ("content/_index.fr.md", "", "/fr/"),
        ("content/blog/_index.zh-CN.md", "", "/zh-CN/blog/"),
        ("content/blog/second/index.ja.md", "", "/ja/blog/second/"),
        ("content/blog/2024-03-21-first.es.md", "", "/es/blog/first/"),
    ],
)
def test_zola(path: str, front_matter: str, expected: str) -> None:
    assert address("zola", path, front_matter) == expected


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("src/content/blog/my-post.md", "", "my-post"),
        ("src/content/blog/Nested Dir/My Post.md", "", "nested-dir/my-post"),
        ("src/content/blog/guide/index.md", "", "guide"),
        ("src/content/blog/index.md", "", "index"),
        ("src/content/blog/x.md", "slug: custom/path\n", "custom/path"),
        ("src/pages/about.md", "", "/about/"),
        ("src/pages/docs/index.md", "", "/docs/"),
    ],
)
def test_astro(path: str, front_matter: str, expected: str) -> None:
    assert address("astro", path, front_matter) == expected


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("docs/intro.md", "", "/docs/intro"),
        ("docs/01-guides/02-setup.md", "", "/docs/guides/setup"),
        ("docs/guides/index.md", "", "/docs/guides"),
        ("docs/guides/README.md", "", "/docs/guides"),
        ("docs/guides/guides.md", "", "/docs/guides"),
        ("docs/guides/x.md", "slug: /elsewhere\n", "/docs/elsewhere"),
        ("docs/guides/x.md", "slug: relative\n", "/docs/guides/relative"),
        ("docs/guides/x.md", "id: other\n", "/docs/guides/other"),
        ("docs/1.2-release.md", "", "/docs/1.2-release"),
        ("blog/2024-03-21-welcome.md", "", "/blog/2024/03/21/welcome"),
        ("blog/2024/01/05/trip/index.md", "", "/blog/2024/01/05/trip"),
        ("blog/2024-01-05-trip/index.md", "", "/blog/2024/01/05/trip"),
        ("blog/news.md", "", "/blog/news"),
        ("blog/2024-03-21-welcome.md", "slug: hello\n", "/blog/hello"),
        ("src/pages/markdown-page.md", "", "/markdown-page"),
    ],
)
def test_docusaurus(path: str, front_matter: str, expected: str) -> None:
    assert address("docusaurus", path, front_matter) == expected


@pytest.mark.parametrize(
    ("path", "front_matter", "expected"),
    [
        ("content/blog/2023-07-01-hello.md", "", "/blog/2023-07-01-hello/"),
        ("content/about/index.md", "", "/about/"),
        ("content/index.md", "", "/"),
        ("src/feed.md", "", "/feed/"),
        ("content/x.md", "permalink: /about-me/\n", "/about-me/"),
        ("content/x.md", "permalink: feed.xml\n", "/feed.xml"),
        ("content/x.md", "permalink: false\n", ""),
        ("content/x.md", 'permalink: "/tags/{{ tag }}/"\n', ""),
    ],
)
def test_eleventy(path: str, front_matter: str, expected: str) -> None:
    assert address("eleventy", path, front_matter) == expected


def test_the_kml_theme_uses_url_or_the_file_name_within_a_collection() -> None:
    assert address("nextjs", "content/posts/my-post.md") == "my-post"
    assert address("nextjs", "content/posts/my-post.md", "url: /a/b/\n") == "a/b"


def test_routes_say_where_a_content_folder_is_served() -> None:
    routes = {"docs": "/manual/"}
    assert address("docusaurus", "docs/intro.md", routes=routes) == "/manual/intro"


def test_each_config_has_its_own_folders_when_they_take_turns() -> None:
    # The folders are worked out once per config: another config in between is another's.
    for _ in range(2):
        assert address("docusaurus", "docs/intro.md", routes={"docs": "/manual/"}) == (
            "/manual/intro"
        )
        assert address("docusaurus", "docs/intro.md", routes={"docs": "/guide/"}) == "/guide/intro"
        assert address("docusaurus", "docs/intro.md") == "/docs/intro"
