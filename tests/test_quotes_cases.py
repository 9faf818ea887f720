"""Quote attribution on articles in the styles learners bring (issue 15): headlines, British and
plain-text marks, signatures and action beats, transcripts, sources that are not people,
pronoun agreement, refused speech, cues that are not speech, names and scare quotes.

The cases are data (``data/gold/quote_cases.json``): ``python benchmarks/quotes.py --cases``
prints the same pass/fail list."""

import pytest

from rhetoric.evaluate import check_quote_case, quote_cases

CASES = quote_cases()


def test_every_kind_has_several_inputs():
    kinds = {}
    for c in CASES:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    assert len(kinds) >= 10
    assert all(n >= 2 for n in kinds.values()), kinds


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['kind']}: {c['name']}")
def test_quote_case(analyze, case):
    assert check_quote_case(analyze(case["text"]), case["expect"]) == []


def test_checker_can_fail(analyze):
    a = analyze("“We will appeal,” said Nwosu.")
    assert check_quote_case(a, {"quotes": [{"contains": "We will appeal", "speaker_has": "Brandt"}]})
    assert check_quote_case(a, {"no_speech": ["We will appeal"]})


@pytest.mark.parametrize("text, speaker", [
    ("Reporters put three questions to the former minister.\nWhy did you resign?\n"
     "HALVORSEN: “I was tired, and I wanted to garden.”\nWhy the white coat?\nHalvorsen: “Nothing else fitted me.”\n",
     "Halvorsen"),
    ("The panel heard two witnesses on Tuesday.\nDr Amara Osei: 'The water was never tested.'\nOsei: 'Nobody asked us to.'\n",
     "Amara Osei"),
    ("Q: Will you stand again?\nMAYOR PIKE: \"No. Ten years is enough.\"\nQ: Any regrets?\nPIKE: \"The bridge.\"\n",
     "Pike"),
])
def test_a_transcript_turn_that_is_one_quote_is_said_once_by_the_labels_person(analyze, text, speaker):
    a = analyze(text)
    direct = [q for q in a.quotes if q.in_own_words]
    assert len({(q.start, q.end) for q in direct}) == len(direct), "a quote counted twice"
    theirs = [q for q in direct if q.text[:1] in "\"“'‘"]
    assert len(theirs) == 2 and all(speaker.lower() in (q.speaker or "").lower() for q in theirs), [
        (q.speaker, q.text) for q in direct]
