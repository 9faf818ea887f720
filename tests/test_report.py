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


def test_report_works_offline_with_plotly_inline(seed_report):
    html, p = seed_report
    assert not [v for t, k, v in p.attrs if k == "src" and t == "script"], "no script is loaded from a URL"
    assert any("Plotly" in s and len(s) > 1_000_000 for s in p.scripts), "plotly.js is embedded once"
    assert sum(len(s) > 1_000_000 for s in p.scripts) == 1


def test_report_toggles_hide_a_layer_with_css_only(seed_report):
    html, p = seed_report
    boxes = [v for t, k, v in p.attrs if t == "input" and k == "id"]
    assert "rl-t-entities" in boxes and "rl-t-quotes" in boxes
    for box in boxes:
        layer = box.removeprefix("rl-t-")
        assert f"#{box}:not(:checked) ~ .rl-article .rl-bar.rl-{layer}{{display:none;}}" in html
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
    assert not any("alert(" in s and "Plotly" not in s for s in p.scripts), "article text inside a script tag"
    assert all(s == "" or "Plotly" in s or "plotly" in s for s in p.scripts)
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
