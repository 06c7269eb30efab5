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
    import os

    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
    def record(cls: type[T]) -> type[T]: ...

else:

    def record(cls):
        return dataclass(slots=True, eq=False)(cls)


Stamp = tuple[int, int, int]
"""A file's size, modification time and change time (ns), as it was read: while all three
stay, the file is taken to be unchanged (a tool that puts the modification time back still
changes the change time)."""


def stamp_of(info: os.stat_result) -> Stamp:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns
