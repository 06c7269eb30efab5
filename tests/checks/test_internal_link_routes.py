"""KLM406 on Next.js and Astro sites: the routes of their code (tests/sites/nextjs, and the
Astro fixture with pages of its own), what is checked, and the note on what is not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.api import LintOptions, lint
from klm_lint.site.routes import ANY, ONE, SOME, Route

if TYPE_CHECKING:
    from klm_lint.engine.result import Result

SITES = Path(__file__).parent.parent / "sites"
ROUTES = '[generator]\nroutes = { "content/posts" = "/posts/" }\n'


def site(name: str, root: Path, files: dict[str, str] | None = None, config: str = "") -> Path:
    copy = root / name
    shutil.copytree(SITES / name, copy)
    (copy / ".git").mkdir()
    for relative, text in (files or {}).items():
        path = copy / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if config:
        (copy / "klm-lint.toml").write_text(config, encoding="utf-8")
    return copy


def run(root: Path) -> Result:
    previous = os.getcwd()
    os.chdir(root)
    try:
        return lint([], LintOptions(select=["KLM406"], cache=False))
    finally:
        os.chdir(previous)


def found(result: Result) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.span.line, f.span.column, f.message) for f in result.findings]


def note(result: Result) -> str:
    return next((line for line in result.notes if line.startswith("KLM406")), "")


POST = "---\ntitle: {title}\ndate: 2024-05-01\ndraft: false\nauthor:\n  name: Ana\n---\n{body}\n"


# --- Next.js ---------------------------------------------------------------------------------


def test_nextjs_links_into_dynamic_routes_are_counted_not_reported(tmp_path: Path) -> None:
    result = run(site("nextjs", tmp_path))
    assert found(result) == []
    assert note(result) == (
        "KLM406 did not check 3 links, as code klm-lint does not read decides what is served "
        "there: pages made by pages/posts/[single].js (1); pages made by pages/tags/[tag].js "
        "(1); relative links from pages whose address code decides (1)."
    )


def test_nextjs_a_link_no_route_serves_is_reported(tmp_path: Path) -> None:
    body = (
        "[a](/blog/hello-world/) [b](/tags/) [c](/posts/index.html) [d](/api/hello) "
        "[e](/categories/news/) [f](/posts/page/2/) [g](/tags/news/)"
    )
    files = {"content/posts/links.md": POST.format(title="Links", body=body)}
    result = run(site("nextjs", tmp_path, files))
    assert [(line, column) for _path, line, column, _message in found(result)] == [
        (8, 5),
        (8, 29),
        (8, 80),
        (8, 103),
    ]
    message = found(result)[0][3]
    assert message.startswith("the link points to /blog/hello-world/, but the site publishes")
    assert note(result).startswith("KLM406 did not check 4 links")
    assert "pages made by pages/tags/[tag].js (2)" in note(result)


def test_nextjs_with_the_routes_declared_the_posts_are_checked(tmp_path: Path) -> None:
    body = "[a](/posts/helo-world/) [b](/posts/hello-world) [c](/posts/spring-news/#x)"
    files = {"content/posts/links.md": POST.format(title="Links", body=body)}
    result = run(site("nextjs", tmp_path, files, ROUTES))
    assert [(path, line, column) for path, line, column, _message in found(result)] == [
        ("content/posts/links.md", 8, 5),
        ("content/posts/spring-news.md", 12, 21),
    ]
    assert found(result)[0][3].endswith("Did you mean /posts/hello-world?")
    assert "leads to /posts/summer-plans/ from this page's address" in found(result)[1][3]
    assert note(result).endswith("there: pages made by pages/tags/[tag].js (1).")


def test_nextjs_redirects_in_its_config(tmp_path: Path) -> None:
    files = {
        "content/posts/links.md": POST.format(
            title="Links", body="[a](/old-blog/x) [b](/old-blog/x/y) [c](/moved/a/b)"
        ),
        "vercel.json": '{"redirects": [{"source": "/moved/:path*", "destination": "/"}]}',
    }
    result = run(site("nextjs", tmp_path, files, ROUTES))
    assert [(line, column) for path, line, column, _m in found(result) if "links" in path] == [
        (8, 22)
    ]


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("next.config.js", "module.exports = { i18n: { locales: ['en'] } }", "(i18n)"),
        ("next.config.js", "module.exports = { basePath: '/docs' }", "sets a basePath"),
        (
            "next.config.js",
            "const r = rules(); module.exports = { async rewrites() { return r; } }",
            "computed in code",
        ),
        ("middleware.ts", "export function middleware() {}", "may answer any address"),
    ],
)
def test_nextjs_what_moves_every_address_leaves_links_unchecked(
    tmp_path: Path, name: str, text: str, reason: str
) -> None:
    files = {
        name: text,
        "content/posts/links.md": POST.format(title="Links", body="[a](/nowhere/at/all/)"),
    }
    result = run(site("nextjs", tmp_path, files, ROUTES))
    assert found(result) == []
    assert reason in note(result)


def test_nextjs_app_router_groups_and_private_folders(tmp_path: Path) -> None:
    files = {
        "app/(marketing)/pricing/page.tsx": "export default function P() {}\n",
        "app/_lib/page.tsx": "export default function L() {}\n",
        "app/docs/[[...slug]]/page.tsx": "export default function D() {}\n",
        "app/feed.xml/route.ts": "export function GET() {}\n",
        "app/favicon.ico": "icon",
        "app/sitemap.ts": "export default function sitemap() {}\n",
        "content/posts/links.md": POST.format(
            title="Links",
            body="[a](/pricing) [b](/_lib) [c](/docs) [d](/feed.xml) [e](/favicon.ico) "
            "[f](/pricing.html) [g](/posts/hello-world.html) [h](/sitemap.xml)",
        ),
    }
    shutil_site = site("nextjs", tmp_path, files, ROUTES)
    result = run(shutil_site)
    assert [(line, column) for path, line, column, _m in found(result) if "links" in path] == [
        (8, 19)
    ]
    assert "pages made by app/docs/[[...slug]]/page.tsx (1)" in note(result)


def test_the_klm_theme_without_routes_follows_no_link(tmp_path: Path) -> None:
    """No pages/ or app/ folder (the KLM site's content alone) and no routes declared: the
    rule has nothing to follow links to, and says nothing."""
    files = {"content/posts/links.md": POST.format(title="Links", body="[a](/nowhere/)")}
    copy = site("nextjs", tmp_path, files)
    shutil.rmtree(copy / "pages")
    result = run(copy)
    assert found(result) == []
    assert note(result) == ""


# --- Astro -----------------------------------------------------------------------------------

ASTRO_PAGES = {
    "src/pages/index.astro": "---\n---\n<h1>Home</h1>\n",
    "src/pages/blog/[...slug].astro": "---\nexport async function getStaticPaths() {}\n---\n",
    "src/pages/rss.xml.js": "export function GET() {}\n",
    "src/pages/_hidden.astro": "---\n---\n",
}


def test_astro_static_pages_endpoints_and_dynamic_routes(tmp_path: Path) -> None:
    body = "[a](/) [b](/rss.xml) [c](/blog/first-post/) [d](/_hidden/) [e](/about/#team)"
    files = {**ASTRO_PAGES, "src/pages/links.md": f"---\ntitle: Links\n---\n{body}\n"}
    result = run(site("astro", tmp_path, files))
    assert [(path, line, column) for path, line, column, _m in found(result)] == [
        ("src/pages/links.md", 4, 49)
    ]
    assert note(result).endswith("pages made by src/pages/blog/[...slug].astro (1).")


def test_astro_a_collection_served_where_the_routes_say(tmp_path: Path) -> None:
    body = "[a](/blog/first-post/) [b](/blog/frist-post/) [c](/blog/nested/deep-dive/)"
    files = {**ASTRO_PAGES, "src/pages/links.md": f"---\ntitle: Links\n---\n{body}\n"}
    config = '[generator]\nroutes = { "src/pages" = "/", "src/content/blog" = "/blog/" }\n'
    result = run(site("astro", tmp_path, files, config))
    assert [(line, column) for _path, line, column, _message in found(result)] == [(4, 28)]
    assert found(result)[0][3].endswith("Did you mean /blog/first-post/?")


def test_astro_an_integration_that_may_add_pages(tmp_path: Path) -> None:
    files = {
        **ASTRO_PAGES,
        "package.json": '{"dependencies": {"astro": "^5", "astro-pagefind-blog": "^1"}}',
        "src/pages/links.md": "---\ntitle: Links\n---\n[a](/search/)\n",
    }
    result = run(site("astro", tmp_path, files))
    assert found(result) == []
    assert "the integration astro-pagefind-blog (package.json) may add pages" in note(result)


def test_starlight_docs_and_their_fallback_translations(tmp_path: Path) -> None:
    files = {
        "astro.config.mjs": (
            "import starlight from '@astrojs/starlight';\n"
            "export default { integrations: [starlight({ title: 'Docs',\n"
            "  locales: {\n    root: { label: 'English', lang: 'en' },\n"
            "    fr: { label: 'Français' },\n  },\n})] };\n"
        ),
        "package.json": '{"dependencies": {"astro": "^5", "@astrojs/starlight": "^0.30"}}',
        "src/content/docs/index.mdx": "---\ntitle: Home\n---\n[a](/guides/setup/)\n",
        "src/content/docs/guides/setup.md": (
            "---\ntitle: Setup\n---\n[a](../../) [b](/fr/guides/setup/) [c](/guides/stup/)\n"
            "[d](../intro/)\n"
        ),
    }
    result = run(site("astro", tmp_path, files))
    assert [(path, line, column) for path, line, column, _m in found(result)] == [
        ("src/content/docs/guides/setup.md", 4, 40),
        ("src/content/docs/guides/setup.md", 5, 5),
    ]
    assert found(result)[1][3].startswith(
        "the link ../intro/ leads to /guides/intro/ from this page's address, /guides/setup/"
    )


# --- Routes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segments", "address", "matches"),
    [
        (("posts", ONE), ("posts", "a"), True),
        (("posts", ONE), ("posts",), False),
        (("posts", ONE), ("posts", "a", "b"), False),
        (("docs", SOME), ("docs",), False),
        (("docs", SOME), ("docs", "a", "b"), True),
        (("docs", ANY), ("docs",), True),
        ((ANY,), (), True),
        ((ONE, "showcase"), ("fr", "showcase"), True),
    ],
)
def test_a_route_matches_the_addresses_its_file_serves(
    segments: tuple[str, ...], address: tuple[str, ...], matches: bool
) -> None:
    assert Route(segments, "x").matches(address) is matches


# --- Hugo: what moves every page -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        (
            "layouts/_default/_markup/render-link.html",
            "{{ with .PageInner.GetPage .Destination }}{{ .RelPermalink }}{{ end }}",
            "a link render hook resolves them (2)",
        ),
        ("hugo.toml", "[permalinks]\nposts = '/:year/:slug/'\n", "the Hugo config's permalinks"),
    ],
)
def test_hugo_links_left_to_its_code_are_counted(
    tmp_path: Path, name: str, text: str, reason: str
) -> None:
    files = {
        name: text,
        "content/posts/a.md": "---\ntitle: A\n---\n[b](/posts/b/) [x](https://example.org/)\n",
        "content/posts/b.md": "---\ntitle: B\n---\n[nowhere](/nowhere/)\n",
    }
    copy = site("hugo", tmp_path, files)
    result = run(copy)
    assert found(result) == []
    assert reason in note(result)
