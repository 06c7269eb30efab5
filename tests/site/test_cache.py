"""The cache keeps the whole-site index between runs (on unless turned off): reused while a post
is unchanged, even by an edit that keeps its size and modification time, never trusted when
damaged, and whole after runs at the same time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.cli import main
from klm_lint.engine import index_build
from klm_lint.site.columns import KeyPieces, key_text, key_texts, key_texts_of, key_value
from klm_lint.site.index import Post, Stored
from tests.cache_files import numbers_text, read_cache, resealed_bytes, write_cache
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
        original = index_build.read_post

        def counting(path: Path | str, *args: object, **kwargs: bool) -> object:
            self.reads.append(os.path.basename(path))
            return original(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(index_build, "read_post", counting)
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
    return read_cache(cache)


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
    data = cache_data(site.root)
    assert data["files"] == [f"content/posts/{name}.md" for name in "abc"]
    # Written before the run let its keys go: each function's column holds every post's key.
    titles = [data[name] for name in data if name.startswith("key:") and "[title]" in name]
    assert titles == [['"5:posts0:camp"', '"5:posts0:clinic"', '"5:posts0:school"']]
    runs()
    assert runs.reads == []


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each walk of the content folders the index makes."""
    done: list[str] = []
    original = index_build.content_files

    def counting(site: object, watch: object = None) -> list[str]:
        done.append("walk")
        return original(site, watch)  # type: ignore[arg-type]

    monkeypatch.setattr(index_build, "content_files", counting)
    return done


def age_folders(root: Path) -> None:
    for folder in (root / "content", root / "content/posts", root):
        age(folder)


def test_the_folders_are_not_walked_while_they_are_unchanged(
    runs: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    age_folders(site.root)
    first = runs()
    assert walks == ["walk"]
    assert runs() == first
    assert walks == ["walk"], "the cache knows what a walk would find"
    assert runs.reads == []


def test_a_folder_changed_with_the_same_files_is_walked_once_more_and_then_kept(
    runs: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    """An editor saving a post through a temporary file changes its folder's time, not its
    files: the next run walks, and the cache keeps that walk, so that later runs do not."""
    age_folders(site.root)
    first = runs()
    (site.root / "content/posts/.a.md.swp").write_text("")
    (site.root / "content/posts/.a.md.swp").unlink()
    age(site.root / "content/posts", 600)
    assert runs() == first
    assert walks == ["walk", "walk"]
    assert runs() == first
    assert walks == ["walk", "walk"], "the second walk is kept"
    assert runs.reads == []


def test_a_walk_that_met_a_link_is_not_kept(
    runs: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    """A link's target can change without its folder changing: such a walk is made again."""
    (site.root / "shared").mkdir()
    age(site.write("shared/d.md", GOOD_POST.replace("Community engagement.", "Camp")))
    os.symlink("../../shared", site.root / "content/posts/more")
    age_folders(site.root)
    first = runs()
    assert "content/posts/more/d.md" in first
    assert runs() == first
    assert walks == ["walk", "walk"]
    assert runs.reads == []


def test_a_content_folder_linked_elsewhere_is_walked_again(site: SiteBuilder) -> None:
    """The content folder is a link that now leads to another folder: its listing is not the
    one the cache kept, though the link's own folder (the root) is not one the walk lists."""
    for folder, title in (("one", "Camp"), ("two", "Clinic")):
        (site.root / folder / "posts").mkdir(parents=True)
        age(site.write(f"{folder}/posts/a.md", GOOD_POST.replace("Community engagement.", "Camp")))
        age(site.write(f"{folder}/posts/b.md", GOOD_POST.replace("Community engagement.", title)))
        age(site.root / folder / "posts")
        age(site.root / folder)
    os.symlink("one", site.root / "content")
    command = [sys.executable, "-m", "klm_lint", "--format", "concise", "content/posts/a.md"]
    first = subprocess.run(command, cwd=site.root, capture_output=True, text=True).stdout
    assert "KLM402" in first
    subprocess.run(command, cwd=site.root, capture_output=True, check=False)
    os.unlink(site.root / "content")
    os.symlink("two", site.root / "content")
    after = subprocess.run(command, cwd=site.root, capture_output=True, text=True).stdout
    assert "KLM402" not in after, after


@pytest.fixture
def kept(runs: Runs, site: SiteBuilder, walks: list[str]) -> Runs:
    """Runs after a first one whose walk is kept: the cache lists the files, each of which is
    looked at (its stamp) against the cache's without a walk."""
    age_folders(site.root)
    runs()
    assert walks == ["walk"]
    return runs


def test_with_the_walk_kept_a_changed_post_is_read_again(
    kept: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    report = kept()
    assert kept.reads == ["b.md"]
    assert "KLM402" in report and "content/posts/b.md" in report
    assert kept() == report
    assert kept.reads == []
    assert walks == ["walk"]


def test_with_the_walk_kept_an_edit_that_keeps_size_and_modification_time_is_seen(
    kept: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    b = site.root / "content/posts/b.md"
    before = b.stat()
    b.write_text(b.read_text().replace("Clinic", "Camp  "))
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "KLM402" in kept()
    assert kept.reads == ["b.md"], "the change time tells the edit"
    assert walks == ["walk"]


def test_with_the_walk_kept_the_linted_post_is_its_file_as_it_is(
    kept: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    rewrite(site.root / "content/posts/a.md", "Camp", "Clinic")
    report = kept()
    assert "KLM402" in report and "content/posts/b.md" in report
    assert kept.reads == []
    assert kept() == report
    rewrite(site.root / "content/posts/a.md", "Clinic", "Camp")
    assert "KLM402" not in kept()
    assert walks == ["walk"]


def test_with_the_walk_kept_a_file_that_becomes_a_post_counts(
    runs: Runs, site: SiteBuilder, walks: list[str]
) -> None:
    d = site.post("---\ntitle: [Camp\n---\nText.\n", name="d.md")
    age(d)
    age_folders(site.root)
    assert "content/posts/d.md" not in runs()
    assert runs() == runs()
    assert runs.reads == [], "a file that is no post is kept as one"
    rewrite(d, "[Camp", "Camp")
    report = runs()
    assert runs.reads == ["d.md"]
    assert "KLM402" in report and "content/posts/d.md" in report
    assert walks == ["walk"]


def test_with_the_walk_kept_a_file_modified_just_before_a_run_is_not_kept(
    kept: Runs, site: SiteBuilder
) -> None:
    b = site.root / "content/posts/b.md"
    b.write_text(b.read_text().replace("Clinic", "Camp"))
    assert "KLM402" in kept()
    assert kept.reads == ["b.md"]
    assert "KLM402" in kept()
    assert kept.reads == ["b.md"], "its stamp is not trusted yet"
    age(b, 60)
    kept()
    kept()
    assert kept.reads == []


@pytest.mark.parametrize("change", ["added", "removed", "renamed", "ignored", "excluded-git"])
def test_a_change_in_the_folders_is_seen(
    runs: Runs, site: SiteBuilder, walks: list[str], change: str
) -> None:
    """Adding, removing or renaming a post, or a new ignore file, changes what a walk finds:
    the cache is not trusted for it."""
    posts = site.root / "content/posts"
    rewrite(posts / "b.md", "Clinic", "Camp")
    age_folders(site.root)
    before = runs()
    assert "KLM402" in before
    if change == "added":
        age(site.post(GOOD_POST.replace("Community engagement.", "School"), name="d.md"))
    elif change == "removed":
        (posts / "b.md").unlink()
    elif change == "renamed":
        (posts / "b.md").rename(posts / "b2.md")
    elif change == "ignored":
        age(site.write(".gitignore", "content/posts/b.md\n"))
    else:
        (site.root / ".git" / "info").mkdir(parents=True)
        age(site.write(".git/info/exclude", "b.md\n"))
    after = runs()
    assert len(walks) == 2
    if change == "added":
        assert runs.reads == ["d.md"] and "KLM402" in after
    elif change == "renamed":
        assert runs.reads == ["b2.md"] and "content/posts/b2.md" in after
    else:
        assert "KLM402" not in after


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


@pytest.mark.parametrize(
    ("where", "wrong"),
    [
        (("files", 1), 1),
        (("files",), ["content/posts/a.md"]),
        (("stamps",), "1"),
        (("stamps",), [1, 2]),
        (("stamps",), numbers_text([1, 2])),
        (("collection",), numbers_text([0, 7, 0])),
        (("collection",), None),
        (("line_ends",), "12"),
        (("header", "count"), 2),
        (("header", "sections"), ["files"]),
    ],
)
def test_a_column_of_the_wrong_shape_is_not_trusted(
    runs: Runs, site: SiteBuilder, where: tuple[str | int, ...], wrong: object
) -> None:
    """Each column the cache is read by is checked, stamps and all, before the cache stands
    for the posts, even in a file whose checksum holds."""
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    forge(site.root, where, wrong)
    assert runs() == expected
    assert sorted(runs.reads) == ["b.md", "c.md"]


@pytest.mark.parametrize(
    ("where", "wrong"),
    [
        (("fact:title", 0, 1), 5),
        (("fact:title", 1), "AAAA"),
        (("fact:title", 1), "!" * 96),
        (("fact:avatar", 1), "!" * 96),
        (("fact:title",), ["Camp", "AAAA"]),
        (("fact:hidden",), "0"),
        (("fact:hidden",), "01x"),
        (("fact:slug", 1), 1.5),
        (("fact:slug",), []),
        (("fact:author",), {"title": "Camp"}),
    ],
)
def test_a_fact_column_of_the_wrong_shape_is_not_used(
    runs: Runs, site: SiteBuilder, where: tuple[str | int, ...], wrong: object
) -> None:
    """A fact's column is read only when a rule needs it; one that is not what its kind holds
    is not used: the posts that need the fact are read again."""
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    forge(site.root, where, wrong)
    assert runs() == expected
    assert set(runs.reads) <= {"b.md", "c.md"}


def forge(root: Path, where: tuple[str | int, ...], wrong: object) -> None:
    """Put a wrong value in the cache, in a file whose checksum holds."""
    (cache,) = cache_files(root)
    data = read_cache(cache)
    part: Any = data
    *path, last = where
    for step in path:
        part = part[step]
    part[last] = wrong
    write_cache(cache, data)


def test_a_damaged_section_is_not_trusted(runs: Runs, site: SiteBuilder) -> None:
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    (cache,) = cache_files(site.root)
    cache.write_bytes(cache.read_bytes().replace(b'"Camp"', b'"Camq"'))
    assert runs() == expected
    assert sorted(runs.reads) == ["b.md", "c.md"], "the checksum tells the change"


def test_keys_of_the_wrong_shape_are_computed_again(runs: Runs, site: SiteBuilder) -> None:
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    expected = runs()
    (cache,) = cache_files(site.root)
    data = read_cache(cache)
    keys = [name for name in data["header"]["sections"] if name.startswith("key:")]
    assert keys, "the keys whole-site rules group posts by are kept"
    for name in keys:
        data[name] = data[name][1:]
    write_cache(cache, data)
    assert runs() == expected
    assert runs.reads == []
    for name in keys:
        data[name] = ["a\tb", "c", "d"]
    write_cache(cache, data)
    assert runs() == expected
    assert runs.reads == []
    (cache,) = cache_files(site.root)
    lines = cache.read_bytes().split(b"\n")
    for at, name in enumerate(data["header"]["sections"], 1):
        if name.startswith("key:"):
            lines[at] = b"\xff\t\t"
    cache.write_bytes(resealed_bytes(b"\n".join(lines)))
    assert runs() == expected
    assert runs.reads == []


def test_keys_that_are_not_keys_stand_for_keys_no_post_has(runs: Runs, site: SiteBuilder) -> None:
    """A forged column of texts that are no keys (its checksum holds) is not read key by key:
    its texts match no post's key, and the run goes on."""
    rewrite(site.root / "content/posts/b.md", "Clinic", "Camp")
    assert "KLM402" in runs()
    (cache,) = cache_files(site.root)
    data = read_cache(cache)
    for name in data["header"]["sections"]:
        if name.startswith("key:"):
            data[name] = ["{not json" if key is not None else None for key in data[name]]
    write_cache(cache, data)
    report = runs()
    assert "KLM000" not in report and "Checked 1 file" in report


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


def _by(author: str, avatar: str, title: str) -> str:
    return (
        f"---\ntitle: {title}\nauthor:\n  name: {author}\n  avatar: {avatar}\n"
        "date: 2022-04-04T05:00:00Z\n---\nText.\n"
    )


@pytest.mark.parametrize("walk_kept", [True, False])
def test_an_authors_avatars_counted_from_the_cache_are_those_of_the_posts(
    site: SiteBuilder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    walk_kept: bool,
) -> None:
    """KLM403 counts an author's avatars from the cache's rows without making the posts whole:
    what it reports is what a run without the cache reports, as posts change author."""
    for name, author, avatar in (
        ("a.md", "Ann Lee", "/a.jpg"),
        ("b.md", "Ann Lee", "/b.jpg"),
        ("c.md", "Ann  Lee", "/b.jpg "),
        ("d.md", "Bob Ray", "/a.jpg"),
        ("e.md", "Ann Lee", "/c.jpg"),
    ):
        age(site.post(_by(author, avatar, name), name=name))
    runs = Runs(site, monkeypatch, capsys)
    if walk_kept:
        age_folders(site.root)
    runs()

    def same_as_without_cache() -> str:
        report = runs()
        assert report == runs("--no-cache")
        return report

    first = same_as_without_cache()
    assert "KLM403" in first and "/b.jpg (2 posts, such as content/posts/b.md, line 5)" in first
    made: list[str] = []
    whole = Stored.post

    def counted(stored: Stored, key: str, row: int) -> Post:
        made.append(os.path.basename(key))
        return whole(stored, key, row)

    with monkeypatch.context() as patched:
        patched.setattr(Stored, "post", counted)
        assert runs() == first
    assert sorted(made) == ["b.md", "e.md"], "only each other avatar's first post is made whole"
    posts = site.root / "content/posts"
    rewrite(posts / "c.md", "Ann  Lee", "Bob Ray")
    moved = same_as_without_cache()
    assert "/b.jpg (content/posts/b.md, line 5)" in moved
    assert "Pick one avatar" in moved
    rewrite(posts / "d.md", "Bob Ray", "Ann Lee")
    rewrite(posts / "e.md", "/c.jpg", "/a.jpg")
    assert "KLM403" not in same_as_without_cache(), "/a.jpg is the most used now"
    runs()
    assert runs.reads == []


_KEYS = st.recursive(
    st.none() | st.text(), lambda inner: st.tuples(inner) | st.tuples(inner, inner), max_leaves=4
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_KEYS, max_size=6))
def test_a_column_of_keys_reads_back_as_written(keys: list[Any]) -> None:
    texts = [key_text(key) for key in keys]
    assert all(text is None or isinstance(text, str) for text in texts)
    pieces = KeyPieces()
    assert pieces.add(texts), "a key's text holds no tab nor line break"  # type: ignore[arg-type]
    line = "".join(pieces.pieces)
    read = key_texts(line.encode(), len(texts))
    assert read == [text or "" for text in texts], "no key's text is empty: it stands for None"
    assert [key_value(text) if text else None for text in read] == keys


class _Text(str):
    """A key of a str subclass: the cache does not keep it."""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_KEYS | st.builds(_Text, st.text()) | st.integers(), max_size=6)
    | st.lists(st.none() | st.text(), max_size=6)
    | st.lists(
        st.none()
        | st.lists(st.text() | st.builds(_Text, st.text()) | st.none(), max_size=3).map(tuple),
        max_size=6,
    )
    | st.lists(st.none() | st.lists(st.text(), max_size=3), max_size=4)
)
def test_the_texts_of_a_column_of_keys_are_each_keys_text(keys: list[Any]) -> None:
    assert key_texts_of(keys) == [key_text(key) for key in keys]


@pytest.mark.parametrize("texts", [["a\tb"], ["a\nb", "c"], ["a\rb"]])
def test_a_column_of_texts_that_are_no_keys_is_not_kept(texts: list[str | None]) -> None:
    assert not KeyPieces().add(texts)
