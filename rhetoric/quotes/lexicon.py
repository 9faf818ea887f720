"""The quote layer's word lists, read once from ``data/lexicons/`` (knowledge lives in data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import load_json


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: dict  # lemma -> {"stance", "type"}
    speech_nouns: frozenset
    question_nouns: frozenset
    channels: tuple  # lower-case phrases, longest first
    listeners: frozenset
    verb_channels: dict
    needs_speaker: frozenset = frozenset()  # 'assure', 'warn': speech only with a speaker-like subject
    as_verbs: frozenset = frozenset()  # 'framed X as Y': the 'as' phrase is the content
    question_verbs: frozenset = frozenset()  # 'ask whether ...' reports a question
    retort_with_back: frozenset = frozenset()  # 'shot back', 'fired back': speech only with 'back'
    needs_it: frozenset = frozenset()  # 'put': speech only as 'put it' ('as she put it')
    roles: frozenset = frozenset()  # 'president', 'secretary': definite descriptions of a person
    sources: frozenset = frozenset()  # 'official', 'report': nouns that can be a speech verb's subject
    needs_a_clause: frozenset = frozenset()  # 'show', 'prove': a cue only with a clause or the quote as content
    other_senses: frozenset = frozenset()  # 'line', 'address': no speech noun after a common noun ('rail line')
    male_titles: frozenset = frozenset()  # 'mr', 'congressman': a title that says 'he'
    female_titles: frozenset = frozenset()  # 'mrs', 'spokeswoman': a title that says 'she'
    male_names: frozenset = frozenset()  # 'Daniel': US Census 1990 given names, mostly men's
    female_names: frozenset = frozenset()  # 'Grace': mostly women's

    def is_cue_verb(self, token, *, cognition: bool = False) -> bool:
        """Is ``token`` a reporting verb (cognition verbs such as 'believe' only if asked)?"""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        if token.lemma_.lower() in self.retort_with_back and any(
                c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children):
            return True
        entry = self.verbs.get(token.lemma_.lower())
        if token.lemma_.lower() in self.needs_it and not any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
            return False
        if _goes_without_saying(token):
            return False
        if entry is None or _so_called(token) or (token.lemma_.lower() in self.needs_a_clause and _plain_object(token)):
            return False
        return cognition or entry.get("type") == "speech"


def _so_called(token) -> bool:
    """'the so-called partnership': 'called' in 'so-called' reports nothing."""
    doc = token.doc
    return token.lower_ == "called" and token.i >= 1 and (
        doc[token.i - 1].lower_ == "so" or doc[token.i - 1].text in "-‑" and token.i >= 2 and doc[token.i - 2].lower_ == "so")


def _goes_without_saying(token) -> bool:
    """'It goes without saying that …': an idiom, nobody says anything."""
    head = token.head
    return token.lower_ == "saying" and head.lower_ == "without" and head.head.lemma_ == "go"


_MARKS = frozenset("\"“”‘’'«»")


def _plain_object(token) -> bool:
    """The verb has a direct object, no clause, and no quotation mark in its object ('had shown
    bad judgment')."""
    kids = list(token.children)
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in kids):
        return False
    objs = [c for c in kids if c.dep_ in ("dobj", "attr", "oprd")]
    return bool(objs) and not any(t.text in _MARKS for o in objs for t in o.subtree)


@lru_cache(maxsize=1)
def lexicon() -> QuoteLexicon:
    verbs = load_json("lexicons", "reporting_verbs.json")
    nouns = load_json("lexicons", "speech_nouns.json")
    channels = load_json("lexicons", "channels.json")
    roles = load_json("lexicons", "roles.json")
    titles = load_json("titles.json")
    names = load_json("lexicons", "first_names.json")
    return QuoteLexicon(
        verbs=dict(verbs["verbs"]),
        speech_nouns=frozenset(nouns["nouns"]),
        other_senses=frozenset(nouns.get("other_senses_after_a_noun", [])),
        question_nouns=frozenset(nouns["question_nouns"]),
        channels=tuple(sorted(channels["channels"], key=len, reverse=True)),
        listeners=frozenset(channels["listeners"]),
        verb_channels=dict(channels["verb_channels"]),
        needs_speaker=frozenset(verbs.get("needs_speaker", {}).get("lemmas", [])),
        needs_a_clause=frozenset(verbs.get("needs_a_clause", {}).get("lemmas", [])),
        as_verbs=frozenset(verbs.get("as_verbs", {}).get("lemmas", [])),
        question_verbs=frozenset(verbs.get("question_verbs", {}).get("lemmas", [])),
        retort_with_back=frozenset(verbs.get("retort_with_back", {}).get("lemmas", [])),
        needs_it=frozenset(verbs.get("needs_it", {}).get("lemmas", [])),
        roles=frozenset(roles["roles"]),
        sources=frozenset(roles.get("sources", [])),
        male_titles=frozenset(titles["male"]),
        female_titles=frozenset(titles["female"]),
        male_names=frozenset(names["male"]),
        female_names=frozenset(names["female"]),
    )


@lru_cache(maxsize=1)
def quote_rules() -> dict:
    """``data/lexicons/quote_rules.json``: the open-class words of the quote layer's rules."""
    return load_json("lexicons", "quote_rules.json")


def _words(key: str) -> frozenset:
    return frozenset(quote_rules()[key])


def directive_verbs() -> frozenset:
    """Lemmas that report a demand or a label through their object ('urge', 'call')."""
    return _words("directive_verbs")


def subject_control_verbs() -> frozenset:
    """Lemmas whose subject does what the infinitive after their object says ('promised voters to')."""
    return _words("subject_control_verbs")


def characterising_verbs() -> frozenset:
    """Lemmas that are no reporting verbs but take someone's words as their object or complement
    ('liken', 'rate', 'reference')."""
    return _words("characterising_verbs")


def setting_words() -> frozenset:
    """Nouns that make an 'in/at' phrase a setting ('headquarters', 'summit')."""
    return _words("setting_words")


def needs_object_verbs() -> frozenset:
    """Cue lemmas that need a listener ('tell', 'inform'): wording says 'said' for them."""
    return _words("needs_object_verbs")


def irregular_past() -> dict:
    """Lemma -> past tense for the verbs the regular rule gets wrong ('say' -> 'said')."""
    return dict(quote_rules()["irregular_past"])


def title_words() -> frozenset:
    """Words that can sit inside a title before a name ('former', 'deputy', 'u.s.')."""
    return _words("title_words")


def headline_verbs() -> frozenset:
    """Headline words for criticising, praising or saying ('slam', 'rip', 'hail')."""
    return _words("headline_verbs")


def word_nouns() -> frozenset:
    """'word', 'term', 'phrase': nouns that name a word someone uses ('the word “recession”')."""
    return _words("word_nouns")


def word_use_verbs() -> frozenset:
    """'use', 'utter', 'avoid': verbs whose subject uses (or will not use) a word in marks."""
    return _words("word_use_verbs")


def work_nouns() -> frozenset:
    """Words that announce the name of a work ('show', 'book', 'titled')."""
    return _words("work_nouns")
