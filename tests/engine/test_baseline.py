from __future__ import annotations

import json

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint

LEGACY = GOOD_POST.replace("draft: false", "draft: no")


def test_baseline_hides_known_findings_and_fails_on_new_ones(site: SiteBuilder) -> None:
    site.post(LEGACY, name="old.md")
    written = klm_lint("content", "--write-baseline", "baseline.json", cwd=site.root)
    assert written.returncode == 0
    assert "Wrote 1 finding(s) to the baseline" in written.stderr
    entries = json.loads((site.root / "baseline.json").read_text())["findings"]
    assert [(e["path"], e["code"]) for e in entries] == [("content/posts/old.md", "KLM104")]

    known = klm_lint("content", "--baseline", "baseline.json", cwd=site.root)
    assert known.returncode == 0
    assert "1 finding left out: the baseline knows them." in known.stdout

    site.post(LEGACY.replace("Community engagement.", "A new post"), name="new.md")
    fresh = klm_lint("content", "--baseline", "baseline.json", "-f", "json", cwd=site.root)
    assert fresh.returncode == 1
    document = json.loads(fresh.stdout)
    assert [f["path"] for f in document["findings"]] == ["content/posts/new.md"]
    assert document["summary"]["baselined"] == 1


def test_edits_elsewhere_in_the_file_keep_the_baseline_valid(site: SiteBuilder) -> None:
    path = site.post(LEGACY, name="old.md")
    klm_lint("content", "--write-baseline", "baseline.json", cwd=site.root)
    path.write_text(LEGACY.replace("---\ntitle", "---\nmeta_title: Added later\ntitle"))
    assert klm_lint("content", "--baseline", "baseline.json", cwd=site.root).returncode == 0


def test_stale_entries_are_counted(site: SiteBuilder) -> None:
    path = site.post(LEGACY, name="old.md")
    klm_lint("content", "--write-baseline", "baseline.json", cwd=site.root)
    path.write_text(GOOD_POST)
    result = klm_lint("content", "--baseline", "baseline.json", cwd=site.root)
    assert result.returncode == 0
    assert "1 baseline entry no longer occur" in result.stdout


def test_baseline_paths_do_not_depend_on_the_working_directory(site: SiteBuilder) -> None:
    site.post(LEGACY, name="old.md")
    klm_lint("content", "--write-baseline", "baseline.json", cwd=site.root)
    result = klm_lint("posts", "--baseline", "../baseline.json", cwd=site.root / "content")
    assert result.returncode == 0, result.stdout


def test_the_same_finding_twice_needs_two_entries(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Tabs>\n", name="old.md")
    klm_lint("content", "--write-baseline", "b.json", cwd=site.root)
    site.post(GOOD_POST + "<Tabs>\n\n<Tabs>\n", name="old.md")
    result = klm_lint("content", "--baseline", "b.json", "-f", "json", cwd=site.root)
    assert result.returncode == 1
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_bad_baseline_is_exit_2(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    (site.root / "b.json").write_text("[]")
    result = klm_lint("content", "--baseline", "b.json", cwd=site.root)
    assert result.returncode == 2
    assert "not a klm-lint baseline" in result.stderr
    missing = klm_lint("content", "--baseline", "missing.json", cwd=site.root)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
