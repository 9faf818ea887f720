"""Exports: CSV rows per item, JSON in the CLI contract, files written whole."""

from __future__ import annotations

import csv
import io
import json

from rhetoric.items import Signal
from rhetoric.present.export import CSV_FIELDS, csv_rows, export_files, to_csv, to_json


def test_csv_has_one_row_per_item_with_the_contract_columns(seed_analysis):
    rows = list(csv.DictReader(io.StringIO(to_csv(seed_analysis))))
    a = seed_analysis
    assert len(rows) == len(a.entities) + len(a.quotes) + len(a.signals) + len(a.frames)
    assert tuple(rows[0]) == CSV_FIELDS
    text = a.text
    for r in rows:
        if r["start"]:
            assert text[int(r["start"]):int(r["end"])] == r["text"]


def test_csv_defuses_spreadsheet_formulas(analyze):
    a = analyze("Prices rose =SUM(A1) today in Paris.")
    i = a.text.index("=SUM")
    a.signals = [Signal(i, i + 7, "=SUM(A1", explanation="@cmd", category="loaded")]
    out = to_csv(a)
    assert ",'=SUM(A1," in out and ",'@cmd" in out
    (row,) = [r for r in csv_rows(a) if r["layer"] == "signals"]
    assert row["text"] == "=SUM(A1"  # the rows themselves keep the text


def test_export_files_writes_json_csv_and_report(seed_analysis, tmp_path):
    paths = export_files(seed_analysis, tmp_path / "out", "seed")
    assert [p.name for p in paths] == ["seed.json", "seed.csv", "seed.html"]
    assert json.loads(paths[0].read_text(encoding="utf-8")) == json.loads(to_json(seed_analysis))
    assert paths[2].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list((tmp_path / "out").glob("*.part"))
