from __future__ import annotations

import pytest

from tests.conftest import BODY_LINE, GOOD_POST, SiteBuilder, only


@pytest.mark.parametrize(
    "body",
    [
        '<Blockquote name="Kids Lives Matter">\nBy actively engaging...\n</Blockquote>\n',
        '<Notice type="info">A</Notice> and <Youtube id="x" title="y"/>\n',
        '<Video src="https://cdn.example.org/v.mp4" />\n',
        '<Tabs>\n  <Tab name="a">\n    One\n  </Tab>\n  <Tab name="b">Two</Tab>\n</Tabs>\n',
        '<Accordion\n  title="Where?"\n  open\n>\nText\n</Accordion>\n',
        '<Code language="html">{`<ul>\n  <li>A <Notice> in a literal</li>\n</ul>`}</Code>\n',
        '```mdx\n<Notice type="warning">\n```\n',
        "~~~\n<Blockquote>\n~~~\n",
        "   ```\n<Tabs>\n   ```\n",
        "> ```\n> <Tabs>\n> ```\n",
        "- item\n  ```\n  <Tabs>\n  ```\n",
        'Write `<Notice type="tip">` to open a notice.\n',
        "Two backticks: `` <Tabs> ` `` still code.\n",
        '<!-- <Accordion title="hidden"> -->\n',
        "{/* <Tabs> */}\n",
        '{props.open && <Tab name="x">}\n',
        "<Button href={`/donate?a=${'<Tabs>'}`} />\n",
        "Escaped \\<Tabs> is text.\n",
        '<div><img src="/images/post.jpg" alt="A classroom"></div>\n',
        '<Blockquote name="a"><Blockquote name="b">x</Blockquote></Blockquote>\n',
        '---\n\n<Notice type="info">\nAfter a rule.\n</Notice>\n',
    ],
)
def test_balanced_bodies_pass(site: SiteBuilder, body: str) -> None:
    assert site.body_findings(body) == []


def test_unclosed_component_points_at_the_opening_tag(site: SiteBuilder) -> None:
    site.post(GOOD_POST + 'Text\n\n<Notice type="info">\nDonations are matched.\n')
    finding = only(site.lint(), "KLM301")
    assert (finding.span.line, finding.span.column) == (BODY_LINE + 2, 1)
    assert (finding.span.end_line, finding.span.end_column) == (BODY_LINE + 2, 21)
    assert "<Notice> is opened here and never closed" in finding.message


def test_stray_closing_tag(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "Text\n</Tabs>\n")
    finding = only(site.lint(), "KLM301")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE + 1,
        1,
        8,
    )
    assert "</Tabs> closes a Tabs that is not open" in finding.message


def test_closed_out_of_order(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '<Tabs>\n<Tab name="a">\n</Tabs>\n</Tab>\n')
    findings = site.lint()
    assert [(f.code, f.span.line) for f in findings] == [
        ("KLM301", BODY_LINE + 1),
        ("KLM301", BODY_LINE + 3),
    ]
    assert f"still open when </Tabs> on line {BODY_LINE + 2}" in findings[0].message
    assert "</Tab> closes a Tab that is not open" in findings[1].message


def test_multi_line_opening_tag_span(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '<Accordion\n  title="x"\n>\nText\n')
    finding = only(site.lint(), "KLM301")
    assert (finding.span.line, finding.span.end_line) == (BODY_LINE, BODY_LINE + 2)


def test_unfinished_tag(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '<Notice type="info"\nDonations are matched.\n</Notice>\n')
    finding = only(site.lint(), "KLM301")
    assert "is never finished with >" in finding.message
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (BODY_LINE, 1, 8)


def test_unclosed_fence_hides_the_rest(site: SiteBuilder) -> None:
    assert site.body_findings("```\n<Tabs>\n") == []


def test_crlf_body(site: SiteBuilder) -> None:
    site.post((GOOD_POST + "x\n<Tabs>\n").replace("\n", "\r\n"))
    finding = only(site.lint(), "KLM301")
    assert finding.span.line == BODY_LINE + 1


def test_mdx_file(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "{/* a comment */}\n<Tabs>\n", name="post.mdx")
    only(site.lint(), "KLM301")


def test_unknown_names_are_not_this_rules_business(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Gallery>\n")
    assert site.codes() == ["KLM303"]


def test_configured_component(site: SiteBuilder) -> None:
    site.config("[components.Gallery]\n")
    site.post(GOOD_POST + "<Gallery>\n")
    only(site.lint(), "KLM301")


def test_components_in_pages_too(site: SiteBuilder) -> None:
    site.write("content/elements.md", "---\ntitle: Elements\n---\n<Tabs>\n")
    only(site.lint(), "KLM301")
