"""Indirect (reported) speech: "X said that …", "X told reporters that …", "…, X said",
"according to X, …". The content is the clause the reporting verb governs."""

from __future__ import annotations

from .cues import according_to, cue_extent, cue_phrase, is_cue, subject_of

CONTENT_DEPS = ("ccomp",)
MIN_TOKENS = 3


def indirect_candidates(doc, inside_quote, text=None):
    """Yield ``(cue_token, content_start_char, content_end_char)`` for each report outside quotes."""
    text = doc.text if text is None else text
    for t in doc:
        if inside_quote(t.idx):
            continue
        if according_to(t):
            span = _according_content(t)
            if span is not None:
                yield t, span[0], span[1]
            continue
        if not is_cue(t, cognition=True):
            continue
        for child in t.children:
            if child.dep_ not in CONTENT_DEPS:
                continue
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
            start_tok = doc[lo]
            while start_tok.lower_ == "that" and start_tok.i < hi:
                start_tok = doc[start_tok.i + 1]
            end_tok = doc[hi]
            while end_tok.is_punct and end_tok.i > start_tok.i and end_tok.text not in "”\"’'":
                end_tok = doc[end_tok.i - 1]
            cs, ce = start_tok.idx, end_tok.idx + len(end_tok)
            lo_c, hi_c = min(cs, t.idx), max(ce, t.idx)
            if "\n" in text[lo_c:hi_c]:
                continue  # a parse that runs across a paragraph break
            yield t, cs, ce


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
