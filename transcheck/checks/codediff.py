"""A code block pair compared line by line, each changed run of lines classified.

Lines are compared with comments removed (see codecomments.py). A changed run is
``formatting`` when it differs only in white space and line breaks (in JavaScript and the pages
that hold it, also in semicolons that end a line and in the kind of quote), ``strings`` when
only the content of strings or markup text differs and the Korean holds Hangul there (a
translated UI string), and ``code`` otherwise. An untyped fence that holds sentences is text:
never compared.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import replace

from transcheck.checks.codecomments import (
    STRINGS,
    CodeLine,
    comment_syntax,
    kept_texts,
    lines_of,
    scanned,
)
from transcheck.checks.untranslated import is_prose
from transcheck.counted import plural
from transcheck.hangul import HANGUL
from transcheck.lazy import compiled
from transcheck.model import Block
from transcheck.parse.fences import language_names
from transcheck.records import record
from transcheck.urlforms import same_link

_CODE_MARKS = compiled(r"[(){}\[\];=<>$|]")
_BACKTICKS = compiled(r"`+")
_QUOTED = compiled(r"\"[^\"]*\"|'[^']*'")
# The further changes a finding names, and the characters of a code line it shows for each.
MAX_NAMED = 3
BRIEF = 40
# Languages whose statements may end without a semicolon and quote strings either way; their
# single-file components and pages (Vue, Svelte, Astro) hold the same script.
LOOSE_SEMICOLONS = frozenset(
    {"js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx", "mts"}
    | {"vue", "svelte", "astro"}
)
# Languages whose keywords (and unquoted names) are the same in any case: ``as`` and ``AS``
_CASELESS = frozenset({"sql", "mysql", "postgres", "postgresql", "psql", "plsql", "plpgsql"})
_CASELESS |= {"sqlite", "tsql", "clickhouse", "hive", "spark-sql"}


@record
class Change:
    """One changed run: its kind, what a message says, and its file lines on both sides."""

    kind: str  # code, strings or formatting
    what: str  # the message before its advice
    advice: str
    en_line: int
    ko_line: int
    moved: bool = False  # lines the Korean holds elsewhere in the block
    korean: bool = False  # a run of Korean lines alone: another change names its Korean line
    brief: str = ""  # the change in short: `listen(port)` → `listen(port, host)`
    also: str = ""  # the further changes of its block this one's finding names

    @property
    def message(self) -> str:
        also = f"; also at {self.also}" if self.also else ""
        return f"{self.what}{also}; {self.advice}"


def block_changes(en_block: Block, ko_block: Block) -> Iterator[Change]:
    """The classified changes of a code block pair (none when equal, or a prose fence)."""
    if en_block.text != ko_block.text and not _prose_fence(en_block):
        yield from _diff(en_block, ko_block)


def _first_code_line(block: Block) -> int:
    """The file line of a code block's first content line: after the fence, if fenced (an
    indented block at the end of a file may lack its last line break)."""
    text = block.text
    content_lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    return block.line + 1 if block.end_line - block.line + 1 > content_lines else block.line


def _scanned(block: Block) -> tuple[str, str]:
    """A block's code with comments removed by its fence language, and the same marked."""
    return scanned(block.text, comment_syntax(block.lang))


def _show(line: CodeLine | None, limit: int = 0, start: int = 0) -> str:
    """A code line for a message, or 'nothing'; cut to ``limit`` characters if given, from its
    ``start``-th character on (after a ``…``)."""
    if line is None:
        return "nothing"
    text = line.text.strip()
    head = "…" if start else ""
    text = text[start:]
    room = limit - len(head)
    return _spanned(f"{head}{text[: room - 1]}…" if limit and len(text) > room else head + text)


def _spanned(text: str) -> str:
    """Code as a Markdown code span: in one backtick more than its longest run of them, padded
    when it holds one (Angular's `` template: ` `` would otherwise read as ```)."""
    if "`" not in text:
        return f"`{text}`"
    fence = "`" * (max(len(run) for run in _BACKTICKS().findall(text)) + 1)
    return f"{fence} {text} {fence}"


def _changed_briefs(en: CodeLine | None, ko: CodeLine | None) -> str:
    """``English → Korean`` for a further change, both cut to BRIEF characters; where two long
    lines agree past the cut, both are shown from shortly before their first difference."""
    start = 0
    if en is not None and ko is not None:
        a, b = en.text.strip(), ko.text.strip()
        differ = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        differ = min(len(a), len(b)) if differ is None else differ
        if differ >= BRIEF - 1 and max(len(a), len(b)) > BRIEF:
            start = differ - BRIEF // 2
    return f"{_show(en, BRIEF, start)} → {_show(ko, BRIEF, start)}"


def _prose_fence(block: Block) -> bool:
    """An untyped fence holding sentences (a quotation, a citation) rather than code."""
    if block.lang:
        return False
    code_marks = len(_CODE_MARKS().findall(block.text))
    return is_prose(block.text, 5) and code_marks * 40 < len(block.text)


def _squeezed(lines: tuple[CodeLine, ...], shape: bool = False) -> str:
    """Lines joined with all white space removed (``shape``: strings removed too, so a
    translation that reorders words around an expression or splits a string keeps its shape)."""
    if not shape:
        return "".join("".join(line.text.split()) for line in lines)
    return "".join("".join(STRINGS.sub("", line.marked).split()) for line in lines)


def _styled(lines: tuple[CodeLine, ...], after: tuple[CodeLine, ...] = ()) -> str:
    """JavaScript lines squeezed, without a semicolon that ends a line or a trailing comma
    (Prettier's ``trailingComma``: one that ends a line before a line closing a bracket; the
    line ``after`` the run counts), with one kind of quote (on a line writing only one kind:
    where both occur, one is inside a string, and changing it changes the string)."""
    texts = [line.text.rstrip().rstrip(";") for line in (*lines, *after)]
    kept = []
    for at, text in enumerate(texts[: len(lines)]):
        following = texts[at + 1].lstrip() if at + 1 < len(texts) else ""
        if text.endswith(",") and following.startswith((")", "]", "}")):
            text = text[:-1]
        kept.append(_one_quote("".join(text.split())))
    return "".join(kept)


def _one_quote(text: str) -> str:
    """A line's double quotes written as single quotes, when it has no single quote."""
    return text if "'" in text else text.replace('"', "'")


def _translated(
    en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...], localized: bool = False
) -> bool:
    """Whether every Korean string that is not an English one of the run is in Korean, or is
    an English one's URL in its Korean edition (``"/getting-started/"`` as
    ``"/ko/getting-started/"``: an example's link localized as its text is); with none, only
    when the run's code ``localized`` a link."""
    english = {text for line in en for text in STRINGS.findall(line.marked)}
    korean = [text for line in ko for text in STRINGS.findall(line.marked)]
    changed = [text for text in korean if text not in english]
    return (bool(changed) or localized) and all(
        HANGUL.search(text) or _localized_url(text, english) for text in changed
    )


def _localized_url(text: str, english: set[str]) -> bool:
    """Whether a string is an English string's URL with a locale token added or swapped."""
    url = text.strip("'\"`")
    return "/" in url and any(
        "/" in other and same_link(other.strip("'\"`"), url) for other in english
    )


def _runs(
    en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...], loose: bool, caseless: bool = False
) -> Iterator[Run]:
    """Changed runs of lines, classified; a replaced run of as many lines on both sides is
    classified line by line, and neighbouring lines of one kind are merged again."""
    en_texts, ko_texts = [c.text for c in en], [c.text for c in ko]
    matcher = difflib.SequenceMatcher(None, en_texts, ko_texts, False)
    pending: Run | None = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        steps = [(i1, i2, j1, j2)]
        if tag == "replace" and i2 - i1 == j2 - j1:
            steps = [(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1)]
        for a1, a2, b1, b2 in steps:
            after = (en[a2 : a2 + 1], ko[b2 : b2 + 1])
            kind = _kind(en[a1:a2], ko[b1:b2], loose, after, caseless)
            run = Run(tag, a1, a2, b1, b2, kind)
            if pending and pending.kind == run.kind and (pending.i2, pending.j2) == (a1, b1):
                pending = Run(tag, pending.i1, a2, pending.j1, b2, run.kind)
                continue
            if pending:
                yield pending
            pending = run
    if pending:
        yield pending


def _kind(
    en: tuple[CodeLine, ...],
    ko: tuple[CodeLine, ...],
    loose: bool = False,
    after: tuple[tuple[CodeLine, ...], tuple[CodeLine, ...]] = ((), ()),
    caseless: bool = False,
) -> str:
    """What differs between two runs of lines: formatting, translated strings, or code
    (``loose``: JavaScript, where statement-ending semicolons, trailing commas and the kind of
    quote are style; ``after``: the line that follows each run, which tells a trailing comma;
    ``caseless``: SQL, where the case of keywords is style)."""
    squeezed = _squeezed(en), _squeezed(ko)
    if (
        squeezed[0] == squeezed[1]
        or (caseless and squeezed[0].casefold() == squeezed[1].casefold())
        or (loose and _styled(en, after[0]) == _styled(ko, after[1]))
    ):
        return "formatting"
    shapes = _squeezed(en, True), _squeezed(ko, True)
    if shapes[0] == shapes[1] and _translated(en, ko):
        return "strings"
    if shapes[0] != shapes[1] and _delocalized(*shapes) == shapes[0] and _translated(en, ko, True):
        return "strings"
    return "code"


def _delocalized(en_shape: str, ko_shape: str) -> str:
    """The Korean shape with each quoted value that is the English one's URL in its Korean
    edition written as the English one: an example's ``<LinkButton href="/ko/start/">``, a tag
    and so code, links the Korean page's reader to the Korean site as its text is translated."""
    en_values = _QUOTED().findall(en_shape)
    ko_values = list(_QUOTED().finditer(ko_shape))
    if len(en_values) != len(ko_values):
        return ko_shape
    parts, position = [], 0
    for english, korean in zip(en_values, ko_values, strict=True):
        value = korean.group(0)
        parts += [ko_shape[position : korean.start()], value]
        if value != english and _localized_url(value, {english}):
            parts[-1] = english
        position = korean.end()
    return "".join(parts) + ko_shape[position:]


@record
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


_QUOTES = "only white space, line breaks, semicolons, trailing commas or quotes differ"
_CASE = "only white space, line breaks or the case of keywords differ"

_YAML_LANGUAGES = frozenset({"yaml", "yml"})
# A YAML mapping value or list item opening with a reserved indicator (`` ` ``, ``@``): no
# plain scalar may start with one, so the line no longer loads.
_YAML_RESERVED = compiled(r"[ \t]*(?:- +|(?:- +)?[^\s:#`@][^:#]*:[ \t]+)([`@])")


def _moves(runs: list[Run], en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> dict[int, int]:
    """Code runs that a run of the other side holds line for line: lines the Korean moved.
    Index of each deleted run -> index of the inserted run holding its lines (one finding)."""
    moved: dict[int, int] = {}
    for d, gone in enumerate(runs):
        if gone.kind != "code" or gone.tag != "delete":
            continue
        lines = [line.text.strip() for line in en[gone.i1 : gone.i2]]
        for a, added in enumerate(runs):
            if (
                added.kind == "code"
                and added.tag == "insert"
                and a not in moved.values()
                and [line.text.strip() for line in ko[added.j1 : added.j2]] == lines
            ):
                moved[d] = a
                break
    return moved


def _shift(en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> str | None:
    """How a run of Korean lines that differ from their English lines only in indentation
    stands (``stands 4 columns deeper``, ``is indented differently``); None for any other
    difference. The lines show the same text, so a message must say what moved."""
    if len(en) != len(ko):
        return None
    pairs = list(zip(en, ko, strict=True))
    if any(a.text.strip() != b.text.strip() for a, b in pairs):
        return None
    shifts = {_indent(b.text) - _indent(a.text) for a, b in pairs if a.text.strip()}
    if len(shifts) != 1 or 0 in shifts:
        return "is indented differently"
    columns = shifts.pop()
    return f"stands {plural(abs(columns), 'column')} {'deeper' if columns > 0 else 'shallower'}"


def _indent(text: str) -> int:
    """The characters of white space a line opens with."""
    return len(text) - len(text.lstrip())


def _yaml_reserved(en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> str | None:
    """The advice for a YAML run whose Korean value opens with a reserved indicator its
    English line does not (``shortHelp: `helm help` 출력…``): the Korean no longer loads, and
    quoting the translated value is the fix, not keeping the English."""
    for at, line in enumerate(ko):
        found = _YAML_RESERVED().match(line.text)
        if found is None:
            continue
        english = _YAML_RESERVED().match(en[at].text) if at < len(en) else None
        if english is None or english.group(1) != found.group(1):
            mark = found.group(1)
            return (
                f"a YAML value cannot open with {mark!r}, so the Korean block no longer loads: "
                "quote the translated value"
            )
    return None


def _written_in(language: str, names: frozenset[str]) -> bool:
    """Whether a fence language is one of ``names`` by any name it is known by (``angular-ts``
    is ``ts``, see ``parse.fences.language_names``)."""
    return any(name in names for name in language_names(language))


def _past_laid_out(run: Run, en: tuple[CodeLine, ...], ko: tuple[CodeLine, ...]) -> Run:
    """A changed run without its first lines that differ only in white space (a block indented
    deeper in English): the finding names, and stands at, the first line that really changed."""
    skip = 0
    while (
        run.i1 + skip < run.i2 - 1
        and run.j1 + skip < run.j2 - 1
        and _squeezed(en[run.i1 + skip : run.i1 + skip + 1])
        == _squeezed(ko[run.j1 + skip : run.j1 + skip + 1])
    ):
        skip += 1
    return Run(run.tag, run.i1 + skip, run.i2, run.j1 + skip, run.j2, run.kind)


def _diff(en_block: Block, ko_block: Block) -> Iterator[Change]:
    """One classified change per changed run of code lines (lines the Korean moved: one), and
    one for all the runs of changed code of the block: a block translated from an older English
    (``{`` and its ``}`` added, three messages reworded) is one thing to sync, at its first
    changed line, with the lines of the others. So are the runs of translated strings (a team
    translating an example's UI text) and those laid out differently (a block the English
    reformatted, its quotes changed on four lines): one finding each per block."""
    changes = list(_run_changes(en_block, ko_block))
    firsts: dict[int, list[Change]] = {}  # the first change of a kind -> the others it names
    for kind in ("code", "strings", "formatting"):
        same = [c for c in changes if c.kind == kind and not c.moved]
        if len(same) > 1:
            firsts[id(same[0])] = same[1:]
    named = {id(c) for rest in firsts.values() for c in rest}
    for change in changes:
        if id(change) in firsts:
            rest = firsts[id(change)]
            yield replace(change, also=_places(rest), advice=_advice(change, rest))
        elif id(change) not in named:
            yield change


def _advice(first: Change, rest: list[Change]) -> str:
    """The advice of one finding for several runs of a block: the first's, unless the runs
    differ in what they change (indentation here, quotes there: the broader advice)."""
    advices = {first.advice, *(c.advice for c in rest)}
    if len(advices) == 1:
        return first.advice
    return _QUOTES if _QUOTES in advices else _ADVICE["formatting"][1]


def _places(changes: list[Change]) -> str:
    """Where and what the further changes of a block are, the fix going in the Korean file:
    ``English line 10 ↔ Korean line 11 (`listen(port)` → `listen(port, host)`)``, ``Korean
    line 4 (`print("끝")` added)``; the first MAX_NAMED, then how many more."""
    parts = [
        f"{'' if c.korean else f'English line {c.en_line} ↔ '}Korean line {c.ko_line} ({c.brief})"
        for c in changes[:MAX_NAMED]
    ]
    if len(changes) > MAX_NAMED:
        parts.append(f"{len(changes) - MAX_NAMED} more")
    return ", ".join(parts)


def _run_changes(en_block: Block, ko_block: Block) -> Iterator[Change]:
    """One classified change per changed run of code lines (lines the Korean moved: one)."""
    en_scan, ko_scan = _scanned(en_block), _scanned(ko_block)
    if en_scan[0] == ko_scan[0] or kept_texts(en_scan[0]) == kept_texts(ko_scan[0]):
        return  # the blocks differ in comments, blank lines or trailing spaces alone (most)
    en, ko = lines_of(*en_scan), lines_of(*ko_scan)
    en_first, ko_first = _first_code_line(en_block), _first_code_line(ko_block)
    loose = _written_in(en_block.lang, LOOSE_SEMICOLONS)
    runs = list(_runs(en, ko, loose, _written_in(en_block.lang, _CASELESS)))
    moved = _moves(runs, en, ko)
    for index, run in enumerate(runs):
        if index in moved.values():
            continue  # said with the lines it moved
        if run.kind != "formatting":
            run = _past_laid_out(run, en, ko)
        en_line = en[run.i1] if run.i1 < run.i2 else None
        ko_line = ko[run.j1] if run.j1 < run.j2 else None
        en_at = en[min(run.i1, len(en) - 1)].offset + en_first if en else en_block.line
        ko_at = ko[min(run.j1, len(ko) - 1)].offset + ko_first if ko else ko_block.line
        more = max(run.i2 - run.i1, run.j2 - run.j1) - 1
        suffix = f" (and {more} more line{'s' if more > 1 else ''})" if more > 0 else ""
        label, advice = _ADVICE[run.kind]
        shift = (
            _shift(en[run.i1 : run.i2], ko[run.j1 : run.j2]) if run.kind == "formatting" else None
        )
        if shift is not None:
            what = f"code indented differently: {_show(en_line)} {shift} in Korean"
            advice = "only the indentation differs"
            brief = f"{_show(en_line, BRIEF)} {shift}"
        elif index in moved:
            to = runs[moved[index]]
            ko_at = ko[to.j1].offset + ko_first
            what = f"code line {_show(en_line)} stands elsewhere in the Korean code block"
            advice = "keep the lines in the English order"
            brief = f"{_show(en_line, BRIEF)} moved"
        elif run.kind == "code" and run.tag == "delete":
            what = f"code line {_show(en_line)} is missing from the Korean code block"
            brief = f"{_show(en_line, BRIEF)} missing"
        elif run.kind == "code" and run.tag == "insert":
            what = f"Korean code line {_show(ko_line)} is not in the English code block"
            brief = f"{_show(ko_line, BRIEF)} added"
        else:
            what = f"{label}: English {_show(en_line)}, Korean {_show(ko_line)}"
            brief = _changed_briefs(en_line, ko_line)
            if run.kind == "code" and _written_in(en_block.lang, _YAML_LANGUAGES):
                advice = _yaml_reserved(en[run.i1 : run.i2], ko[run.j1 : run.j2]) or advice
            written = _squeezed(en[run.i1 : run.i2]), _squeezed(ko[run.j1 : run.j2])
            if run.kind == "formatting" and written[0] != written[1]:
                same_letters = written[0].casefold() == written[1].casefold()
                advice = _CASE if same_letters else _QUOTES
        yield Change(
            run.kind,
            f"{what}{suffix}",
            advice,
            en_at,
            ko_at,
            moved=index in moved,
            korean=en_line is None,
            brief=brief,
        )
