"""--statistics: the site summary (findings by rule, folder and author; drafts and scheduled
posts), and --now."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


def post(title: str, author: str, date: str, draft: str, body: str = "Text.\n") -> str:
    return (
        f"---\ntitle: {title}\nauthor:\n  name: {author}\ndate: {date}\ndraft: {draft}\n---\n"
        + body
    )


def build(site: SiteBuilder) -> None:
    site.post(post("Coats", "Abdullah Al Shifat", "2024-12-01", "false"), name="coats.md")
    site.post(post("Book fair", "Sarah Rahman", "2024-01-01", "true"), name="fair.md")
    site.post(
        post("Camp", "Sarah Rahman", "2024-02-01", "true", "![](/images/none.jpg)\n"),
        name="camp.md",
    )
    site.write("content/about.md", "---\ntitle: About\n---\n![Us](/images/us.jpg)\n")


def test_concise_summary(site: SiteBuilder) -> None:
    build(site)
    result = klm_lint("--statistics", "--format", "concise", "--now", "2024-05-01", cwd=site.root)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "Findings by rule:",
        "  2  KLM204  body-asset-missing  [error]",
        "  1  KLM205  image-alt-missing  [warning]",
        "  1  KLM404  scheduled-post  [warning]",
        "",
        "Findings by folder:",
        "  3  content/posts  [1 error, 2 warnings]",
        "  1  content  [1 error, 0 warnings]",
        "",
        "Findings by author:",
        "  2  Sarah Rahman  [1 error, 1 warning]",
        "  1  (no author)  [1 error, 0 warnings]",
        "  1  Abdullah Al Shifat  [0 errors, 1 warning]",
        "",
        "Drafts (2):",
        '  content/posts/camp.md  "Camp" by Sarah Rahman',
        '  content/posts/fair.md  "Book fair" by Sarah Rahman',
        "",
        "Scheduled posts (1):",
        '  content/posts/coats.md  "Coats" by Abdullah Al Shifat, appears 2024-12-01',
        "Checked 4 files: 2 errors, 2 warnings.",
    ]


def test_json_overview(site: SiteBuilder) -> None:
    build(site)
    result = klm_lint("--statistics", "--format", "json", "--now", "2024-05-01", cwd=site.root)
    document = json.loads(result.stdout)
    overview = document["overview"]
    assert overview["folders"][0] == {
        "folder": "content/posts",
        "count": 3,
        "errors": 1,
        "warnings": 2,
    }
    assert [row["author"] for row in overview["authors"]] == [
        "Sarah Rahman",
        "(no author)",
        "Abdullah Al Shifat",
    ]
    assert overview["drafts"][1] == {
        "path": "content/posts/fair.md",
        "title": "Book fair",
        "author": "Sarah Rahman",
        "date": "2024-01-01",
    }
    assert overview["scheduled"] == [
        {
            "path": "content/posts/coats.md",
            "title": "Coats",
            "author": "Abdullah Al Shifat",
            "date": "2024-12-01",
            "appears": "2024-12-01",
        }
    ]
    assert document["statistics"][0] == {
        "code": "KLM204",
        "rule": "body-asset-missing",
        "severity": "error",
        "count": 2,
    }


def test_full_summary_has_every_section(site: SiteBuilder) -> None:
    build(site)
    result = klm_lint("--statistics", "--now", "2024-05-01", cwd=site.root)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    headings = [line for line in lines if line and not line.startswith(" ") and "  " not in line]
    assert headings == [
        "Findings by rule",
        "Findings by folder",
        "Findings by author",
        "Drafts (2)",
        "Scheduled posts (1)",
        "Checked 4 files: 2 errors, 2 warnings.",
    ]
    assert any("coats.md" in line and "2024-12-01" in line for line in lines)


def test_summary_of_a_clean_run(site: SiteBuilder) -> None:
    site.post(post("Camp", "Sarah Rahman", "2024-02-01", "false"))
    result = klm_lint("--statistics", "--format", "concise", cwd=site.root)
    assert result.stdout.splitlines() == [
        "Findings by rule: none.",
        "",
        "Findings by folder: none.",
        "",
        "Findings by author: none.",
        "",
        "Drafts: none.",
        "",
        "Scheduled posts: none.",
        "Checked 1 file: all checks passed.",
    ]


def test_now_moves_the_clock(site: SiteBuilder) -> None:
    site.post(post("Coats", "Sarah Rahman", "2024-12-01T09:00:00Z", "false"))
    later = klm_lint("--now", "2024-12-01T09:00:00Z", "--format", "concise", cwd=site.root)
    assert later.returncode == 0
    assert "KLM404" not in later.stdout
    earlier = klm_lint("--now", "2024-12-01T08:59:59Z", "--format", "concise", cwd=site.root)
    assert earlier.returncode == 0
    assert "appears with the first build on or after 2024-12-01 09:00 UTC" in earlier.stdout


def test_an_invalid_now_is_a_usage_error(site: SiteBuilder) -> None:
    site.post(post("Coats", "Sarah Rahman", "2024-12-01", "false"))
    result = klm_lint("--now", "next week", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == (
        "klm-lint: error: --now 'next week' is not a date; write it as YYYY-MM-DD or "
        "2024-05-01T09:00:00Z\n"
    )
