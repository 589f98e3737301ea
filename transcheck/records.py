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

The methods left (``__init__``, and ``__eq__`` and ``__hash__`` with ``eq=True``) are the same
source for every class with as many fields, up to the names: so a plain record (own fields only,
each an annotation with at most a default, no ``field()``, no ``__post_init__``) gets them from
one compiled template per method and number of fields, renamed for its fields
(``CodeType.replace``), instead of compiling its own; the bytecode, defaults, annotations and
names are the dataclass's. Other records are left to ``dataclasses`` whole.
"""

from __future__ import annotations

import dataclasses
import reprlib
import sys
from collections.abc import Callable
from functools import cache
from types import CodeType, FunctionType
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
        plain = _plain(cls)
        generated = not plain  # a plain record's methods come from the templates, below
        made = dataclasses.dataclass(
            init=generated,
            eq=eq and generated,
            unsafe_hash=hashed and generated,
            repr=False,
            slots=slots,
        )(cls)
        if plain:
            names = [f.name for f in dataclasses.fields(made)]  # type: ignore[arg-type]
            _install(made, "__init__", names)
            if eq and "__eq__" not in vars(cls):
                _install(made, "__eq__", names)
            if hashed:
                _install(made, "__hash__", names)
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


# Names the templates use besides the fields: a field so named is left to dataclasses.
_TEMPLATE_NAMES = frozenset({"self", "other", "hash", "NotImplemented", "__class__"})
_NOT_PLAIN_TYPES = ("ClassVar", "InitVar", "KW_ONLY")


def _plain(cls: type) -> bool:
    """Whether dataclasses would generate the templates' methods for ``cls``: its own fields
    only, each a string annotation with at most a plain default (no ``field()``, pseudo-field
    or default before a field without one), no ``__post_init__``, and a docstring (without one
    dataclasses derives it from ``__init__``'s signature)."""
    own = vars(cls)
    if not cls.__doc__ or hasattr(cls, "__post_init__"):
        return False
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        return False
    defaulted = False
    for name, kind in own.get("__annotations__", {}).items():
        if not isinstance(kind, str) or any(word in kind for word in _NOT_PLAIN_TYPES):
            return False
        value = own.get(name, dataclasses.MISSING)
        if name in _TEMPLATE_NAMES or isinstance(value, dataclasses.Field):
            return False
        if value is dataclasses.MISSING and defaulted:
            return False  # dataclasses raises its TypeError
        defaulted = value is not dataclasses.MISSING
    return True


def _fields_tuple(owner: str, names: list[str]) -> str:
    """``(self.a,self.b,)``, as dataclasses writes it (``()`` without fields)."""
    return f"({','.join(f'{owner}.{name}' for name in names)},)" if names else "()"


@cache
def _template(method: str, count: int) -> CodeType:
    """The code dataclasses generates for ``method`` of a plain, non-frozen class with
    ``count`` fields, written with the placeholder fields ``_0``, ``_1``, ..."""
    names = [f"_{index}" for index in range(count)]
    if method == "__init__":
        body = "".join(f"\n  self.{name}={name}" for name in names) or "\n  pass"
        source = f"def __init__(self{''.join(',' + name for name in names)}):{body}"
    elif method == "__eq__":
        mine, theirs = _fields_tuple("self", names), _fields_tuple("other", names)
        source = (
            "def __eq__(self,other):\n if other.__class__ is self.__class__:\n"
            f"  return {mine}=={theirs}\n return NotImplemented"
        )
    else:
        source = f"def __hash__(self):\n return hash({_fields_tuple('self', names)})"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<string>", "exec", dont_inherit=True), {}, namespace)
    code: CodeType = namespace[method].__code__
    return code


def _install(cls: type, method: str, names: list[str]) -> None:
    """Set ``method`` on ``cls`` from its template, renamed for the fields ``names``."""
    placeholders = {f"_{index}": name for index, name in enumerate(names)}
    template = _template(method, len(names))
    qualname = f"{cls.__qualname__}.{method}"
    code = template.replace(
        co_names=tuple(placeholders.get(name, name) for name in template.co_names),
        co_varnames=tuple(placeholders.get(name, name) for name in template.co_varnames),
        co_qualname=qualname,
    )
    module = sys.modules.get(cls.__module__)
    fields = dataclasses.fields(cls)
    defaults = tuple(f.default for f in fields if f.default is not dataclasses.MISSING) or None
    shared = vars(module) if module else {}
    function = FunctionType(code, shared, method, defaults if method == "__init__" else None)
    function.__qualname__ = qualname
    if method == "__init__":
        function.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    setattr(cls, method, function)
