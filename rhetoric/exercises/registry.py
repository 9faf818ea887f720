"""One ID joins each exercise's task, starter, check, hints and solution (the spaCy course model).

The words of every exercise (task, starter code, graded hints, the bridge sentence a right answer
ends with, the solution, the answer key) live in ``data/exercises/*.json``; the logic that
inspects an answer lives in a check function registered here under the same ID. ``check``
never lets a traceback reach the learner: an answer of the wrong kind becomes a hint.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..data import data_path
from .answers import AnswerTypeError, Blank, blank_was_used, contains_blank, kind_of
from .facts import render
from .feedback import Feedback, Table


@dataclass
class Exercise:
    """An exercise as written in ``data/exercises``."""

    id: str
    notebook: str
    title: str
    kind: str  # code | choice | annotate
    task: str
    hints: list[str]
    bridge: str
    solution: str
    starter: str = ""
    options: list[str] = field(default_factory=list)
    answer: Any = None
    why: dict[str, str] = field(default_factory=dict)
    key: dict[str, Any] = field(default_factory=dict)


@dataclass
class Verdict:
    """What a check function decided: right or not, and what it saw."""

    ok: bool
    message: str = ""
    details: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    hint: str | None = None  # a hint for this very mistake, shown before the graded one


def right(message: str = "", **kw) -> Verdict:
    return Verdict(True, message, **kw)


def wrong(message: str, **kw) -> Verdict:
    return Verdict(False, message, **kw)


CheckFn = Callable[[Any, Exercise], Verdict]
_CHECKS: dict[str, CheckFn] = {}


def checker(exercise_id: str) -> Callable[[CheckFn], CheckFn]:
    """Register the check function of ``exercise_id``."""

    def register(fn: CheckFn) -> CheckFn:
        _CHECKS[exercise_id] = fn
        return fn

    return register


@lru_cache(maxsize=1)
def exercises() -> dict[str, Exercise]:
    """Every exercise, by ID, read from ``data/exercises/*.json``."""
    found: dict[str, Exercise] = {}
    for path in sorted(data_path("exercises").glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        for raw in spec.get("exercises", []):  # other files here (the frame battery) hold no exercises
            ex = Exercise(notebook=spec["notebook"], **raw)
            if ex.id in found:
                raise ValueError(f"exercise ID {ex.id} is defined twice ({path.name})")
            found[ex.id] = ex
    return found


def get(exercise_id: str) -> Exercise:
    """The exercise with this ID; ``KeyError`` with the known IDs otherwise."""
    try:
        return exercises()[str(exercise_id)]
    except KeyError:
        known = ", ".join(sorted(exercises()))
        raise KeyError(f"there is no exercise {exercise_id!r}; the exercises are {known}") from None


@dataclass
class Progress:
    """Attempts, hints seen, solutions shown and exercises solved in this session."""

    attempts: dict[str, int] = field(default_factory=dict)
    hints_seen: dict[str, int] = field(default_factory=dict)
    solved: set[str] = field(default_factory=set)
    solutions_shown: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        return {
            "attempts": dict(self.attempts),
            "hints_seen": dict(self.hints_seen),
            "solved": sorted(self.solved),
            "solutions_shown": sorted(self.solutions_shown),
        }


PROGRESS = Progress()
_listeners: list[Callable[[Progress], None]] = []


def on_progress(fn: Callable[[Progress], None]) -> None:
    """Call ``fn`` whenever progress changes (the learner's work file saves it)."""
    _listeners.append(fn)


def _changed() -> None:
    for fn in list(_listeners):
        try:
            fn(PROGRESS)
        except Exception:  # saving progress must never break a check
            pass


def presenting() -> bool:
    """True in a code-free projector view (a Voila kernel: Voila sets these variables)."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/") or "VOILA_BASE_URL" in os.environ


def _unknown(exercise_id: str) -> Feedback:
    known = ", ".join(sorted(exercises()))
    return Feedback(str(exercise_id), "info", f"There is no exercise {exercise_id!r}. The exercises are: {known}.")


def _graded_hint(ex: Exercise, attempt: int) -> str:
    """The hint for the ``attempt``-th wrong answer: each wrong answer reveals a little more."""
    if not ex.hints:
        return ""
    hint = render(ex.hints[min(attempt, len(ex.hints)) - 1], ex)
    if attempt >= len(ex.hints):
        hint += f" (That was the last hint: show_solution(\"{ex.id}\") shows one way to do it.)"
    return hint


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z_.]+", text.casefold()) if len(w) > 3}


def _repeats(a: str, b: str) -> bool:
    """True if ``b`` says mostly what ``a`` already says (half its content words or more)."""
    wa, wb = _content_words(a), _content_words(b)
    return bool(wa) and bool(wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def combine_hints(specific: str | None, graded: str) -> str:
    """The hint for this very mistake, then the graded hint, never saying the same thing twice.

    When the graded hint repeats the specific one, only its pointer to the solution (after the
    last hint) is kept.
    """
    if not specific:
        return graded
    if not graded:
        return specific
    pointer = ""
    if " (That was the last hint" in graded:
        graded, pointer = graded.split(" (That was the last hint", 1)
        pointer = " (That was the last hint" + pointer
    if _repeats(specific, graded) or _repeats(graded, specific):
        return (specific + pointer).strip()
    return f"{specific} {graded}{pointer}".strip()


def evaluate(exercise_id: str, answer: Any) -> Verdict:
    """Run the check of ``exercise_id`` on ``answer`` without recording progress.

    Never raises for a learner's answer: a value of the wrong kind becomes a verdict with a hint.
    """
    ex = get(exercise_id)
    fn = _CHECKS.get(ex.id)
    if fn is None:
        raise LookupError(f"exercise {ex.id} has no check function registered")
    try:
        return fn(answer, ex)
    except AnswerTypeError as exc:
        return wrong(f"Your answer is not the kind of value this task needs: {exc}.")
    except Exception as exc:  # a learner's odd value must never show a traceback
        return wrong(
            f"Checking your answer ran into a {type(exc).__name__}: that usually means the answer is a "
            f"different kind of value than the task asks for (you gave {kind_of(answer)})."
        )


def check(exercise_id: str, answer: Any = None, *, record: bool = True) -> Feedback:
    """Check a learner's ``answer`` to exercise ``exercise_id`` and return feedback that teaches.

    A blank (``____``) asks the learner to fill it in; a wrong answer gets a graded hint (the
    first wrong answer the first hint, the next a stronger one); a right one ends with the
    bridge sentence. The solution is never shown here: ask for it with ``show_solution``.
    """
    try:
        ex = get(exercise_id)
    except KeyError:
        return _unknown(exercise_id)
    blank = contains_blank(answer) or blank_was_used()
    Blank.touched = False  # outside IPython no cell hook resets it: each check starts afresh
    if blank and presenting():
        # a projector view shows no code: "replace ____" would point at nothing; show the task
        return Feedback(ex.id, "task", f"{ex.title}. {render(ex.task, ex)}",
                        details=["Students answer this in their own notebook."])
    if blank:
        # No hint here: a learner who has not tried yet must not be shown the way (let alone the answer).
        return Feedback(ex.id, "blank", "Replace ____ with your answer, then run the cell again.")
    verdict = evaluate(ex.id, answer)
    if verdict.ok:
        if record:
            PROGRESS.solved.add(ex.id)
            _changed()
        return Feedback(ex.id, "correct", verdict.message, bridge=render(ex.bridge, ex),
                        details=verdict.details, tables=verdict.tables)
    attempt = PROGRESS.attempts.get(ex.id, 0) + 1
    if record:
        PROGRESS.attempts[ex.id] = attempt
        PROGRESS.hints_seen[ex.id] = max(PROGRESS.hints_seen.get(ex.id, 0), min(attempt, len(ex.hints)))
        _changed()
    hint = combine_hints(verdict.hint, _graded_hint(ex, attempt))
    return Feedback(ex.id, "not_yet", verdict.message, hint=hint or None,
                    details=verdict.details, tables=verdict.tables)


def hint(exercise_id: str) -> Feedback:
    """The next hint of an exercise, one more each time it is asked for."""
    try:
        ex = get(exercise_id)
    except KeyError:
        return _unknown(exercise_id)
    if not ex.hints:
        return Feedback(ex.id, "hint", "This exercise has no hints; try the task again from its first sentence.")
    n = min(PROGRESS.hints_seen.get(ex.id, 0) + 1, len(ex.hints))
    PROGRESS.hints_seen[ex.id] = n
    _changed()
    more = " That is the last hint." if n == len(ex.hints) else f" (hint {n} of {len(ex.hints)})"
    return Feedback(ex.id, "hint", render(ex.hints[n - 1], ex) + more)


def show_solution(exercise_id: str) -> Feedback:
    """One way to solve the exercise, shown only when the learner asks for it."""
    try:
        ex = get(exercise_id)
    except KeyError:
        return _unknown(exercise_id)
    PROGRESS.solutions_shown.add(ex.id)
    _changed()
    if ex.kind == "code":
        return Feedback(ex.id, "solution", "One way to do it (run it, then read why it works):",
                        code=render(ex.solution, ex))
    return Feedback(ex.id, "solution", render(ex.solution, ex))


def starter(exercise_id: str) -> Feedback:
    """The starter code of a code exercise, to copy back into a cell you have changed."""
    try:
        ex = get(exercise_id)
    except KeyError:
        return _unknown(exercise_id)
    if not ex.starter:
        return Feedback(ex.id, "info", f"This exercise is a widget: run exercise(\"{ex.id}\") to show it again.")
    return Feedback(ex.id, "info", "The starter code, to paste back into the exercise cell:", code=ex.starter)
