"""Quote attribution: who said what, through which verb and channel.

``find_quotes(doc, analysis)`` returns the article's quotes as :class:`rhetoric.items.Quote`:

* direct quotes: every stretch between paired quotation marks (see :mod:`.marks`), attributed
  by :mod:`.direct` (reporting cue, colon, follow-on, clause subject; questions by unnamed
  askers get no speaker), with nested quotes pointing at their outer quote (``nested_in``)
  and second-hand quotes naming who relayed them (``relayed_by``);
* indirect speech (``kind="indirect"``): the clause a reporting verb governs, see :mod:`.indirect`.

Speakers are canonical actors where the text names one (see :mod:`.speakers`). Every quote
carries an ``explanation`` of where its speaker came from.
"""

from __future__ import annotations

import bisect

from ..items import Quote
from .direct import Attribution, DirectAttributor
from .indirect import indirect_candidates
from .marks import MarkedSpan, find_marked_spans
from .speakers import SpeakerResolver
from .wording import characterises, past_tense, speaker_words, surface

__all__ = ["find_quotes", "find_marked_spans", "MarkedSpan"]


def _paragraph_index(text: str):
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def index(offset: int) -> int:
        # count non-blank paragraphs: a blank line does not start a new paragraph number
        return bisect.bisect_right(starts, offset)

    return index


def _side(analysis, speaker):
    actor = (getattr(analysis, "actors", {}) or {}).get(speaker) if speaker else None
    return getattr(actor, "side", "unknown") if actor is not None else "unknown"


def find_quotes(doc, analysis) -> list[Quote]:
    """Direct and indirect quotes in ``doc`` with their speakers, in text order."""
    text = doc.text
    resolver = SpeakerResolver(doc, analysis, text)
    heads = _headline_ranges(text)
    spans = [s for s in find_marked_spans(text)
             if not _is_title(text, s) and not any(a <= s.start and s.end <= b for a, b in heads)]
    _renumber_parents(spans)
    para = _paragraph_index(text)
    attributor = DirectAttributor(doc, resolver, spans, para, text)

    results: dict[int, Attribution] = {}
    # outer quotes first (follow-ons need their predecessors), then nested ones
    order = [k for k, s in enumerate(spans) if s.parent is None] + [k for k, s in enumerate(spans) if s.parent is not None]
    for k in order:
        att = attributor.attribute(k, results)
        q = spans[k]
        if q.parent is not None:
            outer = results.get(q.parent)
            if outer is not None and outer.speaker is not None:
                if att.speaker is None:
                    att.explanation = (f"a quote inside {outer.speaker.name or outer.speaker.text}'s words; "
                                       "the text does not say whose words they were first")
                elif att.speaker.name != outer.speaker.name and att.relayed_by is None:
                    att.relayed_by = outer.speaker
                    att.explanation += f"; quoted inside {outer.speaker.name or outer.speaker.text}'s words"
        results[k] = att

    quotes: list[Quote] = []
    index_of: dict[int, int] = {}
    for k, q in enumerate(spans):
        att = results[k]
        index_of[k] = len(quotes)
        quotes.append(_make_quote(text, q.start, q.end, "direct", att, analysis, q))

    # indirect speech outside direct quotes
    tops = [s for s in spans if s.parent is None]
    starts = [s.start for s in tops]

    def inside_quote(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and tops[i].start <= offset < tops[i].end

    seen = set()
    for cue, cs, ce in indirect_candidates(doc, inside_quote, text):
        if (cs, ce) in seen or ce <= cs:
            continue
        i = max(0, bisect.bisect_right(starts, cs) - 1)  # tops do not overlap: read only those near
        quoted = 0
        while i < len(tops) and tops[i].start < ce:
            quoted += max(0, min(ce, tops[i].end) - max(cs, tops[i].start))
            i += 1
        if quoted >= 0.7 * (ce - cs):
            continue  # really a direct quote, already found
        seen.add((cs, ce))
        att = attributor.attribute_indirect(cue, cs, ce) if hasattr(attributor, "attribute_indirect") else None
        if att is None:
            att = _indirect_attribution(resolver, cue, cs, ce)
        quotes.append(_make_quote(text, cs, ce, "indirect", att, analysis, None))

    quotes.sort(key=lambda x: (x.start, -x.end))
    # nested_in: index in the final list
    pos = {id(qq): i for i, qq in enumerate(quotes)}
    direct_by_k = {k: quotes_k for k, quotes_k in enumerate(quotes[: 0])}
    by_span: dict = {}  # (start, end, kind) -> the first quote with it (a look-up, not a scan per quote)
    for qq in quotes:
        by_span.setdefault((qq.start, qq.end, qq.kind), qq)
    for k, q in enumerate(spans):
        if q.parent is not None:
            child = by_span.get((q.start, q.end, "direct"))
            parent = by_span.get((spans[q.parent].start, spans[q.parent].end, "direct"))
            if child is not None and parent is not None:
                child.nested_in = pos[id(parent)]
    return quotes


_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "it"}
_TITLE_BEFORE = {"on", "in", "of", "from", "the", "his", "her", "their", "its", "titled", "entitled",
                 "show", "program", "programme", "film", "book", "series", "movie", "song", "album", "newspaper"}


def _is_title(text: str, span) -> bool:
    """A quoted name of a work or show ("on “Fox News Sunday,”"), not something said.

    Title Case (every word but small ones capitalised, not ALL CAPS), at most six words,
    no question or exclamation mark, and a preposition, determiner or work noun before it.
    """
    s, e = span.inner
    inner = text[s:e].strip().rstrip(",.")
    words = inner.split()
    if not words or len(words) > 6 or inner[-1:] in "?!" or inner.isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words):
        return False
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    before = text[max(0, span.start - 20): span.start].split()
    prev = before[-1].lower().strip(",") if before else ""
    return prev in _TITLE_BEFORE or prev.endswith(("’s", "'s"))


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    """Headline lines: short lines in Title Case ("Trump Was ‘Mocking’ Clinton Camp."). Marks in a
    headline set off a title or a scare quote ('‘Demoralizing’ Experience'), not words someone
    said in the article's own voice, so they are not quotes."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = [w.strip("“”\"‘’'.,:;!?()[]") for w in line.split()]
        words = [w for w in words if w[:1].isalpha()]
        if not 3 <= len(words) <= 20:
            continue
        content = [w for w in words if w.lower() not in _SMALL and w.lower() not in _HEAD_SMALL]
        if len(content) >= 3 and sum(w[:1].isupper() for w in content) >= 0.85 * len(content):
            out.append((start, start + len(line)))
    return out


_HEAD_SMALL = {"as", "but", "nor", "so", "yet", "up", "vs", "via", "into", "over", "about", "after", "than", "was",
               "are", "be", "were", "his", "her", "their"}


def _renumber_parents(spans) -> None:
    """After dropping spans, point ``parent`` at the new index (or None)."""
    # parents were indices into the unfiltered list; find them again by position
    for s in spans:
        if s.parent is None:
            continue
        enclosing = [j for j, o in enumerate(spans) if o is not s and o.start <= s.start and s.end <= o.end
                     and o.parent is None]
        s.parent = enclosing[-1] if enclosing else None


def _indirect_attribution(resolver, cue, cs, ce) -> Attribution:
    from .cues import channel_and_setting, cue_extent, cue_phrase, relayer, subject_of

    subj = subject_of(cue)
    sp = resolver.from_token(subj) if subj is not None else None
    att = Attribution(sp, cue, cue_phrase(cue), cue_extent(cue), "cue")
    if sp is None:
        att.explanation = f"reported speech after '{surface(cue, None)}'; the text names no speaker"
        return att
    if characterises(cue, cs):
        att.explanation = (f"a characterisation: how {speaker_words(sp)} {past_tense(cue)} it "
                           f"('{surface(cue, subj)} … as'), in the writer's words")
    else:
        att.explanation = (f"reported speech: what {speaker_words(sp)} {past_tense(cue)} "
                           f"('{surface(cue, subj)}'), in the writer's words")
    att.channel, att.setting = channel_and_setting(cue, (cs, ce))
    rel = relayer(cue, None)
    if rel is not None:
        rv, rsubj = rel
        rsp = resolver.from_token(rsubj)
        if rsp is not None and rsp.name and rsp.name != sp.name and rsp.how != "author":
            att.relayed_by = rsp
            att.explanation += f"; relayed by {speaker_words(rsp)} ('{surface(rv, rsubj)}')"
    return att


def _make_quote(text, start, end, kind, att: Attribution, analysis, marked) -> Quote:
    sp = att.speaker
    speaker = sp.name if sp is not None else None
    explanation = att.explanation
    if marked is not None and not marked.closed:
        explanation += "; the closing quotation mark is missing, so the quote ends with its paragraph"
    if marked is not None and marked.paragraphs > 1:
        explanation += f"; runs over {marked.paragraphs} paragraphs"
    q = Quote(
        start=start,
        end=end,
        text=text[start:end],
        explanation=explanation,
        speaker=speaker,
        speaker_start=sp.start if sp is not None else None,
        speaker_end=sp.end if sp is not None else None,
        speaker_text=sp.text if sp is not None else None,
        cue=att.cue_text,
        cue_start=att.cue_span[0] if att.cue_span else None,
        cue_end=att.cue_span[1] if att.cue_span else None,
        kind=kind,
        channel=att.channel,
        relayed_by=att.relayed_by.name if att.relayed_by is not None else None,
        side=_side(analysis, speaker),
    )
    if hasattr(q, "setting"):
        q.setting = att.setting
    return q
