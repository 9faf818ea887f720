"""Export an analysis: JSON (the CLI contract), CSV (one row per item) and the HTML report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

#: CSV columns, in order.
CSV_FIELDS = ("layer", "category", "start", "end", "text", "actor", "explanation")


def csv_rows(analysis) -> list[dict]:
    """One dict per item (entities, quotes, signals, frame scores), in text order per layer.

    ``category`` is the entity label, ``direct``/``indirect`` for quotes, the signal
    category (with its subtype after a colon) or the frame name; ``actor`` is the
    entity's actor, the quote's speaker or the actor a signal concerns.
    """
    rows = []
    for e in analysis.entities:
        rows.append({"layer": "entities", "category": e.label, "start": e.start, "end": e.end,
                     "text": e.text, "actor": e.actor or "", "explanation": e.explanation})
    for q in analysis.quotes:
        rows.append({"layer": "quotes", "category": q.kind, "start": q.start, "end": q.end,
                     "text": q.text, "actor": q.speaker or "", "explanation": q.explanation})
    for s in analysis.signals:
        cat = f"{s.category}:{s.subtype}" if s.subtype else s.category
        rows.append({"layer": "signals", "category": cat, "start": s.start, "end": s.end,
                     "text": s.text, "actor": s.actor or s.speaker or "", "explanation": s.explanation})
    for f in analysis.frames:
        rows.append({"layer": "frames", "category": f.frame, "start": "", "end": "",
                     "text": f"{f.score:.3f}", "actor": "", "explanation": f.explanation})
    return rows


def _safe_cell(value):
    """Defuse spreadsheet formulas: a cell starting with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(analysis) -> str:
    """The analysis as CSV text: a header, then one row per item (see ``csv_rows``)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(analysis):
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return buf.getvalue()


def to_json(analysis) -> str:
    """The analysis as JSON text, in the CLI's contract form (``Analysis.to_dict``)."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)


def export_files(analysis, folder: str | Path = ".", stem: str = "analysis",
                 formats=("json", "csv", "html")) -> list[Path]:
    """Write ``stem.json``, ``stem.csv`` and ``stem.html`` (the report) into ``folder``.

    Returns the paths written. Files are written to a temporary name first and renamed,
    so an interrupted export never leaves half a file.
    """
    from rhetoric.report import render_report

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    makers = {"json": to_json, "csv": to_csv, "html": render_report}
    written = []
    for fmt in formats:
        path = folder / f"{stem}.{fmt}"
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(makers[fmt](analysis), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
