"""String templates for the highlighted article, the legend and the report.

Every ``{field}`` that can hold article text or an explanation is filled with
``html.escape(value, quote=True)`` by the caller (``rhetoric.present.highlight``), which
escapes ``& < > " '``. Colours, pixel sizes and CSS class names come from the kit itself.
The CSS uses ``rl-`` class names only, so it can sit in a notebook output next to
JupyterLab's own styles.

Every outer element that can hold article text (article, empty note, context, status)
carries ``rhetoric.markup.AS_WRITTEN``, so JupyterLab's MathJax shows ``$`` and ``\\`` as written.
"""

from ..markup import AS_WRITTEN
from .palette import color_css

#: Kept for callers of the old absolute layout (displaCy's ``top_offset`` options).
TOP_OFFSET = 27
OFFSET_STEP = 21

#: Sizes (px): article text, labels; labels stay at 14 px or more for a projector.
TEXT_PX = 18
LABEL_PX = 14

STYLE = """<style>""" + color_css() + """
.rl-article{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;
  font-size:18px;color:#111;background:#fff;max-width:62em;overflow-wrap:break-word;}
.rl-para{line-height:1.9;margin:0 0 0.9em 0;}
.rl-grp{display:inline-block;max-width:100%;}
.rl-grp{white-space:nowrap;}
.rl-grp .rl-label{white-space:normal;}
.rl-tok{display:inline-block;vertical-align:baseline;line-height:1.35;cursor:help;}
.rl-w{font-weight:650;}
.rl-bars{display:block;line-height:0;}
.rl-bar{display:block;height:6px;margin:2px -1px 0 -1px;border-radius:1px;}
.rl-label{display:inline-block;font-size:14px;font-weight:700;line-height:1.25;padding:1px 5px;
  margin:0 4px 0 0;border-radius:4px;vertical-align:0.1em;white-space:normal;cursor:help;
  letter-spacing:0.01em;}
.rl-bar.rl-c-quotes{box-shadow:inset 0 -2px 0 #8F8500;}
.rl-label.rl-corrected{outline:2px dashed #111;outline-offset:1px;}
.rl-aside{color:#767676;font-style:italic;}
.rl-aside-label{display:inline-block;font-size:14px;font-weight:600;line-height:1.25;padding:1px 6px;
  margin:0 6px 0 0;border:1px dashed #767676;border-radius:4px;color:#444;background:#f4f4f4;font-style:normal;}
.rl-mark{background:#FFF3B0;outline:2px solid #111;outline-offset:1px;border-radius:2px;}
.rl-legend{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;
  font-size:16px;display:flex;flex-wrap:wrap;gap:8px 16px;margin:0 0 12px 0;align-items:center;}
.rl-legend-title{font-weight:700;}
.rl-chip{display:inline-flex;align-items:center;gap:6px;cursor:help;}
.rl-swatch{display:inline-block;font-size:14px;font-weight:700;padding:1px 5px;border-radius:4px;}
.rl-sample{display:inline-block;width:30px;height:6px;vertical-align:middle;}
.rl-count{color:#555;}
.rl-empty{font-family:system-ui,sans-serif;font-size:16px;color:#444;font-style:italic;margin:4px 0 10px 0;}
.rl-caption{font-family:system-ui,sans-serif;font-size:16px;margin:6px 0 0 0;}
.rl-status{font-family:system-ui,sans-serif;font-size:15px;}
.rl-status.rl-error{color:#A50026;font-weight:600;}
</style>"""

#: The article (or a window of it): paragraphs inside one block.
ARTICLE = '<div class="rl-article ' + AS_WRITTEN + '" lang="{lang}">{content}</div>'

#: One paragraph; ``start`` is its character offset in the article.
PARAGRAPH = '<p class="rl-para" data-start="{start}">{content}</p>'

#: A highlighted word (already wrapped in its ``rl-w`` layers) over its stacked bars.
TOKEN = '<span class="rl-tok" title="{title}">{text}<span class="rl-bars">{bars}</span></span>'

#: One bar under a word, one per span covering it.
BAR = '<span class="rl-bar {classes}"></span>'

#: A span's visible label, in the text flow just before the word it starts on.
LABEL = '<span class="rl-label {classes}" title="{title}">{label}</span>'

#: The label of a part of the text set aside (publisher footer...), not analysed.
ASIDE_LABEL = '<span class="rl-aside-label" title="{title}">{label}</span>'

#: Labels and their first word kept together, so a label never ends a line alone.
GROUP = '<span class="rl-grp">{content}</span>'

#: The legend: one chip per layer or type shown (the kit's own words only, never article text).
LEGEND = '<div class="rl-legend" role="list"><span class="rl-legend-title ' + AS_WRITTEN + '">{title}</span>{chips}</div>'
LEGEND_CHIP = (
    '<span class="rl-chip" role="listitem" title="{description}">'
    '<span class="rl-swatch {cclass}">{label}</span>'
    '<span class="rl-bar rl-sample {cclass}"></span>'
    '{name} <span class="rl-count">({count})</span></span>'
)

#: Shown instead of the article when a filter leaves nothing to highlight.
EMPTY = '<p class="rl-empty ' + AS_WRITTEN + '">{message}</p>'

#: A span shown in context: the paragraph with the span marked, and why it was flagged.
CONTEXT = '<div class="rl-context ' + AS_WRITTEN + '">{article}<p class="rl-caption"><strong>{label}</strong>: {explanation}</p></div>'

#: A one-line status message in a widget.
STATUS = '<span class="rl-status ' + AS_WRITTEN + ' {classes}">{message}</span>'
