"""What each site's YAML reader does beyond its values: what a failure means for the site, how it
tells two keys apart, and how messages name it and the readers that behave otherwise."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, get_args

from klm_lint.load.dialects import YamlDialect
from klm_lint.records import value_record

if TYPE_CHECKING:
    from collections.abc import Hashable

    from klm_lint.load.nodes import Scalar, ScalarValue

DIALECTS: tuple[YamlDialect, ...] = get_args(YamlDialect)
JS_YAML: frozenset[YamlDialect] = frozenset(("js-yaml-3", "js-yaml-4"))
LIBYAML: frozenset[YamlDialect] = frozenset(("psych", "safe-yaml", "serde-yaml", "go-yaml"))
"""Readers whose parser is libyaml's (Psych and SafeYAML through Psych, serde_yaml through
unsafe-libyaml), and goccy/go-yaml, which reads what libyaml reads, and more (yaml_tree.py)."""


@value_record
class Reader:
    name: str
    """The reader as messages name it."""
    fails: str
    """What the site does with front matter the reader cannot read, as a clause."""
    duplicates: str
    """What the reader does with a key written twice, as a clause; "" when it rejects it."""


_BUILD_FAILS = "the site's build fails on this file"
_JEKYLL_SKIPS = (
    "Jekyll cannot read it: it logs an error and builds the page without any of its front "
    "matter (no title, layout or date), or stops if strict_front_matter is set"
)

READERS: dict[YamlDialect, Reader] = {
    "js-yaml-3": Reader("gray-matter (js-yaml 3)", _BUILD_FAILS, ""),
    "js-yaml-4": Reader("js-yaml 4", _BUILD_FAILS, ""),
    "psych": Reader("Psych", _JEKYLL_SKIPS, "Jekyll keeps only the last one and ignores the first"),
    "safe-yaml": Reader(
        "SafeYAML", _JEKYLL_SKIPS, "Jekyll keeps only the last one and ignores the first"
    ),
    "go-yaml": Reader("goccy/go-yaml", _BUILD_FAILS, ""),
    "serde-yaml": Reader(
        "serde_yaml", _BUILD_FAILS, "Zola keeps only the last one and ignores the first"
    ),
}

ZOLA_FIELDS = frozenset(
    (
        *("title", "description", "date", "updated", "draft", "render", "slug", "path"),
        *("taxonomies", "weight", "authors", "aliases", "template", "in_search_index"),
        *("sort_by", "paginate_by", "paginate_reversed", "paginate_path", "transparent"),
        *("insert_anchor_links", "redirect_to", "page_template", "generate_feeds", "extra"),
    )
)
"""The keys of Zola's page and section front matter (PageFrontMatter, SectionFrontMatter): serde
refuses one of them written twice at the top ("duplicate field"), where other repeated keys keep
the last value."""


def readers_named(dialects: frozenset[YamlDialect]) -> str:
    """The readers in words, grouped as authors know them: 'gray-matter (Next.js, Docusaurus)
    and libyaml (Jekyll, Zola)'."""
    groups: list[str] = []
    if "js-yaml-3" in dialects and "js-yaml-4" in dialects:
        groups.append("js-yaml (Next.js, Docusaurus, Astro, Eleventy)")
    elif "js-yaml-3" in dialects:
        groups.append("gray-matter's js-yaml 3 (Next.js, Docusaurus)")
    elif "js-yaml-4" in dialects:
        groups.append("js-yaml 4 (Astro, Eleventy)")
    ruby = {"psych", "safe-yaml"} & dialects
    others = [name for name in ("serde-yaml", "go-yaml") if name in dialects]
    if ruby and "serde-yaml" in dialects:
        groups.append("libyaml (Jekyll, Zola, PyYAML)")
        others.remove("serde-yaml")
    elif ruby:
        groups.append("Jekyll's YAML reader")
    groups.extend(
        {"serde-yaml": "Zola's serde_yaml", "go-yaml": "Hugo's go-yaml"}[name] for name in others
    )
    return (
        " and ".join(groups) if len(groups) < 3 else ", ".join(groups[:-1]) + " and " + groups[-1]
    )


def key_identity(dialect: YamlDialect, key: Scalar) -> Hashable:
    """What the reader compares when it looks for a key written twice.

    js-yaml turns every key into a JavaScript property name: true and True are both "true",
    1, 0x1 and '1' are all "1", null and ~ are "null". Ruby (Psych, SafeYAML) compares the values
    themselves: true and True are one key, 1 and '1' are two, 1 and 1.0 are two. goccy/go-yaml
    writes keys out as Go does (true and True are "true", 1, 0x1 and 1.0 are "1", null and ~
    are ""); Zola reads them as text, as written (true and True are two, 1 and '1' one).
    """
    if dialect in JS_YAML:
        return js_property(key.value)
    if dialect == "go-yaml":
        from klm_lint.load.go_rust_scalars import go_text

        return go_text(key.value)
    if dialect == "serde-yaml":
        return key.value if isinstance(key.value, str) else key.text
    value = key.value
    if isinstance(value, float) and math.isnan(value):
        return ("nan", key.text)
    return (type(value).__name__, value)


def js_property(value: ScalarValue) -> str:
    """String(value) in JavaScript, for the scalars YAML gives."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _js_number_text(value)
    if isinstance(value, dt.datetime):
        return _js_date_text(value.astimezone(dt.timezone.utc))
    if isinstance(value, dt.date):
        return _js_date_text(
            dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
        )
    return str(value)


def _js_number_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa.removesuffix('.0')}e{sign}{exponent.lstrip('+-').lstrip('0')}"
    return text


def _js_date_text(moment: dt.datetime) -> str:
    """Date.prototype.toString in UTC, which is what a date key becomes."""
    return moment.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")
