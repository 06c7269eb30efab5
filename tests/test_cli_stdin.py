"""`klm-lint - --stdin-filename PATH`: standard input linted, or fixed, as if it were PATH."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.conftest import GOOD_POST, SiteBuilder

if TYPE_CHECKING:
    from pathlib import Path

BAD_POST = GOOD_POST.replace("draft: false", 'draft: "false"')


def piped(stdin: bytes, *args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "klm_lint", *args],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        env=environment,
        check=False,
        timeout=60,
    )


def test_standard_input_is_linted_as_the_file_named(site: SiteBuilder) -> None:
    on_disk = site.post(GOOD_POST, "x.md")
    site.post(GOOD_POST.replace("engagement.", "fair."), "other.md")
    text = BAD_POST.replace("Community engagement.", "Community fair.")
    result = piped(text.encode(), "-", "--stdin-filename", "content/posts/x.md", cwd=site.root)
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode()
    assert out.startswith("content/posts/x.md\n")
    assert "KLM402 duplicate-title" in out and "content/posts/other.md (line 2)" in out
    assert "8:8  error  KLM104 draft-flag" in out
    assert "Checked 1 file: 1 error, 1 warning." in out
    assert on_disk.read_text(encoding="utf-8") == GOOD_POST
    clean = piped(GOOD_POST.encode(), "--stdin-filename", "content/posts/x.md", cwd=site.root)
    assert (clean.returncode, clean.stderr) == (0, b"")


@pytest.mark.parametrize("report", ["concise", "json", "json-lines", "github", "sarif", "junit"])
def test_every_format(site: SiteBuilder, report: str) -> None:
    result = piped(
        BAD_POST.encode(),
        "-",
        "--stdin-filename",
        "content/posts/x.md",
        "-f",
        report,
        cwd=site.root,
    )
    assert result.returncode == 1 and result.stderr == b""
    assert "content/posts/x.md" in result.stdout.decode() and b"KLM104" in result.stdout
    if report == "json":
        [finding] = json.loads(result.stdout)["findings"]
        assert (finding["path"], finding["line"], finding["column"]) == ("content/posts/x.md", 8, 8)


def test_fix_writes_the_fixed_text_to_standard_output(site: SiteBuilder) -> None:
    on_disk = site.post(BAD_POST, "x.md")
    text = "\ufeff" + BAD_POST.replace("\n", "\r\n") + "\r\n![](/images/post.jpg)\r\n"
    result = piped(
        text.encode(), "-", "--stdin-filename", "content/posts/x.md", "--fix", cwd=site.root
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == text.replace('draft: "false"', "draft: false").encode()
    report = result.stderr.decode()
    assert "KLM205 image-alt-missing" in report and "Fixed 1 finding" in report
    assert on_disk.read_text(encoding="utf-8") == BAD_POST
    json_report = piped(
        text.encode(),
        "--stdin-filename",
        "content/posts/x.md",
        "--fix",
        "-f",
        "json",
        cwd=site.root,
    )
    assert json.loads(json_report.stderr)["findings"][0]["code"] == "KLM205"
    unchanged = piped(
        b"\xff\xfe not UTF-8", "--stdin-filename", "content/posts/x.md", "--fix", cwd=site.root
    )
    assert unchanged.stdout == b"\xff\xfe not UTF-8" and unchanged.returncode == 1
    assert b"KLM003" in unchanged.stderr


def test_a_text_too_large_goes_through_the_fix_whole(site: SiteBuilder) -> None:
    site.config("max-file-size = 100\n")
    text = GOOD_POST.encode() * 20
    result = piped(text, "-", "--stdin-filename", "content/posts/x.md", "--fix", cwd=site.root)
    assert result.stdout == text and b"KLM005" in result.stderr


def test_diff(site: SiteBuilder) -> None:
    result = piped(
        BAD_POST.encode(), "-", "--stdin-filename", "content/posts/x.md", "--diff", cwd=site.root
    )
    assert result.returncode == 1
    assert result.stdout.decode().startswith("--- a/content/posts/x.md\n+++ b/content/posts/x.md\n")
    assert '-draft: "false"\n+draft: false\n' in result.stdout.decode()
    assert result.stderr == b"Would fix 1 finding(s).\n"


def test_config_and_exclude_from_the_files_place(site: SiteBuilder) -> None:
    site.config('ignore = ["KLM104"]\nexclude = ["content/drafts/"]\n')
    (site.root / "sub").mkdir()
    result = piped(
        BAD_POST.encode(),
        "-",
        "--stdin-filename",
        "../content/posts/new/x.md",
        cwd=site.root / "sub",
    )
    assert result.returncode == 0, result.stderr
    excluded = piped(
        b"no front matter",
        "-",
        "--stdin-filename",
        "content/drafts/x.md",
        "--force-exclude",
        "-f",
        "concise",
        cwd=site.root,
    )
    assert (excluded.returncode, excluded.stdout) == (0, b"Checked 0 files: all checks passed.\n")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["-"],
            "reading standard input needs --stdin-filename PATH: the path says which "
            "collection and schema the text is checked against",
        ),
        (
            ["-", "content", "--stdin-filename", "x.md"],
            "- (standard input) does not go with other paths (content)",
        ),
        (
            ["-", "--stdin-filename", "x.md", "--statistics"],
            "--statistics does not go with standard input",
        ),
        (
            ["-", "--stdin-filename", "x.md", "--changed-since", "HEAD"],
            "--changed-since does not go with standard input",
        ),
        (
            ["-", "--stdin-filename", "x.md", "--write-baseline", "b.json"],
            "--write-baseline does not go with standard input",
        ),
    ],
)
def test_usage_errors(site: SiteBuilder, args: list[str], error: str) -> None:
    result = piped(GOOD_POST.encode(), *args, cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.decode() == f"klm-lint: error: {error}\n"
