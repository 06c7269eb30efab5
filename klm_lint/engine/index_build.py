"""Completing the whole-site index with the posts a run does not lint.

The linted posts give their records from stage 1. The other content files (walked as a full
run would walk them) are taken from the cache while they keep their stamp, or else read and
loaded by the same reader and loader; a file that does not load contributes nothing, exactly as
it would if it were linted.
"""

from __future__ import annotations

import os
from array import array
from typing import TYPE_CHECKING

from klm_lint.engine import pool
from klm_lint.engine.read import read_file
from klm_lint.findings import Finding
from klm_lint.load.document import Document, load_text
from klm_lint.load.paths import absolute_paths
from klm_lint.records import mutable_record
from klm_lint.site.discover import Watch, content_files
from klm_lint.site.index import post_for

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from pathlib import Path

    from klm_lint.files import Stamp
    from klm_lint.site.cache import Head, IndexCache, Loaded, Rows
    from klm_lint.site.index import Layout, Post, SiteIndex
    from klm_lint.site.site import Site


def load_post(
    path: Path | str, site: Site, layout: Layout, *, key: str | None = None
) -> tuple[Post | None, Stamp | None]:
    """A content file's post record, loaded as a linted file is; None when it is no post or
    does not load. With its stamp, as it was read. `key`: the path as an absolute path the
    walk or the cache made (already normal), when the caller has it."""
    relative = _site_path(site, key) if key is not None else site.site_path(path)
    collection = site.collection_for(relative)
    if collection is None or not collection.indexed:
        return None, None
    return read_post(path, site, layout, relative, key)


def read_post(
    path: Path | str, site: Site, layout: Layout, relative: str, key: str | None
) -> tuple[Post | None, Stamp | None]:
    """load_post of a file of an indexed collection (`relative`: its site path): where every
    post that is not linted is read."""
    read = read_file(path, site.config.max_file_size, site.project)
    if isinstance(read, Finding):
        return None, None
    raw, stamp = read
    generator = site.config.generator
    try:
        loaded = load_text(
            raw,
            path,
            # No fact shows the path (a message makes it from the post's key): not worked out.
            "",
            relative,
            site.config.max_front_matter_size,
            yaml_dialect=generator.yaml,
            after_blank_lines=generator.front_matter_after_blank_lines,
            code_languages=generator.code_front_matter,
        )
        post = post_for(loaded, site, layout, key) if isinstance(loaded, Document) else None
    except Exception:  # noqa: BLE001 - linting the file itself reports the failure
        post = None
    return post, stamp


Entry = tuple[str, "Stamp | None", "Post | int | None"]
"""A content file of an indexed collection as the cache keeps it: its path, its stamp (None
when it could not be read), and its post (whole, as its row in the cache read, or None when it
is no post)."""


_NO_STAMP = (-1, -1, -1)
"""A linted file's stamp when it could not be read (no file has it)."""


class Linted:
    """The files a run linted, in the order given: each one's path (absolute), stamp and post.
    The stamps are three numbers a file in one array, not an object each: a full run of a
    large site keeps them until the cache is written."""

    __slots__ = ("_places", "_stamps", "keys", "posts")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.posts: list[Post | None] = []
        self._stamps: array[int] = array("q")
        self._places: dict[str, int] | None = None

    def add(self, key: str, stamp: Stamp | None, post: Post | None) -> None:
        """A file (a file given twice counts as its last time, as in a dict)."""
        self.keys.append(key)
        self.posts.append(post)
        self._stamps.extend(_NO_STAMP if stamp is None else stamp)
        self._places = None

    def __len__(self) -> int:
        return len(self.places())

    def places(self) -> dict[str, int]:
        """Each file's place (its last, for a file given twice)."""
        if self._places is None:
            self._places = {key: at for at, key in enumerate(self.keys)}
        return self._places

    def __contains__(self, key: str) -> bool:
        return key in self.places()

    def stamp_at(self, at: int) -> Stamp | None:
        stamps = self._stamps
        stamp = stamps[3 * at], stamps[3 * at + 1], stamps[3 * at + 2]
        return None if stamp == _NO_STAMP else stamp

    def stamp(self, key: str) -> Stamp | None:
        return self.stamp_at(self.places()[key])

    def post(self, key: str) -> Post | None:
        """The file's post (None: it is no post, or was not linted)."""
        at = self.places().get(key)
        return None if at is None else self.posts[at]

    def items(self) -> Iterator[tuple[str, Stamp | None, Post | None]]:
        """Each file once, in the order given."""
        keys = self.keys
        if len(set(keys)) == len(keys):
            numbers = iter(self._stamps)
            for key, size, modified, changed, post in zip(
                keys, numbers, numbers, numbers, self.posts, strict=True
            ):
                yield key, None if size == -1 else (size, modified, changed), post
            return
        for key, at in self.places().items():
            yield key, self.stamp_at(at), self.posts[at]


@mutable_record
class Completed:
    """What completing the index found, for the cache: every indexed content file."""

    entries: Iterable[Entry] | Rows
    """The entries, or the cache's rows made of them as they came."""
    changed: bool
    """Whether the entries differ from the cache read (then it is written again)."""


def complete_index(
    index: SiteIndex,
    site: Site,
    linted: Linted,
    *,
    cache: IndexCache | None,
    covered: bool,
    jobs: int | None,
) -> Completed:
    """Add every content file's post that the run did not lint (`linted`: the files linted,
    with their stamps and posts), from the cache while the file is unchanged, else loaded.
    `covered`: the linted files are every content file (then the cache is not read, only
    written afresh).

    The content folders are walked unless the cache says what a walk would find (it keeps
    what the last walk looked at, as git's untracked cache does); every file is then looked
    at (`stat`) for its stamp."""
    entries: list[Entry] = []
    if covered:

        def linted_entries() -> Iterator[Entry]:
            for key, stamp, post in linted.items():
                # A post is in an indexed collection (post_for makes none elsewhere).
                if stamp is not None and (post is not None or _indexed(site, key)):
                    yield key, stamp, post

        # Made as the cache is written: a large site's entries are not held all at once.
        return Completed(_Entries(linted_entries), changed=True)
    head = cache.head() if cache is not None else None
    keys: list[str] | None = None
    if head is not None and head.walk_unchanged(site):
        count = head.count
    else:
        watch = Watch()
        keys = absolute_paths(content_files(site, watch))
        count = len(keys)
        if cache is not None:
            cache.walk = watch
    loaded = cache.load(head, count) if cache is not None and head is not None else None
    if loaded is not None and keys is None:
        assert cache is not None
        cache.walk = _kept_walk(head)
        keys = loaded.keys
    elif keys is None:
        # The cache's walk held, but not the cache itself: walk after all.
        watch = Watch()
        keys = absolute_paths(content_files(site, watch))
        if cache is not None:
            cache.walk = watch
    rows = loaded.rows if loaded is not None else {}
    stored = loaded.stored if loaded is not None else None
    if stored is not None:
        root = site.root_text + os.sep
        paths = stored.site_paths

        def reload(row: int) -> Post | None:
            return load_post(root + paths[row], site, index.layout)[0]

        stored.reload = reload
    # A cache whose walk this run had to make again is written again with it.
    changed = loaded is None or (
        keys is not loaded.keys and cache is not None and _walk_renewed(loaded.head, cache)
    )
    if loaded is not None and keys is loaded.keys:
        current = stamps_of(site.root_text, loaded.stored.site_paths)
        if current is not None:
            return _from_cache(index, site, loaded, current, linted, changed, jobs)
    adopted: dict[str, int] = {}
    missed: list[str] = []
    places: list[int] = []
    """Where each missed file's entry goes among the entries (in the walk's order)."""
    found = 0
    stamps = loaded.stamps if loaded is not None else None
    look = _Looker(site.root_text)
    mine = linted.places()
    try:
        for key in keys:
            row = rows.get(key)
            # A file the cache knows is in an indexed collection: the configuration is the same.
            # Without a cache, the loading (by the workers too) tells the others apart.
            if row is None and (loaded is not None or key in mine) and not _indexed(site, key):
                continue
            found += 1
            if key in mine:
                stamp = linted.stamp(key)
                if stamp is None:
                    changed = True
                    entries.append((key, None, None))
                    continue
                if row is not None and loaded is not None and loaded.stamp(row) == stamp:
                    assert stored is not None
                    post = linted.post(key)
                    if post is None and stored.which[row] >= 0:
                        entries.append((key, stamp, row))
                    else:
                        entries.append((key, stamp, post))
                else:
                    entries.append((key, stamp, linted.post(key)))
                    changed = True
                continue
            if row is not None and stamps is not None:
                assert stored is not None
                info = look(key)
                at = 3 * row
                if (
                    info is not None
                    and info.st_mtime_ns == stamps[at + 1]
                    and info.st_ctime_ns == stamps[at + 2]
                    and info.st_size == stamps[at]
                ):
                    stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                    if stored.which[row] >= 0:
                        adopted[key] = row
                        entries.append((key, stamp, row))
                    else:
                        entries.append((key, stamp, None))
                    continue
            places.append(len(entries))
            entries.append(_MISSED)
            missed.append(key)
    finally:
        look.close()
    changed = changed or found != len(rows)
    # Without a cache to take posts from, every file is written to the new one: its rows are
    # made as the posts come in, while the workers still load, not all at the end.
    made = cache.rows(index) if cache is not None and loaded is None else None
    made_to = 0
    """The entries before this place are in `made`."""
    left_out = 0
    for place, (key, each) in zip(places, _loaded(index, site, missed, jobs), strict=True):
        if each is None:
            left_out += 1
        else:
            post, stamp = each
            changed = True
            entries[place] = (key, stamp, post)
        # Every entry up to this place is final (the posts come in the walk's order).
        if made is not None and place + 1 - made_to >= _ROWS_MADE:
            made.extend(_handed(entries, made_to, place + 1))
            made_to = place + 1
    if loaded is not None and adopted:
        index.adopt(loaded.stored, adopted)
    if made is not None:
        made.extend(_handed(entries, made_to, len(entries)))
        return Completed(made, changed)
    if left_out:
        entries = [entry for entry in entries if entry is not _MISSED]
    return Completed(entries, changed)


_ROWS_MADE = 256
"""Entries handed to the cache's rows at a time, as the posts come in."""


def _handed(entries: list[Entry], start: int, end: int) -> list[Entry]:
    """The entries between two places, once each is final (a file left out keeps its place
    until the end, as none of the site's), let go of in the list: the cache's rows hold what
    it needs of them (a large site's entries are not held twice)."""
    final = [entry for entry in entries[start:end] if entry is not _MISSED]
    entries[start:end] = [_MISSED] * (end - start)
    return final


_MISSED: Entry = ("", None, None)
"""The place of a file being loaded among the entries, until its entry takes it; and of an
entry handed to the cache's rows (its place is not looked at again)."""


def _loaded(
    index: SiteIndex, site: Site, missed: list[str], jobs: int | None
) -> Iterator[tuple[str, tuple[Post | None, Stamp | None] | None]]:
    """The files not taken from the cache, loaded (their posts added to the index), each with
    its post and stamp, in their order; None for a file of no indexed collection (it is left
    out)."""
    layout = index.layout
    workers = pool.workers_for(len(missed), jobs)

    def load(key: str) -> tuple[Post | None, Stamp | None] | None:
        relative = _site_path(site, key)
        collection = site.collection_for(relative)
        if collection is None or not collection.indexed:
            return None
        return read_post(key, site, layout, relative, key)

    if workers > 1:
        loaded_posts: Iterable[tuple[Post | None, Stamp | None] | None] = pool.map_shared(
            load, missed, workers
        )
    else:
        loaded_posts = (load(key) for key in missed)
    batch: list[tuple[str, tuple[Post | None, Stamp | None] | None]] = []
    for key, each in zip(missed, loaded_posts, strict=True):
        batch.append((key, each))
        if len(batch) == _BATCH:
            index.add_all(_posts_in(batch))
            yield from batch
            batch = []
    index.add_all(_posts_in(batch))
    yield from batch


_BATCH = 256
"""Loaded posts are added to the index this many at a time (the groups made ahead take a
batch in one pass)."""


def _posts_in(batch: list[tuple[str, tuple[Post | None, Stamp | None] | None]]) -> list[Post]:
    return [post for _key, each in batch if each is not None and (post := each[0]) is not None]


def _from_cache(
    index: SiteIndex,
    site: Site,
    loaded: Loaded,
    current: array[int],
    linted: Linted,
    changed: bool,
    jobs: int | None,
) -> Completed:
    """complete_index when the cache lists every content file (the walk would find them) and
    each file's stamp is known (`current`, three numbers a file in the cache's order): the
    files that kept theirs are taken from the cache at the speed of the arrays, without a step
    per file."""
    stored = loaded.stored
    stamps = loaded.stamps
    keys = loaded.keys
    rows = loaded.rows
    # The rows whose file changed: none, usually (one comparison of the arrays says so).
    moved = [] if current == stamps else _moved(current, stamps)
    adopted = dict(rows)
    which = stored.which
    if which.count(-1):
        for row, place in enumerate(which):
            if place < 0:
                del adopted[keys[row]]
    own: dict[str, Entry] = {}
    for key, stamp, post in linted.items():
        found = rows.get(key)
        if found is None:
            continue
        row = found
        adopted.pop(key, None)
        if stamp is None:
            changed = True
            own[key] = (key, None, None)
        elif loaded.stamp(row) == stamp:
            own[key] = (key, stamp, row if post is None and which[row] >= 0 else post)
        else:
            changed = True
            own[key] = (key, stamp, post)
    missed = []
    for row in moved:
        key = keys[row]
        if key not in own:
            adopted.pop(key, None)
            missed.append(key)
    if adopted:
        index.adopt(stored, adopted)
    for key, each in _loaded(index, site, missed, jobs):
        if each is not None:
            post, stamp = each
            changed = True
            own[key] = (key, stamp, post)

    def entries() -> Iterator[Entry]:
        for row, key in enumerate(keys):
            mine = own.get(key)
            if mine is not None:
                yield mine
            else:
                at = 3 * row
                stamp = current[at], current[at + 1], current[at + 2]
                yield key, stamp, row if which[row] >= 0 else None

    return Completed(_Entries(entries), changed)


def _moved(current: array[int], stamps: array[int]) -> list[int]:
    """The rows whose three numbers differ between the two arrays."""
    return [
        row
        for row in range(len(current) // 3)
        if current[3 * row : 3 * row + 3] != stamps[3 * row : 3 * row + 3]
    ]


class _Entries:
    """The entries, made when the cache is written (most runs that take every file from the
    cache do not write it)."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Iterator[Entry]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Entry]:
        return self._make()


def stamps_of(root: str, names: Sequence[str]) -> array[int] | None:
    """The stamps of files in the project (`names`: their paths relative to its `root`, with /
    separators), three numbers a file; None when one of them cannot be looked at. Relative to
    the root where the system allows (fewer folders to go through than the absolute path)."""
    stamps: array[int] = array("q")
    extend = stamps.extend
    look = os.stat
    folder = None
    if os.sep == "/" and os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY"):
        try:
            folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            folder = None
    try:
        if folder is not None:
            for name in names:
                info = look(name, dir_fd=folder)
                extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns))
        else:
            prefix = root + os.sep
            for name in names:
                info = look(prefix + name.replace("/", os.sep))
                extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    except (OSError, ValueError):
        return None
    finally:
        if folder is not None:
            os.close(folder)
    return stamps


class _Looker:
    """`os.stat` of files in the project, by their path relative to its root where the system
    allows (fewer folders to go through than the absolute path)."""

    def __init__(self, root: str) -> None:
        self._prefix = len(root) + 1
        self._folder: int | None = None
        if os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY"):
            try:
                self._folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                self._folder = None

    def __call__(self, key: str) -> os.stat_result | None:
        try:
            if self._folder is not None:
                return os.stat(key[self._prefix :], dir_fd=self._folder)
            return os.stat(key)
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        if self._folder is not None:
            os.close(self._folder)
            self._folder = None


def _walk_renewed(head: Head, cache: IndexCache) -> bool:
    """Whether this run walked and can keep a walk other than the cache's (written by a full run
    without one, or before a folder or ignore file changed while the files stayed the same):
    then the cache is written again, or every later run would walk again."""
    walk = cache.walk
    if walk is None or not cache.walk_kept():
        return False
    return head.walk_paths != walk.paths or head.walk_tops != walk.tops


def _kept_walk(head: Head | None) -> Watch | None:
    """The walk the cache was written after, kept for the next run (its paths unchanged)."""
    if head is None or head.walk_paths is None:
        return None
    return Watch(dict(head.walk_paths), dict(head.walk_tops))


def _indexed(site: Site, path: Path | str) -> bool:
    collection = site.collection_for(_site_path(site, path))
    return collection is not None and collection.indexed


def _site_path(site: Site, path: Path | str) -> str:
    prefix = site.root_text + os.sep
    if isinstance(path, str) and path.startswith(prefix) and os.sep == "/" and "/." not in path:
        return path[len(prefix) :]  # an absolute path the walk made: already normal
    return site.site_path(path)
