"""Facts by kind: taken from a document, and written to the cache and read back exactly, or
refused when the data is not one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from klm_lint.load.document import Document, load_text
from klm_lint.site.facts import Value, decode, encode, scalar_at, text_at, texts_at


def document(text: str) -> Document:
    loaded = load_text(text.encode(), Path("post.md"), "post.md", "content/posts/post.md", 10**6)
    assert isinstance(loaded, Document)
    return loaded


def test_text_and_scalars_with_their_place() -> None:
    doc = document("---\ntitle: Camp\nauthor:\n  name: 'Jane'\ndate: 2024-01-31\nn: 5\n---\n")
    title = text_at(doc, "title")
    assert title is not None and (title.text, title.line, title.start, title.end) == (
        "Camp",
        2,
        11,
        15,
    )
    name = text_at(doc, "author", "name")
    assert name is not None and (name.text, name.line) == ("Jane", 4)
    assert text_at(doc, "date") is None, "a date is not text"
    date = scalar_at(doc, "date")
    assert date is not None and date.text == "2024-01-31"
    assert text_at(doc, "n") is None and text_at(doc, "missing") is None
    assert text_at(doc, "author") is None, "a mapping is not text"


def test_a_shared_text_is_one_object_for_every_post() -> None:
    """An author's name written in many posts is kept once (a large site holds it thousands of
    times); other texts are the posts' own."""
    first, second = (document('---\nauthor:\n  name: "Jane Doe"\n---\n') for _ in range(2))
    shared = [text_at(doc, "author", "name", shared=True) for doc in (first, second)]
    own = [text_at(doc, "author", "name") for doc in (first, second)]
    assert shared[0] is not None and shared[1] is not None
    assert shared[0].text == "Jane Doe" and shared[0].text is shared[1].text
    assert own[0] is not None and own[1] is not None
    assert own[0].text == own[1].text and own[0].text is not own[1].text
    assert (shared[0].line, shared[0].start) == (own[0].line, own[0].start)


def test_the_strings_of_a_list_or_the_one_string() -> None:
    doc = document("---\ntags: [news, 5, camp]\ncategories: Health\nn: 5\n---\n")
    assert texts_at(doc, "tags") == ("news", "camp")
    assert texts_at(doc, "categories") == ("Health",)
    assert texts_at(doc, "n") == () and texts_at(doc, "missing") == ()


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("value", Value("Camp", 2, 11, 15)),
        ("value", None),
        ("text", "camp"),
        ("flag", True),
        ("flag", False),
        ("moment", dt.datetime(2024, 1, 31, 5, tzinfo=dt.timezone.utc)),
        ("moment", dt.datetime(2024, 1, 31, 5, tzinfo=dt.timezone(dt.timedelta(hours=6)))),
        ("moment", None),
        ("words", ("news", "camp")),
        ("words", ()),
    ],
)
def test_encoded_and_decoded_exactly(kind: str, value: object) -> None:
    back = decode(kind, encode(kind, value))  # type: ignore[arg-type]
    if isinstance(value, Value):
        assert (back.text, back.line, back.start, back.end) == (
            value.text,
            value.line,
            value.start,
            value.end,
        )
    else:
        assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("value", ["Camp", "2", 11, 15]),
        ("value", ["Camp", 2, 11]),
        ("value", [5, 2, 11, 15]),
        ("value", "Camp"),
        ("text", None),
        ("text", 5),
        ("flag", 0),
        ("flag", None),
        ("moment", 1.5),
        ("moment", "2024-01-31T05:00:00"),
        ("moment", "not a moment"),
        ("words", "news"),
        ("words", ["news", 5]),
        ("words", None),
    ],
)
def test_data_that_is_no_fact_is_refused(kind: str, raw: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        decode(kind, raw)  # type: ignore[arg-type]
