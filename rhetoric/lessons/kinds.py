"""The kinds of exercise a lesson can hold: what each asks, its options, its general hint.

A kind names the layer of the analysis it comes from (``layer``, also the key of its figure in
``rhetoric.reliability``) and how it is answered (``answer``): ``choice`` (one option),
``verb_stance`` (a word of the sentence and a stance), ``marks`` (words marked in a passage) or
``coding`` (yes/no per question, no key).
"""

from __future__ import annotations

NOBODY = "nobody named"
NOT_SAID = "the sentence does not say"
NOT_A_NAME = "not a name"

#: What kind of name: the kit's actor types in the words the learner chooses from.
NAME_KINDS = ("person", "place", "organisation", "group", NOT_A_NAME)

#: spaCy labels (after the kit's corrections) as the kinds of name above.
LABEL_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation",
              "NORP": "group"}

#: The stances of reporting verbs (``data/lexicons/reporting_frames.json``).
STANCES = ("neutral", "assertive", "distancing", "factive", "tentative")

KINDS: dict[str, dict[str, str]] = {
    "entity_label": {
        "title": "What kind of name?",
        "layer": "entities",
        "answer": "choice",
        "general": ("Ask what the name stands for in this sentence: someone who can speak and act (a person), "
                    "somewhere on a map (a place: a country, city or region), a named body such as a government, "
                    "party, company or agency (an organisation), or a people or nationality (a group)."),
    },
    "speaker": {
        "title": "Who said this?",
        "layer": "quotes",
        "answer": "choice",
        "general": ("Find the word that reports the speech (said, wrote, told, a promise, a statement) near the quote: "
                    "whoever does that reporting word is the speaker. A pronoun (he, she, they) stands for someone "
                    f"named earlier. If the article names nobody, choose “{NOBODY}”."),
    },
    "reporting_verb": {
        "title": "Which reporting verb, and what stance?",
        "layer": "reporting_verb",
        "answer": "verb_stance",
        "general": ("A reporting verb tells you that someone spoke or wrote, and its choice colours what was said: "
                    "neutral (said, told), assertive (insisted, warned), distancing (claimed, alleged: the writer does "
                    "not vouch for it), factive (revealed, acknowledged: the writer vouches for it), tentative "
                    "(suggested, floated)."),
    },
    "hedge_booster": {
        "title": "Words that weaken or strengthen a claim",
        "layer": "hedge",
        "answer": "marks",
        "general": ("A hedge holds back full commitment (may, likely, nearly, seems, in a sense); a booster shuts out "
                    "doubt (clearly, surely, of course, made clear). Read each claim of the writer and ask: how sure "
                    "does the writer sound, and which word makes it so?"),
    },
    "loaded": {
        "title": "Words that judge",
        "layer": "loaded",
        "answer": "marks",
        "general": ("A loaded word does more than describe: it praises or condemns someone (brave, reckless), rates "
                    "a thing (disastrous, stunning) or stirs a feeling (terrorize, outrage). Ask of each adjective, "
                    "adverb and vivid verb: could a neutral reporter have used a plainer word?"),
    },
    "agent": {
        "title": "Who did it?",
        "layer": "agency",
        "answer": "choice",
        "general": ("A passive (“was brokered”, “were killed”) can leave out who did it. Look for a “by …” phrase "
                    "that names the doer; if there is none, the sentence hides the doer, whoever you may guess it is."),
    },
    "sourcing": {
        "title": "Who is heard most?",
        "layer": "quotes",
        "answer": "choice",
        "general": ("Count the quotes of each speaker, in quotation marks and reported (“X said that …”): whose "
                    "words fill the article, and whose are missing?"),
    },
    "frames": {
        "title": "How is the story framed?",
        "layer": "frames",
        "answer": "coding",
        "general": ("Answer each question yes or no for the whole article (Semetko and Valkenburg's questions). "
                    "There is no key: compare your answers with the kit's and your classmates', and say why."),
    },
}
