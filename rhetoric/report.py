"""A standalone HTML report of one analysis, for sharing and printing.

``render_report(analysis)`` returns one self-contained HTML page: the article with every
highlight layer and a legend, checkboxes that switch layers on and off (pure CSS, so they
work with JavaScript disabled and in print), the quote table, the frame scores and the
charts as interactive plotly figures. plotly.js is embedded inline, so the file opens
offline in any browser, without Jupyter. All article text is escaped.

``python -m rhetoric render FILE -o report.html`` writes it (see ``rhetoric.cli``).
"""

from __future__ import annotations

from datetime import date

from .present import charts
from .present import templates as tpl
from .present.highlight import esc, legend_html, render_spans, span_records
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
  margin:0 auto;padding:24px 32px 60px;max-width:1100px;font-size:17px;line-height:1.5;}}
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
.rl-chart{{margin:10px 0 20px;page-break-inside:avoid;}}
.rl-foot{{color:#555;font-size:14px;margin-top:40px;}}
{toggle_css}
@media print{{.rl-toggle,.rl-layers > label,.rl-toggles-title,.rl-hint{{display:none;}} body{{padding:0;max-width:none;}} h2{{page-break-after:avoid;}}}}
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
        css.append(f"#{ident}:not(:checked) ~ .rl-article .rl-bar.rl-{layer}{{display:none;}}")
    return "".join(boxes), "\n".join(css)


def _quote_table(analysis) -> str:
    if not analysis.quotes:
        return tpl.EMPTY.format(message="The kit found no quotes in this text.")
    rows = []
    for n, q in enumerate(analysis.quotes, 1):
        rows.append(
            "<tr>"
            f"<td>{n}</td><td>{esc(q.speaker or 'none found')}</td><td>{esc(q.side)}</td>"
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


def _charts_html(analysis) -> str:
    parts = []
    for n, fig in enumerate(report_figures(analysis)):
        html = fig.to_html(full_html=False, include_plotlyjs=(n == 0), default_width="100%",
                           config={"displaylogo": False, "responsive": True})
        parts.append(f'<div class="rl-chart">{html}</div>')
    return "\n".join(parts)


def render_report(analysis) -> str:
    """The standalone HTML report of ``analysis`` (a string; write it with UTF-8)."""
    from . import __version__

    records = span_records(analysis)
    first_line = next((ln.strip() for ln in analysis.text.splitlines() if ln.strip()), "")
    heading = first_line if len(first_line) <= 90 else first_line[:89] + "…"
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
    meta = f"Rhetoric Lab report{' for ' + esc(analysis.path) if analysis.path else ''} · {len(analysis.text.split())} words"
    warnings = "".join(f'<p class="rl-warn">{esc(w)}</p>' for w in analysis.warnings)
    article = render_spans(analysis.text, records, legend=False, style=False,
                           empty_message="The kit found nothing to highlight in this text.")
    return PAGE.format(
        version=esc(__version__),
        title=esc(f"Rhetoric Lab report: {heading}"),
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
        charts=_charts_html(analysis),
        today=date.today().isoformat(),
    )
