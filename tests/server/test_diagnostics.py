"""Findings as diagnostics, with a link to their rule's page; a config error placed on the
config file where it can be."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from klm_lint.checks import ALL_RULES
from klm_lint.findings import Finding, Severity, Span
from klm_lint.server.diagnostics import config_diagnostic, diagnostic, rule_page
from klm_lint.server.positions import TextLines


def test_every_rule_links_to_its_page() -> None:
    for rule in ALL_RULES:
        page = Path(rule_page(rule.code).removeprefix("file://"))
        assert page.read_text(encoding="utf-8").startswith("---\n"), rule.code
        assert f"code: {rule.code}" in page.read_text(encoding="utf-8")


def test_a_finding_as_a_diagnostic() -> None:
    finding = Finding(
        "x.md", Span(1, 3, 1, 5), "KLM900", "unused-suppression", Severity.WARNING, "m"
    )
    shown = diagnostic(finding, TextLines("ab😀d\n"))
    assert shown.range == types.Range(types.Position(0, 2), types.Position(0, 5))
    assert shown.severity == types.DiagnosticSeverity.Warning
    assert (shown.code, shown.source, shown.message) == ("KLM900", "klm-lint", "m")
    assert shown.tags == [types.DiagnosticTag.Unnecessary], "shown faded: it silences nothing"


CONFIG = (
    'content = ["content"]\n\n[collections.posts]\nfields = { banner = "picture" }\n'
    "unknown-option = 1\n"
)


@pytest.mark.parametrize(
    ("message", "line", "start", "end"),
    [
        ("the config file is not valid TOML (Invalid value (at line 1, column 12))", 0, 11, 21),
        ("the config file is not valid TOML (Invalid value (at line 2, column 1))", 1, 0, 0),
        ("the config file is not valid TOML (Expected ']' (at end of document))", 5, 0, 0),
        ("unknown option 'unknown-option'", 4, 0, 18),
        ("unknown option 'collections.posts.nope'", 2, 0, 19),
        ("collections.posts.fields.banner: Input should be 'string' or 'boolean'", 3, 0, 31),
        ("authors: data/authors.yml does not exist", 0, 0, 21),
    ],
)
def test_a_config_error_on_the_config_file(message: str, line: int, start: int, end: int) -> None:
    shown = config_diagnostic(message, TextLines(CONFIG))
    assert shown.range == types.Range(types.Position(line, start), types.Position(line, end))
    assert (shown.message, shown.severity) == (message, types.DiagnosticSeverity.Error)
