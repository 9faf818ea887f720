"""Entity accuracy on the seed's gold: the kit against spaCy's NER alone (same model).

    python benchmarks/entities.py

Prints precision, recall and F1 for span + coarse type (person, place, organisation)
and for span + actor, and the time the entity layer adds to spaCy's parse.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rhetoric.analysis import parse  # noqa: E402
from rhetoric.entities import find_entities  # noqa: E402
from rhetoric.evaluate import errors, gold_entities, score_entities  # noqa: E402
from rhetoric.intake import prepare  # noqa: E402
from rhetoric.model import load_nlp  # noqa: E402


class _ModelEntity:
    """spaCy's own entity as the kit's scorer reads it (actor = the surface text)."""

    def __init__(self, ent):
        self.start, self.end, self.label, self.text = ent.start_char, ent.end_char, ent.label_, ent.text
        self.actor = ent.text


def main() -> None:
    nlp = load_nlp()
    text = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    prepared = prepare(text)
    doc = parse(prepared, nlp)
    gold = gold_entities()
    kit, _ = find_entities(doc, text, nlp)
    raw = [_ModelEntity(e) for e in doc.ents]
    print(f"Seed article, {len(gold)} gold mentions (scored: person, place, organisation)")
    print(f"  spaCy en_core_web_sm alone, span+type : {score_entities(raw, gold)}")
    print(f"  Rhetoric Lab,              span+type : {score_entities(kit, gold)}")
    print(f"  spaCy alone,               span+actor: {score_entities(raw, gold, by='actor')}")
    print(f"  Rhetoric Lab,              span+actor: {score_entities(kit, gold, by='actor')}")
    print(f"  remaining errors: {errors(kit, gold)}")
    parse_t, layer_t = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        d = nlp(prepared.analysable)
        t1 = time.perf_counter()
        find_entities(d, text, nlp)
        t2 = time.perf_counter()
        parse_t.append(t1 - t0)
        layer_t.append(t2 - t1)
    p, l = statistics.median(parse_t), statistics.median(layer_t)
    print(f"  time: spaCy parse {p * 1000:.0f} ms, entity layer {l * 1000:.1f} ms (ratio {(p + l) / p:.3f})")


if __name__ == "__main__":
    main()
