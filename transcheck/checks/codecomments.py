"""Comments and strings by code-fence language: what the code rules compare.

Translators translate comments, and teams often translate the UI strings of an example
(``console.log('마운트됨')``, ``<p>안녕하세요</p>``) too. So a code block is read into lines of code
with comments removed (``text``) and the same lines with the content of strings and of markup
text marked (``marked``): two blocks whose texts differ but agree once the marked content is
taken out differ only in strings. A hand-written scanner per language family, one regular
expression each, was preferred to Pygments' lexers: it reads a Vue single-file component
(template markup, ``<script>`` and ``<style>``) as one block, and it took a quarter of
Pygments' time on the code blocks of a 119-page docs site (benchmarks/README.md). A fence
language it does not know gets no stripping: every line is compared as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from transcheck.lazy import compiled
from transcheck.parse.fences import language_names
from transcheck.records import record

OPEN, CLOSE = "\x02", "\x03"  # around a string's content in a line's ``marked`` text
STRINGS = re.compile(f"{OPEN}([^{CLOSE}\n]*){CLOSE}")

_BLOCK_C = r"/\*[\s\S]*?(?:\*/|\Z)"


def _nested_block(depth: int) -> str:
    """A block comment holding others up to ``depth`` deep, as Rust, Swift, Kotlin, Scala and
    Dart nest them (``/* a /* b */ c */`` is one comment): each level a run of what is no
    comment mark (taken whole) or a comment one level down."""
    inner = ""
    for _ in range(depth):
        nested = f"|{inner}" if inner else ""
        inner = rf"/\*(?:[^*/]++|\*(?!/)|/(?!\*){nested})*+\*/"
    return inner


# Five levels (Rust by Example's lesson writes /*/*/* Try it yourself! */*/*/ inside a block
# comment); an unclosed or deeper one is read as C reads it.
_NESTED_C = f"{_nested_block(5)}|{_BLOCK_C}"
_LINE_C = r"//[^\n]*"
_LINE_HASH = r"(?<!\S)#[^\n]*"  # shell, YAML: a comment opens at a word start only
_DOUBLE = r'"(?:\\.|[^"\\\n])*"?'
_SINGLE = r"'(?:\\.|[^'\\\n])*'?"
_BACKTICK = r"`(?:\\.|[^`\\])*`?"


@record
class CodeSyntax:
    """How one language family writes comments and strings: a pattern whose ``comment`` and
    ``string`` groups are what they say; text it does not match is code. Markup also has
    text between tags, which is prose like a string, and embedded script and style.
    Compiled on first use: a chapter's code is in a few of the families.

    ``starts`` holds every character a match can start with, ``after`` every character right
    after which one can (a lookbehind-led alternative; the text's start counts as after any):
    ``matches`` tries the pattern there alone. Empty ``starts``: a match may start anywhere.
    ``ahead``, a lookahead every match just after an ``after`` character meets, leaves out
    those after which none can start."""

    compile: Callable[[], re.Pattern[str]]
    starts: str = ""
    after: str = ""
    ahead: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return self.compile()

    def matches(self, code: str) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(code)`` finds (no pattern matches empty text). sre tries
        every alternative at every character (~600 instructions each, for alternatives led by
        a lookbehind or a named group): this tries the pattern only at the candidate places a
        character-class search, which sre skips to fast, finds. A language that can match
        anywhere gets finditer itself (no generator step per match)."""
        if not self.starts:
            return self.pattern.finditer(code)
        return self._tried(code)

    def _tried(self, code: str) -> Iterator[re.Match[str]]:
        """The matches of the pattern tried at the candidate places only (see ``matches``)."""
        match, starts, after = self.pattern.match, self.starts, self.after
        search = _candidates(starts, after, self.ahead).search
        found = match(code, 0)
        position = 0
        while True:
            while found is not None:
                yield found
                position = found.end()
                found = match(code, position) if code[position - 1] in after else None
            candidate = search(code, position)
            if candidate is None:
                return
            position = candidate.start()
            if code[position] in starts:
                found = match(code, position)
            position += 1
            if found is None and code[position - 1] in after:
                found = match(code, position)


@cache
def _candidates(starts: str, after: str, ahead: str) -> re.Pattern[str]:
    """A search for a character of ``starts``, or of ``after`` followed by what ``ahead`` asks
    (a class leads the pattern: sre skips to it)."""
    if not ahead:
        return re.compile(f"[{re.escape(starts + after)}]")
    return re.compile(f"[{re.escape(starts + after)}](?:(?<=[{re.escape(starts)}])|{ahead})")


def _syntax(
    comment: str, *strings: str, starts: str = "", after: str = "", ahead: str = ""
) -> CodeSyntax:
    """A language's pattern from its comment and string alternatives (``starts``, ``after`` and
    ``ahead`` as in CodeSyntax)."""
    parts = [f"(?P<comment>{comment})"] if comment else []
    parts += [f"(?P<string>{'|'.join(strings)})"] if strings else []
    return CodeSyntax(compiled("|".join(parts)), starts=starts, after=after, ahead=ahead)


_PYTHON = _syntax(
    r"#[^\n]*", r'"""[\s\S]*?(?:"""|\Z)', r"'''[\s\S]*?(?:'''|\Z)", _DOUBLE, _SINGLE, starts="#\"'"
)
# A placeholder of words (``<the host the service is running on>``, ``<your-project-id>`` has
# no space and stays code): the reader's words, which a translation may translate.
_PLACEHOLDER = r"<[^\W\d_][\w.'-]*(?:[ ][\w.'-]+)+>"
_SHELL_STRINGS = (r'"(?:\\.|[^"\\])*"?', r"'[^'\n]*'?", _PLACEHOLDER)
_SHELL = _syntax(_LINE_HASH, *_SHELL_STRINGS, starts="#\"'<")
# A console transcript also takes a line starting with "//" as a comment, as the termynal
# animations of MkDocs sites write them (``// Create a directory``): no command starts so.
_CONSOLE = _syntax(
    rf"(?<![^\n])[ \t]*//[^\n]*|{_LINE_HASH}", *_SHELL_STRINGS, starts="#\"'<", after="\n"
)
# A YAML value written plain to its line's end (``- Product Updates``, ``title: My post``, not
# the key of ``- name: date``) is data, as a quoted one is.
_YAML_PLAIN = r"(?<=- |: )[^\W\d_][^\n#:]*(?=[ \t]#|\n|\Z)"
_YAML = _syntax(
    _LINE_HASH, _DOUBLE, r"'[^'\n]*'?", _YAML_PLAIN, _PLACEHOLDER, starts="#\"'<", after=" "
)
_C_LIKE = _syntax(f"{_LINE_C}|{_BLOCK_C}", _DOUBLE, _SINGLE, _BACKTICK, starts="/\"'`")
# JSX text: what stands between a tag's ">" (or an expression's "}") and the next "<" or "{"
# on the same line (<h1>Hello, {name}!</h1>) is UI text; a run with = ; & | / is script
# (a > b && c < d, a comment after a brace). The run is told to hold a letter or sign by a
# lookahead, then taken whole (possessive): written as one run around its first such character,
# sre backtracked over every split of it, quadratic in the run's length.
_JSX_RUN = r"(?=[^\S\n]*[^\s<>{}=;&|/])[^<>{}=;&|/\n]*+"
_JSX_TEXT = rf"(?<=[>}}]){_JSX_RUN}(?=[<{{])"
# ... or a line of its own between a line ending in a tag's ">" (not an arrow's "=>") and a line
# starting with "<" or "{": <button>, then "Focus the input", then </button>.
_JSX_TEXT_LINE = rf"(?<=[^=]>)[ \t]*\n{_JSX_RUN}(?=\n[ \t]*[<{{])"
_JS = _syntax(
    f"{_LINE_C}|{_BLOCK_C}",
    *(_JSX_TEXT, _JSX_TEXT_LINE, _DOUBLE, _SINGLE, _BACKTICK),
    starts="/\"'`",
    after=">}",
    # JSX text after ">" or "}" runs to a tag or brace; a line of it starts with a newline
    ahead=r"(?=[^<>{}=;&|/\n]*[<{])|(?<=>)(?=[ \t]*\n)",
)
_RUST = _syntax(f"{_LINE_C}|{_NESTED_C}", _DOUBLE, r"'(?:\\.|[^'\\\n])'", starts="/\"'")
_NESTING_C_LIKE = _syntax(f"{_LINE_C}|{_NESTED_C}", _DOUBLE, _SINGLE, _BACKTICK, starts="/\"'`")
_CSS = _syntax(_BLOCK_C, _DOUBLE, _SINGLE, starts="/\"'")
_SCSS = _syntax(f"(?<![:/])//[^\n]*|{_BLOCK_C}", _DOUBLE, _SINGLE, starts="/\"'")
_SQL = _syntax(rf"--[^\n]*|{_BLOCK_C}", _SINGLE, _DOUBLE, starts="-/\"'")
_LUA = _syntax(r"--\[\[[\s\S]*?(?:\]\]|\Z)|--[^\n]*", _DOUBLE, _SINGLE, starts="-\"'")
_HASKELL = _syntax(r"\{-[\s\S]*?(?:-\}|\Z)|--[^\n]*", _DOUBLE, starts='{-"')
# JSON has no comments, but docs annotate their JSON as JSONC does ("name": "x", // required),
# and outside a string "//" or "/*" cannot be JSON: read as a comment, it may be translated.
_JSON = _syntax(f"{_LINE_C}|{_BLOCK_C}", _DOUBLE, starts='/"')
# An untyped fence (a tree diagram, program output) is compared without its words, which may
# be translated: a run of letters is a string there.
_PLAIN = _syntax("", r"[^\W\d_]+")
# Markdown shown as code (a page of a docs site, its front matter): its text and the values of
# its front matter are what a reader reads, so they are strings, while what makes it Markdown
# (heading and list marks, inline code, link targets, tags, expressions, front matter keys) is
# code. Front matter is a ``---`` line, lines YAML writes (keys, list items, indented or comment
# lines) and a closing ``---``: read as YAML. Outside it a line's ``Note:`` or ``Related:`` is
# text (a translated ``관련: Astro`` is a translated string, not changed code).
_MARKDOWN = CodeSyntax(
    compiled(
        r"(?P<comment><!--[\s\S]*?(?:-->|\Z))"
        r"|(?P<front>^---[ \t]*\n"
        # each line taken whole (atomic): its alternatives overlap, and retrying them line by line
        # when no closing line comes would be exponential
        r"(?>(?:[\w\"'-][^\n:]*:(?:[ \t][^\n]*)?|[ \t]*-[ \t][^\n]*|[ \t]+[^\n]*|#[^\n]*)?\n)*?"
        r"---[ \t]*$)"
        r"|(?P<code>`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|\{[^}\n]*\}"
        r"|^[ \t]*(?:#{1,6}(?=[ \t])|[-*+](?=[ \t])|\d+[.)](?=[ \t])|>|---[ \t]*$))"
        r"|(?P<string>[^\s`<{\]][^\n`<{\]]*)",
        re.MULTILINE,
    )
)
_PROSE_ATTRIBUTES = r"title|alt|placeholder|label|aria-label|value"
_MARKUP = CodeSyntax(
    compiled(
        r"(?P<comment><!--[\s\S]*?(?:-->|\Z))"
        # the body runs to its closing tag or the end; runs between "<" taken whole, not
        # a lazy repeat that tries the closing tag at every character
        r"|(?P<embed><(?P<tag>script|style)\b(?P<attrs>[^>]*)>"
        r"(?P<body>[^<]*+(?:<(?!/(?P=tag)>)[^<]*+)*+))"
        r"|(?P<expression>\{\{[\s\S]*?(?:\}\}|\Z))"
        r"""|(?P<code><[A-Za-z/!](?:[^>"']++|"[^"]*"|'[^']*')*+>?)"""
        r"|(?P<string>[^<{\s][^<{]*(?<=\S))",
        re.IGNORECASE,
    ),
)
# These two only in markup. The space before a name is matched, not looked behind at: a
# pattern led by a class is searched by sre skipping to it (a match ends at a quote, so no
# match ends where the next one's space would be).
_PROSE_ATTRIBUTE = compiled(
    rf"""\s(?:(?:{_PROSE_ATTRIBUTES})\s*=\s*(?P<string>"[^"]*"|'[^']*')"""
    # a bound attribute (:foo, @click, #slot, v-if) holds an expression: scanned as script
    r"""|(?:[:@#]|v-)[\w.:\[\]-]*\s*=\s*(?P<script>"[^"]*"|'[^']*'))"""
)
# What every comment or string of C-like code starts with (_C_LIKE's ``starts``)
_C_LIKE_MARKS = compiled(f"[{re.escape(_C_LIKE.starts)}]")
_EMBEDDED_LANGUAGE = compiled(r"""\blang\s*=\s*["']?([\w-]+)""")

_BY_LANGUAGE: dict[str, CodeSyntax] = {
    **dict.fromkeys(("python", "py", "python3", "py3", "ipython", "pycon", "sage"), _PYTHON),
    **dict.fromkeys(("sh", "bash", "shell", "zsh", "ksh", "fish"), _SHELL),
    **dict.fromkeys(("console", "shell-session", "shellsession", "sh-session"), _CONSOLE),
    **dict.fromkeys(("bash-session", "zsh-session", "terminal"), _CONSOLE),
    **dict.fromkeys(("r", "ruby", "rb", "perl", "pl", "make", "makefile", "toml"), _SHELL),
    **dict.fromkeys(("dockerfile", "cmake", "julia", "jl", "powershell", "ps1", "ini"), _SHELL),
    **dict.fromkeys(("yaml", "yml"), _YAML),
    **dict.fromkeys(
        ("c", "h", "cpp", "c++", "cc", "cxx", "hpp", "cuda", "cu", "objc", "objective-c"), _C_LIKE
    ),
    **dict.fromkeys(
        ("js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx", "mts"), _JS
    ),
    **dict.fromkeys(("json5", "jsonc", "diff", "patch", "graphql", "gql"), _C_LIKE),
    **dict.fromkeys(("java", "go", "golang", "cs", "csharp", "proto", "protobuf"), _C_LIKE),
    **dict.fromkeys(("glsl", "hlsl", "zig", "php"), _C_LIKE),
    **dict.fromkeys(("kotlin", "kt", "swift", "scala", "dart"), _NESTING_C_LIKE),
    **dict.fromkeys(("rust", "rs"), _RUST),
    **dict.fromkeys(("css", "postcss"), _CSS),
    **dict.fromkeys(("scss", "sass", "less", "stylus", "styl"), _SCSS),
    **dict.fromkeys(("sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plsql"), _SQL),
    **dict.fromkeys(("json",), _JSON),
    **dict.fromkeys(
        ("html", "xml", "xhtml", "svg", "vue", "vue-html", "svelte", "astro", "markup"), _MARKUP
    ),
    **dict.fromkeys(("", "text", "txt", "plain", "plaintext", "output"), _PLAIN),
    **dict.fromkeys(("md", "markdown", "mdx", "markdoc", "mdoc"), _MARKDOWN),
    "lua": _LUA,
    **dict.fromkeys(("haskell", "hs"), _HASKELL),
}


def comment_syntax(language: str) -> CodeSyntax | None:
    """The syntax of a fence language (``py``, ``vue-html``, ``angular-ts``, …), or None when
    unknown."""
    return next(
        (_BY_LANGUAGE[name] for name in language_names(language) if name in _BY_LANGUAGE), None
    )


@record(slots=True)
class CodeLine:
    """A line that holds code: its 0-based offset in the block, its text with comments removed,
    and the same marked (OPEN and CLOSE around the content of strings)."""

    offset: int
    text: str
    marked: str = ""


def code_lines(code: str, syntax: CodeSyntax | None) -> tuple[CodeLine, ...]:
    """The lines of ``code`` that keep code once comments are removed, right-stripped."""
    return lines_of(*scanned(code, syntax))


def scanned(code: str, syntax: CodeSyntax | None) -> tuple[str, str]:
    """``code`` without comments, and the same marked (see ``_scan``); an unknown language's
    code as written, twice."""
    return _scan(code, syntax) if syntax is not None else (code, code)


def kept_texts(text: str) -> list[str]:
    """The texts of the lines ``lines_of`` keeps from a scanned ``text``: two blocks whose
    texts these are alike differ in comments, blank lines or trailing spaces alone, which is
    told without building their lines."""
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def lines_of(text: str, marked: str) -> tuple[CodeLine, ...]:
    """The lines of a scanned code (``text`` and ``marked``, see ``scanned``) that keep code,
    right-stripped."""
    lines = zip(text.split("\n"), marked.split("\n"), strict=True)
    return tuple(
        CodeLine(offset, line.rstrip(), mark.rstrip())
        for offset, (line, mark) in enumerate(lines)
        if line.strip()
    )


def _scan(code: str, syntax: CodeSyntax) -> tuple[str, str]:
    """``code`` without comments, and the same marked (strings between OPEN and CLOSE);
    newlines are kept so offsets hold."""
    text: list[str] = []
    marked: list[str] = []
    position = 0
    for match in syntax.matches(code):
        between = code[position : match.start()]
        text.append(between)
        marked.append(between)
        position = match.end()
        found = match.group(0)
        # the outermost group closes last: for markup's nested groups (an embed's tag and
        # body) too, the alternative's own group is the last one closed
        kind = match.lastgroup
        if kind == "comment":
            blank = "\n" * found.count("\n")
            text.append(blank)
            marked.append(blank)
        elif kind == "string":
            text.append(found)
            marked.append(_mark(found))
        elif kind == "embed":
            head = found[: match.start("body") - match.start()]
            body_text, body_marked = _embedded(match.group("body"), match.group("tag"), head)
            head_text, head_marked = _tag(head)
            text.append(head_text + body_text)
            marked.append(head_marked + body_marked)
        elif kind in ("expression", "front"):
            expression_text, expression_marked = _scan(
                found, _C_LIKE if kind == "expression" else _YAML
            )
            text.append(expression_text)
            marked.append(expression_marked)
        else:
            tag_text, tag_marked = _tag(found)
            text.append(tag_text)
            marked.append(tag_marked)
    text.append(code[position:])
    marked.append(code[position:])
    return "".join(text), "".join(marked)


def _mark(found: str) -> str:
    """A string with OPEN and CLOSE around its content (inside its quotes, if any)."""
    quote = found[0] if found[0] in "\"'`" else ""
    inner = found[len(quote) :]
    closing = quote if quote and len(inner) > 0 and inner.endswith(quote) else ""
    inner = inner[: len(inner) - len(closing)]
    inner = inner.replace("\n", f"{CLOSE}\n{OPEN}")  # each line's part closed on its line
    return f"{quote}{OPEN}{inner}{CLOSE}{closing}"


def _tag(tag: str) -> tuple[str, str]:
    """A markup tag without the comments of its bound expressions, and the same marked: the values
    of its prose attributes (title, alt, …) and the strings of its expressions marked."""
    if "=" not in tag:
        return tag, tag
    text: list[str] = []
    marked: list[str] = []
    position = 0
    for match in _PROSE_ATTRIBUTE().finditer(tag):
        group = "string" if match.group("string") is not None else "script"
        start, end = match.span(group)
        text.append(tag[position:start])
        marked.append(tag[position:start])
        value = match.group(group)
        if group == "string":
            text.append(value)
            marked.append(_mark(value))
        elif _C_LIKE_MARKS().search(value, 1, len(value) - 1) is None:
            text.append(value)  # no comment or string in it (most: `v-if="ok"`): as written
            marked.append(value)
        else:
            value_text, value_marked = _scan(value[1:-1], _C_LIKE)
            text.append(value[0] + value_text + value[-1])
            marked.append(value[0] + value_marked + value[-1])
        position = end
    text.append(tag[position:])
    marked.append(tag[position:])
    return "".join(text), "".join(marked)


def _embedded(body: str, tag: str, head: str) -> tuple[str, str]:
    """A ``<script>`` or ``<style>`` body of markup, scanned as its own language."""
    declared = _EMBEDDED_LANGUAGE().search(head)
    language = declared.group(1) if declared else ("js" if tag.lower() == "script" else "css")
    syntax = comment_syntax(language)
    return _scan(body, syntax) if syntax is not None else (body, body)
