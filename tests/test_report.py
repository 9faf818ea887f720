"""The standalone HTML report: structure, offline, layer toggles, escaping."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from rhetoric.items import Quote, Signal
from rhetoric.report import render_report

HOSTILE = (
    "Vladimir Putin met officials in Moscow on Monday.\n"
    "He said <script>alert(1)</script> was likely over, and <img src=x onerror=alert(1)> too.\n"
    "Then \"><b>bold</b> and </div> and ' onmouseover='alert(2)' x=' followed.\n"
)


class Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.ends, self.scripts, self._in_script = [], [], [], [], False
        self.ids = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)
        self.ids.extend(v for k, v in attrs if k == "id")
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")
            self.script_types = getattr(self, "script_types", []) + [dict(attrs).get("type") or ""]

    def handle_endtag(self, tag):
        self.ends.append(tag)
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def seed_report(seed_analysis):
    html = render_report(seed_analysis)
    p = Parser()
    p.feed(html)
    return html, p


def test_report_has_article_legend_quotes_and_charts(seed_report, seed_analysis):
    html, p = seed_report
    for section in ("article", "quotes", "frames", "charts"):
        assert section in p.ids
    assert 'class="rl-legend"' in html
    assert html.count('class="plotly-graph-div') == 7
    assert "Today, the war in Ukraine" in re.sub(r"<[^>]+>", "", html)
    assert html.count("<tr>") >= len(seed_analysis.quotes)


def _bundle_in(html: str) -> list[bytes]:
    """Every copy of plotly.js in the page: plain inline, or gzip+base64 in a data block."""
    import base64
    import gzip
    import json

    p = Parser()
    p.feed(html)
    copies = [s.encode() for s in p.scripts if "Plotly" in s and len(s) > 1_000_000]
    for blob in re.findall(r'<script type="application/json" id="rl-plotly-gz">(.*?)</script>', html, re.S):
        copies.append(gzip.decompress(base64.b64decode(json.loads(blob))))
    return copies


def test_report_works_offline_with_plotly_once_and_small(seed_report):
    from plotly.offline import get_plotlyjs

    html, p = seed_report
    assert not [v for t, k, v in p.attrs if k == "src" and t == "script"], "no script is loaded from a URL"
    assert not re.search(r'(?:src|href)="https?:', html), "nothing is fetched from the network"
    copies = _bundle_in(html)
    assert len(copies) == 1, "plotly.js is embedded exactly once"
    assert copies[0].decode() == get_plotlyjs()
    size = len(html.encode("utf-8"))
    assert size < 2_600_000, f"the report is {size / 1e6:.1f} MB"


def test_report_can_embed_the_plain_plotly_bundle_once(seed_analysis):
    html = render_report(seed_analysis, plotly="inline")
    assert len(_bundle_in(html)) == 1
    assert html.count('class="plotly-graph-div') == 7


def test_report_title_is_the_headline_or_a_neutral_name(analyze, seed_analysis, seed_report):
    from rhetoric.report import headline

    html, _ = seed_report
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    h1 = re.search(r"<h1>(.*?)</h1>", html).group(1)
    # the seed opens with a sentence, not a headline: never use it as the title
    assert "Today, the war" not in title and "Today, the war" not in h1
    # issue 14: not "Rhetoric Lab report: 000_7b76e654cdb06023.txt" but the title its feed footer gives
    assert title == "The Day the Ukraine War Ended (The Atlantic)"
    text = "City Council Backs Harbour Plan Despite Protests\nThe council voted 7-2 on Monday.\n"
    assert headline(text) == "City Council Backs Harbour Plan Despite Protests"
    assert headline("The council voted 7-2 on Monday.\nMore followed.\n") is None
    assert headline("Only one line, no headline\n") is None
    a = analyze(text)
    a.path = "some/dir/harbour.txt"
    html = render_report(a)
    assert "<title>City Council Backs Harbour Plan Despite Protests</title>" in html
    a2 = analyze("The council voted 7-2 on Monday. Critics objected.\nMore followed.\n")
    a2.path = "some/dir/vote.txt"
    assert "<title>Rhetoric Lab report: vote.txt</title>" in render_report(a2)


def test_report_shows_the_publisher_footer_greyed_and_set_aside(seed_report):
    html, _ = seed_report
    m = re.search(r'<span class="rl-aside-label"[^>]*>([^<]*)</span>(.*?)</p>', html, re.S)
    assert m, "the set-aside footer is marked"
    assert m.group(1) == "set aside: publisher footer, not analysed"
    assert "appeared first on" in re.sub(r"<[^>]+>", "", m.group(2))
    assert 'class="rl-aside"' in m.group(2)


def test_report_legend_tells_ordinary_agency_from_hidden_agents(seed_report):
    html, _ = seed_report
    legend = re.search(r'<div class="rl-legend".*?</div>', html, re.S).group(0)
    assert "Agency (hidden actors)" not in html
    assert "Who does what to whom" in legend
    assert "Hidden agent: a passive with no doer" in legend
    labels = set(re.findall(r'<span class="rl-label rl-agency[^"]*"[^>]*>([^<]*)</span>', html))
    assert "WHO DOES WHAT" in labels and "HIDDEN AGENT · passive" in labels


def test_report_uses_few_colours_from_okabe_ito(seed_report):
    from rhetoric.present.palette import OKABE_ITO, distinct_colors

    html, _ = seed_report
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    used = {c.upper() for c in re.findall(r"\.rl-c-[\w-]+\{background:(#[0-9A-Fa-f]{6})", css)}
    # the eight Okabe-Ito colours at most, plus the pale grey of "other" (issue 14: layers shown
    # together need distinct colours, which seven could not give nine layers)
    assert len(used - {"#DDDDDD"}) <= 8
    assert used - {"#DDDDDD"} <= {c.upper() for c in OKABE_ITO.values()}
    assert len(distinct_colors() - {"#DDDDDD"}) <= 8


def test_layers_shown_together_have_distinct_colours():
    from rhetoric.present.palette import ENTITY_COLORS, LAYER_COLORS, LAYER_GROUPS, pattern_of

    assert LAYER_COLORS["hedge"] != LAYER_COLORS["booster"]
    signals = [k for k in LAYER_COLORS if k != "entities"]
    looks = {(LAYER_COLORS[k], pattern_of(k)) for k in signals}
    assert len(looks) == len(signals), "two layers drawn alike"
    shared = {k for k in signals if sum(LAYER_COLORS[j] == LAYER_COLORS[k] for j in signals) > 1}
    assert shared <= set(LAYER_GROUPS)
    main = ["PERSON", "ORG", "GPE", "NORP"]
    assert len({ENTITY_COLORS[t] for t in main}) == len(main)
    places = [(ENTITY_COLORS[t], pattern_of("entities", t)) for t in ("GPE", "LOC", "FAC")]
    assert len(set(places)) == 3


def test_report_labels_are_at_least_14px_and_flow_with_the_text(seed_report):
    html, _ = seed_report
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    rule = re.search(r"(?m)^\.rl-label\{([^}]*)\}", css).group(1)
    assert int(re.search(r"font-size:(\d+)px", rule).group(1)) >= 14
    assert "position:absolute" not in rule and "nowrap" not in rule, "labels wrap with the text"


def test_report_toggles_hide_a_layer_with_css_only(seed_report):
    html, p = seed_report
    boxes = [v for t, k, v in p.attrs if t == "input" and k == "id"]
    assert "rl-t-entities" in boxes and "rl-t-quotes" in boxes
    for box in boxes:
        layer = box.removeprefix("rl-t-")
        # its bars and labels go, and its words lose their bold
        assert f"#{box}:not(:checked) ~ .rl-article .rl-bar.rl-{layer}," in html
        assert f"#{box}:not(:checked) ~ .rl-article .rl-label.rl-{layer}{{display:none;}}" in html
        assert f"#{box}:not(:checked) ~ .rl-article .rl-w.rl-{layer}{{font-weight:inherit;}}" in html
    labels = [v for t, k, v in p.attrs if t == "label" and k == "for"]
    assert sorted(labels) == sorted(boxes)


def test_report_of_hostile_article_runs_no_article_markup(analyze):
    a = analyze(HOSTILE)
    s, e = HOSTILE.index("<script>"), HOSTILE.index("too.")
    a.quotes = [Quote(s, e, HOSTILE[s:e], explanation="</td></table><script>alert(9)</script>",
                      speaker="</div><img src=x onerror=alert(1)>", cue="said")]
    j = HOSTILE.index('"><b>')
    a.signals = [Signal(j, j + 10, HOSTILE[j:j + 10], explanation="' onclick='alert(4)", category="loaded")]
    html = render_report(a)
    p = Parser()
    p.feed(html)
    assert "img" not in p.tags and "b" not in p.tags
    assert not [x for x in p.attrs if x[1].startswith("on")]
    assert p.tags.count("div") == p.ends.count("div")
    assert p.tags.count("table") == p.ends.count("table")
    code = [s for s, t in zip(p.scripts, p.script_types) if t != "application/json"]
    data = [s for s, t in zip(p.scripts, p.script_types) if t == "application/json"]
    assert not any("alert(" in s and "Plotly" not in s for s in code), "article text inside a script tag"
    assert all(s == "" or "Plotly" in s or "plotly" in s for s in code)
    # figure data may hold article text, but never markup that could end its block
    assert all("<" not in s and ">" not in s for s in data)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_of_text_with_nothing_found_says_so(analyze):
    a = analyze("The weather was mild.")
    a.quotes, a.signals, a.frames = [], [], []
    html = render_report(a)
    assert "found no quotes" in html and "no generic frames" in html


def test_cli_render_writes_the_report(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Angela Merkel said the summit in Berlin “went well”.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    proc = subprocess.run([sys.executable, "-m", "rhetoric", "render", str(src), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"Angela Merkel", out.read_text(encoding="utf-8"))


def test_report_in_a_projector_sized_browser(seed_report, tmp_path):
    """At 1280x800: no sideways scrolling, labels of 14 px or more, every chart drawn, and
    unticking a layer takes its labels, its bold and its line height with it."""
    from tests.browser.fixtures import chromium

    html, _ = seed_report
    page_file = tmp_path / "report.html"
    page_file.write_text(html, encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_file.as_uri())
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length === 7", timeout=30_000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert page.evaluate("Math.min(...[...document.querySelectorAll('.rl-label')]"
                             ".map(e => parseFloat(getComputedStyle(e).fontSize)))") >= 14
        probe = """() => { const w = [...document.querySelectorAll('.rl-w.rl-quotes')]
                     .find(e => !e.parentElement.closest('.rl-w') && !e.querySelector('.rl-w'));
                   return [getComputedStyle(w).fontWeight, w.closest('.rl-tok').getBoundingClientRect().height,
                           [...document.querySelectorAll('.rl-label.rl-quotes')].filter(e => e.offsetParent).length]; }"""
        weight, height, labels = page.evaluate(probe)
        assert int(weight) >= 600 and labels > 0
        page.click("label[for=rl-t-quotes]")
        weight2, height2, labels2 = page.evaluate(probe)
        assert int(weight2) < 600 and height2 < height and labels2 == 0


def test_report_title_is_a_title_never_a_file_hash(analyze):
    from rhetoric.report import report_title

    seed_like = analyze("Today, the war ended, at least in a sense. Fighting goes on.\n"
                        "The post A Day of Talks appeared first on The Example Times.")
    seed_like.path = "seeds/000_7b76e654cdb06023.txt"
    if seed_like.set_aside:
        assert report_title(seed_like) == "A Day of Talks (The Example Times)"
    bare = analyze("The mayor opened a bridge in Leeds on Monday. Crowds cheered the new crossing.")
    bare.path = "articles/3f9a0c1d2e4b5a6c.txt"
    title = report_title(bare)
    assert "3f9a0c1d2e4b5a6c" not in title and "The mayor opened" in title
    bare.path = "articles/leeds_bridge.txt"
    assert report_title(bare) == "Rhetoric Lab report: leeds_bridge.txt"


def test_the_seed_report_is_titled_by_its_article(seed_report):
    html, _ = seed_report
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert "The Day the Ukraine War Ended" in title and "7b76e654" not in title


def test_report_prints_compactly_and_tables_never_break_inside_words(seed_report):
    html, _ = seed_report
    css = re.search(r"<style>\nbody.*?</style>", html, re.S).group(0)
    assert "@page{size:A4" in css
    assert re.search(r"@media print\{.*\.rl-chart\{zoom:", css, re.S)
    assert re.search(r"@media print\{.*\.rl-table tr\{break-inside:avoid", css, re.S)
    assert "overflow-wrap:anywhere" not in css  # it broke quotes mid-word in narrow columns


def test_sourcing_footnote_sits_below_the_axis(seed_analysis):
    from rhetoric.present import charts

    fig = charts.sourcing_chart(seed_analysis)
    note = next(a for a in fig.layout.annotations if "hatched" in a.text)
    assert note.yanchor == "top" and note.y == 0 and note.yshift <= -40
    assert fig.layout.margin.b >= 100
