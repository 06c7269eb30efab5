"""The shortcuts of schema validation agree with the general code they skip."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from klm_lint.load.nodes import Entry, Mapping, Node, Scalar, Sequence, iter_mappings
from klm_lint.site.schema import TEXT_TYPES, FieldSpec
from klm_lint.site.validate import _expected, is_empty

_TEXTS = st.text(max_size=12)


@given(kind=st.sampled_from(sorted(TEXT_TYPES)), text=_TEXTS, quoted=st.booleans())
def test_a_text_value_of_a_text_field_is_never_of_the_wrong_type(
    kind: str, text: str, quoted: bool
) -> None:
    # validate._value skips _expected for these: it must find nothing to say.
    node = Scalar(0, len(text), text, text, quoted)
    assert _expected(FieldSpec(("key",), kind), node) == ""


@given(text=_TEXTS)
def test_empty_text_is_blank_text(text: str) -> None:
    # validate._value has this test inline.
    assert is_empty(Scalar(0, 0, text, text, False)) == (not text.strip())


def _trees() -> st.SearchStrategy[Node]:
    scalars = st.builds(lambda value: Scalar(0, 0, value, str(value), False), st.integers(0, 9))
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.builds(lambda items: Sequence(0, 0, tuple(items)), st.lists(children, max_size=4)),
            st.builds(
                lambda values: Mapping(
                    0,
                    0,
                    tuple(
                        Entry(Scalar(0, 0, f"k{n}", f"k{n}", False), v)
                        for n, v in enumerate(values)
                    ),
                ),
                st.lists(children, max_size=4),
            ),
        ),
        max_leaves=20,
    )


def _every_mapping(node: Node, seen: set[int]) -> list[Mapping]:
    """The plain definition: depth first, in text order, each node once."""
    if isinstance(node, Scalar) or id(node) in seen:
        return []
    seen.add(id(node))
    children = [entry.value for entry in node.entries] if isinstance(node, Mapping) else node.items
    found = [node] if isinstance(node, Mapping) else []
    for child in children:
        found.extend(_every_mapping(child, seen))
    return found


@given(tree=_trees())
def test_iter_mappings_walks_the_tree_in_order(tree: Node) -> None:
    expected = _every_mapping(tree, set())
    found = list(iter_mappings(tree))
    assert [id(each) for each in found] == [id(each) for each in expected]


def test_iter_mappings_yields_a_shared_mapping_once() -> None:
    shared = Mapping(0, 0, (Entry(Scalar(0, 0, "a", "a", False), Scalar(0, 0, 1, "1", False)),))
    root = Sequence(0, 0, (shared, Scalar(0, 0, 2, "2", False), shared))
    assert [id(each) for each in iter_mappings(root)] == [id(shared)]
