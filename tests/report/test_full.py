from __future__ import annotations

import io

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Finding, Severity, Span
from klm_lint.report import ReportOptions, reporter


def render(findings: list[Finding], **options: object) -> str:
    stream = io.StringIO()
    reporter("full")(RunResult(3, findings), stream, ReportOptions(**options))  # type: ignore[arg-type]
    return stream.getvalue()


def finding(
    line: str, column: int, end_column: int, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(
        "content/posts/a.md",
        Span(4, column, 4, end_column),
        "KLM104",
        "draft-flag",
        severity,
        "a message",
        line,
    )


def marker_under(output: str, source_fragment: str) -> tuple[int, int]:
    lines = output.splitlines()
    source = next(index for index, line in enumerate(lines) if line.startswith("    4 | "))
    return lines[source + 1].index("^"), lines[source].index(source_fragment)


def test_marker_sits_under_the_span() -> None:
    output = render([finding('draft: "false"', 8, 15)])
    caret, value = marker_under(output, '"false"')
    assert caret == value
    assert "^^^^^^^" in output


def test_marker_counts_wide_characters_and_tabs() -> None:
    output = render([finding("題名:\t日本", 5, 7)])
    lines = output.splitlines()
    source = next(index for index, line in enumerate(lines) if line.startswith("    4 | "))
    assert "\t" not in lines[source]
    prefix = lines[source + 1].split("| ", 1)[1]
    assert prefix == " " * 9 + "^^^^"  # 題名 are two cells each, the tab four


def test_groups_by_file_with_footer() -> None:
    output = render([finding("x", 1, 2), finding("y", 1, 2, Severity.WARNING)])
    assert output.count("content/posts/a.md") == 1
    assert output.rstrip().endswith("Checked 3 files: 1 error, 1 warning.")


def test_quiet_drops_the_footer_and_no_findings_says_so() -> None:
    assert "Checked" not in render([finding("x", 1, 2)], summary=False)
    assert render([]) == "Checked 3 files: all checks passed.\n"


def test_colour_only_when_asked_or_on_a_terminal() -> None:
    assert "\x1b[" not in render([finding("x", 1, 2)])
    assert "\x1b[" in render([finding("x", 1, 2)], color=True)


def test_message_is_not_read_as_markup() -> None:
    odd = Finding(
        "a.md", Span(1, 1, 1, 2), "KLM104", "draft-flag", Severity.ERROR, "[bold]x[/bold]", "x"
    )
    assert "[bold]x[/bold]" in render([odd])


def test_plain_text_is_the_coloured_report_without_its_colours() -> None:
    import re

    findings = [finding('draft: "false"', 8, 15), finding("題名:\t日本", 5, 7, Severity.WARNING)]
    coloured = render(findings, color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(findings)
