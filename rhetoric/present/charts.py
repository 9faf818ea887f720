"""Plotly charts of an analysis: who is named, who is heard, where the signals fall.

Every function takes an ``Analysis`` (or plain numbers) and returns a ``go.Figure``, or a
``go.FigureWidget`` when called with ``widget=True`` (for live updates inside ipywidgets;
it needs ``anywidget``). A chart whose layer found nothing still draws: an empty frame
with a one-line note saying so, never an error.

Text from the article (names, snippets, explanations) is HTML-escaped before it goes into
a figure: plotly renders a small set of HTML tags in labels and hover text.

Every chart has a text alternative: its title and a one-line summary in plain words
(``chart_title(fig)``, ``chart_summary(fig)``; kept in ``fig.layout.meta["summary"]``), which
the report prints under the chart and the widgets show as a line of text next to it, so a
screen reader (or a learner who cannot see the colours) reads what the chart shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from html import escape

import plotly.graph_objects as go

from rhetoric.english import counted
from rhetoric.items import SIGNAL_CATEGORIES
from rhetoric.layout import count_words

from .layers import layer_name
from .palette import OKABE_ITO, layer_color, pattern_of, side_color
from .sourcing import sourcing_rows

#: Font sizes chosen to stay legible on a classroom projector.
FONT_SIZE = 16
TITLE_SIZE = 20

#: plotly bar hatching for the palette's bar patterns (``rhetoric.present.palette.pattern_of``).
PLOTLY_PATTERNS = {"dash": "/", "dot": "."}

#: Marker shapes per signal category, so the timeline does not rely on colour alone.
CATEGORY_SYMBOLS = {
    "quotes": "square",
    "reporting_verb": "circle",
    "hedge": "diamond",
    "booster": "triangle-up",
    "loaded": "x",
    "metaphor": "star",
    "agency": "hexagon",
    "author_voice": "cross",
}


def _t(value) -> str:
    """Article text made safe for plotly labels and hover text."""
    return escape("" if value is None else str(value), quote=False)


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _new(widget: bool, title: str, height: int = 420) -> go.Figure:
    fig = go.FigureWidget() if widget else go.Figure()
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "font": {"size": TITLE_SIZE}},
        font={"size": FONT_SIZE},
        height=height,
        margin={"l": 20, "r": 20, "t": 70, "b": 50},
        hoverlabel={"font": {"size": FONT_SIZE - 1}},
    )
    return fig


def _headroom(top: float) -> float:
    """An axis maximum with room for the value printed after the longest bar."""
    return max(1.0, top * 1.15 + 0.5)


def _count_axis(top: float) -> dict:
    """Axis settings for counts: whole numbers only, and room for the printed values."""
    settings = {"range": [0, _headroom(top)], "tickformat": "d"}
    if top <= 8:
        settings["dtick"] = 1
    return settings


def _describe(fig: go.Figure, summary: str) -> go.Figure:
    """Attach the chart's one-line summary (plain text, article words unescaped)."""
    meta = dict(fig.layout.meta) if isinstance(fig.layout.meta, dict) else {}
    meta["summary"] = summary
    fig.layout.meta = meta
    return fig


def chart_title(fig: go.Figure) -> str:
    """The chart's title as plain text (tags and entities removed); ``"Chart"`` if it has none."""
    import re
    from html import unescape

    text = fig.layout.title.text if fig.layout.title else None
    return unescape(re.sub(r"<[^>]+>", " ", text or "")).strip() or "Chart"


def chart_summary(fig: go.Figure) -> str:
    """One plain-text sentence saying what the chart shows (its text alternative)."""
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("summary"):
        return str(meta["summary"])
    return f"{chart_title(fig)}."


def _listing(pairs, limit: int = 3) -> str:
    """ "A (5), B (3) and C (2)" for the first ``limit`` (name, value) pairs."""
    parts = [f"{name} ({value})" for name, value in list(pairs)[:limit]]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _empty(fig: go.Figure, message: str) -> go.Figure:
    """Turn ``fig`` into an empty state that says why it is empty."""
    _describe(fig, message)
    fig.add_annotation(text=_t(message), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font={"size": FONT_SIZE + 2, "color": "#444"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def is_empty(fig: go.Figure) -> bool:
    """True if ``fig`` is an empty-state chart (no data, a note instead)."""
    return not any(len(getattr(tr, "x", None) or getattr(tr, "z", None) or []) for tr in fig.data)


# --------------------------------------------------------------------------------------
# actors


def actor_mentions(analysis) -> list[dict]:
    """Actors with their mention counts, most mentioned first: name, type, side, mentions."""
    rows = [
        {"actor": a.name, "type": a.type, "side": a.side or "unknown", "mentions": len(a.mentions)}
        for a in analysis.actors.values()
        if a.mentions
    ]
    rows.sort(key=lambda r: (-r["mentions"], r["actor"]))
    return rows


def _sides(analysis, rows) -> list[str]:
    """The article's sides in order, then any side a row carries that the list lacks."""
    sides = list(analysis.sides)
    return sides + sorted({r["side"] for r in rows} - set(sides))


def actor_mentions_chart(analysis, top: int = 15, types: set | None = None, widget: bool = False):
    """Horizontal bars: how often each actor is named (top ``top``), coloured and grouped by side."""
    rows = [r for r in actor_mentions(analysis) if types is None or r["type"] in types][:top]
    fig = _new(widget, "Who is named, and how often", height=max(360, 80 + 30 * len(rows)))
    if not rows:
        return _empty(fig, "No actors found in this text.")
    order = [_t(r["actor"]) for r in reversed(rows)]
    for side in _sides(analysis, rows):
        part = [r for r in rows if r["side"] == side]
        if not part:
            continue
        fig.add_bar(
            y=[_t(r["actor"]) for r in part], x=[r["mentions"] for r in part], orientation="h",
            name=side, marker={"color": side_color(side, analysis.sides), "line": {"color": "#333", "width": 1}},
            text=[r["mentions"] for r in part], textposition="outside",
            customdata=[[r["type"], side] for r in part],
            hovertemplate="<b>%{y}</b><br>%{x} mentions<br>%{customdata[0]}, side: %{customdata[1]}<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=order, title=None)
    fig.update_xaxes(title="mentions", **_count_axis(max(r["mentions"] for r in rows)))
    fig.update_traces(cliponaxis=False)
    fig.update_layout(legend_title_text="Side", barmode="overlay")
    return _describe(fig, f"Bars of how often each of {len(rows)} actors is named; most named: "
                          + _listing((r["actor"], r["mentions"]) for r in rows) + ".")


# --------------------------------------------------------------------------------------
# sourcing


def sourcing_by(analysis, by: str = "actor") -> list[dict]:
    """Quotes and quoted words per speaker (``by="actor"``) or per side (``by="side"``).

    Rows as in ``rhetoric.present.sourcing``: ``actor`` (the speaker, or the side's name),
    ``side``, ``quotes``, ``words`` and their ``direct_``/``indirect_`` parts.
    """
    rows = sourcing_rows(analysis)
    if by == "actor":
        return rows
    if by != "side":
        raise ValueError("by must be 'actor' or 'side'")
    agg: dict[str, dict] = {}
    for r in rows:
        a = agg.setdefault(r["side"], {k: 0 for k in r if k not in ("actor", "side")})
        a.update(actor=r["side"], side=r["side"])
        for k, v in r.items():
            if k not in ("actor", "side"):
                a[k] += v
    return sorted(agg.values(), key=lambda r: (-r["words"], r["side"]))


def sourcing_chart(analysis, by: str = "actor", top: int = 12, widget: bool = False):
    """Who gets heard: quotes and quoted words per speaker or per side.

    Solid bars are direct quotes (the speaker's own words); hatched bars are reported
    speech (the writer's paraphrase), stacked on them. Bars are coloured by side.
    """
    from plotly.subplots import make_subplots

    rows = sourcing_by(analysis, by)[:top]
    title = "Who gets heard" + (" (per side)" if by == "side" else "")
    if not rows:
        return _empty(_new(widget, title), "No quotes found in this text.")
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
                        subplot_titles=("Quotes", "Quoted words"))
    if widget:
        fig = go.FigureWidget(fig)
    fig.update_layout(
        template="plotly_white", title={"text": title, "font": {"size": TITLE_SIZE}},
        font={"size": FONT_SIZE}, height=max(380, 130 + 32 * len(rows)),
        margin={"l": 20, "r": 30, "t": 90, "b": 110}, barmode="stack", legend_title_text="Side",
    )
    order = [_t(r["actor"]) for r in reversed(rows)]
    for side in _sides(analysis, rows):
        part = [r for r in rows if r["side"] == side]
        if not part:
            continue
        names = [_t(r["actor"]) for r in part]
        for kind, pattern, label in (("direct", "", "direct"), ("indirect", "/", "reported")):
            marker = {"color": side_color(side, analysis.sides), "line": {"color": "#333", "width": 1},
                      "pattern": {"shape": pattern, "fgcolor": "#fff" if pattern else None}}
            common = dict(orientation="h", marker=marker, legendgroup=side, name=side,
                          showlegend=False)
            fig.add_trace(go.Bar(y=names, x=[r[f"{kind}_quotes"] for r in part],
                                 hovertemplate="<b>%{y}</b><br>%{x} " + label + " quotes<extra></extra>",
                                 **dict(common, showlegend=kind == "direct")), 1, 1)
            fig.add_trace(go.Bar(y=names, x=[r[f"{kind}_words"] for r in part],
                                 hovertemplate="<b>%{y}</b><br>%{x} words in " + label
                                 + " speech<extra></extra>", **common), 1, 2)
    totals_q = [r["quotes"] for r in reversed(rows)]
    totals_w = [r["words"] for r in reversed(rows)]
    for col, totals in ((1, totals_q), (2, totals_w)):
        fig.add_trace(go.Scatter(y=order, x=totals, mode="text", text=[f" {v}" for v in totals],
                                 textposition="middle right", showlegend=False, hoverinfo="skip",
                                 cliponaxis=False), 1, col)
        fig.update_xaxes(row=1, col=col, **_count_axis(max(totals)))
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.add_annotation(text="solid: direct quotes (their own words) · hatched: reported speech (the writer's words)",
                       # in the bottom margin, a fixed distance under the tick labels (never on the axis)
                       x=0, y=0, yshift=-48, yanchor="top", xref="paper", yref="paper", showarrow=False,
                       xanchor="left",
                       font={"size": FONT_SIZE - 2, "color": "#444"})
    who = "side" if by == "side" else "speaker"
    return _describe(fig, f"Quotes and quoted words per {who}, direct and reported; most heard: "
                          + _listing((r["actor"], f"{counted(r['quotes'], 'quote')}, {counted(r['words'], 'word')}")
                                     for r in rows)
                          + ".")


# --------------------------------------------------------------------------------------
# signals


def _signal_items(analysis, include_quotes: bool = False):
    items = [(s.category, s) for s in analysis.signals]
    if include_quotes:
        items += [("quotes", q) for q in analysis.quotes]
    return items


def signal_timeline(analysis, include_quotes: bool = True, widget: bool = False):
    """Where the signals fall: position in the article (%) against signal category.

    Each category has its own row, colour and marker shape; hovering a mark shows the
    words and the explanation.
    """
    fig = _new(widget, "Signals across the article", height=460)
    items = _signal_items(analysis, include_quotes)
    if not items:
        return _empty(fig, "No rhetorical signals found in this text.")
    n = max(1, len(analysis.text))
    order = (["quotes"] if include_quotes else []) + list(SIGNAL_CATEGORIES)
    order += sorted({c for c, _ in items} - set(order))
    for cat in order:
        part = [it for c, it in items if c == cat]
        if not part:
            continue
        fig.add_scatter(
            x=[round(100 * it.start / n, 1) for it in part],
            y=[layer_name(cat)] * len(part),
            mode="markers",
            name=layer_name(cat),
            marker={"color": layer_color(cat), "size": 14, "symbol": CATEGORY_SYMBOLS.get(cat, "circle"),
                    "line": {"color": "#222", "width": 1}},
            customdata=[[_t(_snippet(it.text)), _t(_snippet(it.explanation, 120))] for it in part],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>at %{x}% of the text<extra></extra>",
        )
    present = [layer_name(c) for c in order if any(cc == c for cc, _ in items)]
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(present)), title=None)
    fig.update_xaxes(range=[-2, 102], title="position in the article (% of its length)")
    fig.update_layout(showlegend=False)
    counts = Counter(c for c, _ in items)
    halves = sum(1 for _, it in items if it.start < n / 2)
    return _describe(fig, f"{len(items)} marks across the article, {halves} in its first half and "
                          f"{len(items) - halves} in its second; by kind: "
                          + _listing(((layer_name(c), k) for c, k in counts.most_common()), 8) + ".")


def actor_signal_counts(analysis) -> dict[str, Counter]:
    """For each actor, how many signals of each category concern them or sit in their words."""
    table: dict[str, Counter] = defaultdict(Counter)
    for s in analysis.signals:
        actor = s.actor or s.speaker
        if actor:
            table[actor][s.category] += 1
    return dict(table)


def wrap_header(name: str, width: int = 10) -> str:
    """A column header broken into short lines (``<br>``), so neighbouring headers never run together."""
    name = name.split(" (")[0]  # "Agency (who does what...)" -> "Agency": the legend has the rest
    lines, line = [], ""
    for word in name.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(_t(x) for x in lines)


def actor_signal_heatmap(analysis, top: int = 12, widget: bool = False):
    """Actors (rows) against signal categories (columns): how often each meets each.

    Each cell shows its count as text, so the colour scale is a help, not the only cue.
    """
    table = actor_signal_counts(analysis)
    actors = sorted(table, key=lambda a: (-sum(table[a].values()), a))[:top]
    fig = _new(widget, "Which signals surround which actor", height=max(380, 120 + 36 * len(actors)))
    if not actors:
        return _empty(fig, "No signal in this text is tied to an actor.")
    cats = [c for c in SIGNAL_CATEGORIES if any(table[a][c] for a in actors)]
    cats += sorted({c for a in actors for c in table[a]} - set(cats))
    z = [[table[a][c] for c in cats] for a in actors]
    fig.add_heatmap(
        z=z, x=[wrap_header(layer_name(c)) for c in cats], y=[_t(a) for a in actors], colorscale="Cividis",
        text=z, texttemplate="%{text}", textfont={"size": FONT_SIZE},
        hovertemplate="<b>%{y}</b><br>%{x}: %{z}<extra></extra>", colorbar={"title": {"text": "count"}},
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", tickangle=0)
    fig.update_layout(margin={"t": 110})
    first = actors[0]
    top = max(cats, key=lambda c: table[first][c])
    return _describe(fig, f"Counts of signal kinds around {counted(len(actors), 'actor')}; the most are around "
                          f"{first} ({sum(table[first].values())}, most often {layer_name(top).lower()}).")


def signal_profile(analysis, start: int = 0, end: int | None = None, by_stance: bool = False) -> dict[str, int]:
    """Counts of each signal category in ``text[start:end]`` (every category, zeros included).

    With ``by_stance`` reporting verbs are counted per stance (``"reporting_verb:assertive"``...),
    so swapping *declared* for *said* changes the bars even though the number of verbs does not.
    """
    end = len(analysis.text) if end is None else end
    inside = [s for s in analysis.signals if s.start >= start and s.end <= end]
    counts = Counter(s.category for s in inside)
    out = {c: counts.get(c, 0) for c in SIGNAL_CATEGORIES}
    out.update({c: n for c, n in counts.items() if c not in out})
    if by_stance:
        del out["reporting_verb"]
        stances = Counter(f"reporting_verb:{s.subtype or 'other'}" for s in inside if s.category == "reporting_verb")
        out = {**{k: stances[k] for k in sorted(stances)}, **out}
    return out


def _profile_label(key: str) -> str:
    """"reporting_verb:assertive" -> "Reporting verbs: assertive"; a category -> its name."""
    cat, _, sub = key.partition(":")
    return f"{layer_name(cat)}: {sub.replace('_', ' ')}" if sub else layer_name(cat)


def profile_chart(profiles: Mapping[str, Mapping[str, int]], title: str = "Signal profile",
                  widget: bool = False):
    """Grouped bars comparing signal counts of named versions, e.g. original vs rewrite.

    ``profiles`` maps a version name to ``{category: count}`` (as from ``signal_profile``).
    """
    fig = _new(widget, title, height=420)
    update_profile_chart(fig, profiles)
    return fig


def update_profile_chart(fig: go.Figure, profiles: Mapping[str, Mapping[str, int]]) -> go.Figure:
    """Redraw ``fig`` (a figure from ``profile_chart``) in place for new ``profiles``."""
    split = any(":" in c for p in profiles.values() for c in p)
    cats = [c for c in SIGNAL_CATEGORIES if not (split and c == "reporting_verb")]
    for p in profiles.values():
        cats = [c for c in p if c not in cats and ":" in c] + cats + [c for c in p if c not in cats and ":" not in c]
    cats = list(dict.fromkeys(cats))
    patterns = ["", "/", ".", "x"]
    colors = [OKABE_ITO["grey"], OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"]]
    batch = fig.batch_update() if isinstance(fig, go.FigureWidget) else _null()
    with batch:
        fig.data = []
        fig.layout.annotations = []
        for n, (name, prof) in enumerate(profiles.items()):
            fig.add_bar(x=[_profile_label(c) for c in cats], y=[prof.get(c, 0) for c in cats], name=_t(name),
                        text=[prof.get(c, 0) for c in cats], textposition="outside",
                        marker={"color": colors[n % 4], "pattern": {"shape": patterns[n % 4]},
                                "line": {"color": "#222", "width": 1}},
                        hovertemplate="%{x}: %{y}<extra>" + _t(name) + "</extra>")
        fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.12, "x": 0})
        fig.update_yaxes(title="signals", rangemode="tozero", visible=True, tickformat="d")
        fig.update_xaxes(visible=True)
        if not any(v for p in profiles.values() for v in p.values()):
            fig.add_annotation(text="No signals in this text.", x=0.5, y=0.5, xref="paper", yref="paper",
                               showarrow=False, font={"size": FONT_SIZE + 2, "color": "#444"})
            fig.update_yaxes(range=[0, 1])
        else:
            fig.update_yaxes(autorange=True)
    return _describe(fig, "Signals counted in each version: "
                          + _listing(((name, sum(p.values())) for name, p in profiles.items()), 4) + ".")


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def paragraph_profiles(analysis) -> list[dict]:
    """One row per paragraph: ``number``, ``start``, ``end``, ``words`` and a count per category."""

    rows = []  # the article's paragraphs only: a set-aside footer is not an empty last bar
    for n, (a, b) in enumerate(analysis.paragraphs(), 1):
        row = {"number": n, "start": a, "end": b, "words": count_words(analysis.text[a:b])}
        row.update(signal_profile(analysis, a, b))
        rows.append(row)
    return rows


def paragraph_profile_chart(analysis, widget: bool = False):
    """Stacked bars: the signals of each paragraph, by category (where the rhetoric thickens)."""
    rows = paragraph_profiles(analysis)
    fig = _new(widget, "Signals per paragraph", height=440)
    if not analysis.signals:
        return _empty(fig, "No rhetorical signals found in this text.")
    cats = [c for c in SIGNAL_CATEGORIES if any(r.get(c) for r in rows)]
    for cat in cats:
        fig.add_bar(x=[r["number"] for r in rows], y=[r.get(cat, 0) for r in rows], name=layer_name(cat),
                    marker={"color": layer_color(cat), "line": {"color": "#222", "width": 0.5},
                            # layers sharing a colour (hedges and boosters...) differ by hatching
                            "pattern": {"shape": PLOTLY_PATTERNS.get(pattern_of(cat), ""),
                                        "fgcolor": "#222", "solidity": 0.25}},
                    customdata=[r["words"] for r in rows],
                    hovertemplate="paragraph %{x}: %{y} " + layer_name(cat).lower()
                    + " (%{customdata} words)<extra></extra>")
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(title="paragraph", dtick=1 if len(rows) <= 30 else None)
    fig.update_yaxes(title="signals", tickformat="d", rangemode="tozero")
    busiest = max(rows, key=lambda r: (sum(r.get(c, 0) for c in cats), -r["number"]))
    quiet = sum(1 for r in rows if not any(r.get(c, 0) for c in cats))
    return _describe(fig, f"Signals in each of {len(rows)} paragraphs; paragraph {busiest['number']} has the "
                          f"most ({sum(busiest.get(c, 0) for c in cats)}); {quiet} {'has' if quiet == 1 else 'have'} none.")


# --------------------------------------------------------------------------------------
# frames


def frame_chart(analysis, learner: Mapping[str, float] | None = None, widget: bool = False):
    """The kit's generic-frame scores (bars), with the learner's own coding overlaid (diamonds).

    ``learner`` maps frame names to scores between 0 and 1 (e.g. the share of "yes" answers
    to that frame's questions).
    """
    learner = dict(learner or {})
    title = "Generic frames: the kit and you" if learner else "Generic frames: the kit's scores"
    fig = _new(widget, title, height=420)
    kit = {f.frame: f.score for f in analysis.frames}
    frames = list(kit) + [f for f in learner if f not in kit]
    if not frames:
        return _empty(fig, "No frame scores yet: the kit found no frame evidence here.")
    names = [_t(f.replace("_", " ")) for f in frames]
    expl = {f.frame: _t(_snippet(f.explanation, 120)) for f in analysis.frames}
    if kit:
        fig.add_bar(y=names, x=[kit.get(f, 0) for f in frames], orientation="h", name="Kit",
                    marker={"color": OKABE_ITO["sky_blue"], "line": {"color": "#222", "width": 1}},
                    customdata=[expl.get(f, "") for f in frames],
                    hovertemplate="<b>%{y}</b>: %{x:.2f}<br>%{customdata}<extra>kit</extra>")
    if learner:
        fig.add_scatter(y=names, x=[learner.get(f) for f in frames], mode="markers", name="You",
                        marker={"symbol": "diamond", "size": 18, "color": OKABE_ITO["vermillion"],
                                "line": {"color": "#222", "width": 1.5}},
                        hovertemplate="<b>%{y}</b>: %{x:.2f}<extra>you</extra>")
    fig.update_xaxes(range=[0, 1.05], title="score (0 = absent, 1 = strong)")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(legend={"orientation": "h", "y": 1.1, "x": 0})
    ranked = sorted(kit.items(), key=lambda kv: -kv[1])
    line = "The kit's frame scores (0 to 1): " + (_listing(((f.replace("_", " "), f"{v:.2f}") for f, v in ranked), 3)
                                                 if ranked else "none") + "."
    if learner:
        line += " Diamonds mark your own coding of the same frames."
    return _describe(fig, line)


__all__ = [
    "actor_mentions",
    "actor_mentions_chart",
    "actor_signal_counts",
    "actor_signal_heatmap",
    "chart_summary",
    "chart_title",
    "frame_chart",
    "is_empty",
    "paragraph_profile_chart",
    "paragraph_profiles",
    "profile_chart",
    "signal_profile",
    "signal_timeline",
    "sourcing_by",
    "sourcing_chart",
    "update_profile_chart",
]
