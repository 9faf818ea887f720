"""Sourcing balance for the charts: quotes and quoted words per speaker.

The quotes layer owns the counting (``rhetoric.sourcing.sourcing_balance``); this module
only reshapes its rows for the charts, so the charts and the tables never disagree.

Row keys: ``actor``, ``side``, ``quotes``, ``words``, ``direct_quotes``, ``direct_words``,
``indirect_quotes``, ``indirect_words``. Direct words are the speaker's own; indirect
(reported) words are the writer's paraphrase, so the charts show them apart.
"""

from __future__ import annotations

from rhetoric.sourcing import sourcing_balance


def _row(actor: str, side: str) -> dict:
    return {"actor": actor, "side": side or "unknown", "quotes": 0, "words": 0, "direct_quotes": 0,
            "direct_words": 0, "indirect_quotes": 0, "indirect_words": 0}


def _order(rows) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["words"], -r["quotes"], r["actor"]))


def _from_balance(row: dict) -> dict:
    """One row of ``sourcing_balance`` in the charts' shape (KeyError if the shape is unknown)."""
    r = _row(str(row["speaker"]), row.get("side", "unknown"))
    for k in ("direct_quotes", "direct_words", "indirect_quotes", "indirect_words"):
        r[k] = int(row[k])
    r["quotes"] = r["direct_quotes"] + r["indirect_quotes"]
    r["words"] = r["direct_words"] + r["indirect_words"]
    return r


def sourcing_rows(analysis) -> list[dict]:
    """Rows per speaker from the quotes layer's ``sourcing_balance``, most quoted words first."""
    return _order(_from_balance(r) for r in sourcing_balance(analysis))
