"""Our faster replacements of markdown-it internals return exactly what markdown-it's own do,
and our parsers skip its per-line debug logging."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from types import MethodType
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt, rules_block, rules_core
from markdown_it.helpers import parseLinkDestination
from markdown_it.parser_block import ParserBlock
from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.tasklists import tasklists_plugin

from transcheck.model import CodeSpan
from transcheck.parse.blanks import collapse_blanks
from transcheck.parse.destinations import parse_link_destination
from transcheck.parse.dialects import DIALECTS, _fences, _first_mark, choose_dialect
from transcheck.parse.document import parse_markdown
from transcheck.parse.html import HtmlTag, HtmlText, scan_html
from transcheck.parse.htmlreader import parsed as _parsed
from transcheck.parse.inline import InlineItems
from transcheck.parse.linemarks import LINES, line_marks
from transcheck.parse.mkdocs import MARK, marks
from transcheck.parse.numbers import _in_a_name, find_numbers
from transcheck.parse.parsers import markdown
from transcheck.parse.positions import POS, stamped
from transcheck.parse.unclosed import _fence_opener, find_unclosed, opens_fence

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

# Characters each branch of the destination parser treats specially, plus ordinary ones.
DESTINATION_CHARS = st.sampled_from(
    [*"<>()\\ \n\t\x00\x1f\x7f&;#", "a", "é", "한", "/", ":", "amp", "&amp;", "\\("]
)


def _same_destination(string: str, pos: int, maximum: int) -> None:
    expected = parseLinkDestination(string, pos, maximum)
    got = parse_link_destination(string, pos, maximum)
    assert (got.ok, got.pos, got.str) == (expected.ok, expected.pos, expected.str)


@given(st.lists(DESTINATION_CHARS, max_size=40).map("".join), st.data())
def test_destination_matches_markdown_it(string: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(string)))
    maximum = data.draw(st.integers(pos, len(string) + 2))
    _same_destination(string, pos, maximum)


def test_destination_nesting_limit_matches_markdown_it() -> None:
    for depth in (31, 32, 33, 34):
        for string in ("(" * depth + "x" + ")" * depth, "(" * depth):
            _same_destination(string, 0, len(string))


def _corpus_destinations() -> list[str]:
    """Every ``](…`` tail in the shared corpora (long playground URLs among them)."""
    found = []
    for path in sorted(CORPUS.glob("*/*/**/*.md")):
        text = path.read_text(encoding="utf-8")
        found += [text[m.end() : m.end() + 3000] for m in re.finditer(r"\]\(|\]: ", text)]
    return found


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_destination_matches_markdown_it_on_corpus() -> None:
    sources = _corpus_destinations()
    assert len(sources) > 1000
    for source in sources:
        _same_destination(source, 0, len(source))


FENCE_PIECES = ["```", "~~~", "````", "`", "~", "\n", " ", "\t", "\x0b", "\x85", "js", "> "]


def _opens_fence_by_lines(content: str, markup: str) -> bool:
    """The line-by-line reading the one-search fence-opener regex replaced."""
    for line in content.split("\n"):
        found = re.match(r"\s*(`{3,}|~{3,})\s*[^\s`~]", line)
        if found and found.group(1)[0] == markup[0] and len(found.group(1)) >= len(markup):
            return True
    return False


@given(
    st.lists(st.sampled_from(FENCE_PIECES), max_size=12).map("".join),
    st.sampled_from(["```", "~~~", "````", "~~~~~"]),
)
def test_fence_opener_matches_line_by_line_reading(content: str, markup: str) -> None:
    found = _fence_opener(markup).search(content) is not None
    assert found == _opens_fence_by_lines(content, markup)
    assert opens_fence(content, markup) == found


def test_our_parsers_skip_markdown_it_debug_logging(caplog: pytest.LogCaptureFixture) -> None:
    text = "# Title\n\nSome *text*.\n\n- item\n\n> quote\n\n```js\nx\n```\n"
    with caplog.at_level(logging.DEBUG, logger="markdown_it"):
        MarkdownIt("commonmark").parse(text)
        assert any(record.getMessage().startswith("entering") for record in caplog.records)
        caplog.clear()
        for dialect in DIALECTS:
            tokens = markdown(dialect).parse(text)
            assert [t.type for t in tokens][:4] == [
                "heading_open",
                "inline",
                "heading_close",
                "paragraph_open",
            ]
    assert caplog.records == []


# The single regex the split brace / line-start mark searches replaced (earliest mark wins).
_ONE_MARK_REGEX = re.compile(
    r"(?P<hugo>\{\{[<%])|(?P<jekyll>\{%|\{\{(?![<%]))"
    r"|(?P<mdx>^(?:import|export)[ \t{]|^[ \t]*</?[A-Z][\w.]*[\s/>])",
    re.MULTILINE,
)
MARK_PIECES = ["{{", "{%", "<", "%", "{", "\n", " ", "\t", "import", "export", "Tab", "/", ">", "x"]


@given(st.lists(st.sampled_from(MARK_PIECES), max_size=14).map("".join))
def test_first_mark_matches_one_regex(text: str) -> None:
    expected = _ONE_MARK_REGEX.search(text)
    got = _first_mark(text)
    if expected is None or expected.lastgroup is None:
        assert got is None
    else:
        assert got == (expected.start(), expected.lastgroup, expected.group(0))


# The fenced blocks as one regex found them before ``_fences`` (the reference it must equal).
_FENCE_REGEX = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,}).*?(?:\n[ \t]{0,3}\1[`~]*[ \t]*(?=\n|\Z)|\Z)",
    re.MULTILINE | re.DOTALL,
)
_FENCE_PIECES = ["```", "````", "~~~", "``", "`", "~", "\n", " ", "   ", "\t", "x", "js", "~`"]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_FENCE_PIECES), max_size=24).map("".join))
@example("```js\ncode\n```\ntext\n~~~~\nx\n~~~\n~~~~~ \n")
@example("  ```\n   ````\n    ```\n```x\n```")
def test_fence_spans_are_those_of_the_one_regex(text: str) -> None:
    """``_fences`` finds the spans the lazy dot-all regex finds, on any mix of fence marks."""
    assert list(_fences(text)) == [match.span() for match in _FENCE_REGEX.finditer(text)]


def test_fence_spans_on_the_corpora_are_those_of_the_one_regex(corpus: Path) -> None:
    """The same on every file of a real corpus."""
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert list(_fences(text)) == [m.span() for m in _FENCE_REGEX.finditer(text)], path


DIGIT_PIECES = [
    "0", "7", "x", " ", "-", "+", "−", "/", ".", ",", "e", "%", "_", "한", "٣", "０", "𝟸", "²",
    "½", "a1", "1,000", ",000", "1e5", ".5",
]  # fmt: skip
# What a number is, written plainly: tried at every character (the lookahead only fails fast).
PLAIN_NUMBER = re.compile(
    r"(?=[-+−\d])(?<![A-Za-z0-9_.,])(?:(?<!/)[-+−])?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:[eE][-+]?\d+)?%?(?!\d)"
)


def _plain_numbers(text: str) -> list[str]:
    """The numbers of ``text`` as the plain pattern finds them, but those in a name."""
    return [m.group(0) for m in PLAIN_NUMBER.finditer(text) if not _in_a_name(text, m.start())]


@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=12).map("".join))
@example("")
@example("abc 9")
@example("+/-1 a-5 1,0000 x.5 -٣")
def test_numbers_are_found_as_the_plain_regex_finds_them(text: str) -> None:
    """The class-first pattern (its ASCII form on ASCII text) finds the numbers the plain one
    finds, from the start, that follow no letter of a name."""
    assert [number.text for number in find_numbers([(text, 1)])] == _plain_numbers(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_numbers_of_the_corpora_are_found_as_the_plain_regex_finds_them() -> None:
    for path in sorted(CORPUS.glob("*/*/**/*.md")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            assert [n.text for n in find_numbers([(line, 1)])] == _plain_numbers(line), line


MKDOCS_PIECES = [
    "!!! note", "??? tip", "???+ x", "!!!", "/// tip", "////", "/// x", '=== "T"', "===",
    "{* a.py hl[1] *}", "{!a.md!}", "{", "*}", "\n", " ", "\t", "x", '"t"', " | T", "Note",
]  # fmt: skip


@given(st.lists(st.sampled_from(MKDOCS_PIECES), max_size=14).map("".join), st.data())
@example("!!! note\nx", None)
@example("x\n  /// tip\n", None)
def test_mkdocs_marks_are_those_found_everywhere(text: str, data: st.DataObject | None) -> None:
    end = data.draw(st.integers(0, len(text))) if data else len(text)
    expected = [found.span() for found in MARK().finditer(text, 0, end)]
    assert [found.span() for found in marks(text, end)] == expected


def test_every_blank_but_the_space_is_unprintable() -> None:
    """What collapse_blanks' shortcut rests on, for every code point."""
    chars = map(chr, range(sys.maxunicode + 1))
    assert [c for c in chars if c.isspace() and c.isprintable()] == [" "]


BLANK_PIECES = [" ", "  ", "\n", "\t", "\xa0", "\u3000", "\u2028", "\x1f", "a", "한", "b c"]


@given(st.lists(st.sampled_from(BLANK_PIECES), max_size=10).map("".join))
def test_collapse_blanks_is_split_and_join(text: str) -> None:
    assert collapse_blanks(text) == " ".join(text.split())


def tasklists_rule() -> Any:
    """The task-list plugin's own core rule, as a fresh parser gets it."""
    fresh = MarkdownIt("zero").use(tasklists_plugin)
    return next(r.fn for r in fresh.core.ruler.__rules__ if r.name == "github-tasklists")


def _stock_parser(dialect: str) -> MarkdownIt:
    """A fresh parser of ``dialect`` whose block state, tokenizers and ruler are markdown-it's
    own, asking every rule at every line and offset, whose linkify, task-list and text-join
    rules walk every inline run (the tokens the first two make stamped in every run), which runs
    every post-processing rule on every run, and which normalizes every text."""
    md = markdown.__wrapped__(dialect)
    md.core.ruler.at("normalize", rules_core.normalize)
    md.block.ruler.at("lheading", rules_block.lheading)  # asked on every paragraph
    md.core.ruler.at("linkify", stamped(rules_core.linkify))
    md.core.ruler.at("github-tasklists", stamped(tasklists_rule()))
    md.core.ruler.at("text_join", rules_core.text_join)
    md.inline.post_rules = lambda src: md.inline.ruler2.getRules("")  # type: ignore[attr-defined]
    md.block.parse = MethodType(ParserBlock.parse, md.block)  # type: ignore[method-assign]
    md.block.tokenize = MethodType(ParserBlock.tokenize, md.block)  # type: ignore[method-assign]
    md.block.ruler.__class__ = Ruler  # every terminator asked on every line
    # markdown-it's tokenizer, searching for every terminator (told the first one, it forgets it)
    md.inline.tokenize = lambda state, first_stop=-1: ParserInline.tokenize(md.inline, state)  # type: ignore[method-assign]
    md.inline.skipToken = MethodType(ParserInline.skipToken, md.inline)  # type: ignore[method-assign]
    return md


STOCK = {dialect: _stock_parser(dialect) for dialect in DIALECTS}
PIECES = [
    *"`*_~[]()!<>&$\\{}:^#%-=+@|\n ", "a", "한글", "    ", "\n\n", "1. ", "- ", "> ", "# ",
    "---\n", "```\n", "~~~", "+++\n", ":::note\n", ":::\n", "import x\n", "<Tab>\n", "{x}\n",
    "| a | b |\n|---|---|\n", "x@y.com", "https://e.com/", "&amp;", "{{< x >}}", "{% y %}",
    "{: .c}", "{/*z*/}", "<b>", "</b>", "[^1]", "[r]", "\n[r]: /u\n", "[^1]: note\n", "$x$",
    "$$y$$", "`c`", "**", "~~", "![i](s)", "<https://a.b>", "[//a](//b)", "<a href='//x'>",
    "___\n", "***\n", "2) ", "- [ ] ", "[x] ", "\r", "\r\n", "\x00",
]  # fmt: skip


def _same_tokens(text: str, dialect: str) -> None:
    stock = [token.as_dict() for token in STOCK[dialect].parse(text)]
    assert [token.as_dict() for token in markdown(dialect).parse(text)] == stock


@settings(deadline=None)  # eight parses per example
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
@example("- `---\n`")  # front matter "starts" on a backtick in a list item on line 0
def test_rules_by_character_give_markdown_it_tokens(text: str) -> None:
    for dialect in DIALECTS:
        _same_tokens(text, dialect)


@given(st.lists(st.sampled_from([*PIECES, "[ ] ", "- [x] a@b.co\n", "www.x.org "]), max_size=24))
def test_every_inline_token_is_stamped(pieces: list[str]) -> None:
    """Tokens made after inline parsing (linkify's, task lists', a footnote reference whose
    meta its rule replaces) are stamped too."""
    for dialect in DIALECTS:
        for token in markdown(dialect).parse("".join(pieces)):
            assert all(POS in child.meta for child in token.children or ())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_rules_by_character_give_markdown_it_tokens_on_corpus() -> None:
    paths = sorted(CORPUS.glob("*/*/**/*.md"))
    assert len(paths) > 200
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _same_tokens(text, choose_dialect(str(path), text).name)


HTML_PIECES = [
    *"<>/=\"' \n\t\r&", "<div", "</div>", "<DIV", "<sup", "<a", "</a>", "<br", "<script",
    "</script>", "<title", "<!-- c -->", " class=", " data-text=", ' v-if="x"', " @click", "x",
    "한", "&amp;", '"a b"', "'a'", " markdown=", '"1"', "/>", "\x0b", "\xa0",
]  # fmt: skip


def _fields(found: tuple[list[HtmlTag], list[HtmlText]]) -> tuple[object, ...]:
    tags, texts = found
    return (
        [(t.name, t.attrs, t.offset, t.text) for t in tags],
        [(t.text, t.offset, t.markdown, t.separate) for t in texts],
    )


TAG_NAMES = st.sampled_from(["div", "A", "sup", "br", "Script", "title", "x-y", "VueSchoolLink"])
ATTRIBUTES = st.sampled_from(
    ['class="x"', 'CLASS="Y z"', ':p="a>b"', 'v="&amp;"', 'x=""', 'id="한"', "s='q'", "bare"]
)
TAGS = st.builds(
    lambda close, name, attrs, end: f"<{close}{name}{''.join(attrs)}{end}",
    st.sampled_from(["", "/"]),
    TAG_NAMES,
    st.lists(st.tuples(st.sampled_from([" ", "\n", " \t"]), ATTRIBUTES).map("".join), max_size=3),
    st.sampled_from([">", "/>", " >", "\n/>"]),
)
WHITESPACE = st.sampled_from(["", " ", "\n", "\t", "\r", "\x0b"])
TAG_RUNS = st.lists(st.tuples(WHITESPACE, TAGS).map("".join), min_size=1, max_size=4).map("".join)


@given(st.one_of(st.lists(st.sampled_from(HTML_PIECES), max_size=16).map("".join), TAG_RUNS))
@example('</div>\n<div class="composition-api">')
@example('<sup class="vt-badge" data-text="3.4+" />')
@example("<script></div>")
def test_tags_only_fragments_read_as_html_parser_reads_them(fragment: str) -> None:
    assert _fields(scan_html(fragment)) == _fields(_parsed(fragment))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_html_fragments_of_corpus_read_as_html_parser_reads_them() -> None:
    fragments = [
        match.group(0)
        for path in sorted(CORPUS.glob("*/*/**/*.md"))
        for match in re.finditer(r"<[^<>]*>(?:\s*<[^<>]*>)*", path.read_text(encoding="utf-8"))
    ]
    assert len(fragments) > 1000
    for fragment in fragments:
        assert _fields(scan_html(fragment)) == _fields(_parsed(fragment))


def _same_marks(text: str) -> None:
    state = StateBlock(text, MarkdownIt(), {}, [])
    expected = (state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount)
    assert line_marks(text) == expected


@given(
    st.lists(st.sampled_from([" ", "\t", "\n", "a", "한", "  x", "\n\n", "\t\t- "]), max_size=20)
)
@example([])
@example(["a", "\n", " ", "\t"])
def test_line_marks_are_markdown_its(pieces: list[str]) -> None:
    _same_marks("".join(pieces))


@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_kept_line_spans_cut_the_lines_a_split_gives(text: str) -> None:
    """The line spans a parse leaves in the env (read by ``find_unclosed``) are those of the
    text, unmoved by block quotes and list items, and cut each line a block token may cover
    as splitting the text does (a text without CR, as ``parse_markdown`` hands over)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for dialect in DIALECTS:
        env: dict[str, Any] = {}
        markdown(dialect).parse(text, env)
        if not text:
            continue
        begins, ends = env[LINES]
        assert (begins, ends) == line_marks(text)[:2]
        lines = text.split("\n")
        assert [text[b:e] for b, e in zip(begins[:-1], ends[:-1], strict=True)] == lines[
            : len(begins) - 1
        ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_line_marks_are_markdown_its_on_corpus() -> None:
    for path in sorted(CORPUS.glob("*/*/**/*.md")):
        _same_marks(path.read_text(encoding="utf-8"))


@given(st.lists(st.tuples(st.sampled_from([*BLANK_PIECES, "12", "1,000", "**"]), st.booleans())))
def test_text_collapsed_once_is_prose_and_rendered_text_collapsed(pieces: list[Any]) -> None:
    """A block's text and shown text come from one collapse when it renders its prose alone."""
    items = InlineItems()
    for line, (piece, code) in enumerate(pieces, start=1):
        if code:  # a code span: rendered, not prose
            items.code_spans.append(CodeSpan(piece, line))
            items.rendered.append(piece)
        else:
            items.add_prose(piece, line)
    text, shown, numbers = items.texts_and_numbers()
    assert text == " ".join("".join(piece for piece, _ in items.prose).split())
    assert shown == " ".join("".join(items.rendered).split())
    assert numbers == find_numbers(items.prose)


UNCLOSED_PIECES = [
    "```\n", "```js\n", "~~~\n", "````\n", "$$\n", "$$", "<!--", "-->", "<div>\n", "# ", "\n",
    "\n\n", "x", "- ", "> ", "| a |\n|---|\n", "`", "\\$$", "    ",
]  # fmt: skip


@given(st.lists(st.sampled_from(UNCLOSED_PIECES), max_size=20).map("".join))
def test_walk_hands_over_every_token_that_may_leave_markup_open(text: str) -> None:
    """What is left open is found among the tokens the walk hands over as among all block
    tokens (a paragraph's text only: a heading's ``$$`` opens nothing)."""
    for dialect in DIALECTS:
        tokens = markdown(dialect).parse(text)
        every = [
            token
            for index, token in enumerate(tokens)
            if token.type != "inline" or (index and tokens[index - 1].type == "paragraph_open")
        ]
        expected = find_unclosed(every, text, line_marks(text)[:2])
        assert parse_markdown(text, "x.md", dialect=dialect).unclosed == expected
