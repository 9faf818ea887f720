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
    roles: frozenset = frozenset()  # 'president', 'secretary': definite descriptions of a person
    sources: frozenset = frozenset()  # 'official', 'report': nouns that can be a speech verb's subject
    other_senses: frozenset = frozenset()  # 'line', 'address': no speech noun after a common noun ('rail line')
    male_titles: frozenset = frozenset()  # 'mr', 'congressman': a title that says 'he'
    female_titles: frozenset = frozenset()  # 'mrs', 'spokeswoman': a title that says 'she'
    male_names: frozenset = frozenset()  # 'Daniel': US Census 1990 given names, mostly men's
    female_names: frozenset = frozenset()  # 'Grace': mostly women's

    def is_cue_verb(self, token, *, cognition: bool = False) -> bool:
        """Is ``token`` a reporting verb (cognition verbs such as 'believe' only if asked)?"""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        entry = self.verbs.get(token.lemma_.lower())
        if entry is None:
            return False
        return cognition or entry.get("type") == "speech"


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
        as_verbs=frozenset(verbs.get("as_verbs", {}).get("lemmas", [])),
        question_verbs=frozenset(verbs.get("question_verbs", {}).get("lemmas", [])),
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


def work_nouns() -> frozenset:
    """Words that announce the name of a work ('show', 'book', 'titled')."""
    return _words("work_nouns")
