"""Slowest widget callback on the seed (target: under 100 ms).

Builds every widget on one analysis of the seed, then drives each filter callback the
way a learner would (every layer toggle, every entity type, the busiest actors and
sides, sentence steps, highlight selection), and prints the slowest run of each callback
and overall. The "rewrite" re-analysis is reported apart: it parses text by design and
runs on a button press, not on every click.

    python benchmarks/widgets.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import rhetoric  # noqa: E402
from rhetoric.present import widgets as wd  # noqa: E402

TARGET_MS = 100.0


def drive(seed: str) -> tuple[dict[str, float], dict[str, float]]:
    t0 = time.perf_counter()
    analysis = rhetoric.analyze(seed)
    print(f"analysis of the seed: {1000 * (time.perf_counter() - t0):.0f} ms "
          f"({len(analysis.entities)} entities, {len(analysis.quotes)} quotes, {len(analysis.signals)} signals)")
    timings: dict[str, float] = {}
    cpu: dict[str, float] = {}

    h = wd.EntityHighlighter(analysis)
    for _, label in h.labels.options:
        h.labels.value = (label,)
    h.labels.value = tuple(v for _, v in h.labels.options)
    for _, actor in h.actors.options[:8]:
        h.actors.value = (actor,)

    q = wd.QuoteExplorer(analysis)
    for _, speaker in q.speaker.options:
        q.speaker.value = speaker
        for _, i in q.quote.options[:5]:
            q.quote.value = i
    for _, side in q.side.options:
        q.side.value = side

    s = wd.SignalToggles(analysis)
    for box in s.toggles.values():
        box.value = not box.value
        box.value = not box.value

    ex = wd.Explorer(analysis, name="seed")
    for box in ex.toggles.values():
        box.value = not box.value
        box.value = not box.value
    for _, side in ex.sides.options:
        ex.sides.value = (side,)
    ex.sides.value = ()
    for _, actor in ex.actors.options[:8]:
        ex.actors.value = (actor,)
    ex.actors.value = ()
    for _ in range(10):
        ex.next_button.click()
    ex.view.value = "article"
    for i in range(min(10, len(ex.highlight.options))):
        ex.highlight.value = ex.highlight.options[i][1]
    ex.add_text(seed, name="copy")
    for (_, actor), side in zip(ex.side_actor.options[:6], ("US", "Russia", "Ukraine", "Europe", "other", "unknown")):
        ex.side_actor.value = actor  # the learner sets sides on their own article
        ex.side_value.value = side if side != ex.side_value.value else "other"
    ex.compare.value = "seed"
    for box in list(ex.toggles.values())[:3]:
        box.value = not box.value

    r = wd.RewriteFrame(analysis)
    r.rewrite(r.original_text.replace("likely", "").replace("clearly", ""))

    for b in (h, q, s, ex, r):
        for name, sec in b.timings.items():
            timings[name] = max(timings.get(name, 0.0), 1000 * sec)
        for name, sec in b.cpu_timings.items():
            cpu[name] = max(cpu.get(name, 0.0), 1000 * sec)
        if b.errors:
            print(f"ERRORS in {type(b).__name__}: {b.errors[0]}")
    return timings, cpu


def main() -> int:
    seed = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    timings, cpu = drive(seed)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    heavy = {"rewrite_analyse", "explorer_own", "explorer_upload", "explorer_export", "explorer_article"}
    print(f"\n(load average {load:.1f} on {os.cpu_count()} CPUs: on a busy machine wall time"
          " exceeds CPU time; CPU time is what the callback itself costs)")
    print("callback                 wall (ms)   CPU (ms)")
    for name, ms in sorted(timings.items(), key=lambda kv: -kv[1]):
        tag = "  (re-analysis / file work, on a button)" if name in heavy else ""
        print(f"{name:<24} {ms:9.1f} {cpu.get(name, 0):10.1f}{tag}")
    filters = {k: v for k, v in timings.items() if k not in heavy}
    worst = max(filters, key=filters.get)
    worst_cpu = max((k for k in cpu if k not in heavy), key=cpu.get)
    ok = "OK" if cpu[worst_cpu] < TARGET_MS else "OVER TARGET"
    print(f"\nslowest filter callback: {worst} {filters[worst]:.1f} ms wall; "
          f"{worst_cpu} {cpu[worst_cpu]:.1f} ms CPU (target < {TARGET_MS:.0f} ms): {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
