"""Closed-class English: the small, fixed word classes every layer needs, in one place.

Open-class knowledge (reporting verbs, hedges, loaded words, titles...) lives in ``data/``;
the words here are grammar, not knowledge, and do not change with the news (as spaCy keeps
``spacy/lang/en``). All sets hold lower-case forms.
"""

from __future__ import annotations

#: Third-person pronouns by grammatical gender, and the first and second person.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
GROUP_PRONOUNS = NEUTER_PRONOUNS | PLURAL_PRONOUNS
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
THIRD_PERSON = PERSON_PRONOUNS | GROUP_PRONOUNS
PERSONAL_PRONOUNS = FIRST_PERSON | SECOND_PERSON | THIRD_PERSON

#: Relative and interrogative words.
WH_WORDS = frozenset({"who", "whom", "whose", "which", "what", "when", "where", "why", "how", "whether", "that"})

#: Words that deny what follows ("not", "never", "no longer").
NEGATORS = frozenset({"not", "n't", "never", "no", "nor", "neither", "none", "nobody", "nothing", "without"})
#: Determiners that deny their noun ("no evidence", "neither side").
NEGATIVE_DETERMINERS = frozenset({"no", "neither", "nor"})
#: Nouns of the fronted negative phrases that deny the verb after them ("at no point did he say",
#: "under no circumstances", "in no way", "on no account", "by no means", "at no time").
NEGATIVE_ADVERBIAL_NOUNS = frozenset({"point", "time", "stage", "moment", "way", "circumstance", "account", "means"})


def pronoun_gender(word: str) -> str | None:
    """``"male"``, ``"female"``, ``"neuter"``, ``"plural"`` for a third-person pronoun, else ``None``."""
    low = word.lower()
    if low in MALE_PRONOUNS:
        return "male"
    if low in FEMALE_PRONOUNS:
        return "female"
    if low in NEUTER_PRONOUNS:
        return "neuter"
    if low in PLURAL_PRONOUNS:
        return "plural"
    return None

#: Subordinators that make a clause a condition ("if the talks fail", "unless he resigns").
CONDITIONAL_SUBORDINATORS = frozenset({"if", "unless"})
#: Subordinators that open an indirect question ("asked whether", "did not say if").
QUESTION_SUBORDINATORS = frozenset({"whether", "if"})
#: Pronouns that deny their clause when they are its subject ("nobody doubts", "no one could say").
NEGATIVE_PRONOUNS = frozenset({"nobody", "no-one", "noone", "none", "nothing", "neither"})
#: Subordinators of purpose ("so she could vote", "so that they might see").
PURPOSE_SUBORDINATORS = frozenset({"so"})

#: Relative pronouns that can be a clause's subject ("officials who said", "a report that found").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
#: Interrogative words that open a question or an indirect question ("asked who", "did not say when").
QUESTION_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})
#: Words that open an indirect question: the interrogatives and 'whether' / 'if'.
INDIRECT_QUESTION_OPENERS = QUESTION_WORDS | QUESTION_SUBORDINATORS

#: Personal pronouns in the subject and object case (no possessives), 'it' excluded: words that
#: can only stand for a person or a group of people; with 'who' / 'whom'.
PERSONAL_SUBJECT_OBJECT = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"})
PERSON_WORDS = PERSONAL_SUBJECT_OBJECT | {"who", "whom"}
#: First- and second-person objects ("told me", "warned us", "asked you").
SPEECH_PARTICIPANT_OBJECTS = frozenset({"me", "us", "you"})
#: Reflexive pronouns ("defended himself").
REFLEXIVE_PRONOUNS = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                                "themselves"})
THIRD_PERSON_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})

#: Prepositions and subordinators of time that put a clause beside the main event ("after
#: meeting Putin", "while speaking to reporters", "despite saying").
TIME_PREPOSITIONS = frozenset({"after", "before", "while", "since", "upon", "on", "in", "without", "despite"})
#: Words Title Case leaves lower-case ("The Art of the Deal").
TITLE_CASE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                                    "from", "is", "it"})
#: Prepositions and determiners that can stand before the name of a work or event ("on “Fox News
#: Sunday”", "in his “Art of the Deal”", "during a “Commander-in-Chief Forum”").
WORK_TITLE_LEADERS = frozenset({"on", "in", "of", "from", "the", "a", "an", "this", "that", "his", "her", "their",
                                "its", "our", "my", "your"})
#: Words that open a clause and are not part of what it says ("that", "and", "but", "or").
CLAUSE_OPENERS = frozenset({"that", "and", "but", "or"})

#: Cardinal numbers in words, zero to twelve (index = value).
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")

#: Subordinators of time, cause, condition and concession ("when she spoke", "because he said");
#: 'as' is left out: it also attributes ("as Smith said").
CIRCUMSTANCE_SUBORDINATORS = frozenset({"when", "whenever", "while", "after", "before", "because", "since",
                                        "until", "once", "if", "unless", "although", "though"})

#: Words that open a noun phrase or a clause, never a name: articles, demonstratives, possessive
#: pronouns and wh-words ("The Gap Goes On:", "Our Plan:", "What Comes Next:" head a section, not a turn).
PHRASE_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her",
                            "its", "their"}) | (WH_WORDS - {"who"})


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 quote", "3 quotes": a count with its noun in the right number (``plural`` for irregular
    nouns, else the noun + "s")."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
