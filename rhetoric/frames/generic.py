"""Semetko and Valkenburg's (2000) five generic news frames, coded with their question battery.

The battery lives in ``data/frames/semetko_valkenburg.json`` (questions in our own words,
with cue words). The kit answers each yes/no question from cue patterns in the article's
sentences; a frame's score is the share of its questions answered yes. A learner who
answers the same questions by hand gets scores on the same scale (``code_by_hand``), so
the two can be compared frame by frame and question by question (``compare``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from ..data import load_json
from ..items import Frame, Item
from ..negation import negation_cue

YES = {"yes", "y", "true", "1", "ja", "oui", "si", "sí"}
NO = {"no", "n", "false", "0", "nein", "non"}


def battery() -> dict:
    """The question battery (frames, their questions and cue words)."""
    return load_json("frames", "semetko_valkenburg.json")


def questions() -> list[dict]:
    """Every question, in order, with its frame: ``{"id", "frame", "question"}``."""
    out = []
    for frame, spec in battery()["frames"].items():
        for q in spec["questions"]:
            out.append({"id": q["id"], "frame": frame, "question": q["question"]})
    return out


@cache
def _cue_index(words: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Cue words and phrases by their first word (lower case), longest phrase first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        parts = tuple(w.lower().split())
        if parts:
            index.setdefault(parts[0], []).append(parts)
    for phrases in index.values():
        phrases.sort(key=len, reverse=True)
    return index


@cache
def _cue_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The first words of the cues (lower case)."""
    return frozenset(_cue_index(words))


def find_cue(sent, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Character span of the first cue in ``sent`` (a spaCy Span), or None.

    Cues match whole tokens, by lower-case form or lemma ("fought" for "fight"), so a
    contraction is never read as a cue ("won’t" is "wo" + "n’t", lemma "will", not "won"),
    and a cue word that its sentence denies ("did not win", "no dispute") does not count
    (:func:`rhetoric.negation.negation_cue`). Phrases ("at odds") match token by token."""
    return _find_cue(_SentenceWords(sent), words)


class _SentenceWords:
    """A sentence's tokens with their lower-case forms and lemmas, read once for every question
    (reading them from spaCy per question and cue list was most of the frame layer's time)."""

    __slots__ = ("toks", "lowers", "lemmas", "keys")

    def __init__(self, sent) -> None:
        self.toks = list(sent)
        self.lowers = [t.lower_ for t in self.toks]
        self.lemmas = [t.lemma_.lower() for t in self.toks]
        self.keys = frozenset(self.lowers).union(self.lemmas)


def _find_cue(view: _SentenceWords, words: tuple[str, ...]) -> tuple[int, int] | None:
    index = _cue_index(words)
    if view.keys.isdisjoint(_cue_keys(words)):
        return None  # no token's form or lemma begins a cue
    toks, lowers = view.toks, view.lowers
    for k, tok in enumerate(toks):
        candidates = index.get(lowers[k], []) + [p for p in index.get(view.lemmas[k], []) if len(p) == 1]
        for phrase in candidates:
            span = toks[k:k + len(phrase)]
            if len(span) < len(phrase):
                continue
            if len(phrase) > 1 and lowers[k:k + len(phrase)] != list(phrase):
                continue
            if len(phrase) == 1 and negation_cue(tok) is not None:
                continue
            return span[0].idx, span[-1].idx + len(span[-1].text)
    return None


@dataclass
class Answer:
    """The kit's answer to one question, with the sentences that carry it."""

    id: str
    frame: str
    question: str
    answer: bool
    evidence: list[Item] = field(default_factory=list)


#: An explicit sum of money the model may not tag: "$4 million", "60 billion euros", "€30bn".
_AMOUNT = re.compile(
    r"[$€£]\s?\d|\b\d[\d,.]*\s*(?:thousand|million|billion|trillion|bn|m)?\s*(?:dollars|euros|pounds|yen|rubles|roubles)\b",
    re.IGNORECASE)


def money_amounts(doc, text: str) -> list[tuple[int, int]]:
    """Character spans of explicit sums of money: spaCy's MONEY entities, and number + currency."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]
    spans += [(m.start(), m.end()) for m in _AMOUNT.finditer(text)
              if not any(s <= m.start() < e for s, e in spans)]
    return sorted(spans)


def _sentences(doc, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, trimmed of surrounding white space."""
    return [(s, e) for s, e, _ in _sentence_spans(doc, text)]


def _sentence_spans(doc, text: str) -> list[tuple[int, int, object]]:
    """``(start, end, spaCy sentence)`` of every sentence, trimmed of surrounding white space."""
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail, sent))
    return out


def code_article(doc, analysis) -> list[Answer]:
    """The kit's yes/no answer to every question of the battery, with evidence sentences."""
    text = analysis.text
    sents = _sentence_spans(doc, text)
    starts = [s for s, _, _ in sents]
    views = [_SentenceWords(sent) for _, _, sent in sents]

    def sent_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    sig_keys: list[set] = [set() for _ in sents]
    for sig in analysis.signals:
        i = sent_of(sig.start)
        if i >= 0:
            sig_keys[i].add(sig.category)
            sig_keys[i].add(f"{sig.category}:{sig.subtype}")
    actors: list[set] = [set() for _ in sents]
    for ent in analysis.entities:
        if getattr(ent, "label", "") in ("PERSON", "NORP", "GPE", "ORG"):
            i = sent_of(ent.start)
            if i >= 0:
                actors[i].add(ent.actor or ent.text)

    amounts: list[list[str]] = [[] for _ in sents]
    for s, e in money_amounts(doc, text):
        i = sent_of(s)
        if i >= 0:
            amounts[i].append(text[s:e])

    # which sentences can answer a question at all: those with one of its cue words (as a form or
    # lemma), one of its signals or (when it asks) an amount; the others give no reason
    with_word: dict[str, list[int]] = {}
    for i, view in enumerate(views):
        for w in view.keys:
            with_word.setdefault(w, []).append(i)
    with_signal: dict[str, list[int]] = {}
    for i, keys in enumerate(sig_keys):
        for k in keys:
            with_signal.setdefault(k, []).append(i)
    with_amount = [i for i, found in enumerate(amounts) if found]

    answers = []
    per_hit = battery().get("sentences_per_hit", 0)
    length_floor = 1 + len(sents) // per_hit if per_hit else 1
    for frame, spec in battery()["frames"].items():
        for q in spec["questions"]:
            cues = q["cues"]
            words = tuple(cues["words"]) if cues.get("words") else None
            also = tuple(cues["also"]) if cues.get("also") else None
            want_sigs = set(cues.get("signals", []))
            min_actors = cues.get("min_actors", 0)
            hits, explicit = [], False
            todo = set(with_amount) if cues.get("amounts") else set()
            for w in _cue_keys(words) if words is not None else ():
                todo.update(with_word.get(w, ()))
            for k in want_sigs:
                todo.update(with_signal.get(k, ()))
            for i in sorted(todo):
                s, e, _sent = sents[i]
                reasons = []
                if cues.get("amounts") and amounts[i]:
                    reasons.append(f"an amount of money, “{amounts[i][0]}”")
                    explicit = True
                if words is not None:
                    m = _find_cue(views[i], words)
                    if m:
                        reasons.append(f"“{text[m[0]:m[1]]}”")
                found_sigs = want_sigs & sig_keys[i]
                if found_sigs:
                    reasons.append("a " + " / ".join(sorted(k.replace(":", " ") for k in found_sigs)) + " signal")
                if not reasons:
                    continue
                if also is not None and not _find_cue(views[i], also):
                    continue
                if len(actors[i]) < min_actors:
                    continue
                hits.append(Item(s, e, text[s:e], f"{q['question']} Yes: {', '.join(reasons)}."))
            # one explicit amount answers "how much is spent": it need not recur like a theme
            ok = len(hits) >= max(q.get("min_sentences", 1), length_floor) or (explicit and bool(hits))
            answers.append(Answer(q["id"], frame, q["question"], ok, hits if ok else []))
    return answers


def scores_from_answers(answers: Mapping[str, bool]) -> dict[str, float | None]:
    """Per-frame score (share of its questions answered yes) from ``{question id: bool}``.
    A frame none of whose questions is answered scores ``None``."""
    out = {}
    for frame, spec in battery()["frames"].items():
        ids = [q["id"] for q in spec["questions"] if q["id"] in answers]
        out[frame] = round(sum(bool(answers[i]) for i in ids) / len(ids), 2) if ids else None
    return out


def _as_bool(qid: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    v = str(value).strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    raise ValueError(f"answer for {qid!r} must be yes or no, got {value!r}")


def code_by_hand(answers: Mapping[str, object]) -> dict[str, float | None]:
    """Turn a learner's yes/no answers into per-frame scores comparable with the kit's.

    ``answers`` maps question ids (see ``questions()``) to yes/no (``True``/``False``,
    ``"yes"``/``"no"``, ``1``/``0``). Unanswered questions are left out of their frame's
    score. Raises ``ValueError`` with one plain line for an unknown id or answer.
    """
    known = {q["id"] for q in questions()}
    clean = {}
    for qid, value in answers.items():
        if qid not in known:
            raise ValueError(f"unknown question id {qid!r}; the ids are {', '.join(sorted(known))}")
        clean[qid] = _as_bool(qid, value)
    return scores_from_answers(clean)


def compare(learner_answers: Mapping[str, object], kit_answers: list[Answer]) -> dict:
    """Learner versus kit: per-frame scores side by side and the questions you disagree on."""
    learner = code_by_hand(learner_answers)
    kit_map = {a.id: a.answer for a in kit_answers}
    kit = scores_from_answers(kit_map)
    mine = {k: _as_bool(k, v) for k, v in learner_answers.items()}
    disagreements = [
        {"id": a.id, "frame": a.frame, "question": a.question, "you": mine[a.id], "kit": a.answer,
         "kit_evidence": [e.text for e in a.evidence[:3]]}
        for a in kit_answers if a.id in mine and mine[a.id] != a.answer
    ]
    return {
        "frames": {f: {"you": learner[f], "kit": kit[f]} for f in kit},
        "disagreements": disagreements,
    }


def score_generic_frames(doc, analysis) -> list[Frame]:
    """The five generic frames, each scored 0-1 with its evidence sentences."""
    answers = code_article(doc, analysis)
    spec = battery()["frames"]
    out = []
    for frame, fspec in spec.items():
        mine = [a for a in answers if a.frame == frame]
        yes = [a for a in mine if a.answer]
        score = round(len(yes) / len(mine), 2) if mine else 0.0
        evidence: dict[tuple[int, int], Item] = {}
        for a in yes:
            for item in a.evidence:
                key = (item.start, item.end)
                if key in evidence:
                    evidence[key].explanation += " " + item.explanation
                else:
                    evidence[key] = Item(item.start, item.end, item.text, item.explanation)
        said_yes = "; ".join(a.question for a in yes) or "none"
        explanation = (f"{fspec['label']} frame (Semetko and Valkenburg 2000): {fspec['description']} "
                       f"The kit answered yes to {len(yes)} of {len(mine)} questions ({said_yes}).")
        out.append(Frame(frame=frame, score=score,
                         evidence=sorted(evidence.values(), key=lambda i: i.start), explanation=explanation))
    return out
