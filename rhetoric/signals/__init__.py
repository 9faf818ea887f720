"""Rhetorical signals: reporting verbs, hedges, boosters, loaded words, metaphors, agency
and the author's own voice.

``find_signals(doc, analysis)`` runs every detector on one parsed article and returns
``Signal`` items (``rhetoric.items``), each a character span with a ``category``, a
``subtype`` (stance, appraisal type, source domain, agency pattern...), the ``actor`` it
is about where the parse shows one, ``in_quote``/``speaker`` when it sits inside a quote,
and an ``explanation`` that names the concept in plain words and the specific reason.

Each detector lives in its own small module; what they look for is data in
``data/lexicons/``.
"""

from __future__ import annotations

from ..items import SIGNAL_CATEGORIES, Signal
from .agency import find_agency
from .common import Context
from .hedges import find_boosters, find_hedges
from .loaded import find_loaded
from .metaphor import find_metaphors
from .reporting import find_reporting_verbs
from .voice import find_voice

__all__ = ["find_signals", "SIGNAL_CATEGORIES", "Context"]


def find_signals(doc, analysis) -> list[Signal]:
    """Every rhetorical signal in ``doc``, sorted by position."""
    ctx = Context(doc, analysis)
    cues = [
        (q.cue_start, q.cue_end)
        for q in analysis.quotes
        if q.cue_start is not None and q.cue_end is not None
        and q.in_own_words  # indirect speech: the parse rules already see the clause
    ]
    reporting = find_reporting_verbs(doc, ctx, cues)
    reporting_tokens = set()
    for sig in reporting:
        span = doc.char_span(sig.start, sig.end, alignment_mode="expand")
        if span is not None:
            reporting_tokens.update(t.i for t in span)
    signals = (
        reporting
        + find_hedges(doc, ctx)
        + find_boosters(doc, ctx)
        + find_loaded(doc, ctx)
        + find_metaphors(doc, ctx)
        + find_agency(doc, ctx, reporting_tokens)
        + find_voice(doc, ctx, reporting_tokens)
    )
    signals.sort(key=lambda s: (s.start, SIGNAL_CATEGORIES.index(s.category), s.end))
    return signals
