"""Highlighting: filters, labels and tooltips, whitespace, context view, and escaping."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from rhetoric.items import Quote, Signal
from rhetoric.present import highlight as hl
from rhetoric.present.palette import LAYER_COLORS, contrast_ratio, text_color

HOSTILE = (
    "Vladimir Putin met officials in Moscow on Monday.\n"
    "He said <script>alert(1)</script> was likely over, and <img src=x onerror=alert(1)> too.\n"
    "Then \"><b>bold</b> and </div> and ' onmouseover='alert(2)' x=' followed.\n"
)
ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><b>',
           "' onmouseover='alert(2)' x='"]


class TagCollector(HTMLParser):
    """Every start tag and attribute a browser would build from an HTML string."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.ends = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)

    def handle_endtag(self, tag):
        self.ends.append(tag)


def assert_inert(html: str, allowed_scripts: int = 0) -> TagCollector:
    """No markup from the article became live: no script/img/b tags, no on* attributes,
    balanced divs, and the attack strings survive only as escaped text or attribute values."""
    p = TagCollector()
    p.feed(html)
    p.close()
    assert "img" not in p.tags and "b" not in p.tags
    assert p.tags.count("script") <= allowed_scripts
    assert not [a for a in p.attrs if a[1].startswith("on")], "an event-handler attribute leaked"
    assert p.tags.count("div") == p.ends.count("div"), "a </div> in the text closed a real div"
    for attack in ATTACKS:
        assert attack not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    return p


def hostile_analysis(analyze):
    """The hostile text, with a quote, a hedge and a loaded word laid over the attacks."""
    a = analyze(HOSTILE)
    s = HOSTILE.index("<script>")
    e = HOSTILE.index("too.")
    a.quotes.append(Quote(s, e, HOSTILE[s:e], explanation="a quote \"with\" <i>marks</i> & 'quotes'",
                          speaker="Vladimir <b>Putin</b>", cue="said", side="Russia"))
    i = HOSTILE.index("likely")
    a.signals.append(Signal(i, i + 6, "likely", explanation="hedge: <script>x</script>", category="hedge"))
    j = HOSTILE.index('"><b>')
    k = HOSTILE.index("followed")
    a.signals.append(Signal(j, k, HOSTILE[j:k], explanation="'\"><img src=y onerror=alert(3)>", category="loaded"))
    return a


def plain(html: str) -> str:
    """The visible text of highlight HTML (labels removed)."""
    html = re.sub(r'<span class="rl-label[^"]*"[^>]*>.*?</span>', "", html)
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r'<div class="rl-legend".*?</div>', "", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_hostile_article_text_labels_and_tooltips_are_escaped(analyze):
    a = hostile_analysis(analyze)
    html = hl.highlight_html(a)
    p = assert_inert(html)
    titles = [v for tag, k, v in p.attrs if k == "title"]
    assert any("<i>marks</i> & 'quotes'" in t for t in titles), "tooltips keep the explanation, as a value"
    assert any("onerror=alert(3)" in t for t in titles)
    assert "Vladimir &lt;b&gt;Putin&lt;/b&gt;" in html  # the speaker in the visible label


def test_context_view_of_hostile_quote_is_escaped(analyze):
    a = hostile_analysis(analyze)
    assert_inert(hl.item_in_context(a, a.quotes[-1]))
    assert_inert(hl.context_html(a, 0, 5, label="<b>x</b>", explanation="</div><script>alert(1)</script>"))


def test_rendering_keeps_the_articles_text_and_whitespace(seed_analysis):
    html = hl.highlight_html(seed_analysis)
    text = plain(html)
    for a, b in seed_analysis.paragraphs()[:6]:
        assert seed_analysis.text[a:b] in text
    assert "Kyiv’s goals" in text  # no space inserted between a highlighted word and what follows


def test_every_highlight_has_a_visible_label_and_a_tooltip(seed_analysis):
    records = hl.span_records(seed_analysis)
    assert records
    html = hl.highlight_html(seed_analysis)
    starts = html.count('class="rl-label ')
    assert starts >= len({(r["start"], r["layer"], r["label"]) for r in records}) * 0.95
    assert '<span class="rl-label ' in html and 'title="' in html
    first = records[0]
    assert hl.esc(first["explanation"]) in html


def test_layer_filter_shows_only_the_chosen_layer(seed_analysis):
    only_entities = hl.highlight_html(seed_analysis, layers=["entities"])
    assert "rl-entities" in only_entities and "rl-quotes" not in only_entities
    only_quotes = hl.highlight_html(seed_analysis, layers=["quotes"])
    assert "rl-quotes" in only_quotes and "rl-entities" not in only_quotes


def test_label_actor_and_side_filters_narrow_the_highlights(seed_analysis):
    records = hl.span_records(seed_analysis)
    persons = hl.filter_spans(records, layers=["entities"], labels=["PERSON"])
    assert persons and all(r["key"] == "PERSON" for r in persons)
    top_actor = max(seed_analysis.actors.values(), key=lambda x: len(x.mentions)).name
    about = hl.filter_spans(records, actors=[top_actor])
    assert about and all(r["actor"] == top_actor for r in about)
    side = next(r["side"] for r in records if r["side"] != "unknown")
    on_side = hl.filter_spans(records, sides=[side])
    assert on_side and all(r["side"] == side for r in on_side)
    assert len(on_side) < len(records)


def test_empty_filter_says_so_instead_of_showing_nothing(seed_analysis):
    html = hl.highlight_html(seed_analysis, layers=[])
    assert "Nothing to highlight" in html
    assert 'class="rl-label ' not in html
    assert "Today, the war in Ukraine ended" in plain(html)  # the article is still there to read


def test_overlapping_spans_stack_in_separate_rows(analyze):
    a = analyze("Donald Trump said the talks would likely fail.")
    q, h = a.text.index("the talks"), a.text.index("likely")
    a.quotes = [Quote(q, len(a.text) - 1, a.text[q:-1], explanation="indirect", speaker="Donald Trump",
                      kind="indirect")]
    a.signals = [Signal(h, h + 6, "likely", explanation="a hedge", category="hedge")]
    html = hl.highlight_html(a, layers=["quotes", "hedge"])
    tok = re.search(r'<span class="rl-tok"[^>]*>(?:<span class="rl-w[^"]*">)+likely.*?class="rl-bars">(.*?)</span></span>',
                    html, flags=re.S).group(1)
    bars = re.findall(r'class="rl-bar rl-(\w+)', tok)
    assert bars == ["quotes", "hedge"]  # one bar each, the longer span on top


def test_context_marks_the_span_in_its_paragraph(seed_analysis):
    text = seed_analysis.text
    i = text.index("unrealistic")
    html = hl.context_html(seed_analysis, i, i + len("unrealistic"), label="LOADED",
                           explanation="the minister's word, quoted")
    assert "Hegseth" in plain(html)  # the paragraph around it
    assert "Today, the war" not in plain(html)  # not the whole article
    assert "the minister&#x27;s word, quoted" in html
    assert html.count('class="rl-label ') == 1


def test_legend_lists_each_shown_layer_with_its_count(seed_analysis):
    records = hl.filter_spans(hl.span_records(seed_analysis), layers=["entities"], labels=["PERSON"])
    legend = hl.legend_html(records)
    assert f"people <span class=\"rl-count\">({len(records)})</span>" in legend
    assert hl.legend_html([]) == ""


@pytest.mark.parametrize("layer", sorted(LAYER_COLORS))
def test_label_text_has_enough_contrast_on_every_layer_colour(layer):
    bg = LAYER_COLORS[layer]
    assert contrast_ratio(bg, text_color(bg)) >= 4.5


def test_a_quote_in_context_marks_its_speaker_and_cue(analyze):
    text = "In Kyiv, Volodymyr Zelensky told reporters: “We will not give up.”\nOther news followed."
    a = analyze(text)
    qs, sp, cue = text.index("“"), text.index("Volodymyr"), text.index("told")
    q = Quote(qs, text.index("\n"), text[qs:text.index("\n")], explanation="a direct quote <with> a cue",
              speaker="Volodymyr Zelensky", speaker_start=sp, speaker_end=sp + 18, speaker_text="Volodymyr Zelensky",
              cue="told", cue_start=cue, cue_end=cue + 4)
    a.quotes = [q]
    html = hl.item_in_context(a, q)
    labels = re.findall(r'<span class="rl-label[^"]*"[^>]*>([^<]*)</span>', html)
    assert sorted(labels) == ["CUE", "QUOTE · Volodymyr Zelensky", "SPEAKER"]
    assert "Other news" not in plain(html)  # only the quote's paragraph
    assert "a direct quote &lt;with&gt; a cue" in html


def test_a_highlight_never_cuts_a_pair_of_quotation_marks_in_half(analyze):
    text = 'Nair claimed the estimates had been "massaged" to win support, and the city’s “plan” held.\n'
    a = analyze(text)
    s = text.index("had been")
    e = text.index("massaged") + len("massaged")  # the item stops inside the marks
    k = text.index("city")
    a.quotes, a.entities = [], []
    a.signals = [Signal(s, e, text[s:e], explanation="a passive", category="agency", subtype="agentless_passive"),
                 Signal(k, k + 4, "city", explanation="apostrophe, not a mark", category="loaded")]
    html = hl.highlight_html(a)
    words = [w for w in re.findall(r'<span class="rl-w rl-\w+">([^<]*)</span>', html)]
    assert "&quot;massaged&quot;" in words  # both marks inside the highlight, or neither
    assert "&quot;massaged" not in words
    assert "city" in words  # a possessive is not a quotation mark: the span stays as it is
    assert hl.snap_to_marks(text, s, e) == (s, e + 1)
    assert hl.snap_to_marks(text, k, k + 4) == (k, k + 4)


def test_a_label_never_separates_an_opening_quotation_mark_from_its_word(analyze):
    text = 'Trump wrote that they “agreed to work together,” he said.\n'
    a = analyze(text)
    q, v = text.index("“"), text.index("agreed")
    a.entities, a.signals = [], [Signal(v, v + 6, "agreed", explanation="a verb", category="reporting_verb")]
    a.quotes = [Quote(q, text.index("”") + 1, text[q:text.index("”") + 1], explanation="direct", speaker="Trump")]
    html = hl.highlight_html(a)
    group = re.search(r'<span class="rl-grp">(.*?)</span> ', html).group(1)
    assert group.count('class="rl-label') == 2  # both labels first, then the whole word
    assert re.sub(r"<[^>]+>", "", group).endswith("“agreed")


def test_the_models_mistakes_are_visible_with_their_reason(seed_analysis):
    """'Hover over Gutsy' (the guide): dropped names and corrected labels are highlighted and say why."""
    from rhetoric.present.highlight import NOT_A_NAME, highlight_html, span_records

    recs = span_records(seed_analysis)
    gutsy = [r for r in recs if r["text"] == "Gutsy"]
    assert gutsy and gutsy[0]["key"] == NOT_A_NAME and "model: PERSON" in gutsy[0]["label"]
    assert "adjective" in gutsy[0]["tooltip"] and "rl-corrected" in gutsy[0]["cclass"]
    kyiv = next(r for r in recs if r["text"] == "Kyiv" and r["layer"] == "entities")
    assert kyiv["label"] == "GPE · corrected from PERSON" and "gazetteer" in kyiv["tooltip"]
    html = highlight_html(seed_analysis, layers=["entities"], end=300)
    assert "NOT A NAME · model: PERSON" in html and "Gutsy" in html
    assert "set aside by the kit" in html  # the legend says what the grey dashed chip means


def test_no_tooltip_repeats_its_label(seed_analysis):
    from rhetoric.present.highlight import span_records

    records = span_records(seed_analysis)
    assert len(records) > 100
    for r in records:
        head = r["full_label"]
        assert not r["tooltip"].startswith(f"{head}: {head}:"), r["tooltip"]
        assert "NORP: NORP:" not in r["tooltip"] and "PERSON: PERSON:" not in r["tooltip"]


def test_corrections_table_groups_identical_corrections(seed_analysis):
    from rhetoric import course

    text = str(course.corrections(seed_analysis))
    html = course.corrections(seed_analysis).html
    assert html.count("<td>Trump</td>") <= 4, "one row per kind of correction, with a count"
    assert "how many times" in html and text


def test_scare_quotes_and_words_not_said_are_labelled_as_such(analyze):
    from rhetoric.present import highlight as hl

    a = analyze("The company’s “restructuring” cost jobs. Sorokin refused to call the pullback “a defeat.”")
    html = hl.highlight_html(a)
    assert "SCARE QUOTES" in html and "NOT SAID" in html
