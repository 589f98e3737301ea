"""What a section carries across translation, and how strongly two sections look alike.

Headings are usually translated, so their text rarely pairs sections. What survives translation
does: link URLs, image paths, code, math, inline code, numbers, Liquid/HTML keys, and the English
words a Korean heading keeps. Evidence is smoothed toward a neutral 0.5: a section with nothing
to compare neither confirms nor refutes a pair, while tokens found on one side only, or different
tokens on both sides, push the score down. Level, prose length and block shape add weak evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz

from transcheck.align.blockscore import code_line_tokens, markup_tokens, weighed, weights
from transcheck.lazy import compiled
from transcheck.model import IMAGE_KINDS, BlockKind, Section
from transcheck.records import record

TOKEN_PSEUDO = 2.0  # smoothing mass of content evidence, about one distinctive token's weight
WORD_PSEUDO = 0.5  # smoothing mass of heading-word evidence: no words at all gives 0.5
# How much each part counts; content and heading words are evidence, the rest is shape.
W_CONTENT, W_TITLE, W_LEVEL, W_LENGTH, W_SHAPE = 0.5, 0.2, 0.1, 0.1, 0.1

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")
_COMMENT = re.compile(r"^\s*(#|//|/\*|\*|--|%|;)")
# A comment that ends a code line (`x = 1; // note`, `a: 1; /* note */`): translators translate
# it, so the line is compared without it.
_TRAILING_COMMENT = compiled(r"\s+(?://.*|/\*.*\*/|<!--.*-->)$")
_CODE, _HEADING = BlockKind.CODE, BlockKind.HEADING  # looked up once (see blockscore._CODE)
_SHAPE = {
    BlockKind.PARAGRAPH: "p",
    BlockKind.LIST_ITEM: "l",
    BlockKind.TABLE_ROW: "t",
    BlockKind.CODE: "c",
    BlockKind.MATH: "m",
    BlockKind.HTML: "h",
    BlockKind.LIQUID: "q",
}


def section_tokens(section: Section, rewrite: Callable[[str], str]) -> Counter[str]:
    """The language-neutral tokens of a section's body and heading markup, as a multiset: link
    targets, images, code spans, code lines, formulas, numbers, tags, each kind in block order
    (the order of the section's own ``links``, ``images``, ... and so of the Counter's keys)."""
    return _walk(section, rewrite)[0]


def _walk(section: Section, rewrite: Callable[[str], str]) -> tuple[Counter[str], int, str]:
    """A section's tokens (see section_tokens), prose length and block shape, in one walk over
    its blocks, not the section's seven per-kind properties (which the aligner alone asks for
    several of, each walking the blocks) and two more walks for the length and the shape."""
    links: list[str] = []
    images: list[str] = []
    spans: list[str] = []
    code: list[str] = []
    math: list[str] = []
    numbers: list[str] = []
    markup: list[str] = []
    length = 0
    shape: list[str] = []
    for block in section.blocks:
        kind = block.kind
        if kind is not _HEADING:  # its prose length (chapter_ratio sums it too)
            length += len(block.text)
            shape.append(_SHAPE.get(kind, ""))
        for link in block.links:
            if link.kind in IMAGE_KINDS:
                images.append("I:" + link.url)
            elif link.url[:1] != "#":
                links.append("L:" + rewrite(link.path_part))
        if block.code_spans:
            spans += ["C:" + span.text.strip() for span in block.code_spans]
        if kind is _CODE:
            code += _code_tokens(block.text)
        if block.math:
            math += ["M:" + "".join(formula.text.split()) for formula in block.math]
        if block.numbers:
            numbers += ["N:" + number.value for number in block.numbers]
        for tag in block.markup:
            markup += markup_tokens(tag)
    # counted at once: a Counter adds one key at a time in Python
    tokens = Counter(links + images + spans + code + math + numbers + markup)
    return tokens, length, "".join(shape)


@lru_cache(maxsize=4096)
def _code_tokens(text: str) -> tuple[str, ...]:
    """The tokens of a code block's lines (see code_line_tokens) without its comments, which
    translators translate; remembered by text: a Korean code block is most often its English
    one as it was."""
    return tuple(chain.from_iterable(map(_code_line_tokens, text.splitlines())))


@lru_cache(maxsize=8192)
def _code_line_tokens(code_line: str) -> tuple[str, ...]:
    """The tokens of one code line without a comment (none for a blank line or a comment line),
    remembered by line: code blocks that differ share most of their lines (on vue-docs, 16,800
    lines of distinct blocks are 6,200 distinct lines)."""
    if not code_line.strip() or _COMMENT.match(code_line):
        return ()
    if "//" in code_line or "/*" in code_line or "<!--" in code_line:
        code_line = _TRAILING_COMMENT().sub("", code_line)
    return code_line_tokens(code_line)


@record
class Features:
    """One section reduced to what the scorer compares."""

    tokens: Counter[str]
    title: str  # lower-cased heading text
    words: frozenset[str]  # Latin-script words and numbers of the heading, see _stem
    level: int
    length: int
    shape: str


def features(section: Section, rewrite: Callable[[str], str]) -> Features:
    """The features of one section; ``rewrite`` maps English URLs to their Korean form."""
    title = section.title.lower()
    tokens, length, shape = _walk(section, rewrite)
    words = frozenset(_stem(word) for word in _WORD.findall(title))
    return Features(tokens, title, words, section.level, length, shape)


def _stem(word: str) -> str:
    """A lower-cased heading word without a plural ``s``: Korean keeps ``GPU`` of ``GPUs``."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def title_evidence(a: Features, b: Features) -> float:
    """How many of the Korean heading's Latin words the English heading has (0.5: none)."""
    if a.title and a.title == b.title:
        return 1.0
    if not (a.words and b.words):  # most headings have none
        return no_shared_words(b)
    return (len(a.words & b.words) + WORD_PSEUDO) / (len(b.words) + 2 * WORD_PSEUDO)


def no_shared_words(b: Features) -> float:
    """``title_evidence`` of a Korean heading and an English one that shares none of its words
    (and is not written the same): it depends on the Korean heading alone."""
    return WORD_PSEUDO / (len(b.words) + 2 * WORD_PSEUDO)


class Scorer:
    """Scores every English x Korean section pair; token weights are inverse section frequency."""

    def __init__(self, source: Sequence[Features], target: Sequence[Features]) -> None:
        self.source = source
        self.target = target
        frequency = Counter(chain.from_iterable(f.tokens.keys() for f in (*source, *target)))
        count = len(source) + len(target)
        self.weight = weights(frequency, count)
        self.source_below, self.source_folded = _with_subsections(source)
        self.target_below, self.target_folded = _with_subsections(target)
        source_length = sum(f.length for f in source)
        target_length = sum(f.length for f in target)
        self.ratio = target_length / source_length if source_length and target_length else 1.0
        self._folded: set[tuple[int, int]] = set()
        self._shapes: dict[tuple[str, str], float] = {}  # few shapes recur: "p", "pp", "pc", ...

    def _mass(self, tokens: Counter[str]) -> float:
        """The weighted size of a section's multiset of tokens."""
        return weighed(self.weight, tokens)

    def shared(
        self,
        source: Sequence[Counter[str]],
        target: Sequence[Counter[str]],
        same_level: bool = False,
        alone: tuple[Sequence[bool], Sequence[bool]] | None = None,
    ) -> list[list[float]]:
        """Per English section, per Korean section: the weight of the tokens both carry (with
        ``same_level``, 0.0 for Korean sections of another level than the English section's;
        with ``alone``, per English and per Korean section whether it is compared as itself,
        0.0 for a pair of two such sections, which ``Scorer.evidence`` compares already).

        Built from an inverted index, so the cost follows the shared tokens: a row starts at
        0.0 for every Korean section (no token is weightless, so 0.0 is "nothing shared").
        """
        # per level (0 for all without ``same_level``): token -> (Korean section, its count);
        # ``folding`` holds the Korean sections not compared as themselves alone
        # (indexed only at the levels of the English sections that read them: the sections
        # compared as themselves at a level none of which has subsections ask no ``holders``)
        asked: tuple[set[int], set[int]] = (set(), set())  # levels of ``holders``, ``folding``
        for i, section in enumerate(self.source):
            asked[alone is not None and alone[0][i]].add(section.level if same_level else 0)
        holders: dict[int, defaultdict[str, list[tuple[int, int]]]] = {}
        folding: dict[int, defaultdict[str, list[tuple[int, int]]]] = {}
        for j, tokens in enumerate(target):
            level = self.target[j].level if same_level else 0
            if level in asked[0]:
                _hold(holders.setdefault(level, defaultdict(list)), j, tokens)
            if alone is not None and not alone[1][j] and level in asked[1]:
                _hold(folding.setdefault(level, defaultdict(list)), j, tokens)
        nothing: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        weight = self.weight
        result: list[list[float]] = []
        columns = len(target)
        for i, tokens in enumerate(source):
            index = folding if alone is not None and alone[0][i] else holders
            at_level = index.get(self.source[i].level if same_level else 0, nothing)
            row = [0.0] * columns
            for token, n in tokens.items():
                held = at_level.get(token)
                if held is not None:
                    w = weight[token]
                    for j, count in held:
                        row[j] += w * (count if count < n else n)
            result.append(row)
        return result

    def evidence(self) -> list[list[float]]:
        """The evidence (content or heading words, the stronger) of every pair; ``score`` then
        works out the score of the pairs the aligner reads (see sections._vouched).

        Content is compared section to section, and, for two headings of one level, also with
        their subsections folded in: a Korean section that keeps in one section what the English
        has since split into subsections (``### Example`` ↔ ``### 예제`` + ``#### HTML``,
        ``#### CSS``) still shows its content. This is the aligner's O(n x m) part; it stays
        plain arithmetic per pair. The preambles (text before the first heading) are decided
        outright, not scored: one pairs with the other (1.0) and with no heading's section (0.0).
        """
        own = self._own = _Content(
            self, [f.tokens for f in self.source], [f.tokens for f in self.target]
        )
        below = self._below = _Content(
            self, self.source_below, self.target_below, same_level=True, own=own
        )
        # A heading written the same on both sides (a name, a number) identifies its pair: the
        # folded-in subsections of another section never outweigh it.
        source_titles, target_titles = _by_title(self.source), _by_title(self.target)
        target_mass = own.target_mass
        # each Korean heading's word evidence against an English heading sharing no word: the
        # title_evidence of most pairs (a heading written the same, or with Latin-script words
        # on both sides, is worked out)
        unshared = self._unshared = [no_shared_words(b) for b in self.target]
        folded = self._folded  # the pairs whose content is their folded one (see score)
        evidence: list[list[float]] = []
        for i, a in enumerate(self.source):
            if not a.level:  # the preamble (level 0) pairs with the other preamble only
                evidence.append([0.0 if b.level else 1.0 for b in self.target])
                continue
            row = []
            shared, mass, below_shared = own.shared[i], own.source_mass[i], below.shared[i]
            words, heading = a.words, a.title
            for j, b in enumerate(self.target):
                if not b.level:
                    row.append(0.0)
                    continue
                # own.evidence(i, j), written out: this loop runs for every other pair
                content = (2 * shared[j] + TOKEN_PSEUDO) / (
                    mass + target_mass[j] + 2 * TOKEN_PSEUDO
                )
                if (
                    a.level == b.level
                    and below_shared[j]
                    and i in source_titles.get(b.title, (i,))
                    and j in target_titles.get(a.title, (j,))
                    and (deeper := below.evidence(i, j)) > content
                ):
                    content = deeper  # compared with their subsections
                    folded.add((i, j))
                # self._title(a, b, j), written out
                if (words and b.words) or heading == b.title:
                    title = title_evidence(a, b)
                else:
                    title = unshared[j]
                row.append(content if content >= title else title)
            evidence.append(row)
        return evidence

    def _title(self, a: Features, b: Features, j: int) -> float:
        """``title_evidence`` of English heading ``a`` and Korean heading ``b`` (number ``j``),
        read from the words no English heading shares when ``a`` shares none."""
        if (a.words and b.words) or a.title == b.title:
            return title_evidence(a, b)
        return self._unshared[j]

    def score(self, i: int, j: int) -> float:
        """The score of one pair, after ``evidence``: its content (folded in where the evidence
        pass took the folded one), heading words, level, prose length and block shape."""
        a, b = self.source[i], self.target[j]
        if not a.level or not b.level:
            return 0.0 if a.level or b.level else 1.0
        x, y = a, b
        if (i, j) in self._folded:  # compared with their subsections, in length and shape too
            content = self._below.evidence(i, j)
            x, y = self.source_folded[i], self.target_folded[j]
        else:
            content = self._own.evidence(i, j)
        if x.shape == y.shape:
            shape = 1.0
        else:
            shape = self._shapes.get((x.shape, y.shape), -1.0)
            if shape < 0:
                shape = self._shapes[x.shape, y.shape] = fuzz.ratio(x.shape, y.shape) / 100
        # similarity of prose lengths through the overall Korean/English length ratio
        if x.length and y.length:
            relative = (y.length / x.length) / self.ratio
            length = min(relative, 1 / relative)
        else:
            length = 0.0 if x.length or y.length else 1.0
        return (
            W_CONTENT * content
            + W_TITLE * self._title(a, b, j)
            + W_LEVEL * (a.level == b.level)
            + W_LENGTH * length
            + W_SHAPE * shape
        )


def _hold(index: defaultdict[str, list[tuple[int, int]]], j: int, tokens: Counter[str]) -> None:
    """Enter Korean section ``j``'s tokens, with their counts, into an inverted index."""
    for token, count in tokens.items():
        index[token].append((j, count))


def _by_title(sections: Sequence[Features]) -> dict[str, set[int]]:
    """The indices of the sections of each (non-empty) heading text."""
    found: dict[str, set[int]] = {}
    for index, section in enumerate(sections):
        if section.title:
            found.setdefault(section.title, set()).add(index)
    return found


def _with_subsections(sections: Sequence[Features]) -> tuple[list[Counter[str]], list[Features]]:
    """Per section, with those of its subsections: its tokens (none for the preamble), and its
    features with their length and shape (a section without subsections, and the preamble:
    its own features themselves, not a copy)."""
    below: list[Counter[str]] = []
    folded: list[Features] = []
    for index, section in enumerate(sections):
        end = index + 1
        if section.level:
            while end < len(sections) and sections[end].level > section.level:
                end += 1
        if end == index + 1:
            # a section without subsections keeps its own multiset itself (see _Content)
            below.append(section.tokens if section.level else Counter())
            folded.append(section)
            continue
        inner = sections[index:end]
        # counted at once, in the order a Counter updated part by part has them
        below.append(Counter(chain.from_iterable(part.tokens.elements() for part in inner)))
        length = sum(s.length for s in inner)
        shape = "".join(s.shape for s in inner)
        folded.append(
            Features(section.tokens, section.title, section.words, section.level, length, shape)
        )
    return below, folded


class _Content:
    """Content evidence of section pairs from one token multiset per section on each side."""

    def __init__(
        self,
        scorer: Scorer,
        source: Sequence[Counter[str]],
        target: Sequence[Counter[str]],
        same_level: bool = False,
        own: _Content | None = None,
    ) -> None:
        """``own``: the content of each section alone; given, a section whose multiset is its
        own one (no subsections to fold in, see _with_subsections) takes its mass from it, and
        a pair of two such sections is given 0.0 shared, not worked out, as its evidence would
        be its own one again (so ``evidence`` is wrong for that pair, see there)."""
        self.source, self.target = source, target
        if own is None:
            self.shared = scorer.shared(source, target, same_level)
            self.source_mass = [scorer._mass(tokens) for tokens in source]
            self.target_mass = [scorer._mass(tokens) for tokens in target]
            return
        alone = (
            [a is b for a, b in zip(source, own.source, strict=True)],
            [a is b for a, b in zip(target, own.target, strict=True)],
        )
        self.shared = scorer.shared(source, target, same_level, alone)
        self.source_mass = [
            mass if same else scorer._mass(tokens)
            for tokens, same, mass in zip(source, alone[0], own.source_mass, strict=True)
        ]
        self.target_mass = [
            mass if same else scorer._mass(tokens)
            for tokens, same, mass in zip(target, alone[1], own.target_mass, strict=True)
        ]

    def evidence(self, i: int, j: int) -> float:
        """Shared token weight against both sides' weight, smoothed toward 0.5. Made with
        ``own``, it is wrong for a pair of two sections without subsections (0.0 shared stands
        for their own evidence): a caller tests ``shared[i][j]`` first, as ``evidence`` does."""
        return (2 * self.shared[i][j] + TOKEN_PSEUDO) / (
            self.source_mass[i] + self.target_mass[j] + 2 * TOKEN_PSEUDO
        )
