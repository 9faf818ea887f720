"""Entities and the actors behind them (placeholder: spaCy's entities as they come)."""

from __future__ import annotations

from .items import Actor, Entity


def find_entities(doc, text):
    ents = []
    actors = {}
    for ent in doc.ents:
        ents.append(Entity(ent.start_char, ent.end_char, text[ent.start_char:ent.end_char],
                           explanation=f"{ent.label_}, as the model labelled it", label=ent.label_,
                           actor=ent.text, model_label=ent.label_))
        actors.setdefault(ent.text, Actor(ent.text, "other")).mentions.append((ent.start_char, ent.end_char))
    return ents, actors
