"""What the kit draws, checked in Chromium: text shown as written, accessibility, the keyboard alone.

* JupyterLab: a notebook showing a text with dollar amounts and a backslash through the kit's display
  helpers shows it as written (no MathJax element), while the same text as bare HTML is typeset (so
  the check can fail).
* The standalone report (``python -m rhetoric render``) has no serious or critical axe-core violation;
  every chart has a title and a one-line summary it is described by; every highlight has a visible
  text label (colour is never the only carrier); the layer switches work from the keyboard.
* An exercise served by Voila is reached and answered with the keyboard alone.
* The lesson maker (05) and a lesson (06) served by Voila, with an exercise of every kind and the
  teacher's correction controls open, have no serious or critical axe-core violation.

The explorer dashboard's own checks (axe-core, every control by keyboard) are in test_browser_voila.py.
"""

from __future__ import annotations

import subprocess
import sys
import time

import nbformat
import pytest

from tests.browser import servers
from tests.browser.a11y import axe_violations, blocking, controls, describe, focused, press_tab_until, tab_walk
from tests.browser.fixtures import chromium, say, screenshot_dir
from tests.browser.lab import VIEWPORT, LabSession
from tests.test_as_written import DOLLARS

pytestmark = pytest.mark.browser

SEED = sorted((servers.REPO / "seeds").glob("*.txt"))[0]


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _notebook(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(c[2:]) if c.startswith("# ") else nbformat.v4.new_code_cell(c)
                for c in cells]
    nbformat.write(nb, path)
    return path


# --- dollars in JupyterLab --------------------------------------------------------------------------

AS_WRITTEN_CELLS = [
    "from IPython.display import HTML, display\n"
    "from rhetoric import analyze\n"
    "from rhetoric.course import show, show_article, quotes_table\n"
    "from rhetoric.present import highlight_html, item_in_context\n"
    "from rhetoric.present.widgets import SignalToggles, Explorer\n"
    "from rhetoric.exercises import Feedback\n"
    f"T = {DOLLARS!r}\n"
    "a = analyze(T)",
    # the control: the same text as bare HTML, which JupyterLab's MathJax does typeset
    "display(HTML('<p class=\"probe-bare\">' + T.replace(chr(10), ' ') + '</p>'))",
    "show(highlight_html(a))",
    "show_article(a)",
    "show(item_in_context(a, a.quotes[0]))",
    "quotes_table(a)",
    "Feedback('9.9', 'not_yet', T)",
    "SignalToggles(a)",
    "Explorer(a, name='Roads')",
    # a lesson made from the same text: the word buttons of a marking exercise read "$4" as a caption
    "from rhetoric import lessons\nfrom rhetoric.lessons.widgets import ExerciseCard, ReviewCard\n"
    "L = lessons.build(T, analysis=a)\n"
    "ExerciseCard(L, next(e for e in L.exercises if e.answer_type == 'marks'), 'lesson:dollars')",
    "ReviewCard(L, next(e for e in L.exercises if e.answer_type == 'marks'))",
]

_JS_MATHS = """() => {
  const outs = Array.from(document.querySelectorAll('.jp-OutputArea-output'));
  const probe = document.querySelector('.probe-bare');
  const text = (e) => (e.textContent || '').replace(/\\s+/g, ' ');
  return {
    probeTypeset: probe ? probe.querySelectorAll('mjx-container').length : -1,
    typesetElsewhere: outs.filter(o => !o.querySelector('.probe-bare'))
                          .map(o => o.querySelectorAll('mjx-container').length).reduce((a, b) => a + b, 0),
    shown: outs.filter(o => !o.querySelector('.probe-bare')).map(text),
  };
}"""


def test_jupyterlab_shows_dollar_amounts_as_written(browser, tmp_path, request):
    nb = _notebook(tmp_path / "dollars.ipynb", AS_WRITTEN_CELLS)
    with servers.jupyterlab(root_dir=tmp_path) as server:
        session = LabSession(browser, server)
        try:
            page = session.open(nb.name)
            report = page.run_all()
            assert not report.problems, report.summary()
            deadline = time.monotonic() + 30
            state = page.page.evaluate(_JS_MATHS)
            while state["probeTypeset"] < 1 and time.monotonic() < deadline:  # MathJax loads lazily
                time.sleep(0.5)
                state = page.page.evaluate(_JS_MATHS)
            page.screenshot(screenshot_dir() / "dollars-in-jupyterlab.png")
        finally:
            session.close()
    say(request.config, f"\nMathJax in JupyterLab: bare HTML typeset into {state['probeTypeset']} maths elements; "
                        f"the kit's outputs into {state['typesetElsewhere']}")
    assert state["probeTypeset"] >= 1, "MathJax did not typeset the bare text: this check proves nothing here"
    assert state["typesetElsewhere"] == 0, "JupyterLab typeset part of the kit's output as mathematics"
    shown = " ".join(state["shown"])
    for piece in ("$4 million", "$2 million", "$6 million", "C:\\roads\\2025"):
        assert shown.count(piece) >= 4, f"{piece!r} is not shown as written in every output"


# --- the standalone report --------------------------------------------------------------------------

_JS_REPORT = """() => {
  const text = (e) => e ? (e.textContent || '').replace(/\\s+/g, ' ').trim() : '';
  const figs = Array.from(document.querySelectorAll('.rl-fig'));
  const labels = Array.from(document.querySelectorAll('.rl-article .rl-label'));
  return {
    figures: figs.map(f => ({
      drawn: f.querySelectorAll('svg.main-svg').length,
      described: text(document.getElementById(f.getAttribute('aria-describedby'))),
      title: text(f.closest('figure') && document.getElementById(f.closest('figure').getAttribute('aria-labelledby'))),
    })),
    labels: labels.length,
    unlabelled: labels.filter(l => !text(l) || !l.offsetWidth || parseFloat(getComputedStyle(l).fontSize) < 14).length,
    tokens: document.querySelectorAll('.rl-article .rl-tok').length,
  };
}"""


def _render(source, out):
    subprocess.run([sys.executable, "-m", "rhetoric", "render", str(source), "-o", str(out)], check=True,
                   cwd=servers.REPO, capture_output=True)
    return out


@pytest.mark.parametrize("article", ["seed", "own"])
def test_report_is_accessible(browser, tmp_path, article, request):
    """No serious or critical axe-core violation; charts described; every highlight labelled in text."""
    source = SEED
    if article == "own":
        source = tmp_path / "roads.txt"
        source.write_text(DOLLARS, encoding="utf-8")
    out = _render(source, tmp_path / "report.html")
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(out.as_uri())
        page.wait_for_function("() => Array.from(document.querySelectorAll('.rl-fig'))"
                               ".every(f => f.querySelector('svg.main-svg'))", timeout=60_000)
        violations = axe_violations(page)
        state = page.evaluate(_JS_REPORT)
        say(request.config, f"\nreport ({article}): axe-core violations:\n{describe(violations)}")
        assert not blocking(violations), "serious or critical accessibility faults:\n" + describe(blocking(violations))

        assert len(state["figures"]) == 7
        for fig in state["figures"]:
            assert fig["drawn"], "a chart was not drawn"
            assert fig["title"] and len(fig["described"]) > 30, f"a chart lacks its text alternative: {fig}"
        assert state["labels"] > 0 and state["unlabelled"] == 0, state
        assert state["tokens"] >= state["labels"] * 0.5, state

        # Keyboard: Tab reaches the first layer switch; Space turns its layer off, and its labels go.
        first = press_tab_until(page, lambda f: f["type"] == "checkbox", "the first layer switch", limit=20)
        assert first["checked"]
        shown = page.evaluate("() => Array.from(document.querySelectorAll('.rl-article .rl-label'))"
                              ".filter(l => l.offsetWidth).length")
        page.keyboard.press("Space")
        assert not focused(page)["checked"]
        after = page.evaluate("() => Array.from(document.querySelectorAll('.rl-article .rl-label'))"
                              ".filter(l => l.offsetWidth).length")
        assert after < shown, f"switching off {first['name']!r} with the keyboard hid no label"
    finally:
        page.close()


# --- an exercise, by keyboard alone ------------------------------------------------------------------

#: One exercise of each other widget kind: words to mark, mentions to label, quotes to attribute.
OTHER_KINDS = ("00.4", "01.5", "02.6")

def test_exercise_answered_with_the_keyboard_alone(browser, tmp_path, request):
    """Tab reaches every control of every kind of exercise (quiz, word marker, label and speaker
    choosers, frame coder); then a quiz is answered with keys alone: Tab to an option, Space, Tab to
    Check, Enter: "Not yet", then the right option: "Correct"."""
    from rhetoric.exercises import get

    ex = get("00.2")
    nb = _notebook(tmp_path / "exercise.ipynb", [
        "# One exercise of each kind",
        "from rhetoric.exercises import exercise, frame_coder\nfrom rhetoric.course import seed_analysis",
        f"exercise({ex.id!r})",
        *[f"exercise({other!r})" for other in OTHER_KINDS],
        "frame_coder(seed_analysis())",
    ])
    with servers.voila(nb) as server:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        try:
            page.goto(server.url(""), timeout=240_000)
            page.wait_for_selector(".rhetoric-exercise button", timeout=240_000)
            violations = axe_violations(page)
            say(request.config, f"\nexercise in Voila: axe-core violations:\n{describe(violations)}")
            assert not blocking(violations), describe(blocking(violations))

            page.wait_for_selector(".widget-toggle-buttons", timeout=120_000)  # the frame coder, last
            stops = tab_walk(page, limit=2000)
            reachable = {s["kb"] for s in stops}
            everything = controls(page, "body")
            missing = [c for c in everything if c["kb"] not in reachable]
            say(request.config, f"exercises in Voila: Tab reaches {len(stops)} stops of {len(everything)} controls")
            assert len(everything) > 100 and not missing, f"controls the keyboard never reaches: {missing[:10]}"

            box = ".rhetoric-exercise:has(input[type=radio])"

            page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
            wrong = next(o for o in ex.options if o != ex.answer)
            press_tab_until(page, lambda f: f["type"] == "radio" and f["name"] == wrong, "a wrong option")
            page.keyboard.press("Space")
            press_tab_until(page, lambda f: f["tag"] == "button" and "Check" in f["name"], "the Check button")
            page.keyboard.press("Enter")
            page.wait_for_selector(f"{box} .rhetoric-feedback.rhetoric-not_yet", timeout=30_000)

            press_tab_until(page, lambda f: f["type"] == "radio" and f["name"] == ex.answer, "the right option",
                            key="Shift+Tab")
            page.keyboard.press("Space")
            assert focused(page)["checked"]
            press_tab_until(page, lambda f: f["tag"] == "button" and "Check" in f["name"], "the Check button")
            page.keyboard.press("Enter")
            page.wait_for_selector(f"{box} .rhetoric-feedback.rhetoric-correct", timeout=30_000)
            feedback = page.inner_text(f"{box} .rhetoric-feedback")
            assert feedback.startswith("Correct"), feedback  # a word, not a colour, says it
        finally:
            context.close()


# --- the lesson maker and a lesson, in Voila -------------------------------------------------------------

def test_lesson_widgets_are_accessible(browser, tmp_path, request):
    """05's maker with the kit's proposals for an article (each kind's correction controls open) and 06's
    player on the saved lesson: no serious or critical axe-core violation (every control named)."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    nb = _notebook(tmp_path / "lesson.ipynb", [
        "# The lesson maker and the lesson",
        "from rhetoric.lessons.widgets import LessonBuilder, LessonPlayer\n"
        f"FOLDER = {str(folder)!r}\nT = {DOLLARS!r}",
        "maker = LessonBuilder(FOLDER)\nmaker.paste.value = T\nmaker.propose()\n"
        "for kind in ('choice', 'verb_stance', 'marks'):  # the teacher corrects one of each kind\n"
        "    card = next(c for c in maker.cards if c.ex.answer_type == kind)\n"
        "    card.action.value = 'Correct'\n"
        "    if kind == 'choice':\n"
        "        card.correction.value = card.ex.options[-1]\n"
        "maker",
        "path = maker.save()\nLessonPlayer(path, folder=FOLDER)",
        "LessonPlayer()  # the seed's lesson, whose article is long enough to scroll",
    ])
    with servers.voila(nb) as server:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        try:
            page.goto(server.url(""), timeout=240_000)
            page.wait_for_selector(".rl-lesson-player .rl-lesson-frames", timeout=240_000)
            kinds = page.evaluate("() => ['rl-review-key', 'rl-lesson-word', 'rl-lesson-choice', 'rl-lesson-frames']"
                                  ".map(c => document.querySelectorAll('.' + c).length)")
            assert all(kinds), f"not every kind of control is on the page: {kinds}"
            assert "Saved " in page.inner_text(".rl-lesson-builder .rl-lesson-status")
            page.wait_for_function("() => document.querySelectorAll('.rl-lesson-player .rl-lesson-frames').length >= 2",
                                   timeout=240_000)
            headers = page.locator(".rl-lesson-player .rl-lesson-header").all_inner_texts()
            assert len(headers) == 2 and "City Hall Spends Big on Roads" in headers[0], headers
            scrolls = page.evaluate("() => Array.from(document.querySelectorAll('.rl-lesson-article'))"
                                    ".map(e => e.scrollHeight > e.clientHeight)")
            assert scrolls == [False, True], f"the seed's article should scroll, the short one not: {scrolls}"
            violations = axe_violations(page)
            say(request.config, f"\nlesson maker and player in Voila: axe-core violations:\n{describe(violations)}")
            assert not blocking(violations), describe(blocking(violations))
        finally:
            context.close()
