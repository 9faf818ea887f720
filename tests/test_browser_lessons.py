"""A teacher makes a lesson and a learner plays it, in JupyterLab in headless Chromium.

In 05_make_a_lesson the teacher pastes an article written for this test (not the seed), proposes
the exercises, corrects the kit's speaker of one quote (with a reason) and saves; the saved lesson
passes its schema and its handout renders. In 06_lesson the learner opens that lesson, answers the
corrected exercise wrong (and reads the feedback), asks for a hint, then answers right and reads
"the kit said …, your teacher says …". Lessons are saved in a temporary folder (RHETORIC_LESSONS),
never in the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from rhetoric import lessons
from tests.browser import servers
from tests.browser.fixtures import chromium, say, screenshot_dir
from tests.browser.lab import LabSession
from tests.lesson_article import ARTICLE

pytestmark = pytest.mark.browser

TIMEOUT = 90_000  # ms, for one widget round trip on a busy runner


def _wait_text(locator, text: str, what: str, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        seen = locator.inner_text() if locator.count() else ""
        if text in seen:
            return seen
        time.sleep(0.3)
    raise AssertionError(f"{what}: {text!r} never appeared; the page shows {seen[:500]!r}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("lessons")
    shutil.copy(servers.REPO / "lessons" / lessons.SEED_LESSON, path / lessons.SEED_LESSON)
    return path


@pytest.fixture(scope="module")
def lab(folder):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RHETORIC_LESSONS", str(folder))  # the server's kernels inherit it
        with chromium() as browser, servers.jupyterlab() as server:
            session = LabSession(browser, server)
            yield session
            session.close()


def test_teacher_corrects_a_lesson_and_a_learner_plays_it(lab, folder, tmp_path, nlp, request):
    # Which exercise to correct: the kit's proposal for this article, made by the same code as the notebook's.
    proposal = lessons.build(ARTICLE, nlp=nlp)
    target = next(ex for ex in proposal.exercises if ex.kind == "speaker" and ex.key == "Daniel Price")
    teacher_says = "Ruth Okafor"

    # --- the teacher, in 05 ---------------------------------------------------------------------
    maker = lab.open("notebooks/05_make_a_lesson.ipynb")
    report = maker.run_all()
    assert not report.problems, report.summary()
    page = maker.page
    page.locator(".rl-lesson-paste textarea").fill(ARTICLE)
    page.locator(".rl-lesson-title input").fill("Flood wall (browser test)")
    page.locator(".rl-lesson-propose").click()
    _wait_text(page.locator(".rl-lesson-builder .rl-lesson-status"), "The kit proposes", "proposing exercises")
    card = page.locator(".rl-review-card", has_text=f"({target.id})")
    assert "Daniel Price" in card.inner_text()  # the kit's answer is on show
    card.locator("button", has_text="Correct").click()
    card.locator(".rl-review-key input").fill(teacher_says)
    card.locator(".rl-review-key input").press("Enter")
    card.locator(".rl-review-because input").fill("we read the quote as the mayor's reply")
    card.locator(".rl-review-because input").press("Tab")
    page.locator(".rl-lesson-filename input").fill("browser-test")
    page.locator(".rl-lesson-filename input").press("Tab")
    maker.wait_idle()
    page.locator(".rl-lesson-save").click()
    status = _wait_text(page.locator(".rl-lesson-builder .rl-lesson-status"), "Saved browser-test.json", "saving")
    assert "1 corrected" in status, status
    maker.screenshot(screenshot_dir() / "05_make_a_lesson-reviewed.png")
    maker.close()

    saved = folder / "browser-test.json"
    lesson = lessons.load(saved)  # passes its schema
    ex = lesson.exercise(target.id)
    assert ex.key == teacher_says and ex.kit_answer == "Daniel Price" and ex.corrected
    handout = tmp_path / "handout.html"
    run = subprocess.run([sys.executable, "-m", "rhetoric", "lesson", "handout", str(saved), "-o", str(handout)],
                         capture_output=True, text=True, cwd=servers.REPO)
    assert run.returncode == 0 and "Answer key" in handout.read_text(encoding="utf-8"), run.stderr

    # --- the learner, in 06 ---------------------------------------------------------------------
    player = lab.open("notebooks/06_lesson.ipynb")
    report = player.run_all()
    assert not report.problems, report.summary()
    page = player.page
    page.locator(".rl-lesson-picker select").select_option(label="browser-test")
    _wait_text(page.locator(".rl-lesson-header"), "Flood wall (browser test)", "opening the lesson")
    card = page.locator(".rl-lesson-exercise", has_text=f"({target.id})")
    card.locator("label", has_text="Daniel Price").click()
    player.wait_idle()
    card.locator(".rl-lesson-check").click()
    feedback = _wait_text(card.locator(".rl-lesson-feedback"), "Not yet", "a wrong answer")
    assert "Hint" in feedback
    card.locator(".rl-lesson-hint").click()
    _wait_text(card.locator(".rl-lesson-feedback"), "That is the last hint", "asking for a hint")
    card.locator("label", has_text=teacher_says).click()
    player.wait_idle()
    card.locator(".rl-lesson-check").click()
    feedback = _wait_text(card.locator(".rl-lesson-feedback"), "Correct", "the right answer")
    assert "The kit said “Daniel Price”, your teacher says “Ruth Okafor”" in feedback, feedback
    player.screenshot(screenshot_dir() / "06_lesson-played.png")
    report = player.inspect()
    assert not report.problems, report.summary()
    say(request.config, f"lesson made and played in the browser; screenshots in {screenshot_dir()}")
    player.close()
