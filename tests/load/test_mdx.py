from __future__ import annotations

import itertools
import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.load.mdx import Attribute, BodyScan, Image, Link, Tag, _Scanner, scan_body


def tag_texts(text: str, scan: BodyScan) -> list[str]:
    return [text[tag.start : tag.end] for tag in scan.tags]


def code_texts(text: str, scan: BodyScan) -> list[str]:
    return [text[start:end] for start, end in scan.code]


def only_tag(text: str) -> Tag:
    scan = scan_body(text)
    assert len(scan.tags) == 1, tag_texts(text, scan)
    return scan.tags[0]


def only_image(text: str) -> Image:
    scan = scan_body(text)
    assert len(scan.images) == 1, scan.images
    return scan.images[0]


# Tags


def test_components_from_the_site() -> None:
    text = (
        '<Blockquote name="Kids Lives Matter">Every child.</Blockquote>\n'
        '<Notice type="info">\nRead this.\n</Notice>\n'
        '<Tabs><Tab name="a">A</Tab></Tabs>\n'
        '<Accordion title="More">x</Accordion>\n'
        '<Youtube id="dQw4w9WgXcQ" title="A video"/>\n'
        '<Video src="/videos/a.mp4"/>\n'
        '<Button href="/donate" label="Donate"/>\n'
    )
    scan = scan_body(text)
    assert [(tag.name, tag.kind) for tag in scan.tags] == [
        ("Blockquote", "open"),
        ("Blockquote", "close"),
        ("Notice", "open"),
        ("Notice", "close"),
        ("Tabs", "open"),
        ("Tab", "open"),
        ("Tab", "close"),
        ("Tabs", "close"),
        ("Accordion", "open"),
        ("Accordion", "close"),
        ("Youtube", "self"),
        ("Video", "self"),
        ("Button", "self"),
    ]
    assert tag_texts(text, scan)[:4] == [
        '<Blockquote name="Kids Lives Matter">',
        "</Blockquote>",
        '<Notice type="info">',
        "</Notice>",
    ]
    assert all(tag.complete for tag in scan.tags)
    assert not (scan.comments or scan.code or scan.images)


def test_attribute_offsets_and_values() -> None:
    text = 'x <Youtube id="abc" title=\'A "quoted" title\' />'
    tag = only_tag(text)
    assert text[tag.start : tag.end] == '<Youtube id="abc" title=\'A "quoted" title\' />'
    assert text[tag.name_start : tag.name_end] == "Youtube"
    assert tag.kind == "self"
    first, second = tag.attributes
    assert (first.name, first.value, first.expression) == ("id", "abc", False)
    assert text[first.start : first.end] == 'id="abc"'
    assert text[first.value_start : first.value_end] == '"abc"'
    assert (second.name, second.value) == ("title", 'A "quoted" title')
    assert text[second.value_start : second.value_end] == "'A \"quoted\" title'"


def test_bare_spread_and_expression_attributes() -> None:
    text = "<Accordion open {...props} count={items.length} />"
    bare, spread, expression = only_tag(text).attributes
    assert (bare.name, bare.value, bare.expression) == ("open", None, False)
    assert text[bare.start : bare.end] == "open"
    assert bare.value_start == bare.value_end == bare.end
    assert (spread.name, spread.value, spread.expression) == ("", None, True)
    assert text[spread.start : spread.end] == "{...props}"
    assert text[spread.value_start : spread.value_end] == "{...props}"
    assert (expression.name, expression.value, expression.expression) == ("count", None, True)
    assert text[expression.value_start : expression.value_end] == "{items.length}"
    assert text[expression.start : expression.end] == "count={items.length}"


def test_expression_attribute_with_greater_than_is_one_tag() -> None:
    text = '<Code x={a > b} y={"}"} z={`${ {a: 1}.a }`}>body</Code>'
    scan = scan_body(text)
    assert tag_texts(text, scan) == ['<Code x={a > b} y={"}"} z={`${ {a: 1}.a }`}>', "</Code>"]
    assert [attribute.name for attribute in scan.tags[0].attributes] == ["x", "y", "z"]


def test_attributes_over_several_lines() -> None:
    text = '<Youtube\n  id="abc"\n\n  title="A video"\n/>\nafter'
    tag = only_tag(text)
    assert text[tag.start : tag.end] == '<Youtube\n  id="abc"\n\n  title="A video"\n/>'
    assert [(a.name, a.value) for a in tag.attributes] == [("id", "abc"), ("title", "A video")]


def test_tag_names() -> None:
    text = "<Foo.Bar/> <svg:rect/> <my-element/> <h1>x</h1 > <snake_case/>"
    scan = scan_body(text)
    assert [tag.name for tag in scan.tags] == [
        "Foo.Bar",
        "svg:rect",
        "my-element",
        "h1",
        "h1",
        "snake_case",
    ]
    assert text[scan.tags[4].start : scan.tags[4].end] == "</h1 >"


def test_fragments() -> None:
    text = "<><b>x</b></>"
    scan = scan_body(text)
    assert [(tag.name, tag.kind) for tag in scan.tags] == [
        ("", "open"),
        ("b", "open"),
        ("b", "close"),
        ("", "close"),
    ]
    assert tag_texts(text, scan)[0] == "<>"
    assert tag_texts(text, scan)[3] == "</>"
    assert scan.tags[0].name_start == scan.tags[0].name_end == 1


@pytest.mark.parametrize(
    "text",
    [
        "<https://example.com>",
        "<mailto:someone@example.com>",
        "<someone@example.com>",
        "a < b and c > d",
        "if a<b; then",
        "x<3 and <-- arrow",
        "< div>",
        "<!DOCTYPE html>",
    ],
)
def test_not_tags(text: str) -> None:
    assert scan_body(text).tags == ()


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("<a b c!>", "!"),
        ('<a b="c" d!', "!"),
        ("<img src=photo.jpg>", "p"),
        ("<Notice x\nText.", "."),
    ],
)
def test_a_name_and_a_space_then_junk_is_an_unfinished_tag(text: str, stop: str) -> None:
    (tag,) = scan_body(text).tags
    assert not tag.complete
    assert tag.end == text.index(stop, tag.name_end)


def test_unfinished_tag_before_its_closing_tag() -> None:
    text = '<Notice type="info"\nDonations are matched.\n</Notice>'
    tags = scan_body(text).tags
    assert [(tag.name, tag.kind, tag.complete) for tag in tags] == [
        ("Notice", "open", False),
        ("Notice", "close", True),
    ]


def test_scanning_continues_after_what_is_not_a_tag() -> None:
    text = "See <https://example.com> or a<b; <Notice>x</Notice>"
    assert tag_texts(text, scan_body(text)) == ["<Notice>", "</Notice>"]


def test_tag_starting_inside_a_malformed_tag_is_not_tried() -> None:
    # "<a" is unfinished at "!"; "<b>" lies inside its attribute value.
    text = '<a x="<b>" ! <c>'
    assert tag_texts(text, scan_body(text)) == ['<a x="<b>" ', "<c>"]


def test_close_tag_with_attributes_is_not_a_tag() -> None:
    assert scan_body('</Notice type="info">').tags == ()


@pytest.mark.parametrize(
    ("text", "kind", "attributes"),
    [
        ('<Notice type="info"', "open", 1),
        ("<Notice type=", "open", 0),
        ('<Notice type="inf', "open", 0),
        ("<Notice\n  open\n", "open", 1),
        ("<Video /", "open", 0),
        ("</Notice", "close", 0),
        ("text <b", "open", 0),
    ],
)
def test_tag_open_at_the_end_of_the_body_is_incomplete(
    text: str, kind: str, attributes: int
) -> None:
    tag = only_tag(text)
    assert not tag.complete
    assert tag.kind == kind
    assert tag.end == len(text)
    assert len(tag.attributes) == attributes
    assert text[tag.start] == "<"


def test_children_are_markdown() -> None:
    text = (
        '<Notice type="info">\n'
        "Some **bold** <Inner/> and `<code>` and ![alt](/images/a.jpg)\n"
        "<!-- note -->\n"
        "```html\n<div>\n```\n"
        "</Notice>"
    )
    scan = scan_body(text)
    assert [tag.name for tag in scan.tags] == ["Notice", "Inner", "Notice"]
    assert code_texts(text, scan) == ["`<code>`", "```html\n<div>\n```"]
    assert [image.src for image in scan.images] == ["/images/a.jpg"]
    assert [comment.text for comment in scan.comments] == ["note"]


def test_code_component_with_template_literal() -> None:
    text = '<Code language="html">{`<ul><li>x</li></ul>`}</Code>'
    scan = scan_body(text)
    assert tag_texts(text, scan) == ['<Code language="html">', "</Code>"]
    assert scan.comments == ()


def test_angle_bracket_link_destination_is_not_a_tag() -> None:
    text = '[the guide](<guide.md>) and [other](<a b.md> "title") <b>'
    assert tag_texts(text, scan_body(text)) == ["<b>"]


# Fenced code


def test_backtick_fence() -> None:
    text = 'before\n```jsx\n<Notice type="info">\n{x}\n<!-- c -->\n![a](b.png)\n```\n<after/>'
    scan = scan_body(text)
    assert code_texts(text, scan) == [
        '```jsx\n<Notice type="info">\n{x}\n<!-- c -->\n![a](b.png)\n```'
    ]
    assert tag_texts(text, scan) == ["<after/>"]
    assert not (scan.comments or scan.images)


def test_tilde_fence_is_not_closed_by_backticks() -> None:
    text = "~~~\n<a>\n```\n<b>\n~~~\n<c>"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["~~~\n<a>\n```\n<b>\n~~~"]
    assert tag_texts(text, scan) == ["<c>"]


def test_closing_fence_needs_at_least_as_many_characters() -> None:
    text = "````md\n```\n<a>\n````\n<b>"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["````md\n```\n<a>\n````"]
    assert tag_texts(text, scan) == ["<b>"]
    longer = "```\n<a>\n`````\n<b>"
    assert code_texts(longer, scan_body(longer)) == ["```\n<a>\n`````"]


def test_closing_fence_allows_only_whitespace_after() -> None:
    text = "```\n<a>\n```js\n<b>\n```  \n<c>"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["```\n<a>\n```js\n<b>\n```"]
    assert tag_texts(text, scan) == ["<c>"]


def test_unclosed_fence_runs_to_the_end() -> None:
    text = "text\n```\n<a>\n{b}\n"
    scan = scan_body(text)
    assert scan.code == ((5, len(text)),)
    assert scan.tags == ()


@pytest.mark.parametrize("prefix", ["> ", "- ", "* ", "+ ", "1. ", "12) ", "> - ", "  ", "    "])
def test_fence_after_container_prefix(prefix: str) -> None:
    text = f"{prefix}```js\n{prefix}<a>\n{prefix}```\n<b>"
    scan = scan_body(text)
    assert code_texts(text, scan) == [f"```js\n{prefix}<a>\n{prefix}```"]
    assert tag_texts(text, scan) == ["<b>"]


def test_backticks_in_info_string_make_inline_code_not_a_fence() -> None:
    text = "``` a`b ``` <c>\n<d>"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["``` a`b ```"]
    assert tag_texts(text, scan) == ["<c>", "<d>"]


def test_tilde_fence_info_may_contain_backticks() -> None:
    text = "~~~ a`b\n<c>\n~~~"
    assert code_texts(text, scan_body(text)) == [text]


def test_indented_lines_are_not_code() -> None:
    text = '    <Notice type="info">\n    text\n    </Notice>'
    assert [tag.name for tag in scan_body(text).tags] == ["Notice", "Notice"]
    assert scan_body(text).code == ()


def test_fence_inside_a_tag_comment_or_expression_is_not_a_fence() -> None:
    text = '<Code text="\n```\n">{/*\n```\n*/}<!--\n```\n-->{`\n~~~\n`}</Code>\n<b>'
    scan = scan_body(text)
    assert scan.code == ()
    assert tag_texts(text, scan) == ['<Code text="\n```\n">', "</Code>", "<b>"]


# Inline code


def test_inline_code_hides_tags() -> None:
    text = "Use `<Notice>` or ``a ` <b> `` then <c>"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["`<Notice>`", "``a ` <b> ``"]
    assert tag_texts(text, scan) == ["<c>"]


def test_unmatched_backticks_are_literal() -> None:
    text = "a ` <b> and ``` <c>"
    scan = scan_body(text)
    assert scan.code == ()
    assert tag_texts(text, scan) == ["<b>", "<c>"]


def test_closing_run_must_have_exactly_as_many_backticks() -> None:
    text = "`a``b` <c>"
    assert code_texts(text, scan_body(text)) == ["`a``b`"]
    text = "``a`b``` <c> ``"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["``a`b``` <c> ``"]
    assert scan.tags == ()


def test_inline_code_spans_lines_but_not_paragraphs() -> None:
    text = "`a\n<b>` <c>"
    assert code_texts(text, scan_body(text)) == ["`a\n<b>`"]
    text = "`a\n\n<b>` <c>"
    scan = scan_body(text)
    assert scan.code == ()
    assert tag_texts(text, scan) == ["<b>", "<c>"]
    text = "`a\r\n  \r\n<b>`"
    assert scan_body(text).code == ()
    text = "> `a\n>\n> <b>`"
    assert tag_texts(text, scan_body(text)) == ["<b>"]


def test_fence_line_ends_the_paragraph_for_inline_code() -> None:
    text = "`a\n```\n<b>\n```\n`"
    scan = scan_body(text)
    assert code_texts(text, scan) == ["```\n<b>\n```"]


def test_many_unmatched_backtick_runs() -> None:
    text = "".join("`" * (n % 5 + 1) + " x " for n in range(5000)) + "\n\n`<a>`"
    scan = scan_body(text)
    assert code_texts(text, scan)[-1] == "`<a>`"
    assert scan.tags == ()


# Backslash escapes


def test_backslash_escapes() -> None:
    text = r"\<Notice> \{x <b>} \`<c>` \![a](b.png) \[id]: /x.jpg"
    scan = scan_body(text)
    assert tag_texts(text, scan) == ["<b>", "<c>"]
    assert not (scan.code or scan.images or scan.comments)


def test_escaped_backslash_does_not_escape() -> None:
    text = r"\\<b> \\`c`"
    scan = scan_body(text)
    assert tag_texts(text, scan) == ["<b>"]
    assert code_texts(text, scan) == ["`c`"]


def test_backslash_inside_code_is_not_an_escape() -> None:
    text = r"`a\` <b>"
    scan = scan_body(text)
    assert code_texts(text, scan) == [r"`a\`"]
    assert tag_texts(text, scan) == ["<b>"]


# Comments


def test_html_comment() -> None:
    text = "a <!-- klm-lint-disable KLM301 --> b <!-- <Notice> {x} `y` ![a](b.png) --> <c>"
    scan = scan_body(text)
    assert [(c.kind, c.text) for c in scan.comments] == [
        ("html", "klm-lint-disable KLM301"),
        ("html", "<Notice> {x} `y` ![a](b.png)"),
    ]
    first = scan.comments[0]
    assert text[first.start : first.end] == "<!-- klm-lint-disable KLM301 -->"
    assert tag_texts(text, scan) == ["<c>"]
    assert not (scan.code or scan.images)


def test_unclosed_html_comment_runs_to_the_end() -> None:
    text = "a <!-- open\n<b>\n"
    (comment,) = scan_body(text).comments
    assert (comment.start, comment.end, comment.text) == (2, len(text), "open\n<b>")
    assert scan_body(text).tags == ()


def test_empty_html_comments() -> None:
    text = "<!----> <!--> <!---> <b>"
    scan = scan_body(text)
    assert [text[c.start : c.end] for c in scan.comments] == ["<!---->", "<!-->", "<!--->"]
    assert tag_texts(text, scan) == ["<b>"]


def test_jsx_comment() -> None:
    text = "a {/* klm-lint-disable KLM301 */} b { /*x*/ } {/* a */ b} {/**/}"
    scan = scan_body(text)
    assert [(c.kind, c.text) for c in scan.comments] == [
        ("jsx", "klm-lint-disable KLM301"),
        ("jsx", "x"),
        ("jsx", ""),
    ]
    assert text[scan.comments[0].start : scan.comments[0].end] == (
        "{/* klm-lint-disable KLM301 */}"
    )


# JSX expressions


@pytest.mark.parametrize(
    "expression",
    [
        "{a}",
        "{ {a: {b: 1}} }",
        "{'}'}",
        '{"}\\"}"}',
        "{`}`}",
        "{`${ {a: '}'} }`}",
        "{`${ `${ `}` }` }`}",
        "{a // }\n}",
        "{a /* } */}",
        "{cond && <Foo bar={1} />}",
        "{`\\`}`}",
    ],
)
def test_expression_is_skipped(expression: str) -> None:
    text = f"{expression}<after/>"
    scan = scan_body(text)
    assert tag_texts(text, scan) == ["<after/>"]
    assert scan.comments == ()


def test_unclosed_expression_is_text_and_stops_expressions() -> None:
    text = "a { b <c> {<d/>} <e f={g}>"
    scan = scan_body(text)
    # After the unclosed "{", later braces are text, so "<d/>" is a tag and "<e f=" is unfinished.
    assert tag_texts(text, scan) == ["<c>", "<d/>", "<e f="]


def test_unclosed_attribute_expression_leaves_the_tag_unfinished() -> None:
    text = "<Youtube id={oops /> <b c={d}> e"
    assert [(tag.name, tag.complete) for tag in scan_body(text).tags] == [
        ("Youtube", False),
        ("b", False),
    ]


def test_deeply_nested_template_literals_do_not_recurse() -> None:
    depth = 50_000
    text = "{" + "`${" * depth + "}`" * depth + "}<b>"
    assert tag_texts(text, scan_body(text)) == ["<b>"]


# Images


def test_inline_image() -> None:
    text = 'Look: ![A child reading](/images/reading.jpg "Reading time") now'
    image = only_image(text)
    assert (image.alt, image.src) == ("A child reading", "/images/reading.jpg")
    assert text[image.start : image.end] == '![A child reading](/images/reading.jpg "Reading time")'
    assert text[image.src_start : image.src_end] == "/images/reading.jpg"
    assert text[image.alt_start : image.alt_end] == "A child reading"


@pytest.mark.parametrize(
    ("syntax", "src"),
    [
        ("![a](x.jpg 'title')", "x.jpg"),
        ("![a](x.jpg (title))", "x.jpg"),
        ('![a]( x.jpg\n  "title" )', "x.jpg"),
        ("![a](<a b.jpg>)", "a b.jpg"),
        ('![a](<a b.jpg> "t")', "a b.jpg"),
        ("![a](x_(1).jpg)", "x_(1).jpg"),
        ("![a](x\\).jpg)", "x\\).jpg"),
        ("![a]()", ""),
        ("![](x.jpg)", "x.jpg"),
    ],
)
def test_inline_image_destinations(syntax: str, src: str) -> None:
    text = f"x {syntax} y"
    image = only_image(text)
    assert image.src == src
    assert text[image.src_start : image.src_end] == src
    assert text[image.start : image.end] == syntax


def test_image_alt_with_nested_brackets() -> None:
    text = "![a [b] c](x.jpg)"
    image = only_image(text)
    assert image.alt == "a [b] c"
    assert (image.start, image.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "[link](x.jpg)",
        "![a](x.jpg",
        "![a] (x.jpg)",
        "![a](x.jpg junk)",
        "![a](<x.jpg)",
        "![a\n\n](x.jpg)",
        "`![a](x.jpg)`",
        "<!-- ![a](x.jpg) -->",
        "{'![a](x.jpg)'}",
        '<Figure caption="![a](x.jpg)" />',
        "```\n![a](x.jpg)\n```",
        "![undefined]",
        "![a](" + "(" * 40 + "x" + ")" * 40 + ")",
    ],
)
def test_not_images(text: str) -> None:
    assert scan_body(text).images == ()


def test_image_inside_link() -> None:
    text = "[![Badge](/badge.svg)](https://example.com)"
    image = only_image(text)
    assert text[image.start : image.end] == "![Badge](/badge.svg)"


def test_reference_images() -> None:
    text = (
        "![Full][Logo  Image] ![collapsed][] ![shortcut] ![missing][nope]\n"
        "\n"
        '[logo image]: /images/logo.png "The logo"\n'
        "[Collapsed]: <images/c d.png>\n"
        "[shortcut]: /images/s.png\n"
        "[logo image]: /images/ignored.png\n"
    )
    full, collapsed, shortcut, missing = scan_body(text).images
    assert (full.alt, full.src) == ("Full", "/images/logo.png")
    assert text[full.start : full.end] == "![Full][Logo  Image]"
    assert text[full.src_start : full.src_end] == "/images/logo.png"
    assert (collapsed.alt, collapsed.src) == ("collapsed", "images/c d.png")
    assert text[collapsed.src_start : collapsed.src_end] == "images/c d.png"
    assert (shortcut.alt, shortcut.src) == ("shortcut", "/images/s.png")
    assert text[shortcut.start : shortcut.end] == "![shortcut]"
    assert (missing.src, missing.src_start, missing.src_end) == ("", 59, 59)
    assert text[missing.src_start :].startswith("nope]")


def test_definition_must_be_at_line_start_and_well_formed() -> None:
    text = "![a][x] ![b][y] ![c][z]\n\ntext [x]: /no.png\n[y]: /a.png junk\n> [z]: /z.png\n"
    a, b, c = scan_body(text).images
    assert (a.src, b.src, c.src) == ("", "", "/z.png")


def test_definitions_inside_code_do_not_count() -> None:
    text = "![a][x]\n```\n[x]: /x.png\n```\n<!--\n[x]: /y.png\n-->"
    assert only_image(text).src == ""


def test_definition_destination_is_not_a_tag() -> None:
    text = "![a][x]\n\n[x]: <images/x.png>\n"
    scan = scan_body(text)
    assert scan.tags == ()
    assert scan.images[0].src == "images/x.png"


# Links


def test_inline_links_and_definitions_in_text_order() -> None:
    text = (
        '[a](/posts/a/ "Title") ![img](/i.png) [b](</with space/>)\n\n'
        "[ref]: /posts/ref/\n[c][ref] [d](#top)"
    )
    scan = scan_body(text)
    assert scan.links[0] == Link("/posts/a/", 4, 13, "inline")
    assert [(link.src, link.kind) for link in scan.links] == [
        ("/posts/a/", "inline"),
        ("/with space/", "inline"),
        ("/posts/ref/", "definition"),
        ("#top", "inline"),
    ]
    for link in scan.links:
        assert text[link.start : link.end] == link.src
    assert [image.src for image in scan.images] == ["/i.png"]


@pytest.mark.parametrize(
    "text",
    [
        "`[a](/x)`",
        "```\n[a](/x)\n```",
        "<!-- [a](/x) -->",
        "{'[a](/x)'}",
        '<Button label="[a](/x)" />',
        "\\[a\\](/x)",
        "[a] (/x)",
        "[a](/x y z)",
    ],
)
def test_not_links(text: str) -> None:
    assert scan_body(text).links == ()


def test_a_link_leaves_the_scan_of_the_rest_as_it_was() -> None:
    text = "[a](<b>) <Notice type='x'>[c](/d)</Notice> `e`"
    scan = scan_body(text)
    assert [tag.name for tag in scan.tags] == ["Notice", "Notice"]
    assert [link.src for link in scan.links] == ["b", "/d"]
    assert len(scan.code) == 1


# Line endings and body ranges


def test_crlf_line_endings() -> None:
    text = (
        '<Notice\r\n  type="info"\r\n>\r\n'
        "```js\r\n<a>\r\n```\r\n"
        "`x\r\ny` <!-- c\r\n -->\r\n"
        "![r][ref]\r\n"
        "\r\n"
        "[ref]: /images/r.png\r\n"
        "</Notice>\r\n"
    )
    scan = scan_body(text)
    assert tag_texts(text, scan) == ['<Notice\r\n  type="info"\r\n>', "</Notice>"]
    assert code_texts(text, scan) == ["```js\r\n<a>\r\n```", "`x\r\ny`"]
    assert [comment.text for comment in scan.comments] == ["c"]
    image = scan.images[0]
    assert text[image.src_start : image.src_end] == image.src == "/images/r.png"


def test_body_after_front_matter() -> None:
    front_matter = '---\ntitle: "<Notice> `x` {y}"\nimage: ![a](b.png)\n---\n'
    body = "```\n<a>\n```\n<Notice>![b][c]</Notice>\n\n[c]: /c.png\n"
    text = front_matter + body
    scan = scan_body(text, len(front_matter))
    assert tag_texts(text, scan) == ["<Notice>", "</Notice>"]
    assert scan.tags[0].start == text.index("<Notice>", len(front_matter))
    assert scan.code == ((len(front_matter), text.index("```\n<Notice>") + 3),)
    assert scan.images[0].src == "/c.png"
    assert text[scan.images[0].src_start : scan.images[0].src_end] == "/c.png"


def test_end_limits_the_body() -> None:
    text = '<a> `b <c d="e"> `f` <!-- g --> ```'
    end = text.index(" <c") + 8
    scan = scan_body(text, 0, end)
    assert tag_texts(text, scan) == ["<a>", '<c d="e']
    assert not scan.tags[1].complete
    assert scan.tags[1].end == end
    assert not (scan.code or scan.comments)


def test_unclosed_constructs_end_at_the_end_of_the_body() -> None:
    text = "x\n```\ncode\n```\ny"
    end = text.index("code") + 4
    assert scan_body(text, 0, end).code == ((2, end),)
    text = "<!-- a --> z"
    assert scan_body(text, 0, 6).comments[0].end == 6


@pytest.mark.parametrize(
    ("start", "end"), [(0, 0), (5, 2), (-3, None), (100, None), (0, 1000), (3, -1)]
)
def test_odd_ranges_do_not_raise(start: int, end: int | None) -> None:
    scan = scan_body("<a>`b`<!--c-->", start, end)
    for tag in scan.tags:
        assert 0 <= tag.start <= tag.end <= 14


# Robustness


_PIECES = [
    "<",
    ">",
    "/",
    "{",
    "}",
    "`",
    "```",
    "~~~",
    "\\",
    "!",
    "[",
    "]",
    "(",
    ")",
    '"',
    "'",
    "=",
    "-",
    "*",
    ":",
    ".",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "a",
    "B",
    "1",
    "$",
    "<!--",
    "-->",
    "{/*",
    "*/}",
    "${",
    "//",
    "![",
    "](",
    "]:",
    "> ",
    "- ",
    "1. ",
    "<Notice",
    "</",
    "/>",
    "é",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_random_input_gives_consistent_offsets(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    scan = scan_body(text, start, end)

    def inside(*offsets: int) -> None:
        for offset in offsets:
            assert start <= offset <= end

    spans: list[tuple[int, int]] = []
    for tag in scan.tags:
        inside(tag.start, tag.end, tag.name_start, tag.name_end)
        assert tag.start < tag.end
        assert tag.start < tag.name_start <= tag.name_end <= tag.end
        assert text[tag.start] == "<"
        assert text[tag.name_start : tag.name_end] == tag.name
        assert not tag.complete or text[tag.end - 1] == ">"
        for attribute in tag.attributes:
            inside(attribute.start, attribute.end, attribute.value_start, attribute.value_end)
            assert tag.name_end <= attribute.start <= attribute.value_start
            assert attribute.value_start <= attribute.value_end == attribute.end <= tag.end
        spans.append((tag.start, tag.end))
    for comment in scan.comments:
        inside(comment.start, comment.end)
        assert text.startswith("<!--" if comment.kind == "html" else "{", comment.start)
        spans.append((comment.start, comment.end))
    for code_start, code_end in scan.code:
        inside(code_start, code_end)
        assert text[code_start] in "`~"
        spans.append((code_start, code_end))
    spans.sort()
    for (_, previous_end), (next_start, _) in itertools.pairwise(spans):
        assert previous_end <= next_start
    for image in scan.images:
        inside(image.start, image.end, image.alt_start, image.alt_end)
        inside(image.src_start, image.src_end)
        assert text.startswith("![", image.start)
        assert text[image.alt_start : image.alt_end] == image.alt
        assert text[image.src_start : image.src_end] in (image.src, "")
    for link in scan.links:
        inside(link.start, link.end)
        assert text[link.start : link.end] == link.src
    for kind in (scan.tags, scan.comments, scan.images, scan.links):
        starts = [item.start for item in kind]
        assert starts == sorted(starts)
    assert list(scan.code) == sorted(scan.code)


def _shifted(scan: BodyScan, by: int) -> BodyScan:
    def attribute(a: Attribute) -> Attribute:
        return replace(
            a,
            start=a.start + by,
            end=a.end + by,
            value_start=a.value_start + by,
            value_end=a.value_end + by,
        )

    return BodyScan(
        tuple(
            replace(
                tag,
                start=tag.start + by,
                end=tag.end + by,
                name_start=tag.name_start + by,
                name_end=tag.name_end + by,
                attributes=tuple(attribute(a) for a in tag.attributes),
            )
            for tag in scan.tags
        ),
        tuple(replace(c, start=c.start + by, end=c.end + by) for c in scan.comments),
        tuple((start + by, end + by) for start, end in scan.code),
        tuple(
            replace(
                image,
                start=image.start + by,
                end=image.end + by,
                src_start=image.src_start + by,
                src_end=image.src_end + by,
                alt_start=image.alt_start + by,
                alt_end=image.alt_end + by,
            )
            for image in scan.images
        ),
        tuple(replace(link, start=link.start + by, end=link.end + by) for link in scan.links),
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_scanning_a_range_is_scanning_the_slice(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert scan_body(text, start, end) == _shifted(scan_body(text[start:end]), start)


_ADVERSARIAL = [
    "<" * 100_000,
    "{" * 100_000,
    "}" * 100_000,
    "`" * 100_000,
    "` " * 100_000,
    "".join("`" * (n % 9 + 1) + "a" for n in range(100_000)),
    "![" * 100_000,
    "[" * 100_000,
    "<<<<a" * 100_000,
    "<a<a" * 100_000,
    "![a](" * 100_000,
    "![a](x()" * 50_000,
    '![a](b "' * 100_000,
    "![a][" * 100_000,
    "<a x={" * 100_000 + "}" * 100_000 + "!",
    "<a b='" * 100_000,
    "{`${" * 100_000,
    "<!--" * 100_000,
    "{/*" * 100_000,
    "\n" * 100_000,
    "> - 1. " * 100_000,
    "[a]: <" * 100_000,
    "```\n" * 100_000,
]


@pytest.mark.parametrize("text", _ADVERSARIAL, ids=lambda text: repr(text[:12]))
def test_adversarial_input_scans_quickly(text: str) -> None:
    started = time.process_time()
    scan_body(text)
    assert time.process_time() - started < 2


def test_adversarial_mebibyte_scans_quickly() -> None:
    parts = ["<", "{", "`", "![", "[", "<<<<", "a", " ", "\n", "]", "(", ")", '"', "}", "<a "]
    text = "".join(parts[(n * 7919) % len(parts)] for n in range(800_000))[: 1 << 20]
    started = time.process_time()
    scan_body(text)
    assert time.process_time() - started < 2


class _PlainScanner(_Scanner):
    """The scanner with its speed-ups turned off: every special found by the full pattern's
    search, and every line break matched by the CR-aware patterns."""

    def __init__(self, text: str, start: int, end: int) -> None:
        super().__init__(text, start, end)
        self.lf_only = False

    def _next_special(self, i: int, limit: int) -> int:
        found = self.special.search(self.text, i, limit)
        return -1 if found is None else found.start()


_WHOLE_PIECES = ["![a](/b.png)", "<Notice>", "\n```\n", "\r```\r", "\r\n[a]: /b.png\r\n", "\\<"]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES + _WHOLE_PIECES), max_size=60).map("".join),
    st.integers(min_value=0, max_value=20),
)
def test_fast_searches_find_what_the_plain_ones_find(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _Scanner(text, start, len(text)).scan() == _PlainScanner(text, start, len(text)).scan()


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("ab <>{}`[]!~\\\n\r\t-*#():/x.é"), max_size=60),
    st.integers(0, 10),
)
def test_a_body_with_nothing_to_find_is_not_scanned(text: str, start: int) -> None:
    start = min(start, len(text))
    assert scan_body(text, start) == _Scanner(text, start, len(text)).scan()
