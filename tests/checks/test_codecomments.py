"""Comment removal by fence language: what the code rules compare."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.checks.codecomments import (
    STRINGS,
    CodeLine,
    _scan,
    code_lines,
    comment_syntax,
)

STRING_MARK = "…"


def shape(line: CodeLine) -> str:
    """A code line with the content of its strings and markup text replaced by a mark: what
    its ``marked`` text tells the code rules."""
    return STRINGS.sub(STRING_MARK, line.marked)


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


def test_console_transcripts_take_slash_lines_as_comments_but_not_paths_in_commands() -> None:
    code = "// Create a directory\n$ mkdir code\n  // indented\n$ ls //srv // not one\n"
    assert lines(code, "console") == [(1, "$ mkdir code"), (3, "$ ls //srv // not one")]
    assert lines("// a path\n", "bash") == [(0, "// a path")]


def test_javascript_template_literals_span_lines() -> None:
    code = "const t = `a\n// b`;  // c\n"
    assert lines(code, "ts") == [(0, "const t = `a"), (1, "// b`;")]


@pytest.mark.parametrize("language", ["hlo", "mermaid", "ascii"])
def test_unknown_language_keeps_every_line(language: str) -> None:
    assert comment_syntax(language) is None
    assert [(c.offset, c.text, shape(c)) for c in code_lines("# a\n\nb  \n", None)] == [
        (0, "# a", "# a"),
        (2, "b", "b"),
    ]


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


def shapes(code: str, language: str) -> list[tuple[int, str, str]]:
    return [(c.offset, c.text, shape(c)) for c in code_lines(code, comment_syntax(language))]


def test_html_comments_go_and_text_between_tags_is_a_string() -> None:
    code = (
        '<div v-if="ok">toggled {{ a ? "Yes" : "No" }}</div>\n<!-- one\n two -->\n<img alt="A cat">'
    )
    assert shapes(code, "vue-html") == [
        (
            0,
            '<div v-if="ok">toggled {{ a ? "Yes" : "No" }}</div>',
            '<div v-if="ok">… {{ a ? "…" : "…" }}</div>',
        ),
        (3, '<img alt="A cat">', '<img alt="…">'),
    ]


def test_vue_single_file_component_reads_script_and_style_in_their_languages() -> None:
    code = (
        '<script setup lang="ts">\nconst a: string = "x" // note\n</script>\n'
        "<template>\n  <p>Hello</p> <!-- c -->\n</template>\n"
        '<style lang="scss">\n// note\na { b: url(http://x) } /* c */\n</style>\n'
    )
    assert [(o, t) for o, t, _ in shapes(code, "vue")] == [
        (0, '<script setup lang="ts">'),
        (1, 'const a: string = "x"'),
        (2, "</script>"),
        (3, "<template>"),
        (4, "  <p>Hello</p>"),
        (5, "</template>"),
        (6, '<style lang="scss">'),
        (8, "a { b: url(http://x) }"),
        (9, "</style>"),
    ]
    assert shapes(code, "vue")[4][2] == "  <p>…</p>"


def test_css_has_no_line_comments_and_jsdoc_continuations_go() -> None:
    assert shapes("a { b: url(//x) } /* c\n  d */", "css") == [
        (0, "a { b: url(//x) }", "a { b: url(//x) }")
    ]
    assert [t for _, t, _ in shapes("/**\n * Doc.\n * @param x\n */\nf(x)", "js")] == ["f(x)"]


def test_untyped_fences_treat_words_as_text() -> None:
    assert shapes("App (root component)\n├─ <A>", "") == [
        (0, "App (root component)", "… (… …)"),
        (1, "├─ <A>", "├─ <…>"),
    ]


@pytest.mark.parametrize(
    ("language", "code", "shape"),
    [
        ("rust", "fn f<'a>(s: &'a str) { g(\"x\") } // c", "fn f<'a>(s: &'a str) { g(\"…\") }"),
        ("json", '{"a": "b // c"}', '{"…": "…"}'),
        ("json", '{"a": "http://x", // required\n', '{"…": "…",'),  # annotated as JSONC
        ("json", '{ /* note */ "a": 1 }', '{  "…": 1 }'),
        ("go", "s := `raw\nstring` // c", "s := `…"),
    ],
)
def test_strings_of_more_languages(language: str, code: str, shape: str) -> None:
    assert shapes(code, language)[0][2] == shape


def test_bound_attributes_are_script_with_comments_and_strings() -> None:
    code = '<input :ref="(el) => { /* assign el */ }" @click="say(\'hi\')" title="Hi">'
    assert shapes(code, "vue-html") == [
        (
            0,
            '<input :ref="(el) => {  }" @click="say(\'hi\')" title="Hi">',
            '<input :ref="(el) => {  }" @click="say(\'…\')" title="…">',
        )
    ]


def test_jsx_text_between_tags_is_a_string() -> None:
    code = 'return (\n  <h1 className="title">Hello, {name}!</h1>\n)\nif (a > b && c < d) f()'
    assert [shaped for _, _, shaped in shapes(code, "jsx")] == [
        "return (",
        '  <h1 className="…">…{name}…</h1>',
        ")",
        "if (a > b && c < d) f()",
    ]


_CODE_PIECES = ["x", " ", "  ", "\n", '"', "'", "`", "#", "//", "/*", "*/", "<p>", "</p>", "안녕"]
_CODE_PIECES += ["{{", "}}", "<script>", "</script>", '<a title="t">', "\t", "\x02", "\x03", ";"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CODE_PIECES), max_size=30).map("".join),
    st.sampled_from(["py", "js", "vue", "bash", "css", "md", "", "unknown-language"]),
)
def test_a_line_shape_is_the_whole_code_shape_cut_at_that_line(code: str, language: str) -> None:
    # each line's marked text is the whole code's, cut at that line: its shape is the same as
    # marking the strings of the whole code and cutting it into lines
    syntax = comment_syntax(language)
    text, marked = _scan(code, syntax) if syntax is not None else (code, code)
    shapes = STRINGS.sub(STRING_MARK, marked).split("\n")
    whole = [(n, shapes[n].rstrip()) for n, line in enumerate(text.split("\n")) if line.strip()]
    assert [(c.offset, shape(c)) for c in code_lines(code, syntax)] == whole


def test_markdown_front_matter_is_yaml_and_text_lines_are_text() -> None:
    """In Markdown shown as code, keys are code only inside front matter; a text line's
    ``Note:`` is text, and a ``---`` pair around prose is no front matter."""
    code = "---\ntitle: My page\ntags:\n  - a\n---\nNote: read this.\n---\nText\n---\n"
    shapes = [shape(line) for line in code_lines(code, comment_syntax("md"))]
    assert shapes == ["---", "title: …", "tags:", "  - …", "---", "…", "---", "…", "---"]


def test_unclosed_markdown_front_matter_is_scanned_in_linear_time() -> None:
    """Front matter lines whose alternatives overlap (``  - a: b``), with no closing line: were
    they retried line by line, 40 of them would take 2**40 steps; a subprocess's timeout,
    hundreds of times the linear scan's time, tells the hang from a slow machine."""
    program = (
        "from transcheck.checks.codecomments import scanned, comment_syntax\n"
        "print(len(scanned('---\\n' + '  - a: b\\n' * 40 + 'text', comment_syntax('md'))[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True
    )
    assert int(done.stdout) > 40 * 9


def test_rust_block_comments_nest() -> None:
    """Rust (and Swift, Kotlin, Scala, Dart) nest block comments: the first ``*/`` closes only
    the innermost; C does not nest them."""
    code = "/* a /* b */ still a /*/*/* c */*/*/ */\nlet x = 5 + /* 90 + */ 5;\n"
    assert lines(code, "rust") == [(1, "let x = 5 +  5;")]
    assert lines(code, "kotlin") == [(1, "let x = 5 +  5;")]
    assert lines("int a; /* x /* y */ z */\n", "c") == [(0, "int a;  z */")]
