"""Completing the whole-site index with the posts a run does not lint.

The linted posts give their records from stage 1. The other content files (walked as a full
run would walk them) are taken from the cache while they keep their stamp, or else read and
loaded by the same reader and loader; a file that does not load contributes nothing, exactly as
it would if it were linted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.engine import pool
from klm_lint.engine.read import read_file
from klm_lint.findings import Finding
from klm_lint.load.document import Document, load_text
from klm_lint.load.paths import display_path
from klm_lint.site.cache import stamp as stamp_of
from klm_lint.site.discover import content_files
from klm_lint.site.index import post_for

if TYPE_CHECKING:
    from klm_lint.files import Stamp
    from klm_lint.site.cache import IndexCache
    from klm_lint.site.index import Layout, Post, SiteIndex
    from klm_lint.site.site import Site


def load_post(
    path: Path, site: Site, layout: Layout, *, stamped: bool = False
) -> tuple[Post | None, Stamp | None]:
    """A content file's post record, loaded as a linted file is; None when it is no post or
    does not load. With its stamp, as it was read."""
    relative = site.site_path(path)
    collection = site.collection_for(relative)
    if collection is None or not collection.indexed:
        return None, None
    read = read_file(path, site.config.max_file_size, site.project)
    if isinstance(read, Finding):
        return None, None
    raw, stamp = read
    try:
        loaded = load_text(
            raw,
            path,
            display_path(path),
            relative,
            site.config.max_front_matter_size,
            yaml_dialect=site.config.generator.yaml,
            after_blank_lines=site.config.generator.front_matter_after_blank_lines,
            code_languages=site.config.generator.code_front_matter,
        )
        post = post_for(loaded, site, layout) if isinstance(loaded, Document) else None
    except Exception:  # noqa: BLE001 - linting the file itself reports the failure
        post = None
    return post, stamp


Entry = tuple[str, "Stamp", "Post | int | None"]
"""A content file of an indexed collection as the cache keeps it: its path, its stamp, and its
post (whole, as its row in the cache read, or None when it is no post)."""


@dataclass(slots=True)
class Completed:
    """What completing the index found, for the cache: every indexed content file."""

    entries: list[Entry]
    changed: bool
    """Whether the entries differ from the cache read (then it is written again)."""


def complete_index(
    index: SiteIndex,
    site: Site,
    linted: dict[str, Stamp | None],
    linted_posts: dict[str, Post | None],
    *,
    cache: IndexCache | None,
    covered: bool,
    jobs: int | None,
) -> Completed:
    """Add every content file's post that the run did not lint (`linted`: the absolute paths
    linted, with their stamps), from the cache while the file is unchanged, else loaded.
    `covered`: the linted files are every content file (then the cache is not read, only
    written afresh)."""
    entries: list[Entry] = []
    if covered:
        for key, stamp in linted.items():
            if stamp is not None and _indexed(site, key):
                entries.append((key, stamp, linted_posts.get(key)))
        return Completed(entries, changed=True)
    files = content_files(site)
    loaded = cache.load(len(files)) if cache is not None else None
    rows = loaded.rows if loaded is not None else {}
    adopted: dict[str, int] = {}
    missed: list[tuple[str, str]] = []
    found = 0
    changed = loaded is None
    for text in files:
        key = os.path.abspath(text)
        row = rows.get(key)
        # A file the cache knows is in an indexed collection: the configuration is the same.
        if row is None and not _indexed(site, key):
            continue
        found += 1
        if key in linted:
            stamp = linted[key]
            if stamp is None:
                changed = True
                continue
            if row is not None and loaded is not None and loaded.stamp(row) == stamp:
                entries.append((key, stamp, row if loaded.stored.collections[row] else None))
            else:
                entries.append((key, stamp, linted_posts.get(key)))
                changed = True
            continue
        if row is not None and loaded is not None:
            stamp = stamp_of(key)
            if stamp is not None and loaded.stamp(row) == stamp:
                if loaded.stored.collections[row]:
                    adopted[key] = row
                    entries.append((key, stamp, row))
                else:
                    entries.append((key, stamp, None))
                continue
        missed.append((text, key))
    changed = changed or found != len(rows)
    layout = index.layout
    workers = pool.workers_for(len(missed), jobs)

    def load(pair: tuple[str, str]) -> tuple[Post | None, Stamp | None]:
        return load_post(Path(pair[0]), site, layout)

    if workers > 1:
        loaded_posts = pool.map_ordered(load, missed, workers)
    else:
        loaded_posts = (load(pair) for pair in missed)
    for (_path, key), (post, stamp) in zip(missed, loaded_posts, strict=True):
        changed = True
        if post is not None:
            index.add(post)
        if stamp is not None:
            entries.append((key, stamp, post))
    if loaded is not None and adopted:
        index.adopt(loaded.stored, adopted)
    return Completed(entries, changed)


def _indexed(site: Site, path: Path | str) -> bool:
    collection = site.collection_for(site.site_path(path))
    return collection is not None and collection.indexed
