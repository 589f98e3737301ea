"""The HTML page as a tree: one row per aligned section with the file's lines on both sides,
each finding under its lines, the overview, and the glossary panel."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from html_dom import Element, parse
from html_helpers import DEMO, DEMO_EN, DEMO_KO, checked, page, page_lines, sections

from transcheck.config import Config
from transcheck.report.html import DATA_TYPE, render_html


def test_one_section_per_aligned_pair_with_line_ranges_both_sides_and_the_quiet_folded() -> None:
    root = parse(page(DEMO_EN, DEMO_KO))
    data = sections(root)
    assert [[cell["h"] for cell in entry["x"]] for entry in data] == [
        ["front matter · EN 1–5", "front matter · KO 1–5 · confidence 1.00"],
        [
            "the text before the first heading · EN 6–9",
            "the text before the first heading · KO 6–9 · confidence 1.00",
        ],
        ["## Queries, Keys and Values · EN 10–16", "## 쿼리, 키, 값 · KO 10–16 · confidence 0.85"],
        [
            "## Computing Attention in Code · EN 17–31",
            "## 코드로 계산하기 · KO 17–31 · confidence 0.83",
        ],
        ["## Multi-Head Attention · EN 32–39", "## 멀티 헤드 어텐션 · KO 32–38 · confidence 0.62"],
        ["## Cost · EN 40–45", "missing"],
        ["## Further Reading · EN 46–49", "## 더 읽을거리 · KO 39–42 · confidence 0.74"],
    ]
    assert [entry["s"] for entry in data][4:6] == ["ok", "missing"]
    assert "no Korean counterpart" in data[5]["x"][1]["a"]
    body = root.find_all("tbody")[-1]
    shown = [(row.attrs.get("data-row"), row.attrs.get("data-rows")) for row in body.children]
    assert shown == [
        (None, "0 1"),
        ("1", None),
        (None, "2 2"),
        ("4", None),
        ("5", None),
        ("6", None),
    ]
    written = [row for row in body.children if isinstance(row, Element)][3]
    heads = [cell.find_all("div", "head")[0].text() for cell in written.find_all("td")]
    assert heads == [entry["h"] for entry in data[4]["x"]]
    missing = root.find_all("tr", "missing")[0].find_all("td")[1]
    assert "absent" in missing.classes and "no Korean counterpart" in missing.text()


def test_every_line_is_the_files_line_under_its_number() -> None:
    root = parse(page(DEMO_EN, DEMO_KO))
    lines = page_lines(root)
    for side, letter in (("en", "e"), ("ko", "k")):
        text = (DEMO / side / "attention.md").read_text(encoding="utf-8").split("\n")
        numbers = [int(ident[3:]) for ident in lines if ident.startswith(f"c1{letter}")]
        assert numbers == list(range(1, len(numbers) + 1))
        assert [lines[f"c1{letter}{n}"] for n in numbers] == text[: len(numbers)]
    written = root.find_all("li")
    assert [li.attrs["id"] for li in written[:4]] == ["c1e6", "c1e8", "c1k6", "c1k8"]
    assert [li.attrs.get("value") for li in written[:4]] == [None, "8", None, "8"]
    preamble = sections(root)[1]["x"][1]["l"]  # KO 6-9: written lines are null in the data
    assert [text is None for text in preamble] == [True, False, True, False]


def _codes(root: Element, ident: str) -> list[str]:
    return [f.attrs["data-rule"] for f in root.by_id(ident).find_all("div", "f")]


def test_each_finding_stands_once_under_its_korean_line_linking_its_english_line() -> None:
    root = parse(page(DEMO_EN, DEMO_KO))
    for korean, english, code in (
        ("c1k8", "c1e8", "TC203"),
        ("c1k37", "c1e38", "TC206"),
        ("c1k39", "c1e40", "TC101"),
        ("c1k42", "c1e49", "TC204"),
    ):
        assert _codes(root, korean) == [code]
        assert _codes(root, english) == []  # written as the counterpart, without the finding
        links = root.by_id(korean).find_all("a")
        assert [a.attrs["href"] for a in links] == [f"#{english}"]
    note = root.by_id("c1k8").find_all("div", "f")[0]
    assert "error" in note.classes
    assert note.text().startswith("TC203 link-changed: the Korean link [Vaswani 외 (2017)]")
    assert len(root.find_all("div", "f")) == 4
    assert root.find_all("div", "file-findings")[0].children == []


def _hostile(root: Path) -> tuple[Path, Path]:
    name = "a<b>\"'&.md"
    for side, text in (
        (
            "en",
            '---\ntitle: "<script>alert(0)</script>"\n---\n\n'
            '# Intro <img src=x onerror="alert(1)">\n\n'
            "Read [the page](https://example.com/a) and <script>alert(2)</script> here.\n\n"
            "## Next\n\nMore text to translate in this section.\n",
        ),
        (
            "ko",
            '---\ntitle: "<script>window.pwned=1</script>"\n---\n\n'
            '# 소개 <img src=x onerror="window.pwned=1">\n\n'
            "[페이지](javascript:window.pwned=1)를 읽고 <script>window.pwned=1</script> 여기.\n\n"
            '## 다음 <svg onload="window.pwned=1"></svg>\n\n'
            '"><script>window.pwned=1</script> ]]> --> </textarea></style></script> &amp;\n',
        ),
    ):
        (root / side).mkdir()
        (root / side / name).write_text(text, encoding="utf-8")
    return root / "en", root / "ko"


def test_hostile_documents_appear_as_text_and_nothing_of_theirs_can_run(tmp_path: Path) -> None:
    en, ko = _hostile(tmp_path)
    html = page(en, ko)
    root = parse(html)
    scripts = root.find_all("script")
    assert [script.attrs.get("type") for script in scripts] == [DATA_TYPE, None]
    assert "window.pwned" not in scripts[1].text()
    assert "pwned" not in scripts[0].text()  # base64 of deflated JSON: nothing readable
    assert len(root.find_all("style")) == 1
    tags = {element.tag for element in root.walk()}
    assert not tags & {"img", "svg", "iframe", "object", "embed", "textarea", "base", "form"}
    for element in root.walk():
        assert not [name for name in element.attrs if name.startswith("on")], element
        href = element.attrs.get("href")
        assert href is None or href.startswith("#"), href
    lines = (ko / "a<b>\"'&.md").read_text(encoding="utf-8").split("\n")
    shown = page_lines(root)
    for number in (2, 5, 7, 9, 11):
        assert shown[f"c1k{number}"] == lines[number - 1]
    assert "<script>window.pwned=1</script>" in json.dumps(sections(root), ensure_ascii=False)
    notes = {f.attrs["data-rule"]: f.text() for f in root.by_id("c1k7").find_all("div", "f")}
    assert "[페이지](javascript:window.pwned=1)" in notes["TC202"]
    notes = {f.attrs["data-rule"]: f.text() for f in root.by_id("c1k5").find_all("div", "f")}
    assert 'Korean <img onerror="window.pwned=1">' in notes["TC604"]
    assert "a<b>\"'&.md" in root.find_all("h2")[-1].text()
    assert "a&lt;b&gt;&quot;&#x27;&amp;.md" in html


def test_overview_has_a_row_per_pair_and_a_pair_without_translation_its_findings(
    tmp_path: Path,
) -> None:
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.md").write_text("# A\n\ntext\n", encoding="utf-8")
    (tmp_path / "en" / "new.md").write_text("# New\n\nNot translated yet.\n", encoding="utf-8")
    report = checked(tmp_path / "en", tmp_path / "ko")
    root = parse(render_html(report, report.chapters))
    overview = root.by_id("overview").find_all("tbody")[0].find_all("tr")
    names = [row.find_all("a")[0].text() for row in overview]
    assert names == [
        str(tmp_path / "ko" / "a.md"),
        f"{tmp_path / 'en' / 'new.md'} (no Korean file)",
    ]
    assert [row.find_all("a")[0].attrs["href"] for row in overview] == ["#c1", "#c2"]
    cells = [cell.attrs.get("data-v") for cell in overview[1].find_all("td")[1:]]
    assert cells == ["0", "0", "1", "-1", "-1", "-1"]
    chapter = root.by_id("c2")
    assert [f.attrs["data-rule"] for f in chapter.find_all("div", "f")] == ["TC105"]
    assert chapter.find_all("table") == []


def test_glossary_panel_counts_renderings_and_links_the_minority_to_its_lines(
    tmp_path: Path,
) -> None:
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("terms:\n  - term: sharding\n    ko: [샤딩]\n", encoding="utf-8")
    config = Config(options={"glossary": {"files": [str(glossary)], "shipped": False}})
    texts = {
        "en": "# Sharding\n\nSharding splits arrays.\n\nMore sharding here.\n\nAnd sharding.\n",
        "ko": "# 샤딩\n\n샤딩은 배열을 나눕니다.\n\n여기서 더 샤딩합니다.\n\n"
        "그리고 sharding을 씁니다.\n",
    }
    for side, text in texts.items():
        (tmp_path / side).mkdir()
        (tmp_path / side / "s.md").write_text(text, encoding="utf-8")
    root = parse(page(tmp_path / "en", tmp_path / "ko", config))
    panel = root.by_id("glossary")
    rows = panel.find_all("tbody")[0].find_all("tr")
    cells = [[cell.text() for cell in row.find_all("td")] for row in rows]
    assert cells == [
        ["sharding", "English text", "4", "s.md 4"],
        ["샤딩", "3", "s.md 3"],
        ["sharding (English)", "1", "s.md: 7"],
    ]
    assert [sorted(row.classes) for row in rows] == [[], [], ["english", "minority"]]
    assert [a.attrs["href"] for a in rows[2].find_all("a")] == ["#c1", "#c1k7"]
    overview = root.by_id("overview").find_all("tbody")[0].find_all("td")
    assert overview[-1].text() == "75%"  # three of the four Korean uses are the majority's


def test_no_glossary_panel_without_a_glossary() -> None:
    off = {"glossary": {"shipped": False, "learn": False}}
    html = page(DEMO_EN, DEMO_KO, dataclasses.replace(Config(), options=off))
    assert 'id="glossary"' not in html
