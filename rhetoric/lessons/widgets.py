"""The lesson's widgets: the teacher's review (notebook 05) and the learner's player (notebook 06).

Both are built from the exercise machinery of ``rhetoric.exercises``: answers are checked by
``Lesson.check`` and shown in the same ``Feedback`` boxes, hints come before solutions, and every
choice a learner makes is saved at once in their work file (``rhetoric.exercises.store.my_work``),
per lesson. Callbacks never raise: a problem becomes a line in the widget. All article text is
escaped. Every control has a description or a visible label, and CSS classes (``rl-lesson-…``)
let the browser tests find them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W
from ipywidgets.widgets.widget_bool import ToggleButtonStyle

from .. import reliability
from ..exercises.compare import merge_marks
from ..exercises.feedback import Feedback
from ..exercises.store import my_work
from ..markup import AS_WRITTEN
from .kinds import KINDS, STANCES
from .model import Exercise, Lesson, _show

_CSS = "font-family:sans-serif;line-height:1.45"
#: Errors in a dark orange that keeps a 5.5:1 contrast on white (WCAG AA asks 4.5:1; #D55E00 has 3.9:1).
_ERROR = "#B34700"
_WORD = re.compile(r"\S+")
_PLACEHOLDER = "(choose)"


def _box(html: str, style: str = "", cls: str = "", attrs: str = "") -> str:
    """``html`` in a ``<div>`` in the widgets' font that JupyterLab's MathJax leaves as written ("$4", "\\")."""
    classes = " ".join(c for c in (cls, AS_WRITTEN) if c)
    return f"<div class='{classes}' style='{_CSS};{style}'{attrs}>{html}</div>"


def _html(text: str, cls: str = "") -> W.HTML:
    w = W.HTML(_box(text))
    if cls:
        w.add_class(cls)
    return w


def passage_html(lesson: Lesson, ex: Exercise) -> str:
    """The exercise's passage, escaped, with the word asked about highlighted (bold and yellow)."""
    if not ex.passage:
        return ""
    p, t, text = ex.passage, ex.target, lesson.text
    if t and p["start"] <= t["start"] and t["end"] <= p["end"]:
        body = (escape(text[p["start"]:t["start"]]) + "<b style='background:#f0e442'>"
                + escape(text[t["start"]:t["end"]]) + "</b>" + escape(text[t["end"]:p["end"]]))
    else:
        body = escape(text[p["start"]:p["end"]])
    return (f"<blockquote class='{AS_WRITTEN}' style='margin:6px 0;padding:4px 10px;border-left:4px solid #bbb'>"
            f"{body}</blockquote>")


def reliability_note(layer: str) -> str:
    """The layer's measured reliability in words (empty when it was not measured)."""
    said = reliability.sentence(layer)
    return f"<span class='rl-reliability {AS_WRITTEN}' style='color:#555;font-size:88%'>{escape(said)}</span>" if said else ""


def passage_words(lesson: Lesson, ex: Exercise) -> list[tuple[int, int, str]]:
    """The clickable words of a marking passage: ``(start, end, word)``, outer punctuation left out."""
    p0, p1 = ex.passage["start"], ex.passage["end"]
    out = []
    for m in _WORD.finditer(lesson.text[p0:p1]):
        word = m.group()
        core = word.strip(".,;:!?“”‘\"()—[]")
        core = core[:-1] if core.endswith("’") and not core.endswith("s’") else core
        if core:
            s = p0 + m.start() + word.index(core)
            out.append((s, s + len(core), core))
    return out


# --- the learner's player ---------------------------------------------------------------------------

class ExerciseCard(W.VBox):
    """One exercise: its task and passage, the controls, Check / Hint / Show solution, the feedback."""

    def __init__(self, lesson: Lesson, ex: Exercise, section: str):
        self.lesson, self.ex, self.section = lesson, ex, section
        self.work = my_work()
        self.progress = self.work.get(section + ":progress", ex.id, {}) or {}
        saved = self.work.get(section, ex.id)
        controls = self._controls(saved)
        # the reason would give the kit's answer away: it comes with the feedback, after an answer
        unsure = ("<br><span class='rl-unsure' style='color:#8a4b00'>The kit is unsure about this one: read the "
                  "text, not the kit. Its reason comes with the feedback.</span>" if ex.unsure else "")
        head = _html(f"<strong>{escape(ex.title)}</strong> <span style='color:#666'>({escape(ex.id)})</span><br>"
                     f"{escape(ex.prompt)}{passage_html(lesson, ex)}{reliability_note(ex.layer)}{unsure}")
        auto = W.Layout(width="auto")
        self.check_button = W.Button(description="Check my answer", button_style="primary", icon="check", layout=auto,
                                     tooltip="Check your answer and get feedback")
        self.hint_button = W.Button(description="Hint", icon="lightbulb-o", layout=auto, tooltip="Show the next hint")
        self.solution_button = W.Button(description="Show solution", icon="eye", layout=auto,
                                        tooltip="Show the answer (try the hints first)")
        for b, cls in ((self.check_button, "rl-lesson-check"), (self.hint_button, "rl-lesson-hint"),
                       (self.solution_button, "rl-lesson-solution")):
            b.add_class(cls)
        self.feedback = W.HTML("")
        self.feedback.add_class("rl-lesson-feedback")
        self.saved = W.HTML("")
        self.check_button.on_click(lambda _: self._safely(self.on_check))
        self.hint_button.on_click(lambda _: self._safely(self.on_hint))
        self.solution_button.on_click(lambda _: self._safely(self.on_solution))
        super().__init__([head, *controls, W.HBox([self.check_button, self.hint_button, self.solution_button]),
                          self.feedback, self.saved],
                         layout=W.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"))
        self.add_class("rl-lesson-exercise")
        self.add_class(f"rl-lesson-{ex.kind}")

    # controls -------------------------------------------------------------------------------
    def _controls(self, saved: Any) -> list[W.Widget]:
        kind = self.ex.answer_type
        if kind == "choice":
            self.choice = W.RadioButtons(options=list(self.ex.options), description="", layout=W.Layout(width="auto"),
                                         value=saved if saved in self.ex.options else None)
            self.choice.add_class("rl-lesson-choice")
            self.choice.observe(lambda ch: self._safely(lambda: self._save(ch["new"])), names="value")
            return [self.choice]
        if kind == "verb_stance":
            saved = saved if isinstance(saved, dict) else {}
            verbs = self.ex.options["verb"]
            self.verb = W.Dropdown(options=[_PLACEHOLDER, *verbs], description="Reporting word",
                                   value=saved.get("verb") if saved.get("verb") in verbs else _PLACEHOLDER,
                                   style={"description_width": "initial"})
            self.stance = W.Dropdown(options=[_PLACEHOLDER, *self.ex.options["stance"]], description="Stance",
                                     value=saved.get("stance") if saved.get("stance") in STANCES else _PLACEHOLDER,
                                     style={"description_width": "initial"})
            for w in (self.verb, self.stance):
                w.observe(lambda ch: self._safely(lambda: self._save(self.answer())), names="value")
            return [W.HBox([self.verb, self.stance])]
        if kind == "marks":
            marked = {tuple(x) for x in (saved or []) if isinstance(x, list) and len(x) == 2}
            layout = W.Layout(width="auto", height="26px", padding="0 3px", margin="1px")
            style = ToggleButtonStyle()
            self.words: list[tuple[W.ToggleButton, tuple[int, int]]] = []
            for s, e, word in passage_words(self.lesson, self.ex):
                on = any(a <= s and e <= b for a, b in marked)
                b = W.ToggleButton(value=on, description=word, tooltip=word, icon="check" if on else "",
                                   layout=layout, style=style)
                b.add_class("rl-lesson-word")
                b.observe(self._toggled, names="value")
                self.words.append((b, (s, e)))
            box = W.Box([b for b, _ in self.words], layout=W.Layout(display="flex", flex_flow="row wrap"))
            return [box]
        # coding: yes / no per question
        saved = saved if isinstance(saved, dict) else {}
        self.coding: dict[str, W.ToggleButtons] = {}
        rows, current = [], None
        labels = self.ex.notes.get("labels", {})
        style = W.ToggleButtonsStyle(button_width="52px")
        for q in self.ex.notes.get("questions", []):
            if q["frame"] != current:
                current = q["frame"]
                rows.append(_html(f"<strong>{escape(labels.get(current, current))}</strong>"))
            tb = W.ToggleButtons(options=["—", "yes", "no"], value=saved.get(q["id"], "—")
                                 if saved.get(q["id"]) in ("yes", "no") else "—", style=style, description="",
                                 tooltips=["not answered", "yes", "no"])
            tb.observe(lambda ch: self._safely(lambda: self._save(self.answer())), names="value")
            self.coding[q["id"]] = tb
            rows.append(W.HBox([tb, _html(escape(q["question"]))], layout=W.Layout(align_items="center")))
        return rows

    def _toggled(self, change) -> None:
        def after():
            change["owner"].icon = "check" if change["owner"].value else ""
            self._save(self.answer())
        self._safely(after)

    def answer(self) -> Any:
        kind = self.ex.answer_type
        if kind == "choice":
            return self.choice.value
        if kind == "verb_stance":
            return {"verb": None if self.verb.value == _PLACEHOLDER else self.verb.value,
                    "stance": None if self.stance.value == _PLACEHOLDER else self.stance.value}
        if kind == "marks":
            return merge_marks(self.lesson.text, [sp for b, sp in self.words if b.value])
        return {q: tb.value for q, tb in self.coding.items() if tb.value != "—"}

    # for tests and teachers on a projector ------------------------------------------------------
    def mark(self, *phrases: str) -> None:
        """Mark the words of ``phrases`` (each found in the passage)."""
        for phrase in phrases:
            for s, e in self.lesson._spans(self.ex, [phrase]):
                for b, (ws, we) in self.words:
                    if s <= ws and we <= e:
                        b.value = True

    # actions -------------------------------------------------------------------------------------
    def _blank(self) -> str | None:
        a = self.answer()
        kind = self.ex.answer_type
        if kind == "choice" and a is None:
            return "Choose one of the options first."
        if kind == "verb_stance" and (a["verb"] is None or a["stance"] is None):
            return "Choose the reporting word and its stance first."
        if kind == "coding" and not a:
            return "Answer at least one question first."
        return None

    def on_check(self) -> None:
        blank = self._blank()
        if blank:
            self._show(Feedback(self.ex.id, "blank", blank))
            return
        attempts = int(self.progress.get("attempts", 0))
        verdict = self.lesson.check(self.ex.id, self.answer(), attempt=attempts + 1)
        if verdict.correct:
            self.progress["solved"] = True
        else:
            self.progress["attempts"] = attempts + 1
            self.progress["hints"] = max(int(self.progress.get("hints", 0)), attempts + 1)
        self._save_progress()
        self._show(verdict.feedback())

    def on_hint(self) -> None:
        n = min(int(self.progress.get("hints", 0)) + 1, len(self.ex.hints))
        self.progress["hints"] = n
        self._save_progress()
        more = " That is the last hint." if n == len(self.ex.hints) else f" (hint {n} of {len(self.ex.hints)})"
        self._show(Feedback(self.ex.id, "hint", self.ex.hints[n - 1] + more))

    def on_solution(self) -> None:
        self.progress["solution_shown"] = True
        self._save_progress()
        self._show(Feedback(self.ex.id, "solution", self.lesson.solution(self.ex.id)))

    def _show(self, fb: Feedback) -> None:
        self.last_feedback = fb
        self.feedback.value = fb._repr_html_()

    def _save(self, value: Any) -> None:
        ok = self.work.put(self.section, self.ex.id, value)
        self.saved.value = (_box(f"Saved to {escape(self.work.path.name)}.", "color:#666;font-size:85%") if ok
                            else _box(f"Not saved: {escape(self.work.last_error or '')}", f"color:{_ERROR};font-size:85%"))

    def _save_progress(self) -> None:
        self.work.put(self.section + ":progress", self.ex.id, dict(self.progress))

    def _safely(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # a widget must never kill the lesson
            self.feedback.value = _box(f"Something went wrong ({escape(type(exc).__name__)}: {escape(str(exc))}). "
                                       "Your answers are saved; run the cell again.", f"color:{_ERROR}")


def lesson_header(lesson: Lesson) -> str:
    """Title, outlet, date, licence and the kit's measured reliability for the lesson's layers."""
    m = lesson.meta
    by = " · ".join(escape(m[k]) for k in ("outlet", "author", "date") if m.get(k))
    layers = list(dict.fromkeys(ex.layer for ex in lesson.exercises))
    said = list(dict.fromkeys(s for s in (reliability.sentence(x) for x in layers) if s))
    rel = ("<p style='margin:4px 0'><strong>How often the kit is right.</strong> " + " ".join(escape(s) for s in said)
           + "</p>") if said else ""
    corrected = sum(ex.corrected for ex in lesson.exercises)
    times = f"{corrected} time{'s' if corrected != 1 else ''}"
    teacher = (f"<p style='margin:4px 0'>Your teacher corrected the kit {times}:"
               " when you get one of those right, you will see what the kit said and why your teacher disagrees.</p>"
               if corrected else "")
    return _box(f"<h3 style='margin:4px 0'>{escape(lesson.title)}</h3><p style='margin:2px 0;color:#555'>{by}</p>"
                f"<p style='margin:2px 0;color:#555;font-size:90%'>Licence: {escape(m.get('licence', ''))}</p>"
                f"<p style='margin:4px 0'>{len(lesson.exercises)} exercises.</p>{rel}{teacher}", cls="rl-lesson-header")


def article_html(lesson: Lesson) -> str:
    """The article with numbered paragraphs, escaped."""
    from ..layout import lines

    pars = "".join(f"<p style='margin:4px 0'><span style='color:#666;font-size:80%'>¶{n}</span> "
                   f"{escape(lesson.text[s:e])}</p>" for n, (s, e) in enumerate(lines(lesson.text), 1))
    # scrolls: a keyboard reaches it (tabindex) and a screen reader names it (axe-core scrollable-region-focusable)
    return _box(pars, "max-height:420px;overflow:auto;border:1px solid #ddd;padding:6px 10px", cls="rl-lesson-article",
                attrs=f" tabindex='0' role='region' aria-label='The article: {escape(lesson.title)}'")


class LessonPlayer:
    """A lesson for the learner: a picker of lessons, the article, then every exercise as a card."""

    def __init__(self, path: Any | None = None, folder: Any | None = None):
        from . import available, default_path

        self.folder = folder
        files = available(folder)
        start = Path(path) if path else default_path()
        options = [(p.stem, str(p)) for p in files]
        if str(start) not in [v for _, v in options]:
            options.insert(0, (start.stem, str(start)))
        self.picker = W.Dropdown(options=options, value=str(start), description="Lesson",
                                 layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.picker.add_class("rl-lesson-picker")
        self.reload_button = W.Button(description="Refresh the list", icon="refresh", layout=W.Layout(width="auto"))
        self.status = W.HTML("")
        self.status.add_class("rl-lesson-status")
        self.body = W.VBox([])
        self.cards: list[ExerciseCard] = []
        self.lesson: Lesson | None = None
        self.widget = W.VBox([W.HBox([self.picker, self.reload_button]), self.status, self.body])
        self.widget.add_class("rl-lesson-player")
        self.picker.observe(lambda ch: self.open(ch["new"]), names="value")
        self.reload_button.on_click(lambda _: self.refresh())
        self.open(str(start))

    def refresh(self) -> None:
        """Read the folder of lessons again (a teacher has just saved one)."""
        from . import available

        current = self.picker.value
        options = [(p.stem, str(p)) for p in available(self.folder)]
        if current not in [v for _, v in options]:
            options.insert(0, (Path(current).stem, current))
        self.picker.options = options
        self.picker.value = current

    def open(self, path: Any) -> Lesson | None:
        """Open the lesson at ``path`` and show it; a broken file is one line in the status."""
        from . import LessonError, load

        try:
            lesson = load(path)
        except LessonError as exc:
            self.status.value = _box(escape(str(exc)), f"color:{_ERROR}")
            self.body.children = ()
            return None
        section = f"lesson:{Path(path).stem}"
        try:
            cards = [ExerciseCard(lesson, ex, section) for ex in lesson.exercises]
        except Exception as exc:  # a hand-edited file the schema let through: one line, never a traceback
            self.status.value = _box(f"{escape(str(path))}: cannot show this lesson "
                                     f"({escape(type(exc).__name__)}: {escape(str(exc))})", f"color:{_ERROR}")
            self.body.children = ()
            return None
        self.lesson = lesson
        self.cards = cards
        self.status.value = ""
        self.body.children = (W.HTML(lesson_header(lesson)), W.HTML(article_html(lesson)), *self.cards)
        return lesson

    def card(self, exercise_id: str) -> ExerciseCard:
        return next(c for c in self.cards if c.ex.id == exercise_id)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def play(path: Any | None = None) -> LessonPlayer:
    """The learner's lesson: ``path``, else ``$RHETORIC_LESSON``, else the seed's lesson."""
    return LessonPlayer(path)


# --- the teacher's review --------------------------------------------------------------------------

class ReviewCard(W.VBox):
    """One proposed exercise with the kit's answer and reasons: Accept, Correct or Drop."""

    ACTIONS = ("Accept", "Correct", "Drop")

    def __init__(self, lesson: Lesson, ex: Exercise):
        self.lesson, self.ex = lesson, ex
        kit = _kit_text(lesson, ex)
        unsure = (f"<br><span class='rl-unsure' style='color:#8a4b00'>The kit is unsure here: {escape(ex.unsure)}."
                  "</span>" if ex.unsure else "")
        info = _html(f"<strong>{escape(ex.title)}</strong> <span style='color:#666'>({escape(ex.id)})</span><br>"
                     f"{escape(ex.prompt)}{passage_html(lesson, ex)}"
                     f"<div><strong>The kit's answer:</strong> {escape(kit)}</div>"
                     f"<div style='color:#444;font-size:92%'><strong>Why:</strong> {escape(ex.explanation)}</div>"
                     f"{reliability_note(ex.layer)}{unsure}")
        keyed = ex.answer_type != "coding"
        self.action = W.ToggleButtons(
            options=list(self.ACTIONS) if keyed else ["Accept", "Drop"], value="Accept", description="",
            tooltips=(["keep the kit's answer as the key", "give the right answer", "leave this exercise out"]
                      if keyed else ["keep this exercise", "leave this exercise out"]))
        self.action.add_class("rl-review-action")
        self.correction = self._correction_control()
        self.because = W.Text(placeholder="because … (the learners will read this)", description="Because",
                              layout=W.Layout(width="95%"))
        self.because.add_class("rl-review-because")
        self.fix_box = W.VBox([self.correction, self.because] if self.correction is not None else [])
        self.fix_box.layout.display = "none"
        self.action.observe(lambda ch: self._on_action(), names="value")
        super().__init__([info, self.action, self.fix_box],
                         layout=W.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"))
        self.add_class("rl-review-card")

    def _correction_control(self) -> W.Widget | None:
        kind = self.ex.answer_type
        if kind == "choice":
            w = W.Combobox(options=list(self.ex.options), placeholder="the right answer", description="Key",
                           ensure_option=False)
        elif kind == "verb_stance":
            self.fix_verb = W.Dropdown(options=self.ex.options["verb"], value=self.ex.key["verb"], description="Verb")
            self.fix_stance = W.Dropdown(options=self.ex.options["stance"], value=self.ex.key["stance"],
                                         description="Stance")
            return W.HBox([self.fix_verb, self.fix_stance])
        elif kind == "marks":
            words = "; ".join(self.lesson.text[s:e] for s, e in self.ex.key)
            w = W.Text(value=words, description="Words", placeholder="the words to mark, separated by ;",
                       layout=W.Layout(width="95%"))
        else:
            return None
        w.add_class("rl-review-key")
        return w

    def _on_action(self) -> None:
        self.fix_box.layout.display = "flex" if self.action.value == "Correct" else "none"

    def teacher_key(self) -> Any:
        kind = self.ex.answer_type
        if kind == "choice":
            return self.correction.value
        if kind == "verb_stance":
            return {"verb": self.fix_verb.value, "stance": self.fix_stance.value}
        return [w.strip() for w in self.correction.value.split(";") if w.strip()]

    def apply(self) -> str:
        """Apply the teacher's decision to the lesson; returns what was done (raises ValueError if unusable)."""
        if self.action.value == "Drop":
            self.lesson.drop(self.ex.id)
            return "dropped"
        if self.action.value == "Correct" and self.correction is not None:
            self.lesson.correct(self.ex.id, self.teacher_key(), because=self.because.value)
            return "corrected" if self.ex.corrected else "accepted"
        self.lesson.accept(self.ex.id)
        return "accepted"


def _kit_text(lesson: Lesson, ex: Exercise) -> str:
    if ex.answer_type == "marks":
        return _show([lesson.text[s:e] for s, e in ex.kit_answer])
    if ex.answer_type == "coding":
        yes = sum(bool(v) for v in (ex.kit_answer or {}).values())
        return f"yes to {yes} of {len(ex.kit_answer or {})} questions (no key: a starting point for discussion)"
    return _show(ex.kit_answer)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "my-lesson"


class LessonBuilder:
    """The teacher's lesson maker: paste or upload, metadata, review each proposal, save."""

    def __init__(self, folder: Any | None = None):
        from . import DEFAULT_LICENCE, LESSONS_DIR

        self.folder = Path(folder or LESSONS_DIR)
        wide, desc = W.Layout(width="95%"), {"description_width": "8em"}
        self.paste = W.Textarea(placeholder="Paste the text of an article here (or upload a .txt file)",
                                description="Article", layout=W.Layout(width="95%", height="180px"), style=desc)
        self.paste.add_class("rl-lesson-paste")
        self.upload = W.FileUpload(accept=".txt,text/plain", multiple=False, description="Upload a .txt")
        self.title = W.Text(description="Title", layout=wide, style=desc)
        self.outlet = W.Text(description="Outlet", layout=wide, style=desc)
        self.date = W.Text(description="Date", placeholder="2025-02-12", layout=wide, style=desc)
        self.licence = W.Text(value=DEFAULT_LICENCE, description="Licence note", layout=wide, style=desc)
        for w, cls in ((self.title, "rl-lesson-title"), (self.outlet, "rl-lesson-outlet")):
            w.add_class(cls)
        self.propose_button = W.Button(description="Propose exercises", button_style="primary", icon="magic",
                                       layout=W.Layout(width="auto"))
        self.propose_button.add_class("rl-lesson-propose")
        self.filename = W.Text(description="Save as", placeholder="my-article.json", layout=wide, style=desc)
        self.filename.add_class("rl-lesson-filename")
        self.save_button = W.Button(description="Save the lesson", button_style="success", icon="save",
                                    layout=W.Layout(width="auto"), disabled=True)
        self.save_button.add_class("rl-lesson-save")
        self.status = W.HTML("")
        self.status.add_class("rl-lesson-status")
        self.save_status = W.HTML("")  # the same message beside the Save button, at the end of a long review
        self.save_status.add_class("rl-lesson-save-status")
        self.cards_box = W.VBox([])
        self.cards: list[ReviewCard] = []
        self.lesson: Lesson | None = None
        self.saved_path: Path | None = None
        self.widget = W.VBox([self.paste, self.upload, self.title, self.outlet, self.date, self.licence,
                              self.propose_button, self.status, self.cards_box, self.filename, self.save_button,
                              self.save_status])
        self.widget.add_class("rl-lesson-builder")
        self.propose_button.on_click(lambda _: self._safely(self.propose))
        self.save_button.on_click(lambda _: self._safely(self.save))
        self.upload.observe(lambda ch: self._safely(self._on_upload), names="value")

    def say(self, message: str, error: bool = False) -> None:
        colour = _ERROR if error else "#1a1a1a"
        self.status.value = self.save_status.value = _box(escape(message), f"color:{colour}")

    def _safely(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # one line, never a traceback
            self.say(f"{type(exc).__name__}: {exc}", error=True)

    def _on_upload(self) -> None:
        from ..intake import InputError, decode_bytes

        files = self.upload.value
        if not files:
            return
        f = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        try:
            text, warnings = decode_bytes(bytes(f.get("content", b"")), f.get("name", "upload.txt"))
        except InputError as exc:
            self.say(str(exc), error=True)
            return
        self.paste.value = text
        self.say(f"Read {f.get('name', 'the file')}." + (f" Note: {warnings[0]}" if warnings else ""))

    def propose(self) -> Lesson | None:
        """Analyse the pasted article and show every proposed exercise for review."""
        from ..intake import InputError
        from . import build

        text = self.paste.value
        if not text.strip():
            self.say("The box is empty: paste the text of an article first.", error=True)
            return None
        try:
            lesson = build(text, title=self.title.value, outlet=self.outlet.value, date=self.date.value,
                           licence=self.licence.value)
        except InputError as exc:
            self.say(str(exc), error=True)
            return None
        self.lesson = lesson
        self.cards = [ReviewCard(lesson, ex) for ex in lesson.exercises]
        self.cards_box.children = tuple(self.cards)
        if not self.filename.value.strip():
            self.filename.value = _slug(lesson.title) + ".json"
        self.save_button.disabled = False
        kinds = ", ".join(KINDS[k]["title"].lower().rstrip("?") for k in lesson.kinds)
        self.say(f"The kit proposes {len(lesson.exercises)} exercises ({kinds}). Check each one: accept it, "
                 "correct it (your answer becomes the key) or drop it, then save.")
        return lesson

    def card(self, exercise_id: str) -> ReviewCard:
        return next(c for c in self.cards if c.ex.id == exercise_id)

    def save(self) -> Path | None:
        """Apply every decision and write the lesson under the lessons folder."""
        if self.lesson is None:
            self.say("Propose the exercises first.", error=True)
            return None
        name = Path(self.filename.value.strip() or "my-lesson.json").name
        name = name if name.endswith(".json") else name + ".json"
        done = {}
        for card in self.cards:
            if card.ex in self.lesson.exercises:
                try:
                    done[card.ex.id] = card.apply()
                except ValueError as exc:
                    self.say(f"{card.ex.id}: {exc}", error=True)
                    return None
        path = self.lesson.save(self.folder / name)
        self.saved_path = path
        counts = {k: sum(v == k for v in done.values()) for k in ("accepted", "corrected", "dropped")}
        self.say(f"Saved {path.name}: {len(self.lesson.exercises)} exercises ({counts['accepted']} accepted, "
                 f"{counts['corrected']} corrected, {counts['dropped']} dropped). Learners open it in 06_lesson.")
        self.cards = [c for c in self.cards if c.ex in self.lesson.exercises]
        self.cards_box.children = tuple(self.cards)
        return path

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def make_lesson(folder: Any | None = None) -> LessonBuilder:
    """The teacher's lesson maker (notebook 05)."""
    return LessonBuilder(folder)
