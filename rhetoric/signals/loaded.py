"""Loaded words: evaluation and emotion beyond description (appraisal theory).

Martin and White (2005) sort evaluation into *affect* (emotions), *judgement* (praise or
blame of behaviour) and *appreciation* (the worth of things and events). Each loaded word
is attached, where the parse allows, to the actor it evaluates: the noun an adjective
modifies ("unjustified invasion"), a noun's possessor ("his deference"), a verb's
subject. The word list and its context patterns are data: ``data/lexicons/loaded.json``.
"""

from __future__ import annotations

from .common import Context, build_matcher, lexicon, make_signal, span_chars

CONTENT_POS = {"ADJ", "ADV", "NOUN", "VERB", "PROPN"}


def _target_actor(tok, ctx: Context):
    """The actor an evaluative word attaches to, or None."""
    if tok.pos_ == "ADJ" or (tok.dep_ == "amod"):
        if tok.dep_ == "amod":
            a = ctx.actor_of_phrase(tok.head)
            if a:
                return a
        if tok.dep_ in ("acomp", "attr"):
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return ctx.actor_of_phrase(subj)
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return ctx.actor_of_phrase(tok)
    if tok.pos_ == "ADV":
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return ctx.actor_of_phrase(subj) if subj is not None else None
    if tok.pos_ == "VERB":
        verb = tok
        while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            verb = verb.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                a = ctx.actor_of_phrase(c)
                if a:
                    return a
        for c in tok.children:
            if c.dep_ == "dobj":
                return ctx.actor_of_phrase(c)
    return None


def find_loaded(doc, ctx: Context) -> list:
    """Loaded words with their appraisal type (subtype) and the actor they attach to."""
    lex = lexicon("loaded.json")
    words, why = lex["words"], lex["appraisal_explanations"]
    found: dict[int, tuple[int, int, str, str]] = {}
    pats = lex.get("patterns", [])
    by_id = {p["id"]: p for p in pats}
    matcher = build_matcher(doc.vocab, "loaded.json", [(p["id"], p["pattern"]) for p in pats])
    for mid, start, end in matcher(doc):
        p = by_id[doc.vocab.strings[mid]]
        a, b = p.get("cue", [0, end - start])
        found[start + a] = (start + a, start + b, p["appraisal"], p["why"])
    for tok in doc:
        if tok.i in found or tok.i in ctx.entity_tokens or tok.pos_ not in CONTENT_POS:
            continue
        entry = words.get(tok.lower_) or words.get(tok.lemma_.lower())
        if entry is None:
            continue
        if entry.get("pos") and tok.pos_ not in entry["pos"]:
            continue
        if entry.get("plain_with") and tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in entry["plain_with"]:
            continue  # a plain category: 'terrorist groups', 'dangerous pollutants'
        found[tok.i] = (tok.i, tok.i + 1, entry["appraisal"], "")
    out = []
    for i in sorted(found):
        s_tok, e_tok, kind, reason = found[i]
        s, e = span_chars(doc, s_tok, e_tok)
        actor = _target_actor(doc[s_tok], ctx)
        sig = make_signal(ctx, s, e, "loaded", "", subtype=kind, actor=actor)
        if sig.reported:
            who = f"{ctx.describe(sig.speaker)}'s view, retold by the writer" if sig.speaker else "reported speech"
        elif sig.in_quote:
            who = f"{ctx.describe(sig.speaker)}'s words, quoted" if sig.speaker else "quoted words"
        else:
            who = "the writer's word"
        about = f"; it is aimed at {ctx.describe(actor)}" if actor else ""
        sig.explanation = f"{why[kind]}. “{sig.text}” ({who}){about}." + (f" {reason}." if reason else "")
        out.append(sig)
    return out
