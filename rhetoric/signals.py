"""Rhetorical signals (reporting verbs, hedges, boosters, loaded words, metaphors, agency,
the author's voice).

Placeholder until the framing layer lands: finds nothing.
"""

from __future__ import annotations


def find_signals(doc, analysis) -> list:
    """Every rhetorical signal in ``doc``."""
    return []
