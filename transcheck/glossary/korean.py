"""A suffix model of Korean: what may follow a noun inside one Korean word.

A rendering (추론) or an English word kept in Korean (sharding) is followed by particles and
endings: 추론을, 추론에서는, 샤딩된, 샤딩하는지, 커널들의, 칩당. A match must end where
such a tail ends, so 모델링 does not match 모델. Verb-forming tails (하다/되다/시키다 and
their conjugations) are open-ended and only follow renderings of two or more syllables, so
축하 is not 축 (axis) + 하.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.glossary.trie import trie_regex
from transcheck.hangul import FIRST_SYLLABLE, LAST_SYLLABLE
from transcheck.lazy import compiled

HANGUL = "\uac00-\ud7a3"


def _words(text: str) -> tuple[str, ...]:
    """A tuple of the whitespace-separated words of ``text`` (keeps long lists readable)."""
    return tuple(text.split())


# Noun suffixes that keep the noun's meaning: plural, per, by, for, between, on, within; and the
# derivations -화 (-ization) and -성 (-ity), after nouns of two or more syllables only.
DERIVED = ("화", "성")
NOUN_SUFFIXES = ("들", "당", "별", "용", "간", "상", "내", "끼리", *DERIVED)

# Case particles, auxiliary particles and the copula's common forms (after consonant and vowel).
PARTICLES = _words(
    """
    이 가 을 를 은 는 의 에 에서 에게 께 한테 으로 로 으로서
    로서 으로써 로써 와 과 도 만 까지 부터 보다 처럼 같이 마다
    조차 밖에 뿐 이나 나 이든 든 이든지 든지 이란 란 이라는 라는
    이라고 라고 이라면 라면 이라도 라도 이라 라 이며 며 이고 고
    이지만 지만 이므로 므로 이니 니 이다 다 입니다 이에요 예요
    이야 야 인 일 임 인데 인지 이었 였 이었다 였다 이었습니다
    였습니다 이어야 여야 이기 기 이죠 죠 이자 자 이면 면 요 께서
    에서의 으로의 로의 와의 과의 에의 처럼은
    """
)

# Verb-forming stems in their conjugated shapes; anything may follow them.
VERB_STEMS = _words("하 한 할 함 합 해 했 되 된 될 됨 됩 돼 됐 시키 시킨 시킬 시킴 시킵 시켜 시켰")


# Each list as a trie: a place in a word is tried against the few entries starting with its
# syllable, not against each of the particles in turn (the matcher tries the tails after every
# rendering it finds), in the same order, longest first.
_SUFFIXES = trie_regex(NOUN_SUFFIXES)
NOUN_TAIL = f"(?:{_SUFFIXES})?(?:{trie_regex(PARTICLES)}){{0,3}}"
VERB_TAIL = f"(?:{_SUFFIXES})?(?:{trie_regex(VERB_STEMS)})[{HANGUL}]*"

_NOUN_TAIL = re.compile(NOUN_TAIL)
# Last syllables of particles and endings: a longer stem ending so is an inflected form of the
# shorter one (능력을, 기반으로, 모드에서), not a longer noun (파이프라인, 플러그인, 런타임).
_INFLECTED_END = tuple(
    "을를은는이가의에로와과도으서다요면고며므만마니습입나야여라터보게럼까지란죠든"
)
# The syllables a noun tail, and a verb tail, can start with: its suffix's, first particle's
# or verb stem's first (a tail is never empty where noun_stems asks).
_NOUN_STARTS = frozenset(part[0] for part in (*NOUN_SUFFIXES, *PARTICLES))
_VERB_STARTS = frozenset(part[0] for part in (*NOUN_SUFFIXES, *VERB_STEMS))
# VERB_TAIL's start, on first use (a term with a verb ending: a third of chapters). Its
# syllables after are asked in Python (_verb_tail): compiling a Hangul class is a loop over its
# 11,172 syllables, which most runs would do for this pattern alone.
_VERB_START = compiled(f"(?:{_SUFFIXES})?(?:{trie_regex(VERB_STEMS)})")


# Whether a text is a noun tail, and a verb tail: remembered per tail, as the words of a tree
# end in a few thousand tails that each stem of each word tries (a few tries a word).
@lru_cache(maxsize=65536)
def _noun_tail(tail: str) -> bool:
    return _NOUN_TAIL.fullmatch(tail) is not None


@lru_cache(maxsize=65536)
def _verb_tail(tail: str) -> bool:
    """Whether VERB_TAIL matches all of ``tail``: its start does, and only syllables follow
    (the start matches syllables only, so no other start ends past a character that is none)."""
    start = _VERB_START().match(tail)
    return start is not None and all(
        FIRST_SYLLABLE <= char <= LAST_SYLLABLE for char in tail[start.end() :]
    )


def tail_ok(tail: str, syllables: int) -> bool:
    """Whether ``tail`` may follow a noun of ``syllables`` Hangul syllables in one word."""
    if tail.startswith(DERIVED) and syllables < 2:
        return False
    if not tail or _noun_tail(tail):
        return True
    return syllables >= 2 and _verb_tail(tail)


@lru_cache(maxsize=65536)
def noun_stems(word: str) -> tuple[str, ...]:
    """The stems one Hangul word may have, to mine renderings from: its noun stem (the shortest
    prefix of 2+ syllables whose rest is a valid tail, the word itself when none is); the longer
    prefixes before a noun tail that do not end as particles do (파이프라인 is not only 파이프 +
    라 + 인, nor 감시자 감시 + 자); and the first syllable where the rest is a noun tail (칩당 →
    칩당 and 칩; 칩에서 → 칩). Which is the rendering is for the counts over a tree to say (a
    tie goes to the longer stem); the first syllable is a noun there only when the text also
    writes it bare (칩, 칩의, 칩을), so 중간 stays 중간."""
    size = len(word)
    stem = size  # the shortest prefix of 2+ syllables before a valid tail (tail_ok), else the word
    # A tail is asked of (remembered, or matched) only where its first syllable can start one.
    for end in range(2, size):
        first = word[end]
        if (first in _NOUN_STARTS and _noun_tail(word[end:])) or (
            first in _VERB_STARTS and _verb_tail(word[end:])
        ):
            stem = end
            break
    longer: tuple[str, ...] = ()
    if stem < size and _noun_tail(word[stem:]):  # not a verb form: 발생시킬 is 발생 only
        prefixes = [
            word[:end]
            for end in range(stem + 1, size)
            if word[end] in _NOUN_STARTS and _noun_tail(word[end:])
        ]
        prefixes.append(word)
        longer = tuple(p for p in prefixes if not p.endswith(_INFLECTED_END))
    if (
        size > 1
        and word[1] in _NOUN_STARTS
        and _noun_tail(word[1:])
        and not word[1:].startswith(DERIVED)
    ):
        return (word[:stem], *longer, word[0])
    return (word[:stem], *longer)
