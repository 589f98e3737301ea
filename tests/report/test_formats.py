"""Every finding format on one pair of trees with known findings: the same findings in the same
order everywhere; SARIF valid against the 2.1.0 schema; GitHub commands escaped; Markdown that
renders; rdjson in reviewdog's shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from tests.gitrepos import write
from tests.report.conftest import ENGLISH_GUIDE, EXPECTED, KOREAN_GUIDE, ODD, sarif_schema
from transcheck.checks import REGISTRY
from transcheck.cli import app
from transcheck.findings import Finding, Location, Severity
from transcheck.report.github import annotation, escape_data, escape_property
from transcheck.report.markdown import escape
from transcheck.report.options import RenderOptions

Row = tuple[str, str | None, int | None]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def outputs(project: Path) -> dict[str, str]:
    """One run writing every format: text on stdout, the others to files."""
    specs = ["json=r.json", "sarif=r.sarif", "github=gh.txt", "markdown=s.md", "rdjson=r.rd"]
    args = ["check", "en", "ko", "--format", "text"]
    for spec in specs:
        args += ["--format", spec]
    code, out, err = run(*args)
    assert (code, err) == (1, "")
    written = {spec.split("=")[0]: (project / spec.split("=")[1]).read_text() for spec in specs}
    return {"text": out, **written}


def from_text(text: str) -> list[Row]:
    rows = []
    for line in text.splitlines():
        found = re.match(r"  (\S.*?) ↔ (\S.*?)  (?:error|warning|info)\s+(TC\d+) ", line)
        if found:
            english, korean = found.group(1), found.group(2)
            where = korean if korean != "-" else english
            path, _, number = where.rpartition(":")
            code = found.group(3)
            rows.append((code, path, int(number)) if number.isdigit() else (code, where, None))
    return rows


def from_json(text: str) -> list[Row]:
    rows = []
    for f in json.loads(text)["findings"]:
        where = f["target"] if f["target"]["path"] else f["source"]
        rows.append((f["code"], where["path"], where["line"]))
    return rows


def sarif_rows(log: dict[str, Any], keep: bool = True) -> list[Row]:
    rows = []
    for result in log["runs"][0]["results"]:
        if keep and (result.get("suppressions") or result.get("baselineState") == "unchanged"):
            continue
        physical = result["locations"][0]["physicalLocation"]
        line = physical.get("region", {}).get("startLine")
        rows.append((result["ruleId"], unquote(physical["artifactLocation"]["uri"]), line))
    return rows


def from_github(text: str) -> list[Row]:
    rows = []
    for line in text.splitlines()[:-1]:
        properties = dict(
            part.split("=", 1) for part in line.split(" ", 1)[1].split("::")[0].split(",")
        )
        path = properties["file"].replace("%3A", ":").replace("%2C", ",")
        line_number = int(properties["line"]) if "line" in properties else None
        rows.append((properties["title"].split()[0], path, line_number))
    return rows


def from_markdown(text: str) -> list[Row]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 5 and cells[2] in ("error", "warning", "info"):
            where = cells[0] if cells[0] != "–" else cells[1]
            where = where.replace("\\", "")
            path, _, number = where.rpartition(":")
            code = cells[3].split()[0]
            rows.append((code, path, int(number)) if number.isdigit() else (code, where, None))
    return rows


def from_rdjson(text: str) -> list[Row]:
    return [
        (
            d["code"]["value"],
            d["location"]["path"],
            d["location"].get("range", {}).get("start", {}).get("line"),
        )
        for d in json.loads(text)["diagnostics"]
    ]


def test_every_format_carries_the_same_findings_in_the_same_order(
    outputs: dict[str, str],
) -> None:
    assert from_text(outputs["text"]) == EXPECTED
    assert from_json(outputs["json"]) == EXPECTED
    assert sarif_rows(json.loads(outputs["sarif"])) == EXPECTED
    assert from_github(outputs["github"]) == EXPECTED
    assert from_markdown(outputs["markdown"]) == EXPECTED
    assert from_rdjson(outputs["rdjson"]) == EXPECTED


# --- SARIF --------------------------------------------------------------------------------------


def test_sarif_is_valid_and_locates_korean_first(outputs: dict[str, str]) -> None:
    log = json.loads(outputs["sarif"])
    jsonschema.validate(log, sarif_schema())
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in REGISTRY]
    assert rules[0]["name"] == REGISTRY[0].name
    assert rules[0]["shortDescription"]["text"] == REGISTRY[0].summary
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning", "note"}
    assert all("Bad:" in r["help"]["text"] for r in rules)
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().resolve().as_uri() + "/"
    first = run_["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "TC203"
    primary = first["locations"][0]["physicalLocation"]
    assert primary["artifactLocation"] == {"uri": "ko/a%3A%20b%2C%20c.md", "uriBaseId": "%SRCROOT%"}
    assert primary["region"] == {"startLine": 3}
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "en/a%3A%20b%2C%20c.md"
    assert related["physicalLocation"]["region"] == {"startLine": 3}
    # Brackets quoted from the files are escaped: they would start SARIF embedded links.
    assert first["message"]["text"].startswith("the Korean link \\[50% 할인\\](https://")


def test_sarif_keeps_suppressed_findings_with_a_suppressions_entry(
    outputs: dict[str, str],
) -> None:
    log = json.loads(outputs["sarif"])
    everything = sarif_rows(log, keep=False)
    assert everything == [*EXPECTED[:3], ("TC203", "ko/guide.md", 8), *EXPECTED[3:]]
    silenced = log["runs"][0]["results"][3]
    assert silenced["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "silenced by a transcheck-disable comment",
        }
    ]
    assert "baselineState" not in silenced  # no baseline in this run


def test_sarif_paths_are_relative_to_the_repository_root(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    _, out, _ = run("check", "../en", "../ko", "-f", "sarif")
    assert sarif_rows(json.loads(out)) == EXPECTED


def test_sarif_fingerprints_survive_an_inserted_line(project: Path) -> None:
    _, before, _ = run("check", "en", "ko", "-f", "sarif")
    guide = project / "ko" / "guide.md"
    guide.write_text(guide.read_text().replace("# 안내\n", "# 안내\n\n새 문단.\n"))
    _, after, _ = run("check", "en", "ko", "-f", "sarif")
    results = [json.loads(text)["runs"][0]["results"] for text in (before, after)]
    lines = [
        [(r["ruleId"], r["locations"][0]["physicalLocation"].get("region")) for r in log]
        for log in results
    ]
    assert lines[0][1] == ("TC203", {"startLine": 3})
    assert lines[1][1] == ("TC203", {"startLine": 5})
    prints = [[r["partialFingerprints"]["transcheck/v2"] for r in log] for log in results]
    assert prints[0] == prints[1]
    assert len(set(prints[0])) == len(prints[0])


# --- GitHub -------------------------------------------------------------------------------------


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("ko/a: b, c%.md\n") == "ko/a%3A b%2C c%25.md%0A"
    finding = Finding(
        "TC203",
        "link-changed",
        Severity.ERROR,
        "line one\nline two: 100%",
        Location("en/x.md", 4),
        Location("ko/x.md", 5),
    )
    assert annotation(finding, RenderOptions()) == (
        "::error file=ko/x.md,line=5,title=TC203 link-changed::"
        "line one%0Aline two: 100%25 (English: en/x.md:4)"
    )


def test_github_lines_and_closing_notice(outputs: dict[str, str]) -> None:
    lines = outputs["github"].splitlines()
    assert lines[0].startswith("::error file=ko/a%3A b%2C c.md,line=3,title=TC203 link-changed::")
    assert "[50%25 할인]" in lines[0]
    assert lines[3] == "::notice file=en/new.md,title=TC105 translation-missing::" + (
        "no Korean translation of this file"
    )
    assert lines[-1] == (
        "::notice title=transcheck::4 findings in 3 file pairs: 2 errors, 1 warning, 1 info; "
        "1 finding silenced by transcheck-disable comments; GitHub shows at most 10 annotations "
        "of each severity per step; full report: r.json, r.sarif, s.md, r.rd"
    )
    assert len(lines) == len(EXPECTED) + 1


def test_github_notice_names_the_workflow_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.example")
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/r")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    _, out, _ = run("check", "en", "ko", "-f", "github", "-f", "sarif=x.sarif")
    assert out.splitlines()[-1].endswith(
        "full report: x.sarif, https://github.example/o/r/actions/runs/42"
    )


# --- Markdown -----------------------------------------------------------------------------------


def rendered(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def test_markdown_renders_tables_without_quoted_links(outputs: dict[str, str]) -> None:
    html = rendered(outputs["markdown"])
    assert html.count("<table>") == 5  # by severity, by rule, and one per chapter with findings
    assert "<a href" not in html  # no --link-base, and the quoted [text](url) stays text
    assert "[논문](https://example.com/other)" in html
    assert "<h3>transcheck</h3>" in html
    assert "<h4>ko/guide.md: 1 error, 1 warning</h4>" in html
    assert "1 finding silenced by <code>transcheck-disable</code> comments." in html


def test_markdown_link_base_links_each_line(project: Path) -> None:
    base = "https://github.com/o/r/blob/0123abc"
    _, out, _ = run("check", "en", "ko", "-f", "markdown", "--link-base", base + "/")
    html = rendered(out)
    assert f'<a href="{base}/ko/guide.md#L8">ko/guide.md:8</a>' in html
    assert f'<a href="{base}/en/guide.md#L7">en/guide.md:7</a>' in html
    assert f'<a href="{base}/ko/a%3A%20b%2C%20c.md#L3">ko/a: b, c.md:3</a>' in html
    assert f'<a href="{base}/en/new.md">en/new.md</a>' in html


def test_markdown_is_readable_without_findings(project: Path) -> None:
    _, out, _ = run("check", "en/guide.md", "ko/guide.md", "-f", "markdown", "--select", "TC1")
    assert out == "### transcheck\n\n1 file pair checked, 0 with findings: no findings.\n"
    assert "<p>1 file pair checked, 0 with findings: no findings.</p>" in rendered(out)


def test_markdown_folds_a_long_chapter(project: Path) -> None:
    english = "# Guide\n\n" + "".join(f"See [l{n}](https://e.com/{n}).\n\n" for n in range(12))
    korean = "# 안내\n\n" + "".join(f"[링크{n}](https://e.com/x{n}).\n\n" for n in range(12))
    (project / "en" / "long.md").write_text(english, encoding="utf-8")
    (project / "ko" / "long.md").write_text(korean, encoding="utf-8")
    _, out, _ = run("check", "en", "ko", "-f", "markdown")
    assert "<details><summary>ko/long.md: 12 errors</summary>\n\n| Korean |" in out
    html = rendered(out)
    assert html.count("<table>") == 6
    assert "</details>" in html


def test_markdown_escape() -> None:
    assert escape("a|b [x](y) `c` <b> $x$ *e*\nz") == (
        "a\\|b \\[x\\](y) \\`c\\` \\<b\\> \\$x\\$ \\*e\\* z"
    )


# --- rdjson -------------------------------------------------------------------------------------


def test_rdjson_shape(outputs: dict[str, str]) -> None:
    document = json.loads(outputs["rdjson"])
    assert document["source"] == {"name": "transcheck"}
    first = document["diagnostics"][0]
    assert first["severity"] == "ERROR"
    assert first["code"] == {"value": "TC203"}
    assert first["location"] == {"path": f"ko/{ODD}", "range": {"start": {"line": 3}}}
    assert first["related_locations"] == [
        {
            "message": f"English source: en/{ODD}:3",
            "location": {"path": f"en/{ODD}", "range": {"start": {"line": 3}}},
        }
    ]
    assert [d["severity"] for d in document["diagnostics"]] == ["ERROR", "ERROR", "WARNING", "INFO"]
    assert document["diagnostics"][3]["location"] == {"path": "en/new.md"}


def test_sarif_outside_a_repository_is_relative_to_the_checked_trees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trees outside any repository and outside the working directory: paths relative to the
    folder holding both trees, whose file:// URI is %SRCROOT%."""
    trees = tmp_path / "trees"
    write(trees, {"en/g.md": ENGLISH_GUIDE, "ko/g.md": KOREAN_GUIDE})
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    _, out, _ = run("check", str(trees / "en"), str(trees / "ko"), "-f", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, sarif_schema())
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "ko/g.md", "uriBaseId": "%SRCROOT%"}
    root = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == trees.resolve().as_uri() + "/"
