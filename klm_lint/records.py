"""Records made by the thousand for every file: frozen for the type checker, plain at run time.

A record class is what `@dataclass(slots=True)` makes of it, built without the dataclasses
module: creating a dataclass compiles each method it generates, about 0.3 ms a class, at import
on every run, and importing dataclasses imports inspect. Here each record's `__init__` comes
from klm_lint/record_inits.py, written from the record classes by `python -m
klm_lint.record_table` (tests/test_records.py fails when it is out of date, and a class it does
not hold gets its `__init__` compiled as a dataclass would); the comparison, the hash and the
repr are shared functions, with the dataclass's own results (tests/test_records.py holds them
equal for every record class). mypy (run on every change) still refuses any assignment to a
field, so the records stay immutable where it matters: in the code. `dataclasses.fields`,
`dataclasses.replace` and `dataclasses.asdict` take records as they take dataclasses.

- `@record`: compared by identity, as most records need no more;
- `@value_record`: compared and hashed by its fields, as `@dataclass(frozen=True, slots=True)`
  is;
- `@mutable_record`: compared by its fields, changed in place and never hashed, as
  `@dataclass(slots=True)` is;
- `field(...)`: a field's default factory, or a field left out of the comparison, the hash,
  the repr or `__init__`, as `dataclasses.field` says them;
- `replace(record, **changes)`: a copy with these fields changed, as `dataclasses.replace`.
"""

from __future__ import annotations

import reprlib
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import dataclass_transform


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""No default (a field's default or default factory not given)."""


class Field:
    """One field of a record class, as `dataclasses.Field` tells it."""

    __slots__ = ("compare", "default", "default_factory", "hash", "init", "name", "repr", "type")

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        init: bool = True,
        repr: bool = True,
        hash: bool | None = None,
        compare: bool = True,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.type: object = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] = MISSING,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> Any:
    """A record field's default factory, or a field left out of the comparison, the hash, the
    repr or `__init__` (as `dataclasses.field`)."""
    return Field(default, default_factory, init, repr, hash, compare)


if TYPE_CHECKING:

    @dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
    def record(cls: type[T]) -> type[T]: ...

    @dataclass_transform(frozen_default=True, eq_default=True, field_specifiers=(field,))
    def value_record(cls: type[T]) -> type[T]: ...

    @dataclass_transform(frozen_default=False, eq_default=True, field_specifiers=(field,))
    def mutable_record(cls: type[T]) -> type[T]: ...

else:

    def record(cls):
        return _build(cls)

    def value_record(cls):
        own = cls.__dict__.get("__hash__", object)
        if own is not object and not (own is None and "__eq__" in cls.__dict__):
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        made = _build(cls)
        fields = made.__record_fields__
        if "__eq__" not in cls.__dict__:
            made.__eq__ = _equality([each.name for each in fields if each.compare])
        hashed = [
            each.name for each in fields if (each.hash if each.hash is not None else each.compare)
        ]
        made.__hash__ = _hashing(hashed)
        return made

    def mutable_record(cls):
        made = _build(cls)
        if "__eq__" not in cls.__dict__:
            made.__eq__ = _equality([each.name for each in made.__record_fields__ if each.compare])
            if "__hash__" not in cls.__dict__:
                made.__hash__ = None
        return made


def fields(cls_or_record: Any) -> tuple[Field, ...]:
    """The fields of a record class (or of a record), in `__init__`'s order."""
    found: tuple[Field, ...] = cls_or_record.__record_fields__
    return found


def replace(value: T, **changes: Any) -> T:
    """A copy of the record with these fields changed (as `dataclasses.replace`)."""
    for each in fields(value):
        if not each.init:
            if each.name in changes:
                raise ValueError(
                    f"field {each.name} is declared with init=False, it cannot be specified "
                    "with replace()"
                )
            continue
        if each.name not in changes:
            changes[each.name] = getattr(value, each.name)
    made: T = value.__class__(**changes)
    return made


def _build(cls: type) -> type:
    """The class as `@dataclass(slots=True, eq=False, repr=False)` makes it, with the repr
    the dataclass would have."""
    found = _fields_of(cls)
    init = _init(cls, found)
    namespace = dict(cls.__dict__)
    inherited: set[str] = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get("__slots__", ())
        inherited.update((slots,) if isinstance(slots, str) else slots)
    namespace["__slots__"] = tuple(each.name for each in found if each.name not in inherited)
    for each in found:
        namespace.pop(each.name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__record_fields__"] = found
    namespace["__dataclass_fields__"] = _DataclassFields()
    namespace["__match_args__"] = tuple(each.name for each in found if each.init)
    if "__init__" not in cls.__dict__:
        namespace["__init__"] = init
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    if "__repr__" not in cls.__dict__:
        made.__repr__ = _repr([each.name for each in found if each.repr])  # type: ignore[assignment]
    return made


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        if "ClassVar" not in annotation:
            return False
        head = annotation.strip().split("[", 1)[0].strip()
        return head in ("ClassVar", "typing.ClassVar")
    import typing

    return typing.get_origin(annotation) is typing.ClassVar or annotation is typing.ClassVar


def _fields_of(cls: type) -> tuple[Field, ...]:
    """The fields a dataclass would find: its record bases' first, then its own annotations."""
    found: dict[str, Field] = {}
    for base in cls.__mro__[-2:0:-1]:
        for each in base.__dict__.get("__record_fields__", ()):
            found[each.name] = each
    namespace = cls.__dict__
    for name, annotation in namespace.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        value = namespace.get(name, MISSING)
        made = value if isinstance(value, Field) else Field(value)
        made.name = name
        made.type = annotation
        default = made.default
        if default is not MISSING and default.__class__.__hash__ is None:
            raise ValueError(
                f"mutable default {type(default)} for field {name} is not allowed: use "
                "default_factory"
            )
        found[name] = made
    seen_default = False
    for each in found.values():
        if not each.init:
            continue
        if each.default is not MISSING or each.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {each.name!r} follows default argument")
    return tuple(found.values())


def _init(cls: type, found: tuple[Field, ...]) -> Callable[..., None]:
    """`__init__`: the one record_inits.py holds for the class when it is up to date, else
    compiled here."""
    try:
        from klm_lint.record_inits import INITS
    except ImportError:  # the table being written (python -m klm_lint.record_table)
        INITS = {}

    defaults = tuple(
        _FACTORY if each.default_factory is not MISSING else each.default for each in found
    )
    factories = tuple(each.default_factory for each in found)
    signature = init_signature(found)
    known = INITS.get(f"{cls.__module__}.{cls.__qualname__}")
    if known is not None and known[0] == signature:
        maker = known[1]
    else:
        space: dict[str, Any] = {"Any": Any}
        exec(init_source("_make", found), space)
        maker = space["_make"]
    made: Callable[..., None] = maker(defaults, factories)
    return made


class _Factory:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
"""The default of a field made by its default factory (as the dataclass's __init__ shows it)."""


def init_signature(found: tuple[Field, ...]) -> str:
    """What a record's `__init__` depends on: its fields, each with how it gets its value."""
    parts = []
    for each in found:
        how = "=" if each.default is not MISSING else ""
        if each.default_factory is not MISSING:
            how = "()"
        parts.append(f"{each.name}{how}{'' if each.init else '!'}")
    return ",".join(parts)


def init_source(name: str, found: tuple[Field, ...]) -> str:
    """The source of a function `name(d, f)` making the `__init__` of a record with these
    fields, `d` their defaults (a field made by its factory: _FACTORY) and `f` their default
    factories, as the dataclass's `__init__` is."""
    parameters = ["self: Any"]
    body = []
    for index, each in enumerate(found):
        factory = each.default_factory is not MISSING
        if each.init:
            has_default = factory or each.default is not MISSING
            parameters.append(f"{each.name}: Any" + (f" = d[{index}]" if has_default else ""))
            value = f"f[{index}]() if {each.name} is d[{index}] else {each.name}"
            body.append(f"self.{each.name} = {value if factory else each.name}")
        elif factory:
            body.append(f"self.{each.name} = f[{index}]()")
        elif each.default is not MISSING:
            body.append(f"self.{each.name} = d[{index}]")
    lines = [f"def {name}(d: Any, f: Any) -> Any:", "    def __init__("]
    lines += [f"        {parameter}," for parameter in parameters]
    lines.append("    ) -> None:")
    lines += [f"        {line}" for line in body] or ["        pass"]
    lines += ["", "    return __init__", ""]
    return "\n".join(lines)


class _DataclassFields:
    """`__dataclass_fields__`, made the first time something asks (dataclasses.fields,
    replace, asdict): the dataclass of the same fields' own."""

    def __get__(self, instance: object, owner: type) -> dict[str, Any]:
        import dataclasses

        found = fields(owner)
        twin = dataclasses.make_dataclass(
            owner.__name__,
            [
                (
                    each.name,
                    Any,
                    dataclasses.field(
                        default_factory=each.default_factory,
                        init=each.init,
                        repr=each.repr,
                        hash=each.hash,
                        compare=each.compare,
                    )
                    if each.default_factory is not MISSING
                    else dataclasses.field(
                        default=dataclasses.MISSING if each.default is MISSING else each.default,
                        init=each.init,
                        repr=each.repr,
                        hash=each.hash,
                        compare=each.compare,
                    ),
                )
                for each in found
            ],
        )
        made: dict[str, Any] = getattr(twin, "__dataclass_fields__")  # noqa: B009
        for each in found:
            made[each.name].type = each.type
        type.__setattr__(owner, "__dataclass_fields__", made)
        return made


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as one tuple (as the dataclass's generated methods make it)."""
    if len(names) == 1:
        (name,) = names
        return lambda value: (getattr(value, name),)
    if not names:
        return lambda value: ()
    return attrgetter(*names)


def _repr(shown: list[str]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inside})"

    return __repr__


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
