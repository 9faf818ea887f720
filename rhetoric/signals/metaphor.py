"""Metaphors and vivid verbs, from a curated lexicon with each source domain.

A metaphor borrows a concrete domain (a machine, a boxing match, a book) to talk about
something abstract (an army, air raids, a phase of a war); the borrowed domain brings its
own associations. Entries live in ``data/lexicons/metaphors.json``; a word that is often
literal only counts near the words that make it figurative ("frozen" front lines).
"""

from __future__ import annotations

from functools import lru_cache

from .common import Context, build_phrase_matcher, lexicon, make_signal, span_chars

WINDOW = 3


def _tokenizer():
    from ..model import pattern_tokenizer

    return pattern_tokenizer()


@lru_cache(maxsize=1)
def _entries():
    lex = lexicon("metaphors.json")
    tok = _tokenizer()
    entries, patterns = [], []
    for n, e in enumerate(lex["entries"]):
        words = [t.text.lower() for t in tok(e["phrase"])]
        entries.append(dict(e, n_tokens=len(words)))
        patterns.append((f"m{n}", words))
    return entries, patterns, lex["domains"]


def _near_ok(span, near, ctx: Context) -> bool:
    if not near:
        return True
    near = set(near)
    doc = span.doc
    lo = max(ctx.sent_start[span.start], span.start - WINDOW)
    hi = min(ctx.sent_end[span.start], span.end + WINDOW)
    pool = list(doc[lo:hi]) + [t.head for t in span] + [c for t in span for c in t.children]
    return any(t.lemma_.lower() in near or t.lower_ in near for t in pool if t.i < span.start or t.i >= span.end)


def find_metaphors(doc, ctx: Context) -> list:
    """Metaphors and vivid verbs with their source domain (subtype)."""
    entries, patterns, domains = _entries()
    by_lower, by_lemma = build_phrase_matcher(doc.vocab, "metaphors.json", patterns)
    matches = set(by_lower(doc)) | set(by_lemma(doc))
    cands = []
    for mid, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
        e = entries[int(doc.vocab.strings[mid][1:])]
        span = doc[start:end]
        if any(t.i in ctx.entity_tokens for t in span):
            continue
        if e.get("pos"):
            head = span.root
            if head.pos_ not in e["pos"]:
                continue
        if not _near_ok(span, e.get("near"), ctx):
            continue
        cands.append((start, end, e))
    cands.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, last_end = [], -1
    for start, end, e in cands:
        if start < last_end:
            continue
        last_end = end
        s, e_ = span_chars(doc, start, end)
        sig = make_signal(ctx, s, e_, "metaphor", "", subtype=e["domain"])
        if sig.reported:
            whose = f" (in what {ctx.describe(sig.speaker)} said, retold)" if sig.speaker else " (in reported speech)"
        else:
            whose = f" (in {ctx.describe(sig.speaker)}'s quoted words)" if sig.in_quote and sig.speaker else (" (in a quote)" if sig.in_quote else "")
        sig.explanation = (f"metaphor: describes one thing in terms of another. “{sig.text}”{whose} borrows "
                           f"{domains.get(e['domain'], e['domain'])}.")
        out.append(sig)
    return out
