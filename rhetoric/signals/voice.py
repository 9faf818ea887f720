"""The author's voice: where the writer steps into the story.

Three markers: the first person outside quotes ("I asked Trump"), evaluative sentence
adverbs by which the writer comments ("rightly", "surely"; Hyland's attitude markers),
and one-sentence paragraphs used as dramatic beats ("Trump paused."). A beat only counts
in an article whose paragraphs are otherwise long, so wire copy written in one-sentence
paragraphs is not flagged throughout. Lists and thresholds: ``data/lexicons/voice.json``.
"""

from __future__ import annotations

import re
from statistics import median

from ..layout import headline_lines
from ..tokenfilter import tokens_with
from .common import Context, lexicon, make_signal

WORD = re.compile(r"[A-Za-z0-9’'-]+")


def _paragraphs(text: str):
    from ..layout import lines

    for start, end in lines(text):
        yield start, end, text[start:end]


def _token_range(doc, s, e):
    span = doc.char_span(s, e, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def find_voice(doc, ctx: Context, reporting_tokens: set = frozenset()) -> list:
    """First person outside quotes, evaluative adverbs and one-line dramatic beats."""
    lex = lexicon("voice.json")
    first = set(lex["first_person"])
    adverbs = set(lex["evaluative_adverbs"])
    out = []
    headlines = headline_lines(ctx.text)
    for i in tokens_with(doc, orth=first, lower=adverbs):
        tok = doc[i]
        if tok.i in ctx.entity_tokens:
            continue
        if tok.text in first and tok.pos_ == "PRON":
            if ctx.quote_at(tok.idx, tok.idx + len(tok.text)) or ctx.reported_at(tok.idx, tok.idx + len(tok.text)):
                continue  # the speaker's "we", retold or quoted
            if any(hs <= tok.idx < he for hs, he in headlines):
                continue  # a headline's "our" ('Reclaim Our Schools') is not the reporter's
            sig = make_signal(ctx, tok.idx, tok.idx + len(tok.text), "author_voice", "", subtype="first_person")
            sig.explanation = (f"author's voice: the writer steps into the story. “{tok.text}” is the first person "
                               "outside any quote, so the reporter is now a participant, not only an observer.")
            out.append(sig)
        elif tok.lower_ in adverbs and tok.pos_ == "ADV":
            if ctx.quote_at(tok.idx, tok.idx + len(tok.text)):
                continue
            sig = make_signal(ctx, tok.idx, tok.idx + len(tok.text), "author_voice", "", subtype="evaluative_adverb")
            sig.explanation = (f"author's voice: the writer comments on what is reported. “{tok.text}” tells you "
                               "what the writer thinks of it, not what happened.")
            out.append(sig)
    beat = lex["beat"]
    paras = [(s, e, p) for s, e, p in _paragraphs(doc.text)]
    headline_set = set(headlines)
    credits = tuple(lex.get("credit_lines", ()))
    if len(paras) >= beat["min_paragraphs"]:
        typical = median(len(WORD.findall(p)) for _, _, p in paras)
        if typical >= beat["min_median_words"]:
            for s, e, p in paras:
                n = len(WORD.findall(p))
                if n == 0 or n > beat["max_words"] or not p.endswith((".", "!", "?", "…")):
                    continue
                if any(m in p for m in "“”\"") or "''" in p:
                    continue
                if any(c in p.lower() for c in credits):
                    continue  # a reporter's or photo credit
                if (s, e) in headline_set:
                    continue  # a headline or subhead (rhetoric.layout), not a beat
                words = WORD.findall(p)
                if sum(w[:1].isupper() for w in words) >= max(3, 0.6 * len(words)):
                    continue  # a title-case line that ends in a full stop: still a heading
                if any(t in reporting_tokens for t in range(*_token_range(doc, s, e))):
                    continue  # "X reported that ...": attribution, not the writer's beat
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or len(list(span.sents)) != 1:
                    continue
                if not p[:1].isupper() or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
                    continue  # headline grammar ("Trump not walking the walk"), a credit or a broken line
                sig = make_signal(ctx, s, e, "author_voice", "", subtype="one_line_paragraph")
                sig.explanation = (f"author's voice: a one-sentence paragraph used as a dramatic beat. “{p}” stands "
                                   f"alone ({n} words where a typical paragraph here has {int(typical)}), which makes "
                                   "the reader pause on it.")
                out.append(sig)
    return out
