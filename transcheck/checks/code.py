"""Code rules (TC5xx): code blocks and inline code survive translation; only comments change.

Code blocks are paired through the block alignment of each section pair, then any left over in
order, and compared line by line after removing comments (see codecomments.py). Inline code spans
are compared per section; a Korean span that differs only in curly quotes, or whose English words
were replaced by Korean ones (``435 years`` -> ``435년``), counts as kept.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from transcheck.checks.blockmatch import SectionBlocks, korean_line, match_items, section_blocks
from transcheck.checks.codecomments import CodeLine, code_lines, comment_syntax
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.model import Block, BlockKind, CodeSpan

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_SPAN_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[\uac00-\ud7a3]+|\d+(?:\.\d+)?|\S")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _first_code_line(block: Block) -> int:
    """The file line of a code block's first content line: after the fence, if fenced (an
    indented block at the end of a file may lack its last line break)."""
    text = block.text
    content_lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
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
    """A code block differs from its English source in more than its comments.

    Bad:  en `x = jnp.ones((8, 128))  # activations` ↔ ko `x = jnp.ones((8, 256))  # 활성값`.
    Good: ko `x = jnp.ones((8, 128))  # 활성값` (comments may be translated, code may not).
    Comments are recognised for Python, shell, YAML, C/C++/CUDA, JavaScript/TypeScript and more;
    a block in another language is compared line by line, comments included.
    """
    for match in code_matches(ctx):
        for en_block, ko_block in match.paired:
            yield from _diff_hits(ctx, en_block, ko_block)


def _diff_hits(ctx: PairContext, en_block: Block, ko_block: Block) -> Iterator[Hit]:
    """One hit per changed run of code lines."""
    en, ko = _lines(en_block), _lines(ko_block)
    en_first, ko_first = _first_code_line(en_block), _first_code_line(ko_block)
    matcher = difflib.SequenceMatcher(None, [c.text for c in en], [c.text for c in ko], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        en_line = en[i1] if i1 < i2 else None
        ko_line = ko[j1] if j1 < j2 else None
        en_at = en[min(i1, len(en) - 1)].offset + en_first if en else en_block.line
        ko_at = ko[min(j1, len(ko) - 1)].offset + ko_first if ko else ko_block.line
        if tag == "delete":
            what = f"code line {_show(en_line)} is missing from the Korean code block"
        elif tag == "insert":
            what = f"Korean code line {_show(ko_line)} is not in the English code block"
        else:
            what = f"code changed: English {_show(en_line)}, Korean {_show(ko_line)}"
        more = max(i2 - i1, j2 - j1) - 1
        suffix = f" (and {more} more line{'s' if more > 1 else ''})" if more > 0 else ""
        yield Hit(
            f"{what}{suffix}; keep the code as in English, translate only comments",
            ctx.at_source(en_at),
            ctx.at_target(ko_at),
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
    return _normalized(span.text)


@functools.lru_cache(maxsize=65_536)
def _normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def spans_equal(en: CodeSpan, ko: CodeSpan) -> bool:
    """Same code, up to curly quotes, white space, and English words turned into Korean ones."""
    a, b = _span_text(en), _span_text(ko)
    return a == b or _same_code(a, b)


@functools.lru_cache(maxsize=65_536)
def _same_code(a: str, b: str) -> bool:
    """Whether two normalized spans differ only by English words turned into Korean ones
    (cached: a long block repeats the same spans, and each comparison runs a diff)."""
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
        for placed in match.missing:
            span = placed.item
            near = match.extra_in(placed.block)
            if near:
                closest = max(near, key=lambda k: fuzz.ratio(span.text, k.item.text))
                ko = closest.item
                match.extra.remove(closest)
                message = f"inline code changed: English `{span.text}`, Korean `{ko.text}`"
                line = ko.line
            else:
                message = (
                    f"inline code `{span.text}` is missing from the Korean section "
                    f"{describe(section.target)!r}; keep it in backticks"
                )
                line = korean_line(placed.block, section.target, span.line)
            yield Hit(message, ctx.at_source(span.line), ctx.at_target(line))
