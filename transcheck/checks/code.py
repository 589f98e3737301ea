"""Code rules (TC5xx): code blocks and inline code survive translation; only comments change.

Code blocks are paired through the block alignment of each section pair, then any left over in
order, and compared line by line after removing comments (see codediff.py). Inline code spans
are compared per section; a Korean span that differs only in curly quotes, or whose English words
were replaced by Korean ones (``435 years`` -> ``435년``), counts as kept.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections import Counter
from collections.abc import Iterator

from rapidfuzz import fuzz

from transcheck.checks.blockmatch import (
    Placed,
    SectionBlocks,
    korean_line,
    match_items,
    section_blocks,
)
from transcheck.checks.blocks import (
    absorbed_code,
    code_block,
    code_matches,
    counterpart_place,
    lone_ids,
    unfenced_code,
)
from transcheck.checks.codediff import block_changes
from transcheck.checks.grouped import by_message, said_once
from transcheck.checks.imports import export_changes, import_changes
from transcheck.checks.linkmatch import english_broken, link_matches, unquoted_code
from transcheck.checks.markup import whole_element_lines
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.checks.templatelinks import stand_ins
from transcheck.checks.untranslated import stands_apart
from transcheck.config import RULE_OPTIONS
from transcheck.counted import elsewhere, listed
from transcheck.findings import Severity, without_lines
from transcheck.hangul import has_syllable
from transcheck.lazy import compiled
from transcheck.model import Block, CodeSpan
from transcheck.records import record

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_SPAN_TOKEN = compiled(r"[A-Za-z_][A-Za-z0-9_]*|[\uac00-\ud7a3]+|\d+(?:\.\d+)?|\S")
_NUMBER_SPAN = compiled(r"[-+]?\d+(?:\.\d+)?")
RENAMED = 60  # rapidfuzz similarity above which a leftover Korean span is the English changed

RULE_OPTIONS["code"] = {"translate_strings": True}


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
    MDX `import`/`export` lines are compared by the names they bind (see `checks/imports.py`):
    a component imported from another module or bound otherwise (default, named, renamed), or
    used but no longer imported, is reported; an import that only follows a component the Korean
    adds or drops is markup-mismatch's. An export both pages declare is compared as code.
    The same change in several blocks of a page is one finding naming their lines.
    """
    strings = bool(ctx.config.option("code", "translate_strings"))
    kinds = ("code",) if strings else ("code", "strings")
    yield from _said_once(ctx, kinds)
    yield from import_changes(ctx)


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
    Good: many teams translate the UI strings of examples; this is information only. A
    placeholder of words in a command (`<the host the service is running on>`) and a plain
    YAML value (`- Product Updates`) are such text too; a YAML key is code.
    Teams that forbid it set `code.translate_strings: false` and get `code-changed` instead.
    One finding per code block, naming its further translated lines; the same change in
    several blocks is one finding naming their lines.
    """
    if bool(ctx.config.option("code", "translate_strings")):
        yield from _said_once(ctx, ("strings",))


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
    In JavaScript and the pages that hold it (Vue, Svelte, Astro), a semicolon that ends a line
    and the kind of quote are layout too: en `import A from "./a"` ↔ ko `import A from './a';`.
    One finding per page for each kind of difference (a Korean that writes every string in
    double quotes, as its formatter does, is one thing), naming the other lines; code indented
    differently says by how many columns.
    """
    yield from _said_once(ctx, ("formatting",), by_advice=True)


def _said_once(ctx: PairContext, kinds: tuple[str, ...], by_advice: bool = False) -> Iterator[Hit]:
    """The changes of these kinds, the same change in several blocks of a page (an English
    that moved every example from ``module.exports = {`` to ``export default {``) as one
    finding naming its other lines; ``by_advice``: every change that differs the same way
    (quotes, indentation), whatever its code."""
    said: dict[tuple[str, bool], list[Hit]] = {}
    for change in code_changes(ctx):
        if change.kind in kinds:
            key = change.advice if by_advice else without_lines(change.hit.message)
            said.setdefault((key, False), []).append(change.hit)
    return said_once(said)


@record
class CodeChange:
    """One changed run of lines of a code block pair: what changed (code, strings or
    formatting) and the finding it gives."""

    kind: str
    hit: Hit
    advice: str  # how it differs, as its message ends: what groups formatting per page


def code_changes(ctx: PairContext) -> list[CodeChange]:
    """Every changed run of lines of every paired code block and of every MDX export both
    pages declare, classified, once per pair."""

    def compute() -> list[CodeChange]:
        """Diff each pair of code blocks and of exports (see codediff and imports)."""
        changes = [
            change
            for match in code_matches(ctx)
            for en_block, ko_block in match.paired
            for change in block_changes(en_block, ko_block)
        ]
        return [
            CodeChange(
                change.kind,
                Hit(change.message, ctx.at_source(change.en_line), ctx.at_target(change.ko_line)),
                change.advice,
            )
            for change in [*changes, *export_changes(ctx)]
        ]

    return ctx.cached("code-changes", compute)  # type: ignore[no-any-return]


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
    Blocks alike missing on several lines of a page are one finding naming their lines; a block
    missing with the paragraph next to it is block-missing's one finding.
    """
    yield from by_message(_missing_code_blocks(ctx), korean=False)


def _missing_code_blocks(ctx: PairContext) -> Iterator[Hit]:
    """code-block-missing's findings, one per block (grouped by message per page after)."""
    unfenced = unfenced_code(ctx)
    told = absorbed_code(ctx, korean=False)  # named by block-missing with its paragraph
    for match in code_matches(ctx):
        for block in _outside_whole_elements(ctx, match.missing, korean=False):
            if id(block) in told:
                continue
            what = code_block(block)
            where = f"the Korean section {describe(match.section.target)!r}"
            paragraph = unfenced.get(id(block))
            if paragraph is not None:
                yield Hit(
                    f"{what} is a paragraph in {where}: its fences are lost or broken; fence it "
                    "as in English",
                    ctx.at_source(block.line),
                    ctx.at_target(paragraph.line),
                )
                continue
            yield Hit(
                f"{what} is missing from {where}",
                ctx.at_source(block.line),
                ctx.at_target(counterpart_place(match.section, block, korean=False)),
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
    Good: keep the code blocks of the source. A block inside an element the Korean adds whole
    (an MDX tab) is part of that element's `markup-mismatch` finding; blocks alike added on
    several lines of a page (an older page's MkDocs tabs) are one finding naming their lines; a
    block added with the paragraph next to it is block-extra's one finding.
    """
    told = absorbed_code(ctx, korean=True)  # named by block-extra with its paragraph
    hits = (
        Hit(
            f"{code_block(block)} is not in the English section {describe(match.section.source)!r}",
            ctx.at_source(counterpart_place(match.section, block, korean=True)),
            ctx.at_target(block.line),
        )
        for match in code_matches(ctx)
        for block in _outside_whole_elements(ctx, match.extra, korean=True)
        if id(block) not in told
    )
    yield from by_message(hits, korean=True)


def _outside_whole_elements(
    ctx: PairContext, blocks: tuple[Block, ...], korean: bool
) -> list[Block]:
    """The blocks that are not inside an element markup-mismatch reports as added or dropped
    whole (a Korean ``<Fragment slot="bun">`` tab with its command): one cause, one finding."""
    if not blocks:
        return []  # none left over (most sections): the elements are not looked up
    spans = whole_element_lines(ctx, korean)
    return [block for block in blocks if not any(a < block.line < b for a, b in spans)]


def _span_text(span: CodeSpan) -> str:
    """An inline code span as compared: NFKC, straight quotes, single spaces."""
    return _normalized(span.text)


@functools.lru_cache(maxsize=65_536)
def _normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def spans_equal(en: CodeSpan, ko: CodeSpan) -> bool:
    """Same code, up to curly quotes, white space, and English words turned into Korean ones."""
    if en.text == ko.text:
        return True  # written alike (most spans): normalized alike
    a, b = _span_text(en), _span_text(ko)
    return a == b or _same_code(a, b)


@functools.lru_cache(maxsize=65_536)
def _same_code(a: str, b: str) -> bool:
    """Whether two normalized spans differ only by English words turned into Korean ones
    (cached: a long block repeats the same spans, and each comparison runs a diff)."""
    en_tokens, ko_tokens = _SPAN_TOKEN().findall(a), _SPAN_TOKEN().findall(b)
    matcher = difflib.SequenceMatcher(None, en_tokens, ko_tokens, False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return all(
        tag == "replace"
        and all(t.isalpha() and t.isascii() for t in en_tokens[i1:i2])
        and all(map(has_syllable, ko_tokens[j1:j2]))
        for tag, i1, i2, j1, j2 in changes
    )


def _renamed(english: str, korean: str) -> bool:
    """Whether a Korean span left over reads as the English one changed (``callbackFn`` ->
    ``callback``, ``SyntaxError`` -> ``SYNTAX_ERR``) rather than another span of a rewritten
    sentence (``init`` and ``Promise``): they share most of their text."""
    a, b = english.casefold(), korean.casefold()
    return max(fuzz.ratio(a, b), fuzz.partial_ratio(a, b)) >= RENAMED


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
    The spans one Korean block lacks are one finding naming them.
    """
    untranslated = lone_ids(ctx, korean=False)
    broken = english_broken(ctx)  # link-missing does not ask for these: their labels are ours
    labels = stand_ins(ctx).labels | {
        (link.text.casefold(), link.line)  # a code label: link-missing asks for it with the link
        for match in link_matches(ctx)
        for link in match.missing
        if link.text and link not in broken
    }
    renames: dict[tuple[str, str], list[tuple[CodeSpan, CodeSpan]]] = {}
    for section in section_blocks(ctx):
        if not section.source.code_spans:
            continue  # no English span to miss (most sections): not matched block by block
        match = match_items(
            section,
            lambda block: block.code_spans,
            lambda block: block.code_spans,
            spans_equal,
        )
        if not match.missing:
            continue  # every English span found (most sections): nothing to report
        # Korean spans no English one nearby matched, by text: a span the Korean writes in
        # another block of the section (a table whose rows the Korean reordered) is there.
        unclaimed = Counter(k.item.text for k in match.extra)
        said: set[tuple[int, str]] = set()
        # The spans one Korean block lacks (or writes bare) are one finding: a sentence
        # translated from an older, shorter English misses all of its new spans at once.
        alike: dict[tuple[int, bool], tuple[Placed[CodeSpan], list[CodeSpan]]] = {}
        for placed in match.missing:
            span = placed.item
            if (
                id(placed.block.source) in untranslated
                or (span.text.casefold(), span.line) in labels
            ):
                continue  # block-missing reports the paragraph; the label of a link reported
            if unclaimed[span.text] > 0:
                unclaimed[span.text] -= 1
                continue  # written in another block of the Korean section
            korean = placed.block.target
            if korean is not None and _string_translated(span, korean):
                continue  # the example's string, translated as its code is (code-string-translated)
            bare = korean is not None and (
                _bare_in(span.text, korean.text)
                or any(unquoted_code(link, (span.text.strip(),)) for link in korean.links)
            )
            if (id(placed.block), span.text) in said:
                continue  # the same span again in the same block: one finding says it
            said.add((id(placed.block), span.text))
            if not bare and korean is not None and _repeated(span, korean):
                continue  # a repetition the Korean sentence did without
            if bare and _NUMBER_SPAN().fullmatch(span.text.strip()):
                continue  # a value written without backticks: the number rules compare values
            english = (
                {s.text for s in placed.block.source.code_spans} if placed.block.source else set()
            )
            near = [k for k in match.extra_in(placed.block) if k.item.text not in english]
            closest = max(near, key=lambda k: fuzz.ratio(span.text, k.item.text), default=None)
            if closest is not None and not bare and _renamed(span.text, closest.item.text):
                match.extra.remove(closest)
                renames.setdefault((span.text, closest.item.text), []).append((span, closest.item))
                continue
            alike.setdefault((id(placed.block), bare), (placed, []))[1].append(span)
        for (_, bare), (placed, spans) in alike.items():
            yield _missing_spans(ctx, section, placed, spans, bare)
    for (was, became), found in renames.items():
        yield Hit(
            f"inline code changed: English `{was}`, Korean `{became}`{_also(found)}",
            ctx.at_source(found[0][0].line),
            ctx.at_target(found[0][1].line),
        )


def _string_translated(span: CodeSpan, korean: Block) -> bool:
    """Whether an English span that is a quoted string (`'Hi, baby!'`) stands in the Korean
    block as a quoted span in Korean (`'아기야 안녕?'`): the prose names the string of an
    example whose strings the translation translated."""
    text = span.text.strip()
    if len(text) < 2 or text[0] not in "'\"`" or text[-1] != text[0]:
        return False
    return any(
        len(other) >= 2 and other[0] == other[-1] == text[0] and has_syllable(other)
        for other in (k.text.strip() for k in korean.code_spans)
    )


def _missing_spans(
    ctx: PairContext,
    section: SectionBlocks,
    placed: Placed[CodeSpan],
    spans: list[CodeSpan],
    bare: bool,
) -> Hit:
    """One finding for the spans of one English block the Korean lacks (or writes bare)."""
    names = listed([f"`{span.text}`" for span in spans])
    verb, it = ("is", "it") if len(spans) == 1 else ("are", "them")
    how = "written without backticks in" if bare else "missing from"
    line = korean_line(placed.block, section.target, spans[0].line)
    return Hit(
        f"inline code {names} {verb} {how} the Korean section {describe(section.target)!r}; "
        f"keep {it} in backticks",
        ctx.at_source(spans[0].line),
        ctx.at_target(line),
    )


def _also(found: list[tuple[CodeSpan, CodeSpan]]) -> str:
    """Where else the same rename stands: one rename through a page is one finding."""
    return elsewhere([en.line for en, _ in found[1:]])


def _bare_in(code: str, text: str) -> bool:
    """Whether ``code`` appears in prose as a token of its own (``ctrl`` in ``ctrl을``)."""
    return stands_apart(code, text, lambda char: char.isascii() and char.isalnum())


def _repeated(span: CodeSpan, korean: Block) -> bool:
    """An English span that a Korean span of the same block holds already (``v-memo`` in
    ``v-memo="[]"``): the English repeated it, the Korean said it once."""
    return any(span.text.strip() in ko.text for ko in korean.code_spans)
