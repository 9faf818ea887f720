"""Hedges on public annotated news the kit was not written for: FactBank in the Szeged
Uncertainty Corpus (BioScope XML, ``<ccue type="...">`` cues inside ``<Sentence>``).

    python benchmarks/hedges.py            # figures: kit, 13-word list, kit's subtypes
    python benchmarks/hedges.py --errors   # plus misses and false alarms, half A only

Each document is fed to the kit whole: sentences joined by a space, ``DocumentPart``s by a
blank line, with a map from characters back to sentences and cues. Scored:

* sentence level: a sentence is uncertain when it holds at least one cue (gold) / one of the
  kit's epistemic hedges (prediction);
* cue level: a prediction is right when it overlaps a gold cue; a gold cue is found when a
  prediction overlaps it; precision is also given per subtype.

Only the kit's epistemic subtypes (``uncertainty`` in ``data/lexicons/hedges.json``) are
scored; approximators ("about 31 million") and limiting words ("largely") are hedges in
Hyland's sense but not uncertainty in this corpus, so they are counted and shown apart.
The baseline is a fixed 13-word list, spaCy-free. To keep from tuning to what is seen,
the documents are split by order into half A (even positions: errors may be read) and
half B (odd positions: never read); both halves and the whole are printed.

Set RHETORIC_FACTBANK (default ../shared/factbank-dev/factbank-dev.xml beside the repository)
to point elsewhere; the benchmark skips cleanly when the file is absent.
"""

from __future__ import annotations

import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rhetoric.evaluate import Score  # noqa: E402

BASELINE_WORDS = ("may", "might", "could", "perhaps", "possibly", "probably", "likely", "unlikely",
                  "possible", "seem", "appear", "apparently", "suggest")
BASELINE = re.compile(r"\b(?:" + "|".join(BASELINE_WORDS) + r")\b", re.IGNORECASE)
#: the same list with the verbs' inflections (seems, appeared, suggesting): the stronger baseline
BASELINE_INFLECTED = re.compile(r"\b(?:" + "|".join(w for w in BASELINE_WORDS if w not in ("seem", "appear", "suggest"))
                                + r"|seem(?:s|ed|ing)?|appear(?:s|ed|ing)?|suggest(?:s|ed|ing)?)\b", re.IGNORECASE)


@dataclass
class FBDoc:
    """One FactBank document as fed to the kit: its text, sentence spans and gold cues."""

    doc_id: str
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    cues: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, FactBank type


def factbank_path() -> Path:
    """RHETORIC_FACTBANK, else ``shared/factbank-dev/factbank-dev.xml`` beside the repository
    (or beside the folder of worktrees it sits in)."""
    if os.environ.get("RHETORIC_FACTBANK"):
        return Path(os.environ["RHETORIC_FACTBANK"])
    candidates = [up / "shared" / "factbank-dev" / "factbank-dev.xml" for up in (REPO.parent, REPO.parent.parent)]
    return next((c for c in candidates if c.exists()), candidates[0])


def load_factbank(path: Path) -> list[FBDoc]:
    """The documents of a BioScope-style XML file, in file order: sentences joined by a space,
    document parts by a blank line, cue and sentence offsets into the joined text."""
    docs = []
    for d in ET.parse(path).getroot().iter("Document"):
        doc = FBDoc(doc_id=(d.findtext("DocID") or "").strip(), text="")
        out: list[str] = []
        pos = 0
        for part in d.findall("DocumentPart"):
            for si, sent in enumerate(part.findall("Sentence")):
                text, cues = _sentence(sent)
                if not text:
                    continue
                sep = "" if not out else (" " if si else "\n\n")
                out += [sep, text]
                pos += len(sep)
                doc.sentences.append((pos, pos + len(text)))
                doc.cues += [(pos + s, pos + e, kind) for s, e, kind in cues]
                pos += len(text)
        doc.text = "".join(out)
        docs.append(doc)
    return docs


def _sentence(sent) -> tuple[str, list[tuple[int, int, str]]]:
    """A ``<Sentence>``'s text with one space for every run of whitespace, and its cues.

    FactBank's text has runs of spaces round its event words ("has  not   raised") left by
    its event markup, not by the newspaper; they are squeezed so the kit reads the sentence
    as it was printed."""
    raw, cues = [], []
    pos = 0
    pieces = [(sent.text or "", None)]
    for child in sent:
        pieces.append(("".join(child.itertext()), child.get("type", "") if child.tag == "ccue" else None))
        pieces.append((child.tail or "", None))
    for chunk, kind in pieces:
        if kind is not None:
            cues.append((pos, pos + len(chunk), kind.replace(" ", "").strip("_")))
        raw.append(chunk)
        pos += len(chunk)
    raw_text = "".join(raw)
    kept, new_at = [], []
    for ch in raw_text:
        new_at.append(len(kept))
        if ch.isspace():
            if kept and kept[-1] != " ":
                kept.append(" ")
        else:
            kept.append(ch)
    new_at.append(len(kept))
    while kept and kept[-1] == " ":
        kept.pop()
    text = "".join(kept)
    out = []
    for s, e, kind in cues:
        s2, e2 = new_at[s], new_at[e]
        while s2 < e2 and text[s2] == " ":
            s2 += 1
        while e2 > s2 and text[e2 - 1:e2] == " ":
            e2 -= 1
        if s2 < e2:
            out.append((s2, min(e2, len(text)), kind))
    return text, out


def baseline_cues(text: str, pattern: re.Pattern = BASELINE) -> list[tuple[int, int, str]]:
    """Every occurrence of a word of the fixed list, any case (so the month 'May' counts too)."""
    return [(m.start(), m.end(), "13-word list") for m in pattern.finditer(text)]


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_of(doc: FBDoc, start: int) -> int:
    for i, (s, e) in enumerate(doc.sentences):
        if s <= start < e:
            return i
    return -1


@dataclass
class Tally:
    sent_tp: int = 0
    sent_fp: int = 0
    sent_fn: int = 0
    cue_right: int = 0  # predictions overlapping a gold cue
    cue_pred: int = 0
    gold_found: int = 0  # gold cues overlapped by a prediction
    gold: int = 0

    def add(self, doc: FBDoc, preds: list[tuple[int, int, str]]) -> None:
        gold_sents = {sentence_of(doc, c[0]) for c in doc.cues}
        pred_sents = {sentence_of(doc, p[0]) for p in preds} - {-1}
        self.sent_tp += len(gold_sents & pred_sents)
        self.sent_fp += len(pred_sents - gold_sents)
        self.sent_fn += len(gold_sents - pred_sents)
        self.cue_pred += len(preds)
        self.cue_right += sum(any(_overlaps(p, c) for c in doc.cues) for p in preds)
        self.gold += len(doc.cues)
        self.gold_found += sum(any(_overlaps(p, c) for p in preds) for c in doc.cues)

    @property
    def sentence(self) -> Score:
        return Score(self.sent_tp, self.sent_fp, self.sent_fn)

    @property
    def cue(self) -> Score:
        """Cue precision over predictions, cue recall over gold cues (overlap both ways)."""
        return Score(self.cue_right, self.cue_pred - self.cue_right, self.gold - self.gold_found)


def kit_hedges(doc: FBDoc, analysis, kinds: set[str]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.subtype or "") for s in analysis.signals
            if s.category == "hedge" and (s.subtype in kinds)]


def main(argv: list[str]) -> int:
    import rhetoric
    from rhetoric.signals.common import Context
    from rhetoric.signals.hedges import UNCERTAINTY_KINDS, find_hedges, hedge_kinds

    path = factbank_path()
    if not path.exists():
        print(f"(FactBank development file not found at {path}; skipped)")
        return 0
    docs = load_factbank(path)
    nlp = rhetoric.load_nlp()
    all_kinds = set(hedge_kinds())
    epistemic = set(UNCERTAINTY_KINDS)
    t0 = time.perf_counter()
    analyses = list(rhetoric.analyze_many((d.text for d in docs), nlp=nlp))
    t_all = time.perf_counter() - t0
    halves = {"A (even; errors read)": docs[0::2], "B (odd; not read)": docs[1::2], "all": docs}
    by_doc = {id(d): a for d, a in zip(docs, analyses)}
    n_sent = sum(len(d.sentences) for d in docs)
    n_unc = sum(len({sentence_of(d, c[0]) for c in d.cues}) for d in docs)
    print(f"FactBank (Szeged Uncertainty Corpus), {path.name}: {len(docs)} documents, {n_sent} sentences, "
          f"{n_unc} uncertain, {sum(len(d.cues) for d in docs)} cues; analysed in {t_all:.0f} s")
    print(f"kit's uncertainty subtypes scored: {', '.join(sorted(epistemic))}; "
          f"shown apart: {', '.join(sorted(all_kinds - epistemic))}")
    systems = {
        "13-word list": lambda d, a: baseline_cues(d.text),
        "13-word list, inflected": lambda d, a: baseline_cues(d.text, BASELINE_INFLECTED),
        "kit (uncertainty hedges)": lambda d, a: kit_hedges(d, a, epistemic),
        "kit (every hedge)": lambda d, a: kit_hedges(d, a, all_kinds),
    }
    print(f"\n{'system':28s} {'half':24s} {'sent P':>7s} {'sent R':>7s} {'sent F1':>8s}  "
          f"{'cue P':>6s} {'cue R':>6s} {'cue F1':>7s}")
    f1 = {}
    for name, fn in systems.items():
        for half, hdocs in halves.items():
            t = Tally()
            for d in hdocs:
                t.add(d, fn(d, by_doc[id(d)]))
            s, c = t.sentence, t.cue
            f1[name, half] = s.f1
            print(f"{name:28s} {half:24s} {s.precision:7.3f} {s.recall:7.3f} {s.f1:8.3f}  "
                  f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:7.3f}")
    for half in halves:
        best = max(f1["13-word list", half], f1["13-word list, inflected", half])
        print(f"sentence F1, kit minus the better 13-word list, {half}: {f1['kit (uncertainty hedges)', half] - best:+.3f}")
    print("\nkit's subtypes (all documents): predictions, cue precision (on a FactBank cue), "
          "uncertain sentences it flags")
    per = defaultdict(Tally)
    for d in docs:
        preds = kit_hedges(d, by_doc[id(d)], all_kinds)
        for kind in all_kinds:
            per[kind].add(d, [p for p in preds if p[2] == kind])
    for kind in sorted(all_kinds, key=lambda k: (k not in epistemic, k)):
        t = per[kind]
        if not t.cue_pred:
            continue
        tag = "" if kind in epistemic else "  (not scored: not uncertainty here)"
        print(f"  {kind:22s} {t.cue_pred:5d}  cue P {t.cue.precision:5.2f}  gold sentences {t.sent_tp:4d}{tag}")
    gold_types = Counter(c[2] for d in docs for c in d.cues)
    found_types = Counter()
    for d in docs:
        preds = kit_hedges(d, by_doc[id(d)], epistemic)
        for c in d.cues:
            if any(_overlaps(p, c) for p in preds):
                found_types[c[2]] += 1
    print("\nFactBank cue types found by the kit's uncertainty hedges (all documents):")
    for kind, n in gold_types.most_common():
        print(f"  {kind:36s} {found_types[kind]:4d}/{n}")
    # the cost of the hedge rules next to the parse, on the whole set
    sample = analyses
    t0 = time.perf_counter()
    for a in sample:
        find_hedges(a.doc, Context(a.doc, a))
    t_hedge = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        nlp(d.text)
    t_parse = time.perf_counter() - t0
    print(f"\ntime: spaCy parse {t_parse:.1f} s, hedge rules {t_hedge:.2f} s "
          f"({100 * t_hedge / t_parse:.1f}% of the parse; Context included)")
    if "--errors" in argv:
        print_errors(halves["A (even; errors read)"], by_doc, epistemic)
    return 0


def print_errors(docs: list[FBDoc], by_doc: dict, kinds: set[str]) -> None:
    """Misses and false alarms on half A only, one line each with the sentence."""
    for d in docs:
        a = by_doc[id(d)]
        preds = kit_hedges(d, a, kinds)
        for c in d.cues:
            if not any(_overlaps(p, c) for p in preds):
                s, e = d.sentences[sentence_of(d, c[0])]
                print(f"  MISS  {d.text[c[0]:c[1]]!r:18s} [{c[2]}] {_mark(d.text, s, e, c)}")
        for p in preds:
            if not any(_overlaps(p, c) for c in d.cues):
                s, e = d.sentences[sentence_of(d, p[0])]
                print(f"  FALSE {d.text[p[0]:p[1]]!r:18s} [{p[2]}] {_mark(d.text, s, e, p)}")


def _mark(text: str, s: int, e: int, span) -> str:
    return (text[s:span[0]] + "[[" + text[span[0]:span[1]] + "]]" + text[span[1]:e]).replace("\n", " ")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
