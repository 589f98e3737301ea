"""content-drift's echo test: an English sentence is translated, not missing, when the Korean
keeps what only that sentence has (a Latin-script term, or a number)."""

from __future__ import annotations

from transcheck.checks.drift import _echoed

# MDN's Math.sign(), English and Korean as written (its code spans taken out, as the rule reads
# prose): the Korean's second sentence, longer than a plain rendering, translates the English
# second sentence; the third has no counterpart.
ENGLISH = [
    "The function returns either a positive or negative +/- 1, indicating the sign of a number "
    "passed into the argument.",
    "If the number passed into is 0, it will return a +/- 0.",
    "Note that if the number is positive, an explicit (+) will not be returned.",
]
KOREAN = [
    "함수는 주어진 수의 부호를 나타내는 +/-1을 반환합니다.",
    "단, 에 제공한 수가 0일 경우 부호에 따라 +/-0을 반환합니다.",
]


def _echo(index: int, korean: list[str]) -> bool:
    return _echoed(ENGLISH[index], ENGLISH[:index] + ENGLISH[index + 1 :], korean)


def test_a_number_only_one_sentence_has_echoes_it_in_the_korean() -> None:
    assert _echo(1, KOREAN)
    assert not _echo(2, KOREAN)


def test_a_number_the_korean_lacks_or_other_sentences_share_is_no_echo() -> None:
    assert not _echo(1, ["함수는 주어진 수의 부호를 반환합니다."])
    # "1" is the first sentence's as well: kept in Korean, it says nothing of the second
    shared = [*ENGLISH[:1], "If the number is 1, it returns 1.", ENGLISH[2]]
    assert not _echoed(shared[1], [shared[0], shared[2]], ["부호에 따라 +/-1을 반환합니다."])


def test_a_latin_term_only_one_sentence_has_echoes_it() -> None:
    english = ["The cache keeps pages.", "Eviction uses an LRU policy today."]
    assert _echoed(english[1], english[:1], ["캐시는 페이지를 보관합니다. LRU 정책을 씁니다."])
    assert not _echoed(english[1], english[:1], ["캐시는 페이지를 보관합니다."])
