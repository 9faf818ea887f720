"""Two articles compared in words: who each quotes, who each names, which signals each uses.

"Compare two" in the explorer shows two articles side by side; the differences a reader should
notice are said here in sentences ("Article B quotes Russia 0 times, article A 4 times") rather
than left in two columns of highlights. Counts come straight from the two ``Analysis`` objects;
signals are also given per 100 words, since two articles are rarely the same length.
"""

from __future__ import annotations

from collections import Counter

#: Plain names of signal categories, in the plural.
_SIGNAL_NAMES = {
    "reporting_verb": "reporting verbs",
    "hedge": "hedges",
    "booster": "boosters",
    "loaded": "loaded words",
    "metaphor": "metaphors",
    "agency": "agency markers",
    "author_voice": "marks of the writer's own voice",
}


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _words(analysis) -> int:
    return max(1, sum(1 for t in analysis.doc if t.is_alpha))


def quotes_by_side(analysis) -> Counter:
    """How many quotes (direct and reported) each side's speakers get; unattributed ones left out."""
    return Counter(q.side or "unknown" for q in analysis.quotes if q.speaker)


def differences(a, b, name_a: str = "article A", name_b: str = "article B", limit: int = 8) -> list[str]:
    """The largest differences between two analyses, each one sentence, biggest first.

    Covers quotes per side (who is heard), mentions per actor (who is named) and signals per
    category (how it is told, with rates per 100 words). Differences of zero are left out.
    """
    found: list[tuple[float, str]] = []
    qa, qb = quotes_by_side(a), quotes_by_side(b)
    for side in sorted(set(qa) | set(qb)):
        if side == "unknown" or qa[side] == qb[side]:
            continue
        found.append((abs(qa[side] - qb[side]) + 1,
                      f"{name_a} quotes {side} speakers {_times(qa[side])}, {name_b} {_times(qb[side])}."))
    ma = {n: len(act.mentions) for n, act in a.actors.items()}
    mb = {n: len(act.mentions) for n, act in b.actors.items()}
    for name in sorted(set(ma) | set(mb), key=lambda n: -(ma.get(n, 0) + mb.get(n, 0)))[:6]:
        x, y = ma.get(name, 0), mb.get(name, 0)
        if x != y:
            found.append((abs(x - y) / 2, f"{name} is named {_times(x)} in {name_a}, {_times(y)} in {name_b}."))
    sa = Counter(s.category for s in a.signals)
    sb = Counter(s.category for s in b.signals)
    wa, wb = _words(a), _words(b)
    for cat in sorted(set(sa) | set(sb)):
        ra, rb = 100 * sa[cat] / wa, 100 * sb[cat] / wb
        if abs(ra - rb) < 0.2:
            continue
        what = _SIGNAL_NAMES.get(cat, cat.replace("_", " "))
        found.append((abs(ra - rb) * 3, f"{name_a} has {sa[cat]} {what} ({ra:.1f} per 100 words), "
                                        f"{name_b} {sb[cat]} ({rb:.1f} per 100 words)."))
    found.sort(key=lambda x: -x[0])
    return [sentence for _, sentence in found[:limit]]
