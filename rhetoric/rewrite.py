"""What a rewrite changed: signals gained, lost or re-coloured, and words changed inside quotes.

"Rewrite the frame" lets a learner edit a paragraph and re-analyse it. A count of signals says
little (swapping *declared* for *said* keeps one reporting verb), so this module names each
change in words: a reporting verb's stance (``declared`` assertive → ``said`` neutral), a hedge
or booster added or dropped, a loaded word or metaphor gone, an agentless passive made active.
It also checks the one edit a journalist may not make: changing the words inside quotation
marks (``quote_edits``).

Both sides are ``Analysis`` objects of the two texts analysed the same way; signals are matched
by category and lower-cased text, in order, so moving a word does not count as a change.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

#: How each category of signal is named in a sentence about a change.
_NOUN = {
    "reporting_verb": "reporting verb",
    "hedge": "hedge",
    "booster": "booster",
    "loaded": "loaded word",
    "metaphor": "metaphor",
    "agency": "agency marker",
    "author_voice": "writer's own voice",
}

#: Quotation marks that open and close a quote (straight double quotes pair with themselves).
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


@dataclass
class Change:
    """One change between the original and the rewrite, said in plain words."""

    category: str  # a signal category, or "quote"
    kind: str  # "added" | "removed" | "changed" | "quote_changed" | "quote_added"
    before: str = ""  # the original's words (with subtype), when there were any
    after: str = ""  # the rewrite's words (with subtype), when there are any
    sentence: str = ""


def _signal_name(s) -> str:
    sub = f" ({s.subtype.replace('_', ' ')})" if getattr(s, "subtype", None) else ""
    return f"‘{s.text}’{sub}"


def _agentless(s) -> bool:
    return s.category == "agency" and "passive" in (s.subtype or "") and "agentless" in (s.subtype or "")


def signal_changes(before, after) -> list[Change]:
    """The signals the rewrite added, removed or re-coloured, one ``Change`` per difference.

    ``before`` and ``after`` are analyses (anything with ``.signals``). A reporting verb
    replaced by another is one change, with both stances ("‘declared’ (assertive) → ‘said’
    (neutral)"); so is any other signal whose words stay but whose subtype changes.
    """
    def keyed(signals):
        out = defaultdict(list)
        for s in signals:
            out[(s.category, s.text.casefold())].append(s)
        return out

    old, new = keyed(before.signals), keyed(after.signals)
    removed, added, changes = [], [], []
    for key in sorted(set(old) | set(new)):
        o, n = old.get(key, []), new.get(key, [])
        for a, b in zip(o, n):
            if (a.subtype or "") != (b.subtype or ""):
                changes.append(Change(a.category, "changed", _signal_name(a), _signal_name(b),
                                      f"{_NOUN.get(a.category, a.category)} {_signal_name(a)} is now {_signal_name(b)}"))
        removed += o[len(n):]
        added += n[len(o):]
    removed.sort(key=lambda s: s.start)
    added.sort(key=lambda s: s.start)
    # A reporting verb swapped for another: pair them in order and say both stances.
    verbs_out = [s for s in removed if s.category == "reporting_verb"]
    verbs_in = [s for s in added if s.category == "reporting_verb"]
    for a, b in zip(verbs_out, verbs_in):
        same = (a.subtype or "") == (b.subtype or "")
        tail = ": the same stance" if same else ""
        changes.append(Change("reporting_verb", "changed", _signal_name(a), _signal_name(b),
                              f"reporting verb {_signal_name(a)} → {_signal_name(b)}{tail}"))
        removed.remove(a)
        added.remove(b)
    for s in removed:
        what = "agentless passive" if _agentless(s) else _NOUN.get(s.category, s.category)
        changes.append(Change(s.category, "removed", before=_signal_name(s),
                              sentence=f"{what} {_signal_name(s)} is gone"))
    for s in added:
        what = "agentless passive" if _agentless(s) else _NOUN.get(s.category, s.category)
        changes.append(Change(s.category, "added", after=_signal_name(s), sentence=f"new {what} {_signal_name(s)}"))
    return changes


def quoted_segments(text: str) -> list[str]:
    """The words inside each pair of quotation marks (“…” or "…"), in order."""
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _QUOTED.finditer(text)]


def _norm(words: str) -> str:
    return " ".join(words.split()).replace("’", "'")


def _short(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


def quote_edits(original: str, rewrite: str) -> list[Change]:
    """Quotes whose words the rewrite changed, and words newly put inside quotation marks.

    Dropping a quote altogether, or changing the words around it, is the writer's choice;
    changing the words *inside* the marks puts words in a speaker's mouth.
    """
    before = [_norm(q) for q in quoted_segments(original)]
    out = []
    for q in quoted_segments(rewrite):
        if _norm(q) in before:
            continue
        close = max(before, key=lambda b: difflib.SequenceMatcher(None, b, _norm(q)).ratio(), default=None)
        ratio = difflib.SequenceMatcher(None, close, _norm(q)).ratio() if close else 0.0
        if close is not None and ratio >= 0.5:
            out.append(Change("quote", "quote_changed", close, _norm(q),
                              f"the words inside quotation marks changed (“{_short(close)}” → “{_short(_norm(q))}”): "
                              "a journalist may not change a quote. Change the words around it instead."))
        else:
            out.append(Change("quote", "quote_added", after=_norm(q),
                              sentence=f"new words inside quotation marks (“{_short(_norm(q))}”): put words in "
                              "quotation marks only if someone said exactly those words."))
    return out


def describe(original_text: str, before, rewrite_text: str, after) -> list[Change]:
    """Every change worth telling a learner: quote edits first (the one rule), then signals."""
    return quote_edits(original_text, rewrite_text) + signal_changes(before, after)
