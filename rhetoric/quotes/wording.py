"""Plain, grammatical wording for explanations: who (the resolved name, or the words the
text uses), the cue in the past tense, and the cue as the text writes it."""

from __future__ import annotations

from .lexicon import irregular_past, needs_object_verbs

IRREGULAR = irregular_past()


def _past(lemma: str) -> str:
    low = lemma.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    return low + "ed"


NEEDS_OBJECT = needs_object_verbs()


def past_tense(cue) -> str:
    """'declare' -> 'declared', 'saying' -> 'said', 'made clear' stays; 'according to' -> 'reported';
    a verb that needs a listener ('told') becomes 'said' ("what Trump said ('Trump told')")."""
    if cue.lower_ == "according":
        return "reported"
    if cue.lemma_.lower() in NEEDS_OBJECT:
        return "said"
    verb = cue.text if cue.tag_ in ("VBD",) else _past(cue.lemma_)
    extra = [c.text for c in cue.children if c.dep_ == "prt" or (c.lower_ == "clear" and cue.lemma_ == "make")]
    return " ".join([verb.lower() if verb[:1].isupper() and cue.i == cue.sent.start else verb] + extra)


def speaker_words(sp) -> str:
    """The speaker as a reader would name them: 'Pete Hegseth', 'the writer',
    'an unnamed speaker ('it')', 'a senior official'."""
    if sp.how == "author":
        return "the writer"
    if sp.name:
        return sp.name
    return f"someone the text calls '{sp.text}'"


def surface(cue, subj, max_tokens: int = 10) -> str:
    """The cue as written, with its subject when they are close: 'Hegseth chose the occasion
    to declare'; else 'he … saying'; 'according to X' whole."""
    doc = cue.doc
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        end = doc[cue.i + 1].right_edge.i
        return doc[cue.i: min(end, cue.i + max_tokens) + 1].text
    words = [cue] + [c for c in cue.children if c.dep_ == "prt" or (c.lower_ == "clear" and cue.lemma_ == "make")]
    last = max(w.i for w in words)
    if subj is None:
        return doc[min(w.i for w in words): last + 1].text
    if subj.i < cue.i:
        first = subj.left_edge.i if cue.i - subj.left_edge.i <= max_tokens else subj.i
        if last - first <= max_tokens and "\n" not in doc[first: last + 1].text:
            return doc[first: last + 1].text
        return f"{subj.text} … {doc[cue.i: last + 1].text}"
    # inverted: 'said Hegseth'
    if subj.i - cue.i <= max_tokens:
        return doc[cue.i: subj.i + 1].text
    return f"{cue.text} … {subj.text}"


def characterises(cue, content_start: int) -> bool:
    """Is the content the 'as' phrase of 'framed/described … as …'?"""
    from .lexicon import lexicon

    if cue.lemma_.lower() not in lexicon().as_verbs:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.idx < content_start for c in cue.children)
