from __future__ import annotations

import json
import os
import subprocess
from typing import TYPE_CHECKING

import pytest
from junitparser import JUnitXml

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(root: Path, *arguments: str) -> str:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("GIT_")
    } | GIT_ENV
    done = subprocess.run(
        ["git", *arguments], cwd=root, env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout


def post(title: str) -> str:
    return GOOD_POST.replace("Community engagement.", title)


def linted(site: SiteBuilder, *arguments: str) -> list[str]:
    """The files a clean run checked: the junit report has a suite for each one."""
    result = klm_lint("--format", "junit", *arguments, cwd=site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    return sorted(suite.name for suite in JUnitXml.fromstring(result.stdout))


@pytest.fixture
def repository(site: SiteBuilder) -> SiteBuilder:
    """A site in git: five posts on main, then a branch that changes them in every way."""
    for name in ("kept", "modified", "renamed", "deleted", "unstaged"):
        site.post(post(name.title()), f"{name}.md")
    site.write("README.md", "# The site\n")
    site.write(".gitignore", "content/posts/ignored.md\n")
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "base")
    git(site.root, "checkout", "-q", "-b", "topic")
    site.post(post("Modified again"), "modified.md")
    site.post(post("Added"), "added.md")
    git(site.root, "mv", "content/posts/renamed.md", "content/posts/now-renamed.md")
    git(site.root, "rm", "-q", "content/posts/deleted.md")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "topic")
    site.post(post("Unstaged change"), "unstaged.md")
    site.post(post("Untracked"), "untracked.md")
    site.post(post("Ignored"), "ignored.md")
    return site


def test_lints_added_modified_renamed_and_uncommitted_files(repository: SiteBuilder) -> None:
    assert linted(repository, "--changed-since", "main") == [
        "content/posts/added.md",
        "content/posts/modified.md",
        "content/posts/now-renamed.md",
        "content/posts/unstaged.md",
        "content/posts/untracked.md",
    ]
    everything = linted(repository)
    assert "content/posts/kept.md" in everything
    assert "content/posts/ignored.md" not in everything, "git ignores it"
    assert "content/posts/ignored.md" in linted(repository, "--no-respect-gitignore")


def test_a_ref_that_moved_on_is_compared_where_the_branch_left_it(
    repository: SiteBuilder,
) -> None:
    git(repository.root, "stash", "-u", "-q")
    git(repository.root, "checkout", "-q", "main")
    repository.post(post("Kept, changed on main"), "kept.md")
    git(repository.root, "commit", "-q", "-am", "main moves on")
    git(repository.root, "checkout", "-q", "topic")
    assert linted(repository, "--changed-since", "main") == [
        "content/posts/added.md",
        "content/posts/modified.md",
        "content/posts/now-renamed.md",
    ]
    commit = git(repository.root, "rev-parse", "HEAD").strip()
    assert linted(repository, "--changed-since", commit) == []


def test_only_within_the_paths_given_and_the_content_files(repository: SiteBuilder) -> None:
    repository.write("README.md", "# Changed\n")
    assert linted(repository, "--changed-since", "main", "content/posts/added.md") == [
        "content/posts/added.md"
    ]
    assert "README.md" not in linted(repository, "--changed-since", "main")


def test_findings_in_changed_files_only(repository: SiteBuilder) -> None:
    repository.post(GOOD_POST.replace("draft: false", 'draft: "false"'), "kept.md")
    git(repository.root, "commit", "-q", "-am", "break a post")
    git(repository.root, "tag", "broken")
    repository.post(post("Added").replace("draft: false", 'draft: "no"'), "added.md")
    result = klm_lint("--format", "json", "--changed-since", "broken", cwd=repository.root)
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [("content/posts/added.md", "KLM104")]


def test_unknown_ref_is_a_one_line_error(repository: SiteBuilder) -> None:
    for ref in ("no-such-branch", "--all", "main..topic"):
        result = klm_lint("--changed-since", ref, cwd=repository.root)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith(
            f"klm-lint: error: --changed-since: unknown git ref '{ref}'"
        )
        assert result.stderr.count("\n") == 1


def test_outside_a_git_repository_is_a_one_line_error(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    environment = {"GIT_CEILING_DIRECTORIES": str(site.root.parent)}
    result = klm_lint("--changed-since", "main", cwd=site.root, env=environment)
    assert result.returncode == 2
    assert result.stderr == (
        f"klm-lint: error: --changed-since needs a git repository, and {site.root} is not in one\n"
    )
