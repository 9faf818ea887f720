"""Command line: ``python -m rhetoric analyze|render``.

The contract (notebooks, tests and users rely on it):

``python -m rhetoric analyze [--format json|jsonl|table] FILE...`` prints, for each file, an
object with ``path``, ``entities``, ``quotes``, ``signals`` and ``frames``; every item has
``start``/``end`` offsets into the file's text and ``text``. ``json`` prints one object for one
file and a list for several; ``jsonl`` one object per line; ``table`` readable text.

Bad input (missing, empty, whitespace-only, binary file) gets one line on stderr naming the
file and the problem; the rest of the batch is still analysed. Exit status: 0 when every file
was analysed, 1 if any failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Iterable, Optional, TextIO

from .intake import InputError, read_text_file
from .model import ModelNotFound

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    print(f"rhetoric: {message}", file=sys.stderr)


def analyse_file(path: str):
    """Read and analyse one file; ``InputError`` carries the one-line reason on failure."""
    from .analysis import analyze

    text, warnings = read_text_file(path)
    analysis = analyze(text, path=path)
    analysis.warnings[:0] = warnings
    return analysis


def iter_analyses(paths: Iterable[str], on_error: Callable[[str], None]):
    """Yield ``(path, Analysis)`` for each readable file; report the others via ``on_error``."""
    for path in paths:
        try:
            yield path, analyse_file(path)
        except InputError as exc:
            on_error(str(exc))


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


def _print_results(results, fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for _, analysis in results:
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    elif fmt == "table":
        for _, analysis in results:
            out.write(format_table(analysis) + "\n\n")
            out.flush()
    else:
        dicts = [analysis.to_dict() for _, analysis in results]
        payload = dicts[0] if len(dicts) == 1 else dicts
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def cmd_analyze(args) -> int:
    failed = []

    def on_error(msg: str) -> None:
        failed.append(msg)
        _error(msg)

    results = iter_analyses(args.files, on_error)
    if args.format == "json":
        results = list(results)
        if not results:
            return EXIT_FAILED
    _print_results(results, args.format, sys.stdout)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_render(args) -> int:
    from .report import render_report

    try:
        analysis = analyse_file(args.file)
    except InputError as exc:
        _error(str(exc))
        return EXIT_FAILED
    html = render_report(analysis)
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(html)
    except OSError as exc:
        _error(f"{args.output}: cannot write the report ({exc.strerror or exc})")
        return EXIT_FAILED
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rhetoric",
        description="Rhetoric Lab: entities, quotes and framing signals of news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="analyse articles and print what was found")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    p.add_argument("files", nargs="+", metavar="FILE", help="plain-text article(s)")
    p.set_defaults(func=cmd_analyze)
    r = sub.add_parser("render", help="write a standalone HTML report of one article")
    r.add_argument("file", metavar="FILE")
    r.add_argument("-o", "--output", default="report.html", help="where to write the report")
    r.set_defaults(func=cmd_render)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
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
        return EXIT_OK
