"""Where a link leads, as a browser follows it, and how pages are looked up."""

from __future__ import annotations

import pytest

from klm_lint.site.links import Target, folders_of, generated, target_of, url_key


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
