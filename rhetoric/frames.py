"""Generic news frames (Semetko and Valkenburg 2000), scored with their evidence.

Placeholder until the framing layer lands: scores nothing.
"""

from __future__ import annotations


def score_frames(doc, analysis) -> list:
    """The article's generic frames with scores and evidence."""
    return []
