"""Entity accuracy: the kit against spaCy's NER alone (same model), on the seed and on unseen news.

    python benchmarks/entities.py                 # seed gold + CoNLL-2003 English dev
    python benchmarks/entities.py --errors even   # also list the errors on even-numbered documents

1. The seed's gold (in-sample): precision, recall and F1 for span + coarse type (person,
   place, organisation) and for span + actor, and the time the entity layer adds to spaCy's parse.
2. CoNLL-2003 English, development split (``../shared/conll2003-dev/eng.testa``, Reuters news
   of 1996 the kit was not written for; skipped when the folder is absent). Each document is fed
   whole, its tokens joined with spaces and one sentence per line. spaCy's labels are mapped to
   CoNLL's: PERSON -> PER, GPE/LOC/FAC -> LOC, ORG -> ORG, NORP -> MISC; PER, LOC and ORG are
   scored on exact span and type, micro-averaged. Printed for spaCy alone and for the kit,
   overall and per genre, and on the even- and odd-numbered documents separately: errors are
   only ever read on the even half (``--errors even``), so the odd half stays a check on
   rules written from what was seen.

   Genre, decided per document from its text alone:
   - "sports and results": the first line opens with the name of a sport before a dash
     ("SOCCER -", "CRICKET -", "Boxing-Bruno quits", "NFL AMERICAN FOOTBALL-..."), or most of
     the document's lines are table rows (three or more numbers on a line: results,
     standings, scoreboards);
   - "general news": every other document (politics, business, markets, crime).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rhetoric.analysis import parse  # noqa: E402
from rhetoric.entities import find_entities  # noqa: E402
from rhetoric.evaluate import Score, errors, gold_entities, score_entities  # noqa: E402
from rhetoric.intake import prepare  # noqa: E402
from rhetoric.model import load_nlp  # noqa: E402

CONLL = REPO.parent.parent / "shared" / "conll2003-dev" / "eng.testa"
if not CONLL.exists():
    CONLL = Path("/work/shared/conll2003-dev/eng.testa")

#: spaCy (OntoNotes) label -> CoNLL-2003 label.
TO_CONLL = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC"}
SCORED = {"PER", "LOC", "ORG"}

SPORTS = (
    "SOCCER", "CRICKET", "TENNIS", "GOLF", "BASEBALL", "BASKETBALL", "BOXING", "SQUASH", "ATHLETICS",
    "RUGBY", "CYCLING", "MOTOR RACING", "HORSE RACING", "NFL", "AMERICAN FOOTBALL", "ICE HOCKEY",
    "NHL", "NBA", "SKIING", "SWIMMING", "ROWING", "SAILING", "MOTORCYCLING", "FORMULA ONE", "BADMINTON",
    "VOLLEYBALL", "HANDBALL", "HOCKEY", "JUDO", "WRESTLING", "SNOOKER", "DARTS", "CHESS", "TABLE TENNIS",
    "TRIATHLON", "YACHTING", "EQUESTRIANISM", "GYMNASTICS", "ALPINE SKIING", "SPEEDWAY", "FENCING",
)
_SPORT_LINE = re.compile(r"^(?:" + "|".join(re.escape(s) for s in SPORTS) + r")[A-Z ]*\s*-", re.I)
_NUMBER = re.compile(r"^[\d.,:/\-–]*\d[\d.,:/\-–]*$")


class _ModelEntity:
    """spaCy's own entity as the kit's scorer reads it (actor = the surface text)."""

    def __init__(self, ent):
        self.start, self.end, self.label, self.text = ent.start_char, ent.end_char, ent.label_, ent.text
        self.actor = ent.text


# --------------------------------------------------------------------------- the seed


def seed() -> None:
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


# --------------------------------------------------------------------------- CoNLL-2003


@dataclass
class ConllDoc:
    """One CoNLL document: its text (a sentence per line) and gold (start, end, label) spans."""

    index: int
    text: str
    gold: set[tuple[int, int, str]] = field(default_factory=set)

    @property
    def genre(self) -> str:
        return genre(self.text)


def genre(text: str) -> str:
    """"sports and results" or "general news" (the rule is in the module docstring)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and _SPORT_LINE.match(lines[0]):
        return "sports and results"
    rows = sum(sum(bool(_NUMBER.match(w)) for w in ln.split()) >= 3 for ln in lines)
    return "sports and results" if rows * 2 > len(lines) else "general news"


def read_conll(path: Path) -> list[ConllDoc]:
    """Documents of an IOB1 CoNLL-2003 file, with character offsets of their gold entities."""
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def flush_doc():
        if current:
            sentences.append(list(current))
            current.clear()
        if sentences:
            docs.append(_build(len(docs), sentences))
            sentences.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if not parts:
            if current:
                sentences.append(list(current))
                current.clear()
            continue
        if parts[0] == "-DOCSTART-":
            flush_doc()
            continue
        current.append((parts[0], parts[-1]))
    flush_doc()
    return docs


def _build(index: int, sentences) -> ConllDoc:
    text_parts, gold = [], set()
    pos = 0
    for sent in sentences:
        ent = None  # (start, end, type)
        for k, (tok, tag) in enumerate(sent):
            if k:
                text_parts.append(" ")
                pos += 1
            start, end = pos, pos + len(tok)
            text_parts.append(tok)
            pos = end
            kind = tag[2:] if tag != "O" else None
            if ent and (kind != ent[2] or tag.startswith("B-")):
                gold.add(ent)
                ent = None
            if kind:
                ent = (ent[0], end, kind) if ent else (start, end, kind)
        if ent:
            gold.add(ent)
        text_parts.append("\n")
        pos += 1
    return ConllDoc(index, "".join(text_parts), {g for g in gold if g[2] in SCORED})


def _spans(entities, label_of) -> set[tuple[int, int, str]]:
    out = set()
    for e in entities:
        label = TO_CONLL.get(label_of(e))
        if label in SCORED:
            out.add((e.start, e.end, label))
    return out


def _score(pred: set, gold: set) -> Score:
    tp = len(pred & gold)
    return Score(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def conll(errors_half: str | None, show: int) -> None:
    if not CONLL.exists():
        print("\nCoNLL-2003 dev not found (../shared/conll2003-dev): skipped")
        return
    nlp = load_nlp()
    docs = read_conll(CONLL)
    totals: dict[tuple[str, str], Score] = {}
    kit_time = model_time = 0.0
    per_doc = []
    for d in docs:
        t0 = time.perf_counter()
        doc = parse(prepare(d.text), nlp)
        t1 = time.perf_counter()
        kit, _ = find_entities(doc, d.text, nlp)
        t2 = time.perf_counter()
        model_time += t1 - t0
        kit_time += t2 - t1
        raw = _spans([_ModelEntity(e) for e in doc.ents], lambda e: e.label)
        mine = _spans(kit, lambda e: e.label)
        per_doc.append((d, raw, mine))
    groups = {
        "all": lambda d: True,
        "general news": lambda d: d.genre == "general news",
        "sports and results": lambda d: d.genre == "sports and results",
        "even documents": lambda d: d.index % 2 == 0,
        "odd documents": lambda d: d.index % 2 == 1,
    }
    print(f"\nCoNLL-2003 English dev ({len(docs)} documents, unseen Reuters news), PER/LOC/ORG exact span + type, micro")
    for name, keep in groups.items():
        chosen = [x for x in per_doc if keep(x[0])]
        ngold = sum(len(d.gold) for d, _, _ in chosen)
        for who, k in (("spaCy sm alone", 1), ("Rhetoric Lab", 2)):
            s = Score(0, 0, 0)
            for x in chosen:
                one = _score(x[k], x[0].gold)
                s = Score(s.tp + one.tp, s.fp + one.fp, s.fn + one.fn)
            totals[(name, who)] = s
        print(f"  {name:<19} ({len(chosen):>3} docs, {ngold:>4} gold)  spaCy {totals[(name, 'spaCy sm alone')].f1:.3f}"
              f"   kit {totals[(name, 'Rhetoric Lab')].f1:.3f}   [kit {totals[(name, 'Rhetoric Lab')]}]")
    for label in sorted(SCORED):
        g = sum(len({x for x in d.gold if x[2] == label}) for d, _, _ in per_doc)
        tp_r = sum(len({x for x in r if x[2] == label} & d.gold) for d, r, _ in per_doc)
        tp_k = sum(len({x for x in k if x[2] == label} & d.gold) for d, _, k in per_doc)
        pr = sum(len({x for x in r if x[2] == label}) for _, r, _ in per_doc)
        pk = sum(len({x for x in k if x[2] == label}) for _, _, k in per_doc)
        print(f"  {label}: spaCy {Score(tp_r, pr - tp_r, g - tp_r)}\n       kit   {Score(tp_k, pk - tp_k, g - tp_k)}")
    print(f"  time: spaCy parse {model_time:.1f} s, entity layer {kit_time:.1f} s (ratio {(model_time + kit_time) / model_time:.3f})")
    if errors_half:
        _print_errors([x for x in per_doc if x[0].index % 2 == (0 if errors_half == "even" else 1)], show)


def _print_errors(per_doc, show: int) -> None:
    kinds: Counter = Counter()
    lines = []
    for d, _, mine in per_doc:
        for s, e, lab in sorted(mine - d.gold):
            same = [g for g in d.gold if g[0] == s and g[1] == e]
            kind = f"type {lab}<-{same[0][2]}" if same else "extra"
            kinds[kind] += 1
            lines.append(f"  doc {d.index:>3} {kind:<16} {d.text[s:e]!r:<32} | {_context(d.text, s, e)}")
        for s, e, lab in sorted(d.gold - mine):
            if any(p[0] == s and p[1] == e for p in mine):
                continue
            kinds[f"missed {lab}"] += 1
            lines.append(f"  doc {d.index:>3} missed {lab:<9} {d.text[s:e]!r:<32} | {_context(d.text, s, e)}")
    print("\nerrors by kind:", dict(kinds.most_common()))
    for ln in lines[:show]:
        print(ln)


def _context(text: str, s: int, e: int) -> str:
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    line = text[a:b if b != -1 else len(text)]
    return line[:140]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", choices=["even", "odd"], help="list the kit's errors on this half of CoNLL dev")
    ap.add_argument("--show", type=int, default=400, help="how many error lines to print")
    ap.add_argument("--conll-only", action="store_true")
    args = ap.parse_args()
    if not args.conll_only:
        seed()
    conll(args.errors, args.show)


if __name__ == "__main__":
    main()
