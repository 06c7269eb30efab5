"""The public Python API: `klm_lint.lint(paths, options) -> Result`. Its shape is pinned here;
changing it is a change for every program that uses it."""

from __future__ import annotations

import dataclasses
import inspect
from typing import TYPE_CHECKING

import pytest

import klm_lint
from klm_lint.errors import KlmLintError
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


def test_the_shape_of_the_api() -> None:
    assert klm_lint.__all__ == [
        "LintOptions",
        "Progress",
        "Result",
        "Workspace",
        "__version__",
        "lint",
    ]
    assert str(inspect.signature(klm_lint.lint)) == (
        "(paths: 'Sequence[str | os.PathLike[str]]' = (), "
        "options: 'LintOptions | None' = None, *, progress: 'Progress | None' = None) "
        "-> 'Result'"
    )
    options = [(field.name, field.default) for field in dataclasses.fields(klm_lint.LintOptions)]
    assert options == [
        ("config", None),
        ("select", None),
        ("ignore", ()),
        ("fix", False),
        ("unsafe_fixes", False),
        ("diff", False),
        ("suppressions", True),
        ("baseline", None),
        ("force_exclude", False),
        ("changed_since", None),
        ("now", None),
        ("statistics", False),
        ("jobs", None),
        ("cache", None),
        ("debug", False),
        ("extend_select", ()),
        ("respect_gitignore", None),
        ("preset", None),
    ]
    assert [field.name for field in dataclasses.fields(klm_lint.Result)] == [
        "files",
        "findings",
        "fixed",
        "diffs",
        "notes",
        "baselined",
        "baseline_stale",
        "checked",
        "overview",
        "tracebacks",
        "unmatched",
        "empty_collections",
        "preset",
        "detected",
    ]
    for counted in ("errors", "warnings", "internal_errors"):
        assert isinstance(getattr(klm_lint.Result, counted), property)


def test_the_shape_of_the_workspace() -> None:
    workspace = klm_lint.Workspace
    public = [name for name in dir(workspace) if not name.startswith("_")]
    assert public == [
        "build_index",
        "config_path",
        "excluded",
        "file_changed",
        "fix_text",
        "index_ready",
        "known_values",
        "lint_text",
        "reload",
        "root",
        "site",
    ]
    methods = [name for name in public if callable(getattr(workspace, name))]
    signatures = {name: str(inspect.signature(getattr(workspace, name))) for name in methods}
    path = "path: 'str | os.PathLike[str]'"
    assert str(inspect.signature(workspace)) == (
        "(root: 'str | os.PathLike[str]' = '.', options: 'LintOptions | None' = None)"
    )
    assert signatures["lint_text"] == (
        f"(self, {path}, text: 'str | bytes', *, whole_site: 'bool' = True) -> 'Result'"
    )
    assert signatures["fix_text"] == (
        f"(self, {path}, text: 'str | bytes', *, unsafe: 'bool | None' = None) "
        "-> 'tuple[str | bytes, Result]'"
    )
    assert signatures["file_changed"] == f"(self, {path}) -> 'None'"
    assert signatures["excluded"] == f"(self, {path}) -> 'bool'"
    assert signatures["known_values"] == "(self, key: 'tuple[str, ...]') -> 'list[str]'"
    assert signatures["reload"] == signatures["build_index"] == "(self) -> 'None'"
    for value in ("config_path", "index_ready", "root", "site"):
        assert isinstance(getattr(workspace, value), property)


def test_lint_a_site(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    site.post(GOOD_POST, name="good.md")
    bad = GOOD_POST.replace("draft: false", 'draft: "false"').replace("engagement", "news")
    site.post(bad, name="bad.md")
    monkeypatch.chdir(site.root)
    result = klm_lint.lint(["content"])
    assert (result.files, result.errors, result.warnings) == (2, 1, 0)
    [finding] = result.findings
    assert (finding.path, finding.span.line, finding.span.column, finding.code) == (
        "content/posts/bad.md",
        8,
        8,
        "KLM104",
    )
    assert klm_lint.lint(["content"], klm_lint.LintOptions(ignore=["KLM104"])).findings == []


def test_fix_through_the_api(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    path = site.post(GOOD_POST.replace("draft: false", 'draft: "false"'))
    monkeypatch.chdir(site.root)
    diffed = klm_lint.lint([path], klm_lint.LintOptions(diff=True))
    assert [f.code for f in diffed.fixed] == ["KLM104"]
    assert '-draft: "false"\n+draft: false\n' in diffed.diffs[0]
    assert 'draft: "false"' in path.read_text()
    fixed = klm_lint.lint([path], klm_lint.LintOptions(fix=True))
    assert (fixed.findings, [f.code for f in fixed.fixed]) == ([], ["KLM104"])
    assert path.read_text() == GOOD_POST


def test_progress_is_told_the_total_then_each_file(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.md", "b.md", "c.md"):
        site.post(GOOD_POST.replace("Community engagement.", name), name=name)
    told: list[tuple[str, int]] = []

    class Recorder:
        def start(self, total: int) -> None:
            told.append(("start", total))

        def advance(self, done: int) -> None:
            told.append(("advance", done))

    monkeypatch.chdir(site.root)
    klm_lint.lint(["content"], progress=Recorder())
    assert told == [("start", 3), ("advance", 1), ("advance", 1), ("advance", 1)]


def test_errors_a_user_can_cause_raise_one_line(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site.root)
    with pytest.raises(KlmLintError, match="no-such-folder: no such file or folder"):
        klm_lint.lint(["no-such-folder"])
    site.config("mdx = 3\n")
    with pytest.raises(KlmLintError) as raised:
        klm_lint.lint(["content"])
    assert "\n" not in raised.value.message


def test_internal_errors_keep_their_traceback_only_with_debug(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from klm_lint.engine import run as engine

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(engine, "load_text", explode)
    site.post(GOOD_POST)
    monkeypatch.chdir(site.root)
    quiet = klm_lint.lint(["content"])
    assert quiet.internal_errors == 1 and quiet.tracebacks == []
    loud = klm_lint.lint(["content"], klm_lint.LintOptions(debug=True))
    assert len(loud.tracebacks) == 1 and "ValueError: boom" in loud.tracebacks[0]
