"""Scoring signals against a hand annotation (``data/gold/signals.json``).

A predicted signal matches a gold span when it has the same category and the two
character spans overlap; each gold span and each prediction is used at most once.
Used by the tests and by ``benchmarks/signals.py``, so both report the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import load_json
from ..evaluate import Score as Counts
from ..items import SIGNAL_CATEGORIES


@dataclass
class Score:
    category: str
    gold: int
    predicted: int
    matched: int
    subtype_agree: int = 0

    @property
    def counts(self) -> Counts:
        """The kit's one P/R/F1 (:class:`rhetoric.evaluate.Score`) over these counts."""
        return Counts(self.matched, self.predicted - self.matched, self.gold - self.matched)

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1


def gold_spans(name: str = "signals.json") -> list[dict]:
    """The hand-annotated spans of the seed."""
    return load_json("gold", name)["spans"]


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def score(signals, gold: list[dict]) -> dict[str, Score]:
    """Per-category precision/recall/F1 of ``signals`` against ``gold`` (plus 'all')."""
    out = {}
    for cat in SIGNAL_CATEGORIES:
        preds = [s for s in signals if s.category == cat]
        golds = [g for g in gold if g["category"] == cat]
        used = set()
        matched = agree = 0
        for g in golds:
            for i, p in enumerate(preds):
                if i not in used and _overlap(p.start, p.end, g["start"], g["end"]):
                    used.add(i)
                    matched += 1
                    if g.get("subtype") is not None and p.subtype == g["subtype"]:
                        agree += 1
                    break
        out[cat] = Score(cat, len(golds), len(preds), matched, agree)
    out["all"] = Score("all", sum(s.gold for s in out.values()), sum(s.predicted for s in out.values()),
                       sum(s.matched for s in out.values()), sum(s.subtype_agree for s in out.values()))
    return out


def mismatches(signals, gold: list[dict], category: str):
    """(missed gold spans, unmatched predictions) for one category: for error analysis."""
    preds = [s for s in signals if s.category == category]
    golds = [g for g in gold if g["category"] == category]
    hit_p, hit_g = set(), set()
    for gi, g in enumerate(golds):
        for i, p in enumerate(preds):
            if i not in hit_p and _overlap(p.start, p.end, g["start"], g["end"]):
                hit_p.add(i)
                hit_g.add(gi)
                break
    return [g for gi, g in enumerate(golds) if gi not in hit_g], [p for i, p in enumerate(preds) if i not in hit_p]
