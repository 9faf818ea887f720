"""A standalone HTML report of one analysis, for sharing and printing.

``render_report(analysis)`` returns one self-contained HTML page: the article with every
highlight layer and a legend, checkboxes that switch layers on and off (pure CSS, so they
work with JavaScript disabled and in print), the quote table, the frame scores and the
charts as interactive plotly figures. plotly.js is embedded once, inline, so the file
opens offline, without Jupyter. By default the bundle is stored gzip-compressed (base64, in
a data block that never runs) and unpacked by the browser's own ``DecompressionStream``:
the report shrinks from about 5 MB to about 1.9 MB. ``plotly="inline"`` embeds the plain
bundle instead, for browsers older than 2023. All article text is escaped; figure data sit
in ``application/json`` blocks with ``<``, ``>`` and ``&`` escaped.

``python -m rhetoric render FILE -o report.html`` writes it (see ``rhetoric.cli``).
"""

from __future__ import annotations

import base64
import gzip
import re
from datetime import date
from functools import lru_cache
from pathlib import PurePath

from .layout import count_words
from .layout import headline as layout_headline
from .present import charts
from .present import templates as tpl
from .present.highlight import esc, legend_html, render_spans, set_aside_records, span_records
from .present.layers import LAYER_DESCRIPTIONS, LAYERS, layer_name
from .present.palette import layer_color

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rhetoric Lab {version}">
<title>{title}</title>
{style}
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#111;background:#fff;
  margin:0 auto;padding:24px 32px 60px;max-width:1100px;font-size:17px;line-height:1.5;overflow-wrap:break-word;}}
main,section,.rl-layers,.rl-chart{{max-width:100%;min-width:0;}}
.rl-chart{{overflow:hidden;}}
h1{{font-size:30px;margin:0 0 4px;}} h2{{font-size:24px;margin:36px 0 8px;border-bottom:2px solid #ddd;}}
.rl-meta{{color:#444;margin:0 0 12px;}}
.rl-warn{{background:#FFF3B0;border-left:4px solid #AA7700;padding:6px 10px;margin:8px 0;}}
.rl-summary{{display:flex;flex-wrap:wrap;gap:8px 22px;margin:10px 0 4px;font-size:17px;}}
.rl-summary strong{{font-size:22px;}}
.rl-toggles-title{{font-weight:700;margin-right:6px;}}
.rl-layers > label{{cursor:pointer;display:inline-flex;gap:5px;align-items:center;margin:0 16px 8px 0;
  white-space:nowrap;}}
.rl-toggle{{position:absolute;opacity:0;width:1px;height:1px;}}
.rl-toggle + label::before{{content:"";display:inline-block;width:16px;height:16px;border:2px solid #333;
  border-radius:3px;background:#fff;}}
.rl-toggle:checked + label::before{{background:#333;box-shadow:inset 0 0 0 3px #fff;}}
.rl-toggle:focus-visible + label{{outline:3px solid #0072B2;outline-offset:2px;}}
.rl-toggle:not(:checked) + label{{color:#666;}}
.rl-toggle:not(:checked) + label .rl-name{{text-decoration:line-through;}}
.rl-dot{{width:12px;height:16px;padding:0;border-radius:2px;}}
.rl-layers > .rl-legend{{margin-top:6px;}}
table.rl-table{{border-collapse:collapse;width:100%;font-size:15px;}}
.rl-table th,.rl-table td{{border:1px solid #ccc;padding:6px 8px;vertical-align:top;text-align:left;}}
.rl-table th{{background:#f2f2f2;}}
.rl-table td.rl-q{{font-style:italic;}}
.rl-table td{{overflow-wrap:break-word;word-break:normal;hyphens:auto;}}
.rl-table th{{white-space:nowrap;}}
.rl-table td.rl-n{{width:2.5em;}} .rl-table td.rl-q{{min-width:16em;}}
.rl-chart{{margin:10px 0 20px;page-break-inside:avoid;}}
.rl-fig-caption{{margin:0 0 4px;}}
.rl-fig{{width:100%;}}
.rl-fig-note{{font-style:italic;color:#444;}}
.rl-foot{{color:#555;font-size:14px;margin-top:40px;}}
{toggle_css}
@media print{{
  @page{{size:A4;margin:12mm 12mm 14mm;}}
  .rl-toggle,.rl-layers > label,.rl-toggles-title,.rl-hint{{display:none;}}
  body{{padding:0;max-width:none;font-size:10pt;line-height:1.35;}}
  h1{{font-size:18pt;}} h2{{font-size:13pt;margin:14pt 0 4pt;page-break-after:avoid;break-after:avoid;}}
  .rl-summary{{font-size:10pt;}} .rl-summary strong{{font-size:12pt;}}
  .rl-article{{font-size:10.5pt;max-width:none;}} .rl-para{{line-height:1.55;margin:0 0 5pt 0;}}
  .rl-label{{font-size:7pt;padding:0 2px;}} .rl-bar{{height:3px;}} .rl-legend{{font-size:8.5pt;gap:3px 10px;}}
  table.rl-table{{font-size:8.5pt;}} .rl-table th,.rl-table td{{padding:2px 4px;}}
  .rl-table tr{{break-inside:avoid;page-break-inside:avoid;}}
  .rl-chart{{zoom:0.62;break-inside:avoid;page-break-inside:avoid;margin:0 0 6pt;}}
  .rl-foot{{font-size:8pt;}}
}}
</style>
</head>
<body>
<header>
<h1>{heading}</h1>
<p class="rl-meta">{meta}</p>
{warnings}
<div class="rl-summary">{summary}</div>
</header>
<main>
<section id="article" aria-labelledby="h-article">
<h2 id="h-article">The article, highlighted</h2>
<p class="rl-hint">Hover over a highlighted word for why it was flagged. Untick a layer to hide it.</p>
<div class="rl-layers">
<span class="rl-toggles-title">Layers:</span>
{toggles}
{legend}
{article}
</div>
</section>
<section id="quotes" aria-labelledby="h-quotes">
<h2 id="h-quotes">Who is quoted</h2>
{quote_table}
</section>
<section id="frames" aria-labelledby="h-frames">
<h2 id="h-frames">Generic frames</h2>
{frame_table}
</section>
<section id="charts" aria-labelledby="h-charts">
<h2 id="h-charts">Charts</h2>
{charts}
</section>
</main>
<footer class="rl-foot">Made with Rhetoric Lab {version} on {today}. Every highlight is a pattern the kit
found automatically, with its reason; read them as prompts for a careful reader, not as verdicts.</footer>
</body>
</html>
"""


def _toggles(layers_present: list[str]) -> tuple[str, str]:
    """Checkbox markup and the CSS that hides a layer's bars when its box is unticked."""
    boxes, css = [], []
    for layer in layers_present:
        ident = f"rl-t-{layer}"
        color = layer_color(layer)
        boxes.append(
            f'<input type="checkbox" class="rl-toggle" id="{ident}" checked>'
            f'<label for="{ident}" title="{esc(LAYER_DESCRIPTIONS.get(layer, ""))}">'
            f'<span class="rl-swatch rl-dot" style="background:{color}"></span>'
            f'<span class="rl-name">{esc(layer_name(layer))}</span></label>'
        )
        # an unticked layer loses its bars, its labels and its bold (see highlight._render_markup)
        css.append(f"#{ident}:not(:checked) ~ .rl-article .rl-bar.rl-{layer},"
                   f"#{ident}:not(:checked) ~ .rl-article .rl-label.rl-{layer}{{display:none;}}"
                   f"#{ident}:not(:checked) ~ .rl-article .rl-w.rl-{layer}{{font-weight:inherit;}}")
    return "".join(boxes), "\n".join(css)


def _quote_table(analysis) -> str:
    if not analysis.quotes:
        return tpl.EMPTY.format(message="The kit found no quotes in this text.")
    rows = []
    for n, q in enumerate(analysis.quotes, 1):
        rows.append(
            "<tr>"
            f"<td class=\"rl-n\">{n}</td><td>{esc(q.speaker or 'none found')}</td><td>{esc(q.side)}</td>"
            f"<td>{esc(q.cue or '')}</td><td>{esc(q.kind)}</td>"
            f'<td class="rl-q">{esc(q.text)}</td><td>{esc(q.explanation)}</td>'
            "</tr>"
        )
    head = ("<tr><th>#</th><th>Speaker</th><th>Side</th><th>Cue</th><th>Kind</th>"
            "<th>Quote</th><th>Why</th></tr>")
    return f'<table class="rl-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _frame_table(analysis) -> str:
    if not analysis.frames:
        return tpl.EMPTY.format(message="The kit scored no generic frames for this text.")
    rows = []
    for f in sorted(analysis.frames, key=lambda f: -f.score):
        evidence = "; ".join(f"“{esc(e.text)}”" for e in f.evidence[:4])
        rows.append(f"<tr><td>{esc(f.frame.replace('_', ' '))}</td><td>{f.score:.2f}</td>"
                    f"<td>{esc(f.explanation)}</td><td>{evidence}</td></tr>")
    head = "<tr><th>Frame</th><th>Score</th><th>Why</th><th>Evidence (first four)</th></tr>"
    return f'<table class="rl-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def report_figures(analysis) -> list:
    """The figures the report embeds, in order."""
    return [
        charts.actor_mentions_chart(analysis),
        charts.sourcing_chart(analysis),
        charts.sourcing_chart(analysis, by="side"),
        charts.signal_timeline(analysis),
        charts.paragraph_profile_chart(analysis),
        charts.actor_signal_heatmap(analysis),
        charts.frame_chart(analysis),
    ]


@lru_cache(maxsize=1)
def plotly_bundle_gzip_b64() -> str:
    """plotly.js (the copy the installed plotly package ships), gzip-compressed, base64."""
    from plotly.offline import get_plotlyjs

    return base64.b64encode(gzip.compress(get_plotlyjs().encode("utf-8"), 9, mtime=0)).decode("ascii")


def _safe_json(text: str) -> str:
    """JSON that can sit inside ``<script type="application/json">`` whatever its strings hold."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


#: Unpacks plotly.js once (the browser's own gzip), then draws every figure from its data block.
LOADER = """<script>
(function () {
  var figs = Array.prototype.slice.call(document.querySelectorAll("div.rl-fig"));
  function say(msg) { figs.forEach(function (d) { d.textContent = msg; d.className += " rl-fig-note"; }); }
  function draw() {
    figs.forEach(function (d) {
      var fig = JSON.parse(document.getElementById(d.id + "-data").textContent);
      window.Plotly.newPlot(d, fig.data, fig.layout, {displaylogo: false, responsive: true});
    });
  }
  if (!("DecompressionStream" in window)) {
    say("This browser cannot unpack the charts (it needs Chrome 80, Firefox 113, Safari 16.4 or later).");
    return;
  }
  var bin = atob(JSON.parse(document.getElementById("rl-plotly-gz").textContent));
  var bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(stream).text().then(function (code) {
    var s = document.createElement("script");
    s.text = code;  /* plotly.js itself, from the block above */
    document.head.appendChild(s);
    draw();
  }).catch(function (e) { say("The charts could not be drawn here: " + e); });
})();
</script>"""


def _chart_figure(n: int, fig, drawing: str) -> str:
    """One chart as a ``<figure>``: its title and one-line summary as a visible caption (the
    chart's text alternative; the drawing is described by it), then the plotly drawing.

    The drawing keeps no ``role="img"``: plotly puts buttons inside it (its mode bar), and
    an image holding controls is the ``nested-interactive`` fault axe-core reports.
    """
    return (
        f'<figure class="rl-chart" aria-labelledby="rl-fig-{n}-title">'
        f'<figcaption class="rl-fig-caption"><strong id="rl-fig-{n}-title">{esc(charts.chart_title(fig))}</strong>: '
        f'<span id="rl-fig-{n}-summary">{esc(charts.chart_summary(fig))}</span></figcaption>'
        f"{drawing}</figure>"
    )


def _charts_html(analysis, plotly: str = "compressed") -> str:
    figures = report_figures(analysis)
    if plotly == "inline":
        parts = []
        for n, fig in enumerate(figures):
            html = fig.to_html(full_html=False, include_plotlyjs=(n == 0), default_width="100%",
                               config={"displaylogo": False, "responsive": True})
            parts.append(_chart_figure(n, fig, f'<div aria-describedby="rl-fig-{n}-summary">{html}</div>'))
        return "\n".join(parts)
    parts = []
    for n, fig in enumerate(figures):
        height = fig.layout.height or 450
        parts.append(_chart_figure(n, fig, (
            f'<div id="rl-fig-{n}" class="plotly-graph-div rl-fig" style="height:{int(height)}px" '
            f'aria-describedby="rl-fig-{n}-summary"></div>'
            f'<script type="application/json" id="rl-fig-{n}-data">{_safe_json(fig.to_json())}</script>'
        )))
    parts.append(f'<script type="application/json" id="rl-plotly-gz">"{plotly_bundle_gzip_b64()}"</script>')
    parts.append(LOADER)
    return "\n".join(parts)


def headline(text: str) -> str | None:
    """The article's headline, if its first line is one; else ``None`` (see :func:`rhetoric.layout.structure`).

    "Today, the war in Ukraine ended, at least in a sense." is the first sentence of an
    article without a headline."""
    return layout_headline(text)


#: A feed footer names the article: "The post <title> appeared first on <site>."
_FOOTER_TITLE = re.compile(r"^\s*The post (?P<title>.+?) appeared first on (?P<site>.+?)\.?\s*$", re.S)
#: A file name that is only an id or a hash ("000_7b76e654cdb06023.txt") says nothing to a reader.
_ID_NAME = re.compile(r"^[\d_-]*[0-9a-f]{8,}[\d_-]*$", re.IGNORECASE)


def title_from_footer(analysis) -> str | None:
    """The title a set-aside feed footer gives ("The post <title> appeared first on <site>.")."""
    for part in analysis.set_aside:
        m = _FOOTER_TITLE.match(analysis.text[part.start:part.end])
        if m:
            return f"{m.group('title').strip()} ({m.group('site').strip()})"
    return None


def report_title(analysis) -> str:
    """The headline; else the title a feed footer gives; else the file name, unless it is only an
    id or hash; else "Rhetoric Lab report" with the first words (never a hash, never a whole sentence)."""
    found = headline(analysis.text) or title_from_footer(analysis)
    if found:
        return found if len(found) <= 120 else found[:119] + "…"
    path = analysis.path
    stem = PurePath(path).stem if path else ""
    if stem and not _ID_NAME.match(stem):
        return f"Rhetoric Lab report: {PurePath(path).name}"
    words = analysis.text.split()[:8]
    return "Rhetoric Lab report: “" + " ".join(words) + ("…”" if len(analysis.text.split()) > 8 else "”")


def render_report(analysis, plotly: str = "compressed") -> str:
    """The standalone HTML report of ``analysis`` (a string; write it with UTF-8).

    ``plotly``: ``"compressed"`` (default; about 1.9 MB, needs a browser from 2023 on) or
    ``"inline"`` (the plain bundle; about 5 MB, any browser). Either way plotly.js is in the
    file exactly once and nothing is fetched from the network.
    """
    from . import __version__

    if plotly not in ("compressed", "inline"):
        raise ValueError(f"plotly must be 'compressed' or 'inline', not {plotly!r}")
    records = span_records(analysis)
    heading = report_title(analysis)
    present = [layer for layer in LAYERS if any(r["layer"] == layer for r in records)]
    toggles, toggle_css = _toggles(present)
    summary = "".join(
        f"<span><strong>{n}</strong> {esc(label)}</span>"
        for n, label in (
            (len(analysis.entities), "entity mentions"),
            (len(analysis.actors), "actors"),
            (len(analysis.quotes), "quotes"),
            (len(analysis.signals), "rhetorical signals"),
        )
    )
    meta = f"Rhetoric Lab report{' for ' + esc(analysis.path) if analysis.path else ''} · {count_words(analysis.text)} words"
    warnings = "".join(f'<p class="rl-warn">{esc(w)}</p>' for w in analysis.warnings)
    shown = sorted(records + set_aside_records(analysis), key=lambda r: (r["start"], -(r["end"] - r["start"])))
    article = render_spans(analysis.text, shown, legend=False, style=False,
                           empty_message="The kit found nothing to highlight in this text.")
    return PAGE.format(
        version=esc(__version__),
        title=esc(heading),
        style=tpl.STYLE,
        toggle_css=toggle_css,
        heading=esc(heading),
        meta=meta,
        warnings=warnings,
        summary=summary,
        toggles=toggles,
        legend=legend_html(records),
        article=article,
        quote_table=_quote_table(analysis),
        frame_table=_frame_table(analysis),
        charts=_charts_html(analysis, plotly),
        today=date.today().isoformat(),
    )
