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
import re

from ..english import TITLE_CASE_SMALL_WORDS, WORK_TITLE_LEADERS
from ..items import Quote
from ..layout import structure, transcript_turns
from ..sides import group_namesake
from .direct import Attribution, DirectAttributor, holds_a_clause
from .headline import HeadlineAttributor
from .indirect import indirect_candidates
from .lexicon import work_nouns
from .marks import MarkedSpan, find_marked_spans
from .speakers import PERSON_LABELS, Speaker, SpeakerResolver
from .wording import characterises, past_tense, speaker_words, surface

__all__ = ["find_quotes", "find_marked_spans", "MarkedSpan"]


def _paragraph_index(text: str):
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def index(offset: int) -> int:
        # count non-blank paragraphs: a blank line does not start a new paragraph number
        return bisect.bisect_right(starts, offset)

    return index


def _side(analysis, speaker):
    actor = analysis.actors.get(speaker) if speaker else None
    return actor.side if actor is not None else "unknown"


def _group_namesake(analysis, sp) -> str | None:
    """The actor a group speaker with no name of its own is named after ("Trump aides")."""
    if sp is None or sp.name in analysis.actors or sp.how != "description":
        return None
    span = analysis.doc.char_span(sp.start, sp.end, alignment_mode="expand")
    return None if span is None else group_namesake(span, analysis.entities, analysis.actors)


def find_quotes(doc, analysis) -> list[Quote]:
    """Direct and indirect quotes in ``doc`` with their speakers, in text order."""
    text = doc.text
    resolver = SpeakerResolver(doc, analysis, text)
    analysis.who = resolver  # the one resolver of who is who, for the layers after this one
    heads = structure(text).headlines
    turns = transcript_turns(text)
    marked = find_marked_spans(text)
    # a quoted transcript ('"PENCE: Well, …' on every paragraph), or a turn that is one quote
    # ('Ratzinger: “I was tired.”'): the turns are the quotes, each said once, by the label's person
    spans = [s for s in marked if not (_is_title(text, s, doc) and not any(a <= s.start < b for a, b in heads))
             and not any(s.start < t.start < s.end or _is_the_turn(s, t) for t in turns)]
    _renumber_parents(spans)
    para = _paragraph_index(text)
    attributor = DirectAttributor(doc, resolver, spans, para, text)
    in_head = {k for k, s in enumerate(spans) if any(a <= s.start and s.end <= b for a, b in heads)}
    attributor.headline_ks = in_head
    attributor.marked = list(marked)
    headline = HeadlineAttributor(doc, resolver, text, heads)

    results: dict[int, Attribution] = {}
    # outer quotes first (follow-ons need their predecessors), then nested ones
    order = [k for k, s in enumerate(spans) if s.parent is None] + [k for k, s in enumerate(spans) if s.parent is not None]
    for k in order:
        att = headline.attribute(spans[k], spans) if k in in_head else attributor.attribute(k, results)
        q = spans[k]
        if q.parent is not None:
            outer = results.get(q.parent)
            if outer is not None and outer.speaker is not None:
                if att.speaker is None:
                    att.explanation = (f"a quote inside {outer.speaker.name or outer.speaker.text}'s words; "
                                       "the text does not say whose words they were first")
                elif att.speaker.name != outer.speaker.name and att.relayed_by is None:
                    att.relayed_by, att.relay_channel = outer.speaker, outer.channel
                    att.explanation += f"; quoted inside {outer.speaker.name or outer.speaker.text}'s words"
        results[k] = att
    _headline_words_said_in_the_body(text, spans, in_head, results)

    quotes: list[Quote] = []
    index_of: dict[int, int] = {}
    for k, q in enumerate(spans):
        att = results[k]
        index_of[k] = len(quotes)
        quote = _make_quote(text, q.start, q.end, "direct", att, analysis, q)
        if q.parent is None:
            _mark_writers_marks(quote, att, attributor.tokens_in(q.start, q.end), text)
        quotes.append(quote)

    turns = transcript_quotes(text, resolver, analysis)
    quotes += turns

    # indirect speech outside direct quotes (a transcript's turns are direct speech)
    tops = sorted([s for s in spans if s.parent is None] + [_Stretch(q.start, q.end) for q in turns],
                  key=lambda s: s.start)
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
        if inside_quote(cs) and not inside_quote(ce - 1):
            continue  # content that starts inside quotation marks and runs out of them is no one's words
        seen.add((cs, ce))
        att = _indirect_attribution(resolver, cue, cs, ce)
        quotes.append(_make_quote(text, cs, ce, "indirect", att, analysis, None))

    quotes.sort(key=lambda x: (x.start, -x.end))
    # nested_in: index in the final list
    pos = {id(qq): i for i, qq in enumerate(quotes)}
    by_span: dict = {}  # (start, end, kind) -> the first quote with it (a look-up, not a scan per quote)
    for qq in quotes:
        by_span.setdefault((qq.start, qq.end, qq.kind), qq)
    for q in spans:
        if q.parent is not None:
            child = by_span.get((q.start, q.end, "direct"))
            parent = by_span.get((spans[q.parent].start, spans[q.parent].end, "direct"))
            if child is not None and parent is not None:
                child.nested_in = pos[id(parent)]
    return quotes


_SMALL = TITLE_CASE_SMALL_WORDS
_TITLE_BEFORE = WORK_TITLE_LEADERS | work_nouns()


def _words_of(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower().replace("’", "'")))


def _headline_words_said_in_the_body(text: str, spans, in_head, results) -> None:
    """A headline quote nobody in the headline is named for, whose words (three or more) the body
    quotes again, is said by the body quote's speaker ("‘We Were Left to Drown’: …" ¶ "… Bronwyn
    Tallis told the meeting: “We were left to drown.”")."""
    for k in in_head:
        words = _words_of(text[spans[k].start:spans[k].end])
        if results[k].speaker is not None or len(words.split()) < 3:
            continue  # (the headline's own words name the speaker first; two words are a common phrase)
        for j, s in enumerate(spans):
            body = results.get(j)
            if j in in_head or s.parent is not None or body is None or body.speaker is None or not body.speaker.name:
                continue
            if words in _words_of(text[s.start:s.end]):
                results[k] = Attribution(body.speaker, None, None, None, "headline",
                                         f"a quote in the headline; the body quotes the same words as "
                                         f"{body.speaker.name}'s")
                break


def _is_title(text: str, span, doc=None) -> bool:
    """A quoted name of a work or show ("on “Fox News Sunday,”"), not something said.

    Title Case (every word but small ones capitalised, not ALL CAPS), at most six words,
    no question or exclamation mark, and a preposition, determiner, possessive or work noun
    before it (a year may stand between: 'his 1994 “Contract with America”'), or alone on its
    line (a subhead in marks). Headlines, all in Title Case, are not asked. A name someone coins
    is their words: not when a reporting verb stands right before ('fear a “Putin-Ribbentrop
    Pact”', 'called it a “Total Disaster”'; needs ``doc``).
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
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    if not text[line_start:span.start].strip() and not text[span.end:len(text) if line_end < 0 else line_end].strip(" .,"):
        return True
    before = text[max(0, span.start - 30): span.start].split()
    while before and before[-1].strip(",").isdigit():
        before.pop()
    prev = before[-1].lower().strip(",") if before else ""
    return (prev in _TITLE_BEFORE or prev.endswith(("’s", "'s"))) and not _coined_by_a_speaker(doc, span.start)


def _coined_by_a_speaker(doc, start: int) -> bool:
    """A reporting or naming verb right before the marks, with at most an article and a pronoun
    between ('to fear a “…”', 'dubbed it the “…”')."""
    if doc is None:
        return False
    from .lexicon import lexicon

    span = doc.char_span(0, start, alignment_mode="contract")
    j = (span.end if span is not None else 0) - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space or doc[j].pos_ in ("DET", "PRON")) and start - doc[j].idx < 40:
        j -= 1
    if j < 0:
        return False
    return lexicon().is_cue_verb(doc[j], cognition=True) or (
        doc[j].pos_ in ("VERB", "AUX") and doc[j].lemma_.lower() in _naming()["verbs"])


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _naming() -> dict:
    from ..data import load_json

    return load_json("lexicons", "naming.json")


def _names_or_titles(text: str, q_tokens) -> str | None:
    """'goes by the name “Dizzy”', 'known as “the Hammer”', 'a report titled “…”', 'nicknamed
    “Smiling Joe”': the words before the marks introduce a name or title (``data/lexicons/naming.json``)."""
    if not q_tokens:
        return None
    first = q_tokens[0]
    words = [t for t in q_tokens if not t.is_punct]
    doc = first.doc
    before_tok = doc[q_tokens[0].i - 1] if q_tokens[0].i > 0 else None
    after_tok = doc[q_tokens[-1].i + 1] if q_tokens[-1].i + 1 < len(doc) else None
    if (len(words) <= 2 and before_tok is not None and after_tok is not None
            and before_tok.pos_ == "PROPN" and after_tok.text[:1].isupper() and after_tok.is_alpha
            and all(w.text[:1].isupper() for w in words)):
        return "a nickname inside a name"  # Marcia "Cia" Price
    sent_start = first.sent.start_char
    before = text[max(sent_start, first.idx - 40): first.idx].lower().rstrip(" ,:")
    for phrase in _naming()["phrases"]:
        if before.endswith(" " + phrase) or before == phrase:
            return phrase
    j = first.i - 1
    while j >= first.sent.start and (doc[j].is_punct or doc[j].is_space or doc[j].dep_ == "det"):
        j -= 1  # ('dubbed the “Bondi bandit”': the article belongs to the name)
    if j < first.sent.start:
        return None
    verb = doc[j]
    if verb.lemma_.lower() in _naming()["verbs"] and verb.tag_ == "VBN" and (
            verb.dep_ in ("acl", "amod") or any(c.dep_ == "auxpass" for c in verb.children)
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ != "ROOT"):
        return verb.text
    return None


def _mark_writers_marks(quote: Quote, att: Attribution, q_tokens, text: str) -> None:
    """Marks that are the writer's, not a speaker's: a name or title ("goes by the name “Dizzy”"),
    or scare quotes (a few words in marks, inside a sentence, with no one named as saying them).
    They become ``kind="scare"``, with no speaker, out of the sourcing balance."""
    naming = _names_or_titles(text, q_tokens)
    if att.how == "word":
        naming = None  # 'would not use the word “recession”': a word someone uses is speech
    if naming == "a nickname inside a name" and att.how == "headline":
        naming = None  # a Title Case headline capitalises every word: 'Minister Slams ‘Reckless’ Strike'
    inner = text[quote.start + 1: quote.end - 1].strip(" ,.;:")
    if naming is not None and len(_WORDS.findall(inner)) <= 6:
        quote.kind, quote.speaker, quote.speaker_start, quote.speaker_end, quote.speaker_text = \
            "scare", None, None, None, None
        quote.cue = quote.cue_start = quote.cue_end = quote.channel = None
        quote.explanation = (f"a name or title, not speech: '{naming}' introduces the words in marks, "
                             "so they are left out of the sourcing balance")
        return
    if att.speaker is None and att.how == "headline" and len(_WORDS.findall(inner)) <= 6:
        quote.kind = "scare"  # the headline names nobody for them (the explanation says so)
        return
    if att.speaker is not None or att.how != "none" or len(_WORDS.findall(inner)) > 4:
        return
    if quote.text.rstrip("”\"’' ").endswith(".") and holds_a_clause(q_tokens):
        return  # a sentence ('“I am sorry.”') is someone's words even when the text does not say whose
    opens = q_tokens and q_tokens[0].i == q_tokens[0].sent.start
    if opens or inner[-1:] in "?!":
        return
    quote.kind = "scare"
    quote.explanation = ("scare quotes / the writer's distance: no one is named as saying these words; the "
                         "marks set them apart (irony, doubt, or a term the writer does not adopt)")


class _Stretch:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


def _is_the_turn(span, turn) -> bool:
    """The marked quote is the whole of a transcript turn (the turn adds at most a space or a
    full stop): one utterance, which the turn attributes."""
    return turn.start <= span.start and span.end <= turn.end and (turn.end - turn.start) - (span.end - span.start) <= 2


def transcript_quotes(text: str, resolver, analysis) -> list[Quote]:
    """A transcript's turns of speech (``rhetoric.layout.transcript_turns``) as quotes of kind
    "transcript" (the speaker's own words, with no quotation marks) by
    the person the label names: "SEN. ROSALIND ACHTERBERG, FINANCE COMMITTEE:" and later
    "ACHTERBERG:" are one speaker; titles before the name are not part of it."""
    out = []
    full: dict[str, str] = {}
    turns = transcript_turns(text)
    answerer = _the_one_interviewed(text, resolver, turns[0].start) if turns else None
    for turn in turns:
        s, e = _label_name(text, turn.label_start if turn.name_start is None else turn.name_start, turn.name_end)
        if text[s:e].strip() == "A" and answerer is not None:
            sp = Speaker(answerer, s, e, text[s:e], "name")  # 'Q&A: Chef Arjun Malhotra on …' ¶ 'A: Rents.'
            att = Attribution(sp, None, ":", (turn.label_end, turn.label_end + 1), "transcript",
                              f"an answer in a question-and-answer interview: 'A:' is {answerer}, whom the "
                              "interview is with")
            out.append(_make_quote(text, turn.start, turn.end, "transcript", att, analysis, None))
            continue
        written = text[s:e]
        name = _label_speaker(written, resolver.entity_at(s, e), s, e, resolver, full)
        full.setdefault(written.split()[-1].lower(), name)
        sp = Speaker(name, s, e, written, "name")
        att = Attribution(sp, None, ":", (turn.label_end, turn.label_end + 1), "transcript",
                          f"a turn of speech in a transcript: the label '{text[turn.label_start:turn.label_end]}:' "
                          f"names the speaker")
        out.append(_make_quote(text, turn.start, turn.end, "transcript", att, analysis, None))
    return out


def _label_speaker(written: str, ent, s: int, e: int, resolver, full: dict) -> str:
    """Who a transcript label names: the person entity covering it; else the article's person with
    that surname ("PENCE:" is Mike Pence); a surname an earlier label gave in full ('Ms RAMA:' is
    the 'PRIYA RAMA' before, ``full``: surname -> name); a name in capitals as the text writes it
    elsewhere ('DR ANA SOTO:' is Ana Soto)."""
    last = written.split()[-1].lower()
    if ent is not None and ent.label == "PERSON" and ent.start <= s and ent.end >= e:
        name = resolver.canonical(ent.actor or ent.text)
    else:
        known = resolver.canonical(last.title())
        name = known if known != last.title() else written
    if " " not in name.strip() and full.get(last):
        name = full[last]
    return resolver.as_written(name)


def _the_one_interviewed(text: str, resolver, first_turn: int) -> str | None:
    """The person a question-and-answer interview is with: the first person named before its
    first turn, outside a byline ('Interview by Sinéad Crowe' is the one asking)."""
    bylines = structure(text).ranges("byline")
    # (a headline's guess the body never confirms is set aside as a name, but still says who)
    guesses = [e for e in getattr(resolver.analysis, "rejected_entities", []) if e.model_label == "PERSON"]
    for ent in sorted([*resolver.ents, *guesses], key=lambda e: e.start):
        if ent.start >= first_turn:
            break
        person = ent.label in PERSON_LABELS or ent.model_label == "PERSON" and ent in guesses
        if person and not any(a <= ent.start < b for a, b in bylines) \
                and "by " not in text[max(0, ent.start - 3):ent.start].lower():
            return resolver.canonical(ent.actor or ent.text)
    return None


def _label_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The name in a speaker label, without the titles before it ("SEN. ROSALIND ACHTERBERG" ->
    "ROSALIND ACHTERBERG", "Health Minister Karl Brenner" -> "Karl Brenner")."""
    from .lexicon import lexicon

    lex = lexicon()
    titles = lex.roles | lex.male_titles | lex.female_titles | _person_titles()
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    while k < len(words) - 1 and (words[k].group().endswith(".") or words[k].group().lower().rstrip(".") in titles
                                  or words[k].group().lower() in titles or k == 0 and words[k].group() == "The"):
        k += 1
    return start + words[k].start(), end


def _person_titles() -> frozenset:
    from ..data import load_json

    return frozenset(t.lower().rstrip(".") for t in load_json("titles.json")["titles"])


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
    rel = relayer(cue)
    if rel is not None:
        rv, rsubj = rel
        rsp = resolver.from_token(rsubj)
        if rsp is not None and rsp.name and rsp.name != sp.name and rsp.how != "author":
            att.relayed_by = rsp
            att.relay_channel = channel_and_setting(rv, (cs, ce))[0]
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
        relay_channel=att.relay_channel if att.relayed_by is not None else None,
        side=_side(analysis, speaker),
    )
    q.side_of = _group_namesake(analysis, sp)
    if q.side_of is not None:
        q.side = _side(analysis, q.side_of)
        q.explanation += f"; a group named after {q.side_of}, so on {q.side_of}'s side" + (
            f" ({q.side})" if q.side != "unknown" else "")
    q.setting = att.setting
    _mark_refused(q, att)
    return q


def _said_by_the_cue(q: Quote, cue) -> bool:
    """Is the quote what the cue reports (its object or complement), not a clause beside it
    ("did not mention Russia because “…”" gives a reason: that is said)?"""
    doc = cue.doc
    inside = [t for t in doc if q.start <= t.idx < q.end and not t.is_punct]
    tops = [t for t in inside if not (q.start <= t.head.idx < q.end) or t.head.i == t.i]
    for t in tops:
        path, h = [], t
        while h.i != cue.i and h.head.i != h.i and len(path) < 8:
            # ("describe the talks as “…”": the 'as' phrase is what is said)
            path.append("as" if h.dep_ == "prep" and h.lower_ == "as" else h.dep_)
            h = h.head
        if h.i == cue.i and not any(d in ("advcl", "relcl", "acl", "mark", "prep", "pcomp") for d in path):
            return True
    return not any(cue.i in {a.i for a in t.ancestors} for t in tops)


def _mark_refused(q: Quote, att: Attribution) -> None:
    """Words someone did not say: the cue is denied ("did not say", "refused to call", "never
    said"), so the quote is kept, marked ``negated``, and explained as not that person's speech."""
    from ..negation import negation_cue

    if att.cue is None or not hasattr(att.cue, "dep_"):
        return
    neg = negation_cue(att.cue)
    who = q.speaker or "the speaker"
    if neg is None and _denied_content(q, att.cue):
        q.negated = True
        q.explanation = (f"words {who} did not say: they sit in what '{att.cue.text}' rejects, so they are not "
                         f"{who}'s words and are left out of the sourcing balance; " + q.explanation)
        return
    if neg is None or not _said_by_the_cue(q, att.cue):
        return
    q.negated = True
    q.explanation = (f"words {who} did not say: the cue '{att.cue.text}' is denied by '{neg.text}', so these "
                     f"are not {who}'s words and are left out of the sourcing balance; " + q.explanation)


def _denied_content(q: Quote, cue) -> bool:
    """'denied saying that the bill was “a handout”', 'denied calling them “thugs”': a fragment in
    marks inside what a verb of denial rejects (a whole quoted sentence after 'he denied' is the
    denial itself: '“I never took it,” he denied')."""
    from ..negation import negating_verbs

    if cue.lemma_.lower() not in negating_verbs() or cue.idx >= q.start:
        return False
    doc = cue.doc
    inside = [t for t in doc if q.start <= t.idx < q.end and not t.is_punct]
    if not inside or not all(cue in t.ancestors for t in inside):
        return False
    first = inside[0]
    opens_sentence = first.text[:1].isupper() and doc[first.i - 1].text in "“\"‘'" and (
        first.i < 2 or doc[first.i - 2].text in (":", ","))
    return not opens_sentence
