"""Quotes in a headline: whose words they are.

A headline quotes the person the story is about, in a compressed grammar the parser reads
badly ("Kessler Slams Rail Chief: ‘Your Delays Are Shameful’", "‘We will not raise taxes’, says
finance minister"). The speaker is found in the headline's own words and confirmed by the body:

1. a person the body names, mentioned in the headline outside the quote (the full name or the
   surname): the one next to a reporting verb ("…, Lindsey Graham Says") first, else the first;
2. a role ("finance minister", "Mayor") in the headline: the body's person with that title, else
   the first person the body names as a subject (the story's subject);
3. otherwise no speaker: marks in a headline that nobody is named for are the writer's (scare
   quotes or a title), see :func:`rhetoric.quotes.scare`.

The headline lines come from :func:`rhetoric.layout.structure` (one headline detector).
"""

from __future__ import annotations

import re

from .direct import Attribution
from .lexicon import headline_verbs, lexicon
from .speakers import PERSON_LABELS, Speaker

_WORD = re.compile(r"[A-Za-z][\w’'\-.]*")


def _outside(spans, start: int, end: int) -> bool:
    return not any(s.start < end and start < s.end for s in spans)


def _verb_form_of(word: str, lemmas) -> bool:
    """``word`` (lower case) is one of ``lemmas`` as a headline writes it: 'slam', 'slams', 'blasts',
    'pushes'."""
    return word in lemmas or word.endswith("s") and word[:-1] in lemmas or word.endswith("es") and word[:-2] in lemmas


def _cue_near(line: str, at: int, end: int) -> bool:
    """A reporting verb right before or after the mention ("says finance minister", "Graham Says")."""
    lex = lexicon()
    before = line[:at].split()[-1:] if line[:at].split() else []
    after = line[end:].split()[:1]
    words = [w.strip(",.:;!?").lower() for w in before + after]
    return any(_verb_form_of(w, lex.verbs) for w in words if w)


class HeadlineAttributor:
    """Attribute quotes that sit in the article's headline line(s)."""

    def __init__(self, doc, resolver, text: str, head_ranges: list[tuple[int, int]]):
        self.doc = doc
        self.res = resolver
        self.text = text
        self.heads = head_ranges
        self.body_start = max((e for _, e in head_ranges), default=0)

    def line_of(self, start: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.heads if a <= start < b), None)

    # -- the body's people --------------------------------------------------------------------
    def _body_persons(self) -> list:
        return [e for e in self.res.ents if e.label in PERSON_LABELS and e.start >= self.body_start]

    def _story_subject(self) -> Speaker | None:
        """The first person the body names as a clause subject (in its first three sentences),
        else the first person it names at all."""
        persons = self._body_persons()
        if not persons:
            return None
        first_sents = []
        for sent in self.doc.sents:
            if sent.end_char > self.body_start and sent.text.strip():
                first_sents.append(sent)
            if len(first_sents) == 3:
                break
        limit = first_sents[-1].end_char if first_sents else self.body_start
        for e in persons:
            if e.start < limit and self.res._is_subject(e.start, e.end):
                return self._speaker_of(e)
        return self._speaker_of(persons[0])

    def _speaker_of(self, ent) -> Speaker:
        return Speaker(self.res.canonical(ent.actor or ent.text), ent.start, ent.end, ent.text, "name")

    # -- the headline's own words ----------------------------------------------------------------
    def _named_in_line(self, a: int, b: int, spans) -> Speaker | None:
        line = self.text[a:b]
        found = []
        names = {self.res.canonical(e.actor or e.text) for e in self._body_persons()}
        for name in names:
            for form in {name, name.split()[-1]}:
                for m in re.finditer(r"(?<![\w’'])" + re.escape(form) + r"(?![\w’'])", line):
                    s, e = a + m.start(), a + m.end()
                    if _outside(spans, s, e):
                        found.append((not _cue_near(line, m.start(), m.end()), s, -len(form), e, name))
        if not found:
            return None
        _, s, _, e, name = min(found)
        return Speaker(name, s, e, self.text[s:e], "name")

    def _role_in_line(self, a: int, b: int, spans) -> tuple[int, int, set] | None:
        roles = lexicon().roles
        words = [(a + m.start(), a + m.end(), m.group().lower().rstrip(".")) for m in _WORD.finditer(self.text[a:b])]
        for k, (s, e, w) in enumerate(words):
            if w in roles and _outside(spans, s, e):
                mods = set()
                j = k - 1
                if j >= 0 and words[j][2] not in roles and words[j][2] not in ("says", "said", "the", "a"):
                    mods.add(words[j][2])
                    s = words[j][0]
                return s, e, {w} | mods
        return None

    def _titled(self, role: set) -> str | None:
        """The body's person whose title in the text holds the headline's role word."""
        titles = self.res._titles()
        head = [w for w in role if w in lexicon().roles]
        for name, ts in titles.items():
            for r, m in ts:
                words = {p for x in r for p in x.split()} | m
                if head and head[0] in words and role - set(head) <= words | {head[0]}:
                    return name
        return None

    def _subject_before_verb(self, a: int, b: int, spans) -> Speaker | None:
        """'Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’': the words before the
        headline's verb of criticising, praising or saying (``headline_verbs``), when the first word
        opens the line and none of them is in marks."""
        words = [(a + m.start(), a + m.end(), m.group()) for m in _WORD.finditer(self.text[a:b])]
        verbs = headline_verbs()
        for k, (s, e, w) in enumerate(words[1:6], start=1):
            low = w.lower()
            if not _outside(spans, s, e):
                return None
            if _verb_form_of(low, verbs):
                start, end = words[0][0], words[k - 1][1]
                if self.text[a:start].strip():
                    return None
                return Speaker(self.text[start:end], start, end, self.text[start:end], "description")
        return None

    def attribute(self, span, spans) -> Attribution:
        line = self.line_of(span.start)
        a, b = line if line else (span.start, span.end)
        named = self._named_in_line(a, b, spans)
        subject = self._subject_before_verb(a, b, spans)
        role = self._role_in_line(a, b, spans)
        if subject is not None and (named is None or named.start >= subject.end) and (
                role is None or role[0] >= subject.end):  # ('Minister Slams …': the role names the body's minister)
            return Attribution(subject, None, None, None, "headline",
                               f"a quote in the headline; '{subject.text}' comes before its verb, so the words "
                               "are theirs")
        role_sp = None
        if role is not None:
            s, e, words = role
            name = self._titled(words)
            subject = None if name else self._story_subject()
            if name or subject is not None:
                who = name or subject.name
                role_sp = Speaker(who, s, e, self.text[s:e], "role")
                why = ("the body gives that title to " + who) if name else f"the body's first sentences are about {who}"
        # the headline's subject comes first ("Retired General Reveals … Under Obama"), unless a
        # reporting verb sits next to a later one ("Trump … Could …, Lindsey Graham Says")
        picks = [(not _cue_near(self.text[a:b], sp.start - a, sp.end - a), sp.start, sp)
                 for sp in (named, role_sp) if sp is not None]
        if not picks:
            return Attribution(None, None, None, None, "headline",
                               "marks in the headline with nobody named for them: the writer's, not a speaker's")
        sp = min(picks, key=lambda p: p[:2])[2]
        if sp is named:
            return Attribution(sp, None, None, None, "headline",
                               f"a quote in the headline; the headline names {sp.text}, whom the story "
                               f"is about ({sp.name})")
        return Attribution(sp, None, None, None, "headline", f"a quote in the headline, said by '{sp.text}': {why}")
