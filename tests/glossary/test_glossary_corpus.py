"""Acceptance on ../shared/corpus/scaling-book: with no options glossary-inconsistent names the
split terms once per file and rendering, at lines holding them; stats agree with counts taken
independently from the raw text, and mine finds sharding, bandwidth and latency unaided."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from transcheck.api import check_paths
from transcheck.cli import app
from transcheck.config import Config

RUNNER = CliRunner()
HANGUL = "\uac00-\ud7a3"


def prose_of(path: Path) -> str:
    """The raw text with what is not prose removed by plain regexes (independent of the parser):
    front matter, fenced code, Liquid tags (but a figure's caption, which readers see), HTML
    tags, math, inline code, link targets, URLs."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    caption = r'\{%[^%]*?caption="((?:[^"\\]|\\.)*)"[^%]*%\}'
    text = re.sub(caption, lambda m: f" {m.group(1)} ", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", "", text, flags=re.S)
    text = re.sub(r"</?[A-Za-z][^<>]*>", "", text)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"https?://\S+", "", text)


def raw_count(pattern: str, path: Path, flags: int = 0) -> int:
    return len(re.findall(pattern, prose_of(path), flags))


def test_default_check_reports_the_split_terms_once_per_file_and_rendering(corpus: Path) -> None:
    # No options: the shipped general glossary and the terms learned from the tree.
    findings = [f for f in check_paths(corpus / "en", corpus / "ko", Config()).findings
                if f.code.startswith("TC3")]  # fmt: skip
    assert 0 < len(findings) <= 200
    assert {f.code for f in findings} == {"TC303"}  # glossary-missing needs a project glossary
    terms = {f.identity.split("\0")[0] for f in findings}
    assert {"inference", "training", "sharding", "latency", "bandwidth"} <= terms
    keys = [(f.target.path, f.identity) for f in findings]
    assert len(keys) == len(set(keys))  # one finding per file, term and rendering
    for finding in findings:
        term, rendering, kind = finding.identity.split("\0")
        line = (
            Path(finding.target.path or "")
            .read_text(encoding="utf-8")
            .splitlines()[(finding.target.line or 0) - 1]
        )
        word = term.split()[0] if kind == "english" else rendering.split()[0]
        assert word.casefold() in line.casefold(), (finding.message, line)
    # 추론 is what most files write for inference; the chapters keeping English are named
    inference = [f for f in findings if f.identity.startswith("inference\0")]
    assert all("'inference' is kept in English here" in f.message for f in inference)
    assert "inference.md" in {Path(f.target.path or "").name for f in inference}


def test_a_team_that_unified_its_terms_gets_few_findings(corpus: Path) -> None:
    # vue-docs: one team, terms unified, first mentions glossed 컴포넌트(component)
    vue = corpus.parent / "vue-docs"
    if not (vue / "en").is_dir():
        pytest.skip(f"corpus not found at {vue}")
    report = check_paths(vue / "en", vue / "ko", Config(select=("TC3",)))
    findings = report.findings
    assert 0 < len(findings) <= 40
    assert {f.code for f in findings} == {"TC303"}
    terms = {f.identity.split("\0")[0] for f in findings}
    assert "error" in terms  # 오류 in 19 files, 에러 in 6: a real split
    assert not {"component", "object", "warning", "plugin"} & terms  # glossed, names, markup


def test_stats_agree_with_counts_from_the_raw_text(corpus: Path) -> None:
    result = RUNNER.invoke(
        app,
        ["glossary", "stats", str(corpus / "en"), str(corpus / "ko"), "-g", "ko-ml", "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    terms = {t["term"]: t for t in json.loads(result.output)["terms"]}

    def counted(term: str, rendering: str, chapter: str) -> int:
        for item in terms[term]["renderings"]:
            if item["rendering"] == rendering:
                return int(item["chapters"].get(chapter, 0))
        return 0

    ko = corpus / "ko"
    # 대역폭 starting a word (not 고대역폭), anywhere in the prose of tpus.md
    assert counted("bandwidth", "대역폭", "tpus.md") == raw_count(
        f"(?<![{HANGUL}])대역폭", ko / "tpus.md"
    )
    # English "sharding"/"sharded" kept in jax-stuff.md (shard_map is another word)
    kept = raw_count(
        r"(?<![A-Za-z0-9_])shard(?:ing|ed)s?(?![A-Za-z0-9_])", ko / "jax-stuff.md", re.I
    )
    assert counted("sharding", "sharding", "jax-stuff.md") == kept
    assert kept > 10


def test_mine_proposes_sharding_bandwidth_and_latency_unaided(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "candidates.yaml"
    result = RUNNER.invoke(
        app, ["glossary", "mine", str(corpus / "en"), str(corpus / "ko"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    mined = {entry["term"]: entry for entry in yaml.safe_load(out.read_text())["terms"]}
    assert "샤딩" in mined["sharding"]["ko"] and mined["sharding"]["keep_english"] is True
    assert "대역폭" in mined["bandwidth"]["ko"] and mined["bandwidth"]["keep_english"] is True
    assert "지연" in mined["latency"]["ko"] and mined["latency"]["keep_english"] is True
    check = RUNNER.invoke(app, ["glossary", "validate", str(out)])
    assert check.exit_code == 0, check.output
    # committed as the project glossary, check uses it: its terms are curated (glossary-missing
    # on, the first rendering preferred)
    config = Config(select=("TC3",), options={"glossary": {"files": [str(out)], "learn": False}})
    findings = check_paths(corpus / "en", corpus / "ko", config).findings
    split = {f.identity.split("\0")[0] for f in findings if f.code == "TC303"}
    assert {"sharding", "bandwidth", "latency"} <= split
    sharding = [f for f in findings if f.identity.startswith("sharding\0")]
    assert all("the glossary prefers 샤딩" in f.message for f in sharding)
