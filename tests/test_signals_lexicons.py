"""The framing layer's lexicons: licensed, cited, broad enough for news in general."""

from __future__ import annotations

import pytest

from rhetoric.data import load_json

ALLOWED = ("CC BY 4.0", "MIT", "Apache-2.0", "CC BY")
OURS = ["hedges.json", "boosters.json", "loaded.json", "metaphors.json", "agency.json", "voice.json",
        "reporting_frames.json"]


@pytest.mark.parametrize("name", OURS)
def test_lexicon_has_source_citation_and_shippable_licence(name):
    lex = load_json("lexicons", name)
    assert lex["source"] and lex["citation"]
    assert lex["licence"].startswith(ALLOWED)


def test_loaded_and_metaphor_lexicons_are_broad():
    assert len(load_json("lexicons", "loaded.json")["words"]) >= 400
    assert len(load_json("lexicons", "metaphors.json")["entries"]) >= 400


def test_every_metaphor_domain_is_explained():
    lex = load_json("lexicons", "metaphors.json")
    assert {e["domain"] for e in lex["entries"]} <= set(lex["domains"])


def test_reporting_stances_come_from_the_shared_verb_list():
    from rhetoric.signals.reporting import verb_table

    verbs, *_ = verb_table()
    assert verbs["say"]["stance"] == "neutral"
    assert all("stance" in v for v in verbs.values())


@pytest.mark.parametrize("name", ["hedges.json", "boosters.json", "loaded.json"])
def test_pattern_matching_runs_only_possible_patterns_with_the_same_matches(name, seed_analysis, nlp):
    """``common.match`` runs only the patterns whose words the article has, only around those words:
    same matches, same order as the lexicon's full Matcher (on the seed, and on texts that hit many
    patterns, next to each other and at the edges)."""
    from rhetoric.signals.common import build_matcher, match
    from rhetoric.signals.loaded import _patterns

    pats = _patterns() if name == "loaded.json" else load_json("lexicons", name)["patterns"]
    pairs = [(p["id"], p["pattern"]) for p in pats]
    extra = nlp("It is not clear, and perhaps all but certain, that he would seem to have made it clear: "
                "at least in part, to some extent, about 40 so-called far-left thin-skinned rivals may agree.")
    edges = nlp("Perhaps at least in part clearly, about 5 to 9, up to 10, at least 3 more or less so-called likely "
                "I do think that sort of kind of made it clear it appears to be all but certain perhaps")
    for doc in (seed_analysis.doc, extra, edges, nlp("Perhaps"), nlp("likely.")):
        assert match(doc, name, pairs) == build_matcher(doc.vocab, name, pairs)(doc)
    assert match(extra, name, pairs)


def test_token_filter_lets_through_exactly_the_tokens_with_the_words(seed_analysis):
    """``common.tokens_with``, the detectors' prefilter, against reading every token."""
    from rhetoric.tokenfilter import tokens_with

    doc = seed_analysis.doc
    assert tokens_with(doc, lower={"could", "if"}, lemma={"say", "believe"}) == [
        t.i for t in doc if t.lower_ in {"could", "if"} or t.lemma_.lower() in {"say", "believe"}]
    assert tokens_with(doc, orth={"We", "we"}, pos={"PRON"}) == [
        t.i for t in doc if t.text in {"We", "we"} and t.pos_ == "PRON"]
    assert tokens_with(doc, pos={"VERB", "AUX"}, dep_heads={"auxpass"}) == [
        t.i for t in doc if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in t.children)]
    assert tokens_with(doc, pos={"VERB"}) == [t.i for t in doc if t.pos_ == "VERB"]
    assert tokens_with(doc, tag={"WDT", "WP"}) == [t.i for t in doc if t.tag_ in ("WDT", "WP")]
    assert tokens_with(doc, lower_test=lambda w: w.endswith("ing")) == [t.i for t in doc if t.lower_.endswith("ing")]
    assert tokens_with(doc[:0].as_doc(), lower={"could"}) == []
