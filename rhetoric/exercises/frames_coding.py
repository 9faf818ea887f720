"""Code the article's generic frames yourself, then compare with the kit's scores.

Semetko and Valkenburg (2000) coded news with yes/no questions per frame; a frame's score is the
share of its questions answered "yes". The learner answers the same battery in a widget (saved
as they go) and sees their scores beside the kit's, frame by frame. The battery is read from the
framing layer's data (``data/frames/*.json``, any file with ``frames``/``questions``) when it
exists, else from ``data/exercises/frame_battery.json``.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, Optional

from ..data import data_path
from .feedback import Table
from .store import my_work

ANSWERS = ("—", "yes", "no")


def _norm(name: str) -> str:
    return name.lower().replace(" ", "_").replace("-", "_")


def load_battery() -> list[dict]:
    """The question battery as ``[{"frame", "name", "questions": [str]}]``."""
    for path in sorted(data_path("frames").glob("*.json")) if data_path("frames").exists() else []:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        frames = spec.get("frames") if isinstance(spec, dict) else None
        if isinstance(frames, dict):
            frames = [{"frame": k, **(v if isinstance(v, dict) else {"questions": v})} for k, v in frames.items()]
        if isinstance(frames, list) and frames and all("questions" in f for f in frames):
            out = []
            for f in frames:
                qs = [q if isinstance(q, str) else q.get("question") or q.get("text", "") for q in f["questions"]]
                key = f.get("frame") or f.get("id") or f.get("name")
                out.append({"frame": key, "name": f.get("name") or f.get("label") or key.replace("_", " ").capitalize(),
                            "questions": [q for q in qs if q]})
            return out
    return json.loads(data_path("exercises", "frame_battery.json").read_text(encoding="utf-8"))["frames"]


def kit_frame_name(frame: str, analysis) -> str:
    """The name the kit uses for ``frame`` ("economic" may be "economic_consequences")."""
    f = _norm(frame)
    for kit in (fr.frame for fr in analysis.frames):
        k = _norm(kit)
        if k == f or k.startswith(f) or f.startswith(k) or f in k or k in f:
            return kit
    return frame


def learner_scores(answers: dict[str, str], battery: list[dict]) -> dict[str, Optional[float]]:
    """Share of "yes" among the answered questions of each frame (None if none answered)."""
    scores: dict[str, Optional[float]] = {}
    for f in battery:
        given = [answers.get(f"{f['frame']}:{i}") for i in range(len(f["questions"]))]
        answered = [a for a in given if a in ("yes", "no")]
        scores[f["frame"]] = (sum(a == "yes" for a in answered) / len(answered)) if answered else None
    return scores


def comparison_table(analysis, scores: dict[str, Optional[float]], battery: list[dict]) -> Table:
    kit = {fr.frame: fr.score for fr in analysis.frames}
    rows = []
    for f in battery:
        mine = scores.get(f["frame"])
        theirs = kit.get(kit_frame_name(f["frame"], analysis))
        if mine is None:
            note = "answer its questions to compare"
        elif theirs is None:
            note = "the kit gives no score for this frame"
        elif abs(mine - theirs) < 0.25:
            note = "you and the kit roughly agree"
        else:
            note = "you see it more strongly than the kit" if mine > theirs else "the kit sees it more strongly than you"
        rows.append((f["name"], "—" if mine is None else f"{mine:.2f}", "—" if theirs is None else f"{theirs:.2f}", note))
    return Table(("frame", "you", "kit", "what it means"), rows, "Your coding and the kit's scores (0 = absent, 1 = strong)")


class FrameCoder:
    """The battery as yes/no buttons, saved as the learner goes, with a live comparison."""

    def __init__(self, analysis, section: str = "frames"):
        import ipywidgets as W

        self.analysis = analysis
        self.battery = load_battery()
        self.work = my_work()
        self.section = section
        saved = self.work.section(section)
        self.buttons: dict[str, Any] = {}
        rows = []
        for f in self.battery:
            rows.append(W.HTML(f"<h4 style='margin:10px 0 2px;font-family:sans-serif'>{escape(f['name'])}</h4>"))
            for i, q in enumerate(f["questions"]):
                key = f"{f['frame']}:{i}"
                tb = W.ToggleButtons(options=list(ANSWERS), value=saved.get(key, "—") if saved.get(key) in ANSWERS else "—",
                                     style={"button_width": "52px"}, tooltips=["not answered", "yes", "no"],
                                     description="", layout=W.Layout(width="190px"))
                tb.observe(lambda ch, key=key: self._changed(key, ch["new"]), names="value")
                self.buttons[key] = tb
                rows.append(W.HBox([tb, W.HTML(f"<span style='font-family:sans-serif'>{escape(q)}</span>")],
                                   layout=W.Layout(align_items="center")))
        self.result = W.HTML()
        self.chart = W.Output()
        self.widget = W.VBox([*rows, self.result, self.chart],
                             layout=W.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"))
        self.refresh()

    def answers(self) -> dict[str, str]:
        return {k: b.value for k, b in self.buttons.items() if b.value != "—"}

    def scores(self) -> dict[str, Optional[float]]:
        return learner_scores(self.answers(), self.battery)

    def _changed(self, key: str, value: str) -> None:
        try:
            self.work.put(self.section, key, value)
            self.refresh()
        except Exception as exc:  # never kill the lesson
            self.result.value = f"<div style='color:#D55E00'>Could not update ({escape(type(exc).__name__)}).</div>"

    def refresh(self) -> None:
        from IPython.display import display

        scores = self.scores()
        self.result.value = comparison_table(self.analysis, scores, self.battery).to_html()
        learner = {kit_frame_name(f, self.analysis): s for f, s in scores.items() if s is not None}
        try:
            from ..present import frame_chart

            fig = frame_chart(self.analysis, learner=learner)
        except Exception:  # the chart is a bonus; the table above says the same
            return
        self.chart.clear_output(wait=True)
        with self.chart:
            display(fig)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def frame_coder(analysis) -> FrameCoder:
    """The frame-coding widget for ``analysis`` (end a cell with it to show it)."""
    return FrameCoder(analysis)
