"""The layer on passages nobody tuned it on: one written for this test with signals a
careful reader would flag, and a plain wire passage that should stay almost silent."""

from __future__ import annotations

PASSAGE = (
    "The mayor of Lyon admitted on Friday that the flood defences had failed, a humiliating reversal for a city "
    "that had insisted for years that it was safe.\n"
    "Nearly 2,000 homes were evacuated. Officials said the river could rise again overnight, and residents, many "
    "of them clearly exhausted, watched anxiously as rescue boats crept along flooded streets.\n"
    "Critics claimed the council had ignored repeated warnings. “We told them this would happen,” said Marie "
    "Dupont, a retired engineer. “Frankly, they gambled with people's lives.”\n"
    "The council, perhaps stung by the criticism, framed the disaster as a once-in-a-century event. But the "
    "budget for repairs was cut in 2019.\n"
    "I walked the riverbank on Saturday morning.\n"
    "The water had all but swallowed the old market, and the town's economy is slipping away with it."
)

EXPECTED = {
    ("reporting_verb", "admitted"), ("reporting_verb", "insisted"), ("reporting_verb", "said"),
    ("reporting_verb", "claimed"), ("reporting_verb", "framed"),
    ("hedge", "Nearly"), ("hedge", "perhaps"), ("hedge", "all but"),
    ("booster", "clearly"),
    ("loaded", "humiliating"), ("loaded", "exhausted"), ("loaded", "anxiously"), ("loaded", "disaster"),
    ("metaphor", "gambled"), ("metaphor", "swallowed"), ("metaphor", "slipping away"),
    ("agency", "were evacuated"), ("agency", "was cut"),
    ("author_voice", "I"), ("author_voice", "I walked the riverbank on Saturday morning."),
}

PLAIN = (
    "The committee met on Tuesday in Brussels. It approved the budget for next year by 12 votes to 3.\n"
    "The chair, Anna Berg, said the next meeting would take place in March. Members will review the "
    "transport plan and the annual report of the audit office."
)


def test_unseen_passage_recall(analyze):
    a = analyze(PASSAGE)
    found = {(s.category, s.text) for s in a.signals}
    missing = EXPECTED - found
    assert len(missing) <= 1, f"missed: {sorted(missing)}"


def test_quoted_words_are_the_speakers_not_the_writers(analyze):
    a = analyze(PASSAGE)
    gambled = [s for s in a.signals if s.text == "gambled"]
    assert gambled and gambled[0].in_quote
    assert not [s for s in a.signals if s.category == "author_voice" and s.text in ("We", "Frankly")]


def test_plain_wire_passage_stays_quiet(analyze):
    a = analyze(PLAIN)
    noisy = [s for s in a.signals if s.category in ("hedge", "booster", "loaded", "metaphor", "author_voice")]
    assert noisy == []
    assert [s.text for s in a.signals if s.category == "reporting_verb"] == ["said"]


# --- general news language (review item 8): passages written for the tests ------------------

def test_everyday_news_metaphors_are_found(analyze):
    a = analyze("The county board approved the stadium plan on Tuesday after a heated debate. Critics say the "
                "project will bury the old market square under concrete. An earlier plan was dropped when its "
                "funding collapsed, and opponents claim the cost figures had been massaged. Home prices soared "
                "last year, and the mayor's approval ratings plunged.")
    got = {s.text.lower() for s in a.signals if s.category == "metaphor"}
    for word in ("heated", "bury", "collapsed", "massaged", "soared", "plunged"):
        assert word in got, word


def test_literal_uses_of_the_new_metaphor_words_stay_out(analyze):
    a = analyze("The roof of the old barn collapsed under the snow. Firefighters said the kitchen was heated "
                "by a wood stove. The family buried their dog in the garden. The diver plunged into the lake, "
                "and the therapist massaged his shoulder.")
    assert not [s.text for s in a.signals if s.category == "metaphor"]


def test_emotive_news_words_are_loaded_and_plain_ones_are_not(analyze):
    a = analyze("The senator's scathing speech drew a furious response, and the rollout was called a fiasco. "
                "The committee met on Tuesday and published its annual report on road maintenance.")
    got = {s.text.lower() for s in a.signals if s.category == "loaded"}
    assert {"scathing", "furious", "fiasco"} <= got
    assert not got & {"committee", "report", "maintenance", "annual"}
