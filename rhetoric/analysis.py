"""``analyze(text) -> Analysis``: the one entry point the notebooks, the CLI and the tests share.

The pipeline parses the text once with spaCy, then runs the kit's layers in order, each
reading what the earlier ones found:

1. entities and actors (``rhetoric.entities``)
2. quotes (``rhetoric.quotes``)
3. rhetorical signals (``rhetoric.signals``)
4. generic frames (``rhetoric.frames``)

Each layer's items are also put on the spaCy ``Doc`` as span groups (``doc.spans["entities"]``,
``["quotes"]``, ``["signals"]``) with ``Span._.explanation`` set, so displaCy and the widgets
can render them directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from spacy.tokens import Doc, Span

from . import entities as entity_layer
from .intake import DEFAULT_CHUNK_CHARS, InputError, OffsetMap, Prepared, SetAside, chunk_bounds, prepare
from .items import Actor, Entity, Frame, Quote, Signal
from .layout import lines
from .model import load_nlp
from .sides import article_sides, clean_side


@dataclass
class Analysis:
    """Everything the kit found in one text. Offsets index ``text``, the text as given.

    ``rejected_entities`` are the model's entities the kit's rules took back (a word
    inside a title, a sentence-initial adjective), each with the reason, so a learner can
    see every correction.

    ``doc`` is the parse of the *normalised* view of the text (``normalised``: soft hyphens
    and zero-width characters left out, wrapped lines joined; see ``rhetoric.intake``). When
    the two differ in length, token and sentence offsets (``token.idx``, ``sent.start_char``)
    index ``normalised``; ``original_span`` maps them to ``text``. ``normalisation`` says in
    one line what was normalised (``None`` if nothing); it is also the last of ``warnings``,
    after any that matter more (HTML, not English).
    """

    text: str
    doc: Doc = field(repr=False)
    entities: list[Entity] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    rejected_entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=lambda: ["other", "unknown"])
    path: str | None = None
    #: who is who: the quote layer's resolver (``rhetoric.quotes.speakers.SpeakerResolver``), kept
    #: so that every later layer resolves a pronoun the way the quotes did (not serialised)
    who: Any = field(default=None, repr=False, compare=False)
    normalised: str | None = field(default=None, repr=False)
    normalisation: str | None = None
    offsets: OffsetMap | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.normalised is None:
            self.normalised = self.text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` in ``text`` of a span of the parsed ``doc`` (of ``normalised``)."""
        return self.offsets.span(start, end) if self.offsets is not None else (start, end)

    def paragraphs(self, *, set_aside: bool = False) -> list[tuple[int, int]]:
        """``(start, end)`` in ``text`` of each paragraph, in order: the lines of the normalised view
        (a hard-wrapped paragraph is one paragraph), mapped back to the text as given. The parts
        the intake set aside (a publisher's footer) are left out unless ``set_aside`` is true.
        The kit's one paragraph splitter for an analysis: notebooks, charts and the explorer number
        paragraphs (¶1, ¶2...) from this list."""
        aside = [] if set_aside else [(p.start, p.end) for p in self.set_aside]
        spans = [self.original_span(s, e) for s, e in lines(self.normalised)]
        return [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in aside)]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form fixed by the CLI contract (plus actors, set-aside parts and warnings)."""
        return {
            "path": self.path,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "signals": [s.to_dict() for s in self.signals],
            "frames": [f.to_dict() for f in self.frames],
            "actors": [a.to_dict() for a in self.actors.values()],
            "sides": list(self.sides),
            "rejected_entities": [e.to_dict() for e in self.rejected_entities],
            "set_aside": [s.to_dict() for s in self.set_aside],
            "warnings": list(self.warnings),
            "normalisation": self.normalisation,
        }

    def actor(self, name: str) -> Actor:
        """The actor with canonical ``name`` (KeyError if the text has none)."""
        return self.actors[name]

    def set_side(self, actor: str, side: str) -> None:
        """Let a learner say which side an actor is on; quotes follow. A side the article does
        not have yet is added to ``sides`` (a learner's own article names its own sides).
        ``KeyError`` for an unknown actor, ``ValueError`` (one line) for an empty or overlong side."""
        side = clean_side(side)
        if actor not in self.actors:
            raise KeyError(f"this text has no actor {actor!r}")
        if side not in self.sides:
            self.sides.insert(max(0, len(self.sides) - 1), side)
        self.actors[actor].side = side
        for q in self.quotes:
            if q.speaker == actor or q.side_of == actor:
                q.side = side


#: Texts longer than this are parsed in paragraph-aligned pieces, one piece at a time.
#: spaCy accepts up to ``max_length`` (1,000,000) characters at once, but the parser's working
#: memory grows with the length of one call: measured on the seed repeated, one 100,000-character
#: call peaks about 350 MB above the loaded model, one of 20,000 about 85 MB, at the same speed.
#: Cuts fall between paragraphs, so nothing a reader would see changes.
PARSE_CHUNK_CHARS = min(DEFAULT_CHUNK_CHARS, 20_000)


def parse(prepared: Prepared, nlp=None, max_chars: int = PARSE_CHUNK_CHARS) -> Doc:
    """Parse the analysable text; texts over ``max_chars`` in paragraph-aligned chunks.

    The chunks are parsed one at a time (``nlp.pipe`` would batch them all together and
    hold every chunk's working memory at once: 3.9 GB for 1.27 million characters) and
    joined with ``Doc.from_docs``, so token offsets index the whole text.
    """
    nlp = nlp or load_nlp()
    text = prepared.analysable
    if len(text) <= max_chars:
        return nlp(text)
    docs = [nlp(text[s:e]) for s, e in chunk_bounds(text, max_chars)]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    del docs
    assert doc.text == text, "chunked parse must reproduce the text exactly"
    return doc


def run_layers(prepared: Prepared, doc: Doc, path: str | None = None) -> Analysis:
    """Run every analysis layer on a parsed ``doc`` of ``prepared``."""
    from . import frames as frame_layer
    from . import quotes as quote_layer
    from . import signals as signal_layer

    # The layers read the normalised view, which the doc indexes; offsets are mapped back
    # to the text as given at the end (``_map_to_original``).
    analysis = Analysis(
        text=prepared.normalised,
        doc=doc,
        set_aside=list(prepared.set_aside),
        warnings=list(prepared.warnings) + ([prepared.note] if prepared.note else []),
        path=path,
        normalisation=prepared.note,
        sides=article_sides(prepared.normalised),
    )
    analysis.entities, analysis.actors, analysis.rejected_entities = entity_layer.find_entities_with_dropped(
        doc, prepared.normalised
    )
    analysis.quotes = quote_layer.find_quotes(doc, analysis)
    analysis.signals = signal_layer.find_signals(doc, analysis)
    analysis.frames = frame_layer.score_frames(doc, analysis)
    _set_span_groups(analysis)
    analysis.text = prepared.text
    analysis.offsets = prepared.offsets
    _map_to_original(analysis, prepared.offsets)
    _anchor_to_original(analysis)
    return analysis


def _items(analysis: Analysis) -> list:
    items = [*analysis.entities, *analysis.rejected_entities, *analysis.quotes, *analysis.signals]
    return items + [e for f in analysis.frames for e in f.evidence]


def _map_to_original(analysis: Analysis, offsets: OffsetMap | None) -> None:
    """Map every offset the layers produced (on the normalised view) to the text as given:
    items' spans, quotes' speaker and cue spans, actors' mentions. Items shared between
    lists (a frame's evidence may be a signal) are mapped once."""
    if offsets is None:
        return
    seen: set[int] = set()
    for item in _items(analysis):
        if id(item) in seen:
            continue
        seen.add(id(item))
        item.start, item.end = offsets.span(item.start, item.end)
        for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
            if getattr(item, a, None) is not None and getattr(item, b, None) is not None:
                s, e = offsets.span(getattr(item, a), getattr(item, b))
                setattr(item, a, s)
                setattr(item, b, e)
    for actor in analysis.actors.values():
        actor.mentions = [offsets.span(s, e) for s, e in actor.mentions]


def _anchor_to_original(analysis: Analysis) -> None:
    """Make every item's ``text`` the original text at its offsets.

    Layers read the analysable copy, in which masked parts (HTML tags, character
    references) differ from the original, and the normalised view (non-breaking spaces as
    spaces, soft hyphens left out); the contract is ``text[start:end] == item.text`` for the
    text the user gave, so the surface is taken from there, once, for all layers.
    """
    text = analysis.text
    for item in _items(analysis):
        item.text = text[item.start : item.end]
        if getattr(item, "speaker_start", None) is not None and getattr(item, "speaker_end", None) is not None:
            if hasattr(item, "speaker_text"):
                item.speaker_text = text[item.speaker_start : item.speaker_end]


def analyze(text: str, *, nlp=None, path: str | None = None) -> Analysis:
    """Analyse one article. Raises ``rhetoric.InputError`` (one plain line) on bad input."""
    prepared = prepare(text)
    doc = parse(prepared, nlp)
    return run_layers(prepared, doc, path)


def analyze_many(texts: Iterable[str], *, nlp=None, batch_size: int = 8) -> Iterator[Analysis]:
    """Analyse many texts with ``nlp.pipe`` batching, streamed: texts are read from the
    iterable and analyses yielded one at a time, so memory stays flat however many there are.

    Raises ``InputError`` at the position of a text that cannot be analysed (the analyses of
    the texts before it have been yielded).
    """

    def prepared():
        for text in texts:
            try:
                yield None, prepare(text)
            except InputError as exc:
                yield None, exc

    for _, result in analyze_stream(prepared(), nlp=nlp, batch_size=batch_size):
        if isinstance(result, BaseException):
            raise result
        yield result


def analyze_stream(
    items: Iterable[tuple[str | None, Prepared | Exception]],
    *,
    nlp=None,
    batch_size: int = 8,
    max_chars: int = PARSE_CHUNK_CHARS,
) -> Iterator[tuple[str | None, Analysis | Exception]]:
    """Analyse a stream of ``(path, prepared)`` pairs; yield ``(path, result)`` in input order.

    The streaming core of ``analyze_many`` and the CLI. Items are pulled ``batch_size`` at a
    time and their texts parsed together with ``nlp.pipe``; texts over ``max_chars`` are
    parsed alone in chunks (``parse``). At most one batch is held in memory. An item whose
    ``prepared`` is an exception (say, a file that could not be read) is passed through as
    its result, and an exception raised by a layer on one text becomes that text's result,
    so one bad article never stops a batch.
    """
    nlp = nlp or load_nlp()
    stream = iter(items)
    while True:
        batch = list(islice(stream, batch_size))
        if not batch:
            return
        short = [p.analysable for _, p in batch if isinstance(p, Prepared) and len(p.analysable) <= max_chars]
        docs = iter(list(nlp.pipe(short, batch_size=batch_size)))
        for path, p in batch:
            if not isinstance(p, Prepared):
                yield path, p
                continue
            try:
                doc = next(docs) if len(p.analysable) <= max_chars else parse(p, nlp, max_chars)
                result = run_layers(p, doc, path)
            except Exception as exc:  # a layer failing on one text must not stop the batch
                result = exc
            yield path, result
        del batch, docs


def _set_span_groups(analysis: Analysis) -> None:
    """Mirror the items on the Doc as span groups, for displaCy and the widgets."""
    doc = analysis.doc
    groups = {"entities": analysis.entities, "quotes": analysis.quotes, "signals": analysis.signals}
    for key, items in groups.items():
        spans = []
        for item in items:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is None:
                continue
            label = getattr(item, "label", None) or getattr(item, "category", None) or key[:-1]
            span = Span(doc, span.start, span.end, label=label)  # its tokens, labelled (no second char_span)
            span._.explanation = item.explanation
            span._.actor = getattr(item, "actor", None) or getattr(item, "speaker", None)
            span._.category = getattr(item, "category", None)
            spans.append(span)
        doc.spans[key] = spans
