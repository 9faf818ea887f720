"""ipywidgets builders: the interactive views of the notebooks.

Each builder is a small class. ``.widget`` is the ipywidgets object to display (a notebook
cell that ends with the builder shows it too); the controls are attributes, so a test or
a teacher's script can set one and read ``.html`` or ``.figure``:

    >>> h = EntityHighlighter(analysis)
    >>> h.labels.value = ("PERSON",)
    >>> "PERSON" in h.html
    True

Rules every builder follows:

* parse once, filter many times: the analysis is done before a builder is made, and
  filter callbacks only filter precomputed span records and re-render (well under 100 ms
  on the seed; ``benchmarks/widgets.py`` measures it);
* a callback never raises into the kernel: errors become one line in the ``status`` area;
* every control has a ``description`` label, for screen readers and for the projector;
* every piece of article text is escaped (see ``rhetoric.present.highlight``).
"""

from __future__ import annotations

import copy
import functools
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import ipywidgets as W

from rhetoric.contrast import differences
from rhetoric.items import SIGNAL_CATEGORIES
from rhetoric.markup import AS_WRITTEN
from rhetoric.rewrite import describe

from . import charts
from . import templates as tpl
from .highlight import (
    NOT_A_NAME,
    esc,
    filter_spans,
    record_in_context,
    render_spans,
    set_aside_records,
    span_records,
)
from .layers import LAYERS, layer_name

_WIDE = W.Layout(width="100%")
_DESC = {"description_width": "initial"}
#: Buttons as wide as their label: the default fixed width cuts labels ("Analyse my re…").
_FIT = W.Layout(width="auto", min_width="max-content")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reliability_html() -> str:
    """The kit's measured reliability per layer, in words (``rhetoric.reliability``); empty if unmeasured."""
    from rhetoric import reliability

    said = [(layer_name(layer), reliability.sentence(layer)) for layer in LAYERS]
    items = "".join(f"<li><b>{esc(name)}.</b> {esc(s)}</li>" for name, s in said if s)
    return (f"<details class='rl-reliability {AS_WRITTEN}'><summary>How often the kit is right</summary><ul>{items}</ul></details>"
            if items else "")


def status_html(message: str, error: bool = False) -> str:
    """One escaped status line (red and bold for errors)."""
    return tpl.STATUS.format(classes="rl-error" if error else "", message=esc(message))


class _Builder:
    """Shared plumbing: a status line, safe callbacks, timings, notebook display."""

    widget: W.Widget

    def __init__(self) -> None:
        self.status = W.HTML(value="", layout=W.Layout(min_height="1.6em"))
        #: Slowest run of each callback so far, in seconds of wall-clock time, and in seconds
        #: of this process's CPU time (the same on an idle machine; steadier on a busy one).
        self.timings: dict[str, float] = {}
        self.cpu_timings: dict[str, float] = {}
        self.errors: list[str] = []

    def _safe(self, name: str, fn: Callable) -> Callable:
        """Wrap a callback: time it; on any error show one line instead of raising."""

        @functools.wraps(fn)
        def run(*args, **kwargs):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            except Exception as exc:
                msg = _error_line(exc)
                self.errors.append(msg + "\n" + traceback.format_exc(limit=3))
                self.say(msg, error=True)
                return None
            finally:
                dt, dc = time.perf_counter() - t0, time.process_time() - c0
                self.timings[name] = max(self.timings.get(name, 0.0), dt)
                self.cpu_timings[name] = max(self.cpu_timings.get(name, 0.0), dc)

        return run

    def say(self, message: str, error: bool = False) -> None:
        """Show one line in the status area."""
        self.status.value = status_html(message, error)

    @property
    def status_text(self) -> str:
        """The status line as plain text (for tests)."""
        import re
        from html import unescape

        return unescape(re.sub(r"<[^>]+>", "", self.status.value))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _error_line(exc: Exception) -> str:
    from rhetoric.intake import InputError

    if isinstance(exc, InputError):
        return str(exc).splitlines()[0] if str(exc) else "that input cannot be analysed"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"Something went wrong ({type(exc).__name__}{': ' + text if text else ''}). Nothing was lost; try again."


class FigureBox:
    """A chart area that draws in JupyterLab *and* Voila: an ``Output`` showing a plain ``go.Figure``.

    plotly's ``FigureWidget`` (anywidget) did not initialise under Voila 0.5 here, so the
    widgets redraw an ordinary figure instead; ``figure`` is that figure, updated in place.
    Under the chart, a line of text gives its title and one-line summary (``charts.chart_summary``):
    the chart's text alternative for a screen reader.
    """

    def __init__(self, figure=None) -> None:
        self.figure = figure
        self.widget = W.Output(layout=W.Layout(width="100%"))
        self.redraw()

    def redraw(self) -> None:
        """Show the current state of ``figure``."""
        from IPython import get_ipython
        from IPython.display import HTML, display

        if self.figure is None or get_ipython() is None:  # nothing yet, or no notebook to draw in
            return
        self.widget.clear_output(wait=True)
        with self.widget:
            display(self.figure)
            display(HTML(chart_caption_html(self.figure)))


def chart_caption_html(figure) -> str:
    """The text alternative shown under a chart: its title, then its one-line summary (escaped)."""
    return (f'<p class="rl-caption rl-chart-summary {AS_WRITTEN}"><strong>{esc(charts.chart_title(figure))}:</strong> '
            f"{esc(charts.chart_summary(figure))}</p>")


def scroll_pane(html: str, label: str, height: str = "640px") -> str:
    """``html`` in a pane that scrolls beyond ``height``, reachable and scrollable by keyboard.

    The pane is a named region (``aria-label``, escaped) with ``tabindex="0"``: Tab reaches it
    and the arrow keys scroll it (axe-core's rule ``scrollable-region-focusable``).
    """
    return (f'<div class="rl-pane" role="region" tabindex="0" aria-label="{esc(label)}" '
            f'style="max-height:{height};overflow:auto">{html}</div>')


def _count_options(counts: Counter, names: dict | None = None, unit: str = "") -> list[tuple[str, str]]:
    """Options "name (n unit)", most first; ``unit`` says what is counted ("highlights", "quotes")."""
    names = names or {}
    u = f" {unit}" if unit else ""
    return [(f"{names.get(k, k)} ({n}{u})", k) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


# ======================================================================================


class EntityHighlighter(_Builder):
    """The article with its named entities highlighted, filtered by type and by actor.

    Controls: ``labels`` (entity types; all selected at first) and ``actors`` (none
    selected means every actor). Output: ``html``.
    """

    def __init__(self, analysis) -> None:
        super().__init__()
        self.analysis = analysis
        self.records = [r for r in span_records(analysis) if r["layer"] == "entities"]
        label_counts = Counter(r["key"] for r in self.records)
        actor_counts = Counter(r["actor"] for r in self.records if r["actor"])
        self.labels = W.SelectMultiple(options=_count_options(label_counts, {NOT_A_NAME: "not a name (the model's mistakes)"},
                                                              unit="mentions"), value=tuple(label_counts),
                                       description="Entity types", rows=min(8, max(2, len(label_counts))),
                                       style=_DESC)
        self.actors = W.SelectMultiple(options=_count_options(actor_counts, unit="mentions"), value=(),
                                       description="Actors (none = all)", rows=8, style=_DESC)
        self.output = W.HTML()
        update = self._safe("entity_filter", self.update)
        self.labels.observe(lambda ch: update(), "value")
        self.actors.observe(lambda ch: update(), "value")
        self.widget = W.VBox([W.HBox([self.labels, self.actors]), self.status, self.output])
        self.update()

    def update(self) -> None:
        spans = filter_spans(self.records, labels=self.labels.value, actors=self.actors.value or None)
        self.output.value = render_spans(self.analysis.text, spans,
                                         empty_message="No entities match these filters.")
        self.say(f"{len(spans)} of {len(self.records)} entity mentions shown.")

    @property
    def html(self) -> str:
        """The current highlighted article (HTML)."""
        return self.output.value


# ======================================================================================


def _quote_option(q) -> str:
    who = q.speaker or "no speaker"
    kind = {"direct": "", "transcript": " (transcript)", "indirect": " (reported)", "scare": " (scare quotes)"}.get(q.kind, "")
    if getattr(q, "negated", False):
        kind += " (did not say)"
    return f"{who}{kind}: “{_short(q.text, 60)}”"


def quote_details_html(q) -> str:
    """A short escaped summary of one quote: speaker, cue, channel, kind, side."""
    parts = [("Speaker", q.speaker or "none found"), ("Said through", q.cue),
             ("Channel", q.channel), ("Kind", q.kind), ("Side", q.side),
             ("Relayed by", q.relayed_by and (f"{q.relayed_by} ({q.relay_channel})" if q.relay_channel else q.relayed_by))]
    cells = "".join(f"<li><strong>{esc(k)}:</strong> {esc(v)}</li>" for k, v in parts if v)
    return f'<ul class="rl-caption {AS_WRITTEN}" style="margin:4px 0 0 0">{cells}</ul>'


class QuoteExplorer(_Builder):
    """Who is quoted, saying what: filter quotes by speaker or side; choose one to see it in context.

    Controls: ``speaker`` and ``side`` (``None`` = all), ``quote`` (index into
    ``analysis.quotes``). Outputs: ``html`` (the chosen quote in its paragraph with its
    explanation) and ``quote.options`` (the quotes that pass the filters).
    """

    def __init__(self, analysis) -> None:
        super().__init__()
        self.analysis = analysis
        quotes = analysis.quotes
        speakers = Counter(q.speaker or "(no speaker)" for q in quotes)
        sides = Counter(q.side or "unknown" for q in quotes)
        # index=0, not value=None: a Dropdown given value None shows a blank box in the browser
        self.speaker = W.Dropdown(options=[("All speakers", None)] + _count_options(speakers, unit="quotes"),
                                  index=0, description="Speaker", style=_DESC)
        self.side = W.Dropdown(options=[("All sides", None)] + _count_options(sides, unit="quotes"),
                               index=0, description="Side", style=_DESC)
        self.quote = W.Select(options=[], description="Quote", rows=8, style=_DESC, layout=_WIDE)
        self.output = W.HTML()
        refilter = self._safe("quote_filter", self.refilter)
        show = self._safe("quote_select", self.show)
        self.speaker.observe(lambda ch: refilter(), "value")
        self.side.observe(lambda ch: refilter(), "value")
        self.quote.observe(lambda ch: show(), "value")
        self.widget = W.VBox([W.HBox([self.speaker, self.side]), self.quote, self.status, self.output])
        self.refilter()

    def matching(self) -> list[int]:
        """Indexes of the quotes that pass the speaker and side filters."""
        out = []
        for i, q in enumerate(self.analysis.quotes):
            if self.speaker.value is not None and (q.speaker or "(no speaker)") != self.speaker.value:
                continue
            if self.side.value is not None and (q.side or "unknown") != self.side.value:
                continue
            out.append(i)
        return out

    def refilter(self) -> None:
        idx = self.matching()
        quotes = self.analysis.quotes
        self.quote.options = [(_quote_option(quotes[i]), i) for i in idx]
        if not quotes:
            self.output.value = tpl.STYLE + tpl.EMPTY.format(message="No quotes found in this text.")
            self.say("No quotes found in this text.")
            return
        if idx:
            self.quote.value = idx[0]
            self.show()
        else:
            self.output.value = tpl.STYLE + tpl.EMPTY.format(message="No quote matches these filters.")
        self.say(f"{len(idx)} of {len(quotes)} quotes match.")

    def show(self) -> None:
        i = self.quote.value
        if i is None:
            return
        q = self.analysis.quotes[i]
        rec = next((r for r in span_records_cached(self.analysis)
                    if r["layer"] == "quotes" and r["index"] == i), None)
        if rec is None:
            return
        self.output.value = record_in_context(self.analysis, rec) + quote_details_html(q)

    @property
    def html(self) -> str:
        """The chosen quote in context (HTML)."""
        return self.output.value


def span_records_cached(analysis) -> list[dict]:
    """``span_records`` computed once per analysis object (kept on the analysis itself)."""
    cache = getattr(analysis, "_rl_span_records", None)
    # records carry each actor's side: a side the learner sets makes them stale
    key = (len(analysis.entities), len(analysis.quotes), len(analysis.signals),
           tuple((name, actor.side) for name, actor in analysis.actors.items()))
    if cache is None or cache[0] != key:
        cache = (key, span_records(analysis))
        try:
            object.__setattr__(analysis, "_rl_span_records", cache)
        except Exception:
            pass
    return cache[1]


# ======================================================================================


class SignalToggles(_Builder):
    """The article with one checkbox per signal layer (and quotes): tick to highlight.

    Controls: ``toggles[layer]`` (a Checkbox per layer). Output: ``html``.
    """

    def __init__(self, analysis, layers: Iterable[str] = ("quotes",) + tuple(SIGNAL_CATEGORIES),
                 on: Iterable[str] | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.layers = tuple(layers)
        self.records = [r for r in span_records_cached(analysis) if r["layer"] in self.layers]
        counts = Counter(r["layer"] for r in self.records)
        on = set(self.layers if on is None else on)
        self.toggles = {
            layer: W.Checkbox(value=layer in on, description=f"{layer_name(layer)} ({counts.get(layer, 0)})",
                              indent=False, layout=W.Layout(width="auto"))
            for layer in self.layers
        }
        self.output = W.HTML()
        update = self._safe("signal_toggle", self.update)
        for box in self.toggles.values():
            box.observe(lambda ch: update(), "value")
        self.widget = W.VBox([W.HBox(list(self.toggles.values()), layout=W.Layout(flex_flow="row wrap")),
                              self.status, self.output])
        self.update()

    @property
    def active(self) -> list[str]:
        """The layers ticked now."""
        return [layer for layer, box in self.toggles.items() if box.value]

    def update(self) -> None:
        spans = filter_spans(self.records, layers=self.active)
        msg = ("No signals of the ticked kinds in this text." if self.active
               else "Tick a layer to highlight it.")
        self.output.value = render_spans(self.analysis.text, spans, empty_message=msg)
        self.say(f"{len(spans)} highlights shown.")

    @property
    def html(self) -> str:
        return self.output.value


# ======================================================================================


def busiest_paragraph(analysis) -> tuple[int, int]:
    """``(start, end)`` of the paragraph with the most signals (the first one if none)."""
    bounds = analysis.paragraphs() or [(0, len(analysis.text))]
    scores = [sum(1 for s in analysis.signals if a <= s.start < b) for a, b in bounds]
    best = max(range(len(bounds)), key=lambda i: (scores[i], -i))
    return bounds[best]


def _analyse_alone(text: str, analysis, start: int, end: int):
    """``text`` analysed on its own; falls back to the slice of ``analysis`` if it cannot be."""
    from rhetoric.analysis import analyze
    from rhetoric.intake import InputError

    try:
        return analyze(text)
    except InputError:
        sliced = copy.copy(analysis)
        sliced.signals = [s for s in analysis.signals if s.start >= start and s.end <= end]
        return sliced


def changes_html(changes) -> str:
    """The list of what a rewrite changed, quote warnings first and marked as warnings (escaped)."""
    if not changes:
        return ""
    items = []
    for c in changes:
        if c.category == "quote":
            items.append(f"<li><strong>Careful:</strong> {esc(c.sentence)}</li>")
        else:
            items.append(f"<li>{esc(c.sentence)}</li>")
    return (f"<div class='rl-rewrite-changes {AS_WRITTEN}' style='font-family:sans-serif;line-height:1.45'>"
            "<strong>What your rewrite changed</strong><ul style='margin:2px 0'>" + "".join(items) + "</ul></div>")


class RewriteFrame(_Builder):
    """"Rewrite the frame": edit a paragraph, re-analyse it, watch its signal profile change.

    The Textarea holds the paragraph (the busiest one by default). Both the original and
    the rewrite are analysed on their own, so the bars differ only where the text does.
    Re-analysis runs when
    the learner presses the button or leaves the text box (``continuous_update=False``), never
    on every keystroke. ``rewrite(text)`` does the same from Python. Outputs: ``figure``
    (original vs rewrite), ``html`` (the rewrite highlighted), ``rewritten`` (its Analysis).
    """

    def __init__(self, analysis, start: int | None = None, end: int | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        if start is None or end is None:
            start, end = busiest_paragraph(analysis)
        self.start, self.end = start, end
        self.original_text = analysis.text[start:end]
        # The baseline is the paragraph analysed on its own, exactly as the rewrite will be,
        # so an unchanged paragraph gives identical bars and every difference is the edit's.
        self.original_analysis = _analyse_alone(self.original_text, analysis, start, end)
        self.original = charts.signal_profile(self.original_analysis, by_stance=True)
        self.changes: list = []  # rhetoric.rewrite.Change, what the last rewrite changed
        self.rewritten = None
        self.textarea = W.Textarea(value=self.original_text, description="Your rewrite",
                                   continuous_update=False, rows=7, layout=_WIDE, style=_DESC)
        self.button = W.Button(description="Analyse my rewrite", icon="refresh", button_style="primary",
                               tooltip="Re-analyse the text in the box and update the chart", layout=_FIT)
        self.reset = W.Button(description="Back to the original", icon="undo",
                              tooltip="Put the original paragraph back", layout=_FIT)
        self.figure = charts.profile_chart({"Original": self.original, "Your rewrite": self.original},
                                           title="Signals: original paragraph vs your rewrite")
        self.chart = FigureBox(self.figure)
        self.output = W.HTML()
        self.changed = W.HTML()
        run = self._safe("rewrite_analyse", self._run)
        self.button.on_click(lambda b: run())
        self.textarea.observe(lambda ch: run(), "value")
        self.reset.on_click(lambda b: setattr(self.textarea, "value", self.original_text))
        self.widget = W.VBox([self.textarea, W.HBox([self.button, self.reset]), self.status,
                              self.changed, self.chart.widget, self.output])
        self._last = None
        self._run()

    def rewrite(self, text: str) -> None:
        """Put ``text`` in the box and analyse it (as if the learner had typed it)."""
        if self.textarea.value == text:
            self._safe("rewrite_analyse", self._run)()
        else:
            self.textarea.value = text  # the observer runs the analysis

    def _run(self) -> None:
        from rhetoric.analysis import analyze

        text = self.textarea.value
        if text == self._last:
            return
        self._last = text
        if not text.strip():
            self.say("The box is empty: write or paste a paragraph, then press the button.", error=True)
            return
        t0 = time.perf_counter()
        self.rewritten = analyze(text)
        profile = charts.signal_profile(self.rewritten, by_stance=True)
        charts.update_profile_chart(self.figure, {"Original": self.original, "Your rewrite": profile})
        self.chart.redraw()
        spans = [r for r in span_records(self.rewritten) if r["layer"] != "entities"]
        self.output.value = render_spans(text, spans, empty_message="No signals in your rewrite.")
        self.changes = describe(self.original_text, self.original_analysis, text, self.rewritten)
        self.changed.value = changes_html(self.changes)
        n = len(self.changes)
        before, after = sum(self.original.values()), sum(profile.values())
        self.say(f"Analysed in {1000 * (time.perf_counter() - t0):.0f} ms: {before} signals in the original, "
                 f"{after} in your rewrite; " + ("nothing changed." if not n else
                                                 f"{n} change{'s' if n != 1 else ''}, listed below."))

    @property
    def html(self) -> str:
        return self.output.value


# ======================================================================================


def _article_name(analysis, fallback: str) -> str:
    first = next((ln.strip() for ln in analysis.text.splitlines() if ln.strip()), "")
    return f"{fallback}: {_short(first, 40)}"


#: The charts the explorer offers: key -> (menu title, function of an Analysis).
EXPLORER_CHARTS = {
    "mentions": ("Who is named, and how often", charts.actor_mentions_chart),
    "sourcing": ("Who gets heard (per speaker)", charts.sourcing_chart),
    "sourcing_side": ("Who gets heard (per side)", lambda a: charts.sourcing_chart(a, by="side")),
    "timeline": ("Signals across the article", charts.signal_timeline),
    "paragraphs": ("Signals per paragraph", charts.paragraph_profile_chart),
    "heatmap": ("Which signals surround which actor", charts.actor_signal_heatmap),
    "frames": ("Generic frames", charts.frame_chart),
}


#: A text longer than this is shown by the explorer's whole-article view one part at a time (parts
#: cut between paragraphs): drawing a whole report or book chapter at once would make the browser
#: crawl. The analysis itself always covers the whole text; the explorer says which part is shown.
EXPLORER_PART_CHARS = 100_000


class ArticleView:
    """One analysed article with everything the explorer precomputes for it (no parsing)."""

    def __init__(self, name: str, analysis) -> None:
        from rhetoric.intake import chunk_bounds

        self.name = name
        self.analysis = analysis
        self._records = span_records_cached(analysis)
        to_original = getattr(analysis, "original_span", lambda s, e: (s, e))  # the doc indexes the normalised view
        spans = (to_original(s.start_char, s.end_char) for s in analysis.doc.sents)
        self.sentences = [(s, e) for s, e in spans if analysis.text[s:e].strip()] or [(0, len(analysis.text))]
        self.paragraphs = analysis.paragraphs() or [(0, len(analysis.text))]
        n = len(analysis.text)
        self.parts = chunk_bounds(analysis.text, EXPLORER_PART_CHARS) if n > EXPLORER_PART_CHARS else None

    def paragraph_of(self, offset: int) -> int:
        """The 1-based number (¶) of the paragraph holding character ``offset``."""
        for n, (_start, end) in enumerate(self.paragraphs, 1):
            if offset < end:
                return n
        return len(self.paragraphs)

    def part_of(self, offset: int) -> int:
        """Index in ``parts`` of the part holding ``offset`` (long texts only)."""
        return next((k for k, (_, b) in enumerate(self.parts) if offset < b), len(self.parts) - 1)

    @property
    def records(self) -> list[dict]:
        """The span records, recomputed only when an actor's side has changed."""
        self._records = span_records_cached(self.analysis)
        return self._records


class Explorer(_Builder):
    """The dashboard: every layer of one or two articles, with filters and explanations.

    Controls: ``article`` and ``compare`` (which analysed articles to show; ``compare``
    ``None`` = one article), ``toggles[layer]`` (Checkboxes), ``actors`` and ``sides``
    (SelectMultiple; none selected = all), ``view`` ("article" or "sentence"),
    ``sentence`` (1-based), ``highlight`` (index into ``shown``, the records on view), the
    own-article ``paste`` Textarea with ``analyse_button``, ``upload`` (a .txt file),
    ``chart_choice`` (the Charts tab; drawn when the tab opens), ``folder`` and the three
    export buttons.

    Python API (what the buttons call): ``add_text(text, name)``, ``add_file(name, raw)``,
    ``export(kind)``, ``show_chart(key)``; outputs ``html`` (main pane), ``compare_html``,
    ``detail_html``, ``chart_figure``.
    """

    def __init__(self, analysis=None, name: str | None = None, others: dict | None = None) -> None:
        super().__init__()
        self.views: dict[str, ArticleView] = {}
        self._own = 0
        self._quiet = False
        self.shown: list[dict] = []
        self._html_cache: dict[tuple, str] = {}

        self.article = W.Dropdown(options=[], description="Article", style=_DESC, layout=W.Layout(width="48%"))
        self.compare = W.Dropdown(options=[("(none)", None)], index=0, description="Side by side with",
                                  style=_DESC, layout=W.Layout(width="48%"))
        self.toggles = {layer: W.Checkbox(value=layer != "entities", description=layer_name(layer), indent=False,
                                          layout=W.Layout(width="auto")) for layer in LAYERS}
        self.actors = W.SelectMultiple(options=[], value=(), description="Actors (none = all)", rows=6,
                                       style=_DESC)
        self.sides = W.SelectMultiple(options=[], value=(), description="Sides (none = all)", rows=6,
                                      style=_DESC)
        self.side_actor = W.Dropdown(options=[], description="Actor", style=_DESC,
                                     tooltip="Choose an actor to say which side they are on")
        self.side_value = W.Combobox(options=["unknown"], value="unknown", description="is on the side of",
                                     placeholder="choose or type a side", ensure_option=False,
                                     continuous_update=False, style=_DESC,
                                     tooltip="The side of the chosen actor: choose one, or type a new one and press Enter")
        self.view = W.ToggleButtons(options=[("Whole article", "article"), ("One paragraph", "paragraph"),
                                             ("One sentence", "sentence")],
                                    value="article", description="Show", style=_DESC)
        self.paragraph = W.BoundedIntText(value=1, min=1, max=1, description="¶", style=_DESC,
                                          layout=W.Layout(width="110px"))
        self.sentence = W.BoundedIntText(value=1, min=1, max=1, description="Sentence", style=_DESC,
                                         layout=W.Layout(width="170px"))
        self.prev_button = W.Button(description="Previous", icon="arrow-left", tooltip="Previous paragraph or sentence",
                                    layout=W.Layout(width="auto"))
        self.next_button = W.Button(description="Next", icon="arrow-right", tooltip="Next paragraph or sentence",
                                    layout=W.Layout(width="auto"))
        self.highlight = W.Select(options=[], description="Highlights", rows=7, style=_DESC, layout=_WIDE)
        # the panes scroll inside their HTML (``scroll_pane``), where they can take keyboard focus
        self.output = W.HTML(layout=W.Layout(width="100%"))
        self.compare_output = W.HTML(layout=W.Layout(width="100%"))
        self.detail = W.HTML()

        self.paste = W.Textarea(value="", placeholder="Paste the text of an article here",
                                description="Your article", rows=8, layout=_WIDE, style=_DESC)
        self.analyse_button = W.Button(description="Analyse this text", icon="play", button_style="primary",
                                        layout=_FIT)
        self.upload = W.FileUpload(accept=".txt,text/plain", multiple=False, description="Upload a .txt")
        self.chart_choice = W.Dropdown(options=[(title, key) for key, (title, _) in EXPLORER_CHARTS.items()],
                                       value="mentions", description="Chart", style=_DESC)
        self.chart = FigureBox()
        self.folder = W.Text(value="exports", description="Export folder", style=_DESC)
        self.export_buttons = {
            "json": W.Button(description="Export JSON", icon="download", layout=_FIT),
            "csv": W.Button(description="Export CSV", icon="download", layout=_FIT),
            "html": W.Button(description="Export HTML report", icon="download", layout=_FIT),
        }

        refresh = self._safe("explorer_filter", self.refresh)
        for box in self.toggles.values():
            box.observe(lambda ch: refresh(), "value")
        self.paragraph.observe(lambda ch: None if self._quiet else self._go_to_paragraph(), "value")
        for ctl in (self.actors, self.sides, self.view, self.sentence, self.compare):
            ctl.observe(lambda ch: None if self._quiet else refresh(), "value")
        self.article.observe(lambda ch: None if self._quiet else self._safe("explorer_article", self._switch)(),
                             "value")
        self.prev_button.on_click(lambda b: self._safe("explorer_step", self.step)(-1))
        self.next_button.on_click(lambda b: self._safe("explorer_step", self.step)(1))
        self.highlight.observe(lambda ch: self._safe("explorer_select", self.explain)(), "value")
        self.side_actor.observe(lambda ch: None if self._quiet else self._show_actor_side(), "value")
        self.side_value.observe(lambda ch: None if self._quiet else self._safe("explorer_side", self._apply_side)(),
                                "value")
        self.analyse_button.on_click(lambda b: self._safe("explorer_own", self._analyse_paste)())
        self.upload.observe(lambda ch: self._safe("explorer_upload", self._on_upload)(), "value")
        for kind, button in self.export_buttons.items():
            button.on_click(lambda b, kind=kind: self._safe("explorer_export", self.export)(kind))

        self.reliability = W.HTML(reliability_html())  # how often each layer is right, in words
        self.differences = W.HTML()
        panes = W.HBox([self.output, self.compare_output], layout=W.Layout(width="100%"))
        explore = W.VBox([
            W.HBox([self.article, self.compare]),
            W.HBox(list(self.toggles.values()), layout=W.Layout(flex_flow="row wrap")),
            self.reliability,
            W.HBox([self.actors, self.sides]),
            W.HBox([W.HTML("<b>Set a side:</b>"), self.side_actor, self.side_value],
                   layout=W.Layout(flex_flow="row wrap", align_items="center")),
            W.HBox([self.view, self.paragraph, self.sentence, self.prev_button, self.next_button],
                   layout=W.Layout(flex_flow="row wrap", align_items="center")),
            self.differences,
            panes,
            self.highlight,
            self.detail,
        ])
        own = W.VBox([W.HTML("<p>Paste an article, or upload a plain-text (.txt) file. "
                             "The kit analyses it once; then every view works on it.</p>"),
                      self.paste, W.HBox([self.analyse_button, self.upload])])
        export = W.VBox([W.HTML("<p>Write the analysis of the article on view to files.</p>"), self.folder,
                         W.HBox(list(self.export_buttons.values()))])
        chart_tab = W.VBox([W.HTML("<p>Charts of the article on view (choose it in the Explore tab).</p>"),
                            self.chart_choice, self.chart.widget])
        self.tabs = W.Tab(children=[explore, chart_tab, own, export])
        for i, title in enumerate(("Explore", "Charts", "Your own article", "Export")):
            self.tabs.set_title(i, title)
        draw = self._safe("explorer_chart", self.show_chart)
        self.chart_choice.observe(lambda ch: draw(), "value")
        self.tabs.observe(lambda ch: draw() if ch["new"] == 1 else None, "selected_index")
        self.widget = W.VBox([self.status, self.tabs])

        if analysis is not None:
            self.add_analysis(analysis, name or _article_name(analysis, "Article"), select=True)
        for other_name, other in (others or {}).items():
            self.add_analysis(other, other_name, select=False)
        if analysis is None:
            self.refresh()

    # -- articles ----------------------------------------------------------------------

    @property
    def current(self) -> ArticleView | None:
        return self.views.get(self.article.value)

    def add_analysis(self, analysis, name: str, select: bool = True) -> str:
        """Add an analysed article to the choices (and show it if ``select``)."""
        base, n = name, 2
        while name in self.views:
            name, n = f"{base} ({n})", n + 1
        self.views[name] = ArticleView(name, analysis)
        self._quiet = True
        try:
            self.article.options = list(self.views)
            kept = self.compare.value
            self.compare.options = [("(none)", None)] + [(k, k) for k in self.views]
            self.compare.index = 0 if kept is None else self.compare.index  # never a blank box
            if select or self.article.value is None:
                self.article.value = name
        finally:
            self._quiet = False
        self._switch()
        return name

    def add_text(self, text: str, name: str | None = None) -> str | None:
        """Analyse ``text`` (the learner's own article) and show it; returns its name, or
        ``None`` after showing a one-line message if the text cannot be analysed."""
        from rhetoric.analysis import analyze
        from rhetoric.intake import InputError

        try:
            analysis = analyze(text)
        except InputError as exc:
            self.say(str(exc), error=True)
            return None
        self._own += 1
        label = self.add_analysis(analysis, name or _article_name(analysis, f"Your article {self._own}"))
        warn = f" Note: {analysis.warnings[0]}" if analysis.warnings else ""
        self.say(f"Analysed “{_short(label, 50)}”: {len(analysis.entities)} entities, "
                 f"{len(analysis.quotes)} quotes, {len(analysis.signals)} signals.{warn}")
        self.tabs.selected_index = 0
        return label

    def add_file(self, filename: str, raw: bytes) -> str | None:
        """Decode an uploaded file (UTF-8, else Windows-1252 with a note) and analyse it."""
        from rhetoric.intake import InputError, decode_bytes

        if not raw:
            self.say(f"{filename}: the file is empty", error=True)
            return None
        try:
            text, warnings = decode_bytes(bytes(raw), filename)
        except InputError as exc:
            self.say(str(exc), error=True)
            return None
        name = self.add_text(text, name=f"{filename}")
        if name and warnings:
            self.say(f"Analysed {filename}. Note: {warnings[0]}")
        return name

    def _analyse_paste(self) -> None:
        if not self.paste.value.strip():
            self.say("The box is empty: paste the text of an article first.", error=True)
            return
        self.add_text(self.paste.value)

    def _on_upload(self) -> None:
        files = self.upload.value
        if not files:
            return
        f = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        self.add_file(f.get("name", "upload.txt"), bytes(f.get("content", b"")))

    def _switch(self) -> None:
        view = self.current
        if view is None:
            return
        a = view.analysis
        actors = Counter(r["actor"] for r in view.records if r["actor"])
        sides = Counter(r["side"] for r in view.records if r["actor"])
        self._quiet = True
        try:
            self.actors.value = ()
            self.actors.options = _count_options(actors, unit="highlights")
            self.sides.value = ()
            self.sides.options = _count_options(sides, unit="highlights")
            self._fill_side_controls(view)
            self.sentence.max = max(1, len(view.sentences))
            self.sentence.value = 1
            self.paragraph.max = max(1, len(view.paragraphs))
            self.paragraph.value = 1
            counts = Counter(r["layer"] for r in view.records)
            for layer, box in self.toggles.items():
                box.description = f"{layer_name(layer)} ({counts.get(layer, 0)})"
        finally:
            self._quiet = False
        self.refresh()
        if self.tabs.selected_index == 1:
            self.show_chart()
        if a.warnings:
            self.say(f"Note: {a.warnings[0]}")

    # -- sides -------------------------------------------------------------------------

    def _fill_side_controls(self, view: ArticleView, keep: str | None = None) -> None:
        """Actors (most mentioned first) in the side control; show the chosen one's side."""
        a = view.analysis
        names = sorted(a.actors, key=lambda n: (-len(getattr(a.actors[n], "mentions", []) or []), n))
        self.side_actor.options = [(f"{n} ({a.actors[n].side or 'unknown'})", n) for n in names]
        self.side_actor.value = keep if keep in names else (names[0] if names else None)
        self.side_value.options = list(a.sides)
        self._show_actor_side()

    def _show_actor_side(self) -> None:
        view, name = self.current, self.side_actor.value
        if view is None or name is None or name not in view.analysis.actors:
            return
        was, self._quiet = self._quiet, True
        try:
            self.side_value.value = view.analysis.actors[name].side or "unknown"
        finally:
            self._quiet = was

    def _apply_side(self) -> None:
        name, side = self.side_actor.value, self.side_value.value
        if name is None or not side or side == self.current.analysis.actors[name].side:
            return
        self.set_side(name, side)

    def set_side(self, actor: str, side: str) -> None:
        """Put ``actor`` on ``side`` (``Analysis.set_side``); the side filter, the highlights'
        sides and the side-based charts follow."""
        view = self.current
        if view is None:
            return
        try:
            view.analysis.set_side(actor, side)
        except (KeyError, ValueError) as exc:
            self.say(f"Cannot set that side: {exc}", error=True)
            return
        self._html_cache.clear()
        sides = Counter(r["side"] for r in view.records if r["actor"])
        self._quiet = True
        try:
            kept = tuple(v for v in self.sides.value if v in sides)
            self.sides.options = _count_options(sides, unit="highlights")
            self.sides.value = kept
            self._fill_side_controls(view, keep=actor)
        finally:
            self._quiet = False
        self.refresh()
        if self.tabs.selected_index == 1:
            self.show_chart()
        self.say(f"{actor} is now on the side “{side}”: filters and charts follow.")

    # -- views -------------------------------------------------------------------------

    @property
    def active_layers(self) -> list[str]:
        return [layer for layer, box in self.toggles.items() if box.value]

    def _filtered(self, view: ArticleView, with_actors: bool = True) -> list[dict]:
        return filter_spans(view.records, layers=self.active_layers,
                            actors=(self.actors.value or None) if with_actors else None,
                            sides=self.sides.value or None)

    def _window(self, view: ArticleView) -> tuple[int, int | None]:
        i = min(max(self.sentence.value, 1), len(view.sentences)) - 1
        if self.view.value == "sentence":
            return view.sentences[i]
        if self.view.value == "paragraph":
            i = min(max(self.paragraph.value, 1), len(view.paragraphs)) - 1
            return view.paragraphs[i]
        if view.parts:  # a long text: the part that holds the chosen sentence
            return view.parts[view.part_of(view.sentences[i][0])]
        return 0, None

    def _go_to_paragraph(self) -> None:
        """Show the paragraph typed in the ¶ box (exercises say 'find it in ¶13')."""
        if self.view.value != "paragraph":
            self._quiet = True
            try:
                self.view.value = "paragraph"
            finally:
                self._quiet = False
        self._safe("explorer_filter", self.refresh)()

    def refresh(self) -> None:
        """Re-render the panes for the current filters (no parsing: filter and render)."""
        view = self.current
        if view is None:
            self.output.value = tpl.STYLE + tpl.EMPTY.format(
                message="No article yet: analyse one in the “Your own article” tab.")
            return
        spans = self._filtered(view)
        start, end = self._window(view)
        self.output.value = scroll_pane(self._render(view, spans, start, end, with_actors=True),
                                        f"The article, highlighted: {view.name}")
        stop = len(view.analysis.text) if end is None else end
        self.shown = [r for r in spans if r["start"] < stop and r["end"] > start]
        self.highlight.options = [(f"{r['full_label']} — “{_short(r['text'], 50)}”", i)
                                  for i, r in enumerate(self.shown)]
        self.detail.value = ""
        other = self.views.get(self.compare.value) if self.compare.value else None
        if other is not None and other is not view:
            self.output.layout.width = "50%"
            self.compare_output.layout.display = None
            self.compare_output.layout.width = "50%"
            ospans = self._filtered(other, with_actors=False)
            self.output.value = f"<h4 class='rl-title {AS_WRITTEN}'>A: {esc(view.name)}</h4>" + self.output.value
            self.compare_output.value = (f"<h4 class='rl-title {AS_WRITTEN}'>B: {esc(other.name)}</h4>"
                                         + scroll_pane(self._render(other, ospans, 0, None, with_actors=False),
                                                       f"Side by side, B: {other.name}"))
            said = differences(view.analysis, other.analysis, "A", "B")
            self.differences.value = (
                f"<div class='{AS_WRITTEN}' style='font-family:sans-serif;line-height:1.45'><strong>A and B, in words</strong>"
                + (f" (A: {esc(_short(view.name, 50))}; B: {esc(_short(other.name, 50))})")
                + ("<ul style='margin:2px 0'>" + "".join(f"<li>{esc(x)}</li>" for x in said) + "</ul>"
                   if said else "<p>No difference in quotes, names or signals that the kit counts.</p>")
                + "</div>")
        else:
            self.output.layout.width = "100%"
            self.compare_output.layout.display = "none"
            self.compare_output.value = ""
            self.differences.value = ""
        if self.view.value == "sentence" and end is not None:
            where = (f"sentence {self.sentence.value} of {len(view.sentences)} "
                     f"(in ¶{view.paragraph_of(start)})")
        elif self.view.value == "paragraph" and end is not None:
            where = f"¶{self.paragraph.value} of {len(view.paragraphs)}"
        else:
            where = "the article"
        if view.parts and self.view.value == "article":
            k = view.part_of(start)
            where = (f"part {k + 1} of {len(view.parts)} of this long text (characters {start:,} to {end:,}; the "
                     f"whole-article view shows up to {EXPLORER_PART_CHARS:,} characters at a time, the part holding "
                     "the sentence chosen in the Sentence box; every count and chart covers the whole text)")
        self.say(f"{len(self.shown)} highlights in {where}. Choose one below to see why it was flagged.")

    def _render(self, view: ArticleView, spans: list[dict], start: int, end: int | None,
                with_actors: bool) -> str:
        """``render_spans`` with a small cache keyed by article and filters (toggling back is instant)."""
        key = (view.name, tuple(self.active_layers), tuple(self.sides.value),
               tuple(self.actors.value) if with_actors else (), start, end)
        html = self._html_cache.get(key)
        if html is None:
            # the parts set aside (a publisher footer) stay visible, greyed and labelled
            aside = set_aside_records(view.analysis)
            drawn = sorted(spans + aside, key=lambda r: r["start"]) if aside else spans
            html = render_spans(view.analysis.text, drawn, start, end,
                                empty_message="Nothing to highlight with these filters.")
            if len(self._html_cache) >= 64:
                self._html_cache.pop(next(iter(self._html_cache)))
            self._html_cache[key] = html
        return html

    def show_chart(self, key: str | None = None):
        """Draw chart ``key`` (see ``EXPLORER_CHARTS``; default: the one chosen) for the current
        article and return the figure. Charts are drawn only when asked, never on a filter."""
        view = self.current
        if key is not None and key != self.chart_choice.value:
            self.chart_choice.value = key  # the observer draws it
            return self.chart.figure
        if view is None:
            return None
        self.chart.figure = EXPLORER_CHARTS[self.chart_choice.value][1](view.analysis)
        self.chart.redraw()
        return self.chart.figure

    @property
    def chart_figure(self):
        """The chart last drawn in the Charts tab (a ``go.Figure``), or ``None``."""
        return self.chart.figure

    def step(self, delta: int) -> None:
        """Move the navigator by ``delta`` paragraphs (in the one-paragraph view) or sentences
        (otherwise; switches to the one-sentence view)."""
        view = self.current
        if view is None:
            return
        self._quiet = True
        try:
            if self.view.value == "paragraph":
                self.paragraph.value = min(max(1, self.paragraph.value + delta), len(view.paragraphs))
            else:
                self.view.value = "sentence"
                self.sentence.value = min(max(1, self.sentence.value + delta), len(view.sentences))
                self.paragraph.value = view.paragraph_of(view.sentences[self.sentence.value - 1][0])
        finally:
            self._quiet = False
        self.refresh()

    def explain(self) -> None:
        """Show the selected highlight in context, with its explanation."""
        i = self.highlight.value
        view = self.current
        if i is None or view is None or i >= len(self.shown):
            self.detail.value = ""
            return
        self.detail.value = record_in_context(view.analysis, self.shown[i])

    def export(self, kind: str) -> Path | None:
        """Write the current article's analysis as ``kind`` (json, csv or html) to the folder."""
        from .export import export_files

        view = self.current
        if view is None:
            self.say("Nothing to export yet.", error=True)
            return None
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in view.name)[:60].strip("_") or "analysis"
        (path,) = export_files(view.analysis, self.folder.value or ".", stem, formats=(kind,))
        self.say(f"Wrote {path}")
        return path

    @property
    def html(self) -> str:
        return self.output.value

    @property
    def compare_html(self) -> str:
        return self.compare_output.value

    @property
    def detail_html(self) -> str:
        return self.detail.value
