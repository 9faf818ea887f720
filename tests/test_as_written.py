"""Every HTML the kit hands to Jupyter shows dollar signs and backslashes as written.

JupyterLab's MathJax typesets ``$…$`` in HTML outputs ("spent $4 million on the bridge and $2
million" turns into italic maths); it leaves alone what sits inside an element with the classes
``mathjax_ignore`` (MathJax 3) and ``tex2jax_ignore`` (MathJax 2). A text with two dollar amounts
and a backslash goes through every display helper, found by walking the package (a new helper
without the guard, or missing from ``HELPERS`` below, fails), and every widget builder. The
browser test (tests/test_browser_lab.py) checks the same in JupyterLab itself.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
from html import unescape

import ipywidgets as W
import pytest

import rhetoric
from rhetoric.markup import AS_WRITTEN, as_written, shown_as_written, unguarded_text

DOLLARS = (
    "City Hall Spends Big on Roads\n\n"
    "\u201cWe spent $4 million on the bridge and $2 million on the road,\u201d Mayor Jane Alvarez said on Monday. "
    "The council, which may have overspent, filed the plan under C:\\roads\\2025.\n\n"
    "Critics claimed the $6 million was wasted, the Daily Courier reported.\n"
)
#: What a reader must see as written wherever the article's words are shown.
AS_TYPED = ("$4", "$2", "$6", "C:\\roads\\2025")


@pytest.fixture(scope="module")
def dollars():
    from rhetoric import analyze

    a = analyze(DOLLARS)
    assert a.quotes and a.entities, "the test article should give quotes and entities to show"
    return a


@pytest.fixture(autouse=True)
def dollar_work_file(tmp_path, monkeypatch):
    """A work file whose name holds a dollar sign: the exercise widgets show it ("Saved to ...")."""
    from rhetoric.exercises import store

    monkeypatch.setenv("RHETORIC_LAB_WORK", str(tmp_path / "work $4 \\ $2.json"))
    monkeypatch.setattr(store, "_WORK", None)


def _text(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", html))


# --- widget trees ---------------------------------------------------------------------------------

def _widgets(w):
    """``w`` and every widget inside it."""
    yield w
    for child in getattr(w, "children", ()) or ():
        yield from _widgets(child)


def widget_html(obj) -> list[str]:
    """Every HTML value shown by the widget tree of ``obj`` (a builder or a widget)."""
    root = obj.widget if hasattr(obj, "widget") else obj
    return [w.value for w in _widgets(root) if isinstance(w, (W.HTML, W.HTMLMath)) and w.value]


def typeset_text(obj) -> list[str]:
    """Text ipywidgets hands to MathJax one element at a time: descriptions and ``Label`` values.

    A ``Button``'s or ``ToggleButton``'s description is its caption, which ipywidgets 8 writes as a
    plain text node (``ButtonView``/``ToggleButtonView.update``: ``createTextNode(description)``,
    no ``typeset``), so a word button of a marking exercise may read "$4" as the article has it.
    """
    root = obj.widget if hasattr(obj, "widget") else obj
    out = []
    for w in _widgets(root):
        if not isinstance(w, (W.Button, W.ToggleButton)):
            out.append(getattr(w, "description", "") or "")
        if isinstance(w, W.Label):
            out.append(w.value or "")
    return out


# --- every display helper --------------------------------------------------------------------------

def _course(name):
    from rhetoric import course

    return getattr(course, name)


def _first_quote(a):
    return a.quotes[0]


def _quiz():
    from rhetoric.exercises import exercises
    from rhetoric.exercises.widgets import exercise_widget

    ex = next(e for e in exercises().values() if e.kind == "choice")
    w = exercise_widget(ex.id)
    w.choice.value = w.choice.options[0]  # saved: "Saved to work $4 \ $2.json"
    w.on_check()
    return w


def _word_marker():
    from rhetoric.exercises import exercises
    from rhetoric.exercises.widgets import WordMarker

    ex = next(e for e in exercises().values() if e.kind == "annotate" and "mentions" not in e.key and "quotes" not in e.key)
    w = WordMarker(ex.id)
    w.buttons[0][0].value = True
    return w


def _chooser(kind):
    def build():
        from rhetoric.exercises import exercises
        from rhetoric.exercises.widgets import LabelChooser, SpeakerChooser

        ex = next(e for e in exercises().values() if e.kind == "annotate" and kind in e.key)
        return (LabelChooser if kind == "mentions" else SpeakerChooser)(ex.id)
    return build


def _feedback():
    from rhetoric.exercises.feedback import Feedback, Table

    return Feedback("9.9", "not_yet", message=DOLLARS, hint="Was it $4 or $2?", details=["C:\\roads\\2025"],
                    tables=[Table(["you", "kit"], [["$4 million", "$2 million"]], caption="$ and \\")],
                    code="total = '$4' + '\\\\'")


def _rewrite(a):
    """"Rewrite the frame" on the whole dollar article, rewritten to change a reporting verb and a hedge."""
    from rhetoric.present.widgets import RewriteFrame

    r = RewriteFrame(a, 0, len(a.text))
    r.rewrite(DOLLARS.replace("claimed", "said").replace("may have", "certainly"))
    assert r.changes, "the rewrite should change something"
    return r


def _explorer(a):
    from rhetoric.present.widgets import Explorer

    ex = Explorer(a, name="Roads $4 \\ $2", others={"Other $6": a})
    ex.compare.value = "Other $6"
    ex.highlight.value = 0
    ex.say(DOLLARS)
    return ex


# --- lessons made from the dollar article (rhetoric.lessons) -----------------------------------------

def _lesson(a):
    """The kit's lesson for the dollar article, with dollars in its title and outlet too."""
    from rhetoric import lessons

    return lessons.build(DOLLARS, title="Roads: $4 and $2 \\ C:", outlet="Courier $6", analysis=a)


def _folder():
    """The test's own folder (the one holding the dollar work file)."""
    return os.path.dirname(os.environ["RHETORIC_LAB_WORK"])


def _marks(lesson):
    return next(ex for ex in lesson.exercises if ex.answer_type == "marks" and "$" in lesson.span_text(ex.passage))


def _verdict(a):
    """A wrong mark on a dollar amount: the verdict quotes it back ("$4 million")."""
    lesson = _lesson(a)
    v = lesson.check(_marks(lesson).id, ["$4 million"])
    assert not v.correct and "$4" in v.message, v
    return v


def _exercise_cards(a):
    """Every exercise of the dollar lesson as the learner sees it, each hinted, solved and checked."""
    from rhetoric.lessons.widgets import ExerciseCard

    lesson = _lesson(a)
    cards = [ExerciseCard(lesson, ex, "lesson:dollars") for ex in lesson.exercises]
    for card in cards:
        if card.ex.answer_type == "marks":
            card.mark("$4 million")  # saved: "Saved to work $4 \ $2.json"
        card.on_hint()
        card.on_solution()
        card.on_check()  # last, so that the wrong mark's verdict is what the card shows
    assert any("$" in c.feedback.value for c in cards), "a feedback box should quote a dollar amount"
    return W.VBox(cards)


def _review_cards(a):
    from rhetoric.lessons.widgets import ReviewCard

    lesson = _lesson(a)
    return W.VBox([ReviewCard(lesson, ex) for ex in lesson.exercises])


def _lesson_builder(a):
    r"""The teacher pastes the dollar article, reviews, saves to "roads $4 \ $2.json"."""
    from rhetoric.lessons.widgets import LessonBuilder

    b = LessonBuilder(_folder())
    b.paste.value = DOLLARS
    b.title.value = "Roads: $4 and $2"
    assert b.propose() is not None, b.status.value
    b.filename.value = "roads $4 \\ $2"
    assert b.save() is not None, b.status.value
    assert "$4" in _text(b.status.value)
    return b


def _lesson_player(a):
    """The learner opens the saved dollar lesson (the picker lists "roads $4 $2")."""
    from rhetoric.lessons.widgets import LessonPlayer

    path = _lesson(a).save(os.path.join(_folder(), "roads $4 $2.json"))
    return LessonPlayer(path, folder=_folder())


def _passages(a):
    """Every passage of the dollar lesson, one after the other."""
    from rhetoric.lessons.widgets import passage_html

    lesson = _lesson(a)
    return "".join(passage_html(lesson, ex) for ex in lesson.exercises)


#: Each display helper (module.name) -> a function of the dollar analysis returning what it shows
#: (an HTML string, an object with ``_repr_html_``, or a widget/builder), and whether the article's
#: own words appear in it (then "$4", "$2", "$6" and the backslashed path must show as written).
HELPERS = {
    "rhetoric.course.HTML": (lambda a: _course("HTML")(as_written("<p>$4</p>") + "<p>$2 \\</p>"), False),
    "rhetoric.course.show": (lambda a: _course("show")("<b>$4 million</b> and <i>$2 million</i> \\"), False),
    "rhetoric.course.show_article": (lambda a: _course("show_article")(a), True),
    "rhetoric.course.show_passages": (lambda a: _course("show_passages")(_course("paragraphs")(analysis=a)), True),
    "rhetoric.course.table": (lambda a: _course("table")(["$", "\\"], [["$4 million", "$2 million"]], "$ \\"), False),
    "rhetoric.course.tokens": (lambda a: _course("tokens")(DOLLARS), False),
    "rhetoric.course.corrections": (lambda a: _course("corrections")(a), False),
    "rhetoric.course.mark_counts": (lambda a: _course("mark_counts")(DOLLARS), False),
    "rhetoric.course.quotes_table": (lambda a: _course("quotes_table")(a), False),
    "rhetoric.course.quote_counts": (lambda a: _course("quote_counts")(a), False),
    "rhetoric.course.signals_overview": (lambda a: _course("signals_overview")(a), False),
    "rhetoric.course.signals_table": (lambda a: _course("signals_table")(a), False),
    "rhetoric.course.frames_table": (lambda a: _course("frames_table")(a), False),
    "rhetoric.present.highlight.highlight_html": (lambda a: rhetoric.present.highlight_html(a), True),
    "rhetoric.present.highlight.render_spans": (
        lambda a: rhetoric.present.render_spans(a.text, rhetoric.present.span_records(a)), True),
    "rhetoric.present.highlight.legend_html": (
        lambda a: rhetoric.present.legend_html(rhetoric.present.span_records(a), title="$ key \\"), False),
    "rhetoric.present.highlight.context_html": (
        lambda a: rhetoric.present.context_html(a, 0, len(a.text), "$4 \\", "spent $4 million and $2 million"), True),
    "rhetoric.present.highlight.item_in_context": (lambda a: rhetoric.present.item_in_context(a, _first_quote(a)), False),
    "rhetoric.present.highlight.record_in_context": (
        lambda a: rhetoric.present.highlight.record_in_context(a, rhetoric.present.span_records(a)[0]), False),
    "rhetoric.present.widgets.status_html": (lambda a: rhetoric.present.widgets.status_html(DOLLARS), True),
    "rhetoric.present.widgets.quote_details_html": (
        lambda a: rhetoric.present.widgets.quote_details_html(_first_quote(a)), False),
    "rhetoric.present.widgets.chart_caption_html": (
        lambda a: rhetoric.present.widgets.chart_caption_html(rhetoric.present.actor_mentions_chart(a)), False),
    "rhetoric.present.widgets.changes_html": (lambda a: rhetoric.present.widgets.changes_html(_rewrite(a).changes), False),
    "rhetoric.present.widgets.EntityHighlighter": (lambda a: rhetoric.present.widgets.EntityHighlighter(a), True),
    "rhetoric.present.widgets.QuoteExplorer": (lambda a: rhetoric.present.widgets.QuoteExplorer(a), False),
    "rhetoric.present.widgets.SignalToggles": (lambda a: rhetoric.present.widgets.SignalToggles(a), True),
    "rhetoric.present.widgets.RewriteFrame": (_rewrite, True),
    "rhetoric.present.widgets.Explorer": (_explorer, True),
    "rhetoric.exercises.feedback.Feedback": (lambda a: _feedback(), True),
    "rhetoric.exercises.store.WorkStore": (lambda a: __import__("rhetoric.exercises.store").exercises.store.my_work(),
                                           False),
    "rhetoric.exercises.frames_coding.FrameCoder": (lambda a: rhetoric.exercises.frame_coder(a), False),
    "rhetoric.exercises.widgets.WorkPanel": (lambda a: __import__("rhetoric.exercises.widgets").exercises.widgets.WorkPanel(),
                                             False),
    "rhetoric.exercises.widgets.Quiz": (lambda a: _quiz(), False),
    "rhetoric.exercises.widgets.WordMarker": (lambda a: _word_marker(), False),
    "rhetoric.exercises.widgets.LabelChooser": (lambda a: _chooser("mentions")(), False),
    "rhetoric.exercises.widgets.SpeakerChooser": (lambda a: _chooser("quotes")(), False),
    "rhetoric.present.widgets.reliability_html": (lambda a: rhetoric.present.widgets.reliability_html(), False),
    "rhetoric.lessons.model.Verdict": (_verdict, False),
    "rhetoric.lessons.widgets.passage_html": (_passages, True),
    "rhetoric.lessons.widgets.article_html": (
        lambda a: __import__("rhetoric.lessons.widgets").lessons.widgets.article_html(_lesson(a)), True),
    "rhetoric.lessons.widgets.ExerciseCard": (_exercise_cards, True),
    "rhetoric.lessons.widgets.ReviewCard": (_review_cards, True),
    "rhetoric.lessons.widgets.LessonBuilder": (_lesson_builder, True),
    "rhetoric.lessons.widgets.LessonPlayer": (_lesson_player, True),
}

#: Found by the walk but not shown by Jupyter, with the reason.
NOT_SHOWN_IN_JUPYTER = {
    "rhetoric.markup.as_written": "the guard itself",
    "rhetoric.present.highlight.esc": "escapes text; returns no element",
    "rhetoric.report.render_report": "a standalone page opened in a browser (no MathJax there)",
    "rhetoric.lessons.handout.render_handout": "a standalone page to print, opened in a browser (no MathJax there)",
    "rhetoric.exercises.widgets.ExerciseWidget": "the base class of the exercise widgets, tested through them",
    "rhetoric.exercises.widgets.ItemChooser": "the base class of LabelChooser and SpeakerChooser",
}


def discovered_helpers() -> set[str]:
    """Every public function or class of the package that makes HTML for a notebook to show."""
    found = set()
    for info in pkgutil.walk_packages(rhetoric.__path__, "rhetoric."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj):
                if issubclass(obj, W.Widget) or any(hasattr(obj, m) for m in ("_repr_html_", "_repr_mimebundle_")):
                    found.add(f"{module.__name__}.{name}")
            elif inspect.isfunction(obj):
                returns = str(inspect.signature(obj).return_annotation)
                doc = obj.__doc__ or ""
                if returns == "HTML" or (returns == "str" and (
                        name.endswith("_html") or "context" in name or "HTML" in doc)):
                    found.add(f"{module.__name__}.{name}")
    return found


def test_every_display_helper_is_checked_here():
    """A new helper that makes HTML must be added to HELPERS (and so be checked)."""
    found = discovered_helpers()
    missing = sorted(found - set(HELPERS) - set(NOT_SHOWN_IN_JUPYTER))
    assert not missing, f"display helpers not checked for dollar signs: {missing}"
    assert len(found) >= 30, sorted(found)
    stale = sorted(set(HELPERS) - found)
    assert not stale, f"HELPERS names that no longer exist or are not found by the walk: {stale}"


def test_the_check_can_fail():
    """Bare dollars and backslashes are caught; the guard on any ancestor clears them."""
    assert unguarded_text("<p>spent $4 million and $2 million</p>") == ["spent $4 million and $2 million"]
    assert unguarded_text("<div class='mathjax_ignore'><p>a \\ b</p></div>")  # both classes are needed
    assert not unguarded_text(f"<div class='{AS_WRITTEN}'><p><b>$4</b> and \\</p></div><p>no dollar</p>")
    assert unguarded_text(f"<div class='{AS_WRITTEN}'>$4</div><p>$2</p>") == ["$2"]
    assert not unguarded_text("<style>.a{content:'$'}</style><p>x</p>")
    assert not unguarded_text(as_written(as_written("<p>$4</p>") + "<p>$2</p>"))
    assert as_written("") == ""
    assert shown_as_written(as_written("<p>$4 and $2 \\</p>"))


def _shown(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if hasattr(obj, "_repr_html_"):
        return [obj._repr_html_()]
    return widget_html(obj)


@pytest.mark.parametrize("helper", sorted(HELPERS))
def test_helper_shows_dollars_and_backslashes_as_written(helper, dollars):
    make, shows_article = HELPERS[helper]
    obj = make(dollars)
    shown = _shown(obj)
    assert shown, f"{helper} showed nothing"
    for html in shown:
        assert not unguarded_text(html), f"{helper}: MathJax would typeset {unguarded_text(html)[:3]}"
    if shows_article:
        text = " ".join(_text(h) for h in shown)
        for piece in AS_TYPED:
            assert piece in text, f"{helper} does not show {piece!r} as written"
    if not isinstance(obj, str) and not hasattr(obj, "_repr_html_"):
        typeset = [t for t in typeset_text(obj) if "$" in t or "\\" in t]
        assert not typeset, f"{helper}: ipywidgets would hand these descriptions to MathJax: {typeset[:3]}"


def test_exercise_widgets_show_the_dollar_work_file_name(dollars):
    """The guard is tested on real dollars in the exercise widgets too (the work file's name)."""
    shown = widget_html(_quiz())
    assert any("work $4 \\ $2.json" in _text(h) for h in shown), shown
    assert all(not unguarded_text(h) for h in shown)


def test_the_handout_shows_dollars_as_written(dollars):
    """The printable handout has no MathJax to guard against; its text still keeps "$4" and "\\" as typed."""
    from rhetoric.lessons.handout import render_handout

    text = _text(render_handout(_lesson(dollars)))
    for piece in (*AS_TYPED, "Roads: $4 and $2 \\ C:", "Courier $6"):
        assert piece in text, piece
