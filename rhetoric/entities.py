"""Entities and the actors behind them.

spaCy's statistical NER is good but inconsistent on news: the same surname is a person in
one sentence and an organisation in the next, capitals are taken for people, a
sentence-initial adjective becomes a name. This layer starts from the model's entities and
applies general corrections, each recorded on the entity (``model_label``, ``rule``) with a
plain-language explanation, so a learner can see what the model said and why the kit
disagrees:

The model's entities are first cut where no name runs (line breaks, scores and figures,
brackets, "v", "at", spaced dashes and commas) and trimmed to their capitalised words. Then
the rules of :data:`RULES` run in order, each a small function named for what it does:

``title``            a name right after a title (``data/titles.json``: "Representative",
                     "Dr", "Councillor") is a person, rebuilt past the title when the model
                     swallowed it ("Councillor Grace" -> "Grace Obi"); a word inside a title is
                     no entity.
``gazetteer``        a name the gazetteer (``data/gazetteer.json``) knows as a country,
                     capital, region or nationality gets that label, in capitals too ("ISRAEL").
``dateline``         the place a story was filed from ("LUBLIN, Poland (AP) —") is a place.
``byline``           the names in a byline or sign-off are people.
``transcript``       a transcript's speaker label ("SEN. ROSALIND ACHTERBERG, FINANCE
                     COMMITTEE:", then "ACHTERBERG:") is a person.
``speaker``          a name the model left unread that speaks ("Okafor replied") is a person.
``given_name``       a given name and a surname the model read as something else are a person
                     when the text treats them as one: a person's noun before it ("the
                     filmmaker Ava DuVernay"), it speaks, or its surname alone is a person
                     (``data/lexicons/first_names.json``; companies named after people stay).
``adjective``        a one-word "person" opening a sentence that reads as an adjective once
                     lower-cased ("Gutsy, covert strikes") is no entity.
``organisation_cue`` a name before an organisation noun ("the Xinhua news agency") or with a
                     company suffix ("Cofinec S.A.") is an organisation, there and in its bare
                     person-labelled mentions (``organisation_cue_rule``, then
                     ``organisation_name_rule`` after ``place_cue``).
``place_cue``        a one-word "person" after "in" is a place. Readings from cues are never
                     overridden by the spreading rules.
``acronym``          an acronym in brackets after a name ("the Federal Open Market Committee
                     (FOMC)") is its short form, with its label, in every mention.
``same_person``      a name the text treats as a person (a full name, a title, a speaker turn,
                     or the model's own majority) is a person in every mention: full,
                     surname-only (hyphenated surnames whole), possessive or titled.
``majority``         any other name keeps the label it has in most of its mentions.
``results_row``      in a sports results row (``layout.results_row``) the sides are teams,
                     countries stay places (national teams), ranked competitors are people.
``team``             the sides of a result ("Leicestershire beat Somerset") are teams
                     (``sports_side_rule``), and in a sports report a team's name is the team in
                     its other mentions (``sports_team_rule``); a club named after a city ("CSKA
                     Moscow") is one organisation (``city_club_rule``).
``headline``         a name in the headline counts only if the body names it.

Actors: every mention links to one canonical actor (a person's fullest name in the text,
a place's gazetteer name, an organisation's name without "the"). Sides come from
``data/actors.json`` for the seed article and are "unknown" elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .data import load_json
from .items import Actor, Entity
from .layout import byline_names, dateline_places, headline_lines, lines, results_row, structure, transcript_labels
from .sides import apply_sides
from .tokenfilter import tokens_with

#: spaCy labels the kit treats as names (dates, numbers and amounts are left out).
NAMED_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}

ACTOR_TYPES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
}

LABEL_WORDS = {
    "PERSON": "a person",
    "GPE": "a country, city or region",
    "LOC": "a place",
    "FAC": "a building or facility",
    "ORG": "an organisation",
    "NORP": "a nationality or group",
    "PRODUCT": "a product",
    "EVENT": "an event",
    "WORK_OF_ART": "a title of a work",
    "LAW": "a law",
}

_LEADING = {"the", "The"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class _Mention:
    start: int  # token index
    end: int
    label: str
    model_label: str | None
    rule: str | None = None
    reason: str = ""
    actor: str | None = None


# --------------------------------------------------------------------------- knowledge


@dataclass(frozen=True)
class Place:
    name: str
    label: str  # GPE, LOC or NORP
    country: str | None
    kind: str


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Surface form -> place, from ``data/gazetteer.json``."""
    data = load_json("gazetteer.json")
    table: dict[str, Place] = {}
    for c in data["countries"]:
        place = Place(c["name"], "GPE", c["name"], "country")
        for form in [c["name"], *c["aliases"]]:
            table[form] = place
        for dem in c["demonyms"]:
            table.setdefault(dem, Place(c["demonyms"][0], "NORP", c["name"], "nationality"))
    for group in ("capitals", "regions"):
        for p in data[group]:
            place = Place(p["name"], "GPE", p["country"], p["kind"])
            for form in [p["name"], *p["aliases"]]:
                table.setdefault(form, place)
    for p in data["world_regions"]:
        table.setdefault(p["name"], Place(p["name"], "LOC", None, p["kind"]))
    return table


@lru_cache(maxsize=1)
def person_names_too() -> frozenset[str]:
    """Place names that are also common given names or surnames (Jordan, Chad, Georgia)."""
    return frozenset(load_json("gazetteer.json").get("also_person_names", []))


@lru_cache(maxsize=1)
def titles() -> list[str]:
    """Titles before names (``data/titles.json``): offices and honorifics, and the false titles of
    news style ("Campaigner Sarah Jones")."""
    spec = load_json("titles.json")
    return list(spec["titles"]) + list(spec.get("false_titles", []))


@lru_cache(maxsize=4)
def _matchers(vocab_id: int, vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for gazetteer names (case-sensitive) and titles (case-insensitive)."""
    from .model import pattern_tokenizer

    tokenizer = pattern_tokenizer(vocab)
    places = PhraseMatcher(vocab, attr="ORTH")
    places.add("PLACE", list(tokenizer.pipe(gazetteer())))
    title_m = PhraseMatcher(vocab, attr="LOWER")
    title_m.add("TITLE", list(tokenizer.pipe(titles())))
    return places, title_m


# --------------------------------------------------------------------------- helpers


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading lower-case words ('the', 'a'), trailing lower-case words ('news agency',
    'province'), possessives and punctuation: names are capitalised."""
    while end - start > 1 and (doc[start].text in _LEADING or doc[start].text.islower()):
        start += 1  # "the", "a", "former": not part of the name
    while end - start > 1 and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
        or doc[end - 1].is_alpha and doc[end - 1].text.islower()  # "Interfax news agency": a description after the name
    ):
        end -= 1
    return start, end


def _name_tokens(span: Span) -> list[str]:
    """The capitalised name words of a span, without initials ('J.', 'D.'); a hyphenated
    surname is one word ("Maria Reyes-Holt" -> "Maria", "Reyes-Holt")."""
    words = [w.strip("-–—") for w in span.text.split()]
    return [w for w in words if w[:1].isupper() and not (len(w) <= 2 and w.endswith("."))]


def _is_sentence_initial(doc: Doc, i: int) -> bool:
    if doc[i].is_sent_start:
        return True
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_punct and doc[j].text in "“\"‘'(["):
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < 0 or doc[j].is_sent_end or "\n" in doc[j].whitespace_


@lru_cache(maxsize=8)
def _dictionary_words(nlp, pos: str) -> frozenset[str]:
    """English words of one part of speech ("adj", "noun") known to the model's own lemmatizer
    (its WordNet-derived index); empty when the model has no such table."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    key = nlp.vocab.strings[pos]
    return frozenset(index.get(key, [])) if key in index else frozenset()


def _adjectives(nlp) -> frozenset[str]:
    return _dictionary_words(nlp, "adj")


def _common_nouns(nlp) -> frozenset[str]:
    return _dictionary_words(nlp, "noun")


def _reads_as_adjective(doc: Doc, i: int, nlp) -> bool:
    """Is the capitalised word at ``i`` an English adjective used as a modifier?

    True when its lower-case form is in the model's adjective index and the next word
    (past commas and 'and') is another adjective or a noun, as in "Gutsy, covert strikes";
    "Young said" keeps its name.
    """
    if doc[i].text.lower() not in _adjectives(nlp):
        return False
    j = i + 1
    while j < len(doc) and (doc[j].text in {",", "and", "-", "–"}):
        j += 1
    return j < len(doc) and doc[j].pos_ in {"ADJ", "NOUN"}


# --------------------------------------------------------------------------- the layer


def find_entities(doc: Doc, text: str, nlp=None) -> tuple[list[Entity], dict[str, Actor]]:
    """Named entities of ``doc`` with the kit's corrections, and the actors they refer to."""
    entities, actors, _ = find_entities_with_dropped(doc, text, nlp)
    return entities, actors


def find_entities_with_dropped(doc: Doc, text: str, nlp=None):
    """Like ``find_entities``, plus the model's entities the kit rejected (with reasons).

    The layer is an ordered list of rules (:data:`RULES`), each a small function named for
    the rule it implements, reading and correcting one shared :class:`_Reading`.
    """
    if nlp is None:
        from .model import load_nlp

        nlp = load_nlp()
    reading = _Reading(doc, text, nlp)
    for rule in RULES:
        rule(reading)
    ordered = sorted(reading.mentions.values(), key=lambda m: m.start)
    actors = _link_actors(doc, ordered, reading.names, reading.gaz)
    apply_sides(actors, text)
    entities = [_to_entity(doc, text, m) for m in ordered]
    dropped_items = [_to_entity(doc, text, m) for m in reading.dropped]
    return entities, actors, dropped_items


class _Reading:
    """What the rules share: the parse, the mentions found so far and those rejected."""

    def __init__(self, doc: Doc, text: str, nlp):
        self.doc, self.text, self.nlp = doc, text, nlp
        self.mentions: dict[tuple[int, int], _Mention] = {}
        self.dropped: list[_Mention] = []
        self.gaz = gazetteer()
        self.doc_text = doc.text
        #: token texts, read once: rules scan these and touch ``doc`` only at candidates
        self.words = [t.text for t in doc]
        self.structure = structure(self.doc_text)
        self.names: dict[str, _PersonName] = {}
        self.headlines = headline_lines(self.doc_text)
        #: the names of the sides of results (sports_side_rule), for the sports rules after it
        self.teams: set[str] = set()

    @cached_property
    def is_sports_report(self) -> bool:
        """At least three sport nouns ("match", "innings", "league") make a text a sports report."""
        return _is_sports_report(self.doc, _sport()[1])

    def add(self, m: _Mention) -> None:
        """Put ``m`` in, replacing every mention it overlaps."""
        for old in _overlapping(self.mentions, m.start, m.end):
            del self.mentions[(old.start, old.end)]
        self.mentions[(m.start, m.end)] = m

    def model_label_at(self, start: int, end: int) -> str | None:
        return next((m.model_label for m in _overlapping(self.mentions, start, end)), None)


def model_entities(r: _Reading) -> None:
    """The model's named entities, cut at line breaks and separators, and trimmed."""
    doc = r.doc
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        for s1, e1 in _split_at_line_breaks(doc, ent.start, ent.end):
            for s0, e0 in _split_at_separators(doc, s1, e1):
                s, e = _trim(doc, s0, e0)
                while e - s > 1 and doc[s].text[:1] in "-–—" and _titles_lower().get(doc[s].text.lstrip("-–—").lower().rstrip(".")):
                    s += 1  # "-Commissioner Rafael Ostrowski": a press-release sign-off's dash and title
                if e - s > _MAX_NAME_TOKENS:
                    continue  # a runaway span (a list or a headline run together), not a name
                if not any(c.isalpha() for c in doc[s:e].text):
                    continue
                r.mentions[(s, e)] = _Mention(s, e, ent.label_, ent.label_)


def title_rule(r: _Reading) -> None:
    """The name after a title is a person; words inside a title are no entity."""
    doc, mentions = r.doc, r.mentions
    _, titles_m = _matchers(id(doc.vocab), doc.vocab)
    title_spans = _longest([doc[s:e] for _, s, e in titles_m(doc)])
    for t in title_spans:
        for m in _overlapping(mentions, t.start, t.end):
            inside = m.start >= t.start and m.end <= t.end and (m.end - m.start) < len(t)
            bare = m.start == t.start and m.end == t.end and _name_follows(doc, t.end)
            if (inside and m.label != "PERSON") or bare:
                r.dropped.append(_replace(m, None, "title", f"'{doc[m.start:m.end].text}' is part of the title '{t.text}', not a name"))
                del mentions[(m.start, m.end)]
        if _titled_name(r, t):
            continue
        nxt = [m for m in _overlapping(mentions, t.end, t.end + 1) if m.start == t.end]
        for m in nxt:
            span = doc[m.start : m.end]
            if span.text in r.gaz and len(span) == 1:
                continue
            if m.label != "PERSON":
                m.rule, m.label = "title", "PERSON"
                m.reason = f"it follows the title '{t.text}'"


_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "-", "’s"})


def _name_follows(doc: Doc, i: int) -> bool:
    """A capitalised word follows at token ``i``: the title before it ("Campaigner" in
    "Campaigner Sarah Jones") is no name of its own."""
    return i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha


def _quoted_nickname(doc: Doc, i: int) -> bool:
    """Tokens ``i..i+2`` are a one-word nickname in quotation marks followed by more of the name:
    ``Dolores “Lolo” Fuentes``."""
    if i + 3 >= len(doc):
        return False
    mark, word, close, after = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
    return (mark.is_quote and close.is_quote and word.text[:1].isupper() and word.is_alpha
            and after.text[:1].isupper() and after.is_alpha)


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Titles that only ever stand before a person's name ('Mr', 'Mrs', 'Dr', 'Councillor'):
    the gendered titles of ``data/titles.json`` and its ``honorifics``."""
    titles = load_json("titles.json")
    return frozenset(titles["male"]) | frozenset(titles["female"]) | frozenset(titles.get("honorifics", []))


def _honorific(t: Span) -> bool:
    return len(t) == 1 and t[0].lower_.rstrip(".") in _honorifics()


def _titled_name(r: _Reading, t: Span) -> bool:
    """A capitalised title followed by capitalised words: those words are one person's name.

    "Councillor Grace Obi", "Dr Ewan Tasker", "Mr Justice McAllister" (the second title
    is read on its own). The model often swallows the title and drops the surname
    ("Councillor Grace"): the name is rebuilt from the words after the title. Nothing is done
    when the title begins a longer name the model reads as something else ("General Motors").
    Returns whether a name was set."""
    doc = r.doc
    if not t.text[:1].isupper() or _in_headline(t, r.headlines):
        return False  # in a headline every word is capitalised: the name's end is unknown
    before = [m for m in _overlapping(r.mentions, t.start, t.end) if m.start <= t.start and m.end > t.end]
    if any(m.label != "PERSON" for m in before) and not _honorific(t):
        return False  # ('General Motors'; but 'Mr Tunde Bakare', 'Councillor Niamh Rafferty' the model read as ORG are people)
    end = t.end
    while end < len(doc) and end - t.end < 5 and not (end > t.end and doc[end].is_sent_start):
        tok = doc[end]
        glued = tok.text in _PARTICLES and end > t.end and not doc[end - 1].whitespace_ and tok.whitespace_ == ""
        if tok.text[:1].isupper() and tok.is_alpha or glued or (tok.text in _PARTICLES - {"-", "’s"} and end > t.end):
            end += 1
        elif end > t.end and _quoted_nickname(doc, end):
            end += 3  # 'Rep. Dolores "Lolo" Fuentes': a nickname in quotation marks inside the name
        else:
            break
    while end > t.end and doc[end - 1].text in _PARTICLES:
        end -= 1
    if end == t.end or doc[t.end : end].text in r.gaz:
        return False
    if _titles_lower().get(doc[t.end].text.lower().rstrip(".")):
        return False  # "Mr Justice McAllister": the next title names the person
    old = _overlapping(r.mentions, t.start, end)
    if any(m.start == t.end and m.end == end and m.label == "PERSON" for m in old):
        return True
    r.add(_Mention(t.end, end, "PERSON", r.model_label_at(t.start, end), "title", f"it follows the title '{t.text}'"))
    return True


@lru_cache(maxsize=1)
def _titles_lower() -> dict[str, str]:
    return {t.lower().rstrip("."): t for t in titles()}


def gazetteer_rule(r: _Reading) -> None:
    """Countries, capitals, regions and nationalities the kit's gazetteer knows."""
    doc, mentions, gaz = r.doc, r.mentions, r.gaz
    places_m, _ = _matchers(id(doc.vocab), doc.vocab)
    also_person = person_names_too()
    for _, s, e in places_m(doc):
        span = doc[s:e]
        place = gaz[span.text]
        overlapping = _overlapping(mentions, s, e)
        if any((m.end - m.start) > (e - s) and (m.start < s or m.end > e) for m in overlapping):
            continue  # part of a longer name ("Moscow State University", "Jordan Peterson")
        for m in overlapping:
            if m.label == place.label:
                continue
            if m.label == "PERSON" and span.text in also_person:
                continue
            del mentions[(m.start, m.end)]
        if (s, e) not in mentions:
            old = next((m.model_label for m in overlapping), None)
            what = place.kind if place.label != "NORP" else f"nationality ({place.country})"
            reason = f"the kit's gazetteer lists '{span.text}' as a {what}"
            mentions[(s, e)] = _Mention(s, e, place.label, old, "gazetteer", reason)


@lru_cache(maxsize=1)
def _gazetteer_folded() -> dict[str, str]:
    """Case-folded gazetteer name -> the name as the gazetteer spells it (for text in capitals)."""
    return {form.casefold(): form for form in gazetteer() if sum(c.isalpha() for c in form) >= 3}


def capitals_gazetteer_rule(r: _Reading) -> None:
    """In text set in capitals ("SOCCER - ISRAEL BEAT BULGARIA", "GERMANY - Bunds fell") a
    word that spells a gazetteer name is that place: capitals hide the case the model reads."""
    doc, folded, words = r.doc, _gazetteer_folded(), r.words
    i = 0
    while i < len(words):
        if not _caps_text(words[i]):
            i += 1
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(words) or not all(_caps_text(w) or w in {"-", "."} for w in words[i : i + n]):
                continue
            span = doc[i : i + n]
            form = folded.get(span.text.casefold())
            if form is None or span.text == form:
                continue
            longer = [m for m in _overlapping(r.mentions, i, i + n) if m.end - m.start > n and m.label in {"ORG", "PERSON"}]
            if longer:
                break
            place = r.gaz[form]
            r.add(_Mention(i, i + n, place.label, r.model_label_at(i, i + n), "gazetteer",
                           f"'{span.text}' is '{form}' set in capitals, which the kit's gazetteer lists as a {place.kind}"))
            i += n - 1
            break
        i += 1


def _caps_text(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def dateline_rule(r: _Reading) -> None:
    """The place a story was filed from ("LUBLIN, Poland (AP) —", "BELGRADE 1996-08-30") is a place."""
    for a, b in dateline_places(r.doc_text):
        span = r.doc.char_span(a, b, alignment_mode="contract")
        if span is None or not len(span):
            continue
        place = r.gaz.get(span.text) or r.gaz.get(_gazetteer_folded().get(span.text.casefold(), ""))
        label = place.label if place and place.label != "NORP" else "GPE"
        r.add(_Mention(span.start, span.end, label, r.model_label_at(span.start, span.end), "dateline",
                       f"'{span.text}' is in the dateline, the place the story was filed from"))


def byline_rule(r: _Reading) -> None:
    """The names in a byline or sign-off ("By MARTA KOVALENKO and DEREK ASHWORTH") are people."""
    for a, b in byline_names(r.doc_text):
        span = r.doc.char_span(a, b, alignment_mode="contract")
        if span is None or not len(span):
            continue
        r.add(_Mention(span.start, span.end, "PERSON", r.model_label_at(span.start, span.end), "byline",
                       f"'{span.text}' is named in the byline, the writers of the story"))


#: Kinds of results row whose names are sides (teams), not people.
_SIDE_ROWS = {"score", "standing", "fixture"}
_NOT_IN_NAMES = frozenset({"AT", "v", "vs", "vs.", "V"})


def results_row_rule(r: _Reading) -> None:
    """Names in a sports results row are its sides: teams are organisations.

    In a score, standings or fixture row ("Lotte 6 Hyundai 2", "Stoke 4 3 1 0 7 4 10",
    "BOSTON AT OAKLAND") every name is a side. A side named after a country is the national
    team, which news annotation keeps as the country (a place); a side named after a city,
    county or state ("BOSTON", "Leicestershire") is a club, an organisation. In a ranked row
    ("4. Yekaterina Podkopayeva ( Russia ) 4:09.25") the name after the placing is a
    competitor, a person, a name in brackets after it the competitor's country, and a later
    name the competitor's team or sponsor. On any other line with figures, two to four
    capitalised words before a country in brackets ("Marion Clignet ( France ) beat ...") are
    a competitor and the country's."""
    doc, text = r.doc, r.doc_text
    for a, b in lines(text):
        kind = results_row(text[a:b])
        if kind is None:
            if any(c.isdigit() for c in text[a:b]):
                _competitors_with_countries(r, a, b)
            continue
        row = doc.char_span(a, b, alignment_mode="contract")
        if row is None:
            continue
        for k, (s, e) in enumerate(_name_runs(doc, row.start, row.end)):
            span = doc[s:e]
            place = _place_of(r, span.text)
            existing = [m for m in _overlapping(r.mentions, s, e)]
            said_person = any(m.model_label == "PERSON" and m.start <= s and m.end >= e for m in existing)
            bracketed = s > 0 and doc[s - 1].text == "(" and e < len(doc) and doc[e].text == ")"
            if place is not None and place.kind == "country":
                label, why = place.label, f"'{span.text}' is a country named as a side in a results row (its national team)"
            elif kind == "ranked" and bracketed and e - s <= 2:
                label, why = "GPE", f"'{span.text}' is in brackets after a ranked competitor: the competitor's country"
            elif kind == "ranked" and (k == 0 or (e < len(doc) and doc[e].text == "(")):
                label, why = "PERSON", f"'{span.text}' is the competitor placed in a ranked results row"
            elif said_person and len(_name_tokens(span)) >= 2:
                label, why = "PERSON", ""
            else:
                label, why = "ORG", f"'{span.text}' is a side in a sports results row ({kind}): a team, an organisation"
            if any(m.start == s and m.end == e and m.label == label for m in existing):
                continue
            r.add(_Mention(s, e, label, r.model_label_at(s, e), "results_row", why))


def _competitors_with_countries(r: _Reading, a: int, b: int) -> None:
    doc = r.doc
    row = doc.char_span(a, b, alignment_mode="contract")
    if row is None:
        return
    for s, e in _name_runs(doc, row.start, row.end):
        if not (2 <= e - s <= 4 and e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")"):
            continue
        country = _place_of(r, doc[e + 1].text)
        if country is None or country.kind != "country" or _place_of(r, doc[s:e].text):
            continue
        if any(m.start == s and m.end == e and m.label == "PERSON" for m in _overlapping(r.mentions, s, e)):
            continue
        r.add(_Mention(s, e, "PERSON", r.model_label_at(s, e), "results_row",
                       f"'{doc[s:e].text}' is a competitor named with a country in brackets"))


def _place_of(r: _Reading, surface: str) -> Place | None:
    form = surface if surface in r.gaz else _gazetteer_folded().get(surface.casefold())
    return r.gaz.get(form) if form else None


def _name_runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the runs of capitalised words in ``[start, end)`` (dates and figures left out)."""
    runs, s = [], None
    for i in range(start, end + 1):
        tok = doc[i] if i < end else None
        glued = (  # "Djate-Taillard": a hyphen inside a name
            tok is not None and tok.text in {"-", "–"} and s is not None and not doc[i - 1].whitespace_
            and not tok.whitespace_ and i + 1 < end and doc[i + 1].text[:1].isupper()
        )
        is_name = glued or (
            tok is not None
            and tok.text[:1].isupper()
            and tok.text not in _NOT_IN_NAMES
            and tok.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
        )
        if is_name and s is None:
            s = i
        elif not is_name and s is not None:
            runs.append((s, i))
            s = None
    return runs


def transcript_rule(r: _Reading) -> None:
    """The speaker label of a transcript line is a person ("SEN. ROSALIND ACHTERBERG, FINANCE
    COMMITTEE:", then "ACHTERBERG:").

    A label of two to four words is a person when a title opens it, when the model reads it
    as a person, or when its last word opens another line alone; a one-word label is a person
    when it is the surname of such a label. Role labels ("HOST:", "Q:") and places are not."""
    doc = r.doc
    labels = []
    for a, b in transcript_labels(r.doc_text):
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None or not len(span):
            continue
        s = span.start
        titled = False
        while s < span.end and (_titles_lower().get(doc[s].text.lower().rstrip(".")) or doc[s].text == "."):
            titled = titled or doc[s].text != "."
            s += 1
        if s < span.end:
            labels.append((s, span.end, titled))
    alone = Counter(doc[s:e].text for s, e, _ in labels if e - s == 1)
    surnames = set()
    for s, e, titled in labels:
        words = doc[s:e].text.split()
        said_person = r.model_label_at(s, e) == "PERSON" or words[0].lower() in _given_names()
        if len(words) >= 2 and _place_of(r, doc[s:e].text) is None and (titled or said_person or alone[words[-1]]):
            surnames.add(words[-1])
            r.add(_Mention(s, e, "PERSON", r.model_label_at(s, e), "transcript",
                           f"'{doc[s:e].text}' labels a speaker's turn in a transcript"))
    for s, e, _ in labels:
        if e - s == 1 and doc[s].text in surnames:
            r.add(_Mention(s, e, "PERSON", r.model_label_at(s, e), "transcript",
                           f"'{doc[s].text}' labels a speaker's turn, the surname of a speaker named in full"))


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    verbs = load_json("lexicons", "reporting_verbs.json")["verbs"]
    return frozenset(v for v, spec in verbs.items() if spec.get("type") == "speech")


def speaking_name_rule(r: _Reading) -> None:
    """A name that speaks is a person: a capitalised proper noun the model left unlabelled
    that is the subject of a speech verb ("“It was never alive,” Okafor replied.", "said Ruiz").

    Names the model reads as something else ("Reuters said") are left alone: organisations speak too."""
    doc = r.doc
    verbs = _speech_verbs()
    full_names = {w for m in r.mentions.values() if m.label == "PERSON" for w in _name_tokens(doc[m.start : m.end])[1:]}
    orgs = _local_cues()[0]
    org_named = {r.words[i] for i in _org_cue_positions(r, orgs) if _org_noun_after(doc, i + 1, orgs)}
    # a common noun capitalised by a headline or a sentence start ("Governor Says ...", when the
    # body writes "the governor") or a bare title is no name
    lower_words = {w for w in r.words if w.islower()}
    for i, word in enumerate(r.words):
        if not (word[:1].isupper() and word.isalpha() and not word.isupper()):
            continue
        tok = doc[i]
        capital_by_position = tok.is_sent_start or _in_headline(doc[i : i + 1], r.headlines)
        if word.lower() in _titles_lower() or (capital_by_position and word.lower() in lower_words):
            continue
        # ('Okonkwo disagreed': a sentence-initial name the tagger read as a common noun, though
        # no dictionary knows it as one)
        unknown_noun = (tok.pos_ == "NOUN" and tok.tag_ == "NN" and capital_by_position
                        and not {word.lower(), tok.lemma_.lower()} & _common_nouns(r.nlp))
        if (
            (tok.pos_ == "PROPN" or unknown_noun)
            and tok.dep_ == "nsubj"
            and tok.head.lemma_ in verbs
            and tok.text[:1].isupper()
            and not tok.text.isupper()
            and tok.is_alpha
            and not tok.ent_type_
            and tok.text not in r.gaz
            and tok.text not in org_named  # "the Ruch newsstand chain ... Ruch says": an organisation speaks
            and tok.text not in full_names  # a surname of a person named in full: same_person says so
            and not any(c.dep_ == "appos" for c in tok.children)
        ):
            start = _given_names_before(doc, tok)
            if start is None or _overlapping(r.mentions, start, tok.i + 1) or any(
                    t.lower_ in orgs for t in doc[start:tok.i + 1]):  # ('The Kano Traders Association condemns')
                continue  # "Union … president Tricia Halvorsen said": a title, not a given name, before it
            r.mentions[(start, tok.i + 1)] = _Mention(
                start, tok.i + 1, "PERSON", None, "speaker",
                f"'{doc[start:tok.i + 1].text}' is the one who {tok.head.text} something: a name that speaks is a person")


def _given_names_before(doc, tok) -> int | None:
    """Where the name ``tok`` ends starts: ``tok`` itself, or the capitalised proper nouns right
    before it that are its compounds ('Máire Dolan told'); ``None`` when another word is a compound
    of it (a title or a common noun: 'Union local president Tricia Halvorsen said')."""
    kids = [c for c in tok.children if c.dep_ == "compound" and "\n" not in doc[c.i:tok.i].text]
    # (a parse that runs a headline into the body across the line break is not a name's compound)
    if not kids:
        return tok.i
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
        start -= 1
    run = doc[start:tok.i]
    ok = all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and not t.ent_type_
             and t.lower_ not in _titles_lower() for t in run)
    return start if ok and len(run) == len(kids) and len(run) <= 2 else None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    names = load_json("lexicons", "first_names.json")
    return frozenset(n.lower() for n in names["female"] + names["male"])


_NOT_A_PERSON_LABELS = ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART")


def given_name_rule(r: _Reading) -> None:
    """A given name and a surname are a person when the text treats them as one: the model read
    "Ava DuVernay" as an organisation, but "the filmmaker Ava DuVernay" has a person's noun before
    it, and "Ava DuVernay said" speaks. Given names: ``data/lexicons/first_names.json`` (US
    Census 1990). A name the gazetteer knows, or one before an organisation noun, stays."""
    doc = r.doc
    given = _given_names()
    verbs = _speech_verbs()
    orgs = _local_cues()[0]
    for key, m in list(r.mentions.items()):
        span = doc[m.start : m.end]
        if m.label not in _NOT_A_PERSON_LABELS or not 2 <= len(span) <= 3:
            continue
        if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() for t in span):
            continue
        if span[0].lower_ not in given or span.text in r.gaz or span[0].text in r.gaz or span.text in _named_after_people():
            continue
        if _org_noun_after(doc, m.end, orgs) is not None:
            continue
        why = _person_evidence(span, verbs) or _surname_is_a_person(r, span)
        if why:
            r.mentions[key] = _replace(m, "PERSON", "given_name",
                                       f"'{span[0].text}' is a given name and {why}: a person")


def apposition_rule(r: _Reading) -> None:
    """A name in apposition to a person's noun is a person, whatever the model made of it or
    missed: "The Minister for Agriculture, Saoirse Ní Bhriain, said", "the club's chairwoman,
    Folasade Akande," (a run of capitalised words right after the noun and its comma)."""
    doc = r.doc
    orgs = _local_cues()[0]
    for tok in doc:
        if tok.text != "," or tok.i < 1 or tok.i + 1 >= len(doc):
            continue
        head = doc[tok.i - 1]
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
            head = head.head.head  # 'The Minister for Agriculture,': the phrase's head noun
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in _apposition_nouns():
            continue  # (a role, a title or a relative: 'the developer, Kilcrea Homes,' is a company)
        start = end = tok.i + 1
        while end < len(doc) and end - start < 4 and doc[end].text[:1].isupper() and doc[end].is_alpha \
                and not doc[end].is_sent_start and doc[end].pos_ in ("PROPN", "X", "NOUN", "ADJ"):
            end += 1
        if end - start < 2 or end >= len(doc) or doc[end].text not in (",", ")") and doc[end].pos_ not in ("VERB", "AUX"):
            continue  # a name of two words or more, closed by a comma or followed by the verb
        if any(m.label == "PERSON" for m in _overlapping(r.mentions, start, end)) or any(
                t.lower_ in orgs or t.text in r.gaz for t in doc[start:end]):
            continue  # ('The company’s director, Acme Holdings,': an organisation's noun in the name)
        for m in _overlapping(r.mentions, start, end):
            del r.mentions[(m.start, m.end)]
        r.mentions[(start, end)] = _Mention(start, end, "PERSON", None, "apposition",
                                            f"'{doc[start:end].text}' stands in apposition to '{head.text}', a person")


@lru_cache(maxsize=1)
def _apposition_nouns() -> frozenset[str]:
    """Nouns a person's name stands in apposition to: roles (``roles.json``), gendered titles and
    relatives (``titles.json``)."""
    titles = load_json("titles.json")
    return (_role_nouns() | frozenset(titles["male"]) | frozenset(titles["female"])
            | frozenset(titles["kin_male"]) | frozenset(titles["kin_female"]))


def _person_evidence(span: Span, verbs) -> str:
    """Why the text treats ``span`` as a person: it speaks, or a person's noun stands before it."""
    head = span.root
    if head.dep_ == "nsubj" and head.head.lemma_ in verbs:
        return f"'{span.text}' {head.head.text} something"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.tag_ == "NN" and before.is_lower and _person_noun(before):
        return f"'{before.text}' stands before the name"
    return ""


@lru_cache(maxsize=1)
def _named_after_people() -> frozenset[str]:
    return frozenset(load_json("lexicons", "organisation_cues.json")["named_after_people"])


def _surname_is_a_person(r: _Reading, span: Span) -> str:
    """"Brian Cole met Grace Obi. Obi said …": elsewhere the surname alone is a person."""
    surname = span[-1].text
    for m in r.mentions.values():
        if m.label == "PERSON" and m.end - m.start == 1 and r.words[m.start] == surname and m.start != span.end - 1:
            return f"'{surname}' is a person elsewhere in the text"
    return ""


def _person_noun(tok) -> bool:
    """A noun for a person ("filmmaker", "economist", "director"): a role of
    ``data/lexicons/roles.json`` or an agent-noun ending."""
    low = tok.lower_
    return low in _role_nouns() or low.endswith(_PERSON_SUFFIXES)


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(load_json("lexicons", "roles.json")["roles"])


_PERSON_SUFFIXES = ("maker", "writer", "er", "or", "ist", "ian", "ant", "ent")


def adjective_rule(r: _Reading) -> None:
    """A one-word "person" opening a sentence that reads as an adjective is no entity."""
    doc = r.doc
    person_surfaces = _person_surfaces(doc, r.mentions)
    for key, m in list(r.mentions.items()):
        span = doc[m.start : m.end]
        if (
            m.label == "PERSON"
            and m.rule is None
            and len(span) == 1
            and _is_sentence_initial(doc, m.start)
            and span.text not in person_surfaces["strong"]
            and _reads_as_adjective(doc, m.start, r.nlp)
        ):
            r.dropped.append(_replace(m, None, "adjective", f"'{span.text}' opens the sentence, where every word is capitalised, and is the English adjective '{span.text.lower()}' describing the words after it"))
            del r.mentions[key]


@lru_cache(maxsize=1)
def _local_cues() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lexicons", "organisation_cues.json")
    return frozenset(data["organisation_nouns"]), frozenset(data["place_prepositions"])


def organisation_cue_rule(r: _Reading) -> None:
    """A cue right beside a name decides that mention, whatever the name's other mentions say:
    "the Xinhua news agency", "the Ruch newsstand chain", "Cofinec CEO": a name followed (within
    two words) by an organisation noun is an organisation. Mentions read this way keep their
    reading when one reading per name is spread over the document (:func:`same_person_rule`
    and :func:`majority_rule` skip them)."""
    doc = r.doc
    orgs = _local_cues()[0]
    for m in list(r.mentions.values()):
        if m.rule is not None:
            continue
        span = doc[m.start : m.end]
        if m.label in {"PERSON", "ORG"} and m.rule is None and _org_noun_after(doc, m.end, orgs):
            # places and nationalities before such a noun stay places ("the U.S. government")
            m.label, m.rule = "ORG", "organisation_cue"
            m.reason = f"'{span.text}' names the {doc[m.end:_org_noun_after(doc, m.end, orgs)].text.lower()}: an organisation"


def place_cue_rule(r: _Reading) -> None:
    """"in Longyear": a one-word name the model calls a person, right after a place
    preposition, is a place (and keeps that reading, as an organisation cue's does)."""
    doc = r.doc
    preps = _local_cues()[1]
    for m in list(r.mentions.values()):
        if m.rule is not None:
            continue
        span = doc[m.start : m.end]
        if (
            m.label == "PERSON"
            and m.rule is None
            and len(span) == 1
            and m.start > 0
            and doc[m.start - 1].lower_ in preps
            and (m.end >= len(doc) or doc[m.end].text not in _POSSESSIVE)
        ):
            m.label, m.rule = "GPE", "place_cue"
            m.reason = f"'{span.text}' follows '{doc[m.start - 1].text}', as a place does"


def organisation_name_rule(r: _Reading) -> None:
    """A name the text gives as an organisation ("Cofinec S.A.", "the Voxa news agency") is that
    organisation in its bare "person" mentions; a proper noun the model left unread before an
    organisation noun ("the Ruch newsstand chain") is one."""
    doc = r.doc
    orgs = _local_cues()[0]
    _spread_organisation_names(r, orgs)
    for i in _org_cue_positions(r, orgs):  # "the Ruch newsstand chain": a proper noun the model left unread
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and not tok.ent_type_ \
                and not _overlapping(r.mentions, tok.i, tok.i + 1) and tok.text not in r.gaz:
            stop = _org_noun_after(doc, tok.i + 1, orgs)
            if stop is not None and not _titles_lower().get(tok.lower_):
                r.mentions[(tok.i, tok.i + 1)] = _Mention(tok.i, tok.i + 1, "ORG", None, "organisation_cue",
                                                          f"'{tok.text}' names the {doc[tok.i + 1:stop].text.lower()}: an organisation")


def _spread_organisation_names(r: _Reading, orgs) -> None:
    """A name the text gives as an organisation with a company suffix or cue ("Cofinec S.A.",
    "the Voxa news agency") is that organisation in its bare mentions the model calls a person."""
    doc = r.doc
    names = set()
    for m in r.mentions.values():
        if m.label != "ORG":
            continue
        words = r.words[m.start : m.end]
        if m.rule == "organisation_cue":
            names.add(" ".join(words))
        elif len(words) >= 2 and words[-1].lower() in orgs and words[-1][:1].isupper():
            names.add(" ".join(words[:-1]))
    if not names:
        return
    for m in r.mentions.values():
        surface = doc[m.start : m.end].text
        if m.label == "PERSON" and m.rule is None and surface in names:
            m.label, m.rule = "ORG", "organisation_cue"
            m.reason = f"'{surface}' is named as an organisation elsewhere in this text"


def _org_cue_positions(r: _Reading, orgs) -> list[int]:
    """Indices of capitalised words with an organisation noun one or two words on (candidates)."""
    words = r.words
    return [
        i for i, w in enumerate(words)
        if w[:1].isupper() and (i + 1 < len(words) and words[i + 1].lower() in orgs or i + 2 < len(words) and words[i + 2].lower() in orgs)
    ]


def _org_noun_after(doc: Doc, end: int, orgs) -> int | None:
    """Token end of an organisation noun right after a name ("Xinhua news agency": 2 words on)."""
    for k in (end, end + 1):
        if k >= len(doc) or doc[k].is_punct or doc[k].text[:1].isupper() and doc[k].lower_ not in orgs:
            return None
        if doc[k].lower_ in orgs:
            return k + 1
        if doc[k].pos_ not in {"NOUN", "PROPN"}:
            return None
    return None


@lru_cache(maxsize=1)
def _sport() -> tuple[dict[str, str | None], frozenset[str]]:
    data = load_json("lexicons", "sport.json")
    return dict(data["result_verbs"]), frozenset(data["sport_nouns"])


@lru_cache(maxsize=1)
def _sport_verbs_lower() -> frozenset[str]:
    """The result verbs in lower case (the token filter compares lemmas in lower case)."""
    return frozenset(v.lower() for v in _sport()[0])


def _is_country(r: _Reading, surface: str) -> bool:
    place = _place_of(r, surface)
    return place is not None and (place.kind == "country" or place.label == "NORP")


def sports_side_rule(r: _Reading) -> None:
    """A name that is a side in a result is a team: "Leicestershire beat Somerset", "Essex drew
    with Kent", "Yorkshire lost to Surrey" (data: ``lexicons/sport.json``).

    Both sides must be names: the subject of a result verb and its object (or the name after
    "with"/"to"). A side named after a country stays the country (its national team, as news
    annotation has it); a person named in full stays a person ("Sampras beat Agassi" reads
    the players). The teams found, and the sides of results rows, are ``r.teams`` for
    :func:`sports_team_rule` and :func:`city_club_rule`."""
    doc = r.doc
    verbs = _sport()[0]
    teams = r.teams
    for i in tokens_with(doc, lemma=_sport_verbs_lower(), pos=("VERB",)):
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.lemma_ not in verbs:
            continue
        prep = verbs[tok.lemma_]
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if prep is None:
            obj = [c for c in tok.children if c.dep_ == "dobj"]
        else:
            obj = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]
        if not subj or not obj:
            continue
        sides = [_side_at(r, subj[0]), _side_at(r, obj[0])]
        if any(m is None for m in sides):
            continue
        if all(m.model_label is None and m.rule == "team" and not m.reason for m in sides):
            for m in sides:  # two names the model left unread ("Graf beat Seles"): players or teams, unknown
                del r.mentions[(m.start, m.end)]
            continue
        # the two sides of a result are of one kind: two one-word "persons" are players
        # ("Sampras beat Agassi"); a place, club or unread name on either side makes both teams
        if all(m.label == "PERSON" for m in sides):
            continue
        for m in sides:
            surface = doc[m.start : m.end].text
            if _is_country(r, surface) or m.label == "NORP" or len(_name_tokens(doc[m.start : m.end])) >= 2 and m.label == "PERSON":
                continue
            teams.add(surface)
            _set_team(r, m, f"'{surface}' is a side in a result ('{tok.text}'): a team, an organisation")
    for m in r.mentions.values():
        if m.rule == "results_row" and m.label == "ORG":
            teams.add(doc[m.start : m.end].text)


def sports_team_rule(r: _Reading) -> None:
    """In a sports report, the other mentions of a team's name (:func:`sports_side_rule`) are
    the team too, unless a place preposition reads them as the place ("in Leicester")."""
    if not r.teams or not r.is_sports_report:
        return
    doc, teams = r.doc, r.teams
    _preps = _local_cues()[1] | {"at", "from", "to"}
    for m in list(r.mentions.values()):
        surface = doc[m.start : m.end].text
        if surface in teams and m.label != "ORG" and m.rule not in _CUE_RULES and not (m.start and doc[m.start - 1].lower_ in _preps):
            _set_team(r, m, f"'{surface}' is a team elsewhere in this sports report")


def _side_at(r: _Reading, tok) -> _Mention | None:
    """The name at ``tok``: its mention, or a new one for a proper noun the model left unread."""
    found = _overlapping(r.mentions, tok.i, tok.i + 1)
    if found:
        return found[0]
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_:
        return None
    start = tok.i
    while start > 0 and r.doc[start - 1].dep_ == "compound" and r.doc[start - 1].pos_ == "PROPN":
        start -= 1
    m = _Mention(start, tok.i + 1, "ORG", None, "team", "")
    r.mentions[(m.start, m.end)] = m
    return m


def _set_team(r: _Reading, m: _Mention, reason: str) -> None:
    if m.label != "ORG" or not m.reason:
        m.label, m.rule, m.reason = "ORG", "team", reason


def _is_sports_report(doc: Doc, nouns) -> bool:
    """At least three sport nouns ("match", "innings", "league") make a text a sports report."""
    return sum(t.lemma_.lower() in nouns for t in doc if t.pos_ == "NOUN") >= 3


def city_club_rule(r: _Reading) -> None:
    """In a sports report with teams, a capitalised word right before a city ("CSKA Moscow",
    "Dynamo Kiev", "Rotor Volgograd") names a club with the city: one organisation, not a place.
    A club word after a name ("Leeds United", "Norwich City": ``club_words`` in
    ``data/lexicons/sport.json``) does so in any sentence about a match (a result verb, a score,
    a sport noun). (The word-before-a-city reading in single sentences cost 5 correct entities
    on CoNLL-2003 dev, so it waits for a whole sports report.)"""
    doc = r.doc
    whole_report = bool(r.teams) and r.is_sports_report
    club_words = _club_words()
    for m in list(r.mentions.values()):
        if m.label not in {"GPE", "LOC", "PERSON", "ORG"}:
            continue
        match = whole_report or _about_a_match(doc[m.start].sent)
        if match and _club_after_city(r, m, club_words):
            continue
        if not whole_report:
            continue  # (a word before a city names a club only in a whole sports report)
        city = _place_of(r, doc[m.end - 1].text)
        if city is None or city.kind == "country":
            continue
        start, end = m.start, m.end
        if end - start == 1:  # "CSKA" + "Moscow": the model left the club's first word out
            prev = doc[start - 1] if start else None
            if prev is None or not (prev.text[:1].isupper() and prev.is_alpha) or _place_of(r, prev.text) \
                    or _titles_lower().get(prev.lower_) or prev.ent_type_ in {"DATE", "TIME"} or prev.pos_ != "PROPN":
                continue
            start -= 1
        elif any(_place_of(r, t.text) for t in doc[start : end - 1]):
            continue
        if m.label == "ORG" and (start, end) == (m.start, m.end):
            continue
        r.add(_Mention(start, end, "ORG", r.model_label_at(start, end), "team",
                       f"'{doc[start:end].text}' is a club named after a city, in a sports report"))


@lru_cache(maxsize=1)
def _club_words() -> frozenset[str]:
    return frozenset(load_json("lexicons", "sport.json").get("club_words", []))


_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")


def _about_a_match(sent) -> bool:
    """A sentence about a match: a result verb, a score ("2-1") or a sport noun."""
    verbs, nouns = _sport()
    return any(t.lemma_ in verbs and t.pos_ == "VERB" or _SCORE.match(t.text) or t.pos_ == "NOUN" and
               t.lemma_.lower() in nouns for t in sent)


def _club_after_city(r: _Reading, m: _Mention, club_words) -> bool:
    """'Leeds United', 'Norwich City', 'Aston Villa': capitalised words and a club word are one
    club, in a sentence about a match (not a known place name, 'New York City')."""
    doc = r.doc
    span = doc[m.start : m.end]
    if len(span) < 2 or span[-1].text not in club_words or _place_of(r, span.text) is not None:
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in span[:-1]):
        return False  # (the place before the club word need not be one the gazetteer knows: 'Norwich')
    if m.label != "ORG":
        r.add(_Mention(m.start, m.end, "ORG", m.model_label, "team",
                       f"'{span.text}' is a club: a name and '{span[-1].text}', in a sentence about a match"))
    return True


def acronym_rule(r: _Reading) -> None:
    """An acronym in brackets after a name is that name's short form, with its label, in every
    mention: "Kurdistan Democratic Party ( KDP )", "the Federal Open Market Committee (FOMC)".

    The acronym's letters must start with the name's first capital and follow the capitals of
    its words in order."""
    doc, words = r.doc, r.words
    short: dict[str, tuple[str, str]] = {}
    for m in list(r.mentions.values()):
        e = m.end
        if m.label not in {"ORG", "GPE", "LOC", "FAC", "NORP"} or e + 2 >= len(words):
            continue
        if words[e] != "(" or words[e + 2] != ")":
            continue
        acr = words[e + 1]
        if not (2 <= len(acr) <= 7 and acr.isalpha() and acr.isupper()):
            continue
        name = doc[m.start : m.end].text
        if _initials_fit(acr, name):
            short[acr] = (m.label, name)
    if not short:
        return
    for i, w in enumerate(words):
        if w not in short:
            continue
        label, name = short[w]
        found = _overlapping(r.mentions, i, i + 1)
        if any(f.start == i and f.end == i + 1 and f.label == label for f in found) or any(f.end - f.start > 1 for f in found):
            continue
        r.add(_Mention(i, i + 1, label, r.model_label_at(i, i + 1), "acronym",
                       f"'{w}' is the short form of '{name}', given in brackets after it"))


def _initials_fit(acr: str, name: str) -> bool:
    caps = [w[0] for w in name.replace("-", " ").split() if w[:1].isupper()]
    if not caps or acr[0] != caps[0]:
        return False
    k = 0
    for c in caps:
        if k < len(acr) and acr[k] == c:
            k += 1
    return k >= min(len(acr), 2) and k >= len(acr) - 1


def same_person_rule(r: _Reading) -> None:
    """A name the text treats as a person is a person in every mention."""
    r.names = _person_names(r.doc, r.mentions)
    _propagate_persons(r.doc, r.mentions, r.names, r.words, r.doc_text)


def majority_rule(r: _Reading) -> None:
    """Any other name keeps the label it has in most of its mentions."""
    _majority_labels(r.doc, r.mentions, r.names)


def headline_rule(r: _Reading) -> None:
    """In a headline every word is capitalised: a name there counts only if the body names it."""
    doc = r.doc
    headlines = r.headlines
    if not headlines:
        return
    folded = r.doc_text.casefold()
    for key, m in list(r.mentions.items()):
        span = doc[m.start : m.end]
        if _in_headline(span, headlines) and not _named_in_body(folded, span.text, headlines, r.doc_text):
            r.dropped.append(_replace(m, None, "headline", f"'{span.text}' is in a headline, where every word is capitalised, and the article body never names it"))
            del r.mentions[key]


#: The rules, in the order they run.
RULES = [
    model_entities,
    title_rule,
    gazetteer_rule,
    capitals_gazetteer_rule,
    dateline_rule,
    byline_rule,
    transcript_rule,
    speaking_name_rule,
    given_name_rule,
    apposition_rule,
    adjective_rule,
    organisation_cue_rule,
    place_cue_rule,
    organisation_name_rule,
    acronym_rule,
    same_person_rule,
    majority_rule,
    results_row_rule,
    sports_side_rule,
    sports_team_rule,
    city_club_rule,
    headline_rule,
]


def _replace(m: _Mention, label, rule, reason) -> _Mention:
    return _Mention(m.start, m.end, label, m.model_label, rule, reason)


def _longest(spans: list[Span]) -> list[Span]:
    from spacy.util import filter_spans

    return filter_spans(spans)


def _split_at_separators(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of a span cut at words no name contains: scores and figures ("Lotte 6",
    "Norwich 1 Wolverhampton 0"), brackets, "v"/"vs", "at", and a dash or comma with spaces
    on both sides ("Sri Lanka - Arjuna Ranatunga", "Oval , London")."""
    pieces, s = [], start
    for i in range(start, end):
        if _is_separator(doc, i):
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if b > a]


_FIGURE = re.compile(r"^[-+]?\d[\d.,:/\-–]*$")
_VERSUS = frozenset({"v", "v.", "vs", "vs.", "(", ")", "[", "]"})
_DASHES = frozenset({"-", "–", "—", "--"})


def _is_separator(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if _FIGURE.match(tok.text) or tok.text in _VERSUS:
        return True
    if tok.text in {"at", "AT"} and 0 < i < len(doc) - 1 and (tok.text == "at" or doc[i - 1].text.isupper()):
        return True  # "Yorkshire at Headingley", "KANSAS CITY AT DETROIT": two names, not one
    if tok.text == "," and tok.whitespace_ and doc[i - 1].whitespace_:
        return True  # "Grace Road , Leicestershire": a comma set apart from both words
    return tok.text in _DASHES and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def _split_at_line_breaks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of a span cut wherever it runs across a line break (names never do)."""
    pieces, s = [], start
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            pieces.append((s, i))
            s = i + 1
        elif "\n" in doc[i].whitespace_ and i + 1 < end:
            pieces.append((s, i + 1))
            s = i + 1
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if b > a]


def _in_headline(span: Span, headlines) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in headlines)


def _overlapping(mentions: dict, start: int, end: int) -> list[_Mention]:
    """Mentions whose tokens overlap ``[start, end)``, found by their start positions.

    Names are short, so only starts a little before ``start`` need checking: this keeps
    the rules linear in the length of the text (a 2 MB report has tens of thousands of
    mentions).
    """
    found = []
    for s in range(max(0, start - _MAX_NAME_TOKENS), end):
        for e in range(max(s + 1, start + 1), s + _MAX_NAME_TOKENS + 1):
            m = mentions.get((s, e))
            if m is not None:
                found.append(m)
    return found


#: The longest name, in tokens, whose overlaps ``_overlapping`` finds; longer model
#: entities are cut to this length when they are read (no real name is longer).
_MAX_NAME_TOKENS = 12


def _named_in_body(text: str, surface: str, headlines, original: str = "") -> bool:
    """Does ``text`` (case-folded) name ``surface`` outside the headlines (ignoring case: a
    headline may be in capitals)? With ``original``, the body's word must be capitalised there
    (a name, not the common word: "BASKETBALL -" is not named by "basketball")."""
    surface = surface.casefold()
    i = text.find(surface)
    while i != -1:
        j = i + len(surface)
        bounded = (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum())
        if bounded and not any(a <= i < b for a, b in headlines) and (not original or original[i].isupper()):
            return True
        i = text.find(surface, i + 1)
    return False


def _person_surfaces(doc: Doc, mentions) -> dict[str, set[str]]:
    """Names with strong person evidence: multi-word PERSON names and titled names."""
    strong: set[str] = set()
    for m in mentions.values():
        if m.label == "PERSON":
            words = _name_tokens(doc[m.start : m.end])
            if len(words) >= 2 or m.rule in _PERSON_RULES:
                strong.update(words)
    return {"strong": strong}


#: Rules that read one mention from a cue beside it; other mentions never override them.
_CUE_RULES = {"organisation_cue", "place_cue", "results_row", "dateline", "byline", "transcript"}

#: Rules whose reading of a one-word name is person evidence for its other mentions.
_PERSON_RULES = {"title": "a title before it", "speaker": "it speaks", "transcript": "it labels a speaker's turn",
                 "apposition": "a person's noun before it"}


@dataclass
class _PersonName:
    surname: str
    full: str  # fullest form seen
    evidence: str


def _person_names(doc: Doc, mentions) -> dict[str, _PersonName]:
    """Surname -> person, for every name the text treats as a person.

    Evidence, strongest first: a multi-word person name ("Tulsi Gabbard"), a title before
    the name, or the model's own majority (labelled a person at least twice and at least as
    often as anything else).
    """
    gaz = gazetteer()
    votes: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, _PersonName] = {}
    cued = {doc[m.start : m.end].text for m in mentions.values() if m.rule in _CUE_RULES}
    for m in sorted(mentions.values(), key=lambda m: m.start):
        span = doc[m.start : m.end]
        words = _name_tokens(span)
        if not words:
            continue
        if len(span) == 1:
            votes[span.text][m.label] += 1
        if m.label != "PERSON":
            continue
        surname = words[-1]
        if surname in gaz and surname not in person_names_too():
            continue
        full = span.text
        if len(words) >= 2 or m.rule in _PERSON_RULES and surname not in cued:
            prev = names.get(surname)
            if prev is None or (len(full) > len(prev.full) and len(words) >= 2):
                evidence = "its full name" if len(words) >= 2 else _PERSON_RULES[m.rule]
                names[surname] = _PersonName(surname, full if len(words) >= 2 else surname, evidence)
    # a first word used alone ("Hillary", or "Wang" of "Wang Donghai", surname first) is the
    # person when exactly one full name in the text begins with it
    firsts: dict[str, set[str]] = defaultdict(set)
    for person in list(names.values()):
        words = person.full.split()
        if len(words) >= 2:
            firsts[words[0]].add(person.full)
    for first, fulls in firsts.items():
        if len(fulls) == 1 and first not in names and first not in gaz and first not in cued \
                and not _titles_lower().get(first.lower().rstrip(".")) and len(first) > 2 and first.isalpha():
            names[first] = _PersonName(first, next(iter(fulls)), "its full name begins with it")
    for surface, counter in votes.items():
        if surface in names or surface in gaz or surface in cued:
            continue
        persons = counter.get("PERSON", 0)
        others = sum(v for k, v in counter.items() if k != "PERSON")
        # The model often reads a surname as an organisation, but rarely calls an
        # organisation a person again and again: a name it calls a person in at least two
        # mentions and a third of them is a person throughout.
        if persons >= 2 and 3 * persons >= persons + others:
            names[surface] = _PersonName(surface, surface, f"the model itself calls it a person in {persons} of its {persons + others} mentions")
    return names


def _propagate_persons(doc: Doc, mentions, names: dict[str, _PersonName], words: list[str], text: str) -> None:
    """Label every mention of a known person's name PERSON, adding mentions the model missed."""
    if not names:
        return
    by_surname = names
    i = 0
    n = len(doc)
    occupied = {}
    for m in mentions.values():
        for k in range(m.start, m.end):
            occupied[k] = m
    by_first: dict[str, list[str]] = defaultdict(list)
    for surname in by_surname:
        by_first[_HYPHEN.split(surname)[0]].append(surname)
    while i < n:
        candidates = by_first.get(words[i])
        end = _surname_end(doc, text, i, candidates) if candidates else None
        if end is None:
            i += 1
            continue
        surname = doc[i:end].text
        person = by_surname[surname]
        # extend left over the given names of the full form ("Vladimir Putin", "J. D. Vance")
        start = i
        full_tokens = person.full.split()
        j = len(full_tokens) - 2
        while j >= 0 and start > 0 and doc[start - 1].text == full_tokens[j]:
            start -= 1
            j -= 1
        existing = occupied.get(i)
        if existing is not None and existing.rule in _CUE_RULES:
            i = max(existing.end, i + 1)
            continue  # a local cue ("the X agency", "in X") outweighs the name's other mentions
        if existing is not None:
            s0, e0 = existing.start, existing.end
            if existing.label == "PERSON" and s0 <= start and e0 >= end:
                i = e0
                continue
            del mentions[(s0, e0)]
            for k in range(s0, e0):
                occupied.pop(k, None)
            start = min(start, s0) if existing.label == "PERSON" else start
            reason = f"'{surname}' is a person elsewhere in this text ({person.evidence})"
            new = _Mention(start, end, "PERSON", existing.model_label, "same_person", reason)
        else:
            reason = f"the model missed it, but '{surname}' is a person elsewhere in this text ({person.evidence})"
            new = _Mention(start, end, "PERSON", None, "same_person", reason)
        if new.model_label == "PERSON":
            new.rule, new.reason = None, ""
        mentions[(start, end)] = new
        for k in range(start, end):
            occupied[k] = new
        i = end


_HYPHEN = re.compile(r"[-–]")


def _surname_end(doc: Doc, text: str, i: int, surnames) -> int | None:
    """The token end of the longest of ``surnames`` written from token ``i`` on ("Reyes-Holt"
    is three tokens), or ``None``."""
    start = doc[i].idx
    for surname in sorted(surnames, key=len, reverse=True):
        stop = start + len(surname)
        if text[start:stop] != surname:
            continue
        span = doc.char_span(start, stop)
        if span is not None and (span.end >= len(doc) or doc[span.end].text not in {"-", "–"} or doc[span.end - 1].whitespace_):
            return span.end
    return None


def _majority_labels(doc: Doc, mentions, names) -> None:
    """Give each name that is not a known person the label it has in most of its mentions."""
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions.values():
        surface = doc[m.start : m.end].text
        if surface not in names and not (m.label == "PERSON" and m.rule):
            by_text[surface].append(m)
    for surface, group in by_text.items():
        counts = Counter(m.label for m in group)
        if len(counts) < 2:
            continue
        (top, top_n), (_, second_n) = counts.most_common(2)
        if top_n == second_n:
            continue
        for m in group:
            if m.label != top and m.rule is None:
                m.label, m.rule = top, "majority"
                m.reason = f"'{surface}' is {LABEL_WORDS.get(top, top)} in {top_n} of its {len(group)} mentions"


def _link_actors(doc: Doc, ordered: list[_Mention], names, gaz) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    last_full: dict[str, str] = {}
    # given name -> the full names it begins ("Hillary" -> {"Hillary Clinton"})
    given: dict[str, set[str]] = defaultdict(set)
    for m in ordered:
        words = _name_tokens(doc[m.start : m.end]) if m.label == "PERSON" else []
        if len(words) >= 2:
            given[words[0]].add(doc[m.start : m.end].text)
    for m in ordered:
        span = doc[m.start : m.end]
        surface = span.text
        if m.label == "PERSON":
            words = _name_tokens(span)
            surname = words[-1] if words else surface
            if len(words) >= 2:
                name = surface
                last_full[surname] = name
            elif surname in last_full or (surname in names and names[surname].full != surname):
                name = last_full.get(surname) or names[surname].full
            elif len(given.get(surface, ())) == 1:
                name = next(iter(given[surface]))  # a given name used alone, unambiguous here
            else:
                name = surface
        elif surface in gaz:
            name = gaz[surface].name
        else:
            name = surface
        m.actor = name
        typ = ACTOR_TYPES.get(m.label, "other")
        actor = actors.get(name)
        if actor is None:
            actor = actors[name] = Actor(name=name, type=typ)
        actor.mentions.append((span.start_char, span.end_char))
    return actors


def _to_entity(doc: Doc, text: str, m: _Mention) -> Entity:
    span = doc[m.start : m.end]
    start, end = span.start_char, span.end_char
    while end - start > 1 and text[start] in "-–—":
        start += 1  # "ex-England": the dash glued to the name is not part of it
    surface = text[start:end]
    if m.label is None:
        explanation = f"not a name: {m.reason} (the model said {m.model_label})"
    elif m.rule is None:
        explanation = f"{m.label}: the model labels '{surface}' {LABEL_WORDS.get(m.label, m.label)}"
    elif m.model_label is None:
        explanation = f"{m.label}, added by the kit: {m.reason}"
    elif m.model_label == m.label:
        explanation = f"{m.label}: {m.reason}"
    else:
        explanation = f"{m.label}, corrected from {m.model_label}: {m.reason}"
    if m.label is not None and m.actor and m.actor != surface:
        explanation += f"; refers to {m.actor}"
    return Entity(
        start=start,
        end=end,
        text=surface,
        explanation=explanation,
        label=m.label or "",
        actor=m.actor,
        model_label=m.model_label,
        rule=m.rule,
    )
