"""How long the notebooks take to run, and how fast the exercise widgets answer.

Prints the seconds to execute each notebook top to bottom in a fresh kernel (nbclient), the
total (target: under 60 s), and the slowest callback of the exercise widgets on the seed
(target: under 100 ms). A benchmark, not a test: it prints figures and never fails on them.

    python benchmarks/notebooks.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NB_DIR = REPO / "notebooks"


def run_notebook(path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}})
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def slowest(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return max(times)


def widget_callbacks() -> dict[str, float]:
    """Seconds of the slowest run of each exercise-widget callback on the seed."""
    from rhetoric import course
    from rhetoric.exercises.frames_coding import FrameCoder
    from rhetoric.exercises.widgets import LabelChooser, Quiz, SpeakerChooser, WordMarker

    analysis = course.seed_analysis()
    out = {}
    q = Quiz("03.2")
    q.choice.value = q.ex.options[0]
    out["quiz: check"] = slowest(q.check_button.click)
    w = WordMarker("03.5")
    first = w.buttons[0][0]
    out["word marker: toggle a word (saves)"] = slowest(lambda: setattr(first, "value", not first.value))
    w.mark("likely", "nearly")
    out["word marker: check (3-way table)"] = slowest(w.check_button.click)
    lc = LabelChooser("01.5")
    out["label chooser: check"] = slowest(lc.check_button.click)
    sc = SpeakerChooser("02.6")
    out["speaker chooser: check"] = slowest(sc.check_button.click)
    fc = FrameCoder(analysis)
    key = next(iter(fc.buttons))
    out["frame coder: answer a question (saves, redraws)"] = slowest(
        lambda: setattr(fc.buttons[key], "value", "yes" if fc.buttons[key].value != "yes" else "no"))
    t0 = time.perf_counter()
    WordMarker("03.5")
    out["word marker: build (213 word buttons)"] = time.perf_counter() - t0
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of the notebook set (the median is printed)")
    args = parser.parse_args(argv)
    notebooks = sorted(NB_DIR.glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RHETORIC_LAB_WORK"] = str(Path(tmp) / "work.json")
        runs = {p.stem: [] for p in notebooks}
        for _ in range(args.repeat):
            for p in notebooks:
                runs[p.stem].append(run_notebook(p))
                print(f"  ran {p.stem}: {runs[p.stem][-1]:.1f} s", file=sys.stderr, flush=True)
        print(f"Notebook execution (fresh kernel each, nbclient; median of {args.repeat}):")
        total = 0.0
        for name, times in runs.items():
            t = statistics.median(times)
            total += t
            print(f"  {name:<16} {t:6.1f} s")
        print(f"  {'total':<16} {total:6.1f} s   (target < 60 s)")
        try:
            load = os.getloadavg()[0]
            print(f"  machine load average during the run: {load:.1f} on {os.cpu_count()} cores")
        except OSError:
            pass
        print("Exercise widget callbacks on the seed (slowest of 5):")
        for name, t in widget_callbacks().items():
            print(f"  {name:<48} {t * 1000:7.1f} ms")
        print("  (target < 100 ms per callback)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
