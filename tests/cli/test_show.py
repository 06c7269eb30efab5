"""--show-settings and --show-files: what a run would use, and where each setting comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.conftest import GOOD_POST
from tests.test_cli import klm_lint

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


def test_show_settings_names_the_origin_of_each(site: SiteBuilder) -> None:
    path = site.config('mdx = false\n[collections.docs]\ninclude = ["content/docs/**"]\n')
    result = klm_lint("--show-settings", "--ignore", "KLM105", cwd=site.root)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert f"mdx = false  # {path}" in lines
    assert 'content = ["content"]  # the nextjs preset' in lines
    assert "max-file-size = 10485760  # default" in lines
    assert 'ignore = ["KLM105"]  # the command line' in lines
    assert f'collections.docs.include = ["content/docs/**"]  # {path}' in lines
    assert any(
        line.startswith('collections.posts.schema = "post"  # the nextjs preset') for line in lines
    )


def test_show_files_lists_each_file_with_its_collection(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.write("content/about.md", "---\ntitle: About\n---\n")
    site.write("notes/README.md", "# Notes\n")
    result = klm_lint("--show-files", "content", "notes", cwd=site.root)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "content/about.md  pages  schema page (the nextjs preset)",
        "content/posts/post.md  posts  schema post (the nextjs preset)",
        "notes/README.md  (no collection)",
    ]


def test_an_empty_collection_the_config_defines_is_named(site: SiteBuilder) -> None:
    site.config('[collections.docs]\ninclude = ["content/dcos/**"]\n')
    site.post(GOOD_POST)
    result = klm_lint("--format", "concise", cwd=site.root)
    assert result.stdout.splitlines()[-1] == (
        "The collection docs matched no file: check its include patterns in the config."
    )
    assert "matched no file" not in klm_lint("content/posts/post.md", cwd=site.root).stdout
