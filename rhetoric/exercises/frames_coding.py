"""Code the article's generic frames yourself, then compare with the kit, question by question.

Semetko and Valkenburg (2000) coded news with yes/no questions per frame; a frame's score is the
share of its questions answered "yes". The battery, the kit's own answers (with the sentences
that carry them) and the comparison all come from the framing layer (``rhetoric.frames``), so
the learner and the kit are scored on the same scale by the same code. This module only adds
the widget: yes/no buttons saved as the learner goes, a table of scores, the questions where
learner and kit disagree (with the kit's evidence), and the frame chart.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .feedback import Table
from .store import my_work

ANSWERS = ("—", "yes", "no")


def _short(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score_table(comparison: dict, labels: dict[str, str]) -> Table:
    """Your score and the kit's for each frame, with what the difference means."""
    rows = []
    for frame, s in comparison["frames"].items():
        mine, kit = s["you"], s["kit"]
        if mine is None:
            note = "answer its questions to compare"
        elif kit is None:
            note = "the kit gives no score for this frame"
        elif abs(mine - kit) < 0.25:
            note = "you and the kit roughly agree"
        else:
            note = "you see it more strongly than the kit" if mine > kit else "the kit sees it more strongly than you"
        rows.append((labels.get(frame, frame), "—" if mine is None else f"{mine:.2f}",
                     "—" if kit is None else f"{kit:.2f}", note))
    return Table(("frame", "you", "kit", "what it means"), rows, "Your coding and the kit's (0 = absent, 1 = strong)")


def disagreement_table(comparison: dict) -> Table | None:
    """The questions you and the kit answered differently, with the kit's first evidence."""
    rows = [(d["question"], "yes" if d["you"] else "no", "yes" if d["kit"] else "no",
             _short(d["kit_evidence"][0]) if d["kit_evidence"] else "(no sentence found)")
            for d in comparison["disagreements"]]
    if not rows:
        return None
    return Table(("question", "you", "kit", "the kit's evidence"), rows,
                 "Where you and the kit disagree: who is right? Read the evidence.")


def _plotly_output(fig) -> dict:
    """A display output of ``fig`` for an Output widget's ``outputs``.

    Set directly, not captured with ``with output: display(fig)``: capturing during a cell's run
    stalled nbclient for minutes in a notebook full of widgets, and this is also faster.
    """
    import json

    import plotly.io as pio

    spec = json.loads(pio.to_json(fig, validate=False))
    spec["config"] = {"displaylogo": False, "responsive": True}
    return {"output_type": "display_data", "metadata": {},
            "data": {"application/vnd.plotly.v1+json": spec, "text/plain": "Generic frames: the kit and you"}}


class FrameCoder:
    """The battery as yes/no buttons, saved as the learner goes, with a live comparison."""

    def __init__(self, analysis, section: str = "frames"):
        import ipywidgets as W

        from .. import frames

        self.analysis = analysis
        self.frames = frames
        spec = frames.battery()["frames"]
        self.labels = {f: s.get("label", f) for f, s in spec.items()}
        self.kit_answers = frames.code_article(analysis.doc, analysis)
        self.work = my_work()
        self.section = section
        saved = self.work.section(section)
        self.buttons: dict[str, Any] = {}
        rows, current = [], None
        layout, style = W.Layout(width="190px"), W.ToggleButtonsStyle(button_width="52px")  # shared: fewer models
        for q in frames.questions():
            if q["frame"] != current:
                current = q["frame"]
                rows.append(W.HTML(f"<h4 style='margin:10px 0 2px;font-family:sans-serif'>"
                                   f"{escape(self.labels.get(current, current))}</h4>"))
            value = saved.get(q["id"]) if saved.get(q["id"]) in ANSWERS else "—"
            tb = W.ToggleButtons(options=list(ANSWERS), value=value, style=style,
                                 tooltips=["not answered", "yes", "no"], description="", layout=layout)
            tb.observe(lambda ch, qid=q["id"]: self._changed(qid, ch["new"]), names="value")
            self.buttons[q["id"]] = tb
            rows.append(W.HBox([tb, W.HTML(f"<span style='font-family:sans-serif'>{escape(q['question'])}</span>")],
                               layout=W.Layout(align_items="center")))
        self.result = W.HTML()
        self.chart = W.Output()
        self.figure = None
        self._you = None
        self.widget = W.VBox([*rows, self.result, self.chart],
                             layout=W.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"))
        self.refresh()

    def answers(self) -> dict[str, str]:
        return {k: b.value for k, b in self.buttons.items() if b.value != "—"}

    def comparison(self) -> dict:
        return self.frames.compare(self.answers(), self.kit_answers)

    def scores(self) -> dict[str, float | None]:
        return {f: s["you"] for f, s in self.comparison()["frames"].items()}

    def _changed(self, qid: str, value: str) -> None:
        try:
            self.work.put(self.section, qid, value)
            self.refresh()
        except Exception as exc:  # never kill the lesson
            self.result.value = f"<div style='color:#D55E00'>Could not update ({escape(type(exc).__name__)}).</div>"

    def refresh(self) -> None:
        comp = self.comparison()
        html = score_table(comp, self.labels).to_html()
        disagreements = disagreement_table(comp)
        if disagreements is not None:
            html += disagreements.to_html()
        self.result.value = html
        learner = {f: s["you"] for f, s in comp["frames"].items()}
        try:
            self._update_figure(learner)
            self.chart.outputs = (_plotly_output(self.figure),)
        except Exception:  # the chart is a bonus; the tables say the same
            return

    def _update_figure(self, learner: dict) -> None:
        """Build the frame chart once (with a 'You' trace), then only move the learner's marks."""
        from ..present import frame_chart

        order = [fr.frame for fr in self.analysis.frames] + [f for f in learner if f not in
                                                             {fr.frame for fr in self.analysis.frames}]
        if self.figure is None:
            self.figure = frame_chart(self.analysis, learner={f: learner.get(f) for f in order})
            self._you = next((t for t in self.figure.data if t.name == "You"), None)
        if self._you is not None:
            self._you.x = [learner.get(f) for f in order]

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def frame_coder(analysis) -> FrameCoder:
    """The frame-coding widget for ``analysis`` (end a cell with it to show it)."""
    return FrameCoder(analysis)
