"""Signal layer on the seed: per-category precision / recall / F1 against the hand gold,
stance agreement for reporting verbs, and the layer's time next to spaCy's parse.

    python benchmarks/signals.py            # figures
    python benchmarks/signals.py --errors   # plus every miss and false alarm

Optionally, set RHETORIC_POLNEAR (default ../shared/polnear-dev relative to the repo) to
time the layer on development articles too (their texts never enter the repo).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import rhetoric  # noqa: E402
from rhetoric.analysis import Analysis  # noqa: E402
from rhetoric.entities import find_entities  # noqa: E402
from rhetoric.intake import prepare  # noqa: E402
from rhetoric.items import SIGNAL_CATEGORIES  # noqa: E402
from rhetoric.quotes import find_quotes  # noqa: E402
from rhetoric.signals import find_signals  # noqa: E402
from rhetoric.signals.evaluate import gold_spans, mismatches, score  # noqa: E402


def time_layer(text: str, nlp, repeat: int = 5) -> tuple[float, float, Analysis]:
    prepared = prepare(text)
    t0 = time.perf_counter()
    for _ in range(repeat):
        doc = nlp(prepared.analysable)
    parse = (time.perf_counter() - t0) / repeat
    a = Analysis(text=prepared.text, doc=doc)
    a.entities, a.actors = find_entities(doc, prepared.text)
    a.quotes = find_quotes(doc, a)
    find_signals(doc, a)  # warm the lexicon caches
    t0 = time.perf_counter()
    for _ in range(repeat):
        a.signals = find_signals(doc, a)
    return parse, (time.perf_counter() - t0) / repeat, a


def _cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue"):
            for piece in parts[1][4:].split(";"):
                a, b = piece.split()[-2:]
                spans.append((int(a), int(b)))
    return spans


def polnear_reporting(dev: Path, nlp, limit: int = 84) -> None:
    """Reporting verbs against PolNeAR's annotated cues (development split, read in place).

    Precision: share of the kit's reporting verbs that fall on an annotated cue. Recall: share
    of annotated cues containing a verb the kit flags, among cues that contain a verb (PolNeAR
    also marks nouns, colons and thoughts as cues)."""
    tp_pred = n_pred = tp_cue = n_cue = 0
    tp = tl = 0.0
    n = 0
    for txt in sorted((dev / "text").glob("*.txt"))[:limit]:
        anns = sorted((dev / "attributions").glob(txt.stem + "*.ann"))
        if not anns:
            continue
        cues = _cue_spans(anns[0])
        try:
            p, l, a = time_layer(txt.read_text(encoding="utf-8", errors="replace"), nlp, repeat=1)
        except rhetoric.InputError:
            continue
        tp, tl, n = tp + p, tl + l, n + 1
        preds = [s for s in a.signals if s.category == "reporting_verb"]
        n_pred += len(preds)
        tp_pred += sum(any(s.start < ce and cs < s.end for cs, ce in cues) for s in preds)
        for cs, ce in cues:
            span = a.doc.char_span(cs, ce, alignment_mode="expand")
            if span is None or not any(t.pos_ == "VERB" for t in span):
                continue
            n_cue += 1
            tp_cue += any(s.start < ce and cs < s.end for s in preds)
    if n:
        print(f"PolNeAR dev ({n} articles, first annotator): reporting verbs on annotated cues "
              f"P {tp_pred / max(n_pred, 1):.2f} ({tp_pred}/{n_pred}), verb-cue recall {tp_cue / max(n_cue, 1):.2f} "
              f"({tp_cue}/{n_cue})")
        print(f"  time: parse {tp / n * 1000:.0f} ms/article, signal layer {tl / n * 1000:.0f} ms/article "
              f"({100 * tl / tp:.0f}%)")


def main(argv: list[str]) -> int:
    nlp = rhetoric.load_nlp()
    seed = next((REPO / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    parse, layer, a = time_layer(text, nlp)
    gold = gold_spans()
    scores = score(a.signals, gold)
    print(f"seed: {seed.name}  ({len(text)} chars, {len(a.signals)} signals, {len(gold)} gold spans)")
    print(f"{'category':16s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for cat in list(SIGNAL_CATEGORIES) + ["all"]:
        s = scores[cat]
        print(f"{cat:16s} {s.gold:5d} {s.predicted:5d} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
    rv = scores["reporting_verb"]
    print(f"reporting-verb stance agreement on matched verbs: {rv.subtype_agree}/{rv.matched}")
    print(f"time: spaCy parse {parse * 1000:.0f} ms, signal layer {layer * 1000:.0f} ms "
          f"({100 * layer / parse:.0f}% of the parse)")
    if "--errors" in argv:
        for cat in SIGNAL_CATEGORIES:
            missed, extra = mismatches(a.signals, gold, cat)
            for g in missed:
                print(f"  MISS {cat:14s} {g['text']!r} @{g['start']}")
            for p in extra:
                print(f"  FALSE {cat:13s} {p.text!r} @{p.start} ({p.subtype})")
    print("hedges on unseen public news (FactBank, sentence and cue level, beside a 13-word list): "
          "python benchmarks/hedges.py")
    dev = Path(os.environ.get("RHETORIC_POLNEAR", REPO.parent / "shared" / "polnear-dev"))
    if not (dev / "text").exists():
        print(f"(development articles not found at {dev}; skipped)")
    else:
        polnear_reporting(dev, nlp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
