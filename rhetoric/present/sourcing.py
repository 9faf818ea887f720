"""Sourcing balance for the charts: quotes and quoted words per speaker.

The quotes layer owns the real computation (``rhetoric.sourcing.sourcing_balance``). Until
it lands, or if its result has a shape this adapter does not know, the rows are counted
here from ``analysis.quotes``, so the charts never wait on it.
"""

from __future__ import annotations

from collections.abc import Mapping


def quotes_by_speaker(analysis) -> list[dict]:
    """Rows ``{actor, side, quotes, words}`` counted from ``analysis.quotes``, most words first.

    Quotes without a speaker are counted under "(no speaker)"; a quote nested inside
    another is not counted twice.
    """
    rows: dict[str, dict] = {}
    for q in analysis.quotes:
        if getattr(q, "nested_in", None) is not None:
            continue
        name = q.speaker or "(no speaker)"
        side = q.side or "unknown"
        if side == "unknown" and q.speaker in analysis.actors:
            side = analysis.actors[q.speaker].side or "unknown"
        r = rows.setdefault(name, {"actor": name, "side": side, "quotes": 0, "words": 0})
        r["quotes"] += 1
        r["words"] += len(q.text.split())
    return sorted(rows.values(), key=lambda r: (-r["words"], -r["quotes"], r["actor"]))


def _field(obj, *names, default=None):
    for n in names:
        if isinstance(obj, Mapping) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            return getattr(obj, n)
    return default


def _normalise(result) -> list[dict] | None:
    """Rows from ``sourcing_balance``'s result, or ``None`` if its shape is unknown."""
    if isinstance(result, Mapping):
        for key in ("actors", "per_actor", "by_actor", "speakers", "rows"):
            if key in result:
                return _normalise(result[key])
        if result and all(isinstance(v, (Mapping, object)) for v in result.values()):
            items = [dict(_as_dict(v), actor=k) for k, v in result.items()]
            return _normalise(items)
        return None
    try:
        items = list(result)
    except TypeError:
        return None
    rows = []
    for it in items:
        actor = _field(it, "actor", "speaker", "name")
        quotes = _field(it, "quotes", "n_quotes", "quote_count", "count")
        words = _field(it, "words", "quoted_words", "n_words", "word_count")
        if actor is None or quotes is None or words is None:
            return None
        if isinstance(quotes, (list, tuple)):
            quotes = len(quotes)
        rows.append({"actor": str(actor), "side": _field(it, "side", default="unknown") or "unknown",
                     "quotes": int(quotes), "words": int(words)})
    return sorted(rows, key=lambda r: (-r["words"], -r["quotes"], r["actor"]))


def _as_dict(v):
    if isinstance(v, Mapping):
        return v
    return getattr(v, "__dict__", {})


def sourcing_rows(analysis) -> list[dict]:
    """Rows ``{actor, side, quotes, words}`` per speaker, from the quotes layer if available."""
    try:
        from rhetoric.sourcing import sourcing_balance
    except ImportError:
        return quotes_by_speaker(analysis)
    try:
        rows = _normalise(sourcing_balance(analysis))
    except Exception:  # a half-finished layer must not break the charts
        rows = None
    return rows if rows is not None else quotes_by_speaker(analysis)
