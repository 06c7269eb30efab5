from __future__ import annotations

from tests.conftest import GOOD_POST, SiteBuilder, only


def test_duplicate_key_points_at_second(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false\n", "draft: false\ntitle: Again\n"))
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (9, 1, 6)
    assert "first on line 2" in finding.message


def test_duplicate_nested_key(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("  name: Abdullah Al Shifat\n", "  name: A\n  name: B\n"))
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (6, 3)


def test_same_key_in_different_mappings_is_fine(site: SiteBuilder) -> None:
    site.write(
        "content/about.md",
        "---\ntitle: About\nteam:\n  - name: A\n  - name: B\nname: top\n---\n",
    )
    assert site.lint() == []


def test_duplicate_key_in_toml(site: SiteBuilder) -> None:
    site.post(
        '+++\ntitle = "A"\ndate = 2022-04-04\ndraft = false\ntitle = "B"\n\n'
        '[author]\nname = "X"\n+++\n'
    )
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (5, 1)


def test_duplicate_key_in_json(site: SiteBuilder) -> None:
    site.post(
        '---json\n{"title": "A", "date": "2022-04-04", "draft": false,\n'
        ' "author": {"name": "X"}, "title": "B"}\n---\n'
    )
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (3, 27)
