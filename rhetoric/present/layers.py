"""The highlight layers a learner can switch on and off, with their plain-language names.

A *layer* is ``"entities"``, ``"quotes"`` or one signal category from
``rhetoric.items.SIGNAL_CATEGORIES``. The names and one-line descriptions here feed the
legend, the widgets' toggles and the report, so they read the same everywhere.
"""

from __future__ import annotations

from rhetoric.items import SIGNAL_CATEGORIES

#: Every layer, in the order the legend and toggles list them.
LAYERS = ("entities", "quotes") + tuple(SIGNAL_CATEGORIES)

#: Short visible label per layer (entities show their type instead).
LAYER_LABELS = {
    "entities": "ENTITY",
    "quotes": "QUOTE",
    "reporting_verb": "REPORTING VERB",
    "hedge": "HEDGE",
    "booster": "BOOSTER",
    "loaded": "LOADED",
    "metaphor": "METAPHOR",
    "agency": "AGENCY",
    "author_voice": "AUTHOR'S VOICE",
}

#: Human names for toggles and chart axes.
LAYER_NAMES = {
    "entities": "Named entities",
    "quotes": "Quotes",
    "reporting_verb": "Reporting verbs",
    "hedge": "Hedges",
    "booster": "Boosters",
    "loaded": "Loaded words",
    "metaphor": "Metaphors",
    "agency": "Agency (hidden actors)",
    "author_voice": "Author's voice",
}

#: What each layer flags, in one line (legend and report).
LAYER_DESCRIPTIONS = {
    "entities": "people, places, organisations and groups the article names",
    "quotes": "words the article attributes to someone, in quote marks or reported",
    "reporting_verb": "the verb that introduces what someone said (said, claimed, admitted...)",
    "hedge": "words that hold back full commitment (may, likely, seems)",
    "booster": "words that close down doubt (clearly, surely, made clear)",
    "loaded": "words that carry a judgement beyond their plain meaning",
    "metaphor": "an idea described in terms of something else (a war of words, a door closing)",
    "agency": "who acts on whom, and where the actor is hidden (passives, nominalisations)",
    "author_voice": "the writer's own evaluation, outside any quote",
}

#: Readable entity type names (spaCy labels).
ENTITY_TYPE_NAMES = {
    "PERSON": "people",
    "NORP": "nationalities, religious and political groups",
    "ORG": "organisations",
    "GPE": "countries, cities, states",
    "LOC": "other places",
    "FAC": "buildings, airports, roads",
    "DATE": "dates",
    "TIME": "times",
    "CARDINAL": "numbers",
    "ORDINAL": "ordinals (first, second)",
    "MONEY": "money",
    "PERCENT": "percentages",
    "QUANTITY": "quantities",
    "EVENT": "named events",
    "PRODUCT": "products",
    "LAW": "laws and treaties",
    "WORK_OF_ART": "titles of works",
    "LANGUAGE": "languages",
}


def layer_of(item) -> str:
    """The layer an analysis item belongs to."""
    from rhetoric.items import Entity, Quote, Signal

    if isinstance(item, Entity):
        return "entities"
    if isinstance(item, Quote):
        return "quotes"
    if isinstance(item, Signal):
        return item.category
    raise TypeError(f"not a highlightable item: {type(item).__name__}")


def layer_name(layer: str) -> str:
    """A human name for ``layer`` (falls back to the layer key, tidied)."""
    return LAYER_NAMES.get(layer, layer.replace("_", " ").capitalize())
