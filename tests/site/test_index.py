"""The whole-site index keeps its groups as posts are added, replaced and removed (the editor
changes one post at each keystroke): always what a fresh index of the same posts gives."""

from __future__ import annotations

from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.checks.duplicate_description import DESCRIPTION
from klm_lint.checks.post_facts import TITLE as SHARED_TITLE
from klm_lint.checks.post_facts import SharedText
from klm_lint.site.cache import key_pieces
from klm_lint.site.columns import KeyPieces, key_text
from klm_lint.site.facts import text_fact
from klm_lint.site.index import Layout, Post, SiteIndex, key_name

TITLE = text_fact("test-title", lambda doc, _site: "")
LAYOUT = Layout.of([TITLE])


def post(name: str, title: str) -> Post:
    return Post(
        f"/site/content/posts/{name}.md", f"content/posts/{name}.md", "posts", 3, LAYOUT, (title,)
    )


def by_title(post: Post) -> str | None:
    return post[TITLE] or None


def groups(index: SiteIndex, titles: list[str]) -> dict[str, list[str]]:
    return {title: [each.key for each in index.group(by_title, title)] for title in titles}


NAMES = st.sampled_from(["a", "b", "c", "d", "e"])
TITLES = st.sampled_from(["", "Camp", "Fair", "Walk"])
ACTIONS = st.sampled_from(["add", "add_all", "ahead", "put", "remove", "ask", "release", "forget"])
STEPS = st.lists(st.tuples(ACTIONS, NAMES, TITLES))


@settings(max_examples=200, deadline=None)
@given(STEPS)
def test_groups_stay_what_a_fresh_index_gives(steps: list[tuple[str, str, str]]) -> None:
    index = SiteIndex(LAYOUT)
    titles = ["Camp", "Fair", "Walk"]
    for action, name, title in steps:
        if action == "add":
            index.add(post(name, title))
        elif action == "add_all":  # two at once, as a load adds them (the same twice: the first)
            index.add_all([post(name, title), post("e", title or "Camp")])
        elif action == "ahead":  # as a run that loads the rest of the site begins
            index.group_ahead([by_title])
        elif action == "put":
            index.put(post(name, title))
        elif action == "remove":
            index.remove(post(name, title).key)
        elif action == "release":
            index.release_groups()
        elif action == "forget":
            index.forget_keys(by_title)
        else:
            groups(index, titles)
        fresh = SiteIndex(LAYOUT)
        for each in index.posts():
            fresh.add(each)
        assert groups(index, titles) == groups(fresh, titles)
        assert sorted(map(sorted, dict(index.shared(by_title)).values())) == sorted(
            map(sorted, dict(fresh.shared(by_title)).values())
        )
        posts = list(index.posts())
        assert index.keys_of(by_title, posts) == [by_title(each) for each in posts]


def test_a_post_holds_an_equal_path_in_place_of_its_own_and_no_other() -> None:
    made = post("a", "Camp")
    walked = "".join(["content/posts/", "a.md"])  # an equal text, another object
    assert walked == made.site_path and walked is not made.site_path
    made.share_site_path(walked)
    assert made.site_path is walked and made.key == "/site/content/posts/a.md"
    with pytest.raises(ValueError, match=r"b\.md"):
        made.share_site_path("content/posts/b.md")
    assert made.site_path == "content/posts/a.md"


def test_what_rules_derived_is_forgotten_when_a_post_changes() -> None:
    index = SiteIndex(LAYOUT)
    index.add(post("a", "Camp"))

    def count(index: SiteIndex, title: str) -> int:
        return len(index.group(by_title, title))

    assert index.derived(count, "Camp") == 1
    index.put(post("b", "Camp"))
    assert index.derived(count, "Camp") == 2
    index.put(post("b", "Camp"))
    index.remove(post("a", "").key)
    assert index.derived(count, "Camp") == 1


class _Unlabelled:
    def key(self, post: Post) -> str:
        return post.site_path


def test_the_keys_of_one_method_on_two_objects_are_named_apart() -> None:
    """The cache keeps keys by the key function's name: a method's name says which object."""
    titles = key_name(SharedText(SHARED_TITLE).key)
    descriptions = key_name(SharedText(DESCRIPTION).key)
    assert titles is not None and descriptions is not None
    assert titles != descriptions
    assert key_name(SharedText(SHARED_TITLE).key) == titles
    assert key_name(_Unlabelled().key) is None
    assert key_name(lambda post: post.site_path) is None


def by_title_or_number(post: Post) -> object:
    """A key the cache keeps as text, or (for a title of digits) one it cannot keep."""
    title = post[TITLE]
    return int(title) if title.isdigit() else title or None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(NAMES, st.sampled_from(["", "Camp", "Fair", "7"])), max_size=8))
def test_a_column_of_keys_of_whole_posts_is_each_posts_key(pairs: list[tuple[str, str]]) -> None:
    posts = list({name: post(name, title) for name, title in pairs}.values())
    index = SiteIndex(LAYOUT)
    for each in posts:
        index.add(each)
    keys = [by_title_or_number(each) for each in posts]
    texts = [key_text(key) for key in keys]
    ways = [(rows, grouped) for rows in (list(posts), [*posts, None]) for grouped in (0, 1)]
    for rows, grouped in ways:  # every row whole, or not (another way); every key remembered
        index.forget_keys(by_title_or_number)
        if grouped:
            index.shared(by_title_or_number)  # every post's key remembered as it is grouped
        elif rows and rows[0] is not None:
            index.key_of(by_title_or_number, rows[0])  # remembered, or worked out in the column
        column = key_pieces("k", by_title_or_number, rows, None, index)
        if False in texts:
            assert column is None, "a key the cache cannot keep: no column"
        else:
            kept = cast("list[str | None]", texts)
            expected = KeyPieces()
            assert expected.add([*kept, *([None] if rows[-1:] == [None] else [])])
            assert column is not None and "".join(column.pieces) == "".join(expected.pieces)


def test_the_keys_worked_out_to_group_posts_are_remembered_for_the_cache() -> None:
    posts = [
        post(f"{name}.md", title) for name, title in (("a", "Camp"), ("b", "Camp"), ("c", "Fair"))
    ]
    index = SiteIndex(LAYOUT)
    for each in posts:
        index.add(each)
    asked: list[str] = []

    def counted(each: Post) -> object:
        asked.append(each.site_path)
        return by_title_or_number(each)

    assert [paths for _key, paths in index.shared(counted)] == [[posts[0].key, posts[1].key]]
    assert len(asked) == len(posts)
    assert index.keys_of(counted, posts) == ["Camp", "Camp", "Fair"]
    assert len(asked) == len(posts), "each key is worked out once"
