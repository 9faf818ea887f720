"""What a learner sees after a check: a verdict, a message that teaches, maybe a hint or a table.

A ``Feedback`` shows itself as a clear, escaped HTML box inside Jupyter (``_repr_html_``) and as
plain text everywhere else (``str``), so the same check works in a notebook, in Voila, in a
terminal and in the tests. Colour is never the only signal: every box starts with a word
("Correct", "Not yet", "Hint", "Solution").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ..markup import AS_WRITTEN
from ..present.tables import Table

#: Colour-blind-safe pairs (Okabe-Ito blue and vermillion, with text labels as well).
_STYLES = {
    "correct": ("Correct", "#0072B2", "#e8f1f8"),
    "not_yet": ("Not yet", "#D55E00", "#fbeee6"),
    "blank": ("Your turn", "#6b6b6b", "#f3f3f3"),
    "hint": ("Hint", "#6b6b6b", "#f3f3f3"),
    "solution": ("Solution", "#009E73", "#e6f5f0"),
    "info": ("Note", "#6b6b6b", "#f3f3f3"),
    "task": ("Exercise", "#0072B2", "#f3f3f3"),
}


@dataclass
class Feedback:
    """The result of checking one answer.

    ``ok`` is True for a right answer. ``message`` says what the check saw; ``hint`` points the
    way (wrong answers only); ``bridge`` leads on to what comes next (right answers only);
    ``code`` holds a solution when one was asked for.
    """

    exercise: str
    kind: str  # correct | not_yet | blank | hint | solution | info | task
    message: str = ""
    hint: str | None = None
    bridge: str | None = None
    code: str | None = None
    details: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.kind == "correct"

    def __bool__(self) -> bool:  # ``if check(...):`` reads naturally
        return self.ok

    def to_text(self) -> str:
        word = _STYLES[self.kind][0]
        parts = [f"[{word}] {self.exercise}: {self.message}".rstrip()]
        parts += [f"  - {d}" for d in self.details]
        parts += [t.to_text() for t in self.tables]
        if self.hint:
            parts.append(f"Hint: {self.hint}")
        if self.bridge:
            parts.append(self.bridge)
        if self.code:
            parts.append(self.code)
        return "\n".join(parts)

    __str__ = to_text

    def __repr__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        word, colour, background = _STYLES[self.kind]
        html = [
            f"<div class='rhetoric-feedback rhetoric-{self.kind} {AS_WRITTEN}' role='status' "
            f"style='border-left:6px solid {colour};background:{background};color:#1a1a1a;"
            f"padding:8px 12px;margin:6px 0;font-family:sans-serif;line-height:1.45'>",
            f"<strong style='color:{colour}'>{escape(word)}</strong> "
            f"<span style='color:#555'>({escape(self.exercise)})</span> {escape(self.message)}",
        ]
        if self.details:
            html.append("<ul style='margin:4px 0'>" + "".join(f"<li>{escape(d)}</li>" for d in self.details) + "</ul>")
        html += [t.to_html() for t in self.tables]
        if self.hint:
            html.append(f"<div style='margin-top:4px'><strong>Hint:</strong> {escape(self.hint)}</div>")
        if self.bridge:
            html.append(f"<div style='margin-top:4px'>{escape(self.bridge)}</div>")
        if self.code:
            html.append(
                "<pre style='background:#fff;border:1px solid #ccc;padding:6px;margin-top:6px;"
                f"white-space:pre-wrap'>{escape(self.code)}</pre>"
            )
        html.append("</div>")
        return "".join(html)
