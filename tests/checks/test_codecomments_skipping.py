"""The code scanner's candidate-place search finds what the plain ``finditer`` of the patterns as
they were written before finds: the same matches, spans and groups, on every code block of both
corpora and on generated text full of comment, string and tag marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import CORPUS
from transcheck.checks import codecomments
from transcheck.checks.codecomments import _BY_LANGUAGE, _DOUBLE, _SINGLE, CodeSyntax

# The patterns rewritten for speed, as they were: the reference the new ones are held to.
_OLD_JS = re.compile(
    r"(?P<comment>//[^\n]*|/\*[\s\S]*?(?:\*/|\Z))|(?P<string>"
    r"(?<=[>}])[^<>{}=;&|/\n]*?[^\s<>{}=;&|/][^<>{}=;&|/\n]*(?=[<{])"
    r"|(?<=[^=]>)[ \t]*\n[^<>{}=;&|/\n]*[^\s<>{}=;&|/][^<>{}=;&|/\n]*(?=\n[ \t]*[<{])"
    rf"|{_DOUBLE}|{_SINGLE}|`(?:\\.|[^`\\])*`?)"
)
_OLD_MARKUP = re.compile(
    r"(?P<comment><!--[\s\S]*?(?:-->|\Z))"
    r"|(?P<embed><(?P<tag>script|style)\b(?P<attrs>[^>]*)>(?P<body>[\s\S]*?)(?=</(?P=tag)>|\Z))"
    r"|(?P<expression>\{\{[\s\S]*?(?:\}\}|\Z))"
    r"""|(?P<code><[A-Za-z/!](?:"[^"]*"|'[^']*'|[^>"'])*>?)"""
    r"|(?P<string>[^<{\s][^<{]*(?<=\S))",
    re.IGNORECASE,
)
_OLD_PROSE_ATTRIBUTE = re.compile(
    r"""(?<=\s)(?:title|alt|placeholder|label|aria-label|value)\s*=\s*"""
    r"""(?P<string>"[^"]*"|'[^']*')"""
    r"""|(?<=\s)(?:[:@#]|v-)[\w.:\[\]-]*\s*=\s*(?P<script>"[^"]*"|'[^']*')"""
)
_SYNTAXES = list({id(syntax): syntax for syntax in _BY_LANGUAGE.values()}.values())
_OLD = {id(_BY_LANGUAGE["js"]): _OLD_JS, id(_BY_LANGUAGE["vue"]): _OLD_MARKUP}

_MARKS = [*"/\"'`<>{}#-=;&|:\\*!()[] \t\naZ1", "</", "//", "/*", "*/", "=>", "- ", ": "]
_MARKS += ['"""', "'''", "--[[", "]]", "{-", "-}", "<!--", "-->", "{{", "}}", "<a ", "word "]
_MARKS += ["<script>", "</script>", "<STYLE lang='scss'>", "</style>", ' title="t"', " :x='y'"]
_MARKS += ["<the host name>", "\n  // note", "\n<p>", "\nText line", "v-if", "alt = 'a b'"]


def found(syntax: CodeSyntax, code: str) -> list[tuple[object, ...]]:
    """The scanner's matches of ``code``: span, group and every group's text."""
    return [(m.span(), m.lastgroup, m.groupdict()) for m in syntax.matches(code)]


def reference(syntax: CodeSyntax, code: str) -> list[tuple[object, ...]]:
    """The same, by ``finditer`` of the pattern as it was written before."""
    pattern = _OLD.get(id(syntax), syntax.pattern)
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(code)]


def attributes(pattern: re.Pattern[str], tag: str) -> list[tuple[object, ...]]:
    """The prose and script attribute values a tag pattern finds, by span."""
    return [(m.span("string"), m.span("script")) for m in pattern.finditer(tag)]


def _code_blocks() -> list[str]:
    """The content of every fenced code block of both corpora, both sides."""
    fence = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n(.*?)^[ \t]*\1", re.MULTILINE | re.DOTALL)
    blocks = []
    for corpus in (CORPUS, CORPUS.parent / "vue-docs"):
        for path in sorted(corpus.glob("*/**/*.md")):
            blocks += [m.group(2) for m in fence.finditer(path.read_text(encoding="utf-8"))]
    return blocks


@given(st.lists(st.sampled_from(_MARKS), max_size=30).map("".join))
@example("a > b\nText\n<p>")  # the line of text after a tag, not after an arrow
@example("// x>\nText\n<p>")  # a comment ending in ">": the next match looks behind at it
@example("<p>Hi {name}!</p>")
@example("<button>\n  Focus the input\n</button>")  # a line of JSX text
def test_the_candidate_search_finds_what_finditer_finds(code: str) -> None:
    for syntax in _SYNTAXES:
        assert found(syntax, code) == reference(syntax, code)
    tag_pattern = codecomments._PROSE_ATTRIBUTE()
    assert attributes(tag_pattern, code) == attributes(_OLD_PROSE_ATTRIBUTE, code)


def test_the_candidate_search_finds_what_finditer_finds_in_every_code_block() -> None:
    if not (CORPUS / "en").is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    blocks = _code_blocks()
    assert len(blocks) > 1000  # both corpora were read
    tags = [m.group(0) for code in blocks for m in _OLD_MARKUP.finditer(code) if m.group("code")]
    for code in blocks:
        for syntax in _SYNTAXES:
            assert found(syntax, code) == reference(syntax, code), code
    tag_pattern = codecomments._PROSE_ATTRIBUTE()
    for tag in tags:
        assert attributes(tag_pattern, tag) == attributes(_OLD_PROSE_ATTRIBUTE, tag), tag


def test_a_missing_candidate_character_is_caught() -> None:
    # the comparisons above notice a character left out of ``starts`` or ``after``
    js = _BY_LANGUAGE["js"]
    no_quote = CodeSyntax(js.compile, starts=js.starts.replace("'", ""), after=js.after)
    assert found(no_quote, "x = 'a';") != reference(js, "x = 'a';")
    no_after = CodeSyntax(js.compile, starts=js.starts, after="")
    assert found(no_after, "<p>Hi {name}!</p>") != reference(js, "<p>Hi {name}!</p>")
