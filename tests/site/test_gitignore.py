"""What git ignores is not linted: .gitignore files (nested too) and .git/info/exclude."""

from __future__ import annotations

from pathlib import Path

from klm_lint.config.model import Config
from klm_lint.site.discover import discover
from klm_lint.site.gitignore import GitIgnore, work_tree_top
from klm_lint.site.site import Site
from tests.conftest import GOOD_POST, SiteBuilder
from tests.test_cli import klm_lint


def names(site: SiteBuilder, *paths: str, force: bool = False, respect: bool = True) -> list[str]:
    config = Config(respect_gitignore=respect)
    found = discover([site.root / p for p in paths], Site(site.root, config), force_exclude=force)
    return [Path(path).relative_to(site.root).as_posix() for path in found.files]


def posts(site: SiteBuilder, *names: str) -> None:
    for name in names:
        site.write(f"content/{name}", GOOD_POST.replace("Community engagement.", name))


def test_gitignore_files_at_every_level_are_honoured(site: SiteBuilder) -> None:
    posts(site, "posts/a.md", "generated/b.md", "posts/c.tmp.md", "posts/keep.tmp.md")
    posts(site, "posts/old/d.md", "themes/vendor/e.md")
    site.write(".gitignore", "content/generated/\nthemes/\n")
    site.write("content/posts/.gitignore", "*.tmp.md\n!keep.tmp.md\nold/\n")
    assert names(site, "content") == ["content/posts/a.md", "content/posts/keep.tmp.md"]
    assert names(site, "content", respect=False) == [
        "content/generated/b.md",
        "content/posts/a.md",
        "content/posts/c.tmp.md",
        "content/posts/keep.tmp.md",
        "content/posts/old/d.md",
        "content/themes/vendor/e.md",
    ]


def test_a_deeper_gitignore_overrides_a_shallower_one(site: SiteBuilder) -> None:
    posts(site, "posts/a.md", "posts/b.md")
    site.write(".gitignore", "*.md\n")
    site.write("content/posts/.gitignore", "!a.md\n")
    assert names(site, "content") == ["content/posts/a.md"]


def test_info_exclude_of_the_work_tree(site: SiteBuilder) -> None:
    posts(site, "posts/a.md", "posts/scratch.md")
    site.write(".git/info/exclude", "# local\nscratch.md\n")
    assert names(site, "content") == ["content/posts/a.md"]


def test_info_exclude_of_a_worktree_is_the_repository_s(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    (repository / ".git" / "info").mkdir(parents=True)
    (repository / ".git" / "info" / "exclude").write_text("scratch.md\n")
    (repository / ".git" / "worktrees" / "wt").mkdir(parents=True)
    (repository / ".git" / "worktrees" / "wt" / "commondir").write_text("../..\n")
    worktree = tmp_path / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text(f"gitdir: {repository / '.git' / 'worktrees' / 'wt'}\n")
    ignores = GitIgnore(worktree)
    assert ignores.ignores_anywhere(str(worktree / "content" / "scratch.md"), False)
    assert not ignores.ignores_anywhere(str(worktree / "content" / "post.md"), False)


def test_the_top_is_the_git_work_tree_else_the_project_root(site: SiteBuilder) -> None:
    (site.root / "content").mkdir()
    assert work_tree_top(site.root / "content", site.root) == site.root
    (site.root / "content" / ".git").mkdir()
    assert work_tree_top(site.root / "content", site.root) == site.root / "content"


def test_named_files_are_linted_unless_force_exclude(site: SiteBuilder) -> None:
    posts(site, "generated/b.md")
    site.write(".gitignore", "generated/\n")
    assert names(site, "content/generated/b.md") == ["content/generated/b.md"]
    assert names(site, "content/generated/b.md", force=True) == []


def test_a_named_folder_is_walked_with_its_own_gitignore_files(site: SiteBuilder) -> None:
    posts(site, "generated/b.md", "generated/c.md")
    site.write(".gitignore", "content/generated/\n")
    site.write("content/generated/.gitignore", "c.md\n")
    assert names(site, "content/generated") == ["content/generated/b.md"]
    assert names(site, "content/generated", force=True) == []


def test_the_whole_site_index_sees_what_a_full_run_sees(site: SiteBuilder) -> None:
    """An ignored copy of a post is no duplicate, in a full run or a run on one file."""
    site.post(GOOD_POST, "original.md")
    site.write("content/posts/archive/copy.md", GOOD_POST)
    site.write(".gitignore", "content/posts/archive/\n")
    assert site.codes() == []
    assert site.codes("content/posts/original.md") == []
    site.config("respect-gitignore = false\n")
    assert "KLM402" in site.codes("content/posts/original.md")
    assert "KLM402" in site.codes()


def test_the_command_line_decides_for_one_run(site: SiteBuilder) -> None:
    posts(site, "posts/a.md", "build/b.md")
    site.write(".gitignore", "build/\n")
    assert "Checked 1 file:" in klm_lint(cwd=site.root).stdout
    assert "Checked 2 files:" in klm_lint("--no-respect-gitignore", cwd=site.root).stdout
    site.config("respect-gitignore = false\n")
    assert "Checked 2 files:" in klm_lint(cwd=site.root).stdout
    assert "Checked 1 file:" in klm_lint("--respect-gitignore", cwd=site.root).stdout
