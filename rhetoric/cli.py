"""Command line: ``python -m rhetoric analyze|render|lesson``.

The contract (notebooks, tests and users rely on it):

``python -m rhetoric analyze [--format json|jsonl|table] FILE...`` prints, for each file, an
object with ``path``, ``entities``, ``quotes``, ``signals`` and ``frames``; every item has
``start``/``end`` offsets into the file's text and ``text``. ``json`` prints one object for one
file and a list for several; ``jsonl`` one object per line; ``table`` readable text.

Bad input (missing, empty, whitespace-only, binary file) gets one line on stderr naming the
file and the problem; the rest of the batch is still analysed. Exit status: 0 when every file
was analysed, 1 if any failed, 2 for a usage error.

Many files: texts are parsed in ``nlp.pipe`` batches and streamed (read, analysed, printed and
dropped one batch at a time, so memory does not grow with the number of files); output keeps
the order of the FILE arguments. ``--jobs N`` runs N worker processes, each loading the model
once; ``--progress`` shows a progress bar on stderr (shown by default when stderr is a
terminal). Warnings about a file (not UTF-8, HTML, not English) go to stderr too, and into the
object's ``warnings``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from .intake import InputError, named, read_prepared
from .model import ModelNotFound

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: Texts parsed together in one ``nlp.pipe`` batch (and sent to a worker as one task).
BATCH_SIZE = 8


def _error(message: str) -> None:
    print(f"rhetoric: {message}", file=sys.stderr)


def analyse_file(path: str):
    """Read and analyse one file; ``InputError`` carries the one-line reason on failure."""
    from .analysis import analyze_stream

    [(_, result)] = list(analyze_stream([read_prepared(path)]))
    if isinstance(result, BaseException):
        raise result
    return result


def iter_analyses(paths: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[tuple[str, object]]:
    """Yield ``(path, Analysis or exception)`` for each path, in order, streamed in batches."""
    from .analysis import analyze_stream

    return analyze_stream((read_prepared(p) for p in paths), batch_size=batch_size)


def format_table(analysis) -> str:
    """A readable plain-text summary of one analysis."""
    lines = [f"== {analysis.path}"]
    for w in analysis.warnings:
        lines.append(f"warning: {w}")
    sections = [
        ("entities", analysis.entities, lambda e: f"{e.label:<8} {e.text!r} -> {e.actor}"),
        ("quotes", analysis.quotes, lambda q: f"{q.kind:<8} {q.speaker or '(no speaker)'}: {q.text!r}"),
        ("signals", analysis.signals, lambda s: f"{s.category:<14} {s.text!r}"),
    ]
    for title, items, fmt in sections:
        lines.append(f"-- {title} ({len(items)})")
        for item in items:
            lines.append(f"{item.start:>6}-{item.end:<6} {fmt(item)}")
    lines.append(f"-- frames ({len(analysis.frames)})")
    for frame in analysis.frames:
        lines.append(f"{frame.frame:<32} {frame.score:.2f}  ({len(frame.evidence)} evidence spans)")
    return "\n".join(lines)


@dataclass
class Outcome:
    """What the CLI prints for one file: its formatted output, or the one-line error."""

    path: str
    output: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def _outcome(path: str, result, fmt: str) -> Outcome:
    """Format one analysis for ``fmt``, or turn its exception into one line naming the file."""
    if isinstance(result, InputError):
        return Outcome(path, error=str(result))
    if isinstance(result, BaseException):
        detail = "".join(traceback.format_exception(result)) if os.environ.get("RHETORIC_DEBUG") else ""
        message = (f"{path}: internal error while analysing ({type(result).__name__}: {result}); "
                   "please report it (set RHETORIC_DEBUG=1 for details)")
        return Outcome(path, error=message + ("\n" + detail.rstrip() if detail else ""))
    warnings = [named(path, w) for w in result.warnings]
    if fmt == "table":
        return Outcome(path, format_table(result) + "\n\n", warnings=warnings)
    if fmt == "jsonl":
        return Outcome(path, json.dumps(result.to_dict(), ensure_ascii=False) + "\n", warnings=warnings)
    return Outcome(path, json.dumps(result.to_dict(), ensure_ascii=False, indent=2), warnings=warnings)


def outcomes(paths: Iterable[str], fmt: str, batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Analyse ``paths`` in this process and yield their outcomes in order (streamed)."""
    for path, result in iter_analyses(paths, batch_size=batch_size):
        yield _outcome(path, result, fmt)


# ---------------------------------------------------------------- worker processes (--jobs)


_worker_error: BaseException | None = None


def _init_worker() -> None:
    """Load the model once per worker. A failure is kept and raised with the first task:
    an initializer that raised would make the pool restart the worker forever."""
    global _worker_error
    from .model import load_nlp

    try:
        load_nlp()
    except Exception as exc:
        _worker_error = exc


def _work(task: tuple[list[str], str, int]) -> list[Outcome]:
    if _worker_error is not None:
        raise _worker_error
    paths, fmt, batch_size = task
    return list(outcomes(paths, fmt, batch_size))


def _check_model_installed() -> None:
    """Fail fast, with the install hint, before reading any file or starting workers."""
    from importlib.util import find_spec

    from .model import INSTALL_HINT, MODEL_CANDIDATES

    if not any(find_spec(name) for name in MODEL_CANDIDATES):
        raise ModelNotFound(INSTALL_HINT)


def parallel_outcomes(paths: list[str], fmt: str, jobs: int, batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Like ``outcomes`` over ``jobs`` worker processes; the order of ``paths`` is kept.

    Each worker loads the model once and analyses batches of ``batch_size`` files; outcomes
    come back as formatted text, so no analysis crosses a process boundary.
    """
    import multiprocessing

    tasks = ((paths[i:i + batch_size], fmt, batch_size) for i in range(0, len(paths), batch_size))
    # "spawn" behaves the same on Linux, macOS and Windows and never forks a process that
    # holds threads (a progress bar's monitor thread, a loaded model's thread pools).
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_init_worker) as pool:
        for batch in pool.imap(_work, tasks):
            yield from batch


# ---------------------------------------------------------------- printing


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="file", desc="analysing", dynamic_ncols=True, leave=False)


def _write_outcomes(results: Iterator[Outcome], fmt: str, as_list: bool, out: TextIO, bar) -> bool:
    """Print outcomes as they come; errors and warnings to stderr. True if any file failed."""

    def note(message: str) -> None:
        if bar is not None:
            bar.write(f"rhetoric: {message}", file=sys.stderr)
        else:
            _error(message)

    failed = False
    first = True
    if as_list:
        out.write("[")
    for o in results:
        if bar is not None:
            bar.update(1)
        if o.error is not None:
            failed = True
            note(o.error)
            continue
        for w in o.warnings:
            note(f"warning: {w}")
        if fmt == "json" and as_list:
            out.write(("\n" if first else ",\n") + "  " + o.output.replace("\n", "\n  "))
        elif fmt == "json":
            out.write(o.output + "\n")
        else:
            out.write(o.output)
        first = False
        out.flush()
    if as_list:
        out.write("]\n" if first else "\n]\n")
    return failed


def cmd_analyze(args) -> int:
    files = list(args.files)
    _check_model_installed()
    jobs = min(args.jobs or os.cpu_count() or 1, len(files))
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if jobs > 1:
        results = parallel_outcomes(files, args.format, jobs)
    else:
        results = outcomes(files, args.format)
    bar = _progress_bar(len(files), show)
    try:
        failed = _write_outcomes(results, args.format, args.format == "json" and len(files) > 1, sys.stdout, bar)
    except (ModelNotFound, BrokenPipeError):
        raise
    except Exception as exc:  # a worker process died, say: one line, not a traceback
        if bar is not None:
            bar.close()
            bar = None
        if os.environ.get("RHETORIC_DEBUG"):
            traceback.print_exc()
        _error(f"stopped: {type(exc).__name__}: {exc} (set RHETORIC_DEBUG=1 for details)")
        return EXIT_FAILED
    finally:
        if bar is not None:
            bar.close()
    return EXIT_FAILED if failed else EXIT_OK


def cmd_render(args) -> int:
    from .report import render_report

    try:
        analysis = analyse_file(args.file)
        html = render_report(analysis)
    except Exception as exc:
        _error(_outcome(args.file, exc, "json").error)
        return EXIT_FAILED
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(html)
    except OSError as exc:
        _error(f"{args.output}: cannot write the report ({exc.strerror or exc})")
        return EXIT_FAILED
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rhetoric",
        description="Rhetoric Lab: entities, quotes and framing signals of news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="analyse articles and print what was found")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="worker processes, each loading the model once (0: one per CPU; default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: only when stderr is a terminal)")
    p.add_argument("files", nargs="+", metavar="FILE", help="plain-text article(s)")
    p.set_defaults(func=cmd_analyze)
    r = sub.add_parser("render", help="write a standalone HTML report of one article")
    r.add_argument("file", metavar="FILE")
    r.add_argument("-o", "--output", default="report.html", help="where to write the report")
    r.set_defaults(func=cmd_render)
    from .lessons.cli import add_lesson_commands

    add_lesson_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its usage line
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return args.func(args)
    except ModelNotFound as exc:
        _error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining
        # about the unflushed pipe at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
