"""Attributing a quoted stretch (direct quote) to its speaker.

:meth:`DirectAttributor.attribute` reads a quote once into a :class:`QuoteContext` (its
tokens, its paragraph, the sentence(s) a cue may sit in, the words outside it that govern
it, the quotes beside and around it) and tries the rules of :data:`RULES` in order, each a
small function named for the rule it implements. The first that gives an answer wins, and
the explanation says which one it was:

``action_beat``                 an action beat between the dashes that join two halves of a
                                quote ("“Nobody in this building”—Hargreave tapped the
                                lectern—“wants a shutdown.”"): the beat's subject says both.
``dash_byline``                 a dash byline right after the quote: "“...” ― Jane Doe".
``question_put_to_someone``     the quote sits inside a question put to someone ("one about
                                whether he viewed Ukraine as “...”"): the words are the
                                asker's; unnamed asker -> no speaker.
``a_word_someone_uses``         the quote is a word someone uses or will not use ("would not
                                use the word “recession”"): the subject of that verb.
``reporting_cue_in_sentence``   a reporting verb, a speech noun ("his promise") or "according
                                to" in the quote's own sentence(s), outside any other quote; a
                                cue linked to the quote in the parse wins, then the nearest (a
                                cue right after the quote beats one before it at equal distance).
``colon_after_reporting_verb``  the quote follows a colon; the speaker is the subject of the
                                last reporting verb before the colon in the sentence it ends.
``colon_after_name``            the quote follows a short verbless phrase and a colon ("From
                                Trump:", "Trump on Twitter:"): the last person it names.
``colon_after_a_person_clause`` the quote follows a colon after a clause about a person whose
                                verb takes no object ("Coach Groot was blunt:"): that person.
``follow_on``                   the quote opens a sentence right after an attributed quote (no
                                sentence in between): it continues that speaker.
``previous_sentence_cue``       the quote opens a sentence and the sentence just before reports
                                someone's words ("…, Schiff said."): it continues them.
``person_in_the_sentence_before`` an action beat: the sentence before, in the same paragraph,
                                has a person as its main subject and no words in marks ("Adeyemi
                                shook her head. “I have never seen the river this low.”").
``clause_subject``              a partial quote inside a clause with no reporting verb ("Trump
                                called Zelensky “to inform him”"): the clause's named subject,
                                flagged as an inference.
``no_speaker``                  otherwise: no speaker.

The beat, the byline, the colons and the two follow-on rules read outer quotes only (a quote
inside a quote is its outer speaker's words unless its own sentence says otherwise).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..english import CIRCUMSTANCE_SUBORDINATORS, RELATIVE_PRONOUNS
from .cues import (
    according_to,
    channel_and_setting,
    cue_extent,
    cue_phrase,
    is_cue,
    light_verbs,
    relayer,
    speaker_like,
    speech_noun_source,
    speech_sense,
    subject_of,
    utterance_maker,
)
from .lexicon import lexicon
from .marks import MarkedSpan
from .speakers import Speaker


@dataclass
class Attribution:
    speaker: Speaker | None = None
    cue: object | None = None  # the cue token
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    how: str = "none"
    explanation: str = ""
    channel: str | None = None
    setting: str | None = None
    relayed_by: Speaker | None = None
    relay_channel: str | None = None  # how the relayer passed the words on ('told reporters')


def _ancestors_outside(q_tokens, inside) -> list:
    """Tokens outside the quote that govern it, nearest first (by path length)."""
    seen = {}
    for t in q_tokens:
        h, d = t, 0
        while h.head.i != h.i:
            h = h.head
            d += 1
            if inside(h):
                continue
            if h.i not in seen or seen[h.i][0] > d:
                seen[h.i] = (d, h)
    return [h for _, h in sorted(seen.values(), key=lambda x: (x[0], x[1].i))]


def _describe_cue(speaker: Speaker, cue_tok, after: bool) -> str:
    where = "right after the quote" if after else "before the quote"
    cue = cue_phrase(cue_tok)
    if speaker.how == "pronoun":
        base = f"speaker from '{speaker.text} {cue}' {where}; '{speaker.text}' is {speaker.name or 'unresolved'}"
        if speaker.name and speaker.text.lower() in RELATIVE_PRONOUNS:
            base += " (the one the clause describes)"
        elif speaker.name:
            base += " (the nearest fitting person named before it)"
        return base
    if cue == "according to":
        return f"speaker from 'according to {speaker.text}' {where}"
    return f"speaker from '{speaker.text} {cue}' {where}"


class _Siblings:
    """The other quotes at one quote's level (quotes at one level do not overlap), by position."""

    def __init__(self, level: list, starts: list[int], own) -> None:
        self._level, self._starts, self._own = level, starts, own

    def __iter__(self):
        return (s for s in self._level if s is not self._own)

    def contains(self, offset: int) -> bool:
        """True if another quote at this level holds ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._level[i] is not self._own and offset < self._level[i].end

    def _from(self, lo: int, hi: int):
        i = bisect.bisect_left(self._starts, lo)
        while i < len(self._level) and self._level[i].start < hi:
            if self._level[i] is not self._own:
                yield self._level[i]
            i += 1

    def within(self, lo: int, hi: int):
        """The other quotes lying wholly inside ``[lo, hi)``."""
        return (s for s in self._from(lo, hi) if s.end <= hi)

    def any_within(self, lo: int, hi: int) -> bool:
        """True if another quote lies wholly inside ``[lo, hi)``."""
        return next(self.within(lo, hi), None) is not None

    def any_start_in(self, lo: int, hi: int) -> bool:
        """True if another quote starts inside ``[lo, hi)``."""
        return next(self._from(lo, hi), None) is not None


class DirectAttributor:
    def __init__(self, doc, resolver, spans, paragraph_of, text=None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.res = resolver
        self.spans = spans  # MarkedSpan list
        self.paragraph_of = paragraph_of
        self.lex = lexicon()
        self._tok_starts = [t.idx for t in doc]
        self.headline_ks: set[int] = set()  # indices of quotes in the headline (attributed elsewhere)
        self.marked: list = list(spans)  # every quoted stretch, titles too (set by find_quotes)
        self._levels: dict = {}  # parent index -> its children, sorted by start

    def _siblings(self, k: int) -> _Siblings:
        """The quotes at the same level as quote ``k`` (same parent), found by position, so a
        long text with thousands of quotes costs a binary search per look-up, not a scan."""
        parent = self.spans[k].parent
        if parent not in self._levels:
            level = sorted((s for s in self.spans if s.parent == parent), key=lambda s: s.start)
            self._levels[parent] = (level, [s.start for s in level])
        level, starts = self._levels[parent]
        return _Siblings(level, starts, self.spans[k])

    def tokens_in(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self._tok_starts, start)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            out.append(self.doc[i])
            i += 1
        return out

    def attribute(self, k: int, results: dict) -> Attribution:
        """Quote ``k``'s attribution: the first answer of the rules in :data:`RULES`.
        ``results`` holds the attributions made so far, by quote index."""
        c = self.context(k, results)
        if c is None:
            return Attribution(explanation="no words in the quote")
        return next(att for rule in RULES if (att := rule(c)) is not None)

    def context(self, k: int, results: dict) -> QuoteContext | None:
        """Quote ``k`` as the rules read it (``None`` for a quote with no words)."""
        q = self.spans[k]
        q_tokens = self.tokens_in(q.start, q.end)
        if not q_tokens:
            return None
        parent = self.spans[q.parent] if q.parent is not None else None
        # the cue must be in the quote's own paragraph(s): the parser sometimes runs a
        # sentence across a paragraph break
        p_lo, p_hi = self.paragraph_bounds(q.start, q.end)
        c = QuoteContext(self, k, q, q_tokens, parent, self._siblings(k), results, q_tokens[0].sent, p_lo, p_hi)
        c.frame = self._frame(c)
        governors = _ancestors_outside(q_tokens, c.inside_q)
        c.governors = [g for g in governors if (c.in_region(g) or (parent is None and not c.in_other(g)))
                       and p_lo <= g.idx < p_hi]
        return c

    def _frame(self, c: QuoteContext) -> list:
        """The tokens a cue may be: the quote's sentence(s) in its paragraph(s), outside it and
        every other quote at its level (inside its parent, for a nested quote)."""
        doc, q = self.doc, c.q
        frame_end = c.q_tokens[-1].sent.end
        # a sentence split after '?”' or '!”' leaves the cue on its own: '… ?” he asks.'
        if frame_end < len(doc) and doc[frame_end - 1].idx >= q.end - 1:
            nxt = doc[frame_end].sent
            head = next((t for t in nxt if not t.is_space), None)
            # ('“… ?” Clinton said.': a short sentence that is only a speaker and a reporting verb)
            # (or a longer one that opens with the verb's subject: '“…!” Scott’s niece, state Del. … shouted')
            tail = head is not None and is_cue(nxt.root) and not any(
                ch.dep_ in ("ccomp", "dobj", "xcomp") for ch in nxt.root.children) and (
                len(nxt) <= 10 or len(nxt) <= 30 and _subject_between(nxt.root, q.end))
            if head is not None and (head.is_lower and len(nxt) <= 25 or tail):
                frame_end = nxt.end
        return [t for t in doc[c.first_sent.start: frame_end] if c.in_region(t) and c.p_lo <= t.idx < c.p_hi]

    def _introduces(self, verb, q) -> bool:
        """A reporting verb whose own phrase runs up to the quote with a comma or colon and no
        other verb in between ('saying at a rally, “…”'): it introduces the quote, however the
        parser attached the quote."""
        before = self.text[verb.idx + len(verb): q.start].rstrip()
        if not before.endswith((",", ":")) or "\n" in before:
            return False
        between = self.tokens_in(verb.idx + len(verb), q.start)
        return len(between) <= 10 and not any(t.pos_ in ("VERB", "AUX") or t.is_sent_start for t in between)

    def paragraph_bounds(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", max(start, end - 1))
        return lo, (len(text) if hi < 0 else hi)

    def _adjacent_name(self, cue, q, after: bool):
        """The name between the quote and its cue when the parse lost the subject:
        '“…,” Tulsa police Chief Chuck Jordan said' or '“…,” said Jordan'."""
        doc = self.doc
        if after:
            between = self.tokens_in(q.end, cue.idx)
            words = [t for t in between if not t.is_punct and not t.is_space]
            if words and len(words) <= 8 and words[-1].pos_ in ("PROPN", "NOUN", "PRON"):
                # a person named there beats an apposition after it ("Flynn, a top Trump surrogate, said")
                person = next((t for t in words if t.ent_type_ == "PERSON"), None)
                if person is not None:
                    while person.i + 1 < len(doc) and doc[person.i + 1].ent_type_ == "PERSON":
                        person = doc[person.i + 1]
                    return person
                if words[-1].pos_ == "NOUN" and not speaker_like(words[-1]):
                    return None  # "… with softer wording calling for": wording does not speak
                return words[-1]
        if not after and cue.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            # 'Obama and Clinton call them “lone wolves”': a finite verb whose subject the parse
            # hung elsewhere; the name right before it (adverbs and auxiliaries aside)
            j = cue.i - 1
            while j >= 0 and (doc[j].pos_ in ("ADV", "AUX", "PART") and doc[j].dep_ in ("advmod", "aux", "neg")):
                j -= 1
            if j >= 0 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("PERSON", "ORG", "NORP", ""):
                return doc[j]
        # inverted cue: "said Hester", "Said Ellis: “…”"
        # ("said commuter Priya Nair": a few lower-case role words may stand before the name)
        if not after and not _opens_clause(cue):
            return None  # 'by calling out Jenkins for his “…”': a name after a verb inside a clause is its object
        k = cue.i + 1
        while k < len(doc) and k - cue.i <= 4 and doc[k].is_lower and doc[k].is_alpha:
            k += 1
        nxt = doc[k] if k < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and (after or nxt.idx < q.start) and \
                (k == cue.i + 1 or nxt.ent_type_ == "PERSON"):
            j = nxt.i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
                j += 1
            return doc[j]
        return None

    def _opens_sentence(self, q, q_tokens) -> bool:
        first = q_tokens[0]
        if first.i == first.sent.start:
            return True
        before = self.text[max(0, q.start - 3): q.start]
        text_before = self.text[first.sent.start_char: q.start].strip()
        return not text_before or before.rstrip().endswith(("\n",)) or text_before[-1:] in ".!?"

    def _previous_attributed(self, k, results):
        for j in range(k - 1, -1, -1):
            if j in self.headline_ks:
                return None  # the headline's quote is not continued by the body's first quote
            if self.spans[j].parent is not None:
                continue
            att = results.get(j)
            if att is None:
                continue
            if att.speaker is not None:
                return j, att
            if att.how == "question":
                return None
            return None
        return None

    def _adjacent(self, p, q, patt=None) -> bool:
        """No full sentence of narration between quote ``p`` and quote ``q`` (the sentence that
        holds ``p``'s own cue, "Flynn said on Fox.", is ``p``'s attribution, not narration)."""
        ptoks = self.tokens_in(p.start, p.end)
        qtoks = self.tokens_in(q.start, q.end)
        if not ptoks or not qtoks:
            return False
        p_sent = ptoks[-1].sent
        q_sent = qtoks[0].sent
        if p_sent.start == q_sent.start:
            return True
        # the sentences between must belong to p's attribution (e.g. "Trump said.")
        s = p_sent
        hops = 0
        while s.end < q_sent.start and hops < 2:
            s = self.doc[s.end].sent
            if s.text.strip():
                hops += 1
        if s.end < q_sent.start:
            return False
        cue = getattr(patt, "cue", None)
        own_cue = (hops == 1 and cue is not None and hasattr(cue, "idx") and p.end <= cue.idx < q.start
                   and len(self.text[p.end:q.start].split()) <= 25
                   and not any(p.end <= o.start < q.start for o in self.spans if o.parent is None))
        if hops > 1 or (hops == 1 and s.start < q_sent.start and s.text.strip() and not own_cue):
            # a sentence of narration in between
            return False
        return self.paragraph_of(q.start) - self.paragraph_of(p.end - 1) <= 1



@dataclass
class QuoteContext:
    """One quote as every rule reads it, built once by :meth:`DirectAttributor.context`."""

    by: DirectAttributor  # the article's attributor: doc, text, resolver, lexicon, every quote
    k: int  # the quote's index in ``by.spans``
    q: MarkedSpan
    q_tokens: list  # the quote's tokens (never empty)
    parent: MarkedSpan | None  # the quote this one sits inside, if any
    others: _Siblings  # the other quotes at its level
    results: dict  # the attributions made so far, by quote index (a follow-on reads its predecessor's)
    first_sent: object  # the sentence the quote starts in
    p_lo: int  # the quote's paragraph(s) run over [p_lo, p_hi): a cue must lie there
    p_hi: int
    frame: list = field(default_factory=list)  # tokens of its sentence(s) a cue may be (DirectAttributor._frame)
    governors: list = field(default_factory=list)  # tokens outside it that govern it, nearest first

    def inside_q(self, t) -> bool:
        """``t`` lies inside the quote."""
        return self.q.start <= t.idx < self.q.end

    def in_other(self, t) -> bool:
        """``t`` lies inside another quote at the quote's level."""
        return self.others.contains(t.idx)

    def in_region(self, t) -> bool:
        """``t`` is narration around the quote: outside it and the quotes beside it, inside its
        parent for a nested quote."""
        if self.inside_q(t) or self.in_other(t):
            return False
        if self.parent is not None:
            return self.parent.start <= t.idx < self.parent.end
        return True

    @property
    def doc(self):
        return self.by.doc

    @property
    def text(self) -> str:
        return self.by.text

    @property
    def res(self):
        return self.by.res

    @property
    def in_quote(self) -> bool:
        """The quote sits inside another quote (a pronoun in it is the outer speaker's)."""
        return self.parent is not None

    @cached_property
    def opens_sentence(self) -> bool:
        """The quote opens its sentence (nothing but a line break or a sentence end before it)."""
        return self.by._opens_sentence(self.q, self.q_tokens)


# --------------------------------------------------------------------------- the rules, in order


def action_beat(c: QuoteContext) -> Attribution | None:
    """“Nobody in this building”—Hargreave tapped the lectern—“wants a shutdown.”: the clause
    between two dashes that join two quotes is an action beat, and its subject says both."""
    if c.parent is not None:
        return None
    text, q = c.text, c.q
    after = text[q.end: q.end + 200]
    before = text[max(0, q.start - 200): q.start]
    beat = None
    m = re.match(r"\s?[—–]\s?([^—–\n“”\"]{2,150}?)\s?[—–]\s?[“\"‘']", after)
    if m:
        beat = (q.end + m.start(1), q.end + m.end(1))
    else:
        m = re.search(r"[”\"’']\s?[—–]\s?([^—–\n“”\"]{2,150}?)\s?[—–]\s?$", before)
        if m:
            beat = (q.start - len(before) + m.start(1), q.start - len(before) + m.end(1))
    if beat is None:
        return None
    toks = c.by.tokens_in(*beat)
    subj = next((t for t in toks if t.dep_ in ("nsubj", "nsubjpass") and t.head in toks), None)
    if subj is None and toks and toks[0].pos_ in ("PROPN", "PRON"):
        subj = toks[0]
    sp = c.res.from_token(subj) if subj is not None else None
    if sp is None or sp.name is None:
        return None
    return Attribution(sp, None, None, None, "beat",
                       f"an action beat between dashes ('{text[beat[0]:beat[1]].strip()}'): "
                       f"{sp.name} says the words on both sides of it")


def dash_byline(c: QuoteContext) -> Attribution | None:
    """A dash byline right after the quote: “...” ― Jane Doe."""
    if c.parent is not None:
        return None
    doc, text, q = c.doc, c.text, c.q
    tail = text[q.end: q.end + 6]
    stripped = tail.lstrip(" \t")
    if stripped[:1] == "\n":  # a signature on the next line of a press release
        stripped = stripped[1:].lstrip(" \t")
    if not (stripped[:1] and stripped[:1] in "―—–-" and q.end + 6 <= len(text)):
        return None
    after = [t for t in c.by.tokens_in(q.end, q.end + 80) if not t.is_punct and not t.is_space]
    if not (after and (after[0].pos_ == "PROPN" and after[0].ent_type_ in ("", "PERSON", "ORG", "NORP")
                       or after[0].ent_type_ == "PERSON")):  # ('— Tomás O’Rourke': a name the tagger read as ADJ)
        return None
    j = after[0].i
    while j + 1 < len(doc) and doc[j + 1].idx < q.end + 80 and (
            doc[j + 1].pos_ == "PROPN" or doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I"):
        j += 1
    sp = c.res.from_token(doc[j])
    if sp is None:
        return None
    return Attribution(sp, None, None, None, "byline", f"speaker from the dash byline '— {sp.text}' after the quote")


def question_put_to_someone(c: QuoteContext) -> Attribution | None:
    """The quote sits inside a question put to someone ("one about whether he viewed Ukraine
    as “...”"): the words are the asker's; a question by someone unnamed has no speaker."""
    for g in c.governors[:8]:
        if g.pos_ == "NOUN" and g.lemma_.lower() in c.by.lex.question_nouns:
            src = speech_noun_source(g)
            if src is not None:
                sp = c.res.from_token(src, in_quote=c.in_quote)
                if sp is not None:
                    return Attribution(sp, g, g.text, (g.idx, g.idx + len(g)), "question",
                                       f"a question; the asker from '{sp.text}'s {g.text}'")
            return Attribution(None, g, g.text, (g.idx, g.idx + len(g)), "question",
                               f"no speaker: part of a {g.lemma_} put by someone the text does not name")
        if is_cue(g) and g.lemma_ in ("ask",):
            return _asked_whether(c, g)
    return None


def _asked_whether(c: QuoteContext, ask) -> Attribution | None:
    """'Asked whether the service was “in crisis”, Haddad paused': words in marks inside the
    question (a 'whether'/'if'/wh- clause or an 'about' phrase under 'ask') are the asker's, not the one asked; with no
    asker named (a passive 'Asked …') they have no speaker."""
    inside = [t for t in (*c.governors, *c.q_tokens) if t.i > ask.i and ask in t.ancestors]
    about = any(t.dep_ == "prep" and t.lower_ == "about" and t.head.i == ask.i for t in inside)
    if not about and not any(ch.dep_ == "mark" and ch.lower_ in ("whether", "if") or ch.tag_ in ("WDT", "WP", "WRB")
                             for t in inside for ch in t.children):
        return None
    span = (ask.idx, ask.idx + len(ask))
    passive = ask.tag_ == "VBN" and not any(ch.dep_ == "nsubj" for ch in ask.children)  # 'Asked whether …,'
    subj = None if passive else subject_of(ask)
    sp = c.res.from_token(subj, in_quote=c.in_quote) if subj is not None else None
    if sp is not None and sp.name:
        return Attribution(sp, ask, ask.text, span, "question", f"a question; the asker is '{sp.text}'")
    return Attribution(None, ask, ask.text, span, "question",
                       "no speaker: part of a question put to someone by someone the text does not name")


def a_word_someone_uses(c: QuoteContext) -> Attribution | None:
    """"would not use the word “recession”", "dropped the term “crisis”": the subject of the verb
    that uses the word says it (or, denied, does not); the verb is the cue."""
    from .lexicon import word_nouns, word_use_verbs

    first = c.q_tokens[0]
    j = first.i - 1
    doc = c.doc
    while j >= 0 and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    if j < 0 or doc[j].lemma_.lower() not in word_nouns() and doc[j].lower_ not in word_nouns():
        return None
    noun = doc[j]
    obj = noun if noun.dep_ == "dobj" else noun.head  # ('the word “recession”': the parse may make the word the object)
    verb = obj.head
    if obj.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in word_use_verbs():
        return None
    subj = subject_of(verb)
    sp = c.res.from_token(subj, in_quote=c.in_quote) if subj is not None else None
    if sp is None or not sp.name:
        return None
    return Attribution(sp, verb, verb.text, (verb.idx, verb.idx + len(verb)), "word",
                       f"a word {sp.name} uses: '{sp.text} … {verb.text} the {noun.text}'")


def reporting_cue_in_sentence(c: QuoteContext) -> Attribution | None:
    """A reporting verb, a speech noun or "according to" in the quote's own sentence(s): the
    best-ranked cue (:func:`_cue_candidates`) whose subject resolves to a named speaker; failing
    that, the first whose subject is an unresolved 'it'."""
    deferred = None
    for _, t, after, noun_cue in _cue_candidates(c):
        subj = speech_noun_source(t) if noun_cue else subject_of(t)
        if not noun_cue and subj is not None and any(m.start <= subj.idx < m.end for m in c.by.marked):
            subj = None  # the parse took a word in a title for the subject: 'said on Fox News’s “Fox and Friends”'
        if not noun_cue and (subj is None or c.inside_q(subj) or c.in_other(subj)):
            subj = c.by._adjacent_name(t, c.q, after)
        if subj is None or c.inside_q(subj) or subj.left_edge.idx <= c.q.start < subj.idx:
            continue  # ('The government’s “temporary” tax … will add': the quote is inside the subject)
        sp = c.res.from_token(subj, in_quote=c.in_quote)
        if sp is None:
            continue
        if sp.name is None and deferred is None:
            deferred = (t, after, noun_cue, subj)  # an unresolved 'it': try the other cues first
            continue
        if sp.name is None:
            continue
        return _cue_attribution(c, sp, t, after, noun_cue, subj)
    if deferred is not None:
        t, after, noun_cue, subj = deferred
        sp = c.res.from_token(subj, in_quote=c.in_quote)
        return _cue_attribution(c, sp, t, after, noun_cue, subj)
    return None


def colon_after_reporting_verb(c: QuoteContext) -> Attribution | None:
    """A colon introduction ('Trump said: “…”'): the subject of the last reporting verb before
    the colon, in the sentence the colon ends."""
    colon = _colon_before(c)
    if colon is None:
        return None
    colon_at, sent = colon
    q = c.q
    cues = [t for t in sent if is_cue(t) and t.idx < colon_at and not c.in_other(t) and not _said_by_no_one(t)]
    for t in sorted(cues, key=lambda t: -t.i):
        subj = subject_of(t)
        if subj is not None:
            sp = c.res.from_token(subj)
            if sp is not None:
                att = Attribution(sp, t, cue_phrase(t), cue_extent(t), "colon")
                att.explanation = f"introduced by '{sp.text} {cue_phrase(t)}:' before the quote"
                att.channel, att.setting = channel_and_setting(t, (q.start, q.end))
                return att
    return _colon_after_speech_noun(c, colon_at, sent)


def _colon_after_speech_noun(c: QuoteContext, colon_at: int, sent) -> Attribution | None:
    """'Sanders made the following comment:', 'Her statement read in full:': the maker of the
    utterance the sentence names before the colon."""
    for t in sorted((t for t in sent if t.idx < colon_at and t.pos_ == "NOUN"), key=lambda t: -t.i):
        maker = utterance_maker(t)
        if maker is None and t.lemma_.lower() in c.by.lex.speech_nouns and t.dep_ == "dobj" and \
                t.head.lemma_.lower() in light_verbs():  # 'issued a statement:' (a statement is a source, not here)
            maker = next((s for s in t.head.children if s.dep_ == "nsubj"), None)
        sp = c.res.from_token(maker) if maker is not None else None
        if sp is not None and sp.name:
            return Attribution(sp, t, t.text, (t.idx, t.idx + len(t)), "colon",
                               f"introduced by '{sp.text} … {t.text}:' before the quote")
    return None


def colon_after_name(c: QuoteContext) -> Attribution | None:
    """"From Trump:" / "Trump on Twitter:" -> the last named person before the colon."""
    colon = _colon_before(c)
    if colon is None:
        return None
    colon_at, sent = colon
    text = c.text
    # (the phrase is read within its own line: a headline's parse may run on into the body)
    line_lo = text.rfind("\n", 0, colon_at) + 1
    intro = [t for t in sent if line_lo <= t.idx < colon_at and not t.is_space]
    names = [t for t in intro if t.ent_type_ == "PERSON"]
    if names and len(intro) <= 10 and not any(t.pos_ in ("VERB", "AUX") for t in intro):
        sp = c.res.from_token(names[-1])
        if sp is not None and sp.how == "name":
            said = text[intro[0].idx:colon_at].strip()
            return Attribution(sp, None, ":", (colon_at, colon_at + 1), "colon",
                               f"introduced by '{said}:' (a colon before the quote)")
    return None


def colon_after_a_person_clause(c: QuoteContext) -> Attribution | None:
    """"Coach Anneliese Groot was blunt: “…”", "Rivera did not hold back: “…”": the clause
    before the colon is about a named person and its verb takes no object (or only 'it': 'put
    it simply'), so what follows the colon is that person's words. ('Detective Moss found a note
    in the car: “…”' has an object: the note's writer is not said.)"""
    colon = _colon_before(c)
    if colon is None:
        return None
    colon_at, sent = colon
    line_lo = c.text.rfind("\n", 0, colon_at) + 1
    # the last clause before the colon (the parse may hang it under the quote's own verb)
    verbs = [t for t in sent if line_lo <= t.idx < colon_at and t.pos_ in ("VERB", "AUX")
             and any(ch.dep_ == "nsubj" and line_lo <= ch.idx < colon_at for ch in t.children)]
    if not verbs:
        return None
    verb = verbs[-1]
    if any(ch.dep_ in ("dobj", "dative", "ccomp", "xcomp") and ch.lower_ != "it" and ch.idx < colon_at
           for ch in verb.children):
        return None
    subj = next(ch for ch in verb.children if ch.dep_ == "nsubj" and line_lo <= ch.idx < colon_at)
    sp = c.res.from_token(subj)
    if sp is None or not sp.name or not (
            sp.how == "name" and c.res.is_person(subj) or sp.how == "pronoun" and subj.lower_ in ("he", "she", "they")):
        return None
    said = c.text[sent.start_char if sent.start_char >= line_lo else line_lo:colon_at].strip()
    return Attribution(sp, None, ":", (colon_at, colon_at + 1), "colon",
                       f"introduced by '{said}:': the words after the colon are {sp.name}'s")


def follow_on(c: QuoteContext) -> Attribution | None:
    """The quote opens a sentence right after an attributed quote, with no sentence of narration
    in between: it continues that speaker (and that quote's relayer, channel and setting)."""
    if c.parent is not None or not c.opens_sentence:
        return None
    prev = c.by._previous_attributed(c.k, c.results)
    if prev is None:
        return None
    pj, patt = prev
    p = c.by.spans[pj]
    if not c.by._adjacent(p, c.q, patt):
        return None
    sp = patt.speaker
    att = Attribution(sp, None, None, None, "follow-on")
    att.explanation = (f"no cue of its own: continues the quote by {sp.name or sp.text} "
                       f"just before it")
    att.relayed_by, att.relay_channel = patt.relayed_by, patt.relay_channel
    att.channel, att.setting = patt.channel, patt.setting
    att.cue_text = patt.cue_text
    return att


def previous_sentence_cue(c: QuoteContext) -> Attribution | None:
    """The quote opens a sentence and the sentence just before reports the same speaker's
    words ("…, Schiff said."): the last reporting verb there with a usable subject."""
    if c.parent is not None or not c.opens_sentence or c.first_sent.start <= 0:
        return None
    doc = c.doc
    prev_sent = doc[c.first_sent.start - 1].sent
    if prev_sent.text.strip() == "" and prev_sent.start > 0:
        prev_sent = doc[prev_sent.start - 1].sent
    # (words in marks inside that sentence do not stop it when they are fragments of it:
    # 'Though she called the behaviour “outrageous”, Clinton restricted …' ¶ '“If any bank …”')
    whole_quotes = [o for o in c.others.within(prev_sent.start_char, prev_sent.end_char)
                    if len(c.text[o.start:o.end].split()) > 4]
    if c.by.paragraph_of(c.q.start) - c.by.paragraph_of(prev_sent.start_char) > 2 or whole_quotes:
        return None
    for t in sorted((t for t in prev_sent if is_cue(t)), key=lambda t: -t.i):
        subj = subject_of(t)
        if subj is None:
            continue
        sp = c.res.from_token(subj)
        if sp is None or sp.how == "description" and sp.text.lower() in ("it", "this"):
            continue
        att = Attribution(sp, t, cue_phrase(t), cue_extent(t), "previous-sentence")
        att.explanation = (f"no cue of its own: continues what '{sp.text} {cue_phrase(t)}' "
                           f"reports in the sentence before")
        if sp.how == "pronoun":
            att.explanation += f"; '{sp.text}' is {sp.name or 'unresolved'}"
        return att
    return None


def person_in_the_sentence_before(c: QuoteContext) -> Attribution | None:
    """An action beat before the words: the quote opens a sentence of its paragraph, and the
    sentence just before, in the same paragraph, has a person as its main subject and no words
    in marks ("Grace Adeyemi … shook her head. “I have never seen the river this low.”")."""
    if c.parent is not None or not c.opens_sentence or c.first_sent.start <= 0:
        return None
    prev_sent = c.doc[c.first_sent.start - 1].sent
    if c.by.paragraph_of(c.q.start) != c.by.paragraph_of(prev_sent.start_char):
        return None
    if any(True for _ in c.others.within(prev_sent.start_char, prev_sent.end_char)):
        return None
    root = prev_sent.root
    subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    sp = c.res.from_token(subj)
    if sp is None or not sp.name or not (c.res.is_person(subj) or sp.how == "pronoun" and subj.lower_ in
                                          ("he", "she")):
        return None
    att = Attribution(sp, None, None, None, "beat")
    att.explanation = (f"no reporting verb: the sentence before is about {sp.name} ('{sp.text} {root.text}'), "
                       "and the words in marks follow as theirs")
    return att


def clause_subject(c: QuoteContext) -> Attribution | None:
    """A partial quote inside a clause with no reporting verb ("Trump called Zelensky “to
    inform him”"): the named subject of the nearest verb governing it, flagged as an inference.
    Only when the words in marks are a clause, or what a verb of saying or characterising (or an
    'as' phrase) makes of something, or sit inside another quote: a bare phrase in the writer's
    sentence ('sent its “national enterprise reporter”') is the writer's marks, no one's words."""
    if c.opens_sentence:
        return None
    if not (c.in_quote or holds_a_clause(c.q_tokens) or _characterised(c)):
        return None  # 'The Post sent its “national enterprise reporter”': the writer's phrase, nobody's words
    # (inside someone's words marks quote a third person: 'Putin even used my motto of ‘COMMON SENSE’')
    for g in c.governors[:6]:
        if g.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((ch for ch in g.children if ch.dep_ in ("nsubj",)), None)
        if subj is None:
            continue
        if c.inside_q(subj) or any(c.inside_q(t) for t in subj.subtree):
            break  # 'because “she” is a “he”': the words in marks are the subject itself, no one says them
        sp = c.res.from_token(subj, in_quote=c.in_quote)
        if sp is not None and sp.how in ("name", "pronoun") and sp.name:
            att = Attribution(sp, None, None, None, "clause")
            att.explanation = (f"no reporting verb: the quote sits in a clause whose subject is "
                               f"'{sp.text}', so the words are most likely {sp.name}'s")
            return att
        break
    return None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def holds_a_clause(q_tokens) -> bool:
    """The words in marks are a sentence, clause or verb phrase of someone's ('It's about me.', 'a
    human leech who will bleed the country', 'vote your conscience'), not a bare phrase."""
    words = [t for t in q_tokens if not (t.is_punct or t.is_space)]
    # a finite verb, or a verb phrase (an imperative, or what someone wants done: 'wants the farms
    # to “feed the whole valley”')
    return any(t.tag_ in _FINITE_TAGS for t in words) or bool(words) and words[0].tag_ == "VB"


def _characterised(c: QuoteContext) -> bool:
    """The phrase in marks is what a verb of saying or characterising (or an 'as'/'like' phrase)
    says something is: 'admires Putin as a “strong leader”', 'likened the rules to “burning the
    Constitution”', 'rated 32% of claims “false”'."""
    from .lexicon import characterising_verbs, directive_verbs

    lex = c.by.lex
    verbs = characterising_verbs() | directive_verbs() | lex.as_verbs

    def says(t) -> bool:
        return t.pos_ in ("VERB", "AUX") and (lex.is_cue_verb(t, cognition=True) or t.lemma_.lower() in verbs)

    for g in c.governors[:6]:
        if g.lower_ in ("as", "like") and g.dep_ == "prep" or says(g):
            return True
    # the nearest verb before the marks, when the parse hangs them elsewhere ('a remark that
    # called the stadium “a waste of money”'), or 'as'/'like' right before their phrase ('pounding
    # Trump as a “con artist” ―', which the dash misparses)
    first = c.q_tokens[0]
    j = first.i - 1
    while j > first.sent.start and (first.doc[j].pos_ in ("DET", "ADJ", "PUNCT") or first.doc[j].is_space):
        j -= 1
    if first.doc[j].lower_ in ("as", "like"):
        return True
    before = (t for t in reversed(first.doc[first.sent.start:first.i]) if t.pos_ in ("VERB", "AUX") and not c.in_other(t))
    nearest = next(before, None)
    return nearest is not None and says(nearest)


def no_speaker(c: QuoteContext) -> Attribution:
    """No rule found a speaker: the quote has none."""
    return Attribution(None, None, None, None, "none",
                       "no speaker: no reporting verb, colon or earlier quote points to one")


#: The rules, in the order they are tried; the first answer wins (``no_speaker`` always answers).
RULES = (
    action_beat,
    dash_byline,
    question_put_to_someone,
    a_word_someone_uses,
    reporting_cue_in_sentence,
    colon_after_reporting_verb,
    colon_after_name,
    colon_after_a_person_clause,
    follow_on,
    previous_sentence_cue,
    person_in_the_sentence_before,
    clause_subject,
    no_speaker,
)


# --------------------------------------------------------------------------- what the rules share


def _cue_candidates(c: QuoteContext) -> list:
    """The cues in the quote's frame, best first, as ``(score, token, after, noun_cue)``: a cue the
    parse links to the quote beats an unlinked one, then the nearer wins (after the quote beats
    before it at equal distance)."""
    q, q_tokens = c.q, c.q_tokens
    lex, text = c.by.lex, c.text
    gov_set = {g.i for g in c.governors[:8]}
    cands = []
    for t in c.frame:
        noun_cue = t.i in gov_set and t.pos_ == "NOUN" and t.lemma_.lower() in lex.speech_nouns and not (
            t.lemma_.lower() in lex.other_senses and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.children))  # 'his “world-class” rail line'
        # thought verbs ("a report found that ...") only when the parse links them to the quote
        if not (is_cue(t) or noun_cue or (t.i in gov_set and is_cue(t, cognition=True))) or (
                not noun_cue and _said_by_no_one(t)):
            continue
        after = t.idx >= q.end
        dist = (t.i - q_tokens[-1].i) if after else (q_tokens[0].i - t.i)
        connected = t.i in gov_set or any(c.inside_q(h) for h in _head_chain(t, 3))
        if not after and not connected and c.by._introduces(t, q):
            connected = True  # 'footage of X saying at a rally, “…”': the verb's phrase runs into the quote
        if t.i not in gov_set and _in_circumstance_clause(t):
            continue  # '“…,” when Clinton blasted him': the clause dates the words, it does not say them
        if any(g.head.i == t.i and g.i != t.i and g.dep_ == "advcl" and any(
                ch.dep_ == "mark" or ch.tag_ == "WRB" and ch.i < g.i for ch in g.children) for g in c.governors[:8]):
            continue  # 'when she told them that “…,” I found myself nodding': the quote is in the 'when' clause
        if after and ";" in text[q.end:t.idx]:
            continue  # '… the deal was “never signed”; she said it was': a new clause after the semicolon
        if after and not connected and _next_report(t, gov_set):
            continue  # '… said the video did not give “clear evidence,” but he said that …': a new report
        adds = after and (_adds_after_a_comma(t) or any(
            h.idx >= q.end and _adds_after_a_comma(h) for h in _head_chain(t, 3)))
        if adds and any(g.idx < q.start and is_cue(g) for g in c.governors[:8]):
            continue  # 'X said the referee had been “a disgrace,” adding that …' (or 'urging Y to demand …'): new words
        if according_to(t) and t.sent.start == q_tokens[0].sent.start:
            connected = True  # "According to X, ... “…”": the phrase covers its sentence
        if not connected and dist > 12 and not (after and dist <= 25 and _subject_between(t, q.end)):
            continue  # (a long speaker phrase between quote and verb: '“…!” the mayor’s cousin, … Fuentes, shouted')
        # a cue separated from the quote by another quote is not this quote's (a nickname
        # in the speaker's name does not separate: 'Del. Marcia "Cia" Price shouted')
        lo, hi = (q.end, t.idx) if after else (t.idx, q.start)
        if any(len(text[s.start:s.end].split()) > 2 for s in c.others.within(lo, hi)) and not connected:
            continue
        score = dist + (0 if connected else 4) + (0 if after else 0.5)
        if _relative_clause_elsewhere(t, q_tokens):
            continue  # 'the four “loopholes” he cited are “…,” The Hill reported': 'he cited' modifies a noun
        cands.append((score, t, after, noun_cue))
    # (a tie goes to the cue nearer the quote: 'The video shows X telling reporters, “…”')
    cands.sort(key=lambda cd: (cd[0], cd[1].i - q_tokens[-1].i if cd[2] else q_tokens[0].i - cd[1].i, cd[1].i))
    return _thought_under_speech(cands)


def _cue_attribution(c: QuoteContext, sp: Speaker, t, after: bool, noun_cue: bool, subj) -> Attribution:
    """What cue ``t`` with speaker ``sp`` (from ``subj``) says: a speech noun's owner, or a
    reporting verb's subject with its channel, setting and relayer."""
    q = c.q
    att = Attribution(sp, t, cue_phrase(t) if not noun_cue else t.text, cue_extent(t) if not noun_cue
                      else (t.idx, t.idx + len(t)), "noun" if noun_cue else "cue")
    if noun_cue:
        att.explanation = f"speaker from '{subj.text} {t.text}': the quote belongs to that {t.lemma_}"
        if sp.how == "pronoun":
            att.explanation += f"; '{sp.text}' is {sp.name or 'unresolved'}"
        return att
    att.explanation = _describe_cue(sp, t, after)
    att.channel, att.setting = channel_and_setting(t, (q.start, q.end))
    _relayed(c, att, sp, t)
    return att


def _relayed(c: QuoteContext, att: Attribution, sp: Speaker, t) -> None:
    """A reporting verb that is itself reported ("Trump said Clinton called it “…”"): the outer
    speaker relays the words, or, when it is the same person, is the quote's own report."""
    rel = relayer(t)
    if rel is None:
        return
    q = c.q
    rv, rsubj = rel
    if not c.inside_q(rsubj) and c.in_region(rsubj) and c.p_lo <= rsubj.idx < c.p_hi and c.p_lo <= rv.idx < c.p_hi:
        rsp = c.res.from_token(rsubj, in_quote=c.in_quote)
        if rsp is not None and rsp.name and rsp.name == sp.name and rsp.how != "author":
            # "She said she recalls X being “confused”": one speaker reporting her own
            # words; the outer report is the quote's cue and its subject the mention
            att.speaker, att.cue, att.cue_text, att.cue_span = rsp, rv, cue_phrase(rv), cue_extent(rv)
            att.explanation = _describe_cue(rsp, rv, rv.idx >= q.end)
            att.channel, att.setting = channel_and_setting(rv, (q.start, q.end))
        elif rsp is not None and rsp.name and rsp.name != sp.name:
            att.relayed_by = rsp
            att.explanation += f"; relayed by {rsp.text} ('{cue_phrase(rv)}')"
            att.relay_channel = channel_and_setting(rv, (q.start, q.end))[0]


def _colon_before(c: QuoteContext) -> tuple[int, object] | None:
    """For an outer quote right after a colon: the colon's offset and the sentence it ends."""
    if c.parent is not None:
        return None
    q = c.q
    before = c.text[max(0, q.start - 400):q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon_at = max(0, q.start - 400) + len(before) - 1
    ctoks = c.by.tokens_in(colon_at, colon_at + 1)
    if not ctoks:
        return None
    return colon_at, ctoks[0].sent



def _said_by_no_one(verb) -> bool:
    """'Evidence suggests …', 'History shows …': a verb that reports speech only with a speaker
    (``needs_speaker``) whose own subject is no speaker (a subject it climbs to, 'led Costa to
    warn', is asked elsewhere)."""
    subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and verb.lemma_.lower() in lexicon().needs_speaker and not speech_sense(verb)


def _adds_after_a_comma(verb) -> bool:
    """', adding that …', ', telling 3AW …': a participle after a comma with words of its own."""
    doc = verb.doc
    j = verb.i - 1
    while j > 0 and doc[j].text in ("”", '"', "’", "'"):
        j -= 1  # ('“a disgrace,” adding': the comma sits inside the marks)
    return verb.tag_ == "VBG" and j >= 0 and doc[j].text == "," and any(
        k.dep_ in ("ccomp", "dobj", "dative", "xcomp") for k in verb.children)


def _next_report(verb, gov_set) -> bool:
    """A reporting verb coordinated after the one that governs the quote ('X said …, but he
    said …'): it opens a report of other words."""
    return verb.dep_ == "conj" and verb.head.i in gov_set and any(
        k.dep_ == "cc" and k.i < verb.i for k in verb.head.children)


def _thought_under_speech(cands: list) -> list:
    """A thought verb reported by a speech verb gives way to it: in 'Patel said a majority
    of residents believe “…”' the words in marks are Patel's account, not the majority's."""
    speech = {t.i for _, t, _, noun_cue in cands if not noun_cue and is_cue(t)}
    if not speech:
        return cands

    def reported(t) -> bool:
        return any(a.i in speech for a in t.ancestors) or (t.head.i != t.i and any(
            c.i in speech and c.dep_ in ("parataxis", "advcl") for c in t.head.children))

    return [c for c in cands if c[3] or is_cue(c[1]) or not reported(c[1])]


def _opens_clause(verb) -> bool:
    """The verb opens its sentence or follows a comma, dash or colon: the only places where a
    verb before the quote can stand before its subject ('Said Ellis: “…”', '…, said Ellis, “…”')."""
    j = verb.i - 1
    while j >= verb.sent.start and verb.doc[j].is_space:
        j -= 1
    return j < verb.sent.start or verb.doc[j].text in (",", ":", "—", "–", "-", ";", "(")


def _subject_between(verb, start: int) -> bool:
    """The verb's subject starts right after character ``start`` (the end of a quote)."""
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i:
        return False
    between = verb.doc.text[start: subj.left_edge.idx]
    return subj.left_edge.idx >= start and not between.strip(" ,\"”’'")


def _head_chain(t, n):
    out = []
    h = t
    for _ in range(n):
        if h.head.i == h.i:
            break
        h = h.head
        out.append(h)
    return out


def _in_circumstance_clause(verb) -> bool:
    """The verb heads a clause of time, cause or condition ('when Clinton blasted him')."""
    return any(c.dep_ in ("mark", "advmod") and c.i < verb.i and c.lower_ in CIRCUMSTANCE_SUBORDINATORS
               for c in verb.children)


def _relative_clause_elsewhere(verb, q_tokens) -> bool:
    """The verb heads a relative clause ('the loopholes he cited') and the quote lies outside
    that clause: such a clause tells what a noun is, it does not report the quote."""
    if verb.dep_ != "relcl":
        return False
    lo, hi = verb.left_edge.i, verb.right_edge.i
    return not any(lo <= t.i <= hi for t in q_tokens)
