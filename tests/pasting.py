"""What copying from a web page, a PDF or an e-mail does to a text: the variants the pasted-text
tests and ``benchmarks/paste.py`` pass an article through, and the comparable summary of an
analysis (quotes modulo offset mapping, speakers, actors, signal counts)."""

from __future__ import annotations

import random
import re
import textwrap
from collections import Counter

_LONG_WORD = re.compile(r"[^\W\d_]{8,}")


def with_nbsp(text: str, every: int = 10, seed: int = 1) -> str:
    """About one space in ``every`` made a non-breaking space (U+00A0)."""
    rng = random.Random(seed)
    return "".join("\u00a0" if c == " " and rng.random() < 1 / every else c for c in text)


def with_soft_hyphens(text: str) -> str:
    """A soft hyphen (U+00AD) at every syllable-ish break of every word of 8+ letters."""
    def hyphenate(m: re.Match) -> str:
        w = m.group(0)
        return "\u00ad".join(w[i:i + 4] for i in range(0, len(w), 4))
    return _LONG_WORD.sub(hyphenate, text)


def with_zero_width(text: str, seed: int = 2) -> str:
    """Zero-width spaces (U+200B) after some spaces and inside some long words, a word
    joiner (U+2060) and a zero-width non-joiner here and there, as web pages have them."""
    rng = random.Random(seed)
    out = []
    for c in text:
        out.append(c)
        r = rng.random()
        if c == " " and r < 0.15:
            out.append("\u200b")
        elif c.isalpha() and r < 0.01:
            out.append(rng.choice("\u200b\u2060\u200c"))
    return "".join(out)


def hard_wrapped(text: str, width: int = 72) -> str:
    """Every paragraph (line) wrapped at ``width`` columns, a blank line between paragraphs,
    as a PDF or a plain-text e-mail gives it (``textwrap`` defaults: breaks after hyphens too)."""
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def with_crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


VARIANTS = {
    "nbsp": with_nbsp,
    "soft_hyphens": with_soft_hyphens,
    "zero_width": with_zero_width,
    "hard_wrapped": hard_wrapped,
    "crlf": with_crlf,
    "wrapped_crlf_nbsp": lambda t: with_crlf(hard_wrapped(with_nbsp(t))),
}

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


_HYPHEN_BREAK = re.compile(r"(?<=\w-)\r?\n")


def plain(s: str | None) -> str | None:
    """A span's words, whatever copying did to its characters (a line broken after a
    word's hyphen, ``co-`` / ``funding``, is one word again)."""
    return None if s is None else _SPACE.sub(" ", _HYPHEN_BREAK.sub("", _INVISIBLE.sub("", s))).strip()


def summary(a) -> dict:
    """What must not change when a text is pasted: quotes (kind, words, speaker, side), actors
    and their sides, the article's sides, the number of signals of each category, entities
    (label, words)."""
    return {
        "quotes": sorted((q.kind, plain(q.text), str(q.speaker), q.side) for q in a.quotes),
        "actors": sorted((name, actor.side) for name, actor in a.actors.items()),
        "sides": list(getattr(a, "sides", [])),
        "signals": dict(Counter(s.category for s in a.signals)),
        "entities": sorted((e.label, plain(e.text)) for e in a.entities),
    }


def offsets_hold(a) -> bool:
    """Every item's text is the original slice at its offsets."""
    items = [*a.entities, *a.quotes, *a.signals, *(e for f in a.frames for e in f.evidence)]
    ok = all(a.text[i.start:i.end] == i.text for i in items)
    ok &= all(a.text[q.speaker_start:q.speaker_end] == q.speaker_text
              for q in a.quotes if q.speaker_start is not None and q.speaker_text is not None)
    return ok
