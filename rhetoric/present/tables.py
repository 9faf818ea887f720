"""A small table of plain cells, shown as HTML in Jupyter or as text in a terminal.

Used by the course's tables and by the exercises' feedback ("where you, the kit and the gold
disagree"); every cell is escaped and the table carries the MathJax guard (``rhetoric.markup``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..markup import AS_WRITTEN


@dataclass
class Table:
    """A small table: ``columns`` (header cells), ``rows`` (lists of cells, shown as ``str``), an optional ``caption``."""

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    caption: str = ""

    def to_html(self) -> str:
        head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(str(c))}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td style='padding:2px 8px;vertical-align:top;text-align:left'>{escape(str(v))}</td>" for v in row) + "</tr>"
            for row in self.rows
        )
        cap = f"<caption style='text-align:left;font-weight:bold'>{escape(self.caption)}</caption>" if self.caption else ""
        return f"<table class='{AS_WRITTEN}' style='border-collapse:collapse;margin:6px 0;font-size:90%'>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def to_text(self) -> str:
        rows = [list(map(str, self.columns))] + [list(map(str, r)) for r in self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(self.columns))]
        lines = [self.caption] if self.caption else []
        for n, row in enumerate(rows):
            lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)
