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


def test_marking_buttons_show_the_marks_that_are_the_clue_and_split_at_dashes():
    # 04.3's hint says one verb is inside a quotation: the buttons must show the quotation marks
    from rhetoric import course
    from rhetoric.exercises import annotate, registry

    text = course.seed_text()
    for ex_id in ("03.5", "04.3"):
        ex = registry.get(ex_id)
        words = annotate.words(ex)
        shown = [annotate.shown_word(text, s, e) for s, e, _ in words]
        assert not any("—" in w or "–" in w for w in shown), [w for w in shown if "—" in w]
        assert all(text[s:e] in shown_w for (s, e, _), shown_w in zip(words, shown))
    shown_43 = [annotate.shown_word(text, s, e) for s, e, _ in annotate.words(registry.get("04.3"))]
    assert any(w.startswith("“") for w in shown_43) and any(w.endswith("”") for w in shown_43)


@pytest.mark.parametrize("text, start, end, shown", [
    ("He said “agreed, fully.” Then", 9, 15, "“agreed,"),
    ("the States—and the House", 4, 10, "States"),
    ("(as expected) it", 4, 12, "expected)"),
])
def test_shown_word_keeps_attached_marks_only(text, start, end, shown):
    from rhetoric.exercises.annotate import shown_word

    assert shown_word(text, start, end) == shown


@pytest.mark.parametrize("text, speaker", [
    ("Campaigner Sarah Jones said the plan was a decision critics called 'a disgrace'.", "critics"),
    ("The mayor defended a budget residents called “a betrayal.”", "residents"),
    ("Ministers dropped a plan farmers described as “ruinous.”", "farmers"),
])
def test_a_singular_noun_glued_to_a_plural_speaker_is_not_part_of_it(analyze, text, speaker):
    # "a decision critics called …" is "a decision [that] critics called …": "a" cannot go with "critics"
    a = analyze(text)
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert direct and direct[-1].speaker == speaker, [(q.text, q.speaker) for q in direct]
