"""Entman's (1993) four framing functions as an annotated template, with suggestions.

To frame is to make some aspects salient so as to promote a problem definition, a
causal interpretation, a moral evaluation and a treatment recommendation. The template
(``data/frames/entman.json``) gives each function a reader's question and a hint;
``propose(analysis)`` offers candidate sentences for each, ranked by cue words and by the
kit's own signals. They are labelled as suggestions: deciding is the learner's job.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..data import load_json
from ..items import Item
from .generic import _sentences

SUGGESTION = "Suggestion, not an answer"


def template() -> dict:
    """The four functions with their questions, hints and cues."""
    return load_json("frames", "entman.json")


@cache
def _regex(words: tuple[str, ...]) -> re.Pattern:
    alts = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def propose(analysis, per_function: int = 3) -> dict[str, list[Item]]:
    """Candidate sentences for each of Entman's functions, best first (suggestions only)."""
    text, doc = analysis.text, analysis.doc
    sents = _sentences(doc, text)
    starts = [s for s, _ in sents]
    sigs: list[list] = [[] for _ in sents]
    for sig in analysis.signals:
        i = bisect.bisect_right(starts, sig.start) - 1
        if i >= 0:
            sigs[i].append(sig)
    out = {}
    for name, spec in template()["functions"].items():
        rx = _regex(tuple(spec["words"]))
        wanted = spec.get("signals", [])
        ranked = []
        for i, (s, e) in enumerate(sents):
            words = [m.group(0) for m in rx.finditer(text[s:e].lower())]
            matched = [g for g in sigs[i] if any(
                w == g.category or w == f"{g.category}:{g.subtype}" for w in wanted)]
            points = len(set(words)) + len(matched)
            if points == 0:
                continue
            reasons = []
            if words:
                reasons.append("cue words " + ", ".join(f"“{w}”" for w in sorted(set(words))))
            if matched:
                reasons.append("signals " + ", ".join(f"{g.category} “{g.text}”" for g in matched[:4]))
            ranked.append((points, -s, Item(s, e, text[s:e],
                           f"{SUGGESTION}: a candidate for {spec['label'].lower()} ({spec['question']}) "
                           f"because of {'; '.join(reasons)}.")))
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        out[name] = [r[2] for r in ranked[:per_function]]
    return out
