"""The gold annotation of the seed, as the exercises need it.

The gold lives in ``data/gold/`` (entities, quotes, signals: each made by hand by the engineer
of that layer). The exercises read their answer keys from there, so there is one source of
truth: an exercise's own entry in ``data/exercises`` says where to look, never what the gold says.
"""

from __future__ import annotations

from .. import course
from ..data import load_json
from ..evaluate import gold_entities

__all__ = ["gold_entities", "gold_quotes", "gold_signals", "in_range", "entity_label_at", "quote_speaker_at"]


def gold_signals(category: str | None = None) -> list[dict]:
    """Gold signal spans (``start``, ``end``, ``text``, ``category``, ``subtype``, ``note``...)."""
    spans = load_json("gold", "signals.json")["spans"]
    return [s for s in spans if category is None or s.get("category") == category]


def gold_quotes() -> list[dict]:
    """Gold quotes (``start``, ``end``, ``speaker``, ``kind``...) of ``data/gold/quotes.json``."""
    return load_json("gold", "quotes.json")["quotes"]


def in_range(record: dict, start: int, end: int) -> bool:
    """Does a gold record lie inside ``[start, end)``?"""
    return start <= int(record["start"]) and int(record["end"]) <= end


def entity_label_at(start: int, end: int) -> str | None:
    """The label of the gold entity overlapping ``[start, end)``; ``None`` when the gold has no
    entity there (the words are not a name)."""
    for e in gold_entities():
        if int(e["start"]) < end and start < int(e["end"]):
            return e.get("label")
    return None


def quote_speaker_at(start: int, end: int) -> tuple[bool, str | None]:
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


# --- the gold of a marking exercise (read by its check and by the facts its text names) ---

def passage_bounds(ex) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs an exercise is about."""
    wanted = set(ex.key["paragraphs"])
    return [(p.start, p.end) for p in course.paragraphs() if p.number in wanted]


def inside_any(span: tuple[int, int], bounds: list[tuple[int, int]]) -> bool:
    return any(b0 <= span[0] and span[1] <= b1 for b0, b1 in bounds)


def gold_spans(ex) -> tuple[list[tuple[int, int]], dict]:
    """The gold spans of a marking exercise inside its paragraphs, with the gold's notes."""
    bounds = passage_bounds(ex)
    why: dict[tuple[int, int], str] = {}
    if "gold_category" in ex.key:
        spans = []
        for s in gold_signals(ex.key["gold_category"]):
            span = (int(s["start"]), int(s["end"]))
            if inside_any(span, bounds):
                spans.append(span)
                note = s.get("note") or ("inside a quote: the speaker's" if s.get("in_quote") else "")
                if note:
                    why[span] = note
        return spans, why
    spans = [(int(e["start"]), int(e["end"])) for e in gold_entities() if e.get("label") == ex.key["gold_label"]]
    return [s for s in spans if inside_any(s, bounds)], why


def spans_in_quotes(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that lie inside a direct quote the kit found in the seed."""
    quotes = [(q.start, q.end) for q in course.seed_analysis().quotes if q.kind == "direct"]
    return [s for s in spans if any(q0 <= s[0] and s[1] <= q1 for q0, q1 in quotes)]
