"""The whole-site index: every post of the site as the facts the whole-site rules declared.

Posts are added once, from their loaded documents (the linted ones by the run's first stage,
the others by the same loader, or from the cache while they are unchanged); then whole-site
rules ask it for the posts that share a key with one of theirs.
"""

from __future__ import annotations

import bisect
import os
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from klm_lint.load.paths import display_path
from klm_lint.records import record
from klm_lint.site.facts import encode

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

    from klm_lint.load.document import Document
    from klm_lint.site.facts import Fact, Value
    from klm_lint.site.site import Site

T = TypeVar("T")
K = TypeVar("K")


class Layout:
    """The facts a post record holds, in order: one shared object per set of facts."""

    __slots__ = ("facts", "names", "slots")
    _known: ClassVar[dict[tuple[str, ...], Layout]] = {}

    def __init__(self, facts: Sequence[Fact[Any]]) -> None:
        self.facts = tuple(facts)
        self.names = tuple(fact.name for fact in self.facts)
        self.slots = {name: slot for slot, name in enumerate(self.names)}

    @classmethod
    def of(cls, facts: Sequence[Fact[Any]]) -> Layout:
        names = tuple(fact.name for fact in facts)
        known = cls._known.get(names)
        if known is None:
            known = cls._known[names] = cls(facts)
        return known

    @classmethod
    def named(cls, names: tuple[str, ...]) -> Layout:
        """The layout a record handed over from another process was made with."""
        return cls._known[names]

    def __reduce__(self) -> tuple[Callable[[tuple[str, ...]], Layout], tuple[tuple[str, ...]]]:
        return Layout.named, (self.names,)


@record
class Post:
    key: str
    """The absolute path, for looking posts up."""
    site_path: str
    """Relative to the project root, with / separators."""
    collection: str
    first_line_end: int
    """Where the file's first line ends, for findings about the whole post."""
    layout: Layout
    facts: tuple[Any, ...]

    def __getitem__(self, fact: Fact[T]) -> T:
        value: T = self.facts[self.layout.slots[fact.name]]
        return value

    def __reduce__(self) -> tuple[type[Post], tuple[Any, ...]]:
        return Post, (
            self.key,
            self.site_path,
            self.collection,
            self.first_line_end,
            self.layout,
            self.facts,
        )

    @property
    def display_path(self) -> str:
        """The path as reports show it (relative to the working directory)."""
        return display_path(self.key)

    def where(self, value: Value | None) -> str:
        """`content/posts/a.md (line 3)`, or just the path when there is no value."""
        return f"{self.display_path} (line {value.line})" if value else self.display_path


def post_for(doc: Document, site: Site, layout: Layout, key: str | None = None) -> Post | None:
    """The post record of a loaded document in a collection; None when the collection is not
    indexed or the document has no front matter."""
    collection = site.collection_of(doc)
    if doc.front_matter is None or collection is None or not collection.indexed:
        return None
    return Post(
        key or os.path.abspath(doc.path),
        doc.site_path,
        collection.name,
        doc.lines.line_end(1),
        layout,
        tuple(fact.extract(doc, site) for fact in layout.facts),
    )


class SiteIndex:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._posts: dict[str, Post] = {}
        self._groups: dict[Callable[[Post], Hashable | None], _Groups[Any]] = {}
        self._derived: dict[tuple[object, object], object] = {}

    def add(self, post: Post) -> None:
        """A post, unless one with its path is there already."""
        if post.key not in self._posts:
            self._posts[post.key] = post
            self._changed(None, post)

    def put(self, post: Post) -> None:
        """A post in place of the one with its path (a file that changed since)."""
        known = self._posts.get(post.key)
        if known is None or not _same(known, post):
            self._posts[post.key] = post
            self._changed(known, post)

    def remove(self, key: str) -> None:
        """Forget a post (a file that no longer is one)."""
        known = self._posts.pop(key, None)
        if known is not None:
            self._changed(known, None)

    def _changed(self, old: Post | None, new: Post | None) -> None:
        """The groups made so far take the change (it costs the post's own keys, not a pass
        over every post: the editor changes one post at each keystroke); what rules derived
        from the posts is forgotten."""
        for key_of, groups in self._groups.items():
            old_key = key_of(old) if old is not None else None
            if old is not None and old_key is not None:
                groups.discard(old_key, old)
            new_key = key_of(new) if new is not None else None
            if new is not None and new_key is not None:
                groups.insert(new_key, new)
        if self._derived:
            self._derived.clear()

    def __contains__(self, key: str) -> bool:
        return key in self._posts

    def __len__(self) -> int:
        return len(self._posts)

    def get(self, key: str) -> Post | None:
        return self._posts.get(key)

    def posts(self) -> Iterable[Post]:
        return self._posts.values()

    def group(self, key_of: Callable[[Post], Hashable | None], key: Hashable) -> list[Post]:
        """The posts whose key is `key`, in path order.

        Groups are made on the first question with a key function, then kept as posts change."""
        groups = self._groups.get(key_of)
        if groups is None:
            groups = self._groups[key_of] = _Groups()
            for each in sorted(self._posts.values(), key=_path_order):
                each_key = key_of(each)
                if each_key is not None:
                    groups.add(each_key, each)
        return groups.get(key)

    def others(self, key_of: Callable[[Post], Hashable | None], post: Post) -> list[Post]:
        """The other posts whose key is the post's, in path order; none when its key is None."""
        key = key_of(post)
        if key is None:
            return []
        return [other for other in self.group(key_of, key) if other.key != post.key]

    def derived(self, compute: Callable[[SiteIndex, K], T], key: K) -> T:
        """compute(self, key), computed once per key: what a rule derives from many posts."""
        memo_key = (compute, key)
        if memo_key not in self._derived:
            self._derived[memo_key] = compute(self, key)
        value: T = self._derived[memo_key]  # type: ignore[assignment]
        return value


class _Groups(Generic[K]):
    """Posts by a key: a key with one post, as most slugs and titles have, costs no list."""

    __slots__ = ("_many", "_one")

    def __init__(self) -> None:
        self._one: dict[K, Post] = {}
        self._many: dict[K, list[Post]] = {}

    def add(self, key: K, post: Post) -> None:
        """A post that comes after every post added so far, in path order."""
        many = self._many.get(key)
        if many is None:
            first = self._one.pop(key, None)
            if first is None:
                self._one[key] = post
                return
            many = self._many[key] = [first]
        many.append(post)

    def insert(self, key: K, post: Post) -> None:
        """A post in its place in path order."""
        others = self.get(key)
        if not others:
            self._one[key] = post
            return
        at = bisect.bisect([_path_order(other) for other in others], _path_order(post))
        self._one.pop(key, None)
        self._many[key] = [*others[:at], post, *others[at:]]

    def discard(self, key: K, post: Post) -> None:
        many = self._many.get(key)
        if many is None:
            if self._one.get(key) is post:
                del self._one[key]
            return
        rest = [other for other in many if other is not post]
        if len(rest) == 1:
            del self._many[key]
            self._one[key] = rest[0]
        else:
            self._many[key] = rest

    def get(self, key: K) -> list[Post]:
        many = self._many.get(key)
        if many is not None:
            return many
        one = self._one.get(key)
        return [] if one is None else [one]


def _same(one: Post, other: Post) -> bool:
    if (one.site_path, one.collection, one.first_line_end) != (
        other.site_path,
        other.collection,
        other.first_line_end,
    ) or one.layout is not other.layout:
        return False
    return all(
        encode(fact.kind, one[fact]) == encode(fact.kind, other[fact]) for fact in one.layout.facts
    )


def _path_order(post: Post) -> str:
    return post.site_path or post.key
