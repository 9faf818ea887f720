"""Presentation: highlighting, charts, widgets and exports on top of an ``Analysis``.

Pure analysis lives in ``rhetoric``; this package only shows it. Everything takes the
``Analysis`` that ``rhetoric.analyze(text)`` returns, and never parses again in a filter.
All article text is HTML-escaped before it becomes HTML, inside an element with the classes
``rhetoric.markup.AS_WRITTEN`` (MathJax's ignore classes), so Jupyter shows "$4" and "\\" as written.

Highlighting (``rhetoric.present.highlight``; displaCy ``style="span"`` underneath)
    highlight_html(analysis, layers=None, labels=None, actors=None, sides=None,
                   start=0, end=None, legend=True, subtypes=False) -> str
        the article with the chosen layers highlighted; every highlight has a visible
        label and a tooltip with its explanation; a legend on top.
        layers: "entities", "quotes" and the signal categories ("reporting_verb", "hedge",
        "booster", "loaded", "metaphor", "agency", "author_voice"); labels: entity types
        ("PERSON", "GPE", ...); actors: canonical names; sides: "US", "Russia", ...
        subtypes=True shows signal subtypes in the labels (always in tooltips and lists);
        agency and quotes are always labelled by subtype ("WHO DOES WHAT", "HIDDEN AGENT ·
        passive", "QUOTE", "REPORTED"). Labels are 14 px chips in the text flow; parts the
        kit set aside (a publisher footer) are shown greyed with a "set aside" label.
        The Okabe-Ito colours (``rhetoric.present.palette``): layers in a group share a
        colour and differ by label and bar pattern (solid, dashed, dotted).
    item_in_context(analysis, item) -> str     one Quote/Signal/Entity in its paragraph,
                                               marked, with its explanation below
    context_html(analysis, start, end, label, explanation) -> str   any span in context
    span_records(analysis) -> list[dict]; filter_spans(records, ...); render_spans(text, records)
        the three layers underneath (plain dicts -> filtered dicts -> HTML)
    set_aside_records(analysis) -> list[dict]   the set-aside parts, for render_spans
    snap_to_marks(text, start, end) -> (start, end)   the span as drawn: never half a
                                               pair of quotation marks
    legend_html(records) -> str

Charts (``rhetoric.present.charts``; each returns go.Figure, or go.FigureWidget with widget=True;
an empty layer draws an empty chart with a note; ``charts.chart_title(fig)`` and
``charts.chart_summary(fig)`` give its text alternative, one plain sentence, which the report and
the widgets print beside the chart)
    actor_mentions_chart(analysis, top=15)        who is named, how often (by side)
    sourcing_chart(analysis, by="actor"|"side")   quotes and quoted words per speaker / side
                                                  (direct solid, reported hatched; counts from
                                                  rhetoric.sourcing.sourcing_balance)
    signal_timeline(analysis)                     where each signal category falls in the text
    actor_signal_heatmap(analysis)                actors x signal categories, counts in cells
    frame_chart(analysis, learner={frame: 0..1})  kit's frame scores, learner's overlaid
    paragraph_profile_chart(analysis)             signals per paragraph, stacked
    signal_profile(analysis, start, end) -> dict; profile_chart({name: profile}) ;
    update_profile_chart(fig, profiles)           for "rewrite the frame"

Widgets (``rhetoric.present.widgets``; ``.widget`` to display, or end a cell with the object;
controls are attributes; outputs ``.html`` / ``.figure``; ``.status_text`` the status line;
``.timings`` the slowest run of each callback; charts inside widgets are plain figures in an
``Output`` (``FigureBox``), because plotly's FigureWidget did not initialise under Voila here)
    EntityHighlighter(analysis)   .labels, .actors (SelectMultiple) -> .html
    QuoteExplorer(analysis)       .speaker, .side (Dropdown), .quote (Select) -> .html
    SignalToggles(analysis)       .toggles[layer] (Checkbox) -> .html
    RewriteFrame(analysis, start=None, end=None)   (default: the paragraph richest in signals)
                                  .textarea, .button, .rewrite(text) -> .figure, .html
    Explorer(analysis, name=None, others={name: analysis})
        .toggles[layer], .actors, .sides, .view ("article"|"sentence"), .sentence,
        .step(+1/-1), .highlight (Select) -> .detail_html, .side_actor + .side_value
        (Dropdowns; or .set_side(actor, side): Analysis.set_side, then filters and side
        charts follow), .compare (side by side) ->
        .compare_html, .add_text(text), .add_file(name, bytes), .export("json"|"csv"|"html")

Export (``rhetoric.present.export``, imported on its own: it uses the report)
    to_csv(analysis) -> str; csv_rows(analysis) -> list[dict]; to_json(analysis) -> str;
    export_files(analysis, folder, stem, formats=("json", "csv", "html")) -> [paths]

Report: ``rhetoric.report.render_report(analysis, plotly="compressed"|"inline") -> str``
(standalone, offline HTML; plotly.js embedded once, gzip-compressed by default: about
2.4 MB for the seed, against 5.1 MB inline). Titled by the article's headline, else
"Rhetoric Lab report: <file name>" (``rhetoric.report.headline``).
"""

from .charts import (
    actor_mentions_chart,
    actor_signal_heatmap,
    frame_chart,
    paragraph_profile_chart,
    profile_chart,
    signal_profile,
    signal_timeline,
    sourcing_chart,
    update_profile_chart,
)
from .highlight import (
    context_html,
    filter_spans,
    highlight_html,
    item_in_context,
    legend_html,
    render_spans,
    set_aside_records,
    snap_to_marks,
    span_records,
)
from .layers import LAYERS, layer_name

__all__ = [
    "LAYERS",
    "actor_mentions_chart",
    "actor_signal_heatmap",
    "context_html",
    "filter_spans",
    "frame_chart",
    "highlight_html",
    "item_in_context",
    "layer_name",
    "legend_html",
    "paragraph_profile_chart",
    "profile_chart",
    "render_spans",
    "set_aside_records",
    "snap_to_marks",
    "signal_profile",
    "signal_timeline",
    "sourcing_chart",
    "span_records",
    "update_profile_chart",
]
