"""Size and load time of the HTML report on a large site, in headless Chromium.

Run by hand (not a test): ``python benchmarks/bench_html.py [--copies 2] [--runs 3]``. The
corpus (vue-docs by default, 119 pages) is replicated ``--copies`` times into a temp dir, checked
with the shipped glossary, and its report written with ``--format html``; then Debian's chromium
(driven by selenium, as tests/report_html/test_browser.py does) opens it from file:// ``--runs``
times. Reported: the page's size, and the best time to interactive: from navigation start until
the page has loaded and its script has finished its first pass (the ``transcheck-ready`` mark
when the page sets one, else the load event). Targets: <= 3 MB and < 2 s on 200+ pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.trees import VUE, replicate
from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.glossary import shipped_path
from transcheck.report.html import render_html

DONE = """
const nav = performance.getEntriesByType("navigation")[0];
const marked = performance.getEntriesByName("transcheck-ready").length > 0;
return Boolean(nav && nav.loadEventEnd > 0 && (marked || !document.getElementById("sections")));
"""
READY = """
const nav = performance.getEntriesByType("navigation")[0];
const mark = performance.getEntriesByName("transcheck-ready")[0];
return [nav.loadEventEnd, mark ? mark.startTime : null,
        document.querySelectorAll("tr.sec").length, document.querySelectorAll(".f").length];
"""


def browser() -> Any:
    """A headless Debian chromium through selenium (never a downloaded browser)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def main() -> int:
    """Build the tree, write its report, and time its loads; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=VUE)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    config = Config(options={"glossary": {"files": [str(shipped_path())]}})
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch)
        replicate(args.corpus, tree, args.copies)
        start = time.perf_counter()
        report = check_paths(tree / "en", tree / "ko", config, chapters=True)
        checked = time.perf_counter() - start
        start = time.perf_counter()
        page = render_html(report, report.chapters)
        rendered = time.perf_counter() - start
        path = tree / "report.html"
        path.write_text(page, encoding="utf-8")
        size = path.stat().st_size
        print(f"{len(report.pairs)} pairs, {len(report.findings)} findings")
        print(f"check {checked:.1f} s, render {rendered:.2f} s, page {size / 1e6:.2f} MB")
        driver = browser()
        try:
            best = float("inf")
            for _ in range(args.runs):
                driver.get("about:blank")
                driver.get(path.as_uri())
                for _ in range(1200):  # the load event and the page's first pass, 60 s at most
                    if driver.execute_script(DONE):
                        break
                    time.sleep(0.05)
                load, ready, rows, notes = driver.execute_script(READY)
                interactive = max(load, ready or 0.0) / 1000
                best = min(best, interactive)
                print(
                    f"  load {load / 1000:.2f} s, ready {ready and ready / 1000}, {rows} rows "
                    f"in the DOM, {notes} finding notes"
                )
        finally:
            driver.quit()
    print(f"time to interactive, best of {args.runs}: {best:.2f} s")
    return 0 if size <= 3_000_000 and best < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
