"""Structure rules (TC1xx): sections and files present on one side only, levels, order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcheck.align import SectionPair
from transcheck.align.blocks import note_section
from transcheck.checks.blockmatch import SectionBlocks, section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, declare, rule
from transcheck.counted import listed, plural
from transcheck.findings import Severity
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Section


def describe(section: Section) -> str:
    """A section as a reviewer names it: its heading, or 'the preamble'. A heading made of a
    shortcode (Hugo's ``## {{% heading "whatsnext" %}}``) is named by the shortcode."""
    if section.is_preamble:
        return "the text before the first heading"
    title = section.title
    if not title and section.blocks and section.blocks[0].kind is BlockKind.HEADING:
        title = " ".join(
            f"{tag.braces[0]} "
            + " ".join([tag.name, *(f'{k}="{v}"' if k else f'"{v}"' for k, v in tag.attrs)])
            + f" {tag.braces[1]}"
            for tag in section.blocks[0].markup
            if tag.kind == "shortcode"
        )
    return f"{'#' * section.level} {title}"


def _next_sections(pairs: tuple[SectionPair, ...], korean: bool) -> list[Section | None]:
    """For each position, the next section of one language after it: where an unpaired section
    of the other language would stand (moved sections stand elsewhere). None at the end.
    One backward pass, so files with thousands of sections stay linear."""
    following: list[Section | None] = [None] * len(pairs)
    upcoming: Section | None = None
    for position in range(len(pairs) - 1, -1, -1):
        following[position] = upcoming
        pair = pairs[position]
        section = pair.target if korean else pair.source
        if section is not None and not pair.moved:
            upcoming = section
    return following


def _insert_point(section: Section | None, line_count: int) -> tuple[int | None, str]:
    """The line to show and the words for 'before this section' (or 'at the end': the last
    line; no line in an empty file, which has none)."""
    if section is None:
        return line_count or None, "at the end of the file"

    return section.line, f"before {describe(section)!r}"


# The English chapter the structure examples translate (section-missing, section-order).
GUIDE = """\
            # Guide

            ## Install

            Run `pip install transcheck` first.

            ## Usage

            Call `transcheck check en ko` on 2 folders.

            ## License

            MIT, see [the license](https://opensource.org/licenses/MIT).
            """


@rule(
    "TC101",
    "section-missing",
    Severity.ERROR,
    example=Example(
        en=GUIDE,
        ko="""\
            # 안내

            ## 설치

            먼저 `pip install transcheck`를 실행합니다.

            ## 라이선스

            MIT입니다. [라이선스](https://opensource.org/licenses/MIT)를 보세요.
            """,
    ),
)
def section_missing(ctx: PairContext) -> Iterator[Hit]:
    """An English section has no Korean counterpart.

    Bad:  en `## Usage` … ko has no section for it.
    Good: ko `## 사용법` translating it, at the same place (before `## 라이선스`).
    The Korean line given is where the section would go (the next aligned Korean heading).
    A missing section's subsections, missing with it, are named in its finding; English
    subsections whose text a Korean section translates without their headings (the English
    split the section since) are one finding, at the Korean block where the first belongs.
    English sections missing one after another (the English gained them together) are one
    finding, at the first, naming the others.
    """
    if ctx.target.is_empty:
        return  # one empty-file finding says it better than a finding per section
    pairs = ctx.alignment.pairs
    following = _next_sections(pairs, korean=True)
    split = [blocks for blocks in section_blocks(ctx) if blocks.split]
    for blocks in split:
        yield _split_hit(ctx, blocks)
    missing = {
        p.source.index
        for p in pairs
        if p.source is not None and p.target is None and not p.source.is_preamble
    } - {section.index for blocks in split for section in blocks.split}
    sections = ctx.source.sections
    inside: dict[int, list[Section]] = {}  # a missing section -> its missing subsections
    folded: set[int] = set()
    for index in sorted(missing):
        top = index
        while (parent := sections[top].parent) is not None and parent in missing:
            top = parent
        if top != index:
            inside.setdefault(top, []).append(sections[index])
            folded.add(index)
    run: list[Section] = []  # missing sections one after another (no Korean section between)
    for position, pair in enumerate((*pairs, None)):
        english = pair.source if pair is not None else None
        if english is not None and english.index in folded:
            continue  # named in its missing parent's finding
        if english is not None and english.index in missing:
            run.append(english)
            continue
        if run:
            line, place = _insert_point(following[position - 1], ctx.target.line_count)
            yield Hit(
                f"{_missing(run, inside)} {place}",
                ctx.at_source(run[0].line),
                ctx.at_target(line),
            )
            run = []


def _missing(run: list[Section], inside: dict[int, list[Section]]) -> str:
    """What section-missing says of English sections missing one after another (with their
    missing subsections): one finding for the run, as the English gained them together."""
    first = run[0]
    below = inside.get(first.index, [])
    if len(run) == 1 and not below:
        return (
            f"English section {describe(first)!r} has no Korean translation: translate it and "
            "insert it"
        )
    if len(run) == 1:
        shown = ", ".join(repr(describe(section)) for section in below)
        counted = "subsection" if len(below) == 1 else f"{len(below)} subsections"
        return (
            f"English section {describe(first)!r} and its {counted} ({shown}) have no Korean "
            "translation: translate them and insert them"
        )
    named = listed([repr(describe(section)) for section in run], most=3)
    subsections = sum(len(inside.get(section.index, [])) for section in run)
    counted = f", with {plural(subsections, 'subsection')}" if subsections else ""
    end = (inside.get(run[-1].index) or run)[-1].blocks[-1].end_line  # a heading is a block
    return (
        f"English sections {named} (lines {first.line}-{end}{counted}) have no Korean "
        "translation: translate them and insert them"
    )


_SENTENCE_END = (".", "。", ":", ";", ",", "!")
_BRACKETS = ("(", "[", "（", "【", "<", "{")
# A translator's or reader's note: 역주, 참고, 주:, 옮긴이 주, Note.
_NOTE = compiled(r"(?:역주|참고|주\s*[:：)]|옮긴이|번역\s*주|note\b)", re.IGNORECASE)
# Latin words, numbers and code in a title (``Node.js``, ``v18``, ``2``).
_LATIN = compiled(r"[a-z0-9][a-z0-9_.]*[a-z0-9]|[a-z0-9]")


def demoted_headings(ctx: PairContext) -> dict[int, Block]:
    """English sections whose heading the Korean writes as a plain paragraph (the ``#`` marks
    lost), by section index: the first English subsection a Korean section translates without
    its heading, when the Korean block right before its text is a short line of its own that
    translates nothing and reads as a title. One finding (section-missing, at that line), not
    also a paragraph that translates nothing."""

    def compute() -> dict[int, Block]:
        found: dict[int, Block] = {}
        for blocks in section_blocks(ctx):
            if not blocks.split:
                continue
            first = blocks.split[0]
            korean = _first_translation(blocks)
            body = blocks.target.blocks
            at = next((i for i, block in enumerate(body) if block is korean), 0)
            title = body[at - 1] if at else None
            if (
                title
                and _title_like(title, first)
                and all(p.target is not title for p in blocks.blocks if p.source)
            ):
                found[first.index] = title
        return found

    return ctx.cached("demoted-headings", compute)  # type: ignore[no-any-return]


def _first_translation(blocks: SectionBlocks) -> Block | None:
    """The first Korean block paired with a block of the first English subsection that the
    Korean section translates without its heading."""
    first = blocks.split[0]
    return next(
        (
            p.target
            for p in blocks.blocks
            if p.source is not None
            and p.target is not None
            and first.line <= p.source.line <= first.end_line
        ),
        None,
    )


def _title_like(block: Block, section: Section) -> bool:
    """A paragraph of one short line that does not end as a sentence does and translates the
    English title: it shares a Latin term, number or code with it, or has a title's length
    for it (Korean about 0.2 to 1 times the English, a few characters more for a short one).
    Never a remark in brackets or a note (``(역주: Vue 3 기준)``, ``참고: ...``)."""
    shown = block.shown.strip()
    if (
        block.kind is not BlockKind.PARAGRAPH
        or block.line != block.end_line
        or not shown
        or shown.endswith(_SENTENCE_END)
        or shown.startswith(_BRACKETS)
        or _NOTE().match(shown)
    ):
        return False
    if set(_LATIN().findall(shown.lower())) & set(_LATIN().findall(section.title.lower())):
        return True
    return 0.2 * len(section.title) <= len(shown) <= len(section.title) + 4


def _split_hit(ctx: PairContext, blocks: SectionBlocks) -> Hit:
    """The English subsections a Korean section translates without their headings, at the
    first of them and at the Korean block where its heading belongs (or the paragraph that
    writes that heading as plain text)."""
    first = blocks.split[0]
    demoted = demoted_headings(ctx).get(first.index)
    if demoted is not None:
        title = demoted.shown.strip()
        others = "" if len(blocks.split) == 1 else f" (and {len(blocks.split) - 1} more)"
        return Hit(
            f"English section {describe(first)!r}{others} has no Korean heading: the Korean "
            f"paragraph {title!r} (line {demoted.line}) is its heading written as plain "
            f"text; write {'#' * first.level + ' ' + title!r}",
            ctx.at_source(first.line),
            ctx.at_target(demoted.line),
        )
    korean = _first_translation(blocks)
    korean_line = blocks.target.line if korean is None else korean.line
    names = ", ".join(repr(describe(section)) for section in blocks.split)
    if len(blocks.split) == 1:
        what, its, them, headings = (
            "subsection",
            "has no Korean heading",
            "its text without it",
            "heading",
        )
    else:
        what, its, them, headings = (
            "subsections",
            "have no Korean headings",
            "their text without them",
            "headings",
        )
    if 0 < blocks.source.level < first.level:
        what = f"{what} {names} of {describe(blocks.source)!r}"
    else:  # sections after the preamble, which holds no subsections, or after a section
        what = f"{what.replace('subsection', 'section')} {names}"
    return Hit(
        f"English {what} {its}: the Korean "
        f"{describe(blocks.target)!r} translates {them}; add the {headings}",
        ctx.at_source(first.line),
        ctx.at_target(korean_line),
    )


@rule(
    "TC102",
    "section-extra",
    Severity.WARNING,
    example=Example(
        en="""\
            # Guide

            ## Install

            Run `pip install transcheck` first.

            ## License

            MIT, see [the license](https://opensource.org/licenses/MIT).
            """,
        ko="""\
            # 안내

            ## 설치

            먼저 `pip install transcheck`를 실행합니다.

            ## 배포 팁

            이 절은 원문에 없는 설명입니다.

            ## 라이선스

            MIT입니다. [라이선스](https://opensource.org/licenses/MIT)를 보세요.
            """,
    ),
)
def section_extra(ctx: PairContext) -> Iterator[Hit]:
    """A Korean section has no English source.

    Bad:  ko `## 배포 팁` with no English section it translates.
    Good: remove it, or, for a translator's note, title it as one (`## 역자 주`, `## 옮긴이 주`):
    such a section is the translator's own and is not reported.
    The English line given is where the section stands relative to the English file (the next
    English heading). Korean sections added one after another (a block of translator notes)
    are one finding, at the first, naming the others.
    """
    pairs = ctx.alignment.pairs
    following = _next_sections(pairs, korean=False)
    run: list[Section] = []
    for position, pair in enumerate((*pairs, None)):
        korean = pair.target if pair is not None and pair.source is None else None
        if korean is not None:
            if not korean.is_preamble and not note_section(korean):
                run.append(korean)
            continue
        if run:
            line, place = _insert_point(following[position - 1], ctx.source.line_count)
            it = "it" if len(run) == 1 else "them"
            yield Hit(
                f"{_sections(run)} (it stands where English has nothing, {place}): remove {it}, "
                "or make it follow the English section it was meant to translate",
                ctx.at_source(line),
                ctx.at_target(run[0].line),
            )
            run = []


def _sections(run: list[Section]) -> str:
    """'Korean section X translates no English section', or the same for a run of sections."""
    if len(run) == 1:
        return f"Korean section {describe(run[0])!r} translates no English section"
    others = ", ".join(repr(describe(section)) for section in run[1:])
    return (
        f"Korean section {describe(run[0])!r} and the {len(run) - 1} after it ({others}) "
        "translate no English section"
    )


@rule(
    "TC103",
    "heading-level-mismatch",
    Severity.WARNING,
    example=Example(
        en="""\
            # Guide

            ## Install

            Run `pip install transcheck` first.

            ### From source

            Clone [the repository](https://github.com/example/transcheck).
            """,
        ko="""\
            # 안내

            ## 설치

            먼저 `pip install transcheck`를 실행합니다.

            ## 소스에서 설치

            [저장소](https://github.com/example/transcheck)를 복제합니다.
            """,
    ),
)
def heading_level_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Aligned headings differ in level (## versus ###), which changes the table of contents.

    Bad:  en `### From source` ↔ ko `## 소스에서 설치`.
    Good: en `### From source` ↔ ko `### 소스에서 설치`.
    Headings all shifted by the same number of levels (a Korean page that adds a title and
    moves every heading one level down) are one finding naming them.
    """
    shifted: dict[int, list[SectionPair]] = {}  # by how many levels deeper the Korean is
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        if pair.source.level != pair.target.level and not pair.source.is_preamble:
            shifted.setdefault(pair.target.level - pair.source.level, []).append(pair)
    for shift, pairs in shifted.items():
        if len(pairs) == 1 or len(shifted) > 1:
            yield from (_level_hit(ctx, pair, "") for pair in pairs)
        else:
            yield _level_hit(ctx, pairs[0], _shifted(pairs, shift))


def _shifted(pairs: list[SectionPair], shift: int) -> str:
    """The message for headings all shifted by ``shift`` levels (the Korean deeper if > 0)."""
    way = "deeper" if shift > 0 else "higher"
    named = listed([repr(describe(p.target)) for p in pairs if p.target], 3)
    first = pairs[0].source
    assert first is not None
    return (
        f"Korean headings {named} are each {plural(abs(shift), 'level')} {way} than their "
        f"English sources (from {describe(first)!r}): the page's outline is shifted; "
        "write them at the English levels"
    )


def _level_hit(ctx: PairContext, pair: SectionPair, message: str) -> Hit:
    """A finding at a heading pair: ``message``, or, when empty, that this heading's level
    differs from its English source's."""
    assert pair.source is not None and pair.target is not None
    if not message:
        wanted = f"{'#' * pair.source.level} {pair.target.title}"
        message = (
            f"Korean heading {describe(pair.target)!r} is level {pair.target.level} but its "
            f"English source {describe(pair.source)!r} is level {pair.source.level}: "
            f"write {wanted!r}"
        )
    return Hit(message, ctx.at_source(pair.source.line), ctx.at_target(pair.target.line))


@rule(
    "TC104",
    "section-order",
    Severity.WARNING,
    example=Example(
        en=GUIDE,
        ko="""\
            # 안내

            ## 사용법

            두 폴더에 `transcheck check en ko`를 실행합니다.

            ## 라이선스

            MIT입니다. [라이선스](https://opensource.org/licenses/MIT)를 보세요.

            ## 설치

            먼저 `pip install transcheck`를 실행합니다.
            """,
    ),
)
def section_order(ctx: PairContext) -> Iterator[Hit]:
    """A Korean section appears at a different place than its English source section.

    Bad:  en `## Install`, `## Usage`, `## License` ↔ ko `## 사용법`, `## 라이선스`, `## 설치`.
    Good: the Korean sections in the English order: `## 설치` right after `# 안내`.
    A subsection that moved with its section is not reported apart from it.
    """
    for pair in ctx.alignment.matched:
        if pair.moved:
            assert pair.source is not None and pair.target is not None
            parent = ctx.alignment.source_of.get(pair.target.parent or 0)
            if parent in ctx.alignment.moved_sources and parent == pair.source.parent:
                continue  # it moved with the section it belongs to, which is reported
            yield Hit(
                f"Korean section {describe(pair.target)!r} (translating "
                f"{describe(pair.source)!r}) is out of order: {_where_it_belongs(ctx, pair)}",
                ctx.at_source(pair.source.line),
                ctx.at_target(pair.target.line),
            )


def _where_it_belongs(ctx: PairContext, pair: SectionPair) -> str:
    """'move it after <the Korean translation of the English section before it>'."""
    assert pair.source is not None
    for english in reversed(ctx.source.sections[: pair.source.index]):
        korean = ctx.alignment.target_of.get(english.index)
        if korean is not None and english.index not in ctx.alignment.moved_sources:
            if english.is_preamble:
                break
            return (
                f"in English it follows {describe(english)!r}, so move it after "
                f"{describe(ctx.target.sections[korean])!r}"
            )
    return "in English it comes before all the other sections, so move it to the start"


TRANSLATION_MISSING = declare(
    "TC105",
    "translation-missing",
    Severity.INFO,
    """An English file has no Korean file.

    Bad:  en/usage.md exists, ko/usage.md does not.
    Good: ko/usage.md, or a pairing pattern in the config when Korean files are named differently.
    """,
    example=Example(
        en=None,
        ko=None,
        files={
            "en/intro.md": "# Intro\n\nHello.\n",
            "en/usage.md": "# Usage\n\nRun it.\n",
            "ko/intro.md": "# 소개\n\n안녕하세요.\n",
        },
    ),
)

SOURCE_MISSING = declare(
    "TC106",
    "source-missing",
    Severity.WARNING,
    """A Korean file has no English source file.

    Bad:  ko/old-intro.md remains after en/old-intro.md was renamed to en/intro.md.
    Good: rename or remove the Korean file to follow the English tree.
    """,
    example=Example(
        en=None,
        ko=None,
        files={
            "en/intro.md": "# Intro\n\nHello.\n",
            "ko/old-intro.md": "# 소개\n\n안녕하세요.\n",
            "en/setup.md": "# Setup\n\nInstall it.\n",
            "ko/setup.md": "# 설치\n\n설치합니다.\n",
        },
    ),
)
