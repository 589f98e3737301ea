"""MDX ``import``/``export`` lines, compared by what they bind rather than line by line.

A page imports the components its body uses. A Korean page that keeps an older or newer form of
a component (``<ReadMore>`` for a ``📚`` line, a ``<Steps>`` wrapper the English has not got yet)
imports one more or one fewer name: markup-mismatch reports that difference, once. What is left
for code-changed (TC501) is what breaks or changes the page:

- a name both sides import from different modules (``FileTree`` from ``~/components/FileTree.astro``
  in English, from ``@astrojs/starlight/components`` in Korean), or bind differently (the default
  export in one, a named export, the whole module or another name renamed with ``as`` in the
  other);
- a name the Korean body uses but only the English imports (the Korean page does not build);
- an ``export`` of the English that the Korean lacks.

An ``export`` both sides declare (``export const metadata = …``, paired by the name it declares)
is compared line by line like any code block (``export_changes``): a translated string in it is
code-string-translated, a changed value code-changed. Comments (``//``, ``/* */``) may be
translated; semicolons, quotes and white space between the words of a statement are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcheck.checks.codecomments import code_lines, comment_syntax
from transcheck.checks.codediff import Change, block_changes
from transcheck.checks.linkmatch import same_file
from transcheck.checks.registry import Hit, PairContext
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Document
from transcheck.records import record

# A statement opens at a line start or after the semicolon of another: an import ends at its
# semicolon or the next statement, an export (a whole declaration, semicolons inside) at the next.
_STATEMENT = compiled(
    r"(?:^|(?<=;))[ \t]*(?:import\b[^;]*?(?=;|\n(?:import|export)\b|\Z)"
    r"|export\b.*?(?=;[ \t]*(?:import|export)\b|\n(?:import|export)\b|\Z))",
    re.MULTILINE | re.DOTALL,
)
_FROM = compiled(r"(?:import|export)\s+(?P<what>[^'\"]*?)\s*from\s*['\"](?P<module>[^'\"]+)['\"]")
_NAME = compiled(r"[A-Za-z_$][\w$]*")
_STAR = compiled(r"\*\s*as\s+(?P<name>[A-Za-z_$][\w$]*)")
_NAMED = compiled(r"^(?:type\s+)?(?P<name>[\w$]+)(?:\s+as\s+(?P<local>[\w$]+))?$")
_DECLARED = compiled(
    r"export\s+(?:default\b|(?:declare\s+)?(?:async\s+)?"
    r"(?:const|let|var|function\s*\*?|class|type|interface|enum)\s*(?P<name>[\w$]+))"
)


@record(eq=True)
class Statement:
    """One ``import``/``export`` statement: its first and last line, its text on one line
    (comments removed), its source lines as written, and for an import the module and the names
    it binds, each with what it binds (``default``, ``*`` for the whole module, or the name of
    the export)."""

    line: int
    end_line: int
    text: str
    source: str
    module: str = ""
    bindings: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """What pairs an export with its Korean counterpart: the name it declares
        (``default`` for ``export default``), else its text."""
        declared = _DECLARED().match(self.text)
        if declared is None or self.module:
            return _normal(self.text)
        return declared.group("name") or "default"


def statements(block: Block) -> list[Statement]:
    """The statements of one ESM block, each at its first line; comments are not statements."""
    rows = block.text.split("\n")
    code = [""] * len(rows)
    for line in code_lines(block.text, comment_syntax("js")):
        code[line.offset] = line.text
    text = "\n".join(code)
    found = []
    for match in _STATEMENT().finditer(text):
        first = text.count("\n", 0, match.start())
        last = first + match.group(0).rstrip().count("\n")
        one_line = " ".join(match.group(0).split())
        source = "\n".join(rows[first : last + 1])
        at = block.line + first, block.line + last
        imported = _FROM().match(one_line)
        if imported is None:
            found.append(Statement(*at, one_line, source))
        elif one_line.startswith("export"):
            found.append(Statement(*at, one_line, source, imported.group("module")))
        else:
            bindings = _bindings(imported.group("what"))
            found.append(Statement(*at, one_line, source, imported.group("module"), bindings))
    return found


def _bindings(what: str) -> tuple[tuple[str, str], ...]:
    """The names an import clause binds, each with what it binds: ``Card, { Grid as G }`` binds
    Card to the default export and G to ``Grid``; ``* as Icons`` binds Icons to the module."""
    what = re.sub(r"^type\s+", "", what.strip())
    named = ""
    if (braces := re.search(r"\{(.*)\}", what, re.DOTALL)) is not None:
        named, what = braces.group(1), what[: braces.start()] + what[braces.end() :]
    found = []
    if (star := _STAR().search(what)) is not None:
        found.append((star.group("name"), "*"))
        what = what[: star.start()] + what[star.end() :]
    found += [(name, "default") for name in _NAME().findall(what)]
    for item in named.split(","):
        if (name := _NAMED().match(item.strip())) is not None:
            found.append((name.group("local") or name.group("name"), name.group("name")))
    return tuple(found)


def _esm(ctx: PairContext, korean: bool) -> list[Statement]:
    """The import and export statements of one side of the pair, read once for both checks."""
    document = ctx.target if korean else ctx.source
    return ctx.cached(  # type: ignore[no-any-return]
        f"esm-{korean}",
        lambda: [
            statement
            for section in document.sections
            for block in section.blocks
            if block.kind is BlockKind.CODE and block.esm
            for statement in statements(block)
        ],
    )


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


def _what(binding: str) -> str:
    """What an imported name stands for, in words."""
    if binding == "default":
        return "the default export"
    return "the whole module" if binding == "*" else f"the export `{binding}`"


def _exports(statements: list[Statement]) -> dict[str, Statement]:
    return {s.key: s for s in statements if not s.bindings}


def import_changes(ctx: PairContext) -> Iterator[Hit]:
    """What the Korean imports or exports breaks or changes (see the module docstring)."""
    english, korean = _esm(ctx, False), _esm(ctx, True)
    if not english and not korean:
        return
    bound = {name: (s, what) for s in korean for name, what in s.bindings}
    exports = _exports(korean)
    used = _used(ctx.target)
    first = korean[0].line if korean else _first_line(ctx.target)
    for statement in english:
        if not statement.bindings:
            if statement.key not in exports:
                yield Hit(
                    f"code line `{statement.text}` is missing from the Korean imports and "
                    "exports; keep the code as in English",
                    ctx.at_source(statement.line),
                    ctx.at_target(first),
                )
            continue
        for name, what in statement.bindings:
            other, other_what = bound.get(name, (None, ""))
            if other is None:
                if name in used:
                    yield Hit(
                        f"the Korean page uses {name} but does not import it: add "
                        f"`{statement.text}` as in English",
                        ctx.at_source(statement.line),
                        ctx.at_target(first),
                    )
                continue
            if other.module != statement.module and not same_file(
                ctx, statement.module, other.module
            ):
                why = f"{name} comes from another module"
            elif other_what != what:
                why = f"{name} is {_what(what)} in English, {_what(other_what)} in Korean"
            else:
                continue
            yield Hit(
                f"import changed: English `{statement.text}`, Korean `{other.text}`: {why}; "
                "keep the code as in English",
                ctx.at_source(statement.line),
                ctx.at_target(other.line),
            )


def export_changes(ctx: PairContext) -> Iterator[Change]:
    """The changed lines of each export both sides declare, compared as code (layout aside)."""
    korean = _exports(_esm(ctx, True))
    for key, statement in _exports(_esm(ctx, False)).items():
        other = korean.get(key)
        if other is None or _normal(other.text) == _normal(statement.text):
            continue
        for change in block_changes(_as_block(statement), _as_block(other)):
            if change.kind != "formatting":
                yield change


def _as_block(statement: Statement) -> Block:
    """A statement as a JavaScript code block at its lines."""
    return Block(BlockKind.CODE, statement.line, statement.end_line, statement.source, lang="js")
