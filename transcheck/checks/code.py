"""Code rules (TC5xx): code blocks and inline code survive translation; only comments change.

Code blocks are paired through the block alignment of each section pair, then any left over in
order, and compared line by line after removing comments (see codecomments.py). Inline code spans
are compared per section; a Korean span that differs only in curly quotes, or whose English words
were replaced by Korean ones (``435 years`` -> ``435년``), counts as kept.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from transcheck.checks.blockmatch import SectionBlocks, korean_line, match_items, section_blocks
from transcheck.checks.codecomments import STRING_MARK, CodeLine, code_lines, comment_syntax
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.checks.untranslated import is_prose
from transcheck.config import RULE_OPTIONS
from transcheck.findings import Severity
from transcheck.model import Block, BlockKind, CodeSpan

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_SPAN_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[\uac00-\ud7a3]+|\d+(?:\.\d+)?|\S")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NUMBER_SPAN = re.compile(r"[-+]?\d+(?:\.\d+)?")
_CODE_MARKS = re.compile(r"[(){}\[\];=<>$|]")

RULE_OPTIONS["code"] = {"translate_strings": True}


def _first_code_line(block: Block) -> int:
    """The file line of a code block's first content line: after the fence, if fenced."""
    content_lines = block.text.count("\n")
    return block.line + 1 if block.end_line - block.line + 1 > content_lines else block.line


def _lines(block: Block) -> tuple[CodeLine, ...]:
    """The code lines of a block, comments removed by its fence language."""
    return code_lines(block.text, comment_syntax(block.lang))


@dataclass(frozen=True)
class CodeMatch:
    """The code blocks of one section pair: paired ones, and those left over on each side."""

    section: SectionBlocks
    paired: tuple[tuple[Block, Block], ...]
    missing: tuple[Block, ...]
    extra: tuple[Block, ...]


def _match_code(section: SectionBlocks) -> CodeMatch:
    """Blocks the alignment paired come first; the rest are paired in order, since a code block
    that moved within its section is still the same code block."""
    paired: list[tuple[Block, Block]] = []
    left_en: list[Block] = []
    left_ko: list[Block] = []
    for pair in section.blocks:
        en = pair.source if pair.source and pair.source.kind is BlockKind.CODE else None
        ko = pair.target if pair.target and pair.target.kind is BlockKind.CODE else None
        if en is not None and ko is not None:
            paired.append((en, ko))
        elif en is not None:
            left_en.append(en)
        elif ko is not None:
            left_ko.append(ko)
    count = min(len(left_en), len(left_ko))
    paired += zip(left_en[:count], left_ko[:count], strict=True)
    return CodeMatch(section, tuple(paired), tuple(left_en[count:]), tuple(left_ko[count:]))


def code_matches(ctx: PairContext) -> list[CodeMatch]:
    """Code-block pairing of every section pair, computed once per file pair."""
    return ctx.cached(  # type: ignore[no-any-return]
        "code", lambda: [_match_code(section) for section in section_blocks(ctx)]
    )


def _show(line: CodeLine | None) -> str:
    """A code line for a message, or 'nothing'."""
    return f"`{line.text.strip()}`" if line is not None else "nothing"


@rule(
    "TC501",
    "code-changed",
    Severity.ERROR,
    example=Example(
        en="""\
            ## Example

            ```python
            x = jnp.ones((8, 128))  # activations
            y = x @ w
            ```
            """,
        ko="""\
            ## 예제

            ```python
            x = jnp.ones((8, 256))  # 활성값
            y = x @ w
            ```
            """,
    ),
)
def code_changed(ctx: PairContext) -> Iterator[Hit]:
    """A code block differs from its English source in more than its comments and strings.

    Bad:  en `x = jnp.ones((8, 128))  # activations` ↔ ko `x = jnp.ones((8, 256))  # 활성값`.
    Good: ko `x = jnp.ones((8, 128))  # 활성값` (comments may be translated, code may not).
    Comments are recognised for JavaScript/TypeScript, CSS, HTML/Vue/Svelte (`<!-- -->` and
    their `<script>`/`<style>` parts), JSON, shell, Python, Go, Rust, Java, C, YAML, SQL and
    more; a block in another language is compared line by line, comments included. Translated
    string literals and markup text are `code-string-translated`, changed white space alone is
    `code-formatting`; with `code.translate_strings: false` translated strings are reported here.
    An untyped fence that holds sentences rather than code is text and may be translated.
    """
    strings = bool(ctx.config.option("code", "translate_strings"))
    for change in code_changes(ctx):
        if change.kind == "code" or (change.kind == "strings" and not strings):
            yield change.hit


@rule(
    "TC505",
    "code-string-translated",
    Severity.INFO,
    example=Example(
        en="""\
            ```js
            console.log('the component is now mounted.')
            ```
            """,
        ko="""\
            ```js
            console.log('컴포넌트가 이제 마운트되었습니다.')
            ```
            """,
    ),
)
def code_string_translated(ctx: PairContext) -> Iterator[Hit]:
    """Only string literals or markup text of a code block are translated.

    Bad:  (for teams that keep examples as written) en `console.log('mounted')` ↔ ko
    `console.log('마운트됨')`, or en `<p>Hello</p>` ↔ ko `<p>안녕하세요</p>`.
    Good: many teams translate the UI strings of examples; this is information only.
    Teams that forbid it set `code.translate_strings: false` and get `code-changed` instead.
    """
    if bool(ctx.config.option("code", "translate_strings")):
        for change in code_changes(ctx):
            if change.kind == "strings":
                yield change.hit


@rule(
    "TC506",
    "code-formatting",
    Severity.INFO,
    example=Example(
        en="""\
            ```js
            const app = createApp({ data() { return { count: 0 } } })
            ```
            """,
        ko="""\
            ```js
            const app = createApp({
              data() { return { count: 0 } }
            })
            ```
            """,
    ),
)
def code_formatting(ctx: PairContext) -> Iterator[Hit]:
    """A code block differs from its English source only in white space and line breaks.

    Bad:  en `createApp({ data() {…} })` on one line ↔ ko the same code over three lines.
    Good: the code laid out as in English; the difference changes nothing, so this is info.
    """
    for change in code_changes(ctx):
        if change.kind == "formatting":
            yield change.hit


@dataclass(frozen=True)
class CodeChange:
    """One changed run of lines of a code block pair: what changed (code, strings or
    formatting) and the finding it gives."""

    kind: str
    hit: Hit


def code_changes(ctx: PairContext) -> list[CodeChange]:
    """Every changed run of lines of every paired code block, classified, once per pair."""

    def compute() -> list[CodeChange]:
        """Diff each pair of code blocks that differ and are not prose."""
        return [
            change
            for match in code_matches(ctx)
            for en_block, ko_block in match.paired
            if en_block.text != ko_block.text and not _prose_fence(en_block)
            for change in _diff(ctx, en_block, ko_block)
        ]

    return ctx.cached("code-changes", compute)  # type: ignore[no-any-return]


def _prose_fence(block: Block) -> bool:
    """An untyped fence holding sentences (a quotation, a citation) rather than code."""
    if block.lang:
        return False
    code_marks = len(_CODE_MARKS.findall(block.text))
    return is_prose(block.text, 5) and code_marks * 40 < len(block.text)


def _squeezed(lines: tuple[CodeLine, ...], shape: bool = False) -> str:
    """Lines joined with all white space removed (shapes: string marks too, so a translation
    that reorders words around an expression or splits a string keeps its shape)."""
    if shape:
        return "".join("".join(line.shape.split()) for line in lines).replace(STRING_MARK, "")
    return "".join("".join(line.text.split()) for line in lines)


def _runs(en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> Iterator[Run]:
    """Changed runs of lines, classified; a replaced run of as many lines on both sides is
    classified line by line, and neighbouring lines of one kind are merged again."""
    matcher = difflib.SequenceMatcher(None, [c.text for c in en], [c.text for c in ko], False)
    pending: Run | None = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        steps = [(i1, i2, j1, j2)]
        if tag == "replace" and i2 - i1 == j2 - j1:
            steps = [(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1)]
        for a1, a2, b1, b2 in steps:
            run = Run(tag, a1, a2, b1, b2, _kind(en[a1:a2], ko[b1:b2]))
            if pending and pending.kind == run.kind and (pending.i2, pending.j2) == (a1, b1):
                pending = Run(tag, pending.i1, a2, pending.j1, b2, run.kind)
                continue
            if pending:
                yield pending
            pending = run
    if pending:
        yield pending


def _kind(en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> str:
    """What differs between two runs of lines: formatting, translated strings, or code."""
    if _squeezed(en) == _squeezed(ko):
        return "formatting"
    if any(_HANGUL.search(line.text) for line in ko) and _squeezed(en, True) == _squeezed(ko, True):
        return "strings"
    return "code"


@dataclass(frozen=True)
class Run:
    """Lines ``i1:i2`` of the English code and ``j1:j2`` of the Korean, and what changed."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int
    kind: str


_ADVICE = {
    "formatting": ("code laid out differently", "only white space or line breaks differ"),
    "strings": ("code text translated", "only strings or markup text are translated"),
    "code": ("code changed", "keep the code as in English, translate only comments"),
}


def _diff(ctx: PairContext, en_block: Block, ko_block: Block) -> Iterator[CodeChange]:
    """One classified change per changed run of code lines."""
    en, ko = _lines(en_block), _lines(ko_block)
    en_first, ko_first = _first_code_line(en_block), _first_code_line(ko_block)
    for run in _runs(en, ko):
        en_line = en[run.i1] if run.i1 < run.i2 else None
        ko_line = ko[run.j1] if run.j1 < run.j2 else None
        en_at = en[min(run.i1, len(en) - 1)].offset + en_first if en else en_block.line
        ko_at = ko[min(run.j1, len(ko) - 1)].offset + ko_first if ko else ko_block.line
        more = max(run.i2 - run.i1, run.j2 - run.j1) - 1
        suffix = f" (and {more} more line{'s' if more > 1 else ''})" if more > 0 else ""
        label, advice = _ADVICE[run.kind]
        if run.kind == "code" and run.tag == "delete":
            what = f"code line {_show(en_line)} is missing from the Korean code block"
        elif run.kind == "code" and run.tag == "insert":
            what = f"Korean code line {_show(ko_line)} is not in the English code block"
        else:
            what = f"{label}: English {_show(en_line)}, Korean {_show(ko_line)}"
        yield CodeChange(
            run.kind, Hit(f"{what}{suffix}; {advice}", ctx.at_source(en_at), ctx.at_target(ko_at))
        )


@rule(
    "TC502",
    "code-block-missing",
    Severity.ERROR,
    example=Example(
        en="""\
            ## Setup

            Create the mesh:

            ```py
            mesh = jax.make_mesh((2, 2), ('X', 'Y'))
            ```
            """,
        ko="""\
            ## 설정

            메시를 만듭니다.
            """,
    ),
)
def code_block_missing(ctx: PairContext) -> Iterator[Hit]:
    """A code block of the English section has no Korean counterpart.

    Bad:  en section with a ```` ```py ```` example ↔ ko section with prose only.
    Good: the same code block in the Korean section (comments may be translated).
    """
    for match in code_matches(ctx):
        for block in match.missing:
            yield Hit(
                f"{_size(block)} {block.lang or 'code'} block is missing from the Korean section "
                f"{describe(match.section.target)!r}",
                ctx.at_source(block.line),
                ctx.at_target(match.section.target.line),
            )


@rule(
    "TC503",
    "code-block-extra",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Setup

            Install JAX.
            """,
        ko="""\
            ## 설치

            JAX를 설치합니다.

            ```sh
            pip install jax
            ```
            """,
    ),
)
def code_block_extra(ctx: PairContext) -> Iterator[Hit]:
    """The Korean section has a code block that its English section does not have.

    Bad:  ko adds a ```` ```sh ```` block absent from the English section.
    Good: keep the code blocks of the source.
    """
    for match in code_matches(ctx):
        for block in match.extra:
            yield Hit(
                f"{_size(block)} {block.lang or 'code'} block is not in the English section "
                f"{describe(match.section.source)!r}",
                ctx.at_source(match.section.source.line),
                ctx.at_target(block.line),
            )


def _size(block: Block) -> str:
    """How long a code block is, in words (messages carry no line numbers: locations do, and
    baselines must not change when lines shift)."""
    count = len(block.text.splitlines())
    return f"a {count}-line" if count != 1 else "a one-line"


def _span_text(span: CodeSpan) -> str:
    """An inline code span as compared: NFKC, straight quotes, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", span.text).translate(_QUOTES).split())


def spans_equal(en: CodeSpan, ko: CodeSpan) -> bool:
    """Same code, up to curly quotes, white space, and English words turned into Korean ones."""
    a, b = _span_text(en), _span_text(ko)
    if a == b:
        return True
    en_tokens, ko_tokens = _SPAN_TOKEN.findall(a), _SPAN_TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, en_tokens, ko_tokens, False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return all(
        tag == "replace"
        and all(t.isalpha() and t.isascii() for t in en_tokens[i1:i2])
        and all(_HANGUL.search(t) for t in ko_tokens[j1:j2])
        for tag, i1, i2, j1, j2 in changes
    )


@rule(
    "TC504",
    "inline-code-missing",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Sharding

            First call `jax.device_put` on the array.
            """,
        ko="""\
            ## 샤딩

            먼저 배열에 jax.device_put을 호출합니다.
            """,
    ),
)
def inline_code_missing(ctx: PairContext) -> Iterator[Hit]:
    """An inline code span of the English section is absent from the aligned Korean section.

    Bad:  en ``First call `jax.device_put` on the array.`` ↔ ko ``먼저 배열에 jax.device_put을
          호출합니다.``
    Good: ko ``먼저 배열에 `jax.device_put`을 호출합니다.`` (the span kept, in backticks).
    """
    for section in section_blocks(ctx):
        match = match_items(
            section.blocks,
            lambda block: block.code_spans,
            lambda block: block.code_spans,
            spans_equal,
        )
        said: set[tuple[int, str]] = set()
        for placed in match.missing:
            span = placed.item
            korean = placed.block.target
            bare = korean is not None and _bare_in(span.text, korean.text)
            if (id(placed.block), span.text) in said:
                continue  # the same span again in the same block: one finding says it
            said.add((id(placed.block), span.text))
            if not bare and korean is not None and _repeated(span, korean):
                continue  # a repetition the Korean sentence did without
            if bare and _NUMBER_SPAN.fullmatch(span.text.strip()):
                continue  # a value written without backticks: the number rules compare values
            english = (
                {s.text for s in placed.block.source.code_spans} if placed.block.source else set()
            )
            near = [k for k in match.extra_in(placed.block) if k.item.text not in english]
            if near and not bare:
                closest = max(near, key=lambda k: fuzz.ratio(span.text, k.item.text))
                ko = closest.item
                match.extra.remove(closest)
                message = f"inline code changed: English `{span.text}`, Korean `{ko.text}`"
                line = ko.line
            else:
                how = "is written without backticks in" if bare else "is missing from"
                message = (
                    f"inline code `{span.text}` {how} the Korean section "
                    f"{describe(section.target)!r}; keep it in backticks"
                )
                line = korean_line(placed.block, section.target, span.line)
            yield Hit(message, ctx.at_source(span.line), ctx.at_target(line))


def _bare_in(code: str, text: str) -> bool:
    """Whether ``code`` appears in prose as a token of its own (``ctrl`` in ``ctrl을``)."""
    at = text.find(code)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(code)] if at + len(code) < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (
            after.isascii() and after.isalnum()
        ):
            return True
        at = text.find(code, at + 1)
    return False


def _repeated(span: CodeSpan, korean: Block) -> bool:
    """An English span that a Korean span of the same block holds already (``v-memo`` in
    ``v-memo="[]"``): the English repeated it, the Korean said it once."""
    return any(span.text.strip() in ko.text for ko in korean.code_spans)
