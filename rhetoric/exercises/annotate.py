"""Annotation exercises: the learner marks the text, and is scored against the gold and the kit.

Three kinds, one per layer: *marking spans* (the people in a passage, the hedges, the reporting
verbs), *labelling mentions* (what kind of name is this?) and *choosing speakers* (who said this
quote?). The tasks and their answers live in ``data/exercises``; the gold comes from
``data/gold`` (``gold.py``); the kit's side from the analysis of the seed. The check always shows
where the learner, the kit (or spaCy's model) and the gold disagree: that table is the lesson.
"""

from __future__ import annotations

import re
from typing import Any

from .. import course
from .answers import AnswerTypeError, as_list, kind_of, means_nobody, norm, same_actor, text_of
from .compare import compare_choices, compare_words, merge_marks
from .facts import in_words
from .gold import (
    entity_label_at,
    gold_spans,
    inside_any,
    passage_bounds,
    quote_speaker_at,
)
from .registry import Exercise, Verdict, checker, exercises, right, wrong

NOT_A_NAME = "not a name"
_WORD = re.compile(r"[\w’'\-]+|[^\w\s]")


# --- marking spans ----------------------------------------------------------------------------

def words(ex: Exercise) -> list[tuple[int, int, str]]:
    """The clickable words of a marking exercise: ``(start, end, text)``, punctuation left out."""
    text = course.seed_text()
    out = []
    for start, end in passage_bounds(ex):
        for m in re.finditer(r"[^\s—–]+", text[start:end]):  # a dash between words separates them
            word = m.group()
            core = word.strip(".,;:!?“”‘\"()—")
            # a curly ’ at the end closes a quote; inside a word it is an apostrophe
            core = core[:-1] if core.endswith("’") and not core.endswith("s’") else core
            if not core:
                continue
            s = start + m.start() + word.index(core)
            out.append((s, s + len(core), core))
    return out


def shown_word(text: str, start: int, end: int) -> str:
    """A clickable word as the reader sees it, with the quotation marks and punctuation attached to
    it (“agreed, Nations.”): the marks are clues (a word inside a quotation is the speaker's)."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "—–":
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in "—–":
        end += 1
    return text[start:end]


def other_spans(ex: Exercise) -> tuple[str, list[tuple[int, int]]]:
    """The spans the kit (or, for names, spaCy's raw model) marks inside the exercise's paragraphs."""
    a = course.seed_analysis()
    bounds = passage_bounds(ex)
    if ex.key.get("compare_with") == "model":
        label = ex.key["gold_label"]
        spans = [a.original_span(e.start_char, e.end_char) for e in a.doc.ents if e.label_ == label]
        return "spaCy model", [s for s in spans if inside_any(s, bounds)]
    cat = ex.key["gold_category"]
    spans = [(s.start, s.end) for s in a.signals if s.category == cat]
    return "kit", [s for s in spans if inside_any(s, bounds)]


def merge_words(marked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join marked words of the seed separated only by spaces into one span ('at least in a sense')."""
    return [(s, e) for s, e in merge_marks(course.seed_text(), marked)]


def learner_spans(answer: Any, ex: Exercise) -> list[tuple[int, int]]:
    """The learner's marks as character spans: from ``(start, end)`` pairs or from phrases."""
    items = as_list(answer, "marked words (pairs of offsets, or the words themselves as strings)")
    text = course.seed_text()
    bounds = passage_bounds(ex)
    spans = []
    for item in items:
        if isinstance(item, (list, tuple)) and len(item) == 2 and all(isinstance(v, int) for v in item):
            spans.append((int(item[0]), int(item[1])))
            continue
        phrase = text_of(item)
        if hasattr(item, "start_char"):
            spans.append((item.start_char, item.end_char))
            continue
        found = False
        for b0, b1 in bounds:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)", text[b0:b1], re.IGNORECASE):
                spans.append((b0 + m.start(), b0 + m.end()))
                found = True
        if not found:
            raise AnswerTypeError(f"“{phrase}” does not occur in the paragraphs of this exercise")
    return sorted(set(spans))  # word by word: neighbouring marks are never merged for scoring


def look_again(labels: list[str]) -> str:
    """"look again at this one: “a”" / "look again at these three: “a”, “b” and “c”"."""
    quoted = [f"“{x}”" for x in labels]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return (f"look again at this one: {listed}" if len(quoted) == 1
            else f"look again at these {in_words(len(quoted))}: {listed}")


def trap_spans(ex: Exercise) -> list[tuple[tuple[int, int], str, str]]:
    """The key's traps inside the exercise's paragraphs: ``((start, end), text, why)``.

    A trap is a word that looks like the target but is not (``always`` next to the hedge
    ``seemed``); marking one is the very mistake the exercise exists to teach.
    """
    text = course.seed_text()
    out = []
    for trap in ex.key.get("traps", []):
        for b0, b1 in passage_bounds(ex):
            for m in re.finditer(r"(?<!\w)" + re.escape(trap["text"]) + r"(?!\w)", text[b0:b1]):
                out.append(((b0 + m.start(), b0 + m.end()), trap["text"], trap["why"]))
    return out


def check_marks(answer: Any, ex: Exercise) -> Verdict:
    """Score marked words word by word against the gold; a marked trap is never right."""
    mine = learner_spans(answer, ex)
    gold, why = gold_spans(ex)
    who, theirs = other_spans(ex)
    clickable = [(s, e) for s, e, _ in words(ex)]
    traps = trap_spans(ex)
    for span, _, reason in traps:
        why.setdefault(span, reason)
    comp = compare_words(course.seed_text(), clickable, mine, theirs, gold, why, what=ex.key["target"], kit_name=who)
    table = comp.table(caption=f"Your marks, the {who}'s and the gold's ({ex.key['target']}), yours that differ first",
                       yours_first=True)
    table.columns = ("words", "you", who, "gold", "what it means")
    details = [comp.learner.sentence("You", "words"), comp.kit.sentence(f"The {who}", "words")]
    if not mine:
        return wrong("You have not marked anything yet.", details=details[1:], tables=[table])
    marked_traps = [(t, reason) for span, t, reason in traps if any(m[0] < span[1] and span[0] < m[1] for m in mine)]
    differ = comp.learner_wrong()
    places = sum(1 for r in comp.rows if r.learner or r.gold or r.partial)
    agree = places - len(differ)
    details = [f"“{t}” is not one of the {ex.key['target']}: {reason}" for t, reason in marked_traps] + details
    if not differ:
        return right(f"You agree with the gold on all {places} places.", details=details, tables=[table])
    summary = f"{agree} of {places} places as the gold has them: {look_again([r.text for r in differ])}."
    if marked_traps:
        return wrong(f"Not yet. {summary}", details=details, tables=[table])
    if comp.learner.f1 >= ex.key.get("pass_f1", 0.8):
        return right(summary, details=details, tables=[table])
    return wrong(f"Not yet. {summary}", details=details, tables=[table])


# --- labelling mentions ------------------------------------------------------------------------

def _model_label(start: int, end: int) -> str | None:
    a = course.seed_analysis()
    for e in a.doc.ents:
        s, t = a.original_span(e.start_char, e.end_char)
        if s < end and start < t:
            return e.label_
    return None


def _kit_label(start: int, end: int) -> str | None:
    for e in course.seed_analysis().entities:
        if e.start < end and start < e.end:
            return e.label
    return None


def mention_gold(m: dict) -> str:
    return entity_label_at(m["start"], m["end"]) or NOT_A_NAME


def _key_of(m: dict) -> str:
    return str(m["start"])


def _normalise_choices(answer: Any, items: list[dict], what: str) -> dict[str, Any]:
    """A learner's dict keyed by offset (as the widget saves it) or by the mention's text."""
    if not isinstance(answer, dict):
        raise AnswerTypeError(f"expected a dict of {what}, got {kind_of(answer)}")
    by_text = {norm(course.seed_text()[m["start"]:m["end"]]): _key_of(m) for m in items}
    out = {}
    for k, v in answer.items():
        key = str(k)
        if key not in {_key_of(m) for m in items}:
            key = by_text.get(norm(str(k)), key)
        out[key] = v
    return out


def check_labels(answer: Any, ex: Exercise) -> Verdict:
    mentions = ex.key["mentions"]
    mine = _normalise_choices(answer, mentions, "mention -> label")
    text = course.seed_text()
    items = [(_key_of(m), text[m["start"]:m["end"]]) for m in mentions]
    labels = {norm(o): o for o in ex.options}
    sources = {
        "you": {k: labels.get(norm(str(v)), str(v)) if v not in (None, "") else "" for k, v in mine.items()},
        "model": {_key_of(m): _model_label(m["start"], m["end"]) or NOT_A_NAME for m in mentions},
        "kit": {_key_of(m): _kit_label(m["start"], m["end"]) or NOT_A_NAME for m in mentions},
        "gold": {_key_of(m): mention_gold(m) for m in mentions},
    }
    comp = compare_choices(items, sources)
    table = comp.table(("you", "spaCy model", "kit", "gold"), caption="Labels (yours that differ from the gold first)")
    details = [f"You agree with the gold on {comp.correct['you']} of {len(items)}; spaCy's model on "
               f"{comp.correct['model']}; the kit (after its rules) on {comp.correct['kit']}."]
    return choice_verdict(comp, ex, items, "mentions", "labelled", details, table)


def choice_verdict(comp, ex: Exercise, items: list[tuple[str, str]], noun: str, done: str,
                   details: list[str], table) -> Verdict:
    """The verdict of a per-item choice exercise: the learner's own wrong rows named first.

    Not correct while any of the key's ``lessons`` (the cases the exercise exists to teach) is
    wrong, whatever the overall share; partial credit says "13 of 16: look again at these three".
    """
    n = len(items)
    if comp.answered < n:
        return wrong(f"You have {done} {comp.answered} of {n} {noun}.", details=details, tables=[table])
    differ = comp.learner_wrong()
    if not differ:
        return right(f"All {n} {noun} as the gold has them.", details=details, tables=[table])
    shown = {k: v for k, v in items}
    lessons = {str(k): v for k, v in ex.key.get("lessons", {}).items()}
    missed_lessons = [r for r in differ if r.key in lessons]
    summary = f"{n - len(differ)} of {n}: {look_again([_bare(shown[r.key]) for r in differ])}."
    details = [f"“{_bare(shown[r.key])}”: {lessons[r.key]}" for r in missed_lessons] + details
    if not missed_lessons and comp.accuracy("you") >= ex.key.get("pass_accuracy", 0.8):
        return right(summary, details=details, tables=[table])
    if missed_lessons:
        summary += (f" {'This one is' if len(missed_lessons) == 1 else 'These are'} what the exercise is about,"
                    " so it is not correct yet.")
    return wrong(summary, details=details, tables=[table])


# --- choosing speakers -------------------------------------------------------------------------

def quote_gold(q: dict) -> str | None:
    return quote_speaker_at(q["start"], q["end"])[1]


def _kit_speaker(start: int, end: int) -> tuple[bool, str | None]:
    """Did the kit find a direct quote here, and whose? (The best-overlapping direct quote.)"""
    best, overlap = None, 0
    for q in course.seed_analysis().quotes:
        if not q.in_own_words:
            continue
        ov = min(end, q.end) - max(start, q.start)
        if ov > overlap:
            best, overlap = q, ov
    return (best is not None), (best.speaker if best else None)


def _aliases(name: str | None) -> set[str]:
    if not name:
        return set()
    a = course.seed_analysis()
    actor = a.actors.get(name)
    return {a.text[s:e] for s, e in actor.mentions} if actor else set()


def same_speaker(x: Any, y: Any) -> bool:
    """Two speaker answers name the same person (or both say nobody is named)."""
    if x in ("", "(missed)") or y in ("", "(missed)"):
        return False
    if means_nobody(x) or means_nobody(y):
        return means_nobody(x) and means_nobody(y)
    return same_actor(x, y, _aliases(y)) or same_actor(y, x, _aliases(x))


def check_speakers(answer: Any, ex: Exercise) -> Verdict:
    quotes = ex.key["quotes"]
    mine = _normalise_choices(answer, quotes, "quote -> speaker")
    text = course.seed_text()
    items = [(_key_of(q), _short(text[q["start"]:q["end"]])) for q in quotes]
    kit = {}
    for q in quotes:
        found, speaker = _kit_speaker(q["start"], q["end"])
        kit[_key_of(q)] = speaker if found else "(missed)"
    sources = {
        "you": {k: (None if means_nobody(v) and v != "" else v) for k, v in mine.items()},
        "kit": kit,
        "gold": {_key_of(q): quote_gold(q) for q in quotes},
    }
    comp = compare_choices(items, sources, same=same_speaker)
    table = comp.table(("you", "kit", "gold"), caption="Speakers ((none) = nobody named; yours that differ from the gold first)")
    details = [f"You agree with the gold on {comp.correct['you']} of {len(items)} quotes; "
               f"the kit on {comp.correct['kit']}."]
    return choice_verdict(comp, ex, items, "quotes", "chosen speakers for", details, table)


def _bare(shown: str, n: int = 40) -> str:
    """A quote or mention as named inside a message: without its own quotation marks, shortened."""
    return _short(shown.strip().strip("“”\"").rstrip(",.").strip("“”\""), n)


def _short(s: str, n: int = 70) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def register_annotations() -> None:
    """Register the right check for every exercise of kind ``annotate``."""
    for ex in exercises().values():
        if ex.kind != "annotate":
            continue
        if "mentions" in ex.key:
            checker(ex.id)(check_labels)
        elif "quotes" in ex.key:
            checker(ex.id)(check_speakers)
        else:
            checker(ex.id)(check_marks)
