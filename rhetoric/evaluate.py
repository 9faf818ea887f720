"""Scoring the kit's entities against hand-made gold annotations.

Shared by the tests and ``benchmarks/entities.py`` so both report the same figures.
Spans match exactly (same start and end); types are compared coarsely (person, place,
organisation) because GPE-versus-LOC is a matter of convention, not of reading.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .data import load_json

COARSE = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}


def ratio(part: int, whole: int, empty: float = 1.0) -> float:
    """``part / whole``, or ``empty`` when there is nothing to divide (no predictions, no gold)."""
    return part / whole if whole else empty


def harmonic_f1(precision: float, recall: float) -> float:
    """F1, the harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    """Precision, recall and F1 with the counts behind them: the one P/R/F1 of the kit, used by
    the entity, signal and exercise scores and the benchmarks."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return harmonic_f1(self.precision, self.recall)

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def gold_entities() -> list[dict]:
    """The hand-annotated entity mentions of the seed (``data/gold/entities.json``)."""
    return load_json("gold", "entities.json")["mentions"]



def score_entities(predicted: Iterable, gold: Iterable[dict], *, by: str = "type") -> Score:
    """Score predicted entities (objects with start, end, label, actor) against gold dicts.

    ``by="type"``: span and coarse type must match. ``by="actor"``: span and canonical
    actor must match (is each mention linked to the right actor?).
    """

    def key(start, end, label, actor):
        return (start, end, actor) if by == "actor" else (start, end, COARSE[label])

    pred = Counter(key(p.start, p.end, p.label, p.actor) for p in predicted if p.label in COARSE)
    ref = Counter(key(g["start"], g["end"], g["label"], g["actor"]) for g in gold if g["label"] in COARSE)
    tp = sum((pred & ref).values())
    return Score(tp=tp, fp=sum(pred.values()) - tp, fn=sum(ref.values()) - tp)


def errors(predicted: Iterable, gold: Iterable[dict]) -> dict[str, list[tuple]]:
    """The mismatches behind a score, for reading: missed gold mentions and extra predictions."""
    pred = {(p.start, p.end): p for p in predicted if p.label in COARSE}
    ref = {(g["start"], g["end"]): g for g in gold if g["label"] in COARSE}
    missed = [(g["text"], g["label"], g["start"]) for k, g in ref.items() if k not in pred or COARSE[pred[k].label] != COARSE[g["label"]]]
    extra = [(p.text, p.label, p.start) for k, p in pred.items() if k not in ref or COARSE[ref[k]["label"]] != COARSE[p.label]]
    return {"missed": sorted(missed, key=lambda x: x[2]), "extra": sorted(extra, key=lambda x: x[2])}
