"""``@record``: the frozen dataclass most of transcheck's values are; ``@mutable`` for the rest.

To the type checker ``@record`` is ``@dataclass(frozen=True, eq=False)``, ``@record(eq=True)``
is ``@dataclass(frozen=True)`` (compared and hashed by value) and ``slots=True`` adds slots:
mypy, strict over the whole package, refuses any assignment to a field, as for a frozen
dataclass. At run time the class is a dataclass that is not frozen, sharing one ``__repr__``
(the same text as a dataclass's) and, with ``eq=True``, one ``__eq__`` and ``__hash__``
(comparing and hashing the tuple of the compared fields, as the frozen class's generated methods
do, so sets iterate the same): Python 3.11 compiles each method it generates for each dataclass
from source when the class is created, and a frozen class's ``__setattr__``, ``__delattr__`` and
``__repr__`` were two thirds of that (1.9 of 2.8 M instructions for five fields, eq=False), for
the ~90 such classes every run imports; a generated ``__eq__`` and ``__hash__`` cost 0.9 M more
a class (~30 classes). What the run-time class gives up is only the refusal to assign at run
time, in code mypy does not check.

``@mutable`` is ``@dataclass(eq=False)`` with the same shared ``__repr__``, for working state
whose fields are assigned; so a one-chapter check compiles no dataclass method but
``__init__`` in the modules it loads (tests/test_records.py).

``cached_property`` is ``functools.cached_property`` as Python 3.12 has it, without a lock.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, Generic, TypeVar, dataclass_transform, overload

T = TypeVar("T")

__all__ = ["cached_property", "mutable", "record"]


@overload
@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, slots: bool = False, eq: bool = False) -> Callable[[type[T]], type[T]]: ...


def record(cls: type[T] | None = None, /, *, slots: bool = False, eq: bool = False) -> Any:
    """The class as a record (see the module's docstring), or the decorator that makes one."""

    def make(cls: type[T]) -> type[T]:
        own = vars(cls)
        own_repr, own_eq = "__repr__" in own, "__eq__" in own  # a class's own methods stay
        # as a frozen dataclass's would; Python sets __hash__ to None in a class defining
        # __eq__ without it, which a dataclass does not take for the class's own.
        own_hash = "__hash__" in own and not (own["__hash__"] is None and own_eq)
        made = dataclasses.dataclass(eq=False, repr=False, slots=slots)(cls)
        # mypy refuses assigning a method: setattr (noqa: B010) below.
        if not own_repr:
            setattr(made, "__repr__", _repr)  # noqa: B010
        if eq:
            fields = dataclasses.fields(made)  # type: ignore[arg-type]
            if not own_eq:
                compared = _values([f.name for f in fields if f.compare])
                setattr(made, "_compared", compared)  # noqa: B010
                setattr(made, "__eq__", _eq)  # noqa: B010
            if not own_hash:
                hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
                setattr(made, "_hashed", _values(hashed))  # noqa: B010
                setattr(made, "__hash__", _hash)  # noqa: B010
        return made

    return make if cls is None else make(cls)


@dataclass_transform(eq_default=False)
def mutable(cls: type[T], /) -> type[T]:
    """``@dataclass(eq=False)``, for working state whose fields are assigned (a walker, a
    pair's context): compared by identity, with the records' shared ``__repr__`` (the same text)
    instead of one compiled for the class."""
    return record(cls)  # the same at run time; only the type checker's default differs


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    """``Name(field=value, ...)`` over the fields shown in a dataclass's repr."""
    shown = ", ".join(
        f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr
    )
    return f"{type(self).__qualname__}({shown})"


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these fields' values of a record: what a dataclass's generated ``__eq__``
    compares and its ``__hash__`` hashes (``(self.a, self.b)``; ``(self.a,)`` for one field)."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return attrgetter(*names) if names else lambda record: ()


def _eq(self: Any, other: Any) -> Any:
    """``==`` over the compared fields, for records of the same class (a dataclass's ``__eq__``)."""
    if other.__class__ is self.__class__:
        compared = self.__class__._compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    """The hash of the compared fields' tuple (a frozen dataclass's ``__hash__``)."""
    return hash(self.__class__._hashed(self))


class cached_property(Generic[T]):  # named as the functools descriptor it stands for
    """A method's value computed on the first read and kept in the instance's ``__dict__``,
    where later reads find it before this descriptor (it has no ``__set__``). Python 3.11's
    ``functools.cached_property`` takes one lock per property, shared by every instance, around
    each first read (an RLock entered and left, the dict read twice): ~10,000 first reads in a
    vue-docs check (sections' links and tags, block pairs' ``firsts``). Two threads reading it
    at once may both compute the value; each such property computes it from its instance
    alone, so either value is the same one."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        """Wrap ``func``; its name is where the value is kept (see ``__set_name__``)."""
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        """Keep the value under the name the class gives the property."""
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached_property[T]:
        """The value, computed and kept on the first read; the descriptor on the class."""
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
