"""Shapes real Jekyll, Hugo and Zola sites have that their generators build without a fault:
translations that share a title, Hugo's [permalinks] and leaf bundles, Zola's translations by
file name, and images a page links from a sibling bundle. Each passes; the real defect next to
it is still found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.site_runs import linted, written

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.api import Result


def build(root: Path, files: dict[str, str | bytes]) -> Path:
    (root / ".git").mkdir(parents=True)
    return written(root, files)


run = linted


def found(result: Result) -> list[str]:
    return [f"{f.path}:{f.span.line} {f.code}" for f in result.findings]


def news(lang: str, title: str) -> str:
    return f"---\nlayout: news_post\ntitle: {title!r}\nlang: {lang}\n---\nText.\n"


def test_jekyll_translations_that_keep_the_english_title_are_not_duplicates(
    tmp_path: Path,
) -> None:
    site = build(
        tmp_path,
        {
            "_config.yml": "title: News\n",
            "en/news/_posts/2024-01-02-release.md": news("en", "Ruby 3.3.0 Released"),
            "de/news/_posts/2024-01-02-release.md": news("de", "Ruby 3.3.0 Released"),
            "ja/news/_posts/2024-01-02-release.md": news("ja", "Ruby 3.3.0 Released"),
            "en/news/_posts/2024-02-01-maintenance.md": news("en", "Server maintenance"),
            "en/news/_posts/2024-03-01-maintenance.md": news("en", "Server Maintenance"),
        },
    )
    result = run(site)
    assert result.preset == "jekyll"
    assert found(result) == [
        "en/news/_posts/2024-02-01-maintenance.md:3 KLM402",
        "en/news/_posts/2024-03-01-maintenance.md:3 KLM402",
    ]


HUGO_POST = "---\ndate: {date}\ntitle: {title}\nslug: {slug}\n---\nText.\n"


def test_hugo_permalinks_with_dates_give_same_slug_posts_their_own_addresses(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/en/post/2016-4-1-report.md": HUGO_POST.format(
            date="2016-04-01T00:00:00Z", title="Report, first half", slug="transparency-report"
        ),
        "content/en/post/2016-10-1-report.md": HUGO_POST.format(
            date="2016-10-01T00:00:00Z", title="Report, second half", slug="transparency-report"
        ),
        "content/en/post/2016-10-1-again.md": HUGO_POST.format(
            date="2016-10-01T09:00:00Z", title="Report, repeated", slug="transparency-report"
        ),
    }
    site = build(tmp_path, files)
    assert found(run(site)) == [
        "content/en/post/2016-10-1-again.md:4 KLM401",
        "content/en/post/2016-10-1-report.md:4 KLM401",
        "content/en/post/2016-4-1-report.md:4 KLM401",
    ]
    (site / "klm-lint.toml").write_text(
        '[generator]\npermalinks = { "en/post" = "/:year/:month/:day/:slug/" }\n',
        encoding="utf-8",
    )
    assert found(run(site)) == [
        "content/en/post/2016-10-1-again.md:4 KLM401",
        "content/en/post/2016-10-1-report.md:4 KLM401",
    ]


def test_hugo_leaf_bundle_resources_are_not_pages(tmp_path: Path) -> None:
    page = "---\ntitle: The Sync Paradox\ndescription: Why sync is hard.\n---\nText.\n"
    site = build(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/posts/sync/index.md": page,
            "content/posts/sync/v3_merged.md": page,
            "content/posts/sync/notes/v4.md": page,
            "content/posts/other.md": page.replace("Paradox", "Paradox, again"),
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        },
    )
    result = run(site)
    assert result.files == 3
    assert found(result) == [
        "content/posts/other.md:3 KLM405",
        "content/posts/sync/index.md:3 KLM405",
    ]


ZOLA_CONFIG = 'base_url = "https://example.org"\n[languages.fr]\n'


def test_zola_translations_by_file_name_are_served_under_their_language(
    tmp_path: Path,
) -> None:
    section = '+++\ntitle = "Posts"\nsort_by = "weight"\n+++\n'
    site = build(
        tmp_path,
        {
            "config.toml": ZOLA_CONFIG,
            "content/_index.md": '+++\ntitle = "Home"\n+++\n',
            "content/_index.fr.md": '+++\ntitle = "Accueil"\n+++\n',
            "content/posts/_index.md": section,
            "content/posts/_index.fr.md": section,
            "content/posts/intro/index.md": '+++\ntitle = "Intro"\nweight = 1\n+++\n',
            "content/posts/intro/index.fr.md": '+++\ntitle = "Intro"\nweight = 1\n+++\n',
            "content/posts/clash.md": '+++\ntitle = "Clash"\npath = "posts/intro"\n+++\n',
        },
    )
    assert found(run(site)) == [
        "content/posts/clash.md:3 KLM401",
        "content/posts/intro/index.md:1 KLM401",
    ]


def test_zola_images_from_a_sibling_bundle_resolve_at_its_address(tmp_path: Path) -> None:
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    site = build(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/_index.md": '+++\ntitle = "Blog"\n+++\n',
            "content/posts/08-intro/index.md": (
                '+++\ntitle = "Intro"\npath = "paging-1.0"\n+++\n![Tables](tables.svg)\n'
            ),
            "content/posts/08-intro/tables.svg": svg,
            "content/posts/09-impl/index.md": (
                '+++\ntitle = "Impl"\npath = "paging-2.0"\n+++\n'
                "![Tables](../paging-1.0/tables.svg)\n"
                "![Deep](../../../../paging-1.0/tables.svg)\n"
                "![Gone](../paging-1.0/missing.svg)\n"
            ),
        },
    )
    result = run(site)
    assert found(result) == ["content/posts/09-impl/index.md:7 KLM204"]
    assert "missing.svg" in result.findings[0].message


def test_jekyll_relative_images_climb_no_further_than_the_server_root(tmp_path: Path) -> None:
    page = "---\ntitle: Convert a site\n---\n"
    site = build(
        tmp_path,
        {
            "_config.yml": "title: Docs\n",
            "img/layout.png": b"png",
            "tutorials/convert.md": page + '<img src="../../img/layout.png" alt="Layouts">\n',
            "tutorials/broken.md": page + '<img src="../../img/gone.png" alt="Gone">\n',
        },
    )
    assert found(run(site)) == ["tutorials/broken.md:4 KLM204"]


def test_hugo_translations_by_file_name_may_share_a_title(tmp_path: Path) -> None:
    page = "---\ntitle: Release notes\ndate: 2024-01-02\n---\nText.\n"
    site = build(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/posts/notes.md": page,
            "content/posts/notes.fr.md": page,
            "content/posts/notes.pt-br.md": page,
            "content/posts/copy.md": page,
        },
    )
    assert found(run(site)) == [
        "content/posts/copy.md:2 KLM402",
        "content/posts/notes.md:2 KLM402",
    ]
