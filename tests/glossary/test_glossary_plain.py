"""The glossary's learning and matching shortcuts answer exactly as the plain rules they stand
for: each test holds the plain rule and draws inputs from the syllables and words where the
shortcut could go wrong (tails, particles, kept English, punctuation)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from tests.checks.test_content_helpers import context
from transcheck.checks.glossary import _word_before, pair_units
from transcheck.glossary import Entry, Glossary, Matcher, Occurrence
from transcheck.glossary.aligned import _CONTAINER, Piece, Unit, _uncontained, find, joined
from transcheck.glossary.english import STOPWORDS, WORD, singular
from transcheck.glossary.korean import _INFLECTED_END as INFLECTED_END
from transcheck.glossary.korean import _NOUN_STARTS as NOUN_STARTS
from transcheck.glossary.korean import _VERB_STARTS as VERB_STARTS
from transcheck.glossary.korean import DERIVED, HANGUL, NOUN_TAIL, VERB_TAIL, noun_stems, tail_ok
from transcheck.glossary.korean import _noun_tail as noun_tail
from transcheck.glossary.korean import _verb_tail as verb_tail
from transcheck.glossary.learn import MIN_KEPT, _count, _known_keys
from transcheck.glossary.matcher import LATIN, _is_gloss, english_key, gloss_spans
from transcheck.glossary.phrases import _KOREAN_STOPWORDS as KOREAN_STOPWORDS
from transcheck.glossary.phrases import (
    _SEGMENT,
    KoreanStems,
    TwoWordPhrases,
    lone_syllables,
    phrase_keys,
    phrases,
)
from transcheck.glossary.phrases import _word_at as word_at
from transcheck.model import Block, BlockKind

# Syllables of stems, noun suffixes, particles and verb tails (하/되/시키 and their forms).
_SYLLABLES = "칩당들별용간상내화성을를은는이가의에서로와과도만까지하한할된되시키켜기반파프라인"
_KOREAN_WORD = st.text(alphabet=_SYLLABLES, min_size=1, max_size=7)
# Korean text: words (function words among them) apart by one space or more, or by other marks.
_KOREAN_TEXT = st.lists(
    st.one_of(
        _KOREAN_WORD, st.sampled_from(["이", "그", "모든", "수", " ", "  ", "\n", " \t", ", ", "a"])
    )
).map("".join)


def _plain_stems(word: str) -> tuple[str, ...]:
    """noun_stems as first written: the shortest valid stem, then each longer prefix and the
    first syllable, each tail asked on its own."""
    stem = next((word[:end] for end in range(2, len(word)) if tail_ok(word[end:], end)), word)
    longer: tuple[str, ...] = ()
    if noun_tail(word[len(stem) :]):
        longer = tuple(
            word[:end]
            for end in range(len(stem) + 1, len(word) + 1)
            if noun_tail(word[end:]) and not word[:end].endswith(INFLECTED_END)
        )
    if len(word) > 1 and noun_tail(word[1:]) and not word[1:].startswith(DERIVED):
        return (stem, *longer, word[0])
    return (stem, *longer)


@given(_KOREAN_WORD)
def test_noun_stems_as_the_plain_rule(word: str) -> None:
    assert noun_stems(word) == _plain_stems(word)


def test_no_tail_starts_with_another_syllable() -> None:
    """noun_stems asks a tail only where its first syllable is one a tail can start with: of
    all the syllables, no other starts a noun tail or a verb tail (followed by a syllable that
    may come next or by nothing)."""
    noun, verb = re.compile(f"(?:{NOUN_TAIL})"), re.compile(f"(?:{VERB_TAIL})")
    syllables = [chr(code) for code in range(0xAC00, 0xD7A4)]
    for syllable in syllables:
        for after in ("", "이", "하", "리", "들"):
            if syllable not in NOUN_STARTS:
                found = noun.match(syllable + after)
                assert found is None or found.end() == 0, syllable + after
            if syllable not in VERB_STARTS:
                assert verb.match(syllable + after) is None, syllable + after


def _corpus_lines(corpus: Path, side: str) -> list[str]:
    """Every line of the Markdown files of both corpora on ``side`` (``ko``, or ``*`` for both)."""
    return [
        line
        for tree in (corpus, corpus.parent / "vue-docs")
        for path in sorted(tree.glob(f"{side}/**/*.md"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


_VERB_TAIL = re.compile(VERB_TAIL)  # as first matched: with its class of the syllables after


@given(st.text(alphabet=st.sampled_from([*_SYLLABLES, "a", " ", "-", "\u3131", "힣"]), max_size=8))
@example("하a")  # a verb tail, then no syllable
@example("화하ㄱ")  # a suffix and a verb stem, then a jamo
def test_verb_tail_as_the_pattern_with_its_class(tail: str) -> None:
    """_verb_tail, which asks the syllables after the tail's start in Python, answers as the
    whole pattern."""
    assert verb_tail(tail) == (_VERB_TAIL.fullmatch(tail) is not None)


def test_verb_tail_as_the_pattern_on_every_korean_line(corpus: Path) -> None:
    """The same for every ending of every Korean line of both corpora (at most 12 characters)."""
    endings = {
        line[at : at + 12] for line in _corpus_lines(corpus, "ko") for at in range(len(line))
    }
    assert len(endings) > 100_000  # both corpora were read
    for tail in endings:
        assert verb_tail(tail) == (_VERB_TAIL.fullmatch(tail) is not None), tail


def test_noun_stems_as_the_plain_rule_on_every_korean_word(corpus: Path) -> None:
    words = {
        word for line in _corpus_lines(corpus, "ko") for word in re.findall(f"[{HANGUL}]+", line)
    }
    assert len(words) > 5_000  # both corpora were read
    for word in words:
        assert noun_stems(word) == _plain_stems(word)


def _plain_unit_stems(text: str, alone: frozenset[str]) -> set[str]:
    """KoreanStems as first written: the words of the text, then its neighbours, each from a
    scan of its own."""
    words = set(re.findall(f"[{HANGUL}]+", text))
    stems = {s for word in words for s in noun_stems(word) if len(s) > 1 or s in alone}
    neighbours = re.findall(f"(?<![{HANGUL}])([{HANGUL}]+) (?=([{HANGUL}]+))", text)
    for first, second in neighbours:
        if noun_stems(first)[0] == first and first not in KOREAN_STOPWORDS:
            stems.add(f"{first} {noun_stems(second)[0]}")
    return stems - KOREAN_STOPWORDS


@given(st.lists(_KOREAN_TEXT, max_size=4), st.frozensets(st.sampled_from(_SYLLABLES)))
@example(["칩 ", " 칩 메모리  칩,칩\n칩 당"], frozenset())  # a space at the end is before no word
def test_unit_stems_as_the_plain_rule(texts: list[str], alone: frozenset[str]) -> None:
    stemmer = KoreanStems(alone)
    for text in texts:
        assert stemmer(text) == _plain_unit_stems(text, alone), text


def test_unit_stems_as_the_plain_rule_on_every_korean_line(corpus: Path) -> None:
    lines = _corpus_lines(corpus, "ko")
    assert len(lines) > 10_000  # both corpora were read
    stemmer, alone = KoreanStems(frozenset("칩키축")), frozenset("칩키축")
    for line in lines:
        assert stemmer(line) == _plain_unit_stems(line, alone)


_TERMS = Glossary(
    entries=(
        Entry(term="kernel", ko=("커널",)),
        Entry(term="state", ko=("상태",), forbidden=("스테이트",)),
        Entry(term="is", ko=("이다",)),
        Entry(term="side effect", ko=("부수 효과",)),
        # met without an ASCII letter: ı, İ (dotless i, dotted capital I), ſ (long s), K (Kelvin)
        *(
            Entry(term=term, ko=(korean,))
            for term, korean in (("i", "아이"), ("s", "에스"), ("k", "케이"))
        ),
    )
)
# Korean text with English kept, and the characters IGNORECASE folds to a Latin letter.
_MIXED_TEXT = st.lists(
    st.sampled_from(
        ["커널", "상태", "스테이트", "부수", "효과", "을", "은", " ", "(", ")", "kernel", "State",
         "\u212aernel", "\u017ftate", "\u0131s", "\u0130S", "\u0131", "\u0130", "\u017f",
         "\u212a", "side-effect", "가"]
    )
).map("".join)  # fmt: skip


@given(_MIXED_TEXT)
@example("\u017f 에스")  # long s, a Latin s to IGNORECASE
@example("\u212a 케이")  # Kelvin sign, a Latin k
def test_korean_matches_as_without_the_latin_pretest(text: str) -> None:
    matcher, plain = Matcher(_TERMS), Matcher(_TERMS)
    plain._need_latin = False  # every text scanned for English terms
    assert matcher._need_latin
    assert _fields(matcher.korean(text)) == _fields(plain.korean(text))


def _fields(found: list[Occurrence]) -> list[tuple[object, ...]]:
    return [(o.entry, o.kind, o.rendering, o.surface, o.start, o.end, o.glossed) for o in found]


@given(_MIXED_TEXT)
@example("커널(kernel)")  # a gloss: the text holds its parenthesis
def test_no_gloss_without_a_parenthesis(text: str) -> None:
    """Matcher.korean asks whether two occurrences are a gloss only of a text holding "(":
    of any other text, no two are."""
    matcher = Matcher(_TERMS)
    found = [*matcher._english_matches(text), *matcher._korean_matches(text)]
    glossed = [(a, b) for a in found for b in found if _is_gloss(text, a, b)]
    assert not glossed or "(" in text


# English forms that end in a word character or not (c++), start in one or not (.net), hold a
# separator (kv cache, side-effect), and text of them with what may stand around them.
_FORMS = ["kv cache", "cache", "c++", ".net", "side-effect", "node.js", "a", "k8s", "x_y", "cat"]
_ENGLISH_TEXT = st.lists(
    st.sampled_from(
        [*_FORMS, "KV Cache", "Cats", " ", "  ", "-", ".", "+", "_", "\n", "x", "9", "(", "가",
         "\u0131", "\u212a8s"]
    )
).map("".join)  # fmt: skip


@given(st.sets(st.sampled_from(_FORMS), min_size=1), _ENGLISH_TEXT)
@example({"kv cache", "cache"}, "kv cache cache")
@example({"cat", "a"}, "a cat.a-cat")
@example({"c++", ".net"}, "c++.net")  # a match ending in a non-word character, one after it
def test_english_prose_matched_as_with_the_word_start_lookbehind(
    forms: set[str], text: str
) -> None:
    """English prose is scanned from one non-word character on (_EnglishRegex.spaced) where
    every form ends in a word character: the matches are those of the lookbehind regex."""
    matcher = Matcher(Glossary(entries=tuple(Entry(term=f, ko=("가",)) for f in sorted(forms))))
    (english,) = matcher._english_res
    assert (english.spaced is None) == any(f.endswith("+") for f in forms)
    prose = list(matcher._english_matches(text, True))
    assert _fields(prose) == _fields(list(matcher._english_matches(text)))


_LINE_TEXT = st.lists(st.sampled_from(["kernel", "state", " ", "커널을", "상태", "x"])).map("".join)


@given(_LINE_TEXT, st.integers(1, 500))
def test_one_line_piece_found_as_the_cursor_walk(text: str, line: int) -> None:
    """find places the occurrences of a one-line piece (no rows) on its line: the line the
    cursor walk over that one row gives."""
    search = Matcher(_TERMS).english
    walked = find([Piece(text, line, (text,))], search)
    found = find([Piece(text, line)], search)
    assert _fields([f.occurrence for f in found]) == _fields([f.occurrence for f in walked])
    assert [f.line for f in found] == [f.line for f in walked]


@given(st.lists(st.sampled_from([":::", ":", "::", " ", "tip", "warning", "-", "가", "\n", "a"])))
def test_container_mark_dropped_as_the_pattern_drops_it(parts: list[str]) -> None:
    """A block's prose loses a leading container mark; only a text starting ``:::`` has one."""
    text = "".join(parts)
    assert _uncontained(text) == _CONTAINER().sub("", text)


def test_a_block_is_in_a_unit_only_itself() -> None:
    """pair_units skips a block its unit already holds by ``in``: blocks compare by identity,
    so a block of the same text and lines elsewhere is another block."""
    block = Block(BlockKind.PARAGRAPH, 3, 3, "같은 문장")
    twin = Block(BlockKind.PARAGRAPH, 3, 3, "같은 문장")
    assert block in [block]
    assert twin not in [block]


@given(st.lists(st.sampled_from(["커널", "kernel", "", " ", "상태를"]), min_size=1, max_size=3))
def test_pieces_joined_as_their_texts_joined_by_a_space(texts: list[str]) -> None:
    """joined takes a lone piece's text as it is: the same text a join gives."""
    pieces = [Piece(text, line) for line, text in enumerate(texts, 1)]
    assert joined(pieces) == " ".join(text for text in texts)


def test_units_without_kept_names_share_one_empty_set(corpus: Path) -> None:
    """Every unit holds the names its blocks keep; the many holding none share one empty set,
    as do the sections without API names (run memory at 20x, issue 16: each empty frozenset is
    a new object on Python 3.11)."""
    chapter = "sharding.md"
    ctx = context(
        (corpus / "en" / chapter).read_text(encoding="utf-8"),
        (corpus / "ko" / chapter).read_text(encoding="utf-8"),
    )
    units = pair_units(ctx)
    empty = [unit.kept for unit in units if not unit.kept]
    assert len(empty) > 10 and len({id(kept) for kept in empty}) == 1
    unnamed = [unit.names for unit in units if not unit.names]
    assert len(unnamed) > 10 and len({id(names) for names in unnamed}) == 1


# English and Korean of aligned units where learning could go wrong: plurals that start no key
# as written, letters, terms the glossary has (one starting with a plural), two-word phrases.
_EN_WORDS = ["component", "components", "option", "options", "b", "c", "kernel", "kernels",
             "the", "options api", "component api", "kernel launch"]  # fmt: skip
_KNOWN = _known_keys(Glossary(entries=(Entry(term="kernel"), Entry(term="options api"))))
_LEARN_TEXT = st.lists(st.sampled_from([*_EN_WORDS, "컴포넌트", "슬롯", "커널", "."]), max_size=6)
_LEARN_UNITS = st.lists(
    st.tuples(st.sampled_from("abcd"), _LEARN_TEXT.map(" ".join), _LEARN_TEXT.map(" ".join)),
    min_size=5,
    max_size=40,
)


def _plain_count(
    units: list[tuple[str, Unit]], korean: list[str], known: set[str]
) -> dict[str, tuple[object, ...]]:
    """learn._count as first written: the English read at the first words of every key kept
    often enough, every key counted, the unlearnable ones dropped afterwards."""
    kept_in = [{key for key, _ in _plain_phrases(text, (1, 2))} if LATIN.search(text) else set()
               for text in korean]  # fmt: skip
    often = {key for key, n in Counter(chain.from_iterable(kept_in)).items() if n >= MIN_KEPT}
    first = {key.split(" ", 1)[0] for key in often}
    counts: dict[str, list[object]] = {}
    for number, (path, unit) in enumerate(units):
        for key, surface in _plain_phrases(joined(unit.english), (1, 2), first):
            if key not in often or len(key) < 3 or english_key(key, False) in known:
                continue
            count, lowercase, files, numbers, kept = counts.setdefault(key, [0, 0, set(), [], []])
            counts[key][:2] = [count + 1, lowercase + (surface == surface.lower())]
            files.add(path)
            if number not in numbers:
                numbers.append(number)
                if key in kept_in[number]:
                    kept.append(number)
    return {key: tuple(values) for key, values in counts.items()}


@given(_LEARN_UNITS)
# "options" starts only a term the glossary has as written, and counts for "option"
@example([(path, "options", "options api") for path in "aabbc"])
def test_learning_counts_as_reading_at_every_first_word(drawn: list[tuple[str, str, str]]) -> None:
    """_count leaves the unlearnable keys out before counting: its counts are those of counting
    every key kept often enough and dropping the unlearnable ones afterwards."""
    units = [(path, Unit((Piece(en, 1),), (Piece(ko, 1),))) for path, en, ko in drawn]
    korean = [ko for _, _, ko in drawn]
    counts = {
        key: (found.count, found.lowercase, found.files, list(found.units), list(found.kept))
        for key, found in _count(units, korean, _KNOWN).items()
    }
    assert counts == _plain_count(units, korean, _KNOWN)


def _plain_phrases(
    text: str, sizes: tuple[int, ...], first: set[str] | None = None
) -> list[tuple[str, str]]:
    """phrases as its docstring says: each run of words of each size in a segment, in order."""
    found = []
    for segment in _SEGMENT.findall(text):
        words = WORD.findall(segment)
        for start in range(len(words)):
            for size in sizes:
                run = words[start : start + size]
                low = [word.lower() for word in run]
                if len(run) < size or (first is not None and low[0] not in first):
                    continue
                if low[0] in STOPWORDS or low[-1] in STOPWORDS:
                    continue
                if size > 1 and (
                    any(w in STOPWORDS and w != "of" for w in low[1:-1]) or min(map(len, low)) < 2
                ):
                    continue
                found.append((" ".join([*low[:-1], singular(low[-1])]), " ".join(run)))
    return found


_PHRASE_TEXT = st.lists(
    st.sampled_from(["Kernel", "kernels", "of", "the", "a", "x", "B", "memory", "bound", "batch",
                     "sizes", "it's", "co-op", " ", " ", ", ", ". ", "(", "칩의", "2"])
).map(" ".join)  # fmt: skip


@given(_PHRASE_TEXT, st.sampled_from([(1,), (1, 2), (1, 2, 3), (2, 3)]))
def test_phrases_as_every_run_of_words(text: str, sizes: tuple[int, ...]) -> None:
    assert list(phrases(text, sizes)) == _plain_phrases(text, sizes)


# Pieces of text where reading words without the regex could go wrong: apostrophes and hyphens
# inside and at either end of a word or alone, separators in and outside ASCII, characters that
# lower otherwise (the Kelvin sign, the dotted capital I), Korean, other marks and blanks.
_READ_TEXT = st.lists(
    st.sampled_from(["Kernel", "kernels", "of", "the", "a", "x", "B", "memory", "bound", "batch",
                     "sizes", "it's", "co-op", "'", "-", "--", "'-", " ", "  ", ", ", ". ", "(",
                     "“", "”", "‘", "’", "|", "칩의", "2", "é", "\u212a", "\u0130", "_", "\t",
                     "\n", "\u3000", "—", "$", "\ud800"])
).map("".join)  # fmt: skip
_FIRST = st.none() | st.sets(st.sampled_from(["kernel", "kernels", "batch", "x", "the", "co-op",
                                              "it's", "memory", "b"]))  # fmt: skip


@given(_READ_TEXT, _FIRST)
@example("x 'kernel-' batch", {"kernel"})  # a word's edges are not the word
@example("kernel -- batch, memory", None)  # a dash between words is no break
@example("the ‘batch’ size", None)  # a curly quote is a break
@example("\u212aernel \u0130t", {"ernel", "t"})  # no letters where the text has none
def test_two_word_phrases_as_every_run_of_words(text: str, first: set[str] | None) -> None:
    """TwoWordPhrases, which reads a text's words at once without the word regex, gives the
    words and two-word phrases reading each segment's words with it gives."""
    assert list(TwoWordPhrases(first)(text)) == _plain_phrases(text, (1, 2), first)
    assert phrase_keys(text) == {key for key, _ in _plain_phrases(text, (1, 2))}


def test_two_word_phrases_as_every_run_of_words_in_both_corpora(corpus: Path) -> None:
    """The same on every line of both corpora, with all words allowed first and some of them."""
    lines = _corpus_lines(corpus, "*")
    assert len(lines) > 20_000  # both corpora were read
    words = sorted({word.lower() for line in lines for word in WORD.findall(line)})
    some = set(words[::7])
    every, starting = TwoWordPhrases(), TwoWordPhrases(some)
    for line in lines:
        assert list(every(line)) == _plain_phrases(line, (1, 2))
        assert list(starting(line)) == _plain_phrases(line, (1, 2), some)
        assert phrase_keys(line) == {key for key, _ in every(line)}


# The gloss pattern as first written: a lookbehind for the syllable before the parenthesis.
_GLOSS_LOOKBEHIND = re.compile("(?<=[\uac00-\ud7a3])\\s?\\(([^()]*)\\)")


@given(st.text(alphabet=st.sampled_from(list("가힣a (x)()\n\u3131")), max_size=24))
def test_gloss_spans_are_those_of_the_lookbehind_pattern(text: str) -> None:
    assert gloss_spans(text) == [m.span(1) for m in _GLOSS_LOOKBEHIND.finditer(text)]


@given(
    st.lists(st.text(alphabet=st.sampled_from(list("칩키축길이 a.\n(")), max_size=12), max_size=5),
    st.sets(st.sampled_from(list("칩키축길이")), min_size=1),
)
def test_lone_syllables_among_as_all_of_them(texts: list[str], among: set[str]) -> None:
    """The one-syllable words asked of a few syllables are those of all of them, among those."""
    assert lone_syllables(texts, among) == lone_syllables(texts) & among


def test_lone_syllables_among_as_all_of_them_in_both_corpora(corpus: Path) -> None:
    """The same over the Korean lines of both corpora, asked of the syllables they write most."""
    lines = _corpus_lines(corpus, "ko")
    common = {s for s, _ in Counter(re.findall(f"[{HANGUL}]", "".join(lines))).most_common(300)}
    assert len(lone_syllables(lines) & common) > 20  # both sides have something to agree on
    assert lone_syllables(lines, common) == lone_syllables(lines) & common


# The word at a place and the next one, as KoreanStems.holds first found them.
_WORD_AND_NEXT = re.compile(f"([{HANGUL}]+)(?: (?=([{HANGUL}]+)))?")


@given(_KOREAN_TEXT)
@example("칩 간")  # one space, then a word
@example("칩 ")  # one space, then the end
def test_word_at_as_the_lookahead_pattern(text: str) -> None:
    """_word_at, which finds the words with the split pattern, finds what the pattern of its
    own found at every place."""
    for at in range(len(text) + 1):
        found = _WORD_AND_NEXT.match(text, at)
        assert word_at(text, at) == (found.groups() if found else None)


def test_word_at_as_the_lookahead_pattern_on_every_korean_line(corpus: Path) -> None:
    """The same at every word start of every Korean line of both corpora."""
    for line in _corpus_lines(corpus, "ko"):
        for start in re.finditer(f"(?<![{HANGUL}])[{HANGUL}]", line):
            found = _WORD_AND_NEXT.match(line, start.start())
            assert found is not None and word_at(line, start.start()) == found.groups()


# What glossary-inconsistent took as the word before a kept English term, as first written.
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


@given(st.text(alphabet=st.sampled_from(list("ab Z가1-_\t\n\u00a0\u3000\u2028é")), max_size=16))
def test_word_before_as_the_end_anchored_search(text: str) -> None:
    for end in range(len(text) + 1):
        found = _WORD_BEFORE.search(text[:end])
        assert _word_before(text, end) == (found.group(1) if found else "")
