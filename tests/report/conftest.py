"""A git repository with a pair of trees whose findings are known, for the format tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepos import commit, init

ENGLISH_GUIDE = """# Guide

Read [the paper](https://example.com/paper).

## Usage

Run [the tool](https://example.com/tool).
"""

KOREAN_GUIDE = """# 안내

[논문](https://example.com/other)을 읽으세요.

## 사용법

<!-- transcheck-disable-next-line TC203 -->
[도구](https://example.com/t00l)를 실행하세요. [더 보기](https://example.com/extra)
"""

# A file name with ':' and ',' (escaped in GitHub properties) and a '%' in its messages.
ODD = "a: b, c.md"
FILES = {
    "en/guide.md": ENGLISH_GUIDE,
    "ko/guide.md": KOREAN_GUIDE,
    f"en/{ODD}": "# Sale\n\nSee [50% off](https://example.com/sale).\n",
    f"ko/{ODD}": "# 할인\n\n[50% 할인](https://example.com/sale2)을 보세요.\n",
    "en/new.md": "# New\n\nText.\n",
}

# (code, primary path, line) of every finding, in report order; ko/guide.md:8 also has a
# changed link, silenced by the comment on line 7.
EXPECTED = [
    ("TC203", f"ko/{ODD}", 3),
    ("TC203", "ko/guide.md", 3),
    ("TC202", "ko/guide.md", 8),
    ("TC105", "en/new.md", None),
]


SARIF_SCHEMA = (
    Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def sarif_schema() -> dict[str, Any]:
    """The SARIF 2.1.0 JSON schema beside the checkout (``../shared/schemas``); skips without."""
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema: dict[str, Any] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return schema


@pytest.fixture
def project(chdir_tmp: Path) -> Path:
    """The repository (also the working directory) with en/ and ko/ committed."""
    init(chdir_tmp)
    commit(chdir_tmp, FILES, "start")
    return chdir_tmp
