"""The rule book drives these tests: each page's failing example raises exactly its rule, and
its fixed version raises nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.checks import ALL_RULES, RULES_BY_CODE
from klm_lint.checks.rulebook import Block, RulePage, all_pages
from tests.conftest import SiteBuilder

if TYPE_CHECKING:
    from klm_lint.findings import Finding

PAGES = {page.code: page for page in all_pages()}
REQUIRED_SECTIONS = ("What it checks", "Why it matters", "Example", "Fix", "Automatic fix")
NOT_REPRODUCIBLE = {
    "KLM000": "an internal error is a bug in klm-lint; tests/engine/test_run.py forces one",
    "KLM006": "an unreadable file cannot be committed; tests/site/test_discover.py makes one",
}


def test_every_rule_has_a_page_and_every_page_a_rule() -> None:
    assert sorted(PAGES) == sorted(rule.code for rule in ALL_RULES)


@pytest.mark.parametrize("code", sorted(PAGES))
def test_page_matches_the_registry(code: str) -> None:
    page, rule = PAGES[code], RULES_BY_CODE[code]
    assert (page.name, page.severity, page.summary) == (
        rule.name,
        rule.severity.value,
        rule.summary,
    )
    assert page.fix == (rule.fix.value if rule.fix else "none")
    for section in REQUIRED_SECTIONS:
        assert page.section(section).strip(), f"{code} lacks section {section!r}"
    automatic = page.section("Automatic fix")
    assert automatic.startswith({"safe": "Safe", "unsafe": "Unsafe", "none": "None"}[page.fix])


def write_blocks(site: SiteBuilder, blocks: list[Block]) -> list[str]:
    """Write each block to its path (default: a post); returns the content files written."""
    written = []
    for block in blocks:
        path = block.attributes.get("path", "content/posts/example.md")
        encoding = block.attributes.get("encoding", "utf-8")
        site.write(path, block.content.encode(encoding))
        if Path(path).suffix in (".md", ".mdx", ".markdown"):
            written.append(path)
    return written


def examples(page: RulePage, section: str) -> list[Block]:
    return [block for block in page.blocks(section) if block.language != "text"]


@pytest.mark.parametrize("code", sorted(set(PAGES) - set(NOT_REPRODUCIBLE)))
def test_example_raises_exactly_its_rule(code: str, tmp_path: Path) -> None:
    page = PAGES[code]
    site = SiteBuilder(tmp_path)
    written = write_blocks(site, examples(page, "Example"))
    assert written, f"{code}'s Example section has no content file"
    findings = site.lint(*written)
    assert findings, f"{code}'s example raises nothing"
    assert {finding.code for finding in findings} == {code}, [
        f"{f.code} {f.message}" for f in findings
    ]


@pytest.mark.parametrize("code", sorted(set(PAGES) - set(NOT_REPRODUCIBLE)))
def test_fixed_example_raises_nothing(code: str, tmp_path: Path) -> None:
    page = PAGES[code]
    site = SiteBuilder(tmp_path)
    written = write_blocks(site, examples(page, "Fix"))
    assert written, f"{code}'s Fix section has no content file"
    assert [f"{f.code} {f.message}" for f in site.lint(*written)] == []


@pytest.mark.parametrize("code", sorted(NOT_REPRODUCIBLE))
def test_pages_without_examples_say_why(code: str) -> None:
    assert not examples(PAGES[code], "Example")
    assert PAGES[code].section("Example").strip()


def condensed(findings: list[Finding]) -> str:
    """The full report without source lines, as the pages quote it."""
    lines: list[str] = []
    current = ""
    for finding in findings:
        if finding.path != current:
            current = finding.path
            lines.append(finding.path)
        span = finding.span
        lines.append(
            f"  {span.line}:{span.column}  {finding.severity.value}  {finding.code} {finding.rule}"
        )
        lines.append(f"    {finding.message}")
    return "\n".join(lines)


@pytest.mark.parametrize("code", sorted(set(PAGES) - set(NOT_REPRODUCIBLE)))
def test_quoted_output_is_what_the_linter_says(code: str, tmp_path: Path) -> None:
    page = PAGES[code]
    quoted = [b.content.strip() for b in page.blocks("Example") if b.language == "text"]
    if not quoted:
        return
    site = SiteBuilder(tmp_path)
    written = write_blocks(site, examples(page, "Example"))
    assert quoted == [condensed(site.lint(*written))]
