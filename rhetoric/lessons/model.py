"""A lesson: one article, its metadata and checked exercises, saved as one JSON file.

``Lesson.check(exercise_id, answer)`` returns a ``Verdict`` (``.correct``, ``.message``, ``.hint``)
and never raises for a learner's answer: an answer of the wrong kind is a verdict that says what
kind was expected. The teacher reviews the kit's proposals with ``accept``, ``correct`` (the
teacher's answer becomes the key, the kit's is kept beside it with the teacher's reason) and
``drop``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..exercises.answers import AnswerTypeError, kind_of, means_nobody, norm, same_actor, text_of
from ..exercises.choice import numbered_option
from ..exercises.feedback import Feedback
from .kinds import KINDS, NOBODY, NOT_SAID
from .schema import FORMAT, LessonError, validate


@dataclass
class Exercise:
    """One exercise of a lesson (the fields of its JSON object)."""

    id: str
    kind: str
    prompt: str
    key: Any
    kit_answer: Any
    hints: list[str]
    target: dict | None = None
    passage: dict | None = None
    options: Any = None
    explanation: str = ""
    unsure: str | None = None
    review: dict = field(default_factory=lambda: {"status": "proposed"})
    notes: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return KINDS[self.kind]["title"]

    @property
    def layer(self) -> str:
        return KINDS[self.kind]["layer"]

    @property
    def answer_type(self) -> str:
        return KINDS[self.kind]["answer"]

    @property
    def corrected(self) -> bool:
        return self.review.get("status") == "corrected"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Verdict:
    """What ``Lesson.check`` decided: ``correct``, a ``message`` that teaches, a ``hint`` when wrong."""

    exercise: str
    correct: bool
    message: str
    hint: str | None = None
    details: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.correct

    def feedback(self) -> Feedback:
        """The same verdict as the exercise machinery's ``Feedback`` box (HTML in Jupyter, text elsewhere)."""
        return Feedback(self.exercise, "correct" if self.correct else "not_yet", self.message,
                        hint=self.hint, details=list(self.details))

    def __str__(self) -> str:
        return self.feedback().to_text()

    def _repr_html_(self) -> str:
        return self.feedback()._repr_html_()


def _show(value: Any) -> str:
    if isinstance(value, dict) and "verb" in value:
        return f"“{value.get('verb')}” ({value.get('stance')})"
    if isinstance(value, list):
        return ", ".join(f"“{v}”" for v in value) or "nothing"
    return f"“{value}”"


class Lesson:
    """An article with checked exercises. Build with ``rhetoric.lessons.build``, open with ``load``."""

    def __init__(self, data: dict, path: Path | None = None):
        self.data = data
        self.path = path
        known = set(Exercise.__dataclass_fields__)  # a field added by hand is ignored, not an error
        self.exercises: list[Exercise] = [Exercise(**{k: v for k, v in ex.items() if k in known})
                                          for ex in data["exercises"]]

    # --- what it holds -------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.data["text"]

    @property
    def meta(self) -> dict:
        return self.data["meta"]

    @property
    def title(self) -> str:
        return self.meta.get("title", "Untitled article")

    @property
    def kinds(self) -> list[str]:
        return sorted({ex.kind for ex in self.exercises})

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id; ``KeyError`` naming the ids there are otherwise."""
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise KeyError(f"this lesson has no exercise {exercise_id!r}; it has {', '.join(e.id for e in self.exercises)}")

    def span_text(self, span: dict | None) -> str:
        """The article's words at ``span`` (a dict with ``start`` and ``end``, such as an exercise's
        ``target`` or ``passage``); ``""`` for ``None``."""
        return self.text[span["start"]:span["end"]] if span else ""

    def to_dict(self) -> dict:
        data = dict(self.data)
        data["exercises"] = [ex.to_dict() for ex in self.exercises]
        return data

    def __repr__(self) -> str:
        return f"<Lesson {self.title!r}: {len(self.exercises)} exercises of {len(self.kinds)} kinds>"

    # --- the teacher's review ------------------------------------------------------------------
    def accept(self, exercise_id: str) -> Exercise:
        """Keep the kit's answer as the key."""
        ex = self.exercise(exercise_id)
        ex.key = None if ex.answer_type == "coding" else ex.kit_answer
        ex.review = {"status": "accepted", "because": ""}
        return ex

    def correct(self, exercise_id: str, key: Any, because: str = "") -> Exercise:
        """Make the teacher's answer the key; the kit's answer is kept for the learner to compare.

        Raises ``ValueError`` (one line) for a key this exercise cannot hold.
        """
        ex = self.exercise(exercise_id)
        key = self._teacher_key(ex, key)
        ex.key = key
        same = key == ex.kit_answer
        ex.review = {"status": "accepted" if same else "corrected", "because": because.strip()}
        return ex

    def drop(self, exercise_id: str) -> None:
        """Leave the exercise out of the lesson."""
        ex = self.exercise(exercise_id)
        self.exercises.remove(ex)

    def _teacher_key(self, ex: Exercise, key: Any) -> Any:
        kind = ex.answer_type
        if kind == "choice":
            if not isinstance(key, str) or not key.strip():
                raise ValueError("the key of this exercise is one option (a string)")
            match = next((o for o in ex.options if norm(o) == norm(key)), None)
            if match is None and ex.kind == "speaker":  # "nobody", a surname for a full name
                named = [o for o in ex.options if o != NOBODY and same_actor(key, o)]
                match = NOBODY if means_nobody(key) else named[0] if len(named) == 1 else None
            if match is None:  # a speaker or kind the kit did not offer: add it before "nobody named"
                match = key.strip()
                tail = [o for o in ex.options if o in (NOBODY, NOT_SAID)]
                ex.options = [o for o in ex.options if o not in tail] + [match] + tail
            return match
        if kind == "verb_stance":
            if not isinstance(key, dict) or key.get("stance") not in ex.options["stance"]:
                raise ValueError(f"the key is {{'verb': ..., 'stance': one of {', '.join(ex.options['stance'])}}}")
            verb = key.get("verb")
            match = next((o for o in ex.options["verb"] if norm(o) == norm(str(verb))), None)
            if match is None:
                raise ValueError(f"the verb must be a word of the sentence: one of {', '.join(ex.options['verb'])}")
            return {"verb": match, "stance": key["stance"]}
        if kind == "marks":
            try:
                return [list(s) for s in self._spans(ex, key)]
            except AnswerTypeError as exc:
                raise ValueError(str(exc)) from None
        raise ValueError(f"a {ex.kind} exercise has no key to correct")

    # --- checking a learner's answer --------------------------------------------------------------
    def check(self, exercise_id: str, answer: Any, attempt: int = 1) -> Verdict:
        """Check ``answer``; a wrong answer gets the ``attempt``-th hint (general first, then pointed)."""
        try:
            ex = self.exercise(exercise_id)
        except KeyError as exc:
            return Verdict(str(exercise_id), False, str(exc.args[0]))
        try:
            verdict = getattr(self, f"_check_{ex.answer_type}")(ex, answer)
        except AnswerTypeError as exc:
            verdict = Verdict(ex.id, False, f"Your answer is not the kind of value this task needs: {exc}.")
        except Exception as exc:  # a learner's odd value must never show a traceback
            verdict = Verdict(ex.id, False, f"Checking your answer ran into a {type(exc).__name__}: the answer is "
                                            f"probably a different kind of value than the task asks for "
                                            f"(you gave {kind_of(answer)}).")
        if verdict.correct:
            verdict.message = " ".join(p for p in (verdict.message, self._after_right(ex)) if p)
        else:
            verdict.hint = self.hint_text(ex.id, attempt)
        return verdict

    def hint_text(self, exercise_id: str, n: int) -> str:
        """The ``n``-th hint (1 = general); past the last, the last with a pointer to the solution."""
        ex = self.exercise(exercise_id)
        n = max(1, n)
        text = ex.hints[min(n, len(ex.hints)) - 1]
        if n >= len(ex.hints):
            text += " (That was the last hint: the answer key shows the solution.)"
        return text

    def solution(self, exercise_id: str) -> str:
        """The key in words, with the teacher's or the kit's reason."""
        ex = self.exercise(exercise_id)
        if ex.key is None:
            return "There is no key: compare your answers with the kit's and your classmates'."
        unsure = f" The kit was unsure here: {ex.unsure}." if ex.unsure and not ex.corrected else ""
        if ex.answer_type == "marks":
            words = [self.text[s:e] for s, e in ex.key]
            return "The words to mark: " + _show(words) + "." + self._correction_note(ex) + unsure
        return f"The answer: {_show(ex.key)}." + self._correction_note(ex) + unsure

    def _correction_note(self, ex: Exercise) -> str:
        if not ex.corrected:
            return ""
        kit = _show([self.text[s:e] for s, e in ex.kit_answer]) if ex.answer_type == "marks" else _show(ex.kit_answer)
        mine = _show([self.text[s:e] for s, e in ex.key]) if ex.answer_type == "marks" else _show(ex.key)
        because = ex.review.get("because") or "they read the sentence differently"
        return f" The kit said {kit}, your teacher says {mine}, because {because.rstrip('.')}."

    def _after_right(self, ex: Exercise) -> str:
        note = self._correction_note(ex)
        if note:
            return note.strip()
        if ex.answer_type == "coding":
            return ""
        if ex.unsure:
            return f"The kit was unsure here ({ex.unsure}), and right this time."
        return ("The kit agrees: " + ex.explanation) if ex.explanation else ""

    # choice -----------------------------------------------------------------------------
    def _option(self, ex: Exercise, answer: Any) -> str:
        numbered = numbered_option(answer, ex.options)
        if numbered is not None:
            return numbered
        if answer is None and ex.kind == "speaker":
            return NOBODY
        a = norm(text_of(answer))
        for o in ex.options:
            if norm(o) == a:
                return o
        if ex.kind == "speaker":
            if means_nobody(answer):
                return NOBODY
            named = [o for o in ex.options if o != NOBODY and same_actor(answer, o)]
            if len(named) == 1:
                return named[0]
        starts = [o for o in ex.options if a and norm(o).startswith(a)]
        if len(starts) == 1:
            return starts[0]
        return text_of(answer).strip()  # an answer the options do not hold: simply not the key

    def _check_choice(self, ex: Exercise, answer: Any) -> Verdict:
        chosen = self._option(ex, answer)
        if chosen == ex.key:
            return Verdict(ex.id, True, f"Right: {_show(chosen)}.")
        return Verdict(ex.id, False, f"Not this one: you chose {_show(chosen)}. " + self._why_not(ex, chosen))

    def _why_not(self, ex: Exercise, chosen: str) -> str:
        if ex.kind == "speaker":
            if chosen == NOBODY:
                return "Look again: the article does tie these words to someone."
            if ex.key == NOBODY:
                return f"Does the article really say these are {chosen}'s words? Look for the reporting word."
            return f"{chosen} is in the article, but is {chosen} the one doing the saying here?"
        if ex.kind == "agent":
            if chosen == NOT_SAID:
                return "Look again: someone is named as the doer."
            return f"Maybe {chosen} did it, but does this sentence say so? Look for a “by …” phrase."
        if ex.kind == "entity_label":
            return "Ask what the name stands for in this very sentence."
        if ex.kind == "sourcing":
            return "Count the quotes of each speaker again, reported speech included."
        return ""

    # verb and stance ------------------------------------------------------------------------
    def _check_verb_stance(self, ex: Exercise, answer: Any) -> Verdict:
        if isinstance(answer, (list, tuple)) and len(answer) == 2:
            answer = {"verb": answer[0], "stance": answer[1]}
        if not isinstance(answer, dict) or "verb" not in answer or "stance" not in answer:
            raise AnswerTypeError(f"expected the verb and its stance, e.g. {{'verb': 'said', 'stance': 'neutral'}}, "
                                  f"got {kind_of(answer)}")
        verb, stance = norm(text_of(answer["verb"])), norm(text_of(answer["stance"]))
        key_verb = norm(ex.key["verb"])
        verb_ok = verb == key_verb or (bool(verb) and key_verb.split()[0] == verb.split()[0])
        stance_ok = stance == norm(ex.key["stance"])
        if verb_ok and stance_ok:
            return Verdict(ex.id, True, f"Right: {_show(ex.key)}.")
        if verb_ok:
            return Verdict(ex.id, False, f"“{answer['verb']}” is the reporting verb, but the stance is not "
                                         f"{answer['stance']}. Which stance does the writer take by choosing it?")
        if stance_ok:
            return Verdict(ex.id, False, f"“{answer['verb']}” is not the word that reports the speech here; "
                                         "find the verb whose subject is the speaker.")
        return Verdict(ex.id, False, f"Neither part yet: “{answer['verb']}” does not report the speech here.")

    # marks ---------------------------------------------------------------------------------
    def _spans(self, ex: Exercise, answer: Any) -> list[tuple[int, int]]:
        if isinstance(answer, str) or not hasattr(answer, "__iter__"):
            raise AnswerTypeError("expected a list of marked words (phrases, or [start, end] pairs), "
                                  f"got {kind_of(answer)}")
        p0, p1 = ex.passage["start"], ex.passage["end"]
        spans = []
        for item in answer:
            if isinstance(item, (list, tuple)) and len(item) == 2 and all(isinstance(v, int) for v in item):
                s, e = int(item[0]), int(item[1])
                if not p0 <= s < e <= p1:
                    raise AnswerTypeError(f"the span {s}-{e} is outside the passage")
                spans.append((s, e))
                continue
            phrase = text_of(item).strip()
            hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", self.text[p0:p1],
                                                  re.IGNORECASE)] if phrase else []
            if not hits:
                raise AnswerTypeError(f"“{phrase}” does not occur in the passage")
            spans += [(p0 + s, p0 + e) for s, e in hits]
        return sorted(set(spans))

    def _check_marks(self, ex: Exercise, answer: Any) -> Verdict:
        marked = self._spans(ex, answer)
        key = [tuple(s) for s in ex.key]

        def hit(a, b):
            return a[0] < b[1] and b[0] < a[1]

        missed = [k for k in key if not any(hit(k, m) for m in marked)]
        extra = [m for m in marked if not any(hit(k, m) for k in key)]
        if not missed and not extra:
            found = _show([self.text[s:e] for s, e in key]) if key else "nothing: there is nothing to mark here"
            return Verdict(ex.id, True, f"Right: {found}.", details=self._mark_notes(ex))
        parts = []
        if missed:
            parts.append(f"{len(missed)} still to find")
        if extra:
            parts.append(f"{len(extra)} of your marks ({_show([self.text[s:e] for s, e in extra])}) "
                         f"{'is' if len(extra) == 1 else 'are'} not what this task asks for")
        got = len(key) - len(missed)
        return Verdict(ex.id, False, f"You found {got} of {len(key)}: " + "; ".join(parts) + ".")

    def _mark_notes(self, ex: Exercise) -> list[str]:
        notes = ex.notes.get("spans", {}) if ex.notes else {}
        return [f"“{self.text[s:e]}”: {notes[f'{s}-{e}']}" for s, e in ex.key if f"{s}-{e}" in notes]

    # coding --------------------------------------------------------------------------------
    def _check_coding(self, ex: Exercise, answer: Any) -> Verdict:
        from ..frames.generic import _as_bool, scores_from_answers

        if not isinstance(answer, dict) or not answer:
            raise AnswerTypeError(f"expected your yes/no answer to each question, as {{question id: 'yes' or 'no'}}, "
                                  f"got {kind_of(answer)}")
        known = {q["id"]: q for q in ex.notes.get("questions", [])}
        mine = {}
        for qid, value in answer.items():
            if qid not in known:
                raise AnswerTypeError(f"there is no question {qid!r}")
            mine[qid] = _as_bool(qid, value)
        kit = ex.kit_answer or {}
        differ = [known[q]["question"] for q in mine if q in kit and mine[q] != kit[q]]
        yours, kits = scores_from_answers(mine), scores_from_answers(kit)
        labels = ex.notes.get("labels", {})
        details = [f"{labels.get(f, f)}: you {yours[f]:.2f}, the kit {kits[f]:.2f}" for f in yours
                   if yours[f] is not None and kits.get(f) is not None]
        agree = len(mine) - len(differ)
        msg = (f"There is no key. You and the kit agree on {agree} of the {len(mine)} questions you answered"
               + (f"; you differ on: {'; '.join(differ[:4])}" if differ else "") + ". Say why to a classmate.")
        return Verdict(ex.id, True, msg, details=details)

    # --- saving -------------------------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> Path:
        """Write the lesson as one JSON file (validated first; atomic). Returns the path."""
        from ..exercises.store import atomic_write_json

        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("say where to save the lesson, e.g. lesson.save('lessons/my-article.json')")
        data = self.to_dict()
        data["saved"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        validate(data)
        atomic_write_json(target, data)
        with contextlib.suppress(OSError):
            os.chmod(target, 0o644)  # a lesson is shared with the class, unlike a learner's work file
        self.path = target
        return target


def load(path: str | Path) -> Lesson:
    """Open a lesson file. Raises ``LessonError`` (one line naming the file and the problem)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonError(f"{path}: no such lesson file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise LessonError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    if isinstance(data, dict) and data.get("format") != FORMAT and "format" in data:
        found = str(data.get("format"))[:40]
        raise LessonError(f"{path}: not a Rhetoric Lab lesson (format {found!r}, expected {FORMAT!r})")
    try:
        validate(data)
    except LessonError as exc:
        raise LessonError(f"{path}: {exc}") from None
    return Lesson(data, path)
