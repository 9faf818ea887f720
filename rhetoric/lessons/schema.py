"""The JSON schema of a lesson file, and checks that turn any problem into one plain line.

``validate(data)`` raises ``LessonError`` (an ``InputError``: one line, no traceback) naming the
first problem: where in the file it is (``exercises[3].key``) and what is wrong. Beyond the
schema it checks what a schema cannot: every span is the article's text at its offsets, ids
are unique, a choice's key is one of its options.
"""

from __future__ import annotations

from typing import Any

from ..intake import InputError
from .kinds import KINDS

FORMAT = "rhetoric-lab-lesson/1"


class LessonError(InputError):
    """A lesson file that cannot be used; the message is one line naming the problem."""


_SPAN = {"type": "object", "required": ["start", "end"],
         "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
                        "text": {"type": "string"}}}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Rhetoric Lab lesson",
    "type": "object",
    "required": ["format", "kit_version", "meta", "text", "exercises"],
    "properties": {
        "format": {"const": FORMAT},
        "kit_version": {"type": "string"},
        "created": {"type": "string"},
        "meta": {
            "type": "object",
            "required": ["title", "licence"],
            "properties": {"title": {"type": "string", "minLength": 1}, "outlet": {"type": "string"},
                           "date": {"type": "string"}, "author": {"type": "string"},
                           "licence": {"type": "string", "minLength": 1}, "source": {"type": "string"}},
        },
        "text": {"type": "string", "minLength": 1},
        "exercises": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind", "prompt", "key", "kit_answer", "hints", "review"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^[a-z_]+-[0-9]+$"},
                    "kind": {"enum": sorted(KINDS)},
                    "prompt": {"type": "string", "minLength": 1},
                    "target": {"oneOf": [{"type": "null"}, _SPAN]},
                    "passage": {"oneOf": [{"type": "null"}, _SPAN]},
                    "options": {"oneOf": [
                        {"type": "null"},
                        {"type": "array", "items": {"type": "string"}},
                        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
                    ]},
                    "key": {},
                    "kit_answer": {},
                    "explanation": {"type": "string"},
                    "hints": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "unsure": {"type": ["string", "null"]},
                    "review": {
                        "type": "object", "required": ["status"],
                        "properties": {"status": {"enum": ["proposed", "accepted", "corrected"]},
                                       "because": {"type": "string"}},
                    },
                    "notes": {"type": "object", "properties": {
                        "questions": {"type": "array", "items": {
                            "type": "object", "required": ["id", "frame", "question"],
                            "properties": {"id": {"type": "string"}, "frame": {"type": "string"},
                                           "question": {"type": "string"}}}},
                        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                        "spans": {"type": "object", "additionalProperties": {"type": "string"}}}},
                },
            },
        },
    },
}


def _where(error) -> str:
    parts = []
    for p in error.absolute_path:
        if isinstance(p, int):
            parts[-1:] = [f"{parts[-1]}[{p}]"] if parts else [f"[{p}]"]
        else:
            parts.append(str(p))
    return ".".join(parts) or "the top level"


def _short(message: str, n: int = 160) -> str:
    message = " ".join(message.split())
    return message if len(message) <= n else message[: n - 1] + "…"


def validate(data: Any) -> None:
    """Raise ``LessonError`` (one line) unless ``data`` is a usable lesson."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = errors[0]
        if err.validator == "oneOf" and err.context:  # say what the closest alternative wanted
            err = min(err.context, key=lambda e: len(e.absolute_path))
        raise LessonError(f"{_where(err)}: {_short(err.message)}")
    _check_spans_and_keys(data)


def _check_spans_and_keys(data: dict) -> None:
    text = data["text"]
    seen = set()
    for i, ex in enumerate(data["exercises"]):
        where = f"exercises[{i}] ({ex['id']})"
        if ex["id"] in seen:
            raise LessonError(f"{where}: the id {ex['id']!r} is used twice")
        seen.add(ex["id"])
        for field in ("target", "passage"):
            span = ex.get(field)
            if not span:
                continue
            if not span["start"] < span["end"] <= len(text):
                raise LessonError(f"{where}.{field}: offsets {span['start']}-{span['end']} are outside the article")
            if "text" in span and text[span["start"]:span["end"]] != span["text"]:
                raise LessonError(f"{where}.{field}: the text at {span['start']}-{span['end']} is not "
                                  f"{_short(repr(span['text']), 40)} (was the article edited?)")
        answer = KINDS[ex["kind"]]["answer"]
        key, options = ex["key"], ex.get("options")
        if answer == "choice":
            if not isinstance(options, list) or key not in options:
                raise LessonError(f"{where}.key: {_short(repr(key), 40)} is not one of the options")
            if not isinstance(ex["kit_answer"], str):
                raise LessonError(f"{where}.kit_answer: expected one option (a string)")
        elif answer == "verb_stance":
            kit = ex["kit_answer"]
            if not (isinstance(key, dict) and isinstance(options, dict) and key.get("verb") in options.get("verb", [])
                    and key.get("stance") in options.get("stance", []) and isinstance(kit, dict)
                    and "verb" in kit and "stance" in kit):
                raise LessonError(f"{where}.key: expected {{'verb': one of options.verb, "
                                  "'stance': one of options.stance}")
        elif answer == "marks":
            passage = ex.get("passage")
            for field in ("key", "kit_answer"):
                spans = ex[field]
                ok = isinstance(spans, list) and passage and all(
                    isinstance(s, list) and len(s) == 2 and all(isinstance(v, int) for v in s)
                    and passage["start"] <= s[0] < s[1] <= passage["end"] for s in spans)
                if not ok:
                    raise LessonError(f"{where}.{field}: expected a list of [start, end] spans inside the passage")
        else:
            if key is not None:
                raise LessonError(f"{where}.key: a {ex['kind']} exercise has no key (it must be null)")
            if not isinstance(ex.get("notes", {}).get("questions", []), list):
                raise LessonError(f"{where}.notes.questions: expected a list of questions")
