"""Hedges and boosters (Hyland 2005, metadiscourse).

Hedges hold back full commitment ("likely", "seems", "all but", "at least in a sense");
boosters close down alternatives ("clearly", "surely", "made clear"). The patterns and
their context rules are data (``data/lexicons/hedges.json``, ``boosters.json``): spaCy
Matcher patterns that require, for instance, a number after "about" and a judging verb
after "would", so the false friends (a preposition, reported-speech tense) stay out.
"""

from __future__ import annotations

from .common import Context, build_matcher, lexicon, make_signal, span_chars

def hedge_kinds() -> dict[str, dict]:
    """The hedge subtypes of ``data/lexicons/hedges.json``: kind -> {"uncertainty": bool,
    "teach": plain description}. ``uncertainty`` kinds say the matter is open (modal,
    probability, appearance, belief...); the others limit or round a claim (approximators,
    limiting words) without doubting it."""
    return lexicon("hedges.json")["kinds"]


#: hedge subtypes that mark a claim as uncertain (scored against FactBank's uncertainty cues)
UNCERTAINTY_KINDS = frozenset(k for k, v in hedge_kinds().items() if v["uncertainty"])

EXPLAIN = {
    "hedge": "hedge: softens how sure {who} is",
    "booster": "booster: makes {who} sound certain and shuts out doubt",
}


def _negated(span) -> bool:
    """A booster under negation ('did not make clear') is not a booster."""
    doc = span.doc
    for tok in span:
        if any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children):
            return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ("not", "n't", "never", "no"):
        return True
    # 'failed to make clear', 'refused to say for sure': the governing verb denies it
    verb = span.root
    while verb.dep_ in ("xcomp", "acomp", "ccomp", "advmod") and verb.head is not verb:
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline"):
            return True
        verb = verb.head
    return False


def _find(doc, ctx: Context, category: str, lexicon_name: str) -> list:
    spec = lexicon(lexicon_name)["patterns"]
    by_id = {p["id"]: p for p in spec}
    matcher = build_matcher(doc.vocab, lexicon_name, [(p["id"], p["pattern"]) for p in spec])
    spans = []
    for match_id, start, end in matcher(doc):
        p = by_id[doc.vocab.strings[match_id]]
        a, b = p.get("cue", [0, end - start])
        s_tok, e_tok = start + a, start + b
        if category == "booster" and _negated(doc[s_tok:e_tok]):
            continue
        if e_tok < len(doc) and doc[e_tok].lower_ in p.get("not_before", ()):
            continue  # a fixed term: 'likely voters', 'Mostly True'
        if s_tok > 0 and doc[s_tok - 1].lower_ in p.get("not_after", ()):
            continue  # 'make sure that' = ensure
        spans.append((s_tok, e_tok, p))
    # keep the longest of overlapping matches ("at least in a sense" over "in a sense")
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, last_end = [], -1
    for s_tok, e_tok, p in spans:
        if s_tok < last_end:
            continue
        last_end = e_tok
        s, e = span_chars(doc, s_tok, e_tok)
        sig = make_signal(ctx, s, e, category, "", subtype=p["kind"])
        who = "the quoted speaker" if sig.in_quote else "the writer"
        if sig.in_quote and sig.speaker:
            who = ctx.describe(sig.speaker)
        where = " (in reported speech: the speaker's hedge, retold by the writer)" if sig.reported else ""
        if category == "booster" and sig.reported:
            where = " (in reported speech: the speaker's certainty, retold by the writer)"
        sig.explanation = f"{EXPLAIN[category].format(who=who)}{where}. “{sig.text}”: {p['why']}."
        out.append(sig)
    return out


def find_hedges(doc, ctx: Context) -> list:
    """Hedges: words that soften how sure the writer (or a quoted speaker) is."""
    return _find(doc, ctx, "hedge", "hedges.json")


def find_boosters(doc, ctx: Context) -> list:
    """Boosters: words that present a claim as certain."""
    return _find(doc, ctx, "booster", "boosters.json")
