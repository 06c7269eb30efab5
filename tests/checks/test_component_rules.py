"""KLM302 component-props and KLM303 unknown-component."""

from __future__ import annotations

import pytest

from tests.conftest import BODY_LINE, GOOD_POST, SiteBuilder, only


@pytest.mark.parametrize(
    "body",
    [
        '<Blockquote name="A parent">Text</Blockquote>\n',
        '<Notice type="note">A</Notice><Notice type="tip">B</Notice>\n',
        '<Notice type="info">A</Notice><Notice type="warning">B</Notice>\n',
        '<Tabs>\n<Tab name="One">1</Tab>\n</Tabs>\n',
        '<Accordion title="Where?">Here</Accordion>\n',
        '<Youtube id="dQw4w9WgXcQ" title="The drive" />\n',
        '<Video src="/images/post.jpg" />\n',
        '<Button href="/donate" label="Give" />\n',
        '<Code language="html">{`<p>hi</p>`}</Code>\n',
        "<Notice type={kind}>A</Notice>\n",
        "<Notice {...props}>A</Notice>\n",
        "<Accordion title>Bare props count as present</Accordion>\n",
        '```mdx\n<Notice type="warn">\n```\n',
        '`<Youtube id="x" />` is how to embed a video.\n',
        "<!-- <Button /> -->\n",
        '{/* <Notice type="danger"> */}\n',
    ],
)
def test_props_that_pass(site: SiteBuilder, body: str) -> None:
    assert site.body_findings(body) == []


def test_value_outside_the_set_points_at_the_value(site: SiteBuilder) -> None:
    site.post(GOOD_POST + 'Intro.\n<Notice type="warn">\nText.\n</Notice>\n')
    finding = only(site.lint(), "KLM302")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE + 1,
        14,
        20,
    )
    assert finding.message == (
        '<Notice type> is "warn", which the theme does not know; the theme cannot style the '
        'notice, so it shows without its colour and icon. Did you mean "warning"? Use one of '
        '"note", "tip", "info" or "warning".'
    )


def test_values_are_case_sensitive(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Notice type='Warning'>A</Notice>\n")
    assert 'Did you mean "warning"?' in only(site.lint(), "KLM302").message


def test_missing_prop_points_at_the_tag_name(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '  <Youtube id="abc" />\n')
    finding = only(site.lint(), "KLM302")
    assert (finding.span.column, finding.span.end_column) == (3, 11)
    assert finding.message == (
        '<Youtube> has no title; screen readers cannot say what the video is. Add title="…" to '
        "the tag."
    )


def test_missing_prop_with_allowed_values_lists_them(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Notice>A</Notice>\n")
    assert only(site.lint(), "KLM302").message.endswith(
        'Add type="…" with one of "note", "tip", "info" or "warning" to the tag.'
    )


def test_each_missing_prop_is_reported(site: SiteBuilder) -> None:
    assert site.body_findings("<Youtube />\n") == [
        ("KLM302", BODY_LINE, 1),
        ("KLM302", BODY_LINE, 1),
    ]


def test_empty_required_value(site: SiteBuilder) -> None:
    site.post(GOOD_POST + '<Button href="" />\n')
    finding = only(site.lint(), "KLM302")
    assert finding.message == "<Button href> is empty; the button leads nowhere. Fill it in."
    assert (finding.span.column, finding.span.end_column) == (14, 16)


def test_bare_prop_with_allowed_values(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Notice type>A</Notice>\n")
    assert only(site.lint(), "KLM302").message.startswith("<Notice type> has no value;")


def test_config_replaces_a_components_rules(site: SiteBuilder) -> None:
    site.config(
        '[components.Notice]\nrequired = ["type"]\n'
        'values = { type = ["note", "tip", "info", "warning", "danger"] }\n'
        '[components.Gallery]\nrequired = ["images"]\n'
    )
    site.post(GOOD_POST + '<Notice type="danger">A</Notice>\n<Gallery />\n')
    finding = only(site.lint(), "KLM302")
    assert finding.message.startswith("<Gallery> has no images; the Gallery does not render")


def test_an_unfinished_tag_is_left_to_klm301(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Youtube\nText that never closes the tag.\n")
    assert site.codes() == ["KLM301"]


def test_closing_tags_are_not_checked(site: SiteBuilder) -> None:
    assert site.body_findings('<Tab name="a">\nText\n</Tab>\n') == []


def test_unknown_component_suggests_the_closest_name(site: SiteBuilder) -> None:
    site.post(GOOD_POST + 'Text <Blockqoute name="x">\nQuote\n</Blockqoute>\n')
    finding = only(site.lint(), "KLM303")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (
        BODY_LINE,
        6,
        17,
    )
    assert finding.message == (
        "<Blockqoute> is not a component the site knows; MDX cannot render it, so the page and "
        "the whole build fail. Did you mean <Blockquote>?"
    )


def test_unknown_component_differing_in_case(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<YouTube id='a' title='b' />\n")
    assert only(site.lint(), "KLM303").message.endswith("Did you mean <Youtube>?")


def test_unknown_component_without_a_close_name(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Target />\n")
    assert only(site.lint(), "KLM303").message.endswith(
        "Import it at the top of the file, add it to components in the config if the theme "
        "provides it, or remove the tag."
    )


@pytest.mark.parametrize(
    "body",
    [
        '```mdx\n<Gallery images="a" />\n```\n',
        "~~~\n<Gallery />\n~~~\n",
        "Write `<Gallery />` to show a gallery.\n",
        "<!-- <Gallery /> -->\n",
        "{/* <Gallery /> */}\n",
        "{show && <Gallery />}\n",
        "<div><span>lower-case tags are HTML</span></div>\n",
        "An e-mail <Jane@example.org> and a link <https://example.org>.\n",
        "\\<Gallery /> escaped.\n",
    ],
)
def test_tags_that_are_not_components(site: SiteBuilder, body: str) -> None:
    assert site.body_findings(body) == []


@pytest.mark.parametrize(
    ("imports", "tag"),
    [
        ('import Gallery from "../components/Gallery"', "<Gallery />"),
        ('import { Chart, Map as World } from "@/components"', "<World />"),
        ('import {\n  Chart,\n  Gallery,\n} from "@/components"', "<Gallery />"),
        ('import * as Icons from "@/icons"', "<Icons.Heart />"),
        ('import Default, { Gallery } from "x"', "<Gallery />"),
        ("export const Gallery = (props) => <div {...props} />", "<Gallery />"),
        ("export function Gallery() { return null }", "<Gallery />"),
    ],
)
def test_imported_components_are_known(site: SiteBuilder, imports: str, tag: str) -> None:
    assert site.body_findings(f"{imports}\n\n{tag}\n", name="post.mdx") == []


def test_imports_in_code_do_not_count(site: SiteBuilder) -> None:
    body = '```js\nimport Gallery from "x"\n```\n\n<Gallery />\n'
    assert site.body_findings(body) == [("KLM303", BODY_LINE + 4, 1)]


def test_an_import_does_not_make_other_names_known(site: SiteBuilder) -> None:
    body = 'import { Chart } from "x"\n\n<Chart /> <Charts />\n'
    assert site.body_findings(body, name="post.mdx") == [("KLM303", BODY_LINE + 2, 11)]


def test_configured_components_are_known(site: SiteBuilder) -> None:
    site.config('components = ["Gallery"]\n')
    assert site.body_findings("<Gallery />\n") == []


def test_plain_markdown_mode_leaves_md_files_alone(site: SiteBuilder) -> None:
    site.config("mdx = false\n")
    body = 'Aim for the <Target> in prose.\n\n<Notice type="warn">x</Notice>\n'
    site.post(GOOD_POST + body, name="plain.md")
    site.post(GOOD_POST.replace("Community engagement.", "In MDX") + body, name="compiled.mdx")
    found = [(f.path, f.code) for f in site.lint()]
    assert found == [
        ("content/posts/compiled.mdx", "KLM303"),
        ("content/posts/compiled.mdx", "KLM302"),
    ]


def test_mdx_mode_is_the_default_for_md_files(site: SiteBuilder) -> None:
    assert site.body_findings("Aim for the <Target> in prose.\n") == [("KLM303", BODY_LINE, 13)]


def test_files_outside_the_site_are_not_checked(site: SiteBuilder) -> None:
    site.write("README.md", '# Readme\n\n<Target /> and <Notice type="warn" />\n')
    assert site.codes("README.md") == []
