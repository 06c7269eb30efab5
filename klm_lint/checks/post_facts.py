"""Facts several whole-site rules share, and how their messages list other posts."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from klm_lint.site.facts import flag_fact, text_at, value_fact

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from klm_lint.load.document import Document
    from klm_lint.site.index import Post
    from klm_lint.site.site import Site

T = TypeVar("T")
_LISTED = 3


def _hidden(doc: Document, site: Site) -> bool:
    return site.is_hidden(doc)


def _compared(doc: Document, site: Site) -> bool:
    collection = site.collection_of(doc)
    return collection is not None and collection.compare


HIDDEN = flag_fact("hidden", _hidden)
"""The site treats the post as a draft (or holds it back another way)."""
COMPARED = flag_fact("compared", _compared)
"""The post's collection is one whose files the whole-site rules compare (the index also holds
the pages of other collections, for their addresses)."""
TITLE = value_fact("title", lambda doc, _site: text_at(doc, "title"))
AUTHOR = value_fact("author", lambda doc, _site: text_at(doc, "author", "name"))
AVATAR = value_fact("avatar", lambda doc, _site: text_at(doc, "author", "avatar"))


def listing(items: Sequence[T], show: Callable[[T], str] = str) -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, c and 2 more`; only the items shown are formatted,
    so a title a thousand posts share costs no more than one shared by four."""
    shown = [show(item) for item in items[:_LISTED]]
    if len(items) > _LISTED:
        shown.append(f"{len(items) - _LISTED} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def draft_note(post: Post) -> str:
    return ", a draft for now" if post[HIDDEN] else ""


def same_text(text: str) -> str:
    """Text compared as readers see it: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()
