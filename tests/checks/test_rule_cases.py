"""One parametrized test over the YAML case files in cases/: one file per rule code.

A case writes an English and a Korean tree into a temp dir (``en``/``ko`` give chapter.md, ``files``
adds others), runs ``check_paths`` with only the file's rule selected (plus the case's config),
and expects exactly the listed findings: code, both locations, and key words of the message.
A location is a line of chapter.md (``7``), ``"file.md:7"``, ``"file.md"`` (no line) or null.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from transcheck.api import check_paths
from transcheck.checks import find_rule
from transcheck.config import load_config

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}-{case['name']}"))
    return params


def _where(side: str, value: int | str | None) -> str:
    """An expected location in the form ``str(Location)`` gives."""
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{side}/chapter.md:{value}"
    return f"{side}/{value}"


def test_every_rule_of_the_family_has_a_case_file() -> None:
    codes = {path.stem for path in CASES.glob("*.yml")}
    wanted = {"TC002", "TC003", *(f"TC10{n}" for n in range(1, 7))}
    wanted |= {f"TC20{n}" for n in range(1, 8)}
    assert wanted <= codes


@pytest.mark.parametrize("code", sorted(path.stem for path in CASES.glob("*.yml")))
def test_rule_documents_itself(code: str) -> None:
    """`transcheck rules` shows the summary alone, so it must be a whole sentence; `explain`
    shows the rest, which must carry a Bad/Good example."""
    found = find_rule(code)
    assert found is not None
    assert found.summary.endswith("."), found.summary
    assert "Bad:" in found.details and "Good:" in found.details


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any], chdir_tmp: Path) -> None:
    files = dict(case.get("files", {}))
    for side in ("en", "ko"):
        if side in case:
            files[f"{side}/chapter.md"] = case[side]
    for side in ("en", "ko"):
        (chdir_tmp / side).mkdir()
    for rel, text in files.items():
        (chdir_tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (chdir_tmp / rel).write_text(text, encoding="utf-8")
    settings = {"select": case.get("select", [code]), **case.get("config", {})}
    config_file = chdir_tmp / "transcheck.yaml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    report = check_paths(Path("en"), Path("ko"), load_config(config_file))

    got = sorted((f.code, str(f.source), str(f.target)) for f in report.findings)
    expected = sorted(
        (item.get("code", code), _where("en", item["en"]), _where("ko", item["ko"]))
        for item in case["expect"]
    )
    assert got == expected, [f.message for f in report.findings]
    for item in case["expect"]:
        at = (item.get("code", code), _where("en", item["en"]), _where("ko", item["ko"]))
        messages = [
            f.message for f in report.findings if (f.code, str(f.source), str(f.target)) == at
        ]
        for word in item.get("words", []):
            assert any(word in message for message in messages), (word, messages)
