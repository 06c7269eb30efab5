"""--quiet and --max-warnings as ESLint has them, --no-summary, and Ruff's --output-format."""

from __future__ import annotations

import json

import pytest

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import BAD_POST, klm_lint

WARNED = GOOD_POST.replace("draft: false", "draft: false\nsubtitle: x")
"""A post with one warning (KLM105, an unknown field)."""


def warned(site: SiteBuilder, count: int) -> None:
    for number in range(count):
        title = f"Post number {number}."
        site.post(WARNED.replace("Community engagement.", title), f"w{number}.md")


def test_max_warnings_fails_only_above_the_limit(site: SiteBuilder) -> None:
    warned(site, 3)
    assert klm_lint("--max-warnings", "3", cwd=site.root).returncode == 0
    above = klm_lint("--max-warnings", "2", cwd=site.root)
    assert above.returncode == 1
    assert above.stderr == "klm-lint: 3 warnings, more than --max-warnings 2 allows.\n"
    assert "Checked 3 files: 0 errors, 3 warnings." in above.stdout
    zero = klm_lint("--max-warnings", "2", "--exit-zero", cwd=site.root)
    assert zero.returncode == 0


def test_max_warnings_does_not_excuse_errors(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("--max-warnings", "10", cwd=site.root)
    assert (result.returncode, result.stderr) == (1, "")


def test_max_warnings_must_be_a_count(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("--max-warnings", "-1", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.startswith("klm-lint: error: ")
    assert result.stderr.count("\n") == 1


def test_quiet_reports_errors_only_and_says_what_it_left_out(site: SiteBuilder) -> None:
    warned(site, 2)
    site.post(BAD_POST.replace("Community engagement.", "Spring fundraiser."), "bad.md")
    result = klm_lint("--quiet", cwd=site.root)
    assert result.returncode == 1
    assert "KLM104" in result.stdout
    assert "KLM105" not in result.stdout
    assert "Checked 3 files: 1 error, 2 warnings not shown." in result.stdout
    concise = klm_lint("--quiet", "--format", "concise", cwd=site.root)
    assert [line.split(" ")[1] for line in concise.stdout.splitlines()[:-2]] == ["KLM104"]
    assert "1 error, 2 warnings not shown." in concise.stdout
    document = json.loads(klm_lint("--quiet", "--format", "json", cwd=site.root).stdout)
    assert [finding["code"] for finding in document["findings"]] == ["KLM104"]


def test_quiet_with_only_warnings_is_not_all_clear(site: SiteBuilder) -> None:
    warned(site, 1)
    result = klm_lint("--quiet", cwd=site.root)
    assert result.returncode == 0
    assert result.stdout == "Checked 1 file: 0 errors, 1 warning not shown.\n"


def test_quiet_warnings_still_count_for_the_limit_and_strict(site: SiteBuilder) -> None:
    warned(site, 2)
    assert klm_lint("--quiet", "--max-warnings", "1", cwd=site.root).returncode == 1
    assert klm_lint("--quiet", "--strict", cwd=site.root).returncode == 1


def test_no_summary_prints_only_the_findings(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("--no-summary", cwd=site.root)
    assert result.returncode == 1
    assert "KLM104" in result.stdout
    assert "Checked" not in result.stdout
    assert "fixable" not in result.stdout


@pytest.mark.parametrize("spelling", ["--format", "--output-format", "-f"])
def test_output_format_is_another_name_for_format(site: SiteBuilder, spelling: str) -> None:
    site.post(BAD_POST)
    result = klm_lint(spelling, "json-lines", cwd=site.root)
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["KLM104"]


def test_the_short_q_is_gone_rather_than_changed_quietly(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("-q", cwd=site.root)
    assert result.returncode == 2
    assert "-q" in result.stderr
