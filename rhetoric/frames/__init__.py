"""Framing: Semetko and Valkenburg's (2000) generic news frames and Entman's (1993)
four framing functions.

* ``score_frames(doc, analysis)``: the five generic frames, each scored 0-1 (the share
  of its yes/no questions the kit answers yes) with its evidence sentences.
* ``questions()``, ``code_by_hand(answers)``, ``compare(answers, code_article(...))``:
  the same battery for learners to code by hand, on the same scale.
* ``entman_template()``, ``propose_entman(analysis)``: the four functions and
  candidate sentences for each, labelled as suggestions.
"""

from __future__ import annotations

from .entman import propose as propose_entman
from .entman import template as entman_template
from .generic import Answer, battery, code_article, code_by_hand, compare, questions, score_generic_frames

__all__ = [
    "Answer",
    "battery",
    "code_article",
    "code_by_hand",
    "compare",
    "entman_template",
    "propose_entman",
    "questions",
    "score_frames",
]


def score_frames(doc, analysis) -> list:
    """The article's five generic news frames with scores and evidence sentences."""
    return score_generic_frames(doc, analysis)
