"""Baselines: fingerprints ignore line shifts; fixed findings are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, init
from transcheck.baseline import BaselineError, baseline_document, load_baseline, split
from transcheck.cli import app
from transcheck.findings import Finding, Location, Severity


def finding(line: int, message: str = "link to 'a' is missing") -> Finding:
    """A link-missing finding at ko/x.md:line."""
    return Finding(
        "TC201",
        "link-missing",
        Severity.ERROR,
        message,
        Location("en/x.md", line),
        Location("ko/x.md", line),
    )


def test_round_trip_survives_line_shift(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(baseline_document([finding(10), finding(20, "other")], str), encoding="utf-8")
    accepted = load_baseline(path)
    result = split([finding(13), finding(40, "new one")], accepted, str)
    assert [f.message for f in result.new] == ["new one"]
    assert [f.target.line for f in result.unchanged] == [13]
    assert result.fixed == 1


def test_identical_findings_are_counted_not_merged(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(baseline_document([finding(10)], str), encoding="utf-8")
    result = split([finding(10), finding(30)], load_baseline(path), str)
    assert len(result.unchanged) == 1 and len(result.new) == 1


def test_bad_baseline_names_file(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BaselineError, match=r"b\.json"):
        load_baseline(path)


# --- through the command line -------------------------------------------------------------------

ENGLISH = """# Guide

See [a](https://example.com/a).

See [b](https://example.com/b).

See [c](https://example.com/c).
"""

KOREAN = """# 안내

[가](https://example.com/x)를 보세요.

[나](https://example.com/y)를 보세요.

[다](https://example.com/c)를 보세요.
"""


def cli(*args: str) -> tuple[int, str, str]:
    """``transcheck`` with only the link rules on (the findings under test)."""
    result = CliRunner().invoke(app, [*args, "--select", "TC2"])
    return result.exit_code, result.stdout, result.stderr


def json_findings(out: str) -> list[tuple[str, int | None]]:
    return [(f["code"], f["target"]["line"]) for f in json.loads(out)["findings"]]


@pytest.fixture
def project(chdir_tmp: Path) -> Path:
    """A repository whose ko/g.md has two changed links (ko:3 and ko:5)."""
    init(chdir_tmp)
    commit(chdir_tmp, {"en/g.md": ENGLISH, "ko/g.md": KOREAN}, "start")
    return chdir_tmp


def test_baseline_round_trip_survives_an_inserted_line(project: Path) -> None:
    code, out, _ = cli("check", "en", "ko", "--baseline", "b.json", "--update-baseline")
    assert code == 0
    assert "  Baseline: 2 accepted findings not shown; 0 no longer present." in out.splitlines()
    recorded = json.loads((project / "b.json").read_text(encoding="utf-8"))
    assert [(e["code"], e["path"]) for e in recorded["findings"]] == [("TC203", "ko/g.md")] * 2
    korean = project / "ko" / "g.md"
    # A new paragraph above both findings shifts them to ko:5 and ko:7: still accepted.
    korean.write_text(KOREAN.replace("# 안내\n", "# 안내\n\n새 문단입니다.\n"), encoding="utf-8")
    code, out, _ = cli("check", "en", "ko", "--baseline", "b.json", "-f", "json")
    assert code == 0
    assert json_findings(out) == []
    assert json.loads(out)["summary"]["baseline"] == {"unchanged": 2, "no_longer_present": 0}
    # A new defect is reported alone; the old ones stay accepted.
    korean.write_text(
        KOREAN.replace("example.com/c", "example.com/z").replace("# 안내\n", "# 안내\n\n새.\n"),
        encoding="utf-8",
    )
    code, out, _ = cli("check", "en", "ko", "--baseline", "b.json", "-f", "json")
    assert code == 1
    assert json_findings(out) == [("TC203", 9)]
    # Fixing an accepted finding counts it as no longer present.
    korean.write_text(KOREAN.replace("example.com/x", "example.com/a"), encoding="utf-8")
    code, out, _ = cli("check", "en", "ko", "--baseline", "b.json")
    assert code == 0
    assert "  Baseline: 1 accepted finding not shown; 1 no longer present." in out.splitlines()


def test_baseline_matches_from_another_folder_of_the_repository(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "en", "ko", "--baseline", "b.json", "--update-baseline")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    code, out, _ = cli("check", "../en", "../ko", "--baseline", "../b.json", "-f", "json")
    assert (code, json_findings(out)) == (0, [])


def test_sarif_marks_new_and_unchanged_results(project: Path) -> None:
    cli("check", "en", "ko", "--baseline", "b.json", "--update-baseline")
    (project / "ko" / "g.md").write_text(
        KOREAN.replace("example.com/c", "example.com/z"), encoding="utf-8"
    )
    _, out, _ = cli("check", "en", "ko", "--baseline", "b.json", "-f", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert [
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["baselineState"])
        for r in results
    ] == [(3, "unchanged"), (5, "unchanged"), (7, "new")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--baseline", "missing.json"), "missing.json: cannot read baseline"),
        (("--update-baseline",), "--update-baseline needs --baseline FILE"),
        (("--baseline", "ko/b.md", "--update-baseline"), "would overwrite an input file"),
    ],
)
def test_baseline_errors_exit_2(project: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = cli("check", "en", "ko", *args)
    assert (code, out) == (2, "")
    assert message in err


def test_line_references_in_messages_do_not_change_fingerprints(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    before = finding(10, "English paragraph 'Intro…' (lines 10-12) has no Korean counterpart")
    path.write_text(baseline_document([before], str), encoding="utf-8")
    after = finding(14, "English paragraph 'Intro…' (lines 14-16) has no Korean counterpart")
    other = finding(14, "English paragraph 'Other…' (lines 14-16) has no Korean counterpart")
    result = split([after, other], load_baseline(path), str)
    assert result.unchanged == (after,) and result.new == (other,)


def test_identity_keeps_a_fingerprint_when_counts_in_the_message_change(tmp_path: Path) -> None:
    def inconsistent(count: int, rendering: str) -> Finding:
        return Finding(
            "TC303",
            "glossary-inconsistent",
            Severity.WARNING,
            f"'sharding' is written {rendering}; the majority rendering is 샤딩 ({count}×)",
            target=Location("ko/x.md", 7),
            identity=f"sharding\0{rendering}\0korean",
        )

    path = tmp_path / "baseline.json"
    path.write_text(baseline_document([inconsistent(187, "sharding")], str), encoding="utf-8")
    result = split(
        [inconsistent(190, "sharding"), inconsistent(190, "샤드")], load_baseline(path), str
    )
    assert [f.message.split(";")[0] for f in result.new] == ["'sharding' is written 샤드"]
    assert len(result.unchanged) == 1
