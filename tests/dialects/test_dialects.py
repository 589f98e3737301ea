"""Each dialect end to end: a small English/Korean sample per dialect (samples/<dialect>/en|ko)
with deliberate defects, checked with every rule; and ``transcheck align --explain/--blocks``.

The samples hold what a docs site in that dialect writes: Hugo shortcodes and TOML front matter,
MDX components, props and import lines, GFM alerts, task lists, footnotes and tables, kramdown
attribute lists and Liquid. Constructs translated correctly must produce nothing; each defect
exactly one finding, at its lines on both sides.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.api import check_paths
from transcheck.cli import app
from transcheck.config import Config

SAMPLES = Path(__file__).parent / "samples"
RUNNER = CliRunner()


def findings(
    dialect: str, config: Config | None = None
) -> list[tuple[str, int | None, int | None]]:
    """(code, English line, Korean line) of every finding on one sample pair."""
    root = SAMPLES / dialect
    report = check_paths(root / "en", root / "ko", config or Config())
    return sorted((f.code, f.source.line, f.target.line) for f in report.findings)


def messages(dialect: str, code: str) -> list[str]:
    """The messages of one rule on one sample pair."""
    root = SAMPLES / dialect
    return [f.message for f in check_paths(root / "en", root / "ko").findings if f.code == code]


def test_hugo_shortcode_arguments_must_match_while_their_text_is_translated() -> None:
    # glossary_tooltip's text= is translated (fine), its term_id changed; a version changed.
    assert findings("hugo") == [("TC604", 9, 9), ("TC604", 15, 15)]
    assert messages("hugo", "TC604") == [
        'markup changed: English {{< glossary_tooltip term_id="pod" >}}, '
        'Korean {{< glossary_tooltip term_id="pods" >}}',
        'markup changed: English {{< feature-state for_k8s_version="v1.28" state="stable" >}}, '
        'Korean {{< feature-state for_k8s_version="v1.29" state="stable" >}}',
    ]


def test_hugo_read_as_plain_gfm_loses_the_shortcodes() -> None:
    """``dialect: gfm`` in the config overrides the TOML front matter: shortcodes are then text,
    so their changed arguments go unnoticed (which is why the dialect matters)."""
    assert findings("hugo", dataclasses.replace(Config(), dialect="gfm")) == []


def test_mdx_components_props_and_import_lines_must_match() -> None:
    # the import path changed, a Note's kind changed, an Illustration's src changed; the
    # translated title= and alt= props, the {/*id*/} anchors and the JSX blocks are fine.
    assert findings("mdx") == [("TC206", 35, 35), ("TC501", 5, 5), ("TC604", 15, 15)]
    assert messages("mdx", "TC604") == [
        'markup changed: English <Note kind="info">, Korean <Note kind="warning">'
    ]


def test_gfm_alerts_task_states_and_table_shapes_must_match() -> None:
    # the alert type changed, an open task was ticked, the table gained a column; the
    # footnote reference and definition kept their label.
    assert findings("gfm") == [("TC110", 15, 15), ("TC604", 3, 3), ("TC604", 9, 9)]
    assert messages("gfm", "TC604")[0] == "markup changed: English > [!NOTE], Korean > [!WARNING]"
    assert "checked" in messages("gfm", "TC604")[1]


def test_jekyll_attribute_lists_are_markup_not_prose() -> None:
    assert findings("jekyll") == [("TC604", 9, 9)]
    assert messages("jekyll", "TC604") == [
        'markup changed: English {: class="note"}, Korean {: class="tip"}'
    ]


def test_mkdocs_admonitions_blocks_and_code_includes_are_read_as_such() -> None:
    # ``!!! warning`` and ``/// warning | 주의`` are one box, ``{* file *}`` and a fence holding
    # ``{!file!}`` one included file, a termynal ``// comment`` is translated: all fine. A
    # paragraph of the warning's body is missing, the note became an info, a highlight moved.
    assert findings("mkdocs") == [("TC107", 20, 21), ("TC501", 37, 40), ("TC604", 31, 34)]
    assert messages("mkdocs", "TC604") == ["markup changed: English /// note, Korean /// info"]
    assert messages("mkdocs", "TC501")[0].startswith(
        "code changed: English `docs_src/jobs/tutorial002.py hl[3]`, "
        "Korean `docs_src/jobs/tutorial002.py hl[4]`"
    )


def test_mkdocs_read_as_plain_gfm_mistakes_includes_and_fences_for_prose() -> None:
    """Read as GFM, a ``{* file *}`` line and a ``///`` line are paragraphs, which the Korean
    page lacks or has in excess, and the changed box type goes unnoticed."""
    gfm = findings("mkdocs", dataclasses.replace(Config(), dialect="gfm"))
    assert ("TC107", 9, 13) in gfm
    assert ("TC108", 20, 23) in gfm
    assert not any(code == "TC604" for code, _, _ in gfm)


def run(*args: str) -> tuple[int, str]:
    """Run the CLI in-process; exit code and output."""
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("dialect", "english", "reason"),
    [
        ("hugo", "pods.md", "TOML front matter (+++) is read by Hugo only"),
        ("mdx", "state.mdx", "the file name ends in .mdx"),
        ("gfm", "README.md", "no dialect marks (front matter, shortcodes, Liquid, JSX, MkDocs)"),
        ("jekyll", "roofline.md", "front-matter key layout is Jekyll/kramdown's"),
    ],
)
def test_align_explain_names_each_files_dialect_and_why(
    dialect: str, english: str, reason: str
) -> None:
    root = SAMPLES / dialect
    code, out = run("align", str(root / "en" / english), str(root / "ko" / english), "--explain")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{root / 'en' / english}: read as {dialect} ({reason})"
    assert lines[1] == f"{root / 'ko' / english}: read as {dialect} ({reason})"
    assert lines[3].split()[:2] == ["EN", "English"]


def test_align_explain_follows_the_config(chdir_tmp: Path) -> None:
    (chdir_tmp / "transcheck.yaml").write_text("dialect: hugo\n", encoding="utf-8")
    root = SAMPLES / "gfm"
    code, out = run("align", str(root / "en/README.md"), str(root / "ko/README.md"), "--explain")
    assert code == 0
    assert out.splitlines()[0].endswith("read as hugo (set by the config: dialect: hugo)")


def test_align_blocks_lists_the_block_pairs_of_each_section() -> None:
    root = SAMPLES / "gfm"
    code, out = run("align", str(root / "en/README.md"), str(root / "ko/README.md"), "--blocks")
    assert code == 0
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [(row[0], row[-1]) for row in rows] == [
        ("1", "ok"),  # # Project
        ("3-4", "ok"),  # the alert paragraph
        ("6", "ok"),  # ## Tasks
        ("8", "ok"),
        ("9", "ok"),
        ("11", "ok"),
        ("13", "ok"),
        ("15", "ok"),
        ("17", "ok"),
    ]
    assert rows[3][1:3] == ["list-item", "Write"]


def test_align_blocks_json_nests_blocks_in_sections_and_names_dialects() -> None:
    root = SAMPLES / "hugo"
    code, out = run(
        "align",
        str(root / "en/pods.md"),
        str(root / "ko/pods.md"),
        "--blocks",
        "--explain",
        "--format",
        "json",
    )
    assert code == 0
    document = json.loads(out)
    assert [d["dialect"] for d in document["dialects"]] == ["hugo", "hugo"]
    sections = [s for s in document["sections"] if s["source_heading"]]
    assert [s["source_heading"] for s in sections] == ["## What is a Pod?", "## Containers"]
    first = sections[0]["blocks"]
    assert [(b["source_lines"], b["target_lines"], b["status"]) for b in first] == [
        ("9", "9", "ok"),
        ("11", "11", "ok"),  # a line of shortcodes is a block of its own
        ("12", "12", "ok"),
        ("13", "13", "ok"),
        ("15", "15", "ok"),
    ]
    assert first[2]["source_block"] == "paragraph Pods are ephemeral, and a node…"
