"""How well an English block (or two) and a Korean block (or two) fit: kind, content, length.

A block is reduced once to what survives translation (numbers, code, math, link targets and
their page names, tag keys: its tokens), their weighted mass, and its prose length. Tokens are
weighted by how few blocks of the section pair carry them, so a rare formula says more than a
common ``2``. Length is compared through the Korean/English ratio of the chapter, so a Korean
paragraph half the length its English predicts fits poorly. A group of two blocks (a merge or a
split) is scored as one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain
from operator import mul

from transcheck.hangul import HANGUL
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Markup
from transcheck.records import record
from transcheck.urlforms import link_key

# Kinds that a translator may turn into each other: a formula paragraph ending in "." is a
# paragraph in one language and a math block in the other; a list item can become a paragraph.
_CLOSE_KINDS = (
    frozenset({BlockKind.PARAGRAPH, BlockKind.MATH}),
    frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}),
    frozenset({BlockKind.PARAGRAPH, BlockKind.HTML}),
    frozenset({BlockKind.PARAGRAPH, BlockKind.LIQUID}),
)
W_KIND, W_LENGTH, W_CONTENT = 0.35, 0.2, 0.45
# Looked up once: Python 3.11 finds an enum member on its class through ``EnumType``'s
# ``__getattr__`` hook, several times a plain name, and these are asked once per block or pair.
_CODE, _LIST_ITEM = BlockKind.CODE, BlockKind.LIST_ITEM
PROSE = frozenset({BlockKind.PARAGRAPH, _LIST_ITEM})  # blocks whose length follows the ratio


def block_tokens(block: Block, rewrite: Callable[[str], str]) -> Counter[str]:
    """What survives translation in one block (numbers, code, math, link targets, tag keys)."""
    # (most blocks hold none of most kinds: an empty kind builds nothing)
    tokens = ["N:" + number.value for number in block.numbers] if block.numbers else []
    if block.code_spans:
        tokens += ["C:" + span.text.strip() for span in block.code_spans]
    if block.math:
        tokens += ["M:" + "".join(formula.text.split()) for formula in block.math]
    for link in block.links:
        if not link.url.startswith("#"):
            url = rewrite(link.url)
            tokens.append("L:" + link_key(url))
            page = url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rpartition("/")[2]
            if page:  # a page the site moved keeps its name: /admin/x is /tasks/y/x
                tokens.append("P:" + page)
    for tag in block.markup:
        tokens += markup_tokens(tag)
    if block.kind is _CODE:
        tokens += code_tokens(block.text)
    counted: Counter[str] = _new_counter(Counter)  # see _new_counter
    if tokens:  # (a quarter of all blocks hold none)
        counted.update(tokens)  # counted at once: a Counter adds one key at a time in Python
    return counted


# An empty Counter made without ``Counter.__init__``, which only empties the dict and calls
# ``update``: two Python calls of its own, which were a fifth of block_tokens (a block's tokens
# are counted once per section pair, ~14,000 blocks on vue-docs).
_new_counter = Counter.__new__


@lru_cache(maxsize=4096)
def code_tokens(text: str) -> tuple[str, ...]:
    """The tokens of every line of a code block (see code_line_tokens), remembered by text: a
    Korean code block is most often its English one as it was."""
    return tuple(chain.from_iterable(map(code_line_tokens, text.splitlines())))


# What a translator may translate inside code: the text between two tags, string literals.
_TRANSLATABLE = compiled(r">[^<>]+<|\"[^\"]*\"|'[^']*'")


def _emptied(match: re.Match[str]) -> str:
    """A tag's text or a string literal with its content taken out."""
    found = match.group(0)
    return found[0] + found[-1]


def code_shape(line: str) -> str:
    """A code line without what a translator may translate in it (a tag's text, the content
    of string literals), so a line whose text was translated still matches its source."""
    if ">" not in line and '"' not in line and "'" not in line:
        return line  # nothing to take out (most lines): no regular-expression scan
    return _TRANSLATABLE().sub(_emptied, line)


@lru_cache(maxsize=8192)
def code_line_tokens(line: str) -> tuple[str, ...]:
    """A code line as tokens: the line with its spaces normalised, and its ``code_shape`` when
    that differs (a line whose strings were translated still shares the shape). Remembered by
    line: a Korean code block whose comments were translated keeps the other lines of its
    English one, and the section aligner reads the same lines as the block aligner (on
    vue-docs 30,000 lines are 6,300 distinct ones)."""
    code = " ".join(line.split())
    shape = code_shape(code)
    return ("K:" + code,) if shape == code else ("K:" + code, "S:" + shape)


_NAMING = frozenset({"path", "key", "src", "id"})  # the attributes naming what a tag shows


def markup_tokens(tag: Markup) -> list[str]:
    """A tag as tokens: kind, name and the attribute that names what it shows (a path, key,
    source or id); a template call adds its first argument, without case, as a token of its
    own: ``{{jsxref("Array")}}`` is not ``{{jsxref("Map")}}``, while two
    ``{{EmbedLiveSample(…)}}`` naming a heading and its translation still share the name. So
    does a Hugo shortcode its first positional one: ``{{< heading "whatsnext" >}}`` is not
    ``{{< heading "prerequisites" >}}``."""
    named: dict[str, str] = {}  # the first value of each, as Markup.attr gives, in one walk
    for name, value in tag.attrs:
        if name in _NAMING and name not in named:
            named[name] = value
    get = named.get
    key = get("path") or get("key") or get("src") or get("id") or ""
    tokens = [f"H:{tag.kind}:{tag.name}:{key}"]
    if tag.attrs and (tag.kind == "template" or (tag.kind == "shortcode" and not tag.attrs[0][0])):
        tokens.append(f"A:{tag.name.casefold()}:{tag.attrs[0][1].casefold()}")
    return tokens


def kind_score(a: BlockKind, b: BlockKind) -> float:
    """1 for the same kind, 0.5 for kinds a translator turns into each other, else 0."""
    if a is b:
        return 1.0
    return 0.5 if frozenset({a, b}) in _CLOSE_KINDS else 0.0


def block_fit(a: Block, b: Block) -> float:
    """``kind_score`` of two blocks; list items nested to different depths are different kinds
    (an item of a nested list the English added is not the translation of a top-level one: only
    what they carry, not their shape and length, may pair them)."""
    if a.kind is _LIST_ITEM and a.kind is b.kind and a.depth != b.depth:
        return 0.0
    return kind_score(a.kind, b.kind)


@record
class Side:
    """One language's blocks of a section, reduced once: their tokens and prose lengths."""

    blocks: list[Block]
    tokens: list[Counter[str]]
    lengths: list[int]

    @classmethod
    def of(cls, blocks: list[Block], rewrite: Callable[[str], str]) -> Side:
        """The reduced form of ``blocks``; ``rewrite`` maps link URLs (English ones only)."""
        return cls(
            blocks, [block_tokens(b, rewrite) for b in blocks], [len(b.text) for b in blocks]
        )


def weights(frequency: Counter[str], count: int) -> dict[str, float]:
    """Each token's inverse frequency weight, ``log(1 + count / df)`` for a token ``df`` of
    the ``count`` blocks hold: worked out once per frequency (most tokens are held by one or
    two blocks), the dict then made without a Python step per token."""
    logs = {df: math.log(1 + count / df) for df in set(frequency.values())}
    return dict(zip(frequency, map(logs.__getitem__, frequency.values()), strict=True))


def weighed(weight: dict[str, float], tokens: Counter[str]) -> float:
    """The weighted size of a multiset of tokens: the same sum, token by token in order, as a
    loop over its items gives, without a Python step per token."""
    total: float = sum(map(mul, map(weight.__getitem__, tokens), tokens.values()))
    return total


class Scorer:
    """Scores groups of English and Korean blocks of one section pair, in [0, 1]."""

    def __init__(self, en: Side, ko: Side, ratio: float, trusted: bool = True) -> None:
        """Weight tokens by inverse block frequency; ``ratio`` is Korean/English prose length,
        ``trusted`` when it was learned from enough paragraphs to judge a group by length."""
        # how many blocks hold each token, counted at once (iterating a Counter gives its keys)
        self.frequency = frequency = Counter(chain.from_iterable((*en.tokens, *ko.tokens)))
        self.weight = weights(frequency, len(en.tokens) + len(ko.tokens))
        self.en, self.ko, self.ratio, self.trusted = en, ko, ratio, trusted
        weight = self.weight
        self.en_mass = [weighed(weight, tokens) if tokens else 0 for tokens in en.tokens]
        self.ko_mass = [weighed(weight, tokens) if tokens else 0 for tokens in ko.tokens]
        self._pairs: dict[tuple[int, int], float] = {}
        self._english_prose: dict[int, bool] = {}

    def mass(self, tokens: Counter[str]) -> float:
        """The weighted size of a multiset of tokens."""
        return weighed(self.weight, tokens)

    def _overlap(self, a: Counter[str], b: Counter[str], total: float) -> float:
        """Weighted Dice overlap of two token multisets whose masses add up to ``total``."""
        if not total:
            return 0.0
        if len(b) < len(a):
            a, b = b, a
        weight = self.weight
        shared = sum([weight[t] * (n if n <= m else m) for t, n in a.items() if (m := b.get(t, 0))])
        return 2 * shared / total

    def length(self, en_length: int, ko_length: int, ratio: float | None = None) -> float:
        """Similarity of prose lengths through the chapter ratio (or ``ratio``), in [0, 1]."""
        if not en_length and not ko_length:
            return 1.0
        if not en_length or not ko_length:
            return 0.0
        relative = ko_length / (en_length * (ratio or self.ratio))
        return min(relative, 1 / relative)

    def _left_in_english(self, j: int) -> bool:
        """Whether Korean block ``j`` is prose left in English (no Hangul): as long as the
        English it copies, not as the chapter's ratio would have its translation."""
        known = self._english_prose.get(j)
        if known is None:
            block = self.ko.blocks[j]
            known = block.kind in PROSE and HANGUL.search(block.text) is None
            self._english_prose[j] = known
        return known

    def pair(self, i: int, j: int) -> float:
        """English block ``i`` against Korean block ``j`` (computed once per pair)."""
        known = self._pairs.get((i, j))
        if known is None:
            known = self._pairs[i, j] = self._pair(i, j)
        return known

    def _pair(self, i: int, j: int) -> float:
        """English block ``i`` against Korean block ``j``."""
        en, ko = self.en, self.ko
        fit = block_fit(en.blocks[i], ko.blocks[j])
        a, b = en.tokens[i], ko.tokens[j]
        if not fit and (a or b) and a.keys().isdisjoint(b):
            # blocks of kinds that do not fit, sharing no token: length alone is no pair, so it
            # is not worked out (sharing one, they overlap: every token weighs log 2 or more)
            return 0.0
        ratio = 1.0 if self._left_in_english(j) else None
        structure = W_KIND * fit + W_LENGTH * self.length(en.lengths[i], ko.lengths[j], ratio)
        if not a and not b:
            return structure / (W_KIND + W_LENGTH)
        return structure + W_CONTENT * self._overlap(a, b, self.en_mass[i] + self.ko_mass[j])

    def group(self, en: Sequence[int], ko: Sequence[int]) -> float:
        """English blocks ``en`` (one or two) against Korean blocks ``ko`` taken as one text;
        0 for a group with no tokens when the ratio is not trusted (length alone cannot tell a
        split paragraph from an added one)."""
        if len(en) == 1 and len(ko) == 1:
            return self.pair(en[0], ko[0])
        es, ks = self.en, self.ko
        kinds = [block_fit(es.blocks[i], ks.blocks[j]) for i in en for j in ko]
        structure = W_KIND * sum(kinds) / len(kinds) + W_LENGTH * self.length(
            sum(es.lengths[i] for i in en), sum(ks.lengths[j] for j in ko)
        )
        a = sum((es.tokens[i] for i in en), Counter())
        b = sum((ks.tokens[j] for j in ko), Counter())
        if not a and not b:
            return structure / (W_KIND + W_LENGTH) if self.trusted else 0.0
        return structure + W_CONTENT * self._overlap(a, b, self.mass(a) + self.mass(b))
