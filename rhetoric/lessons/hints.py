"""Hints made from the kit's explanations: a general hint first, then a pointed one, never the answer.

The kit explains every item it finds ("speaker from 'Trump wrote' right after the quote"). With
the answer's words blanked out (``redact``) that explanation points at the evidence without giving
the answer away ("speaker from '… wrote' right after the quote").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..exercises.answers import norm

BLANK = "…"


def _words(phrase: str) -> list[str]:
    """The phrase itself and its longer words (surnames, the verb of 'framed as')."""
    phrase = phrase.strip()
    out = [phrase] if phrase else []
    out += [w for w in re.findall(r"[\w’'-]+", phrase) if len(w) > 3]
    return out


def redact(text: str, answers: Iterable[str | None]) -> str:
    """``text`` with every occurrence of the answers (and their longer words) replaced by ``…``.

    Matching ignores case and a possessive; longer phrases are replaced first.
    """
    forbidden = sorted({w for a in answers if a for w in _words(str(a))}, key=len, reverse=True)
    for w in forbidden:
        text = re.sub(r"(?<![\w])" + re.escape(w) + r"(?:[’']s)?(?![\w])", BLANK, text, flags=re.IGNORECASE)
    return re.sub(r"…(\s*…)+", BLANK, text)


def gives_away(hint: str, answers: Iterable[str | None]) -> bool:
    """True if ``hint`` contains one of ``answers`` as a whole word or phrase."""
    h = " " + re.sub(r"[^\w]+", " ", norm(hint)) + " "
    for a in answers:
        if not a:
            continue
        a = re.sub(r"[^\w]+", " ", norm(str(a))).strip()
        if a and f" {a} " in h:
            return True
    return False


def pointed(explanation: str, answers: Iterable[str | None], fallback: str) -> str:
    """The kit's explanation with the answers blanked, or ``fallback`` when too little is left."""
    answers = list(answers)
    text = redact(explanation, answers).strip()
    if len(re.sub(r"[\W…]+", "", text)) < 15 or gives_away(text, answers):
        return fallback
    return "The kit's reasoning, with the answer left out: " + text
