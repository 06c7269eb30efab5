"""Record classes (klm_lint/records.py) are built, compare, hash and show themselves exactly as
the dataclasses they stand for: `@value_record` as `@dataclass(frozen=True, slots=True)`,
`@record` as `@dataclass(slots=True, eq=False)`, `@mutable_record` as `@dataclass(slots=True)`;
checked for every record class of klm_lint, whose `__init__` comes from record_inits.py."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
from pathlib import Path
from typing import Any

import pytest

from klm_lint import records
from klm_lint.record_inits import INITS
from klm_lint.record_table import record_classes, render
from klm_lint.records import field, mutable_record, record, replace, value_record

PACKAGE = Path(__file__).resolve().parent.parent / "klm_lint"
CLASSES = record_classes()


def _class(module: str, name: str) -> Any:
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


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
        eq=kind != "record",
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
    cls = _class(module, name)
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
        if kind == "mutable_record":
            with pytest.raises(TypeError):
                hash(ours[left])


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


def test_the_init_table_is_written_from_the_record_classes() -> None:
    assert (PACKAGE / "record_inits.py").read_text(encoding="utf-8") == render(), (
        "klm_lint/record_inits.py is out of date: python -m klm_lint.record_table > "
        "/tmp/record_inits.py && mv /tmp/record_inits.py klm_lint/record_inits.py"
    )


def _twin(cls: type) -> Any:
    """The dataclass of the record class's fields, with their defaults and factories."""
    return dataclasses.make_dataclass(
        cls.__name__,
        [(each.name, Any, each) for each in dataclasses.fields(cls)],
        slots=True,
    )


def _shown(function: Any) -> list[tuple[str, Any, str]]:
    return [
        (parameter.name, parameter.kind, repr(parameter.default))
        for parameter in inspect.signature(function).parameters.values()
    ]


@pytest.mark.parametrize(("module", "name", "kind"), CLASSES)
def test_a_record_is_made_as_its_dataclass_is(module: str, name: str, kind: str) -> None:
    cls = _class(module, name)
    twin = _twin(cls)
    assert INITS[f"{module}.{name}"][0] == records.init_signature(records.fields(cls))
    assert cls.__init__.__code__.co_filename.endswith("record_inits.py")
    assert _shown(cls.__init__) == _shown(twin.__init__)
    assert cls.__slots__ == twin.__slots__
    assert cls.__match_args__ == twin.__match_args__
    assert [each.name for each in records.fields(cls)] == [
        each.name for each in dataclasses.fields(twin)
    ]
    required = [
        each.name
        for each in dataclasses.fields(twin)
        if each.init
        and each.default is dataclasses.MISSING
        and each.default_factory is dataclasses.MISSING
    ]
    values = {each: object() for each in required}
    ours, theirs = cls(**values), twin(**values)
    for each in dataclasses.fields(twin):
        mine = getattr(ours, each.name, None)
        assert mine == getattr(theirs, each.name, None)
        if each.default_factory is not dataclasses.MISSING:
            assert mine is not getattr(cls(**values), each.name)


def test_a_record_the_table_does_not_hold_compiles_its_own_init() -> None:
    def empty() -> list[int]:
        return []

    @mutable_record
    class Local:
        first: int
        second: str = "b"
        items: list[int] = field(default_factory=empty)
        hidden: list[int] = field(default_factory=list, init=False, repr=False)
        fixed: int = field(default=3, init=False, compare=False)

    made = Local(1)
    assert (made.first, made.second, made.items, made.hidden, made.fixed) == (1, "b", [], [], 3)
    assert made.items is not Local(1).items
    assert repr(made) == (
        "test_a_record_the_table_does_not_hold_compiles_its_own_init.<locals>.Local("
        "first=1, second='b', items=[], fixed=3)"
    )
    assert Local(1, "c", [2]) == Local(1, "c", [2]) != Local(1)
    assert replace(made, second="z").second == "z"
    with pytest.raises(ValueError, match="init=False"):
        replace(made, hidden=[1])
    assert dataclasses.replace(made, first=2) == Local(2)
    assert dataclasses.asdict(made) == {
        "first": 1,
        "second": "b",
        "items": [],
        "hidden": [],
        "fixed": 3,
    }


def test_a_record_refuses_what_a_dataclass_refuses() -> None:
    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Mutable:
            items: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="non-default argument"):

        @record
        class Order:
            first: int = 1
            second: int  # type: ignore[misc]
