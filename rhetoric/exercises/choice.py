"""Checks for multiple-choice exercises: every wrong option has its own teaching reply."""

from __future__ import annotations

from typing import Any

from .answers import AnswerTypeError, kind_of, norm
from .facts import render
from .registry import Exercise, Verdict, checker, exercises, right, wrong


def numbered_option(answer: Any, options: list[str]) -> str | None:
    """The option a number names (2 = the second), ``None`` when ``answer`` is not a number;
    ``AnswerTypeError`` for ``True``/``False`` or a number past the options."""
    if isinstance(answer, bool):
        raise AnswerTypeError(f"expected one of the options, got {kind_of(answer)}")
    if isinstance(answer, int):
        if 1 <= answer <= len(options):
            return options[answer - 1]
        raise AnswerTypeError(f"there are {len(options)} options; number them from 1")
    return None


def option_of(answer: Any, ex: Exercise) -> str:
    """The option a learner chose: its text (any case), its letter ("b") or its number (2 = second)."""
    numbered = numbered_option(answer, ex.options)
    if numbered is not None:
        return numbered
    if not isinstance(answer, str):
        raise AnswerTypeError(f"expected one of the options as a string, got {kind_of(answer)}")
    a = norm(answer)
    for opt in ex.options:
        if norm(opt) == a:
            return opt
    letters = "abcdefgh"
    if len(a) == 1 and a in letters[: len(ex.options)]:
        return ex.options[letters.index(a)]
    starts = [opt for opt in ex.options if a and norm(opt).startswith(a)]
    if len(starts) == 1:
        return starts[0]
    raise AnswerTypeError(
        "that is not one of the options; copy an option's words, or give its letter (a, b, c...)"
    )


def check_choice(answer: Any, ex: Exercise) -> Verdict:
    chosen = option_of(answer, ex)
    if chosen == ex.answer:
        return right(f"“{chosen}”")
    return wrong(f"You chose {echo(answer, chosen, ex)}.", hint=render(ex.why.get(chosen), ex))


def echo(answer: Any, chosen: str, ex: Exercise) -> str:
    """The learner's answer as they gave it, with the option it stands for when that differs.

    "Trump" stays “Trump” (not the option's “Trump's”); a letter or number names its option.
    """
    if isinstance(answer, str) and len(norm(answer)) > 1:  # the words they typed, as typed
        return f"“{answer.strip().rstrip('.')}”"
    label = str(answer).strip()
    return f"{label} (“{chosen}”)"


def register_choices() -> None:
    """Register ``check_choice`` for every exercise of kind ``choice``."""
    for ex in exercises().values():
        if ex.kind == "choice":
            checker(ex.id)(check_choice)
