from __future__ import annotations

import pytest

from tests.conftest import GOOD_POST, SiteBuilder, only
from tests.test_cli import klm_lint

MISSING_IMAGE = GOOD_POST.replace("/images/author/6.jpg", "/images/legacy.jpg")


def test_key_comment_silences_that_rule_for_that_key(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg", "image: /images/legacy.jpg  # klm-lint: ignore[KLM201] CDN"
        )
    )
    assert site.lint() == []


def test_rule_names_work_too(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg",
            "image: /images/legacy.jpg # klm-lint: ignore[asset-missing]",
        )
    )
    assert site.lint() == []


def test_key_comment_does_not_silence_other_keys_or_rules(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg", "image: /images/legacy.jpg  # klm-lint: ignore[KLM104]"
        ).replace("draft: false", "draft: no")
    )
    assert sorted(f.code for f in site.lint()) == ["KLM104", "KLM201", "KLM900"]


def test_comment_on_a_mapping_key_covers_its_block(site: SiteBuilder) -> None:
    site.post(
        GOOD_POST.replace("author:\n", "author:  # klm-lint: ignore[KLM201]\n").replace(
            "/images/author/abdullah.jpg", "/images/gone.jpg"
        )
    )
    assert site.lint() == []


def test_hash_inside_a_quoted_value_is_not_a_comment(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "title: Community engagement.", 'title: "Tip: # klm-lint: ignore[KLM201]"'
        )
    )
    assert [f.code for f in site.lint()] == ["KLM201"]


def test_file_wide_suppression(site: SiteBuilder) -> None:
    site.post(
        GOOD_POST.replace("---\ntitle", "---\n# klm-lint: ignore-file[KLM105]\ntitle").replace(
            "draft: false", "draft: false\nsubtitle: x\nteaser: y"
        )
    )
    assert site.lint() == []


def test_toml_comment(site: SiteBuilder) -> None:
    site.post(
        '+++\ntitle = "T"\ndate = 2022-04-04\ndraft = false\n'
        'image = "/images/x.jpg" # klm-lint: ignore[KLM201]\n[author]\nname = "A"\n+++\n'
    )
    assert site.lint() == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("<!-- klm-lint-disable KLM301 -->\n<Tabs>\n<!-- klm-lint-enable KLM301 -->\n", "post.md"),
        ("<!-- klm-lint-disable-next-line KLM301 -->\n<Tabs>\n", "post.md"),
        ("<!-- klm-lint-disable -->\n<Tabs>\n", "post.md"),
        ("{/* klm-lint-disable KLM301 */}\n<Tabs>\n{/* klm-lint-enable KLM301 */}\n", "post.mdx"),
        ("{/* klm-lint-disable-next-line unbalanced-component */}\n<Tabs>\n", "post.mdx"),
    ],
)
def test_body_suppressions(site: SiteBuilder, body: str, name: str) -> None:
    site.post(GOOD_POST + body, name=name)
    assert site.lint() == []


def test_body_range_ends_at_enable(site: SiteBuilder) -> None:
    site.post(
        GOOD_POST
        + "<!-- klm-lint-disable KLM301 -->\n</Tab>\n<!-- klm-lint-enable KLM301 -->\n</Tabs>\n"
    )
    finding = only(site.lint(), "KLM301")
    assert finding.message.startswith("</Tabs>")


def test_next_line_covers_only_the_next_line(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<!-- klm-lint-disable-next-line KLM301 -->\n\n</Tabs>\n")
    codes = sorted(f.code for f in site.lint())
    assert codes == ["KLM301", "KLM900"]


def test_unused_suppression_is_reported_with_a_fix(site: SiteBuilder) -> None:
    path = site.post(GOOD_POST.replace("draft: false", "draft: false  # klm-lint: ignore[KLM104]"))
    finding = only(site.lint(), "KLM900")
    assert finding.severity.value == "warning"
    assert "KLM104 silences nothing" in finding.message
    assert (finding.span.line, finding.span.column) == (8, 15)
    klm_lint("content", "--fix", cwd=site.root)
    assert path.read_text() == GOOD_POST


def test_one_unused_code_of_several(site: SiteBuilder) -> None:
    path = site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg",
            "image: /images/legacy.jpg  # klm-lint: ignore[KLM104, KLM201]",
        )
    )
    finding = only(site.lint(), "KLM900")
    assert finding.message.startswith("KLM104 in this suppression silences nothing")
    klm_lint("content", "--fix", cwd=site.root)
    assert "# klm-lint: ignore[KLM201]" in path.read_text()
    assert site.lint() == []


def test_unused_body_suppression_removes_its_line(site: SiteBuilder) -> None:
    path = site.post(GOOD_POST + "Text\n<!-- klm-lint-disable-next-line KLM301 -->\nMore\n")
    only(site.lint(), "KLM900")
    klm_lint("content", "--fix", cwd=site.root)
    assert path.read_text() == GOOD_POST + "Text\nMore\n"


def test_unknown_code_in_a_suppression_is_reported(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: false  # klm-lint: ignore[KLM999]"))
    finding = only(site.lint(), "KLM901")
    assert finding.message.startswith(
        "KLM999 is not a klm-lint rule, so this suppression silences nothing for it."
    )
    assert "klm-lint --list-rules shows every rule" in finding.message
    assert finding.fix is None


def test_a_typo_in_a_code_is_its_own_finding_with_a_did_you_mean(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg", "image: /images/legacy.jpg  # klm-lint: ignore[KLM2O1]"
        )
    )
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM201", "KLM901"]
    typo = findings[1]
    assert typo.message == (
        "KLM2O1 is not a klm-lint rule, so this suppression silences nothing for it. "
        "Did you mean KLM201? Correct it to the rule's code or name."
    )
    assert (typo.span.line, typo.span.column, typo.span.end_column) == (3, 47, 53)


def test_a_typo_in_a_name_is_never_removed_by_fix(site: SiteBuilder) -> None:
    text = GOOD_POST.replace("date: 2022-04-04T05:00:00Z", "date: April 4, 2022")
    text = text.replace(
        "date: April 4, 2022", "date: April 4, 2022  # klm-lint: ignore[date-fromat]"
    )
    path = site.post(text)
    findings = site.lint()
    assert [f.code for f in findings] == ["KLM103", "KLM901"]
    assert "Did you mean date-format?" in findings[1].message
    klm_lint("content", "--fix", cwd=site.root)
    assert "# klm-lint: ignore[date-fromat]" in path.read_text()
    assert [f.code for f in site.lint()] == ["KLM901"]


def test_a_typo_beside_an_unused_code_keeps_the_typo(site: SiteBuilder) -> None:
    path = site.post(
        GOOD_POST.replace("draft: false", "draft: false  # klm-lint: ignore[KLM104, drat-flag]")
    )
    assert [f.code for f in site.lint()] == ["KLM900", "KLM901"]
    klm_lint("content", "--fix", cwd=site.root)
    assert "draft: false  # klm-lint: ignore[drat-flag]\n" in path.read_text()


def test_a_typo_in_a_body_comment_is_reported_where_it_is_written(site: SiteBuilder) -> None:
    site.post(
        GOOD_POST
        + "<!-- klm-lint-disable KLM3O1 -->\n"
        + '<Notice type="info">\n'
        + "<!-- klm-lint-enable unbalanced-componnet -->\n"
    )
    findings = site.lint()
    assert [(f.code, f.span.line) for f in findings] == [
        ("KLM901", 11),
        ("KLM301", 12),
        ("KLM901", 13),
    ]
    assert "so this comment turns nothing back on for it" in findings[2].message
    assert "Did you mean unbalanced-component?" in findings[2].message


def test_suppressing_a_rule_that_did_not_run_is_not_reported(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: false  # klm-lint: ignore[KLM104]"))
    assert site.lint(select=["KLM201"]) == []


def test_no_suppressions_flag(site: SiteBuilder) -> None:
    site.post(
        MISSING_IMAGE.replace(
            "image: /images/legacy.jpg", "image: /images/legacy.jpg  # klm-lint: ignore[KLM201]"
        )
    )
    result = klm_lint("content", "--no-suppressions", "-f", "concise", cwd=site.root)
    assert result.returncode == 1
    assert "KLM201" in result.stdout and "KLM900" not in result.stdout


def test_a_prefix_in_a_suppression_is_unknown_and_says_why(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("draft: false", "draft: false  # klm-lint: ignore[KLM1]"))
    finding = only(site.lint(), "KLM901")
    assert "A suppression takes whole codes or names, not prefixes" in finding.message
