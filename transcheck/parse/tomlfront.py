"""Hugo's TOML front matter between ``+++`` lines: a block rule, its data and key lines.

The block rule makes the same ``front_matter`` token as the YAML plugin (with ``+++`` as its
markup), so the rest of the parse treats both alike. Hugo also reads front matter (``+++`` or
``---``) after blank lines at the top of a file, as some translated pages have it; so does the
rule (frontmatter-invalid tells where only Hugo would read it). ``tomllib`` gives no positions,
so the line of each top-level key is found by scanning ``key =`` lines and ``[table]`` headers.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from transcheck.lazy import compiled
from transcheck.model import FrontMatter
from transcheck.parse.frontmatter import YAML_KEY, url_links

MARKER = "+++"
_KEY = compiled(r"""^[ \t]*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*[.=]""")
_TABLE = compiled(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_-]+|\"[^\"]*\")")
_YAML_KEY = compiled(YAML_KEY)
_AT_LINE = compiled(r"\(at line (\d+), column \d+\)")


def _fence(state: StateBlock, line: int, marker: str) -> bool:
    """Whether ``line`` is a ``marker`` fence (trailing spaces allowed)."""
    return state.src[state.bMarks[line] : state.eMarks[line]].rstrip() == marker


def _front_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """On the text's first line that is not blank, ``+++`` (or ``---`` after blank lines: the
    YAML plugin reads it on line 0) up to the next such line -> a ``front_matter`` token."""
    if start and not state.src[0].isspace():
        return False  # the usual case, asked at every block: no blank line opens the text
    if _fence(state, start, MARKER):
        marker = MARKER
    elif (
        start
        and start + 1 < end
        and _fence(state, start, "---")
        and _YAML_KEY().match(state.src, state.bMarks[start + 1]) is not None
    ):  # not a thematic break: front matter after blank lines opens with a key
        marker = "---"
    else:
        return False
    if state.skipEmptyLines(0) != start:
        return False
    last = start + 1
    while last < end and not _fence(state, last, marker):
        last += 1
    if last >= end:
        return False
    if silent:
        return True
    token = state.push("front_matter", "", 0)
    token.markup = marker
    token.content = state.getLines(start + 1, last, 0, True).removesuffix("\n")
    token.map = [start, last + 1]
    state.line = last + 1
    return True


def hugo_front_matter_plugin(md: MarkdownIt) -> None:
    """Register the front-matter rule for ``+++`` and for ``---`` after blank lines first among
    the block rules."""
    md.block.ruler.before("table", "hugo_front_matter", _front_rule)


def _key_lines(content: str, body_start: int) -> dict[str, int]:
    """Top-level key -> file line: ``key = …`` lines before the first table, then table
    headers (``[params]`` is the key ``params``)."""
    lines: dict[str, int] = {}
    in_table = False
    for offset, text in enumerate(content.split("\n")):
        table = _TABLE().match(text)
        if table is not None:
            in_table = True
            lines.setdefault(table.group(1).strip("\"'"), body_start + offset)
            continue
        key = _KEY().match(text)
        if key is not None and not in_table:
            lines.setdefault(key.group(1).strip("\"'"), body_start + offset)
    return lines


def parse_toml_front_matter(content: str, first_line: int, last_line: int) -> FrontMatter:
    """Parse the TOML between the fences; ``first_line`` is the line of the opening ``+++``."""
    import tomllib  # TOML front matter only

    body_start = first_line + 1
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = _AT_LINE().search(message)
        line = body_start + int(at.group(1)) - 1 if at else first_line
        reason = _AT_LINE().sub("", message).strip()
        return FrontMatter(first_line, last_line, error=f"invalid TOML: {reason}", error_line=line)
    key_lines = _key_lines(content, body_start)
    return FrontMatter(first_line, last_line, data, key_lines, url_links(data, key_lines))


def unclosed_toml(text: str, line_count: int) -> FrontMatter | None:
    """TOML front matter that opens but never closes (Hugo refuses the page), or None."""
    if not text.startswith(MARKER + "\n"):
        return None
    return FrontMatter(
        1, line_count, error="front matter is not closed: no '+++' line ends it", error_line=1
    )
