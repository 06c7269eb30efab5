"""Where a link leads, as a browser follows it, and how pages are looked up."""

from __future__ import annotations

import pytest

from klm_lint.site.links import (
    Target,
    folders_of,
    generated,
    language_variants,
    redirect_covers,
    redirect_sources,
    slugify_paths,
    target_of,
    url_key,
)


@pytest.mark.parametrize(
    ("value", "page", "base", "target"),
    [
        ("/posts/a/", "/posts/b/", "", Target("path", "/posts/a/")),
        ("/posts/a/#top", "/posts/b/", "", Target("path", "/posts/a/")),
        ("/posts/a?x=1#top", "/posts/b/", "", Target("path", "/posts/a")),
        ("/posts/caf%C3%A9/", "/", "", Target("path", "/posts/café/")),
        ("a/", "/posts/b/", "", Target("path", "/posts/b/a/", relative=True)),
        ("a/", "/posts/b", "", Target("path", "/posts/a/", relative=True)),
        ("../a/", "/posts/b/", "", Target("path", "/posts/a/", relative=True)),
        ("../../../../a", "/posts/b/", "", Target("path", "/a", relative=True)),
        ("./", "/posts/b/", "", Target("path", "/posts/b/", relative=True)),
        ("..", "/posts/b/", "", Target("path", "/posts/", relative=True)),
        ("/blog/posts/a/", "/posts/b/", "/blog", Target("path", "/posts/a/")),
        ("/blog", "/posts/b/", "/blog", Target("path", "/")),
        ("/posts/a/", "/posts/b/", "/blog", Target("outside", "/posts/a/")),
        ("/blogroll/", "/posts/b/", "/blog", Target("outside", "/blogroll/")),
        ("@/blog/a.md#x", "/", "", Target("content-file", "blog/a.md")),
    ],
)
def test_where_a_link_leads(value: str, page: str, base: str, target: Target) -> None:
    assert target_of(value, page, base) == target


@pytest.mark.parametrize(
    "value",
    [
        "",
        "  ",
        "#top",
        "?page=2",
        "https://example.org/a/",
        "HTTP://example.org/",
        "//cdn.example.org/a.js",
        "mailto:a@example.org",
        "tel:+1",
        "javascript:void(0)",
        "data:text/plain,x",
        "{{< ref a >}}",
        "{% link a.md %}",
        "C:\\Users\\a.html",
        "~/notes.md",
        "@/",
    ],
)
def test_links_that_are_not_followed(value: str) -> None:
    assert target_of(value, "/posts/b/", "") is None


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/", "/"),
        ("/index.html", "/"),
        ("/a/", "/a"),
        ("/a", "/a"),
        ("/a/index.html", "/a"),
        ("/a.html", "/a.html"),
        ("/a/b/", "/a/b"),
    ],
)
def test_one_page_one_key(path: str, key: str) -> None:
    assert url_key(path) == key


def test_folders_above_a_page() -> None:
    assert folders_of("/a/b/c") == ["/a/b", "/a", "/"]
    assert folders_of("/") == []


@pytest.mark.parametrize(
    ("path", "made"),
    [
        ("/tags/camp/", True),
        ("/series/camp/", True),
        ("/posts/page/2/", True),
        ("/page/2", True),
        ("/index.xml", True),
        ("/css/site.css", True),
        ("/404.html", True),
        ("/posts/tags-and-more/", False),
        ("/posts/page/", False),
        ("/files/report.pdf", False),
    ],
)
def test_pages_the_generator_makes(path: str, made: bool) -> None:
    assert generated(path, frozenset({"tags", "series"})) is made


@pytest.mark.parametrize(
    ("url", "site_path", "variants"),
    [
        ("/posts/a/", "content/posts/a.md", []),
        ("/posts/a.fr/", "content/posts/a.fr.md", ["/fr/posts/a", "/posts/a"]),
        ("/posts/a-fr/", "content/posts/2024-01-01-a.fr.md", ["/fr/posts/a", "/posts/a"]),
        ("/posts/", "content/posts/_index.fr.md", ["/fr/posts", "/posts"]),
        ("/", "content/_index.zh-tw.md", ["/zh-tw", "/"]),
        ("/en/docs/a/", "content/en/docs/a.md", ["/docs/a"]),
        ("/en/", "content/en/_index.md", ["/"]),
        ("/docs/a/", "content/docs/a.b.md", []),
    ],
)
def test_where_a_multilingual_site_may_serve_a_page(
    url: str, site_path: str, variants: list[str]
) -> None:
    assert language_variants(url, site_path) == variants


@pytest.mark.parametrize(
    ("pattern", "key", "covered"),
    [
        ("/blog/*", "/blog", True),
        ("/blog/*", "/blog/a/b", True),
        ("/blog/*", "/blogs", False),
        ("/:lang/showcase/", "/fr/showcase", True),
        ("/:lang/showcase/", "/fr/guides", False),
        ("/:lang/showcase/", "/fr/showcase/more", False),
        ("/news/:year/:slug", "/news/2024", False),
        ("/*", "/anything/at/all", True),
    ],
)
def test_what_a_redirect_covers(pattern: str, key: str, covered: bool) -> None:
    assert redirect_covers(pattern, key) is covered


def test_redirect_sources() -> None:
    text = (
        "# comment\n/old /new 301\n/blog/* /posts/:splat\n/news/:year/:slug /n\n\nhttps://x/ /\n"
        "/* /404.html 404\n"
    )
    assert redirect_sources(text, toml=False) == (["/old"], ["/blog/*", "/news/:year/:slug"])
    toml = '[[redirects]]\nfrom = "/a%20b/"\nto = "/"\n[[redirects]]\nfrom = "/*"\nto = "/"\n'
    assert redirect_sources(toml, toml=True) == (["/a b"], ["/*"])
    assert redirect_sources("[[redirects]\n", toml=True) == ([], [])


@pytest.mark.parametrize(
    ("text", "paths"),
    [("", ""), ('[slugify]\npaths = "off"\n', "off"), ("[slugify]\npaths = 1\n", ""), ("[", "")],
)
def test_zola_slugify_paths(text: str, paths: str) -> None:
    assert slugify_paths(text) == paths
