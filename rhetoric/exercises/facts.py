"""Numbers in exercise texts, computed from the seed and the gold, never written by hand.

An exercise's task, hints, bridge, solution and wrong-option replies may hold placeholders such
as ``{paragraphs}`` or ``{gold_count:words}``. ``render(text, ex)`` fills them in from facts
computed now (the seed's paragraphs, the tokens of its first sentence, the gold spans of a
marking exercise), so a message can never say "14 tokens" about a sentence that has 15.

``{name}`` gives the number in digits, ``{name:words}`` in words for one to twelve ("eight").
Braces that are not a known fact (code such as ``{"said": ...}``) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .. import course
from ..english import NUMBER_WORDS as _NUMBER_WORDS

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(words|Words))?\}")


def in_words(n: int) -> str:
    """A count as a learner reads it: words for zero to twelve, digits above."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def first_sentence_tokens() -> list:
    """spaCy's tokens of the seed's first sentence, a trailing line break included."""
    return list(next(iter(course.seed_analysis().doc.sents)))


def _global_facts() -> dict[str, Callable[[], Any]]:
    text = course.seed_text
    return {
        "paragraphs": lambda: len(course.paragraphs()),
        "first_sentence_tokens": lambda: len(first_sentence_tokens()),
        "first_sentence_words": lambda: sum(1 for t in first_sentence_tokens() if not t.is_space and not t.is_punct),
        "curly_marks": lambda: text().count("’"),
    }


def _exercise_facts(ex) -> dict[str, Callable[[], Any]]:
    facts: dict[str, Callable[[], Any]] = {}
    key = ex.key if ex is not None else {}
    if "closing_single_quotes" in key:
        facts["apostrophes"] = lambda: course.seed_text().count("’") - key["closing_single_quotes"]
    if "paragraphs" in key and ("gold_category" in key or "gold_label" in key):
        from .gold import gold_spans, spans_in_quotes

        facts["gold_count"] = lambda: len(gold_spans(ex)[0])
        facts["gold_in_quote"] = lambda: len(spans_in_quotes(gold_spans(ex)[0]))
    for name in ("quotes", "mentions"):
        if name in key:
            facts[f"{name}_count"] = lambda n=name: len(key[n])
    return facts


def facts(ex=None) -> dict[str, Callable[[], Any]]:
    """The facts a text of ``ex`` (or any text, when ``ex`` is None) may name, computed on demand."""
    return {**_global_facts(), **_exercise_facts(ex)}


def render(text: str | None, ex=None) -> str | None:
    """``text`` with every known ``{placeholder}`` replaced by its computed value."""
    if not text or "{" not in text:
        return text
    known = facts(ex)

    def fill(m: re.Match) -> str:
        name, style = m.group(1), m.group(2)
        if name not in known:
            return m.group(0)
        value = known[name]()
        if style and isinstance(value, int):
            words = in_words(value)
            return words.capitalize() if style == "Words" else words
        return str(value)

    return _PLACEHOLDER.sub(fill, text)


def placeholders(text: str) -> list[str]:
    """The placeholder names a text uses (known or not)."""
    return [m.group(1) for m in _PLACEHOLDER.finditer(text or "")]
