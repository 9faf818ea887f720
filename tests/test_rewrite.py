"""'Rewrite the frame' says what changed (stance per verb, hedges, loaded words, agency) and warns
when an edit changes the words inside quotation marks."""

from __future__ import annotations

import pytest

from rhetoric.rewrite import describe, quote_edits, quoted_segments, signal_changes


@pytest.fixture(scope="module")
def analyze():
    from rhetoric.analysis import analyze

    return analyze


def _changes(analyze, before, after):
    return describe(before, analyze(before), after, analyze(after))


@pytest.mark.parametrize("before, after, old, new", [
    ("The minister declared that the plan works.", "The minister said that the plan works.", "declared", "said"),
    ("The mayor said the bridge was safe.", "The mayor claimed the bridge was safe.", "said", "claimed"),
    ("Officials insisted the talks had failed.", "Officials said the talks had failed.", "insisted", "said"),
])
def test_a_swapped_reporting_verb_is_named_with_both_stances(analyze, before, after, old, new):
    a, b = analyze(before), analyze(after)
    stance = {s.text: s.subtype for s in [*a.signals, *b.signals] if s.category == "reporting_verb"}
    changes = [c for c in signal_changes(a, b) if c.category == "reporting_verb"]
    assert len(changes) == 1, [c.sentence for c in changes]
    assert f"‘{old}’ ({stance[old]})" in changes[0].sentence and f"‘{new}’ ({stance[new]})" in changes[0].sentence
    if stance[old] == stance[new]:
        assert "the same stance" in changes[0].sentence


def test_the_seed_paragraph_declared_to_said_is_not_a_no_change(analyze, seed_analysis):
    from rhetoric import course

    p = course.paragraph_with("Hegseth", "declared", "illusionary")
    text = seed_analysis.text[p.start:p.end]
    changes = _changes(analyze, text, text.replace("declared", "said", 1))
    assert [c.sentence for c in changes] == ["reporting verb ‘declared’ (assertive) → ‘said’ (neutral)"]


@pytest.mark.parametrize("before, after, gone", [
    ("Prices will likely rise next year.", "Prices will rise next year.", "hedge"),
    ("The plan clearly failed.", "The plan failed.", "booster"),
])
def test_a_dropped_hedge_or_booster_is_named(analyze, before, after, gone):
    a, b = analyze(before), analyze(after)
    if not any(s.category == gone for s in a.signals):
        pytest.skip(f"the kit finds no {gone} in {before!r}")
    sentences = [c.sentence for c in signal_changes(a, b)]
    assert any(s.startswith(f"{gone} ") and "is gone" in s for s in sentences), sentences


@pytest.mark.parametrize("before, after", [
    ("“We will never surrender,” the general said.", "“We will not surrender,” the general said."),
    ('"The results are fantastic," she said.', '"The results are good," she said.'),
    ("He called the deal “a disaster for our farmers.”", "He called the deal “a problem for our farmers.”"),
])
def test_changing_the_words_of_a_quote_is_warned(before, after):
    edits = quote_edits(before, after)
    assert len(edits) == 1 and edits[0].kind == "quote_changed"
    assert "a journalist may not change a quote" in edits[0].sentence


@pytest.mark.parametrize("before, after", [
    ("“We will never surrender,” the general declared.", "“We will never surrender,” the general said."),
    ("“We will never surrender,” the general said.", "The general said the army would not surrender."),
    ("“We will never surrender,” the general said.", "“We will never surrender,”   the general said."),
])
def test_editing_around_a_quote_or_dropping_it_is_allowed(before, after):
    assert quote_edits(before, after) == []


def test_new_words_in_quotation_marks_are_questioned():
    edits = quote_edits("The general spoke.", "The general said “we are winning.”")
    assert edits and edits[0].kind == "quote_added" and "only if someone said" in edits[0].sentence


def test_quoted_segments_pair_curly_and_straight_marks():
    assert quoted_segments('“one” and "two" and ‘three’') == ["one", "two"]


def test_the_widget_lists_changes_and_warns_about_quotes(seed_analysis):
    from rhetoric import course
    from rhetoric.present.widgets import RewriteFrame

    p = course.paragraph_with("Hegseth", "declared", "illusionary")
    r = RewriteFrame(seed_analysis, p.start, p.end)
    assert r.changed.value == "" and "nothing changed" in r.status_text
    r.rewrite(r.original_text.replace("declared", "said").replace("illusionary", "difficult"))
    assert "What your rewrite changed" in r.changed.value
    assert "(assertive) → ‘said’ (neutral)" in r.changed.value.replace("&#x27;", "'")
    assert "a journalist may not change a quote" in r.changed.value
    assert "Careful" in r.changed.value
    r.rewrite("<script>alert(1)</script> “<b>x</b>”")
    assert "<script>" not in r.changed.value and "<b>x" not in r.changed.value


def test_the_chart_shows_a_verbs_stance_so_declared_to_said_changes_the_bars(seed_analysis):
    from rhetoric import course
    from rhetoric.present.widgets import RewriteFrame

    p = course.paragraph_with("Hegseth", "declared", "illusionary")
    r = RewriteFrame(seed_analysis, p.start, p.end)
    r.rewrite(r.original_text.replace("declared", "said"))
    bars = {name: dict(zip(t.x, t.y)) for name, t in ((t.name, t) for t in r.figure.data)}
    original, rewrite = bars["Original"], bars["Your rewrite"]
    assert original != rewrite
    assert original["Reporting verbs: assertive"] == rewrite["Reporting verbs: assertive"] + 1
    assert rewrite["Reporting verbs: neutral"] == original["Reporting verbs: neutral"] + 1
