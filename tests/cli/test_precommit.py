"""Batches of one pre-commit run: the first lints them all, the later ones end quietly."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import pytest

from klm_lint.cli import precommit
from klm_lint.cli.precommit import Batch, fix_commands, plan_batch
from klm_lint.engine.result import Result
from klm_lint.findings import Applicability, Edit, Finding, Fix, Severity, Span
from tests.site.test_changed import git

if TYPE_CHECKING:
    from pathlib import Path

COMMAND = ["/venv/bin/python", "/venv/bin/klm-lint", "--force-exclude"]
NAMES = [f"content/posts/{letter}.md" for letter in "abcdef"]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with six committed posts and a README, as the working directory."""
    for name in [*NAMES, "README.md", "content/posts/photo.jpg"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "posts")
    monkeypatch.chdir(tmp_path)
    for variable in ("PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def cut_after(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """pre-commit's command line limit, made small enough for a few names."""
    monkeypatch.setattr(precommit, "command_limit", lambda: limit)
    monkeypatch.setattr(precommit, "LONGEST_NAME", 20)
    monkeypatch.setattr(precommit, "SPELLING_SLACK", 0)


def batch(*names: str) -> Batch:
    return plan_batch(list(names), [*COMMAND, *names], environ={})


def ledgers(repository: Path) -> list[Path]:
    return sorted((repository / ".git").glob("klm-lint-pre-commit-*.json"))


def test_a_run_that_fits_is_linted_as_passed(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_after(monkeypatch, 10_000)
    assert batch(*NAMES[:2]) == Batch(NAMES[:2])
    assert ledgers(repository) == []
    assert batch(*NAMES[2:]) == Batch(NAMES[2:]), "no ledger: a batch of its own"


def test_the_first_of_several_batches_lints_all_of_them(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_after(monkeypatch, 110)
    assert precommit.possibly_cut([*COMMAND, *NAMES[:2]])
    first = batch(*NAMES[:2])
    assert first == Batch(NAMES), "--all-files: every tracked post, in git's order"
    assert len(ledgers(repository)) == 1
    assert batch(*NAMES[2:4]) == Batch([], done=True)
    assert batch(*NAMES[4:]) == Batch([], done=True)
    assert ledgers(repository) == [], "the batch with the last file ends the run's ledger"


def test_the_staged_files_when_the_batch_is_of_staged_files(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_after(monkeypatch, 110)
    for name in (NAMES[0], NAMES[1], NAMES[4]):
        (repository / name).write_text("changed\n", encoding="utf-8")
        git(repository, "add", name)
    assert batch(*NAMES[:2]) == Batch([NAMES[0], NAMES[1], NAMES[4]])
    assert batch(NAMES[4]) == Batch([], done=True)


def test_the_files_between_pre_commits_refs(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_after(monkeypatch, 110)
    base = git(repository, "rev-parse", "HEAD").strip()
    for name in (NAMES[0], NAMES[1], NAMES[5]):
        (repository / name).write_text("changed\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "changes")
    environ = {"PRE_COMMIT_FROM_REF": base, "PRE_COMMIT_TO_REF": "HEAD"}
    planned = plan_batch(NAMES[:2], [*COMMAND, *NAMES[:2]], environ=environ)
    assert planned == Batch([NAMES[0], NAMES[1], NAMES[5]])


def test_a_later_batch_lints_what_the_first_did_not_know(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_after(monkeypatch, 110)
    (repository / NAMES[0]).write_text("changed\n", encoding="utf-8")
    (repository / NAMES[1]).write_text("changed\n", encoding="utf-8")
    git(repository, "add", NAMES[0], NAMES[1])
    assert batch(*NAMES[:2]) == Batch(NAMES[:2])
    assert batch(NAMES[3], NAMES[4]) == Batch([NAMES[3], NAMES[4]])
    assert batch(NAMES[5]) == Batch([NAMES[5]])


def test_a_new_run_starts_afresh(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut_after(monkeypatch, 110)
    assert batch(*NAMES[:2]) == Batch(NAMES)
    again = batch(*NAMES[:2])
    assert again == Batch(NAMES), "starting at the top again: another run of the same process"


def test_an_old_ledger_is_another_runs(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut_after(monkeypatch, 110)
    batch(*NAMES[:2])
    [ledger] = ledgers(repository)
    old = time.time() - precommit.LEDGER_LIFETIME - 1
    os.utime(ledger, (old, old))
    cut_after(monkeypatch, 10_000)
    assert batch(*NAMES[4:]) == Batch(NAMES[4:])


def test_other_options_are_another_hook(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut_after(monkeypatch, 110)
    batch(*NAMES[:2])
    cut_after(monkeypatch, 10_000)
    fixing = plan_batch(NAMES[4:], [*COMMAND, "--fix", *NAMES[4:]], environ={})
    assert fixing == Batch(NAMES[4:])


def test_outside_git_every_batch_is_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    cut_after(monkeypatch, 110)
    assert batch(*NAMES[:2]) == Batch(NAMES[:2])


def test_the_real_limit_is_pre_commits() -> None:
    limit = precommit.command_limit()
    assert 2**12 <= limit <= 2**17
    assert not precommit.possibly_cut(COMMAND + ["content/posts/a.md"] * 100)
    assert precommit.possibly_cut(COMMAND + ["content/posts/a.md"] * 10_000)


def fixable(path: str, applicability: Applicability) -> Finding:
    fix = Fix(applicability, "f", (Edit(0, 1, "", Span(1, 1, 1, 2)),))
    return Finding(path, Span(1, 1, 1, 2), "KLM104", "draft-flag", Severity.ERROR, "m", "", fix)


def test_fix_commands_name_the_fix_hook_when_the_site_has_it(repository: Path) -> None:
    result = Result(
        3,
        [
            fixable("content/posts/a.md", Applicability.SAFE),
            fixable("content/posts/a.md", Applicability.SAFE),
            fixable("content/posts/it's.md", Applicability.UNSAFE),
        ],
    )
    assert fix_commands(result) == (
        "klm-lint --fix content/posts/a.md",
        "klm-lint --fix --unsafe-fixes 'content/posts/it'\"'\"'s.md'",
    )
    (repository / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: x\n  rev: v1\n  hooks:\n  - id: klm-lint\n  - id: klm-lint-fix\n",
        encoding="utf-8",
    )
    safe, _ = fix_commands(result)
    assert safe == "pre-commit run klm-lint-fix --hook-stage manual --files content/posts/a.md"
    many = Result(9, [fixable(f"content/posts/{n}.md", Applicability.SAFE) for n in range(9)])
    assert fix_commands(many) == (
        "pre-commit run klm-lint-fix --hook-stage manual --all-files",
        "klm-lint --fix --unsafe-fixes",
    )
