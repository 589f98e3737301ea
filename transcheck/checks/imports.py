"""MDX ``import``/``export`` lines, compared by what they bind rather than line by line.

A page imports the components its body uses. A Korean page that keeps an older or newer form of
a component (``<ReadMore>`` for a ``📚`` line, a ``<Steps>`` wrapper the English has not got yet)
imports one more or one fewer name: markup-mismatch reports that difference, once. What is left
for code-changed (TC501) is what breaks or changes the page:

- a name both sides import from different modules (``FileTree`` from ``~/components/FileTree.astro``
  in English, from ``@astrojs/starlight/components`` in Korean);
- a name the Korean body uses but only the English imports (the Korean page does not build);
- an ``export`` statement of the English that the Korean lacks or changed.

Semicolons, quotes and white space between the words of a statement are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.checks.registry import Hit, PairContext
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Document

_STATEMENT = compiled(r"(?:import|export)\b[^;]*?(?=;|\n(?:import|export)\b|\Z)", re.DOTALL)
_FROM = compiled(r"import\s+(?P<what>[^'\"]*?)\s*from\s*['\"](?P<module>[^'\"]+)['\"]", re.DOTALL)
_NAME = compiled(r"[A-Za-z_$][\w$]*")


@dataclass(frozen=True)
class Statement:
    """One ``import``/``export`` statement: its first line, its text on one line, and for an
    import the names it binds with the module they come from."""

    line: int
    text: str
    module: str = ""
    names: tuple[str, ...] = ()


def statements(block: Block) -> list[Statement]:
    """The statements of one ESM block, each at its first line."""
    found = []
    for match in _STATEMENT().finditer(block.text):
        text = " ".join(match.group(0).split())
        line = block.line + block.text.count("\n", 0, match.start())
        imported = _FROM().match(text)
        if imported is None:
            found.append(Statement(line, text))
            continue
        what = re.sub(r"\b\w+\s+as\s+", "", imported.group("what"))  # `A as B` binds B
        names = tuple(_NAME().findall(what.replace("type ", "")))
        found.append(Statement(line, text, imported.group("module"), names))
    return found


def _esm(document: Document) -> list[Statement]:
    return [
        statement
        for section in document.sections
        for block in section.blocks
        if block.kind is BlockKind.CODE and block.esm
        for statement in statements(block)
    ]


def _used(document: Document) -> set[str]:
    """Names the body refers to: component tags (``<Steps>``, ``<Icons.Star>``) and the
    identifiers of ``{expressions}`` and ``{…}`` prop values."""
    used: set[str] = set()
    for section in document.sections:
        for block in section.blocks:
            for tag in block.markup:
                if tag.kind != "jsx":
                    continue
                used.add(tag.name.lstrip("/").split(".")[0])
                for _, value in tag.attrs:
                    if value.startswith("{"):
                        used.update(_NAME().findall(value))
    return used


def _first_line(document: Document) -> int:
    """Where imports go in a page that has none: its first block (after the front matter)."""
    lines = [block.line for section in document.sections for block in section.blocks]
    return min(lines, default=1)


def _normal(text: str) -> str:
    """A statement without its semicolon, with one kind of quote."""
    return text.rstrip(";").replace('"', "'")


def import_changes(ctx: PairContext) -> Iterator[Hit]:
    """What the Korean imports or exports breaks or changes (see the module docstring)."""
    english, korean = _esm(ctx.source), _esm(ctx.target)
    if not english and not korean:
        return
    bound = {name: s for s in korean for name in s.names}
    used = _used(ctx.target)
    first = korean[0].line if korean else _first_line(ctx.target)
    for statement in english:
        if not statement.names:
            if _normal(statement.text) not in {_normal(s.text) for s in korean}:
                yield Hit(
                    f"code line `{statement.text}` is missing from the Korean imports and "
                    "exports; keep the code as in English",
                    ctx.at_source(statement.line),
                    ctx.at_target(first),
                )
            continue
        for name in statement.names:
            other = bound.get(name)
            if other is not None and other.module != statement.module:
                yield Hit(
                    f"import changed: English `{statement.text}`, Korean `{other.text}`: "
                    f"{name} comes from another module; keep the code as in English",
                    ctx.at_source(statement.line),
                    ctx.at_target(other.line),
                )
            elif other is None and name in used:
                yield Hit(
                    f"the Korean page uses {name} but does not import it: add "
                    f"`{statement.text}` as in English",
                    ctx.at_source(statement.line),
                    ctx.at_target(first),
                )
