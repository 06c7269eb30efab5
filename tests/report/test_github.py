from __future__ import annotations

import io
import re

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Applicability, Edit, Finding, Fix, Severity, Span
from klm_lint.report import ReportOptions, reporter
from klm_lint.report.github import annotation, escape_data, escape_property
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

DRAFT_SPAN = Span(8, 8, 8, 15)
COMMAND = re.compile(r"^::(?P<command>[a-z]+) (?P<properties>[^:]*)::(?P<message>.*)$")


def finding(
    path: str = "content/posts/a.md",
    span: Span = DRAFT_SPAN,
    message: str = "draft is the string",
    severity: Severity = Severity.ERROR,
    fix: Fix | None = None,
) -> Finding:
    return Finding(path, span, "KLM104", "draft-flag", severity, message, "", fix)


def unescape(text: str) -> str:
    """GitHub's runner reverses the escaping in this order; %25 last."""
    for escaped, character in (
        ("%0D", "\r"),
        ("%0A", "\n"),
        ("%3A", ":"),
        ("%2C", ","),
        ("%25", "%"),
    ):
        text = text.replace(escaped, character)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    pairs = [pair.split("=", 1) for pair in match["properties"].split(",")]
    return match["command"], {key: unescape(value) for key, value in pairs}, match["message"]


def test_escaping_follows_githubs_toolkit() -> None:
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d"
    assert escape_data("%0A") == "%250A"


def test_fields_in_order_and_escaped() -> None:
    line = annotation(
        finding(path="content/posts/50%, a: b.md", message='100% "false"\r\nnext: line, here')
    )
    command, properties, message = parse(line)
    assert command == "error"
    assert list(properties) == ["file", "line", "col", "endLine", "endColumn", "title"]
    assert properties == {
        "file": "content/posts/50%, a: b.md",
        "line": "8",
        "col": "8",
        "endLine": "8",
        "endColumn": "15",
        "title": "KLM104 draft-flag",
    }
    assert "file=content/posts/50%25%2C a%3A b.md," in line
    assert message == '100%25 "false"%0D%0Anext: line, here'
    assert "\n" not in line and "\r" not in line


def test_warning_and_multi_line_span_without_columns() -> None:
    line = annotation(finding(span=Span(3, 2, 5, 1), severity=Severity.WARNING))
    command, properties, _ = parse(line)
    assert command == "warning"
    assert properties == {
        "file": "content/posts/a.md",
        "line": "3",
        "endLine": "5",
        "title": "KLM104 draft-flag",
    }


def test_a_fix_is_named_in_the_message() -> None:
    edit = Edit(10, 17, "false", Span(8, 8, 8, 15))
    safe = Fix(Applicability.SAFE, "Write draft: false", (edit,))
    unsafe = Fix(Applicability.UNSAFE, "Insert draft: true", (edit,))
    assert parse(annotation(finding(fix=safe)))[2] == (
        "draft is the string%0Aklm-lint --fix fixes this: Write draft: false"
    )
    assert parse(annotation(finding(fix=unsafe)))[2].endswith(
        "%0Aklm-lint --fix --unsafe-fixes fixes this: Insert draft: true"
    )


def test_report_is_one_command_per_finding_and_nothing_else() -> None:
    stream = io.StringIO()
    findings = [finding(), finding(severity=Severity.WARNING)]
    reporter("github")(RunResult(2, findings), stream, ReportOptions())
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning"]
    stream = io.StringIO()
    reporter("github")(RunResult(5, []), stream, ReportOptions())
    assert stream.getvalue() == ""


def test_cli_github_format(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", 'draft: "false"'))
    result = klm_lint("--format", "github", cwd=site.root)
    assert result.returncode == 1
    command, properties, message = parse(result.stdout.strip())
    assert (command, properties["file"], properties["line"], properties["col"]) == (
        "error",
        "content/posts/post.md",
        "8",
        "8",
    )
    assert unescape(message).startswith('draft is the string "false"')
