"""``transcheck glossary validate|import|stats`` and ``check --glossary`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.glossary import read_glossary

RUNNER = CliRunner()


def test_validate_lists_problems_with_file_and_line_and_exits_1(chdir_tmp: Path) -> None:
    good = chdir_tmp / "good.yaml"
    good.write_text("terms:\n  - term: kernel\n    ko: [커널]\n", encoding="utf-8")
    bad = chdir_tmp / "bad.yaml"
    bad.write_text("terms:\n  - term: kernel\n    ko: [커널]\n  - term: kernel\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["glossary", "validate", "good.yaml", "bad.yaml"])
    assert result.exit_code == 1
    assert result.output == "bad.yaml:4: duplicate term 'kernel' (first at line 2)\n"
    result = RUNNER.invoke(app, ["glossary", "validate", "good.yaml"])
    assert (result.exit_code, result.output) == (0, "1 file(s), 1 term(s): valid\n")


def imported(folder: Path, name: str, text: str) -> dict[str, dict[str, object]]:
    source = folder / name
    source.write_text(text, encoding="utf-8")
    out = folder / f"{name}.yaml"
    result = RUNNER.invoke(app, ["glossary", "import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_glossary(out)[1] == []  # the output is a valid glossary
    return {entry["term"]: entry for entry in yaml.safe_load(out.read_text())["terms"]}


def test_import_markdown_table_of_a_korean_docs_glossary(tmp_path: Path) -> None:
    text = (
        "# 용어집\n\n"
        "| English | 한글 | 비고 |\n"
        "| --- | --- | --- |\n"
        "| Pod | 파드(Pod) | |\n"
        "| container runtime | 컨테이너 런타임 | 띄어 씀 |\n"
        "| kubelet | kubelet | 원문 유지 |\n"
        "| Inference | 추론, 인퍼런스 | |\n"
    )
    terms = imported(tmp_path, "glossary.md", text)
    assert terms["Pod"] == {"term": "Pod", "ko": ["파드"], "keep_english": False}
    assert terms["container runtime"]["note"] == "띄어 씀"
    assert terms["kubelet"] == {"term": "kubelet", "keep_english": True, "note": "원문 유지"}
    assert terms["Inference"]["ko"] == ["추론", "인퍼런스"]


def test_import_csv_keeps_unknown_columns_in_the_note_and_merges_repeats(tmp_path: Path) -> None:
    text = (
        "term,korean,forbidden,owner\n"
        "latency,지연 시간,레이턴시,infra team\n"
        "kernel,커널,,\n"
        "latency,지연,,\n"
    )
    terms = imported(tmp_path, "terms.csv", text)
    assert terms["latency"] == {
        "term": "latency",
        "ko": ["지연 시간", "지연"],
        "forbidden": ["레이턴시"],
        "keep_english": False,
        "note": "owner: infra team",
    }
    assert terms["kernel"]["ko"] == ["커널"]


def test_import_tsv(tmp_path: Path) -> None:
    terms = imported(
        tmp_path, "terms.tsv", "영어\t한국어\t설명\nbandwidth\t대역폭\t메모리 대역폭 포함\n"
    )
    assert terms["bandwidth"] == {
        "term": "bandwidth",
        "ko": ["대역폭"],
        "keep_english": False,
        "note": "메모리 대역폭 포함",
    }


def test_import_keeps_line_breaks_and_control_characters_of_a_cell_loadable(
    tmp_path: Path,
) -> None:
    note = "first line\nsecond\x01 line\u2028 third\x85 fourth"
    rows = io.StringIO()
    csv.writer(rows).writerows([["English", "Korean", "Note"], ["bandwidth", "대역폭", note]])
    terms = imported(tmp_path, "terms.csv", rows.getvalue())
    assert terms["bandwidth"]["note"] == note


def test_import_without_an_english_column_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "x.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["glossary", "import", str(source)])
    assert result.exit_code == 2
    assert "no header with an English-term column" in result.output


def pair_trees(root: Path) -> Path:
    """en/a.md and ko/a.md under ``root``, and a one-term glossary file (returned)."""
    (root / "en").mkdir()
    (root / "ko").mkdir()
    (root / "en" / "a.md").write_text("# Kernels\n\nThe kernel and the kernel.\n", encoding="utf-8")
    (root / "ko" / "a.md").write_text("# 커널\n\nkernel과 커널입니다.\n", encoding="utf-8")
    glossary = root / "g.yaml"
    glossary.write_text("terms:\n  - term: kernel\n    ko: [커널]\n", encoding="utf-8")
    return glossary


def test_stats_csv_and_text(chdir_tmp: Path) -> None:
    glossary = pair_trees(chdir_tmp)
    args = ["glossary", "stats", "en", "ko", "--glossary", str(glossary)]
    result = RUNNER.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["term", "rendering", "kind", "total", "a.md"]
    assert ["kernel", "kernel", "source", "3", "3"] in rows
    assert ["kernel", "커널", "korean", "2", "2"] in rows
    assert ["kernel", "kernel", "english", "1", "1"] in rows
    text = RUNNER.invoke(app, args).output
    assert text.splitlines()[0] == "kernel"
    assert "커널" in text.splitlines()[3]


def test_check_with_glossary_option_and_a_broken_glossary(chdir_tmp: Path) -> None:
    glossary = pair_trees(chdir_tmp)
    result = RUNNER.invoke(
        app, ["check", "en", "ko", "--glossary", str(glossary), "--select", "TC303", "-f", "json"]
    )
    found = json.loads(result.output)["findings"]
    assert [(f["code"], f["target"]["line"]) for f in found] == [("TC303", 3)]
    glossary.write_text("terms:\n  - term: kernel\n    ko: [커널]\n    bad: 1\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["check", "en", "ko", "--glossary", str(glossary)])
    assert result.exit_code == 2
    assert f"{glossary}:4: unknown key 'bad'" in result.output


def test_config_glossary_paths_are_relative_to_the_config_file(chdir_tmp: Path) -> None:
    project = chdir_tmp / "project"
    project.mkdir()
    glossary = pair_trees(project)
    (project / ".transcheck.yaml").write_text(
        f"glossary:\n  files: [{glossary.name}]\n  shipped: false\nselect: [TC303]\n",
        encoding="utf-8",
    )
    # run from chdir_tmp: g.yaml is found beside the config file, not in the working directory
    args = ["check", str(project / "en"), str(project / "ko"), "-f", "json"]
    result = RUNNER.invoke(app, [*args, "-c", str(project / ".transcheck.yaml")])
    found = json.loads(result.output)["findings"]
    assert [(f["code"], f["target"]["line"]) for f in found] == [("TC303", 3)]
