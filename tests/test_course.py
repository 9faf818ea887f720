"""The course helpers, the facts the notebooks' prose relies on, and the notebooks' shape.

Like the spaCy course's tests that pin the model predictions its prose quotes: if spaCy's model
or the seed changes, these fail before a learner reads a sentence that is no longer true.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import nbformat
import pytest

from rhetoric import course
from rhetoric.exercises import registry

NB_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NB_DIR.glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def a(seed_analysis):
    return course.seed_analysis()


# --- facts the prose states -------------------------------------------------------------------

def test_the_article_has_21_paragraphs_and_its_footer_is_set_aside(a):
    paras = course.paragraphs()
    assert len(paras) == 21
    assert paras[18].text == "Trump paused." and paras[20].text == "He did not answer further."
    assert any("appeared first on The Atlantic" in s.text for s in a.set_aside)
    assert not any("appeared first" in p.text for p in paras)


def test_quotation_marks_and_apostrophes_as_the_prose_counts_them(seed_text):
    assert seed_text.count("“") == seed_text.count("”") == 16
    assert seed_text.count("‘") == 1 and seed_text.count("’") == 19
    assert seed_text.count('"') == 0 and seed_text.count("'") == 0


def test_the_models_mistakes_the_prose_explains(a):
    model = {(e.start_char, e.text): e.label_ for e in a.doc.ents}
    assert model[(248, "Gutsy")] == "PERSON"
    assert model[(490, "Kyiv")] == "PERSON"
    assert model[(670, "Trump")] == "ORG"
    assert model[(6980, "Tulsi Gabbard")] == "ORG"


def test_tokens_of_kyivs_goals():
    assert "’s" in str(course.tokens("Kyiv’s goals")) and "3 tokens" in str(course.tokens("Kyiv’s goals"))


def test_first_sentence_has_14_tokens(a):
    first = list(a.doc.sents)[0]
    assert [t.text for t in first if not t.is_space][-1] == "." and len([t for t in first if not t.is_space]) == 14


def test_corrections_show_the_models_label_and_the_rule(a):
    text = str(course.corrections(a))
    assert "Gutsy" in text and "PERSON" in text and "not a name" in text
    assert "Kyiv" in text and "GPE" in text


def test_the_reporters_question_has_no_speaker_in_the_gold():
    from rhetoric.exercises.gold import quote_speaker_at

    known, speaker = quote_speaker_at(7615, 7655)
    assert known and speaker is None


# --- helpers ----------------------------------------------------------------------------------

def test_show_article_escapes_the_text():
    a = course.analyse("<script>alert(1)</script> Putin said “<b>hi</b>”.\n\nSecond <img src=x onerror=alert(1)> para.")[0]
    html = course.show_article(a)._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>hi" not in html
    assert "&lt;script&gt;" in html


def test_analyse_turns_bad_input_into_a_message():
    analysis, message = course.analyse("   ")
    assert analysis is None and "whitespace" in message


def test_find_and_sentence_with(a):
    assert course.sentence_with("I asked Trump").text.startswith("At a joint news conference")
    assert course.find("no such words here") == []
    with pytest.raises(LookupError):
        course.sentence_with("no such words here")


def test_tables_escape_their_cells():
    html = course.table(("a",), [("<i>x</i>",)])._repr_html_()
    assert "<i>" not in html and "&lt;i&gt;" in html


# --- the notebooks' shape -----------------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_with_a_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_thin_and_prose_first(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    prose = [c for c in nb.cells if c.cell_type == "markdown"]
    assert statistics.median(len(c.source.splitlines()) for c in code) <= 2
    assert sum(len(c.source) for c in prose) > 2 * sum(len(c.source) for c in code)


#: The lesson maker and the lesson player: their exercises come from a lesson file.
LESSON_NOTEBOOKS = ("05_make_a_lesson", "06_lesson")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_header_exercises_and_a_closing_question(path):
    nb = nbformat.read(path, as_version=4)
    header = nb.cells[0].source
    for part in ("You will learn", "Time", "You need"):
        assert part in header, f"{path.name}: header lacks {part!r}"
    source = "\n".join(c.source for c in nb.cells)
    if path.stem in LESSON_NOTEBOOKS:  # their exercises live in a lesson file (lessons/), not data/exercises
        assert "rhetoric.lessons" in source
    else:
        ids = set(re.findall(r'(?:check|exercise)\("(\d\d\.\d)"', source))
        mine = {i for i, ex in registry.exercises().items() if ex.notebook == path.stem}
        assert ids == mine, f"{path.name}: exercises in the notebook {sorted(ids)} vs data {sorted(mine)}"
        assert len(mine) >= 3
        assert any(registry.get(i).kind == "annotate" for i in mine), "every notebook has an annotation exercise"
    last = nb.cells[-1].source
    assert last.startswith("## To") and "?" in last, f"{path.name} must end with a question to discuss"


def test_every_starter_in_the_data_is_the_one_in_its_notebook():
    sources = {p.stem: "\n".join(c.source for c in nbformat.read(p, as_version=4).cells) for p in NOTEBOOKS}
    for ex in registry.exercises().values():
        if ex.kind == "code":
            assert ex.starter in sources[ex.notebook], f"{ex.id}: starter differs from the notebook"


def test_exercise_keys_are_read_from_the_gold(monkeypatch):
    """One source of truth: the answer keys of 00.4, 01.5, 02.6 and 03.1 come from data/gold, and
    the exercises hold no copy of what the gold says."""
    from rhetoric.exercises import annotate, code_checks
    from rhetoric.exercises import gold as gold_module
    from rhetoric.exercises.gold import gold_entities, gold_quotes, gold_signals

    for ex in registry.exercises().values():
        assert not any(k.startswith("fallback") for k in ex.key), ex.id
        for item in ex.key.get("mentions", []) + ex.key.get("quotes", []):
            assert not any(k.startswith("fallback") for k in item), (ex.id, item)
    # every key item has its gold record, and the key says what that record says
    for m in registry.get("01.5").key["mentions"]:
        labels = [g["label"] for g in gold_entities() if g["start"] < m["end"] and m["start"] < g["end"]]
        assert annotate.mention_gold(m) == (labels[0] if labels else annotate.NOT_A_NAME), m
    for q in registry.get("02.6").key["quotes"]:
        found, speaker = gold_module.quote_speaker_at(q["start"], q["end"])
        assert found, q
        assert annotate.quote_gold(q) == speaker
    stances = {int(s["start"]): s["subtype"] for s in gold_signals("reporting_verb")}
    ex31 = registry.get("03.1")
    assert code_checks.verb_stances(ex31) == {v: stances[spec["start"]] for v, spec in ex31.key["verbs"].items()}
    people = annotate.gold_spans(registry.get("00.4"))[0]
    assert people and set(people) <= {(g["start"], g["end"]) for g in gold_entities() if g["label"] == "PERSON"}
    # change the gold and the keys follow it
    first = registry.get("02.6").key["quotes"][0]
    changed = [dict(g, speaker="Somebody Else") for g in gold_quotes()]
    monkeypatch.setattr(gold_module, "gold_quotes", lambda: changed)
    assert annotate.quote_gold(first) == "Somebody Else"
    monkeypatch.setattr(gold_module, "gold_entities", lambda: [])
    assert annotate.mention_gold(registry.get("01.5").key["mentions"][0]) == annotate.NOT_A_NAME


def test_frame_coder_uses_the_framing_layers_battery(a):
    from rhetoric import frames
    from rhetoric.exercises.frames_coding import FrameCoder

    fc = FrameCoder(a)
    assert list(fc.buttons) == [q["id"] for q in frames.questions()]
    assert len({q["frame"] for q in frames.questions()}) == 5


def test_teachers_guide_has_three_lessons_and_every_answer_key():
    guide = (NB_DIR / "TEACHERS_GUIDE.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^## Lesson \d", guide, flags=re.M)) == 3
    for ex_id in registry.exercises():
        assert f"| {ex_id} |" in guide, f"the guide has no answer key for {ex_id}"
    for part in ("Common misconceptions", "projector", "Offline", "widget misbehaves", "Discussion questions"):
        assert part in guide


def test_starter_gives_back_the_original_code():
    assert registry.starter("01.2").code == registry.get("01.2").starter
    assert "widget" in registry.starter("02.3").message


def test_signals_overview_names_every_category_in_plain_words(a):
    from rhetoric.items import SIGNAL_CATEGORIES

    text = str(course.signals_overview(a))
    for cat in SIGNAL_CATEGORIES:
        assert course._SIGNAL_NAMES[cat][0] in text


# --- every number the prose states, pinned to what it counts ------------------------------------

NOTEBOOK_MINUTES = {"00_start_here": 20, "01_entities": 30, "02_quotes": 35, "03_framing": 45, "04_explorer": 30}


def _prose(stem: str) -> str:
    nb = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4)
    return re.sub(r"\s+", " ", "\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


def test_one_time_per_notebook_in_its_header_the_path_table_and_the_guide():
    guide = re.sub(r"\s+", " ", (NB_DIR / "TEACHERS_GUIDE.md").read_text(encoding="utf-8"))
    path_table = _prose("00_start_here")
    for stem, minutes in NOTEBOOK_MINUTES.items():
        header = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4).cells[0].source
        assert re.search(rf"\*\*Time\*\* \| {minutes} minutes", header), stem
        if stem != "00_start_here":
            assert re.search(rf"\*\*{stem}\*\* \|[^|]*\| {minutes} min \|", path_table), stem
        assert f"Notebook {stem[:2]}** ({minutes} min" in guide or f"Notebook {stem[:2]} ({minutes} min" in guide \
            or f"Notebook {stem[:2]} (final lesson or homework, {minutes} min" in guide, stem
    assert NOTEBOOK_MINUTES["00_start_here"] + NOTEBOOK_MINUTES["01_entities"] <= 50  # lesson 1
    assert NOTEBOOK_MINUTES["02_quotes"] + 5 <= 50 and NOTEBOOK_MINUTES["03_framing"] + 5 <= 50


def test_numbers_in_02_prose_match_the_text_and_the_analysis(a, seed_text):
    prose = _prose("02_quotes")
    assert "Sixteen “ and sixteen ”" in prose and seed_text.count("“") == seed_text.count("”") == 16
    assert "nineteen of them, and only one ‘" in prose and seed_text.count("’") == 19 and seed_text.count("‘") == 1
    assert "sixteen direct quotes" not in prose.lower()  # the kit counts the nested ‘COMMON SENSE.’ too
    # "Putin's words reach the reader only second-hand": every direct quote of his is relayed
    putin = [q for q in a.quotes if q.kind == "direct" and q.speaker == "Vladimir Putin"]
    assert "only second-hand" in prose and putin and all(q.relayed_by for q in putin)
    assert "quoted once" not in prose
    # "he finally said": Trump is named in the sentence just before
    before = [s for s in course.sentences(a) if s.end <= course.sentence_with("he finally said").start][-1]
    assert "sentence just before (*Trump paused.*)" in prose and before.text == "Trump paused."


def test_counts_in_feedback_and_tables_agree(a):
    from rhetoric.exercises import registry

    changed = [e for e in a.entities if e.model_label != e.label]
    assert f"{len(changed)} labels changed" in str(course.corrections(a))
    fb = registry.check("01.3", [e.text for e in changed], record=False)
    assert fb.ok and fb.message.startswith(f"{len(changed)} corrections")
    assert "quoted once" not in json.dumps([vars(e) for e in registry.exercises().values()])


def test_the_kinds_of_signal_the_prose_states_are_the_kinds_the_kit_counts(a):
    from rhetoric.items import SIGNAL_CATEGORIES

    words = {6: "six", 7: "seven", 8: "eight"}
    prose = _prose("03_framing")
    assert f"{words[len(SIGNAL_CATEGORIES)]} kinds" in prose
    counts = course.signal_counts(a)
    assert len(counts) == len(SIGNAL_CATEGORIES) and all("_" not in k for k in counts)
    assert str(course.signals_overview(a)).count("\n") >= len(SIGNAL_CATEGORIES)


def test_rewrite_the_frame_opens_on_a_paragraph_with_what_the_prose_asks_to_change(a):
    prose = _prose("03_framing")
    p = course.paragraph_with("Hegseth", "declared", "illusionary")
    flagged = {s.text.casefold() for s in a.signals if p.start <= s.start < p.end}
    for word in ("declared", "illusionary", "suffering"):
        assert f"*{word}*" in prose and word in flagged, word
    assert "drop the hedges" not in prose and "make a passive active" not in prose


def test_counts_the_hints_state_come_from_the_gold():
    from rhetoric.exercises import annotate, registry
    from rhetoric.exercises.facts import render

    for ex_id, phrase in (("03.5", "eight hedges"), ("04.3", "There are five"), ("00.4", "four names")):
        ex = registry.get(ex_id)
        n = {"eight": 8, "five": 5, "four": 4}[phrase.split()[-2 if ex_id != "04.3" else -1]]
        assert phrase in " ".join(render(h, ex) for h in ex.hints)
        spans = annotate.gold_spans(ex)[0]
        assert len(spans) == n, (ex_id, len(spans))


def test_learners_never_see_internal_keys(a):
    """Tables and the article show words, never keys such as rss_footer or limiting_phrase."""
    key = re.compile(r"(?<![\w/#.-])[a-z]+_[a-z_]+(?![\w(])")
    for shown in (course.signals_table(a), course.frames_table(a), course.corrections(a), course.show_article(a),
                  course.quotes_table(a), course.signals_overview(a)):
        visible = re.sub(r"<[^>]+>", " ", shown.html)
        assert not key.findall(visible), key.findall(visible)


def _notebook_example(stem: str, name: str) -> str:
    """The text a notebook cell passes to ``analyse`` in ``name, _ = analyse("…")``."""
    import ast

    nb = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code" or f"{name}, _ = analyse(" not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "analyse":
                return ast.literal_eval(node.args[0])
    raise LookupError(name)


def test_02_prose_about_british_marks_headlines_institutions_and_refused_speech_holds():
    # "Both quotes below come out whole"
    a, _ = course.analyse(_notebook_example("02_quotes", "british"))
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Gareth Lyle"] * 2 and direct[1].text.endswith("’90s.’")
    # "Its speaker is the person the headline names ... So *Shameful* is Kessler's judgement"; "The Kremlin said"
    a, _ = course.analyse(_notebook_example("02_quotes", "headline"))
    head = [q for q in a.quotes if "Shameful" in q.text][0]
    assert head.speaker == "Anja Kessler"
    assert [s.in_quote for s in a.signals if s.text == "Shameful"] == [True]
    assert any(q.kind == "direct" and "Kremlin" in (q.speaker or "") for q in a.quotes)
    # "marks it *not said*, and leaves it out of who is heard, as it does with scare quotes"
    a, _ = course.analyse(_notebook_example("02_quotes", "refused"))
    defeat = [q for q in a.quotes if "defeat" in q.text][0]
    assert defeat.negated and "not said" in str(course.quotes_table(a))
    assert [q.kind for q in a.quotes if "regrouping”" == q.text[-11:]] == ["scare"]
    counts = str(course.quote_counts(a)).splitlines()
    assert len(counts) == 4 and counts[-1].split()[:4] == ["Ilya", "Sorokin", "1", "3"]  # "We are regrouping" only
    prose = _prose("02_quotes")
    assert "Both quotes below come out whole" in prose and "never just *Western*" in prose
