"""``@record``: frozen to the type checker, a cheap identity-compared dataclass at run time, with
the repr, fields and pickling of the frozen dataclass it stands for."""

from __future__ import annotations

import dataclasses
import functools
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

from transcheck.model import Block, BlockKind
from transcheck.records import cached_property, mutable, record

REPO = Path(__file__).resolve().parents[1]


@record(slots=True)
class Point:
    x: int
    label: str = "p"
    hidden: tuple[int, ...] = dataclasses.field(default=(), repr=False)


@record
class Pair:
    a: Point
    b: Point | None = None


@dataclasses.dataclass(frozen=True, eq=False, slots=True)
class FrozenPoint:
    x: int
    label: str = "p"
    hidden: tuple[int, ...] = dataclasses.field(default=(), repr=False)


def test_a_record_reads_like_the_frozen_dataclass_it_stands_for() -> None:
    point = Point(1, "q", (2,))
    assert repr(point) == repr(FrozenPoint(1, "q", (2,))).replace("FrozenPoint", "Point")
    assert repr(Pair(point)) == "Pair(a=Point(x=1, label='q'), b=None)"
    assert [f.name for f in dataclasses.fields(Pair)] == ["a", "b"]
    assert dataclasses.replace(point, x=5).x == 5
    assert point != Point(1, "q", (2,)) and point == point  # compared by identity
    assert len({point, Point(1, "q", (2,))}) == 2
    again = pickle.loads(pickle.dumps(point))  # a worker of --jobs sends them back
    assert (again.x, again.label, again.hidden) == (1, "q", (2,))
    assert not hasattr(point, "__dict__")
    block = Block(BlockKind.PARAGRAPH, 3, 3, "text")
    assert repr(block).startswith(
        "Block(kind=<BlockKind.PARAGRAPH: 'paragraph'>, line=3, end_line=3, "
    )


@record(slots=True, eq=True)
class Span:
    start: int
    end: int = 0
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True, slots=True)
class FrozenSpan:
    start: int
    end: int = 0
    note: str = dataclasses.field(default="", compare=False)


@record(eq=True)
class Keyed:
    name: str
    where: str = ""

    def __hash__(self) -> int:
        return hash(self.name)


@record(eq=True)
class One:
    name: str
    seen: int = dataclasses.field(default=0, hash=False)


@dataclasses.dataclass(frozen=True)
class FrozenOne:
    name: str
    seen: int = dataclasses.field(default=0, hash=False)


@record(eq=True)
class Nothing:
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True)
class FrozenNothing:
    note: str = dataclasses.field(default="", compare=False)


@record(eq=True)
class Folded:
    name: str

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Folded) and self.name.lower() == other.name.lower()


@dataclasses.dataclass(frozen=True)
class FrozenFolded:
    name: str

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FrozenFolded) and self.name.lower() == other.name.lower()


def test_a_record_keeps_its_own_eq_as_the_frozen_dataclass_does() -> None:
    assert FrozenFolded("A") == FrozenFolded("a")
    assert Folded("A") == Folded("a")
    assert hash(Folded("A")) == hash(FrozenFolded("A"))  # a __hash__ made over the fields


def test_a_record_compared_by_value_hashes_as_the_frozen_dataclass_does() -> None:
    assert Span(1, 2, "a") == Span(1, 2, "b") and Span(1, 2) != Span(1, 3)
    assert hash(Span(1, 2, "a")) == hash(FrozenSpan(1, 2, "b"))  # sets iterate the same
    assert Span(1, 2).__eq__(FrozenSpan(1, 2)) is NotImplemented  # other classes: never equal
    nan = float("nan")
    cases: list[tuple[type[Any], type[Any], list[tuple[Any, ...]]]] = [
        (One, FrozenOne, [("a",), ("a", 1), (nan,), (nan, 1)]),
        (Nothing, FrozenNothing, [(), ("a",), (nan,)]),
    ]
    for made, frozen, calls in cases:
        for args in calls:
            twin = made(*args)
            assert (twin == made(*args)) == (frozen(*args) == frozen(*args))
            assert (twin == twin) and hash(twin) == hash(frozen(*args))
    assert One("a", 1) != One("a", 2) and hash(One("a", 1)) == hash(One("a", 2))
    assert len({Span(1, 2), Span(1, 2), Span(2, 2)}) == 2
    assert hash(Keyed("a", "x")) == hash("a") and Keyed("a", "x") != Keyed("a", "y")
    assert repr(Span(1)) == "Span(start=1, end=0, note='')"


def test_a_record_refuses_assignment_where_mypy_checks(tmp_path: Path) -> None:
    source = tmp_path / "assign.py"
    source.write_text(
        "from transcheck.model import Block, BlockKind\n"
        "from transcheck.records import record\n\n\n"
        "@record(slots=True)\nclass Point:\n    x: int\n\n\n"
        "def move(point: Point, block: Block) -> None:\n"
        "    point.x = 2\n"
        "    block.text = 'x'\n"
        "    Point(1, 2)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line.split(" error: ")[1] for line in done.stdout.splitlines() if " error: " in line]
    assert errors == [
        'Property "x" defined in "Point" is read-only  [misc]',
        'Property "text" defined in "Block" is read-only  [misc]',
        'Too many arguments for "Point"  [call-arg]',
    ], done.stdout


@mutable
class Counter:
    name: str
    seen: int = 0
    hidden: list[int] = dataclasses.field(default_factory=list, repr=False)


@dataclasses.dataclass(eq=False)
class PlainCounter:
    name: str
    seen: int = 0
    hidden: list[int] = dataclasses.field(default_factory=list, repr=False)


def test_a_mutable_record_reads_like_a_dataclass_and_is_compared_by_identity() -> None:
    counter = Counter("a")
    counter.seen += 1
    assert repr(counter) == repr(PlainCounter("a", 1)).replace("PlainCounter", "Counter")
    assert counter != Counter("a", 1) and counter == counter and len({counter, counter}) == 1
    assert [f.name for f in dataclasses.fields(counter)] == ["name", "seen", "hidden"]


def test_a_check_compiles_no_dataclass_method_but_init() -> None:
    """Each method a dataclass generates is source compiled when the class is created (Python
    3.11): in the modules a real one-chapter check of data/demo loads, in the default text
    format and in JSON, and in ``transcheck.api``, every dataclass shares the records' repr,
    equality and hash (records.py). Modules such a check does not load (fixes, the glossary
    tools, the HTML report) are not looked at."""
    code = """if True:
        import contextlib, dataclasses, io, sys
        from transcheck.cli import main
        pair = sys.argv[1:]
        for extra in ([], ["--format", "json"]):
            sys.argv = ["transcheck", "check", *pair, *extra]
            with contextlib.redirect_stdout(io.StringIO()) as out:
                with contextlib.suppress(SystemExit):
                    main()
            assert "attention.md" in out.getvalue(), out.getvalue()  # findings were reported
        import transcheck.api
        for name, module in list(sys.modules.items()):
            if not name.startswith("transcheck"):
                continue
            for cls in list(vars(module).values()):
                if not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
                    continue
                if cls.__module__ != name:
                    continue
                for method, fn in vars(cls).items():
                    made = getattr(fn, "__code__", None)
                    if made and made.co_filename == "<string>" and method != "__init__":
                        print(cls.__module__, cls.__qualname__, method)
    """
    pair = [str(REPO / "data" / "demo" / side / "attention.md") for side in ("en", "ko")]
    done = subprocess.run(
        [sys.executable, "-c", code, *pair],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == ""


def _counted(decorator: Any) -> tuple[type, list[int]]:
    """A record class whose ``total`` property is made by ``decorator``, and the list its
    computations are logged in."""
    computed: list[int] = []

    @record
    class Sums:
        values: tuple[int, ...]

        @decorator
        def total(self) -> int:
            """The sum of the values."""
            computed.append(id(self))
            return sum(self.values)

    return Sums, computed


def test_cached_property_reads_as_the_functools_one() -> None:
    """Computed once per instance on its first read, kept in the instance's dict, the
    descriptor itself on the class, as functools.cached_property does."""
    for decorator in (cached_property, functools.cached_property):
        sums, computed = _counted(decorator)
        first, second = sums((1, 2)), sums((3,))
        assert [first.total, first.total, second.total, first.total] == [3, 3, 3, 3]
        assert computed == [id(first), id(second)]  # once each, then read from the dict
        assert vars(first)["total"] == 3
        assert isinstance(sums.total, decorator)
        assert sums.total.__doc__ == "The sum of the values."


def test_cached_property_takes_the_name_the_class_gives() -> None:
    """The value is kept under the attribute's name, not the function's."""

    class Named:
        def compute(self) -> int:
            return 7

        seven = cached_property(compute)

    named = Named()
    assert named.seven == 7
    assert vars(named) == {"seven": 7}
