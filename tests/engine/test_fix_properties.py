"""Property tests: on generated posts with fixable defects, --fix converges, touches only the
fixed values, is idempotent, and leaves the front matter's data the same apart from them."""

from __future__ import annotations

import codecs
import difflib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klm_lint.config.model import Config
from klm_lint.engine.fixes import applicable
from klm_lint.engine.result import FixMode
from klm_lint.engine.run import Engine
from klm_lint.engine.selection import build_selection
from klm_lint.load.document import Document, load_text
from klm_lint.load.nodes import to_python
from klm_lint.site.site import Site
from tests.conftest import SiteBuilder

DRAFTS = ['"false"', "'false'", "no", "off", "0", '"true"', "yes", "on", "1", "false", "true"]
DATES = ["April 4, 2022", "4 April 2022", "2022/04/04", "2022-4-4", "2022-04-04", "13/04/2022"]
IMAGES = ["/images/post.jpg", "/images/POST.jpg", "/images/Author/6.jpg", "/images/author/6.jpg"]
FIXED_KEYS = ("draft", "date", "image")


@st.composite
def posts(draw: st.DrawFn) -> tuple[str, bool]:
    quote = draw(st.sampled_from(["", '"', "'"]))
    date = draw(st.sampled_from(DATES))
    lines = {
        "title": "title: " + draw(st.sampled_from(["Community engagement.", '"Quoted: title"'])),
        "draft": "draft: " + draw(st.sampled_from(DRAFTS)),
        "date": f"date: {quote}{date}{quote}",
        "image": "image: " + draw(st.sampled_from(IMAGES)),
        "author": "author:\n  name: Abdullah\n  avatar: /images/author/abdullah.jpg",
        "tags": "tags: [a, b]  # a comment",
    }
    order = draw(st.permutations(list(lines)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    comment = draw(st.sampled_from(["", "# kept comment\n"]))
    body = draw(st.sampled_from(["Body.\n", "Body with <Tabs>\n</Tabs>\n---\nmore\n"]))
    text = "---\n" + comment + "\n".join(lines[key] for key in order) + "\n---\n" + body
    return text.replace("\n", newline), draw(st.booleans())


def load(site: Site, path: Path) -> Document:
    document = load_text(path.read_bytes(), path, "post.md", "content/posts/post.md", 10**6)
    assert isinstance(document, Document)
    return document


def value_spans(document: Document) -> list[tuple[int, int]]:
    assert document.front_matter is not None
    spans = []
    for key in FIXED_KEYS:
        entry = document.front_matter.root.get(key)
        assert entry is not None
        spans.append((entry.value.start, entry.value.end))
    return spans


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(post=posts())
def test_fix_properties(post: tuple[str, bool]) -> None:
    text, bom = post
    with tempfile.TemporaryDirectory() as folder:
        builder = SiteBuilder(Path(folder))
        raw = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
        path = builder.post(raw)
        site = Site(builder.root, Config())
        linter = Engine(site, build_selection(Config()))
        before = load(site, path)

        result = linter.run([path], fix=FixMode())
        after_bytes = path.read_bytes()
        assert after_bytes.startswith(codecs.BOM_UTF8) == bom
        after = load(site, path)

        assert not [f for f in result.findings if applicable(f, unsafe=False)]

        spans = value_spans(before)
        matcher = difflib.SequenceMatcher(a=before.text, b=after.text, autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag != "equal":
                assert any(start <= i1 and i2 <= end for start, end in spans), (tag, i1, i2)

        assert before.front_matter is not None and after.front_matter is not None
        old_data = to_python(before.front_matter.root)
        new_data = to_python(after.front_matter.root)
        assert isinstance(old_data, dict) and isinstance(new_data, dict)
        for key in FIXED_KEYS:
            old_data.pop(key)
            new_data.pop(key)
        assert old_data == new_data

        linter.run([path], fix=FixMode())
        assert path.read_bytes() == after_bytes
