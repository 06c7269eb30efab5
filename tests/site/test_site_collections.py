"""A file's collection, as the site's patterns give it, remembered for the paths asked last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.config.model import Config
from klm_lint.site import site as site_module
from klm_lint.site.site import Site

if TYPE_CHECKING:
    import pytest

    from tests.conftest import SiteBuilder


def test_the_collections_stay_right_while_few_paths_are_remembered(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_module, "_REMEMBERED_PATHS", 8)
    remembering, fresh = Site(site.root, Config()), Site(site.root, Config())
    paths = [f"content/posts/p{n}.md" for n in range(20)] + ["content/about.md", "README.md"]

    def names(each: Site, path: str) -> str | None:
        found = each.collection_for(path)
        return found.name if found is not None else None

    expected = {path: names(fresh, path) for path in paths}
    assert expected["content/posts/p0.md"] == "posts" and expected["README.md"] is None
    for path in paths * 2:
        assert names(remembering, path) == expected[path]
        assert len(remembering._collection_by_path) <= 8
