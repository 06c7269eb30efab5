"""Rules on the MDX components in the body."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from klm_lint.checks.describe import choices, quote
from klm_lint.checks.rule import rule
from klm_lint.findings import Severity
from klm_lint.load.esm import imported_names
from klm_lint.suggest import close_matches

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document
    from klm_lint.load.mdx import Tag
    from klm_lint.site.site import Site

_BUILD_FAILS = "the MDX compiler fails and the whole site does not build"


@rule(
    "KLM301",
    "unbalanced-component",
    Severity.ERROR,
    "An MDX component is opened and not closed, closed without being opened, or out of order.",
)
def unbalanced_component(doc: Document, site: Site) -> Iterator[Finding]:
    open_tags: list[Tag] = []
    open_names: Counter[str] = Counter()
    for tag in doc.body_scan.tags:
        if tag.name not in site.components:
            continue
        if not tag.complete:
            message = (
                f"the tag <{tag.name} is never finished with >; {_BUILD_FAILS}. "
                "End the tag with > after its attributes (or /> if it has no content)."
            )
            yield unbalanced_component.at(doc, tag.start, tag.name_end, message)
        if tag.kind == "open":
            open_tags.append(tag)
            open_names[tag.name] += 1
        elif tag.kind == "close":
            yield from _close(doc, open_tags, open_names, tag)
    for tag in open_tags:
        if not tag.complete:
            continue
        message = (
            f"<{tag.name}> is opened here and never closed; {_BUILD_FAILS}. Add </{tag.name}> "
            f"where its content ends, or write <{tag.name} … /> if it has no content."
        )
        yield unbalanced_component.at(doc, tag.start, tag.end, message)


def _close(
    doc: Document, open_tags: list[Tag], open_names: Counter[str], closing: Tag
) -> Iterator[Finding]:
    if not open_names[closing.name]:
        message = (
            f"</{closing.name}> closes a {closing.name} that is not open; {_BUILD_FAILS}. "
            f"Remove it, or add the opening <{closing.name}> where the content starts."
        )
        yield unbalanced_component.at(doc, closing.start, closing.end, message)
        return
    while open_tags[-1].name != closing.name:
        closing_line, _ = doc.lines.position(closing.start)
        inner = open_tags.pop()
        open_names[inner.name] -= 1
        message = (
            f"<{inner.name}> is still open when </{closing.name}> on line {closing_line} closes "
            f"the {closing.name} around it; {_BUILD_FAILS}. Add </{inner.name}> before "
            f"</{closing.name}>."
        )
        yield unbalanced_component.at(doc, inner.start, inner.end, message)
    open_tags.pop()
    open_names[closing.name] -= 1


_PROP_IMPACT: dict[tuple[str, str], str] = {
    ("Blockquote", "name"): "the quote shows no one's name under it",
    ("Notice", "type"): (
        "the theme cannot style the notice, so it shows without its colour and icon"
    ),
    ("Tab", "name"): "the tab's button has no label",
    ("Accordion", "title"): "the accordion has no heading to click",
    ("Youtube", "id"): "the player shows YouTube's error screen instead of the video",
    ("Youtube", "title"): "screen readers cannot say what the video is",
    ("Video", "src"): "the player has nothing to play",
    ("Button", "href"): "the button leads nowhere",
    ("Code", "language"): "the code is shown without highlighting",
}


def compiled_as_mdx(doc: Document, site: Site) -> bool:
    """Whether the site compiles this file as MDX, where capitalised tags are components."""
    return site.collection_of(doc) is not None and (site.config.mdx or doc.is_mdx)


def _impact(component: str, prop: str) -> str:
    return _PROP_IMPACT.get((component, prop), f"the {component} does not render as intended")


@rule(
    "KLM302",
    "component-props",
    Severity.ERROR,
    "A component lacks a required prop, or a prop has a value the theme does not know.",
)
def component_props(doc: Document, site: Site) -> Iterator[Finding]:
    if not compiled_as_mdx(doc, site):
        return
    for tag in doc.body_scan.tags:
        config = site.components.get(tag.name)
        if config is None or tag.kind == "close" or not tag.complete:
            continue
        props = {attribute.name: attribute for attribute in tag.attributes}
        spread = "" in props
        for prop in config.required:
            attribute = props.get(prop)
            if attribute is None and not spread:
                one_of = (
                    f" with one of {choices(config.values[prop])}" if prop in config.values else ""
                )
                message = (
                    f"<{tag.name}> has no {prop}; {_impact(tag.name, prop)}. Add "
                    f'{prop}="…"{one_of} to the tag.'
                )
                yield component_props.at(doc, tag.start, tag.name_end, message)
            elif (
                attribute is not None
                and attribute.value is not None
                and not attribute.value.strip()
                and prop not in config.values
            ):
                message = f"<{tag.name} {prop}> is empty; {_impact(tag.name, prop)}. Fill it in."
                yield component_props.at(doc, attribute.value_start, attribute.value_end, message)
        for prop, allowed in config.values.items():
            attribute = props.get(prop)
            if attribute is None or attribute.expression or attribute.value in allowed:
                continue
            yield component_props.at(
                doc,
                attribute.value_start if attribute.value is not None else attribute.start,
                attribute.value_end if attribute.value is not None else attribute.end,
                _value_message(tag.name, prop, attribute.value, allowed),
            )


def _value_message(component: str, prop: str, value: str | None, allowed: list[str]) -> str:
    what = "has no value" if value is None else f"is {quote(value)}, which the theme does not know"
    close = close_matches((value or "").lower(), allowed, n=1, cutoff=0.5)
    hint = f'Did you mean "{close[0]}"? ' if close else ""
    return (
        f"<{component} {prop}> {what}; {_impact(component, prop)}. {hint}Use one of "
        f"{choices(allowed)}."
    )


@rule(
    "KLM303",
    "unknown-component",
    Severity.ERROR,
    "A capitalised tag names a component the site does not define.",
)
def unknown_component(doc: Document, site: Site) -> Iterator[Finding]:
    if not compiled_as_mdx(doc, site):
        return
    scan = doc.body_scan
    imported: set[str] | None = None
    for tag in scan.tags:
        if tag.kind == "close" or not tag.name[:1].isupper():
            continue
        root = tag.name.split(".", 1)[0]
        if root in site.components:
            continue
        if imported is None:
            imported = imported_names(doc.text, doc.body_start, _code(doc, site))
        if root in imported:
            continue
        known = sorted({*site.components, *imported})
        yield unknown_component.at(doc, tag.start, tag.name_end, _unknown_message(tag, known))


def _code(doc: Document, site: Site) -> tuple[tuple[int, int], ...]:
    """The body's code, without the fenced blocks the generator compiles as MDX."""
    code = doc.body_scan.code
    unwrapped = site.generator.mdx_fences
    if not unwrapped:
        return code
    return tuple(
        (start, end) for start, end in code if _fence_language(doc.text, start) not in unwrapped
    )


def _fence_language(text: str, start: int) -> str:
    """The first word of the info string of the fence at start ("" for inline code)."""
    line_end = text.find("\n", start)
    line = text[start : len(text) if line_end < 0 else line_end]
    if not line.startswith(("```", "~~~")):
        return ""
    words = line.lstrip(line[0]).split(maxsplit=1)
    return words[0].split("{", 1)[0] if words else ""


def _unknown_message(tag: Tag, known: list[str]) -> str:
    by_case = {name.casefold(): name for name in known}
    close = by_case.get(tag.name.casefold()) or next(
        iter(close_matches(tag.name, known, n=1, cutoff=0.6)), None
    )
    fix = (
        f"Did you mean <{close}>?"
        if close
        else "Import it at the top of the file, add it to components in the config if the "
        "theme provides it, or remove the tag."
    )
    return (
        f"<{tag.name}> is not a component the site knows; MDX cannot render it, so the "
        f"page and the whole build fail. {fix}"
    )
