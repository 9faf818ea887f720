"""Sourcing balance: who gets to speak in the article, and how much.

``sourcing_balance(analysis)`` counts, from the quote layer's output, the quotes and the
quoted words of every speaker and of every side, so a notebook can chart whose voice the
article carries. Direct quotes count their own words (marks and nested quotes left out of
the outer speaker's count? no: a nested quote's words count for both, once as the outer
speaker's text and once as the nested speaker's; see ``count_words``). Indirect speech is
counted separately, because there the words are the writer's, not the speaker's.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .items import SPEECH_KINDS
from .layout import count_words

UNATTRIBUTED = "(no speaker)"


def counts_as_speech(quote) -> bool:
    """Someone's words, direct or reported: not words they did not say (``negated``) and not the
    writer's own marks around a name, a title or a scare-quoted word (``kind == "scare"``)."""
    return quote.kind in SPEECH_KINDS and not getattr(quote, "negated", False)


def _speaker_kind(analysis, quote) -> str:
    """named (an actor of the article), unnamed (a descriptive source), author, or none."""
    if quote.speaker is None:
        return "none"
    if quote.speaker == "the author":
        return "author"
    if quote.speaker in analysis.actors:
        return "named"
    words = [w for w in quote.speaker.split() if w[:1].isalpha()]
    if words and all(w[:1].isupper() for w in words):
        return "named"  # a proper name the entity layer did not list
    return "unnamed"  # a descriptive source: "a senior official", "Trump aides"


def sourcing_balance(analysis, *, by: str = "speaker") -> list[dict[str, Any]]:
    """Rows of quotes and quoted words per speaker (``by="speaker"``) or per side (``by="side"``).

    Each row: ``speaker`` (or ``side``), ``side``, ``kind`` (named / unnamed / author / none),
    ``direct_quotes``, ``direct_words``, ``indirect_quotes``, ``indirect_words``, ``quotes``
    (both kinds), ``share_of_direct_words`` (0-1). Sorted by direct words, then quotes.
    Quotes with no speaker are one row, ``"(no speaker)"``.
    """
    if by not in ("speaker", "side"):
        raise ValueError("by must be 'speaker' or 'side'")
    actors = analysis.actors
    rows: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for q in analysis.quotes:
        if not counts_as_speech(q):
            continue
        speaker = q.speaker or UNATTRIBUTED
        actor = actors.get(q.speaker) if q.speaker else None
        side = getattr(actor, "side", None) or q.side or "unknown"
        key = speaker if by == "speaker" else side
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "speaker" if by == "speaker" else "side": key,
                "side": side,
                "kind": _speaker_kind(analysis, q) if by == "speaker" else "side",
                "direct_quotes": 0,
                "direct_words": 0,
                "indirect_quotes": 0,
                "indirect_words": 0,
            }
        words = count_words(q.text)
        if q.in_own_words:
            row["direct_quotes"] += 1
            row["direct_words"] += words
        else:
            row["indirect_quotes"] += 1
            row["indirect_words"] += words
    total = sum(r["direct_words"] for r in rows.values()) or 1
    out = []
    for r in rows.values():
        r["quotes"] = r["direct_quotes"] + r["indirect_quotes"]
        r["share_of_direct_words"] = round(r["direct_words"] / total, 3)
        if by == "side":
            r.pop("kind")
        out.append(r)
    out.sort(key=lambda r: (-r["direct_words"], -r["quotes"], str(r[by])))
    return out
