"""Any article becomes a checked lesson: the kit proposes, the teacher confirms, learners get feedback.

    >>> from rhetoric import lessons
    >>> lesson = lessons.build(text, title="…", outlet="…", date="2025-02-12", licence="for classroom use")
    >>> lesson.exercises[0].kind, lesson.exercises[0].key, lesson.exercises[0].kit_answer
    >>> lesson.correct("speaker-2", "Marco Rubio", because="'he' is Rubio, named in the sentence before")
    >>> lesson.drop("agent-1")
    >>> lesson.save("lessons/my-article.json")
    >>> lessons.load("lessons/my-article.json").check("speaker-2", "Rubio").correct
    True

A lesson file holds the article text, its metadata (with a licence note), the exercises with
their keys and the kit's own answers, and the kit's version; it is validated against
``schema.SCHEMA`` on load, and a broken file raises ``LessonError`` with one line naming the
problem.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from .kinds import KINDS, NOBODY, NOT_SAID
from .model import Exercise, Lesson, Verdict, load
from .schema import FORMAT, SCHEMA, LessonError, validate

REPO = Path(__file__).resolve().parent.parent.parent
LESSONS_DIR = Path(os.environ.get("RHETORIC_LESSONS", REPO / "lessons"))
SEED_LESSON = "the-day-the-ukraine-war-ended.json"

DEFAULT_LICENCE = "for classroom use; the article belongs to its publisher"


def build(text: str, *, title: str = "", outlet: str = "", date: str = "", author: str = "", source: str = "",
          licence: str = DEFAULT_LICENCE, analysis=None, nlp=None) -> Lesson:
    """Propose a lesson for ``text``: every kind of exercise the kit can check, keyed with its own answers.

    ``analysis`` may be given to skip analysing ``text`` again. Raises ``InputError`` (one line)
    for text the kit cannot analyse. The result is unreviewed (every exercise ``proposed``).
    """
    from .. import __version__
    from ..analysis import analyze
    from .propose import propose

    if analysis is None:
        analysis = analyze(text, nlp=nlp)
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    meta = {"title": title.strip() or first_line[:80] or "Untitled article", "outlet": outlet.strip(),
            "date": date.strip(), "author": author.strip(), "licence": licence.strip() or DEFAULT_LICENCE,
            "source": source.strip()}
    data = {"format": FORMAT, "kit_version": __version__, "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "meta": {k: v for k, v in meta.items() if v or k in ("title", "licence")},
            "text": analysis.text, "exercises": propose(analysis)}
    validate(data)
    return Lesson(data)


def available(folder: str | Path | None = None) -> list[Path]:
    """The lesson files in ``folder`` (default ``lessons/``), by name."""
    return sorted(Path(folder or LESSONS_DIR).glob("*.json"))


def default_path() -> Path:
    """The lesson to open: ``$RHETORIC_LESSON`` if set, otherwise the seed's lesson."""
    env = os.environ.get("RHETORIC_LESSON")
    return Path(env) if env else LESSONS_DIR / SEED_LESSON


def open_default(path: str | Path | None = None) -> Lesson:
    """``load`` of ``path`` or of ``default_path()``."""
    return load(path or default_path())


__all__ = ["FORMAT", "KINDS", "LESSONS_DIR", "NOBODY", "NOT_SAID", "SCHEMA", "SEED_LESSON", "Exercise", "Lesson",
           "LessonError", "Verdict", "available", "build", "default_path", "load", "open_default", "validate"]
