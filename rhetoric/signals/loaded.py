"""Loaded words: evaluation and emotion beyond description (appraisal theory).

Martin and White (2005) sort evaluation into *affect* (emotions), *judgement* (praise or
blame of behaviour) and *appreciation* (the worth of things and events). Each loaded word
is attached, where the parse allows, to the actor it evaluates: the noun an adjective
modifies ("unjustified invasion"), a noun's possessor ("his deference"), a verb's
subject. The word list, its classes and its context patterns are data:
``data/lexicons/loaded.json``.

A word in the list is not loaded everywhere. The context rules, by class:

* a plain category or technical term: "terrorist groups", "regime change", "sanctions
  regime", "toxic waste", "hate crime" (``plain_with``, ``plain_after``), a literal verb
  ("slammed the door", ``plain_objects``), a policy named with "anti-" ("anti-corruption");
* a verb that accuses only when said of someone ("the senator lied", ``needs_person_subject``),
  not when it names the act in general ("lying is a sin") or has a thing for subject ("the
  video does not lie");
* verbs of destruction are loaded when done to people, groups or their ideas ("crushed the
  opposition"), plain for storms and fires ("the fire destroyed 40 homes");
* an event noun that is the affair's name ("the Watergate scandal", "the Las Vegas
  massacre") or a reference back to an event already named ("the massacre", again);
* the name of a charge ("alleged collusion", "charged with corruption", "a corruption
  probe"): the writer reports an allegation, not a verdict.

A loaded word in a quote is kept: it is the speaker's word, and the signal's ``in_quote``
and ``speaker`` say so. A denied one ("found no evidence of corruption") is kept with
``negated=True``: the word is there, but the writer does not assert it.
"""

from __future__ import annotations

from functools import lru_cache

from ..english import FIRST_PERSON, PERSON_PRONOUNS, PLURAL_PRONOUNS, SECOND_PERSON, SPEECH_PARTICIPANT_OBJECTS
from ..negation import negation_cue
from ..tokenfilter import tokens_with
from .common import Context, lexicon, make_signal, match, span_chars

CONTENT_POS = {"ADJ", "ADV", "NOUN", "VERB", "PROPN"}
OBJECT_DEPS = ("dobj", "nsubjpass", "pobj")


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


@lru_cache(maxsize=1)
def _sets() -> dict:
    """The lexicon's context lists as frozensets (built once)."""
    lex = lexicon("loaded.json")
    charge = lex.get("charge_contexts", {})
    return {
        "actor_objects": frozenset(lex.get("actor_objects", [])),
        "charge_modifiers": frozenset(charge.get("modifiers", [])),
        "charge_heads": frozenset(charge.get("heads", [])),
        "intensifiers": frozenset(lex.get("intensifiers", [])),
        "reference_classes": frozenset(lex.get("reference_classes", [])),
        "suffixes": tuple(lex.get("label_suffixes", [])),
        "person_nouns": frozenset(lex.get("person_nouns", [])),
        "drive_endings": tuple(lex.get("drive_endings", [])),
        "animals": frozenset(lex.get("animal_nouns", [])),
    }


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    """The lexicon's words and the animal words (as forms or lemmas): what ``find_loaded`` reads."""
    return frozenset(lexicon("loaded.json")["words"]) | _sets()["animals"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, ...]:
    """The lexicon's phrase patterns, one per label prefix ("far-left", "self-styled") and one per
    hyphenated word of the list ("thin-skinned", "cover-up"), which the tokenizer splits (built once)."""
    lex = lexicon("loaded.json")
    pats = list(lex.get("patterns", []))
    for prefix in lex.get("label_prefixes", []):
        parts = prefix.split("-")
        pattern = []
        for k, part in enumerate(parts):
            pattern += ([{"LOWER": "-"}] if k else []) + [{"LOWER": part}]
        if len(parts) == 1:
            pattern += [{"LOWER": "-"}, {"IS_ALPHA": True}]
        pats.append({"id": f"label_prefix_{prefix}", "appraisal": "judgement", "pattern": pattern,
                     "why": f"'{prefix}-' turns a description into a label for a person or group"})
    class_why = lex.get("class_reasons", {})
    for word, entry in lex["words"].items():
        # the tokenizer splits "thin-skinned" into three tokens; a charge, event or term
        # ("cover-up") is judged by rules that read one word's parse, so it is left to them
        if "-" in word.strip("-") and entry.get("class") not in ("charge", "event", "term"):
            pattern = []
            for k, part in enumerate(word.split("-")):
                pattern += ([{"LOWER": "-"}] if k else []) + [{"LOWER": part}]
            pats.append({"id": f"hyphenated_{word}", "appraisal": entry["appraisal"], "pattern": pattern,
                         "why": class_why.get(entry.get("class", ""), ""), "entry": entry})
    return tuple(pats)


def _is_actor_like(tok, ctx: Context) -> bool:
    """A person, group or one of their ideas: an entity, a personal pronoun, or a noun from the
    lexicon's ``actor_objects`` ("opponents", "critics", "democracy")."""
    if tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS or tok.lower_ in SPEECH_PARTICIPANT_OBJECTS:
        return True
    if ctx.actor_of_phrase(tok):
        return True
    return tok.lemma_.lower() in _sets()["actor_objects"] or tok.lower_ in _sets()["actor_objects"]


def _is_person_noun(tok, ctx: Context) -> bool:
    """A noun phrase head that names people or a group: an actor, a pronoun, or a person noun
    ("senators", "bureaucrats", "the mob")."""
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS
    return tok.i in ctx.token_actor or tok.lemma_.lower() in _sets()["person_nouns"] or \
        tok.lower_ in _sets()["person_nouns"]


def _judges_a_person(tok, ctx: Context) -> bool:
    """Does the adjective describe a person or group? "ambitious senators", "the senator is
    ambitious", "a senator, ambitious and ...", not "an ambitious plan"."""
    for _ in range(2):
        if tok.dep_ == "amod":
            return _is_person_noun(tok.head, ctx)
        if tok.dep_ in ("acomp", "attr", "oprd"):
            return any(_is_person_noun(c, ctx) for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        if tok.dep_ != "conj" or tok.head is tok:
            return False
        tok = tok.head
    return False


def _drive_compound(tok, ctx: Context) -> int | None:
    """The first token of a hyphenated compound that sums a person up by a drive or habit
    ("attention-craving senators", "a power-hungry governor", "self-serving bureaucrats"), or None."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or tok.dep_ not in ("amod", "acomp"):
        return None
    first = doc[tok.i - 2]
    if first.pos_ not in ("NOUN",) or first.i in ctx.entity_tokens or first.head.i != tok.i:
        return None
    if not tok.lower_.endswith(_sets()["drive_endings"]):
        return None
    return first.i if _judges_a_person(tok, ctx) else None


def _animal_for_people(tok, ctx: Context) -> bool:
    """An animal word used of people: "they are vermin", "the senator, a snake, ...", "these rats in
    Congress", "Democrat rats". Not of animals: "rats in the cellar", "the dogs barked"."""
    if tok.pos_ != "NOUN" or (tok.lemma_.lower() not in _sets()["animals"] and tok.lower_ not in _sets()["animals"]):
        return False
    if tok.dep_ == "attr":
        return any(_is_person_noun(c, ctx) for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if tok.dep_ == "appos":
        return _is_person_noun(tok.head, ctx)
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i in ctx.token_actor:
            return True  # "Democrat rats", "Moscow's dogs"
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "from") and any(
                g.i in ctx.token_actor and ctx.token_actor[g.i][1] in ("ORG", "NORP", "GPE")
                for g in c.children if g.dep_ == "pobj"):
            return True  # "rats in Congress"
    return False


def _done_to_people(tok, ctx: Context) -> bool:
    """Is the verb's object (or a passive verb's subject) a person, group or their idea? A verb
    joined to another ("were banished, tortured and annihilated") shares its object; "millions of
    people" is judged by its "of" phrase."""
    verb = tok
    for _ in range(3):
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return _is_actor_like(c, ctx) or any(
                    _is_actor_like(g, ctx) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj")
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):  # "preyed on the poor"
                return any(_is_actor_like(g, ctx) for g in c.children if g.dep_ == "pobj")
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return False


def _has_person_subject(tok, ctx: Context) -> bool:
    """Does the verb say it of someone? Its subject (or that of the verb it is joined to: "they
    kick and scream and lie") is a person, a group or a personal or relative pronoun: "the senator
    lied", "those who lie". Not the act in general ("lying is a sin", "lie big, lie often", "was
    going to lie") nor a thing ("the video does not lie")."""
    verb = tok
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            low = subj.lower_
            return (low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS or low in FIRST_PERSON
                    or low in SECOND_PERSON or low == "who" or _is_person_noun(subj, ctx))
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return False


def _literal_object(tok, plain_objects) -> bool:
    """An emotive verb used literally: "slammed the door", "blasted music"."""
    return any(c.dep_ in OBJECT_DEPS[:2] and c.lemma_.lower() in plain_objects for c in tok.children)


def _literal_with_prep(tok, preps) -> bool:
    """A verb made literal by what follows it: "the answer lies in", "lie down", "lies ahead"."""
    return any(c.dep_ in ("prep", "prt", "advmod", "acomp", "oprd") and c.lower_ in preps for c in tok.children)


def _plain_term(tok, entry) -> bool:
    """A plain category or technical term: "terrorist groups", "regime change", "sanctions regime",
    a policy named with "anti-" ("anti-corruption")."""
    plain_with = entry.get("plain_with")
    if plain_with and tok.dep_ in ("amod", "compound") and (
            tok.head.lemma_.lower() in plain_with or tok.head.lower_ in plain_with):
        return True
    plain_after = entry.get("plain_after")
    if plain_after and any(c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in plain_after or c.lemma_.lower()
                                                                    in plain_after) for c in tok.children):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "counter")


def _names_a_state(tok, ctx: Context) -> bool:
    """A government named by its country, nationality or capital ("the Iranian regime", "the
    Baghdad regime", "the regime in Pyongyang"): the usual news name for that state's rulers,
    not a fresh judgement. A person's name ("the Obama regime") or an adjective ("a brutal
    regime") is not a country."""
    places = ("NORP", "GPE")
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i and c.ent_type_ in places:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "of") and any(
                g.dep_ == "pobj" and g.ent_type_ in places for g in c.children):
            return True
    doc = tok.doc  # "the regime in Pyongyang", its phrase often hung on the verb by the parser
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("in", "of") and doc[tok.i + 2].ent_type_ in places


def _names_an_event(tok, ctx: Context) -> bool:
    """An event noun that is the affair's name: "the Watergate scandal", "the abuse scandal",
    "the Las Vegas massacre", "Russia's disaster"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "npadvmod") and c.i < tok.i:
            return True
        if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.i in ctx.token_actor):
            return True
        if c.dep_ == "amod" and (c.i in ctx.entity_tokens or c.ent_type_ in ("DATE", "NORP", "GPE", "ORDINAL")):
            return True
    return False


def _refers_back(tok, entry, ctx: Context, seen_labels: set) -> bool:
    """A label the same voice has already used ("the regime", "the scandal" again): the later
    mention names the same thing, the judgement was made at the first. The writer's voice and
    each quoted speaker count apart: a speaker who takes up the word chooses it too. Only for the
    lexicon's ``reference_classes``; records the first mention."""
    if entry.get("class") not in _sets()["reference_classes"]:
        return False
    quote = ctx.quote_at(tok.idx, tok.idx + len(tok.text))
    voice = "writer" if quote is None else (quote[2] or quote[:2])  # each speaker chooses labels too
    key = (tok.lemma_.lower(), voice)
    if key in seen_labels:
        return True
    seen_labels.add(key)
    return False


def _names_a_charge(tok, ctx: Context) -> bool:
    """The name of a charge or offence, not the writer's verdict: "alleged collusion", "accused of
    corruption", "a corruption probe", "denied any collusion"; an offence named by its kind ("wire
    fraud", "voter fraud") or classifying another noun ("bribe payments"); every item of a list
    of charges ("convicted of assault and corruption")."""
    sets = _sets()
    if any(c.dep_ in ("amod", "compound") and c.lower_ in sets["charge_modifiers"] for c in tok.children):
        return True
    if any(c.dep_ == "compound" and c.i < tok.i and c.pos_ == "NOUN" and c.i not in ctx.token_actor
           for c in tok.children):
        return True  # "wire fraud", "immigration fraud": the offence's legal name
    head = tok.head
    if tok.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        return True  # "bribe payments", "fraud case"
    while tok.dep_ == "conj" and head is not tok and head.pos_ in ("NOUN", "PROPN"):
        tok, head = head, head.head  # a list of charges is judged by its first item
    if tok.dep_ in ("compound", "amod", "dobj", "nsubjpass") and head.lemma_.lower() in sets["charge_heads"]:
        return True
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in sets["charge_heads"]:
        return True
    return False


def _context_says_plain(tok, entry, ctx: Context, seen_labels: set) -> bool:
    """Is this use of a lexicon word plain description (see the module docstring)?"""
    if _plain_term(tok, entry):
        return True
    cls = entry.get("class")
    if entry.get("only_of_people") and not _judges_a_person(tok, ctx):
        return True
    if cls == "destruction_verb" or entry.get("needs_actor_object"):
        if tok.pos_ == "VERB" and not _done_to_people(tok, ctx):
            return True
    if entry.get("needs_person_subject") and tok.pos_ == "VERB" and not _has_person_subject(tok, ctx):
        return True
    if entry.get("plain_objects") and _literal_object(tok, entry["plain_objects"]):
        return True
    if entry.get("plain_preps") and tok.pos_ == "VERB" and _literal_with_prep(tok, entry["plain_preps"]):
        return True
    if entry.get("plain_of_states") and _names_a_state(tok, ctx):
        return True
    if cls == "event" and _names_an_event(tok, ctx):
        return True
    if cls == "charge" and _names_a_charge(tok, ctx):
        return True
    return _refers_back(tok, entry, ctx, seen_labels)


def _inside_a_name(tok, ctx: Context) -> bool:
    """Is the token part of a name ("Brave New World", "Hope Not Hate")? A capitalised word that
    the entity layer took for a one-word name on its own ("Horror.", "Childish, indeed.") is
    not: the small model often reads a capitalised common word as a name."""
    if tok.i not in ctx.entity_tokens:
        return False
    alone = (tok.i - 1 not in ctx.entity_tokens) and (tok.i + 1 not in ctx.entity_tokens)
    return not alone


def _label_suffix(tok) -> bool:
    """A word made a label by its ending: "warmonger", "fearmongering", "rumour-mongers"."""
    low = tok.lower_
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in _sets()["suffixes"])


def _widen_with_intensifier(doc, start: int) -> int:
    """The first token of the loaded phrase: an intensifier right before the word joins it
    ("utterly disgraceful") or a manner adverb before an adjective ("politically ambitious")."""
    tok = doc[start]
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.head.i == tok.i and prev.dep_ == "advmod" and (
            prev.lower_ in _sets()["intensifiers"] or (prev.lower_.endswith("ly") and tok.pos_ == "ADJ")):
        return start - 1  # "utterly disgraceful", "politically ambitious"
    return start


def find_loaded(doc, ctx: Context) -> list:
    """Loaded words with their appraisal type (subtype), the actor they attach to, and whether
    they are denied (``negated``)."""
    lex = lexicon("loaded.json")
    words, why = lex["words"], lex["appraisal_explanations"]
    class_why = lex.get("class_reasons", {})
    found: dict[int, tuple[int, int, str, str, dict]] = {}
    pats = _patterns()
    by_id = {p["id"]: p for p in pats}
    for mid, start, end in match(doc, "loaded.json", [(p["id"], p["pattern"]) for p in pats]):
        p = by_id[doc.vocab.strings[mid]]
        if p.get("entry", {}).get("only_of_people") and not _judges_a_person(doc[end - 1], ctx):
            continue  # a hyphenated lexicon word ("hot-headed") keeps its word's context rule
        a, b = p.get("cue", [0, end - start])
        if start + a not in found:
            found[start + a] = (start + a, start + b, p["appraisal"], p["why"], {})
    covered = {i for s, e, *_ in found.values() for i in range(s, e)}
    seen_labels: set = set()
    # only a lexicon word, an animal word, a label by its ending or the end of a drive compound
    # can be loaded
    endings = _sets()["suffixes"] + _sets()["drive_endings"]
    candidates = _candidate_words()
    for i in tokens_with(doc, lower=candidates, lemma=candidates, lower_test=lambda w: w.endswith(endings)):
        tok = doc[i]
        if tok.i in covered or tok.pos_ not in CONTENT_POS or _inside_a_name(tok, ctx):
            continue
        entry = words.get(tok.lower_) or words.get(tok.lemma_.lower())
        if entry is None:
            if tok.pos_ in ("NOUN", "ADJ", "VERB") and _label_suffix(tok):
                found[tok.i] = (tok.i, tok.i + 1, "judgement", class_why.get("name_calling", ""), {})
            elif (first := _drive_compound(tok, ctx)) is not None:
                found[tok.i] = (first, tok.i + 1, "judgement", class_why.get("drive_compound", ""), {})
            elif _animal_for_people(tok, ctx):
                found[tok.i] = (tok.i, tok.i + 1, "judgement", class_why.get("animal", ""), {})
            continue
        if entry.get("pos") and tok.pos_ not in entry["pos"]:
            continue
        if _context_says_plain(tok, entry, ctx, seen_labels):
            continue
        reason = class_why.get(entry.get("class", ""), "")
        found[tok.i] = (_widen_with_intensifier(doc, tok.i), tok.i + 1, entry["appraisal"], reason, entry)
    out = []
    for i in sorted(found):
        s_tok, e_tok, kind, reason, entry = found[i]
        s, e = span_chars(doc, s_tok, e_tok)
        word = doc[i] if i < e_tok else doc[s_tok]
        actor = _target_actor(word, ctx)
        sig = make_signal(ctx, s, e, "loaded", "", subtype=kind, actor=actor)
        cue = negation_cue(word)
        sig.negated = cue is not None
        sig.explanation = _explain(sig, ctx, why[kind], reason, entry, cue)
        out.append(sig)
    return out


def _explain(sig, ctx: Context, kind_why: str, reason: str, entry: dict, cue) -> str:
    """Plain words: what kind of loaded word, whose word it is, whom it is aimed at, and whether
    the sentence denies it."""
    if sig.reported:
        who = f"{ctx.describe(sig.speaker)}'s view, retold by the writer" if sig.speaker else "reported speech"
    elif sig.in_quote:
        who = f"{ctx.describe(sig.speaker)}'s words, quoted" if sig.speaker else "quoted words"
    else:
        who = "the writer's word"
    about = f"; it is aimed at {ctx.describe(sig.actor)}" if sig.actor else ""
    out = f"{kind_why}. “{sig.text}” ({who}){about}." + (f" {reason[:1].upper()}{reason[1:]}." if reason else "")
    neutral = entry.get("neutral")
    if neutral:
        if sig.in_quote and not sig.reported:
            out += f" The label is the speaker's choice, not the writer's; a neutral report would say “{neutral}”."
        else:
            out += f" A more neutral word would be “{neutral}”."
    if cue is not None:
        out += f" It is denied here (“{cue.text}”), so the writer does not assert it."
    return out
