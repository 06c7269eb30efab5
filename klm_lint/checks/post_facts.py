"""Facts several whole-site rules share, and how their messages list other posts."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeVar

from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import Scalar
from klm_lint.records import value_record
from klm_lint.site.facts import flag_fact, text_at, text_fact, value_fact

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Sequence

    from klm_lint.load.document import Document
    from klm_lint.site.facts import Fact, Value
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site

T = TypeVar("T")
_LISTED = 3
_LANGUAGE_KEYS = ("lang", "language", "locale")
_LANGUAGE_SUFFIX = lazy_pattern(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.[^./]+$")
"""`post.fr.md`, `index.pt-br.md`: Hugo's and Zola's translation of a page, by its file name."""


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


def _language(doc: Document, _site: Site) -> str:
    if doc.front_matter is not None:
        root = doc.front_matter.root
        for key in _LANGUAGE_KEYS:
            entry = root.get(key)
            # A string (as text_at takes it), not only blanks.
            if entry is not None and isinstance(entry.value, Scalar):
                value = entry.value.value
                if isinstance(value, str) and value.strip():
                    return value.strip().casefold()
    name = os.path.basename(doc.path)
    if name.count(".") < 2:  # no language between the name and the extension
        return ""
    suffix = _LANGUAGE_SUFFIX.search(name)
    return suffix.group(1).casefold() if suffix else ""


LANGUAGE = text_fact("language", _language)
"""The post's language as its front matter (`lang`) or file name (`post.fr.md`) says; "" when
neither does. Translations of one post share its title: they are compared only within one
language."""
TITLE = value_fact("title", lambda doc, _site: text_at(doc, "title"))
AUTHOR = value_fact("author", lambda doc, _site: text_at(doc, "author", "name", shared=True))
AVATAR = value_fact("avatar", lambda doc, _site: text_at(doc, "author", "avatar", shared=True))


def listing(items: Sequence[T], show: Callable[[T], str] = str) -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, c and 2 more`; only the items shown are formatted,
    so a title a thousand posts share costs no more than one shared by four."""
    shown = [show(item) for item in items[:_LISTED]]
    if len(items) > _LISTED:
        shown.append(f"{len(items) - _LISTED} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def shared_paths(index: SiteIndex, key_of: Callable[[Post], Hashable | None]) -> set[str]:
    """The posts whose key another post has too."""
    paths: set[str] = set()
    for _key, group in index.shared(key_of):
        paths.update(group)
    return paths


def draft_note(post: Post) -> str:
    return ", a draft for now" if post[HIDDEN] else ""


def same_text(text: str) -> str:
    """Text compared as readers see it: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


def text_key(collection: str, language: str, text: str) -> str:
    """The three in one text, equal only for equal three (each length says where it ends)."""
    return f"{len(collection)}:{collection}{len(language)}:{language}{text}"


@value_record
class SharedText:
    """A text fact posts of a collection should not share, such as the title: what a whole-site
    rule needs to find the posts that share a post's text, and to name them."""

    fact: Fact[Value | None]

    @property
    def key_label(self) -> str:
        """What tells this object's keys from another's in the index cache (`key_name`)."""
        return self.fact.name

    def key(self, post: Post) -> str | None:
        """The collection, the language and the text as readers see it, in one text (not a
        tuple of three: a large site holds one key per post)."""
        value = post[self.fact]
        if value is None or not post[COMPARED]:
            return None
        text = same_text(value.text)  # "" for a text of spaces alone
        if not text:
            return None
        return text_key(post.collection, post[LANGUAGE], text)

    def sharing(self, post: Post, index: SiteIndex) -> tuple[Value, list[Post]] | None:
        """The post's text and the other posts with the same one; None when none has it."""
        value = post[self.fact]
        others = index.others(self.key, post)
        return (value, others) if value is not None and others else None

    def suspects(self, index: SiteIndex, _site: Site) -> set[str]:
        """The posts that share their text with another (a rule's `suspects`)."""
        return shared_paths(index, self.key)

    def listed(self, others: Sequence[Post]) -> str:
        """`a.md (line 2), b.md (line 3), a draft for now`…"""
        return listing(others, lambda other: f"{other.where(other[self.fact])}{draft_note(other)}")
