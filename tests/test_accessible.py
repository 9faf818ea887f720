"""Accessibility of what the kit draws, without a browser (the browser checks are in
test_browser_access.py and test_browser_voila.py).

Colour is never the only carrier of meaning: every highlight has a visible text label, and no
style hides labels. Every chart has a text alternative: a title and a one-line summary, also for
an article where a layer found nothing; the report prints it beside each chart.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from rhetoric.present import charts
from rhetoric.present import highlight as hl
from rhetoric.present import templates as tpl
from rhetoric.report import render_report, report_figures
from tests.browser.explorer import OWN_ARTICLE
from tests.test_as_written import DOLLARS

QUIET = "Plain Words\n\nThe shop opens at nine. It closes at five.\n"


@pytest.fixture(scope="module", params=["dollars", "harbour", "quiet"])
def article(request):
    from rhetoric import analyze

    return analyze({"dollars": DOLLARS, "harbour": OWN_ARTICLE, "quiet": QUIET}[request.param])


def _chips(html: str) -> Counter:
    return Counter(unescape(t) for t in re.findall(r'<span class="rl-label [^"]*"[^>]*>([^<]*)</span>', html))


def test_every_highlight_carries_its_label_in_text(article):
    """One visible label chip per highlight, with the highlight's own words (not a colour alone)."""
    records = hl.span_records(article)
    html = hl.highlight_html(article)
    wanted = Counter(r["label"] for r in records)
    assert _chips(html) == wanted
    assert all(label.strip() for label in wanted)


def test_labels_are_never_hidden_by_the_kit_style():
    css = tpl.STYLE
    assert not re.search(r"\.rl-label[^{}]*\{[^}]*display\s*:\s*none", css)
    assert int(re.search(r"\.rl-label\{[^}]*font-size:(\d+)px", css).group(1)) >= 14


def test_legend_names_each_colour_in_words(article):
    records = hl.span_records(article)
    legend = hl.legend_html(records)
    if not records:
        assert legend == ""
        return
    names = re.findall(r'<span class="rl-swatch [^"]*">([^<]+)</span>', legend)
    assert len(names) == legend.count('role="listitem"') and all(n.strip() for n in names)


def test_every_chart_has_a_title_and_a_summary(article):
    figures = report_figures(article) + [
        charts.profile_chart({"Original": charts.signal_profile(article), "Your rewrite": {}}),
        charts.frame_chart(article, learner={"conflict": 0.5}),
    ]
    for fig in figures:
        title, summary = charts.chart_title(fig), charts.chart_summary(fig)
        assert title and title != "Chart", fig.layout.title
        assert len(summary) > 15 and summary != f"{title}.", (title, summary)
        assert summary.endswith(".") and "\n" not in summary


def test_summaries_say_what_the_chart_shows(article):
    """The summary names the chart's leading item, so it carries the chart's content, not just its kind."""
    mentions = charts.actor_mentions(article)
    summary = charts.chart_summary(charts.actor_mentions_chart(article))
    if mentions:
        assert f"{mentions[0]['actor']} ({mentions[0]['mentions']})" in summary
    else:
        assert summary == "No actors found in this text."
    timeline = charts.chart_summary(charts.signal_timeline(article))
    if article.signals or article.quotes:
        assert str(len(article.signals) + len(article.quotes)) in timeline


def test_report_describes_each_chart_and_never_makes_it_an_image(article):
    html = render_report(article)
    figures = re.findall(r'<figure class="rl-chart" aria-labelledby="(rl-fig-\d+)-title">(.*?)</figure>', html, re.S)
    assert len(figures) == len(report_figures(article)) == 7
    for ident, body in figures:
        assert f'id="{ident}-summary"' in body and f'aria-describedby="{ident}-summary"' in body
        caption = unescape(re.sub(r"<[^>]+>", "", re.search(r"<figcaption.*?</figcaption>", body, re.S).group(0)))
        assert len(caption) > 30, caption
    # plotly draws buttons inside its chart: an image role around them is "nested-interactive"
    assert 'role="img"' not in html
