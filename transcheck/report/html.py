"""``--format html``: one self-contained page a reviewer opens without a server or a network.

An overview (one sortable row per chapter), filters by severity and rule and a search box, a
glossary panel when a glossary is used, then each chapter side by side (html_chapter.py): its
sections with findings written out around their findings, the others folded. The sections'
lines travel as one data block (JSON, deflated, base64: no ``<`` can end it) that the script
decodes after the page is shown and renders with textContent only, when a fold or a gap is
opened, searched or linked to. CSS and JS are inline (html_assets/, shipped as package data); a
Content-Security-Policy lets only those two run, so even markup that escaped escaping could not
execute. Nothing here parses or checks: the page is
a pure function of the Report and its chapter views.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files

from transcheck.api import PairResult, Report
from transcheck.chapterview import ChapterView, TermRow, consistency, glossary_table
from transcheck.counted import plural
from transcheck.findings import Finding, Severity
from transcheck.glossary.decide import tree_summary
from transcheck.report.html_chapter import Sections, chapter_body, finding_html, line_id, place
from transcheck.report.options import RenderOptions

_SEVERITIES = tuple(reversed(Severity))  # error, warning, info
LISTED = 10  # chapters a majority rendering's uses list by name


@cache
def _asset(name: str) -> str:
    """An inline asset (report.css, report.js) from the package data."""
    return (files("transcheck.report") / "html_assets" / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    """A CSP source for an inline element with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


DATA_TYPE = "application/x-transcheck-sections"  # a data block: never run, whatever it holds


def _packed(sections: Sections) -> str:
    """The sections as base64 of deflated (zlib) JSON: document text in the page about four
    times smaller than as HTML, and no ``<`` in it to end its element."""
    data = json.dumps(sections.entries, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(data.encode("utf-8"), 9)).decode("ascii")


def _percent(value: float | None) -> tuple[str, str]:
    """A share as ``86%`` and its sort key (``-1`` for none)."""
    return ("–", "-1") if value is None else (f"{value:.0%}", f"{value:.4f}")


def _name(pair: PairResult) -> str:
    """The file a translator opens for this pair: the Korean one when it exists."""
    return pair.target or f"{pair.source} (no Korean file)"


def _count_cells(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return "".join(
        f'<td class="n" data-v="{counts[s]}">'
        + (f'<span class="sev {s.value}">{counts[s]}</span>' if counts[s] else "0")
        + "</td>"
        for s in _SEVERITIES
    )


def _overview(
    pairs: Sequence[PairResult], views: dict[int, ChapterView], agreement: dict[int, float | None]
) -> str:
    """One row per chapter: counts by severity, translated share, alignment, glossary."""
    labels = ("Chapter", "Errors", "Warnings", "Info", "Translated", "Alignment", "Glossary")
    head = "".join(f"<th>{label}</th>" for label in labels)
    rows = []
    for n, pair in enumerate(pairs, 1):
        view = views.get(n)
        confidence = view.confidence if view is not None else None
        alignment = (
            ("–", "-1") if confidence is None else (f"{confidence:.2f}", f"{confidence:.4f}")
        )
        cells = [_percent(pair.translated), alignment, _percent(agreement.get(n))]
        rows.append(
            f'<tr><td><a href="#c{n}">{escape(_name(pair))}</a></td>{_count_cells(pair.findings)}'
            + "".join(f'<td class="n" data-v="{key}">{text}</td>' for text, key in cells)
            + "</tr>"
        )
    return (
        f'<table id="overview"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _uses(
    places: Sequence[tuple[int, int]],
    korean: bool,
    minority: bool,
    chapters: Sequence[tuple[int, ChapterView]],
) -> str:
    """Uses by chapter: ``gpus.md 3``, or for a minority rendering each line linked
    (``gpus.md: 12 40×2``). A majority rendering used in more than ``LISTED`` chapters lists the
    ones using it most, then how many more: on a 200-page site the full lists were most of the
    page, and the minority's lines are what a reviewer acts on."""
    by_chapter: dict[int, list[int]] = {}
    for position, line in places:
        by_chapter.setdefault(position, []).append(line)
    shown = list(by_chapter.items())
    more = 0
    if not minority and len(shown) > LISTED:
        shown = sorted(shown, key=lambda item: -len(item[1]))[:LISTED]
        more = len(by_chapter) - LISTED
    parts = []
    for position, found in shown:
        number, view = chapters[position]
        where = f'<a href="#c{number}">{escape(view.name)}</a>'
        if not minority:
            parts.append(f"{where} {len(found)}")
            continue
        links = " ".join(
            f'<a href="#{line_id(number, korean, line)}">{line}</a>'
            + (f"×{times}" if times > 1 else "")
            for line, times in Counter(found).items()
        )
        parts.append(f"{where}: {links}")
    return " · ".join(parts) + (f" · and {more} more files" if more else "")


def _glossary(
    table: Sequence[TermRow], chapters: Sequence[tuple[int, ChapterView]], split: Sequence[str]
) -> str:
    """The terms the tree renders more than one way (glossary-inconsistent), one line each;
    then each term: the English term's uses, then each rendering's, by chapter; a minority
    rendering is highlighted and its uses link to their lines."""
    decisions = "".join(f"<li>{escape(line)}</li>" for line in split)
    body = []
    for term in table:
        rows = [
            ("", "English text", len(term.english), _uses(term.english, False, False, chapters))
        ]
        rows += [
            (
                f' class="minority {r.kind.value}"' if r.minority else "",
                r.rendering,
                len(r.places),
                _uses(r.places, True, r.minority, chapters),
            )
            for r in term.renderings
        ]
        first = f'<td rowspan="{len(rows)}">{escape(term.term)}</td>'
        body.append(
            "<tbody>"
            + "".join(
                f"<tr{css}>{first if index == 0 else ''}<td>{escape(label)}</td><td>{total}</td>"
                f"<td>{uses}</td></tr>"
                for index, (css, label, total, uses) in enumerate(rows)
            )
            + "</tbody>"
        )
    return (
        '<details id="glossary"><summary><h2>Glossary</h2> '
        f'<span class="muted">{len(table)} terms used; minority renderings highlighted, '
        "with links to their lines</span></summary>"
        + (
            f'<p>Terms rendered more than one way:</p><ul class="split">{decisions}</ul>'
            if split
            else ""
        )
        + '<table class="glossary"><thead><tr><th>Term</th><th>Rendering</th><th>Total</th>'
        f"<th>By chapter</th></tr></thead>{''.join(body)}</table></details>"
    )


def _chapter(
    n: int, pair: PairResult, view: ChapterView | None, agreement: float | None, sections: Sections
) -> str:
    """A chapter: its header (paths, counts, shares, findings placed on no line), then its
    sections side by side."""
    placement = place(pair.findings, view)
    facts = [plural(len(pair.findings), "finding")]
    if pair.translated is not None:
        facts.append(f"{pair.translated:.0%} translated")
    if view is not None and view.confidence is not None:
        facts.append(f"alignment {view.confidence:.2f}")
    if agreement is not None:
        facts.append(f"glossary {agreement:.0%} consistent")
    loose = "".join(finding_html(f) for f in placement.loose)
    paths = f"{pair.source or '(no English file)'} ↔ {pair.target or '(no Korean file)'}"
    return (
        f'<section class="chapter" id="c{n}"><header><h2>{escape(_name(pair))}</h2>'
        f'<div class="muted">{escape(paths)} · {" · ".join(facts)}</div>'
        f'<div class="file-findings">{loose}</div></header>'
        f"{chapter_body(n, view, placement, sections) if view is not None else ''}</section>"
    )


def _bar(report: Report) -> str:
    """The filters: severity check boxes, a rule menu, a search box, sections with findings."""
    counts = Counter(f.severity for f in report.findings)
    boxes = "".join(
        f'<label><input type="checkbox" name="sev" value="{s.value}" checked> '
        f'<span class="sev {s.value}">{s.value} {counts[s]}</span></label>'
        for s in _SEVERITIES
    )
    names = {active.rule.code: active.rule.name for active in report.rules}
    fired = Counter(f.code for f in report.findings)
    options = "".join(
        f'<option value="{escape(code)}">{escape(code)} {escape(names.get(code, ""))} '
        f"({n})</option>"
        for code, n in sorted(fired.items())
    )
    return (
        f'<div id="bar">{boxes}<label>Rule <select id="rule"><option value="">all rules</option>'
        f"{options}</select></label>"
        '<label>Search <input type="search" id="q" placeholder="text, heading, message"></label>'
        '<label><input type="checkbox" id="only"> only sections with findings</label>'
        '<span id="status"></span></div>'
    )


def render_html(report: Report, chapters: Sequence[ChapterView]) -> str:
    """The whole page for ``report`` and the views of its readable pairs (matched to the
    pairs by their display paths; a pair without a view shows its findings only)."""
    by_paths: dict[tuple[str | None, str | None], ChapterView] = {
        (view.source, view.target): view for view in chapters
    }
    views = {
        n: by_paths[(pair.source, pair.target)]
        for n, pair in enumerate(report.pairs, 1)
        if (pair.source, pair.target) in by_paths
    }
    ordered = sorted(views.items())
    table = glossary_table([view for _, view in ordered])
    agreement = {n: consistency(table, position) for position, (n, _) in enumerate(ordered)}
    used = any(view.terms is not None for view in chapters)
    sections = Sections()
    summary = report.summary()
    counts = ", ".join(
        plural(n, severity) if severity != "info" else f"{n} info"
        for severity, n in summary["by_severity"].items()
    )
    body = (
        _bar(report)
        + "<main><h1>transcheck report</h1>"
        + f'<p class="muted">{plural(summary["pairs"], "file pair")} checked: {counts}.</p>'
        + _overview(report.pairs, views, agreement)
        + (_glossary(table, ordered, tree_summary(report.findings)) if used else "")
        + "".join(
            _chapter(n, pair, views.get(n), agreement.get(n), sections)
            for n, pair in enumerate(report.pairs, 1)
        )
        + "</main>"
    )
    css, js = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {_digest(css)}; script-src {_digest(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>transcheck report</title><style>{css}</style></head>"
        f'<body>{body}<script type="{DATA_TYPE}" id="sections">{_packed(sections)}</script>'
        f"<script>{js}</script></body></html>\n"
    )


def render(report: Report, options: RenderOptions) -> str:
    """The registered format: the page of ``report`` and the chapter views it carries (the api
    adds them when html is asked for). No option changes the page: it is never colored, and
    its paths are the ones the findings show."""
    del options
    return render_html(report, report.chapters)
