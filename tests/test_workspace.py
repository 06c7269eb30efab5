"""klm_lint.Workspace: texts linted and fixed as if they were files of the project, with the
whole-site index built once and kept current."""

from __future__ import annotations

import threading

import pytest

import klm_lint
from klm_lint.errors import KlmLintError
from tests.conftest import GOOD_POST, SiteBuilder


def titled(title: str, **changes: str) -> str:
    text = GOOD_POST.replace("Community engagement.", title)
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def codes(result: klm_lint.Result) -> list[str]:
    return [finding.code for finding in result.findings]


@pytest.fixture
def workspace(site: SiteBuilder) -> klm_lint.Workspace:
    site.post(titled("Alpha"), "alpha.md")
    return klm_lint.Workspace(site.root)


def test_a_text_is_linted_as_the_file_it_would_be(
    site: SiteBuilder, workspace: klm_lint.Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site.root)
    path = site.root / "content/posts/new.md"
    result = workspace.lint_text(path, titled("Alpha", **{"draft: false": 'draft: "no"'}))
    assert codes(result) == ["KLM402", "KLM104"]
    assert result.findings[0].path == "content/posts/new.md"
    assert "content/posts/alpha.md (line 2)" in result.findings[0].message
    assert (result.files, result.checked) == (1, [path])
    assert not path.exists(), "nothing is written"
    suppressed = titled("Alpha  # klm-lint: ignore[KLM402]")
    assert codes(workspace.lint_text(path, suppressed)) == []
    assert codes(workspace.lint_text(site.root / "README.md", "# No front matter\n")) == []
    assert codes(workspace.lint_text(path, "no front matter\n")) == ["KLM001"]


def test_bytes_are_read_as_the_file_would_be(workspace: klm_lint.Workspace) -> None:
    path = workspace.root / "content/posts/new.md"
    raw = GOOD_POST.encode().replace(b"engagement.", b"\xe9t\xe9")
    [encoding] = workspace.lint_text(path, raw).findings
    assert (encoding.code, encoding.span.line, encoding.span.column) == ("KLM003", 2, 18)
    big = GOOD_POST.encode() + b"x" * workspace.site.config.max_file_size
    assert codes(workspace.lint_text(path, big)) == ["KLM005"]


def test_options_apply(site: SiteBuilder) -> None:
    site.post(titled("Alpha"), "alpha.md")
    site.config('exclude = ["content/drafts/"]\n')
    options = klm_lint.LintOptions(ignore=["KLM104"], force_exclude=True)
    workspace = klm_lint.Workspace(site.root / "content", options)
    assert workspace.root == site.root and workspace.config_path == site.root / "klm-lint.toml"
    bad = titled("Beta", **{"draft: false": 'draft: "no"'})
    assert codes(workspace.lint_text(site.root / "content/posts/b.md", bad)) == []
    draft = site.root / "content/drafts/b.md"
    assert workspace.excluded(draft)
    assert codes(workspace.lint_text(draft, "no front matter")) == []
    assert workspace.fix_text(draft, bad) == (bad, klm_lint.Result(0, [], checked=[]))


def test_the_text_takes_its_files_place_in_the_index(
    site: SiteBuilder, workspace: klm_lint.Workspace
) -> None:
    alpha = site.root / "content/posts/alpha.md"
    beta = site.post(titled("Beta"), "beta.md")
    assert codes(workspace.lint_text(alpha, titled("Beta"))) == ["KLM402"]
    assert codes(workspace.lint_text(beta, titled("Beta"))) == ["KLM402"], "alpha's text counts"
    workspace.file_changed(alpha)
    assert codes(workspace.lint_text(beta, titled("Beta"))) == [], "alpha as saved again"
    beta.unlink()
    workspace.file_changed(beta)
    site.post(titled("Alpha"), "gamma.md")
    workspace.file_changed(site.root / "content/posts/gamma.md")
    [again] = workspace.lint_text(alpha, titled("Alpha")).findings
    assert "gamma.md" in again.message and "beta.md" not in again.message


def test_a_new_static_file_is_seen(site: SiteBuilder, workspace: klm_lint.Workspace) -> None:
    path = site.root / "content/posts/new.md"
    text = titled("New", **{"/images/author/6.jpg": "/images/new.jpg"})
    assert codes(workspace.lint_text(path, text)) == ["KLM201"]
    workspace.file_changed(site.asset("images/new.jpg"))
    assert codes(workspace.lint_text(path, text)) == []


def test_fix_text_returns_the_fixed_text(site: SiteBuilder, workspace: klm_lint.Workspace) -> None:
    path = site.root / "content/posts/new.md"
    changes = {"draft: false": 'draft: "false"', "2022-04-04T05:00:00Z": "04/05/2022"}
    text = "\ufeff" + titled("New", **changes)
    fixed, result = workspace.fix_text(path, text)
    assert fixed == "\ufeff" + titled("New", **{"2022-04-04T05:00:00Z": "04/05/2022"})
    assert [f.code for f in result.fixed] == ["KLM104"] and codes(result) == ["KLM103"]
    assert workspace.fix_text(path, text.encode())[0] == fixed.encode()
    fixed, result = workspace.fix_text(path, text, unsafe=True)
    assert "date: 2022-04-05\n" in fixed and codes(result) == []
    assert workspace.fix_text(path, GOOD_POST) == (GOOD_POST, workspace.lint_text(path, GOOD_POST))
    assert not path.exists()


def test_without_whole_site_rules_their_suppressions_wait(
    workspace: klm_lint.Workspace,
) -> None:
    path = workspace.root / "content/posts/new.md"
    text = titled("Alpha  # klm-lint: ignore[KLM402]")
    assert codes(workspace.lint_text(path, text, whole_site=False)) == []
    assert not workspace.index_ready
    assert codes(workspace.lint_text(path, titled("Alpha"), whole_site=False)) == []
    assert codes(workspace.lint_text(path, titled("Alpha"))) == ["KLM402"]
    assert workspace.index_ready


def test_the_index_is_built_in_another_thread_while_texts_are_linted(
    site: SiteBuilder,
) -> None:
    for number in range(50):
        site.post(titled(f"Post {number}"), f"post-{number}.md")
    workspace = klm_lint.Workspace(site.root)
    path = site.root / "content/posts/post-0.md"
    building = threading.Thread(target=workspace.build_index)
    building.start()
    bad = titled("Post 1", **{"draft: false": 'draft: "no"'})
    assert "KLM104" in codes(workspace.lint_text(path, bad, whole_site=False))
    path.write_text(titled("Post 1"), encoding="utf-8")
    workspace.file_changed(path)
    building.join()
    assert workspace.index_ready
    other = site.root / "content/posts/post-1.md"
    assert codes(workspace.lint_text(other, titled("Post 1"))) == ["KLM402"]


def test_reload_reads_the_config_again_and_keeps_it_when_broken(
    site: SiteBuilder, workspace: klm_lint.Workspace
) -> None:
    path = site.root / "content/posts/new.md"
    text = titled("New", **{"draft: false": "draft: false\nsubtitle: x"})
    assert codes(workspace.lint_text(path, text)) == ["KLM105"]
    site.config('ignore = ["KLM105"]\n')
    workspace.reload()
    assert codes(workspace.lint_text(path, text)) == []
    site.config("ignore = [\n")
    with pytest.raises(KlmLintError, match="not valid TOML"):
        workspace.reload()
    assert codes(workspace.lint_text(path, text)) == []


def test_known_values(site: SiteBuilder) -> None:
    site.post(titled("A", **{"draft: false": "draft: false\ntags: [news, camp]"}), "a.md")
    site.post(
        titled("B", **{"draft: false": "draft: false\ntags: [camp]\ncategories: Health"}), "b.md"
    )
    workspace = klm_lint.Workspace(site.root)
    assert workspace.known_values(("tags",)) == [], "not before the index is built"
    workspace.build_index()
    assert workspace.known_values(("tags",)) == ["camp", "news"]
    assert workspace.known_values(("categories",)) == ["Health"]
    assert workspace.known_values(("author", "name")) == ["Abdullah Al Shifat"]
    assert workspace.known_values(("title",)) == []


def test_a_broken_config_is_an_error_a_user_can_fix(site: SiteBuilder) -> None:
    site.config("mdx = 3\n")
    with pytest.raises(KlmLintError) as raised:
        klm_lint.Workspace(site.root)
    assert "\n" not in raised.value.message
