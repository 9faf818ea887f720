"""Agency: who does what to whom, and where the doer is hidden.

Three patterns (Halliday's transitivity; Fowler 1991; van Leeuwen 2008):

* ``actor_action``: an actor acts on another actor ("Russia annexed Crimea"), read from
  the parse: the verb's subject (or, for an infinitive or participle, the subject or
  object it borrows) and its direct object or recipient, each a named actor, a pronoun
  for one, or a phrase an actor modifies ("Russian raids", "a Zelensky proposal").
* ``agentless_passive``: a finite passive with no "by" phrase ("a prisoner swap was
  brokered"): something happened, no one is said to have done it.
* ``hidden_agent_nominal``: a noun for a contested action whose phrase names no doer
  ("the February 2022 invasion").

Word lists are data: ``data/lexicons/agency.json``.
"""

from __future__ import annotations

from functools import lru_cache

from ..english import THIRD_PERSON_REFLEXIVES
from ..negation import is_negated
from ..tokenfilter import tokens_with
from .common import Context, lexicon, make_signal, span_chars


@lru_cache(maxsize=1)
def _control_verbs() -> frozenset:
    return frozenset(lexicon("agency.json").get("control_verbs", ()))


@lru_cache(maxsize=1)
def _share_subjects() -> frozenset:
    """Subjects that are a share of respondents, not an actor ("1 percent support ...")."""
    return frozenset(lexicon("agency.json")["share_subjects"])

EXPLAIN = {
    "actor_action": "agency, who does what to whom: in “{text}”, {agent} is the one who acts and {patient} the one acted on",
    "actor_action_negated": "agency, who does what to whom (negated): “{text}” is denied, so {agent} is presented as not doing it to {patient}",
    "agentless_passive": "agency, a hidden agent: “{text}” is a passive with no doer. It tells what was done to {what}, but not who did it",
    "agentless_passive_nothing": "agency, a hidden agent: “{text}” is a passive with no doer. It tells what was done, but not who did it",
    "hidden_agent_nominal": "agency, a hidden agent: “{text}” turns an action into a noun, so the sentence need not say who carried it out",
}
def negated(verb) -> bool:
    """Is the action denied ("does not support", "never met", "no longer backs", "refused to
    meet")? Asks the one negation service, :mod:`rhetoric.negation`."""
    return is_negated(verb)


def _subject(verb, ctx: Context, depth: int = 0):
    """The actor doing ``verb``: its own subject, or one it borrows from the clause above."""
    if depth > 4:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return ctx.actor_of_phrase(verb.head)  # "the forces that shelled the town"
            return ctx.actor_of_phrase(c)
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return ctx.actor_of_phrase(g)
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "conj":
        return _subject(head, ctx, depth + 1)
    if verb.dep_ in ("xcomp", "pcomp"):
        # "Moscow had been provoked into invading Ukraine": the passive subject does it
        host = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" else head
        psubj = next((c for c in host.children if c.dep_ == "nsubjpass"), None) if host.pos_ == "VERB" else None
        if psubj is not None:
            return ctx.actor_of_phrase(psubj)
    if verb.dep_ == "xcomp":
        # a control verb hands its object to the infinitive ("urged Europe to take on"):
        # Europe takes on; otherwise the subject carries on ("Trump chose the occasion to declare")
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and head.lemma_.lower() in _control_verbs():
            return ctx.actor_of_phrase(obj)
        return _subject(head, ctx, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.pos_ == "ADP":
        return _subject(head.head, ctx, depth + 1) if head.head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ in ("advcl",):
        return _subject(head, ctx, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        rel = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.dep_ == "acl" or rel is not None:
            return ctx.actor_of_phrase(head)
    if verb.dep_ in ("ccomp", "pcomp", "acl"):
        # "as Trump welcoming Putin": a subject parsed as a compound or possessor
        for c in verb.children:
            if c.dep_ in ("compound", "poss", "npadvmod") and ctx.is_actor_token(c):
                return ctx.actor_of_token(c)
    return None


def _verb_by_function(tok) -> bool:
    """A word the tagger mislabelled but the parse uses as a verb: it has an auxiliary and a
    direct object ("it will no longer *back* Kyiv's goals", tagged as a preposition)."""
    kids = list(tok.children)
    return (tok.pos_ in ("ADP", "ADV", "ADJ", "NOUN") and any(c.dep_ == "aux" for c in kids)
            and any(c.dep_ == "dobj" for c in kids))


def _actor_actions(doc, ctx: Context, skip: set, not_actions: set) -> list:
    out = []
    # verbs, and the words with an auxiliary that may be verbs by function
    todo = sorted(set(tokens_with(doc, pos=("VERB",))) | set(tokens_with(doc, dep_heads=("aux",))))
    for i in todo:
        tok = doc[i]
        if not (tok.pos_ == "VERB" or _verb_by_function(tok)) or not tok.is_alpha or tok.i in skip or tok.lemma_.lower() in not_actions or tok.dep_ in ("amod", "compound"):
            continue
        patient_tok = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive:
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            patient_tok = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            doer = ctx.actor_of_phrase(agent) if agent is not None else None
        else:
            doer = _subject(tok, ctx) if patient_tok is not None else None  # no one acted on: no need to ask who acts
        if patient_tok is None or doer is None:
            continue
        subj_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj_tok is not None and (subj_tok.like_num or subj_tok.lower_ in _share_subjects()):
            continue  # "1 percent support the Green Party": a share of respondents, not the actor
        if patient_tok.lower_ in THIRD_PERSON_REFLEXIVES:
            continue
        patient = ctx.actor_of_phrase(patient_tok)
        if patient == doer and patient_tok.pos_ == "PRON":
            patient = ctx.actor_of_token(patient_tok, exclude=doer)  # "Trump ... enabling him": him is not Trump
        if patient is None or patient == doer:
            continue
        s, e = tok.idx, tok.idx + len(tok.text)
        sig = make_signal(ctx, s, e, "agency", "", subtype="actor_action", actor=doer)
        sig.target = patient
        sig.negated = negated(tok)
        key = "actor_action_negated" if sig.negated else "actor_action"
        sig.explanation = EXPLAIN[key].format(agent=ctx.describe(doer), patient=ctx.describe(patient),
                                              text=sig.text) + "."
        out.append(sig)
    return out


def _agentless_passives(doc, ctx: Context, exclusions: set) -> list:
    out = []
    for i in tokens_with(doc, pos=("VERB", "AUX"), dep_heads=("auxpass",)):  # a passive has an auxpass
        tok = doc[i]
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in exclusions:
            continue
        aux = [c for c in tok.children if c.dep_ == "auxpass" and c.lemma_.lower() in ("be", "get")
               and c.is_alpha]  # "she's done": 's may be "has"; not a sure passive
        if not aux or any(c.dep_ == "agent" for c in tok.children):
            continue
        first = min([c.i for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i] + [tok.i])
        s, e = span_chars(doc, first, tok.i + 1)
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        sig = make_signal(ctx, s, e, "agency", "", subtype="agentless_passive",
                          actor=ctx.actor_of_phrase(subj) if subj is not None else None)
        if subj is not None and subj.tag_ not in ("WDT", "WP"):
            words = doc[subj.left_edge.i:subj.i + 1]
            what = words.text
            if words[0].pos_ != "PROPN" and words[0].text not in ("I",):
                what = what[:1].lower() + what[1:]  # "The project was shelved": what was done to the project
            sig.explanation = EXPLAIN["agentless_passive"].format(text=sig.text, what=what) + "."
        else:
            sig.explanation = EXPLAIN["agentless_passive_nothing"].format(text=sig.text) + "."
        out.append(sig)
    return out


def _hidden_agent_nominals(doc, ctx: Context, nouns: set, doer_preps: set) -> list:
    out = []
    for i in tokens_with(doc, pos=("NOUN",), lemma=nouns):
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.ent_type_:
            continue
        if tok.dep_ == "compound" or ctx.actor_of_phrase(tok):
            continue  # "an arrest warrant" modifies another noun; "Russia's invasion" names the doer
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            continue
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and _subject(head, ctx):
            continue  # "Russia launched an invasion": the clause names the doer
        if tok.dep_ == "pobj" and head.lower_ in doer_preps and head.head.pos_ == "VERB" and _subject(head.head, ctx):
            continue  # "Ukraine seized it during a counteroffensive"
        s, e = tok.idx, tok.idx + len(tok.text)
        sig = make_signal(ctx, s, e, "agency", "", subtype="hidden_agent_nominal")
        sig.explanation = EXPLAIN["hidden_agent_nominal"].format(text=sig.text) + "."
        out.append(sig)
    return out


def find_agency(doc, ctx: Context, reporting_tokens: set = frozenset()) -> list:
    """Actor-on-actor actions, agentless passives and agentless nominalisations."""
    lex = lexicon("agency.json")
    out = _actor_actions(doc, ctx, set(reporting_tokens), set(lex["not_actions"]))
    out += _agentless_passives(doc, ctx, set(lex["passive_exclusions"]))
    out += _hidden_agent_nominals(doc, ctx, set(lex["nominalisations"]), set(lex["nominal_doer_preps"]))
    return out
