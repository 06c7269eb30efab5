"""The command line as pre-commit and CI drive it: formats, report files, named files."""

from __future__ import annotations

import json

import pytest

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import BAD_POST, klm_lint


@pytest.mark.parametrize(
    ("environment", "first"),
    [
        ({"GITHUB_ACTIONS": "true"}, "::error file=content/posts/post.md,line=8,col=8,"),
        ({"GITHUB_ACTIONS": "false"}, "content/posts/post.md"),
        ({}, "content/posts/post.md"),
    ],
)
def test_auto_format_is_github_under_github_actions(
    site: SiteBuilder, environment: dict[str, str], first: str
) -> None:
    site.post(BAD_POST)
    for arguments in ([], ["--format", "auto"]):
        result = klm_lint(*arguments, cwd=site.root, env=environment)
        assert result.returncode == 1
        assert result.stdout.splitlines()[0].startswith(first)


def test_explicit_format_wins_over_github_actions(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("--format", "concise", cwd=site.root, env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("content/posts/post.md:8:8: KLM104 ")


def test_output_file_gets_the_report_and_the_terminal_the_full_report(
    site: SiteBuilder,
) -> None:
    site.post(BAD_POST)
    result = klm_lint("--format", "sarif", "--output-file", "out/klm.sarif", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.startswith("klm-lint: error: cannot write the report to out/klm.sarif")
    assert result.stderr.count("\n") == 1
    (site.root / "out").mkdir()
    result = klm_lint("--format", "sarif", "--output-file", "out/klm.sarif", cwd=site.root)
    assert result.returncode == 1
    assert result.stderr == ""
    log = json.loads((site.root / "out" / "klm.sarif").read_text(encoding="utf-8"))
    assert [res["ruleId"] for res in log["runs"][0]["results"]] == ["KLM104"]
    lines = result.stdout.splitlines()
    assert lines[0] == "content/posts/post.md"
    assert "8:8  error  KLM104 draft-flag" in lines[1]
    assert "Checked 1 file: 1 error, 0 warnings." in lines


def test_output_file_under_github_actions_still_annotates(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint(
        "--format",
        "junit",
        "--output-file",
        "klm.xml",
        cwd=site.root,
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/posts/post.md,line=8,")
    assert (site.root / "klm.xml").read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize(
    "output_format", ["github", "sarif", "junit", "json-lines", "gitlab", "rdjson"]
)
def test_statistics_only_where_a_report_can_show_them(
    site: SiteBuilder, output_format: str
) -> None:
    site.post(BAD_POST)
    result = klm_lint("--statistics", "--format", output_format, cwd=site.root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"klm-lint: error: --statistics does not go with --format {output_format}; "
        "use full, concise or json\n"
    )


def test_statistics_under_github_actions_says_why(site: SiteBuilder) -> None:
    site.post(BAD_POST)
    result = klm_lint("--statistics", cwd=site.root, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 2
    assert "(auto chose it: GITHUB_ACTIONS is true)" in result.stderr


def test_force_exclude_applies_the_config_to_named_files(site: SiteBuilder) -> None:
    site.config('exclude = ["content/drafts/"]\n')
    site.write("content/drafts/wip.md", BAD_POST)
    site.post(GOOD_POST)
    named = ("content/drafts/wip.md", "content/posts/post.md")
    linted = klm_lint("--format", "json", *named, cwd=site.root)
    assert [f["path"] for f in json.loads(linted.stdout)["findings"]] == ["content/drafts/wip.md"]
    forced = klm_lint("--format", "json", "--force-exclude", *named, cwd=site.root)
    assert forced.returncode == 0
    assert json.loads(forced.stdout)["files"] == 1


def test_named_files_only_but_site_facts_from_the_project_root(site: SiteBuilder) -> None:
    site.config('static = ["static"]\n[collections.posts]\nrequired = ["image"]\n')
    site.asset("images/author/6.jpg", folder="static")
    site.asset("images/author/abdullah.jpg", folder="static")
    site.post(GOOD_POST, name="named.md")
    site.post(BAD_POST.replace("Community engagement.", "Clean water."), name="other.md")
    posts = site.root / "content" / "posts"
    for cwd, name in ((site.root, "content/posts/named.md"), (posts, "named.md")):
        result = klm_lint("--format", "json", name, cwd=cwd)
        assert (result.returncode, json.loads(result.stdout)["files"]) == (0, 1), result.stdout
    (site.root / "static" / "images" / "author" / "6.jpg").unlink()
    result = klm_lint("--format", "json", "named.md", cwd=posts)
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["KLM201"]
    without_image = GOOD_POST.replace("image: /images/author/6.jpg\n", "")
    site.post(without_image, name="named.md")
    result = klm_lint("--format", "json", "named.md", cwd=posts)
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["KLM101"]


def test_off_a_terminal_stdout_holds_the_findings_and_nothing_more(site: SiteBuilder) -> None:
    for index in range(400):
        site.post(GOOD_POST.replace("Community engagement.", f"Post {index}."), f"p{index}.md")
    site.post(BAD_POST)
    result = klm_lint(cwd=site.root)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "content/posts/post.md"
    assert "8:8  error  KLM104 draft-flag" in lines[1]
    assert "Checked 401 files: 1 error, 0 warnings." in lines
    assert "Linting" not in result.stdout
    assert "\x1b" not in result.stdout
