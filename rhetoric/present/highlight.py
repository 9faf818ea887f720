"""Highlighting the article by layer, with displaCy's span renderer.

Three steps, as in displaCy itself:

1. ``span_records(analysis)`` turns the analysis items into plain dicts (one per
   highlight: offsets, layer, visible label, colour, explanation, actor, side);
   ``filter_spans`` keeps those a learner asked for. No parsing happens here, so the
   widgets can filter on every click.
2. ``parse_paragraphs(text, spans)`` builds displaCy's "manual" input: per paragraph, the
   list of word segments and the spans as token ranges.
3. ``HighlightRenderer`` (a subclass of displaCy's ``SpanRenderer``) renders them. It keeps
   displaCy's stacking of overlapping spans, and changes three things the kit needs: the
   article's own whitespace is kept (displaCy puts a space after every token); every word
   and label carries a tooltip with the explanation; and *all* text, labels and tooltips
   are escaped with ``html.escape(..., quote=True)`` (displaCy leaves ``'`` and labels as
   they are).

``highlight_html(analysis, ...)`` does all three and adds a legend; ``context_html``
shows one span in its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterable
from html import escape
from typing import Any

from spacy.displacy.render import SpanRenderer

from ..layout import lines
from . import templates as tpl
from .layers import (
    ENTITY_TYPE_NAMES,
    LAYER_DESCRIPTIONS,
    LAYER_LABELS,
    LAYERS,
    SUBTYPE_DESCRIPTIONS,
    SUBTYPE_NAMES,
    layer_name,
    subtype_label,
)
from .palette import DEFAULT_COLOR, LAYER_GROUPS, color_class, entity_color, layer_color

_WORD = re.compile(r"\S+")


def esc(value: Any) -> str:
    """Escape any value for HTML text *and* attributes (``& < > " '``)."""
    return escape("" if value is None else str(value), quote=True)


# --------------------------------------------------------------------------------------
# 1. items -> plain dicts


def _actor_side(analysis, actor: str | None) -> str:
    if actor and actor in analysis.actors:
        return analysis.actors[actor].side or "unknown"
    return "unknown"


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.casefold()))


def _repeats_label(explanation: str, label: str) -> bool:
    """Does ``explanation`` open with the label's own words ("NORP: ...", "GPE, corrected from ...")?"""
    head, sep, _ = explanation.partition(": ")
    return bool(sep and head) and _words(head) <= _words(label) | {"the", "a", "by", "kit"}


#: The entity "type" of a mention the model called a name and the kit set aside (e.g. 'Gutsy').
NOT_A_NAME = "NOT_A_NAME"


def model_change(entity) -> str:
    """How the kit's rules changed spaCy's guess for ``entity``: "corrected from ORG", "added", or ""."""
    if entity.model_label == entity.label:
        return ""
    return "added by the kit" if not entity.model_label else f"corrected from {entity.model_label}"


def span_records(analysis, subtypes: bool = False) -> list[dict]:
    """Every highlightable item of ``analysis`` as a plain dict, in text order.

    Keys: ``id``, ``start``, ``end``, ``text``, ``layer`` (entities, quotes or a signal
    category), ``key`` (entity label or layer), ``label`` (visible), ``color`` (hex) and
    ``cclass`` (its CSS class), ``explanation``, ``tooltip`` (label and explanation), ``actor``,
    ``side``, ``index`` (position in the analysis list it came from) and ``full_label``
    (the label with the signal's subtype, e.g. "REPORTING VERB · distancing"). With
    ``subtypes=True`` the visible label is the full one; by default it stays short, so
    labels do not crowd the article, and the subtype shows in the tooltip and lists.
    """
    records: list[dict] = []

    def add(item, index, layer, key, label, color, actor, side, extra="", full_label=None, group=None):
        explanation = item.explanation or ""
        full_label = full_label or label
        if explanation and _repeats_label(explanation, full_label):  # "NORP: NORP: ..." reads once
            tip = explanation + (f" ({extra})" if extra else "")
        else:
            tip = full_label + (f" ({extra})" if extra else "") + (f": {explanation}" if explanation else "")
        records.append(
            {
                "start": item.start,
                "end": item.end,
                "text": item.text,
                "layer": layer,
                "key": key,
                "label": full_label if subtypes else label,
                "full_label": full_label,
                "color": color,
                "cclass": color_class(layer, group or key),
                "group": group or key,
                "explanation": explanation,
                "tooltip": tip,
                "actor": actor,
                "side": side,
                "index": index,
            }
        )

    for i, e in enumerate(analysis.entities):
        extra = f"actor: {e.actor}" if e.actor and e.actor != e.text else ""
        label = e.label or "ENTITY"
        full = f"{label} · {model_change(e)}" if model_change(e) else None
        add(e, i, "entities", e.label, full or label, entity_color(e.label), e.actor,
            _actor_side(analysis, e.actor), extra, full_label=full)
        if full:
            records[-1]["cclass"] += " rl-corrected"
    for i, e in enumerate(analysis.rejected_entities):
        said = e.model_label or "a name"
        add(e, i, "entities", NOT_A_NAME, f"NOT A NAME · model: {said}", DEFAULT_COLOR, None, "unknown")
        records[-1]["cclass"] = "rl-c-other rl-p-dash rl-corrected"
    for i, q in enumerate(analysis.quotes):
        head = {"direct": "QUOTE", "transcript": "TRANSCRIPT"}.get(q.kind, "REPORTED")
        label = f"{head} · {q.speaker}" if q.speaker else f"{head} · no speaker"
        if q.kind == "scare":
            label = "SCARE QUOTES · the writer's distance"
        elif getattr(q, "negated", False):
            label = f"NOT SAID · words {q.speaker or 'someone'} did not say"
        extras = [f"cue: {'a colon' if q.cue == ':' else q.cue}"] if q.cue else []
        if q.relayed_by:
            extras.append(f"relayed by {q.relayed_by}" + (f" ({q.relay_channel})" if q.relay_channel else ""))
        add(q, i, "quotes", q.kind, label, layer_color("quotes"), q.speaker,
            q.side or _actor_side(analysis, q.speaker), "; ".join(extras))
    for i, s in enumerate(analysis.signals):
        own = subtype_label(s.category, s.subtype)
        label = own or LAYER_LABELS.get(s.category, s.category.upper())
        if own:
            full = own
        else:
            full = f"{label} · {s.subtype.replace('_', ' ')}" if s.subtype else label
        actor = s.actor or s.speaker
        extras = []
        if s.in_quote:
            extras.append(f"in a quote by {s.speaker}" if s.speaker else "in a quote")
        add(s, i, s.category, s.category, label, layer_color(s.category), actor,
            _actor_side(analysis, actor), "; ".join(extras), full_label=full,
            group=s.subtype if own else None)
    records.sort(key=lambda r: (r["start"], -(r["end"] - r["start"]), r["layer"]))
    for n, r in enumerate(records):
        r["id"] = f"s{n}"
    return records


def filter_spans(
    spans: Iterable[dict],
    layers: Iterable[str] | None = None,
    labels: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    sides: Iterable[str] | None = None,
) -> list[dict]:
    """The span records a learner asked for.

    ``layers``: keep only these layers (``None`` keeps all). ``labels``: entity types to
    keep (other layers are unaffected). ``actors`` / ``sides``: keep only items about these
    actors or sides (entities by their actor, quotes by speaker, signals by the actor they
    concern or the speaker whose words they are in). ``None`` means no filter; an empty
    collection keeps nothing.
    """
    layers = None if layers is None else set(layers)
    labels = None if labels is None else set(labels)
    actors = None if actors is None else set(actors)
    sides = None if sides is None else set(sides)
    out = []
    for s in spans:
        if layers is not None and s["layer"] not in layers:
            continue
        if labels is not None and s["layer"] == "entities" and s["key"] not in labels:
            continue
        if actors is not None and s["actor"] not in actors:
            continue
        if sides is not None and s["side"] not in sides:
            continue
        out.append(s)
    return out


# --------------------------------------------------------------------------------------
# 2. plain dicts -> displaCy's manual format, one dict per paragraph


def snap_to_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to *draw* for ``text[start:end]``: never half of a pair of quotation marks.

    An item whose span opens a quotation mark and stops before its closing mark
    (``had been "massaged``), or the reverse, is drawn out to the whitespace around its
    first and last words, over the punctuation only (never into a letter). Other spans
    are drawn as they are. The item's own offsets do not change.
    """
    from ..quotes.marks import unbalanced

    if not unbalanced(text[start:end]):
        return start, end
    a, b = start, end
    while a > 0 and not text[a - 1].isspace() and not text[a - 1].isalnum():
        a -= 1
    while b < len(text) and not text[b].isspace() and not text[b].isalnum():
        b += 1
    return a, b


def parse_paragraphs(
    text: str,
    spans: list[dict],
    start: int = 0,
    end: int | None = None,
) -> list[dict]:
    """displaCy "manual" dicts for the paragraphs of ``text[start:end]``.

    Each dict has ``tokens`` (word segments with their trailing whitespace, split wherever
    a span starts or ends, so offsets need not fall on spaCy tokens), ``spans`` (with
    ``start_token``/``end_token`` and ``label`` set to the span's ``id``), ``info`` (id ->
    span record) and ``start`` (the paragraph's offset). Spans crossing a paragraph break
    are cut at it.
    """
    end = len(text) if end is None else end
    bounds = {r["id"]: snap_to_marks(text, r["start"], r["end"]) for r in spans}
    parsed = []
    for p_start, p_end in lines(text):
        s, e = max(p_start, start), min(p_end, end)
        if s >= e:
            continue
        inside = [r for r in spans if bounds[r["id"]][0] < e and bounds[r["id"]][1] > s]
        cuts = {s, e}
        cuts.update(m.start() for m in _WORD.finditer(text, s, e))
        for r in inside:
            cuts.add(max(bounds[r["id"]][0], s))
            cuts.add(min(bounds[r["id"]][1], e))
        cuts = sorted(c for c in cuts if s <= c <= e)
        tokens = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        starts = cuts[:-1]
        dspans = []
        for r in inside:
            a, b = max(bounds[r["id"]][0], s), min(bounds[r["id"]][1], e)
            ta = bisect_right(starts, a) - 1
            tb = bisect_right(starts, b - 1)
            # a segment that only holds the span's trailing whitespace is not part of it
            while tb > ta + 1 and not tokens[tb - 1].strip():
                tb -= 1
            dspans.append({"start": a, "end": b, "start_token": ta, "end_token": tb, "label": r["id"]})
        parsed.append({
            "text": text[s:e],
            "start": s,
            "tokens": tokens,
            "spans": dspans,
            "info": {r["id"]: r for r in inside},
            "settings": {"lang": "en", "direction": "ltr"},
        })
    return parsed


# --------------------------------------------------------------------------------------
# 3. rendering


def _escaped(record: dict, key: str) -> str:
    """``esc(record[key])``, memoised on the record (records are rendered many times)."""
    cache_key = "_html_" + key
    value = record.get(cache_key)
    if value is None:
        value = record[cache_key] = esc(record[key])
    return value


class HighlightRenderer(SpanRenderer):
    """displaCy's span renderer, with tooltips, the article's whitespace and full escaping."""

    style = "span"

    def __init__(self, options: dict | None = None) -> None:
        options = dict(options or {})
        options.setdefault("top_offset", tpl.TOP_OFFSET)
        options.setdefault("top_offset_step", tpl.OFFSET_STEP)
        super().__init__(options)
        self._info: dict[str, dict] = {}

    def render(self, parsed: list[dict], page: bool = False, minify: bool = False) -> str:
        """Paragraph markup for displaCy-style manual dicts produced by ``parse_paragraphs``."""
        paras = []
        for p in parsed:
            self._info = p.get("info", {})
            content = self._render_markup(self._assemble_per_token_info(p["tokens"], p["spans"]))
            paras.append(tpl.PARAGRAPH.format(start=int(p.get("start", 0)), content=content))
        return "".join(paras)

    def _render_markup(self, per_token_info: list[dict]) -> str:
        """Each highlighted word: its labels in the text flow, then the word over its bars.

        Labels are inline chips before the word a span starts on, so they wrap with the
        text (never off the edge, never over another label or line), and a word split by
        span boundaries (an opening quotation mark, then a highlighted word) keeps its parts
        together, with every label before the whole word. Bars are stacked in
        the flow under the word (``display:block``), so a hidden layer's bar takes its
        height with it. The word is bold through one nested wrapper per layer
        (``rl-w rl-<layer>``), so hiding every layer on a word also removes its bold.
        """
        out: list[str] = []
        pieces: list[str] = []  # the parts of the current word (between two spaces)
        chips: list[str] = []  # labels of spans starting anywhere in it, shown before it

        def flush() -> None:
            if pieces:
                body = "".join(pieces)
                together = chips or len(pieces) > 1  # never break inside a word, or after its label
                out.append(tpl.GROUP.format(content="".join(chips) + body) if together else body)
            pieces.clear()
            chips.clear()

        for token in per_token_info:
            text = token["text"]
            ents = sorted(token["entities"], key=lambda d: d["render_slot"])
            core = text.rstrip()
            if not core:
                flush()
                out.append(esc(text))
                continue
            if not ents:
                pieces.append(esc(core))
            else:
                infos = [self._info[e["label"]] for e in ents]
                aside = [i for i in infos if i["layer"] == "set_aside"]
                marked = [i for i in infos if i["layer"] != "set_aside"]
                chips.extend(self._chip(i) for e, i in zip(ents, infos) if e["is_start"])
                word = esc(core)
                for layer in sorted({i["layer"] for i in marked}, key=_layer_order, reverse=True):
                    word = f'<span class="rl-w rl-{layer}">{word}</span>'
                if marked:
                    bars = "".join(tpl.BAR.format(classes=f"rl-{i['layer']} {i['cclass']}") for i in marked)
                    word = tpl.TOKEN.format(
                        title="&#10;".join(_escaped(i, "tooltip") for i in marked), text=word, bars=bars)
                if aside:
                    word = f'<span class="rl-aside" title="{_escaped(aside[0], "tooltip")}">{word}</span>'
                pieces.append(word)
            if len(core) < len(text):  # the word ends here: its labels go before all of it
                flush()
                out.append(esc(text[len(core):]))
            elif core.endswith(("—", "–", "/")):  # "House—would": a dash also ends a word
                flush()
        flush()
        return "".join(out)

    def _chip(self, info: dict) -> str:
        if info["layer"] == "set_aside":
            return tpl.ASIDE_LABEL.format(label=_escaped(info, "label"), title=_escaped(info, "tooltip"))
        return tpl.LABEL.format(classes=f"rl-{info['layer']} {info['cclass']}", label=_escaped(info, "label"),
                                title=_escaped(info, "tooltip"))


def _layer_order(layer: str) -> int:
    return LAYERS.index(layer) if layer in LAYERS else len(LAYERS)


#: Rendered paragraphs by (text, bounds, spans): a filter change re-renders only the
#: paragraphs whose highlights changed.
_PARAGRAPH_CACHE: OrderedDict[tuple, str] = OrderedDict()
_PARAGRAPH_CACHE_SIZE = 1024


def _render_cached(text: str, parsed: list[dict]) -> str:
    """``HighlightRenderer().render(parsed)``, paragraph by paragraph, through a small LRU cache."""
    renderer = None
    out = []
    for p in parsed:
        key = (hash(text), p["start"], len(p["text"]),
               tuple((d["start"], d["end"], d["label"]) for d in p["spans"]),
               tuple((r["label"], r["cclass"], r["layer"], r["tooltip"]) for r in p["info"].values()))
        html = _PARAGRAPH_CACHE.get(key)
        if html is None:
            renderer = renderer or HighlightRenderer()
            html = renderer.render([p])
            _PARAGRAPH_CACHE[key] = html
            if len(_PARAGRAPH_CACHE) > _PARAGRAPH_CACHE_SIZE:
                _PARAGRAPH_CACHE.popitem(last=False)
        else:
            _PARAGRAPH_CACHE.move_to_end(key)
        out.append(html)
    return "".join(out)


def _legend_key(record: dict) -> tuple[str, str]:
    """What a legend chip stands for: an entity type, a subtype with its own label, or a layer."""
    if record["layer"] == "entities":
        return ("entities", record["key"])
    return (record["layer"], record.get("group") or record["layer"])


def legend_html(spans: Iterable[dict], title: str = "Key:") -> str:
    """A legend for the highlights in ``spans``: one chip per entity type, labelled subtype
    or layer, with counts. Each chip shows the label, the colour and the bar's pattern."""
    counts: Counter = Counter()
    first: dict[tuple, dict] = {}
    for s in spans:
        if s["layer"] == "set_aside":
            continue
        key = _legend_key(s)
        counts[key] += 1
        first.setdefault(key, s)
    order = {layer: n for n, layer in enumerate(LAYERS)}
    chips = []
    for key in sorted(counts, key=lambda k: (order.get(k[0], 99), k[1])):
        layer, sub = key
        if layer == "entities":
            label, name = sub or "ENTITY", ENTITY_TYPE_NAMES.get(sub, "named entities")
            description = f"{sub}: {name}"
        elif (layer, sub) in SUBTYPE_NAMES:
            label, name = subtype_label(layer, sub), SUBTYPE_NAMES[(layer, sub)]
            description = SUBTYPE_DESCRIPTIONS.get((layer, sub), "")
        else:
            label, name = LAYER_LABELS.get(layer, layer.upper()), layer_name(layer)
            description = LAYER_DESCRIPTIONS.get(layer, "")
        if layer in LAYER_GROUPS:
            description += f" (shares its colour with the other '{LAYER_GROUPS[layer]}' layer; the label tells them apart)"
        chips.append(tpl.LEGEND_CHIP.format(
            description=esc(description), cclass=first[key]["cclass"], label=esc(label),
            name=esc(name), count=counts[key],
        ))
    if not chips:
        return ""
    return tpl.LEGEND.format(title=esc(title), chips="".join(chips))


#: Short names for the kinds of boilerplate ``rhetoric.intake`` sets aside.
def aside_names() -> dict[str, str]:
    """Plain labels of the kinds of set-aside text (``labels`` in ``data/boilerplate.json``)."""
    from ..data import load_json

    return load_json("boilerplate.json")["labels"]


def set_aside_records(analysis) -> list[dict]:
    """Records for the parts of the text the kit kept but did not analyse (greyed, labelled).

    Only the parts a reader sees as text (publisher footers, syndication notes...); masked
    markup is left out.
    """
    out = []
    text = analysis.text
    for n, part in enumerate(analysis.set_aside):
        kind, _, why = (part.reason or "").partition(": ")
        names = aside_names()
        if kind not in names or not text[part.start:part.end].strip():
            continue
        label = f"set aside: {names[kind]}, not analysed"
        out.append({
            "id": f"a{n}", "start": part.start, "end": part.end, "text": text[part.start:part.end],
            "layer": "set_aside", "key": kind, "group": kind, "label": label, "full_label": label,
            "color": DEFAULT_COLOR, "cclass": "rl-c-other", "explanation": why,
            "tooltip": f"{label}: {why}" if why else label, "actor": None, "side": "unknown",
        })
    return out


def render_spans(
    text: str,
    spans: list[dict],
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
    empty_message: str = "Nothing to highlight with these filters.",
    style: bool = True,
) -> str:
    """HTML of ``text[start:end]`` with ``spans`` (records from ``span_records``) highlighted."""
    parsed = parse_paragraphs(text, spans, start, end)
    body = _render_cached(text, parsed)
    shown = [s for s in spans if s["start"] < (len(text) if end is None else end) and s["end"] > start
             and s["layer"] != "set_aside"]
    parts = [tpl.STYLE] if style else []
    if legend:
        parts.append(legend_html(shown))
    if not shown and empty_message:
        parts.append(tpl.EMPTY.format(message=esc(empty_message)))
    parts.append(tpl.ARTICLE.format(lang="en", content=body))
    return "".join(parts)


def highlight_html(
    analysis,
    layers: Iterable[str] | None = None,
    labels: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    sides: Iterable[str] | None = None,
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
    style: bool = True,
    subtypes: bool = False,
) -> str:
    """The article (or ``text[start:end]``) with the chosen layers highlighted, and a legend.

    Filters as in ``filter_spans``: ``layers`` (``"entities"``, ``"quotes"``, signal
    categories), entity ``labels``, ``actors``, ``sides``. Every highlight has a visible
    label and a tooltip with its explanation. Returns an HTML string (display it with
    ``IPython.display.HTML`` or put it in an ``ipywidgets.HTML``). ``subtypes=True`` puts
    signal subtypes (a reporting verb's stance, a metaphor's domain) in the visible labels.
    """
    spans = filter_spans(span_records(analysis, subtypes), layers, labels, actors, sides)
    spans = sorted(spans + set_aside_records(analysis), key=lambda r: r["start"])
    return render_spans(analysis.text, spans, start, end, legend=legend, style=style)


def _paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    bounds = lines(text)
    covering = [(a, b) for a, b in bounds if a < max(end, start + 1) and b > start]
    if not covering:
        return start, end
    return covering[0][0], covering[-1][1]


def _context_record(text: str, ident: str, start: int, end: int, label: str, explanation: str,
                    layer: str, key: str | None = None) -> dict:
    tip = label + (f": {explanation}" if explanation else "")
    return {
        "id": ident, "start": start, "end": end, "text": text[start:end], "layer": layer,
        "key": key or layer, "label": label, "color": layer_color(layer),
        "cclass": color_class(layer, key or layer),
        "explanation": explanation, "tooltip": tip, "actor": None, "side": "unknown",
    }


def context_html(
    analysis,
    start: int,
    end: int,
    label: str = "HIGHLIGHT",
    explanation: str = "",
    layer: str = "quotes",
    key: str | None = None,
    parts: Iterable[tuple[int, int, str, str, str]] = (),
) -> str:
    """The paragraph(s) around ``text[start:end]`` with that span marked, and a caption.

    Used to show one quote, signal or sentence in context: the caption repeats the label
    and the plain-language explanation (both escaped). ``parts`` are extra spans to mark
    in the same view, as ``(start, end, label, explanation, layer)``: for a quote, the
    speaker's mention and the reporting cue, so the learner sees who said it and how.
    """
    text = analysis.text if hasattr(analysis, "text") else str(analysis)
    start, end = max(0, start), min(len(text), end)
    records = [_context_record(text, "ctx", start, end, label, explanation, layer, key)]
    for n, (ps, pe, plabel, pexpl, player) in enumerate(parts):
        if ps is not None and pe is not None and 0 <= ps < pe <= len(text):
            records.append(_context_record(text, f"ctx{n}", ps, pe, plabel, pexpl, player,
                                           "PERSON" if player == "entities" else None))
    lo = min(r["start"] for r in records)
    hi = max(r["end"] for r in records)
    a, b = _paragraph_window(text, lo, hi)
    records.sort(key=lambda r: (r["start"], -(r["end"] - r["start"])))
    body = HighlightRenderer().render(parse_paragraphs(text, records, a, b))
    caption = tpl.CONTEXT.format(
        article=tpl.ARTICLE.format(lang="en", content=body),
        label=esc(label),
        explanation=esc(explanation or "no explanation given"),
    )
    return tpl.STYLE + caption


def quote_parts(quote) -> list[tuple]:
    """The speaker mention and the cue of a quote, as ``context_html`` parts."""
    parts = []
    if getattr(quote, "speaker_start", None) is not None:
        who = quote.speaker_text or quote.speaker or ""
        resolved = f"; it refers to {quote.speaker}" if quote.speaker and quote.speaker != who else ""
        parts.append((quote.speaker_start, quote.speaker_end, "SPEAKER",
                      f"the words “{who}” name who is speaking{resolved}", "entities"))
    if getattr(quote, "cue_start", None) is not None:
        parts.append((quote.cue_start, quote.cue_end, "CUE",
                      f"“{quote.cue or ''}” introduces the words and links them to the speaker",
                      "reporting_verb"))
    return parts


def record_in_context(analysis, record: dict) -> str:
    """``context_html`` for one record from ``span_records`` (quotes show speaker and cue too)."""
    parts = []
    if record["layer"] == "quotes" and "index" in record and record["index"] < len(analysis.quotes):
        parts = quote_parts(analysis.quotes[record["index"]])
    return context_html(analysis, record["start"], record["end"], record.get("full_label", record["label"]),
                        record["explanation"], record["layer"], record["key"], parts=parts)


def item_in_context(analysis, item) -> str:
    """``context_html`` for one analysis item (a Quote, Signal or Entity)."""
    from .layers import layer_of

    layer = layer_of(item)
    for r in span_records(analysis):
        if r["layer"] == layer and r["start"] == item.start and r["end"] == item.end:
            return record_in_context(analysis, r)
    return context_html(analysis, item.start, item.end, layer.upper(), item.explanation, layer)
