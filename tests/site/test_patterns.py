"""The config's patterns match exactly as pathspec's GitIgnoreSpec matches them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pathspec
from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.site.known_patterns import KNOWN
from klm_lint.site.pattern_table import known_lines, render
from klm_lint.site.patterns import Patterns

TABLE = Path(__file__).resolve().parents[2] / "klm_lint" / "site" / "known_patterns.py"

_PARTS = st.sampled_from(["content", "posts", "blog", "a.md", "_draft.md", "b.mdx", "x", ".hidden"])
_GLOBS = st.sampled_from(["*", "**", "*.md", "_*", "?", "[ab]*", "*.mdx", "{content}", "\\#x"])
_SEGMENT = st.one_of(_PARTS, _GLOBS)
_PATTERN = st.builds(
    lambda lead, segments, trail, negate: (
        ("!" if negate else "") + lead + "/".join(segments) + trail
    ),
    st.sampled_from(["", "/", "**/"]),
    st.lists(_SEGMENT, min_size=1, max_size=4),
    st.sampled_from(["", "/", "/**"]),
    st.booleans(),
)
_PATH = st.builds(
    lambda lead, parts, trail: lead + "/".join(parts) + trail,
    st.sampled_from(["", "./", "/"]),
    st.lists(_PARTS, min_size=1, max_size=5),
    st.sampled_from(["", "/"]),
)


_NAMES = st.builds(
    lambda stem, ending: stem + ending,
    st.sampled_from(["", "a", ".hidden", "post-1", "index.fr", "x.md", "Notes"]),
    st.sampled_from(
        ["", ".md", ".MD", ".mdx", ".markdown", ".md.bak", ".tar.gz", "md", ".", "..md"]
    ),
)
_ENDINGS = st.sampled_from(["*.md", "*.mdx", "*.markdown", "*.tar.gz", "*..md", "*.md ", "*.md/"])


@settings(max_examples=800, deadline=None)
@given(
    lines=st.lists(_PATTERN | _ENDINGS | st.sampled_from(["", "# comment"]), max_size=4),
    paths=st.lists(_PATH | _NAMES, min_size=1, max_size=8),
)
def test_patterns_match_as_pathspec_does(lines: list[str], paths: list[str]) -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    patterns = Patterns(lines)
    for path in paths:
        assert patterns.match_file(path) == spec.match_file(path), (lines, path)
        if path and "/" not in path:  # a file's name alone, as the walk asks
            assert patterns.match_name(path) == spec.match_file(path), (lines, path)


def test_negated_patterns_are_matched_by_pathspec() -> None:
    patterns = Patterns(["content/**", "!content/keep.md"])
    assert patterns.match_file("content/a.md")
    assert not patterns.match_file("content/keep.md")


def test_the_known_patterns_are_written_from_the_presets_and_pathspec() -> None:
    assert TABLE.read_text(encoding="utf-8") == render(), (
        "site/known_patterns.py is out of date: python -m klm_lint.site.pattern_table > "
        "/tmp/known_patterns.py && mv /tmp/known_patterns.py klm_lint/site/known_patterns.py"
    )
    assert set(known_lines()) >= {"*.md", "content/posts/**", "_*", "_index.md"}
    assert set(KNOWN) <= set(known_lines())


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.sampled_from(sorted(KNOWN)), max_size=5),
    paths=st.lists(_PATH, min_size=1, max_size=8),
)
def test_known_patterns_match_as_pathspec_does(lines: list[str], paths: list[str]) -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    patterns = Patterns(lines)
    assert patterns.spec == spec
    for path in paths:
        assert patterns.match_file(path) == spec.match_file(path), (lines, path)


def test_the_known_patterns_are_matched_without_pathspec(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from klm_lint.site.patterns import Patterns\n"
        "patterns = Patterns(['content/posts/**', '*.md', '_*'])\n"
        "assert patterns.match_file('content/posts/a.md')\n"
        "assert not patterns.match_file('content/pages/a.txt')\n"
        "folders = Patterns(['src/site/notes/**', '/src/site/drafts/**'])\n"
        "assert folders.match_file('src/site/notes/a.md')\n"
        "assert folders.match_file('./src/site/drafts/b/c.md')\n"
        "assert not folders.match_file('src/site/notes')\n"
        "assert not folders.match_file('other/src/site/notes/a.md')\n"
        "print('pathspec' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False"]
