"""Widgets, driven from Python: set a control, read the HTML or figure it produced."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from html.parser import HTMLParser

import ipywidgets as W
import pytest

from rhetoric.items import Quote, Signal
from rhetoric.present import widgets as wd

HOSTILE = (
    "Vladimir Putin met officials in Moscow on Monday.\n"
    "He said <script>alert(1)</script> was likely over, and <img src=x onerror=alert(1)> too.\n"
    "Then \"><b>bold</b> and </div> and ' onmouseover='alert(2)' x=' followed.\n"
)


def inert(html: str) -> bool:
    """True if no tag or event handler from the hostile article became live markup."""
    tags, attrs, ends = [], [], []

    class P(HTMLParser):
        def handle_starttag(self, tag, a):
            tags.append(tag)
            attrs.extend(k for k, _ in a)

        def handle_endtag(self, tag):
            ends.append(tag)

    P().feed(html)
    return ("script" not in tags and "img" not in tags and "b" not in tags
            and not [k for k in attrs if k.startswith("on")] and tags.count("div") == ends.count("div"))


@pytest.fixture
def rich(seed_analysis):
    """The seed analysis with a few signals laid on it (independent of the signal layer's state)."""
    a = copy.copy(seed_analysis)
    a.signals = list(seed_analysis.signals)
    for word, cat in (("likely", "hedge"), ("clear", "booster"), ("pummel", "loaded")):
        i = a.text.index(word)
        a.signals.append(Signal(i, i + len(word), word, explanation=f"a {cat}", category=cat))
    return a


def visible(html: str) -> str:
    """The article text a reader sees in highlight HTML (no style, legend or labels)."""
    import re
    from html import unescape

    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r'<div class="rl-legend".*?</div>', "", html, flags=re.S)
    html = re.sub(r'<span class="rl-label[^"]*"[^>]*>.*?</span>', "", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


def labelled(widget) -> list:
    """Every control inside ``widget`` that a learner can change, with its description."""
    out = []
    stack = [widget]
    while stack:
        w = stack.pop()
        stack.extend(getattr(w, "children", ()))
        if isinstance(w, (W.ValueWidget, W.Button)) and not isinstance(w, (W.HTML, W.Label)):
            out.append(w)
    return out


def test_entity_highlighter_filters_by_type_and_actor(seed_analysis):
    h = wd.EntityHighlighter(seed_analysis)
    everything = h.html
    assert "PERSON" in everything and "GPE" in everything
    h.labels.value = ("PERSON",)
    assert ">PERSON<" in h.html and ">GPE<" not in h.html
    actor = next(a for a in seed_analysis.actors.values() if a.type == "person" and len(a.mentions) > 1).name
    h.actors.value = (actor,)
    assert h.html.count('class="rl-label ') == sum(
        1 for e in seed_analysis.entities if e.actor == actor and e.label == "PERSON")
    h.labels.value = ()
    assert "No entities match" in h.html
    assert not h.errors


def test_quote_explorer_filters_and_shows_the_chosen_quote_in_context(seed_analysis):
    if not seed_analysis.quotes:
        pytest.skip("the quote layer found no quotes on the seed")
    x = wd.QuoteExplorer(seed_analysis)
    speaker = next(q.speaker for q in seed_analysis.quotes if q.speaker)
    x.speaker.value = speaker
    assert x.quote.options and all(seed_analysis.quotes[i].speaker == speaker for _, i in x.quote.options)
    last = x.quote.options[-1][1]
    x.quote.value = last
    q = seed_analysis.quotes[last]
    assert "rl-caption" in x.html and wd.esc(q.explanation) in x.html
    assert wd.esc(q.text.split()[0]) in x.html
    x.side.value = None
    x.speaker.value = None
    assert len(x.quote.options) == len(seed_analysis.quotes)
    assert not x.errors


def test_quote_explorer_on_a_text_without_quotes_says_so(analyze):
    a = analyze("The river was calm.")
    a.quotes = []
    x = wd.QuoteExplorer(a)
    assert "No quotes found" in x.html and not x.quote.options


def test_signal_toggles_switch_layers_on_and_off(rich):
    t = wd.SignalToggles(rich)
    assert "rl-hedge" in t.html and "rl-booster" in t.html
    t.toggles["hedge"].value = False
    assert "rl-hedge" not in t.html and "rl-booster" in t.html
    for box in t.toggles.values():
        box.value = False
    assert "Tick a layer" in t.html
    assert t.timings["signal_toggle"] < 1.0


def test_rewrite_frame_updates_the_profile_chart(rich, analyze):
    r = wd.RewriteFrame(rich)
    assert isinstance(r.chart.widget, W.Output) and r.figure.data
    original = list(r.figure.data[0].y)
    assert sum(original) == sum(r.original.values())
    assert list(r.figure.data[1].y) == original  # unchanged text: the same bars
    r.rewrite("The minister said the plan works.")
    after = list(r.figure.data[1].y)
    assert r.rewritten is not None and r.rewritten.text == "The minister said the plan works."
    assert "in your rewrite" in r.status_text
    assert list(r.figure.data[0].y) == original  # the original's bars stay put
    assert sum(after) == len(r.rewritten.signals)


def test_rewrite_frame_with_an_empty_box_shows_one_line_not_a_traceback(rich):
    r = wd.RewriteFrame(rich)
    r.rewrite("   ")
    assert "empty" in r.status_text and "Traceback" not in r.status_text


def test_explorer_layer_toggle_and_filters_change_the_highlighting(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    start = ex.html
    ex.toggles["entities"].value = not ex.toggles["entities"].value
    assert ex.html != start
    ex.toggles["entities"].value = True
    with_entities = ex.html.count('class="rl-label ')
    side = next(o[1] for o in ex.sides.options)
    ex.sides.value = (side,)
    assert 0 < ex.html.count('class="rl-label ') < with_entities
    ex.sides.value = ()
    actor = ex.actors.options[0][1]
    ex.actors.value = (actor,)
    assert all(r["actor"] == actor for r in ex.shown)
    assert not ex.errors


def test_explorer_sentence_navigator_and_explanations(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.toggles["entities"].value = True
    ex.step(1)
    assert ex.view.value == "sentence" and ex.sentence.value == 2
    assert "Bloody fighting" in visible(ex.html) and "Today, the war" not in visible(ex.html)
    ex.step(-5)
    assert ex.sentence.value == 1
    assert ex.highlight.options
    ex.highlight.value = ex.highlight.options[0][1]
    rec = ex.shown[ex.highlight.value]
    assert "rl-caption" in ex.detail_html and wd.esc(rec["explanation"]) in ex.detail_html


def test_explorer_analyses_a_pasted_article_and_shows_it_beside_the_first(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.paste.value = "Angela Merkel said in Berlin that the summit “went well”, according to aides."
    ex.analyse_button.click()
    assert "Analysed" in ex.status_text, ex.status_text
    assert "Merkel" in visible(ex.html) and ex.article.value != "Seed"
    ex.compare.value = "Seed"
    assert "Today, the war" in visible(ex.compare_html) and "Merkel" in visible(ex.html)
    assert ex.compare_output.layout.display is None


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"   \n\t ", "whitespace"),
    (b"\x00\x01\x02binary\x00" * 20, "binary"),
])
def test_explorer_upload_of_bad_file_gives_one_line(seed_analysis, raw, message):
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.add_file("bad.txt", raw)
    assert message in ex.status_text and "\n" not in ex.status_text.strip()
    assert "rl-error" in ex.status.value
    assert list(ex.views) == ["Seed"]


def test_explorer_upload_widget_reads_a_cp1252_file(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    raw = "Fran\u00e7ois Hollande said the \u201cdeal\u201d was done in Paris.".encode("cp1252")
    ex.upload.value = ({"name": "win.txt", "type": "text/plain", "size": len(raw), "content": memoryview(raw),
                        "last_modified": datetime.now(UTC)},)
    assert "win.txt" in ex.article.value
    assert "Hollande" in visible(ex.html)


def test_explorer_paste_of_nothing_is_refused_politely(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.paste.value = "  "
    ex.analyse_button.click()
    assert "empty" in ex.status_text and list(ex.views) == ["Seed"]


def test_explorer_exports_files(seed_analysis, tmp_path):
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.folder.value = str(tmp_path)
    for kind, button in ex.export_buttons.items():
        button.click()
        assert (tmp_path / f"Seed.{kind}").exists(), ex.status_text
    assert "Wrote" in ex.status_text


def test_a_failing_callback_shows_a_line_and_never_raises(seed_analysis, monkeypatch):
    ex = wd.Explorer(seed_analysis, name="Seed")

    def boom(*a, **k):
        raise RuntimeError("kaboom\nsecond line")

    monkeypatch.setattr(wd, "render_spans", boom)
    ex.toggles["hedge"].value = not ex.toggles["hedge"].value  # must not raise
    assert "kaboom" in ex.status_text and "second line" not in ex.status_text
    assert ex.errors


def test_widgets_escape_a_hostile_article(analyze):
    a = analyze(HOSTILE)
    s, e = HOSTILE.index("<script>"), HOSTILE.index("too.")
    a.quotes = [Quote(s, e, HOSTILE[s:e], explanation="<b>x</b>", speaker="<img src=x onerror=alert(1)>",
                      cue="said")]
    j = HOSTILE.index('"><b>')
    a.signals = [Signal(j, j + 10, HOSTILE[j:j + 10], explanation="' onclick='x", category="loaded")]
    assert inert(wd.EntityHighlighter(a).html)
    qx = wd.QuoteExplorer(a)
    assert inert(qx.html)
    # Select options are shown as text by ipywidgets (textContent), never parsed as HTML
    assert any("<img src=x onerror=alert(1)>" in label for label, _ in qx.quote.options)
    assert inert(wd.SignalToggles(a).html)
    ex = wd.Explorer(a, name="<script>alert(1)</script>")
    assert inert(ex.html)
    ex.highlight.value = 0
    assert inert(ex.detail_html)
    ex.add_text(HOSTILE)
    ex.compare.value = ex.article.options[0]
    assert inert(ex.compare_html) and inert(ex.status.value)
    r = wd.RewriteFrame(a)
    r.rewrite(HOSTILE)
    assert inert(r.html)


@pytest.mark.parametrize("make", [wd.EntityHighlighter, wd.QuoteExplorer, wd.SignalToggles, wd.RewriteFrame,
                                  wd.Explorer])
def test_every_control_has_a_description(make, seed_analysis):
    b = make(seed_analysis)
    controls = labelled(b.widget)
    assert controls
    for c in controls:
        if isinstance(c, W.FileUpload):
            assert c.description
            continue
        assert (c.description or "").strip(), f"{type(c).__name__} without a description"


def test_builders_display_in_a_notebook(seed_analysis):
    bundle = wd.SignalToggles(seed_analysis)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_explorer_charts_tab_draws_the_chosen_chart_for_the_article_on_view(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    assert ex.chart_figure is None  # nothing drawn until asked: filters stay fast
    ex.tabs.selected_index = 1
    assert "Who is named" in ex.chart_figure.layout.title.text
    ex.chart_choice.value = "sourcing_side"
    assert "per side" in ex.chart_figure.layout.title.text
    for key in wd.EXPLORER_CHARTS:
        assert ex.show_chart(key) is not None
    assert not ex.errors


OWN = (
    "Harbour Bridge Approved\n"
    "Mayor Elena Ruiz defended the bridge plan on Monday. \"This bridge will connect the city,\" "
    "said Elena Ruiz after the vote.\n"
    "Tom Okafor, who runs a fishing shop, objected. \"Nobody asked us,\" said Tom Okafor.\n"
)


def test_explorer_sets_an_actors_side_and_the_side_filter_and_chart_follow():
    ex = wd.Explorer()
    ex.add_text(OWN, name="Harbour")
    a = ex.current.analysis
    okafor = next(n for n in a.actors if "Okafor" in n)
    assert okafor in [v for _, v in ex.side_actor.options]
    assert {v for _, v in ex.sides.options} == {"unknown"}  # nothing known yet
    assert "other" not in {x for x in charts_sides(ex)}

    ex.side_actor.value = okafor
    assert ex.side_value.value == "unknown"
    ex.side_value.value = "other"  # the learner's choice is the whole action
    assert a.actors[okafor].side == "other"
    assert "other" in {v for _, v in ex.sides.options}
    ex.sides.value = ("other",)
    shown = visible(ex.html)
    assert "Okafor" in shown and ex.shown and all(r["side"] == "other" for r in ex.shown)
    assert "other" in charts_sides(ex), "the side-based sourcing chart follows"
    ex.side_actor.value = okafor
    assert ex.side_value.value == "other"  # the control shows the side it has now
    assert not ex.errors


def charts_sides(ex) -> set:
    fig = ex.show_chart("sourcing_side")
    out = set()
    for trace in fig.data:
        out.update(str(v) for v in (trace.y if trace.orientation == "h" else trace.x) or ())
        if trace.name:
            out.add(trace.name)
    return out


def test_explorer_shows_the_publisher_footer_as_set_aside(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    assert "set aside: publisher footer, not analysed" in ex.html
    assert not any(r["layer"] == "set_aside" for r in ex.shown)  # not a highlight to explain


def test_explorer_navigator_goes_to_a_paragraph_by_its_number(seed_analysis):
    from rhetoric import course

    ex = wd.Explorer(seed_analysis, name="Seed")
    p13 = course.paragraphs(analysis=seed_analysis)[12]
    ex.paragraph.value = 13  # "find it in ¶13": one step, not 35 clicks
    assert ex.view.value == "paragraph"
    assert "rightly" in visible(ex.html) and p13.text[:30] in visible(ex.html)
    assert "¶13 of" in ex.status_text
    ex.step(1)
    assert ex.paragraph.value == 14 and "¶14 of" in ex.status_text
    ex.view.value = "sentence"
    ex.step(1)
    assert "(in ¶" in ex.status_text  # each sentence says which paragraph it is in


def test_explorer_compare_two_has_titles_and_differences_in_words(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed article")
    ex.add_text("Angela Merkel said in Berlin that the summit “went well”, according to aides. "
                "Merkel likely hopes for more. Merkel clearly failed.", name="Berlin piece")
    ex.compare.value = "Seed article"
    assert "A: Berlin piece" in visible(ex.html) and "B: Seed article" in visible(ex.compare_html)
    said = visible(ex.differences.value)
    assert "A and B, in words" in said and "Trump is named" in said and "in B" in said


def test_differences_in_words_are_counts_of_the_two_analyses(analyze):
    from rhetoric.contrast import differences, quotes_by_side

    a = analyze("“We will win,” Putin said. Putin likely means it. Russia, Putin said, is strong.")
    b = analyze("The mayor opened a bridge in Leeds on Monday.")
    out = differences(a, b, "A", "B")
    assert any("Putin is named" in s and "in A" in s for s in out)
    assert not differences(b, b)
    assert sum(quotes_by_side(a).values()) == sum(1 for q in a.quotes if q.speaker)


def _dropdowns(widget):
    out, todo = [], [widget]
    while todo:
        w = todo.pop()
        if isinstance(w, W.Dropdown):
            out.append(w)
        todo.extend(getattr(w, "children", ()) or ())
    return out


def test_no_dropdown_is_blank(seed_analysis):
    """A Dropdown whose value is None shows an empty box in the browser: every one shows a label."""
    ex = wd.Explorer(seed_analysis, name="Seed")
    ex.add_text("Angela Merkel said in Berlin that the summit went well.", name="Berlin")
    builders = [ex, wd.QuoteExplorer(seed_analysis), wd.EntityHighlighter(seed_analysis)]
    found = [d for b in builders for d in _dropdowns(b.widget)]
    assert len(found) >= 5
    for d in found:
        assert d.index is not None and d.label, d.description


def test_no_button_has_a_fixed_width_that_cuts_its_label(seed_analysis):
    """ipywidgets' default button width (148 px) cuts longer labels: every button sizes to its label."""
    from rhetoric.exercises.widgets import SpeakerChooser, WordMarker

    def buttons(widget):
        out, todo = [], [widget]
        while todo:
            w = todo.pop()
            if isinstance(w, W.Button) and not isinstance(w, W.ToggleButton):
                out.append(w)
            todo.extend(getattr(w, "children", ()) or ())
        return out

    found = [b for built in (wd.Explorer(seed_analysis, name="Seed").widget, wd.RewriteFrame(seed_analysis).widget,
                             SpeakerChooser("02.6"), WordMarker("03.5")) for b in buttons(built)]
    assert len(found) >= 10
    for b in found:
        assert b.layout.width == "auto", b.description


def test_counts_in_lists_say_what_they_count(seed_analysis):
    ex = wd.Explorer(seed_analysis, name="Seed")
    assert all(label.endswith("highlights)") for label, _ in ex.actors.options)
    q = wd.QuoteExplorer(seed_analysis)
    assert all(label.endswith("quotes)") for label, v in q.speaker.options if v is not None)
    h = wd.EntityHighlighter(seed_analysis)
    assert all(label.endswith("mentions)") for label, _ in h.labels.options)
    assert not any("NOT_A_NAME" in label for label, _ in h.labels.options)
