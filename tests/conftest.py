"""Shared fixtures: the real corpus beside the checkout, and the demo data of the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=150)
settings.register_profile("deep", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO / ".." / "shared" / "corpus" / "scaling-book").resolve()
DEMO = REPO / "data" / "demo"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus/scaling-book`` (en/ and ko/), read only; never copied into the repo."""
    if not (CORPUS / "en").is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def chdir_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run a test inside its own temp dir, so config discovery cannot see the repo's files."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
