"""Looking up a mapping's entries: the last entry for a key wins, as in the site's reader."""

from __future__ import annotations

from klm_lint.load.nodes import Entry, Mapping, Scalar, lookup


def _scalar(text: str, start: int) -> Scalar:
    return Scalar(start, start + len(text), text, text, False)


def _mapping(*pairs: tuple[str, str]) -> Mapping:
    entries = []
    at = 0
    for key, value in pairs:
        entries.append(Entry(_scalar(key, at), _scalar(value, at + len(key) + 2)))
        at += len(key) + len(value) + 3
    return Mapping(0, at, tuple(entries))


def test_the_last_entry_for_a_key_is_the_one_looked_up() -> None:
    mapping = _mapping(("title", "first"), ("draft", "true"), ("title", "second"))
    entry = mapping.get("title")
    assert entry is mapping.entries[2]
    value = mapping.value("title")
    assert isinstance(value, Scalar)
    assert value.value == "second"
    assert lookup(mapping, ("title",)) == (entry, value)


def test_a_missing_key_has_no_entry_and_no_value() -> None:
    mapping = _mapping(("title", "first"))
    assert mapping.get("slug") is None
    assert mapping.value("slug") is None
    assert Mapping(0, 0, ()).value("title") is None
    assert lookup(mapping, ("slug",)) == (None, None)


def test_value_is_the_entrys_value_for_every_key() -> None:
    mapping = _mapping(("a", "1"), ("b", "2"), ("a", "3"), ("c", "4"))
    for key in ("a", "b", "c", "d"):
        entry = mapping.get(key)
        assert mapping.value(key) is (entry.value if entry is not None else None)
