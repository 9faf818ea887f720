"""Exercise widgets: quizzes, word marking, mention labelling and speaker choosing.

Each widget is built from the exercise's entry in ``data/exercises`` and checked by the same
``check`` function as code answers, so a widget and a code cell give the same feedback. Every
choice a learner makes is saved at once in their work file (``store.my_work``) and restored when
the widget is shown again, so nothing is lost when a kernel restarts. Callbacks never raise: a
problem becomes a message in the widget. All article text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as W
from ipywidgets.widgets.widget_bool import ToggleButtonStyle  # not exported at the top level

from .. import course
from ..markup import AS_WRITTEN
from . import annotate
from .answers import Blank
from .facts import render
from .feedback import Feedback
from .registry import check, get, hint, show_solution
from .store import my_work, start_again

_CSS = "font-family:sans-serif;line-height:1.45"
#: On every element holding text: JupyterLab's MathJax then shows "$4" and "\\" as written.
_TEXT = f"class='{AS_WRITTEN}'"


def _feedback_html(fb: Feedback) -> str:
    return fb._repr_html_()


class ExerciseWidget(W.VBox):
    """Title, task, the controls, and Check / Hint / Show solution buttons with a feedback area."""

    check_label = "Check my answer"

    def __init__(self, exercise_id: str, controls: list[W.Widget], section: str):
        self.ex = get(exercise_id)
        self.section = section
        self.work = my_work()
        title = W.HTML(
            f"<div {_TEXT} style='{_CSS}'><strong>Exercise {escape(self.ex.id)}: {escape(self.ex.title)}</strong>"
            f"<br>{escape(render(self.ex.task, self.ex))}</div>"
        )
        auto = W.Layout(width="auto")
        self.check_button = W.Button(description=self.check_label, button_style="primary", icon="check",
                                     tooltip="Check your answer and get feedback", layout=auto)
        self.hint_button = W.Button(description="Hint", icon="lightbulb-o", tooltip="Show the next hint",
                                    layout=W.Layout(width="auto"))
        self.solution_button = W.Button(description="Show solution", icon="eye", layout=W.Layout(width="auto"),
                                        tooltip="Show one solution (try the hints first)")
        self.feedback = W.HTML(value="")
        self.saved = W.HTML(value="")
        self.again = Confirm("Start again", f"Clear your answer to {self.ex.id} and start this exercise again?",
                             self._start_again, tooltip="Clear your saved answer to this exercise")
        self.check_button.on_click(lambda _: self._safely(self.on_check))
        self.hint_button.on_click(lambda _: self._safely(lambda: self._show(hint(self.ex.id))))
        self.solution_button.on_click(lambda _: self._safely(lambda: self._show(show_solution(self.ex.id))))
        buttons = W.HBox([self.check_button, self.hint_button, self.solution_button, self.again.button],
                         layout=W.Layout(flex_flow="row wrap"))
        super().__init__([title, *controls, buttons, self.again.box, self.feedback, self.saved],
                         layout=W.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"))
        self.add_class("rhetoric-exercise")

    def answer(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def reset_controls(self) -> None:  # pragma: no cover - overridden
        """Put the controls back as a fresh notebook shows them."""

    def _start_again(self) -> None:
        start_again(self.ex.id, confirm=True)
        self._resetting = True
        try:
            self.reset_controls()
        finally:
            self._resetting = False
        self.work.reload()
        self.feedback.value = ""
        self.saved.value = f"<span style='color:#666;font-size:85%'>Exercise {escape(self.ex.id)} cleared.</span>"

    def on_check(self) -> None:
        Blank.touched = False  # a blank used in some code cell is not this widget's business
        self._show(check(self.ex.id, self.answer()))

    def _show(self, fb: Feedback) -> None:
        self.feedback.value = _feedback_html(fb)
        self.last_feedback = fb

    _resetting = False

    def _save(self, value: Any) -> None:
        if self._resetting:
            return
        ok = self.work.put(self.section, self.ex.id, value)
        self.saved.value = (
            f"<span {_TEXT} style='color:#666;font-size:85%'>Saved to {escape(self.work.path.name)}.</span>" if ok else
            f"<span {_TEXT} style='color:#D55E00;font-size:85%'>Not saved: {escape(self.work.last_error or '')}</span>"
        )

    def _safely(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # a widget must never kill the lesson
            self.feedback.value = (f"<div {_TEXT} style='{_CSS};color:#D55E00'>Something went wrong "
                                   f"({escape(type(exc).__name__)}: {escape(str(exc))}). Your answers are saved; "
                                   "run the cell again.</div>")


# --- multiple choice ---------------------------------------------------------------------------

class Quiz(ExerciseWidget):
    """A multiple-choice question whose wrong options each get their own reply."""

    def __init__(self, exercise_id: str):
        ex = get(exercise_id)
        saved = my_work().get("choices", ex.id)
        self.choice = W.RadioButtons(options=list(ex.options), value=saved if saved in ex.options else None,
                                     layout=W.Layout(width="auto"), description="")
        super().__init__(exercise_id, [self.choice], "choices")
        self.choice.observe(lambda ch: self._safely(lambda: self._save(ch["new"])), names="value")

    def answer(self) -> Any:
        return self.choice.value if self.choice.value is not None else None

    def reset_controls(self) -> None:
        self.choice.value = None

    def on_check(self) -> None:
        if self.choice.value is None:
            self._show(Feedback(self.ex.id, "blank", "Choose one of the options first."))
            return
        super().on_check()


# --- marking words ------------------------------------------------------------------------------

class WordMarker(ExerciseWidget):
    """Click words to mark them; neighbouring marked words form one span ('at least in a sense')."""

    check_label = "Check my marks"

    def __init__(self, exercise_id: str):
        ex = get(exercise_id)
        saved = {tuple(x) for x in my_work().get("marks", ex.id, [])}
        self.buttons: list[tuple[W.ToggleButton, tuple[int, int]]] = []
        rows = []
        by_par = {p.number: p for p in course.paragraphs()}
        all_words = annotate.words(ex)
        # One layout and one style shared by every word button: a passage has a couple of hundred
        # words, and each widget model is a message to the browser.
        layout = W.Layout(width="auto", height="26px", padding="0 3px", margin="1px")
        style = ToggleButtonStyle()
        for number in ex.key["paragraphs"]:
            p = by_par[number]
            row = []
            for s, e, word in all_words:
                if p.start <= s < p.end:
                    marked = (s, e) in saved
                    shown = annotate.shown_word(course.seed_text(), s, e)
                    b = W.ToggleButton(value=marked, description=shown, tooltip=f"¶{number}: {word}",
                                       icon="check" if marked else "", layout=layout, style=style)
                    b.observe(self._toggled, names="value")
                    self.buttons.append((b, (s, e)))
                    row.append(b)
            rows.append(W.HTML(f"<strong style='font-family:sans-serif'>¶{number}</strong>"))
            rows.append(W.Box(row, layout=W.Layout(display="flex", flex_flow="row wrap")))
        self.clear_button = W.Button(description="Clear my marks", icon="eraser", layout=W.Layout(width="auto"))
        self.summary = W.HTML()
        super().__init__(exercise_id, [*rows, W.HBox([self.clear_button, self.summary])], "marks")
        self.clear_button.on_click(lambda _: self._safely(self.clear))
        self._update_summary()

    def _toggled(self, change) -> None:
        self._safely(lambda: self._after_toggle(change["owner"]))

    _bulk = False  # while clearing or marking many words, save once at the end

    def _after_toggle(self, button: W.ToggleButton) -> None:
        button.icon = "check" if button.value else ""  # pressed look and a tick: not colour alone
        if not self._bulk:
            self._save([list(span) for span in self.marked_words()])
            self._update_summary()

    def _set_many(self, spans: set, value: bool) -> None:
        self._bulk = True
        try:
            for b, sp in self.buttons:
                if sp in spans and b.value != value:
                    b.value = value
        finally:
            self._bulk = False
        self._save([list(span) for span in self.marked_words()])
        self._update_summary()

    def marked_words(self) -> list[tuple[int, int]]:
        return [span for b, span in self.buttons if b.value]

    def answer(self) -> Any:
        return [list(s) for s in self.marked_words()]

    def marked_phrases(self) -> list[str]:
        text = course.seed_text()
        return [text[s:e] for s, e in annotate.merge_words(self.marked_words())]

    def _update_summary(self) -> None:
        phrases = self.marked_phrases()
        self.summary.value = (f"<span {_TEXT} style='{_CSS}'>Marked: " + (escape(" · ".join(phrases)) if phrases else "nothing yet")
                              + "</span>")

    def clear(self) -> None:
        self._set_many({sp for _, sp in self.buttons}, False)

    def reset_controls(self) -> None:
        self._bulk = True
        try:
            for b, _ in self.buttons:
                b.value = False
        finally:
            self._bulk = False
        self._update_summary()

    def mark(self, *phrases: str) -> None:
        """Mark words from Python (used by tests and by teachers on a projector)."""
        wanted = set()
        for span in annotate.learner_spans(list(phrases), self.ex):
            wanted |= {sp for _, sp in self.buttons if span[0] <= sp[0] and sp[1] <= span[1]}
        self._set_many(wanted, True)


# --- choosing from a list per item ---------------------------------------------------------------

def _context(start: int, end: int, width: int = 90) -> str:
    """The sentence (or a window) around ``[start, end)``, the target in bold, escaped."""
    text = course.seed_text()
    s = max(text.rfind("\n", 0, start) + 1, start - width)
    e = min([i for i in (text.find("\n", end), end + width) if i != -1])
    before, target, after = text[s:start], text[start:end], text[end:e]
    return (("…" if s > 0 and text[s - 1] != "\n" else "") + escape(before) + f"<b style='background:#f0e442'>{escape(target)}</b>"
            + escape(after) + ("…" if e < len(text) and text[e] != "\n" else ""))


class ItemChooser(ExerciseWidget):
    """One dropdown per item (a mention to label, a quote to attribute)."""

    placeholder = "(choose)"
    #: Names each dropdown ("Mention 3"): a screen reader's name for it (axe-core: select-name).
    item_name = "Item"

    def __init__(self, exercise_id: str, items: list[dict], options: list[str], section: str):
        ex = get(exercise_id)
        saved = my_work().get(section, ex.id, {}) or {}
        self.dropdowns: dict[str, W.Dropdown] = {}
        rows = []
        for n, item in enumerate(items, 1):
            key = str(item["start"])
            value = saved.get(key) if saved.get(key) in options else self.placeholder
            dd = W.Dropdown(options=[self.placeholder, *options], value=value, description=f"{self.item_name} {n}",
                            style={"description_width": "initial"}, layout=W.Layout(width="270px"))
            dd.observe(lambda ch: self._safely(self._changed), names="value")
            self.dropdowns[key] = dd
            ctx = W.HTML(f"<div {_TEXT} style='{_CSS};font-size:92%'>{_context(item['start'], item['end'])}</div>",
                         layout=W.Layout(width="100%"))
            rows.append(W.HBox([dd, ctx], layout=W.Layout(align_items="center")))
        super().__init__(exercise_id, rows, section)

    def answer(self) -> dict[str, Any]:
        return {k: ("" if d.value == self.placeholder else d.value) for k, d in self.dropdowns.items()}

    def _changed(self) -> None:
        self._save({k: v for k, v in self.answer().items() if v != ""})

    def reset_controls(self) -> None:
        for d in self.dropdowns.values():
            d.value = self.placeholder

    def choose(self, **by_key: str) -> None:
        """Set answers from Python (tests, teachers): ``choose(**{"248": "not a name"})``."""
        for k, v in by_key.items():
            self.dropdowns[str(k)].value = v


class LabelChooser(ItemChooser):
    check_label = "Check my labels"
    item_name = "Mention"

    def __init__(self, exercise_id: str):
        ex = get(exercise_id)
        super().__init__(exercise_id, ex.key["mentions"], list(ex.options), "labels")


class SpeakerChooser(ItemChooser):
    check_label = "Check my speakers"
    item_name = "Quote"

    def __init__(self, exercise_id: str):
        ex = get(exercise_id)
        options = [*ex.key["candidates"], ex.key["nobody"]]
        super().__init__(exercise_id, ex.key["quotes"], options, "speakers")


class Confirm:
    """A button that asks before it acts: "Start again" → "Yes, start again" / "Keep my work"."""

    def __init__(self, label: str, question: str, action: Callable[[], None], tooltip: str = ""):
        self.action = action
        self.button = W.Button(description=label, icon="undo", tooltip=tooltip or label, layout=W.Layout(width="auto"))
        self.question = W.HTML(f"<span {_TEXT} style='{_CSS}'>{escape(question)}</span>")
        self.yes = W.Button(description="Yes, start again", button_style="danger", icon="trash",
                            layout=W.Layout(width="auto"))
        self.no = W.Button(description="Keep my work", layout=W.Layout(width="auto"))
        self.box = W.HBox([self.question, self.yes, self.no], layout=W.Layout(display="none", flex_flow="row wrap",
                                                                               align_items="center"))
        self.button.on_click(lambda _: self.ask())
        self.no.on_click(lambda _: self.hide())
        self.yes.on_click(lambda _: self.confirm())

    def ask(self) -> None:
        self.box.layout.display = "flex"

    def hide(self) -> None:
        self.box.layout.display = "none"

    def confirm(self) -> None:
        self.hide()
        self.action()


class WorkPanel(W.VBox):
    """Where the work is saved, a copy to hand in, and "Start again" for a notebook or everything."""

    def __init__(self):
        from .registry import exercises

        notebooks = sorted({i.split(".")[0] for i in exercises()})
        self.scope = W.Dropdown(options=[(f"notebook {n}", n) for n in notebooks] + [("everything", "everything")],
                                value="everything", description="Start again:", style={"description_width": "initial"},
                                layout=W.Layout(width="auto"))
        self.status = W.HTML(self._status())
        self.message = W.HTML()
        self.copy_button = W.Button(description="Copy my work here (to hand in)", icon="download",
                                    layout=W.Layout(width="auto"))
        self.again = Confirm("Start again", "", self._clear, tooltip="Clear the saved answers you chose")
        self.again.button.on_click(lambda _: self._ask())
        self.copy_button.on_click(lambda _: self._copy())
        super().__init__([self.status, W.HBox([self.scope, self.again.button, self.copy_button],
                                              layout=W.Layout(flex_flow="row wrap")),
                          self.again.box, self.message])
        self.add_class("rhetoric-work-panel")

    def _status(self) -> str:
        return f"<div {_TEXT} style='{_CSS}'>{escape(my_work().reload().status())}</div>"

    def _ask(self) -> None:
        scope = self.scope.value
        what = "every notebook" if scope == "everything" else f"notebook {scope}"
        self.again.question.value = f"<span {_TEXT} style='{_CSS}'>Clear all your saved answers in {escape(what)}?</span>"

    def _clear(self) -> None:
        self.message.value = f"<div {_TEXT} style='{_CSS}'>{escape(start_again(self.scope.value, confirm=True))}</div>"
        self.status.value = self._status()

    def _copy(self) -> None:
        try:
            path = my_work().copy_to(".")
            self.message.value = (f"<div {_TEXT} style='{_CSS}'>Copied to {escape(path.name)} in this folder: "
                                  "right-click it in the file browser and choose Download.</div>")
        except OSError as exc:
            self.message.value = f"<div {_TEXT} style='{_CSS};color:#D55E00'>Could not copy: {escape(str(exc))}</div>"


def work_panel() -> WorkPanel:
    """The learner's work: where it is saved, a copy to hand in, and "Start again"."""
    return WorkPanel()


def exercise_widget(exercise_id: str) -> W.Widget:
    """The widget of a choice or annotation exercise (a code exercise is a code cell instead)."""
    ex = get(exercise_id)
    if ex.kind == "choice":
        return Quiz(ex.id)
    if ex.kind == "annotate":
        if "mentions" in ex.key:
            return LabelChooser(ex.id)
        if "quotes" in ex.key:
            return SpeakerChooser(ex.id)
        return WordMarker(ex.id)
    raise ValueError(f"exercise {ex.id} is a code exercise: answer it in a code cell with check(\"{ex.id}\", answer)")
