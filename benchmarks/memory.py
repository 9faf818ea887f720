"""Memory one learner needs: the kernel's peak resident memory (VmHWM) while running the notebooks.

    python benchmarks/memory.py [--fresh-only | --shared-only] [NOTEBOOK ...]

Two figures, both measured with nbclient (the same engine the notebook tests use):

* shared: every notebook executed, in reading order, in ONE kernel; the kernel's VmHWM (peak RSS,
  from /proc/<pid>/status) after each notebook. The final figure is a learner who works through the
  whole course in one kernel.
* fresh: each notebook in its own new kernel, as JupyterLab runs them (one kernel per open notebook);
  the sum is a learner who keeps all five open.

A JupyterHub sizing adds the single-user server (JupyterLab itself, about 100-150 MB) to these.
Linux only (reads /proc). Prints a table; not a timed test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))
TIMEOUT = 600  # s per cell


def proc_status(pid: int) -> dict[str, int]:
    """VmHWM (peak RSS) and VmRSS of a process, in MiB."""
    out = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0]) // 1024  # kB -> MiB
    return out


def _kernel_pid(client: NotebookClient) -> int:
    provisioner = getattr(client.km, "provisioner", None)
    pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
    if pid is None:
        raise RuntimeError("cannot find the kernel's process id (jupyter_client >= 7 needed)")
    return pid


SLOW_CELL = 20.0  # s; a cell slower than this is named in the output


def _run_cells(client: NotebookClient, nb, name: str = "") -> None:
    client.nb = nb
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            t0 = time.perf_counter()
            client.execute_cell(cell, index)
            took = time.perf_counter() - t0
            if took > SLOW_CELL:
                first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
                print(f"  slow: {name} cell {index} took {took:.0f} s ({first!r})", flush=True)


def _client(nb) -> NotebookClient:
    return NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                          resources={"metadata": {"path": str(REPO / "notebooks")}})


def shared(paths: list[Path]) -> list[tuple[str, dict, float]]:
    """Run all notebooks in one kernel; (name, memory after it, seconds) per notebook."""
    rows = []
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    client = _client(notebooks[0])
    with client.setup_kernel():
        pid = _kernel_pid(client)
        rows.append(("(kernel started)", proc_status(pid), 0.0))
        for path, nb in zip(paths, notebooks):
            t0 = time.perf_counter()
            _run_cells(client, nb, path.name)
            rows.append((path.name, proc_status(pid), time.perf_counter() - t0))
    return rows


def fresh(paths: list[Path]) -> list[tuple[str, dict, float]]:
    """Run each notebook in a new kernel; (name, memory at its end, seconds)."""
    rows = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = _client(nb)
        t0 = time.perf_counter()
        with client.setup_kernel():
            pid = _kernel_pid(client)
            _run_cells(client, nb, path.name)
            rows.append((path.name, proc_status(pid), time.perf_counter() - t0))
    return rows


def _table(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"  {'notebook':<28}{'peak RSS (VmHWM)':>18}{'RSS now':>10}{'time':>9}")
    for name, mem, secs in rows:
        print(f"  {name:<28}{mem.get('VmHWM', 0):>14} MiB{mem.get('VmRSS', 0):>6} MiB{secs:>8.1f}s")


def main(argv: list[str] | None = None) -> int:
    if not Path("/proc/self/status").exists():
        print("benchmarks/memory.py reads /proc: run it on Linux.", file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(description="Kernel peak memory while running the notebooks.")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/[0-9]*.ipynb")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--shared-only", action="store_true")
    group.add_argument("--fresh-only", action="store_true")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or NOTEBOOKS
    # The exercises save answers beside the notebooks by default: keep the benchmark's out of the repo.
    work = tempfile.mkdtemp(prefix="rhetoric-memory-")
    os.environ["RHETORIC_LAB_WORK"] = os.path.join(work, "my_rhetoric_lab_work.json")
    if not paths:
        print("No notebooks found in notebooks/.", file=sys.stderr)
        return 1
    if not args.fresh_only:
        rows = shared(paths)
        _table("All notebooks in one kernel (peak grows as the course goes on):", rows)
        print(f"  => one kernel through the whole course: peak {rows[-1][1]['VmHWM']} MiB")
    if not args.shared_only:
        rows = fresh(paths)
        _table("Each notebook in its own kernel (as JupyterLab runs them):", rows)
        peaks = [m["VmHWM"] for _, m, _ in rows]
        print(f"  => largest single notebook: {max(peaks)} MiB; all {len(peaks)} open at once: {sum(peaks)} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
