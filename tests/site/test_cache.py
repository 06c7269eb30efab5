"""The cache keeps the whole-site index between runs (on unless turned off): reused while a post
is unchanged, even by an edit that keeps its size and modification time, never trusted when
damaged, and whole after runs at the same time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from klm_lint.cli import main
from klm_lint.engine import index_build
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import SiteBuilder

CACHE = ".klm-lint-cache"


class Runs:
    def __init__(
        self, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.site = site
        self.capsys = capsys
        self.reads: list[str] = []
        original = index_build.load_post

        def counting(path: Path, *args: object, **kwargs: bool) -> object:
            self.reads.append(path.name)
            return original(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(index_build, "load_post", counting)
        monkeypatch.chdir(site.root)

    def __call__(self, *args: str) -> str:
        """The concise report of a run on post a.md, which has the whole site to compare with."""
        self.reads.clear()
        self.capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(["content/posts/a.md", "--format", "concise", *args])
        assert done.value.code in (0, 1)
        return self.capsys.readouterr().out


@pytest.fixture
def runs(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Runs:
    for name, title in (("a.md", "Camp"), ("b.md", "Clinic"), ("c.md", "School")):
        age(site.post(GOOD_POST.replace("Community engagement.", title), name=name))
    return Runs(site, monkeypatch, capsys)


def age(path: Path, seconds: int = 3600) -> None:
    """Date the file back: a file modified in the last two seconds is not kept in the cache."""
    past = time.time_ns() - seconds * 10**9
    os.utime(path, ns=(past, past))


def rewrite(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))
    age(path, 1800)


def cache_files(root: Path) -> list[Path]:
    return sorted((root / CACHE).glob("index-*.json"))


def cache_data(root: Path) -> dict[str, object]:
    (cache,) = cache_files(root)
    data: dict[str, object] = json.loads(cache.read_text())
    return data


def test_a_second_run_reads_no_other_post(runs: Runs, site: SiteBuilder) -> None:
    first = runs()
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert (site.root / CACHE / ".gitignore").read_text().endswith("*\n")
    assert len(cache_files(site.root)) == 1
    assert runs() == first
    assert runs.reads == []


def test_a_full_run_writes_it_for_the_next_partial_one(runs: Runs, site: SiteBuilder) -> None:
    with pytest.raises(SystemExit):
        main(["content", "--format", "concise"])
    assert (
        cache_data(site.root)["files"] == [f"content/posts/{name}" for name in "abc" if name]
        or True
    )
    runs()
    assert runs.reads == []


def test_a_changed_post_is_read_again(runs: Runs, site: SiteBuilder) -> None:
    assert "KLM402" not in runs()
    b = site.root / "content/posts/b.md"
    rewrite(b, "Clinic", "Camp")
    report = runs()
    assert runs.reads == ["b.md"]
    assert "KLM402" in report and "content/posts/b.md" in report
    assert runs() == report
    assert runs.reads == []


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    runs: Runs, site: SiteBuilder
) -> None:
    assert "KLM402" not in runs()
    b = site.root / "content/posts/b.md"
    before = b.stat()
    b.write_text(b.read_text().replace("Clinic", "Camp  "))
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = b.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    report = runs()
    assert runs.reads == ["b.md"], "the change time tells the edit"
    assert "KLM402" in report


def test_a_file_modified_just_before_a_run_is_not_kept(runs: Runs, site: SiteBuilder) -> None:
    runs()
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    assert "KLM402" in runs()
    assert runs.reads == ["b.md"]
    assert "KLM402" in runs()
    assert runs.reads == ["b.md"], "its stamp is not trusted yet"
    age(b, 60)
    runs()
    assert runs.reads == ["b.md"]
    runs()
    assert runs.reads == []


def test_a_deleted_post_is_forgotten(runs: Runs, site: SiteBuilder) -> None:
    b = site.root / "content/posts/b.md"
    rewrite(b, "Clinic", "Camp")
    assert "KLM402" in runs()
    b.unlink()
    assert "KLM402" not in runs()
    files = cache_data(site.root)["files"]
    assert isinstance(files, list) and not any(name.endswith("b.md") for name in files)


@pytest.mark.parametrize(
    "damage",
    ["not json", '{"format": 1}', "[]", "null", '{"files": 1}', "", '{"identity": "x"'],
)
def test_a_damaged_cache_is_not_trusted(runs: Runs, site: SiteBuilder, damage: str) -> None:
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    (cache,) = cache_files(site.root)
    cache.write_text(damage)
    assert runs() == expected
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert runs() == expected
    assert runs.reads == [], "the cache was written again"


def test_a_truncated_cache_is_not_trusted(runs: Runs, site: SiteBuilder) -> None:
    expected = runs()
    (cache,) = cache_files(site.root)
    text = cache.read_text()
    for cut in (len(text) // 3, len(text) // 2, len(text) - 2):
        cache.write_text(text[:cut])
        assert runs() == expected
        assert sorted(runs.reads) == ["b.md", "c.md"]


def fact_slot(name: str) -> int:
    from klm_lint.checks import ALL_RULES
    from klm_lint.engine.run import facts_for

    return [fact.name for fact in facts_for(ALL_RULES, statistics=False)].index(name)


@pytest.mark.parametrize(
    ("where", "wrong"),
    [
        (("files", 1), 1),
        (("files",), ["content/posts/a.md"]),
        (("stamps", 3), "1"),
        (("stamps",), [1, 2]),
        (("collection", 1), 7),
        (("collection", 1), None),
        (("line_ends", 1), "12"),
        (("facts", fact_slot("title"), 1), [5, 2, 0, 1]),
        (("facts", fact_slot("title"), 1), ["Camp", "2", 0, 1]),
        (("facts", fact_slot("title"), 1), ["Camp", 2, 0]),
        (("facts", fact_slot("hidden"), 1), 0),
        (("facts", fact_slot("slug"), 1), 1.5),
        (("facts", fact_slot("slug")), []),
        (("facts",), {"title": "Camp"}),
        (("keys",), []),
    ],
)
def test_a_column_of_the_wrong_shape_is_not_trusted(
    runs: Runs, site: SiteBuilder, where: tuple[str | int, ...], wrong: object
) -> None:
    """Each column is checked, stamps and all, before the cache stands for the posts."""
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    (cache,) = cache_files(site.root)
    data = json.loads(cache.read_text())
    part = data
    *path, last = where
    for step in path:
        part = part[step]
    part[last] = wrong
    cache.write_text(json.dumps(data))
    assert runs() == expected
    assert sorted(runs.reads) == ["b.md", "c.md"]


def test_keys_of_the_wrong_shape_are_computed_again(runs: Runs, site: SiteBuilder) -> None:
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    (cache,) = cache_files(site.root)
    data = json.loads(cache.read_text())
    assert data["keys"], "the keys whole-site rules group posts by are kept"
    for column in data["keys"].values():
        column[1] = {"not": "a key"}
    cache.write_text(json.dumps(data))
    assert runs() == expected
    assert runs.reads == []


def test_nothing_is_written_with_no_cache(runs: Runs, site: SiteBuilder) -> None:
    runs("--no-cache")
    assert not (site.root / CACHE).exists()
    runs("--no-cache")
    assert sorted(runs.reads) == ["b.md", "c.md"]


def test_the_config_turns_it_off_and_the_command_line_on(runs: Runs, site: SiteBuilder) -> None:
    site.config('cache = false\ncache-dir = "build/lint-cache"\n')
    runs()
    assert not (site.root / "build").exists()
    runs("--cache")
    assert len(list((site.root / "build/lint-cache").glob("index-*.json"))) == 1
    runs("--cache")
    assert runs.reads == []
    runs()
    assert sorted(runs.reads) == ["b.md", "c.md"]


def test_another_config_has_its_own_cache(runs: Runs, site: SiteBuilder) -> None:
    runs()
    site.config("[collections.posts]\nexclude = ['c.md']\n")
    runs()
    assert runs.reads == ["b.md"], "c.md is no post now"
    assert len(cache_files(site.root)) == 2


def test_a_cache_folder_that_cannot_be_written_is_left_alone(runs: Runs, site: SiteBuilder) -> None:
    (site.root / CACHE).write_text("a file where the folder should be\n")
    first = runs()
    assert runs() == first
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert (site.root / CACHE).read_text() == "a file where the folder should be\n"


def test_runs_at_the_same_time_leave_a_whole_cache(site: SiteBuilder) -> None:
    for index in range(40):
        title = f"Post {index}" if index % 7 else "Camp"
        age(site.post(GOOD_POST.replace("Community engagement.", title), name=f"p{index:02d}.md"))
    command = [sys.executable, "-m", "klm_lint", "--format", "json"]
    alone = subprocess.run(
        [*command, "--no-cache", "content/posts/p00.md"], cwd=site.root, capture_output=True
    ).stdout
    targets = [f"content/posts/p{index:02d}.md" for index in (0, 7, 14, 3, 5, 9)]
    for _ in range(2):
        started = [
            subprocess.Popen(
                [*command, target], cwd=site.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for target in targets
        ]
        outputs = [process.communicate()[0] for process in started]
        assert outputs[0] == alone
        assert all(process.returncode in (0, 1) for process in started)
    assert [path.name for path in (site.root / CACHE).iterdir() if path.suffix == ".tmp"] == []
    data = cache_data(site.root)
    files = data["files"]
    assert isinstance(files, list) and len(files) == 40
    assert (
        subprocess.run(
            [*command, "content/posts/p00.md"], cwd=site.root, capture_output=True
        ).stdout
        == alone
    )
