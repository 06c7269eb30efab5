"""The whole-site index: every post of the site as the facts the whole-site rules declared.

Posts are added once, from their loaded documents (the linted ones by the run's first stage,
the others by the same loader), or taken from the cache while their files are unchanged; then
whole-site rules ask it for the posts that share a key with one of theirs.

A post taken from the cache stays in the cache's compact form (`Stored`: a row of columns)
until a rule needs it whole. The keys rules group posts by are remembered per post, and the
cache keeps them too, so that a run on one post neither builds every other post nor computes
every other post's keys again.
"""

from __future__ import annotations

import os
import zlib
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from klm_lint.load.paths import display_path
from klm_lint.records import record
from klm_lint.site.columns import NOTHING, key_text, key_value
from klm_lint.site.facts import encode

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

    from klm_lint.load.document import Document
    from klm_lint.site.columns import Column
    from klm_lint.site.facts import Fact, Value
    from klm_lint.site.site import Site

T = TypeVar("T")
K = TypeVar("K")


class Layout:
    """The facts a post record holds, in order: one shared object per set of facts."""

    __slots__ = ("extracts", "facts", "kinds", "names", "slots")
    _known: ClassVar[dict[tuple[str, ...], Layout]] = {}

    def __init__(self, facts: Sequence[Fact[Any]]) -> None:
        self.facts = tuple(facts)
        self.extracts = tuple(fact.extract for fact in self.facts)
        self.names = tuple(fact.name for fact in self.facts)
        self.kinds = tuple(fact.kind for fact in self.facts)
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

    def share_site_path(self, text: str) -> None:
        """Hold `text`, equal to the site path, in its place: one copy of a path the run holds
        anyway (a large site's paths are many)."""
        if text != self.site_path:
            raise ValueError(text)
        object.__setattr__(self, "site_path", text)

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
        tuple([extract(doc, site) for extract in layout.extracts]),
    )


class Stored:
    """Posts as the cache keeps them: one row per post, a column per field. The columns of
    facts and keys are read from the cache when first needed (`read_fact`, `read_key`), and
    each row is made a value only when a rule asks for it."""

    __slots__ = (
        "_columns",
        "_fresh",
        "_key_columns",
        "_read_fact",
        "_read_key",
        "key_names",
        "keys",
        "layout",
        "line_ends",
        "names",
        "reload",
        "site_paths",
        "which",
    )

    def __init__(
        self,
        layout: Layout,
        site_paths: list[str],
        keys: list[str],
        names: list[str],
        which: Sequence[int],
        line_ends: Sequence[int],
        read_fact: Callable[[int], Column],
        read_key: Callable[[str], list[str] | None],
        key_names: frozenset[str],
    ) -> None:
        self.layout = layout
        self.site_paths = site_paths
        self.keys = keys
        """Each row's path, absolute (as the index knows posts)."""
        self.names = names
        """The collections' names."""
        self.which = which
        """Each row's collection, by its place in `names` (-1: the file is no post)."""
        self.line_ends = line_ends
        self._read_fact = read_fact
        self._read_key = read_key
        self._columns: dict[int, Column] = {}
        self._key_columns: dict[str, list[str] | None] = {}
        self.key_names = key_names
        """The key functions (by name) whose keys the cache holds."""
        self.reload: Callable[[int], Post | None] | None = None
        """A row's post read again from its file, for a column the cache could not give."""
        self._fresh: dict[int, Post | None] = {}

    def fresh(self, row: int) -> Post | None:
        """The row's post, read again (once) from its file."""
        if row not in self._fresh:
            self._fresh[row] = self.reload(row) if self.reload is not None else None
        return self._fresh[row]

    def collection(self, row: int) -> str:
        """The row's collection ("" for a file that is no post)."""
        at = self.which[row]
        return self.names[at] if at >= 0 else ""

    def column(self, slot: int) -> Column:
        column = self.texts(slot)
        column.ready()
        return column

    def texts(self, slot: int) -> Column:
        """A fact's column for its texts alone (the positions of values not read yet)."""
        column = self._columns.get(slot)
        if column is None:
            column = self._columns[slot] = self._read_fact(slot)
        return column

    def key_column(self, name: str) -> list[str] | None:
        """Each row's key by a key function, as text ("" where the key is None); None when the
        cache holds none that can be trusted."""
        if name not in self.key_names:
            return None
        if name not in self._key_columns:
            self._key_columns[name] = self._read_key(name)
        return self._key_columns[name]

    def post(self, key: str, row: int) -> Post:
        return StoredPost(self, row, key)

    def fact(self, fact: Fact[T], row: int) -> T:
        """A row's value of a fact."""
        column = self.column(self.layout.slots[fact.name])
        if column.texts is None:
            fresh = self.fresh(row)
            nothing: T = NOTHING[fact.kind]
            return fresh[fact] if fresh is not None else nothing
        value: T = column.value(row)
        return value

    def key(self, name: str, row: int) -> Hashable | None:
        """A row's key; ValueError when the cache holds none for it."""
        column = self.key_column(name)
        if column is None:
            raise ValueError(name)
        text = column[row]
        return key_value(text) if text else None


class StoredPost(Post):
    """A post from the cache: each fact is made a value when a rule asks for it."""

    __slots__ = ("_row", "_stored")

    def __init__(self, stored: Stored, row: int, key: str) -> None:
        super().__init__(
            key,
            stored.site_paths[row],
            stored.collection(row),
            stored.line_ends[row],
            stored.layout,
            (),
        )
        self._stored = stored
        self._row = row

    def __getitem__(self, fact: Fact[T]) -> T:
        return self._stored.fact(fact, self._row)

    @property
    def all_facts(self) -> tuple[Any, ...]:
        return tuple(self[fact] for fact in self.layout.facts)

    def __reduce__(self) -> tuple[type[Post], tuple[Any, ...]]:
        return Post, (
            self.key,
            self.site_path,
            self.collection,
            self.first_line_end,
            self.layout,
            self.all_facts,
        )


_NAMES: dict[object, str | None] = {}


def key_name(key_of: Callable[[Post], Hashable | None]) -> str | None:
    """The name the cache keeps a key function's keys under; None for a function without a
    name of its own (a lambda, a closure, a method of an object without a `key_label`), whose
    keys are not kept.

    A method's keys depend on its object too (SharedText(TITLE).key and
    SharedText(DESCRIPTION).key are one function): the object's `key_label` is in the name."""
    if key_of in _NAMES:
        return _NAMES[key_of]
    qualified = f"{key_of.__module__}.{key_of.__qualname__}"
    code = getattr(key_of, "__code__", None)
    name = None
    owner = getattr(key_of, "__self__", None)
    if owner is not None:
        label = getattr(owner, "key_label", None)
        qualified = f"{qualified}[{label}]" if isinstance(label, str) else "<unlabelled>"
    if "<" not in qualified and code is not None:
        body = code.co_code + repr((code.co_consts, code.co_names)).encode()
        name = f"{qualified}:{zlib.crc32(body):08x}"
    _NAMES[key_of] = name
    return name


_SCANNED = 16
"""Questions with one key function answered by looking through the cache's column of keys,
before its groups are made: a run on a few posts asks few."""


class SiteIndex:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._posts: dict[str, Post] = {}
        """The posts made whole (every post linted or loaded, and those rules needed whole)."""
        self._rows: dict[str, int] = {}
        """The posts taken from the cache, by their row in `_stored`, while no rule needs them
        whole."""
        self._stored: Stored | None = None
        self._serials: dict[str, int] = {}
        """Each whole post's number (by its path), its place in the lists of `_keys`."""
        self._next_serial = 0
        self._keys: dict[Callable[[Post], Hashable | None], list[Any]] = {}
        """Per key function: the key of each whole post it was asked about, by the post's
        number (_UNKNOWN where it was not asked): a list, not a dict per function (a large
        site's posts are many)."""
        self._asked: dict[object, int] = {}
        self._groups: dict[Callable[[Post], Hashable | None], _Groups[Any]] = {}
        self._derived: dict[tuple[object, object], object] = {}

    def add(self, post: Post) -> None:
        """A post, unless one with its path is there already."""
        key = post.key
        if key not in self._posts and key not in self._rows:
            self._hold(post)
            # While the posts come in, nothing is grouped or derived yet: nothing to change.
            if self._groups or self._derived or key in self._serials:
                self._changed(key, None, post)

    def group_ahead(self, functions: Iterable[Callable[[Post], Hashable | None]]) -> None:
        """Group the posts by these key functions now, and each post added later as it comes
        (add_all): for a run whose whole-site rules will ask about them once every post is in."""
        for key_of in functions:
            if key_of not in self._groups:
                self._grouped(key_of, self._key_column(key_of))

    def add_all(self, posts: list[Post]) -> None:
        """add() of each post; the groups made ahead (group_ahead) take them in one pass per
        key function."""
        held, serials = self._posts, self._serials
        if (
            self._derived
            or self._rows
            or not self._groups
            or any(post.key in serials for post in posts)
        ):
            for post in posts:
                self.add(post)
            return
        fresh: list[Post] = []
        for post in posts:
            path = post.key
            if path not in held:
                held[path] = post
                fresh.append(post)
        first = self._next_serial
        for at, post in enumerate(fresh, first):
            serials[post.key] = at
        self._next_serial = first + len(fresh)
        for key_of, groups in self._groups.items():
            keys = self._keys.setdefault(key_of, [])
            if len(keys) < first:
                keys.extend([_UNKNOWN] * (first - len(keys)))
            computed = list(map(key_of, fresh))
            keys.extend(computed)
            groups.add_all([post.key for post in fresh], computed)

    def put(self, post: Post) -> None:
        """A post in place of the one with its path (a file that changed since)."""
        known = self.get(post.key)
        if known is None or not _same(known, post):
            self._hold(post)
            self._changed(post.key, known, post)

    def _hold(self, post: Post) -> None:
        """A post held whole (its number is given when a key of it is first remembered, and
        kept by a post that replaces it: the lint stage, while the posts come in, holds none)."""
        self._posts[post.key] = post

    def _serial(self, path: str) -> int:
        """The number of a post held whole, its place in the lists of `_keys`."""
        serial = self._serials.get(path)
        if serial is None:
            serial = self._serials[path] = self._next_serial
            self._next_serial += 1
        return serial

    def adopt(self, stored: Stored, rows: dict[str, int]) -> None:
        """Posts from the cache (`rows`: each post's path and row), kept as rows until needed."""
        self._stored = stored
        kept = dict(rows)
        for key in self._posts:
            kept.pop(key, None)
        if self._rows:
            self._rows.update(kept)
        else:
            self._rows = kept
        self._groups.clear()
        self._derived.clear()

    def remove(self, key: str) -> None:
        """Forget a post (a file that no longer is one)."""
        known: Post | int | None = self._posts.pop(key, None)
        if known is None:
            known = self._rows.pop(key, None)
        if known is not None:
            self._changed(key, known, None)
        self._serials.pop(key, None)

    def _changed(self, key: str, old: Post | int | None, new: Post | None) -> None:
        """The groups made so far take the change (it costs the post's own keys, not a pass
        over every post: the editor changes one post at each keystroke); the keys remembered
        for the post and what rules derived from the posts are forgotten. `old`: the post as
        it was held (whole, or its row in the cache read)."""
        if old is not None:
            for key_of, groups in self._groups.items():
                old_key = self._held_key(key_of, key, old)
                if old_key is not None:
                    groups.discard(old_key, key)
        serial = self._serials.get(key)
        if serial is not None:
            for keys in self._keys.values():
                if serial < len(keys):
                    keys[serial] = _UNKNOWN
        self._rows.pop(key, None)
        if new is not None:
            for key_of, groups in self._groups.items():
                new_key = self.key_of(key_of, new)
                if new_key is not None:
                    groups.add(new_key, key)
        if self._derived:
            self._derived.clear()

    def _held_key(
        self, key_of: Callable[[Post], Hashable | None], key: str, held: Post | int
    ) -> Hashable | None:
        """The key a post was grouped by, as it was held."""
        if not isinstance(held, int):
            keys = self._keys.get(key_of)
            serial = self._serials.get(key)
            if keys is not None and serial is not None and serial < len(keys):
                known = keys[serial]
                if known is not _UNKNOWN:
                    return known  # type: ignore[no-any-return]
            return key_of(held)
        assert self._stored is not None
        name = key_name(key_of)
        if name is not None:
            try:
                return self._stored.key(name, held)
            except ValueError:
                pass
        return key_of(self._stored.post(key, held))

    def __contains__(self, key: str) -> bool:
        return key in self._posts or key in self._rows

    def __len__(self) -> int:
        return len(self._posts) + len(self._rows)

    def get(self, key: str) -> Post | None:
        post = self._posts.get(key)
        if post is None and key in self._rows:
            post = self._whole(key)
        return post

    def posts(self) -> Iterable[Post]:
        for key in list(self._rows):
            self._whole(key)
        return self._posts.values()

    def entry(self, key: str) -> Post | int | None:
        """A post as it is held: whole, or its row in the cache that was read (for the cache)."""
        post = self._posts.get(key)
        return post if post is not None else self._rows.get(key)

    @property
    def stored(self) -> Stored | None:
        return self._stored

    def _whole(self, key: str) -> Post:
        assert self._stored is not None
        row = self._rows.pop(key)
        post = self._stored.post(key, row)
        self._hold(post)
        return post

    def key_of(self, key_of: Callable[[Post], Hashable | None], post: Post) -> Hashable | None:
        """A whole post's key by a key function (remembered while the post stays)."""
        keys = self._keys.get(key_of)
        if keys is None:
            keys = self._keys[key_of] = []
        path = post.key
        if self._posts.get(path) is not post:
            return key_of(post)
        serial = self._serial(path)
        count = len(keys)
        if serial < count:
            known: Hashable | None = keys[serial]
            if known is not _UNKNOWN:
                return known
            value = keys[serial] = key_of(post)
            return value
        value = key_of(post)
        if serial > count:
            keys.extend([_UNKNOWN] * (serial - count))
        keys.append(value)
        return value

    def keys_of(
        self, key_of: Callable[[Post], Hashable | None], posts: Iterable[Post]
    ) -> list[Hashable | None]:
        """key_of() of each post, those remembered looked up in one pass (for the cache)."""
        keys = self._keys.get(key_of)
        if keys is None:
            return [self.key_of(key_of, post) for post in posts]
        serials, held, count = self._serials, self._posts, len(keys)
        posts = list(posts)
        # The keys remembered (of posts held) in one pass; the others worked out, and not
        # remembered: the cache asks once.
        found: list[Hashable | None] = [
            keys[serial]
            if held.get(path := post.key) is post and (serial := serials.get(path, count)) < count
            else _UNKNOWN
            for post in posts
        ]
        for place in [place for place, known in enumerate(found) if known is _UNKNOWN]:
            found[place] = key_of(posts[place])
        return found

    def asked_keys(self) -> set[str]:
        """The names of the key functions asked about (those kept in the cache)."""
        names = {key_name(key_of) for key_of in self._keys}
        names.discard(None)
        return names  # type: ignore[return-value]

    def asked_functions(self) -> dict[str, Callable[[Post], Hashable | None]]:
        """The key functions asked about that the cache keeps keys of, by name."""
        named = {}
        for key_of in self._keys:
            name = key_name(key_of)
            if name is not None:
                named[name] = key_of
        return named

    def whole(self, key: str) -> Post | None:
        """A post held whole (None: it is not, or is held as its row in the cache read)."""
        return self._posts.get(key)

    def group(self, key_of: Callable[[Post], Hashable | None], key: Hashable) -> list[Post]:
        """The posts whose key is `key`, in path order.

        The first questions with a key function look through the posts; then the posts are
        grouped by it, once every post is in, and the groups kept as posts change."""
        paths = self._group_paths(key_of, key)
        posts = [self._posts.get(each) or self._whole(each) for each in paths]
        if len(posts) > 1:
            posts.sort(key=_path_order)
        return posts

    def group_texts(
        self, key_of: Callable[[Post], Hashable | None], key: Hashable, fact: Fact[Value | None]
    ) -> list[tuple[str, str | None]]:
        """The posts whose key is `key`, in path order, as their paths (as `get` takes them)
        and the texts of one of their values (None where a post has none): the posts held as
        rows of the cache are not made whole (for a rule that counts what many posts have,
        such as an author's avatars)."""
        stored = self._stored
        texts = None
        if stored is not None and self._rows:
            texts = stored.texts(self.layout.slots[fact.name]).texts
        found: list[tuple[str, str, str | None]] = []
        whole = self._posts
        for each in self._group_paths(key_of, key):
            post = whole.get(each)
            if post is not None:
                value = post[fact]
                order = post.site_path or each  # _path_order, inline
                found.append((order, each, None if value is None else value.text))
                continue
            assert stored is not None
            row = self._rows[each]
            if texts is not None:
                text = texts[row]
            else:
                value = stored.fact(fact, row)
                text = None if value is None else value.text
            found.append((stored.site_paths[row] or each, each, text))
        if len(found) > 1:
            found.sort(key=itemgetter(0))
        return [(each, text) for _order, each, text in found]

    def _group_paths(self, key_of: Callable[[Post], Hashable | None], key: Hashable) -> list[str]:
        groups = self._groups.get(key_of)
        if groups is not None:
            paths = groups.get(key)
        else:
            asked = self._asked[key_of] = self._asked.get(key_of, 0) + 1
            column = self._key_column(key_of)
            if self._rows and column is not None and asked <= _SCANNED:
                paths = self._scan(key_of, key, column)
            else:
                paths = self._grouped(key_of, column).get(key)
        return paths

    def _key_column(self, key_of: Callable[[Post], Hashable | None]) -> list[str] | None:
        stored = self._stored
        name = key_name(key_of)
        if stored is None or name is None:
            return None
        self._keys.setdefault(key_of, [])
        return stored.key_column(name)

    def _scan(
        self, key_of: Callable[[Post], Hashable | None], key: Hashable, column: list[str]
    ) -> list[str]:
        paths = [each for each, post in self._posts.items() if self.key_of(key_of, post) == key]
        wanted = key_text(key)
        rows = []
        at = -1
        try:
            while isinstance(wanted, str):
                at = column.index(wanted, at + 1)
                rows.append(at)
        except ValueError:
            pass
        if rows:
            assert self._stored is not None
            keys, held = self._stored.keys, self._rows
            paths += [keys[row] for row in rows if held.get(keys[row]) == row]
        return paths

    def _grouped(
        self, key_of: Callable[[Post], Hashable | None], column: list[str] | None
    ) -> _Groups[Any]:
        groups = self._groups[key_of] = _Groups()
        # key_of inline, and the posts grouped in one pass: this runs once per key function over
        # every post.
        keys = self._keys.get(key_of)
        if keys is None:
            keys = self._keys[key_of] = []
        serials = self._serials
        if len(serials) < len(self._posts):
            for each in self._posts:
                self._serial(each)
        if len(keys) < self._next_serial:
            keys.extend([_UNKNOWN] * (self._next_serial - len(keys)))
        found: list[Any] = []
        for each, post in self._posts.items():
            serial = serials[each]
            each_key = keys[serial]
            if each_key is _UNKNOWN:
                each_key = keys[serial] = key_of(post)
            found.append(each_key)
        groups.add_all(list(self._posts), found)
        for each, row in list(self._rows.items()):
            text = column[row] if column is not None else None
            if text == "":
                each_key = None
            else:
                try:
                    each_key = key_value(text) if isinstance(text, str) else _UNKNOWN
                except ValueError:
                    each_key = _UNKNOWN
                if each_key is _UNKNOWN:
                    each_key = self.key_of(key_of, self._whole(each))
            if each_key is not None:
                groups.add(each_key, each)
        return groups

    def others(self, key_of: Callable[[Post], Hashable | None], post: Post) -> list[Post]:
        """The other posts whose key is the post's, in path order; none when its key is None."""
        key = self.key_of(key_of, post)
        if key is None:
            return []
        groups = self._groups.get(key_of)
        if groups is not None and groups.alone(key, post.key):
            return []
        return [other for other in self.group(key_of, key) if other.key != post.key]

    def shared(self, key_of: Callable[[Post], Hashable | None]) -> list[tuple[Any, list[str]]]:
        """Every key two or more posts share, with their paths (in no set order): the posts a
        rule that compares posts by the key can find something in."""
        groups = self._groups.get(key_of)
        if groups is None:
            groups = self._grouped(key_of, self._key_column(key_of))
        return list(groups.many())

    def forget_keys(self, key_of: Callable[[Post], Hashable | None]) -> None:
        """Let the keys remembered by a key function go (asked again, they are worked out
        again); its groups go with them."""
        self._keys.pop(key_of, None)
        self._groups.pop(key_of, None)
        self._derived.clear()

    def release_groups(self) -> None:
        """Let the groups and what rules derived from them go (the keys remembered stay): they
        are made again when next asked for."""
        self._groups.clear()
        self._derived.clear()

    def derived(self, compute: Callable[[SiteIndex, K], T], key: K) -> T:
        """compute(self, key), computed once per key: what a rule derives from many posts."""
        memo_key = (compute, key)
        if memo_key not in self._derived:
            self._derived[memo_key] = compute(self, key)
        value: T = self._derived[memo_key]  # type: ignore[assignment]
        return value


class _Groups(Generic[K]):
    """Post paths by a key: a key with one post, as most slugs and titles have, costs no list."""

    __slots__ = ("_many", "_one")

    def __init__(self) -> None:
        self._one: dict[K, str] = {}
        self._many: dict[K, list[str]] = {}

    def add(self, key: K, path: str) -> None:
        many = self._many.get(key)
        if many is None:
            first = self._one.pop(key, None)
            if first is None:
                self._one[key] = path
                return
            many = self._many[key] = [first]
        many.append(path)

    def add_all(self, paths: list[str], keys: list[K | None]) -> None:
        """add() of each path by its key (none by a key that is None), in one pass: this runs
        for every post of a large site."""
        one, many = self._one, self._many
        for path, key in zip(paths, keys, strict=True):
            if key is None:
                continue
            shared = many.get(key)
            if shared is not None:
                shared.append(path)
                continue
            first = one.pop(key, None)
            if first is None:
                one[key] = path
            else:
                many[key] = [first, path]

    def discard(self, key: K, path: str) -> None:
        many = self._many.get(key)
        if many is None:
            if self._one.get(key) == path:
                del self._one[key]
            return
        rest = [other for other in many if other != path]
        if len(rest) == 1:
            del self._many[key]
            self._one[key] = rest[0]
        else:
            self._many[key] = rest

    def alone(self, key: K, path: str) -> bool:
        """Whether the path is the one post with the key."""
        return self._one.get(key) == path

    def many(self) -> Iterable[tuple[K, list[str]]]:
        """The keys with more than one post, and their posts."""
        return self._many.items()

    def get(self, key: K) -> list[str]:
        many = self._many.get(key)
        if many is not None:
            return many
        one = self._one.get(key)
        return [] if one is None else [one]


_UNKNOWN: Any = object()


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
