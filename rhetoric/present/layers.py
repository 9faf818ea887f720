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
    "agency": "Agency (who does what to whom)",
    "author_voice": "Author's voice",
}

#: Layers whose visible label depends on the signal's subtype: agency is mostly ordinary
#: "who does what to whom" relations, and only some hide the doer.
SUBTYPE_LABELS = {
    ("quotes", "direct"): "QUOTE",
    ("quotes", "transcript"): "TRANSCRIPT",
    ("quotes", "indirect"): "REPORTED",
    ("agency", "actor_action"): "WHO DOES WHAT",
    ("agency", "agentless_passive"): "HIDDEN AGENT · passive",
    ("agency", "hidden_agent_nominal"): "HIDDEN AGENT · nominalisation",
}

#: Legend names for those subtypes.
SUBTYPE_NAMES = {
    ("quotes", "direct"): "Direct quotes (in quotation marks)",
    ("quotes", "transcript"): "Turns of speech in a transcript",
    ("quotes", "indirect"): "Reported speech (in the writer's words)",
    ("agency", "actor_action"): "Who does what to whom",
    ("agency", "agentless_passive"): "Hidden agent: a passive with no doer",
    ("agency", "hidden_agent_nominal"): "Hidden agent: an action turned into a noun",
}

#: What each subtype in ``SUBTYPE_NAMES`` flags, in one line.
SUBTYPE_DESCRIPTIONS = {
    ("quotes", "direct"): "someone's own words, inside quotation marks",
    ("quotes", "transcript"): "someone's own words, after their name and a colon in a transcript",
    ("quotes", "indirect"): "what someone said, retold in the writer's words",
    ("agency", "actor_action"): "an actor presented as doing something to another actor",
    ("agency", "agentless_passive"): "something happened, and the sentence does not say who did it",
    ("agency", "hidden_agent_nominal"): "an action named as a noun, with no doer (the invasion, the annexation)",
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
    "NOT_A_NAME": "words spaCy's model took for names, set aside by the kit (hover for why)",
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


def subtype_label(layer: str, subtype: str | None) -> str | None:
    """The visible label of a signal subtype that has its own (``None`` if it has none)."""
    return SUBTYPE_LABELS.get((layer, subtype or ""))


def layer_name(layer: str) -> str:
    """A human name for ``layer`` (falls back to the layer key, tidied)."""
    return LAYER_NAMES.get(layer, layer.replace("_", " ").capitalize())
