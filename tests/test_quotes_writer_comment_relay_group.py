"""Issue 14's wrong labels, as rules: the writer's participle after a quote is not the speaker's,
a relayer's channel is not the speaker's, a group named after an actor takes that actor's side."""

import pytest


def _indirect(a):
    return [q for q in a.quotes if q.kind == "indirect"]


def _one(a, snippet, kind=None):
    found = [q for q in a.quotes if snippet in q.text and (kind is None or q.kind == kind)]
    assert len(found) == 1, [(q.kind, q.text) for q in a.quotes]
    return found[0]


# --- (a) the indirect content stops at the writer's participle clause after a quote ----------

@pytest.mark.parametrize("text, content, comment", [
    ("On Friday, Mia Ortiz wrote that the council had agreed to “freeze the budget for a year,” leaving the "
     "schools without new teachers.", "the council had agreed to “freeze the budget for a year,”", "leaving"),
    ("The mayor said the council had agreed to “freeze the budget for a year”, pushing the schools to the "
     "edge of closure.", "the council had agreed to “freeze the budget for a year”", "pushing"),
    ("Lars Holm told reporters that the talks would “resume next week,” effectively ending the strike before "
     "it began.", "the talks would “resume next week,”", "ending"),
    ("Senator Ann Ruiz said the bill would \"protect every worker,\" sending the measure back to committee.",
     "the bill would \"protect every worker,\"", "sending"),
])
def test_content_stops_before_the_writers_participle_after_a_quote(analyze, text, content, comment):
    q = _one(analyze(text), content.split(" ")[1], "indirect")
    assert q.text == content
    assert comment not in q.text


def test_a_participle_inside_the_quote_or_without_a_quote_before_it_stays(analyze):
    a = analyze("The minister said the reform was “ending decades of waste,” and that it would pass.")
    assert "ending decades of waste" in _one(a, "the reform was", "indirect").text
    b = analyze("The senator said the bill was dead, ending months of talks.")
    assert _one(b, "the bill was dead", "indirect").text == "the bill was dead, ending months of talks"


# --- (b) a relayed quote's channel is the relayer's -------------------------------------------

@pytest.mark.parametrize("text, speaker, relayer, relay_channel", [
    ("Kremlin spokesman Dimitri Peskov told reporters today that Putin had told Trump of “the need to end "
     "the war.”", "Putin", "Dimitri Peskov", "told reporters"),
    ("A spokeswoman, Anna Berg, said on Twitter that the minister had called the plan “a disgrace.”",
     "the minister", "Anna Berg", "on Twitter"),
    ("In an interview with CNN, Senator Mark Hale said that the president had promised him “a vote by "
     "Friday.”", "the president", "Mark Hale", "In an interview with CNN"),
])
def test_a_relayed_quotes_channel_belongs_to_the_relayer(analyze, text, speaker, relayer, relay_channel):
    q = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert len(q) == 1
    q = q[0]
    assert (q.speaker, q.relayed_by) == (speaker, relayer)
    assert q.channel is None
    assert q.relay_channel == relay_channel


def test_relayed_reported_speech_keeps_the_relayers_channel_apart(analyze):
    a = analyze("The aide told journalists that the governor had said the bridge would reopen in June.")
    inner = [q for q in _indirect(a) if q.text == "the bridge would reopen in June"]
    assert len(inner) == 1
    inner = inner[0]
    assert inner.speaker == "the governor" and inner.relayed_by == "The aide"
    assert inner.channel is None and inner.relay_channel == "told journalists"
    outer = _one(a, "the governor had said", "indirect")
    assert outer.channel == "told journalists" and outer.relay_channel is None


def test_a_speakers_own_channel_stays_the_quotes(analyze):
    q = _one(analyze("Trump told reporters at the White House that it was “unlikely that Ukraine gets all of "
                     "its land back.”"), "unlikely", "direct")
    assert q.channel == "told reporters" and q.relayed_by is None and q.relay_channel is None


# --- (c) a group named after an actor takes the actor's side ----------------------------------

def _sided(text, sides):
    from rhetoric import analyze as run

    a = run(text)
    for actor, side in sides.items():
        a.set_side(actor, side)
    return a


@pytest.mark.parametrize("text, namesake, side", [
    ("Russian officials said the talks would resume in Riyadh.", "Russian", "Russia"),
    ("Kremlin aides told reporters that Putin was ready to meet.", "Kremlin", "Russia"),
    ("U.S. intelligence agencies concluded that Russia interfered in the election.", "United States", "US"),
    ("The Kremlin's spokesman said that Putin was ready to meet.", "Kremlin", "Russia"),
    ("White House officials said the summit would take place in June.", "White House", "US"),
])
def test_a_group_named_after_an_actor_takes_its_side(text, namesake, side):
    a = _sided(text, {namesake: side})
    q = a.quotes[0]
    assert q.side_of == namesake and q.side == side
    assert f"named after {namesake}" in q.explanation


@pytest.mark.parametrize("text, namesake", [
    ("Trump critics said the deal was a surrender.", "Trump"),
    ("Russia experts said the Kremlin would not accept the plan.", "Russia"),
    ("Critics of Trump said the deal was a surrender.", "Trump"),
])
def test_a_group_that_studies_or_opposes_its_namesake_takes_no_side(text, namesake):
    a = _sided(text, {namesake: "US"})
    q = [q for q in a.quotes if q.kind == "indirect"][0]
    assert q.side_of is None and q.side == "unknown"


def test_the_seeds_us_groups_are_on_the_us_side(seed_analysis):
    aides = _one(seed_analysis, "the president sees an opportunity", "indirect")
    assert aides.speaker == "Trump aides" and aides.side == "US" and aides.side_of == "Trump"
    agencies = _one(seed_analysis, "Russia interfered", "indirect")
    assert agencies.speaker == "U.S. intelligence agencies" and agencies.side == "US"
    peskov = _one(seed_analysis, "the need to eliminate the root causes", "direct")
    assert peskov.relayed_by == "Dimitri Peskov" and peskov.relay_channel == "told reporters"
    assert peskov.channel is None
    truth = _one(seed_analysis, "have our respective teams", "indirect")
    assert "sidelines" not in truth.text and truth.text.endswith("immediately,”")
