"""Quote attribution on short passages written for each pattern (speakers, cues, kinds)."""

import pytest


def _direct(analysis):
    return [q for q in analysis.quotes if q.kind == "direct"]


def _by_text(analysis, fragment, kind=None):
    hits = [q for q in analysis.quotes if fragment in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote containing {fragment!r}: {[q.text for q in analysis.quotes]}"
    return hits[0]


def test_said_after_the_quote(analyze):
    a = analyze("Angela Merkel spoke in Berlin on Monday. “We will not give in,” Merkel said.")
    q = _by_text(a, "We will not give in")
    assert q.speaker.endswith("Merkel")
    assert q.cue == "said"
    assert "right after the quote" in q.explanation


def test_said_before_the_quote_with_straight_marks(analyze):
    a = analyze('The senator Elizabeth Warren said, "This bank is too big to manage."')
    q = _by_text(a, "too big to manage")
    assert q.speaker == "Elizabeth Warren"
    assert "before the quote" in q.explanation


def test_inverted_said_name(analyze):
    a = analyze("“The budget is balanced,” said Rishi Sunak, the chancellor.")
    assert _by_text(a, "budget is balanced").speaker == "Rishi Sunak"


def test_according_to(analyze):
    a = analyze("The plan is “dead on arrival,” according to Senator Chuck Schumer.")
    q = _by_text(a, "dead on arrival", "direct")
    assert q.speaker == "Chuck Schumer"
    assert q.cue == "according to"


def test_colon_introduction(analyze):
    a = analyze("Governor Gavin Newsom put it bluntly on Tuesday:\n\n“This is a crisis and we will treat it as one.”")
    q = _by_text(a, "This is a crisis")
    assert q.speaker == "Gavin Newsom"
    assert "colon" in q.explanation or "introduced" in q.explanation


def test_pronoun_speaker_keeps_mention_and_resolves_actor(analyze):
    text = "Boris Johnson arrived late. “I have nothing to add,” he said."
    a = analyze(text)
    q = _by_text(a, "nothing to add")
    assert q.speaker == "Boris Johnson"
    assert q.speaker_text == "he"
    assert text[q.speaker_start:q.speaker_end] == "he"


def test_follow_on_quote_continues_the_last_speaker(analyze):
    a = analyze("“We are ready,” Olaf Scholz said. “The army is not.”\n\nThe talks ended at noon.")
    q = _by_text(a, "The army is not")
    assert q.speaker == "Olaf Scholz"
    assert "continues" in q.explanation


def test_follow_on_stops_after_a_sentence_of_narration(analyze):
    a = analyze("“We are ready,” Olaf Scholz said. The talks then ended. Later, a new quote: no. “Surprise.”")
    q = _by_text(a, "Surprise")
    assert q.speaker != "Olaf Scholz" or "continues" not in q.explanation


def test_relayed_quote_names_speaker_and_relayer(analyze):
    a = analyze("Kremlin spokesman Dmitry Peskov told reporters that Putin had told Macron of “deep concern.”")
    q = _by_text(a, "deep concern", "direct")
    assert q.speaker.endswith("Putin")
    assert q.relayed_by == "Dmitry Peskov"


def test_question_from_unnamed_reporter_has_no_speaker(analyze):
    a = analyze("Biden took a few questions, including one about whether he saw Iran as “a partner in this process.” He paused.")
    q = _by_text(a, "a partner in this process")
    assert q.speaker is None
    assert "question" in q.explanation


def test_speech_noun_gives_the_possessor(analyze):
    a = analyze("Voters remember Emmanuel Macron and his promise to fix the roads “within a year,” which failed.")
    q = _by_text(a, "within a year")
    assert q.speaker == "Emmanuel Macron"
    assert q.speaker_text == "his"


def test_partial_quote_after_declared_that(analyze):
    a = analyze("The minister, Pete Hegseth, declared that the goal was “unrealistic.”")
    q = _by_text(a, "unrealistic", "direct")
    assert q.speaker == "Pete Hegseth"
    assert q.cue == "declared"


def test_described_as(analyze):
    a = analyze("In a social media post, Volodymyr Zelensky described the call as “meaningful.”")
    q = _by_text(a, "meaningful", "direct")
    assert q.speaker == "Volodymyr Zelensky"
    assert q.channel and "social media post" in q.channel


def test_channel_and_setting(analyze):
    a = analyze("“We will meet soon,” Donald Trump wrote on Truth Social. “It was fine,” Trump told reporters in Brussels.")
    first = _by_text(a, "We will meet soon")
    assert first.channel == "on Truth Social"
    second = _by_text(a, "It was fine")
    assert second.channel == "told reporters"
    assert second.setting == "in Brussels"


def test_nested_quote_points_to_outer_quote(analyze):
    a = analyze("“Putin even used my motto of ‘COMMON SENSE,’” Donald Trump wrote.")
    direct = _direct(a)
    inner = [q for q in direct if q.text.startswith("‘COMMON")][0]
    outer = [q for q in direct if q is not inner][0]
    assert inner.nested_in == a.quotes.index(outer)
    assert outer.speaker == "Donald Trump"
    assert inner.relayed_by == "Donald Trump"


def test_apostrophes_do_not_make_quotes(analyze):
    a = analyze("Putin’s aides didn’t say he’d come to Kyiv’s talks.")
    assert _direct(a) == []


def test_unclosed_quote_is_kept_and_flagged(analyze):
    a = analyze("Keir Starmer said “we will not change course.\n\nThe vote is on Friday, and “nothing” is settled.")
    q = _by_text(a, "we will not change course")
    assert q.speaker == "Keir Starmer"
    assert "missing" in q.explanation
    assert any(x.text == "“nothing”" for x in a.quotes)


def test_multi_paragraph_quote_is_one_quote(analyze):
    text = ("Jacinda Ardern said:\n\n“We grieve together.\n\n“And we will rebuild together.”\n\nThe crowd applauded.")
    a = analyze(text)
    direct = _direct(a)
    assert len(direct) == 1
    assert direct[0].speaker == "Jacinda Ardern"
    assert "2 paragraphs" in direct[0].explanation


def test_dash_byline(analyze):
    a = analyze("Readers wrote in.\n“He does not speak for me.” ― Maria Lopez\n“Nor for me.” ― Tom Baker")
    assert _by_text(a, "He does not speak").speaker == "Maria Lopez"
    assert _by_text(a, "Nor for me").speaker == "Tom Baker"


def test_indirect_speech_said_that(analyze):
    text = "Emmanuel Macron said that Europe must build its own army."
    a = analyze(text)
    q = _by_text(a, "Europe must build", "indirect")
    assert q.speaker == "Emmanuel Macron"
    assert q.text == "Europe must build its own army"
    assert text[q.start:q.end] == q.text


def test_indirect_speech_told_reporters_records_channel(analyze):
    a = analyze("Donald Trump told reporters that he and Putin might meet in Riyadh.")
    q = _by_text(a, "might meet", "indirect")
    assert q.speaker == "Donald Trump"
    assert q.channel == "told reporters"


def test_descriptive_speaker_keeps_its_words(analyze):
    a = analyze("“The deal is off,” a senior official said on Friday.")
    q = _by_text(a, "The deal is off")
    assert q.speaker_text == "a senior official"
    assert q.speaker == "a senior official"


def test_quoted_title_of_a_show_is_not_a_quote(analyze):
    a = analyze("Mike Pence said on “Fox News Sunday” that the debate would be fair.")
    assert not any("Fox News Sunday" in q.text for q in _direct(a))


def test_no_speaker_when_nothing_points_to_one(analyze):
    a = analyze("The word “unprecedented” appears often in coverage of the election.")
    q = _by_text(a, "unprecedented")
    assert q.speaker is None
    assert q.explanation


OPENING_MARKS = "“‘\"'«„"
CLOSING_MARKS = "”’\"'»“"


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("   ", []),
    ("“", []),                      # a lone mark opens nothing
    ("”", []),
    ("” x “", []),                  # a closing mark first, an opening mark last: no quote
    ("”’‘\"'", [(2, 5, True)]),     # only ‘…' pairs
    ("“a\n\n“b\n\n“c", [(0, 10, False)]),  # a quote over three paragraphs, never closed
    ("a “ b", [(2, 5, False)]),     # open to the end of its paragraph
    ("“one” “two” “", [(0, 5, True), (6, 11, True)]),
])
def test_odd_mark_counts_give_spans_between_marks(text, expected):
    from rhetoric.quotes import find_marked_spans

    spans = find_marked_spans(text)
    assert [(m.start, m.end, m.closed) for m in spans] == expected
    for m in spans:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start] in OPENING_MARKS
        if m.closed:
            assert text[m.end - 1] in CLOSING_MARKS


def test_every_quote_span_indexes_the_text(analyze):
    text = "“One,” said Ann Lee. She added that “two” was next, and Bob Ray said three was fine."
    a = analyze(text)
    assert {q.speaker for q in a.quotes} == {"Ann Lee", "Bob Ray"}
    assert sum(q.kind == "direct" for q in a.quotes) == 2 and any(q.speaker_start is not None for q in a.quotes)
    for q in a.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_a_quote_in_a_title_case_headline_is_the_governors(analyze):
    # (issue 15: a headline's quote belongs to the person the body names; it was dropped before)
    text = ("Governor Says Budget Plan Is ‘Reckless’ And Vows A Fight\n\n"
            "The governor attacked the plan on Monday. “It is reckless,” Governor Ann Ruiz said.")
    a = analyze(text)
    head = _by_text(a, "‘Reckless’", "direct")
    assert head.speaker == "Ann Ruiz" and a.text[head.speaker_start:head.speaker_end] == "Governor"
    assert _by_text(a, "It is reckless").speaker == "Ann Ruiz"


def test_a_time_stamp_is_never_a_speaker(analyze):
    text = "4:15 p.m.\n\nThe mayor’s doctor is calling her “remarkably fit.”"
    a = analyze(text)
    q = _by_text(a, "remarkably fit")
    assert q.speaker is None or "p.m." not in q.speaker


def test_speaking_it_resolves_to_the_organisation_before_it(analyze):
    text = ("The Acme Corporation issued a statement on Friday. It said the recall was “a precaution, "
            "nothing more.”")
    q = _by_text(analyze(text), "a precaution")
    assert q.speaker_text == "It"
    assert q.speaker and "Acme" in q.speaker


def test_after_saying_takes_the_subject_of_the_main_clause(analyze):
    text = "After saying her knee was “too sore to run,” Mia Ortiz withdrew from the race."
    q = _by_text(analyze(text), "too sore to run")
    assert q.speaker == "Mia Ortiz"


def test_question_then_a_short_speaker_sentence(analyze):
    text = ("Tom Baker spoke first. “We will win,” Baker said.\n"
            "“How many times must we ask for help?” Ann Lee said. “Nobody listens.”")
    q = _by_text(analyze(text), "How many times")
    assert q.speaker == "Ann Lee"


def test_role_phrase_after_a_multiword_office(analyze):
    text = ("Former Secretary of State Ann Lee visited Ohio on Monday. The former secretary said that "
            "the plant would reopen next spring.")
    q = [q for q in analyze(text).quotes if q.kind == "indirect" and "plant would reopen" in q.text][0]
    assert q.speaker == "Ann Lee"
    assert q.speaker_text == "The former secretary"
