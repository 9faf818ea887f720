"""Held-out cases of the fault kinds in issues 11, 13 and 15, as a measurement.

    python benchmarks/heldout.py               # every case, pass/fail per expectation, per kind, total
    python benchmarks/heldout.py --kind hedge  # one kind only (``--kind paste`` for the pasted-text variants)
    python benchmarks/heldout.py --quiet       # only failures and the tables
    python benchmarks/heldout.py --batch 2     # one batch only (see below)

The cases (``data/heldout/cases.json``) were written apart from the fixes, without reading
them or their tests, so the pass rate says whether a fix holds for the kind rather than for
the sentence it was written for. Each case is ``{"id", "kind", "text", "expect": [...]}``;
each expectation is checked against ``rhetoric.analyze(text)``. Cases come in batches, each
written apart from the fixes made after the one before: batch 1 has unprefixed ids
(``headline_quote-01``), batch N > 1 ids prefixed ``bN-`` (``b2-headline_quote-01``);
``--batch N`` keeps one batch (the pasted-text variants belong to batch 1). An expectation:

* ``{"quote": S, ...}``: some quote whose text contains ``S`` meets every condition given:
  ``speaker_contains`` (a word or a list of words, any of which; case-insensitive, in the
  canonical speaker), ``speaker: null``, ``negated`` (``Quote.negated``, False when the field
  is absent) and ``kind`` (default: any kind but ``indirect``; ``"indirect"``; ``"any"``).
* ``{"no_quote": S}``: no quote containing ``S`` is counted as speech, i.e. has a speaker,
  is not negated and is of kind direct, indirect or transcript.
* ``{"no_quote_by": [S, W]}``: no quote containing ``S`` has a speaker containing ``W``.
* ``{"no_speaker": W}``: no quote at all has a speaker containing ``W``.
* ``{"entity": T, "label": L}``: an entity whose text is or contains ``T`` has label ``L``
  (or one of a list); ``{"no_entity_label": [T, L]}``: no entity containing ``T`` has label
  ``L``; ``{"no_entity_exact": T}``: no entity is exactly ``T``; ``{"no_entity_startswith": C}``.
* ``{"signal": W, "category": C, ...}``: a signal of category ``C`` overlaps the first
  whole-word, case-sensitive occurrence of ``W`` and meets ``negated``, ``in_quote`` and
  ``uncertain`` (its hedge subtype is an uncertainty kind in ``data/lexicons/hedges.json``).
  ``{"no_signal": ...}``: no signal with those conditions overlaps it.

The pasted-text check derives variants of three short articles (``paste_articles``): NBSP in
one space in ten, soft hyphens inside long words, zero-width spaces, hard wrap at 72 columns
with blank lines between paragraphs, CRLF line ends and runs of double spaces. Each variant
must give the clean version's quotes (kind and speaker), actors and signal counts per
category, and ``text[item.start:item.end] == item.text`` for every item.

A measurement, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CASES = REPO / "data" / "heldout" / "cases.json"
HEDGES = REPO / "data" / "lexicons" / "hedges.json"
SPEECH_KINDS = {"direct", "indirect", "transcript"}


def uncertain_subtypes() -> set[str]:
    """The hedge subtypes marked as uncertainty in the hedge lexicon (empty if unreadable)."""
    try:
        kinds = json.loads(HEDGES.read_text(encoding="utf-8")).get("kinds", {})
    except (OSError, ValueError):
        return set()
    return {name for name, info in kinds.items() if isinstance(info, dict) and info.get("uncertainty")}


UNCERTAIN = uncertain_subtypes()


def _words(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _speaker_has(quote, word: str) -> bool:
    return quote.speaker is not None and word.lower() in quote.speaker.lower()


def _kind_ok(quote, wanted) -> bool:
    if wanted == "any":
        return True
    if wanted is None:
        return quote.kind != "indirect"
    return quote.kind == wanted


def _locate(text: str, word: str) -> tuple[int, int] | None:
    """Span of the first whole-word, case-sensitive occurrence of ``word`` in ``text``."""
    m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)
    return (m.start(), m.end()) if m else None


def _signal_matches(sig, exp: dict) -> bool:
    if sig.category != exp["category"]:
        return False
    if "negated" in exp and bool(getattr(sig, "negated", False)) != exp["negated"]:
        return False
    if "in_quote" in exp and bool(sig.in_quote) != exp["in_quote"]:
        return False
    if "uncertain" in exp and (sig.subtype in UNCERTAIN) != exp["uncertain"]:
        return False
    return True


def check(exp: dict, text: str, analysis) -> tuple[bool, str]:
    """Whether ``analysis`` meets one expectation, and a one-line account of what it found."""
    quotes = analysis.quotes
    if "quote" in exp:
        sub = exp["quote"]
        found = [q for q in quotes if sub in q.text]
        if not found:
            return False, "no quote contains it"
        cands = [q for q in found if _kind_ok(q, exp.get("kind"))]
        if "speaker_contains" in exp:
            cands = [q for q in cands if any(_speaker_has(q, w) for w in _words(exp["speaker_contains"]))]
        if "speaker" in exp:
            cands = [q for q in cands if q.speaker == exp["speaker"]]
        if "negated" in exp:
            cands = [q for q in cands if bool(getattr(q, "negated", False)) == exp["negated"]]
        seen = "; ".join(f"{q.kind}/{q.speaker}/neg={getattr(q, 'negated', '-')}: {q.text[:50]!r}" for q in found)
        return bool(cands), seen
    if "no_quote" in exp:
        sub = exp["no_quote"]
        bad = [
            q
            for q in quotes
            if sub in q.text and q.speaker is not None and not getattr(q, "negated", False) and q.kind in SPEECH_KINDS
        ]
        return not bad, "; ".join(f"{q.kind}/{q.speaker}: {q.text[:50]!r}" for q in bad)
    if "no_quote_by" in exp:
        sub, word = exp["no_quote_by"]
        bad = [q for q in quotes if sub in q.text and _speaker_has(q, word)]
        return not bad, "; ".join(f"{q.kind}/{q.speaker}: {q.text[:50]!r}" for q in bad)
    if "no_speaker" in exp:
        bad = [q for q in quotes if _speaker_has(q, exp["no_speaker"])]
        return not bad, "; ".join(f"{q.speaker}: {q.text[:50]!r}" for q in bad)
    ents = analysis.entities
    if "entity" in exp:
        want = exp["entity"]
        labels = _words(exp["label"])
        found = [e for e in ents if want in e.text]
        ok = any(e.label in labels for e in found)
        return ok, "; ".join(f"{e.text!r}={e.label}" for e in found) or "no entity contains it"
    if "no_entity_label" in exp:
        want, label = exp["no_entity_label"]
        bad = [e for e in ents if want in e.text and e.label == label]
        return not bad, "; ".join(f"{e.text!r}={e.label}" for e in bad)
    if "no_entity_exact" in exp:
        bad = [e for e in ents if e.text == exp["no_entity_exact"]]
        return not bad, "; ".join(f"{e.text!r}={e.label}@{e.start}" for e in bad)
    if "no_entity_startswith" in exp:
        bad = [e for e in ents if e.text.startswith(exp["no_entity_startswith"])]
        return not bad, "; ".join(f"{e.text!r}={e.label}" for e in bad)
    for key, positive in (("signal", True), ("no_signal", False)):
        if key in exp:
            span = _locate(text, exp[key])
            if span is None:
                return False, "the case's word is not in its text (bad case)"
            s, e = span
            over = [g for g in analysis.signals if g.start < e and s < g.end]
            hits = [g for g in over if _signal_matches(g, exp)]
            seen = (
                "; ".join(f"{g.category}/{g.subtype}/neg={g.negated}/q={g.in_quote}: {g.text!r}" for g in over)
                or "no signal there"
            )
            return (bool(hits) if positive else not hits), seen
    return False, f"unknown expectation {exp}"


def batch_of(case_id: str) -> int:
    """The batch a case belongs to: N for an id prefixed ``bN-``, else 1."""
    m = re.match(r"b(\d+)-", case_id)
    return int(m.group(1)) if m else 1


def describe(exp: dict) -> str:
    return json.dumps(exp, ensure_ascii=False)


# --- pasted-text variants -------------------------------------------------------------


def with_nbsp(text: str) -> str:
    """Every tenth space becomes a no-break space (U+00A0)."""
    out, n = [], 0
    for ch in text:
        if ch == " ":
            n += 1
            if n % 10 == 0:
                ch = "\u00a0"
        out.append(ch)
    return "".join(out)


def _inside_long_words(text: str, mark: str, min_len: int = 9) -> str:
    def cut(m: re.Match) -> str:
        w = m.group(0)
        mid = len(w) // 2
        return w[:mid] + mark + w[mid:]

    return re.sub(rf"[A-Za-z]{{{min_len},}}", cut, text)


def with_soft_hyphens(text: str) -> str:
    """A soft hyphen (U+00AD) in the middle of every word of 9 letters or more."""
    return _inside_long_words(text, "\u00ad")


def with_zero_width(text: str) -> str:
    """A zero-width space (U+200B) inside long words and after every fifth space."""
    text = _inside_long_words(text, "\u200b", 11)
    out, n = [], 0
    for ch in text:
        out.append(ch)
        if ch == " ":
            n += 1
            if n % 5 == 0:
                out.append("\u200b")
    return "".join(out)


def hard_wrapped(text: str) -> str:
    """Paragraphs wrapped at 72 columns, a blank line between paragraphs (PDF / e-mail)."""
    paras = [p for p in text.split("\n\n")]
    return "\n\n".join(textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False) for p in paras)


def with_crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def double_spaced(text: str) -> str:
    """Two spaces after every sentence and before every third word."""
    text = re.sub(r"([.!?][”’\"']?) ", r"\1  ", text)
    out, n = [], 0
    for ch in text:
        out.append(ch)
        if ch == " ":
            n += 1
            if n % 3 == 0:
                out.append(" ")
    return "".join(out)


VARIANTS = {
    "nbsp": with_nbsp,
    "soft_hyphen": with_soft_hyphens,
    "zero_width": with_zero_width,
    "hard_wrap_72": hard_wrapped,
    "crlf": with_crlf,
    "double_spaces": double_spaced,
}


def _norm(name):
    if name is None:
        return None
    name = name.replace("\u00ad", "").replace("\u200b", "")
    return " ".join(name.split())


def profile(analysis) -> dict:
    """What must not change when text is pasted: quotes, actors, signal counts."""
    return {
        "quotes": sorted(Counter((q.kind, _norm(q.speaker)) for q in analysis.quotes).items(), key=str),
        "actors": sorted(_norm(a) for a in analysis.actors),
        "signals": dict(sorted(Counter(s.category for s in analysis.signals).items())),
    }


def offsets_hold(text: str, analysis) -> list[str]:
    """Items whose text is not the original text at their offsets."""
    bad = []
    items = [*analysis.entities, *analysis.quotes, *analysis.signals]
    for it in items:
        if text[it.start : it.end] != it.text:
            bad.append(f"{type(it).__name__} {it.start}-{it.end} {it.text!r}")
    return bad


def diff(a: dict, b: dict) -> str:
    parts = []
    for key in a:
        if a[key] != b[key]:
            if key == "signals":
                keys = sorted(set(a[key]) | set(b[key]))
                d = {k: (a[key].get(k, 0), b[key].get(k, 0)) for k in keys if a[key].get(k, 0) != b[key].get(k, 0)}
                parts.append(f"signals clean->variant {d}")
            else:
                sa, sb = Counter(map(str, a[key])), Counter(map(str, b[key]))
                parts.append(f"{key}: lost {sorted((sa - sb).elements())} gained {sorted((sb - sa).elements())}")
    return "; ".join(parts)


def run_paste(articles: list[dict], analyze, quiet: bool) -> tuple[int, int]:
    """Check every variant of every article; print failures (all checks unless ``quiet``) and a
    line per variant. Returns (checks passed, checks)."""
    passed = total = 0
    per_variant = defaultdict(lambda: [0, 0])
    for art in articles:
        clean = art["text"]
        base = profile(analyze(clean))
        for vname, fn in VARIANTS.items():
            variant = fn(clean)
            try:
                a = analyze(variant)
            except Exception as exc:  # a measurement: record and go on
                results = [("same analysis", False, f"error: {exc!r}"), ("offsets", False, "error")]
            else:
                prof = profile(a)
                bad = offsets_hold(variant, a)
                results = [
                    ("quotes", prof["quotes"] == base["quotes"], diff({"quotes": base["quotes"]}, {"quotes": prof["quotes"]})),
                    ("actors", prof["actors"] == base["actors"], diff({"actors": base["actors"]}, {"actors": prof["actors"]})),
                    (
                        "signals",
                        prof["signals"] == base["signals"],
                        diff({"signals": base["signals"]}, {"signals": prof["signals"]}),
                    ),
                    ("offsets", not bad, "; ".join(bad[:3])),
                ]
            for what, ok, note in results:
                total += 1
                passed += ok
                per_variant[vname][0] += ok
                per_variant[vname][1] += 1
                if not quiet or not ok:
                    print(f"  {'PASS' if ok else 'FAIL'}  {art['id']} / {vname} / {what}" + ("" if ok else f"  -- {note}"))
    for vname, (p, t) in per_variant.items():
        print(f"  {vname:14} {p:>3}/{t:<3} checks pass")
    return passed, total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", help="run one kind only ('paste' for the pasted-text variants)")
    ap.add_argument("--batch", type=int, help="run one batch only: 1 = ids without a 'bN-' prefix, N = ids 'bN-...'")
    ap.add_argument("--quiet", action="store_true", help="print only failures and the tables")
    args = ap.parse_args(argv)

    from rhetoric import analyze

    data = json.loads(CASES.read_text(encoding="utf-8"))
    cases = data["cases"]
    if args.kind:
        cases = [c for c in cases if c["kind"] == args.kind]
    if args.batch is not None:
        cases = [c for c in cases if batch_of(c["id"]) == args.batch]
    t0 = time.time()
    per_kind_exp = defaultdict(lambda: [0, 0])
    per_kind_case = defaultdict(lambda: [0, 0])
    for case in cases:
        try:
            analysis = analyze(case["text"])
        except Exception as exc:  # a measurement: a crash fails the case's expectations
            analysis, crash = None, repr(exc)
        all_ok = True
        for exp in case["expect"]:
            if analysis is None:
                ok, note = False, f"analyze raised {crash}"
            else:
                ok, note = check(exp, case["text"], analysis)
            all_ok &= ok
            per_kind_exp[case["kind"]][0] += ok
            per_kind_exp[case["kind"]][1] += 1
            if not args.quiet or not ok:
                print(f"  {'PASS' if ok else 'FAIL'}  {case['id']}  {describe(exp)}" + ("" if ok else f"  -- found: {note}"))
        per_kind_case[case["kind"]][0] += all_ok
        per_kind_case[case["kind"]][1] += 1

    paste = None
    if (not args.kind or args.kind == "paste") and args.batch in (None, 1):
        print("\nPasted-text variants (same quotes/speakers, actors, signal counts as the clean text; offsets hold):")
        paste = run_paste(data.get("paste_articles", []), analyze, args.quiet)

    print(f"\n{'kind':28} {'cases':>9} {'expectations':>14}")
    tc = [0, 0]
    te = [0, 0]
    for kind in per_kind_exp:
        c, e = per_kind_case[kind], per_kind_exp[kind]
        tc = [tc[0] + c[0], tc[1] + c[1]]
        te = [te[0] + e[0], te[1] + e[1]]
        print(f"{kind:28} {c[0]:>4}/{c[1]:<4} {e[0]:>6}/{e[1]:<4} {e[0] / e[1]:5.2f}")
    if tc[1]:
        print(f"{'TOTAL (cases)':28} {tc[0]:>4}/{tc[1]:<4} {te[0]:>6}/{te[1]:<4} {te[0] / te[1]:5.2f}")
    if paste and paste[1]:
        print(f"{'paste variants (checks)':28} {'':9} {paste[0]:>6}/{paste[1]:<4} {paste[0] / paste[1]:5.2f}")
    print(f"({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
