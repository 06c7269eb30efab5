"""Records made by the thousand for every file: frozen for the type checker, plain at run time.

A frozen dataclass sets each field through object.__setattr__, which makes building one about
four times slower than a plain slotted class. mypy (run on every change) still refuses any
assignment to a field, so the records stay immutable where it matters: in the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
    def record(cls: type[T]) -> type[T]: ...

else:

    def record(cls):
        return dataclass(slots=True, eq=False)(cls)
