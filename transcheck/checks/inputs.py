"""Input rules (TC0xx): files that cannot be read, front matter that does not parse, empty files,
and transcheck's own failures on a pair."""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import Example, Hit, Illustration, PairContext, declare, rule
from transcheck.findings import Location, Severity
from transcheck.parse.dialects import JEKYLL, MDX, MKDOCS
from transcheck.parse.frontmatter import CONFLICT

# The dialects whose sites read front matter only from the file's first line, and who reads it.
_FIRST_LINE_ONLY = {JEKYLL: "Jekyll", MDX: "an MDX site (Docusaurus, Astro)", MKDOCS: "MkDocs"}

UNREADABLE_FILE = declare(
    "TC001",
    "unreadable-file",
    Severity.ERROR,
    """A file cannot be read as UTF-8 Markdown text (encoding, binary content, permissions).

    Bad:  a Korean chapter saved as CP949 (EUC-KR) by an old editor.
    Good: save it as UTF-8; transcheck checks the other files meanwhile and exits with 2.
    """,
    example=Example(
        en="""\
            # Intro

            Hello, and welcome.
            """,
        ko="""\
            # 소개

            안녕하세요, 환영합니다.
            """,
        encoding="cp949",
    ),
)


@rule(
    "TC002",
    "frontmatter-invalid",
    Severity.ERROR,
    example=Example(
        en="""\
            ---
            title: "What is a TPU"
            layout: post
            ---

            # TPUs
            """,
        ko="""\
            ---
            title: "TPU란 무엇인가
            layout: post
            ---

            # TPU
            """,
    ),
)
def frontmatter_invalid(ctx: PairContext) -> Iterator[Hit]:
    """The YAML front matter does not parse, so the site cannot build the page's metadata.

    Bad:  ko `title: "TPU란 무엇인가` (an unclosed quote), or a git merge conflict left in it.
    Good: ko `title: "TPU란 무엇인가"`.
    Also: Korean front matter after blank lines where the English's opens the file, on a page
    read as Jekyll's, MDX or MkDocs': those show it as text (Hugo reads it there; a page with no
    mark of its site is not judged).
    """
    english_front, korean_front = ctx.source.front_matter, ctx.target.front_matter
    reader = _FIRST_LINE_ONLY.get(ctx.target.dialect)
    if (
        reader is not None
        and korean_front is not None
        and korean_front.line > 1
        and english_front is not None
        and english_front.line == 1
    ):
        yield Hit(
            f"the Korean front matter starts at line {korean_front.line}, after blank lines: "
            f"{reader} reads front matter on line 1 only and shows this as text; delete the "
            "blank lines, as the English starts on line 1",
            ctx.at_source(english_front.line),
            ctx.at_target(korean_front.line),
        )
    for document, english in ((ctx.source, True), (ctx.target, False)):
        front = document.front_matter
        if front is not None and front.error:
            where = Location(document.path, front.error_line)
            if english:
                message = (
                    f"the English front matter does not parse ({front.error}): a defect of the "
                    "source to report upstream, not a translation error"
                )
            elif front.error.startswith(CONFLICT):
                message = (
                    f"the Korean front matter does not parse: {front.error}; keep one side of "
                    "the conflict, updated to the English, and delete the marker lines"
                )
            else:
                message = (
                    f"the Korean front matter does not parse ({front.error}): compare its quotes, "
                    "colons and indentation with the English front matter"
                )
            yield Hit(
                message,
                where if english else ctx.at_source(None),
                ctx.at_target(None) if english else where,
            )


@rule(
    "TC003",
    "empty-file",
    Severity.WARNING,
    example=Example(
        en="""\
            # TPUs

            A TPU is a matrix unit.
            """,
        ko="",
    ),
)
def empty_file(ctx: PairContext) -> Iterator[Hit]:
    """The Korean file is empty while its English source is not: the translation has not started.

    Bad:  a Korean chapter with no content.
    Good: a translation, or no file at all until there is one (reported as translation-missing).
    """
    if ctx.target.is_empty and not ctx.source.is_empty:
        yield Hit(
            f"the Korean file is empty while the English source has {ctx.source.line_count} "
            "lines: translate it, or remove the file until a translation exists",
            ctx.at_source(1),
            ctx.at_target(1),
        )


@rule(
    "TC006",
    "merge-conflict",
    Severity.ERROR,
    example=Example(
        en="""\
            # Setup

            Install the package first.
            """,
        ko="""\
            # 설치

            <<<<<<< HEAD
            먼저 패키지를 설치합니다.
            =======
            Install the package first.
            >>>>>>> upstream/main
            """,
    ),
)
def merge_conflict(ctx: PairContext) -> Iterator[Hit]:
    """The Korean file holds an unresolved git merge conflict: both sides and the markers render.

    Bad:  ko `<<<<<<< HEAD`, the Korean text, `=======`, the new English text, `>>>>>>> main`.
    Good: one text (the Korean, updated to the new English), no marker lines.
    The other rules read the first side (the branch merged into: the translation) and skip the
    second, so the rest of the page is checked as it will read once the conflict is resolved.
    """
    for conflict in ctx.target.conflicts:
        yield Hit(
            f"unresolved merge conflict (lines {conflict.line}-{conflict.end}): the page shows the "
            f"text above ======= (line {conflict.middle}), the text below it and the three marker "
            "lines; keep one text, updated to the English, and delete the markers",
            ctx.at_source(_english_line(ctx, conflict.line, conflict.middle)),
            ctx.at_target(conflict.line),
        )


def _english_line(ctx: PairContext, first: int, last: int) -> int | None:
    """The English block that the first Korean block between two lines translates, else the
    English heading of the section holding them."""
    for blocks in section_blocks(ctx):
        for pair in blocks.blocks:
            if pair.target and pair.source and first < pair.target.line < last:
                return pair.source.line
    return ctx.source_heading_line(first)


INTERNAL_ERROR = declare(
    "TC005",
    "internal-error",
    Severity.ERROR,
    """transcheck itself failed on one step of a pair (a rule, parsing, aligning): a bug to report.

    The step's findings are missing for that pair; every other rule and pair was still checked,
    and the run exits with 2. It cannot be turned off: ``--debug`` prints the traceback.
    Bad:  a rule raises an exception on an unusual chapter, and its findings are lost.
    Good: transcheck reports the bug (with the finding's message and, from ``--debug``, the
          traceback) and checks the chapter fully once it is fixed.
    """,
    example=Illustration(
        "transcheck failed while running rule TC107 block-missing on en/x.md ↔ ko/x.md: "
        "ValueError: max() arg is an empty sequence (at checks/blocks.py:213); the other rules "
        "and pairs were checked. This is a bug in transcheck: please report it (--debug prints "
        "the traceback)",
        Location("en/x.md"),
        Location("ko/x.md"),
        needs="a defect in transcheck itself; none is known to trigger it",
    ),
)
