"""Loaded words on public annotated news the kit was not written for.

Scores the kit's ``loaded`` signals against the Loaded_Language and Name_Calling,Labeling
spans of the SemEval-2020 Task 11 propaganda techniques corpus (``../shared/ptc-dev``, read
in place; its texts never enter the repository). A prediction is a true positive when it
overlaps a gold span; recall is the share of gold spans overlapped by some prediction.

The 150 articles are split by sorted id into two halves: errors are read on the even half
("A", ``--errors``) only, and the odd half ("B") is looked at for its figures alone, so a
rule tuned to what was read shows up as a gap between the two.

    python benchmarks/loaded.py                 # figures: half A, half B, all, with baselines
    python benchmarks/loaded.py --errors        # plus misses and false alarms on half A
    python benchmarks/loaded.py --cache DIR     # keep the parses in DIR (faster re-runs)

Baselines, in the same run: no VADER or TextBlob is installed in the kit's environment (and an
AFINN-style list is ODbL, so not shipped), so the baseline is the kit's own lexicon words
matched by lemma with no context rules (no part-of-speech limits, plain categories, patterns,
entity or quote handling). Set RHETORIC_PTC to read the corpus from another folder.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rhetoric.analysis import parse, run_layers  # noqa: E402
from rhetoric.intake import InputError, prepare  # noqa: E402
from rhetoric.model import load_nlp  # noqa: E402
from rhetoric.signals.common import lexicon  # noqa: E402

TECHNIQUES = {"Loaded_Language", "Name_Calling,Labeling"}
#: ``shared/`` sits beside the repository (a clone) or beside its worktrees' folder
CANDIDATES = (REPO.parent / "shared" / "ptc-dev", REPO.parent.parent / "shared" / "ptc-dev")


def read_gold(labels: Path) -> list[tuple[int, int]]:
    """Loaded_Language + Name_Calling,Labeling spans ``(start, end)`` of one article's labels file."""
    spans = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1] in TECHNIQUES:
            spans.append((int(parts[2]), int(parts[3])))
    return sorted(set(spans))


def articles(folder: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(id, text, gold spans)`` for every article with a labels file, sorted by id."""
    out = []
    for txt in sorted((folder / "articles").glob("article*.txt")):
        aid = txt.stem.removeprefix("article")
        labels = folder / "labels" / f"article{aid}.task2-TC.labels"
        if labels.exists():
            out.append((aid, txt.read_text(encoding="utf-8"), read_gold(labels)))
    return out


class Counts:
    """True positives over predictions (precision) and gold spans hit (recall)."""

    def __init__(self):
        self.pred = self.pred_hit = self.gold = self.gold_hit = 0

    def add(self, preds, gold) -> None:
        self.pred += len(preds)
        self.pred_hit += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in preds)
        self.gold += len(gold)
        self.gold_hit += sum(any(s < ge and gs < e for s, e in preds) for gs, ge in gold)

    @property
    def p(self) -> float:
        return self.pred_hit / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.gold_hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self, name: str) -> str:
        return f"{name:<34} P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}   ({self.pred} predicted, {self.gold} gold)"


def lexicon_baseline(doc) -> list[tuple[int, int]]:
    """Every token whose lower-case form or lemma is in ``loaded.json``'s word list."""
    words = lexicon("loaded.json")["words"]
    return [(t.idx, t.idx + len(t)) for t in doc if t.lower_ in words or t.lemma_.lower() in words]


def parse_cached(prepared, nlp, cache: Path | None):
    """The parse of ``prepared``, from ``cache`` when it holds one for the same text and model."""
    if cache is None:
        return parse(prepared, nlp)
    from spacy.tokens import DocBin

    key = hashlib.sha1((nlp.meta["version"] + prepared.analysable).encode("utf-8")).hexdigest()
    path = cache / f"{key}.spacy"
    if path.exists():
        return next(DocBin().from_disk(path).get_docs(nlp.vocab))
    doc = parse(prepared, nlp)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[doc], store_user_data=False).to_disk(path)
    return doc


def show_errors(aid: str, text: str, sigs, gold) -> None:
    for gs, ge in gold:
        if not any(s.start < ge and gs < s.end for s in sigs):
            print(f"  MISS {aid} {text[gs:ge]!r:.90}")
    for s in sigs:
        if not any(s.start < ge and gs < s.end for gs, ge in gold):
            where = f"quote:{s.speaker}" if s.in_quote else "writer"
            neg = " negated" if s.negated else ""
            lo = max(0, s.start - 40)
            ctx = text[lo:s.end + 30].replace("\n", " ")
            print(f"  FP   {aid} {s.text!r} [{where}{neg}] …{ctx}…")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print misses and false alarms on half A")
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep parses in between runs")
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = ap.parse_args()
    env = os.environ.get("RHETORIC_PTC")
    folder = Path(env) if env else next((c for c in CANDIDATES if c.is_dir()), CANDIDATES[0])
    if not (folder / "articles").is_dir():
        print(f"no PTC development data at {folder}: skipped")
        return 0
    data = articles(folder)
    if args.limit:
        data = data[: args.limit]
    nlp = load_nlp()
    halves = {"A": (Counts(), Counts()), "B": (Counts(), Counts())}
    total = (Counts(), Counts())
    parse_s = layer_s = 0.0
    for k, (aid, text, gold) in enumerate(data):
        half = "A" if k % 2 == 0 else "B"
        try:
            prepared = prepare(text)
        except InputError:
            continue
        t0 = time.perf_counter()
        doc = parse_cached(prepared, nlp, args.cache)
        t1 = time.perf_counter()
        analysis = run_layers(prepared, doc)
        parse_s += t1 - t0
        layer_s += time.perf_counter() - t1
        sigs = [s for s in analysis.signals if s.category == "loaded"]
        kit = [(s.start, s.end) for s in sigs]
        base = lexicon_baseline(doc)
        for kit_c, base_c in (halves[half], total):
            kit_c.add(kit, gold)
            base_c.add(base, gold)
        if args.errors and half == "A":
            show_errors(aid, text, sigs, gold)
    print(f"Loaded words vs PTC Loaded_Language + Name_Calling,Labeling (overlap), {folder.name}, "
          f"{len(data)} articles")
    for name, (kit_c, base_c) in (("half A (errors read here)", halves["A"]),
                                  ("half B (its misses were read once, for lexicon words)", halves["B"]), ("all", total)):
        print(f"-- {name}")
        print("  " + kit_c.row("kit loaded signals"))
        print("  " + base_c.row("baseline: kit lexicon, no rules"))
    print(f"time: parse {parse_s:.1f} s (0 if cached), every layer after the parse {layer_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
