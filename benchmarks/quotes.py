"""Benchmark of quote attribution: the kit against textacy, on the seed gold and PolNeAR dev.

Run:  python benchmarks/quotes.py            (PolNeAR from ../shared/polnear-dev, or $POLNEAR_DIR)
      python benchmarks/quotes.py --even     (and list the errors of the even-indexed half)
      python benchmarks/quotes.py --cases    (pass/fail of every case in data/gold/quote_cases.json)

What is scored
--------------
* Units. Seed: the direct quotes of ``data/gold/quotes.json``. PolNeAR: every attribution whose
  Content holds quotation marks: a double mark (“ ” " « »), the typewriter '' `` of its New York
  Times texts, or a pair of single marks (headlines: ‘…’) (a direct or mixed quote). The rows
  "issue-15 gold" count only “ ” " « », as issue 15 first measured (there a quote in '' or ‘…’
  the kit finds is a false positive); the row "double marks + ''" counts the typewriter '' as
  the double mark it stands for, and single marks not. For articles with two
  annotators, the first annotation file in name order. Indirect speech (the kit only): seed
  indirect quotes, and PolNeAR Contents without a double mark.
* Span match: a predicted quote matches a gold unit when their overlap is at least half of
  the shorter of the two (gold Content may be several segments; a mixed quote's Content is
  longer than its quoted words). Only outermost predicted quotes are scored (PolNeAR does
  not annotate quotes inside quotes).
* Detection: precision = predicted quotes matching some unit / predicted quotes;
  recall = units matched by some prediction / units.
* Attribution: as detection, but the match must also get the speaker right: the predicted
  speaker mention overlaps the gold Source span, or another mention of the predicted actor
  does (entity mentions and the kit's other speaker mentions linked to that actor), or the
  predicted speaker's name and the gold Source end in the same word ("Donald Trump" /
  "Trump"). For a relayed quote the relayer counts too (PolNeAR gives the outer source of
  "Trump said Clinton described it as “…”"; the kit's speaker is Clinton, relayed_by Trump). A gold unit without a Source is right only with a null speaker. On the seed,
  the gold speaker is a canonical name and name equality (last word) also counts.
* Strict (issue 15): gold = direct units that name a Source; precision counts every outermost
  predicted direct quote (a speakerless one too); the speaker is right only when the quote's
  own speaker mention (``speaker_start``/``speaker_end``) overlaps the gold Source, or the
  predicted speaker shares a content word (not a pronoun) with the Source text.
* Halves: the even-indexed articles are the half read while developing (``--even`` prints their
  errors); the odd half is reported, not read.
* One resolver: at every cue shared by a reporting-verb signal and a quote, do the two name the
  same actor?
* textacy: ``textacy.extract.triples.direct_quotations`` on the same spaCy parse; it raises
  ValueError on an odd number of quote marks, which counts as nothing found.
* Speed: spaCy parse alone vs parse + the kit's full ``analyze``; and the quote layer alone.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import rhetoric  # noqa: E402
from rhetoric.analysis import parse, run_layers  # noqa: E402
from rhetoric.evaluate import harmonic_f1, ratio  # noqa: E402
from rhetoric.intake import prepare  # noqa: E402
from rhetoric.quotes import find_quotes  # noqa: E402

DOUBLE_MARKS = ('"', "“", "”", "«", "»")
#: Double marks typed as two characters (PolNeAR's New York Times texts quote ''like this'').
TYPEWRITER_MARKS = ("''", "``")


# --------------------------------------------------------------------------------- reading gold
def read_brat(path: str) -> list[dict]:
    """Attributions of one brat .ann file: content segments, source segments."""
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, offs = parts[1].split(" ", 1)
            segs = [tuple(map(int, s.split())) for s in offs.split(";")]
            spans[parts[0]] = (label, segs)
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(kv.split(":", 1) for kv in parts[1].split()))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""), (None, []))[1]
        source = spans.get(ev.get("Source", ""), (None, []))[1]
        if content:
            out.append({"segs": content, "source": source})
    return out


def polnear_articles(root: Path):
    for tpath in sorted(glob.glob(str(root / "text" / "*.txt"))):
        name = Path(tpath).stem
        anns = sorted(glob.glob(str(root / "attributions" / f"{name}_*.ann")))
        if not anns:
            continue
        text = open(tpath, encoding="utf-8").read()
        units = read_brat(anns[0])
        for u in units:
            u["text"] = " ".join(text[s:e] for s, e in u["segs"])
            u["source_text"] = " ".join(text[s:e] for s, e in u["source"])
            u["direct_issue"] = any(m in u["text"] for m in DOUBLE_MARKS)
            u["direct_double"] = u["direct_issue"] or any(m in u["text"] for m in TYPEWRITER_MARKS)
            u["direct"] = u["direct_double"] or _single_quoted(u["text"])
        yield name, text, units


def _single_quoted(content: str) -> bool:
    """A Content holding words in single quotation marks (headline style: "Warren Hammers Wells
    Fargo CEO: ‘You Should Be Criminally Investigated.’"), paired by the kit's one engine."""
    from rhetoric.quotes.marks import SINGLE, find_marked_spans

    return any(s.kind == SINGLE and s.closed for s in find_marked_spans(content))


def seed_units():
    gold = json.loads((REPO / "data" / "gold" / "quotes.json").read_text(encoding="utf-8"))
    text = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    units = []
    for q in gold["quotes"]:
        src = [(q["speaker_start"], q["speaker_end"])] if q.get("speaker_start") is not None else []
        units.append({"segs": [(q["start"], q["end"])], "source": src, "source_text": q.get("speaker") or "",
                      "direct": q["kind"] == "direct", "nested": q.get("nested_in") is not None,
                      "text": q["text"]})
    return text, units


# --------------------------------------------------------------------------------- predictions
def kit_predictions(analysis) -> tuple[list[dict], list[dict]]:
    """(direct, indirect) predictions with the speaker spans that count for each."""
    mentions: dict[str, list[tuple[int, int]]] = {}
    for name, actor in analysis.actors.items():
        mentions.setdefault(name, []).extend(tuple(m) for m in actor.mentions)
    for e in analysis.entities:
        if e.actor:
            mentions.setdefault(e.actor, []).append((e.start, e.end))
    for q in analysis.quotes:
        if q.speaker and q.speaker_start is not None:
            mentions.setdefault(q.speaker, []).append((q.speaker_start, q.speaker_end))
    direct, indirect = [], []
    for q in analysis.quotes:
        spk = []
        if q.speaker_start is not None:
            spk.append((q.speaker_start, q.speaker_end))
        if q.speaker:
            spk.extend(mentions.get(q.speaker, []))
        if q.relayed_by:  # PolNeAR gives a relayed quote's outer source
            spk.extend(mentions.get(q.relayed_by, []))
        row = {"span": (q.start, q.end), "speaker": q.speaker, "speaker_spans": spk,
               "relayed_by": q.relayed_by}
        if q.kind == "direct":
            if q.nested_in is None:
                direct.append(row)
        else:
            indirect.append(row)
    return direct, indirect


def textacy_predictions(doc) -> list[dict] | None:
    """textacy's direct quotations, or None when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []
    out = []
    for t in triples:
        c = t.content
        spk = [(tok.idx, tok.idx + len(tok)) for tok in t.speaker]
        name = " ".join(tok.text for tok in t.speaker) or None
        out.append({"span": (c.start_char, c.end_char), "speaker": name, "speaker_spans": spk})
    return out


# --------------------------------------------------------------------------------- scoring
def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(pred, segs) -> bool:
    ov = sum(_overlap(pred, s) for s in segs)
    glen = sum(e - s for s, e in segs)
    shorter = min(pred[1] - pred[0], glen)
    return shorter > 0 and ov >= 0.5 * shorter


def _last_word(name: str) -> str:
    words = [w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalpha()]
    return words[-1].lower().strip(".,") if words else ""


def speaker_match(pred, unit) -> bool:
    if not unit["source"]:
        return pred["speaker"] is None
    if pred["speaker"] is None:
        return False
    if any(_overlap(p, s) > 0 for p in pred["speaker_spans"] for s in unit["source"]):
        return True
    b = _last_word(unit["source_text"])
    for name in (pred["speaker"], pred.get("relayed_by")):
        a = _last_word(name or "")
        if a and a == b and a not in {"he", "she", "they", "it", "who", "i", "we"}:
            return True
    return False


class Score:
    """Detection and attribution counts; ``speaker_ok`` decides whether a matched quote's speaker is right."""

    speaker_ok = staticmethod(speaker_match)

    def __init__(self):
        self.n_pred = self.n_gold = 0
        self.tp_pred = self.tp_gold = 0  # detection
        self.ta_pred = self.ta_gold = 0  # attribution

    def add(self, preds, units):
        self.n_pred += len(preds)
        self.n_gold += len(units)
        for p in preds:
            hits = [u for u in units if spans_match(p["span"], u["segs"])]
            self.tp_pred += bool(hits)
            self.ta_pred += any(self.speaker_ok(p, u) for u in hits)
        for u in units:
            hits = [p for p in preds if spans_match(p["span"], u["segs"])]
            self.tp_gold += bool(hits)
            self.ta_gold += any(self.speaker_ok(p, u) for p in hits)

    @staticmethod
    def _prf(tp_p, n_p, tp_g, n_g):
        p, r = ratio(tp_p, n_p, empty=0.0), ratio(tp_g, n_g, empty=0.0)
        return p, r, harmonic_f1(p, r)

    def row(self, label):
        d = self._prf(self.tp_pred, self.n_pred, self.tp_gold, self.n_gold)
        a = self._prf(self.ta_pred, self.n_pred, self.ta_gold, self.n_gold)
        return (f"{label:<28} pred {self.n_pred:>4} gold {self.n_gold:>4} | detection P {d[0]:.3f} R {d[1]:.3f} "
                f"F1 {d[2]:.3f} | attribution P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f}")


# --------------------------------------------------------------------------------- strict score
def strict_units(units, key: str = "direct") -> list[dict]:
    """Gold for the strict score: direct (a double mark in the Content) and naming a Source.
    ``key="direct_issue"``: the issue's reading, where ''typewriter'' marks are not double marks."""
    return [u for u in units if u.get(key, u["direct"]) and u["source"] and not u.get("nested")]


def strict_predictions(analysis) -> list[dict]:
    """Every outermost predicted direct quote with its own speaker mention (no other mention counts)."""
    out = []
    for q in analysis.quotes:
        if q.kind != "direct" or q.nested_in is not None:
            continue
        own = [(q.speaker_start, q.speaker_end)] if q.speaker_start is not None and q.speaker else []
        out.append({"span": (q.start, q.end), "speaker": q.speaker, "speaker_spans": own,
                    "negated": getattr(q, "negated", False)})
    return out


def _content_words(text: str) -> set[str]:
    from rhetoric.english import PERSONAL_PRONOUNS, WH_WORDS

    stop = PERSONAL_PRONOUNS | WH_WORDS | {"the", "a", "an", "of", "and", "'s", "’s", "s", "mr", "mrs", "ms", "dr",
                                           "in", "on", "at", "for", "to", "by", "with", "from"}
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", text.lower())
    return {w for w in words if w not in stop}


def _double_marked(text: str, span) -> bool:
    """A predicted quote opened by “ " « (not '' or a single mark): what the issue-15 gold can see."""
    return text[span[0]:span[0] + 2] != "''" and text[span[0]] in "“”\"«„"


def strict_speaker_match(pred, unit) -> bool:
    """The quote's own speaker mention overlaps the gold Source, or the predicted speaker shares a
    content word (not a pronoun) with the Source text."""
    if pred["speaker"] is None:
        return False
    if any(_overlap(p, s) > 0 for p in pred["speaker_spans"] for s in unit["source"]):
        return True
    return bool(_content_words(pred["speaker"]) & _content_words(unit["source_text"]))


class StrictScore(Score):
    """Precision over every predicted direct quote; recall over gold units with a Source."""

    speaker_ok = staticmethod(strict_speaker_match)

    def attribution(self) -> tuple[float, float, float]:
        return self._prf(self.ta_pred, self.n_pred, self.ta_gold, self.n_gold)


# --------------------------------------------------------------------------------- one resolver
def cue_disagreements(analysis) -> tuple[int, int, list[str]]:
    """(shared cues, cues where the reporting-verb signal and the quote name different actors,
    examples). A cue is shared when a reporting-verb signal's span overlaps a quote's cue span."""
    sigs = [s for s in analysis.signals if s.category == "reporting_verb"]
    shared = bad = 0
    examples = []
    for q in analysis.quotes:
        if q.cue_start is None or q.kind == "scare":
            continue
        for s in sigs:
            if s.start < q.cue_end and q.cue_start < s.end:
                shared += 1
                if (s.actor or None) != (q.speaker or None):
                    bad += 1
                    examples.append(f"{s.text}: signal {s.actor!r} vs quote {q.speaker!r}")
                break
    return shared, bad, examples


# --------------------------------------------------------------------------------- runs
def run(texts_units, label, nlp, verbose=False, halves=False):
    kit, kit_ind, tx, kit_issue = Score(), Score(), Score(), Score()
    # whole, even, odd, issue's gold, issue's gold with only the predictions in “ ” " « » marks,
    # double marks however typed (“ ” " « » and the typewriter '' ``)
    strict = [StrictScore(), StrictScore(), StrictScore(), StrictScore(), StrictScore(), StrictScore()]
    t_parse = t_full = t_quotes = 0.0
    shared = bad = 0
    examples: list[str] = []
    have_textacy = True
    for n, (name, text, units) in enumerate(texts_units):
        direct_units = [u for u in units if u["direct"] and not u.get("nested")]
        indirect_units = [u for u in units if not u["direct"]]
        prepared = prepare(text)
        t0 = time.perf_counter()
        doc = parse(prepared, nlp)
        t1 = time.perf_counter()
        analysis = _layers(prepared, doc)
        t2 = time.perf_counter()
        find_quotes(doc, analysis)
        t3 = time.perf_counter()
        t_parse += t1 - t0
        t_full += t2 - t0
        t_quotes += t3 - t2
        d, ind = kit_predictions(analysis)
        kit.add(d, direct_units)
        kit_issue.add(d, [u for u in direct_units if u.get("direct_issue", True)])
        kit_ind.add(ind, indirect_units)
        sp, su = strict_predictions(analysis), strict_units(units)
        strict[0].add(sp, su)
        strict[1 + n % 2].add(sp, su)
        strict[3].add(sp, strict_units(units, "direct_issue"))
        strict[4].add([p for p in sp if _double_marked(text, p["span"])], strict_units(units, "direct_issue"))
        strict[5].add(sp, strict_units(units, "direct_double"))
        txp = textacy_predictions(doc)
        if txp is None:
            have_textacy = False
        else:
            tx.add(txp, direct_units)
        a, b, ex = cue_disagreements(analysis)
        shared, bad = shared + a, bad + b
        examples += [f"{name}: {e}" for e in ex]
        if verbose is True or (verbose == "even" and n % 2 == 0):
            _explain(name, text, d, direct_units)
            _explain_strict(name, text, sp, su)
    print(f"== {label}")
    print(kit.row("kit: direct (lenient)"))
    print(strict[0].row("kit: direct (strict)"))
    if halves:
        print(strict[1].row("  strict, even articles"))
        print(strict[2].row("  strict, odd articles"))
        print(kit_issue.row("  lenient, issue-15 gold"))
        print(strict[3].row("  strict, issue-15 gold"))
        print(strict[4].row("  same, “ ” \" « » quotes only"))
        print(strict[5].row("  strict, double marks + ''"))
    print(tx.row("textacy: direct quotes") if have_textacy else "textacy: not installed (pip install -r "
          "benchmarks/requirements.txt)")
    print(kit_ind.row("kit: indirect speech"))
    print(f"one resolver: {bad} of {shared} shared cues name different actors in the signal and the quote")
    for e in examples[:10] if verbose else ():
        print(f"  DISAGREE {e}")
    print(f"speed: spaCy parse {t_parse:.2f}s; parse + full analyze {t_full:.2f}s "
          f"(x{t_full / t_parse:.2f}); quote layer alone {t_quotes:.3f}s "
          f"({100 * t_quotes / t_parse:.1f}% of the parse)")
    return kit, strict[0]


_BROKEN = []


def _layers(prepared, doc):
    """The kit's full analysis; if another layer is broken mid-development, entities + quotes."""
    if not _BROKEN:
        try:
            return run_layers(prepared, doc)
        except Exception as exc:  # another layer under construction: say so, measure ours
            _BROKEN.append(f"{type(exc).__name__}: {exc}")
            print(f"note: full analyze failed ({_BROKEN[0]}); timing entities + quotes only")
    from rhetoric import entities
    from rhetoric.analysis import Analysis

    a = Analysis(text=prepared.text, doc=doc)
    a.entities, a.actors = entities.find_entities(doc, prepared.text)
    a.quotes = find_quotes(doc, a)
    return a


def _explain(name, text, preds, units):
    for u in units:
        hits = [p for p in preds if spans_match(p["span"], u["segs"])]
        if not hits:
            print(f"  MISS {name}: {u['text'][:90]!r} <- {u['source_text']!r}")
        elif not any(speaker_match(p, u) for p in hits):
            print(f"  SPKR {name}: {u['text'][:70]!r} gold {u['source_text']!r} pred {hits[0]['speaker']!r}")
    for p in preds:
        if not any(spans_match(p["span"], u["segs"]) for u in units):
            print(f"  FP   {name}: {text[p['span'][0]:p['span'][1]][:80]!r} pred {p['speaker']!r}")


def _explain_strict(name, text, preds, units):
    for p in preds:
        hits = [u for u in units if spans_match(p["span"], u["segs"])]
        qt = text[p["span"][0]:p["span"][1]][:70]
        own = " ".join(text[a:b] for a, b in p["speaker_spans"])
        if not hits:
            print(f"  S-FP   {name}: {qt!r} pred {p['speaker']!r} ({own!r})")
        elif not any(strict_speaker_match(p, u) for u in hits):
            print(f"  S-SPKR {name}: {qt!r} gold {hits[0]['source_text']!r} pred {p['speaker']!r} ({own!r})")
    for u in units:
        if not any(spans_match(p["span"], u["segs"]) for p in preds):
            print(f"  S-MISS {name}: {u['text'][:80]!r} <- {u['source_text']!r}")


def run_cases(nlp) -> int:
    """Pass/fail for every case of ``data/gold/quote_cases.json``; returns the number failing."""
    from rhetoric.evaluate import check_quote_case, quote_cases

    failing = 0
    by_kind: dict[str, list[int]] = {}
    for case in quote_cases():
        problems = check_quote_case(rhetoric.analyze(case["text"]), case["expect"])
        failing += bool(problems)
        tally = by_kind.setdefault(case["kind"], [0, 0])
        tally[0] += not problems
        tally[1] += 1
        print(f"{'pass' if not problems else 'FAIL'}  {case['kind']:<14} {case['name']}")
        for p in problems:
            print(f"        - {p}")
    print("by kind: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in by_kind.items()))
    print(f"cases: {sum(a for a, _ in by_kind.values())}/{sum(b for _, b in by_kind.values())} pass")
    return failing


def main(argv=None):
    """``-v`` prints every error, ``--even`` only on even-indexed PolNeAR articles (the half read
    while developing), ``--cases`` runs the case list only."""
    argv = sys.argv[1:] if argv is None else argv
    verbose = "even" if "--even" in argv else "-v" in argv
    nlp = rhetoric.load_nlp()
    if "--cases" in argv:
        return 1 if run_cases(nlp) else 0
    seed_text, units = seed_units()
    run([("seed", seed_text, units)], "seed (The Atlantic, hand gold)", nlp, verbose is True)
    root = Path(os.environ.get("POLNEAR_DIR", REPO.parent / "shared" / "polnear-dev"))
    if not (root / "text").is_dir():
        root = Path("/work/shared/polnear-dev")
    if not (root / "text").is_dir():
        print(f"PolNeAR dev not found at {root}: skipped (set POLNEAR_DIR)")
        return 0
    arts = list(polnear_articles(root))
    run(arts, f"PolNeAR dev ({len(arts)} articles)", nlp, verbose, halves=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
