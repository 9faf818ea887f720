"""Which tokens carry given words: the prefilter of the kit's per-token rules.

A rule that reads every token of an article from spaCy (``for tok in doc``) pays for a Python
``Token`` per word, and most rules first ask for a word from a list ("could", a reporting verb's
lemma, a noun of belief). ``tokens_with`` reads the doc's attribute arrays once and returns
only the tokens that can pass that first test; the rule then runs, unchanged, on those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id


@lru_cache(maxsize=256)
def _ids(words: frozenset[str]) -> np.ndarray:
    """The string ids of ``words`` (as the doc's attribute arrays hold them). Cached: a rule that
    passes the same frozenset every time (a lexicon's, built once) pays for it once."""
    return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)


def tokens_with(doc, *, lower: Iterable[str] = (), lemma: Iterable[str] = (), orth: Iterable[str] = (),
                pos: Iterable[str] | None = None, dep_heads: Iterable[str] = (),
                lower_test: Callable[[str], bool] | None = None, tag: Iterable[str] | None = None) -> list[int]:
    """Indexes, in order, of the tokens a rule's words can let through: lower-case form in
    ``lower`` (or passing ``lower_test``), lemma (lower-cased) in ``lemma``, text in ``orth``, or
    the head of a token whose dependency is in ``dep_heads`` (every token, when none of these is
    given); of those, only the
    ones whose part of speech is in ``pos`` and whose tag is in ``tag`` (when given). The rule then runs its own tests, as
    before, on these tokens only: the list must hold every token that can pass them."""
    n = len(doc)
    if not n:
        return []
    arr = doc.to_array([LOWER, LEMMA, ORTH, POS, DEP, HEAD, TAG])
    lower, orth, dep_heads, lemma = frozenset(lower), frozenset(orth), frozenset(dep_heads), frozenset(lemma)
    some = lower or orth or dep_heads or lemma or lower_test is not None
    mask = np.zeros(n, dtype=bool) if some else np.ones(n, dtype=bool)
    if lower_test is not None:
        strings = doc.vocab.strings
        lower = lower | {w for w in (strings[h] for h in np.unique(arr[:, 0]).tolist()) if lower_test(w)}
    if lower:
        mask |= np.isin(arr[:, 0], _ids(lower))
    if lemma:
        strings = doc.vocab.strings
        ok = [h for h in np.unique(arr[:, 1]).tolist() if strings[h].lower() in lemma]
        if ok:
            mask |= np.isin(arr[:, 1], np.array(ok, dtype=np.uint64))
    if orth:
        mask |= np.isin(arr[:, 2], _ids(orth))
    if dep_heads:
        rel = np.flatnonzero(np.isin(arr[:, 4], _ids(dep_heads)))
        heads = (rel + arr[rel, 5].astype(np.int64)) if len(rel) else rel
        mask[heads] = True
    if pos is not None:
        mask &= np.isin(arr[:, 3], _ids(frozenset(pos)))
    if tag is not None:
        mask &= np.isin(arr[:, 6], _ids(frozenset(tag)))
    return np.flatnonzero(mask).tolist()
