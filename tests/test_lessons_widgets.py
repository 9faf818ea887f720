"""The lesson widgets without a browser: the teacher proposes, corrects and saves; the learner answers.

The learner's work file and the lessons folder are temporary, so the tests never write into the
repository.
"""

from __future__ import annotations

import pytest

from rhetoric.exercises import store
from rhetoric.lessons import load
from rhetoric.lessons.widgets import LessonBuilder, LessonPlayer
from tests.lesson_article import ARTICLE


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("RHETORIC_LAB_WORK", str(tmp_path / "work.json"))
    monkeypatch.setattr(store, "_WORK", None)
    return tmp_path


def test_teacher_corrects_saves_and_learner_plays(work, nlp):
    folder = work / "lessons"
    maker = LessonBuilder(folder)
    maker.propose_button.click()
    assert "empty" in maker.status.value  # nothing pasted yet: a message, not an error
    maker.paste.value = ARTICLE
    maker.title.value = "A <b>flood</b> wall"
    maker.propose_button.click()
    assert maker.lesson is not None and len(maker.cards) >= 12, maker.status.value
    assert "&lt;b&gt;flood" in maker.cards[0].children[0].value or "<b>flood" not in maker.status.value
    price = next(c for c in maker.cards if c.ex.kind == "speaker" and c.ex.key == "Daniel Price")
    price.action.value = "Correct"
    assert price.fix_box.layout.display == "flex"
    price.correction.value = "Ruth Okafor"
    price.because.value = "our class reads it as the mayor's reply"
    next(c for c in maker.cards if c.ex.kind == "agent").action.value = "Drop"
    maker.filename.value = "flood-wall"
    maker.save_button.click()
    assert maker.saved_path == folder / "flood-wall.json", maker.status.value
    assert "1 corrected, 1 dropped" in maker.status.value

    lesson = load(maker.saved_path)
    player = LessonPlayer(maker.saved_path, folder=folder)
    assert player.lesson is not None and len(player.cards) == len(lesson.exercises)
    card = player.card(price.ex.id)
    card.check_button.click()
    assert "Choose one of the options first" in card.feedback.value
    card.choice.value = "Daniel Price"
    card.check_button.click()
    assert "Not yet" in card.feedback.value and "Hint" in card.feedback.value
    card.hint_button.click()
    assert "hint 2 of 2" in card.feedback.value or "last hint" in card.feedback.value
    card.choice.value = "Ruth Okafor"
    card.check_button.click()
    assert "Correct" in card.feedback.value
    assert "The kit said “Daniel Price”, your teacher says “Ruth Okafor”" in card.feedback.value

    marks = next(c for c in player.cards if c.ex.kind == "hedge_booster")
    marks.mark(*[lesson.text[s:e] for s, e in marks.ex.key])
    marks.check_button.click()
    assert "Correct" in marks.feedback.value, marks.feedback.value

    # the work is saved and restored
    store._WORK = None
    again = LessonPlayer(maker.saved_path, folder=folder)
    assert again.card(price.ex.id).choice.value == "Ruth Okafor"
    assert any(b.value for b, _ in again.card(marks.ex.id).words)


def test_player_says_one_line_for_a_broken_lesson(work):
    bad = work / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    player = LessonPlayer(bad, folder=work)
    assert player.lesson is None and "required property" in player.status.value
    assert "Traceback" not in player.status.value


def test_default_lesson_is_the_seed_and_env_overrides(work, monkeypatch):
    player = LessonPlayer()
    assert player.lesson is not None and player.lesson.meta["outlet"] == "The Atlantic"
    monkeypatch.setenv("RHETORIC_LESSON", str(work / "missing.json"))
    player = LessonPlayer()
    assert player.lesson is None and "no such lesson file" in player.status.value


def test_unsure_is_flagged_before_answering_and_explained_after(work, nlp):
    from rhetoric import lessons
    from rhetoric.lessons.widgets import ExerciseCard

    lesson = lessons.build(ARTICLE, nlp=nlp)
    ex = next(e for e in lesson.exercises if e.kind == "speaker" and e.unsure)
    card = ExerciseCard(lesson, ex, "s")
    head = card.children[0].value
    assert "unsure about this one" in head and ex.unsure not in head  # the reason would give the answer away
    card.choice.value = ex.key
    card.check_button.click()
    assert "Correct" in card.feedback.value and ex.unsure in card.feedback.value
    assert ex.unsure in lesson.solution(ex.id)
