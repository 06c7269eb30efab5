"""examples/site lints clean; examples/broken shows every rule that a file can trigger."""

from __future__ import annotations

import json
import re
from pathlib import Path

from klm_lint.checks import ALL_RULES
from tests.checks.test_rulebook import NOT_REPRODUCIBLE
from tests.test_cli import klm_lint

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_site_lints_clean() -> None:
    result = klm_lint("examples/site", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all checks passed" in result.stdout


def broken_findings() -> list[dict[str, object]]:
    result = klm_lint("--format", "json", "examples/broken", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def test_broken_shows_every_rule() -> None:
    shown = {finding["code"] for finding in broken_findings()}
    expected = {rule.code for rule in ALL_RULES} - set(NOT_REPRODUCIBLE)
    assert shown == expected


def test_each_broken_file_shows_the_rule_it_is_named_after() -> None:
    by_file: dict[str, set[object]] = {}
    for finding in broken_findings():
        by_file.setdefault(str(finding["path"]), set()).add(finding["code"])
    files = sorted((EXAMPLES / "broken" / "content").rglob("klm*"))
    assert files
    for path in files:
        code = re.match(r"klm(\d{3})", path.name)
        assert code, path
        shown = by_file.get(path.relative_to(ROOT).as_posix(), set())
        assert shown == {f"KLM{code.group(1)}"}, (path.name, shown)
