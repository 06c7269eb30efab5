"""KLM403 author-inconsistent: an author's avatar differs between posts, or from the authors
file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klm_lint.checks.describe import quote
from klm_lint.checks.post_facts import AUTHOR, AVATAR, COMPARED, listing
from klm_lint.checks.rule import Problem, site_rule
from klm_lint.findings import Severity
from klm_lint.records import replace, value_record
from klm_lint.site.authors import name_key

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.site.authors import Authors
    from klm_lint.site.facts import Value
    from klm_lint.site.index import Post, SiteIndex
    from klm_lint.site.site import Site


@value_record
class AvatarUse:
    avatar: str
    count: int
    example: Post
    """The first post, in path order, that uses it."""


def _author(post: Post) -> str | None:
    author = post[AUTHOR]
    if author is None or not post[COMPARED]:
        return None
    return name_key(author.text) or None  # "" for a name of spaces alone


def _avatar_uses(index: SiteIndex, name: str) -> list[AvatarUse]:
    """The avatars the posts of an author use, most used first (then in path order). Counted
    from the posts' avatars alone: only each avatar's first post is made whole."""
    counts: dict[str, list[Any]] = {}
    for path, avatar in index.group_texts(_author, name, AVATAR):
        if avatar is not None:
            text = avatar.strip()
            use = counts.get(text)
            if use is None:
                counts[text] = [0, path]
            else:
                use[0] += 1
    uses = []
    for text, (more, path) in counts.items():
        example = index.get(path)
        assert example is not None
        uses.append(AvatarUse(text, more + 1, example))
    return sorted(uses, key=lambda use: -use.count)


def _suspects(index: SiteIndex, site: Site) -> set[str] | None:
    """Without an authors file, the posts of the authors whose posts use two avatars or
    more."""
    if site.authors is not None:
        return None
    paths: set[str] = set()
    for name, group in index.shared(_author):
        if len(index.derived(_avatar_uses, name)) > 1:
            paths.update(group)
    return paths


@site_rule(
    "KLM403",
    "author-inconsistent",
    Severity.WARNING,
    "An author's avatar differs between posts, or from the authors file.",
    facts=(AUTHOR, AVATAR, COMPARED),
    suspects=_suspects,
    # With an authors file, a post is checked against it alone.
    keys=lambda site: (_author,) if site.authors is None else (),
)
def author_inconsistent(post: Post, index: SiteIndex, site: Site) -> Iterator[Problem]:
    author = post[AUTHOR]
    if author is None or not author.text.strip() or not post[COMPARED]:
        return
    if site.authors is not None:
        for problem in _against_authors_file(post, author, site.authors):
            yield replace(problem, severity=Severity.ERROR)
        return
    avatar = post[AVATAR]
    if avatar is None:
        return
    yield from _against_other_posts(index, author, avatar)


def _against_authors_file(post: Post, author: Value, authors: Authors) -> Iterator[Problem]:
    name = " ".join(author.text.split())
    listed = authors.find(name)
    if listed is None:
        suggestion = authors.suggest(name)
        hint = f"Did you mean {suggestion}? " if suggestion else ""
        message = (
            f"author.name is {quote(name)}, who is not in the authors file {authors.shown}, so "
            f"the byline names someone the site does not know. {hint}Use the name as the "
            f"authors file writes it, or add the author to {authors.shown}."
        )
        yield Problem(author.start, author.end, message)
        return
    if listed.avatar is None:
        return
    avatar = post[AVATAR]
    if avatar is None:
        message = (
            f"author.avatar is missing, but {authors.shown} gives {name} the avatar "
            f"{listed.avatar}; this byline shows no picture. Add avatar: {listed.avatar} under "
            "author:."
        )
        yield Problem(author.start, author.end, message)
    elif avatar.text.strip() != listed.avatar:
        message = (
            f"author.avatar is {avatar.text.strip()}, but {authors.shown} gives {name} "
            f"the avatar {listed.avatar}; the byline shows a different picture from the "
            f"author's other posts. Use {listed.avatar}."
        )
        yield Problem(avatar.start, avatar.end, message)


def _against_other_posts(index: SiteIndex, author: Value, avatar: Value) -> Iterator[Problem]:
    uses = index.derived(_avatar_uses, name_key(author.text))
    mine = avatar.text.strip()
    if len(uses) < 2:
        return
    leader = uses[0].avatar if uses[0].count > uses[1].count else None
    if mine == leader:
        return
    others = []
    for use in uses:
        if use.avatar == mine:
            continue
        example = use.example[AVATAR]
        line = example.line if example else 1
        place = f"{use.example.display_path}, line {line}"
        posts_word = f"{use.count} posts, such as " if use.count > 1 else ""
        others.append(f"{use.avatar} ({posts_word}{place})")
    name = " ".join(author.text.split())
    fix = (
        f"Use {leader}, the avatar most of {name}'s posts use."
        if leader
        else f"Pick one avatar for {name} and use it in every post."
    )
    message = (
        f"author.avatar is {mine}, but {name}'s other posts use {listing(others)}; the byline "
        f"shows a different picture from post to post. {fix}"
    )
    yield Problem(avatar.start, avatar.end, message)
