"""Record classes (klm_lint/records.py) compare, hash and show themselves exactly as the
dataclasses they stand for: `@value_record` as `@dataclass(frozen=True, slots=True)`, `@record`
as `@dataclass(slots=True, eq=False)`; checked for every record class of klm_lint."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import math
from pathlib import Path
from typing import Any

import pytest

from klm_lint.records import record, value_record

PACKAGE = Path(__file__).resolve().parent.parent / "klm_lint"


def _record_classes() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Name) and decorator.id in (
                        "record",
                        "value_record",
                    ):
                        found.append((module, node.name, decorator.id))
    return found


CLASSES = _record_classes()


def _reference(cls: type, kind: str) -> type:
    made = dataclasses.make_dataclass(
        cls.__name__,
        [
            (
                each.name,
                Any,
                dataclasses.field(compare=each.compare, hash=each.hash, repr=each.repr),
            )
            for each in dataclasses.fields(cls)
        ],
        frozen=kind == "value_record",
        eq=kind == "value_record",
        slots=True,
    )
    made.__qualname__ = cls.__qualname__
    return made


def _like(given: dataclasses.Field[Any]) -> Any:
    return dataclasses.field(compare=given.compare, hash=given.hash, repr=given.repr)


def _instance(cls: type, values: list[Any]) -> Any:
    made: Any = object.__new__(cls)
    for each, value in zip(dataclasses.fields(cls), values, strict=True):
        object.__setattr__(made, each.name, value)
    return made


def test_every_record_class_is_found() -> None:
    assert len(CLASSES) >= 40


@pytest.mark.parametrize(("module", "name", "kind"), CLASSES)
def test_a_record_behaves_as_its_dataclass(module: str, name: str, kind: str) -> None:
    cls = getattr(importlib.import_module(module), name)
    reference = _reference(cls, kind)
    count = len(dataclasses.fields(cls))
    nan = math.nan
    samples: list[list[Any]] = [
        [f"v{index}" for index in range(count)],
        [f"v{index}" for index in range(count)],
        [(index, "x") if index else nan for index in range(count)],
        [index for index in range(count)],
    ]
    ours = [_instance(cls, values) for values in samples]
    theirs = [_instance(reference, values) for values in samples]
    own_methods = set(cls.__dict__) & {"__eq__", "__repr__"}
    if "__repr__" not in own_methods:
        assert [repr(each) for each in ours] == [repr(each) for each in theirs]
    if "__eq__" in own_methods:
        return
    for left in range(len(samples)):
        for right in range(len(samples)):
            assert (ours[left] == ours[right]) == (theirs[left] == theirs[right])
        assert (ours[left] == "text") == (theirs[left] == "text")
        assert ours[left].__eq__(1) is theirs[left].__eq__(1)
        if kind == "value_record":
            assert hash(ours[left]) == hash(theirs[left])


def test_a_record_holding_itself_shows_as_its_dataclass_does() -> None:
    @record
    class Box:
        inside: object

    box = Box(None)
    object.__setattr__(box, "inside", [box])
    assert (
        repr(box)
        == "test_a_record_holding_itself_shows_as_its_dataclass_does.<locals>.Box(inside=[...])"
    )


def test_a_value_record_keeps_the_methods_its_class_writes() -> None:
    @value_record
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("a")) == "<a>"
    assert Named("a") == Named("a")
    assert hash(Named("a")) == hash(("a",))
