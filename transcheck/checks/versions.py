"""Page verdict (TC706): a Korean page that follows another version of its English.

When an English page was rewritten after its translation (or the translation follows a newer
English than the tree holds), most of both pages has no counterpart: sections added and
removed, paragraphs reordered and reworded. The section and block rules would then list the
two versions' differences one by one, tens of findings for one cause. As the Kubernetes
localization drift check does, the pair is judged as a whole instead: one finding, and the
findings of the rules that compare aligned sections and blocks give way to it (see
``Rule.supersedes``). Rules about the Korean page itself (its links, front matter, text left
in English, merge conflicts) still report.
"""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity
from transcheck.model import BlockKind, Document

MIN_SHARE = 0.3  # of each page's text with no counterpart, for the pages to be two versions
MIN_BLOCKS = 8  # English blocks a page needs to be judged as a whole (a stub is not)

# The rules that compare aligned sections and blocks, whose findings on such a pair would list
# the two versions' differences: structure, links, images, code, numbers, math, markup, drift.
_CODES = """TC101 TC102 TC103 TC104 TC107 TC108 TC109 TC110 TC111 TC201 TC202 TC203 TC206 TC208
    TC501 TC502 TC503 TC504 TC505 TC506 TC601 TC603 TC604 TC606 TC704 TC705"""
COMPARING = frozenset(_CODES.split())


def unmatched_share(ctx: PairContext, korean: bool) -> tuple[float, int]:
    """The share of one page's text (blocks that hold text or code, headings aside, an empty
    one counting as one character) that no block of the other page translates, and the
    page's count of such blocks. Measured on the document the alignment holds: the blocks the
    block pairs are made of."""
    held = {
        id(pair.target if korean else pair.source)
        for section in section_blocks(ctx)
        for pair in section.blocks
        if pair.source is not None and pair.target is not None
    }
    total = left = count = 0
    for part in (ctx.alignment.target if korean else ctx.alignment.source).sections:
        for block in part.blocks:
            if block.kind is not BlockKind.HEADING:
                size = max(len(block.text), 1)
                total += size
                count += 1
                left += size if id(block) not in held else 0
    return (left / total if total else 0.0), count


def _opening(document: Document) -> int:
    """Where a page verdict stands: the page's first block (after its front matter)."""
    return next((block.line for s in document.sections for block in s.blocks), 1)


@rule(
    "TC706",
    "page-out-of-sync",
    Severity.WARNING,
    supersedes=COMPARING,
    example=Example(
        en="""\
            # Running TypeScript natively

            You can write valid TypeScript and run it in Node.js without transpiling it first.

            From v22.18.0, code of [erasable syntax](https://devblogs.microsoft.com/ts58) runs
            without any flag:

            ```bash
            node example.ts
            ```

            Before v22.18.0, use the `--experimental-strip-types` flag.

            In v22.7.0 the flag `--experimental-transform-types` was added for `enum`s.

            ```bash
            node --experimental-transform-types another-example.ts
            ```

            ## Constraints

            Node.js only strips types; see [the API docs](https://nodejs.org/api/typescript.html).

            Files in `node_modules` are not stripped.

            ## Important notes

            Thanks to all the contributors who made this feature possible.
            """,
        ko="""\
            # 네이티브에서 TypeScript 실행하기

            이전 기사들에서는 트랜스파일링과 러너를 사용하는 방법을 배웠습니다.

            ## Node.js로 TypeScript 코드 실행하기

            Node.js V22.6.0부터 일부 TypeScript 구문을 실험적으로 지원합니다.

            그렇다면 Node.js로 TypeScript 코드를 어떻게 실행할까요?

            ```bash
            node --experimental-strip-types example.ts
            ```

            향후 버전에서는 명령어 플래그 없이도 TypeScript를 지원할 예정입니다.

            ## 제약 사항

            이 글을 쓰는 시점에는 몇 가지 제한이 있습니다.

            버그 보고도 환영합니다. 이 프로젝트는 자원봉사자들이 운영합니다.
            """,
    ),
)
def page_out_of_sync(ctx: PairContext) -> Iterator[Hit]:
    """The Korean page follows another version of its English: most of both has no counterpart.

    Bad:  en/x.md rewritten upstream (new sections, paragraphs reworded and reordered) while
          ko/x.md still translates the old page: a third or more of each has no counterpart.
    Good: translate the page again from the current English.
    One finding for the page; the section, block, link, code, number, markup and drift rules
    give way to it there (they would list the two versions' differences one by one). A page
    the English only grew (the Korean has little the English lacks) is not this: its missing
    sections and blocks are reported as such.
    """
    english, blocks = unmatched_share(ctx, korean=False)
    if blocks < MIN_BLOCKS or english < MIN_SHARE:
        return  # the Korean page cannot make it one finding: not measured (most pages)
    korean, _ = unmatched_share(ctx, korean=True)
    if korean < MIN_SHARE:
        return
    yield Hit(
        f"the Korean page follows another version of its English: {english:.0%} of the English "
        f"text and {korean:.0%} of the Korean have no counterpart on the other page; translate "
        "the page again from the current English (its sections and blocks are not compared one "
        "by one)",
        ctx.at_source(_opening(ctx.source)),
        ctx.at_target(_opening(ctx.target)),
        identity="page-out-of-sync",
    )
