"""The HTML report of the real corpus: its size, every finding under its lines, and glossary
counts equal to ``glossary stats``."""

from __future__ import annotations

from pathlib import Path

from html_dom import parse
from html_helpers import checked, page_lines, sections, with_shipped_glossary

from transcheck.chapterview import glossary_table
from transcheck.glossary import Kind, active_matcher
from transcheck.glossary.chapters import load_chapters
from transcheck.glossary.stats import as_records, label, term_stats
from transcheck.report.html import render_html


def test_corpus_report_is_under_2_mb_and_places_every_finding_once_at_its_line(
    corpus: Path,
) -> None:
    report = checked(corpus / "en", corpus / "ko", with_shipped_glossary())
    views = report.chapters
    html = render_html(report, views)
    assert len(html.encode("utf-8")) < 2_000_000
    root = parse(html)
    assert len(sections(root)) == sum(len(view.rows) for view in views)
    lines = page_lines(root)
    ids = root.ids()
    placed = 0
    for n, pair in enumerate(report.pairs, 1):
        for finding in pair.findings:
            # under the Korean line when the page shows it, else under the English line
            spots = [
                f"c{n}{letter}{where.line}"
                for letter, where in (("k", finding.target), ("e", finding.source))
                if f"c{n}{letter}{where.line}" in lines
            ]
            notes = ids[spots[0]].find_all("div", "f") if spots else []
            assert (finding.code, finding.message) in {
                (note.attrs["data-rule"], note.find_all("span", "msg")[0].text()) for note in notes
            }
            placed += bool(spots)
    loose = sum(len(div.find_all("div", "f")) for div in root.find_all("div", "file-findings"))
    assert placed + loose == len(root.find_all("div", "f")) == len(report.findings)
    assert placed > 100


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
