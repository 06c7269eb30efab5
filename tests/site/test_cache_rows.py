"""The cache file a run writes from rows made as the posts came in (a batch at a time, while
the workers still load) is byte for byte the file written from the same entries at once."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.api import LintOptions, open_project
from klm_lint.checks.duplicate_slug import _address
from klm_lint.checks.duplicate_title import _TITLES
from klm_lint.site.cache import IndexCache, Rows
from klm_lint.site.columns import NOTHING
from klm_lint.site.facts import Value
from klm_lint.site.index import Post, SiteIndex

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.site.index import Layout
    from klm_lint.site.site import Site

_TEXTS = st.sampled_from(["", "Camp", "Fair\t", "é", "a\nb", "Post 1, School."])
_VALUES = st.none() | st.builds(Value, _TEXTS, st.integers(1, 9), st.integers(0, 99), st.just(7))
_KINDS: dict[str, st.SearchStrategy[Any]] = {
    "value": _VALUES,
    "text": _TEXTS,
    "flag": st.booleans(),
    "moment": st.none() | st.just(dt.datetime(2024, 5, 1, 9, tzinfo=dt.timezone.utc)),
    "words": st.lists(_TEXTS, max_size=2).map(tuple),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Layout, Path]:
    root = tmp_path_factory.mktemp("site")
    (root / "package.json").write_text("{}\n")
    (root / "content" / "posts").mkdir(parents=True)
    opened = open_project(root, LintOptions())
    return opened.site, opened.engine.layout, root


def _posts(layout: Layout, root: Path) -> st.SearchStrategy[list[Any]]:
    facts = st.tuples(*(_KINDS[kind] for kind in layout.kinds))

    def entry(name: str, collection: str, facts: tuple[Any, ...], shape: int) -> Any:
        path = f"content/{collection}/{name}.md"
        key = f"{root}/{path}"
        stamp = (10, 20, 30)
        if shape == 0:  # a file that is no post
            return (key, stamp, None)
        if shape == 1:  # a file modified just before the run: read again next time
            return (key, (10, 2**62, 30), Post(key, path, collection, 4, layout, facts))
        if shape == 2:  # a file that could not be read
            return (key, None, None)
        if shape == 3:  # outside the project
            return (f"/elsewhere/{name}.md", stamp, None)
        return (key, stamp, Post(key, path, collection, 4, layout, facts))

    one = st.builds(
        entry,
        st.sampled_from(["a", "b", "c", "d", "e", "f"]),
        st.sampled_from(["posts", "pages"]),
        facts,
        st.integers(0, 9),
    )
    return st.lists(one, max_size=12, unique_by=lambda each: each[0])


def _written(cache: IndexCache, entries: Any, index: SiteIndex) -> bytes:
    stream = io.BytesIO()
    cache._write(stream, entries, index)
    return stream.getvalue()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_rows_made_as_the_posts_come_write_the_same_file(
    project: tuple[Site, Layout, Path], data: st.DataObject
) -> None:
    site, layout, root = project
    entries = data.draw(_posts(layout, root))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(entries)), max_size=4)))
    grouped = data.draw(st.booleans())

    def indexed() -> SiteIndex:
        index = SiteIndex(layout)
        for _key, _stamp, post in entries:
            if post is not None:
                index.add(post)
        if grouped:  # keys worked out before the rows are made, as a run grouping ahead does
            index.group_ahead([_address, _TITLES.key])
        return index

    cache = IndexCache(root / ".klm-lint-cache", site, layout)
    whole = _written(cache, list(entries), indexed())
    index = indexed()
    rows = Rows(cache, index)
    for start, end in zip([0, *cuts], [*cuts, len(entries)], strict=True):
        rows.extend(entries[start:end])
    assert _written(cache, rows, index) == whole


def test_a_row_from_the_cache_read_makes_the_columns_at_the_end(
    project: tuple[Site, Layout, Path],
) -> None:
    site, layout, root = project
    index = SiteIndex(layout)
    facts = tuple(NOTHING[kind] for kind in layout.kinds)
    post = Post(f"{root}/content/posts/a.md", "content/posts/a.md", "posts", 4, layout, facts)
    index.add(post)
    index.group_ahead([_address])
    cache = IndexCache(root / ".klm-lint-cache", site, layout)
    rows = Rows(cache, index)
    rows.extend([(post.key, (1, 2, 3), None)])
    assert rows._keys
    rows._keys_of([0])  # a row of the cache read, as a run with a cache adopts
    assert rows._keys == {}
