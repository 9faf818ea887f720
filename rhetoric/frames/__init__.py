"""Generic news frames (placeholder while the frame scorer is written)."""

from __future__ import annotations


def score_frames(doc, analysis) -> list:
    return []
