"""Text intake: reading files, normalising pasted text, masking what is not prose, checking
the language, chunking.

The one rule here: offsets always index the original text. Two steps build the text the
parser reads:

1. **Normalising** (``normalise``): copying text from a web page, a PDF or an e-mail adds
   characters a reader never sees. The *normalised view* reads non-breaking and other
   typographic spaces as spaces, ignores soft hyphens (U+00AD) and zero-width characters
   (U+200B, U+200C, U+200D, U+2060, U+FEFF), reads Windows line ends (CRLF) as ``\n``, joins
   the lines of a hard-wrapped paragraph into one, and unifies typographic variants of marks where that is safe (``‟`` as ``“``, a
   non-breaking hyphen as ``-``, ``´`` between letters as ``’``). Ignored characters make the
   view shorter than the original, so it comes with an ``OffsetMap`` from view positions back
   to original ones; the analysis maps every item's offsets through it before handing items
   out, and an item's ``text`` is the original slice (a soft hyphen inside a word stays there).
2. **Masking**: parts that must not be analysed are blanked in a same-length copy of the
   view (the *analysable* text), so offsets of the analysable text are offsets of the view.
   What gets masked:

Intake also warns (never refuses) when a text does not look like English, since the kit's
model is English (``english_share``), and refuses with one plain line (``InputError``) what it
cannot analyse at all: empty, whitespace-only or binary input, missing files, directories.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .data import data_path
from .layout import is_headline, lines, results_row

#: spaCy's default ``nlp.max_length``; longer texts are parsed in chunks.
DEFAULT_CHUNK_CHARS = 1_000_000

#: Files larger than this are refused: parsing 50 MB takes the small model about an hour.
MAX_FILE_BYTES = 50_000_000


class InputError(ValueError):
    """Input the kit cannot analyse. The message is one plain line for the user."""


@dataclass
class SetAside:
    """A part of the text kept but not analysed, and why."""

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass
class Prepared:
    """What intake hands the parser.

    ``text`` is the original; ``normalised`` its normalised view (``normalise``), which the
    parsed ``Doc`` and every layer index; ``analysable`` a same-length copy of ``normalised``
    with non-prose parts masked; ``offsets`` maps ``normalised`` positions back to ``text``
    (``None`` when both have the same length, so positions are shared); ``note`` says in
    one line what normalising changed (``None`` if nothing). ``set_aside`` offsets index
    ``text``.
    """

    text: str
    analysable: str
    set_aside: list[SetAside] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    normalised: str | None = None
    offsets: OffsetMap | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.normalised is None:
            self.normalised = self.text


# --------------------------------------------------------------------------- boilerplate


@lru_cache(maxsize=1)
def _boilerplate_spec() -> dict:
    return json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[tuple[str, re.Pattern, str]]:
    return [(p["name"], re.compile(p["regex"], re.IGNORECASE), p["why"]) for p in _boilerplate_spec()["patterns"]]


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


@lru_cache(maxsize=1)
def _boilerplate_blocks() -> list[tuple[str, re.Pattern, re.Pattern, int, str]]:
    spec = _boilerplate_spec()
    return [(b["name"], re.compile(b["start"], re.IGNORECASE), re.compile(b["end"], re.IGNORECASE),
             int(b["max_lines"]), b["why"]) for b in spec.get("blocks", [])]


def find_form_blocks(text: str) -> list[SetAside]:
    """Reader polls and sign-up forms a web page embeds in the story (``blocks`` in
    ``data/boilerplate.json``): from the block's marker ("take our poll - story continues below")
    to the last of its closing lines ("You may opt out at anytime.") within ``max_lines`` lines.
    Without a closing line only the marker's line, from the marker on, is set aside."""
    found: list[SetAside] = []
    spans = lines(text)
    k = 0
    while k < len(spans):
        s, e = spans[k]
        for name, start, end, max_lines, why in _boilerplate_blocks():
            m = start.search(text[s:e])
            if m is None:
                continue
            last = k
            for j in range(k + 1, min(len(spans), k + 1 + max_lines)):
                if end.match(text[spans[j][0]:spans[j][1]]):
                    last = j
            b0, b1 = s + m.start(), spans[last][1]
            found.append(SetAside(b0, b1, text[b0:b1], f"{name}: {why}"))
            k = last
            break
        k += 1
    return found


_MENU_WHY = "menu: a web page's navigation links, not the article"
_CLOSING_MARKS = ".?!:;,\"”’'…)"


def _menu_item(item: str, spec: dict) -> bool:
    """A short label such as a navigation link: few words, no digits, no closing punctuation."""
    item = item.strip()
    return (0 < len(item) <= spec["max_chars"] and len(item.split()) <= spec["max_words"]
            and any(c.isalpha() for c in item) and not any(c.isdigit() for c in item)
            and item[-1] not in _CLOSING_MARKS)


def _menu_line(line: str, spec: dict) -> bool:
    """One line of navigation links: ``min_items`` or more short items between separators."""
    for sep in spec["separators"]:
        if line.count(sep) >= spec["min_items"] - 1:
            items = line.split(sep)
            if all(_menu_item(i, spec) for i in items if i.strip()) and sum(1 for i in items if i.strip()) >= spec["min_items"]:
                return True
    return False


def _names_sections(rows: list[tuple[int, int, str]], run: list[int], spec: dict) -> bool:
    """A site's menu names its sections ("News", "Sport", "Opinion"): a run of short lines with
    none of them (a results table, a list of teams or places) is the article's own."""
    words = frozenset(spec["section_words"])
    return any(rows[k][2].strip().lower() in words for k in run)


def _menu_runs(rows: list[tuple[int, int, str]], spec: dict) -> list[int]:
    """Indices of ``rows`` (non-blank lines) in runs of ``min_lines`` or more short labels
    above the article's first line of prose or below its last: a list inside the article
    (the states that passed a law, one per line) is the article's own."""
    prose = [k for k, (_, _, line) in enumerate(rows) if len(line.split()) >= 8]
    first, last = (prose[0], prose[-1]) if prose else (len(rows), -1)
    out: list[int] = []
    run: list[int] = []
    for k, (_, _, line) in enumerate(rows + [(0, 0, "")]):
        if k < len(rows) and _menu_item(line, spec):
            run.append(k)
            continue
        if len(run) >= spec["min_lines"] and (run[-1] < first or run[0] > last) and _names_sections(rows, run, spec):
            out.extend(run)
        run = []
    return out


def find_boilerplate(text: str) -> list[SetAside]:
    """Lines that are publisher boilerplate or web-page furniture: feed footers, syndication
    notes, share, newsletter and cookie prompts (``data/boilerplate.json``), a site's menu
    (a run of short navigation labels, or one line of them between separators), and embedded
    reader forms (:func:`find_form_blocks`), in text order."""
    blocks = find_form_blocks(text)
    inside = [(p.start, p.end) for p in blocks]
    spec = _boilerplate_spec()["menu"]
    rows: list[tuple[int, int, str]] = []  # (start, end, stripped line) of non-blank lines outside them
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not any(a <= pos + len(line) - len(line.lstrip()) < b for a, b in inside):
            lead = len(line) - len(line.lstrip())
            rows.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(line)
    found = {}
    for k, (start, end, stripped) in enumerate(rows):
        for name, pattern, why in _boilerplate_patterns():
            if pattern.match(stripped):
                found[k] = SetAside(start, end, stripped, f"{name}: {why}")
                break
        else:
            if _menu_line(stripped, spec):
                found[k] = SetAside(start, end, stripped, _MENU_WHY)
    for k in _menu_runs(rows, spec):
        found.setdefault(k, SetAside(rows[k][0], rows[k][1], rows[k][2], _MENU_WHY))
    return sorted(blocks + [found[k] for k in sorted(found)], key=lambda p: p.start)


# --------------------------------------------------------------------------- HTML

#: Element names that show a text is HTML (a plain article rarely holds two of these tags).
_HTML_ELEMENTS = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|div|dl|"
    "dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "label|li|link|main|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|section|select|"
    "small|source|span|strong|style|sub|sup|svg|table|tbody|td|template|textarea|th|thead|time|"
    "title|tr|u|ul|video"
)
_KNOWN_TAG = re.compile(rf"</?(?:{_HTML_ELEMENTS})(?=[\s/>])[^<>]{{0,2000}}>", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!doctype\s+html", re.IGNORECASE)

#: Elements whose *contents* are not prose either: code, styling, metadata, embedded images.
_RAW_ELEMENTS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_RAW_ELEMENT = re.compile(
    rf"<({'|'.join(_RAW_ELEMENTS)})(?=[\s/>])(?:\"[^\"]*\"|'[^']*'|[^'\">])*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Any tag: a name, then quoted values or other characters up to ``>`` (a ``>`` inside a
#: quoted attribute value does not end the tag). Declarations (``<!DOCTYPE>``) and processing
#: instructions (``<?xml ?>``) too.
_TAG = re.compile(r"""</?[A-Za-z][\w:.-]*(?:"[^"]*"|'[^']*'|[^'"<>]){0,4000}>|<[!?][^<>]{0,4000}>""")
#: Tags that end a line or a paragraph where a reader sees the page.
_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|body|br|dd|div|dl|dt|figcaption|figure|footer|"
    r"h[1-6]|header|hr|html|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)(?=[\s/>])",
    re.IGNORECASE,
)
#: A character reference: named (``&amp;``), decimal (``&#8217;``) or hex (``&#x2019;``).
_CHARREF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def looks_like_html(text: str) -> bool:
    """True if ``text`` is HTML markup rather than prose: a doctype, or two or more tags of
    known HTML elements. One stray ``<b>`` or a ``<`` in prose is not enough."""
    if _DOCTYPE.search(text, 0, 4096):
        return True
    found = 0
    for _ in _KNOWN_TAG.finditer(text):
        found += 1
        if found >= 2:
            return True
    return False


def _html_spans(text: str) -> tuple[list[tuple[int, int, str]], list[SetAside]]:
    """Spans of ``text`` that are markup: ``(start, end, kind)``, plus the raw elements
    (scripts, styles ...) as ``SetAside`` parts. Spans do not overlap."""
    taken = bytearray(len(text))  # 1 where a span already covers the character
    spans: list[tuple[int, int, str]] = []
    set_aside: list[SetAside] = []

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(s: int, e: int, kind: str) -> None:
        taken[s:e] = b"\x01" * (e - s)
        spans.append((s, e, kind))

    for m in _COMMENT.finditer(text):
        take(m.start(), m.end(), "comment")
    for m in _RAW_ELEMENT.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), "raw")
            name = m.group(1).lower()
            set_aside.append(SetAside(m.start(), m.end(), m.group(0),
                                      f"html_{name}: the contents of an HTML <{name}> element, not article text"))
    for m in _TAG.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), "block" if _BLOCK.match(m.group(0)) else "tag")
    spans.sort()
    return spans, set_aside


def _mask_block(chars: list[str], start: int, end: int) -> None:
    """Mask a block-level tag as a paragraph break (two newlines, then spaces)."""
    _mask(chars, start, end)
    for i in range(start, min(start + 2, end)):
        chars[i] = "\n"


def _decode_charrefs(text: str, chars: list[str], skip: bytearray | None = None) -> int:
    """Write each character reference's decoded form, right-aligned, into ``chars``.
    Returns how many references were decoded."""
    count = 0
    for m in _CHARREF.finditer(text):
        s, e = m.span()
        if skip is not None and any(skip[s:e]):
            continue
        decoded = html.unescape(m.group(0))
        if decoded == m.group(0) or len(decoded) > e - s:
            continue  # not a reference HTML knows: leave the characters as they are
        count += 1
        for i in range(s, e):
            chars[i] = " "
        if decoded.isspace():
            continue
        decoded = "".join(" " if c.isspace() else c for c in decoded)
        chars[e - len(decoded):e] = list(decoded)
    return count


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset, float, int]:
    spec = json.loads(data_path("english_function_words.json").read_text(encoding="utf-8"))
    return frozenset(spec["words"]), float(spec["threshold"]), int(spec["min_words"])


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: The language check reads at most this many words, spread over the text.
_LANGUAGE_SAMPLE_WORDS = 20_000


def english_share(text: str) -> tuple[float, int]:
    """``(share, words)``: the share of ``text``'s words that are common English function words
    (``data/english_function_words.json``), and how many words were read.

    A light, dependency-free language check: English news scores about 0.25-0.45, French,
    German, Spanish, Italian, Dutch or Polish prose below 0.1, text in another script 0.
    Long texts are sampled in slices spread over the whole text.
    """
    words_set = _function_words()[0]
    if len(text) > 400_000:  # sample 20 evenly spaced slices of 10,000 characters
        step = len(text) // 20
        text = " ".join(text[i:i + 10_000] for i in range(0, len(text), step))
    words = 0
    hits = 0
    for m in _WORD.finditer(text):
        words += 1
        if m.group(0).lower().replace("’", "'") in words_set:
            hits += 1
        if words >= _LANGUAGE_SAMPLE_WORDS:
            break
    return (hits / words if words else 0.0), words


def language_warning(text: str) -> str | None:
    """A warning if ``text`` (long enough to judge) does not look like English, else ``None``."""
    _, threshold, min_words = _function_words()
    share, words = english_share(text)
    if words < min_words or share >= threshold:
        return None
    return (
        f"the text does not look like English (only {share:.0%} of its words are common English "
        "words such as 'the', 'of', 'and'); the kit's language model is English, so entities, "
        "quotes and signals will be unreliable"
    )


# --------------------------------------------------------------------------- normalising


class OffsetMap:
    """Positions of a shortened view of a text, mapped back to the original.

    Built from the sorted original indices of the characters the view leaves out. Memory is
    two integers per left-out character; a lookup is a binary search. ``start(i)`` is the
    original index of the view's character ``i``; ``end(j)`` the original end of a span that
    ends (exclusive) at view position ``j``, so a span's left-out characters inside it stay
    inside it and those just outside stay outside.
    """

    __slots__ = ("_after", "_shift", "removed")

    def __init__(self, removed: list[int]):
        self.removed = len(removed)
        # For the k-th left-out character r (0-based), view positions >= r - k sit k + 1
        # characters further on in the original.
        self._after = array("q", (r - k for k, r in enumerate(removed)))
        self._shift = array("q", range(1, len(removed) + 1))

    def start(self, i: int) -> int:
        """Original index of view position ``i`` (a span's start)."""
        k = bisect_right(self._after, i)
        return i + (self._shift[k - 1] if k else 0)

    def end(self, j: int) -> int:
        """Original end (exclusive) of a span ending at view position ``j``."""
        return self.start(j - 1) + 1 if j > 0 else self.start(0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` of a view span in the original."""
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


#: Characters a reader never sees: soft hyphen, zero-width space / non-joiner / joiner,
#: word joiner, zero-width no-break space (a byte-order mark inside a text).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Left out of the normalised view: those, and the carriage return of a Windows line end
#: (``\r\n`` is read as ``\n``, so a paragraph break is one ``\n\n`` whatever system wrote it).
_LEFT_OUT = re.compile(f"[{INVISIBLE}]|\r(?=\n)")

#: Same-length replacements that are always safe: spaces of every width as a space, line and
#: paragraph separators as a line break, hyphens as a hyphen-minus, rare quote-mark variants
#: as the curly marks the quote engine reads (``rhetoric/quotes/marks.py``).
_NBSP = "\u00a0\u2007\u202f"
_SPACES = _NBSP + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
_TRANSLATE = str.maketrans({
    **{c: " " for c in _SPACES},
    "\u2028": "\n", "\u2029": "\n",
    "\u2010": "-", "\u2011": "-",
    "\u201f": "“", "\u201b": "‘", "\uff02": '"', "\uff07": "'",
})
#: Apostrophe look-alikes, read as ’ only between two letters (``Don´t``, ``Kyivʼs``).
_APOSTROPHE_LIKE = re.compile(r"(?<=[^\W\d_])[\u00b4\u02bc`](?=[^\W\d_])")

#: Hard-wrap detection: the wrap width lies between these (columns).
_WRAP_MIN, _WRAP_MAX = 30, 150
_SENTENCE_END = tuple(".?!:;\"”’'…)")
#: A line that starts a list item or a quoted e-mail line. A dash and a space start a list item
#: only if another line starts the same way: a wrapped line often begins with a spaced dash.
_BULLET = re.compile(r"\s*(?:\d{1,3}[.)]\s|[>|])")
_DASH_ITEM = re.compile(r"\s*([-*•])\s")



#: What the one-line note says for each kind of normalisation (key of ``Prepared.counts``).
_NOTE_PHRASES = (
    ("spaces", "read {n} non-breaking or typographic space(s) as spaces"),
    ("soft_hyphens", "ignored {n} soft hyphen(s)"),
    ("zero_width", "ignored {n} zero-width character(s)"),
    ("space_runs", "read {n} run(s) of spaces as one space"),
    ("marks", "read {n} variant quote mark(s), hyphen(s) or apostrophe(s) as the usual ones"),
)

@dataclass
class Normalised:
    """The normalised view of a text (``normalise``): ``text``, the ``OffsetMap`` back to the
    original (``None`` if nothing was left out) and what was changed, counted."""

    text: str
    offsets: OffsetMap | None
    counts: dict[str, int]

    @property
    def note(self) -> str | None:
        """One line saying what was normalised, or ``None``."""
        c = self.counts
        parts = []
        if c.get("wrapped_lines"):
            parts.append(f"joined {c['wrapped_lines']} wrapped lines into {c['wrapped_paragraphs']} paragraphs")
        parts += [said.format(n=c[key]) for key, said in _NOTE_PHRASES if c.get(key)]
        if not parts:
            return None
        return "pasted text normalised: " + "; ".join(parts) + " (offsets still index the text as given)"


def _wrap_width(lines: list[str]) -> int | None:
    """The column a text is hard-wrapped at, from the lines a paragraph continues after (a
    non-blank line follows), or ``None`` if the text does not look hard-wrapped.

    The width is the 90th percentile of those lines' lengths. A wrapper fills each line to
    within one word of it, so at least half of those lines (and three) must lie in the band
    15 columns below it, and at least half of the lines in the band must end in the middle
    of a sentence: lines of dialogue or a list can share a length, but they end where their
    sentences end.
    """
    if len(lines) < 3:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None
    band = [line for line in lines if min(width - 15, 0.7 * width) <= len(line) <= width + 2]
    if len(band) < 3 or len(band) < 0.5 * len(lines):
        return None
    open_ended = sum(1 for line in band if not line.endswith(_SENTENCE_END))
    return width if open_ended >= 0.5 * len(band) else None


def wrapped_line_breaks(text: str) -> list[tuple[int, int, bool]]:
    """The line breaks of ``text`` that only hard wrapping put there.

    Returns ``(start, end, hyphen)`` for each such break: ``text[start:end]`` is the break
    (``\\n`` or ``\\r\\n``) and ``hyphen`` is True when the line ends in a word's hyphen
    (``long-`` / ``term``), which joins without a space.

    A text is hard-wrapped when the lines that continue a paragraph (a non-blank line
    follows) come near one width and end mid-sentence (``_wrap_width``). A break is then joined only if the
    next line's first word would not have fitted on the line (which is why a wrapper broke
    it there), the line is not the text's headline straight above its first paragraph
    (``layout.is_headline``; a headline wrapped over two lines of its own is joined), and the
    next line does not start a list item or a quoted e-mail line. So a short paragraph's last
    line, a headline, or lines of dialogue are never joined to what follows them.
    """
    rows = []  # (start of line, end of content, end of break, content)
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        rows.append((pos, pos + len(body), pos + len(line), body))
        pos += len(line)
    inner = [rows[i][3].rstrip() for i in range(len(rows) - 1) if rows[i][3].strip() and rows[i + 1][3].strip()]
    width = _wrap_width(inner)
    if width is None:
        return []
    dashes = Counter(m.group(1) for m in (_DASH_ITEM.match(r[3]) for r in rows) if m)
    first = next(i for i, r in enumerate(rows) if r[3].strip())
    breaks = []
    for i in range(len(rows) - 1):
        body, nxt = rows[i][3], rows[i + 1][3]
        if not body.strip() or not nxt.strip() or rows[i][2] - rows[i][1] not in (1, 2):
            continue
        first_word = nxt.lstrip(" \t").split(" ", 1)[0]  # up to the next breakable space
        if len(body.rstrip()) + 1 + len(first_word) <= width or _BULLET.match(nxt):
            continue
        item = _DASH_ITEM.match(nxt)
        if item and dashes[item.group(1)] >= 2:
            continue
        if i == first and is_headline(body) and not _ends_block(rows, i + 1):
            continue  # the headline, straight above its first paragraph (a two-line headline is joined)
        if results_row(body) or results_row(nxt):
            continue  # a results table's rows are lines of their own, however long
        hyphen = body.endswith("-") and len(body) > 1 and body[-2].isalpha() and nxt[:1].isalpha()
        breaks.append((rows[i][1], rows[i][2], hyphen))
    return breaks if _continues_in_lower_case(text, breaks) else []


def _continues_in_lower_case(text: str, breaks: list[tuple[int, int, bool]]) -> bool:
    """Wrapped prose goes on mid-sentence, so many of its lines start with a lower-case word
    (most running words are); lines that each start a sentence or a table row do not. True when
    at least a quarter of the candidate breaks are followed by a lower-case letter."""
    if not breaks:
        return False
    lower = sum(1 for _, end, _ in breaks if text[end:end + 1].islower())
    return lower >= 0.25 * len(breaks)


def _ends_block(rows: list, k: int) -> bool:
    """True if line ``k`` is followed by a blank line (or ends the text) in a text whose
    paragraphs are separated by blank lines."""
    return (k + 1 == len(rows) or not rows[k + 1][3].strip()) and any(not r[3].strip() for r in rows[:-1])


_SPACE_RUN = re.compile(r"(?<=[^\s])[ \t]([ \t]+)(?=[^\s])")


def _extra_spaces(view: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the spaces after the first in each run of spaces between two words
    ("said  that", two spaces after a full stop): the normalised view keeps one, as a reader does."""
    return [m.span(1) for m in _SPACE_RUN.finditer(view)]


def normalise(text: str, *, join_wrapped: bool = True) -> Normalised:
    """The normalised view of ``text`` (see the module's docstring) and its ``OffsetMap``.

    ``join_wrapped=False`` keeps line breaks as they are (used for HTML, whose line breaks
    in the source are not the reader's).
    """
    counts = {
        "spaces": sum(text.count(c) for c in _SPACES),
        "soft_hyphens": text.count("\u00ad"),
        # a byte-order mark at the start is left out without a word: files often begin with one
        "zero_width": sum(text.count(c) for c in INVISIBLE[1:]) - text.startswith("\ufeff"),
    }
    view = text.translate(_TRANSLATE)
    marks = sum(1 for a, b in zip(view, text) if a != b and a != " ") if view != text else 0
    view, apostrophes = _APOSTROPHE_LIKE.subn("’", view)
    counts["marks"] = marks + apostrophes
    removed = [m.start() for m in _LEFT_OUT.finditer(view)]
    # Line joining reads the text as the reader sees it: without the invisible characters,
    # and with its non-breaking spaces, where a wrapper cannot break a line.
    visible = _LEFT_OUT.sub("", text) if removed else text
    pre = OffsetMap(removed) if removed else None
    joins: list[tuple[int, str]] = []  # (original index, replacement: "" removes it)
    if join_wrapped:
        breaks = wrapped_line_breaks(visible)
        paragraphs = 0
        for n, (s, e, hyphen) in enumerate(breaks):
            if n == 0 or "\n" in visible[breaks[n - 1][1]:s]:  # the line before did not join
                paragraphs += 1
            o = pre.start if pre else (lambda i: i)
            for i in range(s, e - 1):
                joins.append((o(i), ""))  # the \r of \r\n
            keep_space = not hyphen and visible[s - 1] not in " \t"
            joins.append((o(e - 1), " " if keep_space else ""))
            j = e
            while j < len(visible) and visible[j] in " \t":  # the next line's indentation
                joins.append((o(j), ""))
                j += 1
        if breaks:
            counts["wrapped_lines"] = len(breaks) + paragraphs
            counts["wrapped_paragraphs"] = paragraphs
    runs = _extra_spaces(view)
    if runs:
        counts["space_runs"] = len(runs)
        taken = set(removed) | {i for i, _ in joins}
        removed = sorted(set(removed) | {i for s, e in runs for i in range(s, e)} - taken)
    if not removed and not joins:
        return Normalised(view, None, counts)
    chars = list(view)
    for i, repl in joins:
        chars[i] = repl
    for i in removed:
        chars[i] = ""
    left_out = sorted(removed + [i for i, repl in joins if not repl])
    return Normalised("".join(chars), OffsetMap(left_out) if left_out else None, counts)


# --------------------------------------------------------------------------- prepare


def _looks_binary_text(sample: str) -> bool:
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\f\r")
    return bool(sample) and controls / len(sample) > 0.05


def prepare(text: str) -> Prepared:
    """Validate ``text``, normalise it (``normalise``) and build the analysable copy.

    Masks HTML markup (if the text is HTML), character references and publisher boilerplate
    in the normalised view, and collects warnings (HTML, references, not English). Raises ``InputError`` with one plain
    line if there is nothing to analyse.
    """
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError("the text is empty" if not text else "the text holds only whitespace")
    if _looks_binary_text(text[:8192]):
        raise InputError("the text looks like binary data, not prose")
    warnings: list[str] = []
    set_aside: list[SetAside] = []
    is_html = looks_like_html(text)
    norm = normalise(text, join_wrapped=not is_html)
    original, text = text, norm.text  # from here on, ``text`` is the normalised view
    chars = list(text)

    markup = bytearray(len(text)) if is_html else None
    if is_html:
        spans, set_aside = _html_spans(text)
        for s, e, kind in spans:
            (_mask_block if kind == "block" else _mask)(chars, s, e)
            markup[s:e] = b"\x01" * (e - s)
        blocks = f" and {len(set_aside)} script, style or similar block(s)" if set_aside else ""
        warnings.append(
            f"the text looks like HTML: {len(spans) - len(set_aside)} tag(s){blocks} were masked "
            "and not analysed (offsets still index the text as given); paste the article's plain "
            "text for the best results"
        )
    refs = _decode_charrefs(text, chars, markup)
    if refs:
        warnings.append(
            f"{refs} HTML character reference(s) such as '&amp;' or '&rsquo;' were read as the "
            "characters they stand for"
        )
    boilerplate = find_boilerplate("".join(chars) if is_html or refs else text)
    for part in boilerplate:
        _mask(chars, part.start, part.end)
    set_aside = sorted(set_aside + boilerplate, key=lambda p: p.start)
    for part in set_aside:  # offsets and characters of the text as given, markup included
        if norm.offsets is not None:
            part.start, part.end = norm.offsets.span(part.start, part.end)
        part.text = original[part.start:part.end]
    analysable = "".join(chars)
    if not analysable.strip():
        what = "HTML markup" if is_html else "publisher boilerplate"
        raise InputError(f"the text holds nothing but {what}")
    note = language_warning(analysable)
    if note:
        warnings.append(note)
    return Prepared(text=original, analysable=analysable, set_aside=set_aside, warnings=warnings,
                    normalised=text, offsets=norm.offsets, note=norm.note)


def chunk_bounds(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive ``(start, end)`` pieces of at most ``max_chars``.

    Cuts fall after a paragraph break where possible, else after a line break, else after
    a space, so no sentence a reader would see is cut unless a paragraph is longer than
    ``max_chars``. Each piece ends with the whitespace it was cut at, so joining the parsed
    pieces with ``Doc.from_docs`` gives back the text exactly.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    bounds = []
    start = 0
    n = len(text)
    while n - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", " "):
            i = text.rfind(sep, start, window_end)
            if i > start:
                cut = i + len(sep)
                break
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


# --------------------------------------------------------------------------- files


def _looks_binary(raw: bytes) -> bool:
    if b"\x00" in raw[:8192]:
        return True
    sample = raw[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_bytes(raw: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Decode file bytes to text, returning ``(text, warnings)``.

    UTF-8 (with or without a byte-order mark, which is dropped) is read as is, and so is
    UTF-16 with a byte-order mark (what Windows Notepad saves as "Unicode"). Anything else is
    decoded as Windows-1252, the usual encoding of text saved on Windows, with a warning; that
    decoding cannot fail, so text is never lost.
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts like UTF-16 text but cannot be decoded as UTF-16") from None
    if _looks_binary(raw):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    return text, [f"{name}: not UTF-8; decoded as Windows-1252 (cp1252)"]


def read_text_file(path: str | Path) -> tuple[str, list[str]]:
    """Read an article from disk; raise ``InputError`` with a one-line reason if it cannot be."""
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a text file")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path}: too large ({size / 1e6:.0f} MB; the kit reads texts up to "
                             f"{MAX_FILE_BYTES // 1_000_000} MB)")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise InputError(f"{path}: the file is empty")
    text, warnings = decode_bytes(raw, str(path))
    if not text.strip():
        raise InputError(f"{path}: the file holds only whitespace")
    return text, warnings


def named(path: str, message: str) -> str:
    """``message`` prefixed with the file's name, unless it already starts with it."""
    return message if message.startswith(f"{path}:") else f"{path}: {message}"


def read_prepared(path: str):
    """``(path, Prepared)`` for a readable file, ``(path, InputError)`` naming it otherwise.
    Decoding warnings (e.g. not UTF-8) come first among the prepared text's warnings."""
    try:
        text, warnings = read_text_file(path)
        prepared = prepare(text)
    except InputError as exc:
        return path, InputError(named(path, str(exc)))
    prepared.warnings[:0] = warnings
    return path, prepared
