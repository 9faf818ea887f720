"""Quote-mark pairing: curly and straight marks, nesting, apostrophes, unclosed and multi-paragraph quotes."""

import pytest

from rhetoric.quotes.marks import find_marked_spans


def _texts(text):
    return [(text[s.start:s.end], s.closed, s.parent) for s in find_marked_spans(text)]


def test_curly_double_quotes_pair_by_direction():
    text = "“We will win,” she said. “Nobody else will.”"
    assert [t for t, _, _ in _texts(text)] == ["“We will win,”", "“Nobody else will.”"]


def test_straight_double_quotes_pair_by_context():
    text = 'He said "it is over," and then "we go home."'
    assert [t for t, _, _ in _texts(text)] == ['"it is over,"', '"we go home."']


def test_guillemets_pair():
    assert [t for t, _, _ in _texts("Il a dit « non » hier.")] == ["« non »"]


def test_apostrophes_are_not_quote_marks():
    text = "Putin’s aides didn’t say he’d come; the voters’ mood in the ‘90s was calm."
    assert find_marked_spans(text) == []


def test_nested_single_quote_inside_double_quote_points_to_its_parent():
    text = "“He used my motto of ‘COMMON SENSE.’” Then he left."
    found = _texts(text)
    assert found[0][0] == "“He used my motto of ‘COMMON SENSE.’”"
    assert found[1] == ("‘COMMON SENSE.’", True, 0)


def test_straight_single_quote_nested_in_straight_double():
    found = _texts('"Don\'t say \'yes\' now," she said.')
    assert found[0][0] == '"Don\'t say \'yes\' now,"'
    assert found[1][:2] == ("'yes'", True)


def test_unclosed_mark_costs_only_its_paragraph():
    text = "She said “this never closes.\nNext paragraph says “fine” and ends."
    found = _texts(text)
    assert found[0] == ("“this never closes.", False, None)
    assert found[1] == ("“fine”", True, None)


def test_multi_paragraph_quote_continues_when_next_paragraph_reopens():
    text = "“First paragraph of the speech.\n\n“Second paragraph, and the end.” She sat down."
    found = _texts(text)
    assert len(found) == 1
    assert found[0][0].startswith("“First") and found[0][0].endswith("end.”")
    assert find_marked_spans(text)[0].paragraphs == 2


def test_stray_closing_mark_is_ignored():
    text = "A stray ” mark, then “a real quote.”"
    assert [t for t, _, _ in _texts(text)] == ["“a real quote.”"]


def test_british_single_quotes_keep_apostrophes_inside():
    text = "‘Our members’ patience is exhausted,’ said Lyle. ‘We have heard it since the ’90s.’"
    assert [t for t, _, _ in _texts(text)] == ["‘Our members’ patience is exhausted,’",
                                               "‘We have heard it since the ’90s.’"]


def test_plural_possessive_at_the_end_of_a_single_quote_still_closes_it():
    text = "She called it ‘a matter for the voters’ and left."
    assert [t for t, _, _ in _texts(text)] == ["‘a matter for the voters’"]


def test_straight_single_quotes_are_quotes_when_they_pair():
    text = "'We don't accept the council's figures,' said Pryce, of the residents' association. 'Never.'"
    assert [t for t, _, _ in _texts(text)] == ["'We don't accept the council's figures,'", "'Never.'"]


def test_straight_apostrophes_alone_are_not_quotes():
    for text in ("The '90s were the council's best years.", "Rock 'n' roll isn't dead.",
                 "The residents' association met the Joneses' lawyer."):
        assert [t for t, _, _ in _texts(text)] == [], text


def test_typewriter_double_marks_pair():
    assert [t for t, _, _ in _texts("He said ''Maybe,'' and ``never again'' later.")] == ["''Maybe,''",
                                                                                          "``never again''"]


def test_one_pairing_engine_for_signals_and_highlighting():
    from rhetoric.quotes.marks import unbalanced
    from rhetoric.signals.common import _quote_ranges

    text = "‘Our members’ patience is exhausted,’ said Lyle."
    assert [text[s:e] for s, e, _ in _quote_ranges(text, [])] == ["‘Our members’ patience is exhausted,’"]
    assert not unbalanced(text[:37]) and unbalanced(text[:8])
    assert not unbalanced("the voters’ mood") and unbalanced("said “it")


# A curly double mark typed the wrong way round (a CMS or a keyboard setting) is read by its place.
@pytest.mark.parametrize("text, quoted", [
    ("Readers wrote in.\n”Fear. I am truly afraid that he will win,” wrote Ana Cruz.",
     ["”Fear. I am truly afraid that he will win,”"]),
    ("Sanders said: “The rate is 51 percent.“\n\nLater he said “no”.", ["“The rate is 51 percent.“", "“no”"]),
    ("”Det är klart”, sa han.", ["”Det är klart”"]),
    ("“He said,” and she left “at once”.", ["“He said,”", "“at once”"]),
])
def test_a_double_mark_typed_the_wrong_way_round(text, quoted):
    assert [text[s.start:s.end] for s in find_marked_spans(text)] == quoted
    assert all(s.closed for s in find_marked_spans(text))


# 'n' for 'and' between two marks ('rock ’n’ roll', "fish 'n' chips") is an elision, inside a quote
# or outside one, in curly or straight marks: it neither closes a quote nor opens one.
@pytest.mark.parametrize("text, whole", [
    ("Publican Declan Rourke said the festival had been ‘pure rock ’n’ roll from start to finish’ and that "
     "traders were delighted.", "‘pure rock ’n’ roll from start to finish’"),
    ("'We'd open at eight,' said Clive Hatherley. 'It was rock 'n' roll every night of the week.'",
     "'It was rock 'n' roll every night of the week.'"),
    ("“It was rock 'n' roll,” said Ana Ruiz.", "“It was rock 'n' roll,”"),
])
def test_an_elided_and_stays_inside_its_quote(text, whole):
    from rhetoric.quotes.marks import find_marked_spans

    assert whole in [text[s.start:s.end] for s in find_marked_spans(text)]


@pytest.mark.parametrize("text", [
    "The band played rock 'n' roll all night, said Ana Ruiz.",
    "They sold fish ‘n’ chips by the pier, Ana Ruiz said.",
])
def test_an_elided_and_outside_quotes_is_no_quote(text):
    from rhetoric.quotes.marks import find_marked_spans

    assert [text[s.start:s.end] for s in find_marked_spans(text)] == []


def test_a_quote_opening_with_n_is_no_elision():
    from rhetoric.quotes.marks import find_marked_spans

    text = "Mayor Vows ‘No More Excuses’ on Potholes. 'Nobody asked us,' she said. ‘No,’ he said."
    assert [text[s.start:s.end] for s in find_marked_spans(text)] == ["‘No More Excuses’", "'Nobody asked us,'", "‘No,’"]
