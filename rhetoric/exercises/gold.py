"""The gold annotation of the seed, as the exercises need it.

The gold lives in ``data/gold/`` (entities, quotes, signals: each made by hand by the engineer
of that layer). The exercises read their answer keys from there, so there is one source of
truth: an exercise's own entry in ``data/exercises`` says where to look, never what the gold says.
"""

from __future__ import annotations

from typing import Optional

from ..data import load_json
from ..evaluate import gold_entities

__all__ = ["gold_entities", "gold_quotes", "gold_signals", "in_range", "entity_label_at", "quote_speaker_at"]


def gold_signals(category: Optional[str] = None) -> list[dict]:
    """Gold signal spans (``start``, ``end``, ``text``, ``category``, ``subtype``, ``note``...)."""
    spans = load_json("gold", "signals.json")["spans"]
    return [s for s in spans if category is None or s.get("category") == category]


def gold_quotes() -> list[dict]:
    """Gold quotes (``start``, ``end``, ``speaker``, ``kind``...) of ``data/gold/quotes.json``."""
    return load_json("gold", "quotes.json")["quotes"]


def in_range(record: dict, start: int, end: int) -> bool:
    """Does a gold record lie inside ``[start, end)``?"""
    return start <= int(record["start"]) and int(record["end"]) <= end


def entity_label_at(start: int, end: int) -> Optional[str]:
    """The label of the gold entity overlapping ``[start, end)``; ``None`` when the gold has no
    entity there (the words are not a name)."""
    for e in gold_entities():
        if int(e["start"]) < end and start < int(e["end"]):
            return e.get("label")
    return None


def quote_speaker_at(start: int, end: int) -> tuple[bool, Optional[str]]:
    """``(found, speaker)`` of the gold quote overlapping ``[start, end)`` the most; ``found`` is
    False when no gold quote overlaps (``speaker`` is then ``None``), and a found quote's speaker
    is ``None`` when nobody named says it (a reporter's question).

    Direct quotes win over the indirect (reported) clauses that may contain them.
    """
    best, best_rank = None, (0, 0)
    for q in gold_quotes():
        ov = min(end, int(q["end"])) - max(start, int(q["start"]))
        rank = (ov, 1 if q.get("kind", "direct") == "direct" else 0)
        if ov > 0 and rank > best_rank:
            best, best_rank = q, rank
    if best is None:
        return False, None
    return True, best.get("speaker")
