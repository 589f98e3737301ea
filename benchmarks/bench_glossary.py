"""Speed of the check with the shipped glossary against the markdown-it-py parse floor, and the
suffix model measured against a morphological analyzer (kiwipiepy) on the same corpus.

Run by hand (not a test): ``python benchmarks/bench_glossary.py [CORPUS] [--runs N] [--kiwi]``.
``--kiwi`` needs ``pip install kiwipiepy`` (not a dependency of transcheck); it reports, per
approach, the recall of the shipped glossary's Korean renderings and the time per chapter.
Recall is measured against every place a rendering starts a Korean word in the prose; the
places one approach rejects are listed by their word, so a reader can judge the misses.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_corpus import DEFAULT_CORPUS, TARGET_RATIO, best_of
from markdown_it import MarkdownIt

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.glossary import Matcher, load_glossaries, scan_document, shipped_path
from transcheck.glossary.korean import HANGUL
from transcheck.model import BlockKind
from transcheck.parse import parse_markdown
from transcheck.report import FORMATS, RenderOptions


def speed(corpus: Path, runs: int) -> float:
    """Print floor, check without any glossary and with the default one (the general ``ko`` and
    learned terms, what ``check`` does with no options); return the default's ratio."""
    english, korean = corpus / "en", corpus / "ko"
    texts = [p.read_text(encoding="utf-8") for p in sorted(english.glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(korean.glob("*.md"))]
    floor_parser = MarkdownIt("commonmark")
    glossary = Config()
    plain = dataclasses.replace(glossary, options={"glossary": {"shipped": False, "learn": False}})

    def floor() -> None:
        for text in texts:
            floor_parser.parse(text)

    jobs = os.cpu_count() or 1

    def check(config: Config, processes: int = 1) -> Callable[[], None]:
        def run() -> None:
            report = check_paths(english, korean, config, jobs=processes)
            FORMATS["text"](report, RenderOptions())

        return run

    floor_time, plain_time, one_time, glossary_time = best_of(
        runs, floor, check(plain), check(glossary), check(glossary, jobs)
    )
    print(f"corpus: {corpus}, best of {runs}")
    print(f"floor    markdown-it-py commonmark parse only: {floor_time * 1000:8.1f} ms")
    print(f"check    without a glossary, 1 process:        {plain_time * 1000:8.1f} ms")
    print(f"check    default glossary+learned, 1 process:  {one_time * 1000:8.1f} ms")
    print(f"check    with the glossary, --jobs {jobs}:          {glossary_time * 1000:8.1f} ms")
    scan_time = best_of(runs, scan_all(english, korean))[0]
    print(f"glossary matching alone (all {len(texts)} files):    {scan_time * 1000:8.1f} ms")
    ratio = glossary_time / floor_time
    print(f"ratio    check with glossary / floor: {ratio:.2f} (target <= {TARGET_RATIO})")
    return ratio


def scan_all(english: Path, korean: Path) -> Callable[[], None]:
    """Scanning every parsed document of the corpus with the shipped glossary (parse excluded)."""
    matcher = Matcher(load_glossaries([shipped_path()]))
    documents = [
        (parse_markdown(p.read_text(encoding="utf-8"), str(p)), side is korean)
        for side in (english, korean)
        for p in sorted(side.glob("*.md"))
    ]
    return lambda: [scan_document(d, matcher, korean=k) for d, k in documents] and None


def korean_prose(corpus: Path) -> dict[str, list[str]]:
    """Prose of every Korean chapter, block by block (what the glossary rules read)."""
    prose = {}
    for path in sorted((corpus / "ko").glob("*.md")):
        document = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        prose[path.name] = [
            block.text
            for section in document.sections
            for block in section.blocks
            if block.kind not in (BlockKind.CODE, BlockKind.MATH) and block.text
        ]
    return prose


def candidates(renderings: Sequence[str], text: str) -> list[tuple[int, str]]:
    """(offset, word) of every place a rendering starts a Korean word: the recall baseline."""
    found = []
    for rendering in renderings:
        pattern = re.compile(f"(?<![{HANGUL}]){re.escape(rendering)}[{HANGUL}]*")
        found += [(m.start(), m.group(0)) for m in pattern.finditer(text)]
    return sorted(set(found))


def compare(corpus: Path) -> None:
    """Recall and time per chapter: suffix model (transcheck) versus kiwipiepy, out of the box
    and with the glossary's renderings added to its dictionary."""
    from kiwipiepy import Kiwi

    glossary = load_glossaries([shipped_path()])
    matcher = Matcher(glossary)
    renderings = sorted({r for e in glossary.entries for r in e.ko if " " not in r})
    wanted = set(renderings)
    prose = korean_prose(corpus)
    started = time.perf_counter()
    analyzers = {"kiwi": Kiwi(), "kiwi+dict": Kiwi()}
    for rendering in renderings:
        analyzers["kiwi+dict"].add_user_word(rendering, "NNG")
    print(f"kiwipiepy: two models loaded in {(time.perf_counter() - started) * 1000:.0f} ms")

    def suffix(text: str) -> set[int]:
        return {o.start for o in matcher.korean(text)}

    def analyzer(kiwi: Kiwi) -> Callable[[str], set[int]]:
        return lambda text: {
            t.start for t in kiwi.tokenize(text) if t.form in wanted and t.tag.startswith("NN")
        }

    approaches = {"suffix": suffix} | {name: analyzer(k) for name, k in analyzers.items()}
    places = 0
    matched: Counter[str] = Counter()
    missed: dict[str, Counter[str]] = {name: Counter() for name in approaches}
    timing: Counter[str] = Counter()
    for blocks in prose.values():
        for text in blocks:
            found = candidates(renderings, text)
            places += len(found)
            for name, approach in approaches.items():
                started = time.perf_counter()
                hits = approach(text)
                timing[name] += time.perf_counter() - started
                for start, word in found:
                    if start in hits:
                        matched[name] += 1
                    else:
                        missed[name][word] += 1
    print(f"Korean chapters: {len(prose)}; places a rendering starts a word: {places}")
    for name in approaches:
        share = matched[name] / places if places else 0.0
        per_chapter = timing[name] / len(prose) * 1000
        print(
            f"{name:9} matched {matched[name]:5} ({share:.1%}), {per_chapter:7.2f} ms per chapter"
        )
        words = ", ".join(f"{w} {n}" for w, n in missed[name].most_common(20))
        print(f"          not matched: {words}")


def main() -> int:
    """Run the speed comparison (exit 1 above target), and the analyzer comparison on request."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kiwi", action="store_true", help="compare with kiwipiepy")
    args = parser.parse_args()
    ratio = speed(args.corpus, args.runs)
    if args.kiwi:
        compare(args.corpus)
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
