"""Records made by the thousand for every file: frozen for the type checker, plain at run time.

A frozen dataclass sets each field through object.__setattr__, which makes building one about
four times slower than a plain slotted class, and creating the class itself (at import, on
every run) about twice as slow: two more methods are generated and compiled. mypy (run on
every change) still refuses any assignment to a field, so the records stay immutable where it
matters: in the code.

- `@record`: compared by identity, as most records need no more;
- `@value_record`: compared and hashed by value, as `@dataclass(frozen=True, slots=True)` is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
    def record(cls: type[T]) -> type[T]: ...

    @dataclass_transform(frozen_default=True, eq_default=True, field_specifiers=(field,))
    def value_record(cls: type[T]) -> type[T]: ...

else:

    def record(cls):
        return dataclass(slots=True, eq=False)(cls)

    def value_record(cls):
        # What frozen=True gives besides refusing assignment: a hash of the fields.
        return dataclass(slots=True, unsafe_hash=True)(cls)
