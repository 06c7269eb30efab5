"""Records made by the thousand for every file: frozen for the type checker, plain at run time.

A frozen dataclass sets each field through object.__setattr__, which makes building one about
four times slower than a plain slotted class; and creating the class itself, at import on every
run, compiles each method the dataclass generates (about 0.5 ms a class on Python 3.11). Here
only `__init__` is generated; the comparison, the hash and the repr are shared functions, with
the dataclass's own results (tests/test_records.py holds them equal for every record class).
mypy (run on every change) still refuses any assignment to a field, so the records stay
immutable where it matters: in the code.

- `@record`: compared by identity, as most records need no more;
- `@value_record`: compared and hashed by its fields, as `@dataclass(frozen=True, slots=True)`
  is.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
    def record(cls: type[T]) -> type[T]: ...

    @dataclass_transform(frozen_default=True, eq_default=True, field_specifiers=(field,))
    def value_record(cls: type[T]) -> type[T]: ...

else:

    def record(cls):
        made = dataclass(slots=True, eq=False, repr=False)(cls)
        _add_repr(made)
        return made

    def value_record(cls):
        made = dataclass(slots=True, eq=False, repr=False)(cls)
        _add_repr(made)
        if "__eq__" not in cls.__dict__:
            made.__eq__ = _equality([each.name for each in fields(made) if each.compare])
        own = cls.__dict__.get("__hash__", object)
        if own is not object and not (own is None and "__eq__" in cls.__dict__):
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        hashed = [
            each.name
            for each in fields(made)
            if (each.hash if each.hash is not None else each.compare)
        ]
        made.__hash__ = _hashing(hashed)
        return made


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as one tuple (as the dataclass's generated methods make it)."""
    if len(names) == 1:
        (name,) = names
        return lambda value: (getattr(value, name),)
    if not names:
        return lambda value: ()
    return attrgetter(*names)


def _add_repr(cls: type) -> None:
    if "__repr__" in cls.__dict__:
        return
    shown = [each.name for each in fields(cls) if each.repr]

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inside})"

    cls.__repr__ = __repr__  # type: ignore[assignment]


def _equality(names: list[str]) -> Callable[[Any, Any], Any]:
    values = _values(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hashing(names: list[str]) -> Callable[[Any], int]:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__
