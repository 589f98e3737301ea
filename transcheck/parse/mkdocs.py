"""MkDocs (Python-Markdown, Material, pymdownx) blocks: admonitions, ``///`` blocks, code includes.

MkDocs sites write three kinds of block that CommonMark reads as prose or code:

- Python-Markdown admonitions ``!!! note "Title"`` (collapsible ``??? note``, ``???+ note``) whose
  body is indented by four spaces; CommonMark makes the title line a paragraph and the body an
  indented code block. Read with mdit-py-plugins' ``admon`` rule.
- pymdownx blocks ``/// tip | Title`` … ``///`` (tabs ``//// tab | Title`` … ``////``), whose
  fences CommonMark leaves as paragraphs. Read as containers whose marker is ``/``; a ``///``
  line inside fenced code of the block (a Markdown example showing a block) does not close it.
- Material content tabs ``=== "Title"`` whose body is indented by four spaces (CommonMark: a
  paragraph and indented code). Read as a ``tab`` block like ``//// tab | Title``.
- code included from a file: ``{* ../../docs_src/app/tutorial001.py hl[3,5:7] *}`` on its own
  line, or a fence whose only line is ``{!../../../docs_src/app/tutorial001.py!}`` (with
  ``hl_lines="3 5-7"`` in its info string). Both show the same code, so both are read as one code
  block whose text names the file and its highlighted lines (``docs_src/app/tutorial001.py
  hl[3,5-7]``): the leading ``../`` differ with the include's base folder, not with the file.

A block's type and title (``tip``, ``팁``) are read by ``block_title``; the walker makes them an
``admonition`` Markup and the title's prose, as for Docusaurus ``:::tip[Title]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from markdown_it import MarkdownIt
from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block import StateBlock

from transcheck.lazy import compiled
from transcheck.parse.linemarks import line_text

BLOCKS = "blocks"  # container token name: container_blocks_open / _close
INCLUDE = "code_include"  # token type of a ``{* file *}`` line
TAB = "tab"  # token name of a ``=== "Title"`` tab: tab_open / tab_close

# The blocks pymdownx registers by default (admonition types, details, tab, html, ...): a ``///``
# line opens one of them only; a Rust ``/// doc`` comment or ``/// <reference>`` opens nothing.
_BLOCK_TYPES = (
    "note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question|help|faq"
    "|warning|caution|attention|failure|fail|missing|danger|error|bug|example|quote|cite"
    "|details|tab|admonition|html|define|caption"
)
_BLOCK_PARAMS = compiled(rf"[ \t]*(?:{_BLOCK_TYPES})(?![\w-])", re.IGNORECASE)
# Python-Markdown's admonition line: a type, CSS classes, an optional quoted title, nothing else
# (``!!! Warning: this deletes data`` is a paragraph there).
_ADMONITION_LINE = r'(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"[^\n]*")?[ \t]*'
_ADMONITION = compiled(_ADMONITION_LINE)
_BLOCK_LINE = rf"/{{3,}}[ \t]+(?:{_BLOCK_TYPES})(?:[ \t]*\|[^\n]*)?[ \t]*"
_INCLUDE_LINE_TEXT = r"\{\*[ \t]+(\S+)([^\n]*?)[ \t]+\*\}[ \t]*"
_INCLUDE_LINE = compiled(_INCLUDE_LINE_TEXT)
_FENCED_INCLUDE_TEXT = r"[ \t]*\{!>?[ \t]*([^!\s]+)[ \t]*!\}[ \t]*"
_FENCED_INCLUDE = compiled(_FENCED_INCLUDE_TEXT + r"\n?")
_TAB_LINE_TEXT = r'===[!+]?[ \t]+"([^"\n]*)"[ \t]*'
_TAB_LINE = compiled(_TAB_LINE_TEXT)
# A line only an MkDocs page writes (outside code; see dialects.py): the block openers above.
MARK = compiled(
    rf"^[ \t]*(?:{_ADMONITION_LINE}|{_BLOCK_LINE}|{_TAB_LINE_TEXT}|{_INCLUDE_LINE_TEXT})$",
    re.MULTILINE | re.IGNORECASE,
)
# A code include fenced as ``{!path!}``: an MkDocs mark inside a fence.
FENCED_MARK = compiled(rf"^{_FENCED_INCLUDE_TEXT}$", re.MULTILINE)
# A line that may be a MARK: its first character after the blanks opens one of them. Searched
# from a line break, which the regex engine skips to; MARK's ``^`` is tried at every offset.
_MARK_START = compiled(r"\n[ \t]*[!?/={]")
_OPTION = compiled(r"(\w+)\[([^\]]*)\]")
_HL_LINES = compiled(r"""hl_lines=["']([^"']*)["']""")
_LEADING_UP = compiled(r"^(?:\.\.?/)+")
_TITLE = compiled(r'[ \t]"(.*)"[ \t]*$')  # Python-Markdown's title, last on its line
_QUOTED = compiled(r'^"(.*)"$|^\'(.*)\'$')
_EXTENSIONS = {"py": "python", "js": "js", "ts": "ts", "sh": "bash", "yml": "yaml"}
_SLASHES = compiled(r"/{3,}")
_FENCE_OPEN = compiled(r"(`{3,}(?!.*`)|~{3,})")


def marks(text: str, end: int) -> Iterator[re.Match[str]]:
    """MARK's matches in ``text`` before ``end``, in order (``MARK.finditer(text, 0, end)``),
    tried only at the first line and at the lines ``_MARK_START`` finds."""
    starts = (found.start() + 1 for found in _MARK_START().finditer(text, 0, end))
    for start in chain((0,), starts):
        mark = MARK().match(text, start, end)
        if mark is not None:
            yield mark


def _block_params(params: str) -> bool:
    """A ``///`` block opens with a name (``tip``, ``tab``, ``details``); a bare ``///`` closes."""
    return _BLOCK_PARAMS().match(params) is not None


def _block_end(state: StateBlock, start_line: int, end_line: int, slashes: int) -> tuple[int, bool]:
    """The line that closes a ``///`` block of ``slashes`` slashes opened at ``start_line``: the
    first of as many slashes or more and nothing else outside fenced code, with True; else the
    line the block stops at unclosed (a line less indented, the end), with False. A fence that
    never closes inside the block is a typo, not code: the first closing line after it counts."""
    fence = ""
    skipped: int | None = None  # the first closing line inside a fence not yet closed
    for line in range(start_line + 1, end_line):
        text = line_text(state, line)
        if text and state.sCount[line] < state.blkIndent:
            break  # a line less indented than the block ends it (and its list)
        if state.is_code_block(line):
            continue
        closing = len(text) >= slashes and _SLASHES().fullmatch(text) is not None
        if fence:  # inside fenced code: only its closing fence counts
            if text.startswith(fence) and text == fence[0] * len(text):
                fence, skipped = "", None
            elif closing and skipped is None:
                skipped = line
        elif (opened := _FENCE_OPEN().match(text)) is not None:
            fence = opened.group(1)
        elif closing:
            return line, True
    else:
        line = end_line
    return (skipped, True) if skipped is not None else (line, False)


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A ``///`` block, as mdit-py-plugins' container_plugin reads a container of marker ``/``
    (registered under its rule name), except that a ``///`` line inside fenced code of its
    body does not close it (see ``_block_end``)."""
    if state.is_code_block(start_line):
        return False
    line = line_text(state, start_line)
    marker = _SLASHES().match(line)
    if marker is None or not _block_params(line[marker.end() :]):
        return False
    if silent:
        return True
    close, closed = _block_end(state, start_line, end_line, marker.end())
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType, state.lineMax = "container", close
    token = state.push(f"container_{BLOCKS}_open", "div", 1)
    token.markup, token.info, token.map = marker.group(0), line[marker.end() :], [start_line, close]
    token.block = True
    state.md.block.tokenize(state, start_line + 1, close)
    state.push(f"container_{BLOCKS}_close", "div", -1).block = True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = close + closed
    return True


def _code_include(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line holding only ``{* path options *}``: one ``code_include`` token, its content the
    path and options as written."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[start : state.eMarks[start_line]]
    found = _INCLUDE_LINE().fullmatch(line)
    if found is None:
        return False
    if not silent:
        token = state.push(INCLUDE, "code", 0)
        token.content = f"{found.group(1)} {found.group(2).strip()}".strip()
        token.map = [start_line, start_line + 1]
        token.block = True
    state.line = start_line + 1
    return True


def _tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A content tab ``=== "Title"``: its body is every following line indented four columns
    deeper (blank lines included), read as Markdown between ``tab_open`` and ``tab_close``."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    found = _TAB_LINE().fullmatch(state.src[start : state.eMarks[start_line]])
    if found is None:
        return False
    if silent:
        return True
    indent = state.sCount[start_line] + 4
    last = start_line  # the last line of the body that holds text
    line = start_line + 1
    while line < end_line and (state.isEmpty(line) or state.sCount[line] >= indent):
        last = line if not state.isEmpty(line) else last
        line += 1
    token = state.push(f"{TAB}_open", "div", 1)
    token.info = f"{TAB} | {found.group(1)}"
    token.map = [start_line, last + 1]
    old_indent, old_max = state.blkIndent, state.lineMax
    state.blkIndent, state.lineMax = indent, last + 1
    state.md.block.tokenize(state, start_line + 1, last + 1)
    state.blkIndent, state.lineMax = old_indent, old_max
    state.push(f"{TAB}_close", "div", -1)
    state.line = last + 1
    return True


def _strict(admonition: RuleFuncBlockType) -> RuleFuncBlockType:
    """mdit-py-plugins' admonition rule, asked only of lines Python-Markdown reads as one."""

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        start = state.bMarks[start_line] + state.tShift[start_line]
        line = state.src[start : state.eMarks[start_line]]
        return _ADMONITION().fullmatch(line) is not None and admonition(
            state, start_line, end_line, silent
        )

    return rule


def mkdocs_plugin(md: MarkdownIt) -> None:
    """Read admonitions, ``///`` blocks and ``{* file *}`` includes (see the module docstring)."""
    from mdit_py_plugins.admon import admon_plugin  # MkDocs pages only: not at every start-up

    md.use(admon_plugin)
    ruler = md.block.ruler
    admonition = ruler.__rules__[ruler.__find__("admonition")]
    ruler.at("admonition", _strict(admonition.fn), {"alt": admonition.alt})
    alt = ["paragraph", "reference", "blockquote", "list"]
    ruler.before("fence", f"container_{BLOCKS}", _block, {"alt": alt})
    md.block.ruler.before("fence", INCLUDE, _code_include, {"alt": alt})
    md.block.ruler.before("fence", TAB, _tab, {"alt": alt})


def block_title(params: str) -> tuple[str, str]:
    """The type and title of a block's opening line after its marker, lower-cased type:
    ``tip | 팁`` -> (tip, 팁), ``note "Technical Details"`` -> (note, Technical Details),
    ``note inline end "Lorem"`` -> (note, Lorem) (words after the type without quotes are CSS
    classes), ``note "Use a | b"`` -> (note, Use a | b)."""
    words = params.split(maxsplit=1)
    kind = words[0].lower() if words else ""
    quoted = _TITLE().search(params)
    bar = params.find("|")
    if quoted is not None and not 0 <= bar < quoted.start():
        return kind, quoted.group(1).strip()
    title = params[bar + 1 :].strip() if bar >= 0 else ""
    unquoted = _QUOTED().match(title)
    if unquoted is not None:
        title = unquoted.group(1) if unquoted.group(1) is not None else unquoted.group(2)
    return kind, title.strip()


def _lines(spec: str) -> str:
    """Highlighted lines written either way (``2  6-11``, ``2,6:11``) -> ``2,6-11``."""
    return ",".join(part.replace(":", "-") for part in re.split(r"[\s,]+", spec) if part)


def _path(path: str) -> str:
    """An included file's path without the ``../`` that depend on the include's base folder."""
    return _LEADING_UP().sub("", path)


def _language(path: str) -> str:
    """The code language of an included file, from its extension (``.py`` -> ``python``)."""
    name = path.rpartition("/")[2]
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    return _EXTENSIONS.get(extension, extension)


def include_block(content: str) -> tuple[str, str]:
    """The text and language of a ``code_include`` token: ``docs_src/x.py hl[3,5-7]``."""
    path, _, options = content.partition(" ")
    shown = [_path(path)]
    shown += [f"{name}[{_lines(value)}]" for name, value in _OPTION().findall(options)]
    return " ".join(shown), _language(path)


def fenced_include(content: str, info: str) -> str | None:
    """The text of a fence that only includes a file (``{!path!}``), as ``include_block`` writes
    it with the info string's ``hl_lines``; None for a fence of code."""
    found = _FENCED_INCLUDE().fullmatch(content)
    if found is None:
        return None
    highlighted = _HL_LINES().search(info)
    shown = [_path(found.group(1))]
    if highlighted is not None and highlighted.group(1).strip():
        shown.append(f"hl[{_lines(highlighted.group(1))}]")
    return " ".join(shown)
