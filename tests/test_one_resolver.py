"""One resolver for who is who: a reporting verb and the quote its cue introduces name the same
actor (issue 10), and the signal on a denied "say" is negated (issue 15)."""

import pytest

TEXTS = [
    "A senior Western official, speaking on condition of anonymity, said the talks had “collapsed entirely.”",
    "Daniel Frost criticised Grace Obi over the budget. She said his figures were “simply wrong.”",
    "Mayor Helen Carter met the developer, Ivan Petrenko, on Wednesday. He said the tower would be “finished on time.”",
    "The CNN host reiterated that the network “stands by its reporting.” Officials at the State Department declined to comment.",
    "“We will appeal,” Nwosu answered. “And we will win,” Brandt added.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_reporting_verb_and_its_quote_name_the_same_actor(analyze, text):
    a = analyze(text)
    verbs = [s for s in a.signals if s.category == "reporting_verb"]
    shared = 0
    for q in a.quotes:
        if q.cue_start is None:
            continue
        for s in verbs:
            if s.start < q.cue_end and q.cue_start < s.end:
                shared += 1
                assert s.actor == q.speaker, (s.text, s.actor, q.speaker)
    assert shared >= 1


def test_a_description_reads_as_a_description_in_the_explanation(analyze):
    a = analyze(TEXTS[0])
    said = [s for s in a.signals if s.category == "reporting_verb" and s.text == "said"][0]
    assert "a senior Western official" in said.explanation and "what Western said" not in said.explanation


def test_a_denied_say_is_a_negated_reporting_verb(analyze):
    a = analyze("Petrov did not say “we will withdraw,” and his aides declined to clarify.")
    say = [s for s in a.signals if s.category == "reporting_verb" and s.text == "say"]
    assert say and say[0].negated and "did not say" in say[0].explanation
    q = [q for q in a.quotes if "withdraw" in q.text][0]
    assert q.negated and "did not say" in q.explanation


@pytest.mark.parametrize("text, pronoun_actor", [
    ("Daniel Frost met Councillor Grace Obi on Monday. She attacked him over the budget.", "Grace Obi"),
    ("Mr Paul Henning visited Mrs Ada Kray at the depot. She attacked him over the delays.", "Ada Kray"),
    ("Sarah Lund interviewed Peter Moss in Oslo. He attacked her at length.", "Peter Moss"),
])
def test_a_signal_reads_he_and_she_as_the_quote_layer_does(analyze, text, pronoun_actor):
    # one resolver of who is who: the agency signal on the pronoun's verb names the person of that gender
    a = analyze(text)
    acts = [s for s in a.signals if s.category == "agency" and s.subtype == "actor_action"]
    assert acts and acts[-1].actor == pronoun_actor, [(s.text, s.actor) for s in acts]
