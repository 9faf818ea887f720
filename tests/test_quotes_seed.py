"""The quote layer on the seed, against the hand gold in data/gold/quotes.json."""

import json
from pathlib import Path

import pytest

GOLD = json.loads((Path(__file__).resolve().parent.parent / "data" / "gold" / "quotes.json").read_text("utf-8"))


def test_gold_offsets_index_the_seed(seed_text):
    assert [g["kind"] for g in GOLD["quotes"]].count("indirect") == 16 and len(GOLD["quotes"]) == 33
    for g in GOLD["quotes"]:
        assert seed_text[g["start"]:g["end"]] == g["text"]
        if g["speaker_start"] is not None:
            assert seed_text[g["speaker_start"]:g["speaker_end"]] == g["speaker_text"]


def test_gold_counts_sixteen_top_level_direct_quotes_and_one_nested():
    direct = [g for g in GOLD["quotes"] if g["kind"] == "direct"]
    assert len([g for g in direct if g.get("nested_in") is None]) == 16
    assert len([g for g in direct if g.get("nested_in") is not None]) == 1


def _match(quotes, g):
    return [q for q in quotes if q.kind == g["kind"] and q.start == g["start"] and q.end == g["end"]]


@pytest.mark.parametrize("g", [g for g in GOLD["quotes"] if g["kind"] == "direct"], ids=lambda g: g["text"][:30])
def test_seed_direct_quote_found_with_gold_speaker(seed_analysis, g):
    hits = _match(seed_analysis.quotes, g)
    assert hits, f"direct quote not found: {g['text']!r}"
    q = hits[0]
    assert q.speaker == g["speaker"], q.explanation
    assert q.relayed_by == g["relayed_by"]
    assert q.explanation


def test_seed_nested_quote_points_to_trumps_post(seed_analysis):
    inner = [q for q in seed_analysis.quotes if q.text == "‘COMMON SENSE.’"][0]
    outer = seed_analysis.quotes[inner.nested_in]
    assert outer.text.startswith("“But first") and outer.speaker == "Trump"


def test_seed_reporter_question_is_not_trumps(seed_analysis):
    q = [q for q in seed_analysis.quotes if "an equal member" in q.text][0]
    assert q.speaker is None


def test_seed_indirect_recall(seed_analysis):
    gold = [g for g in GOLD["quotes"] if g["kind"] == "indirect"]
    found = 0
    for g in gold:
        for q in seed_analysis.quotes:
            if q.kind == "indirect" and min(q.end, g["end"]) - max(q.start, g["start"]) >= 0.5 * (g["end"] - g["start"]):
                found += 1
                break
    assert found >= 0.75 * len(gold)


def test_seed_channels(seed_analysis):
    q = [q for q in seed_analysis.quotes if q.text.startswith("“We each talked")][0]
    assert q.channel == "on Truth Social" and q.cue == "wrote"
    h = [q for q in seed_analysis.quotes if q.text.startswith("“Chasing")][0]
    assert h.setting == "in Brussels"
    assert "Hegseth said" in h.explanation
