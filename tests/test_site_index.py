"""The site index: front matter only, read once per run, and only when a whole-site rule runs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from klm_lint import site_index
from klm_lint.config import find_config_file, load_config
from klm_lint.dates import parse_moment
from klm_lint.discover import discover
from klm_lint.engine import Linter
from klm_lint.nodes import Scalar
from klm_lint.selection import build_selection
from klm_lint.site import Site
from klm_lint.site_index import SiteIndex, hides, read_front_matter
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import SiteBuilder

POST = "---\ntitle: Camp\nauthor:\n  name: Jane\ndate: 2023-01-01\ndraft: false\n---\n"


def read(path: Path, max_bytes: int = 10**7, max_chars: int = 10**6) -> dict[str, object]:
    found = read_front_matter(str(path), max_bytes, max_chars)
    assert found is not None
    lines, root = found
    return {
        "lines": lines.line_count,
        **{entry.key.text: getattr(entry.value, "value", None) for entry in root.entries},
    }


def test_the_body_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(POST.encode() + b"caf\xe9 " * 200_000)
    assert read(path) == {
        "lines": 8,
        "title": "Camp",
        "author": None,
        "date": dt.date(2023, 1, 1),
        "draft": False,
    }


def test_front_matter_longer_than_the_first_chunk(tmp_path: Path) -> None:
    long = "x" * 30_000
    path = tmp_path / "post.md"
    path.write_text(f"---\ndescription: {long}\ntitle: Camp\n---\nBody\n" + "b" * 50_000)
    assert read(path)["title"] == "Camp"


@pytest.mark.parametrize(
    "content",
    [
        POST.replace("\n", "\r\n") + "Body\r\n",
        POST.replace("\n", "\r") + "Body\r",
        "\ufeff" + POST,
        '+++\ntitle = "Camp"\n+++\nBody\n',
        '---json\n{"title": "Camp"}\n---\nBody\n',
        '{\n  "title": "Camp"\n}\nBody\n',
        "---\ntitle: Camp\n---",
    ],
)
def test_formats_and_line_endings(tmp_path: Path, content: str) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(content.encode("utf-8"))
    assert read(path)["title"] == "Camp"


@pytest.mark.parametrize(
    "content",
    [
        b"# No front matter\n",
        b"---\ntitle: Camp\nNever closed\n" + b"more\n" * 5000,
        b"---\ntitle: [unclosed\n---\n",
        b"---\ntitle: Caf\xe9\n---\n",
        b"---\ntitle: a\x00b\n---\n",
        "---\ntitle: Camp\n---\n".encode("utf-16"),
        b"",
    ],
)
def test_files_without_usable_front_matter(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(content)
    assert read_front_matter(str(path), 10**7, 10**6) is None


def test_size_limits(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(POST + "Body\n")
    assert read_front_matter(str(path), 10, 10**6) is None
    assert read_front_matter(str(path), 10**7, 10) is None
    assert read_front_matter(str(tmp_path / "missing.md"), 10**7, 10**6) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01", dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)),
        ("2024-05-01T09:30:00Z", dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)),
        ("2024-05-01T09:30:00+06:00", dt.datetime(2024, 5, 1, 3, 30, tzinfo=dt.timezone.utc)),
        ("2024-05-01 09:30", dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)),
        ("2024-02-30", None),
        ("tomorrow", None),
    ],
)
def test_parse_moment(text: str, expected: dt.datetime | None) -> None:
    assert parse_moment(text) == expected


@pytest.mark.parametrize(
    ("value", "hidden"),
    [(True, True), (False, False), ("false", True), ("", False), (0, False), (1, True)],
)
def test_draft_is_read_as_the_site_reads_it(value: object, hidden: bool) -> None:
    assert hides(Scalar(0, 0, value, str(value), quoted=False)) is hidden  # type: ignore[arg-type]


def test_not_built_when_no_whole_site_rule_runs(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: SiteIndex) -> None:
        raise AssertionError("the index was built")

    monkeypatch.setattr(SiteIndex, "_walk", refuse)
    site.post(POST, name="a.md")
    site.post(POST, name="b.md")
    assert site.codes(select=["KLM1", "KLM2", "KLM3", "KLM404"]) == []


def test_read_once_per_run_and_only_posts(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    original = site_index.read_front_matter

    def counting(path: str, max_bytes: int, max_chars: int) -> object:
        reads.append(path.rsplit("/", 1)[-1])
        return original(path, max_bytes, max_chars)

    monkeypatch.setattr(site_index, "read_front_matter", counting)
    for name in ("a.md", "b.md", "c.md"):
        site.post(POST.replace("Camp", name), name=name)
    site.write("content/about.md", "---\ntitle: About\n---\n")
    assert site.codes("content/posts/a.md") == []
    assert reads == ["b.md", "c.md"]
    reads.clear()
    assert site.codes() == []
    assert reads == [], "a full run takes every post's entry from the post it lints"


def test_a_full_run_does_not_walk_the_content_folders_again(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from klm_lint import discover

    walks: list[list[Path]] = []
    original = discover.discover

    def counting(paths: list[Path], *args: object, **kwargs: bool) -> discover.Discovered:
        walks.append(paths)
        return original(paths, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(discover, "discover", counting)
    site.post(POST, name="a.md")
    site.post(POST.replace("Camp", "Other"), name="b.md")
    site.codes()
    assert walks == [], "the run found the files; the index takes them from the run"
    site.codes("content/posts/a.md")
    assert len(walks) == 1, "a run on one file walks the content folders once, for the index"


def test_a_post_that_does_not_load_still_counts_for_the_others(site: SiteBuilder) -> None:
    """Its body is not UTF-8 (KLM003), but the site still reads its front matter."""
    site.post(POST.replace("Camp", "Camp\nurl: /same").encode() + b"\xff body\n", name="a.md")
    site.post(POST.replace("Camp", "Other\nurl: /same"), name="b.md")
    findings = site.lint()
    assert sorted((f.path.rsplit("/", 1)[-1], f.code) for f in findings) == [
        ("a.md", "KLM003"),
        ("b.md", "KLM401"),
    ]
    assert "content/posts/a.md" in findings[-1].message


def _whole_site_cases(site: SiteBuilder) -> None:
    site.asset("images/author/other.jpg")

    def post(
        name: str, title: str, extra: str = "", avatar: str = "abdullah.jpg", draft: str = "false"
    ) -> None:
        text = GOOD_POST.replace("Community engagement.", title)
        text = text.replace("abdullah.jpg", avatar).replace("draft: false", f"draft: {draft}")
        site.post(text.replace("---\nKids", f"{extra.strip()}\n---\nKids"), name=name)

    post("a.md", "A", "\nurl: /same")
    post("b.md", "B", "\nurl: /same/")
    post("same.md", "C")
    post("d.md", "Twin")
    post("e.md", "twin ", avatar="other.jpg")
    post("f.md", "Twin  # klm-lint: ignore[KLM402]")
    post("g.md", "G  # klm-lint: ignore[KLM401]")
    post("h.md", "A", "url: /h", draft="true")
    site.post(
        GOOD_POST.replace("draft: false", "draft: false\nurl: same").encode() + b"\xff\n",
        name="i.md",
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_two_passes_find_what_one_pass_with_the_whole_index_finds(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A lint run checks whole-site rules in a second pass, only on the posts they concern; a
    --diff run checks every post with the index complete from the start. They must agree."""
    from klm_lint import parallel
    from klm_lint.engine import FixMode

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    _whole_site_cases(site)
    found = find_config_file(site.root)
    loaded = load_config(found)
    files = discover([site.root / "content"], Site(site.root, loaded.config, found)).files
    monkeypatch.chdir(site.root)

    def run(fix: FixMode | None) -> list[tuple[str, int, int, str, str]]:
        linter = Linter(Site(site.root, loaded.config, found), build_selection(loaded.config))
        result = linter.run(files, fix=fix, jobs=jobs, walked=[site.root / "content"])
        every = [*result.findings, *result.fixed]
        return sorted((f.path, f.span.line, f.span.column, f.code, f.message) for f in every)

    two_passes = run(None)
    codes = {finding[3] for finding in two_passes}
    assert {"KLM401", "KLM402", "KLM403", "KLM900", "KLM003"} <= codes, codes
    assert any("a draft for now" in finding[4] for finding in two_passes)
    assert two_passes == run(FixMode(write=False))
