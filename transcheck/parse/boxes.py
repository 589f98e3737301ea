"""Fences that hold prose: a box of Markdown, not a code block.

javascript.info (and the sites built like it) writes its notes as fences named for the box:
```` ```smart header="Multi-line input" ````, ```` ```warn ````, with Markdown sentences inside,
which translators translate. Read as code, every translated sentence would be changed code. A
fence whose language names no code or data language and whose text is sentences is read as a
box instead (the admonition tokens Docusaurus' ``:::note`` gives): its type and title, and the
Markdown inside parsed as blocks, so the rules compare it as the prose it is. A fence of code
in a language we do not list stays code: its lines are no sentences.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from transcheck.lazy import compiled
from transcheck.parse.fences import fence_language
from transcheck.parse.linemarks import line_text

BOX = "container_admonition"  # the tokens a Docusaurus admonition gives: walker reads them so

# Languages of code and data, whose fences stay code whatever they hold (a Markdown example,
# program output, a YAML file of sentences): the common names and aliases of highlighters.
_LANGUAGE_NAMES = """
    abap ada apache apacheconf applescript arduino asm assembly astro awk bash bash-session bat
    batch bib
    bibtex c c++ caddy caddyfile cc cfg cjs clj clojure cmake cmd cobol coffee coffeescript conf
    console cpp crystal cs csharp css csv cu cuda cxx d dart diff django docker dockerfile dot
    dotenv ebnf editorconfig elixir elm env erb erl erlang ex exs f90 fish fortran fs fsharp
    gherkin git gitignore glsl go golang gql gradle graphql groovy h haml handlebars hash
    haskell hbs hcl hlsl hpp hs html htm http ini ipython java javascript jinja jinja2 jl js
    json json5 jsonc jsonl jsx julia kotlin kt ksh latex less lisp llvm log lua make makefile
    markdown markdoc markup md mdoc mdx mermaid mjs ml mts mysql nasm nginx nim nix objc
    objective-c ocaml output pascal patch perl php pl plain plaintext plantuml plsql postcss
    postgres postgresql powershell proto protobuf ps1 psql pug py py3 pycon python python3 r
    raku rb regex rego rs rst ruby rust sage sass scala scheme scss sed sh sh-session shell
    shell-session
    shellsession sol solidity sparql sql sqlite styl stylus svelte svg swift tcl terraform tex
    terminal text tf toml ts tsv tsx twig txt typescript typ v vb vbnet verilog vhdl vim vue
    vue-html wasm wat xhtml xml xquery yaml yml zig zsh zsh-session
    """
CODE_LANGUAGES = frozenset(_LANGUAGE_NAMES.split())

# Four words or more to the line's end (a Korean sentence has words of one syllable: 수, 긴).
_SENTENCE = compiled(r"(?:[^\W\d_]+[^\w\n]+){3,}[^\W\d_]+[.!?:…)\"'”’]*\s*$")
_COMMENT_START = compiled(r"\s*(?://|#|--|/\*|\*|;|%|<!--)")
_COMMENT = compiled(r"(?://|/\*|<!--|\s#\s).*")  # a comment after code: no sentence of the box
_CODE_MARKS = compiled(r"[;{}=<>$|\\]")
_ATTRIBUTES = compiled(r"""[\w-]+(?:\s+[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'))+""")
_OPENING = compiled(r"(`{3,}|~{3,})(.*)$")
_SPANS = compiled(r"`[^`\n]*`|\]\([^)\n]*\)")  # inline code and link targets: prose may hold them


def _prose(content: str) -> bool:
    """Whether a fence's text is prose: at least one line a sentence (four words or more, not
    a comment), and few of the marks code is made of (its language is asked first, see
    ``_box_language``)."""
    text = _SPANS().sub(" ", content)
    if len(_CODE_MARKS().findall(text)) * 40 >= len(text):
        return False
    return any(
        _SENTENCE().search(_COMMENT().sub("", line)) is not None
        and _COMMENT_START().match(line) is None
        for line in text.splitlines()
    )


def _box_language(language: str) -> bool:
    """Whether a fence language may name a box: one, and no code language (js-nolint,
    html-nolint, MDN's, are JavaScript and HTML)."""
    return bool(language) and not {language, language.split("-")[0]} & CODE_LANGUAGES


def _fence_end(state: StateBlock, start: int, end: int, marker: str) -> int:
    """The closing line of a fence opened with ``marker`` on ``start``: a line of the same
    character, at least as long, indented less than four; ``end`` when none closes it."""
    for line in range(start + 1, end):
        text = line_text(state, line)
        if state.sCount[line] < state.blkIndent and text:
            return line  # a line left of the fence's parent ends it, as markdown-it's fence
        if state.sCount[line] - state.blkIndent >= 4:
            continue
        if text.startswith(marker) and not text.strip(marker[0]):
            return line
    return end


def _box_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A fence whose language is no code language and whose text is prose: a box."""
    opening = _OPENING().match(line_text(state, start))
    if opening is None or state.sCount[start] - state.blkIndent >= 4:
        return False
    marker, info = opening.group(1), opening.group(2)
    if marker[0] == "`" and "`" in info and _ATTRIBUTES().fullmatch(info.strip()) is None:
        return False  # no fence at all (CommonMark), unless in an attribute: header="`x`"
    language = fence_language(info)
    if not _box_language(language):
        return False  # most fences: not read to their end here
    close = _fence_end(state, start, end, marker)
    content = state.getLines(start + 1, close, state.sCount[start], False)
    if not _prose(content):
        return False
    if silent:
        return True
    parent, line_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = close
    token = state.push(f"{BOX}_open", "div", 1)
    token.markup, token.info, token.block, token.map = marker, info.strip(), True, [start, close]
    state.md.block.tokenize(state, start + 1, close)
    token = state.push(f"{BOX}_close", "div", -1)
    token.markup, token.block = marker, True
    state.parentType, state.lineMax = parent, line_max
    state.line = close + 1 if close < end else close
    return True


def prose_box_plugin(md: MarkdownIt) -> None:
    """Read fences of prose as boxes (see the module docstring), before markdown-it's fence."""
    md.block.ruler.before(
        "fence", "prose_box", _box_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
