"""docs/ci.md stays runnable: its GitHub Actions workflow is parsed, and the shell of its steps
runs as the runner would run it, on a pull-request branch of a real repository (only the pip
install of transcheck and the actions it uses are left out)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from markdown_it import MarkdownIt

from tests.gitrepos import commit, git, init
from tests.report.conftest import ENGLISH_GUIDE, KOREAN_GUIDE, sarif_schema

REPO = Path(__file__).resolve().parents[1]


def workflow() -> dict[Any, Any]:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    parsed: dict[Any, Any] = yaml.safe_load(block)
    return parsed


def steps() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"]["transcheck"]["steps"]
    return found


def test_the_workflow_has_what_the_issue_asks_for() -> None:
    flow = workflow()
    assert flow[True]["pull_request"]["paths"]  # YAML 1.1 reads the key `on` as True
    assert flow["permissions"]["security-events"] == "write"
    by_use = {s["uses"].split("@")[0]: s for s in steps() if "uses" in s}
    assert by_use["actions/checkout"]["with"]["fetch-depth"] == 0
    upload = by_use["github/codeql-action/upload-sarif"]
    assert upload["with"]["sarif_file"] == "transcheck.sarif"
    assert upload["if"] == "${{ !cancelled() }}"
    check = next(s for s in steps() if s.get("name", "").startswith("Check"))
    assert "--format sarif=transcheck.sarif" in check["run"]
    assert "--fail-on error" in check["run"]


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone whose origin/main has two chapters, on a branch that breaks a Korean link and
    changes an English file without its Korean one."""
    origin = init(tmp_path / "origin")
    chapters = {
        f"{s}/{n}.md": t
        for n in ("a", "b")
        for s, t in (("en", ENGLISH_GUIDE), ("ko", KOREAN_GUIDE))
    }
    commit(origin, chapters, "two chapters")
    clone = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    git(clone, "checkout", "-q", "-b", "feature")
    broken = KOREAN_GUIDE.replace("example.com/other", "example.com/paper2")
    commit(clone, {"ko/a.md": broken, "en/b.md": ENGLISH_GUIDE + "\nMore.\n"}, "feature")
    return clone


def test_the_workflow_steps_run(pull_request: Path, tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_BASE_REF": "main",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "o/translation",
        "GITHUB_RUN_ID": "7",
        "GITHUB_STEP_SUMMARY": str(summary),
        "HEAD_SHA": "0123abc",
    }
    outcomes = {}
    for step in steps():
        if "run" not in step or step["run"].startswith("pip install"):
            continue
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=pull_request,
            env=env,
            capture_output=True,
            text=True,
        )
        outcomes[step["name"]] = result
    check = outcomes["Check the chapters this pull request changed"]
    assert check.returncode == 1, check.stderr  # an error finding fails the job
    annotations = check.stdout.splitlines()
    assert annotations[0].startswith("::error file=ko/a.md,line=3,title=TC203 link-changed::")
    assert any(a.startswith("::warning file=ko/b.md,") and "TC702" in a for a in annotations)
    assert annotations[-1].endswith(
        "full report: transcheck.sarif, transcheck.md, https://github.com/o/translation/actions/runs/7"
    )
    assert outcomes["Job summary"].returncode == 0
    written = summary.read_text(encoding="utf-8")
    assert "https://github.com/o/translation/blob/0123abc/ko/a.md#L3" in written
    assert "<table>" in MarkdownIt("commonmark").enable("table").render(written)
    log = json.loads((pull_request / "transcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, sarif_schema())
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"TC203", "TC702"}


def test_the_suggestions_job_pipes_rdjson_into_reviewdog() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(block.split("```", 1)[0]) for block in text.split("```yaml\n")[1:]]
    job = next(b["suggestions"] for b in blocks if isinstance(b, dict) and "suggestions" in b)
    assert job["permissions"]["pull-requests"] == "write"
    assert any(s.get("uses", "").startswith("reviewdog/action-setup@") for s in job["steps"])
    install = next(s for s in job["steps"] if s.get("name") == "Install transcheck")
    assert "$TRANSCHECK" in install["run"]
    assert "TRANSCHECK" in workflow()["env"]  # the job joins the workflow that defines it
    run = next(s for s in job["steps"] if s.get("name") == "Suggest fixes")
    assert run["env"]["REVIEWDOG_GITHUB_API_TOKEN"] == "${{ github.token }}"
    command = run["run"]
    assert "--format rdjson" in command and "--fail-on never" in command
    assert "| reviewdog -f=rdjson" in command and "-reporter=github-pr-review" in command


def test_docs_pin_transcheck_by_a_commit_sha_or_an_existing_tag() -> None:
    """No doc tells users to pin a tag that was never made (`rev: v0.1.0` did)."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    pins = re.findall(r"^\s*rev: (\S+)", text, re.MULTILINE)
    pins += re.findall(r"github\.com/OWNER/transcheck@(\S+)", text)
    tags = set(git(REPO, "tag", "--list").split())
    assert len(pins) == 2
    for pin in pins:
        assert re.fullmatch(r"[0-9a-f]{40}", pin) or pin in tags, pin
