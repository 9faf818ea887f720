"""The direct-quote layer is an ordered list of named rules (issue 10: a written layer contract)."""

import inspect
import re

from rhetoric.quotes import direct

ORDER = [
    "action_beat",
    "dash_byline",
    "question_put_to_someone",
    "a_word_someone_uses",
    "reporting_cue_in_sentence",
    "colon_after_reporting_verb",
    "colon_after_name",
    "colon_after_a_person_clause",
    "follow_on",
    "previous_sentence_cue",
    "person_in_the_sentence_before",
    "clause_subject",
    "no_speaker",
]


def test_rules_run_in_the_documented_order():
    assert [rule.__name__ for rule in direct.RULES] == ORDER
    documented = re.findall(r"^``(\w+)``", direct.__doc__, flags=re.M)
    assert documented == ORDER


def test_every_rule_reads_one_quote_context():
    for rule in direct.RULES:
        params = list(inspect.signature(rule).parameters.values())
        assert [p.annotation for p in params] == ["QuoteContext"], rule.__name__
        assert rule.__doc__, rule.__name__


def test_the_last_rule_always_answers(analyze):
    a = analyze("The mayor walked in. “We will rebuild the bridge.”")
    q = next(q for q in a.quotes if "rebuild" in q.text)
    assert q.speaker is None
    assert q.explanation.startswith("no speaker")
