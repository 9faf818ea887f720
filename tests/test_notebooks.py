"""Every notebook runs top to bottom in a fresh kernel with no error, in reading order and in
reverse (learners open any notebook first). The learner's work file goes to a temporary folder,
so running the tests never writes into the repository.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.notebooks

NB_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NB_DIR.glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path) -> tuple[nbformat.NotebookNode, float]:
    """Run one notebook in a fresh python3 kernel, in the notebooks folder; return it and the seconds taken."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(NB_DIR)}})
    t0 = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - t0


def problems(nb) -> list[str]:
    """Error outputs and anything written to stderr, one line each, with the cell that caused it."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            first_line = cell.source.splitlines()[0] if cell.source else ""
            if out.output_type == "error":
                found.append(f"cell {i} ({first_line!r}): {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {i} ({first_line!r}) wrote to stderr: {out.text[:300]!r}")
    return found


def run_all(order, work_file, monkeypatch) -> dict[str, float]:
    monkeypatch.setenv("RHETORIC_LAB_WORK", str(work_file))
    failures, times = {}, {}
    for path in order:
        nb, seconds = execute(path)
        times[path.stem] = seconds
        if problems(nb):
            failures[path.stem] = problems(nb)
        for cell in nb.cells:  # every starter cell must show feedback asking to fill the gap
            if cell.cell_type == "code" and "check(" in cell.source and "____" in cell.source:
                shown = " ".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
                assert "Your turn" in shown, f"{path.stem}: starter cell shows no feedback: {cell.source!r}"
    assert not failures, failures
    return times


def test_the_notebooks_are_in_reading_order():
    """The learning path 00-04, then the lesson maker (05) and any lesson (06)."""
    assert [p.stem[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05", "06"]


def test_notebooks_run_in_reading_order(tmp_path, monkeypatch):
    times = run_all(NOTEBOOKS, tmp_path / "work.json", monkeypatch)
    print("notebook seconds:", {k: round(v, 1) for k, v in times.items()})
    assert not list(NB_DIR.glob("my_rhetoric_lab_work.json*")), "the tests must not write into notebooks/"


def test_notebooks_run_in_reverse_order(tmp_path, monkeypatch):
    run_all(list(reversed(NOTEBOOKS)), tmp_path / "work.json", monkeypatch)
