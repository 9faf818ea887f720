"""``python -m rhetoric lesson build|handout``: a lesson from the command line.

``lesson build ARTICLE.txt -o lessons/NAME.json [--title ... --outlet ... --date ... --licence ...]``
writes the kit's unreviewed proposal; ``lesson handout lessons/NAME.json -o NAME.html`` a printable
worksheet with a separate answer key. Problems are one line on stderr (exit 1), never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 1


def _error(message: str) -> None:
    print(f"rhetoric: {message}", file=sys.stderr)


def cmd_build(args) -> int:
    from ..intake import InputError, read_prepared
    from . import build

    path, prepared = read_prepared(args.article)
    if isinstance(prepared, InputError):
        _error(str(prepared))
        return EXIT_FAILED
    for w in prepared.warnings:
        _error(f"warning: {path}: {w}")
    try:
        lesson = build(prepared.text, title=args.title or "", outlet=args.outlet or "", date=args.date or "",
                       author=args.author or "", source=args.source or Path(args.article).name,
                       **({"licence": args.licence} if args.licence else {}))
    except InputError as exc:
        _error(f"{path}: {exc}")
        return EXIT_FAILED
    try:
        lesson.save(args.output)
    except InputError as exc:  # the lesson does not pass its own schema: a bug, said in one line
        _error(f"{args.output}: the lesson could not be saved ({exc})")
        return EXIT_FAILED
    except OSError as exc:
        _error(f"{args.output}: cannot write the lesson ({exc.strerror or exc})")
        return EXIT_FAILED
    print(f"wrote {args.output}: {len(lesson.exercises)} exercises of {len(lesson.kinds)} kinds "
          f"({', '.join(lesson.kinds)}), unreviewed: review them in notebooks/05_make_a_lesson.ipynb",
          file=sys.stderr)
    return EXIT_OK


def cmd_handout(args) -> int:
    from . import LessonError, load
    from .handout import render_handout

    try:
        lesson = load(args.lesson)
    except LessonError as exc:
        _error(str(exc))
        return EXIT_FAILED
    try:
        Path(args.output).write_text(render_handout(lesson), encoding="utf-8")
    except OSError as exc:
        _error(f"{args.output}: cannot write the handout ({exc.strerror or exc})")
        return EXIT_FAILED
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def add_lesson_commands(sub) -> None:
    """Add ``lesson build`` and ``lesson handout`` to the main parser's subcommands."""
    lesson = sub.add_parser("lesson", help="make a checked lesson from an article, or print its worksheet")
    lsub = lesson.add_subparsers(dest="lesson_command", required=True)
    b = lsub.add_parser("build", help="propose a lesson (unreviewed) from a plain-text article")
    b.add_argument("article", metavar="ARTICLE.txt")
    b.add_argument("-o", "--output", required=True, help="where to write the lesson, e.g. lessons/NAME.json")
    for name in ("title", "outlet", "date", "author", "source"):
        b.add_argument(f"--{name}", default=None)
    b.add_argument("--licence", default=None, help="the licence note (default: for classroom use)")
    b.set_defaults(func=cmd_build)
    h = lsub.add_parser("handout", help="write a printable worksheet and answer key (HTML)")
    h.add_argument("lesson", metavar="LESSON.json")
    h.add_argument("-o", "--output", default="handout.html", help="where to write the handout")
    h.set_defaults(func=cmd_handout)
