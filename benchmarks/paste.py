"""Pasted text: does an article copied from a web page, a PDF or an e-mail give the same analysis?

    python benchmarks/paste.py [--limit N] [--variants nbsp,soft_hyphens,...]

Each text (the seed, then the PolNeAR development articles read in place from
``../shared/polnear-dev/text`` or ``$RHETORIC_POLNEAR``; never copied; skipped with a message if
absent) is analysed clean and then passed through each variant of ``tests/pasting.py`` (non-breaking
spaces in about 1 space in 10, soft hyphens in long words, zero-width characters, hard-wrapped at
72 columns with blank lines between paragraphs, Windows line ends, and the last three at once).
For each variant it prints how many texts give exactly the clean text's quotes (kind, words,
speaker), actors, signal counts and entities, how many items differ in all, and whether every
item's text is the pasted text at its offsets. Prints a table; not a timed test.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
# beside the repository, or beside the folder of worktrees a helper's checkout sits in
_SHARED = next((d for d in (REPO.parent / "shared", REPO.parent.parent / "shared") if d.is_dir()), REPO.parent / "shared")
POLNEAR = Path(os.environ.get("RHETORIC_POLNEAR", _SHARED / "polnear-dev")) / "text"


def _differences(got: dict, want: dict) -> int:
    n = 0
    for key, value in want.items():
        if isinstance(value, list):
            n += sum(((Counter(map(str, value)) - Counter(map(str, got[key]))) +
                      (Counter(map(str, got[key])) - Counter(map(str, value)))).values())
        else:
            n += sum(abs(value.get(c, 0) - got[key].get(c, 0)) for c in set(value) | set(got[key]))
    return n


def main() -> int:
    import pasting

    import rhetoric

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N PolNeAR articles")
    parser.add_argument("--variants", default=",".join(pasting.VARIANTS))
    args = parser.parse_args()
    files = sorted((REPO / "seeds").glob("*.txt"))
    if POLNEAR.is_dir():
        polnear = sorted(POLNEAR.glob("*.txt"))
        files += polnear[:args.limit] if args.limit else polnear
    else:
        print(f"(PolNeAR texts not found at {POLNEAR}; set RHETORIC_POLNEAR. Measuring on the seed only.)")
    variants = [v for v in args.variants.split(",") if v]
    rhetoric.load_nlp()
    same = Counter()
    diffs = Counter()
    anchored = Counter()
    items = Counter()
    worst: dict[str, tuple[int, str]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        clean = pasting.summary(rhetoric.analyze(text))
        for v in variants:
            a = rhetoric.analyze(pasting.VARIANTS[v](text))
            d = _differences(pasting.summary(a), clean)
            same[v] += d == 0
            diffs[v] += d
            anchored[v] += pasting.offsets_hold(a)
            items[v] += len(clean["quotes"]) + len(clean["entities"]) + sum(clean["signals"].values())
            if d > worst.get(v, (0, ""))[0]:
                worst[v] = (d, path.name)
        print(f"  {path.name[:60]}", flush=True, file=sys.stderr)
    print(f"\nPasted variants of {len(files)} texts (seed + PolNeAR dev): same analysis as the clean text")
    print(f"  {'variant':<20}{'texts same':>12}{'items differing':>18}{'of items':>10}{'offsets hold':>14}  worst text")
    for v in variants:
        w = worst.get(v)
        print(f"  {v:<20}{same[v]:>7}/{len(files):<4}{diffs[v]:>18}{items[v]:>10}{anchored[v]:>9}/{len(files):<4}"
              f"  {f'{w[1]} ({w[0]})' if w else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
