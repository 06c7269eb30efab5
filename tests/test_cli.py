from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

import pytest

from klm_lint.version import __version__
from tests.conftest import GOOD_POST, SiteBuilder

BAD_POST = GOOD_POST.replace("draft: false", 'draft: "false"')


def klm_lint(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "klm_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=60,
    )


def test_clean_site_exits_0(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("content", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Checked 1 file: all checks passed." in result.stdout


def test_default_paths_are_the_content_folders(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 1
    assert "content/posts/post.md" in result.stdout


def test_errors_exit_1_and_full_report_shows_source(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("content", cwd=site.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "content/posts/post.md"
    assert "8:8  error  KLM104 draft-flag" in lines[1]
    assert '8 | draft: "false"' in result.stdout
    marker = next(line for line in lines if line.strip().endswith("^^^^^^^"))
    source = next(line for line in lines if 'draft: "false"' in line)
    assert marker.index("^") == source.index('"false"')
    assert "Checked 1 file: 1 error, 0 warnings." in result.stdout


def test_warnings_alone_exit_0_unless_strict(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: false\nsubtitle: x"))
    assert klm_lint("content", cwd=site.root).returncode == 0
    assert klm_lint("content", "--strict", cwd=site.root).returncode == 1


def test_exit_zero(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    assert klm_lint("content", "--exit-zero", cwd=site.root).returncode == 0


def test_concise_format(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("content", "--format", "concise", "--no-summary", cwd=site.root)
    assert result.stdout.splitlines() == [
        'content/posts/post.md:8:8: KLM104 [fix] draft is the string "false"; the site treats any '
        "non-empty text as true, so this post will not be published. Use draft: false."
    ]


def test_json_format_is_one_document(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    site.post(GOOD_POST.replace("title: Community engagement.\n", ""), name="other.md")
    result = klm_lint("--format", "json", cwd=site.root)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == __version__
    assert document["files"] == 2
    assert document["summary"] == {
        "errors": 2,
        "warnings": 0,
        "fixed": 0,
        "baselined": 0,
        "baseline_stale": 0,
        "unmatched_files": 0,
        "empty_collections": [],
    }
    assert [(f["path"], f["code"], f["line"], f["column"]) for f in document["findings"]] == [
        ("content/posts/other.md", "KLM101", 1, 1),
        ("content/posts/post.md", "KLM104", 8, 8),
    ]
    first = document["findings"][1]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "fix",
    }
    assert (first["end_line"], first["end_column"], first["rule"], first["severity"]) == (
        8,
        15,
        "draft-flag",
        "error",
    )
    assert first["fix"] == {
        "applicability": "safe",
        "description": "Write draft: false",
        "edits": [{"line": 8, "column": 8, "end_line": 8, "end_column": 15, "content": "false"}],
    }
    assert document["findings"][0]["fix"] is None


def test_json_paths_are_relative_to_working_directory(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("--format", "json", str(site.root / "content"), cwd=site.root / "content")
    assert json.loads(result.stdout)["findings"][0]["path"] == "posts/post.md"


def test_select_and_ignore(site: SiteBuilder) -> None:
    site.post(BAD_POST.replace("title: Community engagement.\n", ""))
    codes = lambda *args: [  # noqa: E731
        f["code"]
        for f in json.loads(klm_lint("-f", "json", *args, cwd=site.root).stdout)["findings"]
    ]
    assert codes() == ["KLM101", "KLM104"]
    assert codes("--select", "KLM104") == ["KLM104"]
    assert codes("--select", "draft-flag,required-field") == ["KLM101", "KLM104"]
    assert codes("--ignore", "KLM1") == []
    assert codes("--ignore", "draft-flag") == ["KLM101"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_is_a_usage_error(site: SiteBuilder, option: str) -> None:
    site.post(GOOD_POST)
    result = klm_lint(option, "KLM999", cwd=site.root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "unknown rule 'KLM999'" in result.stderr


def test_unknown_option_is_one_line_exit_2(site: SiteBuilder) -> None:
    result = klm_lint("--frobnicate", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_path_is_exit_2(site: SiteBuilder) -> None:
    result = klm_lint("nowhere", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == "klm-lint: error: nowhere: no such file or folder\n"


def test_no_content_folder_is_exit_2(tmp_path: Path) -> None:
    result = klm_lint(cwd=tmp_path)
    assert result.returncode == 2
    assert "no content folder" in result.stderr


def test_statistics(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    site.post(BAD_POST.replace("Community engagement.", "Book drive"), name="b.md")
    result = klm_lint("--statistics", "--format", "concise", cwd=site.root)
    assert result.stdout.splitlines()[:2] == [
        "Findings by rule:",
        "  2  KLM104  draft-flag  [error]",
    ]


def test_version_names_python_and_the_config_in_use(site: SiteBuilder) -> None:
    python = f"{platform.python_implementation()} {platform.python_version()}"
    result = klm_lint("--version", cwd=site.root)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"klm-lint {__version__}",
        f"Python: {python} ({sys.executable})",
        f"Config: none found from {site.root} upward; the defaults apply",
    ]
    site.config("")
    result = klm_lint("--version", "content", cwd=site.root)
    assert result.stdout.splitlines()[2] == f"Config: {site.root / 'klm-lint.toml'}"
    result = klm_lint("--version", "--config", "other.toml", cwd=site.root)
    assert result.stdout.splitlines()[2] == "Config: other.toml (--config: no such file)"


def test_list_rules() -> None:
    result = klm_lint("--list-rules", cwd=Path.cwd())
    assert result.returncode == 0
    for code, name in [
        ("KLM001", "front-matter-missing"),
        ("KLM104", "draft-flag"),
        ("KLM301", "unbalanced-component"),
    ]:
        assert any(code in line and name in line for line in result.stdout.splitlines())


def test_explain_renders_the_rule_page() -> None:
    result = klm_lint("--explain", "KLM104", cwd=Path.cwd())
    assert result.returncode == 0
    assert "draft-flag" in result.stdout
    assert "Why it matters" in result.stdout


def test_explain_unknown_code() -> None:
    result = klm_lint("--explain", "KLM999", cwd=Path.cwd())
    assert result.returncode == 2
    assert "no rule 'KLM999'" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ["--select", "date-fromat"],
            "unknown rule 'date-fromat' in --select: did you mean date-format?",
        ),
        (["--ignore", "KLM1O4"], "unknown rule 'KLM1O4' in --ignore: did you mean KLM104?"),
        (["--explain", "drft-flag"], "no rule 'drft-flag': did you mean draft-flag?"),
    ],
)
def test_unknown_rules_get_a_did_you_mean(
    site: SiteBuilder, arguments: list[str], expected: str
) -> None:
    site.post(GOOD_POST)
    result = klm_lint(*arguments, cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert expected in result.stderr


def test_unknown_rule_in_the_config_gets_a_did_you_mean(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config('ignore = ["unknown-feild"]\n')
    result = klm_lint(cwd=site.root)
    assert result.returncode == 2
    assert "unknown rule 'unknown-feild' in the config's ignore: did you mean unknown-field?" in (
        result.stderr
    )


def test_explain_takes_a_rule_name() -> None:
    by_name = klm_lint("--explain", "draft-flag", cwd=Path.cwd())
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout == klm_lint("--explain", "KLM104", cwd=Path.cwd()).stdout


def test_no_color_off_a_terminal(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("content", cwd=site.root, env={"NO_COLOR": ""})
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    ("arguments", "environment", "coloured"),
    [
        ([], {}, False),
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--color", "auto"], {"FORCE_COLOR": ""}, False),
    ],
)
def test_color_option_no_color_and_force_color(
    site: SiteBuilder, arguments: list[str], environment: dict[str, str], coloured: bool
) -> None:
    site.post(BAD_POST)
    result = klm_lint("content", *arguments, cwd=site.root, env={"NO_COLOR": "", **environment})
    assert result.returncode == 1, result.stderr
    assert ("\x1b[" in result.stdout) is coloured
    assert "KLM104 draft-flag" in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


def test_list_rules_and_explain_follow_color() -> None:
    assert "\x1b[" in klm_lint("--list-rules", "--color", "always", cwd=Path.cwd()).stdout
    assert "\x1b[" not in klm_lint("--list-rules", cwd=Path.cwd()).stdout


@pytest.mark.parametrize("columns", [40, 80, 200])
def test_on_a_terminal_the_report_fits_its_width(site: SiteBuilder, columns: int) -> None:
    from rich.cells import cell_len

    from tests.cli.test_help import run_klm_lint

    body = "日本語のテキスト\t🎉 " * 8 + '<Youtub id="x" /> and more text after it, ' * 3
    site.post(GOOD_POST + body + "\n")
    shown = run_klm_lint("content", terminal=True, cwd=site.root, columns=columns)
    piped = run_klm_lint("content", terminal=False, cwd=site.root, columns=columns)
    assert "KLM303 unknown-component" in shown
    assert max(cell_len(line) for line in shown.splitlines()) <= columns, shown
    lines = shown.splitlines()
    source = next(i for i, line in enumerate(lines) if " | " in line and "<Youtub" in line)
    marker = lines[source + 1]
    assert marker.strip().startswith("|") and "^^^^^^^" in marker
    under = cell_len(marker[: marker.index("^")])
    assert under == cell_len(lines[source][: lines[source].index("<Youtub")]), shown
    assert "<Youtub> is not a component the site knows; MDX cannot render it" in piped
    assert max(len(line) for line in piped.splitlines()) > 200, "off a terminal: no wrapping"
