"""absolute_paths: os.path.abspath of many paths, the working directory looked up once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from klm_lint.load.paths import absolute_paths

_PARTS = st.sampled_from(["content", "posts", "a.md", ".", "..", "", ".hidden", "x..y", "é", " s"])
_PATHS = st.lists(_PARTS, min_size=1, max_size=5).map("/".join) | st.lists(_PARTS).map(
    lambda parts: "/" + "/".join(parts)
)


@given(st.lists(_PATHS, max_size=6))
@example(["content/posts/a.md", "./content/a.md", "content//a.md", "../a.md", "content/"])
@example(["/abs/./x", "/abs/../x", "//x", "content/.hidden/a.md", ".", ""])
def test_each_path_is_what_abspath_gives(texts: list[str]) -> None:
    texts = [text for text in texts if text]  # abspath("") is the folder itself: no file
    assert absolute_paths(texts) == [os.path.abspath(text) for text in texts]


@pytest.mark.parametrize("folder", ["/", "deep/er"])
def test_from_any_working_folder(
    folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = Path(folder) if folder == "/" else tmp_path / folder
    where.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(where)
    texts = ["content/posts/a.md", "../b.md", "c.md", "/x/y.md"]
    assert absolute_paths(texts) == [os.path.abspath(text) for text in texts]
    assert absolute_paths(texts)[0] == os.path.join(os.getcwd(), "content", "posts", "a.md")


def test_the_working_folder_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[None] = []
    real = os.getcwd

    def counted() -> str:
        asked.append(None)
        return real()

    monkeypatch.setattr(os, "getcwd", counted)
    texts = [f"content/posts/{n}.md" for n in range(100)]
    found = absolute_paths(texts)
    assert len(asked) == 1
    assert found == [os.path.join(real(), text) for text in texts]
