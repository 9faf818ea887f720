"""Sides: where each actor stands in an article's story, as per-article data.

The seed's sides and roles live in ``data/actors.json`` (matched by the article's sha256). Any
other article starts with a small editable set ("other", "unknown") that a learner extends by
naming a side (``Analysis.set_side(actor, "Council")``): sides belong to the article, not to
the kit.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

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


#: Dependency labels of a modifier that names whom a group acts for ("Trump aides", "Russian
#: officials", "the Kremlin's spokesman"); a prepositional phrase ("critics of Trump") is not one.
NAMESAKE_DEPS = ("compound", "amod", "nmod", "poss")


@lru_cache(maxsize=1)
def affiliation_nouns() -> frozenset:
    """Lemmas of nouns for people or bodies that act for whoever names them (``data/lexicons/affiliation.json``)."""
    return frozenset(load_json("lexicons", "affiliation.json")["nouns"])


def group_namesake(span, entities, actors: dict[str, Actor]) -> str | None:
    """The actor a descriptive group speaker is named after, when the group acts for it.

    ``span`` is the speaker phrase (a spaCy ``Span``); ``entities`` the entity mentions (with
    ``start``, ``end``, ``actor`` in characters); ``actors`` the article's actors. "Trump aides"
    -> "Trump", "U.S. intelligence agencies" -> "United States". The phrase's head must be an
    affiliation noun (aide, agency, official...) and the actor must modify the head (compound,
    adjective, possessive). Several such actors give one only when they share a known side;
    otherwise ``None``. The group takes its namesake's side, now or when a learner sets it.
    """
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() not in affiliation_nouns():
        return None
    if any(e.start <= head.idx < e.end for e in entities):
        return None  # the head is itself a name: a named speaker, not a group named after one
    found: list[str] = []
    for tok in span:
        if tok.i == head.i or not _modifies(tok, head):
            continue
        actor = next((e.actor for e in entities if e.start <= tok.idx < e.end and e.actor), None)
        if actor in actors and actor not in found:
            found.append(actor)
    if len(found) == 1:
        return found[0]
    sides = {actors[a].side for a in found}
    return found[0] if len(sides) == 1 and UNKNOWN not in sides else None


def _modifies(tok, head) -> bool:
    """Is ``tok`` a modifier of ``head``, directly or through a chain of modifiers ("U.S." in
    "U.S. intelligence agencies", "Putin" in "Vladimir Putin's spokesman")?"""
    for _ in range(4):
        if tok.dep_ not in NAMESAKE_DEPS:
            return False
        if tok.head.i == head.i:
            return True
        tok = tok.head
    return False
