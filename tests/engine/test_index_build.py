"""The whole-site index: every post loaded once per run by the one loader, and only when a
whole-site rule (or the site summary) needs it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, cast

import pytest

from klm_lint.checks.post_facts import TITLE
from klm_lint.config.discovery import find_config_file, load_config
from klm_lint.engine import index_build
from klm_lint.engine import pool as parallel
from klm_lint.engine import run as engine_run
from klm_lint.engine.result import FixMode
from klm_lint.engine.run import Engine, all_facts
from klm_lint.engine.selection import build_selection
from klm_lint.site.discover import Watch, content_files, discover
from klm_lint.site.index import Layout
from klm_lint.site.site import Site
from tests.cache_files import read_cache
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.site.index import Post
    from tests.conftest import SiteBuilder

POST = "---\ntitle: Camp\nauthor:\n  name: Jane\ndate: 2023-01-01\ndraft: false\n---\n"


def loaded(site: SiteBuilder, content: str | bytes) -> Post | None:
    path = site.post(content)
    config = load_config(find_config_file(site.root)).config
    post, _stamp = index_build.load_post(path, Site(site.root, config), Layout.of(all_facts()))
    return post


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
        "---\ndescription: " + "x" * 30_000 + "\ntitle: Camp\n---\nBody\n" + "b" * 50_000,
    ],
)
def test_formats_and_line_endings(site: SiteBuilder, content: str) -> None:
    post = loaded(site, content)
    assert post is not None
    title = post[TITLE]
    assert title is not None and title.text == "Camp"


@pytest.mark.parametrize(
    "content",
    [
        b"# No front matter\n",
        b"---\ntitle: Camp\nNever closed\n" + b"more\n" * 5000,
        b"---\ntitle: [unclosed\n---\n",
        b"---\ntitle: Caf\xe9\n---\n",
        POST.encode() + b"caf\xe9 body\n",
        b"---\ntitle: a\x00b\n---\n",
        "---\ntitle: Camp\n---\n".encode("utf-16"),
        b"",
    ],
)
def test_a_file_that_does_not_load_contributes_nothing(site: SiteBuilder, content: bytes) -> None:
    assert loaded(site, content) is None


def test_size_limits(site: SiteBuilder) -> None:
    site.config("max-file-size = 20\n")
    assert loaded(site, POST + "Body\n") is None
    site.config("max-front-matter-size = 10\n")
    assert loaded(site, POST + "Body\n") is None


def test_not_built_when_no_whole_site_rule_runs(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was built")

    monkeypatch.setattr(engine_run, "complete_index", refuse)
    site.post(POST, name="a.md")
    site.post(POST, name="b.md")
    assert site.codes(select=["KLM1", "KLM2", "KLM3", "KLM404"]) == []


def test_loaded_once_per_run_and_only_posts(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    original = index_build.read_post

    def counting(path: Path | str, *args: object, **kwargs: bool) -> object:
        reads.append(os.path.basename(path))
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_build, "read_post", counting)
    for name in ("a.md", "b.md", "c.md"):
        site.post(POST.replace("Camp", name), name=name)
    site.write("content/about.md", "---\ntitle: About\n---\n")
    assert site.codes("content/posts/a.md") == []
    assert reads == ["b.md", "c.md"]
    (cache,) = (site.root / ".klm-lint-cache").glob("index-*.json")
    posts = [f"content/posts/{name}" for name in ("a.md", "b.md", "c.md")]
    assert read_cache(cache)["files"] == posts, "the page of no collection is not listed"
    reads.clear()
    assert site.codes() == []
    assert reads == [], "a full run takes every post's facts from the post it lints"


def test_a_full_run_does_not_walk_the_content_folders_again(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    walks: list[Site] = []

    def counting(site: Site, watch: Watch | None = None) -> list[str]:
        walks.append(site)
        return content_files(site, watch)

    monkeypatch.setattr(index_build, "content_files", counting)
    site.post(POST, name="a.md")
    site.post(POST.replace("Camp", "Other"), name="b.md")
    site.codes()
    assert walks == [], "the run found the files; the index takes them from the run"
    site.codes("content/posts/a.md")
    assert len(walks) == 1, "a run on one file walks the content folders once, for the index"


def test_front_matter_that_does_not_parse_tells_the_others_nothing(site: SiteBuilder) -> None:
    """The reproduction of the pipeline issue: b.md's url cannot be known, so a.md, which has
    the same one, gets no KLM401 naming it."""
    site.post(POST.replace("Camp", "Camp\nurl: /same"), name="a.md")
    site.post(POST.replace("Camp", "Other\nurl: /same\ntags: [a, b"), name="b.md")
    for paths in ((), ("content/posts/a.md",)):
        findings = site.lint(*paths)
        assert [(f.path.rsplit("/", 1)[-1], f.code) for f in findings] == (
            [("b.md", "KLM002")] if not paths else []
        )


def test_a_post_that_does_not_load_counts_once_it_loads(site: SiteBuilder) -> None:
    """Its body is not UTF-8 (KLM003): like a post whose front matter does not parse, it is
    compared with the others once it loads."""
    broken = site.post(
        POST.replace("Camp", "Camp\nurl: /same").encode() + b"\xff body\n", name="a.md"
    )
    site.post(POST.replace("Camp", "Other\nurl: /same"), name="b.md")
    assert [(f.path.rsplit("/", 1)[-1], f.code) for f in site.lint()] == [("a.md", "KLM003")]
    broken.write_text(POST.replace("Camp", "Camp\nurl: /same") + "body\n")
    findings = site.lint()
    assert sorted((f.path.rsplit("/", 1)[-1], f.code) for f in findings) == [
        ("a.md", "KLM401"),
        ("b.md", "KLM401"),
    ]


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
    post("j.md", "J", "description: Same words")
    post("k.md", "K", "description: same  words # klm-lint: ignore[KLM405, KLM402]")
    site.post(
        GOOD_POST.replace("draft: false", "draft: false\nurl: same").encode() + b"\xff\n",
        name="i.md",
    )


def test_one_job_means_one_process_everywhere(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-j1: neither the lint nor the loading of the other posts for the index starts a pool."""
    from klm_lint import api

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    for index in range(8):
        site.post(POST.replace("Camp", f"Camp {index % 3}"), name=f"p{index}.md")
    monkeypatch.chdir(site.root)
    every = api.lint(["content"], api.LintOptions(jobs=2, cache=False))
    one = api.lint(["content/posts/p0.md"], api.LintOptions(jobs=2, cache=False))
    monkeypatch.setattr(parallel, "map_shared", refuse)
    assert api.lint(["content"], api.LintOptions(jobs=1, cache=False)).findings == every.findings
    assert (
        api.lint(["content/posts/p0.md"], api.LintOptions(jobs=1, cache=False)).findings
        == one.findings
    )
    assert any(finding.code == "KLM402" for finding in one.findings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_and_fix_runs_find_the_same(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A lint run places whole-site findings after stage 1, and applies suppressions then; a
    --diff run checks every post with the index complete from the start. They must agree."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    _whole_site_cases(site)
    found = find_config_file(site.root)
    config = load_config(found).config
    files = discover([site.root / "content"], Site(site.root, config, found)).files
    monkeypatch.chdir(site.root)

    def run(fix: FixMode | None) -> list[tuple[str, int, int, str, str]]:
        engine = Engine(Site(site.root, config, found), build_selection(config))
        result = engine.run(files, fix=fix, jobs=jobs, covered=True)
        every = [*result.findings, *result.fixed]
        return sorted((f.path, f.span.line, f.span.column, f.code, f.message) for f in every)

    lint_run = run(None)
    codes = {finding[3] for finding in lint_run}
    assert {"KLM401", "KLM402", "KLM403", "KLM405", "KLM900", "KLM003"} <= codes, codes
    assert any("a draft for now" in finding[4] for finding in lint_run)
    assert lint_run == run(FixMode(write=False))


def test_the_stamps_of_files_are_those_their_stat_gives(site: SiteBuilder) -> None:
    first = site.post(POST, name="a.md")
    second = site.post(POST + "More.\n", name="b.md")
    names = ["content/posts/a.md", "content/posts/b.md"]
    stamps = index_build.stamps_of(str(site.root), names)
    assert stamps is not None
    assert list(stamps) == [
        number
        for path in (first, second)
        for number in (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ctime_ns)
    ]
    assert index_build.stamps_of(str(site.root), [*names, "content/posts/gone.md"]) is None


def test_the_linted_files_keep_their_stamps_and_posts_as_a_dict_would() -> None:
    linted = index_build.Linted()
    first = cast("Post", object())
    linted.add("/site/a.md", (10, 20, 30), None)
    linted.add("/site/b.md", None, first)
    assert list(linted.items()) == [("/site/a.md", (10, 20, 30), None), ("/site/b.md", None, first)]
    assert "/site/b.md" in linted and "/site/c.md" not in linted
    assert linted.stamp("/site/b.md") is None
    assert linted.post("/site/b.md") is first and linted.post("/site/c.md") is None
    # A file given twice: its first place, its last stamp and post.
    linted.add("/site/a.md", (11, 21, 31), first)
    assert len(linted) == 2
    again = [("/site/a.md", (11, 21, 31), first), ("/site/b.md", None, first)]
    assert list(linted.items()) == again


def test_a_run_from_the_project_root_holds_each_path_once(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk's text of a path is the post's site path and its file's: a large site's paths
    are not held twice."""
    site.post(POST, name="a.md")
    monkeypatch.chdir(site.root)
    config = load_config(find_config_file(site.root)).config
    engine = Engine(Site(site.root, config), build_selection(config))
    walked = "".join(["content/posts/", "a.md"])  # the walk's text: not a constant of the test
    result = engine.file_result(walked)
    assert result.post is not None
    assert result.site_path is walked and result.post.site_path is walked
