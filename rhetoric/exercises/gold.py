"""The gold annotation of the seed, as the exercises need it.

The gold lives in ``data/gold/`` (entities, quotes, signals: each made by hand by the engineer
of that layer). The exercises read it from there, so there is one source of truth. Where a
gold file has not been written yet, an exercise falls back on the small key in its own
``data/exercises`` entry; a test checks that key against the gold once the gold exists.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Optional

from ..data import data_path


@lru_cache(maxsize=None)
def gold_file(name: str) -> Optional[dict]:
    """A gold file of ``data/gold`` parsed, or ``None`` if it does not exist (yet)."""
    path = data_path("gold", name)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _records(spec: Any, *keys: str) -> list[dict]:
    if spec is None:
        return []
    if isinstance(spec, list):
        return spec
    for key in keys:
        if isinstance(spec.get(key), list):
            return spec[key]
    return []


def gold_signals(category: Optional[str] = None) -> list[dict]:
    """Gold signal spans (``start``, ``end``, ``text``, ``category``, ``subtype``, ``note``...)."""
    spans = _records(gold_file("signals.json"), "spans", "signals")
    return [s for s in spans if category is None or s.get("category") == category]


def gold_entities() -> Optional[list[dict]]:
    """Gold entity mentions (``start``, ``end``, ``label``...), or ``None`` before the file exists."""
    spec = gold_file("entities.json")
    return None if spec is None else _records(spec, "entities", "spans", "mentions")


def gold_quotes() -> Optional[list[dict]]:
    """Gold quotes (``start``, ``end``, ``speaker``, ``kind``...), or ``None`` before the file exists."""
    spec = gold_file("quotes.json")
    return None if spec is None else _records(spec, "quotes", "spans")


def in_range(record: dict, start: int, end: int) -> bool:
    """Does a gold record lie inside ``[start, end)``?"""
    return start <= int(record["start"]) and int(record["end"]) <= end


def entity_label_at(start: int, end: int) -> tuple[bool, Optional[str]]:
    """``(known, label)`` of the gold entity overlapping ``[start, end)``.

    ``known`` is False when there is no entities gold yet; ``label`` is ``None`` when the gold
    has no entity there (the words are not a name).
    """
    ents = gold_entities()
    if ents is None:
        return False, None
    for e in ents:
        if int(e["start"]) < end and start < int(e["end"]):
            return True, e.get("label")
    return True, None


def quote_speaker_at(start: int, end: int) -> tuple[bool, Optional[str]]:
    """``(known, speaker)`` of the gold direct quote overlapping ``[start, end)`` the most.

    Direct quotes win over the indirect (reported) clauses that may contain them.
    """
    qs = gold_quotes()
    if qs is None:
        return False, None
    best, best_rank = None, (0, 0)
    for q in qs:
        ov = min(end, int(q["end"])) - max(start, int(q["start"]))
        rank = (ov, 1 if q.get("kind", "direct") == "direct" else 0)
        if ov > 0 and rank > best_rank:
            best, best_rank = q, rank
    if best is None:
        return False, None
    return True, best.get("speaker")
