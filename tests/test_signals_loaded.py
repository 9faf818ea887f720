"""Loaded words: each rule and each false friend, on sentences written for these tests
(none is taken from a development corpus)."""

from __future__ import annotations

import pytest


def loaded(analysis):
    return [s for s in analysis.signals if s.category == "loaded"]


def words(analysis):
    return [s.text for s in loaded(analysis)]


def one(analysis, text):
    hits = [s for s in loaded(analysis) if s.text == text]
    assert hits, f"{text!r} not flagged; got {words(analysis)}"
    return hits[0]


# --- negation: the word is there, the writer does not assert it ----------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The inquiry found no evidence of corruption at the agency.", "corruption"),
    ("The auditors said the mayor was not corrupt.", "corrupt"),
    ("It was not a fiasco, whatever the opposition claims.", "fiasco"),
    ("The court found no sign of cruelty in the prison.", "cruelty"),
    ("The review saw no trace of a whitewash.", "whitewash"),
])
def test_a_denied_loaded_word_is_kept_and_marked_negated(analyze, sentence, word):
    sig = one(analyze(sentence), word)
    assert sig.negated
    assert "denied here" in sig.explanation and "does not assert" in sig.explanation


@pytest.mark.parametrize("sentence, word", [
    ("The inquiry found evidence of corruption at the agency.", "corruption"),
    ("The auditors said the mayor was corrupt.", "corrupt"),
    ("The launch was a fiasco.", "fiasco"),
])
def test_an_asserted_loaded_word_is_not_negated(analyze, sentence, word):
    sig = one(analyze(sentence), word)
    assert not sig.negated and "denied" not in sig.explanation


# --- phrases: hyphenated compounds and character adjectives before people ------------------

def test_attention_craving_ambitious_senators(analyze):
    got = words(analyze("These attention-craving, politically ambitious Senators want headlines."))
    assert "attention-craving" in got and "politically ambitious" in got


@pytest.mark.parametrize("sentence, phrase", [
    ("The power-hungry governor refused to leave.", "power-hungry"),
    ("A publicity-seeking mayor called a press conference.", "publicity-seeking"),
    ("Voters are tired of self-serving bureaucrats.", "self-serving"),
    ("The fame-obsessed candidate hired a stylist.", "fame-obsessed"),
])
def test_a_drive_compound_before_a_person_is_loaded(analyze, sentence, phrase):
    assert phrase in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "The cost-cutting plan was approved on Monday.",
    "The long-serving clerk retired after forty years.",
    "The record-breaking heat lasted a week.",
])
def test_compounds_that_describe_are_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


def test_a_character_adjective_is_loaded_of_people_only(analyze):
    assert "ambitious" in " ".join(words(analyze("The ambitious senator wants the top job.")))
    assert "calculating" in words(analyze("The minister is cold and calculating."))
    assert words(analyze("The council approved an ambitious plan for the harbour.")) == []
    assert words(analyze("The extreme heat closed the schools.")) == []


# --- name-calling, labels, emotive verbs ---------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("Masked thugs broke up the meeting.", "thugs"),
    ("The globalist elites met in a ski resort.", "globalist"),
    ("The so-called experts were wrong again.", "so-called"),
    ("The senator called his rivals warmongers.", "warmongers"),
    ("A self-styled reformer took the stage.", "self-styled"),
    ("The far-left activists blocked the road.", "far-left"),
    ("Only a crackpot would believe that.", "crackpot"),
])
def test_names_and_labels_for_people_are_loaded(analyze, sentence, word):
    got = words(analyze(sentence))
    assert any(word in g for g in got), got


@pytest.mark.parametrize("sentence, word", [
    ("The governor slams the media over the report.", "slams"),
    ("Critics blasted the decision as a betrayal.", "blasted"),
    ("The president lashed out at his former adviser.", "lashed out"),
    ("The columnist ridiculed the proposal.", "ridiculed"),
    ("The senator lied to the committee.", "lied"),
])
def test_emotive_verbs_are_loaded(analyze, sentence, word):
    assert word in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "She slammed the door and left.",
    "The answer lies in the budget figures.",
    "The old ferry lies at anchor in the bay.",
])
def test_literal_uses_of_emotive_verbs_are_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


@pytest.mark.parametrize("sentence, word", [
    ("The mayor lied about the contract.", "lied"),
    ("You lied to this committee twice.", "lied"),
    ("Voters punish those who lie to them.", "lie"),
    ("They shout and lie and never apologise.", "lie"),
])
def test_lie_is_loaded_when_said_of_someone(analyze, sentence, word):
    assert word in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "Most religions regard lying as a sin.",
    "The security camera does not lie.",
    "Children learn to lie at about the age of four.",
    "He was fined for lying on a form.",
])
def test_lie_naming_the_act_in_general_or_said_of_a_thing_is_not_loaded(analyze, sentence):
    assert [w for w in words(analyze(sentence)) if w.startswith(("lie", "lying"))] == []


def test_destruction_verbs_are_loaded_of_people_and_plain_of_things(analyze):
    assert "crushed" in words(analyze("The regime crushed the opposition within a week."))
    assert "annihilated" in words(analyze("The army annihilated thousands of villagers."))
    assert "destroy" in words(analyze("They want to destroy our democracy."))
    for plain in ("The fire destroyed forty homes.", "The storm wrecked the harbour wall.",
                  "The flood ruined the harvest."):
        assert words(analyze(plain)) == [], plain


def test_an_intensifier_joins_the_loaded_word(analyze):
    assert "utterly disgraceful" in words(analyze("It was an utterly disgraceful decision."))


# --- terms of art, names of events, charges ------------------------------------------------

def test_regime_as_term_of_art_is_not_loaded(analyze):
    a = analyze("Washington has pursued regime change for decades. The sanctions regime was tightened in May.")
    assert words(a) == []


@pytest.mark.parametrize("sentence", [
    "The Iranian regime released two sailors on Friday.",
    "Talks with the Syrian regime stalled in June.",
    "Sanctions have squeezed the regime in Pyongyang.",
    "The Venezuelan regime denied the report.",
])
def test_a_government_named_by_its_country_is_not_a_fresh_judgement(analyze, sentence):
    assert "regime" not in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "Life under the Obama regime was hard for them, he wrote.",
    "A brutal regime jailed the poet.",
])
def test_regime_for_a_person_or_with_an_adjective_stays_loaded(analyze, sentence):
    assert "regime" in words(analyze(sentence))


def test_regime_in_the_writers_voice_names_a_neutral_word_once(analyze):
    a = analyze("The regime jailed three reporters. The regime denied it. Later the regime freed them.")
    flagged = words(a)
    assert flagged == ["regime"]
    sig = one(a, "regime")
    assert not sig.in_quote and "writer's word" in sig.explanation and "government" in sig.explanation


def test_a_quoted_label_is_kept_as_the_speakers_word(analyze):
    a = analyze("“These thugs and this regime must go,” said Maria Lopez, the opposition leader.")
    for word in ("thugs", "regime"):
        sig = one(a, word)
        assert sig.in_quote and sig.speaker and "quoted" in sig.explanation
    assert "speaker's choice" in one(a, "regime").explanation


@pytest.mark.parametrize("sentence", [
    "Senators discussed the Watergate scandal at length.",
    "The abuse scandal has cost the diocese millions.",
    "Survivors of the Las Vegas massacre testified on Monday.",
])
def test_the_name_of_an_event_is_not_a_fresh_judgement(analyze, sentence):
    assert words(analyze(sentence)) == []


def test_an_event_word_in_the_writers_voice_is_loaded(analyze):
    assert "scandal" in words(analyze("The new payments system is a scandal."))


@pytest.mark.parametrize("sentence", [
    "The prosecutor is investigating alleged collusion between the two firms.",
    "The mayor was charged with corruption in 2019.",
    "A corruption probe was opened last week.",
    "The company denied any collusion.",
])
def test_the_name_of_a_charge_is_not_the_writers_verdict(analyze, sentence):
    assert words(analyze(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "He was charged with bribery, extortion and fraud.",
    "She pleaded guilty to wire fraud in March.",
    "Investigators traced the bribe payments to an account in Cyprus.",
    "The court heard that the firm committed securities fraud for a decade.",
    "He served four years for insurance fraud.",
    "He was convicted of assault and corruption in 2015.",
])
def test_an_offence_named_by_its_legal_name_or_in_a_list_of_charges_is_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


def test_asserted_wrongdoing_is_loaded(analyze):
    assert "collusion" in words(analyze("Their collusion with the cartel was shameless."))
    assert "fraud" in words(analyze("The senator is a fraud who never read the bill."))
    assert "corruption" in words(analyze("The corruption in this city hall is staggering."))


@pytest.mark.parametrize("sentence", [
    "He suffered a mild traumatic brain injury.",
    "The army fired incendiary rounds at the depot.",
    "Toxic waste leaked into the river.",
    "Police are treating the attack as a hate crime.",
    "The new anti-corruption unit opened in March.",
])
def test_technical_terms_are_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


def test_figurative_uses_of_the_same_words_are_loaded(analyze):
    got = words(analyze("The office had a toxic culture, and the speech was incendiary."))
    assert {"toxic", "incendiary"} <= set(got)


def test_plain_emotion_words_are_not_loaded(analyze):
    assert words(analyze("Residents were worried about the water. Some were afraid to go out.")) == []


def test_a_word_inside_a_longer_name_is_not_loaded(analyze):
    assert words(analyze("The senator read Brave New World at school.")) == []


@pytest.mark.parametrize("sentence, word", [
    ("Outrageous. That was the word on every lip.", "Outrageous"),
    ("Disgraceful! The minister has resigned.", "Disgraceful"),
])
def test_a_one_word_exclamation_is_loaded(analyze, sentence, word):
    assert word in words(analyze(sentence))


@pytest.mark.parametrize("sentence, word", [
    ("These rats in Congress voted for it.", "rats"),
    ("Critics say the minister is a snake.", "snake"),
    ("The governor, a weasel if ever there was one, stayed silent.", "weasel"),
    ("Only a fool would sign that deal.", "fool"),
    ("The angry mob chased the reporters away.", "mob"),
])
def test_animal_words_and_insults_for_people_are_name_calling(analyze, sentence, word):
    assert word in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "Rats in the cellar ate the grain.",
    "The dogs barked all night on the farm.",
    "A snake was found in the school garden.",
])
def test_animal_words_for_animals_are_plain(analyze, sentence):
    assert words(analyze(sentence)) == []


@pytest.mark.parametrize("sentence, phrase", [
    ("Critics called the hearing a kangaroo court.", "kangaroo court"),
    ("The paper ran a hit piece on the mayor.", "hit piece"),
    ("Opponents say the country is becoming a police state.", "police state"),
    ("The senator dismissed the report as fake news.", "fake news"),
])
def test_set_phrases_that_judge_are_loaded(analyze, sentence, phrase):
    assert phrase in words(analyze(sentence))


def test_treason_as_a_charge_is_plain_and_as_a_verdict_is_loaded(analyze):
    assert words(analyze("He was charged with treason in 1951.")) == []
    assert "treason" in words(analyze("Selling the port to a rival power is treason."))


def test_a_speaker_who_takes_up_a_label_chooses_it_too(analyze):
    a = analyze("The regime jailed three reporters. “The regime is afraid of the truth,” said Maria Lopez. "
                "The regime denied it.")
    flagged = loaded(a)
    assert [s.in_quote for s in flagged if s.text == "regime"] == [False, True]


# --- page furniture: a reader poll scraped with the page is not the writer's text ------------

@pytest.mark.parametrize("poll", [
    "take our poll - story continues below\nWho is the most corrupt senator?\n* Ann Lee Bob Cray\n"
    "You may opt out at anytime.\n",
    "Take our poll - story continues below Is the mayor a disgraceful liar?\n* Yes\nNo\n"
    "You also agree to this site's Privacy Policy and Terms of Use.\n",
])
def test_a_loaded_word_in_an_embedded_reader_poll_is_not_flagged(analyze, poll):
    a = analyze("The senator made a shameful deal.\n" + poll + "The vote is on Friday.\n")
    assert words(a) == ["shameful"]


# --- adjectives of risk and significance: a label of a person, news value of a thing ----------

@pytest.mark.parametrize("sentence, word", [
    ("The senator is dangerous and everyone knows it.", "dangerous"),
    ("Critics call the governor dangerous.", "dangerous"),
    ("She is a historic leader.", "historic"),
    ("Voters elected a controversial politician.", "controversial"),
])
def test_risk_and_significance_adjectives_are_loaded_of_people(analyze, sentence, word):
    assert word in words(analyze(sentence))


@pytest.mark.parametrize("sentence", [
    "Doctors say the new strain is more dangerous than the old one.",
    "The storm is entering its most dangerous phase.",
    "The probe sent back a historic photograph of the comet.",
    "The agency issued an unprecedented warning on Monday.",
    "The court's ruling was unprecedented.",
    "The most controversial part of the bill deals with water rights.",
])
def test_risk_and_significance_adjectives_of_things_are_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


def test_a_purely_evaluative_adjective_of_an_event_stays_loaded(analyze):
    assert "remarkable" in words(analyze("It was another remarkable moment in a long career."))
    assert "extraordinary" in words(analyze("The minister made an extraordinary claim on Tuesday."))


# --- more loaded words: manner of speech, name-calling, hyperbole -----------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The minister vehemently denied the report.", "vehemently"),
    ("Critics harshly condemned the plan on Monday.", "harshly"),
    ("The columnist called the senator a loon.", "loon"),
    ("The memo was a bombshell for the campaign.", "bombshell"),
    ("Rents have skyrocketed since the plant opened.", "skyrocketed"),
    ("He described the town as a hellhole.", "hellhole"),
    ("The trading floor was in a frenzy.", "frenzy"),
    ("The whole system is rotten to the core.", "rotten"),
    ("Her rival was a spineless coward, the blog said.", "spineless"),
])
def test_words_that_colour_or_call_names_are_loaded(analyze, sentence, word):
    assert word in words(analyze(sentence))


def test_an_intensifier_joins_a_newly_listed_word(analyze):
    assert "extremely careless" in words(analyze("The report called his handling of the files extremely careless."))


@pytest.mark.parametrize("sentence", [
    "The farmer threw away the rotten apples.",
    "Workers replaced the rotten beams under the stage.",
])
def test_rotten_in_its_literal_sense_is_not_loaded(analyze, sentence):
    assert words(analyze(sentence)) == []


# --- hyphenated words of the list: the tokenizer splits them, a pattern joins them again ------

@pytest.mark.parametrize("sentence, phrase", [
    ("He is a thin-skinned bully.", "thin-skinned"),
    ("The dim-witted ambassador read the wrong speech.", "dim-witted"),
    ("Survivors told gut-wrenching stories at the hearing.", "gut-wrenching"),
    ("The plan was ill-conceived from the start.", "ill-conceived"),
    ("The self-righteous senator lectured the press.", "self-righteous"),
])
def test_a_hyphenated_loaded_word_is_found_whole(analyze, phrase, sentence):
    assert phrase in words(analyze(sentence))


def test_a_hyphenated_word_keeps_its_words_context_rule(analyze):
    assert "hot-headed" in words(analyze("The hot-headed senator stormed out of the hearing."))
    assert words(analyze("The hot-headed design of the engine was a mistake.")) == []
