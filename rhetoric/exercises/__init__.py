"""Exercises for the Rhetoric Lab notebooks, on the spaCy course model.

One ID (``"02.3"``) joins an exercise's task, starter code, check, graded hints, bridge sentence
and solution. In a notebook::

    from rhetoric.exercises import *
    answer = ____                  # the learner fills the blank
    check("01.2", answer)          # feedback that teaches; a hint if wrong
    hint("01.2")                   # the next hint, on request
    show_solution("01.2")          # only when asked for
    exercise("02.5")               # the widget of a choice or annotation exercise

The texts live in ``data/exercises/*.json``; the learner's work is saved as they go
(``my_work()``).
"""

from __future__ import annotations

from . import annotate as _annotate
from . import choice as _choice
from . import code_checks as _code_checks  # noqa: F401  (registers the code checks)
from .answers import ____
from .feedback import Feedback
from .frames_coding import frame_coder
from .registry import PROGRESS, check, exercises, get, hint, show_solution, starter
from .store import WorkStore, my_work, start_again

_choice.register_choices()
_annotate.register_annotations()


def exercise(exercise_id: str):
    """The widget of a choice or annotation exercise (quiz, word marker, label or speaker chooser)."""
    from .widgets import exercise_widget

    return exercise_widget(exercise_id)


def work_panel():
    """Where your work is saved, a copy to hand in, and "Start again" (a notebook, or everything)."""
    from .widgets import work_panel as _panel

    return _panel()


def progress(notebook: str | None = None) -> Feedback:
    """Which exercises are done, as a short summary (of one notebook, e.g. ``"01"``, or all)."""
    ids = [i for i in sorted(exercises()) if notebook is None or i.startswith(str(notebook))]
    done = [i for i in ids if i in PROGRESS.solved]
    todo = [i for i in ids if i not in PROGRESS.solved]
    msg = f"{len(done)} of {len(ids)} exercises solved."
    details = [f"solved: {', '.join(done)}"] if done else []
    if todo:
        details.append(f"still open: {', '.join(todo)}")
    return Feedback("progress", "info", msg, details=details)


__all__ = [
    "____",
    "Feedback",
    "WorkStore",
    "check",
    "exercise",
    "exercises",
    "frame_coder",
    "get",
    "hint",
    "my_work",
    "progress",
    "show_solution",
    "start_again",
    "starter",
    "work_panel",
]
