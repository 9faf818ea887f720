"""The kit proposes exercises from its own analysis of an article: one function per kind.

Each ``propose_*`` reads an ``Analysis`` and returns exercise dicts (the lesson file's shape)
whose key is the kit's own answer, with hints made from the kit's explanation and, where a rule
is on thin ice, the reason the kit is unsure. The teacher reviews them before learners see them.
"""

from __future__ import annotations

import bisect
from collections import Counter

from ..layout import lines
from .hints import pointed
from .kinds import KINDS, LABEL_KIND, NAME_KINDS, NOBODY, NOT_A_NAME, NOT_SAID, STANCES

#: How many exercises of each kind a lesson proposes at most (the teacher drops what is too many).
LIMITS = {"entity_label": 4, "speaker": 4, "reporting_verb": 3, "hedge_booster": 2, "loaded": 2, "agent": 2,
          "sourcing": 1, "frames": 1}

#: A marking passage longer than this (words) is too long to mark word by word on a screen.
MAX_PASSAGE_WORDS = 150


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


class Sentences:
    """Sentence and paragraph bounds of an analysis, by character offset."""

    def __init__(self, analysis):
        self.text = analysis.text
        self.sents = [(s.start_char, s.end_char) for s in analysis.doc.sents]
        self.starts = [s for s, _ in self.sents]
        aside = [(a.start, a.end) for a in analysis.set_aside]
        self.paragraphs = [(s, e) for s, e in lines(self.text) if not any(a <= s and e <= b for a, b in aside)]
        self.par_starts = [s for s, _ in self.paragraphs]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def sentence(self, start: int, end: int) -> dict:
        """The sentence(s) holding ``[start, end)`` (a quote may run over several)."""
        i, j = self.index(start), self.index(max(start, end - 1))
        s, e = self.sents[i][0], self.sents[j][1]
        return _span(self.text, s, e)

    def paragraph(self, start: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.par_starts, start) - 1
        if i >= 0 and self.paragraphs[i][0] <= start < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None


def _exercise(kind: str, n: int, prompt: str, key, *, explanation: str = "", pointed_hint: str, **fields) -> dict:
    return {"id": f"{kind}-{n}", "kind": kind, "prompt": prompt, "key": key, "kit_answer": key,
            "explanation": explanation, "hints": [KINDS[kind]["general"], pointed_hint],
            "unsure": fields.pop("unsure", None), "review": {"status": "proposed"}, **fields}


# --- who is named ---------------------------------------------------------------------------

def _name_kind(analysis, entity) -> str | None:
    kind = LABEL_KIND.get(entity.label)
    actor = analysis.actors.get(entity.actor) if entity.actor else None
    if actor is not None and actor.type in NAME_KINDS:
        kind = actor.type
    return kind


def _entity_unsure(entity) -> str | None:
    if entity.model_label is None:
        return "spaCy's model did not see a name here; one of the kit's rules added it"
    if entity.model_label != entity.label:
        return "spaCy's model and one of the kit's rules disagree about this name"
    return None


def propose_entity_labels(analysis, sents: Sentences) -> list[dict]:
    """First mentions of the most-mentioned actors, one per actor, different kinds first."""
    first: dict[str, object] = {}
    for e in analysis.entities:
        kind = _name_kind(analysis, e)
        if kind is None or e.actor is None or e.actor in first or len(e.text) < 2:
            continue
        first[e.actor] = e
    counts = Counter(e.actor for e in analysis.entities)
    ranked = sorted(first.values(), key=lambda e: (-counts[e.actor], e.start))
    chosen, kinds = [], set()
    for e in ranked:  # a spread of kinds before a second of the same kind
        if _name_kind(analysis, e) not in kinds:
            chosen.append(e)
            kinds.add(_name_kind(analysis, e))
    chosen += [e for e in ranked if e not in chosen]
    # one word the model took for a name and a rule of the kit took back: "not a name" is an answer too
    body = [e for e in analysis.rejected_entities if not _in_headline(analysis.text, e.start) and len(e.text) > 2]
    taken_back = body[:1]
    chosen = chosen[: LIMITS["entity_label"] - len(taken_back)] + taken_back
    out = []
    for n, e in enumerate(sorted(chosen, key=lambda e: e.start), 1):
        if e in taken_back:
            out.append(_not_a_name(analysis, sents, e, n))
            continue
        kind = _name_kind(analysis, e)
        context = sents.sentence(e.start, e.end)
        fallback = (f"Read the words right around “{e.text}” in its sentence: a title, a verb of saying or acting, or "
                    "a preposition such as “in” or “from” tells you what kind of name it is.")
        answers = [kind, e.label, *({"place": ["country", "city", "region"], "group": ["nationality"],
                                     "organisation": ["organization"]}.get(kind, []))]
        out.append(_exercise(
            "entity_label", n, f"What kind of name is “{e.text}” in this sentence?", kind,
            explanation=e.explanation, pointed_hint=pointed(e.explanation, answers, fallback) if e.rule else fallback,
            target=_span(analysis.text, e.start, e.end), passage=context, options=list(NAME_KINDS),
            unsure=_entity_unsure(e)))
    return out


def _in_headline(text: str, offset: int) -> bool:
    from ..layout import headline_lines

    return any(s <= offset < e for s, e in headline_lines(text))


def _not_a_name(analysis, sents: Sentences, e, n: int) -> dict:
    fallback = (f"Is “{e.text}” the name of someone or something in this sentence, or an ordinary word that "
                "happens to have a capital letter?")
    answers = [NOT_A_NAME, "not a name", "name"]
    return _exercise(
        "entity_label", n, f"What kind of name is “{e.text}” in this sentence?", NOT_A_NAME,
        explanation=e.explanation, pointed_hint=pointed(e.explanation, answers, fallback),
        target=_span(analysis.text, e.start, e.end), passage=sents.sentence(e.start, e.end),
        options=list(NAME_KINDS), unsure=None)


# --- who said it --------------------------------------------------------------------------------

def _speaker_unsure(analysis, q, sents: Sentences) -> str | None:
    if q.speaker is None:  # on PolNeAR dev most quotes the kit leaves unattributed do have a source
        return "the kit found no named speaker, and in news most quotes have one somewhere nearby"
    actor = analysis.actors.get(q.speaker)
    if actor is None or actor.type != "person":
        return "the speaker the kit found is not a named person (an organisation, a group or a description)"
    if q.speaker_start is not None:
        tok = analysis.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        if tok is not None and len(tok) == 1 and tok[0].pos_ == "PRON":
            before = [s for s, _ in actor.mentions if s < q.speaker_start]
            if not before or sents.index(q.speaker_start) - sents.index(max(before)) > 2:
                return "the speaker is a pronoun, and the person it stands for is named more than two sentences earlier"
    if q.cue is None:
        return "the quote has no reporting word of its own; the kit carried the speaker over from nearby"
    return None


def _candidates(analysis, keys: list[str | None], limit: int = 6) -> list[str]:
    """Speakers to choose from: the keys, then the article's most-named people and organisations."""
    counts = Counter(e.actor for e in analysis.entities if e.actor)
    names = [k for k in keys if k]
    for name, _ in counts.most_common():
        actor = analysis.actors.get(name)
        if actor is not None and actor.type in ("person", "organisation") and name not in names:
            names.append(name)
    seen, out = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out[:max(limit, len(set(k for k in keys if k)))]


def propose_speakers(analysis, sents: Sentences) -> list[dict]:
    """Top-level quotes: direct ones first, spread over the article, with one 'nobody named' if any."""
    quotes = [q for q in analysis.quotes if q.nested_in is None and len(q.text) >= 12]
    direct = [q for q in quotes if q.in_own_words]
    pool = direct + [q for q in quotes if not q.in_own_words]
    chosen = [q for q in pool if q.speaker is not None][: LIMITS["speaker"] - 1]
    nobody = [q for q in pool if q.speaker is None]
    chosen += nobody[:1] if nobody else [q for q in pool if q.speaker is not None and q not in chosen][:1]
    chosen.sort(key=lambda q: q.start)
    options = _candidates(analysis, [q.speaker for q in chosen]) + [NOBODY]
    out = []
    for n, q in enumerate(chosen, 1):
        key = q.speaker or NOBODY
        mentions = analysis.actors[q.speaker].mentions if q.speaker in analysis.actors else []
        aliases = [q.speaker, q.speaker_text, *(analysis.text[s:e] for s, e in mentions)]
        fallback = ("Find the reporting word (said, wrote, told, a promise) nearest to the quote, in the same or the "
                    "previous sentence, and ask who is doing it.")
        what = "these words" if q.in_own_words else "this (reported in the writer's words)"
        out.append(_exercise(
            "speaker", n, f"Who said {what}? Choose among the article's actors, or “{NOBODY}”.", key,
            explanation=q.explanation, pointed_hint=pointed(q.explanation, aliases, fallback),
            target=_span(analysis.text, q.start, q.end), passage=sents.sentence(q.start, q.end),
            options=list(options), unsure=_speaker_unsure(analysis, q, sents)))
    return out


# --- reporting verbs --------------------------------------------------------------------------

def propose_reporting_verbs(analysis, sents: Sentences) -> list[dict]:
    """The writer's reporting verbs, rarer stances first (a neutral 'said' teaches least)."""
    verbs = [s for s in analysis.signals if s.category == "reporting_verb" and not s.in_quote
             and s.subtype in STANCES]
    verbs.sort(key=lambda s: (s.subtype == "neutral", s.start))
    chosen, used_sents, stances = [], set(), Counter()
    for s in verbs:
        i = sents.index(s.start)
        if i in used_sents or stances[s.subtype] >= 2:
            continue
        chosen.append(s)
        used_sents.add(i)
        stances[s.subtype] += 1
        if len(chosen) == LIMITS["reporting_verb"]:
            break
    out = []
    for n, s in enumerate(sorted(chosen, key=lambda s: s.start), 1):
        sent = sents.sentence(s.start, s.end)
        span = analysis.doc.char_span(sent["start"], sent["end"], alignment_mode="expand")
        words = [s.text]
        for tok in span or []:
            if tok.pos_ == "VERB" and not (s.start <= tok.idx < s.end) and tok.text not in words:
                words.append(tok.text)
        words = sorted(words[:7], key=lambda w: sent["text"].find(w))
        lemma = analysis.doc.char_span(s.start, s.end, alignment_mode="expand")
        answers = [s.text, s.subtype, *(t.lemma_ for t in lemma or [])]
        fallback = "Find the verb whose subject is the person speaking, then ask what it says about how they spoke."
        out.append(_exercise(
            "reporting_verb", n, "Which word in this sentence reports what someone said, and which stance does that "
                                 "choice of word take?", {"verb": s.text, "stance": s.subtype},
            explanation=s.explanation, pointed_hint=pointed(s.explanation, answers, fallback),
            target=_span(analysis.text, s.start, s.end), passage=sent,
            options={"verb": words, "stance": list(STANCES)}))
    return out


# --- words to mark ---------------------------------------------------------------------------------

_NAMES = {"hedge": ("hedge", "hedges"), "booster": ("booster", "boosters"), "loaded": ("loaded word", "loaded words")}


def _marking(analysis, sents: Sentences, kind: str, categories: tuple[str, ...], prompt: str) -> list[dict]:
    found = [s for s in analysis.signals if s.category in categories]
    by_par: dict[tuple[int, int], list] = {}
    for s in found:
        par = sents.paragraph(s.start)
        if par is not None and s.end <= par[1] and len(analysis.text[par[0]:par[1]].split()) <= MAX_PASSAGE_WORDS:
            by_par.setdefault(par, []).append(s)
    # the writer's own words first (a speaker's hedge is the speaker's), then variety, then number
    ranked = sorted(by_par.items(), key=lambda kv: (-any(not x.in_quote or x.reported for x in kv[1]),
                                                     -len({x.category for x in kv[1]}), -len(kv[1]), kv[0]))
    out = []
    for n, (par, items) in enumerate(sorted(ranked[: LIMITS[kind]]), 1):
        spans = sorted({(s.start, s.end) for s in items})
        spans = [sp for i, sp in enumerate(spans) if not (i and sp[0] < spans[i - 1][1])]  # no overlaps
        notes = {f"{s.start}-{s.end}": s.explanation + (f" These are {s.speaker}'s words, not the writer's."
                                                         if s.in_quote and not s.reported and s.speaker else "")
                 for s in items}
        answers = [s.text for s in items]
        kinds_here = Counter(s.category for s in items)
        count = ", ".join(f"{v} {_NAMES[k][v > 1]}" for k, v in sorted(kinds_here.items()))
        reasons = []
        for s in items[:3]:  # why this word, from the kit's explanation, with the words blanked
            why = s.explanation.split("”:", 1)[1] if "”:" in s.explanation else s.explanation.split(" “", 1)[0]
            why = pointed(why.strip(), answers, "").replace("The kit's reasoning, with the answer left out: ", "")
            if why and why not in reasons:
                reasons.append(why)
        pointed_hint = f"The kit finds {count} in this paragraph." + (
            " What they do: " + " / ".join(r for r in reasons if r) if any(reasons) else "")
        out.append(_exercise(
            kind, n, prompt, [list(sp) for sp in spans], explanation=" ".join(
                dict.fromkeys(notes[f"{s}-{e}"] for s, e in spans if f"{s}-{e}" in notes))[:600],
            pointed_hint=pointed_hint, target=None, passage=_span(analysis.text, *par), notes={"spans": notes}))
    return out


def propose_hedges(analysis, sents: Sentences) -> list[dict]:
    return _marking(analysis, sents, "hedge_booster", ("hedge", "booster"),
                    "Mark every word or phrase that weakens a claim (a hedge) or makes it sound certain (a "
                    "booster), in the writer's words or in a quote. Whose claim does each one colour?")


def propose_loaded(analysis, sents: Sentences) -> list[dict]:
    return _marking(analysis, sents, "loaded", ("loaded",),
                    "Mark every word that judges (praises, condemns, rates or stirs a feeling) rather than "
                    "describes, in the writer's words or in a quote. Whom or what does each one judge, and who "
                    "is judging?")


# --- who did it ----------------------------------------------------------------------------------

def propose_agents(analysis, sents: Sentences) -> list[dict]:
    hidden = [s for s in analysis.signals if s.category == "agency"
              and s.subtype in ("agentless_passive", "hidden_agent_nominal")]
    # passives first (the clearest case), the writer's words before a speaker's
    passives = sorted(hidden, key=lambda s: (s.subtype != "agentless_passive", s.in_quote and not s.reported,
                                             s.start))[: LIMITS["agent"]]
    passives.sort(key=lambda s: s.start)
    options = _candidates(analysis, [], limit=5) + [NOT_SAID]
    out = []
    for n, s in enumerate(passives, 1):
        if s.subtype == "agentless_passive":
            fallback = "Look for a “by …” phrase after the verb: does the sentence name whoever did it?"
            prompt = f"“{s.text}”: who did it? Choose who the sentence names as the doer, or “{NOT_SAID}”."
        else:
            fallback = "Look for a possessive (“Russia's …”) or an “of”/“by” phrase: does the sentence name the doer?"
            prompt = (f"“{s.text}” names an action as a thing. Who did it? Choose who the sentence names as the "
                      f"doer, or “{NOT_SAID}”.")
        out.append(_exercise(
            "agent", n, prompt,
            NOT_SAID, explanation=s.explanation, pointed_hint=f"In “{s.text}”: " + fallback[0].lower() + fallback[1:],
            target=_span(analysis.text, s.start, s.end), passage=sents.sentence(s.start, s.end),
            options=list(options)))
    return out


# --- who is heard most -----------------------------------------------------------------------------

def propose_sourcing(analysis, sents: Sentences) -> list[dict]:
    from ..sourcing import sourcing_balance

    rows = [r for r in sourcing_balance(analysis) if r.get("kind") == "named"]
    rows.sort(key=lambda r: (-r["quotes"], -(r["direct_words"] + r["indirect_words"])))
    if len(rows) < 2:
        return []
    top, second = rows[0], rows[1]
    def weight(row):
        return row["quotes"], row["direct_words"] + row["indirect_words"]

    if weight(top) == weight(second):  # a tie: no single answer
        return []
    options = [r["speaker"] for r in rows[:5]]
    options = sorted(options, key=lambda name: name.split()[-1])
    counts = "; ".join(f"{r['speaker']}: {r['quotes']} quote{'s' if r['quotes'] != 1 else ''}" for r in rows[:5])
    hint = (f"The kit counts {top['quotes']} quotes for the most-heard speaker and {second['quotes']} for the next. "
            "Count the quotation marks and the reported speech (“X said that …”) of each.")
    return [_exercise("sourcing", 1, "Who is heard most in this article (the most quotes, direct or reported)?",
                      top["speaker"], explanation=f"The kit's count of quotes per speaker: {counts}.",
                      pointed_hint=hint, target=None, passage=None, options=options)]


# --- frames ------------------------------------------------------------------------------------------

def propose_frames(analysis, sents: Sentences) -> list[dict]:
    from .. import frames

    spec = frames.battery()["frames"]
    answers = frames.code_article(analysis.doc, analysis)
    questions = [{"id": q["id"], "frame": q["frame"], "question": q["question"]} for q in frames.questions()]
    ex = _exercise("frames", 1, "Code the article: answer each question yes or no. There is no key: compare with the "
                                "kit and your classmates.", None,
                   explanation="The kit answers yes when enough sentences hold one of its cue words; it is a starting "
                               "point for discussion, not a verdict.",
                   pointed_hint="Read the article once for each frame, and find one sentence that makes you say yes.",
                   target=None, passage=None,
                   notes={"questions": questions, "labels": {f: s.get("label", f) for f, s in spec.items()}})
    ex["kit_answer"] = {a.id: bool(a.answer) for a in answers}
    return [ex]


PROPOSERS = (propose_entity_labels, propose_speakers, propose_reporting_verbs, propose_hedges, propose_loaded,
             propose_agents, propose_sourcing, propose_frames)


def propose(analysis) -> list[dict]:
    """Every exercise the kit can propose for ``analysis``, in the order of the learning path."""
    sents = Sentences(analysis)
    out = []
    for fn in PROPOSERS:
        out += fn(analysis, sents)
    return out
