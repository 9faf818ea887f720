"""From a grammatical subject to a speaker: named actors, pronouns, descriptive phrases.

A speaker is reported as the canonical actor name when the words point to one (an entity
mention, a name the entity layer missed, an apposition such as "the secretary of defense, Pete
Hegseth", or a pronoun resolved to the nearest compatible named person). When the source is a
descriptive phrase with no name ("a senior official", "Trump aides") the phrase itself, as
written, is both ``speaker_text`` and ``speaker``: it is a source the learner can see and count,
and it is never silently turned into a named person. "I"/"we" outside any quote is the author.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..english import FEMALE_PRONOUNS, FIRST_PERSON, MALE_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS
from ..layout import structure
from .lexicon import lexicon, title_words

MALE = MALE_PRONOUNS
FEMALE = FEMALE_PRONOUNS
PLURAL = PLURAL_PRONOUNS
AUTHOR = FIRST_PERSON
RELATIVE = RELATIVE_PRONOUNS
PERSON_LABELS = {"PERSON"}
GROUP_LABELS = {"ORG", "NORP", "GPE"}
AUTHOR_NAME = "the author"
TITLE_GLUE = frozenset({"of", "the"}) | title_words()
NOT_SPEAKERS = {"TIME", "DATE", "MONEY", "QUANTITY"}
_AND_HIS_HER = re.compile(r"(?:,| and) (his|her|His|Her) (?!own\b)")
#: What an 'it' can stand for.
THING_LABELS = {"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "LAW"}


@dataclass
class Speaker:
    """Who a quote is attributed to and the words that say so."""

    name: str | None
    start: int
    end: int
    text: str
    how: str  # "name" | "pronoun" | "description" | "author"


class SpeakerResolver:
    """Links tokens to actors, using the entity layer's mentions and the parse."""

    def __init__(self, doc, analysis, text=None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.analysis = analysis
        # a byline's writer is not in the story: never a speaker, nor what "she" stands for
        bylines = structure(self.text).ranges("byline")
        self._datelines = structure(self.text).ranges("dateline")  # 'WASHINGTON —' is where, never 'it'
        ents = sorted((e for e in analysis.entities if not any(a <= e.start < b for a, b in bylines)),
                      key=lambda e: e.start)
        self.ents = ents
        self.ent_starts = [e.start for e in ents]
        self.actors = analysis.actors
        self.gender: dict[str, str] = {}
        # extra person mentions found by the quote layer (names the entity layer missed)
        self.extra: list[tuple[int, int, str]] = []
        self._person_names = self._collect_person_names()
        self._counts: dict[str, int] = {}
        for e in ents:
            if e.actor:
                self._counts[e.actor] = self._counts.get(e.actor, 0) + 1
        self._read_genders()

    # -- actors ---------------------------------------------------------------------------
    def _collect_person_names(self) -> list[str]:
        names = set()
        for e in self.ents:
            if e.label in PERSON_LABELS and e.actor:
                names.add(e.actor)
        for name, actor in self.actors.items():
            if getattr(actor, "type", "") == "person":
                names.add(name)
        return sorted(names, key=len, reverse=True)

    def canonical(self, name: str) -> str:
        """The full person name a surname stands for ("Hegseth" -> "Pete Hegseth").

        Only when it is unambiguous: with both "Bill Clinton" and "Hillary Clinton" in the
        text, "Clinton" stays "Clinton". Among spellings of one person ("Hillary Clinton",
        "Hillary Rodham Clinton") the one mentioned most often wins.
        """
        if not name or " " in name.strip():
            return name
        fulls = [f for f in self._person_names if f != name and f.split()[-1] == name]
        if not fulls:
            return name
        firsts = {f.split()[0] for f in fulls if len(f.split()) > 1}
        if len(firsts) > 1:
            return name
        return max(fulls, key=lambda f: (self._counts.get(f, 0), -len(f)))

    def as_written(self, name: str) -> str:
        """A name in capitals ('ANA SOTO', from a transcript's label) as the text writes that
        person elsewhere ('Ana Soto'), else in title case."""
        if not name.isupper():
            return name
        return next((n for n in self._person_names if n.lower() == name.lower() and not n.isupper()), name.title())

    def entity_at(self, start: int, end: int):
        """The entity mention overlapping characters ``start..end``, if any."""
        i = bisect.bisect_left(self.ent_starts, end) - 1
        while i >= 0:
            e = self.ents[i]
            if e.start < end and e.end > start:
                return e
            if e.end <= start and start - e.end > 200:
                break
            i -= 1
        return None

    # -- the main entry -------------------------------------------------------------------
    def from_token(self, tok, *, in_quote: bool = False) -> Speaker | None:
        """The speaker a subject token stands for."""
        low = tok.lower_
        if tok.pos_ in ("SCONJ", "CCONJ", "ADP", "DET", "PART", "PUNCT", "SYM") and low not in RELATIVE:
            return None  # '… - while chanting, “…”': a parse that made a function word the subject
        if tok.ent_type_ in NOT_SPEAKERS and tok.lower_ not in lexicon().sources:
            return None  # times, dates, sums never speak (unlike "52 percent of voters"; "the daily" does)
        if low in RELATIVE and tok.dep_ in ("nsubj", "nsubjpass"):
            ante = _relative_antecedent(tok)
            inner = self.from_token(ante, in_quote=in_quote) if ante is not None else None
            if inner is not None:
                # the relative pronoun is the mention, as 'he' is ('McConnell, …, who said')
                return Speaker(inner.name, tok.idx, tok.idx + len(tok), tok.text, "pronoun")
        if tok.pos_ == "PRON" or low in MALE | FEMALE | PLURAL | AUTHOR:
            return self.pronoun(tok, in_quote=in_quote)
        # a name (entity mention, or a proper-noun phrase the entity layer missed)
        named = self._named(tok)
        if named is not None and named.how == "name" and (not self.is_person(tok) or _after_article(tok)):
            # ('The Bishop of Thornwick, the Right Reverend Anne Calloway,': with an article the word
            # is a title, and the person is the one in apposition)
            person = self._person_in_apposition(tok)
            if person is not None:
                return person  # "Union local president Tricia Halvorsen said": the person, not the word the parse made head
        if named is not None:
            return named
        # an apposition carrying the name: "the secretary of defense, Pete Hegseth,"
        # (a person first: "Scott's niece, state Del. Marcia Price (D-Newport News)")
        appos = sorted((c for c in tok.children if c.dep_ == "appos"), key=lambda c: (c.ent_type_ != "PERSON", c.i))
        for child in appos:
            if child.dep_ == "appos":
                named = self._named(child)
                if named is not None:
                    return named
        person = self._person_in_apposition(tok)  # 'The first prosecution witness, a bank official, Mr Sani Lawal,'
        if person is not None:
            return person
        # "X, a spokesman" where the head is the name itself handled above; else a description
        left = tok.left_edge.i
        while left < tok.i and ("\n" in self.doc[left].text_with_ws or self.doc[left].is_space
                                or "\n" in self.doc[left: tok.i + 1].text):
            left += 1  # a description never runs across a paragraph break
        left = _past_misread_compound(self.doc, left, tok)
        while left < tok.i and self.doc[left].pos_ in ("CCONJ", "SCONJ", "PUNCT"):
            left += 1  # ('But counsel to the defendant': the conjunction opens the clause, not the description)
        words = self.doc[left: tok.i + 1]
        text = words.text.strip()
        if not text:
            return None
        person = self.role_person(tok)
        if person is not None:
            return Speaker(person, words.start_char, words.end_char, text, "role")
        return Speaker(text, words.start_char, words.end_char, text, "description")

    # -- definite role phrases ------------------------------------------------------------
    def _titles(self) -> dict:
        """Titles written before each person's name: 'Russian President Vladimir Putin' ->
        {"Vladimir Putin": [({"president"}, {"russian"})]} (role words, other modifiers)."""
        if getattr(self, "_title_map", None) is not None:
            return self._title_map
        roles = lexicon().roles
        out: dict[str, list] = {}
        for e in self.ents:
            if e.label not in PERSON_LABELS:
                continue
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            # the run of title words right before the name: capitalised words, role words and
            # the glue of multi-word offices ("former Secretary of State Hillary Clinton")
            j = span.start - 1
            words = []
            while j >= 0 and span.start - j <= 6 and self.doc[j].sent.start == span.sent.start and (
                    self.doc[j].text[:1].isupper() and self.doc[j].pos_ in ("PROPN", "NOUN", "ADJ")
                    or self.doc[j].lower_ in roles or self.doc[j].lower_ in TITLE_GLUE):
                words.append(self.doc[j].lower_)
                j -= 1
            while words and words[-1] in ("of", "the"):
                words.pop()
            if not words:
                continue
            words.reverse()
            role = set()
            for k, w in enumerate(words):
                two = f"{words[k - 1]} {w}" if k else ""
                if two in roles:  # 'Vice President' is its own office
                    role.discard(words[k - 1])
                    role.add(two)
                    words[k - 1] = two
                elif w in roles:
                    role.add(w)
            if role:
                name = self.canonical(e.actor or e.text)
                parts = {p for r in role for p in r.split()}
                out.setdefault(name, []).append((role, set(words) - role - parts))
        self._title_map = out
        return out

    def role_person(self, tok) -> str | None:
        """'the U.S. president' -> the person it names when the text makes it unambiguous.

        Only a definite phrase ('the …') whose head is a role noun. Candidates are the persons
        named before it: in its own sentence (nearest first) any person whose titles in the text
        do not contradict the phrase (another office, or another country: 'Russian President
        Vladimir Putin' is not 'the U.S. president'); in the two sentences before, only a person
        the text gives this very title. Otherwise the phrase stays as written.
        """
        role = tok.lemma_.lower()
        prev = tok.doc[tok.i - 1] if tok.i else None
        if prev is not None and f"{prev.lower_} {role}" in lexicon().roles:
            role = f"{prev.lower_} {role}"
        if role not in lexicon().roles or tok.pos_ != "NOUN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i}
        titles = self._titles()

        def verdict(name: str) -> str:
            ts = titles.get(name, [])
            if not ts:
                return "weak"
            same = [m for r, m in ts if role in r]
            if not same:
                return "conflict"  # titled with another office
            if any(m and mods and not (m & mods) for m in same):
                return "conflict"  # another country's or body's holder of the office
            if mods and not any(m & mods for m in same) or not mods and all(m for m in same):
                return "weak"  # 'the president' vs 'Russian President X': not plainly the same
            return "strong"

        sent = tok.sent
        own = [c for c in self._candidates(sent.start_char, tok.idx, "m") + self._candidates(sent.start_char, tok.idx, "f")]
        own = sorted({c[0]: c for c in own}.values(), key=lambda c: -c[0])
        ok = [(c[1], verdict(c[1])) for c in own]
        ok = [(n, v) for n, v in ok if v != "conflict"]
        strong = [n for n, v in ok if v == "strong"]
        if strong:
            return strong[0]
        if len({n for n, _ in ok}) == 1:
            return ok[0][0]
        s = sent
        for _ in range(2):
            if s.start == 0:
                break
            s = self.doc[s.start - 1].sent
            cands = self._candidates(s.start_char, s.end_char, "m") + self._candidates(s.start_char, s.end_char, "f")
            strong = [c[1] for c in sorted(cands, reverse=True) if verdict(c[1]) == "strong"]
            if len(set(strong)) == 1:
                return strong[0]
        return None

    def _named(self, tok) -> Speaker | None:
        ent = self.entity_at(tok.idx, tok.idx + len(tok))
        if ent is not None and ent.label in PERSON_LABELS | GROUP_LABELS | {"FAC", "PRODUCT", "WORK_OF_ART"}:
            name = ent.actor or ent.text
            if ent.label in PERSON_LABELS:
                name = self.canonical(name)
                self._note_gender(name, ent.start)
            return Speaker(name, ent.start, ent.end, ent.text, "name")
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON", "ORG", "NORP"):
            # the proper-noun run the head token ends: "Kremlin spokesman Dimitri Peskov" -> "Dimitri Peskov"
            i = tok.i
            while i > 0 and self.doc[i - 1].pos_ == "PROPN" and self.doc[i - 1].dep_ == "compound":
                i -= 1
            words = self.doc[i: tok.i + 1]
            name = self.canonical(words.text)
            self._note_gender(name, words.start_char)
            self.extra.append((words.start_char, words.end_char, name))
            return Speaker(name, words.start_char, words.end_char, words.text, "name")
        return None

    def is_person(self, tok) -> bool:
        """Is ``tok`` inside a mention the entity layer reads as a person, or a proper noun the
        layer left untagged that names a person it found elsewhere ('her brother Ibrahim …
        Ibrahim shook his head')?"""
        ent = self.entity_at(tok.idx, tok.idx + len(tok))
        if ent is not None:
            return ent.label in PERSON_LABELS
        return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and tok.text in self._person_names

    def _person_in_apposition(self, tok) -> Speaker | None:
        """A person named in apposition to ``tok``, one or two links down ("Union … president,
        Tricia Halvorsen")."""
        for child in tok.children:
            if child.dep_ != "appos":
                continue
            for t in (child, *(c for c in child.children if c.dep_ == "appos")):
                if self.is_person(t):
                    return self._named(t)
        return None

    def _note_gender(self, name: str, start: int) -> None:
        """A gendered title right before a mention ("Mrs Dunmore", "Congresswoman Lee"), or a
        gendered title or relative in apposition before it ("the club's chairwoman, Folasade
        Akande", "his wife, Maria Ortiz")."""
        prev = self.text[max(0, start - 16): start].lower().split()
        if prev and prev[-1].endswith(","):
            word = prev[-1].rstrip(",")
            male, female = _kin()
            if word in female or word in lexicon().female_titles:
                self.gender.setdefault(name, "f")
            elif word in male or word in lexicon().male_titles and word not in _titles_also_for_women():
                self.gender.setdefault(name, "m")
            return
        if prev:
            word = prev[-1].rstrip(".")
            if word in lexicon().male_titles:
                if word in _titles_also_for_women() and _given_name_gender(name) == "f":
                    return  # 'Chairman Patricia Lowell'
                self.gender.setdefault(name, "m")
            elif word in lexicon().female_titles:
                self.gender.setdefault(name, "f")

    def _read_genders(self) -> None:
        """Which of he/she can stand for each person the text names, strongest evidence first:
        a gendered title before a mention; the text's own pronoun for the name ("Okoro said she
        …": the subject of a reported clause under the name's own reporting verb); the first
        name (US Census 1990 given names, ``data/lexicons/first_names.json``)."""
        lex = lexicon()
        persons = [e for e in self.ents if e.label in PERSON_LABELS]
        for e in persons:
            self._note_gender(self.canonical(e.actor or e.text), e.start)
        votes: dict[str, set] = {}
        person_starts = sorted(e.start for e in persons)
        for e in persons:
            name = self.canonical(e.actor or e.text)
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or name in self.gender:
                continue
            head = span.root
            verb = head.head
            if head.dep_ != "nsubj" or any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
                continue  # "Warren told Stumpf he …": 'he' may be the addressee
            for c in verb.children:
                if c.dep_ != "ccomp":
                    continue
                pron = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if pron is None or pron.lower_ not in MALE | FEMALE:
                    continue
                between = bisect.bisect_left(person_starts, pron.idx) - bisect.bisect_right(person_starts, e.start)
                if between == 0:  # no other person named between the name and the pronoun
                    votes.setdefault(name, set()).add("m" if pron.lower_ in MALE else "f")
        for e in persons:  # "Priya Raman and her former partner", "Daniel Ashdown, his lawyer said"
            g = self._possessive_after(e.end)
            if g is not None:
                votes.setdefault(self.canonical(e.actor or e.text), set()).add(g)
        for name, found in votes.items():
            if len(found) == 1:
                self.gender.setdefault(name, found.pop())
        for e in persons:
            name = self.canonical(e.actor or e.text)
            words = [w.strip(".,") for w in name.split()]
            while words and (words[0].lower() in lex.male_titles or words[0].lower() in lex.female_titles
                             or words[0].lower() in lex.roles):
                words.pop(0)
            if name in self.gender:
                continue
            g = _given_name_gender(" ".join(words), alone=" " not in (e.actor or e.text))
            if g is not None:
                self.gender[name] = g

    def _possessive_after(self, end: int) -> str | None:
        """'m'/'f' for a name followed by 'and his/her' or ', his/her': the text's own pronoun for it."""
        m = _AND_HIS_HER.match(self.text, end)
        if m is None:
            return None
        return "m" if m.group(1).lower() == "his" else "f"

    # -- pronouns -------------------------------------------------------------------------
    def pronoun(self, tok, *, in_quote: bool = False) -> Speaker | None:
        low = tok.lower_
        span = (tok.idx, tok.idx + len(tok))
        if low in AUTHOR:
            if in_quote:
                return None
            return Speaker(AUTHOR_NAME, *span, tok.text, "author")
        return Speaker(self.actor_of_pronoun(tok), *span, tok.text, "pronoun")

    def actor_of_pronoun(self, tok, exclude: str | None = None) -> str | None:
        """The actor a third-person pronoun stands for: the one reading every layer uses (a
        quote's speaker, a reporting verb's, an agent or patient). ``exclude``: an actor it
        cannot be (an object pronoun is not its own clause's subject: "Trump … enabling him").

        he/she: the nearest person of a fitting gender (:meth:`antecedent`), the pronoun's own
        sentence first; they: a group that is a subject of its sentence, then the nearest group
        or organisation; it: the nearest organisation, country, work or document
        (:meth:`thing_antecedent`)."""
        low = tok.lower_
        if low in MALE or low in FEMALE:
            want = "m" if low in MALE else "f"
            earlier = [t for t in tok.sent if t.i < tok.i and t.lower_ in (MALE if want == "m" else FEMALE)
                       and _pronoun_role(t) == _pronoun_role(tok)]
            if earlier:  # the first 'she' ('his') in a sentence stands for the later ones in that role
                name = self.antecedent(earlier[0], want, exclude)
                if name is not None:
                    return name
            # (a resolved pronoun does not fix the person's gender: one wrong resolution would
            # then block every later right one; only titles such as "Mr."/"Ms." do)
            name = self.antecedent(tok, want, exclude)
            if name is not None and self._just_called_the_other(tok, want, name):
                return self.antecedent(tok, want, {exclude, name}) or name
            return name
        if low in PLURAL:
            name = self._group_subject_before(tok)
            if name is not None and name != exclude:
                return name
            return self.antecedent(tok, "pl", exclude)
        if low in ("it", "its"):
            return self.thing_antecedent(tok, exclude)
        return None

    def _group_subject_before(self, tok) -> str | None:
        """'Clinton's campaign is seeking … what they call …': a plural 'they' takes the subject
        of its own sentence, else of the sentence before, when that subject is a group or people
        ('the campaign', 'critics', 'the union leaders, X and Y,') rather than a place or a name
        further back."""
        lex = lexicon()
        sents = [tok.sent]
        if tok.sent.start > 0:
            sents.append(self.doc[tok.sent.start - 1].sent)
        for k, sent in enumerate(sents):
            for t in sorted((t for t in sent if t.i < tok.i), key=lambda t: -t.i):
                if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.head.i == tok.head.i:
                    continue
                if k == 1 and t.tag_ != "NNS":
                    continue  # the sentence before: only a plural ('the union leaders … They said')
                low = t.lemma_.lower()
                if low in lex.sources or low in lex.roles and t.tag_ == "NNS":
                    words = self.doc[t.left_edge.i: t.i + 1]
                    if "\n" not in words.text:
                        return words.text
        return None

    def thing_antecedent(self, tok, exclude: str | None = None) -> str | None:
        """What an 'it' stands for: the nearest organisation, country, work or law named before
        it ("The Post … It reported that", "the United States … that it will no longer back"),
        or a document or body that was a subject ("The ad … It says"); a relative 'which' counts
        as a subject mention of its noun ("Kyiv, which has relied on … allowed it to repel");
        its own sentence first, then up to three sentences back, subjects first. A plural
        group ("Democrats") is never 'it'."""
        sources = lexicon().sources
        sent = tok.sent
        s = sent
        for k in range(4):
            limit = tok.i if k == 0 else s.end
            cands = []
            for t in self.doc[s.start: limit]:
                if t.tag_ in ("WDT", "WP") and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "relcl":
                    ante = _relative_antecedent(t)
                    ent = self.entity_at(ante.idx, ante.idx + len(ante))
                    if ent is not None and ent.label in THING_LABELS and not _plural_group(ent):
                        cands.append((True, t.i, ent.actor or ent.text))
                    continue
                if t.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "appos", "ROOT"):
                    continue
                ent = self.entity_at(t.idx, t.idx + len(t))
                if ent is not None and any(a <= ent.start < b for a, b in self._datelines):
                    continue
                if ent is not None and ent.label in THING_LABELS and not _plural_group(ent):
                    cands.append((t.dep_.startswith("nsubj"), t.i, ent.actor or ent.text))
                elif ent is None and t.pos_ == "NOUN" and t.lemma_.lower() in sources and t.lemma_.lower() not in (
                        "people", "person", "man", "woman", "friend", "family", "parent", "student"):
                    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its") or c.dep_ == "poss"
                           for c in t.children):
                        words = self.doc[t.left_edge.i: t.i + 1]
                        if "\n" not in words.text:
                            cands.append((t.dep_.startswith("nsubj"), t.i, words.text))
            cands = [c for c in cands if c[2] != exclude]
            if cands:
                subj = [c for c in cands if c[0]]
                pool = subj or cands
                return (pool[-1] if k == 0 else pool[0])[2]
            if s.start == 0:
                break
            s = self.doc[s.start - 1].sent
        return None

    def _just_called_the_other(self, tok, want: str, name: str) -> bool:
        """The text has just called ``name`` by the other pronoun: a subject 'she' in this
        paragraph's sentence before (or earlier in this one) stands for ``name``, so this 'he' does
        not ("“…,” she said. “…,” he countered.")."""
        other = FEMALE if want == "m" else MALE
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        if "\n" in self.doc[start:sent.start].text.strip("\n"):
            start = sent.start  # (not across a paragraph break)
        for t in self.doc[start:tok.i]:
            if t.lower_ in other and t.dep_ in ("nsubj", "nsubjpass"):
                if self.antecedent(t, "f" if want == "m" else "m") == name:
                    return True
        return False

    def antecedent(self, tok, want: str, exclude: str | set | None = None) -> str | None:
        """The nearest compatible named antecedent before ``tok`` (not ``exclude``, a name or a set).

        Looks in the pronoun's own sentence (before it), then back sentence by sentence (at
        most 6). Within a sentence a grammatical subject is preferred, then the first mention
        (the usual topic). Persons of the other known gender are skipped. A 'he' or 'she' with
        no one in those six sentences looks on, up to forty, for a person not known to be of
        the other gender.
        """
        sent = tok.sent
        sents = [sent]
        s = sent
        # six sentences back; a 'he' or 'she' keeps looking further (a story names its people
        # once and then says 'she' for paragraphs), up to forty
        for _ in range(40 if want in ("m", "f") else 6):
            if s.start == 0:
                break
            s = self.doc[s.start - 1].sent
            sents.append(s)
        excluded = exclude if isinstance(exclude, set) else {exclude}
        for k, s in enumerate(sents):
            limit = tok.idx if k == 0 else s.end_char
            # (an object pronoun may stand for a possessor: "rewarded Putin’s patience, enabling him")
            possessors = tok.dep_ in ("dobj", "dative", "pobj")
            cands = [c for c in self._candidates(s.start_char, limit, want, possessors) if c[1] not in excluded]
            if k > 6:
                cands = [c for c in cands if self.gender.get(c[1]) in (want, None)]
            if not cands:
                continue
            subj = [c for c in cands if c[2]]
            pool = subj or cands
            # own sentence: the nearest one; earlier sentences: the subject, else the first
            pick = pool[-1] if k == 0 else pool[0]
            return pick[1]
        return None

    def _candidates(self, start: int, end: int, want: str, possessors: bool = False) -> list[tuple[int, str, bool]]:
        out = []
        seen_pos = set()
        i = bisect.bisect_left(self.ent_starts, start)
        while i < len(self.ents) and self.ents[i].start < end:
            e = self.ents[i]
            i += 1
            if want in ("m", "f") and e.label not in PERSON_LABELS:
                continue
            if want == "pl" and e.label not in GROUP_LABELS:
                continue
            name = self.canonical(e.actor or e.text) if e.label in PERSON_LABELS else (e.actor or e.text)
            g = self.gender.get(name)
            if want in ("m", "f") and g is not None and g != want:
                continue
            if self._in_possessive_or_compound(e.start, e.end) and not (possessors and self._possessive(e.end)):
                continue
            out.append((e.start, name, self._is_subject(e.start, e.end)))
            seen_pos.add(e.start)
        if want in ("m", "f"):
            # a proper-noun subject the entity layer did not tag ("Blige said")
            span = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
            for t in (span or []):
                if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON") and t.idx not in seen_pos \
                        and not _after_article(t):
                    # ("the 13th Amendment" is no person: names of people take no article)
                    named = self._named(t)
                    if named is not None and named.start not in seen_pos:
                        g = self.gender.get(named.name)
                        if g is None or g == want:
                            out.append((named.start, named.name, True))
                            seen_pos.add(named.start)
            for s, e_, name in self.extra:
                if start <= s < end and s not in seen_pos:
                    g = self.gender.get(name)
                    if g is not None and g != want:
                        continue
                    out.append((s, name, self._is_subject(s, e_)))
        out.sort()
        return out

    def _tokens(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span

    def _is_subject(self, start: int, end: int) -> bool:
        span = self._tokens(start, end)
        if span is None or len(span) == 0:
            return False
        root = span.root
        return root.dep_ in ("nsubj", "nsubjpass")

    def _possessive(self, end: int) -> bool:
        return self.text[end:end + 2] in ("’s", "'s")

    def _in_possessive_or_compound(self, start: int, end: int) -> bool:
        """'Trump aides', 'Trump's behalf': the name modifies another noun, not a referent for 'he'."""
        span = self._tokens(start, end)
        if span is None or len(span) == 0:
            return False
        root = span.root
        # only a name right before the noun it modifies ("Trump aides"), not a mis-parse
        return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i == span.end


#: Determiners that only go with a singular noun.
_SINGULAR_DETERMINERS = frozenset({"a", "an", "this", "that", "every", "each", "another"})


@lru_cache(maxsize=1)
def _kin() -> tuple[frozenset, frozenset]:
    """Relatives' nouns that say he or she (``data/titles.json``: kin_male, kin_female)."""
    from ..data import load_json

    titles = load_json("titles.json")
    return frozenset(titles["kin_male"]), frozenset(titles["kin_female"])


def _given_name_gender(name: str, alone: bool = False) -> str | None:
    """'m' or 'f' when the name's first word is a given name of one gender (US Census 1990). A
    one-word name counts only when the text never gives that person a surname (``alone``: a
    feature story's "Megan"); a surname alone says nothing ("Grace" may be a family name)."""
    lex = lexicon()
    words = [w.strip(".,") for w in name.split()]
    while words and (words[0].lower() in lex.male_titles or words[0].lower() in lex.female_titles
                     or words[0].lower() in lex.roles):
        words.pop(0)
    if len(words) < 2 and not (alone and len(words) == 1):
        return None
    first = words[0].capitalize()
    return "m" if first in lex.male_names else "f" if first in lex.female_names else None


@lru_cache(maxsize=1)
def _titles_also_for_women() -> frozenset:
    from ..data import load_json

    return frozenset(load_json("titles.json").get("male_but_also_for_women", []))


def _pronoun_role(tok) -> str:
    """subject, possessor or object: 'she said she …' repeats one person in one role."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    return "possessor" if tok.dep_ == "poss" else "object"


def _plural_group(ent) -> bool:
    """"Democrats", "Ukrainians": a plural group, never 'it' (a singular "Russian" side may be)."""
    return ent.label == "NORP" and (ent.actor or ent.text).endswith("s")


def _relative_antecedent(tok):
    """What a relative pronoun stands for: the noun its clause modifies ('McConnell, now the
    Senate majority leader, who said' -> McConnell, past the apposition), or, when the parse
    did not make the clause a relative one, the noun right before the pronoun."""
    if tok.head.dep_ == "relcl":
        ante = tok.head.head
    else:
        j = tok.i - 1
        while j >= 0 and tok.doc[j].is_punct:
            j -= 1
        if j < 0 or tok.doc[j].pos_ not in ("NOUN", "PROPN"):
            return None
        ante = tok.doc[j]
        while ante.dep_ == "compound" and ante.head.i > ante.i:
            ante = ante.head
    if ante.dep_ == "appos" and ante.head.pos_ == "PROPN":
        ante = ante.head
    return ante


def _after_article(tok) -> bool:
    """'the 13th Amendment', 'the Senate': names of people take no article or ordinal, however
    the parser attached them."""
    before = [t for t in tok.doc[max(tok.left_edge.i, tok.i - 3): tok.i]]
    if tok.i > 0 and tok.doc[tok.i - 1] not in before:
        before.append(tok.doc[tok.i - 1])
    return any(t.dep_ == "det" or t.lower_ in ("the", "a", "an") or t.ent_type_ == "ORDINAL" or t.like_num
               for t in before) or any(c.dep_ == "det" or c.ent_type_ == "ORDINAL" for c in tok.children)


def _past_misread_compound(doc, left: int, head) -> int:
    """Where a plural speaker's phrase really starts when the parser glued a noun before it:
    "a decision critics called 'a disgrace'" is "a decision [that] critics called …", because "a"
    cannot go with "critics". Returns the index after the glued singular determiner and nouns."""
    if head.tag_ not in ("NNS", "NNPS") or doc[left].lower_ not in _SINGULAR_DETERMINERS:
        return left
    i = left + 1
    while i < head.i and doc[i].dep_ in ("compound", "amod") and doc[i].tag_ in ("NN", "VBG"):
        i += 1
    return i if i == head.i and i > left + 1 else left
