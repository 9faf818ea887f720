"""Sides: where each actor stands in an article's story, as per-article data.

The seed's sides and roles live in ``data/actors.json`` (matched by the article's sha256). Any
other article starts with a small editable set ("other", "unknown") that a learner extends by
naming a side (``Analysis.set_side(actor, "Council")``): sides belong to the article, not to
the kit.
"""

from __future__ import annotations

import hashlib

from .data import load_json
from .items import Actor

UNKNOWN = "unknown"
#: A learner's own side name: a short label on one line.
MAX_SIDE_CHARS = 40


def _article_spec(text: str) -> dict | None:
    """The article's entry: matched by the sha256 of the text, or of its words joined by single
    spaces (``sha256_words``: the same article pasted hard-wrapped or with other spacing)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    articles = load_json("actors.json")["articles"]
    found = next((a for a in articles if a["sha256"] == digest), None)
    if found is None:
        words = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
        found = next((a for a in articles if a.get("sha256_words") == words), None)
    return found


def article_sides(text: str) -> list[str]:
    """The sides an article starts with: its own from ``data/actors.json``, else the default set;
    "unknown" always last."""
    spec = _article_spec(text)
    sides = list(spec.get("sides", [])) if spec else list(load_json("actors.json")["default_sides"])
    return [s for s in sides if s != UNKNOWN] + [UNKNOWN]


def apply_sides(actors: dict[str, Actor], text: str) -> None:
    """Sides and roles from ``data/actors.json`` when the text is an article it describes."""
    spec = _article_spec(text)
    for entry in spec["actors"] if spec else []:
        actor = actors.get(entry["name"])
        if actor is not None:
            actor.side = entry["side"]
            actor.role = entry.get("role")


def clean_side(side: str) -> str:
    """A learner's side name, trimmed; ``ValueError`` with a one-line reason when it is unusable."""
    name = " ".join(str(side or "").split())
    if not name:
        raise ValueError("name the side: it cannot be empty")
    if len(name) > MAX_SIDE_CHARS:
        raise ValueError(f"a side's name is a short label (at most {MAX_SIDE_CHARS} characters); got {len(name)}")
    return name
