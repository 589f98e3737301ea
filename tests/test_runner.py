"""The runner: which rules run (select/ignore by code, prefix, name; the longest match wins) and
at which severity; bad rule references are config errors at their line."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from transcheck.checks import REGISTRY, Rule, Scope
from transcheck.config import Config, ConfigError, load_config
from transcheck.findings import Severity
from transcheck.pairing import pair_paths
from transcheck.run import Run
from transcheck.runner import active_rules, is_known_selector, is_selected


def codes(config: Config) -> list[str]:
    return [active.rule.code for active in active_rules(config)]


ALL_CODES = [r.code for r in REGISTRY if r.enabled]


def test_default_runs_every_enabled_rule_in_code_order() -> None:
    assert codes(Config()) == ALL_CODES
    assert sorted(ALL_CODES) == ALL_CODES
    assert {"TC101", "TC201", "TC204", "TC205", "TC206"} <= set(ALL_CODES)


def test_select_by_prefix() -> None:
    assert codes(Config(select=("TC1",))) == [c for c in ALL_CODES if c.startswith("TC1")]


def test_select_by_code_and_name_any_case() -> None:
    assert codes(Config(select=("tc201", "Anchor-Broken"))) == ["TC201", "TC204"]


def test_ignore_by_prefix_and_name() -> None:
    running = codes(Config(ignore=("TC2", "section-order")))
    assert not [c for c in running if c.startswith("TC2")]
    assert "TC104" not in running
    assert "TC101" in running


def test_longer_ignore_beats_shorter_select() -> None:
    running = codes(Config(select=("TC2",), ignore=("TC20",)))
    assert running == [c for c in ALL_CODES if c.startswith("TC2") and not c.startswith("TC20")]


def test_longer_select_beats_shorter_ignore() -> None:
    assert codes(Config(select=("TC201",), ignore=("TC2",))) == ["TC201"]
    assert codes(Config(select=("link-missing",), ignore=("TC20",))) == ["TC201"]


def test_ignore_wins_a_tie() -> None:
    assert "TC201" not in codes(Config(select=("TC2",), ignore=("TC2",)))


def test_all_selects_everything_and_a_prefix_ignore_still_applies() -> None:
    running = codes(Config(select=("ALL",), ignore=("TC1",)))
    assert running == [r.code for r in REGISTRY if not r.code.startswith("TC1")]


def test_off_by_default_rule_needs_its_code_name_or_all() -> None:
    quiet = Rule("TC799", "demo-quiet", Severity.INFO, "Demo.", "", Scope.PAIR, enabled=False)
    assert not is_selected(quiet, Config())
    assert not is_selected(quiet, Config(select=("TC7",)))
    assert is_selected(quiet, Config(select=("TC799",)))
    assert is_selected(quiet, Config(select=("demo-quiet",)))
    assert is_selected(quiet, Config(select=("ALL",)))
    assert not is_selected(quiet, Config(select=("TC799",), ignore=("demo-quiet",)))


def test_severity_override_by_code_and_name() -> None:
    config = Config(severity={"TC102": Severity.ERROR, "link-missing": Severity.INFO})
    levels = {a.rule.code: a.severity for a in active_rules(config)}
    assert levels["TC102"] is Severity.ERROR
    assert levels["TC201"] is Severity.INFO
    assert levels["TC101"] is Severity.ERROR  # untouched default


def test_known_selectors() -> None:
    assert is_known_selector("TC2")
    assert is_known_selector("tc")
    assert is_known_selector("link-changed")
    assert is_known_selector("all")
    assert not is_known_selector("TC9")
    assert not is_known_selector("link-chnaged")


def _config_file(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "transcheck.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("select:\n  - TC1\n  - TC9\n", "select.1", 3),
        ("fail_on: error\nignore: [link-chnaged]\n", "ignore.0", 2),
        ("select: TC1, TC99\n", "select.1", 1),
        ("severity:\n  TC201: info\n  no-such-rule: error\n", "severity.no-such-rule", 3),
    ],
)
def test_unknown_rule_reference_names_file_key_and_line(
    tmp_path: Path, text: str, key: str, line: int
) -> None:
    config = _config_file(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        active_rules(config)
    error = caught.value
    assert (error.path, error.key, error.line) == (str(tmp_path / "transcheck.yaml"), key, line)
    assert "unknown rule" in str(error)


def test_unknown_rule_without_a_config_file() -> None:
    with pytest.raises(ConfigError) as caught:
        active_rules(Config(select=("TC9",)))
    assert str(caught.value) == (
        "command line: select.0: unknown rule 'TC9'; `transcheck rules` lists codes and names"
    )


def _collector_during_a_run(tmp_path: Path) -> list[bool]:
    """Whether the garbage collector was enabled after each pair of a run over two pairs."""
    for lang, text in (("en", "# A\n\nSome text.\n"), ("ko", "# 가\n\n글입니다.\n")):
        for name in ("a.md", "b.md"):
            (tmp_path / lang).mkdir(exist_ok=True)
            (tmp_path / lang / name).write_text(text, encoding="utf-8")
    config = Config()
    pairing = pair_paths(tmp_path / "en", tmp_path / "ko", config.pairing, config.extensions)
    seen: list[bool] = []
    Run(pairing, config).report(progress=lambda done, total: seen.append(gc.isenabled()))
    return seen


def test_the_collector_pauses_during_a_run_and_resumes_after(tmp_path: Path) -> None:
    assert _collector_during_a_run(tmp_path) == [False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        assert _collector_during_a_run(tmp_path) == [False, False]
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def test_a_callers_frozen_objects_leave_the_collector_running(tmp_path: Path) -> None:
    gc.freeze()  # a language server's indexed trees: it runs checks in threads, collecting
    try:
        assert _collector_during_a_run(tmp_path) == [True, True]
    finally:
        gc.unfreeze()
