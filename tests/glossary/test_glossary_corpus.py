"""Acceptance on ../shared/corpus/scaling-book with the shipped glossary: glossary-inconsistent
names sharding and bandwidth at lines of the minority chapters, stats agree with counts taken
independently from the raw text, and mine finds sharding, bandwidth and latency unaided."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


def test_inconsistent_reports_sharding_and_bandwidth_in_the_minority_chapters(
    corpus: Path,
) -> None:
    config = Config(select=("TC303",), options={"glossary": {"files": ("ko",)}})
    findings = check_paths(corpus / "en", corpus / "ko", config).findings
    by_term: dict[str, dict[str, list[int]]] = {}
    for finding in findings:
        term = finding.message.split("'")[1]
        path = Path(finding.target.path or "").name
        by_term.setdefault(term, {}).setdefault(path, []).append(finding.target.line or 0)
    sharding, bandwidth = by_term["sharding"], by_term["bandwidth"]
    # sharding: 샤딩 is the majority (sharding.md, training.md); inference.md and jax-stuff.md
    # keep the English word: every one of their uses is reported, at its own line.
    lines = (corpus / "ko" / "inference.md").read_text(encoding="utf-8").splitlines()
    assert sharding["inference.md"]
    for line in sharding["inference.md"]:
        assert re.search(r"(?i)\bshard(?:ing|ed)", lines[line - 1])
    assert "sharding.md" not in sharding or len(sharding["sharding.md"]) < 10
    assert len(sharding["jax-stuff.md"]) >= 10
    # bandwidth: 대역폭 is the majority (tpus.md, roofline.md, sharding.md, training.md); gpus.md
    # keeps the English word throughout and is the minority chapter
    messages = {f.message for f in findings if f.message.startswith("'bandwidth'")}
    assert all("the majority rendering is 대역폭" in message for message in messages)
    text = (corpus / "ko" / "gpus.md").read_text(encoding="utf-8").splitlines()
    assert len(bandwidth["gpus.md"]) >= 30
    for line in bandwidth["gpus.md"]:
        assert re.search(r"(?i)\bbandwidth", text[line - 1])
    assert "roofline.md" not in bandwidth


def test_stats_agree_with_counts_from_the_raw_text(corpus: Path) -> None:
    result = RUNNER.invoke(
        app, ["glossary", "stats", str(corpus / "en"), str(corpus / "ko"), "--format", "json"]
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
