"""Scoring the kit's entities against hand-made gold annotations.

Shared by the tests and ``benchmarks/entities.py`` so both report the same figures.
Spans match exactly (same start and end); types are compared coarsely (person, place,
organisation) because GPE-versus-LOC is a matter of convention, not of reading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .data import load_json
from .items import SPEECH_KINDS

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


def quote_cases() -> list[dict]:
    """The quote cases of ``data/gold/quote_cases.json``: ``kind``, ``name``, ``text``, ``expect``."""
    return load_json("gold", "quote_cases.json")["cases"]


def _pick_quote(quotes, want: dict):
    def ok(q) -> bool:
        if "equals" in want and q.text != want["equals"]:
            return False
        if "contains" in want and want["contains"] not in q.text:
            return False
        return "kind" not in want or q.kind == want["kind"]

    hits = sorted((q for q in quotes if ok(q)), key=lambda q: q.end - q.start)
    return hits[0] if hits else None


def _has(name, part) -> bool:
    return bool(name) and part.lower() in name.lower()


def check_quote_case(analysis, expect: dict) -> list[str]:
    """What is wrong with ``analysis`` against one case's ``expect`` (empty list: it passes).

    ``quotes``: each wanted quote (found by ``equals`` or ``contains`` and ``kind``) with its
    ``speaker`` (exact, case-insensitive), ``speaker_has`` (a part of it), ``not_speaker_has``,
    ``speaker_text`` (the quote's own speaker mention) and ``negated``. ``signals``: a signal with
    that ``text`` and ``category`` and the given flags. ``not_speaker``: no quote names that
    speaker. ``no_speech``: no counted speech (a direct or indirect quote that is not negated)
    holds those words."""
    problems = []
    for want in expect.get("quotes", []):
        q = _pick_quote(analysis.quotes, want)
        label = want.get("equals") or want.get("contains")
        if q is None:
            kinds = [f"{x.kind}:{x.text[:30]!r}" for x in analysis.quotes]
            problems.append(f"no {want.get('kind', '')} quote {label!r} (found {kinds})")
            continue
        if "speaker" in want and (q.speaker or "").lower() != (want["speaker"] or "").lower():
            problems.append(f"{label!r}: speaker {q.speaker!r}, want {want['speaker']!r}")
        if "speaker_has" in want and not _has(q.speaker, want["speaker_has"]):
            problems.append(f"{label!r}: speaker {q.speaker!r}, want one with {want['speaker_has']!r}")
        if "not_speaker_has" in want and _has(q.speaker, want["not_speaker_has"]):
            problems.append(f"{label!r}: speaker {q.speaker!r} must not be {want['not_speaker_has']!r}")
        if "speaker_text" in want and q.speaker_text != want["speaker_text"]:
            problems.append(f"{label!r}: own speaker mention {q.speaker_text!r}, want {want['speaker_text']!r}")
        if "negated" in want and bool(getattr(q, "negated", False)) != want["negated"]:
            problems.append(f"{label!r}: negated {getattr(q, 'negated', False)}, want {want['negated']}")
    for want in expect.get("signals", []):
        sigs = [s for s in analysis.signals if s.text == want["text"] and s.category == want["category"]]
        if not sigs:
            problems.append(f"no {want['category']} signal {want['text']!r}")
            continue
        for flag in ("in_quote", "negated"):
            if flag in want and not any(getattr(s, flag) == want[flag] for s in sigs):
                problems.append(f"signal {want['text']!r}: {flag} is not {want[flag]}")
    for name in expect.get("not_speaker", []):
        bad = [q.text for q in analysis.quotes if (q.speaker or "").lower() == name.lower()]
        if bad:
            problems.append(f"{name!r} is given as a speaker of {bad}")
    for words in expect.get("no_speech", []):
        bad = [q for q in analysis.quotes if words in q.text and q.kind in SPEECH_KINDS
               and not getattr(q, "negated", False)]
        if bad:
            problems.append(f"{words!r} counted as speech by {bad[0].speaker!r} ({bad[0].kind})")
    return problems
