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
