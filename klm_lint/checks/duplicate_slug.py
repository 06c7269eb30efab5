"""KLM401 duplicate-slug: two files at the same address."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks.describe import quote
from klm_lint.checks.post_facts import HIDDEN, draft_note, listing, shared_paths
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.findings import Severity
from klm_lint.site.facts import text_fact, value_fact, value_of
from klm_lint.site.urls import ADDRESS_RULES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.load.document import Document
    from klm_lint.site.facts import Value
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site


def _slug(doc: Document, site: Site) -> str:
    """The address the generator gives the file ("" when it gets none): for the KLM theme, its
    url without the leading /, or its file name without the extension."""
    address = site.address(doc)
    if address is None:
        return ""
    if site.config.generator.urls == "nextjs":
        # The KLM theme's pages are indexed only for KLM406's links: their routes are the
        # theme's, and only posts share one route.
        collection = site.collection_of(doc)
        if collection is None or not collection.compare:
            return ""
    return address.url


def _url(doc: Document, site: Site) -> Value | None:
    """The front-matter value that set the address, when one did."""
    address = site.address(doc)
    if address is None or address.node is None:
        return None
    return value_of(doc, address.node)


def _key(doc: Document, site: Site) -> str:
    address = site.address(doc)
    return address.key if address is not None else ""


def _scope(doc: Document, site: Site) -> str:
    address = site.address(doc)
    return address.scope if address is not None else ""


URL = value_fact("url", _url)
SLUG = text_fact("slug", _slug)
ADDRESS_KEY = text_fact("address-key", _key)
SCOPE = text_fact("address-scope", _scope)


def _address(post: Post) -> tuple[str, str] | None:
    slug = post[SLUG]
    return (post[SCOPE], slug) if slug else None


def _suspects(index: SiteIndex, _site: Site) -> set[str]:
    return shared_paths(index, _address)


@site_rule(
    "KLM401",
    "duplicate-slug",
    Severity.ERROR,
    "Two posts resolve to the same address.",
    facts=(URL, SLUG, HIDDEN, ADDRESS_KEY, SCOPE),
    keys=lambda _site: (_address,),
    suspects=_suspects,
)
def duplicate_slug(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    others = index.others(_address, post)
    if not others:
        return
    rule = ADDRESS_RULES[site.config.generator.urls]
    from_path = "its file name" if site.config.generator.urls == "nextjs" else "its path"

    def source(other: Post) -> str:
        url = other[URL]
        origin = f"its {other[ADDRESS_KEY]}, line {url.line}" if url else from_path
        return f"{other.display_path} ({origin}{draft_note(other)})"

    noun = site.noun_of(post.collection)
    have = "has" if len(others) == 1 else "have"
    url = post[URL]
    if url is not None:
        key = post[ADDRESS_KEY]
        message = (
            f"{key} gives this {noun} the address {quote(post[SLUG])}, which "
            f"{listing(others, source)} also {have}; {rule.collision}. "
            f"Change {key} to an address no other {noun} uses."
        )
        yield Problem(url.start, url.end, message)
        return
    message = (
        f"this {noun}'s address, {quote(post[SLUG])}, comes from {from_path}, and "
        f"{listing(others, source)} {have} the same address; "
        f"{rule.collision}. Rename the file, or give the {noun} a {rule.keys} of its own."
    )
    yield Problem(0, post.first_line_end, message)
