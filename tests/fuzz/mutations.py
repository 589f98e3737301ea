"""A mutation fuzzer over real chapters: what a hostile or careless pull request does to a file.

Each mutation takes a real chapter pair of a shared corpus and changes one side (or both) a few
times: line deletions, duplications, swaps, inserted Markdown fragments (fences, ``$$``,
comments, Liquid tags, ``:::`` containers, headings, tables, HTML tags, front-matter fences),
truncation and random characters. Everything is driven by one ``random.Random``: a seed gives
the same pairs on every machine. Used by tests/fuzz/test_fuzz_corpus.py and by hand
(``python tests/fuzz/fuzz_corpus.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

FRAGMENTS = (
    "```",
    "```python\nx = 1\n",
    "~~~~\n",
    "$$",
    "$$\nE = mc^2\n",
    "<!--",
    "-->",
    "<!-- transcheck-disable-next-line TC201 -->",
    "{% details x %}",
    "{% enddetails %}",
    '{% include figure.liquid path="a.png" %}',
    "{%",
    "::: tip",
    ":::",
    "::: details Title\n",
    "#",
    "# ",
    "## 새 절",
    "###### x {#id}",
    "Title\n=====",
    "---",
    "+++",
    "---\ntitle: [broken\n---",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "| a |",
    "|---|",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<details><summary>x</summary>",
    "<script>",
    "<pre>",
    "<table><tr><td>",
    "[x](#nowhere)",
    "[x][ref]",
    "[ref]: https://example.com",
    "![](",
    "[^1]",
    "[^1]: note",
    "> [!NOTE]",
    "> ",
    "- ",
    "1. ",
    "    indented code",
    "\t",
    "`",
    "``",
    "*",
    "**",
    "_",
    "\\",
    "{: .note}",
    "{:",
    "<Note>",
    "import X from './x'",
    "{{< note >}}",
    "{{< /note >}}",
    "{{% x %}}",
    "&amp;",
    "&#0;",
    "$1.5$",
    "\\[",
    "1,000,000",
    "",
    # YAML that breaks PyYAML's constructors when it lands inside front matter
    "date: 2025-02-30",
    "n: !!int abc",
    "x: !!python/object/apply:os.system ['true']",
    "y: !custom tag",
    "z: " + "[" * 1200,
    "k: &a [*a]",
)
# Characters a broken editor or a binary paste leaves: controls, surrogates' neighbours, marks.
ODD = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\u00a0\u200b\u200d\u2028\u2029\ufeff\ufffd\U0001f600\u0301"


@dataclass(frozen=True)
class Chapter:
    """One real chapter pair: the relative path and both texts."""

    rel: str
    english: str
    korean: str


def corpus_chapters(name: str) -> list[Chapter]:
    """Every chapter pair of the shared corpus ``name`` (empty when it is absent)."""
    root = (CORPORA / name).resolve()
    english_root, korean_root = root / "en", root / "ko"
    if not english_root.is_dir():
        return []
    chapters = []
    for english in sorted(english_root.rglob("*.md")):
        rel = english.relative_to(english_root).as_posix()
        korean = korean_root / rel
        if korean.is_file():
            chapters.append(
                Chapter(
                    rel,
                    english.read_text(encoding="utf-8"),
                    korean.read_text(encoding="utf-8"),
                )
            )
    return chapters


def _mutate_lines(text: str, rng: random.Random) -> str:
    """``text`` changed once: one of the line-level mutations, truncation or odd characters."""
    lines = text.split("\n")
    kind = rng.randrange(8)
    # A quarter of the places are in the first lines, where front matter lives.
    at = rng.randrange(min(len(lines), 6) + 1 if rng.random() < 0.25 else len(lines) + 1)
    if kind == 0 and lines:  # delete a run of lines
        del lines[at : at + rng.randint(1, 5)]
    elif kind == 1 and lines:  # duplicate a run of lines
        lines[at:at] = lines[at : at + rng.randint(1, 5)]
    elif kind == 2 and len(lines) > 1:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind in (3, 4):  # insert a fragment, as its own line or inside a line
        fragment = rng.choice(FRAGMENTS)
        if kind == 3 or not lines or at >= len(lines):
            lines.insert(at, fragment)
        else:
            line = lines[at]
            cut = rng.randrange(len(line) + 1)
            lines[at] = line[:cut] + fragment + line[cut:]
    elif kind == 5:  # truncate anywhere (possibly mid-construct)
        return text[: rng.randrange(len(text) + 1)]
    elif kind == 6:  # odd characters anywhere
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(ODD))
        return "".join(chars)
    else:  # random printable bytes decoded leniently, as a binary paste would look
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
        lines.insert(at, blob.decode("utf-8", errors="replace"))
    return "\n".join(lines)


def mutate(text: str, rng: random.Random) -> str:
    """``text`` after one to four mutations."""
    for _ in range(rng.randint(1, 4)):
        text = _mutate_lines(text, rng)
    return text


def mutated_pairs(chapters: list[Chapter], count: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """``count`` mutated pairs (rel, English, Korean) drawn from ``chapters`` with ``seed``.

    Most mutate the Korean side (what a translation pull request changes); some the English,
    some both, and some pair one chapter's English with another's Korean.
    """
    rng = random.Random(seed)
    for _ in range(count):
        chapter = rng.choice(chapters)
        english, korean = chapter.english, chapter.korean
        roll = rng.random()
        if roll < 0.1:
            korean = rng.choice(chapters).korean
        if roll < 0.6 or roll >= 0.85:
            korean = mutate(korean, rng)
        if roll >= 0.6:
            english = mutate(english, rng)
        yield chapter.rel, english, korean
