"""The comment that silences a finding where it is ("ignore here" in the editor): written as
the suppressions are read, it silences exactly that finding, and no KLM900 follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from klm_lint.engine.fixes import apply_edits
from klm_lint.engine.suppressions import silencing
from klm_lint.load.document import Document, load_text
from klm_lint.workspace import Workspace
from tests.conftest import GOOD_POST, SiteBuilder

UNKNOWN_KEY = GOOD_POST.replace("draft: false", "draft: false\nsubtitle: x")
TOML = (
    '+++\ntitle = "A"\ndate = 2022-04-04\ndraft = false\nsubtitle = "x"\n'
    '[author]\nname = "J"\n+++\n'
)


def document(text: str, name: str = "post.md") -> Document:
    loaded = load_text(text.encode(), Path(name), name, f"content/posts/{name}", 10**6)
    assert isinstance(loaded, Document)
    return loaded


def silenced(site: SiteBuilder, text: str, name: str = "post.md") -> tuple[str, list[str]]:
    """Each finding silenced in turn; the texts, and what remains after each."""
    workspace = Workspace(site.root)
    path = site.root / "content" / "posts" / name
    findings = workspace.lint_text(path, text).findings
    assert findings
    for finding in findings:
        found = silencing(document(text, name), finding.code, finding.span.line)
        assert found is not None, finding
        quieter = apply_edits(text, [found.edit])
        left = [f.code for f in workspace.lint_text(path, quieter).findings]
        assert left == [f.code for f in findings if f is not finding], (finding, quieter)
    return quieter, left


@pytest.mark.parametrize(
    ("text", "name", "written"),
    [
        (UNKNOWN_KEY, "post.md", "subtitle: x  # klm-lint: ignore[KLM105]\n"),
        (TOML, "post.md", 'subtitle = "x"  # klm-lint: ignore[KLM105]\n'),
        (
            GOOD_POST + "\n  <Notice type='warn'>x</Notice>\n",
            "post.mdx",
            "\n  {/* klm-lint-disable-next-line KLM302 */}\n  <Notice",
        ),
        (
            GOOD_POST + "\n![](/images/post.jpg)\n",
            "post.md",
            "\n<!-- klm-lint-disable-next-line KLM205 -->\n![](",
        ),
        (
            GOOD_POST.replace("draft: false\n", ""),
            "post.md",
            "---\n# klm-lint: ignore-file[KLM101]\ntitle",
        ),
    ],
)
def test_each_finding_silenced_where_it_is(
    site: SiteBuilder, text: str, name: str, written: str
) -> None:
    quieter, left = silenced(site, text, name)
    assert written in quieter and left == []


def test_a_comment_already_there_gets_the_code(site: SiteBuilder) -> None:
    text = UNKNOWN_KEY.replace("subtitle: x", "subtitle: 5  # klm-lint: ignore[KLM102]")
    doc = document(text.replace("draft: false", "draft: false\nteaser: y # klm-lint: ignore[]"))
    line = doc.text.count("\n", 0, doc.text.index("subtitle")) + 1
    found = silencing(doc, "KLM105", line)
    assert found is not None
    assert "# klm-lint: ignore[KLM102, KLM105]" in apply_edits(doc.text, [found.edit])
    teaser = silencing(doc, "KLM105", line - 1)
    assert teaser is not None and "ignore[KLM105]" in apply_edits(doc.text, [teaser.edit])
    body = GOOD_POST + "<!-- klm-lint-disable-next-line KLM204 -->\n![](/x.jpg)\n"
    image_line = body.count("\n", 0, body.index("![]")) + 1
    found = silencing(document(body), "KLM205", image_line)
    assert found is not None
    assert "disable-next-line KLM204, KLM205 -->" in apply_edits(body, [found.edit])
    whole = GOOD_POST.replace("---\ntitle", "---\n# klm-lint: ignore-file[KLM402]\ntitle")
    found = silencing(document(whole), "KLM101", 1)
    assert found is not None and found.whole_file
    assert "ignore-file[KLM402, KLM101]" in apply_edits(whole, [found.edit])


def test_where_no_comment_can_go() -> None:
    json_post = '---json\n{"title": "x"}\n---\n'
    assert silencing(document(json_post), "KLM101", 1) is None
    continued = "---\ntitle: a long\n  title\n---\n"
    assert silencing(document(continued), "KLM402", 2) is None
    everything = "---\ntitle: x # klm-lint: ignore\n---\n"
    assert silencing(document(everything), "KLM402", 2) is None
