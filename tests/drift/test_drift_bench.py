"""The drift benchmark, small: every kind of change planted into real chapter pairs of the
shared corpora (two pages per kind and corpus); planted English changes must make the pair
outdated, silent Korean edits must not (``benchmarks/bench_drift.py`` runs the full one)."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from tests.drift.plant import KINDS, Trial, run

CORPORA = [CORPUS, CORPUS.parent / "vue-docs"]
# Kinds that only one corpus offers a place for: the book links its chapters by relative paths,
# never by root-relative ones, so only the Vue docs have a link to make absolute.
ONE_CORPUS = {"ko-link-absolute"}


@pytest.fixture(scope="module")
def trials() -> list[Trial]:
    if not all((corpus / "en").is_dir() for corpus in CORPORA):
        pytest.skip("shared corpora not found")
    return run(CORPORA, per_kind=2, kinds=list(KINDS))


def describe(trial: Trial) -> str:
    found = "; ".join(f"{f.code} {f.message[:80]}" for f in trial.new) or "no new finding"
    return f"{trial.kind.name} on {trial.page}: {found}"


def test_every_kind_was_planted_on_both_corpora(trials: list[Trial]) -> None:
    for kind in KINDS:
        pages = {t.page.split("/")[0] for t in trials if t.kind is kind}
        assert len(pages) == (1 if kind.name in ONE_CORPUS else 2), kind.name


def test_planted_english_changes_make_the_pair_outdated(trials: list[Trial]) -> None:
    planted = [t for t in trials if t.kind.outdated]
    missed = [describe(t) for t in planted if not t.outdated]
    assert len(missed) <= 0.05 * len(planted), missed


def test_silent_korean_edits_raise_no_alarm(trials: list[Trial]) -> None:
    alarms = [describe(t) for t in trials if not t.kind.outdated and t.outdated]
    assert alarms == []


def test_a_planted_sentence_is_named_at_its_paragraph(trials: list[Trial]) -> None:
    appended = [t for t in trials if t.kind.name == "sentence-appended" and t.outdated]
    assert appended
    for trial in appended:
        drift = [f for f in trial.new if f.code == "TC704"]
        assert drift and "the English sentence" in drift[0].message, describe(trial)
        assert drift[0].source.line and drift[0].target.line
