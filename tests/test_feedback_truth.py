"""Feedback that is true: never "Correct" for an answer that gets the lesson's cases wrong, the
learner's own wrong rows named first, marks scored word by word, and every count computed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rhetoric.exercises import registry
from rhetoric.exercises.compare import compare_choices, compare_words
from rhetoric.exercises.facts import facts, in_words, render

DATA = Path(__file__).resolve().parent.parent / "data" / "exercises"


pytestmark = pytest.mark.usefixtures("fresh_work")


def _speaker_answers():
    from rhetoric.exercises import annotate

    ex = registry.get("02.6")
    return {str(q["start"]): annotate.quote_gold(q) or ex.key["nobody"] for q in ex.key["quotes"]}


def _key_of(snippet: str) -> str:
    from rhetoric import course

    ex = registry.get("02.6")
    text = course.seed_text()
    return next(str(q["start"]) for q in ex.key["quotes"] if snippet in text[q["start"]:q["end"]])


# --- choosing speakers and labels ---------------------------------------------------------------

def test_the_three_hard_speakers_wrong_is_not_correct():
    answers = _speaker_answers()
    answers[_key_of("the need to eliminate")] = "Dimitri Peskov"   # the relay, not the speaker
    answers[_key_of("an equal member")] = "Trump"                  # the reporter's question
    answers[_key_of("to inform him")] = "the author"               # words in marks are never the writer's
    fb = registry.check("02.6", answers)
    assert not fb.ok and fb.kind == "not_yet"
    assert "13 of 16" in fb.message and "look again at these three" in fb.message
    for snippet in ("the need to eliminate", "an equal member", "to inform him"):
        assert snippet in fb.message
    rows = fb.tables[0].rows
    assert all(r[-1].startswith("you differ from the gold") for r in rows[:3])  # the learner's rows first
    assert not any("got it right" in r[-1] for r in rows)
    assert "relayed" in " ".join(fb.details)  # the lesson's reason is named


@pytest.mark.parametrize("snippet", ["the need to eliminate", "an equal member", "in 24 hours", "That’s an interesting"])
def test_one_lesson_row_wrong_is_enough_to_fail(snippet):
    answers = _speaker_answers()
    answers[_key_of(snippet)] = "Dimitri Peskov"
    fb = registry.check("02.6", answers)
    assert not fb.ok and "15 of 16" in fb.message and "look again at this one" in fb.message


def test_an_easy_row_wrong_passes_but_is_still_named():
    answers = _speaker_answers()
    answers[_key_of("unrealistic")] = "Volodymyr Zelensky"
    fb = registry.check("02.6", answers)
    assert fb.ok and "15 of 16" in fb.message and "unrealistic" in fb.message


def test_all_right_says_so_without_a_list():
    fb = registry.check("02.6", _speaker_answers())
    assert fb.ok and "look again" not in fb.message and "16" in fb.message


def test_labels_gutsy_as_a_person_is_not_correct():
    from rhetoric.exercises import annotate

    ex = registry.get("01.5")
    answers = {str(m["start"]): annotate.mention_gold(m) for m in ex.key["mentions"]}
    answers["248"] = "PERSON"
    fb = registry.check("01.5", answers)
    assert not fb.ok and "Gutsy" in fb.message and "adjective" in " ".join(fb.details)


def test_choice_notes_speak_of_the_learner_first():
    comp = compare_choices(
        [("a", "one"), ("b", "two"), ("c", "three"), ("d", "four")],
        {"you": {"a": "X", "b": "Y", "c": "X", "d": ""},
         "model": {"a": "Y", "b": "Z", "c": "X", "d": "X"},
         "kit": {"a": "Y", "b": "Z", "c": "Y", "d": "X"},
         "gold": {"a": "X", "b": "Z", "c": "X", "d": "X"}})
    notes = [r.note for r in comp.rows]
    assert notes[0] == "you are right; the model and the kit got it wrong"  # never "the model, kit"
    assert notes[1].startswith("you differ from the gold: you chose Y, the gold says Z")
    assert "the model and the kit chose as the gold does" in notes[1]
    assert notes[2] == "you are right; the kit got it wrong"
    assert notes[3].startswith("not answered yet")
    assert [r.key for r in comp.learner_wrong()] == ["b", "d"]
    shown = [row[0] for row in comp.table(("you", "model", "kit", "gold")).rows]
    assert shown[:2] == ["two", "four"]  # the learner's own wrong rows lead the table


# --- marking words ------------------------------------------------------------------------------

def _words(text):
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def _span(text, phrase, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return (i, i + len(phrase))


@pytest.mark.parametrize("text, trap, gold_phrase", [
    ("The plan always seemed like a trick.", "always", "seemed"),
    ("Prices usually appear to rise in winter.", "usually", "appear to"),
    ("She often suggested it was possibly late.", "often", "possibly"),
])
def test_a_neighbouring_word_is_scored_on_its_own(text, trap, gold_phrase):
    words = _words(text)
    gold = [_span(text, gold_phrase)]
    mine = [_span(text, trap), *[w for w in words if gold[0][0] <= w[0] and w[1] <= gold[0][1]]]
    comp = compare_words(text, words, mine, gold, gold, what="hedges")
    by_text = {r.text: r for r in comp.rows}
    assert trap in by_text and not by_text[trap].gold and by_text[trap].learner
    assert by_text[gold_phrase].learner_right
    assert [r.text for r in comp.learner_wrong()] == [trap]
    assert comp.learner.fp == 1 and comp.learner.fn == 0


def test_half_a_phrase_is_a_partial_mark():
    text = "The war ended, at least in a sense, today."
    words = _words(text)
    gold = [_span(text, "at least in a sense")]
    comp = compare_words(text, words, [_span(text, "least"), _span(text, "in", 0)], [], gold, what="hedges")
    row = comp.rows[0]
    assert row.partial == "least in" and not row.learner_right
    assert comp.learner.tp == 2 and comp.learner.fn == 3


def test_always_seemed_in_the_seed_is_flagged_and_not_correct():
    right = ["at least in a sense", "likely", "nearly", "all but", "seemed", "seems", "generally", "I think"]
    fb = registry.check("03.5", [*right, "always"])
    assert not fb.ok
    assert "always" in fb.message and "frequency" in " ".join(fb.details)
    assert fb.tables[0].rows[0][0] == "always"
    assert registry.check("03.5", right).ok


def test_the_word_marker_keeps_neighbouring_words_apart_when_scoring(tmp_path):
    from rhetoric.exercises.widgets import WordMarker

    w = WordMarker("03.5")
    w.mark("at least in a sense", "likely", "nearly", "all but", "always", "seemed", "seems", "generally", "I think")
    assert "always seemed" in w.marked_phrases()  # shown together...
    w.check_button.click()
    assert not w.last_feedback.ok  # ...but scored word by word


# --- numbers are computed -----------------------------------------------------------------------

_COUNT = re.compile(r"\b(\d+|" + "|".join(in_words(n) for n in range(1, 13)) + r")\s+"
                    r"(tokens|paragraphs|apostrophes|hedges|names|quotes|marks|mentions|reporting verbs|signals)\b",
                    re.IGNORECASE)


def _texts(ex: dict):
    for key in ("task", "bridge", "solution"):
        if ex.get(key):
            yield key, ex[key]
    for h in ex.get("hints", []):
        yield "hint", h
    for reply in ex.get("why", {}).values():
        yield "why", reply


#: Numbers that are instructions or the question's own framing, not findings about the text.
_INSTRUCTIONS = {("00.3", "four paragraphs"), ("02.4", "two names"), ("02.5", "two quotes"),
                 ("02.5", "two paragraphs"), ("03.1", "five reporting verbs"), ("04.3", "two paragraphs")}


def test_no_exercise_text_writes_a_count_by_hand():
    found = []
    for path in sorted(DATA.glob("*.json")):
        for ex in json.loads(path.read_text(encoding="utf-8")).get("exercises", []):
            for field, text in _texts(ex):
                found += [(ex["id"], field, m.group(0)) for m in _COUNT.finditer(text)
                          if (ex["id"], m.group(0)) not in _INSTRUCTIONS]
    assert not found, f"write these as {{placeholders}} (rhetoric/exercises/facts.py): {found}"


def test_every_placeholder_in_the_exercises_is_known_and_filled():
    for ex in registry.exercises().values():
        for text in (ex.task, ex.bridge, ex.solution, *ex.hints, *ex.why.values()):
            out = render(text, ex)
            assert not re.search(r"\{\w+(:\w+)?\}", out.replace("{\n", "")), (ex.id, out)


def test_the_tokens_exercise_counts_the_list_it_talks_about(seed_analysis):
    first = list(next(iter(seed_analysis.doc.sents)))
    fb = registry.check("01.1", [t.text for t in first])
    assert fb.ok and fb.message.startswith(f"{len(first)} tokens")
    assert f"{len(first)} tokens" in fb.bridge
    pos = registry.check("01.1", [t.pos_ for t in first])
    assert f"({len(first)})" in pos.message  # the right number of items: the learner's own count
    short = registry.check("01.1", [t.text for t in first][:5])
    assert "5 items" in short.message and f"has {len(first)} tokens" in short.message


def test_the_guides_answer_keys_state_the_computed_counts():
    guide = (Path(__file__).resolve().parent.parent / "notebooks" / "TEACHERS_GUIDE.md").read_text(encoding="utf-8")
    f = facts(registry.get("02.1"))
    row = {line.split("|")[1].strip(): line for line in guide.splitlines() if re.match(r"\| \d\d\.\d \|", line)}
    assert f"{f['paragraphs']()} paragraphs" in row["00.1"]
    assert f"{f['first_sentence_tokens']()} tokens" in row["01.1"]
    assert row["02.1"].split("|")[2].strip().startswith(str(f["apostrophes"]()))


def test_the_guides_disagreement_list_matches_the_model_and_the_kit(seed_analysis):
    """Each '*X* (model: L)' and '(kit: L, gold: G)' the guide states is what the model and kit say now."""
    from rhetoric.exercises import annotate

    guide = (Path(__file__).resolve().parent.parent / "notebooks" / "TEACHERS_GUIDE.md").read_text(encoding="utf-8")
    section = guide.split("### Where the kit, the model and the gold disagree", 1)[1].split("\n## ", 1)[0]
    ex = registry.get("01.5")
    text = seed_analysis.text
    mentions = {text[m["start"]:m["end"]]: m for m in ex.key["mentions"]}
    model_claims = re.findall(r"\*(?:the first )?\*?([A-Z][\w ]+?)\* \(model: ([A-Z]+)\)", section)
    assert len(model_claims) >= 5
    for name, label in model_claims:
        m = mentions[name]
        assert annotate._model_label(m["start"], m["end"]) == label, name
        assert annotate.mention_gold(m) != label, name
    for name, kit, gold in re.findall(r"\*([A-Z]\w+)\*[^(]*\(kit: ([\w ]+), gold: ([\w ]+)\)", section):
        m = mentions[name]
        assert (annotate._kit_label(m["start"], m["end"]) or annotate.NOT_A_NAME) == kit
        assert annotate.mention_gold(m) == gold


@pytest.mark.parametrize("ex_id", ["00.4", "03.5", "04.3"])
def test_a_perfect_marking_says_all_never_most(ex_id):
    from rhetoric.exercises import annotate

    gold = [list(s) for s in annotate.gold_spans(registry.get(ex_id))[0]]
    fb = registry.check(ex_id, gold)
    assert fb.ok and "all" in fb.message and "most" not in fb.message


def test_a_projector_view_shows_the_task_not_replace_the_blank(monkeypatch):
    from rhetoric.exercises.answers import ____

    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.8")
    fb = registry.check("01.1", [____])
    assert fb.kind == "task" and "run the cell again" not in fb.to_text()
    assert registry.get("01.1").title in fb.message and not registry.PROGRESS.attempts
    monkeypatch.delenv("SERVER_SOFTWARE")
    assert registry.check("01.1", [____]).kind == "blank"
