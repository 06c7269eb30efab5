"""--cache keeps the whole-site index between runs: reused while a post is unchanged, never
trusted when damaged, and never written without being asked for."""

from __future__ import annotations

import json
import os
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


def cache_files(root: Path) -> list[Path]:
    return sorted((root / CACHE).glob("index-*.json"))


AN_HOUR_AGO = time.time_ns() - 3600 * 10**9


def age(path: Path) -> None:
    """Give the file a modification time of an hour ago: the cache keeps no record of a file
    modified in the two seconds before a run (its stamp could still change unseen)."""
    os.utime(path, ns=(AN_HOUR_AGO, AN_HOUR_AGO))


def test_a_second_run_reads_no_other_post(runs: Runs, site: SiteBuilder) -> None:
    first = runs("--cache")
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert (site.root / CACHE / ".gitignore").read_text().endswith("*\n")
    assert len(cache_files(site.root)) == 1
    assert runs("--cache") == first
    assert runs.reads == []


def test_a_changed_post_is_read_again(runs: Runs, site: SiteBuilder) -> None:
    assert "KLM402" not in runs("--cache")
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    age(b)
    report = runs("--cache")
    assert runs.reads == ["b.md"]
    assert "KLM402" in report and "content/posts/b.md" in report
    assert runs("--cache") == report
    assert runs.reads == []


def test_a_deleted_post_is_forgotten(runs: Runs, site: SiteBuilder) -> None:
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    age(b)
    assert "KLM402" in runs("--cache")
    b.unlink()
    assert "KLM402" not in runs("--cache")
    (cache,) = cache_files(site.root)
    assert not any(key.endswith("b.md") for key in json.loads(cache.read_text())["files"])


@pytest.mark.parametrize("damage", ["not json", '{"format": 1}', "[]", "null", '{"files": 1}'])
def test_a_damaged_cache_is_not_trusted(runs: Runs, site: SiteBuilder, damage: str) -> None:
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    age(b)
    expected = runs("--cache")
    (cache,) = cache_files(site.root)
    cache.write_text(damage)
    assert runs("--cache") == expected
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert runs("--cache") == expected
    assert runs.reads == [], "the cache was written again"


def fact_slot(name: str) -> int:
    from klm_lint.checks import ALL_RULES
    from klm_lint.engine.run import facts_for

    return [fact.name for fact in facts_for(ALL_RULES, statistics=False)].index(name)


@pytest.mark.parametrize(
    ("where", "wrong"),
    [
        ((0,), "1"),
        ((3, 0), None),
        ((3, 2), "12"),
        ((3, 3, fact_slot("title")), [5, 2, 0, 1]),
        ((3, 3, fact_slot("title")), ["Camp", "2", 0, 1]),
        ((3, 3, fact_slot("title")), ["Camp", 2, 0]),
        ((3, 3, fact_slot("hidden")), 0),
        ((3, 3, fact_slot("slug")), 1.5),
        ((3, 3), []),
        ((3,), {"title": "Camp"}),
    ],
)
def test_a_record_of_the_wrong_shape_is_not_trusted(
    runs: Runs, site: SiteBuilder, where: tuple[int, ...], wrong: object
) -> None:
    """Each record is checked, stamp and all, before it stands for the post it names."""
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    age(b)
    expected = runs("--cache")
    (cache,) = cache_files(site.root)
    data = json.loads(cache.read_text())
    record = data["files"][os.path.abspath(b)]
    *path, last = where
    for index in path:
        record = record[index]
    record[last] = wrong
    cache.write_text(json.dumps(data))
    assert runs("--cache") == expected
    assert sorted(runs.reads) == ["b.md", "c.md"]


def test_nothing_is_written_without_cache(runs: Runs, site: SiteBuilder) -> None:
    runs()
    runs("--no-cache")
    assert not (site.root / CACHE).exists()


def test_the_config_turns_it_on_and_the_command_line_off(runs: Runs, site: SiteBuilder) -> None:
    site.config('cache = true\ncache-dir = "build/lint-cache"\n')
    runs()
    assert len(list((site.root / "build/lint-cache").glob("index-*.json"))) == 1
    runs()
    assert runs.reads == []
    runs("--no-cache")
    assert sorted(runs.reads) == ["b.md", "c.md"]


def test_another_config_has_its_own_cache(runs: Runs, site: SiteBuilder) -> None:
    runs("--cache")
    site.config("[collections.posts]\nexclude = ['c.md']\n")
    runs("--cache")
    assert runs.reads == ["b.md"], "c.md is no post now"
    assert len(cache_files(site.root)) == 2


def test_a_cache_folder_that_cannot_be_written_is_left_alone(runs: Runs, site: SiteBuilder) -> None:
    (site.root / CACHE).write_text("a file where the folder should be\n")
    first = runs("--cache")
    assert runs("--cache") == first
    assert sorted(runs.reads) == ["b.md", "c.md"]
    assert (site.root / CACHE).read_text() == "a file where the folder should be\n"
