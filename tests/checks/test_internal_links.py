"""KLM406 broken-internal-link on sites in each preset's shape: what the generator serves passes,
each link to nowhere is reported at its exact place with the closest address."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.api import LintOptions, lint

if TYPE_CHECKING:
    from klm_lint.api import Result


def page(title: str, body: str = "", front: str = "") -> str:
    return f"---\ntitle: {title}\n{front}---\n{body}\n"


def build(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def run(root: Path, *paths: str, cache: bool | None = None) -> Result:
    previous = os.getcwd()
    os.chdir(root)
    try:
        return lint([root / path for path in paths], LintOptions(select=["KLM406"], cache=cache))
    finally:
        os.chdir(previous)


def found(root: Path, *paths: str) -> list[tuple[str, int, int, str]]:
    """Path, line, column and message of each KLM406 finding."""
    return [
        (f.path, f.span.line, f.span.column, f.message)
        for f in run(root, *(paths or ("content",))).findings
    ]


def places(root: Path, *paths: str) -> list[tuple[int, int]]:
    return [(line, column) for _path, line, column, _message in found(root, *paths)]


HUGO = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/_index.md": page("Home"),
    "content/posts/_index.md": page("Posts"),
    "content/posts/hello-world.md": page("Hello"),
    "content/posts/trip/index.md": page("Trip", "![Map](map.png) [Route](route.gpx)"),
    "content/posts/trip/map.png": b"\x89PNG",
    "content/posts/trip/route.gpx": b"<gpx/>",
    "content/posts/café.md": page("Café"),
    "content/posts/renamed.md": page("Renamed", front="slug: new-name\n"),
    "content/about.md": page("About", front="aliases: [/old-about/]\n"),
    "content/docs/guide/setup.md": page("Setup"),
    "static/files/annual report.pdf": b"%PDF",
    "static/demo/index.html": b"<html></html>",
}


def hugo_site(root: Path, body: str, name: str = "content/posts/links.md") -> Path:
    build(root, {**HUGO, name: page("Links", body)})
    return root


@pytest.mark.parametrize(
    "link",
    [
        "/posts/hello-world/",
        "/posts/hello-world",
        "/posts/hello-world/index.html",
        "/posts/hello-world/#comments",
        "/posts/hello-world/?ref=home",
        "/posts/hello-world?ref=home#top",
        "../hello-world/",
        "../../posts/hello-world/",
        "../../../../../posts/hello-world/",
        "./",
        "../",
        "/",
        "/posts/",
        "/posts",
        "/docs/",
        "/docs/guide/",
        "/posts/new-name/",
        "/about/",
        "/old-about/",
        "/posts/caf%C3%A9/",
        "/posts/café/",
        "/files/annual%20report.pdf",
        "/posts/trip/route.gpx",
        "/demo/",
        "/tags/camp/",
        "/categories/news/",
        "/posts/page/2/",
        "/page/3/",
        "/index.xml",
        "/posts/index.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/css/main.css",
        "/404.html",
        "https://example.org/nowhere/",
        "//cdn.example.org/x.js",
        "mailto:camp@example.org",
        "tel:+8801000000",
        "javascript:void(0)",
        "#comments",
        "?page=2",
        "<>",
        '{{< ref "hello-world.md" >}}',
        "{{% ref x %}}",
    ],
)
def test_hugo_links_the_site_serves_pass(tmp_path: Path, link: str) -> None:
    destination = f"<{link}>" if " " in link and not link.startswith("<") else link
    hugo_site(tmp_path, f"See [it]({destination}).")
    assert found(tmp_path) == []


@pytest.mark.parametrize(
    ("link", "suggestion"),
    [
        ("/posts/helo-world/", "/posts/hello-world/"),
        ("/posts/hello-world/extra/", "/posts/hello-world/"),
        ("/post/hello-world/", "/posts/hello-world/"),
        ("/Posts/Hello-World/", "/posts/hello-world/"),
        ("/posts/renamed/", "/posts/new-name/"),
        ("/posts/hello%20world/", "/posts/hello-world/"),
        ("/posts/helo-world/#comments", "/posts/hello-world/"),
        ("/posts/helo-world?ref=home", "/posts/hello-world/"),
    ],
)
def test_hugo_a_link_to_no_page_names_the_closest(
    tmp_path: Path, link: str, suggestion: str
) -> None:
    hugo_site(tmp_path, f"See [it]({link}).")
    [(path, line, column, message)] = found(tmp_path)
    assert (path, line, column) == (os.path.join("content", "posts", "links.md"), 4, 10)
    assert message == (
        f"the link points to {link}, but Hugo publishes no page, list page or file there, so "
        f"readers who follow it get a 404. Did you mean {suggestion}?"
    )


def test_a_relative_link_says_where_it_leads_from_the_page(tmp_path: Path) -> None:
    hugo_site(tmp_path, "See [it](../helo-world/).")
    [(_path, _line, _column, message)] = found(tmp_path)
    assert message.startswith(
        "the link ../helo-world/ leads to /posts/helo-world/ from this page's address, "
        "/posts/links/, but Hugo publishes no page"
    )
    assert message.endswith("Did you mean /posts/hello-world/?")


def test_relative_links_resolve_from_the_page_address_not_the_file(tmp_path: Path) -> None:
    """hello-world/ beside the file is /posts/links/hello-world/ to a browser."""
    hugo_site(tmp_path, "[a](hello-world/) [c](../hello-world/)")
    assert places(tmp_path) == [(4, 5)]


def test_files_static_and_beside_a_bundle(tmp_path: Path) -> None:
    body = (
        "[a](/files/annual%20report.pdf) [b](/files/annual-report.pdf) "
        "[c](/posts/trip/route.gpx) [d](/posts/trip/track.gpx) [e](/Files/annual%20report.pdf)"
    )
    hugo_site(tmp_path, body)
    findings = found(tmp_path)
    assert [(line, column) for _p, line, column, _m in findings] == [(4, 37), (4, 94), (4, 121)]
    assert findings[0][3] == (
        "the link points to /files/annual-report.pdf, but Hugo publishes no file there, so "
        "readers who follow it get a 404. Add the file to static/, or correct the link."
    )
    assert "the file is /files/annual report.pdf" in findings[2][3]


def test_a_bundle_links_its_own_files_relatively(tmp_path: Path) -> None:
    build(tmp_path, HUGO)
    build(tmp_path, {"content/posts/trip/index.md": page("Trip", "[a](route.gpx) [b](gone.gpx)")})
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 20)
    assert message == (
        "the link gone.gpx leads to /posts/trip/gone.gpx from this page's address, "
        "/posts/trip/, but Hugo publishes no file there, so readers who follow it get a 404. "
        "Add the file, or correct the link."
    )


def test_images_are_left_to_klm204(tmp_path: Path) -> None:
    hugo_site(tmp_path, '![a](/nowhere.png) ![b][pic] <img src="/gone.png">\n\n[pic]: /no.png')
    assert found(tmp_path) == []


def test_links_in_code_are_not_links(tmp_path: Path) -> None:
    body = (
        "`[a](/nowhere/)` and ``[b](/nowhere/)``\n\n```md\n[c](/nowhere/)\n```\n\n"
        "~~~\n<a href='/nowhere/'>d</a>\n~~~\n\n    indented [e](/posts/hello-world/)\n\n"
        "<!-- [f](/nowhere/) -->\n[g](/nowhere/)"
    )
    hugo_site(tmp_path, body)
    [(_path, line, column, _message)] = found(tmp_path)
    assert (line, column) == (17, 5)


def test_reference_definitions_are_followed_once(tmp_path: Path) -> None:
    body = (
        "See [the post][hello] and [again][hello], and [other][].\n\n"
        '[hello]: /posts/helo-world/ "Hello"\n[other]: </posts/hello-world/>\n'
        "[HELLO]: /ignored/ (a second definition of one label is not used)"
    )
    hugo_site(tmp_path, body)
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (6, 10)
    assert "Did you mean /posts/hello-world/?" in message


def test_component_and_html_props(tmp_path: Path) -> None:
    body = (
        '<a href="/posts/hello-world/">ok</a> <a href="/nowhere/">no</a>\n'
        '<Button href="/posts/helo-world/">go</Button> <iframe src="/embed/map/"></iframe>\n'
        '<Video src="/gone.mp4" /> <Button href={"/computed/"}>x</Button>'
    )
    hugo_site(tmp_path, body)
    build(tmp_path, {"klm-lint.toml": '[components.Video]\nassets = ["src"]\n'})
    findings = found(tmp_path)
    assert [(line, column) for _p, line, column, _m in findings] == [(4, 47), (5, 15), (5, 60)]
    assert findings[0][3].startswith("<a href> points to /nowhere/, but Hugo")
    assert findings[1][3].startswith("<Button href> points to /posts/helo-world/")
    assert findings[2][3].startswith("<iframe src> points to /embed/map/")


def test_escapes_and_character_references_are_read_as_the_site_reads_them(
    tmp_path: Path,
) -> None:
    hugo_site(tmp_path, '[a](/posts/hello\\-world/) <a href="/posts/hello&#45;world/">b</a>')
    assert found(tmp_path) == []


def test_base_url(tmp_path: Path) -> None:
    hugo_site(
        tmp_path, "[a](/camp/posts/hello-world/) [b](/posts/hello-world/) [c](../hello-world/)"
    )
    build(tmp_path, {"klm-lint.toml": '[generator]\nbase-url = "/camp/"\n'})
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 35)
    assert message == (
        "the link /posts/hello-world/ starts from the server's root, outside /camp/ where the "
        "site is served, so readers who follow it get a 404. Write /camp/posts/hello-world/."
    )


def test_the_suggestion_carries_the_base_url(tmp_path: Path) -> None:
    hugo_site(tmp_path, "[a](/camp/posts/helo-world/)")
    build(tmp_path, {"klm-lint.toml": '[generator]\nbase-url = "/camp"\n'})
    [(_path, _line, _column, message)] = found(tmp_path)
    assert message.endswith("Did you mean /camp/posts/hello-world/?")


def test_a_url_field_in_the_front_matter(tmp_path: Path) -> None:
    build(tmp_path, HUGO)
    build(
        tmp_path,
        {
            "klm-lint.toml": "[schemas.page.fields.related]\ntype = 'url'\n",
            "content/posts/links.md": page("Links", front="related: /posts/helo-world/\n"),
            "content/posts/fine.md": page("Fine", front="related: /posts/hello-world/\n"),
        },
    )
    [(path, line, column, message)] = found(tmp_path)
    assert (path, line, column) == (os.path.join("content", "posts", "links.md"), 3, 10)
    assert message.startswith("related points to /posts/helo-world/, but Hugo publishes")


def test_a_few_files_linted_the_whole_site_indexed(tmp_path: Path) -> None:
    """The pre-commit case: one file linted, the pages it links to only indexed."""
    hugo_site(tmp_path, "[a](/posts/hello-world/) [b](/docs/guide/setup/) [c](/docs/guide/setp/)")
    assert places(tmp_path, "content/posts/links.md") == [(4, 54)]
    assert found(tmp_path, "content/posts/hello-world.md") == []


def test_the_cache_keeps_the_links(tmp_path: Path) -> None:
    hugo_site(tmp_path, "[a](/posts/hello-world/) [b](/nowhere/)")
    first = run(tmp_path, "content", cache=True).findings
    build(tmp_path, {"content/posts/hello-world.md": page("Hello again")})
    second = run(tmp_path, "content/posts/links.md", cache=True).findings
    assert [(f.span.line, f.span.column) for f in first] == [(4, 30)]
    assert [(f.span.line, f.span.column) for f in second] == [(4, 30)]


def test_a_page_removed_breaks_the_links_to_it(tmp_path: Path) -> None:
    hugo_site(tmp_path, "[a](/posts/hello-world/)")
    assert found(tmp_path, "content/posts/links.md") == []
    (tmp_path / "content/posts/hello-world.md").unlink()
    assert places(tmp_path, "content/posts/links.md") == [(4, 5)]


def test_a_page_with_a_url_of_its_own(tmp_path: Path) -> None:
    build(tmp_path, HUGO)
    build(
        tmp_path,
        {
            "content/posts/moved.md": page("Moved", front="url: /elsewhere/moved/\n"),
            "content/posts/links.md": page("Links", "[a](/elsewhere/moved/) [b](/posts/moved/)"),
        },
    )
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 28)
    assert message.endswith("Did you mean /elsewhere/moved/?")


def test_a_draft_counts_as_a_page(tmp_path: Path) -> None:
    build(tmp_path, HUGO)
    build(
        tmp_path,
        {
            "content/posts/soon.md": page("Soon", front="draft: true\n"),
            "content/posts/links.md": page("Links", "[a](/posts/soon/)"),
        },
    )
    assert found(tmp_path) == []


ZOLA = {
    "zola.toml": 'base_url = "https://example.org"\n',
    "content/_index.md": "+++\ntitle = 'Home'\n+++\n",
    "content/blog/_index.md": "+++\ntitle = 'Blog'\n+++\n",
    "content/blog/2024-03-01-hello-world.md": "+++\ntitle = 'Hello'\n+++\n",
    "content/blog/series/index.md": (
        "+++\ntitle = 'Series'\n[taxonomies]\nseries = ['camp']\n+++\n"
    ),
    "content/pages/about.md": "+++\ntitle = 'About'\npath = 'about-us'\n+++\n",
    "static/logo.svg": b"<svg/>",
}


def test_a_file_beside_a_bundle_served_at_its_own_path(tmp_path: Path) -> None:
    build(
        tmp_path,
        {
            **ZOLA,
            "content/survey/index.md": (
                "+++\ntitle = 'Survey'\npath = '2024/02/19/survey'\n+++\n"
                '<a href="chart.png">PNG</a> <a href="chart.svg">SVG</a>\n'
            ),
            "content/survey/chart.png": b"\x89PNG",
        },
    )
    [(path, line, column, message)] = found(tmp_path)
    assert (path, line, column) == ("content/survey/index.md", 5, 38)
    assert "/2024/02/19/survey/chart.svg" in message


def test_a_zola_alias_is_served_from_the_site_root(tmp_path: Path) -> None:
    build(
        tmp_path,
        {
            **ZOLA,
            "content/blog/moved.md": (
                "+++\ntitle = 'Moved'\naliases = ['blog/2022/moved.html']\n+++\n"
            ),
            "content/blog/links.md": (
                "+++\ntitle = 'Links'\n+++\n[a](/blog/2022/moved.html) [b](/blog/moved.html)\n"
            ),
        },
    )
    [(path, line, column, _message)] = found(tmp_path)
    assert (path, line, column) == ("content/blog/links.md", 4, 32)


def zola_site(root: Path, body: str) -> Path:
    build(root, {**ZOLA, "content/blog/links.md": f"+++\ntitle = 'Links'\n+++\n{body}\n"})
    return root


@pytest.mark.parametrize(
    "link",
    [
        "/blog/hello-world/",
        "/blog/hello-world",
        "../hello-world/",
        "/blog/series/",
        "/about-us/",
        "/logo.svg",
        "/series/camp/",
        "/tags/camp/",
        "/blog/page/2/",
        "/atom.xml",
        "@/blog/2024-03-01-hello-world.md",
        "@/blog/2024-03-01-hello-world.md#part-two",
        "@/pages/about.md",
        "@/blog/_index.md",
    ],
)
def test_zola_links_the_site_serves_pass(tmp_path: Path, link: str) -> None:
    zola_site(tmp_path, f"See [it]({link}).")
    assert found(tmp_path) == []


def test_zola_a_link_to_no_page(tmp_path: Path) -> None:
    zola_site(tmp_path, "See [it](/blog/2024-03-01-hello-world/) and [us](/pages/about/).")
    findings = found(tmp_path)
    assert [(line, column) for _p, line, column, _m in findings] == [(4, 10), (4, 50)]
    assert findings[0][3].endswith("Did you mean /blog/hello-world/?")
    assert "but Zola publishes no page, list page or file there" in findings[1][3]


def test_zola_a_link_to_no_content_file(tmp_path: Path) -> None:
    zola_site(tmp_path, "See [it](@/blog/2024-03-01-helo-world.md#top).")
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 10)
    assert message == (
        "the link points to @/blog/2024-03-01-helo-world.md#top, but there is no "
        "content/blog/2024-03-01-helo-world.md, so Zola stops the build. Did you mean "
        "@/blog/2024-03-01-hello-world.md?"
    )


def test_the_default_preset_follows_no_links(tmp_path: Path) -> None:
    build(
        tmp_path,
        {
            "package.json": "{}\n",
            "content/posts/a.md": page("A", "[x](/nowhere/)"),
        },
    )
    assert found(tmp_path) == []


@pytest.mark.parametrize("preset", ["astro", "docusaurus", "jekyll"])
def test_presets_whose_addresses_are_code_follow_no_links(tmp_path: Path, preset: str) -> None:
    build(
        tmp_path,
        {
            "klm-lint.toml": f'preset = "{preset}"\ncontent = ["content"]\n',
            "content/posts/a.md": page("A", "[x](/nowhere/)"),
        },
    )
    assert found(tmp_path) == []


KLM_THEME = {
    "package.json": "{}\n",
    "klm-lint.toml": (
        '[generator]\ninternal-links = true\nroutes = { "content/posts" = "/blog/" }\n'
    ),
    "content/posts/spring-camp.md": page("Spring camp"),
    "content/posts/moved.md": page("Moved", front="url: /fundraiser-2024\n"),
    "content/about/-index.md": page("About"),
    "content/contact/-index.md": page("Contact"),
    "content/pages/privacy.md": page("Privacy"),
    "public/files/report.pdf": b"%PDF",
}


@pytest.mark.parametrize(
    "link",
    [
        "/blog/spring-camp",
        "/blog/spring-camp/",
        "/blog/fundraiser-2024",
        "/blog",
        "/about",
        "/contact/",
        "/privacy",
        "/files/report.pdf",
        "spring-camp",
        "../about",
    ],
)
def test_the_klm_theme_with_its_routes(tmp_path: Path, link: str) -> None:
    build(tmp_path, {**KLM_THEME, "content/posts/links.md": page("Links", f"[x]({link})")})
    assert found(tmp_path) == []


def test_the_klm_theme_a_link_to_no_post(tmp_path: Path) -> None:
    build(
        tmp_path,
        {**KLM_THEME, "content/posts/links.md": page("Links", "[x](/blog/spring-cmap)")},
    )
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 5)
    assert message == (
        "the link points to /blog/spring-cmap, but the site publishes no page, list page or "
        "file there, so readers who follow it get a 404. Did you mean /blog/spring-camp?"
    )


def test_the_klm_theme_pages_are_not_compared_for_addresses(tmp_path: Path) -> None:
    """Two -index.md pages share a file name: KLM401 still compares posts only."""
    build(tmp_path, KLM_THEME)
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = lint([tmp_path / "content"], LintOptions(select=["KLM401", "KLM406"]))
    finally:
        os.chdir(previous)
    assert result.findings == []


def test_hugo_translations_and_language_folders(tmp_path: Path) -> None:
    build(tmp_path, HUGO)
    build(
        tmp_path,
        {
            "content/posts/hello-world.fr.md": page("Bonjour"),
            "content/posts/_index.fr.md": page("Articles"),
            "content/posts/links.md": page(
                "Links", "[a](/fr/posts/hello-world/) [b](/fr/posts/) [c](/fr/tags/camp/)"
            ),
        },
    )
    assert found(tmp_path) == []


def test_hugo_a_content_folder_per_language(tmp_path: Path) -> None:
    """contentDir = "content/en": the default language is served at the site's root."""
    build(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/en/docs/setup.md": page("Setup"),
            "content/de/docs/setup.md": page("Einrichtung"),
            "content/en/links.md": page(
                "Links", "[a](/docs/setup/) [b](/de/docs/setup/) [c](/docs/stup/)"
            ),
        },
    )
    [(_path, line, column, message)] = found(tmp_path)
    assert (line, column) == (4, 44)
    assert message.endswith("Did you mean /docs/setup/?")


def test_hugo_pages_in_other_formats(tmp_path: Path) -> None:
    hugo_site(tmp_path, "[a](/repository) [b](/guide/) [c](/nowhere/)")
    build(
        tmp_path,
        {
            "content/repository.html": "---\ntitle: Repository\n---\n<p>x</p>\n",
            "content/Guide.adoc": "= Guide\n",
        },
    )
    assert places(tmp_path) == [(4, 35)]


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        (
            "static/_redirects",
            "# moved\n/old-post /posts/hello-world/ 301\n/archive/* /posts/:splat\n",
        ),
        ("_redirects", "/old-post /posts/hello-world/\n/archive/:year/:slug /posts/:slug/\n"),
        (
            "netlify.toml",
            '[[redirects]]\nfrom = "/old-post"\nto = "/"\n'
            '[[redirects]]\nfrom = "/archive/*"\nto = "/"\n',
        ),
        ("layouts/index.redirects", "/old-post /posts/hello-world/\n/archive/* /posts/\n"),
    ],
)
def test_redirects_the_host_serves(tmp_path: Path, relative: str, text: str) -> None:
    hugo_site(tmp_path, "[a](/old-post) [b](/archive/2019/x/) [c](/old-posts/)")
    build(tmp_path, {relative: text})
    assert places(tmp_path) == [(4, 42)]


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        ("hugo.toml", '[permalinks]\nposts = "/:year/:slug/"\n'),
        ("config.yaml", "permalinks:\n  posts: /:year/:slug/\n"),
        ("config/_default/hugo.toml", "uglyURLs = true\n"),
        ("hugo.json", '{"disablePathToLower": true}'),
        ("config/_default/hugo.toml", "[uglyURLs]\nposts = true\n"),
        ("layouts/_markup/render-link.html", "{{ with .Page.GetPage .Destination }}{{ end }}"),
        (
            "themes/theme/layouts/_default/_markup/render-link.html",
            "{{ $u := urls.Parse .Destination }}",
        ),
    ],
)
def test_hugo_settings_that_move_pages_turn_the_rule_off(
    tmp_path: Path, relative: str, text: str
) -> None:
    hugo_site(tmp_path, "[a](/nowhere/)")
    build(tmp_path, {relative: text})
    assert found(tmp_path) == []


@pytest.mark.parametrize(
    "text",
    [
        "uglyURLs = false\n",
        "[markup]\n[markup.goldmark]\n",
        # A render hook that writes the destination as it is resolves nothing.
        '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>',
    ],
)
def test_hugo_settings_that_do_not_move_pages(tmp_path: Path, text: str) -> None:
    hugo_site(tmp_path, "[a](/nowhere/)")
    name = "layouts/_markup/render-link.html" if "Destination" in text else "hugo.toml"
    build(tmp_path, {name: text})
    assert places(tmp_path) == [(4, 5)]


def test_zola_translations(tmp_path: Path) -> None:
    build(tmp_path, ZOLA)
    build(
        tmp_path,
        {
            "content/blog/2024-03-01-hello-world.fr.md": "+++\ntitle = 'Bonjour'\n+++\n",
            "content/blog/_index.fr.md": "+++\ntitle = 'Blog'\n+++\n",
            "content/blog/links.md": (
                "+++\ntitle = 'Links'\n+++\n[a](/fr/blog/hello-world/) [b](/fr/blog/) "
                "[c](/fr/tags/x/) [d](@/blog/2024-03-01-hello-world.fr.md)\n"
            ),
        },
    )
    assert found(tmp_path) == []


def test_zola_paths_kept_as_written(tmp_path: Path) -> None:
    """[slugify] paths = "off": a folder's name is its address as written."""
    zola_site(tmp_path, "[a](/blog/2024-03-01-hello-world/) [b](/blog/Odd:Name/) [c](/blog/gone/)")
    build(
        tmp_path,
        {
            "zola.toml": 'base_url = "https://example.org"\n[slugify]\npaths = "off"\n',
            "content/blog/Odd:Name/index.md": "+++\ntitle = 'Odd'\n+++\n",
        },
    )
    assert places(tmp_path) == [(4, 61)]


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        ("hugo.toml", '[taxonomies]\nseries = "series"\ntag = "tags"\n'),
        ("config/_default/taxonomies.toml", 'series = "series"\n'),
    ],
)
def test_hugo_taxonomies_of_the_site_s_own(tmp_path: Path, relative: str, text: str) -> None:
    hugo_site(tmp_path, "[a](/series/camp/) [b](/serie/camp/)")
    build(tmp_path, {relative: text})
    assert places(tmp_path) == [(4, 24)]


def test_hugo_links_to_markdown_files_that_exist(tmp_path: Path) -> None:
    """Hugo's link render hooks resolve them to the file's page; a missing one is reported."""
    hugo_site(
        tmp_path, "[a](hello-world.md) [b](../about.md#team) [c](/docs/guide/setup.md) [d](helo.md)"
    )
    assert places(tmp_path) == [(4, 73)]


def test_zola_links_to_markdown_files_need_the_at_sign(tmp_path: Path) -> None:
    zola_site(tmp_path, "[a](2024-03-01-hello-world.md)")
    assert places(tmp_path) == [(4, 5)]


@pytest.mark.parametrize(
    ("site", "page_path", "good", "bad"),
    [
        (
            "jekyll",
            "links.md",
            "[a](/jekyll/update/2024/03/21/welcome-to-jekyll.html) [c](/about/)",
            "[b](/nowhere/)",
        ),
        ("docusaurus", "docs/links.md", "[a](/docs/intro) [b](/blog/welcome)", "[c](/docs/x)"),
    ],
)
def test_presets_that_leave_the_rule_off_follow_links_when_asked(
    tmp_path: Path, site: str, page_path: str, good: str, bad: str
) -> None:
    """Jekyll and Docusaurus make pages klm-lint cannot see, so the rule is off by default;
    `internal-links = true` turns it on, with their addresses."""
    shutil.copytree(Path(__file__).parents[1] / "sites" / site, tmp_path / "site")
    root = tmp_path / "site"
    (root / "klm-lint.toml").write_text("[generator]\ninternal-links = true\n", encoding="utf-8")
    build(root, {page_path: page("Links", f"{good}\n{bad}")})
    assert places(root, page_path) == [(5, 5)]
    (root / "klm-lint.toml").write_text("", encoding="utf-8")
    assert places(root, page_path) == []
