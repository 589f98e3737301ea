"""The HTML page as a tree: one row per aligned section with the file's lines on both sides,
each finding under its lines, the overview, and the glossary panel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from html_dom import Element, parse
from html_helpers import DEMO, checked, page

from transcheck.config import Config
from transcheck.report.html import render_html


def _heads(row: Element) -> list[str]:
    return [cell.find_all("div", "head")[0].text() for cell in row.find_all("td")]


def test_one_row_per_aligned_section_with_line_ranges_on_both_sides() -> None:
    root = parse(page(DEMO / "en", DEMO / "ko"))
    rows = root.find_all("tr", "sec")
    assert [_heads(row) for row in rows] == [
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
    assert [sorted(row.classes) for row in rows][4:6] == [["ok", "sec"], ["missing", "sec"]]
    missing = rows[5].find_all("td")[1]
    assert "absent" in missing.classes
    assert "no Korean counterpart" in missing.text()


def test_every_line_is_the_files_line_under_its_number() -> None:
    root = parse(page(DEMO / "en", DEMO / "ko"))
    for side, letter in (("en", "e"), ("ko", "k")):
        lines = (DEMO / side / "attention.md").read_text(encoding="utf-8").split("\n")
        shown = [
            li for li in root.find_all("li") if li.attrs.get("id", "").startswith(f"c1{letter}")
        ]
        numbers = [int(li.attrs["id"][3:]) for li in shown]
        assert numbers == list(range(1, len(numbers) + 1))
        assert [li.own_text() for li in shown] == lines[: len(numbers)]
    first = root.find_all("ol", "src")[5]  # the Korean side of '## 쿼리, 키, 값'
    assert first.attrs["start"] == "10"


def _codes(root: Element, ident: str) -> list[str]:
    return [f.attrs["data-rule"] for f in root.by_id(ident).find_all("div", "f")]


def test_findings_stand_under_their_lines_on_both_sides() -> None:
    root = parse(page(DEMO / "en", DEMO / "ko"))
    assert _codes(root, "c1e8") == _codes(root, "c1k8") == ["TC203"]
    assert _codes(root, "c1e38") == _codes(root, "c1k37") == ["TC206"]
    assert _codes(root, "c1e40") == _codes(root, "c1k39") == ["TC101"]
    assert _codes(root, "c1e49") == _codes(root, "c1k42") == ["TC204"]
    note = root.by_id("c1e8").find_all("div", "f")[0]
    assert "error" in note.classes
    assert note.text().startswith("TC203 link-changed: the Korean link [Vaswani 외 (2017)]")
    assert [a.attrs["href"] for a in note.find_all("a")] == ["#c1k8"]
    assert len(root.find_all("div", "f")) == 8  # four findings, each on both sides
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
    assert (
        len(root.find_all("script")) == 1
        and "window.pwned" not in root.find_all("script")[0].text()
    )
    assert len(root.find_all("style")) == 1
    tags = {element.tag for element in root.walk()}
    assert not tags & {"img", "svg", "iframe", "object", "embed", "textarea", "base", "form"}
    for element in root.walk():
        assert not [name for name in element.attrs if name.startswith("on")], element
        href = element.attrs.get("href")
        assert href is None or href.startswith("#"), href
    lines = (ko / "a<b>\"'&.md").read_text(encoding="utf-8").split("\n")
    for number in (2, 5, 7, 9, 11):
        assert root.by_id(f"c1k{number}").own_text() == lines[number - 1]
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
    html = page(DEMO / "en", DEMO / "ko", dataclasses.replace(Config(), options=off))
    assert 'id="glossary"' not in html
