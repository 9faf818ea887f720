"""Hedges and boosters (Hyland 2005, metadiscourse).

Hedges hold back full commitment ("likely", "seems", "all but", "at least in a sense");
boosters close down alternatives ("clearly", "surely", "made clear"). Two kinds of rule,
both with their words in data (``data/lexicons/hedges.json``, ``boosters.json``):

* token patterns (spaCy ``Matcher``) for fixed words and phrases, with their context in the
  pattern ("about" only before a number, "would" only before a judging verb);
* rules that read a word's role in the parse (``hedges.json`` "rules"): epistemic "could"
  (a possibility, not an ability or "could not"), conditions ("if", "unless"), open questions
  ("whether"), belief and expectation verbs with the claim they govern ("officials expect the
  deal to close", "is believed to be"), belief nouns with a that-clause, and hearsay
  participles ("the alleged murder", "a man suspected of").

Hedge subtypes (``hedges.json`` "kinds") say whether the hedge marks the claim as uncertain
(``UNCERTAINTY_KINDS``: modal, probability, appearance, belief, hearsay, condition, open
question...) or only rounds or limits it (approximators, limiting words).
"""

from __future__ import annotations

from functools import lru_cache

from ..english import (
    CONDITIONAL_SUBORDINATORS,
    FIRST_PERSON_SUBJECTS,
    NEGATIVE_PRONOUNS,
    NEGATORS,
    PURPOSE_SUBORDINATORS,
    QUESTION_SUBORDINATORS,
)
from ..negation import is_negated
from ..tokenfilter import tokens_with
from .common import Context, lexicon, make_signal, match, span_chars


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
#: hedges that present a claim as someone's belief: the explanation names the holder
HELD_BY = {"belief"}
VERBAL = ("VERB", "AUX")
#: dependencies by which a word completes the verb that may deny it ("did not make [it] CLEAR")
COMPLEMENTS = ("oprd", "ccomp", "xcomp", "acomp", "dobj", "attr")


@lru_cache(maxsize=1)
def _possibility_words() -> frozenset:
    """Words of possibility that a negator turns into certainty ("could not possibly")."""
    return frozenset(lexicon("hedges.json")["possibility_words"])


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The context rules of ``hedges.json`` with their word lists as sets."""
    out = {}
    for rule_id, spec in lexicon("hedges.json")["rules"].items():
        out[rule_id] = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in spec.items()}
    return out


# --- negation -------------------------------------------------------------------------------

def _after_negator(doc, i: int) -> bool:
    """A negator right before token ``i`` ("not clearly", "could not possibly")."""
    return i > 0 and doc[i - 1].lower_ in NEGATORS


def _negated(span) -> bool:
    """A booster under negation ('did not make clear', 'failed to make clear', 'not clearly')
    is not a booster. Verbs, adjectives and nouns ask :mod:`rhetoric.negation`, as does the
    verb a complement depends on ('did not make it clear'); an adverb is denied by a negator
    right before it ('not clearly', but not 'clearly did not')."""
    if _after_negator(span.doc, span.start):
        return True
    for t in span:
        if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and is_negated(t):
            return True
        if t.dep_ in COMPLEMENTS and t.head is not t and is_negated(t.head):
            return True
    return False


def _denied_possibility(doc, s_tok: int, e_tok: int) -> bool:
    """'could not possibly', 'not possible': a denied possibility is certainty, not a hedge."""
    tok = doc[s_tok]
    if tok.lower_ not in _possibility_words():
        return False
    return _after_negator(doc, s_tok) or (tok.pos_ == "ADJ" and is_negated(tok))


# --- token patterns -------------------------------------------------------------------------

def _pattern_matches(doc, lexicon_name: str, category: str) -> list[tuple[int, int, dict]]:
    """(start token, end token, pattern spec) of every ``Matcher`` pattern of the lexicon."""
    spec = lexicon(lexicon_name)["patterns"]
    by_id = {p["id"]: p for p in spec}
    spans = []
    for match_id, start, end in match(doc, lexicon_name, [(p["id"], p["pattern"]) for p in spec]):
        p = by_id[doc.vocab.strings[match_id]]
        a, b = p.get("cue", [0, end - start])
        s_tok, e_tok = start + a, start + b
        if category == "booster" and _negated(doc[s_tok:e_tok]):
            continue
        if category == "hedge" and _denied_possibility(doc, s_tok, e_tok):
            continue
        if e_tok < len(doc) and doc[e_tok].lower_ in p.get("not_before", ()):
            continue  # a fixed term: 'likely voters', 'Mostly True'
        if s_tok > 0 and (doc[s_tok - 1].lower_ in p.get("not_after", ()) or doc[s_tok - 1].tag_ in p.get("not_after_tags", ())):
            continue  # 'make sure that' = ensure; 'as soon as possible'; 'the best possible'
        spans.append((s_tok, e_tok, p))
    return spans


# --- rules that read the parse ----------------------------------------------------------------

def _could_of_possibility(tok, rule) -> bool:
    """'could' as a possibility ("the talks could collapse", "could have been higher"), not an
    ability ("could see the smoke"), not a denial ("could not be reached")."""
    if tok.lower_ != "could" or tok.tag_ != "MD" or tok.dep_ not in ("aux", "auxpass"):
        return False
    verb = tok.head
    if verb.pos_ not in VERBAL and verb.pos_ != "ADJ":
        return False
    if is_negated(verb) or _negative_subject(verb) or _purpose_clause(verb):
        return False
    return verb.lemma_.lower() not in rule["ability_verbs"]


def _purpose_clause(verb) -> bool:
    """'so (that) she could use it', 'in order that they could vote': a purpose, not a possibility."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "mark" and c.i < verb.i:
            if c.lower_ in PURPOSE_SUBORDINATORS:
                return True
            if c.lower_ == "that" and c.i > 0 and doc[c.i - 1].lower_ in PURPOSE_SUBORDINATORS | {"order"}:
                return True
    return False


def _condition(tok, rule) -> bool:
    """'if' / 'unless' opening an adverbial condition ("if the talks fail, ..."), not a
    comparison ("as if") and not an elliptical aside ("few, if any")."""
    if tok.lower_ not in CONDITIONAL_SUBORDINATORS or tok.dep_ != "mark":
        return False
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in rule["not_after"]:
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in rule["not_before"]:
        return False
    return not _opens_question(tok, _rules()["open_question"])


def _opens_question(tok, rule) -> bool:
    """'whether' anywhere; 'if' opening the complement of a verb or adjective of asking or
    knowing ("asked if", "did not say if", "not clear if"), never 'even if' (a condition)."""
    low = tok.lower_
    if low not in QUESTION_SUBORDINATORS:
        return False
    if low != "if":
        return True
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in rule["not_after"]:
        return False
    clause = tok.head
    governor = clause.head
    if governor.i > tok.i or clause is governor:
        return False
    lemma = governor.lemma_.lower()
    return (clause.dep_ == "ccomp" and lemma in rule["question_heads"]) or \
        (clause.dep_ == "advcl" and lemma in rule["ask_verbs"])


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _negative_subject(verb) -> bool:
    """A subject that denies its verb: "nobody doubts", "neither he nor she could be reached",
    "no one could say"."""
    subj = _subject(verb)
    return subj is not None and (
        subj.lower_ in NEGATORS or subj.lower_ in NEGATIVE_PRONOUNS
        or any(c.dep_ in ("det", "preconj") and c.lower_ in NEGATORS for c in subj.children))


def _denies_belief(verb) -> bool:
    """'nobody doubts that', 'never doubted': a denied doubt is certainty."""
    return _negative_subject(verb) or is_negated(verb)


def _to_infinitive(verb) -> bool:
    """A 'to' infinitive under ``verb`` ("expected TO close", "believed TO be"), not a gerund
    ("considering buying")."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in verb.children)


def _compares_with_forecast(tok, rule) -> bool:
    """'as expected', 'than expected', 'lower-than-expected': a comparison with a forecast."""
    doc = tok.doc
    if any(c.dep_ == "mark" and c.lower_ in rule["compare"] for c in tok.children):
        return True
    i = tok.i - 1
    while i >= 0 and doc[i].text == "-":
        i -= 1
    return i >= 0 and doc[i].lower_ in rule["compare"]


def _belief_verb(tok, rule) -> bool:
    """A verb of belief, expectation or inference with the claim it governs: "officials believe
    (that) the deal will hold", "is believed to be", "analysts predict slower growth", "the
    ruling suggests that...". A bare "believed him" (trust), "hope to win" (an intention),
    "considering buying" (deliberation) and "as/than expected" (a comparison) are not."""
    if tok.pos_ not in VERBAL:
        return False
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    if lemma in rule["prospect_verbs"]:
        return bool(deps & {"dobj", "ccomp", "xcomp"}) and not _compares_with_forecast(tok, rule)
    if lemma in rule["doubt_verbs"]:
        return ("ccomp" in deps or "dobj" in deps) and not _denies_belief(tok)
    if lemma in rule["clause_verbs"]:
        return "ccomp" in deps or _to_infinitive(tok)
    if lemma in rule["that_verbs"]:
        return "ccomp" in deps
    if lemma in rule["as_verbs"]:
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    return False


def _belief_noun(tok, rule) -> bool:
    """A noun of belief or risk with the claim it holds: "the belief that", "fears that", "the
    risk that"; nouns that are unconfirmed by themselves ("speculation", "rumours") need none."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in rule["always"]:
        return not is_negated(tok)  # "no doubt" is certainty
    if lemma not in rule["with_clause"]:
        return False
    return any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i and
               any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children) \
        and not is_negated(tok)


def _hearsay(tok, rule) -> bool:
    """A participle that presents a charge or a rumour, not a fact: "the alleged murder",
    "two men suspected of", "is rumored to", "reputed to be"."""
    if tok.lemma_.lower() not in rule["lemmas"] and tok.lower_ not in rule["lemmas"]:
        return False
    if tok.tag_ not in ("VBN", "JJ", "VBD"):
        return False
    if tok.dep_ in ("amod", "acl"):
        return True  # "the alleged bribe", "two men suspected of arson"
    deps = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and bool(deps & {"auxpass", "xcomp", "oprd"})  # "is rumored to be"


RULES = {
    "could_possibility": _could_of_possibility,
    "condition": _condition,
    "open_question": _opens_question,
    "belief_verb": _belief_verb,
    "belief_noun": _belief_noun,
    "hearsay": _hearsay,
}


@lru_cache(maxsize=1)
def _rule_words() -> tuple[frozenset, frozenset]:
    """(lower-case forms, lemmas) that some parse rule needs its token to have: every rule
    first asks for one of these ("could", "if", "whether", a belief verb or noun, a hearsay word)."""
    rules = _rules()
    lower = {"could"} | CONDITIONAL_SUBORDINATORS | QUESTION_SUBORDINATORS | rules["hearsay"]["lemmas"]
    lemma = set(rules["hearsay"]["lemmas"])
    for key in ("prospect_verbs", "doubt_verbs", "clause_verbs", "that_verbs", "as_verbs"):
        lemma |= rules["belief_verb"][key]
    lemma |= rules["belief_noun"]["always"] | rules["belief_noun"]["with_clause"]
    return frozenset(lower), frozenset(lemma)


#: the rules whose words ``_rule_words`` knows (a rule added to ``RULES`` without its words there
#: makes ``_rule_matches`` test every token again)
_RULES_WITH_WORDS = frozenset({"could_possibility", "condition", "open_question", "belief_verb", "belief_noun",
                               "hearsay"})


def _rule_matches(doc) -> list[tuple[int, int, dict]]:
    """(start token, end token, rule spec) for every token a parse rule accepts (only the tokens
    with one of the rules' words are tested)."""
    rules = _rules()
    lower, lemma = _rule_words()
    out = []
    todo = tokens_with(doc, lower=lower, lemma=lemma) if set(RULES) <= _RULES_WITH_WORDS else range(len(doc))
    for i in todo:
        tok = doc[i]
        for rule_id, test in RULES.items():
            if test(tok, rules[rule_id]):
                out.append((tok.i, tok.i + 1, rules[rule_id]))
                break
    return out


# --- signals --------------------------------------------------------------------------------

def _longest(spans: list) -> list:
    """Keep the longest of overlapping matches ("at least in a sense" over "in a sense")."""
    spans = sorted(spans, key=lambda x: (x[0], -(x[1] - x[0])))
    out, last_end = [], -1
    for s_tok, e_tok, p in spans:
        if s_tok < last_end:
            continue
        last_end = e_tok
        out.append((s_tok, e_tok, p))
    return out


def _holder(doc, ctx: Context, s_tok: int) -> tuple[str | None, str | None]:
    """Who holds a belief: (actor, words for it) from the subject of the belief verb
    ("officials" in "officials expect", an actor's name for "he"). ``(None, None)`` for a
    passive ("is expected to": the sentence hides whose belief it is), a noun or a pronoun
    the kit cannot resolve; ``(None, "")`` for "I"/"we", the speaker's own belief."""
    tok = doc[s_tok]
    subj = _subject(tok) if tok.pos_ in VERBAL else None
    if subj is None or subj.dep_ == "nsubjpass" or subj.tag_ in ("WDT", "WP"):
        return None, None
    if subj.lower_ in FIRST_PERSON_SUBJECTS:
        return None, ""
    actor = ctx.actor_of_phrase(subj)
    if actor:
        return actor, ctx.describe(actor)
    if subj.pos_ == "PRON":
        return None, None
    words = doc[subj.left_edge.i:subj.i + 1]
    text = words.text
    return None, (text if words[0].pos_ == "PROPN" else text[:1].lower() + text[1:])


def _explain(category: str, sig, ctx: Context, p: dict, holder: str | None) -> str:
    """The learner's explanation: the concept (by kind, ``hedges.json`` "kinds"), whose words
    they are (the writer's, or a speaker's in a quote or reported clause) and the rule's reason."""
    who = "the quoted speaker" if sig.in_quote else "the writer"
    if sig.in_quote and sig.speaker:
        who = ctx.describe(sig.speaker)
    where = " (in reported speech: the speaker's hedge, retold by the writer)" if sig.reported else ""
    if category == "booster" and sig.reported:
        where = " (in reported speech: the speaker's certainty, retold by the writer)"
    head = EXPLAIN[category].format(who=who)
    if category == "hedge":
        template = hedge_kinds().get(p.get("kind"), {}).get("explain", EXPLAIN["hedge"])
        of_holder = f" of {holder}" if holder else (f" of {who}" if holder == "" else " (whose, the sentence does not say)")
        head = template.format(who=who, of_holder=of_holder)
    return f"{head}{where}. “{sig.text}”: {p['why']}."


def _signals(doc, ctx: Context, category: str, spans: list) -> list:
    out = []
    for s_tok, e_tok, p in _longest(spans):
        s, e = span_chars(doc, s_tok, e_tok)
        actor, holder = _holder(doc, ctx, s_tok) if p.get("kind") in HELD_BY else (None, None)
        sig = make_signal(ctx, s, e, category, "", subtype=p["kind"], actor=actor)
        sig.explanation = _explain(category, sig, ctx, p, holder)
        out.append(sig)
    return out


def find_hedges(doc, ctx: Context) -> list:
    """Hedges: words that soften how sure the writer (or a quoted speaker) is, each with its
    kind (``hedges.json`` "kinds") as the signal's subtype."""
    return _signals(doc, ctx, "hedge", _pattern_matches(doc, "hedges.json", "hedge") + _rule_matches(doc))


def find_boosters(doc, ctx: Context) -> list:
    """Boosters: words that present a claim as certain."""
    return _signals(doc, ctx, "booster", _pattern_matches(doc, "boosters.json", "booster"))
