"""The HTML report in a real headless Chromium (Debian's chromium and chromium-driver, driven by
selenium; never a downloaded browser): the corpus report loads from file:// without console
errors, the filters and the search change what is shown, and hostile documents cannot run."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_dom import parse
from html_helpers import DEMO, DEMO_EN, DEMO_KO, page, sections, with_shipped_glossary
from test_html_builder import _hostile
from typer.testing import CliRunner

from benchmarks.trees import VUE, replicate
from transcheck.api import check_paths
from transcheck.cli import app
from transcheck.report.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)
PAGE_TIMEOUT = 120  # seconds the corpus report may take to load and render


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium with a fresh profile, logging the page's console."""
    missing = [str(path) for path in (CHROMIUM, DRIVER) if not path.exists()]
    if missing:
        pytest.skip(
            f"no browser to test with: {', '.join(missing)} not installed (Debian packages "
            "chromium and chromium-driver; .ci/run installs them where apt-get can)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a [test] extra")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(PAGE_TIMEOUT)
    yield driver
    driver.quit()


VISIBLE_ROWS = """return Array.from(document.querySelectorAll('tr.sec'))
    .filter(row => row.offsetParent !== null).length"""


LOADED = """return document.readyState === 'complete'
    && document.documentElement.dataset.ready === 'true'"""


def _open(browser: Any, path: Path, fragment: str = "") -> None:
    """Load ``path`` (at ``#fragment``) and wait until its script has decoded the sections'
    data."""
    browser.get("about:blank")
    browser.get(path.as_uri() + fragment)
    # chromedriver may hand back a large file:// page while it is still loading on a busy
    # machine, so wait for the load and the decoding rather than assume the load is done.
    deadline = time.monotonic() + PAGE_TIMEOUT
    while time.monotonic() < deadline:
        if browser.execute_script(LOADED) is True:
            return
        time.sleep(0.05)
    state = browser.execute_script("return document.readyState")
    raise AssertionError(f"{path.name}: the sections' data was never decoded (page {state})")


def _console_errors(browser: Any) -> list[Any]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def _click(browser: Any, selector: str) -> None:
    browser.execute_script(f"document.querySelector({selector!r}).click()")


def test_corpus_report_filters_searches_and_sorts_in_chromium(
    browser: Any, corpus: Path, chdir_tmp: Path
) -> None:
    report = chdir_tmp / "report.html"
    command = ["check", str(corpus / "en"), str(corpus / "ko"), "--glossary", "ko"]
    result = CliRunner().invoke(app, [*command, "--format", f"html={report}"])
    assert result.exit_code == 1, result.output
    _open(browser, report)
    assert _console_errors(browser) == []
    total = len(sections(parse(report.read_text(encoding="utf-8"))))
    written = browser.execute_script("return document.querySelectorAll('tr.sec').length")
    assert total > 100 and 0 < written < total
    assert browser.execute_script(VISIBLE_ROWS) == written
    assert browser.find_element("id", "status").text == f"{total} of {total} sections shown"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 1280

    _click(browser, "#only")
    flagged = browser.execute_script(
        "return Array.from(document.querySelectorAll('tr.sec'))"
        ".filter(row => row.querySelector('.f') !== null).length"
    )
    assert browser.execute_script(VISIBLE_ROWS) == flagged < total

    _click(browser, "input[name=sev][value=warning]")
    kept = browser.execute_script(
        "return Array.from(document.querySelectorAll('tr.sec')).filter(row =>"
        " row.querySelector('.f[data-sev=error], .f[data-sev=info]') !== null).length"
    )
    assert browser.execute_script(VISIBLE_ROWS) == kept < flagged
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('.f'))"
        ".filter(f => f.offsetParent !== null).map(f => f.dataset.sev)"
    )
    assert shown and "warning" not in shown
    browser.save_screenshot(str(chdir_tmp / "filtered.png"))

    _click(browser, "input[name=sev][value=warning]")
    browser.execute_script(
        "const s = document.getElementById('rule'); s.value = 'TC701';"
        "s.dispatchEvent(new Event('change'))"
    )
    rules = browser.execute_script(
        "return Array.from(document.querySelectorAll('.f'))"
        ".filter(f => f.offsetParent !== null).map(f => f.dataset.rule)"
    )
    assert rules and set(rules) == {"TC701"}

    browser.execute_script(
        "document.getElementById('rule').value = '';"
        "document.getElementById('only').click();"
        "const q = document.getElementById('q'); q.value = 'HBM';"
        "q.dispatchEvent(new Event('input'))"
    )
    texts = browser.execute_script(
        "return Array.from(document.querySelectorAll('tr.sec'))"
        ".filter(row => row.offsetParent !== null).map(row => row.textContent)"
    )
    assert 0 < len(texts) < total and all("hbm" in text.lower() for text in texts)

    browser.execute_script(
        "const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input'))"
    )
    _click(browser, "#overview th:nth-child(2)")
    _click(browser, "#overview th:nth-child(2)")
    errors = browser.execute_script(
        "return Array.from(document.querySelectorAll('#overview tbody tr'))"
        ".map(row => Number(row.cells[1].dataset.v))"
    )
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    screenshot = chdir_tmp / "report.png"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _console_errors(browser) == []


def test_hostile_documents_do_not_run_in_chromium(browser: Any, tmp_path: Path) -> None:
    en, ko = _hostile(tmp_path)
    report = tmp_path / "hostile.html"
    report.write_text(page(en, ko), "utf-8")
    _open(browser, report)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert _console_errors(browser) == []
    line = browser.find_element("id", "c1k7").text
    assert "[페이지](javascript:window.pwned=1)를 읽고 <script>window.pwned=1</script>" in line
    assert browser.execute_script("return document.querySelectorAll('img, svg').length") == 0
    browser.save_screenshot(str(tmp_path / "hostile.png"))


def test_folds_gaps_and_links_to_folded_lines_show_the_files_lines(
    browser: Any, tmp_path: Path
) -> None:
    report = tmp_path / "demo.html"
    report.write_text(page(DEMO_EN, DEMO_KO), "utf-8")
    korean = (DEMO / "ko" / "attention.md").read_text(encoding="utf-8").split("\n")
    line = "return document.getElementById(arguments[0])?.firstChild?.nodeValue ?? null"
    _open(browser, report)
    assert browser.execute_script(line, "c1k3") is None  # folded
    assert browser.execute_script(line, "c1k7") is None  # in the gap of a written section
    _click(browser, "tr.fold button")
    assert browser.execute_script(line, "c1k3") == korean[2]
    _click(browser, "li.gap button")
    assert browser.execute_script(line, "c1k7") == korean[6]
    assert browser.execute_script("return document.querySelectorAll('#c1k8 .f').length") == 1
    _open(browser, report, "#c1k20")  # a line of the second fold
    assert browser.execute_script(line, "c1k20") == korean[19]
    assert browser.find_element("id", "status").text == "7 of 7 sections shown"
    assert _console_errors(browser) == []


def test_report_of_a_238_page_site_is_at_most_3_mb_and_loads(browser: Any, tmp_path: Path) -> None:
    if not (VUE / "en").is_dir():
        pytest.skip(f"corpus not found at {VUE}")
    replicate(VUE, tmp_path, 2)  # 238 pairs; time to interactive: benchmarks/bench_html.py
    checked_report = check_paths(
        tmp_path / "en", tmp_path / "ko", with_shipped_glossary(), jobs=2, chapters=True
    )
    assert len(checked_report.pairs) == 238
    report = tmp_path / "site.html"
    report.write_text(render_html(checked_report, checked_report.chapters), "utf-8")
    assert report.stat().st_size <= 3_000_000
    _open(browser, report)
    assert _console_errors(browser) == []
    total = sum(len(view.rows) for view in checked_report.chapters)
    assert browser.find_element("id", "status").text == f"{total} of {total} sections shown"
