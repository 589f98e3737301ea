"""``@record``: the frozen dataclass that most of transcheck's values are.

To the type checker ``@record`` is ``@dataclass(frozen=True, eq=False)``, ``@record(eq=True)``
is ``@dataclass(frozen=True)`` (compared and hashed by value) and ``slots=True`` adds slots:
mypy, strict over the whole package, refuses any assignment to a field, as for a frozen
dataclass. At run time the class is a dataclass that is not frozen (``eq=True`` also generates
the frozen class's ``__hash__``, ``unsafe_hash``), sharing one ``__repr__`` (the same text as a
dataclass's): Python 3.11 compiles each method it generates for each dataclass from source when
the class is created, and a frozen class's ``__setattr__``, ``__delattr__`` and ``__repr__`` were
two thirds of that (1.9 of 2.8 M instructions for five fields, eq=False), for the ~90 such
classes every run imports. What the run-time class gives up is only the refusal to assign at
run time, in code mypy does not check.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

__all__ = ["record"]


@overload
@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, slots: bool = False, eq: bool = False) -> Callable[[type[T]], type[T]]: ...


def record(cls: type[T] | None = None, /, *, slots: bool = False, eq: bool = False) -> Any:
    """The class as a record (see the module's docstring), or the decorator that makes one."""

    def make(cls: type[T]) -> type[T]:
        own_repr = "__repr__" in vars(cls)
        hashed = eq and "__hash__" not in vars(cls)  # a class's own __hash__ stays, as if frozen
        made = dataclasses.dataclass(eq=eq, unsafe_hash=hashed, repr=False, slots=slots)(cls)
        if not own_repr:
            setattr(made, "__repr__", _repr)  # noqa: B010 (mypy refuses assigning a method)
        return made

    return make if cls is None else make(cls)


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    """``Name(field=value, ...)`` over the fields shown in a dataclass's repr."""
    shown = ", ".join(
        f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr
    )
    return f"{type(self).__qualname__}({shown})"
