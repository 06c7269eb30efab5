"""Each preset on a small site in its generator's real shape (tests/sites/NAME): what the
generator builds passes, and each thing that breaks its pages is caught, with its position."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.site_runs import copied, linted

if TYPE_CHECKING:
    from pathlib import Path

GENERATORS = ["astro", "docusaurus", "eleventy", "hugo", "jekyll", "zola"]

run = linted


@pytest.mark.parametrize("name", GENERATORS)
def test_the_site_as_its_generator_builds_it_passes(name: str, tmp_path: Path) -> None:
    result = run(copied(name, tmp_path))
    assert result.preset == name
    assert result.detected is not None
    assert [f"{f.path}:{f.span.line} {f.code} {f.message}" for f in result.findings] == []
    assert result.files >= 5


@pytest.mark.parametrize("name", GENERATORS)
def test_under_the_default_preset_the_same_site_gets_findings(name: str, tmp_path: Path) -> None:
    """The fixtures hold what only the generator's own rules accept."""
    site = copied(name, tmp_path)
    result = run(site, config='preset = "nextjs"\ncontent = ["."]\n')
    assert result.preset == "nextjs"
    assert result.findings


Expected = tuple[str, int, int, str, str]
"""Code, line, column, severity and a part of the message."""

BREAKS: list[tuple[str, dict[str, str], dict[str, list[Expected]]]] = [
    (
        "jekyll",
        {
            "_posts/2024-03-01-month.md": "---\ntitle: Month 13\ndate: 2024-13-01\n---\n",
            "_posts/2024-03-02-nope.md": "---\ntitle: Nope\ndate: nope\n---\n",
            "_posts/2024-03-03-us.md": "---\ntitle: US order\ndate: 03/21/2024\n---\n",
            "_posts/2024-03-04-roll.md": "---\ntitle: Rolled\ndate: 2024-02-30\n---\n",
            "_posts/2024-02-31-name.md": "---\ntitle: Named February 31\n---\n",
            "_posts/2024-13-01-name.md": "---\ntitle: Named month 13\n---\n",
        },
        {
            "_posts/2024-03-01-month.md": [
                ("KLM103", 3, 7, "error", "Jekyll cannot read it as a date and stops the build")
            ],
            "_posts/2024-03-02-nope.md": [("KLM103", 3, 7, "error", "not a date Jekyll can read")],
            "_posts/2024-03-03-us.md": [("KLM103", 3, 7, "error", "has month 21")],
            "_posts/2024-03-04-roll.md": [
                ("KLM103", 3, 7, "warning", "Jekyll rolls it over to 2024-03-01")
            ],
            "_posts/2024-02-31-name.md": [
                ("KLM103", 1, 1, "warning", "the file name's date, 2024-02-31, is not a real")
            ],
            "_posts/2024-13-01-name.md": [
                ("KLM103", 1, 1, "error", "Jekyll cannot date the post and the build fails")
            ],
        },
    ),
    (
        "jekyll",
        {
            "_posts/2024-03-05-text.md": '---\ntitle: Text\npublished: "false"\n---\n',
            "_posts/2024-03-06-draft.md": "---\ntitle: Draft key\ndraft: true\n---\n",
            "_posts/2024-07-01-later.md": "---\ntitle: Later\n---\n",
            "_posts/2024-03-07-relative.md": "---\ntitle: Relative\n---\n![A photo](photo.png)\n",
            "blank.md": "\n---\ntitle: Blank line\n---\n",
            "archive.md": (
                "---\ntitle: Archive\npermalink: /2024/03/21/welcome-to-jekyll.html\n---\n"
            ),
            "_posts/2024-03-21-welcome-to-jekyll.markdown": (
                "---\ntitle: Again\ncategories: jekyll update\n---\n"
            ),
        },
        {
            "_posts/2024-03-05-text.md": [
                ("KLM104", 3, 12, "error", "Jekyll reads it as true and publishes this post")
            ],
            "_posts/2024-03-06-draft.md": [
                ("KLM104", 3, 8, "error", "Jekyll has no draft flag and publishes this post")
            ],
            "_posts/2024-07-01-later.md": [
                ("KLM404", 1, 1, "warning", "Jekyll holds a post back until its date")
            ],
            "_posts/2024-03-07-relative.md": [
                ("KLM204", 4, 12, "error", "at the post's address, /2024/03/07/")
            ],
            "blank.md": [("KLM001", 2, 1, "error", "Jekyll only reads front matter")],
            "_posts/2024-03-21-welcome-to-jekyll.markdown": [
                ("KLM401", 1, 1, "error", '"/jekyll/update/2024/03/21/welcome-to-je…"')
            ],
            "archive.md": [],
        },
    ),
    (
        "jekyll",
        {
            "_drafts/later.md": "---\ntitle: Later draft\ndate: 2024-09-01\n---\n",
            "_posts/2024-08-01-unpublished.md": "---\ntitle: Held\npublished: false\n---\n",
            "_posts/2024-08-02-off.md": "---\ntitle: Off\npublished: off\n---\n",
            "_includes/broken.md": "---\ntitle: [\n---\n",
            "_notes.md": "---\ntitle: [\n---\n",
            "_posts/2024-08-03-shown.md": "---\ntitle: Shown\npublished: true\n---\n",
        },
        {
            "_drafts/later.md": [],
            "_posts/2024-08-01-unpublished.md": [],
            "_posts/2024-08-02-off.md": [],
            "_includes/broken.md": [],
            "_notes.md": [],
            "_posts/2024-08-03-shown.md": [
                ("KLM404", 1, 1, "warning", "Jekyll holds a post back until its date")
            ],
        },
    ),
    (
        "hugo",
        {
            "content/posts/b1.md": "---\ntitle: B1\ndate: 2024-3-21\n---\n",
            "content/posts/b2.md": "---\ntitle: B2\ndate: 2024-02-30\n---\n",
            "content/posts/b3.md": '---\ntitle: B3\ndate: "2024-03-21T04:05"\n---\n',
            "content/posts/b4.md": "---\ntitle: B4\ndate: 2024\n---\n",
            "content/posts/b5.md": "---\ntitle: B5\npublished: false\n---\n",
            "content/posts/b6.md": "+++\ntitle = 'B6'\ndate = 10:00:00\n+++\n",
        },
        {
            "content/posts/b1.md": [
                ("KLM103", 3, 7, "error", "Hugo cannot parse it, logs an error and fails the build")
            ],
            "content/posts/b2.md": [("KLM103", 3, 7, "error", "February 2024 has 29 days")],
            "content/posts/b3.md": [("KLM103", 3, 7, "error", "not one of the date forms Hugo")],
            "content/posts/b4.md": [("KLM103", 3, 7, "warning", "seconds since 1970")],
            "content/posts/b5.md": [("KLM103", 3, 12, "error", "use draft: true")],
            "content/posts/b6.md": [("KLM103", 3, 8, "error", "a time without a day")],
        },
    ),
    (
        "hugo",
        {
            "content/posts/c1.md": "---\ntitle: C1\ndraft: yes\n---\n",
            "content/posts/c2.md": '---\ntitle: C2\ndraft: "true"\n---\n',
            "content/posts/c3.md": "---\ntitle: C3\n---\n![A picture](pic.png)\n",
            "content/posts/c4/index.md": "---\ntitle: C4\n---\n![A picture](missing.png)\n",
            "content/posts/c5.md": "---\ntitle: C5\nurl: /about-us/\n---\n",
            "content/posts/c6.md": "---\ntitle: C6\nslug: first-post\n---\n",
            "content/posts/c7.md": "---\ntitle: C7\ndate: 2024-07-01\n---\n",
            "content/posts/c8.md": "---\ntitle: C8\nparams: 5\n---\n",
            "content/posts/c9.md": "---\ntitle: C9\ndate: 2024-07-01\ndraft: true\n---\n",
        },
        {
            "content/posts/c1.md": [
                ("KLM104", 3, 8, "error", "Hugo reads it as false and publishes this post")
            ],
            "content/posts/c2.md": [("KLM104", 3, 8, "warning", "but only by accident")],
            "content/posts/c3.md": [
                ("KLM204", 4, 14, "error", "at the post's address, /posts/c3/")
            ],
            "content/posts/c4/index.md": [
                ("KLM204", 4, 14, "error", "in content/posts/c4/, beside the post")
            ],
            "content/posts/c5.md": [
                ("KLM401", 3, 6, "error", "content/about.md (its url, line 3)")
            ],
            "content/posts/c6.md": [("KLM401", 3, 7, "error", '"/posts/first-post/"')],
            "content/posts/c7.md": [("KLM404", 3, 7, "warning", "Hugo holds a post back")],
            "content/posts/c8.md": [("KLM102", 3, 9, "error", "params must be a mapping")],
            "content/posts/c9.md": [],
        },
    ),
    (
        "hugo",
        {
            "content/posts/p1.md": (
                "---\ntitle: P1\ndate: 2024-01-01\npublishDate: 2024-07-01\n---\n"
            ),
            "content/posts/p2.md": (
                "---\ntitle: P2\npublishDate: 2024-07-01\nexpiryDate: 2024-05-01\n---\n"
            ),
            "content/posts/p3.md": (
                "---\ntitle: P3\npublishDate: 2024-07-01\nexpiryDate: 2030-01-01\n---\n"
            ),
            "content/posts/p4.md": "---\ntitle: P4\npublishDate: 2024-07-01\ndraft: true\n---\n",
            "content/posts/p5/index.md": "---\ntitle: P5\n---\n![A picture](pic.png)\n",
            "content/posts/p5/pic.png": "not really a picture\n",
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        },
        {
            "content/posts/p1.md": [("KLM404", 4, 14, "warning", "publishDate is 2024-07-01")],
            "content/posts/p2.md": [],
            "content/posts/p3.md": [("KLM404", 3, 14, "warning", "Hugo holds a post back")],
            "content/posts/p4.md": [],
            "content/posts/p5/index.md": [],
            "content/posts/_index.md": [],
        },
    ),
    (
        "zola",
        {
            "content/blog/no-front-matter.md": "Just text.\n",
            "content/blog/z1.md": '+++\ntitle = "Z1"\ndate = "2024/03/21"\n+++\n',
            "content/blog/z2.md": "---\ntitle: Z2\ndate: 2024-03-21T10:00:00-0400\n---\n",
            "content/blog/z3.md": '+++\ntitle = "Z3"\ndraft = "yes"\n+++\n',
            "content/blog/sub/_index.md": '+++\ntitle = "Sub"\nfoo = 1\nsort_by = "dates"\n+++\n',
            "content/blog/2024-02-30-bad-name.md": '+++\ntitle = "Bad name"\n+++\n',
            "content/blog/z4.md": '+++\ntitle = "Z4"\npath = "about-us"\n+++\n',
            "content/blog/z5.md": '+++\ntitle = "Z5"\n+++\n![A picture](pic.png)\n',
            "content/blog/z6.md": '+++\ntitle = "Z6"\ntags = ["rust"]\n+++\n',
            "content/blog/z7.md": "+++\ntitle = 2023\n+++\n",
        },
        {
            "content/blog/no-front-matter.md": [
                ("KLM001", 1, 1, "error", "Zola needs front matter in every content file")
            ],
            "content/blog/z1.md": [("KLM103", 3, 8, "error", "Unable to parse datetime")],
            "content/blog/z2.md": [("KLM103", 3, 7, "error", "not a date Zola reads")],
            "content/blog/z3.md": [("KLM104", 3, 9, "error", "Zola takes only true or false")],
            "content/blog/sub/_index.md": [
                ("KLM105", 3, 1, "error", "Zola rejects keys it does not know"),
                ("KLM107", 4, 11, "error", 'Did you mean "date"?'),
            ],
            "content/blog/2024-02-30-bad-name.md": [
                ("KLM103", 1, 1, "warning", "Zola leaves the page without a date")
            ],
            "content/blog/z4.md": [("KLM401", 3, 8, "error", "Zola stops the build")],
            "content/blog/z5.md": [("KLM204", 4, 14, "error", "at the post's address, /blog/z5/")],
            "content/blog/z6.md": [("KLM105", 3, 1, "warning", "Zola ignores it")],
            "content/blog/z7.md": [("KLM102", 2, 9, "error", "but the site expects text")],
        },
    ),
    (
        "astro",
        {
            "src/content/blog/a1.md": "---\ntitle: A1\npubDate: 2024-13-01\n---\n",
            "src/content/blog/a2.md": '---\ntitle: A2\npubDate: "someday"\n---\n',
            "src/content/blog/a3.md": '---\ntitle: A3\ndraft: "false"\n---\n',
            "src/content/blog/a4.md": "---\ntitle: A4\n---\n![A picture](./missing.png)\n",
            "src/content/blog/a5.md": "---\ntitle: A5\nheroImage: ../../assets/nope.jpg\n---\n",
            "src/content/blog/a6.md": "---\ntitle: A6\nslug: first-post\n---\n",
            "src/content/blog/a7.md": '---\ntitle: A7\npubDate: "2024-02-31"\n---\n',
        },
        {
            "src/content/blog/a1.md": [("KLM103", 3, 10, "warning", "rolls it over to 2025-01-01")],
            "src/content/blog/a2.md": [("KLM103", 3, 10, "error", "the build fails")],
            "src/content/blog/a3.md": [("KLM104", 3, 8, "error", "Astro takes only true or false")],
            "src/content/blog/a4.md": [
                ("KLM204", 4, 14, "error", "in src/content/blog/, beside the post")
            ],
            "src/content/blog/a5.md": [("KLM201", 3, 12, "error", "image() cannot find the file")],
            "src/content/blog/a6.md": [("KLM401", 3, 7, "error", "duplicate id")],
            "src/content/blog/a7.md": [("KLM103", 3, 10, "warning", "rolls it over to 2024-03-02")],
        },
    ),
    (
        "docusaurus",
        {
            "blog/2024-04-01-d1.md": '---\ntitle: D1\ndate: "2024-01-05T10:00:00Z"\n---\n',
            "blog/2024-04-02-d2.md": "---\ntitle: D2\ndate: someday\n---\n",
            "blog/2024-04-03-d3.md": "---\ntitle: D3\ndraft: yes\n---\n",
            "blog/2024-04-04-d4.md": '---\ntitle: D4\ndraft: "True"\n---\n',
            "blog/2024-04-05-d5.md": "---\ntitle: D5\nimage: ./missing.png\n---\n",
            "docs/d6.md": "---\ntitle: D6\n---\n![A picture](./nope.png)\n",
            "docs/d7.md": "---\ntitle: D7\nslug: /intro\n---\n",
            "blog/2024-13-01-d8.md": "---\ntitle: D8\n---\n",
            "docs/d9.md": "\n---\ntitle: D9\n---\n",
        },
        {
            "blog/2024-04-01-d1.md": [("KLM103", 3, 7, "error", "the build crashes")],
            "blog/2024-04-02-d2.md": [("KLM103", 3, 7, "error", "must be a valid date")],
            "blog/2024-04-03-d3.md": [("KLM104", 3, 8, "error", "Docusaurus takes only true")],
            "blog/2024-04-04-d4.md": [],
            "blog/2024-04-05-d5.md": [("KLM201", 3, 8, "error", "in blog/, beside the post")],
            "docs/d6.md": [("KLM204", 4, 14, "error", "in docs/, beside the page")],
            "docs/d7.md": [("KLM401", 3, 7, "error", '"/docs/intro", which docs/intro.md')],
            "blog/2024-13-01-d8.md": [("KLM103", 1, 1, "error", "Docusaurus cannot date the post")],
            "docs/d9.md": [("KLM001", 2, 1, "error", "Docusaurus only reads front matter")],
        },
    ),
    (
        "eleventy",
        {
            "content/blog/e1.md": '---\ntitle: E1\ndate: "2023-07-01 10:00:00"\n---\n',
            "content/blog/e2.md": "---\ntitle: E2\ndate: 20230701\n---\n",
            "content/blog/e3.md": "---\ntitle: E3\npermalink: /same/\n---\n",
            "content/blog/e4.md": "---\ntitle: E4\npermalink: /same/\n---\n",
            "content/foo.md": "---\ntitle: Foo\n---\n",
            "content/foo/index.md": "---\ntitle: Foo index\n---\n",
            "content/blog/2023-02-30-e5.md": "---\ntitle: E5\n---\n",
            "content/blog/e6.md": "---\ntitle: E6\n---\n![A picture](./nope.png)\n",
            "content/blog/e7.md": "---\ntitle: E7\ndate: 2023-02-30\n---\n",
            "content/blog/e8.md": "---\ntitle: E8\n---\n[Hello](/blog/2023-07-01-hello/)\n",
        },
        {
            "content/blog/e1.md": [("KLM103", 3, 7, "error", "the only text Eleventy reads")],
            "content/blog/e2.md": [("KLM103", 3, 7, "error", "Eleventy takes a date or text only")],
            "content/blog/e3.md": [("KLM401", 3, 12, "error", "an output conflict")],
            "content/blog/e4.md": [("KLM401", 3, 12, "error", "an output conflict")],
            "content/foo.md": [("KLM401", 1, 1, "error", '"/foo/"')],
            "content/blog/2023-02-30-e5.md": [
                ("KLM103", 1, 1, "warning", "Eleventy leaves the page without a date")
            ],
            "content/blog/e6.md": [("KLM204", 4, 14, "error", "at the post's address, /blog/e6/")],
            "content/blog/e7.md": [("KLM103", 3, 7, "warning", "silently rolls it over")],
            "content/blog/e8.md": [("KLM406", 4, 9, "error", "Did you mean /blog/hello/?")],
        },
    ),
]


@pytest.mark.parametrize(
    ("name", "files", "expected"),
    BREAKS,
    ids=[f"{name}-{index}" for index, (name, _files, _expected) in enumerate(BREAKS)],
)
def test_what_breaks_the_generators_pages_is_caught(
    name: str,
    files: dict[str, str],
    expected: dict[str, list[Expected]],
    tmp_path: Path,
) -> None:
    result = run(copied(name, tmp_path), files)
    for relative, wanted in expected.items():
        found = [f for f in result.findings if f.path == relative]
        assert [(f.code, f.span.line, f.span.column, f.severity.value) for f in found] == [
            (code, line, column, severity) for code, line, column, severity, _ in wanted
        ], [f"{f.code} {f.message}" for f in found]
        for finding, (*_, part) in zip(found, wanted, strict=True):
            assert part in finding.message, finding.message


def test_a_base_url_catches_body_paths_from_the_servers_root(tmp_path: Path) -> None:
    site = copied("jekyll", tmp_path)
    result = run(site, config='preset = "jekyll"\n\n[generator]\nbase-url = "/blog"\n')
    found = [(f.path, f.span.line, f.span.column, f.code) for f in result.findings]
    assert found == [
        ("_posts/2023-07-01-dated-by-its-name.md", 8, 14, "KLM204"),
        ("about.md", 8, 17, "KLM204"),
    ]
    assert result.findings[0].message.endswith(
        "outside /blog/ where the site is served, so the post shows a broken image. "
        "Write /blog/assets/img/workshop.png."
    )
    (site / "about.md").write_text(
        "---\ntitle: About\n---\n![The workshop](/blog/assets/img/workshop.png)\n"
    )
    assert [f.path for f in run(site).findings] == ["_posts/2023-07-01-dated-by-its-name.md"]
