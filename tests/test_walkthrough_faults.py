"""Faults a first-time reviewer met on an article of their own (a UK local story), each pinned as
a kind with inputs written for it: a byline that names a role, false titles, a headline quote
read twice."""

import pytest


@pytest.mark.parametrize("byline", ["By Staff Reporter", "By Our Political Correspondent", "By Sports Desk",
                                    "By Chronicle Reporters"])
def test_a_byline_that_names_a_role_names_nobody(analyze, byline):
    text = (f"Libraries To Close Next Year\n{byline}\n"
            "The council will close four libraries next year, its leader Tom Hartley said on Monday.\n"
            "She added that a further $2 million could be cut.\n")
    a = analyze(text)
    role = byline[3:]
    assert not any(role in e.text for e in a.entities if e.label == "PERSON"), a.entities
    assert all(role not in (q.speaker or "") for q in a.quotes), [(q.text, q.speaker) for q in a.quotes]


@pytest.mark.parametrize("text, person, title", [
    ("Campaigner Sarah Jones said the plan was unfair.", "Sarah Jones", "Campaigner"),
    ("Striker Tom Hale scored twice on Saturday.", "Tom Hale", "Striker"),
    ("Pensioner Edith Moss, 84, said the bus was her lifeline.", "Edith Moss", "Pensioner"),
    ("The plan was opposed by headteacher Ruth Ames and parents.", "Ruth Ames", "headteacher"),
])
def test_a_false_title_is_no_name_and_the_name_after_it_is_a_person(analyze, text, person, title):
    a = analyze(text)
    assert any(e.text == person and e.label == "PERSON" for e in a.entities), [(e.text, e.label) for e in a.entities]
    assert not any(e.text == title for e in a.entities)


@pytest.mark.parametrize("headline", [
    "Council leader says 'we have no choice' over library closures",
    "Minister insists ‘the tax will stay’ despite protests",
    'Mayor vows "no more delays" on tram line',
])
def test_a_headline_quote_is_read_once(analyze, headline):
    text = headline + "\nThe city's leader, Tom Hartley, spoke to reporters on Monday about the plan.\n"
    a = analyze(text)
    heads = [q for q in a.quotes if q.start < len(headline)]
    assert len(heads) == 1 and heads[0].kind == "direct", [(q.kind, q.text, q.speaker) for q in heads]
