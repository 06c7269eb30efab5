"""Completing the whole-site index with the posts a run does not lint.

The linted posts give their records from stage 1. The other content files (walked as a full
run would walk them) are read and loaded by the same reader and loader, or taken from the cache
while they keep their size and modification time; a file that does not load contributes
nothing, exactly as it would if it were linted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from klm_lint.engine import pool
from klm_lint.engine.read import read_file
from klm_lint.findings import Finding
from klm_lint.load.document import Document, load_text
from klm_lint.load.paths import display_path
from klm_lint.site.cache import stamp as stamp_of
from klm_lint.site.discover import discover
from klm_lint.site.index import post_for

if TYPE_CHECKING:
    from klm_lint.files import Stamp
    from klm_lint.site.cache import IndexCache, Record
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


def complete_index(
    index: SiteIndex,
    site: Site,
    linted: dict[str, Stamp | None],
    linted_posts: dict[str, Post | None],
    *,
    cache: IndexCache | None,
    covered: bool,
    jobs: int | None,
) -> None:
    """Add every content file's post that the run did not lint (`linted`: the absolute paths
    linted, with their stamps). `covered`: the linted files are every content file."""
    if covered:
        if cache is not None:
            _refresh(cache, linted, linted_posts, site)
        return
    folders = [site.root / folder for folder in site.content_folders]
    files = discover([folder for folder in folders if os.path.isdir(folder)], site).files
    found = [(path, os.path.abspath(path)) for path in files if _indexed(site, path)]
    unread = [(path, key) for path, key in found if key not in linted]
    records: dict[str, Record] = cache.load(len(found)) if cache is not None else {}
    fresh: dict[str, Record] = {}
    missed: list[tuple[Path, str]] = []
    for path, key in unread:
        known = records.get(key)
        if known is not None and known[0] == stamp_of(key):
            if known[1] is not None:
                index.add(known[1])
            continue
        missed.append((path, key))
    layout = index.layout
    workers = pool.workers_for(len(missed), jobs)

    def load(pair: tuple[Path, str]) -> tuple[Post | None, Stamp | None]:
        return load_post(pair[0], site, layout)

    if workers > 1:
        loaded = pool.map_ordered(load, missed, workers)
    else:
        loaded = (load(pair) for pair in missed)
    for (_path, key), (post, stamp) in zip(missed, loaded, strict=True):
        if post is not None:
            index.add(post)
        if stamp is not None:
            fresh[key] = (stamp, post)
    if cache is None:
        return
    for key, stamp in linted.items():
        known = records.get(key)
        if stamp is not None and (known is None or known[0] != stamp):
            fresh[key] = (stamp, linted_posts.get(key))
    keys = {key for _, key in found}
    kept = {key: records[key] for key in keys if key in records and key not in fresh}
    fresh = {key: record for key, record in fresh.items() if key in keys}
    if fresh or len(kept) != len(records):
        cache.save({**kept, **fresh})


def _indexed(site: Site, path: Path) -> bool:
    collection = site.collection_for(site.site_path(path))
    return collection is not None and collection.indexed


def _refresh(
    cache: IndexCache, linted: dict[str, Stamp | None], posts: dict[str, Post | None], site: Site
) -> None:
    """A full run writes the cache afresh from what it linted (the content files only)."""
    records: dict[str, Record] = {}
    for key, stamp in linted.items():
        if stamp is not None and _indexed(site, Path(key)):
            records[key] = (stamp, posts.get(key))
    cache.save(records)
