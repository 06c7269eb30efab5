from __future__ import annotations

import codecs
import os
import stat
from typing import TYPE_CHECKING

import pytest

from klm_lint.engine.fixes import write_fixed
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from pathlib import Path

DRAFT_STRING = GOOD_POST.replace("draft: false", 'draft: "false"')


def fix(site: SiteBuilder, *args: str) -> tuple[int, str, str]:
    result = klm_lint("content", "--format", "concise", *args, cwd=site.root)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('draft: "false"', "draft: false"),
        ("draft: 'false'", "draft: false"),
        ("draft: no", "draft: false"),
        ("draft: off", "draft: false"),
        ("draft: 0", "draft: false"),
        ('draft: "true"', "draft: true"),
        ("draft: yes", "draft: true"),
        ("draft: on", "draft: true"),
        ("draft: 1", "draft: true"),
        ("date: April 4, 2022", "date: 2022-04-04"),
        ("date: 4 April 2022", "date: 2022-04-04"),
        ("date: 2022/04/04", "date: 2022-04-04"),
        ("date: 2022-4-4", "date: 2022-04-04"),
        ('date: "April 4, 2022"', 'date: "2022-04-04"'),
        ("date: 'April 4, 2022'", "date: '2022-04-04'"),
        ("image: /images/POST.jpg", "image: /images/post.jpg"),
        ('image: "/images/Author/6.JPG"', 'image: "/images/author/6.jpg"'),
    ],
)
def test_safe_fixes(site: SiteBuilder, before: str, after: str) -> None:
    key = before.split(":")[0]
    line = next(line for line in GOOD_POST.splitlines() if line.startswith(key + ":"))
    path = site.post(GOOD_POST.replace(line, before))
    code, stdout, _ = fix(site, "--fix")
    assert code == 0, stdout
    assert path.read_text() == GOOD_POST.replace(line, after)
    assert "Fixed 1 finding; 0 findings remain." in stdout


def test_fix_keeps_every_other_byte(site: SiteBuilder) -> None:
    original = (
        codecs.BOM_UTF8.decode()
        + "---\r\n"
        + "# a comment that stays\r\n"
        + "draft:   'no'    # keep me too\r\n"
        + "title: Community engagement.\r\n"
        + "author: {name: 'Abdullah',  avatar: /images/author/6.jpg}\r\n"
        + "date: April 4, 2022\r\n"
        + "---\r\n"
        + "Body with <Tabs>\r\n\r\n</Tabs> and trailing spaces   \r\n"
    )
    path = site.post(original.encode("utf-8"))
    fix(site, "--fix")
    expected = original.replace("'no'", "false").replace("April 4, 2022", "2022-04-04")
    assert path.read_bytes() == expected.encode("utf-8")


def test_second_fix_run_changes_nothing(site: SiteBuilder) -> None:
    path = site.post(DRAFT_STRING)
    fix(site, "--fix")
    first = path.read_bytes()
    _, stdout, _ = fix(site, "--fix")
    assert path.read_bytes() == first
    assert "Fixed 0 findings" in stdout


def test_remaining_findings_decide_the_exit_code(site: SiteBuilder) -> None:
    site.post(DRAFT_STRING.replace("title: Community engagement.\n", ""))
    code, stdout, _ = fix(site, "--fix")
    assert code == 1
    assert "KLM101" in stdout and "KLM104" not in stdout
    assert "Fixed 1 finding; 1 finding remains." in stdout


def test_unsafe_fixes_need_the_flag(site: SiteBuilder) -> None:
    path = site.post(GOOD_POST.replace("date: 2022-04-04T05:00:00Z", "date: 04/05/2022"))
    _, stdout, _ = fix(site)
    assert "KLM103 [unsafe fix]" in stdout
    assert stdout.endswith("\n1 finding fixable with --fix --unsafe-fixes.\n")
    fix(site, "--fix")
    assert "04/05/2022" in path.read_text()
    fix(site, "--fix", "--unsafe-fixes")
    assert "date: 2022-04-05" in path.read_text()


def test_day_first_date_order(site: SiteBuilder) -> None:
    site.config('date-order = "day-first"\n')
    path = site.post(GOOD_POST.replace("date: 2022-04-04T05:00:00Z", "date: 04/05/2022"))
    fix(site, "--fix", "--unsafe-fixes")
    assert "date: 2022-05-04" in path.read_text()


def test_missing_draft_is_inserted_as_true_only_when_unsafe(site: SiteBuilder) -> None:
    path = site.post(GOOD_POST.replace("draft: false\n", ""))
    fix(site, "--fix")
    assert "draft" not in path.read_text()
    fix(site, "--fix", "--unsafe-fixes")
    assert path.read_text() == GOOD_POST.replace("draft: false\n", "draft: true\n")


def test_missing_draft_in_toml_and_json(site: SiteBuilder) -> None:
    toml = site.post(
        '+++\ntitle = "T"\ndate = 2022-04-04\n\n[author]\nname = "A"\n+++\nBody\n', name="t.md"
    )
    json_post = site.post(
        '---json\n{\n  "title": "T", "date": "2022-04-04", "author": {"name": "A"}\n}\n---\n',
        name="j.md",
    )
    code, stdout, _ = fix(site, "--fix", "--unsafe-fixes")
    assert code == 0, stdout
    assert toml.read_text().startswith('+++\ndraft = true\ntitle = "T"')
    assert '{ "draft": true,\n  "title"' in json_post.read_text()


def test_duplicate_key_fix_drops_the_first(site: SiteBuilder) -> None:
    path = site.post(GOOD_POST.replace("draft: false\n", "draft: false\ntitle: Second title\n"))
    fix(site, "--fix", "--unsafe-fixes")
    assert path.read_text() == GOOD_POST.replace("title: Community engagement.\n", "").replace(
        "draft: false\n", "draft: false\ntitle: Second title\n"
    )


def test_diff_writes_nothing_and_exits_1(site: SiteBuilder) -> None:
    path = site.post(DRAFT_STRING)
    result = klm_lint("content", "--diff", cwd=site.root)
    assert result.returncode == 1
    assert path.read_text() == DRAFT_STRING
    assert result.stdout.splitlines()[:2] == [
        "--- a/content/posts/post.md",
        "+++ b/content/posts/post.md",
    ]
    assert '-draft: "false"' in result.stdout and "+draft: false" in result.stdout
    clean = klm_lint("content", "--diff", cwd=site.root)
    assert clean.returncode == 1
    site.post(GOOD_POST)
    assert klm_lint("content", "--diff", cwd=site.root).returncode == 0


def test_show_fixes(site: SiteBuilder) -> None:
    site.post(DRAFT_STRING)
    _, stdout, _ = fix(site, "--fix", "--show-fixes")
    assert "content/posts/post.md:8:8: KLM104 Write draft: false" in stdout


def test_fix_keeps_the_file_mode(site: SiteBuilder) -> None:
    path = site.post(DRAFT_STRING)
    os.chmod(path, 0o640)
    fix(site, "--fix")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["post.md"]


def test_atomic_write_leaves_the_file_alone_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "post.md"
    path.write_text("before")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_fixed(path, b"after")
    assert path.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_findings_with_a_fix_are_marked_in_the_full_report(site: SiteBuilder) -> None:
    site.post(DRAFT_STRING)
    result = klm_lint("content", cwd=site.root)
    assert "KLM104 draft-flag [fix]" in result.stdout
    assert "1 finding fixable with --fix." in result.stdout


def test_a_fix_that_would_break_the_file_is_not_written(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from klm_lint.checks import fields
    from klm_lint.config.model import Config
    from klm_lint.engine.result import FixMode
    from klm_lint.engine.run import Engine
    from klm_lint.engine.selection import build_selection
    from klm_lint.findings import Applicability, Fix
    from klm_lint.site.site import Site

    def breaking_fix(doc: object, name: str, node: object) -> Fix:
        assert hasattr(doc, "edit") and hasattr(node, "start") and hasattr(node, "end")
        edit = doc.edit(node.start, node.end, "[unclosed")
        return Fix(Applicability.SAFE, "a fix with a bug", (edit,))

    monkeypatch.setattr(fields, "_draft_fix", breaking_fix)
    path = site.post(DRAFT_STRING)
    config = Config.model_construct()
    result = Engine(Site(site.root, config), build_selection(config)).run([path], fix=FixMode())
    assert path.read_text() == DRAFT_STRING
    assert [f.code for f in result.findings] == ["KLM104"]
    assert result.fixed == []
    assert len(result.notes) == 1
    assert "fixes not applied, because the fixed file would not load" in result.notes[0]
