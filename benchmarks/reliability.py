"""How often the kit is right on news it has never seen: one headline figure per layer, for learners.

    python benchmarks/reliability.py          (part of `make bench`; corpora from ../shared or $RHETORIC_DEV)

Writes ``data/reliability.json`` (``rhetoric.reliability.record``), which the explorer, the lesson
builder and the learner's lesson say in words ("the kit names the right speaker about 7 times in
10"). Every figure is a precision: of the items the kit shows a learner, the share the corpus
confirms. The detailed benchmarks (quotes.py, entities.py, signals.py) give recall and the errors.

* entities: CoNLL-2003 English dev (Reuters 1996). A kit name of kind person, place, organisation
  or group is right when a gold name has exactly its span and its type (PERSON→PER, GPE/LOC/FAC→LOC,
  ORG→ORG, NORP→MISC).
* quotes: PolNeAR dev. A direct quote the kit shows is right when it matches a gold attribution and
  names its source (``benchmarks/quotes.py``'s matching rules); a quote that is not one counts wrong.
* reporting_verb: PolNeAR dev. A reporting verb is right when it falls on an annotated cue.
* hedge: FactBank (Szeged Uncertainty Corpus). A hedge is right when it overlaps an uncertainty cue.
  The corpus does not mark approximators ("about 30"), so this figure is low by their share.
* loaded: Propaganda Techniques Corpus. A loaded word is right when it overlaps a Loaded_Language or
  Name_Calling,Labeling span. The corpus marks propaganda, not every evaluative word: low too.
A corpus that is absent is skipped (its layer keeps its last figure).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rhetoric import InputError, analyze, load_nlp  # noqa: E402
from rhetoric.reliability import record, sentence  # noqa: E402


def _dev_folder() -> Path:
    """``$RHETORIC_DEV``, else a ``shared`` folder beside the repository (or beside its worktree folder)."""
    if os.environ.get("RHETORIC_DEV"):
        return Path(os.environ["RHETORIC_DEV"])
    for up in (REPO.parent, REPO.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return REPO.parent / "shared"


DEV = _dev_folder()
CONLL_TYPE = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC"}


def _report(layer: str, right: int, shown: int, dataset: str, note: str = "") -> None:
    if not shown:
        print(f"{layer}: nothing shown on {dataset}; not recorded")
        return
    record(layer, right / shown, n=shown, dataset=dataset, note=note)
    print(f"{layer:15s} precision {right / shown:.3f} ({right}/{shown}) on {dataset}\n    -> {sentence(layer)}")


def _analyses(texts, nlp):
    for name, text, gold in texts:
        try:
            yield name, analyze(text, nlp=nlp), gold
        except InputError:
            continue


# --- CoNLL-2003 ------------------------------------------------------------------------------------

def conll_docs(path: Path):
    """``(name, text, [(start, end, type)])`` per document: tokens joined by spaces, a sentence per line."""
    docs, lines, spans, pos, cur = [], [], [], 0, None

    def close():
        nonlocal lines, spans, pos, cur
        if lines:
            docs.append((f"doc{len(docs)}", "\n".join(lines) + "\n", spans))
        lines, spans, pos, cur = [], [], 0, None

    sent: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("-DOCSTART-"):
            if sent:
                lines.append(" ".join(sent))
                pos += len(lines[-1]) + 1
                sent = []
            close()
            continue
        if not raw.strip():
            if sent:
                lines.append(" ".join(sent))
                pos += len(lines[-1]) + 1
                sent = []
            cur = None
            continue
        tok, _, _, tag = raw.split()[:4]
        start = pos + sum(len(t) + 1 for t in sent)
        sent.append(tok)
        if tag == "O":
            cur = None
            continue
        prefix, typ = tag.split("-", 1)
        if cur is not None and cur[2] == typ and prefix == "I" and spans and spans[-1] is cur:
            cur[1] = start + len(tok)
        else:
            cur = [start, start + len(tok), typ]
            spans.append(cur)
    if sent:
        lines.append(" ".join(sent))
    close()
    return [(n, t, {(s, e, ty) for s, e, ty in sp}) for n, t, sp in docs]


def entities(nlp) -> None:
    path = DEV / "conll2003-dev" / "eng.testa"
    if not path.exists():
        print(f"CoNLL-2003 dev not found at {path}: entities skipped")
        return
    docs = conll_docs(path)
    right = shown = 0
    for _, a, gold in _analyses(docs, nlp):
        for e in a.entities:
            typ = CONLL_TYPE.get(e.label)
            if typ is None:
                continue
            shown += 1
            right += (e.start, e.end, typ) in gold
    _report("entities", right, shown, f"CoNLL-2003 English dev ({len(docs)} Reuters documents)")


# --- PolNeAR -------------------------------------------------------------------------------------

def _quotes_module():
    spec = importlib.util.spec_from_file_location("bench_quotes", Path(__file__).with_name("quotes.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def polnear(nlp) -> None:
    root = DEV / "polnear-dev"
    if not (root / "text").is_dir():
        print(f"PolNeAR dev not found at {root}: quotes and reporting verbs skipped")
        return
    q = _quotes_module()
    arts = list(q.polnear_articles(root))
    right = shown = 0
    v_right = v_shown = 0
    for name, a, units in _analyses(arts, nlp):
        direct_units = [u for u in units if u["direct"] and not u.get("nested")]
        preds, _ = q.kit_predictions(a)
        for p in preds:
            shown += 1
            right += any(q.spans_match(p["span"], u["segs"]) and q.speaker_match(p, u) for u in direct_units)
        cues = [seg for u in units for seg in u.get("cue_segs", [])]
        if not cues:
            ann = sorted((root / "attributions").glob(Path(name).stem + "*.ann"))
            cues = _cue_spans(ann[0]) if ann else []
        for s in a.signals:
            if s.category == "reporting_verb":
                v_shown += 1
                v_right += any(s.start < ce and cs < s.end for cs, ce in cues)
    _report("quotes", right, shown, f"PolNeAR dev ({len(arts)} US election news articles, direct quotes)")
    _report("reporting_verb", v_right, v_shown, f"PolNeAR dev ({len(arts)} articles, annotated cues)")


def _cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue"):
            for seg in parts[1].split(" ", 1)[1].split(";"):
                s, e = seg.split()
                spans.append((int(s), int(e)))
    return spans


# --- FactBank (uncertainty cues) ---------------------------------------------------------------------

def factbank_docs(path: Path):
    """``(name, text, [(start, end)])`` per document: sentences one per line, cue offsets into the text."""
    docs = []
    for doc in ET.parse(path).getroot().iter("Document"):
        name = (doc.findtext("DocID") or f"doc{len(docs)}").strip()
        parts, cues, pos = [], [], 0
        for sent in doc.iter("Sentence"):
            chunks = []

            def walk(el):
                nonlocal pos
                if el.text:
                    start = pos + sum(len(c) for c in chunks)
                    chunks.append(el.text)
                    if el.tag == "ccue":
                        cues.append((start, start + len(el.text)))
                for child in el:
                    walk(child)
                    if child.tail:
                        chunks.append(child.tail)

            walk(sent)
            line = "".join(chunks)
            parts.append(line)
            pos += len(line) + 1
        docs.append((name, "\n".join(parts) + "\n", cues))
    return docs


def hedges(nlp) -> None:
    path = DEV / "factbank-dev" / "factbank-dev.xml"
    if not path.exists():
        print(f"FactBank not found at {path}: hedges skipped")
        return
    docs = factbank_docs(path)
    right = shown = 0
    for _, a, cues in _analyses(docs, nlp):
        for s in a.signals:
            if s.category == "hedge":
                shown += 1
                right += any(s.start < e and b < s.end for b, e in cues)
    _report("hedge", right, shown, f"FactBank uncertainty cues ({len(docs)} news documents)",
            note="the corpus does not mark approximators such as “about” and “nearly”, so the true figure is higher")


# --- Propaganda Techniques Corpus ------------------------------------------------------------------------

JUDGING = {"Loaded_Language", "Name_Calling,Labeling"}


def ptc_docs(root: Path):
    docs = []
    for art in sorted((root / "articles").glob("article*.txt")):
        aid = re.sub(r"\D", "", art.stem)
        labels = root / "labels" / f"article{aid}.task2-TC.labels"
        spans = []
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 4 and parts[1] in JUDGING:
                    spans.append((int(parts[2]), int(parts[3])))
        docs.append((art.name, art.read_text(encoding="utf-8"), spans))
    return docs


def loaded(nlp) -> None:
    root = DEV / "ptc-dev"
    if not (root / "articles").is_dir():
        print(f"PTC not found at {root}: loaded words skipped")
        return
    docs = ptc_docs(root)
    right = shown = 0
    for _, a, spans in _analyses(docs, nlp):
        for s in a.signals:
            if s.category == "loaded":
                shown += 1
                right += any(s.start < e and b < s.end for b, e in spans)
    _report("loaded", right, shown, f"Propaganda Techniques Corpus ({len(docs)} articles, loaded language "
                                    "and name calling)",
            note="the corpus marks propaganda, not every evaluative word, so the true figure is higher")


def main() -> int:
    nlp = load_nlp()
    for step in (entities, polnear, hedges, loaded):
        try:
            step(nlp)
        except Exception as exc:  # one corpus failing must not stop the others
            print(f"{step.__name__}: failed ({type(exc).__name__}: {exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
