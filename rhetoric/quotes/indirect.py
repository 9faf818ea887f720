"""Indirect (reported) speech: "X said that …", "X told reporters that …", "…, X said",
"according to X, …", "a move X framed as …". The content is the clause the reporting verb
governs, trimmed to what the speaker said:

* it never starts with punctuation or a bare conjunction;
* it ends at a dash that opens the writer's own comment ("… of the conflict”—a signal that
  Moscow …"); a pair of dashes around an aside ("the war—to restore its borders—was") stays;
* it is a clause (has a verb), except after 'framed/described … as';
* the writer's own question ("I asked Trump whom he believed") is nobody's claim, and a verb such as 'assure' or 'warn'
  whose subject is an event ("all but assuring that …") is not speech.
"""

from __future__ import annotations

from ..english import CLAUSE_OPENERS, FIRST_PERSON_SUBJECTS, INDIRECT_QUESTION_OPENERS
from ..tokenfilter import tokens_with
from .cues import DASHES, according_to, is_cue, speaker_like, speech_sense
from .lexicon import directive_verbs, lexicon

CONTENT_DEPS = ("ccomp",)
MIN_TOKENS = 3
WH = INDIRECT_QUESTION_OPENERS
CLOSERS = "”\"’'"
# verbs that report a demand or a label through their object: 'urged supporters to monitor
# polling places', 'called for more school investment', 'called the charges fabricated'
DIRECTIVE = directive_verbs()


def _question_put_to(verb) -> bool:
    """'Asked whether she would resign, Moreau said …': a passive question verb; its clause is a
    question put to the subject, not words the subject said."""
    if verb.lemma_.lower() not in lexicon().question_verbs:
        return False
    passive = verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)
    return passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def indirect_candidates(doc, inside_quote, text=None):
    """Yield ``(cue_token, content_start_char, content_end_char)`` for each report outside quotes."""
    text = doc.text if text is None else text
    lex = lexicon()
    # only 'according', a 'framed ... as' verb, a reporting verb or 'make' (clear) can be a cue
    for i in tokens_with(doc, lower=("according",), lemma=lex.as_verbs | lex.verbs.keys() | {"make"}):
        t = doc[i]
        if inside_quote(t.idx):
            continue
        if according_to(t):
            span = _according_content(t)
            if span is not None:
                yield t, span[0], span[1]
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.as_verbs:
            span = _as_content(t, text)
            if span is not None:
                yield t, span[0], span[1]
                continue
        if not is_cue(t, cognition=True) or not speech_sense(t) or _question_put_to(t):
            continue
        found = False
        for child in t.children:
            if child.dep_ not in CONTENT_DEPS:
                continue
            if child.lower_ == "clear" and t.lemma_ == "make":
                # 'made clear that …': the clause hangs on 'clear'
                inner = [c for c in child.children if c.dep_ in ("advcl", "ccomp") and c.i > child.i]
                if not inner:
                    continue
                child = inner[0]
            toks = list(child.subtree)
            if len(toks) < MIN_TOKENS:
                continue
            lo, hi = toks[0].i, toks[-1].i
            if lo < t.i < hi:
                continue  # the verb sits inside its own "content": a mis-parse
            if child.i > t.i:
                # a 'that' the parser hung on the verb ("declared, ..., that achieving ... was")
                for c in t.children:
                    if c.lower_ == "that" and t.i < c.i < lo and c.dep_ in ("prep", "mark", "dobj"):
                        lo = c.i
                        hi = max(hi, c.right_edge.i)
            span = _finish(doc, text, t, lo, hi)
            if span is not None:
                found = True
                yield t, span[0], span[1]
        if not found and t.lemma_.lower() in DIRECTIVE:
            span = _object_content(doc, text, t)
            if span is not None:
                found = True
                yield t, span[0], span[1]
        if not found and t.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in t.children):
            span = _around_parenthetical(doc, text, t)
            if span is not None:
                found = True
                yield t, span[0], span[1]
        if not found:
            span = _inverted_that(doc, text, t)
            if span is not None:
                yield t, span[0], span[1]


def _finish(doc, text, cue, lo, hi, *, need_verb=True):
    """Trim the token range ``lo..hi`` to the reported content, or None if nothing is left."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in CLAUSE_OPENERS):
        lo += 1
    first = doc[lo]
    if cue.lemma_.lower() in lexicon().question_verbs and first.lower_ in WH and _asked_by_writer(cue):
        return None  # the writer's own question ("I asked Trump whom he believed"), nobody's claim
    while hi > lo and (doc[hi].is_space or (doc[hi].is_punct and not any(ch in CLOSERS for ch in doc[hi].text))):
        hi -= 1
    cs, ce = doc[lo].idx, doc[hi].idx + len(doc[hi])
    # a parse that runs across a paragraph break: keep the cue's own paragraph
    p_lo = text.rfind("\n", 0, cue.idx) + 1
    p_hi = text.find("\n", cue.idx)
    p_hi = len(text) if p_hi < 0 else p_hi
    cs, ce = max(cs, p_lo), min(ce, p_hi)
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in ".,;:—–-_" ):
        ce -= 1
    while cs < ce and (text[cs].isspace() or text[cs] in ".,;:—–-_"):
        cs += 1
    if ce - cs < 8:
        return None
    sent_end = cue.sent.end_char
    if cue.idx < cs and _unpaired_dash(text, cue.idx + len(cue), cs, sent_end) is not None:
        return None  # the content sits in the writer's comment after a dash
    cut = _unpaired_dash(text, cs, ce, sent_end)
    if cut is not None:
        ce = cut
        while ce > cs and (text[ce - 1].isspace() or (not text[ce - 1].isalnum() and text[ce - 1] not in CLOSERS)):
            ce -= 1
    cut = _participle_after_quote(doc, text, cs, ce)
    if cut is not None:
        ce = cut
    if text.count("“", cs, ce) > text.count("”", cs, ce):
        # a partial quote the content opens: take its closing mark too ('as having been “meaningful.”')
        close = text.find("”", ce, ce + 3)
        if close >= 0:
            ce = close + 1
    span = doc.char_span(cs, ce, alignment_mode="expand")
    toks = [t for t in (span if span is not None else []) if not t.is_punct and not t.is_space]
    if len(toks) < MIN_TOKENS:
        return None
    if need_verb and not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return cs, ce


PARTICIPLE_TAGS = ("VBG", "VBN")


def _participle_after_quote(doc, text, cs, ce):
    """End of the content at a quotation it closes when a participle clause follows after a
    comma: in 'he said they agreed to “start talks immediately,” pushing Ukraine to the
    sidelines' the words after the quote are the writer's comment on the report, not the
    speaker's. Returns the offset just after the closing mark, or None.

    The closing mark must close a quotation opened inside the content; the participle may
    follow an adverb ('…,” effectively pushing …')."""
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.tag_ not in PARTICIPLE_TAGS or t.i < 2:
            continue
        j = t.i - 1
        while j > span.start and doc[j].pos_ == "ADV":
            j -= 1
        marks = doc[max(span.start, j - 1): j + 1]
        if len(marks) != 2 or not all(m.is_punct for m in marks) or "," not in (marks[0].text, marks[1].text):
            continue
        closer = marks[0] if marks[1].text == "," else marks[1]
        if not any(ch in CLOSERS for ch in closer.text) or not _closes_a_quote(text, cs, closer.idx):
            continue
        return closer.idx + len(closer.text)
    return None


def _closes_a_quote(text, start, at):
    """Does the mark at ``at`` close a quotation opened in ``text[start:at]``?"""
    mark = text[at]
    if mark == "”":
        return text.count("“", start, at) > text.count("”", start, at)
    if mark == "’":
        return "‘" in text[start:at]
    if mark in "\"'":
        return text.count(mark, start, at) % 2 == 1
    return False


def _asked_by_writer(cue) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_SUBJECTS for c in cue.children)


def _unpaired_dash(text, start, end, sent_end):
    """Offset of the first dash in ``text[start:end]`` that does not open a pair closed
    before the sentence ends (an aside set off by two dashes is kept)."""
    i = start
    while i < end:
        pos = [(text.find(d, i, end), d) for d in DASHES]
        pos = [(p, d) for p, d in pos if p >= 0]
        if not pos:
            return None
        p, d = min(pos)
        partner = min((q for q in (text.find(x, p + len(d), sent_end) for x in DASHES) if q >= 0), default=-1)
        if partner < 0:
            # a dash at the very end of the content is no comment
            return p if len(text[p:end].split()) >= 2 else None
        i = partner + 1
    return None


def _object_content(doc, text, verb):
    """'urged X to …', 'called on X to …', 'called for X', 'called X Y': the demand or the label,
    when someone (a speaker-like subject) makes it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not speaker_like(subj):
        return None
    kids = list(verb.children)
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    xcomp = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
    oprd = next((c for c in kids if c.dep_ == "oprd" and c.i > verb.i), None)
    if verb.lemma_.lower() == "call":
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1), None)
        if prep is not None:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return None
            end = max(pobj.right_edge.i, xcomp.right_edge.i if xcomp is not None else 0,
                      max((c.right_edge.i for c in kids if c.dep_ in ("xcomp", "advcl") and c.i > pobj.i
                           and c.lower_ != "to"), default=0))
            return _finish(doc, text, verb, pobj.left_edge.i, end, need_verb=False)
        if obj is not None and oprd is not None:
            return _finish(doc, text, verb, obj.left_edge.i, oprd.right_edge.i, need_verb=False)
        return None
    if obj is not None and xcomp is not None and xcomp.i > obj.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
        return _finish(doc, text, verb, obj.left_edge.i, xcomp.right_edge.i)
    return None


def _around_parenthetical(doc, text, cue):
    """'But to prevent problems, he said, local officials should be vigilant': the cue is a
    parenthetical inside the clause it reports; the content is the longer side of the clause."""
    h = cue.head
    if h.i == cue.i or h.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = h.left_edge.i, h.right_edge.i
    c_lo, c_hi = cue.left_edge.i, cue.right_edge.i
    before = (lo, c_lo - 1) if c_lo - 1 >= lo else None
    after = (c_hi + 1, hi) if hi >= c_hi + 1 else None
    parts = [p for p in (before, after) if p is not None]
    if not parts:
        return None
    lo, hi = max(parts, key=lambda p: p[1] - p[0])
    return _finish(doc, text, cue, lo, hi)


def _inverted_that(doc, text, cue):
    """'when she suggested, shortly after the war started, that Moscow had been provoked …':
    the aside made the parser hang the 'that' clause elsewhere. A cue with a subject, no
    content of its own, and a 'that' clause right after its phrase (only commas between)
    introduces that clause."""
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return None
    j = cue.right_edge.i + 1
    while j < len(doc) and doc[j].is_punct and doc[j].text in ",—–":
        j += 1
    if j >= len(doc) or doc[j].lower_ != "that" or doc[j].dep_ != "mark":
        return None
    h = doc[j].head
    if h.i <= j or h.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
        return None
    return _finish(doc, text, cue, j, h.right_edge.i)


def _as_content(verb, text):
    """'a move that the White House framed as the beginning of a negotiation': the 'as' phrase,
    when a speaker-like subject does the framing."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not speaker_like(subj):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if prep is None:
        return None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    return _finish(verb.doc, text, verb, obj.left_edge.i, obj.right_edge.i, need_verb=False)


def _according_content(tok):
    """The clause an 'according to X' phrase qualifies: the rest of its sentence."""
    sent = tok.sent
    pp_end = tok.doc[tok.i + 1].right_edge.i if tok.i + 1 < len(tok.doc) else tok.i
    pp_end = max(pp_end, tok.right_edge.i)
    before = tok.doc[sent.start: tok.i]
    after = tok.doc[pp_end + 1: sent.end]
    cand = after if len([t for t in after if not t.is_punct]) >= len([t for t in before if not t.is_punct]) else before
    words = [t for t in cand if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct and words[-1].text not in "”\"":
        words.pop()
    if len(words) < MIN_TOKENS:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])
