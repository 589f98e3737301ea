"""kramdown attribute lists: ``{:.note}``, ``{: #intro .wide key="v"}``, ``{:ref: .x}``, ``{::x}``;
and Python-Markdown's (MkDocs ``attr_list``), whose colon is optional: ``{.internal-link
target=_blank}``, ``{ .md-button }``.

kramdown reads an inline attribute list (IAL) after a span or on the line after a block and
applies it to that element; an attribute list definition (ALD) names a set for later use; an
extension (``{::comment}``, ``{::options … /}``) controls the converter. None of them is prose:
a markdown-it inline rule turns each into one ``kramdown`` token whose Markup carries the classes,
id and key/value pairs that must survive translation.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Markup

WINDOW = 300  # an attribute list is short; a "{:" with no "}" this close is text
_STOP = compiled(r"[\"'}\n]")  # what a scan over an attribute list stops at
_ALD = compiled(r"([\w-]+):(?=\s|$)")
# Python-Markdown: "{", an optional ":", then a class, an id or a key=value first.
_ATTR_LIST = compiled(r"\{:?[ \t]*(?=[.#][\w-]|[\w-]+=)")
_ATTR = compiled(
    r"""([.#])([^\s.#"'}]+)|([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'"""
    r"""|([^\s"'}]+))|([\w-]+)"""
)
_LINK_ENDS = frozenset({"link_close", "image"})
_ESCAPE = compiled(r"\\(?=[!-/:-@\[-`{-~])")  # a Markdown backslash escape: target=\_blank


def _closing_brace(src: str, start: int, limit: int) -> int:
    """Offset of the ``}`` that ends an attribute list opened before ``start``, or -1; quoted
    values may hold a ``}``, and a list never runs past its line."""
    index = start
    while (found := _STOP().search(src, index, limit)) is not None:
        index = found.start()
        char = src[index]
        if char == "}":
            return index
        if char == "\n":
            return -1
        index = src.find(char, index + 1, limit)
        if index < 0:
            return -1
        index += 1
    return -1


def _attributes_rule(state: StateInline, silent: bool) -> bool:
    """``{:…}`` at the current position -> one ``kramdown`` token holding the list's body."""
    src, pos = state.src, state.pos
    if not src.startswith("{:", pos):
        return False
    end = _closing_brace(src, pos + 2, min(state.posMax, pos + WINDOW))
    if end < 0:
        return False
    if not silent:
        token = state.push("kramdown", "", 0)
        token.content = src[pos + 2 : end]
    state.pos = end + 1
    return True


def _attr_list_rule(state: StateInline, silent: bool) -> bool:
    """A Python-Markdown ``{.class #id key=value}`` at the current position -> one ``kramdown``
    token holding its body, as a kramdown ``{: …}`` list gives."""
    return _attr_list(state, silent, links_only=False)


def _link_attr_list_rule(state: StateInline, silent: bool) -> bool:
    """An attribute list right after a link or image, ``[text](url){.internal-link
    target=_blank}`` (no text pending since its closing token)."""
    after = not state.pending and bool(state.tokens) and state.tokens[-1].type in _LINK_ENDS
    return after and _attr_list(state, silent, True)


def _attr_list(state: StateInline, silent: bool, links_only: bool) -> bool:
    """The attribute list at the current position, where it applies (after a span or ending
    its line; after a link alone, ``links_only``) -> one ``kramdown`` token holding its body."""
    src, pos = state.src, state.pos
    opening = _ATTR_LIST().match(src, pos) if src.startswith("{", pos) else None
    if opening is None:
        return False
    end = _closing_brace(src, opening.end(), min(state.posMax, pos + WINDOW))
    if end < 0:
        return False
    if not (links_only or _after_span(src, pos) or _ends_line(src, end + 1, state.posMax)):
        return False
    if not silent:
        token = state.push("kramdown", "", 0)
        token.content = src[opening.end() : end]
    state.pos = end + 1
    return True


def _after_span(src: str, pos: int) -> bool:
    """Whether ``pos`` follows an inline element's end (a link, emphasis, code): Python-Markdown
    applies an attribute list there."""
    return pos > 0 and src[pos - 1] in ")]*_`"


def _ends_line(src: str, pos: int, end: int) -> bool:
    """Whether only white space follows ``pos`` on its line: an attribute list of the block (a
    heading's ``{ #id }``); one inside a sentence (``f"{name=}"``, ``{a=1}``) is text."""
    newline = src.find("\n", pos, end)
    return not src[pos : end if newline < 0 else newline].strip()


def attributes_plugin(md: MarkdownIt) -> None:
    """Register the attribute-list rule ahead of emphasis, links and code spans."""
    md.inline.ruler.before("backticks", "kramdown", _attributes_rule)


def attr_list_plugin(md: MarkdownIt) -> None:
    """Register Python-Markdown's attribute-list rule ahead of emphasis, links and code spans."""
    md.inline.ruler.before("backticks", "kramdown", _attr_list_rule)


def link_attr_list_plugin(md: MarkdownIt) -> None:
    """Register the attribute list after a link alone: the one syntax kramdown, Python-Markdown,
    markdown-it-attrs (VitePress) and Pandoc share, met on pages with no other mark of their
    site (a FastAPI page without admonitions); GitHub shows it as text, which no page means."""
    md.inline.ruler.before("backticks", "kramdown", _link_attr_list_rule)


def attributes_markup(token: Token, line: int) -> Markup:
    """The Markup of a ``kramdown`` token: ``ial``, ``ald`` (named by its ``ref``) or
    ``extension`` (``{::name …}`` and ``{:/name}``), with its attributes in order."""
    body = token.content
    if body.startswith((":", "/")):
        name, _, rest = body[1:].strip().removesuffix("/").partition(" ")
        closing = "/" if body.startswith("/") else ""
        return Markup("kramdown", "extension", (("", closing + name), *_attrs(rest)), line)
    definition = _ALD().match(body.strip())
    if definition is not None:
        rest = body.strip()[definition.end() :]
        return Markup("kramdown", "ald", (("ref", definition.group(1)), *_attrs(rest)), line)
    return Markup("kramdown", "ial", _attrs(body), line)


def _attrs(body: str) -> tuple[tuple[str, str], ...]:
    """``.a #b k="v" ref`` -> (class, a), (id, b), (k, v), ("", ref); an unquoted value
    (Python-Markdown: ``target=_blank``) loses its Markdown escapes (``target=\\_blank``)."""
    found: list[tuple[str, str]] = []
    for match in _ATTR().finditer(body):
        if match.group(1):
            found.append(("class" if match.group(1) == "." else "id", match.group(2)))
        elif match.group(3):
            quoted = match.group(4) if match.group(4) is not None else match.group(5)
            value = quoted if quoted is not None else _ESCAPE().sub("", match.group(6))
            found.append((match.group(3), value))
        else:
            found.append(("", match.group(7)))
    return tuple(found)
