"""End to end: the real pre-commit installs this checkout's hook and runs it on `git commit`.

This takes a minute the first time: pre-commit builds klm-lint into a virtualenv of its own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import GOOD_POST, SiteBuilder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = ROOT / "examples" / "ci" / ".pre-commit-config.yaml"

BAD_POST = GOOD_POST.replace("Community engagement.", "Spring fundraiser.").replace(
    "draft: false", 'draft: "false"'
)
BROKEN_MDX = GOOD_POST.replace("Community engagement.", "Health camp.") + (
    '\n<Notice type="info">\nThe camp opens at nine.\n'
)
FIXED_MDX = BROKEN_MDX + "</Notice>\n"


def environment(home: Path) -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return kept | {
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }


def run(
    *command: str, cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def snapshot_of_this_checkout(target: Path, env: dict[str, str]) -> str:
    """This checkout as it is on disk (uncommitted work included) as a repository of its own."""
    listed = run(
        "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env
    )
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    run("git", "init", "-q", cwd=target, env=env)
    run("git", "add", "-A", cwd=target, env=env)
    run("git", "commit", "-q", "-m", "klm-lint", cwd=target, env=env)
    return run("git", "rev-parse", "HEAD", cwd=target, env=env).stdout.strip()


DOCUMENTED_REPOSITORY = "https://github.com/YOUR-ORG/klm-lint"
PINNED = re.compile(r"^    rev: ([0-9a-f]{40}) #", re.M)


def test_the_documented_snippet_pins_a_commit_not_a_tag() -> None:
    """No release is tagged yet: the snippet pins a full sha, which YAML reads as text."""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    [entry] = yaml.safe_load(text)["repos"]
    assert entry["repo"] == DOCUMENTED_REPOSITORY
    assert isinstance(entry["rev"], str) and re.fullmatch(r"[0-9a-f]{40}", entry["rev"])
    assert PINNED.search(text)


def hook_config(repository: Path, commit: str | None = None) -> str:
    """The README's pre-commit snippet as it is, pointed at the snapshot instead of the public
    repository; pinned to `commit` when given, else with its placeholder sha still in place."""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    [entry] = yaml.safe_load(text)["repos"]
    assert [hook["id"] for hook in entry["hooks"]] == ["klm-lint", "klm-lint-fix"]
    text = text.replace(DOCUMENTED_REPOSITORY, str(repository))
    return text if commit is None else PINNED.sub(f"    rev: {commit} #", text)


@dataclass(frozen=True)
class Hooks:
    env: dict[str, str]
    repository: Path
    commit: str


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Hooks:
    """This checkout as a hook repository, and a pre-commit home the tests share: pre-commit
    builds klm-lint's environment once."""
    folder = tmp_path_factory.mktemp("hooks")
    env = environment(folder / "pre-commit-home")
    repository = folder / "klm-lint"
    repository.mkdir()
    return Hooks(env, repository, snapshot_of_this_checkout(repository, env))


def test_the_hook_blocks_a_bad_commit_and_passes_the_fixed_one(
    tmp_path: Path, hooks: Hooks
) -> None:
    env, repository, commit = hooks.env, hooks.repository, hooks.commit
    (tmp_path / "site").mkdir()
    site = SiteBuilder(tmp_path / "site")
    site.config('exclude = ["content/drafts/"]\n')
    site.post(GOOD_POST, "good.md")
    site.post(BAD_POST, "bad.md")
    site.post(BROKEN_MDX, "health-camp.mdx")
    site.write("content/drafts/wip.md", BAD_POST.replace("Spring", "Autumn"))
    site.write("README.md", "# The Kids Lives Matter site\n")
    site.write(".pre-commit-config.yaml", hook_config(repository))
    run("git", "init", "-q", cwd=site.root, env=env)
    # The README's command puts the newest commit's sha in place of the placeholder.
    pre_commit = (sys.executable, "-m", "pre_commit")
    run(
        *pre_commit,
        "autoupdate",
        "--bleeding-edge",
        "--freeze",
        "--repo",
        str(repository),
        cwd=site.root,
        env=env,
    )
    config = (site.root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    pinned = PINNED.search(config)
    assert pinned is not None and pinned.group(1) == commit, config
    run(*pre_commit, "install", cwd=site.root, env=env)
    run("git", "add", "-A", cwd=site.root, env=env)

    refused = run("git", "commit", "-m", "New posts", cwd=site.root, env=env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "klm-lint" in output and "Failed" in output
    assert "mutable reference" not in output, "a sha is no moving reference"
    assert "content/posts/bad.md" in output
    assert "KLM104 draft-flag" in output
    assert "content/posts/health-camp.mdx" in output
    assert "KLM301 unbalanced-component" in output
    assert "content/posts/good.md" not in output
    assert "content/drafts/wip.md" not in output, "--force-exclude keeps drafts out"
    assert "Checked 4 files: 2 errors, 0 warnings." in output
    assert run("git", "log", "--oneline", cwd=site.root, env=env, check=False).returncode != 0

    site.post(BAD_POST.replace('draft: "false"', "draft: false"), "bad.md")
    site.post(FIXED_MDX, "health-camp.mdx")
    run("git", "add", "-A", cwd=site.root, env=env)
    accepted = run("git", "commit", "-m", "New posts", cwd=site.root, env=env, check=False)
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
    assert "klm-lint" in output and "Passed" in output
    assert run("git", "log", "--format=%s", cwd=site.root, env=env).stdout == "New posts\n"


def many_posts(site: SiteBuilder, count: int) -> list[str]:
    """count clean posts with long names: more names than fit on one command line."""
    folder = "a-folder-with-a-long-name-" * 7
    names = []
    for number in range(count):
        name = f"{folder}/post-{number:04d}.md"
        body = GOOD_POST.replace("Community engagement.", f"Post number {number}.")
        site.post(body.replace("community engagement", f"the {number}th thing"), name)
        names.append(f"content/posts/{name}")
    return names


def test_many_files_in_several_batches_read_as_one_run(tmp_path: Path, hooks: Hooks) -> None:
    env = hooks.env
    site = SiteBuilder(tmp_path)
    names = many_posts(site, 700)
    # pre-commit's xargs cuts a command line at 2**17 bytes at most (pre_commit/xargs.py), and
    # require_serial: true does not change that: these names need two command lines or more.
    assert sum(len(name) + 1 for name in names) > 2**17
    first, last = names[3], names[-2]
    for name in (first, last):
        path = site.root / name
        path.write_text(path.read_text().replace("draft: false", 'draft: "false"'))
    site.write(".pre-commit-config.yaml", hook_config(hooks.repository, hooks.commit))
    run("git", "init", "-q", cwd=site.root, env=env)
    run(sys.executable, "-m", "pre_commit", "install", cwd=site.root, env=env)
    run("git", "add", "-A", cwd=site.root, env=env)

    refused = run("git", "commit", "-m", "Many posts", cwd=site.root, env=env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert output.count("Checked ") == 1, output
    assert f"Checked {len(names)} files: 2 errors, 0 warnings." in output
    assert output.count("KLM104 draft-flag") == 2
    assert first in output and last in output
    hint = f"pre-commit run klm-lint-fix --hook-stage manual --files {first} {last}"
    assert f"2 findings fixable with {hint}." in output

    fixed = run(*hint.split(), cwd=site.root, env=env, check=False)
    output = fixed.stdout + fixed.stderr
    assert fixed.returncode == 1, "pre-commit fails a hook that changed files"
    assert "files were modified by this hook" in output
    assert output.count("Checked ") == 1, output
    assert "Fixed 2 findings; 0 findings remain." in output
    assert 'draft: "false"' not in (site.root / first).read_text()

    run("git", "add", "-A", cwd=site.root, env=env)
    accepted = run("git", "commit", "-m", "Many posts", cwd=site.root, env=env, check=False)
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
