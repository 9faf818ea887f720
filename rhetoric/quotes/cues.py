"""Reporting cues in the parse: the verb (or noun, or 'according to') that introduces speech,
the subject that says it, who relayed it, and the channel and setting the text gives."""

from __future__ import annotations

from functools import lru_cache

from ..data import load_json
from ..english import FIRST_PERSON, PERSON_WORDS, RELATIVE_PRONOUNS, TIME_PREPOSITIONS
from .lexicon import lexicon, setting_words, subject_control_verbs

SUBJ = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp")
TIME_PREPS = TIME_PREPOSITIONS
SETTING_LABELS = {"GPE", "LOC", "FAC"}
SETTING_WORDS = setting_words()


def according_to(tok) -> object | None:
    """The 'according' of 'according to X' if ``tok`` is it, else None."""
    if tok.lower_ == "according":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return tok
    return None


def according_source(tok):
    """X in 'according to X' (the maker of an utterance: 'according to a speech Clinton gave' -> Clinton)."""
    nxt = tok.doc[tok.i + 1]
    for child in list(nxt.children) + list(tok.children):
        if child.dep_ == "pobj":
            return utterance_maker(child) or child
    # flat parse: first noun after 'to'
    for t in tok.doc[tok.i + 2: tok.i + 8]:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            # the last token of the noun phrase
            j = t.i
            while j + 1 < len(tok.doc) and tok.doc[j + 1].pos_ == "PROPN":
                j += 1
            return tok.doc[j]
    return None


def is_cue(tok, *, cognition: bool = False) -> bool:
    """A reporting verb, 'according (to)', or the verb of 'made clear'."""
    lex = lexicon()
    if according_to(tok):
        return True
    if lex.is_cue_verb(tok, cognition=cognition):
        return True
    if tok.lemma_ == "make" and any(c.lower_ == "clear" for c in tok.children):
        return True
    return False


#: Verbs that pass on someone's words through 'as saying' ('quoted Nkemelu as saying').
_QUOTING_VERBS = frozenset({"quote", "cite", "report", "record"})


def _quoted_as_saying(verb):
    """'The Herald quoted Mayor Ruiz as saying …', 'Dunmore is quoted as saying …': the one quoted
    (the quoting verb's object, or its passive subject) said it, not the one who quotes."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in _QUOTING_VERBS:
        return None
    quoting = prep.head
    for dep in ("dobj", "nsubjpass"):
        found = next((c for c in quoting.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return None


def subject_of(verb):
    """The token that says it: the verb's subject, climbing through 'saying', 'and said', etc."""
    if according_to(verb):
        return according_source(verb)
    shown = _shown_speaker(verb)
    if shown is not None:
        return shown
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    v = verb
    for _ in range(4):
        for child in _subjects(v):
            if child.dep_ in ("nsubj", "csubj"):
                if v.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS - {"who", "whom"}:
                    maker = utterance_maker(v.head)  # 'a comment that described …': whoever made it
                    if maker is not None:
                        return maker
                return _conjunct_nearest(child, v)
        for child in v.children:
            if child.dep_ == "agent":  # "was told by X"
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in ("of", "from"):
            over = v.head.head  # 'stopped short of saying', 'refrained from calling': the clause's subject
            if over.lower_ == "short" and over.head.pos_ in ("VERB", "AUX"):
                over = over.head
            if over.pos_ in ("VERB", "AUX") and over.i != v.i:
                v = over
                continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in TIME_PREPS and \
                v.head.head.i != v.head.i and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "After saying …, she was": the clause the phrase modifies
            passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and not any(c.dep_ in ("nsubj", "csubj") for c in v.children):
                return passive  # "After saying …, she was taken to hospital": she said it
            continue
        if v.dep_ in CLIMB and v.head.i != v.i:
            controller = _object_controller(v)
            if controller is not None:
                return controller  # 'the scandal prompted Senator Wells to demand …': Wells demands
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                comma = v.i > 0 and v.doc[v.i - 1].text == ","
                if not comma:
                    # "a statement saying ..." -> the statement; "softer language calling for ..." -> nobody
                    noun = v.head
                    return noun if speaker_like(noun) or noun.lemma_.lower() in lexicon().speech_nouns else None
                # ", saying ...": the participle belongs to the main clause's subject
                root = v.sent.root
                subj = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
                if subj is not None:
                    return subj
                return v.head
            if v.dep_ == "relcl":
                return utterance_maker(v.head) or v.head
            v = _past_an_aside(v)
            continue
        break
    return None




def _past_an_aside(v):
    """The verb a participle belongs to, past an aside between dashes the parser attached it to
    ('…, looping the streets - where the Panthers played - while chanting, “…”': the looping's, not
    the Panthers'), and past the reported clause it follows after a comma ('X denied saying that
    arrivals were “flooding” the suburbs, telling 3AW …': X tells, not the arrivals)."""
    head = v.head
    if v.dep_ != "advcl" or head.i > v.i:
        return head
    doc = v.doc
    if v.tag_ == "VBG" and v.i > 0 and doc[v.i - 1].text == "," and head.dep_ == "ccomp":
        top = head
        while top.dep_ == "ccomp" and top.head.i != top.i and is_cue(top.head):
            top = top.head  # '… denied saying that arrivals were “flooding” the suburbs, telling 3AW …'
        if top.i != head.i and not any(t.is_sent_end or t.text in (".", "?", "!") for t in doc[top.i: v.i]):
            return top.head if top.head.i != top.i and top.dep_ != "ROOT" else top
        return head
    between = [t.i for t in doc[head.i + 1: v.i] if t.text in _ASIDE_DASHES]
    opened = [t.i for t in doc[max(head.sent.start, head.i - 12): head.i] if t.text in _ASIDE_DASHES]
    if between and opened and head.head.i != head.i:
        return head.head
    return head


def _object_controller(v):
    """The object that is the understood subject of an infinitive ('led the historian to warn',
    'forced the minister to admit'), when the governing verb reports nothing itself (after 'urged
    him to' or 'asked her to' the words are the asker's demand) and is no subject-control verb
    ('promised voters to …')."""
    head = v.head
    if v.dep_ != "xcomp" or head.lemma_.lower() in subject_control_verbs() or is_cue(head, cognition=True):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < v.i), None)
    person = obj is not None and (speaker_like(obj) or any(t.ent_type_ == "PERSON" for t in obj.subtree))
    return obj if person else None  # ('chose the moment to declare': a time does not speak)


def _subjects(verb) -> list:
    """The verb's children, its subjects in its own paragraph first, nearest first: a parse run
    across a paragraph break can give a verb two subjects ('5:45 p.m. ¶ X's doctor is calling …'),
    and a subject never lies across a paragraph break from its verb."""
    doc = verb.doc

    def across(c) -> bool:
        lo, hi = sorted((c.i, verb.i))
        return any("\n" in doc[k].text_with_ws for k in range(lo, hi))

    kids = list(verb.children)
    subj = sorted((c for c in kids if c.dep_ in ("nsubj", "csubj")), key=lambda c: (across(c), abs(c.i - verb.i)))
    return subj + [c for c in kids if c.dep_ not in ("nsubj", "csubj")]


@lru_cache(maxsize=1)
def light_verbs() -> frozenset:
    return frozenset(load_json("lexicons", "speech_nouns.json").get("light_verbs", []))


def utterance_maker(noun):
    """Who made the utterance a speech noun names, when the sentence says so: 'a speech
    Clinton delivered', 'his remark', 'Clinton made a comment that …', 'prompted Clinton to
    make a comment'. None for other nouns and for documents that are sources themselves
    ('the report', 'a statement': 'the report found' has the report as its source)."""
    lex = lexicon()
    low = noun.lemma_.lower()
    if low not in lex.speech_nouns or low in lex.sources:
        return None
    src = speech_noun_source(noun)
    if src is not None:
        return src
    for c in noun.children:  # 'a speech Clinton delivered'
        if c.dep_ == "relcl":
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and speaker_like(subj):
                return subj
    v = noun.head
    if noun.dep_ == "dobj" and v.lemma_.lower() in light_verbs():  # 'Clinton made a comment'
        subj = next((s for s in v.children if s.dep_ == "nsubj"), None)
        if subj is None and v.dep_ == "xcomp":  # 'prompted Clinton to make a comment'
            subj = next((s for s in v.head.children if s.dep_ == "dobj"), None)
        if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and speaker_like(subj):
            return subj
    return None


def _shown_speaker(verb):
    """'footage of Clinton asking', 'a clip of the mayor saying', 'heard her say': a speech
    verb in -ing or bare form with no subject of its own, right after a person, is that
    person's speech (a small clause: the person is its understood subject)."""
    if verb.tag_ not in ("VBG", "VB") or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "csubj", "nsubjpass") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ not in ("pobj", "dobj") and prev.head.i != verb.i:
        return None
    if prev.lower_ in ("him", "her", "them") or (prev.pos_ != "PRON" and speaker_like(prev)):
        return prev
    return None


DASHES = ("—", "–", "--")
#: The marks that open and close an aside: a spaced hyphen too (typed for a dash).
_ASIDE_DASHES = frozenset(DASHES) | {"-"}
PERSONAL = PERSON_WORDS
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _conjunct_nearest(subj, verb):
    """The conjunct that really is the subject when the parse coordinated across a dash.

    "I asked Trump whom he believed, Putin or his own agencies—and the president made
    clear ..." is parsed with "Putin" as subject and "president" as its conjunct; a dash
    between two conjuncts ends the first phrase, so the conjunct after the last dash
    (nearest the verb) is the subject."""
    if not any(c.dep_ == "conj" for c in subj.children):
        return subj
    doc = subj.doc
    best = subj
    for c in subj.subtree:
        if c.dep_ == "conj" and best.i < c.i < verb.i and any(d in doc[best.i: c.i].text for d in DASHES):
            best = c
    return best


def speaker_like(tok) -> bool:
    """Can ``tok`` be someone who speaks: a person, organisation, country, personal pronoun,
    a role ('the president') or a human or document noun ('an official', 'the report')?"""
    if tok is None:
        return False
    if tok.ent_type_ in SPEAKER_LABELS or tok.lower_ in PERSONAL:
        return True
    if tok.pos_ == "PROPN":
        return True
    lex = lexicon()
    return tok.lemma_.lower() in lex.roles or tok.lemma_.lower() in lex.sources


def has_human_object(verb) -> bool:
    """'assured him that', 'warned reporters that': a human addressee."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") and speaker_like(c):
            return True
    return False


def speech_sense(verb) -> bool:
    """False for a verb such as 'assure', 'warn', 'signal' used of an event or a thing
    ("… all but assuring that Ukraine will not regain …": 'make certain', not speech)."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.needs_speaker:
        return True
    subj = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj", "nsubjpass"):
            subj = c
    if subj is None and verb.dep_ in ("relcl",) :
        subj = verb.head
    if subj is not None and subj.dep_ != "csubj" and speaker_like(subj):
        return True
    return has_human_object(verb)


def speech_noun_source(noun):
    """The possessor or 'by/from' phrase of a speech noun ("his promise", "a claim by X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for g in child.children:
                if g.dep_ == "pobj" and (g.pos_ in ("PROPN", "PRON") or g.ent_type_ == "PERSON"):
                    return g
    for child in noun.children:
        if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG"):
            return child
    return None


def cue_phrase(verb) -> str:
    """The cue as a reader sees it: the verb with its auxiliaries and particle ('has said')."""
    if according_to(verb):
        return "according to"
    words = [verb]
    for child in verb.children:
        if child.dep_ in ("prt",) or (child.lower_ == "clear" and verb.lemma_ == "make"):
            words.append(child)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


def cue_extent(verb) -> tuple[int, int]:
    if according_to(verb):
        return verb.idx, verb.doc[verb.i + 1].idx + len(verb.doc[verb.i + 1])
    toks = [verb] + [c for c in verb.children if c.dep_ == "prt" or (c.lower_ == "clear" and verb.lemma_ == "make")]
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def channel_and_setting(verb, exclude: tuple[int, int] = (0, 0)) -> tuple[str | None, str | None]:
    """The channel ('on Truth Social', 'told reporters') and setting ('in Brussels') on a cue verb."""
    lex = lexicon()
    doc = verb.doc
    channel = setting = None
    if according_to(verb):
        return None, None
    heads = [verb]
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        heads.append(verb.head)

    def outside(span) -> bool:
        return span.end_char <= exclude[0] or span.start_char >= exclude[1]

    for h in heads:
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "at", "during", "to", "via", "through", "from"):
                pp = doc[child.i: child.right_edge.i + 1]
                if not outside(pp) or len(pp) > 14:
                    continue
                low = " " + pp.text.lower() + " "
                if channel is None and any(f" {c} " in low or f" {c}." in low or f" {c}," in low for c in lex.channels):
                    channel = pp.text.rstrip(" ,.")
                    # a place inside the channel phrase ("an appearance at NATO headquarters")
                    for g in pp:
                        if g.dep_ == "prep" and g.lower_ in ("in", "at") and g.i != child.i and setting is None:
                            sub = doc[g.i: g.right_edge.i + 1]
                            if any(t.ent_type_ in SETTING_LABELS or t.lower_ in SETTING_WORDS for t in sub):
                                setting = sub.text.rstrip(" ,.")
                    continue
                if setting is None and child.lower_ in ("in", "at"):
                    if any(t.ent_type_ in SETTING_LABELS or t.lower_ in SETTING_WORDS for t in pp) and not any(
                        t.ent_type_ in ("DATE", "TIME") for t in pp
                    ):
                        setting = pp.text.rstrip(" ,.")
            elif child.dep_ in ("dobj", "dative") and h.lemma_ in ("tell", "say") and channel is None:
                np = doc[child.left_edge.i: child.i + 1]
                if np.text.lower() in lex.listeners:
                    channel = f"{h.text} {np.text}"
        if channel is None and h.lemma_ in lex.verb_channels and h is verb:
            channel = lex.verb_channels[h.lemma_]
    return channel, setting


def relayer(verb) -> tuple | None:
    """The outer reporting verb and its speaker when speech is reported second-hand:
    'Peskov told reporters that Putin had told Trump of ...' -> (told, Peskov)."""
    lex = lexicon()

    def relays(v, subj) -> bool:
        # asking is not passing words on, and the writer ("I asked ...") relays nobody
        return (subj is not None and v.lemma_.lower() not in lex.question_verbs
                and subj.lower_ not in FIRST_PERSON)

    # the inner report must sit in what the outer verb says (a chain of complement clauses),
    # not in an adverbial ("accused by X of ..., including when she suggested that ...")
    if verb.dep_ == "conj" and is_cue(verb.head):
        return None  # '… said that …, but he said that …': two reports side by side, not one inside the other
    path = [verb]
    v = verb
    while v.head.i != v.i and len(path) < 8:
        v = v.head
        path.append(v)
    steps = 0
    v = verb.head
    while v.i != v.head.i and steps < 6:
        link = path[steps]
        if link.dep_ not in ("ccomp", "xcomp", "conj", "parataxis", "dobj"):
            return None
        if is_cue(v):
            subj = subject_of(v)
            if subj is not None:
                return (v, subj) if relays(v, subj) else None
        v = v.head
        steps += 1
    if v.i != verb.i and is_cue(v) and v.dep_ == "ROOT" and path[min(steps, len(path) - 1)].dep_ in ("ccomp", "xcomp", "conj", "parataxis"):
        subj = subject_of(v)
        if relays(v, subj):
            return v, subj
    return None
