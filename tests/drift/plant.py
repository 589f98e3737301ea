"""A drift benchmark built from real page pairs: plant one change into a real chapter pair and
ask whether transcheck now calls the pair outdated.

Each kind edits the text of one side of a real pair that is in sync enough to be a baseline:
English-side kinds are what an upstream edit does after the translation (a sentence appended, a
paragraph rewritten or doubled, a heading renamed, a section or list item added or removed, a
code parameter, link target or number changed, a code span added); ``ko-list-item-removed`` is
a Korean-side defect; silent kinds are what a translator may do to the Korean without any
English change (reflow a paragraph, swap two paragraphs, write a shortcode ``{{% %}}`` instead
of ``{{< >}}``, make a link absolute). A pair is **outdated** when it has an error or warning
finding whose fingerprint the unmodified pair does not have. Where a kind plants is chosen from
the pair's own block alignment (a prose block paired one to one with a Korean block holding
Hangul), so every change lands in translated content; the place is fixed per page, so runs
repeat exactly.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transcheck.align import align_sections
from transcheck.align.blocks import BlockPair, block_alignment
from transcheck.api import check_pair
from transcheck.config import Config
from transcheck.findings import Finding, Severity, fingerprints
from transcheck.model import Block, BlockKind, Section
from transcheck.parse import parse_markdown

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLAIN_SENTENCES = (
    "This behaviour is easy to overlook when the surrounding setup changes later on.",
    "In practice, most projects never need to change this default behaviour at all.",
    "Keep in mind that the same reasoning applies when the workload grows over time.",
)


@dataclass
class Page:
    """A real chapter pair: both texts, their parse, and the block pairs of aligned sections."""

    name: str
    en: str
    ko: str
    config: Config = field(default_factory=Config)

    def __post_init__(self) -> None:
        """Parse both sides and align them once."""
        self.en_doc = parse_markdown(self.en, "en.md", self.config.slug_style, self.config.dialect)
        self.ko_doc = parse_markdown(self.ko, "ko.md", self.config.slug_style, self.config.dialect)
        alignment = align_sections(self.en_doc, self.ko_doc, self.config.rewrite_link)
        self.sections = block_alignment(alignment, self.config.rewrite_link)

    def pairs(self, kind: BlockKind = BlockKind.PARAGRAPH, min_chars: int = 80) -> list[BlockPair]:
        """1:1 block pairs of ``kind`` whose Korean holds Hangul and English is long enough."""
        found = []
        for section in self.sections:
            for pair in section.blocks:
                en, ko = pair.source, pair.target
                if en is None or ko is None or pair.joined or en.kind is not kind:
                    continue
                if ko.kind is not kind or not HANGUL.search(ko.text):
                    continue
                shared = [p for p in section.blocks if p.source is en or p.target is ko]
                if len(shared) == 1 and len(en.text) >= min_chars:
                    found.append(pair)
        return found

    def section_pairs(self) -> list[tuple[Section, Section]]:
        """Aligned section pairs with a heading of level 2 or more on both sides."""
        return [(s.source, s.target) for s in self.sections if s.source.level >= 2]


def pick(items: Sequence[object], page: Page) -> int:
    """A fixed place per page: an index into ``items`` that depends only on the page name."""
    return (sum(map(ord, page.name)) * 7919) % len(items)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _edit_end(text: str, line: int, suffix: str) -> str:
    """``text`` with ``suffix`` added at the end of 1-based ``line``."""
    lines = _lines(text)
    lines[line - 1] = lines[line - 1].rstrip() + suffix
    return "\n".join(lines)


def _replace_lines(text: str, first: int, last: int, new: Sequence[str]) -> str:
    lines = _lines(text)
    return "\n".join(lines[: first - 1] + list(new) + lines[last:])


def _block_lines(text: str, block: Block) -> list[str]:
    return _lines(text)[block.line - 1 : block.end_line]


def _plain(block: Block) -> bool:
    """A block whose raw lines are prose only (no code, math, links or tags)."""
    return not (block.code_spans or block.math or block.links or block.markup)


# --- English-side changes ------------------------------------------------------------------


def sentence_appended(page: Page) -> tuple[str, str] | None:
    """A plain sentence appended to a paragraph that ends a sentence (not one leading into a
    list or code with a colon)."""
    pairs = [
        p for p in page.pairs() if p.source is not None and p.source.text.rstrip()[-1:] in ".!?)"
    ]
    if not pairs:
        return None
    en = pairs[pick(pairs, page)].source
    assert en is not None
    sentence = PLAIN_SENTENCES[pick(PLAIN_SENTENCES, page)]
    return _edit_end(page.en, en.end_line, " " + sentence), page.ko


def paragraph_rewritten(page: Page) -> tuple[str, str] | None:
    """A paragraph replaced by another paragraph of the chapter of similar length."""
    pairs = page.pairs()
    if len(pairs) < 4:
        return None
    at = pick(pairs, page)
    en = pairs[at].source
    assert en is not None
    others = [
        p.source
        for k, p in enumerate(pairs)
        if p.source is not None
        and abs(k - at) > 1
        and 0.75 <= len(p.source.text) / len(en.text) <= 1.33
        and p.source.text != en.text
    ]
    if not others:
        return None
    other = others[pick(others, page)]
    return _replace_lines(page.en, en.line, en.end_line, _block_lines(page.en, other)), page.ko


def paragraph_doubled(page: Page) -> tuple[str, str] | None:
    pairs = page.pairs()
    if not pairs:
        return None
    en = pairs[pick(pairs, page)].source
    assert en is not None
    lines = _block_lines(page.en, en)
    return _replace_lines(page.en, en.line, en.end_line, [*lines[:-1], lines[-1], *lines]), page.ko


_HEADING = re.compile(r"^(#{1,6} +)(.*?)(\s*\{#[^}]*\})?\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def heading_renamed(page: Page) -> tuple[str, str] | None:
    """The longest word of an English heading replaced by the longest word of another heading
    (an explicit id follows the new text, as when a heading is renamed with its anchor)."""
    sections = page.section_pairs()
    if len(sections) < 2:
        return None
    en, _ = sections[pick(sections, page)]
    line = _lines(page.en)[en.line - 1]
    match = _HEADING.match(line)
    words = _WORD.findall(match.group(2)) if match else []
    if match is None or not words:
        return None
    old = max(words, key=len)
    replacements = [
        w
        for s, _ in sections
        for w in _WORD.findall(s.title)
        if w.lower() not in match.group(2).lower()
    ]
    if not replacements:
        return None
    new = max(replacements, key=len)
    title = match.group(2).replace(old, new, 1)
    explicit = f" {{#{_slug(title)}}}" if match.group(3) else ""
    renamed = _replace_lines(page.en, en.line, en.line, [match.group(1) + title + explicit])
    front = page.en_doc.front_matter  # a table of contents there names the heading too
    if front is not None:
        lines = _lines(renamed)
        for number in range(front.line, front.end_line):
            lines[number] = lines[number].replace(match.group(2), title)
        renamed = "\n".join(lines)
    return renamed, page.ko


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def section_added(page: Page) -> tuple[str, str] | None:
    """A new section (a heading and a paragraph of the chapter) before an aligned heading."""
    sections = page.section_pairs()
    pairs = page.pairs()
    if len(sections) < 2 or not pairs:
        return None
    en, _ = sections[pick(sections, page)]
    body = pairs[(pick(pairs, page) + 1) % len(pairs)].source
    assert body is not None
    new = ["#" * en.level + " Troubleshooting Common Problems", "", *_block_lines(page.en, body)]
    return _replace_lines(page.en, en.line, en.line - 1, [*new, ""]), page.ko


def section_removed(page: Page) -> tuple[str, str] | None:
    """An aligned section (heading to its last block) removed from English."""
    sections = page.section_pairs()
    if len(sections) < 3:
        return None
    en, _ = sections[pick(sections, page)]
    following = [s for s in page.en_doc.sections if s.index > en.index]
    last = following[0].line - 1 if following else len(_lines(page.en))
    return _replace_lines(page.en, en.line, last, []), page.ko


def list_item_added(page: Page) -> tuple[str, str] | None:
    pairs = page.pairs(BlockKind.LIST_ITEM, min_chars=20)
    pairs = [p for p in pairs if p.source is not None and p.source.depth <= 1]
    if not pairs:
        return None
    en = pairs[pick(pairs, page)].source
    assert en is not None
    first = _lines(page.en)[en.line - 1]
    marker = re.match(r"^(\s*(?:[-*+]|\d+[.)])\s+)", first)
    if marker is None:
        return None
    bullet = re.sub(r"\d+", "1", marker.group(1))
    sentence = PLAIN_SENTENCES[pick(PLAIN_SENTENCES, page)]
    return _replace_lines(page.en, en.end_line + 1, en.end_line, [bullet + sentence]), page.ko


_CODE_NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.])")


def code_parameter_changed(page: Page) -> tuple[str, str] | None:
    """A value of an unchanged code block changed (a number bumped, else an argument added)."""
    blocks = [
        p.source
        for s in page.sections
        for p in s.blocks
        if p.source is not None
        and p.target is not None
        and p.source.kind is BlockKind.CODE
        and p.source.text == p.target.text
        and p.source.end_line - p.source.line >= 2
    ]
    if not blocks:
        return None
    en = blocks[pick(blocks, page)]
    lines = _lines(page.en)
    for number in range(en.line, en.end_line - 1):  # the fence lines excluded
        row = lines[number]
        found = _CODE_NUMBER.search(row)
        if found is not None:
            bumped = str(int(found.group()) + 1)
            lines[number] = row[: found.start()] + bumped + row[found.end() :]
            return "\n".join(lines), page.ko
    for number in range(en.line, en.end_line - 1):
        row = lines[number]
        if "(" in row:
            lines[number] = row.replace("(", "(true, ", 1).replace("(true, )", "(true)")
            return "\n".join(lines), page.ko
    return None


_INLINE_LINK = re.compile(r"\]\((https?://[^)\s#]+|/[^)\s#]+|\.\.?/[^)\s#]+)")


def link_changed(page: Page) -> tuple[str, str] | None:
    pairs = [
        p
        for p in page.pairs(min_chars=40)
        if p.source is not None
        and any(_INLINE_LINK.search(r) for r in _block_lines(page.en, p.source))
    ]
    if not pairs:
        return None
    en = pairs[pick(pairs, page)].source
    assert en is not None
    lines = _lines(page.en)
    for number in range(en.line - 1, en.end_line):
        found = _INLINE_LINK.search(lines[number])
        if found is not None:
            url = found.group(1).rstrip("/")
            changed = url + "-v2"
            lines[number] = (
                lines[number][: found.start(1)] + changed + lines[number][found.end(1) :]
            )
            return "\n".join(lines), page.ko
    return None


_PROSE_NUMBER = re.compile(r"(?<![\w.,$^_{\\])\d+(?![\w.,^_}])")


def number_changed(page: Page) -> tuple[str, str] | None:
    pairs = [
        p
        for p in page.pairs(min_chars=40)
        if p.source is not None and p.target is not None and p.source.numbers and p.target.numbers
    ]
    for pair in pairs[pick(pairs, page) :] + pairs[: pick(pairs, page)] if pairs else []:
        en = pair.source
        assert en is not None
        lines = _lines(page.en)
        for number in range(en.line - 1, en.end_line):
            row = lines[number]
            for found in _PROSE_NUMBER.finditer(row):
                if "`" in row[: found.start()].split("`")[-1] or _in_span(row, found.start()):
                    continue
                bumped = str(int(found.group()) * 2 + 1)
                lines[number] = row[: found.start()] + bumped + row[found.end() :]
                return "\n".join(lines), page.ko
    return None


def _in_span(row: str, at: int) -> bool:
    """Whether position ``at`` of a line is inside a code span, math or a link target."""
    before = row[:at]
    return (
        before.count("`") % 2 == 1
        or before.count("$") % 2 == 1
        or before.rfind("](") > before.rfind(")")
    )


def code_span_added(page: Page) -> tuple[str, str] | None:
    """A sentence naming a code span of the chapter appended to a paragraph without it."""
    spans = sorted(
        {
            s.text
            for s in page.en_doc.sections
            for b in s.blocks
            for s in b.code_spans
            if 2 < len(s.text) < 30
        }
    )
    pairs = page.pairs()
    if not spans or not pairs:
        return None
    en = pairs[pick(pairs, page)].source
    assert en is not None
    own = {s.text for s in en.code_spans}
    fresh = [s for s in spans if s not in own and "`" not in s]
    if not fresh:
        return None
    span = fresh[pick(fresh, page)]
    return _edit_end(page.en, en.end_line, f" It is done with `{span}`."), page.ko


def ko_list_item_removed(page: Page) -> tuple[str, str] | None:
    """A Korean list item removed; when it runs over several lines, only its first line goes
    and its indented continuation lines remain."""
    pairs = page.pairs(BlockKind.LIST_ITEM, min_chars=20)
    longer = [p for p in pairs if p.target is not None and p.target.end_line > p.target.line]
    pairs = longer or pairs
    if not pairs:
        return None
    ko = pairs[pick(pairs, page)].target
    assert ko is not None
    rest = _block_lines(page.ko, ko)[1:]
    return page.en, _replace_lines(page.ko, ko.line, ko.end_line, rest)


# --- Korean-side changes that must stay silent ------------------------------------------------


def ko_reflowed(page: Page) -> tuple[str, str] | None:
    """A Korean paragraph's lines joined into one, or one long line broken in two at a space."""
    pairs = page.pairs()
    if not pairs:
        return None
    ko = pairs[pick(pairs, page)].target
    assert ko is not None
    lines = _block_lines(page.ko, ko)
    if len(lines) > 1:
        new = [" ".join(line.strip() for line in lines)]
    else:
        row = lines[0]
        middle = row.find(" ", len(row) // 2)
        if middle < 0 or "`" in row or "$" in row:
            return None
        new = [row[:middle], row[middle + 1 :]]
    return page.en, _replace_lines(page.ko, ko.line, ko.end_line, new)


def ko_paragraphs_swapped(page: Page) -> tuple[str, str] | None:
    """Two neighbouring Korean paragraphs of one section (no other block between) swapped."""
    candidates = []
    for section in page.sections:
        targets = sorted(
            {id(p.target): p.target for p in section.blocks if p.target is not None}.values(),
            key=lambda block: block.line,
        )
        candidates += [
            (a, b)
            for a, b in itertools.pairwise(targets)
            if a.kind is b.kind is BlockKind.PARAGRAPH
            and HANGUL.search(a.text)
            and HANGUL.search(b.text)
        ]
    if not candidates:
        return None
    a, b = candidates[pick(candidates, page)]
    lines = _lines(page.ko)
    first, second = lines[a.line - 1 : a.end_line], lines[b.line - 1 : b.end_line]
    between = lines[a.end_line : b.line - 1]
    swapped = lines[: a.line - 1] + second + between + first + lines[b.end_line :]
    return page.en, "\n".join(swapped)


def ko_shortcode_delimiter(page: Page) -> tuple[str, str] | None:
    """Korean ``{{% note %}}`` where both sides had ``{{< note >}}`` (see ``shortcoded``)."""
    lines = _lines(page.ko)
    if "{{< note >}}" not in lines or "{{< /note >}}" not in lines:
        return None
    lines[lines.index("{{< note >}}")] = "{{% note %}}"
    lines[lines.index("{{< /note >}}")] = "{{% /note %}}"
    return page.en, "\n".join(lines)


def shortcoded(page: Page) -> Page | None:
    """The pair with the picked paragraph wrapped in ``{{< note >}}`` on both sides, read as
    Hugo."""
    pairs = page.pairs()
    if not pairs:
        return None
    pair = pairs[pick(pairs, page)]
    assert pair.source is not None and pair.target is not None
    texts = []
    for text, block in ((page.en, pair.source), (page.ko, pair.target)):
        wrapped = ["{{< note >}}", "", *_block_lines(text, block), "", "{{< /note >}}"]
        texts.append(_replace_lines(text, block.line, block.end_line, wrapped))
    return Page(page.name, texts[0], texts[1], Config(dialect="hugo"))


def ko_link_absolute(page: Page) -> tuple[str, str] | None:
    """A Korean root-relative link written as an absolute URL of the site."""
    lines = _lines(page.ko)
    for pair in page.pairs(min_chars=20):
        ko = pair.target
        assert ko is not None
        for number in range(ko.line - 1, ko.end_line):
            found = re.search(r"\]\((/[^)\s]*)\)", lines[number])
            if found is not None:
                url = "https://ko.example.org" + found.group(1)
                lines[number] = (
                    lines[number][: found.start(1)] + url + lines[number][found.end(1) :]
                )
                return page.en, "\n".join(lines)
    return None


@dataclass(frozen=True)
class Kind:
    """One kind of change: its name, whether the pair must turn outdated, and how to plant it."""

    name: str
    outdated: bool
    plant: Callable[[Page], tuple[str, str] | None]
    prepare: Callable[[Page], Page | None] = lambda page: page  # the baseline pair to plant into


KINDS = (
    Kind("sentence-appended", True, sentence_appended),
    Kind("paragraph-rewritten", True, paragraph_rewritten),
    Kind("paragraph-doubled", True, paragraph_doubled),
    Kind("heading-renamed", True, heading_renamed),
    Kind("section-added", True, section_added),
    Kind("section-removed", True, section_removed),
    Kind("list-item-added", True, list_item_added),
    Kind("code-parameter-changed", True, code_parameter_changed),
    Kind("link-changed", True, link_changed),
    Kind("number-changed", True, number_changed),
    Kind("code-span-added", True, code_span_added),
    Kind("ko-list-item-removed", True, ko_list_item_removed),
    Kind("ko-reflowed", False, ko_reflowed),
    Kind("ko-paragraphs-swapped", False, ko_paragraphs_swapped),
    Kind("ko-shortcode-delimiter", False, ko_shortcode_delimiter, shortcoded),
    Kind("ko-link-absolute", False, ko_link_absolute),
)


def _flagged(findings: Sequence[Finding]) -> set[str]:
    """Fingerprints of the error and warning findings."""
    serious = [f for f in findings if f.severity is not Severity.INFO]
    return set(fingerprints(serious))


@dataclass(frozen=True)
class Trial:
    """One planted change: the kind, the page, whether the pair turned outdated, and the new
    findings that made it so."""

    kind: Kind
    page: str
    outdated: bool
    new: tuple[Finding, ...]

    @property
    def correct(self) -> bool:
        return self.outdated == self.kind.outdated


def trial(kind: Kind, page: Page) -> Trial | None:
    """Plant ``kind`` into ``page`` and compare with the unmodified pair (None: no place)."""
    base = kind.prepare(page)
    if base is None:
        return None
    planted = kind.plant(base)
    if planted is None or planted == (base.en, base.ko):
        return None
    before = _flagged(check_pair(base.en, base.ko, base.config))
    found = check_pair(*planted, base.config)
    serious = [f for f in found if f.severity is not Severity.INFO]
    new = tuple(f for f, p in zip(serious, fingerprints(serious), strict=True) if p not in before)
    return Trial(kind, page.name, bool(new), new)


def pages(corpus: Path) -> Iterator[Page]:
    """Every pair of a corpus (``en/`` and ``ko/`` with the same relative paths), by name."""
    for rel in _pair_paths(corpus):
        yield _load(corpus, rel)


def _pair_paths(corpus: Path) -> list[str]:
    """Relative paths of the English files that have a Korean file, sorted."""
    return [
        english.relative_to(corpus / "en").as_posix()
        for english in sorted((corpus / "en").rglob("*.md"))
        if (corpus / "ko" / english.relative_to(corpus / "en")).is_file()
    ]


def _load(corpus: Path, rel: str) -> Page:
    english, korean = corpus / "en" / rel, corpus / "ko" / rel
    return Page(
        f"{corpus.name}/{rel}",
        english.read_text(encoding="utf-8"),
        korean.read_text(encoding="utf-8"),
    )


def run(corpora: Sequence[Path], per_kind: int, kinds: Sequence[Kind] = KINDS) -> list[Trial]:
    """``per_kind`` trials of every kind in each corpus, on pages of at least four paragraph
    pairs taken in a fixed order of the kind's own (so kinds land on different pages); a page
    is read and aligned once, when first needed."""
    trials = []
    for corpus in corpora:
        loaded: dict[str, Page | None] = {}
        for kind in kinds:
            taken = 0
            order = sorted(
                _pair_paths(corpus),
                key=lambda rel: zlib.crc32(f"{kind.name} {corpus.name}/{rel}".encode()),
            )
            for rel in order:
                if taken == per_kind:
                    break
                if rel not in loaded:
                    page = _load(corpus, rel)
                    loaded[rel] = page if len(page.pairs()) >= 4 else None
                page = loaded[rel]
                result = trial(kind, page) if page is not None else None
                if result is not None:
                    trials.append(result)
                    taken += 1
    return trials
