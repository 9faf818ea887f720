"""Reporting verbs, classed by stance (Thompson 1996; Caldas-Coulthard 1994; Bergler 1992).

A verb is flagged when the *parse* shows it reporting something, not just because a
quote sits nearby, so the layer works even when the quotes layer finds nothing:
a clausal complement ("said that..."), a quote next to it ("... ,” Trump wrote"), an
"as" frame ("framed it as..."), a by-agent passive ("confirmed by Peskov"), or the
verb-specific frames in ``data/lexicons/reporting_frames.json`` ("told reporters",
"urged Europe to..."). Stances come from the quote layer's ``reporting_verbs.json``.
"""

from __future__ import annotations

from functools import lru_cache

from ..english import FIRST_PERSON_SUBJECTS, INDIRECT_QUESTION_OPENERS
from ..negation import negation_cue
from ..tokenfilter import tokens_with
from .common import Context, lexicon, make_signal, span_chars

QUOTE_MARKS = set("“”\"")
FIRST_PERSON = FIRST_PERSON_SUBJECTS


@lru_cache(maxsize=1)
def verb_table() -> tuple[dict, dict, dict, set, set]:
    """(lemma -> entry with stance/type, lemma -> frames, multiword, addressee lemmas,
    lemmas whose 'as' phrase reports a characterisation)."""
    base = lexicon("reporting_verbs.json")
    extra = lexicon("reporting_frames.json")
    verbs = {k: dict(v) for k, v in base.get("verbs", {}).items()}
    for k, v in extra.get("extra_verbs", {}).items():
        verbs.setdefault(k, dict(v))
    for k, stance in extra.get("stance_overrides", {}).items():
        if k in verbs:
            verbs[k]["stance"] = stance
    multi = {k: dict(v) for k, v in base.get("multiword", {}).items()}
    for k, v in extra.get("multiword", {}).items():
        multi.setdefault(k, dict(v))
    return verbs, extra.get("frames", {}), multi, set(extra.get("addressees", [])), set(extra.get("as_frame", []))


def stance_explanation(stance: str) -> str:
    return lexicon("reporting_frames.json")["stance_explanations"].get(
        stance, "a reporting verb: it tells you how the writer presents someone's words")


def _is_addressee(tok, ctx: Context, addressees: set) -> bool:
    return (
        tok.pos_ == "PRON"
        or ctx.is_actor_token(tok)
        or tok.lemma_.lower() in addressees
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    )


CLOSE = ("”", '"', "''")
OPEN = ("“", '"', "''", "``")


def _has_mark(tok, marks) -> bool:
    return any(m in tok.text for m in marks)


def _quote_adjacent(tok, ctx: Context) -> bool:
    """'“...,” Trump wrote' / 'he said, “...' / 'saying during the debate, “...'."""
    s_start, s_end = ctx.sent_start[tok.i], ctx.sent_end[tok.i]
    doc = tok.doc
    lo = max(s_start, tok.i - 4)
    before = doc[lo:tok.i]
    marks = [t.i for t in before if _has_mark(t, CLOSE)]
    if marks:
        # only a subject (and its modifiers) between the closing mark and the verb
        between = doc[max(marks) + 1:tok.i]
        if all(t.dep_ in ("nsubj", "compound", "det", "amod", "advmod", "punct", "aux", "poss", "npadvmod")
               or t.pos_ in ("PROPN", "PUNCT") for t in between):
            return True
    if any(c.dep_ == "dobj" for c in tok.children):
        return False
    # an opening mark soon after, with no other verb in between ("said on Monday, “...")
    for t in doc[tok.i + 1:min(s_end, tok.i + 9)]:
        if _has_mark(t, OPEN) and t.i > tok.i:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


WH = INDIRECT_QUESTION_OPENERS


def qualifies(tok, ctx: Context, entry: dict, frames: dict, addressees: set, as_frame=frozenset()) -> bool:
    """Does the parse show ``tok`` reporting something?"""
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    lemma = tok.lemma_.lower()
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if entry.get("type") == "cognition":
        # "I think ..." hedges; "agencies concluded that ..." reports
        if subj is not None and subj.lower_ in FIRST_PERSON:
            return False
        return "ccomp" in deps
    spec = frames.get(lemma, {})
    if "ccomp" in deps:
        # "assured reporters that..." reports; "assuring that Ukraine will not..." (= ensuring) does not
        if not spec.get("ccomp_needs_addressee") or any(
                c.dep_ in ("dobj", "dative") and _is_addressee(c, ctx, addressees) for c in kids):
            return True
    if lemma in as_frame and any(c.dep_ == "prep" and c.lower_ == "as" for c in kids):
        return True
    if tok.dep_ == "parataxis" and subj is not None:
        return True  # "Climate change, Mr. Obama said, is the greatest threat"
    if any(c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ in WH for c in kids) or any(
            c.dep_ == "advcl" and any(g.dep_ == "advmod" and g.lower_ in WH and g.i < c.i for g in c.children)
            for c in kids):
        return True  # "have not said when they would vote" (a wh-clause parsed as an adverbial)
    if tok.dep_ == "advcl" and tok.head.i > tok.i and subj is not None and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.head.children):
        return True  # "she suggested, shortly after..., that Moscow had been..." (parsed upside down)
    if "agent" in deps and (tok.tag_ == "VBN"):
        return True
    if spec.get("xcomp") and "xcomp" in deps:
        return True
    if spec.get("oprd") and "oprd" in deps:
        return True
    obj = spec.get("object")
    if obj:
        for c in kids:
            if c.dep_ in ("dobj", "dative") and (obj == "any" or _is_addressee(c, ctx, addressees)):
                return True
    preps = spec.get("preps") or ()
    if any(c.dep_ == "prep" and c.lower_ in preps and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
           for c in kids):
        return True
    return _quote_adjacent(tok, ctx)


def _speaker(tok, ctx: Context):
    """Who the verb reports: the quote layer's speaker when the verb is a quote's cue (one
    resolver for both), else the actor of its subject or by-agent."""
    is_cue, speaker = ctx.speaker_of_cue(tok)
    if is_cue:
        return speaker
    for c in tok.children:
        if c.dep_ in ("nsubj",):
            return ctx.actor_of_phrase(c)
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return ctx.actor_of_phrase(g)
    return None


def find_reporting_verbs(doc, ctx: Context, quote_cues=()) -> list:
    """Every reporting verb in ``doc`` as a ``Signal`` (subtype = stance)."""
    verbs, frames, multi, addressees, as_frame = verb_table()
    out = []
    taken: set[int] = set()

    # multi-word cues first: "made (it) clear", "pointed out", "according to"
    for i in tokens_with(doc, lemma=("make", "point"), lower=("according",)):
        tok = doc[i]
        low = tok.lemma_.lower()
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None:
            continue
        key, end = None, None
        if low == "make" and tok.pos_ in ("VERB", "AUX"):
            j = tok.i + 1
            if doc[j].lower_ == "it" and j + 1 < len(doc):
                j += 1
            if doc[j].lower_ in ("clear", "plain") and not any(c.dep_ == "neg" for c in tok.children):
                key, end = f"make {doc[j].lower_}", j + 1
        elif low == "point" and nxt.lower_ == "out" and tok.pos_ == "VERB":
            key, end = "point out", tok.i + 2
        elif tok.lower_ == "according" and nxt.lower_ == "to":
            key, end = "according to", tok.i + 2
        if key and key in multi:
            s, e = span_chars(doc, tok.i, end)
            stance = multi[key].get("stance", "neutral")
            taken.update(range(tok.i, end))
            out.append(make_signal(ctx, s, e, "reporting_verb",
                                   f"{stance_explanation(stance)}. “{ctx.text[s:e]}” frames what follows.",
                                   subtype=stance, actor=_speaker(tok, ctx)))

    cue_tokens = set()
    for cs, ce in quote_cues:
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is not None:
            cue_tokens.update(t.i for t in span if t.pos_ == "VERB")

    for i in tokens_with(doc, lemma=verbs, pos=("VERB",)):
        tok = doc[i]
        if tok.i in taken or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            continue
        lemma = tok.lemma_.lower()
        entry = verbs.get(lemma)
        if entry is None:
            continue
        ok = qualifies(tok, ctx, entry, frames, addressees, as_frame)
        if not ok and tok.i in cue_tokens and not any(c.dep_ in ("dobj", "dative") for c in tok.children):
            ok = True  # the quote layer paired this verb with a quote
        if not ok:
            continue
        stance = entry.get("stance", "neutral")
        s, e = tok.idx, tok.idx + len(tok.text)
        if lemma == "frame" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "as":
            e = doc[tok.i + 1].idx + 2
        speaker = _speaker(tok, ctx)
        who = f"what {ctx.describe(speaker)} said" if speaker else "what was said"
        sig = make_signal(ctx, s, e, "reporting_verb",
                          f"{stance_explanation(stance)}. “{ctx.text[s:e]}” ({lemma}) introduces {who}.",
                          subtype=stance, actor=speaker)
        neg = negation_cue(tok)
        if neg is not None:
            sig.negated = True
            sig.explanation += (f" It is denied by “{neg.text}”: it reports words "
                                f"{ctx.describe(speaker) or 'someone'} did not say.")
        out.append(sig)
    return out
