"""What the notebooks need that is about the course rather than the analysis.

The seed article and its (cached) analysis, the article shown readably with numbered
paragraphs, sentence look-ups, and small tables (tokens, the model's corrections) that the
notebooks show in one line each, so the notebooks stay prose with short code cells.
Everything the article says is escaped before it becomes HTML.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from .english import counted
from .layout import count_words, lines
from .markup import as_written

__all__ = [
    "HTML", "Passage", "analyse", "corrections", "entity_counts", "find", "frames_table", "mark_counts",
    "paragraph_with", "paragraphs", "quote_counts", "quote_with", "quotes_table", "seed_analysis", "seed_path", "seed_text", "sentence_with", "sentences",
    "show", "show_article", "show_passages", "signal_counts", "signals_overview", "signals_table", "table", "tokens",
]

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = Path(os.environ.get("RHETORIC_SEEDS", REPO / "seeds"))


class HTML:
    """A block of HTML that shows itself in Jupyter and as plain text elsewhere."""

    def __init__(self, html: str, text: str = ""):
        self.html = html
        self.text = text

    def _repr_html_(self) -> str:
        return as_written(self.html)  # JupyterLab's MathJax leaves "$4 million" as written

    def __str__(self) -> str:
        return self.text or self.html

    __repr__ = __str__


def plain(key: str | None) -> str:
    """An internal key as a learner reads it: ``limiting_phrase`` -> "limiting phrase"."""
    return (key or "").replace("_", " ")


def _aside_reason(reason: str) -> str:
    """A set-aside part's reason in words ("publisher footer: ..."), never its internal key."""
    from .present.highlight import aside_names

    kind, sep, why = (reason or "").partition(": ")
    name = aside_names().get(kind, plain(kind))
    return f"{name}: {why}" if sep else name


def show(html: str, text: str = "") -> HTML:
    """Show an HTML string (e.g. from ``rhetoric.present``) in a notebook cell."""
    return HTML(html, text)


# --- the seed ---------------------------------------------------------------------------------

def seed_path() -> Path:
    """Path of the seed article (The Atlantic, "The Day the Ukraine War Ended", Feb 2025)."""
    found = sorted(SEED_DIR.glob("*.txt"))
    if not found:
        raise FileNotFoundError(f"no seed article (*.txt) in {SEED_DIR}")
    return found[0]


@lru_cache(maxsize=1)
def seed_text() -> str:
    """The seed article's text, exactly as stored (offsets index this string)."""
    return seed_path().read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def seed_analysis():
    """The kit's analysis of the seed, computed once per process and shared by every cell."""
    from .analysis import analyze

    return analyze(seed_text(), path=f"seeds/{seed_path().name}")


def analyse(text: str, path: str | None = None):
    """Analyse a learner's own text; bad input gives ``(None, message)`` instead of a traceback."""
    from .analysis import analyze
    from .intake import InputError

    try:
        return analyze(text, path=path), ""
    except InputError as exc:
        return None, str(exc)


# --- paragraphs and sentences -----------------------------------------------------------------

@dataclass(frozen=True)
class Passage:
    """A numbered paragraph or sentence of a text, with its character offsets."""

    number: int
    start: int
    end: int
    text: str


def paragraphs(text: str | None = None, analysis=None) -> list[Passage]:
    """The article's paragraphs (one per non-empty line), numbered from 1.

    Parts the intake set aside (a publisher's footer) are left out when ``analysis`` is given
    or when ``text`` is the seed.
    """
    if analysis is None and text is None:
        analysis = seed_analysis()
    text = analysis.text if analysis is not None else text
    spans = analysis.paragraphs() if analysis is not None else lines(text)
    return [Passage(n, start, end, text[start:end]) for n, (start, end) in enumerate(spans, 1)]


def paragraph_with(*words: str, analysis=None) -> Passage:
    """The first paragraph that contains every one of ``words`` (case-insensitive).

    Notebooks find a paragraph by what it says, not by its number, so the prose that talks
    about it stays true if the paragraphs are numbered differently. ``LookupError`` if none.
    """
    for p in paragraphs(analysis=analysis):
        if all(w.casefold() in p.text.casefold() for w in words):
            return p
    raise LookupError(f"no paragraph contains all of {words!r}")


def sentences(analysis=None) -> list[Passage]:
    """The article's sentences as spaCy splits them, numbered from 1 (blank ones left out)."""
    analysis = analysis or seed_analysis()
    out = []
    for sent in analysis.doc.sents:
        s, e = analysis.original_span(sent.start_char, sent.end_char)  # the doc indexes the normalised view
        t = analysis.text[s:e].strip()
        if t:
            start = s + (len(analysis.text[s:e]) - len(analysis.text[s:e].lstrip()))
            out.append(Passage(len(out) + 1, start, start + len(t), t))
    return out


def find(word: str, analysis=None) -> list[Passage]:
    """Sentences that contain ``word`` (case-insensitive), to find a passage the prose talks about."""
    w = word.casefold()
    return [s for s in sentences(analysis) if w in s.text.casefold()]


def sentence_with(snippet: str, analysis=None) -> Passage:
    """The first sentence containing ``snippet``; ``LookupError`` if none does."""
    hits = find(snippet, analysis)
    if not hits:
        raise LookupError(f"no sentence contains {snippet!r}")
    return hits[0]


# --- showing text -----------------------------------------------------------------------------

_ARTICLE_CSS = (
    "font-family:Georgia,serif;font-size:17px;line-height:1.6;max-width:46em;color:#1a1a1a"
)


def show_article(analysis=None, *, numbered: bool = True, only: Iterable[int] | None = None) -> HTML:
    """The article as readable paragraphs, numbered so a class can say "paragraph 8".

    ``only`` limits it to some paragraph numbers. Set-aside parts (publisher footers) are
    shown greyed, with the reason, so nothing in the file is hidden from the reader.
    """
    analysis = analysis or seed_analysis()
    keep = set(only) if only is not None else None
    rows, plain = [], []
    for p in paragraphs(analysis=analysis):
        if keep is not None and p.number not in keep:
            continue
        num = f"<span style='color:#888;font-family:sans-serif;font-size:.8em;margin-right:.6em'>¶{p.number}</span>" if numbered else ""
        rows.append(f"<p style='margin:.4em 0'>{num}{escape(p.text)}</p>")
        plain.append(f"[{p.number}] {p.text}" if numbered else p.text)
    if keep is None:
        for part in analysis.set_aside:
            rows.append(
                f"<p style='margin:.4em 0;color:#888;font-style:italic'>{escape(part.text)} "
                f"<span style='font-family:sans-serif;font-size:.8em'>(set aside, not analysed: {escape(_aside_reason(part.reason))})</span></p>"
            )
    return HTML(f"<div class='rhetoric-article' style='{_ARTICLE_CSS}'>{''.join(rows)}</div>", "\n\n".join(plain))


def show_passages(passages: Sequence[Passage], label: str = "sentence") -> HTML:
    """A few numbered sentences or paragraphs, e.g. the result of ``find``."""
    if not passages:
        return HTML("<p><em>Nothing found.</em></p>", "Nothing found.")
    rows = "".join(
        f"<li value='{p.number}' style='margin:.3em 0'>{escape(p.text)}</li>" for p in passages
    )
    text = "\n".join(f"{label} {p.number}: {p.text}" for p in passages)
    return HTML(f"<ol style='{_ARTICLE_CSS}'>{rows}</ol>", text)


def table(columns: Sequence[str], rows: Iterable[Sequence], caption: str = "") -> HTML:
    """A small escaped HTML table (with a plain-text twin)."""
    from .present.tables import Table

    t = Table(list(columns), [list(map(str, r)) for r in rows], caption)
    return HTML(t.to_html(), t.to_text())


def tokens(text_or_span: str | object, limit: int = 40) -> HTML:
    """spaCy's tokens of a short text, with part of speech and entity tag, as a table."""
    from .model import load_nlp

    doc = load_nlp()(text_or_span) if isinstance(text_or_span, str) else text_or_span
    rows = []
    for i, tok in enumerate(doc):
        if i >= limit:
            break
        ent = f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else ""
        rows.append((i, tok.text, tok.pos_, spacy_explain(tok.pos_), ent))
    return table(("#", "token", "part of speech", "meaning", "entity tag"), rows,
                 caption=f"{len(doc)} tokens" + (f" (first {limit} shown)" if len(doc) > limit else ""))


def spacy_explain(label: str) -> str:
    """spaCy's own short gloss of a label ("GPE" -> "Countries, cities, states")."""
    import spacy

    return spacy.explain(label) or ""


def corrections(analysis=None) -> HTML:
    """The entities where the kit's rules changed what spaCy's model said, with the rule and why.

    Includes the mentions the kit removed (the model's label, then "not a name").
    """
    analysis = analysis or seed_analysis()
    changed = [e for e in analysis.entities if e.model_label != e.label]
    confirmed = [e for e in analysis.entities if e.model_label == e.label and e.rule]
    removed = list(analysis.rejected_entities)
    items = sorted(changed + confirmed + removed, key=lambda e: e.start)
    # one row per kind of correction: the same name corrected the same way for the same reason is
    # one row with its count (18 identical 'Trump' rows say less than one row that says 18)
    grouped: dict[tuple, list] = {}
    for e in items:
        key = (e.text, e.model_label or "(missed)", e.label or "not a name", plain(e.rule), e.explanation)
        grouped.setdefault(key, []).append(e)
    rows = [(*key[:4], len(found), key[4]) for key, found in grouped.items()]
    if not rows:
        return HTML("<p><em>The kit changed none of the model's labels in this text.</em></p>",
                    "The kit changed none of the model's labels in this text.")
    parts = [f"{len(changed)} label{'s' if len(changed) != 1 else ''} changed"]
    if removed:
        parts.append(f"{len(removed)} mention{'s' if len(removed) != 1 else ''} removed as not names "
                     "(no longer entities)")
    if confirmed:
        parts.append(f"{len(confirmed)} kept, with the rule that confirms them")
    return table(("mention", "spaCy model said", "kit says", "rule", "how many times", "why"), rows,
                 caption="; ".join(parts))


_MARKS = [("“", "left double quotation mark"), ("”", "right double quotation mark"),
          ("‘", "left single quotation mark"), ("’", "right single quotation mark / apostrophe"),
          ('"', "straight double quote"), ("'", "straight single quote / apostrophe"),
          ("«", "left guillemet"), ("»", "right guillemet")]


def mark_counts(text: str | None = None) -> HTML:
    """How often each kind of quotation mark occurs in ``text`` (the seed by default)."""
    text = seed_text() if text is None else text
    rows = [(m, name, text.count(m)) for m, name in _MARKS]
    return table(("mark", "name", "how many"), rows)


def entity_counts(analysis=None) -> dict[str, int]:
    """How many entity mentions carry each label."""
    analysis = analysis or seed_analysis()
    counts: dict[str, int] = {}
    for e in analysis.entities:
        counts[e.label] = counts.get(e.label, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def quotes_table(analysis=None, kind: str | None = None) -> HTML:
    """The quotes the kit found: speaker, cue, kind, channel, and the words."""
    analysis = analysis or seed_analysis()
    qs = [q for q in analysis.quotes if kind is None or q.kind == kind]
    if not qs:
        return HTML("<p><em>No quotes found (yet): the quotes layer finds none in this text.</em></p>",
                    "No quotes found.")
    rows = [(q.speaker or "(no named speaker)", q.cue or "", _kind_label(q), q.channel or "",
             q.text if len(q.text) < 120 else q.text[:117] + "…") for q in qs]
    return table(("speaker", "cue", "kind", "channel", "words"), rows, caption=counted(len(qs), "quote"))


def _kind_label(q) -> str:
    """"direct", "transcript turn", "indirect", "scare quotes", with "· not said" for words someone did not say."""
    label = {"scare": "scare quotes", "transcript": "transcript turn"}.get(q.kind, q.kind)
    return label + (" · not said" if getattr(q, "negated", False) else "")


def quote_counts(analysis=None) -> HTML:
    """Who is heard: per speaker, direct quotes, quoted words, and how many came second-hand.

    Computed from the analysis, so the notebook's prose can point at it instead of stating
    numbers that could drift from what the kit finds.
    """
    analysis = analysis or seed_analysis()
    rows: dict[str, list[int]] = {}
    for q in analysis.quotes:
        if not q.in_own_words or getattr(q, "negated", False):
            continue  # (words someone did not say are not their words)
        r = rows.setdefault(q.speaker or "(nobody named)", [0, 0, 0])
        r[0] += 1
        r[1] += count_words(q.text)
        r[2] += 1 if getattr(q, "relayed_by", None) else 0
    ranked = sorted(rows.items(), key=lambda kv: -kv[1][1])
    return table(("speaker", "direct quotes", "quoted words", "passed on by someone else"),
                 [(name, *r) for name, r in ranked], caption="who is heard, in their own words")


def quote_with(snippet: str, analysis=None):
    """The first quote the kit found whose words contain ``snippet`` (``LookupError`` if none)."""
    analysis = analysis or seed_analysis()
    for q in analysis.quotes:
        if snippet.casefold() in q.text.casefold():
            return q
    raise LookupError(f"the kit found no quote containing {snippet!r}")


_SIGNAL_NAMES = {
    "reporting_verb": ("reporting verbs", "the verb that introduces someone's words: said, declared, claimed"),
    "hedge": ("hedges", "words that soften how sure the writer is: likely, seems, nearly"),
    "booster": ("boosters", "words that close down doubt: clearly, surely, made clear"),
    "loaded": ("loaded words", "words that carry a judgement or a feeling: gutsy, unjustified"),
    "metaphor": ("metaphors", "one thing described as another: war machine, slipping away"),
    "agency": ("who does what", "who does what to whom, and actions whose doer is hidden (passives, nominalisations)"),
    "author_voice": ("the author's voice", "the writer stepping in: I, rightly, one-line paragraphs"),
}


def _category_counts(analysis=None) -> dict[str, int]:
    from .items import SIGNAL_CATEGORIES

    analysis = analysis or seed_analysis()
    counts = {c: 0 for c in SIGNAL_CATEGORIES}
    for s in analysis.signals:
        counts[s.category] = counts.get(s.category, 0) + 1
    return counts


def signal_counts(analysis=None) -> dict[str, int]:
    """How many signals of each kind the kit found, by plain-language name ("hedges": 12)."""
    return {_SIGNAL_NAMES.get(c, (c.replace("_", " "),))[0]: n for c, n in _category_counts(analysis).items()}


def signals_overview(analysis=None) -> HTML:
    """How many signals of each kind the kit found, with a one-line definition of each kind."""
    counts = _category_counts(analysis)
    rows = [(_SIGNAL_NAMES.get(c, (c, ""))[0], n, _SIGNAL_NAMES.get(c, ("", ""))[1]) for c, n in counts.items()]
    return table(("signal", "how many", "what it is"), rows)


def signals_table(analysis=None, category: str | None = None, limit: int = 40) -> HTML:
    """Signals of one category (or all): the words, their kind, whose words, and why they count."""
    analysis = analysis or seed_analysis()
    ss = [s for s in analysis.signals if category is None or s.category == category]
    if not ss:
        return HTML(f"<p><em>No {escape(category or 'signal')} found (yet) in this text.</em></p>",
                    f"No {category or 'signal'} found.")
    rows = []
    for s in ss[:limit]:
        whose = (s.speaker or "a quoted speaker") if s.in_quote else "the author"
        row = (s.text, plain(s.subtype), whose, s.explanation)
        rows.append(row if category else (s.text, _SIGNAL_NAMES.get(s.category, (plain(s.category),))[0], *row[1:]))
    cols = ("words", "kind", "whose words", "why it counts")
    cols = cols if category else ("words", "category", *cols[1:])
    cap = f"{len(ss)} found" + (f" (first {limit} shown)" if len(ss) > limit else "")
    return table(cols, rows, caption=cap)


def frames_table(analysis=None) -> HTML:
    """The kit's generic-frame scores with their strongest evidence."""
    analysis = analysis or seed_analysis()
    if not analysis.frames:
        return HTML("<p><em>No frame scores (yet): the framing layer scores none.</em></p>", "No frame scores.")
    rows = [(plain(f.frame), f"{f.score:.2f}", len(f.evidence), f.evidence[0].text[:100] if f.evidence else "")
            for f in sorted(analysis.frames, key=lambda f: -f.score)]
    return table(("frame", "score (0-1)", "evidence spans", "first evidence"), rows)
