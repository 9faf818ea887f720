"""Where you, the kit and the gold annotation agree and disagree.

Annotation exercises score a learner twice: against the gold (the kit authors' careful hand
annotation in ``data/gold/``) and against the kit's own output. The interesting rows are the
disagreements, so every comparison returns one row per item with a plain-language note on
what the disagreement means, plus precision and recall for the learner and for the kit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..evaluate import Score
from .feedback import Table

Span = tuple[int, int]


@dataclass
class SpanRow:
    """One place in the text that somebody marked."""

    start: int
    end: int
    text: str
    learner: bool
    kit: bool
    gold: bool
    note: str = ""
    why: str = ""  # the gold's or the kit's explanation, when there is one
    partial: str = ""  # the words the learner marked of a phrase they did not mark whole

    @property
    def learner_right(self) -> bool:
        """The learner marked this place exactly as the gold does (all of it, or none of it)."""
        return self.learner == self.gold and not self.partial


@dataclass
class Scores(Score):
    """Precision (how many marks are right), recall (how many right ones were marked), F1,
    with a sentence a learner can read."""

    def sentence(self, who: str, unit: str = "") -> str:
        u = f" {unit}" if unit else ""
        return (f"{who}: {self.tp} of the gold's {self.tp + self.fn}{u} found (recall {self.recall:.0%}), "
                f"{self.tp} of {self.tp + self.fp} marked{u} right (precision {self.precision:.0%}).")


@dataclass
class SpanComparison:
    rows: list[SpanRow]
    learner: Scores
    kit: Scores
    agreement_with_kit: float  # share of all marked places where learner and kit agree
    what: str = "marks"
    unit: str = ""  # "words" when scores count words

    def disagreements(self) -> list[SpanRow]:
        return [r for r in self.rows if not (r.learner == r.kit == r.gold) or r.partial]

    def learner_wrong(self) -> list[SpanRow]:
        """The places where the learner's marks differ from the gold, in text order."""
        return [r for r in self.rows if not r.learner_right]

    def table(self, only_disagreements: bool = False, caption: str = "", yours_first: bool = False) -> Table:
        rows = self.disagreements() if only_disagreements else list(self.rows)
        if yours_first:
            rows.sort(key=lambda r: r.learner_right)  # stable: text order inside each group
        return Table(
            ("words", "you", "kit", "gold", "what it means"),
            [(r.text, f"part: {r.partial}" if r.partial else _yes(r.learner), _yes(r.kit), _yes(r.gold),
              r.note + (f" ({r.why})" if r.why else "")) for r in rows],
            caption,
        )


def _yes(flag: bool) -> str:
    return "yes" if flag else "—"


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _note(learner: bool, kit: bool, gold: bool, kit_name: str = "kit") -> str:
    return {
        (True, True, True): "all three agree",
        (True, False, True): f"you caught one the {kit_name} missed",
        (True, True, False): f"you and the {kit_name} marked it; the gold does not count it: check the definition",
        (True, False, False): "only you marked it: is it really one?",
        (False, True, True): f"you missed this one (the {kit_name} found it)",
        (False, False, True): f"you and the {kit_name} both missed it",
        (False, True, False): f"the {kit_name} marks it but the gold does not: a false alarm of the {kit_name}",
    }.get((learner, kit, gold), "")


def compare_spans(
    text: str,
    learner: Sequence[Span],
    kit: Sequence[Span],
    gold: Sequence[Span],
    why: dict[Span, str] | None = None,
    what: str = "marks",
    kit_name: str = "kit",
) -> SpanComparison:
    """Compare three sets of character spans of ``text``; overlapping spans count as the same place.

    Rows are the connected groups of overlapping spans from all three sources, in text order.
    """
    why = why or {}
    tagged = [(s, "learner") for s in learner] + [(s, "kit") for s in kit] + [(s, "gold") for s in gold]
    tagged.sort(key=lambda t: (t[0][0], t[0][1]))
    groups: list[list[tuple[Span, str]]] = []
    for span, src in tagged:
        if groups and any(overlaps(span, s) for s, _ in groups[-1]):
            groups[-1].append((span, src))
        else:
            groups.append([(span, src)])
    rows = []
    for g in groups:
        srcs = {src for _, src in g}
        shown = next((s for s, src in g if src == "gold"), None) or next((s for s, src in g if src == "kit"), None) or g[0][0]
        reason = next((why[s] for s, _ in g if s in why and why[s]), "")
        mine, k, gd = "learner" in srcs, "kit" in srcs, "gold" in srcs
        rows.append(SpanRow(shown[0], shown[1], text[shown[0]:shown[1]], mine, k, gd, _note(mine, k, gd, kit_name), reason))

    def scores(flag: str) -> Scores:
        tp = sum(1 for r in rows if getattr(r, flag) and r.gold)
        fp = sum(1 for r in rows if getattr(r, flag) and not r.gold)
        fn = sum(1 for r in rows if r.gold and not getattr(r, flag))
        return Scores(tp, fp, fn)

    marked = [r for r in rows if r.learner or r.kit]
    agree = sum(1 for r in marked if r.learner == r.kit) / len(marked) if marked else 1.0
    return SpanComparison(rows, scores("learner"), scores("kit"), agree, what)


def _covered(words: Sequence[Span], spans: Sequence[Span]) -> set[int]:
    """Indices of the words that overlap any of ``spans``."""
    return {i for i, w in enumerate(words) if any(overlaps(w, s) for s in spans)}


def compare_words(
    text: str,
    words: Sequence[Span],
    learner: Sequence[Span],
    kit: Sequence[Span],
    gold: Sequence[Span],
    why: dict[Span, str] | None = None,
    what: str = "marks",
    kit_name: str = "kit",
) -> SpanComparison:
    """Compare marks word by word: a clicked word is right only if it lies inside a gold span.

    ``words`` are the clickable words (character spans) of the passage. Each gold span is one
    row (a phrase such as 'at least in a sense'); every other word that the learner or the kit
    marked is a row of its own, so marking 'always' next to the gold's 'seemed' is its own,
    wrong, row and never merges into the right one. A gold phrase the learner marked only in
    part is a row with ``partial`` naming the words marked. Scores count words.
    """
    why = why or {}
    mine, theirs, gold_words = _covered(words, learner), _covered(words, kit), _covered(words, gold)
    units: list[tuple[Span, list[int], bool]] = []  # (shown span, word indices, is gold)
    for g in sorted(gold):
        idx = [i for i in sorted(_covered(words, [g]))]
        units.append((g, idx, True))
    for i in sorted((mine | theirs) - gold_words):
        units.append((words[i], [i], False))
    units.sort(key=lambda u: u[0])
    rows = []
    for span, idx, is_gold in units:
        l_all = bool(idx) and all(i in mine for i in idx)
        l_some = [i for i in idx if i in mine]
        k_all = bool(idx) and all(i in theirs for i in idx)
        k_some = any(i in theirs for i in idx)
        partial = " ".join(text[words[i][0]:words[i][1]] for i in l_some) if l_some and not l_all else ""
        note = _note(l_all, k_all or k_some, is_gold, kit_name)
        if partial:
            note = f"you marked only part of it ('{partial}'): a {what[:-1] if what.endswith('s') else what} is all its words"
        rows.append(SpanRow(span[0], span[1], text[span[0]:span[1]], l_all, k_all or k_some, is_gold, note,
                            why.get(span, ""), partial))

    learner_scores = Scores(len(mine & gold_words), len(mine - gold_words), len(gold_words - mine))
    kit_scores = Scores(len(theirs & gold_words), len(theirs - gold_words), len(gold_words - theirs))
    marked = mine | theirs
    agree = len(mine & theirs) / len(marked) if marked else 1.0
    return SpanComparison(rows, learner_scores, kit_scores, agree, what, "words")


@dataclass
class ChoiceRow:
    key: str
    shown: str  # what the learner sees (a mention, a quote)
    values: dict[str, Any]  # source -> value
    note: str = ""
    learner_right: bool = False
    answered: bool = False


@dataclass
class ChoiceComparison:
    rows: list[ChoiceRow]
    sources: list[str]
    correct: dict[str, int] = field(default_factory=dict)  # source -> rows equal to gold
    answered: int = 0

    def accuracy(self, source: str) -> float:
        return self.correct.get(source, 0) / len(self.rows) if self.rows else 1.0

    def learner_wrong(self) -> list[ChoiceRow]:
        """The rows the learner answered differently from the gold (or not at all), in text order."""
        return [r for r in self.rows if not r.learner_right]

    def table(self, columns: Sequence[str], only_disagreements: bool = False, caption: str = "",
              yours_first: bool = True) -> Table:
        """One row per item; with ``yours_first`` the learner's own wrong rows come first."""
        rows = [r for r in self.rows if r.note != "all agree"] if only_disagreements else list(self.rows)
        if yours_first:
            rows.sort(key=lambda r: r.learner_right)  # stable: text order inside each group
        return Table(
            ("item", *columns, "what it means"),
            [(r.shown, *[_show(r.values.get(s)) for s in self.sources], r.note) for r in rows],
            caption,
        )


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if value == "":
        return "(not answered)"
    return str(value)


def joined(names: Sequence[str]) -> str:
    """"the model", "the model and the kit", "the model, the kit and the gold"."""
    names = [f"the {n}" for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def compare_choices(
    items: Sequence[tuple[str, str]],
    sources: dict[str, dict[str, Any]],
    same: Callable[[Any, Any], bool] = lambda a, b: a == b,
    learner: str = "you",
    gold: str = "gold",
) -> ChoiceComparison:
    """Compare answers per item (an entity label, a quote's speaker) from several sources.

    ``items`` are ``(key, shown text)``; ``sources`` maps a source name ("you", "model", "kit",
    "gold") to its answers by key. Missing learner answers count as not answered (and wrong).
    Each row's note speaks of the learner first: a row where the learner differs from the gold
    says so before anything about the other sources.
    """
    names = list(sources)
    comp = ChoiceComparison([], names, {s: 0 for s in names})
    for key, shown in items:
        values = {s: sources[s].get(key, "" if s == learner else None) for s in names}
        g = values.get(gold)
        for s in names:
            if s != gold and values[s] != "" and same(values[s], g):
                comp.correct[s] += 1
        comp.correct[gold] = len(items)
        mine = values.get(learner, "")
        if mine != "":
            comp.answered += 1
        others_right = [s for s in names if s not in (learner, gold) and same(values[s], g)]
        others_wrong = [s for s in names if s not in (learner, gold) and not same(values[s], g)]
        mine_right = mine != "" and same(mine, g)
        if mine == "":
            note = f"not answered yet (the gold says {_show(g)})"
        elif mine_right and not others_wrong:
            note = "all agree"
        elif mine_right:
            note = f"you are right; {joined(others_wrong)} got it wrong"
        else:
            note = f"you differ from the gold: you chose {_show(mine)}, the gold says {_show(g)}"
            if others_right:
                note += f" ({joined(others_right)} chose as the gold does)"
            elif others_wrong:
                note += f" ({joined(others_wrong)} got it wrong too)"
        comp.rows.append(ChoiceRow(key, shown, values, note, mine_right, mine != ""))
    return comp


def merge_marks(text: str, marked: list[tuple[int, int]]) -> list[list[int]]:
    """Join marked words separated only by spaces into one span ("all but", "at least in a sense")."""
    out: list[list[int]] = []
    for s, e in sorted(marked):
        if out and not text[out[-1][1]:s].strip():
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out
