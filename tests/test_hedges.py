"""Hedges by the word's role in its sentence, each kind pinned on sentences written for these tests
(never taken from the development corpora), with the false friends of each kind beside it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from rhetoric.signals.hedges import UNCERTAINTY_KINDS, hedge_kinds

REPO = Path(__file__).resolve().parent.parent


def hedges(analysis, kind=None):
    return [s for s in analysis.signals if s.category == "hedge" and (kind is None or s.subtype == kind)]


def words(analysis, kind=None):
    return [s.text.lower() for s in hedges(analysis, kind)]


# --- the kinds --------------------------------------------------------------------------------

def test_every_kind_says_whether_it_marks_uncertainty_and_how_to_explain_it():
    kinds = hedge_kinds()
    for name, spec in kinds.items():
        assert isinstance(spec["uncertainty"], bool) and spec["teach"] and spec["explain"].startswith("hedge:"), name
    assert {"modal", "probability", "belief", "condition", "open_question", "hearsay"} <= UNCERTAINTY_KINDS
    assert not {"approximator", "generalisation", "limiting_phrase"} & UNCERTAINTY_KINDS


def test_approximators_stay_hedges_of_their_own_kind(analyze):
    a = analyze("About 300 people marched, and the square was largely empty by noon.")
    assert words(a, "approximator") == ["about"]
    assert words(a, "generalisation") == ["largely"]


# --- 'could': a possibility, not an ability or a denial -------------------------------------------

@pytest.mark.parametrize("passage", [
    "Analysts warned that fuel prices could rise again next month.",
    "The old bridge could collapse under the weight of the lorries.",
    "The strike could have been avoided with an earlier offer.",
    "A second vote could be held before the summer.",
])
def test_could_of_possibility_is_a_hedge(analyze, passage):
    assert words(analyze(passage), "modal") == ["could"]


@pytest.mark.parametrize("passage", [
    "From the hill she could see the smoke over the harbour.",
    "The spokesman could not be reached for comment on Sunday.",
    "Nobody could explain the delay to the passengers.",
    "Neither the mayor nor her deputy could be reached.",
])
def test_could_of_ability_or_denied_is_not_a_hedge(analyze, passage):
    assert "could" not in words(analyze(passage))


@pytest.mark.parametrize("passage", [
    "The talks could not possibly succeed without the unions.",
    "It is not possible to reopen the mine this year.",
    "The minister said the plan could not possibly work.",
])
def test_a_denied_possibility_is_certainty_not_a_hedge(analyze, passage):
    assert not hedges(analyze(passage))


def test_an_undenied_possibility_stays_a_hedge(analyze):
    a = analyze("The talks could possibly resume in March. A delay is possible.")
    assert {"could", "possibly", "possible"} <= set(words(a))


# --- 'may': the modal, not the month ----------------------------------------------------------

@pytest.mark.parametrize("passage, expected", [
    ("The new law took effect in May after a long debate.", []),
    ("The court may rule on the appeal in May.", ["may"]),
    ("Talks resumed on May 4, and a deal may follow.", ["may"]),
    ("May was the wettest month on record in the valley.", []),
    ("By May, the army had withdrawn from the town.", []),
    ("Theresa May resigned as prime minister, and her successor may call an election.", ["may"]),
])
def test_month_may_is_not_the_modal(analyze, passage, expected):
    assert words(analyze(passage), "modal") == expected


# --- conditions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("passage, cue", [
    ("If the ceasefire holds, aid convoys will enter the city on Friday.", "if"),
    ("Unless the council finds new money, the library will close in June.", "unless"),
    ("The union will strike if the offer is not improved.", "if"),
])
def test_a_condition_is_a_hedge(analyze, passage, cue):
    assert words(analyze(passage), "condition") == [cue]


@pytest.mark.parametrize("passage", [
    "He waved to the crowd as if nothing had happened.",
    "Few, if any, voters noticed the change.",
])
def test_as_if_and_if_any_are_not_conditions(analyze, passage):
    assert not hedges(analyze(passage), "condition")


def test_the_consequence_would_of_a_condition_is_not_counted_twice(analyze):
    a = analyze("If the bridge reopens, traffic would ease within a week.")
    assert words(a) == ["if"]


def test_would_of_reported_speech_stays_tense_not_doubt(analyze):
    for passage in ("The mayor said the bridge would reopen in June.",
                    "The company announced that it would close two plants next year."):
        assert not hedges(analyze(passage)), passage


# --- open questions --------------------------------------------------------------------------------

@pytest.mark.parametrize("passage, cue", [
    ("Investigators are trying to determine whether the fire was set deliberately.", "whether"),
    ("She did not say if she would run for a second term.", "if"),
    ("Reporters asked if the talks would resume next week.", "if"),
])
def test_an_open_question_is_a_hedge(analyze, passage, cue):
    a = analyze(passage)
    assert words(a, "open_question") == [cue]
    assert not hedges(a, "condition")


# --- belief and expectation ---------------------------------------------------------------------

@pytest.mark.parametrize("passage, cue", [
    ("Economists expect the central bank to raise rates in the spring.", "expect"),
    ("The suspect is believed to have fled the country by boat.", "believed"),
    ("Analysts predict slower growth next year.", "predict"),
    ("Most farmers think the drought will last another year.", "think"),
    ("The treaty is widely seen as a turning point for the region.", "seen"),
    ("The timing suggests that the leak came from inside the ministry.", "suggests"),
    ("Many residents doubt that the new wall will hold.", "doubt"),
])
def test_a_belief_verb_with_its_claim_is_a_hedge(analyze, passage, cue):
    assert cue in words(analyze(passage), "belief")


@pytest.mark.parametrize("passage", [
    "Profits were higher than expected in the third quarter.",
    "As expected, the board approved the merger on Monday.",
    "Residents hope to rebuild their homes by the spring.",
    "She believed him and dropped the complaint.",
    "The company is considering selling its stake in the airline.",
    "Nobody doubts that the vote was fair.",
    "The children thought about the question for a long time.",
])
def test_belief_verbs_without_a_claim_or_denied_are_not_hedges(analyze, passage):
    assert not hedges(analyze(passage))


def test_the_belief_names_its_holder_or_says_it_is_hidden(analyze):
    a = analyze("Senior officials expect the deal to close by June. The deal is expected to close by June.")
    first, second = hedges(a, "belief")
    assert "of senior officials" in first.explanation
    assert "the sentence does not say" in second.explanation


@pytest.mark.parametrize("passage, cue", [
    ("There is growing speculation that the minister will resign.", "speculation"),
    ("The flood revived fears that the dam might burst.", "fears"),
    ("Doubts about the budget figures remain.", "doubts"),
])
def test_a_belief_noun_with_its_claim_is_a_hedge(analyze, passage, cue):
    assert cue in words(analyze(passage), "belief")


def test_no_doubt_is_not_a_hedge(analyze):
    assert not hedges(analyze("There is no doubt that the vaccine saved lives."))


# --- hearsay and probability nouns -------------------------------------------------------------

@pytest.mark.parametrize("passage, cue", [
    ("The alleged bribe was paid in cash at a petrol station.", "alleged"),
    ("Two men suspected of arson were arrested on Tuesday.", "suspected"),
    ("The singer is rumored to be planning a farewell tour.", "rumored"),
    ("The minister reportedly offered to resign.", "reportedly"),
])
def test_hearsay_is_a_hedge(analyze, passage, cue):
    assert words(analyze(passage), "hearsay") == [cue]


@pytest.mark.parametrize("passage, cue", [
    ("Forecasters see a strong possibility of snow on Sunday.", "possibility"),
    ("The firm is in talks with potential buyers for its shops.", "potential"),
    ("The merger will, in all likelihood, be approved.", "likelihood"),
    ("The bank said there was no guarantee that rates would fall.", "no guarantee"),
])
def test_probability_nouns_are_hedges(analyze, passage, cue):
    assert cue in words(analyze(passage), "probability")


def test_potential_as_a_noun_is_not_a_hedge(analyze):
    assert not hedges(analyze("The young striker has enormous potential."))


# --- whose hedge ------------------------------------------------------------------------------------

def test_hedges_in_a_quote_are_the_speakers(analyze):
    a = analyze("“If we lose this vote, we could lose the government,” the prime minister said on Monday.")
    got = hedges(a)
    assert {s.text.lower() for s in got} == {"if", "could"}
    assert all(s.in_quote for s in got)


def test_hedges_in_a_reported_clause_are_the_speakers(analyze):
    a = analyze("Jane Moreau, the energy minister, told reporters that prices could rise if the pipeline stays shut.")
    got = hedges(a)
    assert {s.text for s in got} == {"could", "if"}
    assert all(s.in_quote and s.reported for s in got)
    assert all("reported speech" in s.explanation for s in got)


def test_the_writers_own_condition_is_the_writers(analyze):
    a = analyze("If the figures are right, the city has lost a fifth of its jobs.")
    (cond,) = hedges(a, "condition")
    assert not cond.in_quote and "the writer" in cond.explanation


# --- the benchmark's reader, on a file written here -------------------------------------------------

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID type="FILENAME">T1.txt</DocID>
<DocumentPart><Sentence id="S1.1">The mayor  <ccue type="speculation_modal_possible_">may</ccue>   resign .</Sentence>
<Sentence id="S1.2">Talks ended  on  Friday.</Sentence></DocumentPart>
<DocumentPart><Sentence id="S1.3">Nobody knows <ccue type="speculation_hypo_investigation _">whether</ccue> it  will rain.</Sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""


def _benchmark():
    spec = importlib.util.spec_from_file_location("bench_hedges", REPO / "benchmarks" / "hedges.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_benchmark_reader_keeps_cues_and_sentences_on_the_squeezed_text(tmp_path):
    bench = _benchmark()
    path = tmp_path / "fb.xml"
    path.write_text(XML, encoding="utf-8")
    (doc,) = bench.load_factbank(path)
    assert doc.text == "The mayor may resign . Talks ended on Friday.\n\nNobody knows whether it will rain."
    assert [doc.text[s:e] for s, e, _ in doc.cues] == ["may", "whether"]
    assert [doc.text[s:e] for s, e in doc.sentences] == [
        "The mayor may resign .", "Talks ended on Friday.", "Nobody knows whether it will rain."]
    assert doc.cues[1][2] == "speculation_hypo_investigation"


def test_benchmark_scores_sentences_and_cues(tmp_path):
    bench = _benchmark()
    path = tmp_path / "fb.xml"
    path.write_text(XML, encoding="utf-8")
    (doc,) = bench.load_factbank(path)
    t = bench.Tally()
    t.add(doc, bench.baseline_cues(doc.text))  # the 13-word list finds 'may', misses 'whether'
    assert (t.sent_tp, t.sent_fp, t.sent_fn) == (1, 0, 1)
    assert (t.cue_right, t.cue_pred, t.gold_found, t.gold) == (1, 1, 1, 2)


# --- false friends found by reading unseen news (PolNeAR), pinned on sentences written here -----------

@pytest.mark.parametrize("passage", [
    "The council will repair the road as soon as possible.",
    "Rescuers did everything possible to reach the miners.",
    "The team wants the best possible result on Saturday.",
])
def test_possible_that_stresses_effort_or_degree_is_not_a_hedge(analyze, passage):
    assert not hedges(analyze(passage))


@pytest.mark.parametrize("passage", [
    "She moved to the city so she could study law.",
    "They left early so that they could catch the last train.",
])
def test_could_of_purpose_is_not_a_hedge(analyze, passage):
    assert "could" not in words(analyze(passage))


@pytest.mark.parametrize("passage", [
    "The appeals court could settle the case, even if it goes to the Supreme Court.",
    "The coach sees a betrayal if his players join the rival club.",
    "Voters will know the truth if the documents are released.",
])
def test_if_after_a_verb_of_knowing_can_still_be_a_condition(analyze, passage):
    a = analyze(passage)
    assert words(a, "condition") == ["if"]
    assert not hedges(a, "open_question")


@pytest.mark.parametrize("passage", [
    "The organisers hope that the rain will stop before the parade.",
    "I hope we see more of that spirit next season.",
])
def test_hope_is_a_wish_not_a_belief(analyze, passage):
    assert not hedges(analyze(passage), "belief")
