"""Every exercise check, with right and wrong answers; hints, bridges, solutions; the work file.

A right answer must end with the exercise's bridge sentence; a wrong one must get a hint and
never the solution; the solution comes only from ``show_solution``. Answers of the wrong kind
must become a hint, never a traceback. The learner's work file must survive crashes and merges.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from rhetoric.exercises import registry, store
from rhetoric.exercises.answers import ____, same_actor
from rhetoric.exercises.compare import compare_choices, compare_spans
from rhetoric.exercises.facts import render

pytestmark = pytest.mark.usefixtures("fresh_work")


@pytest.fixture(scope="module")
def a(seed_analysis):
    from rhetoric import course

    assert course.seed_analysis().text == seed_analysis.text
    return course.seed_analysis()


def _gold_marks(ex_id):
    from rhetoric.exercises import annotate

    ex = registry.get(ex_id)
    spans, _ = annotate.gold_spans(ex)
    return [list(s) for s in spans]


def _label_answers():
    from rhetoric.exercises import annotate

    ex = registry.get("01.5")
    return {str(m["start"]): annotate.mention_gold(m) for m in ex.key["mentions"]}


def _speaker_answers():
    from rhetoric.exercises import annotate

    ex = registry.get("02.6")
    return {str(q["start"]): annotate.quote_gold(q) or ex.key["nobody"] for q in ex.key["quotes"]}


def _stances():
    from rhetoric.exercises.code_checks import verb_stances

    return verb_stances(registry.get("03.1"))


# A right answer for every exercise, computed the way a learner would.
RIGHT = {
    "00.1": lambda a: 21,
    "00.2": lambda a: "They soften the claim: the writer does not fully commit to it.",
    "00.3": lambda a: "Trump",
    "00.4": lambda a: _gold_marks("00.4"),
    "01.1": lambda a: [t.text for t in list(a.doc.sents)[0]],
    "01.2": lambda a: [e.text for e in a.entities if e.label == "PERSON"],
    "01.3": lambda a: [e.text for e in a.entities if e.model_label != e.label],
    "01.4": lambda a: max(a.actors.values(), key=lambda act: len(act.mentions)).name,
    "01.5": lambda a: _label_answers(),
    "02.1": lambda a: a.text.count("’") - 1,
    "02.2": lambda a: [q.speaker for q in a.quotes if q.kind == "direct"],
    "02.3": lambda a: "A reporter's, whom the article does not name",
    "02.4": lambda a: ("Putin", "Peskov"),
    "02.5": lambda a: "Zelensky",
    "02.6": lambda a: _speaker_answers(),
    "03.1": lambda a: _stances(),
    "03.2": lambda a: "c",
    "03.3": lambda a: [s.text for s in a.signals if s.category == "hedge" and not s.in_quote],
    "03.4": lambda a: "The sentence does not say",
    "03.5": lambda a: _gold_marks("03.5"),
    "04.1": lambda a: "the US",
    "04.2": lambda a: "the author's own voice (an evaluative adverb)",
    "04.3": lambda a: _gold_marks("04.3"),
}

# A plausible wrong answer for every exercise (a learner's typical mistake).
WRONG = {
    "00.1": lambda a: 22,  # counted the publisher's footer
    "00.2": lambda a: "They give the date the war ended.",
    "00.3": lambda a: "Gutsy",
    "00.4": lambda a: ["Gutsy", "Kyiv"],
    "01.1": lambda a: list(a.doc.sents)[0].text.split(),  # split at spaces
    "01.2": lambda a: ["Trump", "Kyiv"],
    "01.3": lambda a: [e.text for e in a.entities],  # every entity
    "01.4": lambda a: "Marc Fogel",
    "01.5": lambda a: {k: "PERSON" for k in _label_answers()},
    "02.1": lambda a: a.text.count("’"),  # every ’
    "02.2": lambda a: ["Zelensky"],
    "02.3": lambda a: "Trump's",
    "02.4": lambda a: ("Peskov", "Putin"),  # the other way round
    "02.5": lambda a: "The author",
    "02.6": lambda a: {k: "Vladimir Putin" for k in _speaker_answers()},
    "03.1": lambda a: {"said": "neutral", "declared": "neutral", "framed as": "neutral",
                       "made clear": "neutral", "floating": "neutral"},
    "03.2": lambda a: "a",
    "03.3": lambda a: ["would", "about"],
    "03.4": lambda a: "Trump",
    "03.5": lambda a: ["would", "always"],
    "04.1": lambda a: "Russia",
    "04.2": lambda a: "a hedge",
    "04.3": lambda a: ["meet", "issued"],
}


def test_every_exercise_has_a_check_a_right_and_a_wrong_answer():
    ids = set(registry.exercises())
    assert ids == set(RIGHT) == set(WRONG)
    assert ids <= set(registry._CHECKS)


@pytest.mark.parametrize("ex_id", sorted(RIGHT))
def test_right_answer_gets_the_bridge_and_no_hint(ex_id, a):
    ex = registry.get(ex_id)
    fb = registry.check(ex_id, RIGHT[ex_id](a))
    assert fb.ok, fb.to_text()
    assert fb.bridge == render(ex.bridge, ex) and ex.bridge
    assert fb.hint is None and fb.code is None
    assert render(ex.bridge, ex) in fb.to_text() and "Correct" in fb.to_text()


@pytest.mark.parametrize("ex_id", sorted(WRONG))
def test_wrong_answer_gets_a_hint_and_never_the_solution(ex_id, a):
    ex = registry.get(ex_id)
    fb = registry.check(ex_id, WRONG[ex_id](a))
    assert fb.kind == "not_yet", fb.to_text()
    specific = registry.evaluate(ex_id, WRONG[ex_id](a)).hint
    assert fb.hint and (render(ex.hints[0], ex) in fb.hint or (specific and specific in fb.hint))
    assert fb.bridge is None and fb.code is None
    assert render(ex.solution, ex) not in fb.to_text()


@pytest.mark.parametrize("ex_id", sorted(RIGHT))
def test_solution_only_on_request(ex_id):
    ex = registry.get(ex_id)
    fb = registry.show_solution(ex_id)
    assert fb.kind == "solution" and render(ex.solution, ex) in fb.to_text()
    assert ex_id in registry.PROGRESS.solutions_shown


def test_hints_are_graded_each_wrong_answer_reveals_more(a):
    ex = registry.get("01.2")
    first = registry.check("01.2", ["Kyiv"])
    second = registry.check("01.2", ["Kyiv"])
    third = registry.check("01.2", ["Kyiv"])
    assert ex.hints[0] in first.hint and ex.hints[1] not in first.hint
    assert ex.hints[1] in second.hint
    assert 'show_solution("01.2")' in third.hint  # hints used up: the way to the solution


def test_hint_on_request_steps_through_the_hints():
    ex = registry.get("02.4")
    assert ex.hints[0] in registry.hint("02.4").message
    assert ex.hints[1] in registry.hint("02.4").message
    assert "last hint" in registry.hint("02.4").message


def test_specific_mistakes_get_specific_hints(a):
    assert "footer" in registry.check("00.1", 22).hint
    assert "adjective" in registry.check("00.3", "Gutsy").hint
    assert "str.split" in registry.check("01.1", WRONG["01.1"](a)).hint
    assert "other way round" in registry.check("02.4", ("Peskov", "Putin")).message
    assert "Putin" in registry.check("04.1", "Russia").hint
    assert "closes a quotation" in registry.check("02.1", a.text.count("’")).hint


def test_blank_asks_to_fill_it_in_without_counting_an_attempt(a):
    fb = registry.check("02.4", (____, ____))
    assert fb.kind == "blank" and "____" in fb.message
    assert fb.hint is None  # no hint before a try: 00.1's first hint would all but give the answer
    assert registry.check("00.1", ____).to_text() == "[Your turn] 00.1: Replace ____ with your answer, then run the cell again."
    fb = registry.check("02.2", [q.speaker for q in a.quotes if ____])  # the blank vanished from the value
    assert fb.kind == "blank"
    assert registry.PROGRESS.attempts == {}
    assert registry.check("02.2", RIGHT["02.2"](a)).ok  # the flag does not stick


@pytest.mark.parametrize("value", [None, 3.5, object(), {"a": 1}, [1, 2, 3], b"bytes", ("x",)])
def test_answers_of_the_wrong_kind_become_hints_not_tracebacks(value):
    for ex_id in registry.exercises():
        fb = registry.check(ex_id, value)
        # an answer of the wrong kind is never right: it gets a hint (or the blank prompt), never a traceback
        assert fb.kind in ("not_yet", "blank"), (ex_id, fb)
        assert fb.message and "Traceback" not in fb.to_text()


def test_feedback_escapes_what_the_learner_typed():
    fb = registry.check("00.3", "<script>alert(1)</script>")
    html = fb._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_exercise_lists_the_known_ones():
    fb = registry.check("9.9", 1)
    assert fb.kind == "info" and "01.2" in fb.message


def test_names_match_by_surname_but_not_by_other_people():
    assert same_actor("Putin", "Vladimir Putin")
    assert same_actor("President Vladimir Putin", "Vladimir Putin")
    assert not same_actor("Vladimir Putin", "Trump")
    assert not same_actor("Trump", "Vladimir Putin", aliases={"Putin"})


# --- annotation scoring -----------------------------------------------------------------------

def test_compare_spans_counts_overlaps_and_explains_disagreements():
    text = "abcdefghijklmnopqrstuvwxyz"
    comp = compare_spans(text, learner=[(0, 3), (10, 12)], kit=[(1, 2), (20, 22)], gold=[(0, 2), (5, 7)])
    notes = {r.text: r.note for r in comp.rows}
    assert notes["ab"] == "all three agree"
    assert notes["fg"] == "you and the kit both missed it"
    assert notes["kl"].startswith("only you")
    assert "false alarm" in notes["uv"]
    assert (comp.learner.tp, comp.learner.fp, comp.learner.fn) == (1, 1, 1)
    assert (comp.kit.tp, comp.kit.fp, comp.kit.fn) == (1, 1, 1)


def test_compare_choices_shows_who_agrees_with_the_gold():
    comp = compare_choices([("1", "Gutsy"), ("2", "Kyiv")],
                           {"you": {"1": "not a name", "2": "PERSON"}, "model": {"1": "PERSON", "2": "PERSON"},
                            "gold": {"1": "not a name", "2": "GPE"}})
    assert comp.correct["you"] == 1 and comp.correct["model"] == 0
    assert "the model got it wrong" in comp.rows[0].note
    assert "the gold says GPE" in comp.rows[1].note


def test_marking_people_shows_the_models_false_alarm(a):
    fb = registry.check("00.4", ["Trump", "Vladimir Putin", "Putin"])
    rows = {tuple(r[:4]) for r in fb.tables[0].rows}
    assert ("Gutsy", "—", "yes", "—") in rows  # the model calls the adjective a person
    assert fb.ok


def test_speaker_check_marks_the_unnamed_reporters_question(a):
    answers = _speaker_answers()
    fb = registry.check("02.6", answers)
    row = next(r for r in fb.tables[0].rows if "equal member" in r[0])
    assert row[1] == "(none)" and row[3] == "(none)"
    assert fb.ok


def test_labels_by_mention_text_are_accepted(a):
    fb = registry.check("01.5", {"Gutsy": "not a name", "Kyiv": "GPE"})
    assert fb.kind == "not_yet" and "2 of 9" in fb.message


# --- widgets ------------------------------------------------------------------------------------

def test_quiz_widget_checks_and_saves_the_choice(tmp_path):
    from rhetoric.exercises.widgets import Quiz

    q = Quiz("03.2")
    q.check_button.click()
    assert "Choose one" in q.feedback.value  # nothing chosen yet
    q.choice.value = q.ex.options[0]
    q.check_button.click()
    assert q.last_feedback.kind == "not_yet" and "Not yet" in q.feedback.value
    q.choice.value = q.ex.answer
    q.check_button.click()
    assert q.last_feedback.ok and "Correct" in q.feedback.value
    assert json.loads(open(os.environ["RHETORIC_LAB_WORK"]).read())["sections"]["choices"]["03.2"] == q.ex.answer
    store._WORK = None
    assert Quiz("03.2").choice.value == q.ex.answer  # restored after a "restart"


def test_word_marker_marks_checks_and_restores(a):
    from rhetoric.exercises.widgets import WordMarker

    w = WordMarker("03.5")
    w.mark("at least in a sense", "likely", "nearly", "all but", "seemed", "seems", "generally", "I think")
    assert "at least in a sense" in w.marked_phrases()
    w.check_button.click()
    assert w.last_feedback.ok, w.last_feedback.to_text()
    assert "<table" in w.feedback.value
    store._WORK = None
    again = WordMarker("03.5")
    assert again.marked_phrases() == w.marked_phrases()
    again.clear_button.click()
    assert again.marked_phrases() == []


def test_word_marker_hint_and_solution_buttons():
    from rhetoric.exercises.widgets import WordMarker

    w = WordMarker("04.3")
    w.hint_button.click()
    assert "Hint" in w.feedback.value
    w.solution_button.click()
    assert "Solution" in w.feedback.value and "04.3" in registry.PROGRESS.solutions_shown


def test_choosers_save_and_check(a):
    from rhetoric.exercises.widgets import LabelChooser, SpeakerChooser

    lc = LabelChooser("01.5")
    lc.choose(**_label_answers())
    lc.check_button.click()
    assert lc.last_feedback.ok
    sc = SpeakerChooser("02.6")
    sc.choose(**{k: v for k, v in _speaker_answers().items()})
    sc.check_button.click()
    assert sc.last_feedback.ok, sc.last_feedback.to_text()
    saved = json.loads(open(os.environ["RHETORIC_LAB_WORK"]).read())["sections"]
    assert saved["labels"]["01.5"]["248"] == "not a name"


def test_frame_coder_scores_saves_and_shows_disagreements(a):
    from rhetoric.exercises.frames_coding import FrameCoder

    fc = FrameCoder(a)
    frame = next(iter(fc.comparison()["frames"]))
    keys = [q for q in fc.buttons if any(ans.id == q and ans.frame == frame for ans in fc.kit_answers)]
    kit = {ans.id: ans.answer for ans in fc.kit_answers}
    fc.buttons[keys[0]].value = "yes"
    fc.buttons[keys[1]].value = "no"
    assert fc.scores()[frame] == 0.5
    assert "0.50" in fc.result.value
    if kit[keys[0]] is False or kit[keys[1]] is True:  # where the learner and the kit differ, the evidence shows
        assert "disagree" in fc.result.value
    store._WORK = None
    assert FrameCoder(a).answers() == {keys[0]: "yes", keys[1]: "no"}


# --- the learner's work file ----------------------------------------------------------------------

def test_work_store_round_trip_is_atomic(tmp_path):
    path = tmp_path / "w.json"
    s = store.WorkStore(path)
    assert s.put("speakers", "02.6", {"811": "Trump"})
    assert store.WorkStore(path).get("speakers", "02.6") == {"811": "Trump"}
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_a_failed_write_keeps_the_old_file_and_the_pending_answer(tmp_path, monkeypatch):
    path = tmp_path / "w.json"
    s = store.WorkStore(path)
    s.put("choices", "00.2", "first")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    assert s.put("choices", "00.2", "second") is False
    assert "No space left" in s.last_error
    assert store.WorkStore(path).get("choices", "00.2") == "first"  # old file intact
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no debris
    monkeypatch.undo()
    assert s.save() and store.WorkStore(path).get("choices", "00.2") == "second"  # nothing lost


def test_two_notebooks_saving_to_one_file_merge(tmp_path):
    path = tmp_path / "w.json"
    one, two = store.WorkStore(path), store.WorkStore(path)
    one.put("marks", "00.4", [[670, 675]])
    two.put("labels", "01.5", {"248": "not a name"})
    fresh = store.WorkStore(path)
    assert fresh.get("marks", "00.4") == [[670, 675]] and fresh.get("labels", "01.5") == {"248": "not a name"}


def test_an_unreadable_work_file_is_kept_aside_not_lost(tmp_path):
    path = tmp_path / "w.json"
    path.write_text("{ not json", encoding="utf-8")
    s = store.WorkStore(path)
    assert s.warning and "kept as" in s.warning
    kept = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert kept and kept[0].read_text() == "{ not json"
    assert s.put("choices", "00.2", "x") and store.WorkStore(path).get("choices", "00.2") == "x"


def test_values_that_cannot_be_saved_are_refused_before_writing(tmp_path):
    s = store.WorkStore(tmp_path / "w.json")
    with pytest.raises(TypeError):
        s.put("x", "y", object())
    assert not (tmp_path / "w.json").exists()


def test_progress_is_saved_and_restored(a):
    work = store.my_work()
    registry.check("00.1", 21)
    assert "00.1" in json.loads(work.path.read_text())["sections"]["progress"]["solved"]
    registry.PROGRESS = registry.Progress()
    store._WORK = None
    store.my_work()
    assert "00.1" in registry.PROGRESS.solved


@pytest.mark.parametrize("ex_id", sorted(WRONG))
def test_a_hint_never_says_the_same_thing_twice(ex_id, a):
    for _ in range(3):  # the first, second and last graded hints
        fb = registry.check(ex_id, WRONG[ex_id](a))
        sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", fb.hint or "") if s.strip()]
        assert len(sentences) == len(set(sentences)), fb.hint
    assert "Places are actors too" not in str(registry.check("01.4", "Vladimir Putin"))


def test_a_hint_that_repeats_the_specific_one_is_dropped():
    assert registry.combine_hints("Keep only q.kind == direct quotes.", "Keep only the quotes whose kind is direct: compare q.kind.") \
        == "Keep only q.kind == direct quotes."
    assert registry.combine_hints("A.", "Look at the chart.") == "A. Look at the chart."


def test_most_mentioned_accepts_name_variants_and_says_a_person_has_more(a):
    top = max(a.actors.values(), key=lambda act: len(act.mentions))
    assert registry.check("01.4", top.name, record=False).ok
    assert registry.check("01.4", "Donald Trump", record=False).ok == (top.name in ("Trump", "Donald Trump"))
    second = sorted(a.actors.values(), key=lambda act: -len(act.mentions))[1]
    fb = registry.check("01.4", second.name, record=False)
    assert not fb.ok and ("one person has more" in fb.message) == (top.type.lower() == "person")


def test_a_choice_echoes_what_the_learner_typed():
    assert "You chose “Trump”." in registry.check("02.3", "Trump", record=False).message
    assert "“Zelensky's”" in registry.check("02.3", 2, record=False).message
