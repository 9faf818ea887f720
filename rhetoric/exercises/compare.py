"""Where you, the kit and the gold annotation agree and disagree.

Annotation exercises score a learner twice: against the gold (the kit authors' careful hand
annotation in ``data/gold/``) and against the kit's own output. The interesting rows are the
disagreements, so every comparison returns one row per item with a plain-language note on
what the disagreement means, plus precision and recall for the learner and for the kit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

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


@dataclass
class Scores(Score):
    """Precision (how many marks are right), recall (how many right ones were marked), F1,
    with a sentence a learner can read."""

    def sentence(self, who: str) -> str:
        return (f"{who}: {self.tp} of the gold's {self.tp + self.fn} found (recall {self.recall:.0%}), "
                f"{self.tp} of {self.tp + self.fp} marks right (precision {self.precision:.0%}).")


@dataclass
class SpanComparison:
    rows: list[SpanRow]
    learner: Scores
    kit: Scores
    agreement_with_kit: float  # share of all marked places where learner and kit agree
    what: str = "marks"

    def disagreements(self) -> list[SpanRow]:
        return [r for r in self.rows if not (r.learner == r.kit == r.gold)]

    def table(self, only_disagreements: bool = False, caption: str = "") -> Table:
        rows = self.disagreements() if only_disagreements else self.rows
        return Table(
            ("words", "you", "kit", "gold", "what it means"),
            [(r.text, _yes(r.learner), _yes(r.kit), _yes(r.gold), r.note + (f" ({r.why})" if r.why else ""))
             for r in rows],
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
    why: Optional[dict[Span, str]] = None,
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
        l, k, gd = "learner" in srcs, "kit" in srcs, "gold" in srcs
        rows.append(SpanRow(shown[0], shown[1], text[shown[0]:shown[1]], l, k, gd, _note(l, k, gd, kit_name), reason))

    def scores(flag: str) -> Scores:
        tp = sum(1 for r in rows if getattr(r, flag) and r.gold)
        fp = sum(1 for r in rows if getattr(r, flag) and not r.gold)
        fn = sum(1 for r in rows if r.gold and not getattr(r, flag))
        return Scores(tp, fp, fn)

    marked = [r for r in rows if r.learner or r.kit]
    agree = sum(1 for r in marked if r.learner == r.kit) / len(marked) if marked else 1.0
    return SpanComparison(rows, scores("learner"), scores("kit"), agree, what)


@dataclass
class ChoiceRow:
    key: str
    shown: str  # what the learner sees (a mention, a quote)
    values: dict[str, Any]  # source -> value
    note: str = ""


@dataclass
class ChoiceComparison:
    rows: list[ChoiceRow]
    sources: list[str]
    correct: dict[str, int] = field(default_factory=dict)  # source -> rows equal to gold
    answered: int = 0

    def accuracy(self, source: str) -> float:
        return self.correct.get(source, 0) / len(self.rows) if self.rows else 1.0

    def table(self, columns: Sequence[str], only_disagreements: bool = False, caption: str = "") -> Table:
        rows = [r for r in self.rows if r.note != "all agree"] if only_disagreements else self.rows
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
        if mine == "":
            note = "not answered yet"
        elif same(mine, g) and not others_wrong:
            note = "all agree"
        elif same(mine, g):
            note = f"you are right; the {', '.join(others_wrong)} got it wrong"
        elif others_right:
            note = f"the gold says {_show(g)}; the {', '.join(others_right)} got it right"
        else:
            note = f"the gold says {_show(g)}"
        comp.rows.append(ChoiceRow(key, shown, values, note))
    return comp
