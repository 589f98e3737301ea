"""Numbers written in prose, with a canonical value so 1,000 and 1000 (and 1e3) compare equal.

A number is not part of a word written in Latin letters or digits (``bf16``, ``v5e``, ``x86`` are
names, not numbers), nor in other letters that spell names (MathML's ``𝙻𝙾𝙶𝟸𝙴``, fullwidth
``ｖ５``), but it may touch Korean letters: particles and counters are written without a
space (``16개의``, ``약8배``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from transcheck.hangul import HANGUL
from transcheck.model import Number

# A number starts on a sign or a digit: the pattern starts with that character class, so the
# regex engine skips to one before trying the rest (one starting with a lookaround is tried at
# every character: on the book's runs holding a digit, 290 instructions a character, now 180).
# What comes before the number is looked at from just after its first character (``(?<!X.)``:
# no X before it). A sign after a slash is the "-" of "+/-" (``+/-1`` is ``+/- 1``, plus or
# minus one), not the number's own.
_NUMBER = (
    r"[-+−\d]"
    r"(?:(?<=\d)(?<![A-Za-z0-9_.,].)(?:\d{0,2}(?:,\d{3})+|\d*)"  # a digit, not after a name's
    r"|(?<=[-+−])(?<![A-Za-z0-9_.,/].)(?:\d{1,3}(?:,\d{3})+|\d+))"  # a sign, then digits
    r"(?:\.\d+)?(?:[eE][-+]?\d+)?%?(?!\d)"
)
NUMBER = re.compile(_NUMBER)
# In an ASCII text ``\d`` can only be 0-9: the same pattern with ASCII classes finds the same
# numbers there, testing a digit by its code rather than asking its Unicode category.
_ASCII_NUMBER = re.compile(_NUMBER, re.ASCII)
_DIGIT = re.compile(r"\d")  # every number holds one; most prose holds none
_ASCII_DIGITS = "0123456789"


def canonical_number(text: str) -> str:
    """A canonical form of a written number: 1,000 and 1000 and 1e3 give the same string."""
    if text.isascii() and text.isdigit() and len(text) < 16 and (text[0] != "0" or len(text) == 1):
        return text  # a plain integer (most numbers) is its own canonical form
    cleaned = text.replace(",", "").replace("−", "-").rstrip("%")
    try:
        value = Decimal(cleaned).normalize()
    except InvalidOperation:
        return text
    suffix = "%" if text.endswith("%") else ""
    return f"{value:f}{suffix}" if abs(value.adjusted()) < 16 else f"{value}{suffix}"


def _in_a_name(run: str, start: int) -> bool:
    """Whether the number at ``start`` follows a non-ASCII letter or digit that is not Korean
    (or a CJK ideograph): the ASCII ones are left out by ``NUMBER``'s lookbehind, and these
    are rare enough to be asked here, once per number, not at every character."""
    if start == 0:
        return False
    before = run[start - 1]
    return (
        not before.isascii()
        and before.isalnum()
        and HANGUL.match(before) is None
        and not "\u4e00" <= before <= "\u9fff"
    )


def find_numbers(pieces: Sequence[tuple[str, int]], run: str | None = None) -> list[Number]:
    """Numbers in prose given as pieces (text, line it starts on), read as one run of text
    (``run``, the pieces joined, when the caller has it already).

    Reading the pieces joined keeps ``**bf**16`` from yielding a number, as a reader sees ``bf16``.
    """
    if run is None:
        run = "".join([text for text, _ in pieces])
    # An ASCII text (O(1) to tell) holds no digit but these: ten scans at memchr speed tell
    # most prose out, where the regex engine asks every character's Unicode category.
    ascii_run = run.isascii()
    if ascii_run:
        for digit in _ASCII_DIGITS:
            if digit in run:
                break
        else:
            return []
    first = _DIGIT.search(run)
    if first is None:
        return []
    # The search starts just before the first digit (a sign may precede it); the lookbehinds
    # still see the characters before that.
    number = _ASCII_NUMBER if ascii_run else NUMBER
    matches = list(number.finditer(run, max(first.start() - 1, 0)))
    if not matches:
        return []
    pieces = [piece for piece in pieces if piece[0]]
    starts: list[int] = []
    size = 0
    for text, _ in pieces:
        starts.append(size)
        size += len(text)
    found = []
    for match in matches:
        if _in_a_name(run, match.start()):
            continue
        piece = bisect_right(starts, match.start()) - 1
        text, line = pieces[piece]
        at = line + text.count("\n", 0, match.start() - starts[piece])
        found.append(Number(match.group(0), canonical_number(match.group(0)), at))
    return found
