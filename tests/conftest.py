"""Shared fixtures: the model and one analysis of the seed, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_PATH = next((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    import rhetoric

    return rhetoric.load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(seed_text, nlp):
    import rhetoric

    return rhetoric.analyze(seed_text, path=str(SEED_PATH.relative_to(REPO)))


@pytest.fixture
def analyze(nlp):
    """Analyse a short passage written for a test."""
    import rhetoric

    return rhetoric.analyze


@pytest.fixture
def fresh_work(tmp_path, monkeypatch):
    """An empty work file of the test's own and no remembered attempts or listeners (the exercise
    tests use it for every test: ``pytestmark = pytest.mark.usefixtures("fresh_work")``)."""
    from rhetoric.exercises import registry, store
    from rhetoric.exercises.answers import Blank

    monkeypatch.setenv("RHETORIC_LAB_WORK", str(tmp_path / "work.json"))
    monkeypatch.setattr(store, "_WORK", None)
    monkeypatch.setattr(registry, "PROGRESS", registry.Progress())
    monkeypatch.setattr(registry, "_listeners", [])
    Blank.touched = False
    yield
