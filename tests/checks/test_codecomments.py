"""Comment removal by fence language: what the code rules compare."""

from __future__ import annotations

import pytest

from transcheck.checks.codecomments import CodeLine, code_lines, comment_syntax


def lines(code: str, language: str) -> list[tuple[int, str]]:
    return [(c.offset, c.text) for c in code_lines(code, comment_syntax(language))]


def test_python_comments_go_strings_stay() -> None:
    code = '# header\nx = "#1"  # note\ns = """a\n# not a comment\n"""\n'
    assert lines(code, "py") == [
        (1, 'x = "#1"'),
        (2, 's = """a'),
        (3, "# not a comment"),
        (4, '"""'),
    ]


def test_c_block_comments_keep_line_offsets() -> None:
    code = '/* one\n   two */\nint x = 1; // why\nchar *s = "//";\n'
    assert lines(code, "cuda") == [(2, "int x = 1;"), (3, 'char *s = "//";')]


def test_shell_hash_needs_a_word_start() -> None:
    assert lines("echo ${#a} $# # count\n", "bash") == [(0, "echo ${#a} $#")]


def test_javascript_template_literals_span_lines() -> None:
    code = "const t = `a\n// b`;  // c\n"
    assert lines(code, "ts") == [(0, "const t = `a"), (1, "// b`;")]


@pytest.mark.parametrize("language", ["", "text", "hlo", "mermaid"])
def test_unknown_language_keeps_every_line(language: str) -> None:
    assert comment_syntax(language) is None
    assert code_lines("# a\n\nb  \n", None) == (CodeLine(0, "# a"), CodeLine(2, "b"))


@pytest.mark.parametrize(
    ("language", "code", "kept"),
    [
        ("yaml", "key: 'a # b'  # note", "key: 'a # b'"),
        ("sql", "SELECT 1; -- one\n/* two */", "SELECT 1;"),
        ("lua", "x = 1 --[[ block\n]] y = 2", "x = 1"),
        ("haskell", "f = 1 {- note -} -- end", "f = 1"),
        ("Python", "x = 1 # CAPS language name", "x = 1"),
    ],
)
def test_other_families(language: str, code: str, kept: str) -> None:
    assert code_lines(code, comment_syntax(language))[0].text == kept
