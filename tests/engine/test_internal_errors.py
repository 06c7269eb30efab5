"""A bug in klm-lint never shows a traceback unless --debug asks for it: a rule or the loader
failing on a file becomes a KLM000 finding there, the run goes on, and the exit code is 2."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder

ROOT = Path(__file__).resolve().parents[2]

BREAK_A_RULE = """
from klm_lint import checks
from klm_lint.engine import run as engine
from klm_lint.checks.fields import draft_flag
from klm_lint.checks.rule import Rule
def explode(doc, site):
    if doc.path.name == "a.md":
        raise ValueError("boom\\nsecond line")
    return draft_flag.check(doc, site)
engine.ALL_RULES = tuple(
    Rule(r.code, r.name, r.severity, r.summary, explode) if r.code == "KLM104" else r
    for r in checks.ALL_RULES
)
"""

BREAK_THE_LOADER = """
from klm_lint.engine import run as engine
real = engine.load_text
def load_text(raw, path, *args, **kwargs):
    if path.name == "a.md":
        raise RecursionError("maximum recursion depth exceeded")
    return real(raw, path, *args, **kwargs)
engine.load_text = load_text
"""

BREAK_A_WHOLE_SITE_RULE = """
from klm_lint import checks
from klm_lint.engine import run as engine
from klm_lint.checks.rule import Rule
real = checks.RULES_BY_CODE["KLM402"]
def explode(post, index, site):
    if post.site_path.endswith("a.md"):
        raise ValueError("boom")
    return real.site_check(post, index, site)
engine.ALL_RULES = tuple(
    Rule(r.code, r.name, r.severity, r.summary, site_check=explode, facts=r.facts)
    if r.code == "KLM402" else r
    for r in checks.ALL_RULES
)
"""

BREAK_THE_REPORT = """
import klm_lint.report.concise as concise
def render(result, stream, options):
    raise KeyError("nope")
concise.render = render
"""


def run(site: SiteBuilder, breakage: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(breakage) + "\nfrom klm_lint.cli import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", code, "--format", "concise", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=60,
    )


@pytest.fixture
def two_posts(site: SiteBuilder) -> SiteBuilder:
    site.post(GOOD_POST.replace("draft: false", "draft: no"), "a.md")
    site.post(GOOD_POST.replace("draft: false", "draft: no").replace("Community", "Other"), "b.md")
    return site


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (BREAK_A_RULE, "rule KLM104 draft-flag failed on this file (ValueError: boom)"),
        (BREAK_THE_LOADER, "klm-lint failed while reading this file (RecursionError"),
        (BREAK_A_WHOLE_SITE_RULE, "rule KLM402 duplicate-title failed on this file (ValueError"),
    ],
)
def test_an_exception_becomes_klm000_and_the_run_goes_on(
    two_posts: SiteBuilder, breakage: str, message: str
) -> None:
    result = run(two_posts, breakage)
    assert result.returncode == 2
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    [internal] = [line for line in lines if "KLM000" in line]
    assert internal.startswith("content/posts/a.md:1:1: KLM000 ")
    assert message in internal and "second line" not in internal
    assert any(line.startswith("content/posts/b.md:8:8: KLM104") for line in lines)


def test_debug_shows_the_traceback_and_still_reports_everything(two_posts: SiteBuilder) -> None:
    result = run(two_posts, BREAK_A_RULE, "--debug")
    assert result.returncode == 2
    assert "klm-lint: internal error in rule KLM104 draft-flag on content/posts/a.md:" in (
        result.stderr
    )
    assert "Traceback (most recent call last)" in result.stderr
    assert "ValueError: boom" in result.stderr
    assert "content/posts/a.md:1:1: KLM000" in result.stdout
    assert "content/posts/b.md:8:8: KLM104" in result.stdout


@pytest.mark.parametrize("debug", [False, True])
def test_an_error_outside_the_rules_is_one_line_and_exit_2(
    two_posts: SiteBuilder, debug: bool
) -> None:
    result = run(two_posts, BREAK_THE_REPORT, *(["--debug"] if debug else []))
    assert result.returncode == 2
    assert result.stderr.endswith(
        "klm-lint: error: internal error: KeyError: 'nope' (please report it)\n"
    )
    assert ("Traceback" in result.stderr) is debug


BREAK_THE_FACTS = """
from klm_lint.engine import run as engine
real = engine.post_for
def post_for(doc, layout, key=None):
    if doc.path.name == "a.md":
        raise ValueError("boom")
    return real(doc, layout, key)
engine.post_for = post_for
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_post_whose_facts_fail_gets_klm000_and_the_other_rules_still_run(
    two_posts: SiteBuilder, jobs: str
) -> None:
    result = run(two_posts, BREAK_THE_FACTS, "--jobs", jobs)
    assert result.returncode == 2
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    internal = [line for line in lines if "KLM000" in line]
    assert internal
    assert all(line.startswith("content/posts/a.md:1:1: KLM000 ") for line in internal)
    assert (
        "failed while taking this post's facts for the whole-site rules (ValueError: boom)"
        in (internal[0])
    )
    assert any(line.startswith("content/posts/a.md:8:8: KLM104") for line in lines)
    assert any(line.startswith("content/posts/b.md:8:8: KLM104") for line in lines)
