"""Reading a learner's answer: blanks, wrong kinds of value, names, spans and lists.

Learners answer with whatever they have at hand: a string, a spaCy ``Span`` or ``Token``, one of
the kit's items (``Entity``, ``Quote``, ``Signal``), a list of any of these. These helpers turn
all of them into plain values the checks can compare, and raise ``AnswerTypeError`` with a
message that teaches when the answer is the wrong *kind* of thing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..data import load_json


class Blank:
    """The ``____`` a starter cell leaves for the learner to fill in.

    Using it never raises, so a fresh notebook runs top to bottom. Any use of it (as a
    condition, ``if ____``; called; iterated; an attribute taken) is remembered until the next
    cell runs, so ``check`` can tell "you have not filled the gap yet" even when the blank
    itself vanished from the answer (``[x for x in xs if ____]`` is just an empty list).
    """

    _instance = None
    touched = False

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    @classmethod
    def _touch(cls) -> None:
        cls.touched = True

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        self._touch()
        return False

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        self._touch()
        return self

    def __call__(self, *args, **kwargs):
        self._touch()
        return self

    def __getitem__(self, key):
        self._touch()
        return self

    def __iter__(self):
        self._touch()
        return iter(())

    def __len__(self):
        self._touch()
        return 0

    def __eq__(self, other):
        self._touch()
        return other is self

    def __ne__(self, other):
        self._touch()
        return other is not self

    __hash__ = object.__hash__


def _reset_touched(*_args) -> None:
    Blank.touched = False


def _watch_cells() -> None:
    """Forget blank uses at the start of every notebook cell (inside IPython only)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    ip = get_ipython()
    if ip is not None and _reset_touched not in ip.events.callbacks.get("pre_run_cell", []):
        ip.events.register("pre_run_cell", _reset_touched)


_watch_cells()


#: The blank learners replace in starter code.
____ = Blank()


def blank_was_used() -> bool:
    """True if the blank was used (e.g. as a condition) since the current cell started."""
    return Blank.touched


def contains_blank(value: Any, depth: int = 0) -> bool:
    """True if ``value`` is the blank or holds one (in a list, tuple, set or dict)."""
    if value is ____:
        return True
    if depth > 3:
        return False
    if isinstance(value, dict):
        return any(contains_blank(v, depth + 1) or contains_blank(k, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_blank(v, depth + 1) for v in value)
    return False


class AnswerTypeError(Exception):
    """The answer is the wrong kind of value; the message says what was expected, in plain words."""


def kind_of(value: Any) -> str:
    """A plain-language name for the type of ``value`` ("a string", "a list of 3 items"...)."""
    if value is None:
        return "None (nothing)"
    if isinstance(value, bool):
        return f"True/False ({value})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    if isinstance(value, int):
        return f"a whole number ({value})"
    if isinstance(value, float):
        return f"a decimal number ({value})"
    if isinstance(value, (list, tuple, set)):
        return f"a {type(value).__name__} of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return f"a dict of {len(value)} entries"
    return f"a {type(value).__name__}"


def text_of(value: Any) -> str:
    """The text of a string, spaCy ``Span``/``Token``/``Doc`` or one of the kit's items."""
    if isinstance(value, str):
        return value
    for attr in ("text",):
        t = getattr(value, attr, None)
        if isinstance(t, str):
            return t
    raise AnswerTypeError(f"expected some text (a string, a spaCy span or one of the kit's items), got {kind_of(value)}")


def as_list(value: Any, what: str) -> list:
    """``value`` as a list; a single item or a string is refused with a hint about lists."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict)) and not hasattr(value, "text"):
        return list(value)  # generators, spaCy span groups
    raise AnswerTypeError(
        f"expected a list of {what}, got {kind_of(value)}. A list comprehension such as "
        "[x.text for x in items if ...] gives a list."
    )


def as_int(value: Any, what: str) -> int:
    """``value`` as a whole number; strings of digits are accepted, other kinds refused."""
    if isinstance(value, bool):
        raise AnswerTypeError(f"expected a number ({what}), got {kind_of(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise AnswerTypeError(f"expected a whole number ({what}), got {kind_of(value)}")


def norm(text: str) -> str:
    """Text folded for comparison: case, curly apostrophes, outer punctuation and spaces."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", '"').replace("”", '"')
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:!?\"'()").strip()
    text = re.sub(r"'s$", "", text)
    return text.casefold()


def texts(values: Iterable[Any]) -> list[str]:
    """Normalised texts of a list of answers."""
    return [norm(text_of(v)) for v in values]


@lru_cache(maxsize=1)
def _answer_words() -> dict:
    """``data/lexicons/answer_words.json``: titles to drop from names, answers that mean 'nobody'."""
    return load_json("lexicons", "answer_words.json")


def _name_titles() -> frozenset:
    return frozenset(_answer_words()["name_titles"])


def _no_speaker_words() -> frozenset:
    return frozenset(_answer_words()["no_speaker"])


def name_tokens(name: str) -> list[str]:
    """The words of a person's name without titles ("President Vladimir Putin" -> vladimir, putin)."""
    words = [w for w in re.split(r"[\s.]+", norm(name)) if w]
    return [w for w in words if w not in _name_titles()]


def same_actor(answer: Any, name: str | None, aliases: Iterable[str] = ()) -> bool:
    """Does the learner's ``answer`` name the actor ``name``?

    Matches the canonical name, any alias (e.g. the actor's mention texts), or a surname
    ("Putin" for "Vladimir Putin"). ``None`` matches ``None`` (no named speaker).
    """
    if name is None or answer is None:
        return answer is None and name is None
    a = norm(text_of(answer))
    candidates = [name, *aliases]
    if any(a == norm(c) for c in candidates):
        return True
    words = name_tokens(a)
    if not words:
        return False
    for c in candidates:
        known = name_tokens(c)
        if not known:
            continue
        # a surname for a full name ("Putin"), or a full name for a surname ("Donald Trump" when the
        # article only ever writes "Trump"): the shorter must end the longer, surname to surname
        shorter, longer = sorted((words, known), key=len)
        if shorter == longer[-len(shorter):]:
            return True
    return False


def means_nobody(answer: Any) -> bool:
    """True for ``None`` and for strings that say 'nobody named' in plain words."""
    if answer is None:
        return True
    if isinstance(answer, str):
        return norm(answer) in _no_speaker_words()
    return False
