"""String templates for the highlighted article, the legend and the report.

Every ``{field}`` that can hold article text or an explanation is filled with
``html.escape(value, quote=True)`` by the caller (``rhetoric.present.highlight``), which
escapes ``& < > " '``. Colours, pixel sizes and CSS class names come from the kit itself.
The CSS uses ``rl-`` class names only, so it can sit in a notebook output next to
JupyterLab's own styles.
"""

from .palette import color_css

#: Geometry of the stacked underline bars, in px (article text is 18 px).
TOP_OFFSET = 27  # from the top of a word to its first bar
OFFSET_STEP = 21  # from one stacked bar to the next
LABEL_ROOM = 15  # room below the lowest bar for its label

STYLE = """<style>""" + color_css() + """
.rl-article{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;
  font-size:18px;color:#111;background:#fff;max-width:62em;}
.rl-para{line-height:2.7;margin:0 0 0.9em 0;}
.rl-tok{display:inline-block;position:relative;line-height:1.3;font-weight:600;cursor:help;}
.rl-bar{position:absolute;left:-1px;width:calc(100% + 2px);height:5px;}
.rl-bar.rl-start{border-top-left-radius:3px;border-bottom-left-radius:3px;}
.rl-label{position:absolute;left:0;top:-7px;z-index:5;white-space:nowrap;
  font-size:12px;font-weight:700;line-height:1;padding:2px 4px;border-radius:3px;
  letter-spacing:0.02em;box-shadow:0 0 0 1px #fff;}
.rl-tok:hover .rl-label{z-index:20;}
.rl-mark{background:#FFF3B0;outline:2px solid #111;outline-offset:1px;border-radius:2px;}
.rl-legend{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;
  font-size:15px;display:flex;flex-wrap:wrap;gap:6px 14px;margin:0 0 12px 0;align-items:center;}
.rl-legend-title{font-weight:700;}
.rl-chip{display:inline-flex;align-items:center;gap:5px;cursor:help;}
.rl-swatch{display:inline-block;font-size:12px;font-weight:700;padding:2px 5px;border-radius:3px;}
.rl-count{color:#555;}
.rl-empty{font-family:system-ui,sans-serif;font-size:16px;color:#444;font-style:italic;margin:4px 0 10px 0;}
.rl-caption{font-family:system-ui,sans-serif;font-size:16px;margin:6px 0 0 0;}
.rl-status{font-family:system-ui,sans-serif;font-size:15px;}
.rl-status.rl-error{color:#A50026;font-weight:600;}
</style>"""

#: The article (or a window of it): paragraphs inside one block.
ARTICLE = '<div class="rl-article" lang="{lang}">{content}</div>'

#: One paragraph; ``start`` is its character offset in the article.
PARAGRAPH = '<p class="rl-para" data-start="{start}">{content}</p>'

#: A highlighted word: its text, the bars under it and the labels of spans that start on it.
TOKEN = (
    '<span class="rl-tok {classes}" style="height:{height}px;{extra_style}" title="{title}">'
    "{text}{bars}</span>"
)

#: A bar under a word, one per span covering it, stacked by slot.
BAR = '<span class="rl-bar {classes}" style="top:{top}px"></span>'

#: The first bar of a span also carries the span's visible label.
BAR_START = (
    '<span class="rl-bar rl-start {classes}" style="top:{top}px">'
    '<span class="rl-label {cclass}">{label}</span></span>'
)

#: The legend: one chip per layer or type shown.
LEGEND = '<div class="rl-legend" role="list"><span class="rl-legend-title">{title}</span>{chips}</div>'
LEGEND_CHIP = (
    '<span class="rl-chip" role="listitem" title="{description}">'
    '<span class="rl-swatch" style="background:{bg};color:{fg}">{label}</span>'
    '{name} <span class="rl-count">({count})</span></span>'
)

#: Shown instead of the article when a filter leaves nothing to highlight.
EMPTY = '<p class="rl-empty">{message}</p>'

#: A span shown in context: the paragraph with the span marked, and why it was flagged.
CONTEXT = '<div class="rl-context">{article}<p class="rl-caption"><strong>{label}</strong>: {explanation}</p></div>'

#: A one-line status message in a widget.
STATUS = '<span class="rl-status {classes}">{message}</span>'
