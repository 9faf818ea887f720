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
