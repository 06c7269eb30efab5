from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.checks.frontmatter import duplicate_key, yaml_portability
from klm_lint.findings import Severity
from klm_lint.load.document import Document, load_text
from tests.conftest import GOOD_POST, SiteBuilder, only

if TYPE_CHECKING:
    from klm_lint.checks.rule import Rule
    from klm_lint.findings import Finding


def test_duplicate_key_points_at_second(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false\n", "draft: false\ntitle: Again\n"))
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (9, 1, 6)
    assert "first on line 2" in finding.message


def test_duplicate_nested_key(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("  name: Abdullah Al Shifat\n", "  name: A\n  name: B\n"))
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (6, 3)


def test_same_key_in_different_mappings_is_fine(site: SiteBuilder) -> None:
    site.write(
        "content/about.md",
        "---\ntitle: About\nteam:\n  - name: A\n  - name: B\nname: top\n---\n",
    )
    assert site.lint() == []


def test_duplicate_key_in_toml(site: SiteBuilder) -> None:
    site.post(
        '+++\ntitle = "A"\ndate = 2022-04-04\ndraft = false\ntitle = "B"\n\n'
        '[author]\nname = "X"\n+++\n'
    )
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (5, 1)


def test_duplicate_key_in_json(site: SiteBuilder) -> None:
    site.post(
        '---json\n{"title": "A", "date": "2022-04-04", "draft": false,\n'
        ' "author": {"name": "X"}, "title": "B"}\n---\n'
    )
    finding = only(site.lint(), "KLM004")
    assert (finding.span.line, finding.span.column) == (3, 27)


def _findings(text: str, dialect: str, rule: Rule) -> list[Finding]:
    loaded = load_text(
        ("---\n" + text + "---\n").encode(),
        Path("post.md"),
        "post.md",
        "content/posts/post.md",
        10**6,
        yaml_dialect=dialect,  # type: ignore[arg-type]
    )
    assert isinstance(loaded, Document)
    assert rule.check is not None
    return list(rule.check(loaded, None))  # type: ignore[arg-type]


def test_keys_written_differently_are_one_key_to_js_yaml(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false\n", "draft: false\ntrue: a\nTrue: b\n"))
    finding = only([f for f in site.lint() if f.code != "KLM105"], "KLM004")
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith(
        "True is the same key as true on line 9 to the site's YAML reader, which reads both as "
        'the name "true"; the site\'s YAML reader rejects repeated keys and the build fails.'
    )


@pytest.mark.parametrize(
    ("keys", "js", "ruby"),
    [
        ("null: 1\n~: 2\n", True, True),
        ("1: a\n0x1: b\n", True, True),
        ("1: a\n'1': b\n", True, False),
        ("1.0: a\n1: b\n", True, False),
        ("yes: a\non: b\n", False, True),
        (".inf: a\n.Inf: b\n", True, True),
        ("Title: a\ntitle: b\n", False, False),
    ],
)
def test_which_keys_are_one_key(keys: str, js: bool, ruby: bool) -> None:
    assert bool(_findings(keys, "js-yaml-3", duplicate_key)) is js
    assert bool(_findings(keys, "js-yaml-4", duplicate_key)) is js
    assert bool(_findings(keys, "psych", duplicate_key)) is ruby
    safe_yaml = ruby and not keys.startswith("null")  # SafeYAML loses null keys
    assert bool(_findings(keys, "safe-yaml", duplicate_key)) is safe_yaml


def test_a_repeated_key_is_a_warning_for_jekyll() -> None:
    (finding,) = _findings("title: a\ntitle: b\n", "safe-yaml", duplicate_key)
    assert finding.severity is Severity.WARNING
    assert "Jekyll keeps only the last one and ignores the first" in finding.message
    assert finding.fix is not None
    (fatal,) = _findings("title: a\ntitle: b\n", "go-yaml", duplicate_key)
    assert fatal.severity is Severity.ERROR


def test_portability_warning_for_what_other_readers_refuse() -> None:
    (finding,) = _findings("title: a\n\t\ndraft: false\n", "js-yaml-3", yaml_portability)
    assert (finding.span.line, finding.span.column, finding.severity) == (3, 1, Severity.WARNING)
    assert "libyaml (Jekyll, Zola, PyYAML) cannot" in finding.message
    (tagged,) = _findings("draft: !!bool yes\n", "safe-yaml", yaml_portability)
    assert "js-yaml (Next.js, Docusaurus, Astro, Eleventy) and Zola's serde_yaml cannot" in (
        tagged.message
    )
    assert _findings("title: a\ndraft: false\n", "js-yaml-3", yaml_portability) == []
