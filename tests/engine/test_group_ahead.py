"""A run on a few posts groups the rest of the site by the whole-site rules' declared keys
(`Rule.keys`) as the posts are loaded: the rules find what they found when the index grouped
the posts on their first question, and ask by no key they did not declare."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from klm_lint.checks import ALL_RULES
from klm_lint.site.index import SiteIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    import pytest

    from klm_lint.site.site import Site
    from tests.conftest import SiteBuilder


def _post(title: str, avatar: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ndescription: Same words.\nauthor:\n  name: Abdullah Al Shifat\n"
        f"  avatar: {avatar}\ndate: 2023-04-20\ndraft: false\n{extra}---\nText.\n"
    )


def _site(site: SiteBuilder) -> None:
    site.post(_post("Spring fair", "/images/author/6.jpg", "url: /b\n"), name="a.md")
    site.post(_post("Spring fair", "/images/author/abdullah.jpg"), name="b.md")
    site.post(_post("Walk", "/images/author/abdullah.jpg"), name="c.md")


def _shown(site: SiteBuilder) -> list[tuple[str, str, int, int, str]]:
    return [
        (f.path, f.code, f.span.line, f.span.column, f.message)
        for f in site.lint("content/posts/a.md")
    ]


def _asked(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[Any]]:
    """The key functions grouped ahead, and those the rules asked the index about."""
    ahead: list[Any] = []
    asked: list[Any] = []
    group_ahead = SiteIndex.group_ahead

    def recorded_ahead(self: SiteIndex, functions: Any) -> None:
        functions = list(functions)
        ahead.extend(functions)
        group_ahead(self, functions)

    monkeypatch.setattr(SiteIndex, "group_ahead", recorded_ahead)
    for name in ("others", "group", "group_texts", "shared"):
        method = getattr(SiteIndex, name)

        def recorded(
            self: SiteIndex,
            key_of: Callable[..., Hashable],
            *rest: Any,
            method: Callable[..., Any] = method,
        ) -> Any:
            asked.append(key_of)
            return method(self, key_of, *rest)

        monkeypatch.setattr(SiteIndex, name, recorded)
    return ahead, asked


def test_the_rules_ask_by_their_declared_keys_alone(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(site)
    ahead, asked = _asked(monkeypatch)
    findings = _shown(site)
    assert {code for _path, code, *_rest in findings} >= {"KLM401", "KLM402", "KLM403", "KLM405"}
    assert asked
    assert set(asked) <= set(ahead)
    no_authors_file = cast("Site", SimpleNamespace(authors=None))
    declared = [
        key for rule in ALL_RULES if rule.keys is not None for key in rule.keys(no_authors_file)
    ]
    assert len(set(declared)) == 4  # slugs, titles, descriptions, authors
    assert set(ahead) == set(declared)


def test_grouping_ahead_finds_what_grouping_on_the_first_question_finds(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(site)
    ahead = _shown(site)
    monkeypatch.setattr(SiteIndex, "group_ahead", lambda _self, _functions: None)
    assert _shown(site) == ahead


def test_with_an_authors_file_the_posts_are_not_grouped_by_author(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(site)
    site.write("data/authors.json", '[{"name": "Abdullah Al Shifat"}]\n')
    site.config('authors = "data/authors.json"\n')
    ahead, asked = _asked(monkeypatch)
    _shown(site)
    names = {getattr(key, "__qualname__", "") for key in ahead}
    assert "_author" not in names
    assert "_address" in names
    assert set(asked) <= set(ahead)
