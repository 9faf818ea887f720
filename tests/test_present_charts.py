"""Charts: each draws from an analysis, returns a widget on request, and survives empty layers."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from rhetoric.items import Frame, Quote, Signal
from rhetoric.present import charts


def _with_signals(analyze):
    a = analyze("Donald Trump said the deal would likely fail. Vladimir Putin clearly wanted it.\n"
                "The talks were stalled, officials claimed.")
    a.signals = []
    for word, cat, actor in (("likely", "hedge", "Donald Trump"), ("clearly", "booster", "Vladimir Putin"),
                             ("claimed", "reporting_verb", None), ("stalled", "agency", None)):
        i = a.text.index(word)
        a.signals.append(Signal(i, i + len(word), word, explanation=f"{cat} <b>!</b>", category=cat, actor=actor))
    return a


@pytest.fixture
def empty(analyze):
    a = analyze("The weather was mild and the river was calm.")
    a.quotes, a.signals, a.frames = [], [], []
    return a


ALL = [charts.actor_mentions_chart, charts.sourcing_chart, charts.signal_timeline, charts.actor_signal_heatmap,
       charts.frame_chart, charts.paragraph_profile_chart]


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_chart_of_an_empty_layer_draws_a_note_not_an_error(make, empty):
    empty.actors = {}
    fig = make(empty)
    assert isinstance(fig, go.Figure)
    assert charts.is_empty(fig)
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_chart_returns_a_figurewidget_when_asked(make, seed_analysis):
    assert isinstance(make(seed_analysis, widget=True), go.FigureWidget)
    fig = make(seed_analysis)
    assert isinstance(fig, go.Figure) and not isinstance(fig, go.FigureWidget)


def test_actor_mentions_chart_counts_every_mention(seed_analysis):
    fig = charts.actor_mentions_chart(seed_analysis, top=5)
    shown = {y: x for tr in fig.data for y, x in zip(tr.y, tr.x)}
    top = charts.actor_mentions(seed_analysis)[:5]
    assert len(shown) == len(top)
    for row in top:
        assert shown[row["actor"]] == row["mentions"]
    assert {tr.name for tr in fig.data} <= {"US", "Russia", "Ukraine", "Europe", "other", "unknown"}


def test_sourcing_chart_per_side_adds_up_to_the_quotes(analyze):
    a = analyze("Vladimir Putin met Donald Trump.")
    a.actors = {}  # sides from the quotes themselves
    a.quotes = [Quote(0, 10, "a b c d e f", speaker="Vladimir Putin", side="Russia", explanation="x"),
                Quote(11, 20, "a b", speaker="Donald Trump", side="US", explanation="x"),
                Quote(21, 25, "a b c", speaker="Donald Trump", side="US", explanation="x")]
    rows = {r["actor"]: r for r in charts.sourcing_by(a, "side")}
    assert rows["US"]["quotes"] == 2 and rows["US"]["words"] == 5
    assert rows["Russia"]["quotes"] == 1 and rows["Russia"]["words"] == 6
    fig = charts.sourcing_chart(a, by="side")
    assert not charts.is_empty(fig)
    assert sum(sum(tr.x) for tr in fig.data if tr.xaxis == "x" and tr.type == "bar") == 3
    patterns = {tr.marker.pattern.shape for tr in fig.data if tr.type == "bar"}
    assert patterns == {"", "/"}  # direct solid, reported hatched


def test_signal_timeline_puts_each_category_on_its_own_row_with_its_own_shape(analyze):
    a = _with_signals(analyze)
    fig = charts.signal_timeline(a, include_quotes=False)
    assert len(fig.data) == 4
    assert len({tr.marker.symbol for tr in fig.data}) == 4
    assert all(0 <= x <= 100 for tr in fig.data for x in tr.x)
    assert all("&lt;b&gt;" in cd[1] for tr in fig.data for cd in tr.customdata)  # explanations escaped


def test_actor_signal_heatmap_counts_signals_per_actor(analyze):
    a = _with_signals(analyze)
    fig = charts.actor_signal_heatmap(a)
    (hm,) = fig.data
    cell = dict(zip(hm.x, hm.z[list(hm.y).index("Donald Trump")]))
    assert cell["Hedges"] == 1 and cell.get("Boosters", 0) == 0


def test_frame_chart_overlays_the_learners_coding(analyze):
    a = analyze("The talks began.")
    a.frames = [Frame("conflict", 0.8, explanation="clashes"), Frame("economic", 0.2)]
    fig = charts.frame_chart(a, learner={"conflict": 0.5, "human_interest": 1.0})
    kit, you = fig.data
    assert list(kit.x) == [0.8, 0.2, 0]
    assert list(you.x) == [0.5, None, 1.0]
    assert you.name == "You" and you.marker.symbol == "diamond"


def test_profile_chart_updates_in_place(analyze):
    a = _with_signals(analyze)
    orig = charts.signal_profile(a)
    assert orig["hedge"] == 1 and orig["metaphor"] == 0
    fig = charts.profile_chart({"Original": orig}, widget=True)
    charts.update_profile_chart(fig, {"Original": orig, "Rewrite": dict(orig, hedge=0)})
    assert [tr.name for tr in fig.data] == ["Original", "Rewrite"]
    hedge = list(fig.data[1].x).index("Hedges")
    assert fig.data[1].y[hedge] == 0 and fig.data[0].y[hedge] == 1


def test_paragraph_profiles_cover_every_paragraph(seed_analysis):
    rows = charts.paragraph_profiles(seed_analysis)
    assert len(rows) == len([ln for ln in seed_analysis.text.splitlines() if ln.strip()])
    from rhetoric.layout import count_words

    assert sum(r["words"] for r in rows) == count_words(seed_analysis.text) > 1000


def test_sourcing_rows_come_from_the_quote_layer(seed_analysis):
    from rhetoric import sourcing
    from rhetoric.present import sourcing as adapter

    rows = adapter.sourcing_rows(seed_analysis)
    theirs = sourcing.sourcing_balance(seed_analysis)
    assert {r["actor"] for r in rows} == {r["speaker"] for r in theirs}
    assert sum(r["quotes"] for r in rows) == len(seed_analysis.quotes) > 10
    assert sum(r["words"] for r in rows) == sum(r["direct_words"] + r["indirect_words"] for r in theirs)


def test_paragraph_profile_tells_apart_layers_that_share_a_colour(seed_analysis):
    fig = charts.paragraph_profile_chart(seed_analysis)
    look = {(t.marker.color, t.marker.pattern.shape or "") for t in fig.data}
    assert len(look) == len(fig.data), "two categories drawn alike"
