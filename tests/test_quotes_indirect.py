"""Indirect speech on passages written for each rule: content spans, speakers, relayers,
explanations. General rules, each pinned on a sentence of our own (not the seed's)."""

import re


def _indirect(analysis):
    return [q for q in analysis.quotes if q.kind == "indirect"]


def _one(analysis, fragment):
    hits = [q for q in _indirect(analysis) if fragment in q.text]
    assert hits, f"no indirect quote containing {fragment!r}: {[q.text for q in _indirect(analysis)]}"
    return hits[0]


def test_role_phrase_resolves_to_the_person_the_sentence_names(analyze):
    text = ("At the summit, a reporter asked Emmanuel Macron which ally he trusted, Berlin or German Chancellor "
            "Olaf Scholz—and the French president made clear that he preferred his German counterpart.")
    q = _one(analyze(text), "he preferred")
    assert q.text == "he preferred his German counterpart"
    assert q.speaker == "Emmanuel Macron"
    assert q.speaker_text == "the French president"
    assert q.relayed_by is None


def test_role_phrase_with_a_foreign_title_is_not_that_person(analyze):
    # the only person named is another country's president: keep the phrase as written
    text = "Brazilian President Luiz Lula met aides on Monday. The U.S. president said that the talks had failed badly."
    q = _one(analyze(text), "the talks had failed")
    assert q.speaker != "Luiz Lula"
    assert q.speaker_text == "The U.S. president"


def test_the_writer_never_relays_a_clause_with_its_own_subject(analyze):
    text = "I asked the minister, Anna Berg, whether taxes would rise, and Berg said that they would rise in spring."
    a = analyze(text)
    q = _one(a, "they would rise in spring")
    assert q.speaker == "Anna Berg"
    assert q.relayed_by is None
    assert not any(q.text.startswith("whether") and q.speaker == "the author" for q in _indirect(a))


def test_content_never_starts_with_punctuation(analyze):
    text = ("At a hearing, I asked Senator Mark Hale whom he believed about the leak, his staff or the "
            "police—and the senator made clear that he trusted the police more.")
    a = analyze(text)
    found = _indirect(a)
    assert [q.text for q in found] == ["he trusted the police more"]
    for q in found:
        assert re.match(r"\w|[“\"‘]", q.text), q.text
        assert "—" not in q.text, q.text


def test_content_ends_at_a_dash_that_opens_the_writers_comment(analyze):
    text = ("A government spokesman, Lars Holm, told reporters that Berg had promised voters “a fair deal for "
            "every farmer”—a sign that the coalition will not cut subsidies before the election.")
    a = analyze(text)
    q = _one(a, "Berg had promised")
    assert q.text.endswith("every farmer”")
    assert "a sign" not in q.text
    assert q.speaker == "Lars Holm"
    assert not any("coalition will not cut" in x.text for x in _indirect(a))


def test_paired_dashes_around_an_aside_stay_in_the_content(analyze):
    text = "Lars Holm said that the plan—drafted in secret last year—would cost far more than promised."
    q = _one(analyze(text), "the plan")
    assert q.text.endswith("would cost far more than promised")


def test_assure_of_an_event_is_not_speech(analyze):
    text = "The court struck down the law on Friday, all but assuring that the tax will never be collected."
    assert not any("tax will never" in q.text for q in _indirect(analyze(text)))


def test_assure_with_a_human_subject_is_speech(analyze):
    text = "Lars Holm assured farmers that the tax will never be collected."
    q = _one(analyze(text), "the tax will never be collected")
    assert q.speaker == "Lars Holm"


def test_cue_split_from_its_clause_by_an_aside(analyze):
    text = ("Mia Ortiz has been criticised for her comments, including when she suggested, soon after the vote, "
            "that the count had been rigged by officials.")
    q = _one(analyze(text), "the count had been rigged")
    assert q.text == "the count had been rigged by officials"
    assert q.speaker == "Mia Ortiz"
    assert q.speaker_text == "she"
    assert q.relayed_by is None


def test_framed_as_is_a_characterisation(analyze):
    text = "The mayor cut the budget, a step that City Hall framed as the start of a leaner era for the city."
    q = _one(analyze(text), "the start of a leaner era")
    assert q.speaker == "City Hall"
    assert q.text == "the start of a leaner era for the city"
    assert "characterisation" in q.explanation


def test_explanations_are_grammatical_and_name_the_speaker(analyze):
    text = ("Defense minister Pete Larsen spoke in Oslo. Larsen chose the moment to declare that the army "
            "would grow. And he urged allies to spend more, saying that the threat was real.")
    a = analyze(text)
    d = _one(a, "the army would grow")
    assert d.explanation.startswith("reported speech: what Pete Larsen declared ('Larsen chose the moment to declare')")
    s = _one(a, "the threat was real")
    assert "what Pete Larsen said (" in s.explanation
    for q in _indirect(a):
        assert "relayed by I" not in q.explanation
        assert "' (" not in q.explanation.split("(")[0]


def test_told_reads_as_said_in_the_explanation(analyze):
    q = _one(analyze("Donald Trump told reporters that he and Putin might meet in Riyadh."), "might meet")
    assert "what Donald Trump said ('Donald Trump told')" in q.explanation


def test_parenthetical_cue_reports_the_clause_around_it(analyze):
    text = "But to avoid delays, Lars Holm said, every county should hire more clerks before the vote."
    q = _one(analyze(text), "every county should hire")
    assert q.speaker == "Lars Holm"
    assert "said" not in q.text


def test_content_stays_in_the_cues_paragraph(analyze):
    text = "Officials should stay calm, the mayor said on Monday\n\nThe city then closed its schools for a week."
    a = analyze(text)
    found = _indirect(a)
    assert [q.text for q in found] == ["Officials should stay calm"]
    assert found[0].speaker == "the mayor"
    for q in found:
        assert "\n" not in q.text


def test_urged_x_to_is_a_reported_demand(analyze):
    q = _one(analyze("Lars Holm urged farmers to sell their grain before winter."), "farmers to sell")
    assert q.text == "farmers to sell their grain before winter"
    assert q.speaker == "Lars Holm"


def test_called_for_and_called_x_y(analyze):
    a = analyze("Mia Ortiz called for a recount in every county. She called the result a disgrace.")
    assert _one(a, "a recount").text == "a recount in every county"
    assert _one(a, "the result a disgrace").speaker == "Mia Ortiz"


def test_a_thing_that_urges_is_not_a_speaker(analyze):
    a = analyze("The heat urged the crowd to seek shade under the trees.")
    assert not _indirect(a)


def test_the_with_an_ordinal_is_no_person_for_she(analyze):
    text = ("Ava Reed said the 19th Amendment deserved a film because “few people know its history,” she said.")
    q = [q for q in analyze(text).quotes if q.kind == "direct"][0]
    assert q.speaker == "Ava Reed"
