"""The HTML report of the real corpus: its size, every finding under its lines, and glossary
counts equal to ``glossary stats``."""

from __future__ import annotations

from pathlib import Path

from html_dom import parse
from html_helpers import checked, with_shipped_glossary

from transcheck.chapterview import glossary_table
from transcheck.glossary import Kind, active_matcher
from transcheck.glossary.chapters import load_chapters
from transcheck.glossary.stats import as_records, label, term_stats
from transcheck.report.html import render_html


def test_corpus_report_is_under_5_mb_and_places_every_finding_at_its_lines(corpus: Path) -> None:
    report = checked(corpus / "en", corpus / "ko", with_shipped_glossary())
    views = report.chapters
    html = render_html(report, views)
    assert len(html.encode("utf-8")) < 5_000_000
    root = parse(html)
    assert len(root.find_all("tr", "sec")) == sum(len(view.rows) for view in views)
    placed = 0
    ids = root.ids()
    for n, pair in enumerate(report.pairs, 1):
        for finding in pair.findings:
            for letter, where in (("e", finding.source), ("k", finding.target)):
                if where.line is None:
                    continue
                notes = ids[f"c{n}{letter}{where.line}"].find_all("div", "f")
                assert (finding.code, finding.message) in {
                    (note.attrs["data-rule"], note.find_all("span", "msg")[0].text())
                    for note in notes
                }
                placed += 1
    # both sides of several hundred findings (glossary ones are one per file, term and rendering)
    assert placed == len(root.find_all("div", "f")) > 500


def test_glossary_counts_are_those_of_glossary_stats(corpus: Path) -> None:
    config = with_shipped_glossary()
    views = checked(corpus / "en", corpus / "ko", config).chapters
    matcher = active_matcher(config)
    assert matcher is not None
    chapters, problems = load_chapters(corpus / "en", corpus / "ko", config)
    assert problems == []
    expected = {}
    for record in as_records(term_stats(chapters, matcher)):
        renderings = {
            (
                label(r["rendering"], Kind(r["kind"])),
                r["total"],
                tuple(sorted(r["chapters"].items())),
            )
            for r in record["renderings"]
        }
        english = (record["english"]["total"], tuple(sorted(record["english"]["chapters"].items())))
        if english[0] or renderings:
            expected[record["term"]] = (english, renderings)
    names = [view.name for view in views]
    found = {}
    for term in glossary_table(views):

        def by_chapter(places: tuple[tuple[int, int], ...]) -> tuple[tuple[str, int], ...]:
            counts: dict[str, int] = {}
            for position, _ in places:
                counts[names[position]] = counts.get(names[position], 0) + 1
            return tuple(sorted(counts.items()))

        renderings = {(r.rendering, len(r.places), by_chapter(r.places)) for r in term.renderings}
        found[term.term] = ((len(term.english), by_chapter(term.english)), renderings)
    assert found == expected
    assert len(found) > 50
