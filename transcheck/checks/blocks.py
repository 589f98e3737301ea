"""Block rules (TC107-TC110): paragraphs, list items and table rows present on one side only,
and lists and tables whose length or shape differs between languages.

They read the block alignment of each aligned section pair (``align.blocks``): a merge or split
of two paragraphs is a pairing, not a missing block. Code blocks, formulas and tags that go
missing are reported by their own rules (code-block-missing, math-changed, markup-mismatch,
image-mismatch), so these rules count prose blocks only. A list or table whose length differs is
reported once, by list-length-mismatch or table-shape-mismatch, naming the items or rows that have
no counterpart; block-missing and block-extra leave its items to those rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from operator import attrgetter

from transcheck.align.blocks import BlockPair, note_box, translator_note
from transcheck.checks.blockmatch import SectionBlocks, section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import demoted_headings, describe
from transcheck.checks.untranslated import originals_kept
from transcheck.counted import listed, plural
from transcheck.findings import Severity
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Section
from transcheck.records import record

COUNTED = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_ROW})
_NAMES = {
    BlockKind.PARAGRAPH: ("paragraph", "paragraphs"),
    BlockKind.LIST_ITEM: ("list item", "list items"),
    BlockKind.TABLE_ROW: ("table row", "table rows"),
}


def block_name(block: Block) -> str:
    """``paragraph``, ``list item``, ``table row`` or the kind's own name."""
    return _NAMES.get(block.kind, (block.kind.value, ""))[0]


def first_words(block: Block, words: int = 8) -> str:
    """The start of a block as a reader sees it, quoted: ``'Sharding splits an array…'``; a
    block of template calls and a word or two is named by its first call and those words
    (``'{{jsxref("Array")}}'``, ``'{{HTMLElement("sub")}} and…'``)."""
    calls = [tag for tag in block.markup if tag.kind == "template" and tag.attrs]
    parts = (block.shown or block.text).split()
    if calls and len(parts) < _FEW_WORDS:  # mostly calls: 'and' alone names nothing
        call = f'{{{{{calls[0].name}("{calls[0].attrs[0][1]}")}}}}'
        return repr(" ".join([call, *parts]) + ("…" if len(calls) > 1 else ""))
    shown = " ".join(parts[:words]) + ("…" if len(parts) > words else "")
    return repr(shown)


_FEW_WORDS = 3  # a block of template calls with fewer words of its own is named by its call


def _lines(blocks: Sequence[Block]) -> str:
    """``line 7`` or ``lines 7-12`` over a run of blocks."""
    first, last = blocks[0].line, max(b.end_line for b in blocks)
    return f"line {first}" if first == last else f"lines {first}-{last}"


# A paragraph that is one bracketed word, a marker the site's build reads (javascript.info's
# [cut] ends an article's preview, VitePress' [[toc]] is its table of contents): no prose.
_MARKER = compiled(r"\[\[?[A-Za-z][\w-]*\]\]?")


def _what(blocks: Sequence[Block]) -> str:
    """``paragraph``, ``3 list items`` or ``2 blocks`` for a run of blocks."""
    kinds = {b.kind for b in blocks}
    if len(kinds) == 1:
        one, many = _NAMES[blocks[0].kind]
        return one if len(blocks) == 1 else f"{len(blocks)} {many}"
    return f"{len(blocks)} blocks"


@record
class Container:
    """A list or table of one side: its first line, items (list) or rows (table), its blocks."""

    line: int
    blocks: tuple[Block, ...]

    @property
    def is_table(self) -> bool:
        """Whether it is a table (its blocks are rows)."""
        return self.blocks[0].kind is BlockKind.TABLE_ROW

    @property
    def length(self) -> int:
        """Rows of a table, items of a list."""
        if self.is_table:
            return sum(1 for b in self.blocks if b.kind is BlockKind.TABLE_ROW)
        return len({b.item for b in self.blocks})

    @property
    def columns(self) -> int:
        """Cells of a table's first row (0 for a list)."""
        return len(self.blocks[0].cells) if self.is_table else 0

    @property
    def span(self) -> str:
        """``lines 5-9`` of the list or table."""
        return _lines(self.blocks)


def _containers(blocks: Sequence[Block]) -> dict[int, Container]:
    """Lists and tables by their first line, each with its direct blocks."""
    members: dict[int, list[Block]] = {}
    for block in blocks:
        if block.group:
            members.setdefault(block.group, []).append(block)
    return {line: Container(line, tuple(found)) for line, found in members.items()}


def in_containers(section: SectionBlocks) -> bool:
    """Whether both sides of a section pair hold a block of a list or table (read at C
    speed): only then can a container pair."""
    return any(map(_GROUP, section.source.blocks)) and any(map(_GROUP, section.target.blocks))


_GROUP, _KIND = attrgetter("group"), attrgetter("kind")


@record
class ContainerPair:
    """An English list or table, its Korean counterpart, and the block pairs inside them."""

    source: Container
    target: Container
    section: SectionBlocks
    pieces: tuple[int, ...] = ()  # first lines of every Korean list its items went to, in order


def container_pairs(ctx: PairContext) -> list[ContainerPair]:
    """Each English list or table with the Korean one most of its paired blocks went to."""

    def compute() -> list[ContainerPair]:
        """Pair containers through the block pairs of every section."""
        found = []
        for section in section_blocks(ctx):
            if not in_containers(section):
                continue  # no list or table on one side (most sections): nothing to pair
            english = _containers(section.source.blocks)
            korean = _containers(section.target.blocks)
            votes: dict[int, Counter[int]] = {}
            for pair in section.blocks:
                en, ko = pair.source, pair.target
                if en is not None and ko is not None and en.group and ko.group:
                    votes.setdefault(en.group, Counter())[ko.group] += 1
            pairs = []
            for line, counter in votes.items():
                ko_line = counter.most_common(1)[0][0]
                source, target = english[line], korean[ko_line]
                if source.is_table == target.is_table:
                    pieces = tuple(sorted(counter))
                    pairs.append(ContainerPair(source, target, section, pieces))
            found += _unjoined(pairs)
        return found

    return ctx.cached("containers", compute)  # type: ignore[no-any-return]


def _unjoined(pairs: list[ContainerPair]) -> list[ContainerPair]:
    """The container pairs of a section less the pieces of an English list that one Korean
    list joins (an HTML comment or a stray blank line between its items ends it in English)
    and whose items all have their translation there: they read as one list, so their lengths
    are not compared piece by piece; a piece with an item missing is still compared, and an
    item the Korean adds is block-extra's."""
    into: dict[int, list[ContainerPair]] = {}  # by the Korean list's line
    for pair in pairs:
        if not pair.source.is_table and len(pair.pieces) == 1:  # all in its Korean list
            into.setdefault(pair.target.line, []).append(pair)
    joined = {
        id(pair)
        for group in into.values()
        if len(group) > 1
        for pair in group
        if not _unpaired(pair, korean=False)
    }
    return [pair for pair in pairs if id(pair) not in joined] if joined else pairs


def _reshaped(ctx: PairContext) -> frozenset[int]:
    """Block ids of lists and tables whose length differs, and of lists written as Korean
    paragraphs: their rules report their items. Once per pair: the lone runs and blocks of both
    sides and block-extra read it."""

    def compute() -> frozenset[int]:
        ids: set[int] = set()
        for pair in container_pairs(ctx):
            if pair.source.length != pair.target.length:
                ids.update(id(b) for b in (*pair.source.blocks, *pair.target.blocks))
        for english, korean in _unlisted(ctx):
            ids.update(id(b) for b in (*english.blocks, *korean))
        return frozenset(ids)

    return ctx.cached("reshaped", compute)  # type: ignore[no-any-return]


def lone_blocks(ctx: PairContext, korean: bool) -> list[Block]:
    """The blocks a rule reports whole: block-missing (English) or block-extra (Korean; a
    heading that lost its marks or code that lost its fences is named by section-missing or
    code-block-missing instead), and the items and rows of one side alone that
    list-length-mismatch and table-shape-mismatch name. What is inside them (links, inline
    code, numbers) is theirs, not reported again. So are a Korean translator's notes, which
    the block alignment leaves out: their links and numbers are the translator's own."""

    def compute() -> list[Block]:
        skip = _reshaped(ctx)
        found: list[Block | None] = []
        for section, runs in lone_runs(ctx, korean):
            pairs = section.blocks
            if korean:
                found += [block for block in section.target.blocks if translator_note(block)]
            for start, end in runs:
                found += [p.sides(korean)[0] for p in pairs[start:end]]
            if not skip:  # no list or table reshaped (most pairs): no block of one to add
                continue
            for pair in pairs:
                block, other = pair.sides(korean)
                if block is not None and other is None and id(block) in skip:
                    found.append(block)
        return [block for block in found if block is not None]

    return ctx.cached(f"lone-blocks-{korean}", compute)  # type: ignore[no-any-return]


def lone_runs(ctx: PairContext, korean: bool) -> list[tuple[SectionBlocks, list[tuple[int, int]]]]:
    """Every section pair with its runs of pairs holding a counted block of one side alone (see
    _runs; the blocks of reshaped lists and tables skipped), once per pair and side: the lone
    blocks, the elements dropped or added whole and block-missing read the same runs."""

    def compute() -> list[tuple[SectionBlocks, list[tuple[int, int]]]]:
        skip = _reshaped(ctx)
        return [
            (section, list(_runs(section.blocks, korean, skip))) for section in section_blocks(ctx)
        ]

    return ctx.cached(f"lone-runs-{korean}", compute)  # type: ignore[no-any-return]


def lone_ids(ctx: PairContext, korean: bool) -> frozenset[int]:
    """The ids of ``lone_blocks``: what the item rules (inline code, numbers, markup) skip, since
    a paragraph with no counterpart is one block-missing or block-extra finding, not one per
    item inside it."""
    return frozenset(id(block) for block in lone_blocks(ctx, korean))


UNFENCED_SHARE = 0.6  # how much of a Korean paragraph an English code block's text must be


def unfenced_code(ctx: PairContext) -> dict[int, Block]:
    """English code blocks the Korean section holds as a paragraph (its fences lost or broken:
    ``1`bash`` … ``1```): id of the English block -> the Korean paragraph, one that translates
    nothing or only joins a paragraph's translation, and is mostly that code. Sections whose
    Korean has a code block left unpaired are not searched: that block is the counterpart."""

    def compute() -> dict[int, Block]:
        found: dict[int, Block] = {}
        for section in section_blocks(ctx):
            pairs = section.blocks
            if any(p.source is None and is_code(p.target) for p in pairs):
                continue
            loose = [
                p.target
                for p in pairs
                if p.target is not None
                and p.target.kind is BlockKind.PARAGRAPH
                and (p.source is None or p.joined)
            ]
            missing = [p.source for p in pairs if p.target is None and p.source is not None]
            for english in (block for block in missing if is_code(block) and loose):
                code = "".join(english.text.split())
                for block in loose:
                    shown = "".join(block.shown.split())
                    if len(code) >= UNFENCED_SHARE * len(shown) and code in shown:
                        found[id(english)] = block
                        loose.remove(block)
                        break
        return found

    return ctx.cached("unfenced-code", compute)  # type: ignore[no-any-return]


def is_code(block: Block | None) -> bool:
    """A code block; MDX ``import``/``export`` lines are compared by ``imports`` instead."""
    return block is not None and block.kind is BlockKind.CODE and not block.esm


@record
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
        en = pair.source if is_code(pair.source) else None
        ko = pair.target if is_code(pair.target) else None
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


def code_block(block: Block) -> str:
    """A code block as messages name it, by its length in words and its language: ``a 4-line js
    block`` (messages carry no line numbers: locations do, and baselines must not change when
    lines shift)."""
    count = len(block.text.splitlines())
    size = f"a {count}-line" if count != 1 else "a one-line"
    return f"{size} {block.lang or 'code'} block"


def _with_code(
    pairs: Sequence[BlockPair],
    run: tuple[int, int],
    left: frozenset[int],
    korean: bool,
    floor: int,
) -> tuple[int, int]:
    """A run of prose blocks of one side widened over the code blocks of that side right before
    and after it in the file (a blank line apart) that have no counterpart (``left``), none
    before ``floor`` (the end of the run before, which took them): a paragraph and the example
    it introduces, lost or added together, are one thing to translate or remove."""
    start, end = run

    def lone(index: int) -> Block | None:
        block, other = pairs[index].sides(korean)
        return block if block is not None and other is None and id(block) in left else None

    while start > floor and (code := lone(start - 1)) is not None:
        first = pairs[start].sides(korean)[0]
        if first is None or first.line - code.end_line > _APART:
            break
        start -= 1
    while end < len(pairs) and (code := lone(end)) is not None:
        last = pairs[end - 1].sides(korean)[0]
        if last is None or code.line - last.end_line > _APART:
            break
        end += 1
    return start, end


_APART = 2  # lines from one block's last to the next one's first across one blank line


_Chunk = tuple[int, int, "tuple[Block, Block | None] | None"]  # start, end, wrapper


def lone_chunks(ctx: PairContext, korean: bool) -> list[tuple[SectionBlocks, list[_Chunk]]]:
    """block-missing's (block-extra's) runs with their wrapping element, each widened over the
    code blocks of its side next to it that the code pairing leaves over (one finding for the
    paragraph and its example; code-block-missing and -extra leave those blocks alone)."""

    def compute() -> list[tuple[SectionBlocks, list[_Chunk]]]:
        unfenced = set(unfenced_code(ctx)) if not korean else set()
        found = []
        for (section, runs), match in zip(_prose_runs(ctx, korean), code_matches(ctx), strict=True):
            left = frozenset(
                id(block)
                for block in (match.extra if korean else match.missing)
                if id(block) not in unfenced
            )
            chunks: list[_Chunk] = []
            floor = 0
            for start, end in runs:
                wrapper = _wrapper(section.blocks, start, end, korean)
                if wrapper is None and left:
                    start, end = _with_code(section.blocks, (start, end), left, korean, floor)
                chunks.append((start, end, wrapper))
                floor = end
            found.append((section, chunks))
        return found

    return ctx.cached(f"lone-chunks-{korean}", compute)  # type: ignore[no-any-return]


def absorbed_code(ctx: PairContext, korean: bool) -> frozenset[int]:
    """Ids of the code blocks ``lone_chunks`` names with the prose next to them."""

    def compute() -> frozenset[int]:
        return frozenset(
            id(block)
            for section, chunks in lone_chunks(ctx, korean)
            for start, end, _ in chunks
            for block in (p.sides(korean)[0] for p in section.blocks[start:end])
            if is_code(block)
        )

    return ctx.cached(f"absorbed-code-{korean}", compute)  # type: ignore[no-any-return]


def _prose_runs(
    ctx: PairContext, korean: bool
) -> list[tuple[SectionBlocks, list[tuple[int, int]]]]:
    """The runs block-missing (``lone_runs``) or block-extra reports, per section pair."""
    if not korean:
        return lone_runs(ctx, korean=False)
    skip = {*_reshaped(ctx), *(id(block) for block in demoted_headings(ctx).values())}
    skip |= {id(block) for block in unfenced_code(ctx).values()}
    skip |= {id(block) for block in originals_kept(ctx).values()}  # untranslated's to say
    return [
        (section, list(_runs(section.blocks, korean=True, skip=skip)))
        for section in section_blocks(ctx)
    ]


def _named(run: Sequence[Block]) -> str:
    """A chunk as a message names it: ``paragraph 'x…' and a one-line bash block (lines
    61-64)``, prose first, then the code blocks it holds."""
    prose = [block for block in run if not is_code(block)]
    code = [block for block in run if is_code(block)]
    also = ""
    if len(code) == 1:
        also = f" and {code_block(code[0])}"
    elif code:
        also = f" and {len(code)} code blocks"
    return f"{_what(prose)} {first_words(prose[0])}{also} ({_lines(run)})"


def _only_images(block: Block) -> bool:
    """A paragraph that is nothing but images (its text is their alt text): image-mismatch
    reports it when it goes missing."""
    return (
        bool(block.links)
        and all(link.kind.is_image for link in block.links)
        and not (block.shown.strip())
    )


def _runs(
    pairs: Sequence[BlockPair], korean: bool, skip: Collection[int]
) -> Iterator[tuple[int, int]]:
    """Start and end (exclusive) of each run of pairs holding a counted block of one side alone."""
    if None not in map(_SOURCE if korean else _TARGET, pairs):
        return  # every block has a counterpart (most sections): told at C speed, no pair read
    start = None
    for index, pair in enumerate((*pairs, BlockPair(None, None, 0.0))):
        block, other = pair.sides(korean)
        alone = (
            block is not None
            and other is None
            and block.kind in COUNTED
            and bool(block.text)
            and not _only_images(block)
            and not _lead_in(block)
            and id(block) not in skip
        )
        if alone and start is None:
            start = index
        elif not alone and start is not None:
            yield start, index
            start = None


_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")
_LEAD_IN_WORDS = 3


def _lead_in(block: Block) -> bool:
    """A paragraph of a few words and a colon (``예:``, ``For example:``): it introduces the
    block after it, which the other language may announce at the end of the sentence before
    (``… For example,`` over a Korean ``예:`` of its own); no text to add or to sync."""
    text = block.text.rstrip()
    return (
        block.kind is BlockKind.PARAGRAPH
        and text[-1:] in (":", "：")
        and len(text.split()) <= _LEAD_IN_WORDS
    )


def _wrapper(
    pairs: Sequence[BlockPair], start: int, end: int, korean: bool
) -> tuple[Block, Block | None] | None:
    """The tags around a run of blocks one side alone has, when that side alone has them too:
    a component's or a shortcode's opening and closing tags (``<Note>`` … ``</Note>``,
    ``{{< note >}}`` … ``{{< /note >}}``) or an admonition's line
    (``:::note[Title]``, ``/// note``; its end is not a block). The element was dropped (or
    added) whole with its text."""

    def alone(at: int) -> Block | None:
        if not 0 <= at < len(pairs):
            return None
        pair = pairs[at]
        block, other = pair.sides(korean)
        return block if other is None else None

    before = alone(start - 1)
    if before is None or before.kind not in (BlockKind.COMPONENT, BlockKind.SHORTCODE):
        return None
    if len(before.markup) == 1 and before.markup[0].kind == "admonition":
        return before, None
    after = alone(end)
    if after is None or after.kind is not before.kind:
        return None
    kind = "shortcode" if before.kind is BlockKind.SHORTCODE else "jsx"
    opening = [tag.name for tag in before.markup if tag.kind == kind]
    closing = [tag.name for tag in after.markup if tag.kind == kind]
    if len(opening) == len(closing) == 1 and closing[0] == f"/{opening[0]}":
        return before, after
    return None


def _wrapped(wrapper: tuple[Block, Block | None], run: Sequence[Block]) -> str:
    """An element dropped or added whole as a message names it, with what it holds:
    ``<Note> element (lines 4-9) with its paragraph 'Each chip…'``, ``:::note (line 62) with its
    paragraph 'x…' (line 64)``."""
    opening, closing = wrapper
    if closing is None:
        return f"{_admonition(opening)} with its {_what(run)} {first_words(run[0])} ({_lines(run)})"
    name, (start, end) = opening.markup[0].name, opening.markup[0].braces
    shown = (
        f"{start} {name} {end}…{start} /{name} {end}"
        if opening.kind is BlockKind.SHORTCODE
        else f"<{name}>"
    )
    return (
        f"{shown} element (lines {opening.line}-{closing.end_line})"
        f" with its {_what(run)} {first_words(run[0])}"
    )


def dropped_elements(ctx: PairContext, korean: bool = False) -> set[int]:
    """Ids of the tag blocks of elements dropped (``korean``: added) whole with the blocks they
    hold, and of admonition lines dropped or added with their text: block-missing (block-extra)
    reports the element, markup-mismatch leaves its tags alone."""

    def compute() -> set[int]:
        found: set[int] = set()
        for section, runs in lone_runs(ctx, korean):
            for start, end in runs:
                wrapper = _wrapper(section.blocks, start, end, korean)
                found.update(id(block) for block in wrapper or () if block is not None)
        return found

    return ctx.cached(f"dropped-elements-{korean}", compute)  # type: ignore[no-any-return]


def _neighbour(pairs: Sequence[BlockPair], end: int, korean: bool) -> Block | None:
    """The first block of the other language after a run: where the run belongs there (not a
    block a pair before the run holds already, which a joined pair repeats)."""
    for pair in pairs[end:]:
        block = pair.sides(korean)[1]
        if block is not None and not pair.joined:
            return block
    return None


def counterpart_place(section: SectionBlocks, block: Block, korean: bool) -> int:
    """Where a block with no counterpart belongs on the other side (``korean``: the block is
    Korean): the line of the other language's first block after it, before which it goes, else
    the end of the other side's section."""
    pairs = section.blocks
    at = next((i for i, pair in enumerate(pairs) if pair.sides(korean)[0] is block), len(pairs))
    after = _neighbour(pairs, at + 1, korean)
    return (
        after.line
        if after is not None
        else _last_line(section.source if korean else section.target)
    )


@rule(
    "TC107",
    "block-missing",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Memory

            Each chip has 16 GB of HBM.

            The bandwidth is 8.2e11 bytes per second, shared by 2 cores.

            A matmul of 4096 by 4096 fits easily.
            """,
        ko="""\
            ## 메모리

            각 칩은 16 GB의 HBM을 가집니다.

            4096 x 4096 행렬 곱은 쉽게 들어갑니다.
            """,
    ),
)
def block_missing(ctx: PairContext) -> Iterator[Hit]:
    """A paragraph, list item or table row of an English section has no Korean counterpart.

    Bad:  en `## Memory` has three paragraphs ↔ ko `## 메모리` translates the first and third.
    Good: ko translates all three (a paragraph split in two or two merged into one is fine).
    The Korean line given is where the translation belongs: before the next translated block.
    A component, shortcode or admonition dropped whole with what it holds (`<Note>` …
    `</Note>`, ``{{< note >}}`` … ``{{< /note >}}``) is one finding here, and so are paragraphs
    with the code blocks next to them that are missing too (an example and its introduction).
    Other code blocks, formulas and tags have their own rules (code-block-missing,
    math-changed, markup-mismatch); items of a list that got shorter are reported by
    list-length-mismatch.
    """
    if ctx.target.is_empty:
        return
    for section, chunks in lone_chunks(ctx, korean=False):
        pairs = section.blocks
        for start, end, wrapper in chunks:
            run = [p.source for p in pairs[start:end] if p.source is not None]
            after = _neighbour(pairs, end + (wrapper is not None and wrapper[1] is not None), False)
            if after is not None:
                line, place = after.line, f"before Korean line {after.line}"
            else:
                line = _last_line(section.target)
                place = f"at the end of the Korean section {describe(section.target)!r}"
            what = _named(run)
            verb = "has" if len(run) == 1 or wrapper is not None else "have"
            do = "translate"
            if wrapper is not None:
                what = _wrapped(wrapper, run)
            elif all(_MARKER().fullmatch(block.text) and not is_code(block) for block in run):
                markers = listed([repr(block.text) for block in run])
                what = f"{'marker' if len(run) == 1 else 'markers'} {markers} ({_lines(run)})"
                do = "copy"
            yield Hit(
                f"English {what} {verb} no Korean counterpart: {do} "
                f"{'it' if verb == 'has' else 'them'} and insert {place}",
                ctx.at_source((wrapper[0] if wrapper else run[0]).line),
                ctx.at_target(line),
            )


@rule(
    "TC108",
    "block-extra",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Sharding

            Sharding splits an array across 8 chips.
            """,
        ko="""\
            ## 샤딩

            샤딩은 배열을 8개의 칩에 나눕니다.

            샤딩은 1990년대 데이터베이스에서 처음 쓰였습니다.
            """,
    ),
)
def block_extra(ctx: PairContext) -> Iterator[Hit]:
    """A paragraph, list item or table row of a Korean section has no English source.

    Bad:  ko `## 샤딩` has a paragraph that `## Sharding` does not say.
    Good: remove it, or, for a translator's note, mark it as one: a paragraph, list item or box
    title led by 역주, 역자 주, 옮긴이 주, 번역 주 (or "Translator's note") is the translator's
    own words, and neither it nor its links and numbers are reported; so is a notice about the
    page's translation ("이 문서는 커뮤니티에서 번역했습니다", "이 절은 번역 검토 중입니다").
    The English line given is where the Korean block stands: before the next English block.
    A component, shortcode or admonition added whole with what it holds (`<Aside>` …
    `</Aside>`, ``{{< note >}}`` … ``{{< /note >}}``) is one finding here, and so are
    paragraphs with the code blocks next to them that the English lacks too.
    """
    for section, chunks in lone_chunks(ctx, korean=True):
        pairs = section.blocks
        for start, end, wrapper in chunks:
            if wrapper is not None and note_box(wrapper[0]):
                continue  # a box of the translator's own, titled so
            run = [p.target for p in pairs[start:end] if p.target is not None]
            after = _neighbour(pairs, end, korean=True)
            line = after.line if after is not None else _last_line(section.source)
            what = _named(run)
            one = len(run) == 1 or wrapper is not None
            if wrapper is not None:
                what = _wrapped(wrapper, run)
            yield Hit(
                f"Korean {what} {'translates' if one else 'translate'} nothing in the English "
                f"section {describe(section.source)!r}: remove {'it' if one else 'them'}"
                " or check whether the English lost it",
                ctx.at_source(line),
                ctx.at_target((wrapper[0] if wrapper else run[0]).line),
            )


# How a box opens, by its markup's name: MkDocs' `/// note`, a box fence's ```` ```smart ````,
# else a `:::note` container (markup-mismatch shows the tag the same way).
ADMONITION_MARKS = {"block": "/// ", "fence": "```"}


def _admonition(head: Block) -> str:
    """An admonition line as a message names it: ``:::note (line 62)``, ``/// note (line
    62)`` for an MkDocs box (``!!! note``, ``/// note``), ``` ```smart (line 62) ``` for a box
    fence."""
    tag = head.markup[0]
    kind = tag.attr("type") or "note"
    return f"{ADMONITION_MARKS.get(tag.name, ':::')}{kind} (line {head.line})"


def _last_line(section: Section) -> int:
    """The last line of a section's blocks; its heading's line when it has none (a Korean
    translator's note before the first heading faces an English preamble with no blocks)."""
    return max((b.end_line for b in section.blocks), default=section.line)


def _unpaired(pair: ContainerPair, korean: bool) -> list[Block]:
    """The items' first blocks or rows of one side of a container pair that have no
    counterpart."""
    inside = {id(b) for b in (pair.target.blocks if korean else pair.source.blocks)}
    found = []
    for block_pair in pair.section.blocks:
        block = block_pair.target if korean else block_pair.source
        other = block_pair.source if korean else block_pair.target
        if block is not None and other is None and id(block) in inside:
            found.append(block)
    return found


def _differences(pair: ContainerPair, unit: str) -> str:
    """What differs, item by item: the English ones with no Korean and the Korean ones with no
    English, or a hint when items were merged or split."""
    parts = []
    for block in _unpaired(pair, korean=False):
        parts.append(f"English {unit} {first_words(block, 6)} (line {block.line}) has none")
    for block in _unpaired(pair, korean=True):
        parts.append(f"Korean {unit} {first_words(block, 6)} (line {block.line}) has no source")
    if not parts:
        parts = [_joined_items(one, many, unit, korean) for one, many, korean in _joins(pair)]
    if not parts:
        strays = _strays(pair)
        parts = [_outside(blocks, other, unit, korean) for blocks, other, korean in strays[:2]]
        if len(strays) > 2:
            parts.append(f"and {len(strays) - 2} more such")
    if not parts:
        return f"{unit}s were merged or split: keep one Korean {unit} per English {unit}"
    return "; ".join(parts)


def _strays(pair: ContainerPair) -> list[tuple[list[Block], Block, bool]]:
    """Items of one side's list or table that the alignment paired with a block of the other
    side outside its list or table (an older Korean summary lists as items what the English
    now says in the paragraph after its list): (the items, that block, whether they are
    Korean), in order."""
    inside = {id(b) for b in (*pair.source.blocks, *pair.target.blocks)}
    found: list[tuple[list[Block], Block, bool]] = []
    for block_pair in pair.section.blocks:
        en, ko = block_pair.source, block_pair.target
        if en is None or ko is None or (id(en) in inside) == (id(ko) in inside):
            continue
        korean = id(ko) in inside
        item, other = (ko, en) if korean else (en, ko)
        if found and found[-1][1] is other and found[-1][2] == korean:
            found[-1][0].append(item)
        else:
            found.append(([item], other, korean))
    return found


def _outside(items: list[Block], other: Block, unit: str, korean: bool) -> str:
    """Items that stand for a block outside the other side's list or table, named with it."""
    side, other_side = ("Korean", "English") if korean else ("English", "Korean")
    named = listed([f"{first_words(block, 6)} (line {block.line})" for block in items])
    units = unit if len(items) == 1 else f"{unit}s"
    container = "table" if unit == "row" else "list"
    where = (
        f"of another {container}"
        if other.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)
        else f"outside the {container}"
    )
    return (
        f"{side} {units} {named} stand{'s' * (len(items) == 1)} for the {other_side} "
        f"{block_name(other)} {first_words(other, 6)} (line {other.line}), {where}"
    )


def _joins(pair: ContainerPair) -> list[tuple[Block, list[Block], bool]]:
    """The items of a container pair that the alignment paired with several of the other side:
    (the one item, the items it stands against, whether those are Korean), in order."""
    inside = {id(b) for b in (*pair.source.blocks, *pair.target.blocks)}
    found: list[tuple[Block, list[Block], bool]] = []
    previous: tuple[Block, Block] | None = None  # the last pair inside, both sides present
    for block_pair in pair.section.blocks:
        en, ko = block_pair.source, block_pair.target
        if en is None or ko is None or id(en) not in inside or id(ko) not in inside:
            previous = None
            continue
        if block_pair.joined and previous is not None:
            korean = en is previous[0]
            one, other = (en, ko) if korean else (ko, en)
            if not found or found[-1][0] is not one:
                found.append((one, [previous[1] if korean else previous[0]], korean))
            found[-1][1].append(other)
        previous = (en, ko)
    return found


def _joined_items(one: Block, many: list[Block], unit: str, korean: bool) -> str:
    """One item paired with several of the other side, named with theirs: a translator who
    split an item, merged several, or added one beside the one they translate."""
    side, other = ("English", "Korean") if korean else ("Korean", "English")
    named = listed([f"{first_words(block, 6)} (line {block.line})" for block in many])
    hint = (
        "merge them back into one, or remove the one the English does not say"
        if korean
        else "keep one Korean item per English item"
    )
    head = f"{side} {unit} {first_words(one, 6)} (line {one.line})"
    return f"{head} stands against {len(many)} {other} {unit}s, {named}: {hint}"


@rule(
    "TC109",
    "list-length-mismatch",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Steps

            1. Create the mesh with `jax.make_mesh`.
            2. Shard the array with `jax.device_put`.
            3. Run `jnp.dot` on the shards.
            """,
        ko="""\
            ## 단계

            1. `jax.make_mesh`로 메시를 만듭니다.
            2. `jnp.dot`을 샤드에서 실행합니다.
            """,
    ),
)
def list_length_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """An English list and its Korean translation have a different number of items.

    Bad:  en `1. Create the mesh…` `2. Shard the array…` `3. Run…` ↔ ko with two items: the
          second step is gone.
    Good: ko translates all three steps, one item each (nested lists are compared on their own).
    The lines given are the first item that differs (or, in Korean, where it would go). When
    every item has its translation but the Korean list falls apart into several lists (a
    nested list indented less than its item's text ends the list), the Korean line is where
    the first piece ends. A Korean translation that writes the items as plain paragraphs (the
    `- ` or `1. ` markers lost) is one finding for the list, at its first item.
    """
    for english, korean in _unlisted(ctx):
        written = "a paragraph" if len(korean) == 1 else f"{len(korean)} paragraphs"
        yield Hit(
            f"the English list ({english.span}) has {english.length} items; its Korean "
            f"translation ({_lines(korean)}) is written as {written} without list markers "
            "('- ', '1. '), so the items no longer show as a list",
            ctx.at_source(english.line),
            ctx.at_target(korean[0].line),
        )
    for pair in container_pairs(ctx):
        en, ko = pair.source, pair.target
        if en.is_table or en.length == ko.length:
            continue
        unpaired = _unpaired(pair, korean=False) or _unpaired(pair, korean=True)
        if not unpaired and len(pair.pieces) > 1:
            yield _broken_list(ctx, pair)
            continue
        source_line, target_line = _first_difference(pair)
        yield Hit(
            f"the English list ({en.span}) has {plural(en.length, 'item')}, its Korean translation "
            f"({ko.span}) {ko.length}: {_differences(pair, 'item')}",
            ctx.at_source(source_line),
            ctx.at_target(target_line),
        )


def _unlisted(ctx: PairContext) -> list[tuple[Container, list[Block]]]:
    """English lists of two or more items whose translated items are all Korean paragraphs
    outside any list (one per item, or joined into one): the list markers were lost. Items the
    alignment left unpaired count as joined in only when the paragraphs have a line for each
    item and hold at least half of them; otherwise they are missing (block-missing)."""

    def compute() -> list[tuple[Container, list[Block]]]:
        found = []
        for section in section_blocks(ctx):
            if BlockKind.LIST_ITEM not in map(_KIND, section.source.blocks):
                continue  # no English list item (most sections): no list to lose its markers
            korean: dict[int, dict[int, Block]] = {}  # list line -> Korean blocks by id
            paired: dict[int, set[int]] = {}  # list line -> the items with a counterpart
            listed: set[int] = set()  # lists with an item translated as a list item or else
            for pair in section.blocks:
                en, ko = pair.source, pair.target
                if en is None or ko is None or en.kind is not BlockKind.LIST_ITEM:
                    continue
                if ko.kind is not BlockKind.PARAGRAPH or ko.group:
                    listed.add(en.group)
                korean.setdefault(en.group, {})[id(ko)] = ko
                paired.setdefault(en.group, set()).add(en.item)
            candidates = [line for line in korean if line not in listed]
            if not candidates:
                continue
            english = _containers(section.source.blocks)
            for line in candidates:
                blocks = list(korean[line].values())
                items, held = english[line].length, len(paired[line])
                lines = sum(b.end_line - b.line + 1 for b in blocks)
                if items >= 2 and (held == items or (lines >= items and 2 * held >= items)):
                    found.append((english[line], blocks))
        return found

    return ctx.cached("unlisted", compute)  # type: ignore[no-any-return]


def _broken_list(ctx: PairContext, pair: ContainerPair) -> Hit:
    """A Korean list whose items are all there but spread over several lists: located where
    the first piece ends (the block that should have been indented) on both sides."""
    en = pair.source
    first = _containers(pair.section.target.blocks)[pair.pieces[0]]
    after = [b for b in pair.section.target.blocks if b.line > first.blocks[-1].end_line]
    where = after[0] if after else first.blocks[-1]
    english = next((p.source for p in pair.section.blocks if p.target is where), None)
    return Hit(
        f"the English list ({en.span}) has {en.length} items; their Korean translations are all "
        f"there but fall apart into {len(pair.pieces)} lists (starting at lines "
        f"{', '.join(str(line) for line in pair.pieces)}): what belongs inside an item (a nested "
        "list, a paragraph) must be indented as far as the item's text (3 spaces under `1. `), "
        "or it ends the list",
        ctx.at_source(english.line if english is not None else en.line),
        ctx.at_target(where.line),
    )


def _first_difference(pair: ContainerPair) -> tuple[int, int]:
    """English and Korean lines of the first item that differs: an English item with no
    translation and the Korean place it belongs (before the next translated item, or after the
    list's last item), else a Korean item with no source and the English place; else the two
    lists' first lines."""
    pairs = pair.section.blocks
    for korean in (False, True):
        unpaired = _unpaired(pair, korean)
        if not unpaired:
            continue
        block = unpaired[0]
        at = next(i for i, p in enumerate(pairs) if p.sides(korean)[0] is block)
        other = _neighbour(pairs, at + 1, korean)
        other_list = pair.source if korean else pair.target
        if other is None or other.line > other_list.blocks[-1].end_line:
            other_line = other_list.blocks[-1].line  # after the other list's last item
        else:
            other_line = other.line
        return (other_line, block.line) if korean else (block.line, other_line)
    return pair.source.line, pair.target.line


@rule(
    "TC110",
    "table-shape-mismatch",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Chips

            | Chip | HBM |
            |---|---|
            | v5e | 16 |
            | v5p | 95 |
            """,
        ko="""\
            ## 칩

            | 칩 | HBM |
            |---|---|
            | v5e | 16 |
            | v5p | 95 |
            | v6e | 32 |
            """,
    ),
)
def table_shape_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """An English table and its Korean translation differ in rows or columns.

    Bad:  en `| Chip | HBM |` with 3 rows ↔ ko `| 칩 | HBM |` with a 4th, `| v6e | 32 |`.
    Good: the same rows and columns; only the cell text is translated.
    A row missing or added is reported at that row (and where it would go on the other side);
    a column count at the header rows.
    """
    for pair in container_pairs(ctx):
        en, ko = pair.source, pair.target
        if not en.is_table or (en.length, en.columns) == (ko.length, ko.columns):
            continue
        shape = f"{plural(en.length, 'row')} and {plural(en.columns, 'column')}"
        korean = f"{plural(ko.length, 'row')} and {plural(ko.columns, 'column')}"
        detail = (
            _differences(pair, "row")
            if en.length != ko.length
            else f"keep the {en.columns} columns and translate only the cells"
        )
        source_line, target_line = (
            _first_difference(pair) if en.length != ko.length else (en.line, ko.line)
        )
        yield Hit(
            f"the English table ({en.span}) has {shape}, its Korean translation ({ko.span}) "
            f"{korean}: {detail}",
            ctx.at_source(source_line),
            ctx.at_target(target_line),
        )
