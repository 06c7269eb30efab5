from __future__ import annotations

import json

from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint


def test_one_finding_per_line_same_as_the_json_report(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", 'draft: "false"'), name="a.md")
    site.post(GOOD_POST.replace("title: Community engagement.\n", ""), name="b.md")
    site.post(GOOD_POST.replace("Community engagement.", "Clean water."), name="c.md")
    lines = klm_lint("--format", "json-lines", cwd=site.root)
    assert lines.returncode == 1
    assert lines.stdout.endswith("\n")
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [(r["path"], r["code"], r["line"], r["column"]) for r in records] == [
        ("content/posts/a.md", "KLM104", 8, 8),
        ("content/posts/b.md", "KLM101", 1, 1),
    ]
    whole = json.loads(klm_lint("--format", "json", cwd=site.root).stdout)
    assert records == whole["findings"]


def test_a_clean_run_prints_nothing(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = klm_lint("--format", "json-lines", cwd=site.root)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
