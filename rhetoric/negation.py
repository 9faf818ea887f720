"""Negation scope: is a word denied by the sentence it stands in?

One answer for every layer (agency's denied actions, boosters under "not", loaded words in
"found no evidence of corruption", words someone "refused to" say). The rules read spaCy's
dependency parse; the negating verbs ("refuse", "decline", "fail", "deny") are data
(``data/lexicons/negating_verbs.json``), the negators themselves closed-class English
(:mod:`rhetoric.english`).

``negation_cue(token)`` returns the token that denies ``token`` (``not``, ``never``, ``no``,
``refused``...) or ``None``; ``is_negated(token)`` is its boolean form.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .data import load_json
from .english import NEGATIVE_ADVERBIAL_NOUNS, NEGATIVE_DETERMINERS

_NEG_ADVERBS = frozenset({"never", "hardly", "scarcely"})
#: How a noun hangs from the word that may deny it: "evidence OF corruption", "it was not A DEFEAT".
_NOUN_LINKS = frozenset({"pobj", "prep", "attr", "compound", "amod", "conj", "appos"})


@lru_cache(maxsize=1)
def negating_verbs() -> frozenset[str]:
    """Lemmas of verbs that deny the verb they govern ("refused to call", "declined to say")."""
    return frozenset(load_json("lexicons", "negating_verbs.json")["verbs"])


def _own_negator(tok: Token) -> Token | None:
    """A negator attached to ``tok`` itself: "did NOT say", "NEVER met", "NO longer backs", "NO
    evidence", and a negative phrase fronted before the verb ("AT NO POINT did he say", "UNDER NO
    circumstances", "NOT ONCE did she call")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.i < tok.i:  # ('passed with no objections' denies nothing)
            for g in c.children:
                det = next((d for d in g.children if d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS), None)
                if g.dep_ == "pobj" and det is not None and g.lemma_.lower() in NEGATIVE_ADVERBIAL_NOUNS:
                    return det
        if c.dep_ == "advmod" and c.lower_ == "once" and any(g.dep_ == "neg" for g in c.children):
            return next(g for g in c.children if g.dep_ == "neg")
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEG_ADVERBS):
            return c
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            return c
        if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    return None


def _governing_denial(tok: Token) -> Token | None:
    """The clause above denies ``tok``: "REFUSED to call", "DECLINED to clarify", "did NOT want to meet",
    "REFRAINED from calling", "stopped SHORT of saying"."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "from"):
        over = tok.head.head
        if over.lower_ == "short":
            return over
        if over.lemma_.lower() in negating_verbs() and _own_negator(over) is None:
            return over
        return None
    if tok.dep_ not in ("xcomp", "ccomp") or tok.head is tok:
        return None
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in negating_verbs() and _own_negator(head) is None:
        return head
    if tok.dep_ == "xcomp":
        return _own_negator(head)
    return None


def _predicate_negation(tok: Token) -> Token | None:
    """A verb, auxiliary or predicative adjective denied by its own negator or by its governing verb.
    An adjective after a denied copula ("is NOT corrupt") is denied with it."""
    cue = _own_negator(tok) or _governing_denial(tok)
    if cue is None and tok.dep_ == "acomp" and tok.head is not tok:
        cue = _own_negator(tok.head)
    return cue


def _noun_negation(tok: Token) -> Token | None:
    """A noun denied by "no" or reached from a denied noun or copula through "of", apposition or an
    attribute: "no evidence OF corruption", "it was NOT a defeat"."""
    cur, steps = tok, 0
    while steps < 4:
        cue = _own_negator(cur)
        if cue is not None:
            return cue
        if cur.dep_ == "attr" and cur.head is not cur:
            return _own_negator(cur.head)
        if cur.dep_ not in _NOUN_LINKS or cur.head is cur:
            return None
        cur, steps = cur.head, steps + 1
        if cur.pos_ in ("VERB", "AUX"):
            return None
    return None


def negation_cue(tok: Token) -> Token | None:
    """The token that denies ``tok`` in its sentence, or ``None``.

    Verbs and adjectives: "did not say", "never met", "no longer backs", "refused to call",
    "is not corrupt". Nouns and the adjectives inside their phrase: "no evidence of corruption",
    "it was not a defeat". A verb's object is not denied with it ("did not mention the massacre"
    still names a massacre)."""
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "xcomp", "ccomp", "acomp", "conj")):
        return _predicate_negation(tok)
    if tok.pos_ == "ADJ" and tok.dep_ == "amod":
        return _noun_negation(tok.head)
    if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        return _noun_negation(tok)
    return None


def is_negated(tok: Token) -> bool:
    """``True`` when :func:`negation_cue` finds a cue for ``tok``."""
    return negation_cue(tok) is not None
