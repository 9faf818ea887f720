"""How often the kit is right on news it has never seen, said in words where learners decide.

``make bench`` measures the kit on public corpora it was not written for and writes the headline
figure of each layer to ``data/reliability.json`` (``record``); the explorer, the lesson builder
and the learner's lesson read it back (``figures``, ``sentence``) and say it in words:

    >>> sentence("quotes")
    'On news it has never seen, the kit names the right speaker about 7 times in 10: check each one.'

Shape of the file::

    {"about": "...", "layers": {LAYER: {"figure": "precision of speaker attribution", "value": 0.71,
      "n": 412, "dataset": "PolNeAR dev (84 articles)", "date": "2026-11-30", "claim": "names the right
      speaker"}}}

``value`` is a share between 0 and 1 (a precision: of the items the kit shows, how many are
right), ``n`` the number of items it was measured on. A missing file or layer means "not
measured": nothing is said rather than something invented. The path can be changed with the
``RHETORIC_RELIABILITY`` environment variable (the tests use a temporary file).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from .data import data_path

#: The layers a figure may be recorded for, with what "right" means for each, in words.
CLAIMS = {
    "entities": "labels a name with the right kind (person, place, organisation, group)",
    "quotes": "names the right speaker",
    "reporting_verb": "is right that a word reports speech",
    "hedge": "is right that a word weakens a claim",
    "loaded": "is right that a word judges",
}

ABOUT = ("Figures of the kit on public news corpora it was not written for, written by `make bench` "
         "(benchmarks/reliability.py). value = precision (share of what the kit shows that the corpus "
         "confirms), n = items measured.")


def path() -> Path:
    """Where the figures live: ``$RHETORIC_RELIABILITY`` or ``data/reliability.json``."""
    return Path(os.environ.get("RHETORIC_RELIABILITY") or data_path("reliability.json"))


def figures() -> dict[str, dict[str, Any]]:
    """Every recorded figure by layer (``{}`` when nothing has been measured or the file is unreadable)."""
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    layers = data.get("layers") if isinstance(data, dict) else None
    return {k: v for k, v in (layers or {}).items() if isinstance(v, dict) and _share(v.get("value")) is not None}


def _share(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        return None
    return float(value)


def in_ten(value: float) -> int:
    """A share as a whole number of times in 10, as people say it (0.74 -> 7)."""
    return int(round(value * 10))


def sentence(layer: str) -> str | None:
    """The figure of ``layer`` in words, with what to do about it; ``None`` if it was not measured."""
    f = figures().get(layer)
    if f is None:
        return None
    claim = f.get("claim") or CLAIMS.get(layer, "is right")
    n = in_ten(_share(f["value"]))
    advice = ("check each one" if n <= 7 else "check the ones that matter" if n <= 8 else "still check the odd one")
    said = f"On news it has never seen, the kit {claim} about {n} times in 10: {advice}."
    note = f.get("note")
    return said + (f" ({note[0].upper()}{note[1:]}.)" if note else "")


def source_line(layer: str) -> str | None:
    """Where the figure of ``layer`` comes from (dataset, size, date), for a footnote."""
    f = figures().get(layer)
    if f is None:
        return None
    bits = [f.get("dataset") or "a public corpus"]
    if f.get("n"):
        bits.append(f"{f['n']} items")
    if f.get("date"):
        bits.append(f"measured {f['date']}")
    line = f"{f.get('figure', 'precision')} {f['value']:.2f} ({', '.join(bits)})"
    return line + (f"; {f['note']}" if f.get("note") else "")


def record(layer: str, value: float, *, n: int, dataset: str, figure: str = "precision",
           claim: str | None = None, note: str = "") -> None:
    """Write one layer's figure into the reliability file (kept: the other layers' figures).

    Raises ``ValueError`` for a layer not in ``CLAIMS`` or a value outside 0-1.
    """
    if layer not in CLAIMS:
        raise ValueError(f"unknown layer {layer!r}; the layers are {', '.join(CLAIMS)}")
    if _share(value) is None:
        raise ValueError(f"a reliability figure is a share between 0 and 1, got {value!r}")
    from .exercises.store import atomic_write_json

    target = path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["about"] = ABOUT
    data["source"] = "Measured by the Rhetoric Lab authors with benchmarks/reliability.py (make bench)"
    data["licence"] = "CC BY 4.0 (the figures); the corpora measured belong to their publishers and are not included"
    data.setdefault("layers", {})[layer] = {
        "figure": figure, "value": round(float(value), 3), "n": int(n), "dataset": dataset,
        "date": time.strftime("%Y-%m-%d"), "claim": claim or CLAIMS[layer],
    }
    if note:
        data["layers"][layer]["note"] = note
    atomic_write_json(target, data)
