"""Text intake: reading files, masking what is not prose, checking the language, chunking.

The one rule here: offsets always index the original text. Nothing is normalised in
place. Parts that must not be analysed are *masked*: the analysable text is a copy of the
original of the same length in which those parts are blanked to spaces, so every offset the
pipeline produces is an offset of the original. What gets masked:

- publisher boilerplate lines (a feed footer, a syndication note: ``data/boilerplate.json``);
- HTML pasted instead of text: tags, comments and the contents of ``<script>``, ``<style>``,
  ``<head>`` and similar elements. Block-level tags (``<p>``, ``</div>``, ``<br>`` ...) become
  line breaks in the copy, so paragraphs and sentences still end where a reader sees them end;
- HTML character references (``&amp;``, ``&rsquo;``, ``&#8217;``, ``&nbsp;`` ...), in HTML or in
  plain text: a reference is longer than the character it stands for, so the copy holds the
  decoded character **at the end** of the reference's span, preceded by spaces
  (``Trump&rsquo;s`` -> ``Trump      ’s``). Right-aligning keeps the decoded character glued
  to the word after it, which is what matters most: a possessive or contraction then splits
  into the same tokens spaCy makes of ``Trump’s`` (``Trump`` + ``’s``), and an opening quote
  mark stays on its word. An item whose span covers a reference still reports the original
  characters (``text[start:end]``), e.g. ``AT&amp;T``. A reference that stands for whitespace
  (``&nbsp;``) becomes plain spaces.

Intake also warns (never refuses) when a text does not look like English, since the kit's
model is English (``english_share``), and refuses with one plain line (``InputError``) what it
cannot analyse at all: empty, whitespace-only or binary input, missing files, directories.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .data import data_path
from .layout import lines

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
    """The original text, its same-length analysable copy, and what was set aside."""

    text: str
    analysable: str
    set_aside: list[SetAside] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- boilerplate


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[tuple[str, re.Pattern, str]]:
    spec = json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))
    return [(p["name"], re.compile(p["regex"], re.IGNORECASE), p["why"]) for p in spec["patterns"]]


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


@lru_cache(maxsize=1)
def _boilerplate_blocks() -> list[tuple[str, re.Pattern, re.Pattern, int, str]]:
    spec = json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))
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


def find_boilerplate(text: str) -> list[SetAside]:
    """Lines that are publisher boilerplate (feed footers, syndication notes) and embedded reader
    forms (:func:`find_form_blocks`), in text order."""
    found = find_form_blocks(text)
    inside = [(p.start, p.end) for p in found]
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not any(a <= pos + len(line) - len(line.lstrip()) < b for a, b in inside):
            lead = len(line) - len(line.lstrip())
            for name, pattern, why in _boilerplate_patterns():
                if pattern.match(stripped):
                    start = pos + lead
                    found.append(SetAside(start, start + len(stripped), stripped, f"{name}: {why}"))
                    break
        pos += len(line)
    return sorted(found, key=lambda p: p.start)


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


# --------------------------------------------------------------------------- prepare


def _looks_binary_text(sample: str) -> bool:
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\f\r")
    return bool(sample) and controls / len(sample) > 0.05


def prepare(text: str) -> Prepared:
    """Validate ``text`` and build its same-length analysable copy.

    Masks HTML markup (if the text is HTML), character references and publisher boilerplate,
    and collects warnings (HTML, references, not English). Raises ``InputError`` with one plain
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
    chars = list(text)
    if text[0] == "\ufeff":  # a byte-order mark read as a character
        chars[0] = " "

    is_html = looks_like_html(text)
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
    if is_html or refs:
        masked = "".join(chars)
        boilerplate = find_boilerplate(masked)
        for part in boilerplate:  # report the original characters, markup included
            part.text = text[part.start:part.end]
    else:
        boilerplate = find_boilerplate(text)
    for part in boilerplate:
        _mask(chars, part.start, part.end)
    set_aside = sorted(set_aside + boilerplate, key=lambda p: p.start)
    analysable = "".join(chars)
    if not analysable.strip():
        what = "HTML markup" if is_html else "publisher boilerplate"
        raise InputError(f"the text holds nothing but {what}")
    note = language_warning(analysable)
    if note:
        warnings.append(note)
    return Prepared(text=text, analysable=analysable, set_aside=set_aside, warnings=warnings)


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
