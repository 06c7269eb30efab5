"""Shapes met on real public sites of each generator, built here in small: what the generator
builds passes under its preset, and what breaks the page is still caught."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from klm_lint.api import LintOptions, lint
from tests.site_runs import NOW, copied
from tests.site_runs import linted as lint_site

if TYPE_CHECKING:
    from pathlib import Path

    from klm_lint.api import Result


def linted(name: str, root: Path, files: dict[str, str], config: str | None = None) -> Result:
    return lint_site(copied(name, root), files, config)


def found(result: Result) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.span.line, f.span.column, f.code) for f in result.findings]


ELEVENTY_JS = """---js
let pagination = { data: "authors", size: 1, alias: "author" };
let permalink = "/authors/{{ author.name | slugify }}/";
let layout = "layouts/base.njk";
---
{{ author.name }} writes here.
"""


def test_eleventy_javascript_front_matter_is_left_to_eleventy(tmp_path: Path) -> None:
    files = {
        "content/authors.md": ELEVENTY_JS,
        "content/team.md": ELEVENTY_JS.replace("---js", "---javascript"),
    }
    assert found(linted("eleventy", tmp_path, files)) == []


def test_eleventy_javascript_front_matter_left_open_is_reported(tmp_path: Path) -> None:
    files = {"content/authors.md": "---js\nlet permalink = '/authors/';\n\nText.\n"}
    assert found(linted("eleventy", tmp_path, files)) == [("content/authors.md", 1, 1, "KLM002")]


ASTRO_MDX = """---
title: Components
description: Astro's own and imported components
pubDate: 2024-01-05
---
import { Code } from '@astrojs/starlight/components';
import Button from '../../components/Button.astro';

<Fragment slot="preview">Shown in the preview.</Fragment>

<Code code={`let a = 1;`} lang="js" />

<Button label="More" link="/more/" />
"""


def test_astro_mdx_has_fragment_and_no_other_themes_components(tmp_path: Path) -> None:
    """Astro's MDX gives every file Fragment; Code and Button are the site's own components
    (imported), not the KLM theme's with its required props."""
    assert found(linted("astro", tmp_path, {"src/content/blog/components.mdx": ASTRO_MDX})) == []


def test_astro_mdx_still_catches_a_component_nobody_provides(tmp_path: Path) -> None:
    text = ASTRO_MDX + "\n<Tabs>\n</Tabs>\n"
    result = linted("astro", tmp_path, {"src/content/blog/components.mdx": text})
    assert found(result) == [("src/content/blog/components.mdx", 15, 1, "KLM303")]


def test_components_the_config_adds_join_the_presets(tmp_path: Path) -> None:
    """Components an integration imports into every file (astro-auto-import) are named in the
    config; the preset's Fragment stays known."""
    text = ASTRO_MDX + "\n<Tabs>\n<Tab name='One'>One</Tab>\n</Tabs>\n"
    config = 'components = ["Tabs", "Tab"]\n'
    result = linted("astro", tmp_path, {"src/content/blog/components.mdx": text}, config)
    assert found(result) == []


def test_docusaurus_mdx_has_the_themes_global_components(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Globals\n---\n<Head>\n  <meta name='robots' content='noindex' />\n</Head>\n"
        "\n<Details>\n<summary>More</summary>\nHidden text.\n</Details>\n"
    )
    assert found(linted("docusaurus", tmp_path, {"docs/globals.md": text})) == []


def test_an_html_img_with_a_stray_comma_keeps_its_alt(tmp_path: Path) -> None:
    """Browsers read attributes past a stray comma; markdown-it passes the HTML through."""
    text = '---\ntitle: Me\n---\n<img src="./me.jpg", loading="lazy" alt="Me at the lake">\n'
    assert found(linted("eleventy", tmp_path, {"content/about/lake.md": text})) == []


DOCUSAURUS_MDX_CODE_BLOCK = """---
title: Button
---
```mdx-code-block
export function ColorDefaults() {
  return <code>'#2196F3'</code>;
}
```

| Type  | Default          |
| ----- | ---------------- |
| color | <ColorDefaults/> |
"""


def test_docusaurus_components_exported_in_an_mdx_code_block_are_defined(tmp_path: Path) -> None:
    """Docusaurus unwraps mdx-code-block fences and compiles what they hold as MDX."""
    result = linted("docusaurus", tmp_path, {"docs/button.md": DOCUSAURUS_MDX_CODE_BLOCK})
    assert found(result) == []


def test_an_export_in_an_ordinary_code_block_defines_nothing(tmp_path: Path) -> None:
    text = DOCUSAURUS_MDX_CODE_BLOCK.replace("mdx-code-block", "jsx")
    result = linted("docusaurus", tmp_path, {"docs/button.md": text})
    assert found(result) == [("docs/button.md", 12, 11, "KLM303")]


def test_nextjs_posts_follow_the_content_folder(tmp_path: Path) -> None:
    """Themes that keep content in src/content (nextplate) set content; their posts are still
    posts, with the post schema."""
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    (site / "package.json").write_text('{"dependencies": {"next": "16.0.0"}}\n', encoding="utf-8")
    (site / "klm-lint.toml").write_text('content = ["src/content"]\n', encoding="utf-8")
    posts = site / "src" / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "_index.md").write_text("---\ntitle: Blog\n---\n", encoding="utf-8")
    (posts / "no-byline.md").write_text(
        "---\ntitle: No byline\ndate: 2024-01-05\ndraft: false\n---\nText.\n", encoding="utf-8"
    )
    previous = os.getcwd()
    os.chdir(site)
    try:
        result = lint([], LintOptions(now=NOW))
    finally:
        os.chdir(previous)
    assert [(f.path, f.code, f.message.split(";")[0]) for f in result.findings] == [
        ("src/content/posts/no-byline.md", "KLM101", "author is missing")
    ]
