"""The seed's lesson: built by the builder, then reviewed against the seed's hand annotation.

    python -m rhetoric.lessons.seed        # rewrites lessons/the-day-the-ukraine-war-ended.json

The review does what a teacher does, with the gold of ``data/gold`` as the teacher: it accepts
the kit's answer where the gold agrees, corrects it (keeping the kit's, with the reason) where
the gold disagrees, and drops an exercise the gold does not support (a reporting verb or a
passive the annotators did not mark).
"""

from __future__ import annotations

import sys
from collections import Counter

from ..exercises.answers import same_actor
from ..exercises.gold import entity_label_at, gold_quotes, gold_signals, quote_speaker_at
from .kinds import LABEL_KIND, NOBODY, NOT_A_NAME
from .model import Lesson

META = {
    "title": "The Day the Ukraine War Ended",
    "outlet": "The Atlantic",
    "author": "Jonathan Lemire",
    "date": "2025-02-12",
    "source": "seeds/000_7b76e654cdb06023.txt",
    "licence": ("The article belongs to The Atlantic, included for teaching and commentary (classroom use only); "
                "the exercises and the gold they were reviewed against are the Rhetoric Lab authors', CC BY 4.0."),
}

GOLD = "the hand annotation of the seed (data/gold)"


def _overlaps(record: dict, start: int, end: int) -> bool:
    return int(record["start"]) < end and start < int(record["end"])


def _option_for(lesson: Lesson, ex, name: str | None) -> str:
    if name is None:
        return NOBODY
    return next((o for o in ex.options if o != NOBODY and same_actor(name, o)), name)


def review(lesson: Lesson) -> dict[str, str]:
    """Review every exercise against the gold; returns ``{exercise id: what was done}``."""
    done: dict[str, str] = {}
    for ex in list(lesson.exercises):
        t = ex.target
        if ex.kind == "entity_label":
            label = entity_label_at(t["start"], t["end"])
            gold = LABEL_KIND.get(label, NOT_A_NAME) if label else NOT_A_NAME
            done[ex.id] = _settle(lesson, ex, gold, f"{GOLD} labels it {label or 'not a name'}")
        elif ex.kind == "speaker":
            known, speaker = quote_speaker_at(t["start"], t["end"])
            if not known:
                lesson.drop(ex.id)
                done[ex.id] = "dropped: the gold has no quote here"
                continue
            gold = _option_for(lesson, ex, speaker)
            done[ex.id] = _settle(lesson, ex, gold, f"{GOLD} gives these words to {speaker or 'nobody named'}")
        elif ex.kind in ("hedge_booster", "loaded"):
            cats = ("hedge", "booster") if ex.kind == "hedge_booster" else ("loaded",)
            p = ex.passage
            spans = sorted({(int(g["start"]), int(g["end"])) for c in cats for g in gold_signals(c)
                            if p["start"] <= int(g["start"]) and int(g["end"]) <= p["end"]})
            words = ", ".join(lesson.text[s:e] for s, e in spans) or "nothing"
            done[ex.id] = _settle(lesson, ex, [list(s) for s in spans], f"{GOLD} marks {words} in this paragraph")
        elif ex.kind == "reporting_verb":
            gold = [g for g in gold_signals("reporting_verb") if _overlaps(g, t["start"], t["end"])]
            if not gold or not gold[0].get("subtype"):
                lesson.drop(ex.id)
                done[ex.id] = "dropped: the gold does not mark a reporting verb here"
                continue
            key = {"verb": ex.key["verb"], "stance": gold[0]["subtype"]}
            done[ex.id] = _settle(lesson, ex, key, f"{GOLD} classes “{gold[0]['text']}” as {gold[0]['subtype']}")
        elif ex.kind == "agent":
            gold = [g for g in gold_signals("agency") if _overlaps(g, t["start"], t["end"])
                    and g.get("subtype") in ("agentless_passive", "hidden_agent_nominal")]
            if not gold:
                lesson.drop(ex.id)
                done[ex.id] = "dropped: the gold does not mark an agentless passive here"
                continue
            done[ex.id] = _settle(lesson, ex, ex.kit_answer, GOLD)
        elif ex.kind == "sourcing":
            counts = Counter(q.get("speaker") for q in gold_quotes() or []
                             if q.get("speaker") and not q.get("nested_in"))
            top = counts.most_common(1)[0][0] if counts else None
            done[ex.id] = _settle(lesson, ex, _option_for(lesson, ex, top), f"{GOLD} counts most quotes for {top}")
        else:
            lesson.accept(ex.id)
            done[ex.id] = "accepted (no key)"
    return done


def _settle(lesson: Lesson, ex, gold, because: str) -> str:
    if gold == ex.kit_answer:
        lesson.accept(ex.id)
        return "accepted"
    lesson.correct(ex.id, gold, because=because)
    return f"corrected: {because}"


def build_seed_lesson() -> Lesson:
    from ..course import seed_analysis
    from . import build

    analysis = seed_analysis()
    lesson = build(analysis.text, analysis=analysis, **META)
    review(lesson)
    return lesson


def main() -> int:
    from . import LESSONS_DIR, SEED_LESSON

    lesson = build_seed_lesson()
    path = lesson.save(LESSONS_DIR / SEED_LESSON)
    corrected = [ex.id for ex in lesson.exercises if ex.corrected]
    print(f"wrote {path}: {len(lesson.exercises)} exercises of {len(lesson.kinds)} kinds; "
          f"corrected against the gold: {', '.join(corrected) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
