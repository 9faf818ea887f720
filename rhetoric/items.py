"""The things an analysis finds, as plain data.

Every item is a character span of the *original* text (``text[start:end] == item.text``)
with a plain-language ``explanation`` of why it was flagged. Items are dataclasses so
that the notebooks, the CLI and the tests read the same fields, and ``to_dict`` gives
the JSON form fixed by the CLI contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Item:
    """A flagged span of the original text."""

    start: int
    end: int
    text: str
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Entity(Item):
    """A named person, place, organisation or group.

    ``label`` is the spaCy label after the kit's corrections; ``model_label`` is what the
    statistical model said (``None`` if it missed the mention altogether), so a learner
    can see every correction. ``actor`` is the canonical name of the actor it refers to.
    """

    label: str = ""
    actor: str | None = None
    model_label: str | None = None
    rule: str | None = None  # the correction rule that changed the label, if any


@dataclass
class Quote(Item):
    """Something an actor said, directly (in quote marks) or indirectly (reported).

    ``speaker`` is the canonical actor name or ``None`` when the text gives no
    attributable speaker; ``speaker_start``/``speaker_end`` locate the mention the
    attribution rests on (a pronoun keeps its own span, ``speaker`` the resolved actor).
    """

    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = "direct"  # see QUOTE_KINDS
    channel: str | None = None
    relayed_by: str | None = None
    relay_channel: str | None = None  # the relayer's channel ("told reporters"), never the speaker's
    nested_in: int | None = None  # index of the quote this one sits inside
    side: str = "unknown"
    side_of: str | None = None  # the actor a group speaker is named after ("Trump aides" -> Trump): its side
    setting: str | None = None  # where it was said, when the text says ("in Brussels")
    negated: bool = False  # words the speaker did NOT say ("refused to call it “a defeat”"): not their speech

    @property
    def in_own_words(self) -> bool:
        """The text is the speaker's own words: a quote in marks or a transcript's turn."""
        return self.kind in OWN_WORDS_KINDS


#: What a quote can be: "direct" (words in quotation marks), "transcript" (a turn of speech after
#: a speaker's label, "PENCE: Well, …"), "indirect" (reported in the writer's words), "scare"
#: (the writer's own marks around a name, a title or a word held at a distance).
QUOTE_KINDS = ("direct", "transcript", "indirect", "scare")
#: The kinds whose text is the speaker's own words.
OWN_WORDS_KINDS = ("direct", "transcript")
#: The kinds that are someone's speech and count in the sourcing balance (unless negated).
SPEECH_KINDS = ("direct", "transcript", "indirect")


@dataclass
class Signal(Item):
    """A rhetorical signal: a reporting verb, hedge, booster, loaded word, metaphor,
    agency pattern or the author's own voice. ``category`` is one of CATEGORIES."""

    category: str = ""
    subtype: str | None = None  # e.g. a reporting verb's stance, a metaphor's domain
    actor: str | None = None  # the actor the signal is about, where it applies
    in_quote: bool = False  # inside a quote: the speaker's words, not the author's
    speaker: str | None = None  # whose words, when in_quote
    target: str | None = None  # agency: the actor acted upon ("whom" in who does what to whom)
    reported: bool = False  # inside reported (indirect) speech: in_quote is set too, the words are the writer's
    negated: bool = False  # agency: the action is denied ("does not support"); loaded: the word is denied ("no evidence of corruption")


SIGNAL_CATEGORIES = (
    "reporting_verb",
    "hedge",
    "booster",
    "loaded",
    "metaphor",
    "agency",
    "author_voice",
)


@dataclass
class Frame:
    """A generic news frame with its score (0-1) and the spans that carry it."""

    frame: str
    score: float
    evidence: list[Item] = field(default_factory=list)
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "frame": self.frame,
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
        }


@dataclass
class Actor:
    """Someone or something the article names, with every mention linked to it."""

    name: str
    type: str  # person | place | organisation | group | other
    side: str = "unknown"
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [list(m) for m in self.mentions]
        return d
