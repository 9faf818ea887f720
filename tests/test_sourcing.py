"""Sourcing balance: quotes and quoted words per speaker and per side."""

import pytest

from rhetoric.sourcing import count_words, sourcing_balance


def test_count_words_ignores_marks_and_keeps_contractions():
    assert count_words("“We didn’t lose,”") == 3


def test_rows_per_speaker(analyze):
    a = analyze("“We will win the vote,” Jane Ruiz said. “Easily.”\n\n“No chance,” Tom Hale said.")
    rows = {r["speaker"]: r for r in sourcing_balance(a)}
    assert rows["Jane Ruiz"]["direct_quotes"] == 2
    assert rows["Jane Ruiz"]["direct_words"] == 6
    assert rows["Tom Hale"]["direct_words"] == 2
    assert sum(r["share_of_direct_words"] for r in rows.values()) == pytest.approx(1.0, abs=0.01)


def test_rows_per_side_follow_learner_choice(analyze):
    a = analyze("“We will win the vote,” Jane Ruiz said. “No chance,” Tom Hale said.")
    for name in list(a.actors):
        if name.endswith("Ruiz"):
            a.set_side(name, "Europe")
    sides = {r["side"]: r for r in sourcing_balance(a, by="side")}
    assert sides["Europe"]["direct_words"] == 5


def test_unattributed_quotes_are_one_row(analyze):
    a = analyze("Two quotes hung in the hall. “Nobody is above the law, and nobody is below it.” “Courage is contagious.”")
    rows = sourcing_balance(a)
    assert rows[0]["speaker"] == "(no speaker)" and rows[0]["kind"] == "none" and rows[0]["direct_quotes"] == 2


def test_names_scare_quotes_and_words_not_said_are_not_in_the_balance(analyze):
    # (issue 15: "The word “unprecedented”" was counted as a quote with no speaker)
    for text in ("The word “unprecedented” appears often.",
                 "A street vendor who goes by the name “Dizzy” sells fruit.",
                 "The company’s “restructuring” cost 900 jobs.",
                 "The spokesman, Ilya Sorokin, refused to call the pullback “a defeat.”"):
        a = analyze(text)
        assert a.quotes and sourcing_balance(a) == [], text


def test_bad_grouping_is_refused(analyze):
    with pytest.raises(ValueError):
        sourcing_balance(analyze("Nothing quoted here."), by="colour")


def test_seed_balance_puts_trump_first(seed_analysis):
    rows = sourcing_balance(seed_analysis)
    assert rows[0]["speaker"] == "Trump"
    assert {"Volodymyr Zelensky", "Pete Hegseth"} <= {r["speaker"] for r in rows}
