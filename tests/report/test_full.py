from __future__ import annotations

import dataclasses
import io

import pytest

from klm_lint.engine.result import Result as RunResult
from klm_lint.findings import Finding, Severity, Span
from klm_lint.report import ReportOptions, reporter
from klm_lint.report.full import shorten_path


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


# Laid out for a terminal's width


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


LONG_LINE = "題名\t😀 " + "word " * 30 + 'draft: "false" and ![](/x.png) ' + "tail " * 20
MESSAGE = "a long message " * 12 + "that ends here."


def on_one_line(fragment: str, length: int, code: str, severity: Severity) -> Finding:
    column = LONG_LINE.index(fragment) + 1
    return Finding(
        "content/posts/a.md",
        Span(4, column, 4, column + length),
        code,
        "draft-flag",
        severity,
        MESSAGE,
        LONG_LINE,
    )


def marked(output: str) -> list[tuple[str, str]]:
    """For each marker row: the text its carets sit under, and the label after them."""
    lines = output.splitlines()
    found = []
    for index, line in enumerate(lines):
        if "^" in line and line.lstrip().startswith("|"):
            source = next(lines[i] for i in range(index, -1, -1) if lines[i].startswith("    4 |"))
            start = line.index("^")
            length = line.count("^")
            # Cells, not characters: the source line holds wide characters.
            prefix_cells = cells(line[:start])
            shown, used = "", 0
            for char in source:
                if used >= prefix_cells + length:
                    break
                if used >= prefix_cells:
                    shown += char
                used += cells(char)
            label = line[start + length :].strip() or line[:start].split("|", 1)[1].strip()
            found.append((shown, label))
    return found


@pytest.mark.parametrize("width", [40, 80, 200])
def test_on_a_terminal_lines_fit_and_markers_sit_under_their_text(width: int) -> None:
    findings = [
        on_one_line("😀", 1, "KLM101", Severity.ERROR),
        on_one_line('"false"', 7, "KLM104", Severity.ERROR),
        on_one_line("![](/x.png)", 11, "KLM205", Severity.WARNING),
    ]
    stream = io.StringIO()
    reporter("full")(RunResult(3, findings), stream, ReportOptions(width=width))
    output = stream.getvalue()
    assert all(cells(line) <= width for line in output.splitlines()), output
    markers = dict(marked(output))
    assert sorted(markers) == sorted(['"false"', "![](/x.png)", "😀"]), output
    assert markers['"false"'] == "KLM104" and markers["![](/x.png)"] == "KLM205"
    # One quotation holds all three where the line fits; else the first is quoted alone.
    assert markers["😀"] == ("KLM101" if width == 200 else "")
    message = [line for line in output.splitlines() if line.startswith("    a long")]
    assert message, "the message wraps under its finding, indented"


def test_a_terminal_s_width_is_used_and_columns_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = Terminal()
    reporter("full")(
        RunResult(3, [on_one_line('"false"', 7, "KLM104", Severity.ERROR)]),
        stream,
        ReportOptions(color=False),
    )
    lines = stream.getvalue().splitlines()
    assert max(cells(line) for line in lines) <= 50
    assert any(line.startswith("    4 | …") for line in lines)


def test_off_a_terminal_nothing_wraps_whatever_columns_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    findings = [on_one_line('"false"', 7, "KLM104", Severity.ERROR)]
    output = render(findings)
    assert f"    {MESSAGE}" in output
    assert f"    4 | {LONG_LINE.replace(chr(9), '    ')}" in output
    monkeypatch.delenv("COLUMNS")
    assert render(findings) == output


def test_forced_colour_off_a_terminal_takes_its_width_from_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    findings = [on_one_line('"false"', 7, "KLM104", Severity.ERROR)]
    monkeypatch.delenv("COLUMNS", raising=False)
    assert f"    {MESSAGE}" in re.sub(r"\x1b\[[0-9;]*m", "", render(findings, color=True))
    monkeypatch.setenv("COLUMNS", "60")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", render(findings, color=True))
    assert max(cells(line) for line in plain.splitlines()) <= 60


@pytest.mark.parametrize(
    ("environment", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
def test_no_color_and_force_color(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], coloured: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert ("\x1b[" in render([finding("x", 1, 2)])) is coloured


def test_no_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    stream = Terminal()
    reporter("full")(RunResult(3, [finding("x", 1, 2)]), stream, ReportOptions())
    assert "\x1b[" not in stream.getvalue()
    assert "  4:1  error  KLM104 draft-flag" in stream.getvalue()


# One quotation for the findings on one line


def test_findings_on_one_line_share_its_quotation() -> None:
    line = 'draft: "false"  # note'
    findings = [finding(line, 1, 6), finding(line, 8, 15, Severity.WARNING)]
    output = render(findings)
    assert output.count('    4 | draft: "false"  # note') == 1
    assert output.splitlines()[1:9] == [
        "  4:1  error  KLM104 draft-flag",
        "    a message",
        "  4:8  warning  KLM104 draft-flag",
        "    a message",
        "      |",
        '    4 | draft: "false"  # note',
        "      | ^^^^^ KLM104",
        "      |        ^^^^^^^ KLM104",
    ]


def test_the_same_span_twice_is_marked_once() -> None:
    findings = [finding("---", 1, 4), finding("---", 1, 4)]
    output = render(findings)
    assert output.count("^^^") == 1
    assert "      | ^^^ KLM104\n" in output


def test_a_lone_finding_is_marked_without_a_label() -> None:
    output = render([finding('draft: "false"', 8, 15)])
    assert "      |        ^^^^^^^\n" in output


# --statistics paths


@pytest.mark.parametrize(
    ("room", "shortened"),
    [
        (60, "content/posts/archive/2023/spring/the-spring-fundraiser.md"),
        (46, "content/…/2023/spring/the-spring-fundraiser.md"),
        (35, "content/…/the-spring-fundraiser.md"),
        (28, "…/the-spring-fundraiser.md"),
        (16, "the-spri…iser.md"),
    ],
)
def test_statistics_paths_are_shortened_in_the_middle(room: int, shortened: str) -> None:
    path = "content/posts/archive/2023/spring/the-spring-fundraiser.md"
    assert shorten_path(path, room) == shortened
    assert cells(shortened) <= room


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (60, "…/the-spring-fundraiser.md"),
        (80, "content/…/2023/spring/the-spring-fundraiser.md"),
        (200, "content/posts/a-very-long-folder-name/2023/spring/the-spring-fundraiser.md"),
    ],
)
def test_statistics_tables_keep_paths_whole_or_shortened_never_cut(
    monkeypatch: pytest.MonkeyPatch, width: int, shown: str
) -> None:
    from klm_lint.engine.overview import Overview, PostState

    monkeypatch.setenv("COLUMNS", str(width))
    path = "content/posts/a-very-long-folder-name/2023/spring/the-spring-fundraiser.md"
    draft = PostState(path, "A rather long title for the spring fundraiser", "Abdullah", "", "")
    result = dataclasses.replace(
        RunResult(3, []), overview=Overview(folders=(), authors=(), drafts=(draft,), scheduled=())
    )
    stream = io.StringIO()
    reporter("full")(result, stream, ReportOptions(statistics=True))
    output = stream.getvalue()
    assert f"\n{shown}  " in output
    assert max(cells(line) for line in output.splitlines()) <= width
