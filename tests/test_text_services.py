"""The shared text services: article structure (rhetoric.layout), negation scope
(rhetoric.negation) and closed-class English (rhetoric.english)."""

import pytest

from rhetoric.english import pronoun_gender
from rhetoric.layout import byline_names, dateline_places, results_row, structure, transcript_labels
from rhetoric.negation import is_negated, negation_cue


def _kinds(text):
    return [(p.kind, text[p.start:p.end]) for p in structure(text).parts]


@pytest.mark.parametrize("text, expected", [
    ("Harbour Plan Wins Council Vote\nThe council voted 7-2 on Monday to back the harbour plan, despite protests.\n",
     [("headline", "Harbour Plan Wins Council Vote")]),
    ("STORM CUTS POWER TO 40,000 HOMES .\nThe storm reached the coast on Sunday night and cut power lines across the county .\n",
     [("headline", "STORM CUTS POWER TO 40,000 HOMES .")]),
    ("Mayor Resigns Over Budget Row.\n\nThe mayor of the city resigned on Friday after a long row over the budget.\n",
     [("headline", "Mayor Resigns Over Budget Row.")]),
])
def test_a_headline_is_the_first_line_of_an_article(text, expected):
    assert _kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Today, the storm ended, at least for now.\nThe council met on Monday to count the cost of the damage.\n",
    "Only one line here, nothing after it\n",
])
def test_a_first_sentence_is_no_headline(text):
    assert structure(text).headlines == []


@pytest.mark.parametrize("line, kind", [
    ("By MARTA KOVALENKO and DEREK ASHWORTH", "byline"),
    ("By Jane O'Neill", "byline"),
    ("-- Chris Aspin , Mexico City newsroom", "byline"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "byline"),
    ("LONDON 1996-08-30", "dateline"),
    ("AL-AIN , United Arab Emirates 1996-12-06", "dateline"),
])
def test_bylines_sign_offs_and_datelines_are_not_headlines(line, kind):
    text = ("Council Approves New Harbour Budget\n"
            "The council approved the budget on Monday after a debate that lasted most of the day.\n"
            f"{line}\nThe vote was close, and the opposition said it would appeal against the decision.\n")
    kinds = _kinds(text)
    assert (kind, line) in kinds
    assert ("headline", line) not in kinds and ("subhead", line) not in kinds


def test_a_dateline_opening_the_body_is_the_place_only():
    text = "Rail Strike Halts Trains\nLUBLIN, Poland (AP) — Rail workers walked out on Tuesday over pay and hours.\n"
    assert ("dateline", "LUBLIN, Poland") in _kinds(text)
    text = "Rail Strike Halts Trains\nWASHINGTON — Rail workers walked out on Tuesday over pay and hours.\n"
    assert ("dateline", "WASHINGTON") in _kinds(text)


def test_results_rows_are_not_subheads():
    text = ("Results Of The Weekend Games\nThe league played its full programme on Saturday with few surprises .\n"
            "Manchester United 3 Arsenal 1\nThe champions stayed top after a comfortable win at home on Saturday .\n")
    assert ("subhead", "Manchester United 3 Arsenal 1") not in _kinds(text)


def test_a_title_case_line_between_paragraphs_is_a_subhead():
    text = ("Council Approves New Harbour Budget\n"
            "The council approved the budget on Monday after a debate that lasted most of the day.\n"
            "What Happens Next For Residents\n"
            "Residents will see the first works in spring, the council said in a statement on Monday.\n")
    assert ("subhead", "What Happens Next For Residents") in _kinds(text)


@pytest.mark.parametrize("sentence, word, cue", [
    ("The inquiry found no evidence of corruption at the agency.", "corruption", "no"),
    ("The spokesman refused to call the pullback a defeat.", "call", "refused"),
    ("Petrov did not say that the troops would withdraw.", "say", "not"),
    ("His aides declined to clarify the remarks.", "clarify", "declined"),
    ("It was not a defeat.", "defeat", "not"),
    ("The mayor is not corrupt.", "corrupt", "not"),
    ("She never met the minister.", "met", "never"),
    ("He no longer backs the plan.", "backs", "longer"),
    ("Officials failed to make clear what happened.", "make", "failed"),
    ("No corrupt official was charged.", "corrupt", "No"),
])
def test_negation_cue_finds_what_denies_a_word(nlp, sentence, word, cue):
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    found = negation_cue(tok)
    assert found is not None and found.text == cue


@pytest.mark.parametrize("sentence, word", [
    ("The inquiry found evidence of corruption at the agency.", "corruption"),
    ("The mayor is corrupt.", "corrupt"),
    ("He did not mention the massacre.", "massacre"),
    ("She met the minister on Monday.", "met"),
    ("The spokesman agreed to call the pullback a defeat.", "call"),
])
def test_affirmed_words_are_not_negated(nlp, sentence, word):
    doc = nlp(sentence)
    assert not is_negated(next(t for t in doc if t.text == word))


def test_pronoun_gender():
    assert [pronoun_gender(w) for w in ("He", "her", "its", "them", "you")] == ["male", "female", "neuter", "plural", None]


# ----------------------------------------------------------------- places, names and rows the entity layer reads


def _texts(text, ranges):
    return [text[a:b] for a, b in ranges]


@pytest.mark.parametrize("line, places", [
    ("LUBLIN, Poland (AP) — Rail workers walked out on Tuesday over pay and hours.", ["LUBLIN", "Poland"]),
    ("KHASAVYURT , Russia 1996-08-30", ["KHASAVYURT", "Russia"]),
    ("MARSEILLE 1997-03-02", ["MARSEILLE"]),
    ("ST. LOUIS — The team sold its stadium to the city on Monday after a long fight.", ["ST. LOUIS"]),
])
def test_dateline_places_split_at_commas_without_the_date(line, places):
    text = f"Rail Strike Halts Trains\n{line}\nWorkers said the strike would last a week, and the company said it would talk.\n"
    assert _texts(text, dateline_places(text)) == places


@pytest.mark.parametrize("line, names", [
    ("By MARTA KOVALENKO and DEREK ASHWORTH", ["MARTA KOVALENKO", "DEREK ASHWORTH"]),
    ("By Jane O'Neill, Tom Price and Ana de la Cruz", ["Jane O'Neill", "Tom Price", "Ana de la Cruz"]),
    ("-- Chris Aspin , Mexico City newsroom", ["Chris Aspin"]),
    ("(Reporting by Jane Roe; Editing by John Doe)", ["Jane Roe", "John Doe"]),
    ("By Staff", []),
])
def test_byline_names_are_the_people_it_credits(line, names):
    text = ("Council Approves New Harbour Budget\n"
            "The council approved the budget on Monday after a debate that lasted most of the day.\n"
            f"{line}\n")
    assert _texts(text, byline_names(text)) == names


@pytest.mark.parametrize("line, kind", [
    ("Harwick 4 3 1 0 7 4 10", "standing"),
    ("DUNMORE 69 65 .515 5 1/2", "standing"),
    ("Harwick 2 Port Ellis 0", "score"),
    ("Norway 2 , Iceland 0 ( halftime 0-0 )", "score"),
    ("Harwick v Dunmore", "fixture"),
    ("BOSTON AT OAKLAND", "fixture"),
    ("4. Ilse Vandermeer ( Belgium ) 4:09.25", "ranked"),
    ("The council voted 7 to 2 on Monday.", None),
    ("In 2019 3 people died in the fire.", None),
    ("PRESS DIGEST - Tunisia - Aug 31 .", None),
])
def test_results_rows_by_kind(line, kind):
    assert results_row(line) == kind


def test_transcript_labels_without_the_affiliation():
    text = ("SEN. ROSALIND ACHTERBERG, FINANCE COMMITTEE: We are not going to vote for it.\n"
            "HOST: So what happens on Friday?\nACHTERBERG: Then the government shuts down.\n"
            "The senator left at noon: nobody followed.\n")
    assert _texts(text, transcript_labels(text)) == ["SEN. ROSALIND ACHTERBERG", "HOST", "ACHTERBERG"]
