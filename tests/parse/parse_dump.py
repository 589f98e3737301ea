"""Test helpers: a compact, exact text dump of a Document, and a reader for parser case files.

Case files follow markdown-it-py's fixture format: a title line, ``.``, the Markdown input, ``.``,
the expected dump, ``.``. A title starting with ``[kramdown]`` parses with that slug style; one
starting with ``[hugo]`` (or another dialect name) parses as that dialect. A block inside a list
or table shows ``in=L<list or table line>/L<list item line>``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from transcheck.model import Block, Document, FrontMatter, Section

CASES = Path(__file__).parent / "cases"


def _q(text: str) -> str:
    """A string quoted and escaped, Korean kept readable."""
    return json.dumps(text, ensure_ascii=False)


def _lines(line: int, end: int) -> str:
    """``L3`` or ``L3-5``."""
    return f"L{line}" if line == end else f"L{line}-{end}"


def _block(block: Block) -> list[str]:
    """A block's line, then one line per item."""
    head = [block.kind.value, _lines(block.line, block.end_line)]
    if block.depth:
        head.append(f"d{block.depth}")
    if block.lang:
        head.append(f"lang={block.lang}")
    if block.group:
        head.append(f"in=L{block.group}" + (f"/L{block.item}" if block.item else ""))
    if block.cells:
        head.append("cells=" + "|".join(block.cells))
    if block.text:
        head.append(_q(block.text))
    out = ["  " + " ".join(head)]
    for link in block.links:
        label = f" {_q(link.text)}" if link.text else ""
        defined = f" defined@L{link.definition_line}" if link.definition_line else ""
        out.append(f"    link L{link.line} {link.kind.value} {link.url}{label}{defined}")
    out += [f"    code L{span.line} {_q(span.text)}" for span in block.code_spans]
    out += [f"    number L{n.line} {n.text} = {n.value}" for n in block.numbers]
    out += [f"    math L{m.line} {m.delimiter} {_q(m.text)}" for m in block.math]
    for tag in block.markup:
        attrs = "".join(f" {key}={_q(value)}" for key, value in tag.attrs)
        out.append(f"    markup L{tag.line} {tag.kind} {tag.name}{attrs}")
    return out


def _section(section: Section) -> str:
    """A section's head line: index, level, lines, id (``!`` when explicit), parent, title."""
    if section.is_preamble:
        return f"§0 preamble {_lines(section.line, section.end_line)}"
    anchor = f"#{section.anchor}" + ("!" if section.explicit_id else "")
    return (
        f"§{section.index} h{section.level} {_lines(section.line, section.end_line)} {anchor} "
        f"^{section.parent} {_q(section.title)}"
    )


def _front_matter(front: FrontMatter) -> list[str]:
    """Front matter lines, key lines, its links and its error."""
    keys = " ".join(f"{key}@{line}" for key, line in front.key_lines.items())
    out = [f"front-matter {_lines(front.line, front.end_line)}" + (f" {keys}" if keys else "")]
    out += [
        f"  link L{link.line} {link.kind.value} {link.url} {_q(link.text)}" for link in front.links
    ]
    if front.error is not None:
        out.append(f"  error L{front.error_line} {_q(front.error)}")
    return out


def dump(document: Document) -> str:
    """Every section, block and item of ``document`` with its lines, one per line."""
    out = [] if document.front_matter is None else _front_matter(document.front_matter)
    for section in document.sections:
        out.append(_section(section))
        for block in section.blocks:
            out += _block(block)
    out += [f"conflict L{c.line}-{c.end} ={c.middle}" for c in document.conflicts]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Case:
    """One parser case: where it is, its title, its Markdown and the expected dump."""

    file: str
    line: int
    title: str
    source: str
    expected: str

    @property
    def style(self) -> str:
        """The slug style the title asks for (``github`` unless it starts with ``[kramdown]``)."""
        return "kramdown" if self.title.startswith("[kramdown]") else "github"

    @property
    def dialect(self) -> str:
        """The dialect a ``[jekyll]``, ``[hugo]``, ``[mdx]``, ``[mkdocs]`` or ``[gfm]`` title asks
        for, else ``auto``."""
        match = re.match(r"\[(jekyll|hugo|mdx|mkdocs|gfm)\]", self.title)
        return match.group(1) if match else "auto"


def read_cases(path: Path) -> list[Case]:
    """The cases of one case file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cases: list[Case] = []
    parts: list[str] = []
    stage, start, title = 0, 0, ""
    for number, line in enumerate(lines):
        if line.rstrip("\n") != ".":
            continue
        if stage == 0:
            title, start = lines[number - 1].strip(), number
        else:
            parts.append("".join(lines[start + 1 : number]))
            start = number
        if stage == 2:
            cases.append(Case(path.name, number, title, parts[0], parts[1]))
            parts = []
        stage = (stage + 1) % 3
    return cases


def all_cases() -> list[Case]:
    """Every case of every ``cases/*.txt`` file."""
    return [case for path in sorted(CASES.glob("*.txt")) for case in read_cases(path)]
