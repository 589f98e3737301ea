"""Comment syntax by code-fence language, and code with its comments removed.

Translators translate comments, and only comments; so code blocks are compared after removing
them. The scanner knows string literals, so ``"#"`` in Python or ``"//"`` in C is code. A fence
language it does not know gets no stripping: every line is compared.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommentSyntax:
    """How one language family writes comments and strings."""

    line: tuple[str, ...]  # line-comment openers
    block: tuple[tuple[str, str], ...] = ()  # block-comment opener and closer
    quotes: tuple[str, ...] = ('"', "'")  # string delimiters, longest first
    word_start: bool = False  # a line comment opens only at the start of a word (shell, YAML)


_PYTHON = CommentSyntax(("#",), quotes=('"""', "'''", '"', "'"))
_SHELL = CommentSyntax(("#",), word_start=True)
_C_LIKE = CommentSyntax(("//",), (("/*", "*/"),), quotes=('"', "'", "`"))
_SQL = CommentSyntax(("--",), (("/*", "*/"),), quotes=("'", '"'))
_LUA = CommentSyntax(("--",), (("--[[", "]]"),))
_HASKELL = CommentSyntax(("--",), (("{-", "-}"),), quotes=('"',))

_BY_LANGUAGE: dict[str, CommentSyntax] = {
    **dict.fromkeys(("python", "py", "python3", "py3", "ipython", "pycon", "sage"), _PYTHON),
    **dict.fromkeys(
        ("sh", "bash", "shell", "zsh", "ksh", "fish", "console", "shell-session"), _SHELL
    ),
    **dict.fromkeys(
        ("yaml", "yml", "toml", "r", "ruby", "rb", "perl", "pl", "make", "makefile"), _SHELL
    ),
    **dict.fromkeys(("dockerfile", "cmake", "julia", "jl", "powershell", "ps1", "ini"), _SHELL),
    **dict.fromkeys(
        ("c", "h", "cpp", "c++", "cc", "cxx", "hpp", "cuda", "cu", "objc", "objective-c"), _C_LIKE
    ),
    **dict.fromkeys(
        ("js", "javascript", "jsx", "mjs", "ts", "typescript", "tsx", "json5", "jsonc"), _C_LIKE
    ),
    **dict.fromkeys(
        ("java", "go", "golang", "rust", "rs", "kotlin", "kt", "swift", "scala", "cs"), _C_LIKE
    ),
    **dict.fromkeys(("csharp", "dart", "proto", "protobuf", "glsl", "hlsl", "zig"), _C_LIKE),
    **dict.fromkeys(("sql", "mysql", "postgresql", "psql", "sqlite"), _SQL),
    "lua": _LUA,
    **dict.fromkeys(("haskell", "hs"), _HASKELL),
}


def comment_syntax(language: str) -> CommentSyntax | None:
    """The comment syntax of a fence language (``py``, ``cuda``, …), or None when unknown."""
    return _BY_LANGUAGE.get(language.strip().lower())


@dataclass(frozen=True, slots=True)
class CodeLine:
    """A line that holds code: its 0-based offset in the block and its text, comments removed."""

    offset: int
    text: str


def code_lines(code: str, syntax: CommentSyntax | None) -> tuple[CodeLine, ...]:
    """The lines of ``code`` that keep code once comments are removed, right-stripped."""
    stripped = _strip(code, syntax) if syntax is not None else code
    return tuple(
        CodeLine(offset, text.rstrip())
        for offset, text in enumerate(stripped.split("\n"))
        if text.strip()
    )


def _strip(code: str, syntax: CommentSyntax) -> str:
    """``code`` with every comment replaced by nothing; newlines are kept so offsets hold."""
    out: list[str] = []
    i, n = 0, len(code)
    while i < n:
        char = code[i]
        quote = next((q for q in syntax.quotes if code.startswith(q, i)), None)
        if quote is not None:
            end = _string_end(code, i + len(quote), quote)
            out.append(code[i:end])
            i = end
            continue
        closer = next((c for o, c in syntax.block if code.startswith(o, i)), None)
        if closer is not None:
            end = code.find(closer, i)
            end = n if end < 0 else end + len(closer)
            out.append("\n" * code.count("\n", i, end))
            i = end
            continue
        if any(code.startswith(o, i) for o in syntax.line) and _word_start(code, i, syntax):
            end = code.find("\n", i)
            i = n if end < 0 else end
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _word_start(code: str, index: int, syntax: CommentSyntax) -> bool:
    """Whether a line-comment opener at ``index`` opens a comment (shell needs a word start)."""
    return not syntax.word_start or index == 0 or code[index - 1].isspace()


def _string_end(code: str, start: int, quote: str) -> int:
    """The index just past the string opened before ``start``; one-character strings other
    than template literals end at the line's end when unclosed."""
    i = start
    while i < len(code):
        if code[i] == "\\":
            i += 2
            continue
        if code.startswith(quote, i):
            return i + len(quote)
        if code[i] == "\n" and len(quote) == 1 and quote != "`":
            return i
        i += 1
    return len(code)
