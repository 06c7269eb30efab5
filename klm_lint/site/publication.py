"""What the site publishes: how the generator reads its draft flag, which files it holds back
(drafts, unpublished, expired, scheduled), and when a dated post goes live."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from klm_lint.load.nodes import Scalar
from klm_lint.records import value_record

if TYPE_CHECKING:
    import datetime as dt

    from klm_lint.config.model import DraftValues, GeneratorConfig
    from klm_lint.load.document import Document
    from klm_lint.load.nodes import Node

_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
"""The strings Go's strconv.ParseBool reads as true (Hugo's cast.ToBool)."""
_YAML11_FALSE = frozenset({"false", "no", "off"})
_YAML11_TRUE = frozenset({"true", "yes", "on"})


def hides(draft: Node | None) -> bool:
    """Whether the site, which tests draft for JavaScript truthiness, treats it as a draft:
    true, any non-empty text, any number but 0, a list or a mapping."""
    if draft is None:
        return False
    if not isinstance(draft, Scalar):
        return True
    value = draft.value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    if isinstance(value, (bool, int, str)):
        return bool(value)
    return value is not None


def is_false(draft: Node | None) -> bool:
    """draft is the boolean false: the post is published, on its date."""
    return isinstance(draft, Scalar) and draft.value is False


@value_record
class DraftReading:
    """How the generator reads a draft (or published) flag's value."""

    hidden: bool
    """The file is held back."""
    accepted: bool
    """The generator takes the value without failing the build."""
    exact: bool
    """The value is one the generator documents for the flag (a boolean, or for Jekyll's
    published a YAML boolean word); False: it works only by how the generator happens to
    convert it."""


def read_draft(node: Node, values: DraftValues) -> DraftReading:
    """The draft flag's value as the generator reads it."""
    if values == "js-truthy":
        exact = isinstance(node, Scalar) and isinstance(node.value, bool)
        return DraftReading(hides(node), True, exact)
    value = node.value if isinstance(node, Scalar) else node
    if isinstance(value, bool):
        return DraftReading(value, True, True)
    if values == "boolean":
        return DraftReading(False, False, False)
    if values == "boolean-or-text":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return DraftReading(value.lower() == "true", True, True)
        return DraftReading(False, False, False)
    if isinstance(value, str):
        return DraftReading(value in _GO_TRUE, True, False)
    if isinstance(value, (int, float)):
        return DraftReading(
            value != 0 and not (isinstance(value, float) and math.isnan(value)), True, False
        )
    return DraftReading(False, True, False)


def read_published(node: Node) -> DraftReading:
    """Jekyll's published: only Ruby's false and nil (from YAML: false, no, off in any case, or
    nothing) hold the file back; every other value publishes it."""
    if not isinstance(node, Scalar):
        return DraftReading(False, True, False)
    value = node.value
    if value is None or value is False:
        return DraftReading(True, True, True)
    if value is True:
        return DraftReading(False, True, True)
    word = node.text.strip().lower()
    if not node.quoted and word in _YAML11_FALSE:
        return DraftReading(True, True, True)
    if not node.quoted and word in _YAML11_TRUE:
        return DraftReading(False, True, True)
    return DraftReading(False, True, False)


def in_draft_folder(site_path: str, folders: list[str]) -> bool:
    if not folders:
        return False
    parts = site_path.split("/")[:-1]
    return any(folder.strip("/") in parts for folder in folders)


def held_back(doc: Document, generator: GeneratorConfig, now: dt.datetime) -> bool:
    """Whether the generator leaves the file out of the built site as it stands: a draft, not
    published, or expired (a post scheduled for later is not counted: it will appear)."""
    if in_draft_folder(doc.site_path, generator.draft_folders):
        return True
    if doc.front_matter is None:
        return False
    root = doc.front_matter.root
    if generator.draft_key:
        draft = root.value(generator.draft_key)
        if draft is not None and read_draft(draft, generator.draft_values).hidden:
            return True
    if generator.published_key:
        published = root.value(generator.published_key)
        if published is not None and read_published(published).hidden:
            return True
    if generator.expiry_date_keys:
        from klm_lint.site.date_forms import moment_of

        for key in generator.expiry_date_keys:
            node = root.value(key)
            expiry = moment_of(node, generator.dates)
            if expiry is not None:
                return expiry <= now
    return False
