"""Sourcing balance for the charts: quotes and quoted words per speaker.

The quotes layer owns the counting (``rhetoric.sourcing.sourcing_balance``); this module
only reshapes its rows for the charts. If that function is missing or fails, the rows are
counted here from ``analysis.quotes`` in the same shape, so a chart never breaks on it.

Row keys: ``actor``, ``side``, ``quotes``, ``words``, ``direct_quotes``, ``direct_words``,
``indirect_quotes``, ``indirect_words``. Direct words are the speaker's own; indirect
(reported) words are the writer's paraphrase, so the charts show them apart.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _row(actor: str, side: str) -> dict:
    return {"actor": actor, "side": side or "unknown", "quotes": 0, "words": 0, "direct_quotes": 0,
            "direct_words": 0, "indirect_quotes": 0, "indirect_words": 0}


def _order(rows) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["words"], -r["quotes"], r["actor"]))


def quotes_by_speaker(analysis) -> list[dict]:
    """Rows counted from ``analysis.quotes`` (the fallback), most quoted words first."""
    rows: dict[str, dict] = {}
    from rhetoric.sourcing import counts_as_speech

    for q in analysis.quotes:
        if not counts_as_speech(q):
            continue
        name = q.speaker or "(no speaker)"
        side = q.side or "unknown"
        if q.speaker in analysis.actors and analysis.actors[q.speaker].side not in (None, "unknown"):
            side = analysis.actors[q.speaker].side
        r = rows.setdefault(name, _row(name, side))
        kind = "direct" if q.kind == "direct" else "indirect"
        words = len(_WORD.findall(q.text))
        r[f"{kind}_quotes"] += 1
        r[f"{kind}_words"] += words
        r["quotes"] += 1
        r["words"] += words
    return _order(rows.values())


def _from_balance(row: dict) -> dict:
    """One row of ``sourcing_balance`` in the charts' shape (KeyError if the shape is unknown)."""
    r = _row(str(row["speaker"]), row.get("side", "unknown"))
    for k in ("direct_quotes", "direct_words", "indirect_quotes", "indirect_words"):
        r[k] = int(row[k])
    r["quotes"] = r["direct_quotes"] + r["indirect_quotes"]
    r["words"] = r["direct_words"] + r["indirect_words"]
    return r


def sourcing_rows(analysis) -> list[dict]:
    """Rows per speaker, from the quotes layer's ``sourcing_balance`` where available."""
    try:
        from rhetoric.sourcing import sourcing_balance
    except ImportError:
        return quotes_by_speaker(analysis)
    try:
        return _order(_from_balance(r) for r in sourcing_balance(analysis))
    except Exception:  # noqa: BLE001 - a layer mid-change must not break the charts
        return quotes_by_speaker(analysis)
