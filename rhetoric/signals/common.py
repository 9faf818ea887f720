"""Helpers every signal module shares: lexicons, quote ranges, actors, making a Signal.

Kept apart from the detectors so that each detector module stays small and reads as
"which words, in which context, and why they count".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..data import load_json
from ..english import GROUP_PRONOUNS, PERSON_PRONOUNS
from ..items import Signal

#: entity labels that stand for actors (people, places acting as states, groups, organisations)
ACTOR_LABELS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}
MAX_QUOTE_CHARS = 20_000
#: endings of nationality and group adjectives used as names ("Russian", "Chinese", "Israeli", "Dutch")
NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ch", "ic", "ite")


def lexicon(name: str) -> dict:
    """A lexicon from ``data/lexicons/`` (cached)."""
    return load_json("lexicons", name)


_MATCHERS: dict = {}


def build_matcher(vocab, key: str, patterns: Iterable[tuple[str, list]]) -> Matcher:
    """A spaCy ``Matcher`` built once per vocabulary for the named pattern set."""
    k = (id(vocab), key)
    m = _MATCHERS.get(k)
    if m is None:
        m = Matcher(vocab)
        for label, pattern in patterns:
            m.add(label, [pattern])
        _MATCHERS[k] = m
    return m


#: token attributes whose annotation the Matcher insists on (a doc without them: the full matcher's error)
_ANNOTATED = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
#: sub-matchers kept per process (a new article mostly reuses one built for an earlier one)
_MAX_SUBMATCHERS = 512


def _anchors(strings, pattern: list[dict]) -> list[frozenset[int]]:
    """For each token of ``pattern`` that must be present (no ``OP``) and names its word
    (``LOWER``, ``LEMMA``, ``ORTH`` or ``TEXT``: one value or ``IN`` a list), the hashes of the
    words that can fill it. A doc with none of one anchor's words cannot match the pattern."""
    out = []
    for tok in pattern:
        if "OP" in tok:
            continue
        for attr in ("LOWER", "LEMMA", "ORTH", "TEXT"):
            value = tok.get(attr)
            if isinstance(value, str):
                out.append(frozenset([strings.add(value)]))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                out.append(frozenset(strings.add(v) for v in value["IN"]))
    return out


def _max_length(pattern: list[dict]) -> int | None:
    """How many tokens a match of ``pattern`` can span at most (None: no bound, "+" or "*")."""
    if any(tok.get("OP", "1") not in ("1", "?", "!") for tok in pattern):
        return None
    return len(pattern)


def match(doc, key: str, patterns: list[tuple[str, list]]) -> list[tuple[int, int, int]]:
    """What ``build_matcher(doc.vocab, key, patterns)(doc)`` returns, found faster.

    The Matcher's time grows with the number of patterns times the number of tokens, and most
    patterns of a lexicon cannot match a given article ("all but", "more or less"). So only
    the patterns whose words all occur in ``doc`` (by lower-case form, lemma or text) are run,
    and only over the stretches where they can match: a match holds a token with one of its
    anchor's words, so it lies within the pattern's length of one (the rarest anchor's words are
    taken). Overlapping or touching stretches are joined, so every match lies in one; the matches
    come out in the same order, since a sub-matcher holds the patterns in the lexicon's order and
    the stretches are read in text order."""
    vocab = doc.vocab
    k = (id(vocab), key, "anchors")
    spec = _MATCHERS.get(k)
    if spec is None:
        pats = list(patterns)
        used = {a for _, pattern in pats for tok in pattern for a in tok if a in _ANNOTATED}
        anchors = [_anchors(vocab.strings, p) for _, p in pats]
        arrays = [[np.array(sorted(fill), dtype=np.uint64) for fill in need] for need in anchors]
        spec = (pats, anchors, arrays, [_max_length(p) for _, p in pats], tuple(sorted(used)))
        _MATCHERS[k] = spec
    pats, anchors, arrays, lengths, used = spec
    n = len(doc)
    if not n or any(not doc.has_annotation(a) for a in used):
        return build_matcher(vocab, key, pats)(doc)  # the full matcher, and its error if any
    table = doc.to_array([LOWER, LEMMA, ORTH])
    words = set(table.ravel().tolist())
    keep = tuple(i for i, need in enumerate(anchors) if all(not fill.isdisjoint(words) for fill in need))
    if not keep:
        return []
    sub_key = (id(vocab), key, keep)
    m = _SUBMATCHERS.get(sub_key)
    if m is None:
        if len(_SUBMATCHERS) >= _MAX_SUBMATCHERS:
            _SUBMATCHERS.clear()
        m = Matcher(vocab)
        for i in keep:
            m.add(pats[i][0], [pats[i][1]])
        _SUBMATCHERS[sub_key] = m
    if any(lengths[i] is None or not anchors[i] for i in keep):
        return m(doc)  # a pattern without a bound or without an anchor: the whole doc
    stretches = []
    for i in keep:
        at = min((np.flatnonzero(np.isin(table, ids).any(axis=1)) for ids in arrays[i]), key=len)
        size = lengths[i]
        stretches += [(max(0, a - size + 1), min(n, a + size)) for a in at.tolist()]
    stretches.sort()
    joined: list[list[int]] = []
    for lo, hi in stretches:
        if joined and lo <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], hi)
        else:
            joined.append([lo, hi])
    return [(mid, lo + s, lo + e) for lo, hi in joined for mid, s, e in m(doc[lo:hi])]


_SUBMATCHERS: dict = {}


def build_phrase_matcher(vocab, key: str, phrases: Iterable[tuple[str, list[str]]]) -> PhraseMatcher:
    """Two ``PhraseMatcher``s' worth of patterns in one: each phrase matches by its lower-case
    form or by its lemmas ("slipping away" matches "slip away"). Built once per vocabulary."""
    k = (id(vocab), key)
    m = _MATCHERS.get(k)
    if m is None:
        m = (PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="LEMMA"))
        for label, words in phrases:
            m[0].add(label, [Doc(vocab, words=words)])
            m[1].add(label, [Doc(vocab, words=words, lemmas=words)])
        _MATCHERS[k] = m
    return m


class Context:
    """What the detectors need to know about the document beyond its parse.

    * which character ranges are inside a direct quote, and whose words they are
      (from ``analysis.quotes`` when the quotes layer found some, else from the
      quotation marks themselves, so the answer is right either way);
    * which tokens belong to which actor (from ``analysis.entities``);
    * who a pronoun stands for: the one resolver's answer (``analysis.who``, the quote layer's).
    """

    def __init__(self, doc, analysis):
        self.doc = doc
        self.who = analysis.who  # the quote layer's resolver of who is who (None if it did not run)
        self.text = analysis.text or doc.text
        self.quotes = _quote_ranges(self.text, analysis.quotes)
        self._qstarts = [q[0] for q in self.quotes]
        self.reported = sorted(
            ((q.start, q.end, q.speaker) for q in analysis.quotes
             if q.kind == "indirect"), key=lambda r: r[:2])
        self._rstarts = [q[0] for q in self.reported]
        self._read_quote_speakers(doc, analysis.quotes)
        self.token_actor: dict[int, tuple[str, str]] = {}
        self.entity_tokens: set[int] = set()
        for e in analysis.entities:
            label = e.label
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.entity_tokens.add(t.i)
            if label not in ACTOR_LABELS:
                continue
            for t in span:
                self.token_actor[t.i] = (getattr(e, "actor", None) or e.text, label)
        self.sent_start = [0] * len(doc)
        self.sent_end = [len(doc)] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i], self.sent_end[i] = sent.start, sent.end
        self.name_label: dict[str, str] = {}
        for name, lab in self.token_actor.values():
            self.name_label.setdefault(name, lab)
        for name, actor in analysis.actors.items():
            kind = getattr(actor, "type", None)
            if kind == "group":
                self.name_label[name] = "NORP"

    # -- quotes -------------------------------------------------------------------------
    def quote_at(self, start: int, end: int | None = None):
        """``(start, end, speaker)`` of the direct quote containing ``[start, end)``, or None."""
        return self._range_at(self.quotes, self._qstarts, start, end)

    def reported_at(self, start: int, end: int | None = None):
        """``(start, end, speaker)`` of the reported (indirect) clause containing ``[start, end)``,
        or None: "Trump told reporters that he and Putin *might* meet" (the content span
        the quotes layer found)."""
        return self._range_at(self.reported, self._rstarts, start, end)

    @staticmethod
    def _range_at(ranges, starts, start, end):
        end = start + 1 if end is None else end
        i = bisect.bisect_right(starts, start) - 1
        best = None
        while i >= 0:
            qs, qe, sp = ranges[i]
            if qs <= start and end <= qe:
                if best is None or qe - qs < best[1] - best[0]:
                    best = (qs, qe, sp)
            i -= 1
            if qs < start - MAX_QUOTE_CHARS:
                break  # no quote is this long: stop looking further back
        return best

    # -- who is who: the quote layer's resolver -------------------------------------------
    def _read_quote_speakers(self, doc, quotes) -> None:
        """The quote layer resolves each quote's speaker mention and cue once (pronouns,
        descriptions, roles); the signals take those answers, so a reporting verb and the quote
        it introduces never name different actors."""
        self.mention_speaker: dict[int, str] = {}
        self.cue_speaker: dict[int, str | None] = {}
        for q in quotes:
            if q.speaker and q.speaker_start is not None:
                span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
                for t in span or ():
                    self.mention_speaker.setdefault(t.i, q.speaker)
            if q.cue_start is not None and q.cue_end is not None and q.kind != "scare":
                span = doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
                for t in span or ():
                    self.cue_speaker.setdefault(t.i, q.speaker)

    def speaker_of_cue(self, tok) -> tuple[bool, str | None]:
        """``(True, speaker)`` when ``tok`` is the cue of a quote (the quote's speaker, or None),
        else ``(False, None)``."""
        if tok.i in self.cue_speaker:
            return True, self.cue_speaker[tok.i]
        return False, None

    # -- actors -------------------------------------------------------------------------
    def actor_of_token(self, tok, exclude: str | None = None) -> str | None:
        """The actor a token names, or a pronoun's nearest plausible antecedent (other than
        ``exclude``: an object pronoun does not refer to its own clause's subject). A token
        that is a quote's speaker mention stands for the speaker the quote layer resolved."""
        said = self.mention_speaker.get(tok.i)
        if said is not None and said != exclude:
            return said
        hit = self.token_actor.get(tok.i)
        if hit:
            return hit[0]
        if tok.pos_ == "PRON" and self.who is not None:
            # he/she/it/they: the one resolver of who is who (the quote layer's), so a signal and a
            # quote never read a pronoun two ways
            return self.who.actor_of_pronoun(tok, exclude)
        return None

    def describe(self, name: str | None, start_of_sentence: bool = False) -> str:
        """An actor's name as it reads in a sentence: a nationality adjective that the entity
        layer uses as a group's name ("Russian", "Ukrainian") becomes "the Russian side";
        people, places and organisations keep their names."""
        if not name:
            return ""
        out = name
        if self.name_label.get(name) == "NORP" and " " not in name and not name.endswith("s") and \
                name[:1].isupper() and name.lower().endswith(NATIONALITY_ENDINGS):
            out = f"the {name} side"
        elif name not in self.name_label and out.split(" ", 1)[0] in ("A", "An", "The"):
            out = out[:1].lower() + out[1:]  # a description from a sentence start: "a senior official"
        return out[:1].upper() + out[1:] if start_of_sentence else out

    def is_actor_token(self, tok) -> bool:
        return tok.i in self.token_actor or (
            tok.pos_ == "PRON" and tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
        )

    def actor_of_phrase(self, head) -> str | None:
        """The actor a noun phrase stands for: its head, an apposition ("the secretary,
        Pete Hegseth"), or an actor among its left modifiers ("Russia's invasion", "a
        Zelensky proposal", "Russian missile and drone raids"), never one inside a
        prepositional phrase or clause attached to it."""
        if head is None:
            return None
        a = self.actor_of_token(head)
        if a:
            return a
        for c in head.children:
            if c.dep_ == "appos" and c.i in self.token_actor:
                return self.actor_of_token(c)
        for t in head.doc[head.left_edge.i:head.i]:
            if t.i in self.token_actor or (t.dep_ == "poss" and t.pos_ == "PRON"):
                anc, ok = t, True
                while anc.i != head.i and anc.head.i != anc.i:
                    if anc.dep_ in ("prep", "relcl", "acl", "appos", "ccomp", "advcl"):
                        ok = False
                        break
                    anc = anc.head
                if ok and anc.i == head.i:
                    a = self.actor_of_token(t)
                    if a:
                        return a
        return None


def _quote_ranges(text: str, quotes) -> list[tuple[int, int, str | None]]:
    """Character ranges of direct quotes, sorted by start.

    The quotes layer's direct quotes (with their speakers), plus every stretch between
    paired quotation marks (double or single, curly or straight)
    that the quotes layer did not cover (paired by :mod:`rhetoric.quotes.marks`, the one
    pairing engine), so "inside a quote" is right whether or not the quotes layer ran, and
    never confused by apostrophes.
    """
    ranges = [
        (q.start, q.end, q.speaker)
        for q in quotes
        if q.in_own_words
    ]
    from ..quotes.marks import quoted_ranges

    for s, e in quoted_ranges(text):
        if not any(qs <= s and e <= qe for qs, qe, _ in ranges):
            ranges.append((s, e, None))
    return sorted(ranges, key=lambda r: (r[0], r[1]))


def make_signal(ctx: Context, start: int, end: int, category: str, explanation: str,
                subtype: str | None = None, actor: str | None = None) -> Signal:
    """A ``Signal`` over ``text[start:end]`` with its quote status filled in: inside a direct
    quote, or inside a reported clause ("told reporters that he *might*..."), the words
    are the speaker's position, not the writer's, so ``in_quote`` and ``speaker`` are set
    either way and ``reported`` tells the two apart."""
    q = ctx.quote_at(start, end)
    reported = False
    if q is None:
        q = ctx.reported_at(start, end)
        reported = q is not None
    return Signal(
        start=start,
        end=end,
        text=ctx.text[start:end],
        explanation=explanation,
        category=category,
        subtype=subtype,
        actor=actor,
        in_quote=q is not None,
        speaker=q[2] if q else None,
        reported=reported,
    )


def span_chars(doc, i: int, j: int) -> tuple[int, int]:
    """Character offsets of tokens ``i..j-1``."""
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
